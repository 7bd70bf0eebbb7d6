"""guard: huge runs of non-space characters are cut into tokens of PIECE characters before
tokenization; the Doc covers exactly the same text, so every offset stays an article offset."""
from __future__ import annotations

import pytest

from dateline.guard import MAX_TOKEN, PIECE, make_doc, segments

RUN = "\u201c" * (MAX_TOKEN + 250)
APOSTROPHES = "\u2019" * 3000


@pytest.mark.parametrize("text, huge_pieces", [
    ("ordinary words. ", 0),
    ("x" * MAX_TOKEN, 0),                                    # at the limit: left alone
    ("x" * (MAX_TOKEN + 1), -(-(MAX_TOKEN + 1) // PIECE)),
    (f"He said {RUN} and left.", -(-len(RUN) // PIECE)),
    (f"{RUN}\n\n{RUN}", 2 * -(-len(RUN) // PIECE)),
    ("", 0),
])
def test_segments_cover_the_text(text, huge_pieces):
    segs = segments(text)
    assert segs[0][0] == 0 and segs[-1][1] == len(text)
    assert all(a == prev_b for (_, prev_b, _), (a, _, _) in zip(segs, segs[1:]))
    assert sum(h for *_, h in segs) == huge_pieces
    assert all(b - a <= PIECE for a, b, h in segs if h)


@pytest.fixture(scope="module")
def nlp():
    from dateline.nlp import load_pipeline

    return load_pipeline(None)


@pytest.mark.parametrize("text", [
    "North Korea fired a missile on Monday.",
    f"North Korea {RUN} fired.\n\nIt flew {APOSTROPHES} far.",
    "'" * 5000,
    f"  {RUN}  ",
    "https://example.org/" + "a" * 4000 + " said Kim.",
])
def test_doc_keeps_text_and_offsets(nlp, text):
    doc = make_doc(nlp, text)
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx:tok.idx + len(tok.text)] == tok.text
    assert len(doc) < len(text) // 10 + 20       # a huge run is a few long tokens, not one per character


def test_ordinary_text_is_tokenized_as_before(nlp):
    text = "SEOUL — North Korea's \u201cmissile\u201d flew 200 km, officials said."
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_texts_over_spacys_max_length_are_tokenized(nlp):
    """Only sentences are parsed, so the whole-text tokenization ignores nlp.max_length (10 MB accepted)."""
    text = "North Korea fired a missile. " * 40
    old = nlp.max_length
    nlp.max_length = 100
    try:
        assert make_doc(nlp, text).text == text
        assert make_doc(nlp, text + "'" * 2000).text == text + "'" * 2000
    finally:
        nlp.max_length = old
