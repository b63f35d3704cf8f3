"""Records files: one release a record, ``file#N`` ids, one warning per bad record, streamed."""

from __future__ import annotations

import csv
import json
import random
import tracemalloc
from pathlib import Path

import pytest

from interpol_tui.corpus.formats.records import MAX_RECORD_WARNINGS
from interpol_tui.corpus.loader import load_corpus
from interpol_tui.corpus.model import Corpus


def _record(n: int, **extra: object) -> dict[str, object]:
    return {
        "headline": f"Patrol boats stop smugglers near island number {n}",
        "date": f"2021-06-{n % 28 + 1:02d}",
        "content": f"SUVA, Fiji – Patrol boats stopped {n + 2} boats carrying contraband.",
        **extra,
    }


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    folder = tmp_path / "records"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return folder


def _load(folder: Path, max_bytes: int = 5 * 1024 * 1024) -> Corpus:
    return load_corpus([folder], max_bytes=max_bytes)


def test_json_lines_with_broken_lines_load_the_rest_with_one_warning_each(tmp_path: Path) -> None:
    lines = [
        json.dumps(_record(1)),
        "",  # blank lines are no records
        '{"headline": "cut off", "content": "LYON, Fran',
        json.dumps(_record(2)),
        "[1, 2, 3]",
        json.dumps({"headline": "No body at all here"}),
        "\x00\x01garbage\xff",
        json.dumps(_record(3)),
    ]
    folder = _write(tmp_path, "export.jsonl", "\n".join(lines) + "\n")
    corpus = _load(folder)
    # Record numbers count every record, good or bad, so ids do not move when one is fixed.
    assert [doc.id for doc in corpus.documents] == [
        "export.jsonl#1",
        "export.jsonl#3",
        "export.jsonl#7",
    ]
    assert [doc.dateline for doc in corpus.documents] == ["SUVA, Fiji"] * 3
    assert corpus.documents[1].title == "Patrol boats stop smugglers near island number 2"
    assert corpus.documents[1].date == "2021-06-03"
    assert list(corpus.warnings) == [
        "export.jsonl: line 3: not valid JSON (Unterminated string starting at column 36), skipped",
        "export.jsonl: line 5: a JSON list, not an object, skipped",
        "export.jsonl: line 6: no text in field text/body/content/…, skipped",
        "export.jsonl: line 7: not valid JSON (Expecting value at column 1), skipped",
    ]


def test_ids_come_from_the_id_field_and_stay_unique(tmp_path: Path) -> None:
    records = [_record(1, id="a-1"), _record(2, id=7), _record(3, id="a-1"), _record(4, id="3")]
    folder = _write(tmp_path, "e.ndjson", "\n".join(map(json.dumps, records)))
    ids = [doc.id for doc in _load(folder).documents]
    # A repeated id falls back to the record's number; a number already taken gets a mark.
    assert ids == ["e.ndjson#a-1", "e.ndjson#7", "e.ndjson#3", "e.ndjson#4"]
    assert len(set(ids)) == len(ids)
    records[3]["id"] = "4"
    records[2]["id"] = "4"
    folder = _write(tmp_path, "e.ndjson", "\n".join(map(json.dumps, records)))
    assert [doc.id for doc in _load(folder).documents] == [
        "e.ndjson#a-1",
        "e.ndjson#7",
        "e.ndjson#4",
        "e.ndjson#4'",
    ]


def test_a_date_field_that_is_no_date_is_a_warning_on_its_release(tmp_path: Path) -> None:
    folder = _write(tmp_path, "e.jsonl", json.dumps(_record(1, date="last Tuesday")))
    (doc,) = _load(folder).documents
    assert doc.date is None
    assert doc.warnings == ("e.jsonl#1: line 1: date 'last Tuesday' is not a date",)


def test_control_characters_in_json_strings_are_stripped(tmp_path: Path) -> None:
    record = _record(1, headline="Boats \u001b]0;owned\u0007stopped near the reef")
    record["content"] = "SUVA, Fiji – Boats\u001b[31m were stopped \u009b2J today."
    folder = _write(tmp_path, "e.jsonl", json.dumps(record))
    (doc,) = _load(folder).documents
    assert doc.title == "Boats stopped near the reef"
    assert doc.text.startswith("SUVA, Fiji – Boats were stopped ")
    assert doc.text.endswith(" today.") and "2J" not in doc.text
    assert doc.warnings == ("e.jsonl#1: line 1: terminal control characters removed",)


def test_a_large_json_lines_file_is_not_held_to_the_file_limit(tmp_path: Path) -> None:
    limit = 16 * 1024
    lines = [json.dumps(_record(n)) for n in range(400)]  # about 80 KB, five times the limit
    lines.insert(10, json.dumps(_record(999, content="x" * (limit + 10))))
    folder = _write(tmp_path, "big.jsonl", "\n".join(lines))
    corpus = _load(folder, max_bytes=limit)
    assert len(corpus.documents) == 400
    assert corpus.warnings == ("big.jsonl: line 11: record over the 16,384-byte limit, skipped",)


