"""The same synthetic releases saved in every format read: text, Markdown, HTML, records.

The releases are written for these tests (invented operations, people and
figures); each is saved as a ``.txt`` file the way a scraper writes one, as
Markdown with front matter, as a web page with navigation, metadata, scripts
and styles around the article, and as one record of a JSON Lines file, of a
JSON array and of a CSV file.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Release:
    """One synthetic release: what every format must read the same."""

    slug: str
    title: str
    date: str
    """ISO."""
    date_text: str
    """As the page prints it."""
    dateline: str
    paragraphs: tuple[str, ...]
    """The first one opens with the dateline."""


RELEASES = (
    Release(
        slug="storm",
        title="Regional operation Kestrel leads to 61 arrests",
        date="2024-05-14",
        date_text="14 May 2024",
        dateline="NAIROBI, Kenya",
        paragraphs=(
            "NAIROBI, Kenya – Police in seven countries arrested 61 people and seized "
            "2.4 tonnes of cannabis during Operation Kestrel, coordinated by INTERPOL.",
            "“The results show what shared intelligence can do,” said Chief Inspector "
            "Amara Okonkwo, who led the operation.",
            "Officers checked some 12,000 travellers against INTERPOL databases at 40 "
            "border posts between 2 and 9 May.",
        ),
    ),
    Release(
        slug="vienna",
        title="Forensic experts meet in Vienna to share fingerprint methods",
        date="2023-11-02",
        date_text="2 November 2023",
        dateline="VIENNA, Austria",
        paragraphs=(
            "VIENNA, Austria – More than 150 forensic specialists from 60 countries met "
            "this week to compare methods for matching fingerprints across borders.",
            "The meeting was hosted by the Austrian Federal Police and opened by "
            "Director Sven Lindqvist of the INTERPOL Forensics Unit.",
        ),
    ),
    Release(
        slug="cyber",
        title="New cybercrime training course opens in Singapore",
        date="2022-02-28",
        date_text="28 February 2022",
        dateline="SINGAPORE",
        paragraphs=(
            "SINGAPORE – Investigators from 25 countries began a two-week course on "
            "tracing cryptocurrency payments used in ransomware attacks.",
            "“Criminals move money in minutes; we must follow it as fast,” said "
            "trainer Mei Nakamura.",
            "The course is the third of its kind since 2019.",
        ),
    ),
)


def as_text(release: Release) -> str:
    """The release as a scraper saves it: title, date line, paragraphs."""
    return "\n\n".join((release.title, release.date_text, *release.paragraphs)) + "\n"


def as_markdown(release: Release) -> str:
    """The release as Markdown with front matter, the dateline in bold, a link and emphasis."""
    first, *rest = release.paragraphs
    place, dash, lede = first.partition(" – ")
    lede = lede.replace("INTERPOL", "[INTERPOL](https://example.org/)", 1)
    body = [f"**{place}**{' ' if dash else ''}{dash.strip()} {lede}".strip(), *rest]
    body = [paragraph.replace(" countries", " *countries*", 1) for paragraph in body]
    return (
        f'---\ntitle: "{release.title}"\ndate: {release.date}\n---\n\n'
        f"# {release.title}\n\n" + "\n\n".join(body) + "\n"
    )


def as_html(release: Release) -> str:
    """The release as a saved web page: metadata, navigation, script, style and footer."""
    paragraphs = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in release.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(release.title)} | Example Police News</title>
<meta property="og:title" content="{html.escape(release.title)}">
<meta property="article:published_time" content="{release.date}T09:30:00+02:00">
<link rel="canonical" href="https://news.example.org/{release.slug}">
<style>body {{ font-family: sans-serif }} p::before {{ content: "NOT TEXT" }}</style>
<script>window.tracker = {{"page": "{release.slug}", "text": "NOT TEXT"}};</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/contact">Contact us</a></li></ul></nav></header>
<main><article>
<h1>{html.escape(release.title)}</h1>
<p class="date"><time datetime="{release.date}">{release.date_text}</time></p>
{paragraphs}
</article></main>
<footer><p>© Example Police News. <a href="/privacy">Privacy policy</a></p></footer>
<script>console.log("NOT TEXT either")</script>
</body></html>
"""


def as_record(release: Release) -> dict[str, str]:
    """The release as a scraper's export record."""
    return {
        "id": release.slug,
        "title": release.title,
        "published": release.date,
        "body": "\n\n".join(release.paragraphs),
        "url": f"https://news.example.org/{release.slug}",
    }


def as_csv(records: list[dict[str, str]]) -> str:
    """Records as CSV with a header row (bodies hold quoted newlines)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]))
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


def write_formats(folder: Path) -> dict[str, Path]:
    """Write every release in every format under ``folder``; return each format's folder."""
    folders = {name: folder / name for name in ("text", "markdown", "html", "records")}
    for path in folders.values():
        path.mkdir(parents=True)
    for release in RELEASES:
        (folders["text"] / f"{release.slug}.txt").write_text(as_text(release), encoding="utf-8")
        (folders["markdown"] / f"{release.slug}.md").write_text(as_markdown(release), "utf-8")
        (folders["html"] / f"{release.slug}.html").write_text(as_html(release), "utf-8")
    # In the order of the text files' names, so reports list the releases alike.
    records = [as_record(release) for release in sorted(RELEASES, key=lambda r: r.slug)]
    lines = "\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    (folders["records"] / "export.jsonl").write_text(lines + "\n", encoding="utf-8")
    (folders["records"] / "export.json").write_text(
        json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    (folders["records"] / "export.csv").write_text(as_csv(records), encoding="utf-8")
    return folders
