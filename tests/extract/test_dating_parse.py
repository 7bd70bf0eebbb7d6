"""The parse-based dating model (extract.dating_parse): a time attached by the dependency parse to another
happening's predicate is not an event's; one attached right to its trigger is its own. Sentences are
hand-built; they are parsed with the shipped model."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from dateline.extract import dating_parse as dp
from dateline.nlp import load_pipeline, parse


@pytest.fixture(scope="module")
def nlp():
    model = load_pipeline("default")
    if model is None:       # pragma: no cover - the shipped model is part of the package
        pytest.skip("no shipped model")
    return model


def _cand(text: str, word: str, *, pos: str = "verb", hypothetical: bool = False, modality=None):
    start = text.index(word)
    return SimpleNamespace(start=start, end=start + len(word), pattern=SimpleNamespace(pos=pos),
                           hypothetical=hypothetical, modality=modality)


def _time(text: str, phrase: str, tid: str):
    start = text.index(phrase)
    return SimpleNamespace(id=tid, start=start, end=start + len(phrase))


def _judge(nlp, text: str, trigger: str, time: str, **kw):
    (sent,) = parse(nlp, text, [(0, len(text))])
    c = _cand(text, trigger, **kw)
    out = dp.parse_times([c], sent, [_time(text, time, "t1")])
    if id(c) not in out:
        return "skipped"
    foreign, own = out[id(c)]
    return "other" if "t1" in foreign else "own" if "t1" in own else None


@pytest.mark.parametrize("text,trigger,time,expected", [
    # a participial clause below the trigger, describing a participant: its time is its own
    ("The company, founded in 1975, was fined by regulators in 2003.", "fined", "1975", "other"),
    ("The company, founded in 1975, was fined by regulators in 2003.", "fined", "2003", "own"),
    ("The minister condemned the protesters for remarks made last week.", "condemned", "last week", "other"),
    # a relative clause in the present perfect describes what stands, not an act of the clause's time
    ("The envoy met on Friday with two governors who have criticized the plan.", "criticized", "Friday",
     "other"),
    # a time attached right to the trigger
    ("Police arrested the suspect on Tuesday near the border.", "arrested", "Tuesday", "own"),
    ("The mayor apologized the next day for the remark.", "apologized", "the next day", "own"),
    # predicates sharing the time: the parse does not decide, the word rules do
    ("The navy shelled the port on Sunday, sinking two boats.", "sinking", "Sunday", None),
    ("Two gunmen attacked and wounded three guards in 2011.", "wounded", "2011", None),
])
def test_time_owner(nlp, text, trigger, time, expected):
    assert _judge(nlp, text, trigger, time) == expected


@pytest.mark.parametrize("text,trigger,time,kw", [
    # an event noun, a planned act and a stated intention are left to the word rules
    ("The raid on the depot on Monday drew protests from the mayor.", "raid", "Monday", {"pos": "noun"}),
    ("The army plans to storm the town, officials said on Monday.", "storm", "Monday", {"hypothetical": True}),
    ("The rebels vowed on Monday to retake the airport.", "retake", "Monday", {"modality": "intent"}),
])
def test_left_to_the_rules(nlp, text, trigger, time, kw):
    assert _judge(nlp, text, trigger, time, **kw) == "skipped"


def test_fragment_is_unusable(nlp):
    text = "Fresh talks in Vienna on Monday."
    (sent,) = parse(nlp, text, [(0, len(text))])
    assert not dp.usable(sent)
    assert dp.parse_times([_cand(text, "talks", pos="noun")], sent, [_time(text, "Monday", "t1")]) == {}


def test_no_parse_gives_nothing():
    assert dp.parse_times([], None, []) == {}


@pytest.mark.parametrize("text,time,predicate", [
    ("Police arrested the suspect on Tuesday near the border.", "Tuesday", "arrested"),
    ("The minister condemned the protesters for remarks made last week.", "last week", "made"),
    # a noun's own time: the chain stops at the noun, the parse says nothing
    ("The minister condemned the 2009 massacre in a speech.", "2009", None),
])
def test_time_predicate(nlp, text, time, predicate):
    (sent,) = parse(nlp, text, [(0, len(text))])
    t = _time(text, time, "t1")
    p = dp.time_predicate(sent, t.start, t.end, frozenset())
    assert (p.text if p is not None else None) == predicate


def test_labels_are_data():
    for key in ("clause_relations", "subject_relations", "predicate_tags", "noun_tags", "shared_relations",
                "time_relations", "relative_relations", "present_tags", "simultaneous_marks"):
        assert dp._links(key), key


def _sent(text: str, phrase: str, value: str):
    """A sentence's times as event_time._SentenceTimes gives them (one time), with its words."""
    low = text.lower().rstrip(".").split()
    t = _time(text, phrase, "t1")
    k = len(text[:t.start].split())
    return SimpleNamespace(text=text, low=low, timexes=[(t, k, k + len(phrase.split()), value)]), t