def test_json_lines_are_streamed_not_read_whole(tmp_path: Path) -> None:
    # Records that are mostly a field no role reads: a file read whole would cost
    # its size in memory; read line by line, about one line.
    pad = "p" * 20_000
    lines = (json.dumps(_record(n, padding=pad)) for n in range(1_000))
    folder = _write(tmp_path, "pad.jsonl", "\n".join(lines))
    size = (folder / "pad.jsonl").stat().st_size
    assert size > 20_000_000
    tracemalloc.start()
    try:
        corpus = _load(folder)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(corpus.documents) == 1_000
    assert peak < size / 10


def test_many_bad_records_are_counted_in_one_more_warning(tmp_path: Path) -> None:
    lines = [json.dumps(_record(0))] + ["not json"] * (MAX_RECORD_WARNINGS + 30)
    corpus = _load(_write(tmp_path, "bad.jsonl", "\n".join(lines)))
    assert len(corpus.documents) == 1
    assert len(corpus.warnings) == MAX_RECORD_WARNINGS + 1
    assert corpus.warnings[-1] == (
        "bad.jsonl: 30 more bad record(s) skipped, on lines 22, 23, 24, 25, 26, …"
    )


def test_a_binary_records_file_is_one_warning(tmp_path: Path) -> None:
    rng = random.Random(15)
    for name in ("x.jsonl", "x.json", "x.csv"):
        folder = _write(tmp_path / name, name, bytes(rng.randrange(256) for _ in range(4096)))
        assert _load(folder).warnings == (f"{name}: binary file, not text, skipped",)


def test_binary_garbled_json_lines_load_what_can_be_read(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytearray("\n".join(json.dumps(_record(n)) for n in range(50)).encode())
    for _ in range(40):
        data[rng.randrange(len(data))] = rng.randrange(128, 256)
    corpus = _load(_write(tmp_path, "g.jsonl", bytes(data)))
    assert len(corpus.documents) >= 10
    named = [w for w in corpus.warnings if w.startswith("g.jsonl")]
    assert named == list(corpus.warnings)
    lines_warned = [w.split(":")[1] for w in corpus.warnings if ": line " in w]
    assert len(lines_warned) == len(set(lines_warned))  # one warning per record
    for doc in corpus.documents:
        assert doc.text.startswith("SUVA")


def test_csv_with_quoted_newlines_and_a_bad_row(tmp_path: Path) -> None:
    rows = [
        ["title", "date", "text"],
        [
            "Airport checks find forged passports",
            "4 March 2019",
            "DOHA, Qatar – Officers found 17 forged passports.\n\nThe checks lasted a week.",
        ],
        ["Only two fields", "2019-03-05"],
        ["Border guards train with new scanners", "2019-03-06", "OSLO, Norway – Guards trained."],
    ]
    folder = tmp_path / "csv"
    folder.mkdir()
    with (folder / "e.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    corpus = _load(folder)
    first, second = corpus.documents
    assert first.id == "e.csv#1"
    assert first.date == "2019-03-04"
    assert (
        first.text
        == "DOHA, Qatar – Officers found 17 forged passports.\n\nThe checks lasted a week."
    )
    # The quoted newlines took lines 2-4: the short row is on line 5, and numbered 2.
    assert corpus.warnings == ("e.csv: line 5: 2 fields where the header has 3, skipped",)
    assert second.id == "e.csv#3" and second.dateline == "OSLO, Norway"


def test_csv_with_semicolons_and_headers_in_any_case(tmp_path: Path) -> None:
    data = (
        "Headline;Published_At;Body\n"
        "Divers search the harbour;2018-07-01;KINGSTON, Jamaica – Divers searched.\n"
    )
    (doc,) = _load(_write(tmp_path, "semi.csv", data)).documents
    assert doc.title == "Divers search the harbour"
    assert doc.date == "2018-07-01"
    assert doc.dateline == "KINGSTON, Jamaica"


def test_a_garbled_csv_loads_what_can_be_read(tmp_path: Path) -> None:
    lines = ["title,text"] + [
        f'"Release {n} about checks at the border","LIMA, Peru – Officers checked {n} trucks."'
        for n in range(30)
    ]
    data = bytearray("\n".join(lines).encode())
    rng = random.Random(3)
    for _ in range(25):
        data[rng.randrange(20, len(data))] = rng.choice(b'"\xff\xfe,')
    corpus = _load(_write(tmp_path, "g.csv", bytes(data)))
    assert corpus.documents
    assert all(w.startswith("g.csv") for w in corpus.warnings)


def test_a_json_array_with_a_broken_element_loads_the_others(tmp_path: Path) -> None:
    good = [json.dumps(_record(n), indent=2) for n in range(4)]
    broken = '{\n  "headline": "Broken record",\n  "content": "no closing quote,\n}'
    text = "[\n" + ",\n".join([good[0], good[1], broken, good[2], good[3]]) + "\n]\n"
    corpus = _load(_write(tmp_path, "a.json", text))
    assert [doc.id for doc in corpus.documents] == ["a.json#1", "a.json#2", "a.json#4", "a.json#5"]
    (warning,) = corpus.warnings
    assert warning.startswith("a.json: line 12: not valid JSON")


def test_a_json_file_of_one_object_is_one_release(tmp_path: Path) -> None:
    (doc,) = _load(_write(tmp_path, "one.json", json.dumps(_record(5)))).documents
    assert doc.id == "one.json#1"
    assert doc.dateline == "SUVA, Fiji"


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ('"just a string"', "one.json: line 1: not a JSON array of objects, skipped"),
        ('[1, {"x": 2}]', "one.json: line 1: a JSON int, not an object, skipped"),
    ],
)
def test_a_json_file_that_holds_no_records_is_a_warning(
    tmp_path: Path, text: str, warning: str
) -> None:
    assert warning in _load(_write(tmp_path, "one.json", text)).warnings


