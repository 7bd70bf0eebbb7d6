import pytest

from dateline.guard import make_doc
from dateline.nlp.sentences import blank_nlp
from dateline.text import paragraphs, split_sentences, tokenize, tokenize_lower, use_doc, word_table


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


# words: spaCy's tokens, joined where the joiners table says they are one word
@pytest.mark.parametrize("text,words", [
    ("The rebels' leader didn't go.", ["The", "rebels'", "leader", "didn't", "go", "."]),
    ("``We stay,'' the ANC/SACP envoy said", ["``", "We", "stay", ",", "''", "the", "ANC/SACP", "envoy", "said"]),
    ("Talks at 2:55 p.m. cannot end", ["Talks", "at", "2:55", "p.m.", "cannot", "end"]),
    ("A&P and an al-Qaida-linked cell", ["A&P", "and", "an", "al-Qaida-linked", "cell"]),
    ("Kim’s envoy, 45, left.", ["Kim’s", "envoy", ",", "45", ",", "left", "."]),
    ("He said.Then he left", ["He", "said", ".", "Then", "he", "left"]),
    ("“We stay.”― Ana Ruiz|Lome", ["“", "We", "stay", ".", "”", "―", "Ana", "Ruiz", "|", "Lome"]),   # token_marks.tsv
    ("a 3.5% rise - not a fall", ["a", "3.5", "%", "rise", "-", "not", "a", "fall"]),
])
def test_words_join_tokens_written_together(text, words):
    assert [w for _, _, w in tokenize(text)] == words


_LONG = ("The minister said.The talks at 2:55 p.m. in the U.S.-led bloc didn't end; rock'n'roll A&P shares "
         "rose 3.5% on Monday, officials said. ") * 6


@pytest.mark.parametrize("start,end", [
    (0, None), (0, len(_LONG)), (4, 17), (3, 9), (5, 40), (17, 18), (18, 60), (20, 23), (24, 29),
    (30, 31), (100, 101), (len(_LONG) - 5, None), (len(_LONG) - 1, len(_LONG)), (10, 10), (12, 8),
    (-3, 20), (0, len(_LONG) + 5), (len(_LONG), None),
])
def test_tokenize_slices_the_one_tokenization(start, end):
    """A stretch's words are the words of the whole text inside it, a word crossing an edge cut at
    the edge; every word is a span of whole tokens of the one tokenization."""
    whole = tokenize(_LONG)
    lo, hi = max(start, 0), min(len(_LONG) if end is None else end, len(_LONG))
    expect = [(max(a, lo), min(b, hi), _LONG[max(a, lo):min(b, hi)]) for a, b, _ in whole if lo < hi and a < hi and b > lo]
    assert tokenize(_LONG, start, end) == expect
    assert tokenize(_LONG, start, end) == expect      # again, from the kept words
    doc = make_doc(blank_nlp(), _LONG)
    bounds = {t.idx for t in doc} | {t.idx + len(t) for t in doc}
    assert all(a in bounds and b in bounds for a, b, _ in whole)


def test_tokenize_reads_the_docs_tokens():
    """A text with a Doc gets the Doc's tokens (here a Doc cut differently from the tokenizer)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    text = "Peace talks resumed"
    doc = Doc(Vocab(), words=["Peace talks", "resumed"], spaces=[True, False])
    use_doc(doc, text)
    assert [w for _, _, w in tokenize(text)] == ["Peace talks", "resumed"]


def test_tokenize_keeps_the_last_articles_apart():
    other = _LONG.replace("minister", "premier")
    assert [t for _, _, t in tokenize(other, 0, 30)] == ["The", "premier", "said", ".", "The", "talks", "at"]
    assert [t for _, _, t in tokenize(_LONG, 0, 30)] == ["The", "minister", "said", ".", "The", "talks", "at"]
    assert tokenize(other, 4, 11) == [(4, 11, "premier")]


def test_phrases_never_push_the_articles_words_out():
    """Looking up the words of other texts (phrases with no Doc) keeps the article's Doc words."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    text = "Harbour cranes stood idle all week"
    use_doc(Doc(Vocab(), words=["Harbour cranes", "stood", "idle", "all", "week"]), text)
    for phrase in ("all week", "the past few days", "two months", "all week"):
        tokenize(phrase)
    assert [w for _, _, w in tokenize(text)] == ["Harbour cranes", "stood", "idle", "all", "week"]


@pytest.mark.parametrize("start,end", [(0, None), (4, 17), (3, 9), (18, 60), (12, 8), (0, 1)])
def test_tokenize_lower_is_tokenize_lower_cased(start, end):
    words, low = tokenize_lower(_LONG, start, end)
    assert words == tokenize(_LONG, start, end)
    assert low == [w.lower() for _, _, w in words]


def test_word_table_is_the_whole_texts_words():
    toks, starts, ends, low = word_table(_LONG)
    assert toks == tokenize(_LONG)
    assert (starts, ends, low) == ([a for a, _, _ in toks], [b for _, b, _ in toks], [w.lower() for _, _, w in toks])
