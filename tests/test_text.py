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


_LONG = ("The minister said.The talks at 2:55 p.m. in the U.S.-led bloc didn't end; rock'n'roll A&P shares "
         "rose 3.5% on Monday, officials said. ") * 6


@pytest.mark.parametrize("start,end", [
    (0, None), (0, len(_LONG)), (4, 17), (3, 9), (5, 40), (17, 18), (18, 60), (20, 23), (24, 29),
    (30, 31), (100, 101), (len(_LONG) - 5, None), (len(_LONG) - 1, len(_LONG)), (10, 10), (12, 8),
    (-3, 20), (0, len(_LONG) + 5), (len(_LONG), None),
])
def test_tokenize_slices_the_one_tokenization(start, end):
    """A stretch's tokens (sliced from the article's one tokenization) are those of a scan of the
    stretch alone, also where the stretch cuts a word, a time or a contraction."""
    from dateline.text import _scan

    stop = len(_LONG) if end is None else end
    assert tokenize(_LONG, start, end) == _scan(_LONG, start, stop)
    assert tokenize(_LONG, start, end) == _scan(_LONG, start, stop)      # again, from the kept tokens


def test_tokenize_keeps_the_last_articles_apart():
    other = _LONG.replace("minister", "premier")
    assert [t for _, _, t in tokenize(other, 0, 30)] == ["The", "premier", "said.The", "talks", "at"]
    assert [t for _, _, t in tokenize(_LONG, 0, 30)] == ["The", "minister", "said.The", "talks", "at"]
    assert tokenize(other, 4, 11) == [(4, 11, "premier")]