def test_a_compact_json_array_of_many_records(tmp_path: Path) -> None:
    records = [_record(n) for n in range(300)]
    corpus = _load(_write(tmp_path, "c.json", json.dumps(records)), max_bytes=4096)
    assert len(corpus.documents) == 300
    assert corpus.warnings == ()


def test_a_stated_title_that_reads_as_a_sentence_is_still_the_title(tmp_path: Path) -> None:
    records = [
        {"title": "Twelve arrested in port raids.", "text": "GDANSK, Poland – Police arrested 12."},
        {
            "title": "What the divers found: a summary",
            "text": "Key figures of the week\n\nCEBU, Philippines – Divers found 3 wrecks.",
        },
    ]
    first, second = _load(
        _write(tmp_path, "t.jsonl", "\n".join(map(json.dumps, records)))
    ).documents
    assert first.title == "Twelve arrested in port raids."
    assert first.text == "GDANSK, Poland – Police arrested 12."
    assert first.dateline == "GDANSK, Poland"
    # Under a stated title, a first line that reads as a headline is text.
    assert second.title == "What the divers found: a summary"
    assert second.text.startswith("Key figures of the week\n\nCEBU, Philippines")


def test_a_fifo_named_like_a_records_file_is_one_warning(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "fifo"
    folder.mkdir()
    os.mkfifo(folder / "feed.jsonl")
    assert _load(folder).warnings == ("feed.jsonl: not a regular file, skipped",)


def test_a_text_field_holding_html_reads_as_the_plain_text(tmp_path: Path) -> None:
    plain = _record(1)
    marked = _record(1, id="html")
    marked["content"] = (
        "<p>SUVA, Fiji &ndash; Patrol boats <b>stopped</b> 3 boats carrying contraband.</p>"
        "<script>track('NOT TEXT')</script><p>Crews&#27;[31m were <a href='/x'>questioned</a>."
        "<br>Nobody was hurt.</p>"
    )
    plain["content"] = (
        "SUVA, Fiji – Patrol boats stopped 3 boats carrying contraband.\n\n"
        "Crews were questioned.\n\nNobody was hurt."
    )
    folder = _write(tmp_path, "h.jsonl", "\n".join(map(json.dumps, [plain, marked])))
    first, second = _load(folder).documents
    assert second.text == first.text
    assert second.dateline == "SUVA, Fiji"
    assert second.warnings == ("h.jsonl#html: line 2: terminal control characters removed",)
    # Text that merely mentions a tag is not markup.
    only = json.dumps(_record(2, content="SUVA, Fiji – Use <b> for bold."))
    folder = _write(tmp_path / "t", "t.jsonl", only)
    assert _load(folder).documents[0].text == "SUVA, Fiji – Use <b> for bold."


def test_a_cancelled_load_stops_inside_a_large_records_file(tmp_path: Path) -> None:
    from interpol_tui.corpus.formats.records import CHECK_EVERY

    folder = _write(tmp_path, "big.jsonl", "\n".join(json.dumps(_record(n)) for n in range(1_000)))
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3  # cancelled at the third look inside the file

    corpus = load_corpus([folder], cancelled=cancelled)
    assert len(corpus.documents) == 3 * CHECK_EVERY - 1


def test_reading_records_leaves_no_file_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc
    import sys
    import warnings

    folder = _write(tmp_path, "a.json", json.dumps([_record(1), _record(2)]))
    _write(
        tmp_path, "b.csv", "title,text\nBoats stopped near the reef,SUVA – Boats were stopped.\n"
    )
    unraisable: list[object] = []
    # A file wrapper collected unclosed warns from __del__, where an error is "unraisable".
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        corpus = _load(folder)
        gc.collect()
    assert len(corpus.documents) == 3
    assert unraisable == []