@pytest.mark.parametrize("text,phrase,value,end_tok,published,expected", [
    # a time the parse hangs on the trigger dates it
    ("The envoy resigned in March over the affair.", "March", "2020-03", 2, "2020-06-01", "2020-03"),
    # right after a verb of saying that is the trigger itself, the time is that verb's own
    ("He apologized the next day to the crowd.", "the next day", "2020-05-02", 2, "2020-06-01", "2020-05-02"),
    # ... but after another verb of saying it is the report's
    ("Officials said Monday the guards fled.", "Monday", "2020-05-04", 5, "2020-06-01", None),
    # the end of a span, a time after publication: not the act's
    ("The envoy was detained since March by the police.", "March", "2020-03", 4, "2020-06-01", None),
    ("The envoy resigned in July over the affair.", "July", "2020-07", 2, "2020-06-01", None),
])
def test_attached_time(text, phrase, value, end_tok, published, expected):
    sent, t = _sent(text, phrase, value)
    got = dp.attached_time(sent, {"t1"}, published, end_tok)
    assert (got[1] if got else None) == expected
    assert dp.attached_time(sent, set(), published, end_tok) is None


@pytest.mark.parametrize("text", [
    "The mayor of Smallville resigned on Tuesday after a long dispute.",
    "Rebels, who had crossed the river, shelled two villages overnight.",
])
def test_token_at_by_table_is_token_at_by_walk(nlp, text):
    """``token_at`` with the parse's ``token_table`` (bisection) finds the token the walk over every
    token finds, for every span of one or two characters and every word's span."""
    (sent,) = parse(nlp, text, [(0, len(text))])
    table = dp.token_table(sent)
    spans = [(a, None) for a in range(len(text) + 1)] + [(a, a + 2) for a in range(len(text))] \
        + [(t.idx, t.idx + len(t.text)) for t in sent]
    for a, b in spans:
        walked, read = dp.token_at(sent, a, b), dp.token_at(sent, a, b, table)
        assert (walked.i if walked is not None else None) == (read.i if read is not None else None), (a, b)


def test_no_judged_event_reads_nothing(nlp):
    """Where no event of the sentence is a verb the parse judges (a noun, a hypothetical act, an
    intention), parse_times answers nothing."""
    text = "Talks resumed on Monday."
    (sent,) = parse(nlp, text, [(0, len(text))])
    for c in (_cand(text, "Talks", pos="noun"), _cand(text, "resumed", hypothetical=True),
              _cand(text, "resumed", modality="intend")):
        assert dp.parse_times([c], sent, [_time(text, "Monday", "t1")]) == {}


@pytest.mark.parametrize("text,word,expected", [
    ("In every speech she criticizes the governor.", "criticizes", True),       # a present form
    ("Those limits are imposed by the courts.", "imposed", True),              # a present auxiliary leads
    ("Analysts who have studied the pact doubt it.", "studied", True),
    ("The tariff would hurt the wishes of farmers backing his plan.", "backing", True),   # describes a noun
    ("She criticized the governor.", "criticized", False),
    ("The limits were imposed by the courts.", "imposed", False),
    ("The governor will be holding talks in the capital.", "holding", True),  # a modal of the future leads
    ("The governor would reject the plan.", "reject", False),
    ("The minister watched the envoys of both states sign the papers.", "sign", False),   # a bare infinitive
])
def test_told_in_present(nlp, text, word, expected):
    (sent,) = parse(nlp, text, [(0, len(text))])
    start = text.index(word)
    assert dp.told_in_present(sent, start, start + len(word)) is expected


@pytest.mark.parametrize("text,verb,noun,placed", [
    ("Twelve villagers were killed in the border bombing.", "killed", "bombing", True),
    ("Three soldiers were wounded during the clashes near the river.", "wounded", "clashes", True),
    ("The envoy condemned the bombing.", "condemned", "bombing", False),        # its object, not its occasion
    ("The envoy arrived after the bombing.", "arrived", "bombing", False),      # a bound, no occasion
    ("Villagers expressed anger at the bombing.", "expressed", "bombing", False),   # what a reaction aims at
])
def test_occasion_event(nlp, text, verb, noun, placed):
    (sent,) = parse(nlp, text, [(0, len(text))])
    c, o = _cand(text, verb), _cand(text, noun, pos="noun")
    assert (dp.occasion_event(sent, c, [c, o]) is o) is placed


@pytest.mark.parametrize("text,word,expected", [
    ("Togo's remarks were a reply to signals from Ghana that it wants to reopen the border.", "reopen", True),
    ("Police arrested the men who attacked the border post.", "attacked", True),
    ("Ghana said that it wants to reopen the border.", "reopen", False),     # the content's own clause
    ("Police arrested the men and attacked the camp.", "attacked", False),
])
def test_in_relative_clause(nlp, text, word, expected):
    (sent,) = parse(nlp, text, [(0, len(text))])
    start = text.index(word)
    assert dp.in_relative_clause(sent, start, start + len(word)) is expected
