"""Fuzz the whole way through: load -> clean -> analyse -> cache round trip -> search -> render.

Releases are made of the fragments that once froze or crashed the program
(tests/pathological.py), repeated, mixed with ordinary words, controls and
random text; queries likewise. Whatever comes in, every stage answers, spans
point into the clean text, the cache gives back what it was given and the
reader's lines cover the text exactly. Kept to a few seconds in CI.
"""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from hang import guard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pathological import Pipeline, write_release
from rich.cells import cell_len

FRAGMENTS = (
    "U.S.",
    "e.g.A",
    ".",
    "...",
    "“ ",
    "( ",
    "– ",
    "“Police” ",
    "‘a ",
    "'a ",
    "5% of ",
    "a, bcdThe ",
    "– Police ",
    "United Nations (UN) ",
    "Jürgen Stock said. ",
    "The Head of INTERPOL said, “we act together”. ",
    "LYON, France – ",
    "in March 2020 ",
    " ",
    "\n",
    "\n\n",
    "A",
    "字",
    "\t",
    "\x1b[31m",
    "\u202e",
    "https://www.example.org/a.B",
)
QUERY_WORDS = ("police", "t*", "stock", "(", ")", "AND", "OR", "NOT", '"', "a*", "u.s.", "字")

pieces = st.tuples(st.sampled_from(FRAGMENTS), st.integers(1, 250))
releases = st.builds(
    lambda head, parts, noise: head + "".join(f * n for f, n in parts) + noise,
    st.sampled_from(["", "Hostile release for the fuzz target\n\n", "LYON – "]),
    st.lists(pieces, min_size=1, max_size=4),
    st.text(max_size=40),
)
queries = st.one_of(
    st.lists(st.sampled_from(QUERY_WORDS), min_size=1, max_size=40).map(" ".join),
    st.tuples(st.sampled_from(QUERY_WORDS), st.integers(1, 300)).map(lambda p: (p[0] + " ") * p[1]),
    st.text(max_size=30),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(raw=releases, query=queries, width=st.integers(4, 130))
def test_every_stage_answers_whatever_the_release(raw: str, query: str, width: int) -> None:
    with guard(), tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_release(root / "corpus", raw)
        run = Pipeline(root / "corpus", root / "state", query=query, width=width).run()
    assert run.corpus is not None
    assert run.results is not None
    assert run.results.error is None or run.results.error.strip()  # a reason, not a crash
    for document in run.corpus.documents:
        text = document.text
        analysis = run.analyses[document.id]
        for span in (*analysis.entities, *analysis.figures, *analysis.quotes):
            assert 0 <= span.start <= span.end <= len(text)
            assert span.text == text[span.start : span.end]
        assert {hit.doc_id for hit in run.results.hits} <= {document.id}
    for layout, document in zip(run.layouts, run.corpus.documents, strict=True):
        body = [line for line in layout.lines if line.header is None]
        assert body[0].start == 0 and body[-1].end == len(document.text)
        for line, following in itertools.pairwise(body):
            assert following.start in (line.end, line.end + 2)  # +2: a paragraph break
        for line in body:
            shown = document.text[line.start : line.end].rstrip()
            assert cell_len(shown) <= width or len(shown) == 1
