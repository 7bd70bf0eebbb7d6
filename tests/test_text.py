import pytest

from dateline.text import paragraphs, split_sentences, tokenize


@pytest.mark.parametrize("text,expected", [
    ("The talks resumed on Oct. 31 in Geneva. Both sides left early.",
     ["The talks resumed on Oct. 31 in Geneva.", "Both sides left early."]),
    ("U.S. officials met Mr. Lee at 5 p.m. The next day they flew home.",
     ["U.S. officials met Mr. Lee at 5 p.m.", "The next day they flew home."]),
    ("First paragraph without a stop\n\nSecond paragraph.", ["First paragraph without a stop", "Second paragraph."]),
    ('"We will go," she said. "Now."', ['"We will go," she said.', '"Now."']),
])
def test_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_sentence_offsets_are_exact():
    text = "  Lead line here.\n\n  Another one follows. And a third."
    for s, e in split_sentences(text):
        assert text[s:e].strip() == text[s:e]
        assert text[s:e]


def test_paragraphs_trim():
    assert paragraphs("\n\nA b.\n\n\nC d.\n") == [(2, 6), (9, 13)]


def test_tokenize_offsets():
    text = "North Korea's U.S.-made drones"
    toks = tokenize(text)
    assert all(text[s:e] == t for s, e, t in toks)
    assert "Korea's" in [t for _, _, t in toks]
