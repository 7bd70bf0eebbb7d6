"""dateline.nlp.lexeme_attrs: each getter returns exactly what spaCy's own returns, for every string."""
from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.nlp import lexeme_attrs
from dateline.nlp.build import make_nlp
from dateline.settings import load_settings

PAIRS = sorted(lexeme_attrs.EQUIVALENTS.items(), key=lambda kv: kv[1].__name__)

# strings at the edges of each getter's fast path: ASCII and not, runs of one shape, dots, signs,
# number words, e-mail and URL forms, whitespace, the empty string
STRINGS = [
    "", " ", "\n\n", "\t", "word", "Word", "WORD", "wOrD", "x", "ab", "abcd", "abcde", "aaaaa", "AAAAAAAA",
    "aaaaAaaaaa", "12345", "1,000,000", "3.14", "+5", "-12", "±3", "~40", "1/2", "1/2/3", "a/b", "21st",
    "2nd", "3rd", "4th", "th", "st", "One", "twelve", "TWELVE", "eleventh", "Hundredth", "million",
    "millions", "gajillion", "-", "--", "---", "...", "....", ".....", "!?", "(", ")", "[", "'s", "’s",
    "n't", "U.S.", "U.S", "Mr.", "e.g.", "$", "$$", "$5", "€", "£5", "¥", "₹", "%", "&", "#", "@", "@home",
    "a@b.com", "first.last+tag@mail.example.org", "@a.b", "http://x", "https://x.org/a", "http:/x",
    "www.", "www.x", "www.example.com", "example.com", "example.com.", ".com", "example.co.uk/path",
    "foo.bar", "foo.bar:80", "x.y/", "site.museum", "a.b.c", "localhost:8080", "no-dot-here",
    "Zürich", "ZÜRICH", "naïve", "Ǆemal", "ǅ", "straße", "Σ", "١٢٣", "²", "½", "ⅷ", "三", "３", "…", "—",
    "«", "»", "“", "”", "„", "।", "。", "？", "¡", "¿", "·", "§", "¶", "\u200b", "\xa0", "x" * 99,
    "x" * 100, "X" * 150, "ab12CD--ef", "R2-D2", "C-3PO", "_", "__init__", "a_b", "^", "`", "|", "~",
    "xxxxxXXXXXddddd", "dddddd", "aaaa1111BBBB", "------", "a-----b", "\x7f", "\x00",
]


def outcome(func, text):
    """What ``func(text)`` gives: its value and the value's type, or the exception it raises."""
    try:
        value = func(text)
    except Exception as exc:  # noqa: BLE001 - spaCy's like_url fails on the empty string: so must ours
        return ("raises", type(exc))
    return (value, type(value))


@pytest.mark.parametrize("spacy_func,fast", PAIRS, ids=[f.__name__ for _, f in PAIRS])
def test_each_getter_returns_what_spacys_returns(spacy_func, fast):
    for text in STRINGS:
        assert outcome(fast, text) == outcome(spacy_func, text), text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12) | st.text(alphabet="aA1.,/-+@:$ \n'’€xX", max_size=12))
def test_the_getters_agree_with_spacy_on_generated_strings(text):
    for spacy_func, fast in PAIRS:
        assert outcome(fast, text) == outcome(spacy_func, text), (spacy_func.__name__, text)


def test_install_replaces_spacys_getters_only():
    vocab = spacy.blank("en").vocab
    before = dict(vocab.lex_attr_getters)
    lexeme_attrs.install(vocab)
    after = vocab.lex_attr_getters
    assert after.keys() == before.keys()
    replaced = {a for a in after if after[a] is not before[a]}
    assert replaced and all(after[a] is lexeme_attrs.EQUIVALENTS[before[a]] for a in replaced)
    assert all(before[a] not in lexeme_attrs.EQUIVALENTS for a in after.keys() - replaced)


def test_the_rules_only_tokens_carry_the_same_lexeme_attributes_as_spacys():
    text = "Gen. Smith said 12 rockets, twelve in all, hit www.example.com at 3:45 -- e-mail a@b.org!"
    attrs = ("shape_", "like_num", "like_url", "like_email", "is_punct", "is_ascii", "is_currency", "norm_",
             "lower_", "is_stop", "prefix_", "suffix_")
    fast, plain = spacy.blank("en"), spacy.blank("en")     # the same tokenizer: only the getters differ
    lexeme_attrs.install(fast.vocab)
    ours, theirs = fast.make_doc(text), plain.make_doc(text)
    assert [t.text for t in ours] == [t.text for t in theirs]
    for a, b in zip(ours, theirs):
        assert [getattr(a, x) for x in attrs] == [getattr(b, x) for x in attrs], a.text
    getters = make_nlp(load_settings(model="none")).vocab.lex_attr_getters      # the pipeline's vocab has them
    assert set(lexeme_attrs.EQUIVALENTS.values()) <= set(getters.values())
