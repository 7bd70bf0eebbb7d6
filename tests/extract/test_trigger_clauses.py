"""The steps after a sentence's trigger search (extract.trigger_clauses)."""
from dateline.extract.event_lexicon import bare_trigger_words, grammar_words
from dateline.extract.trigger_clauses import _names_wrong


def test_a_wrong_is_read_from_the_words_own_rows_as_the_bare_trigger_set_holds_it():
    wrongs = bare_trigger_words(grammar_words("harm_roots") | {"13"})
    words = sorted(wrongs)[:40] + ["attack", "attacks", "threat", "talks", "said", "the", "meeting", "warned"]
    for w in words:
        assert _names_wrong(w) == (w in wrongs), w
