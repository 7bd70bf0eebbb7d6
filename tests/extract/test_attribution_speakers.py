"""Speakers of attributions in harder constructions (dateline.extract.attribution).

All example sentences are made up for these tests.
"""
from __future__ import annotations

import pytest

from dateline.extract.attribution import extract_attributions
from dateline.record import Mention
from dateline.text import split_sentences


def run(text, mentions=None):
    return extract_attributions(text, split_sentences(text), mentions or [])


def person(text, name, entity, gender=None, kind="person", code=None):
    """Mentions of ``name`` (every occurrence of its last word, or of the whole name) in ``text``."""
    out, i = [], 0
    word = name.split()[-1]
    while (i := text.find(word, i)) >= 0:
        s = text.rfind(name, 0, i + len(word)) if name in text else -1
        s = s if s >= 0 and s + len(name) == i + len(word) else i
        out.append(Mention(s, i + len(word), text[s:i + len(word)], entity=entity, name=name, kind=kind,
                           code=code, gender=gender))
        i += len(word)
    return out


# ---- 'X was quoted (by Y) as saying': the subject of the passive speaks, Y is the channel ----------
QUOTED_AS = [
    ('"We will win the vote," Anna Berg was quoted as saying by the state news agency.',
     "Anna Berg", "We will win the vote,"),
    ("The minister was quoted by a local paper as saying that talks would resume soon.",
     "minister", "that talks would resume soon"),
    ("Mr. Vance was quoted in the weekly as telling aides that he would resign.",
     "Mr. Vance", "that he would resign"),
    ('"Nothing is settled," the envoy was quoted as saying.', "envoy", "Nothing is settled,"),
]


@pytest.mark.parametrize("text,source,content", QUOTED_AS)
def test_quoted_as_saying(text, source, content):
    _, atts = run(text)
    assert [(a.source.name, a.content.text) for a in atts] == [(source, content)]
    assert "agency" not in (atts[0].source.name or "") and "paper" not in (atts[0].source.name or "")


# ---- post-posed cues beyond 'said' ------------------------------------------------------------------
POSTPOSED = [
    ('"Why was the report kept secret?" Ms. Lund demanded.', "Ms. Lund", "demanded"),
    ('"We will rebuild every school," the governor pledged.', "governor", "pledged"),
    ('"We will walk out," the union threatened.', "union", "threatened"),
]


@pytest.mark.parametrize("text,source,cue", POSTPOSED)
def test_postposed_cues(text, source, cue):
    quotes, _ = run(text)
    assert len(quotes) == 1 and quotes[0].speaker.name == source and quotes[0].cue == cue


# ---- a title abbreviation that is also a state's ('Del.') after a post-posed cue --------------------
def test_title_abbreviation_after_a_cue_is_not_a_sentence_end():
    text = '"This hearing is a farce," said Del. Mara Quint of Guam. Others agreed.'
    ms = person(text, "Mara Quint", "e1")
    quotes, _ = extract_attributions(text, split_sentences(text), ms)
    assert [q.speaker.name for q in quotes] == ["Mara Quint"]


def test_state_abbreviation_after_a_place_still_ends_its_sentence():
    text = "The plant is in Dover, Del. Workers said it would close."
    _, atts = run(text)
    assert [(a.source.name, a.content.text) for a in atts] == [("Workers", "it would close")]


# ---- pronoun sources: who the pronoun continues --------------------------------------------------
PRONOUNS = [
    # a quotation of several sentences: 'she' looks back from where the quotation starts
    ('On the Rob Dale Show on Monday, Ana Ruiz criticized the police chief, Ivo Tam, for the raid. '
     '"Why did this happen? Who ordered it? Nobody will say," she said.',
     [("Rob Dale", None), ("Ana Ruiz", "f"), ("Ivo Tam", None)], "Ana Ruiz"),
    # the speaker of the sentence before, not a person named after the speaker in it
    ('"We have had problems," Ben Ortiz said after meeting with Karl Dunn. He did not suggest '
     'retaliation. "Our aim is to set norms."',
     [("Ben Ortiz", None), ("Karl Dunn", None)], "Ben Ortiz"),
    ('Sam Reyes, who has campaigned for Tom Vick since he left the race, blasted the plan. '
     '"It is a disgrace," he said.',
     [("Sam Reyes", None), ("Tom Vick", "m")], "Sam Reyes"),
]


@pytest.mark.parametrize("text,people,speaker", PRONOUNS)
def test_pronoun_sources(text, people, speaker):
    ms = sorted((m for i, (name, g) in enumerate(people) for m in person(text, name, f"e{i}", g)),
                key=lambda m: m.start)
    quotes, _ = extract_attributions(text, split_sentences(text), ms)
    assert quotes and quotes[-1].speaker.name == speaker


def org(text, name, entity, code=None):
    return person(text, name, entity, kind="organization", code=code)


# ---- who a source phrase names -----------------------------------------------------------------
SOURCE_PHRASES = [
    # a relative pronoun after an appositive: the person before it, not the body in the appositive
    ('Ali Noor met Vera Lind, now the Senate leader, who once said the plan was "a dead end."',
     [("Ali Noor", "person"), ("Vera Lind", "person"), ("Senate", "organization")], "Vera Lind"),
    # a relative pronoun after an unnamed noun phrase: not the person named before that phrase
    ('Rui Vaz, a debate coach, compared Ola Berg to a boxer who is "playing for time" in hopes '
     'that "the judges will relent" on him.',
     [("Rui Vaz", "person"), ("Ola Berg", "person")], "Rui Vaz"),
    # an outlet named with its kind, then by its kind alone
    ('The Daily Lark newspaper said on Sunday that talks would resume. The newspaper, citing '
     '"secret reports," said the envoy had met rebels.', [], "Daily Lark"),
    ('Talks will resume, the Lark newspaper reported. The newspaper, citing "secret reports," '
     'said the envoy had met rebels.', [("Lark", "organization")], "Lark"),
    # a person named after a role of another person's is the speaker
    ('Ken Holt aide Mia Sorel said Friday that "the bill is dead."',
     [("Ken Holt", "person"), ("Mia Sorel", "person")], "Mia Sorel"),
    ("Ken Holt's spokesman Ivo Marr said the senator would \"fight on.\"",
     [("Ken Holt", "person"), ("Ivo Marr", "person")], "Ivo Marr"),
]


@pytest.mark.parametrize("text,names,speaker", SOURCE_PHRASES)
def test_source_phrases(text, names, speaker):
    ms = sorted((m for i, (name, kind) in enumerate(names) for m in person(text, name, f"e{i}", kind=kind)),
                key=lambda m: m.start)
    quotes, _ = extract_attributions(text, split_sentences(text), ms)
    assert quotes and quotes[-1].speaker.name == speaker


# ---- subjects: coordinated names, the subject of an adverbial clause -------------------------------
SUBJECTS = [
    ('After the talks, Ivo Tam and Lea Kos called for a truce, saying it would "save lives."',
     [("Ivo Tam", None, "person"), ("Lea Kos", None, "person")], "save lives.", "Ivo Tam"),
    ('Gov. Ed Kerr described Ana Ruiz as a "fraud" after she attacked the police and blamed the riots '
     'on "bad training."', [("Ed Kerr", None, "person"), ("Ana Ruiz", "f", "person")], "bad training.",
     "Ana Ruiz"),
]


@pytest.mark.parametrize("text,names,quote,speaker", SUBJECTS)
def test_subjects(text, names, quote, speaker):
    ms = sorted((m for i, (name, g, kind) in enumerate(names) for m in person(text, name, f"e{i}", g, kind=kind)),
                key=lambda m: m.start)
    quotes, _ = extract_attributions(text, split_sentences(text), ms)
    assert {q.text: q.speaker.name for q in quotes}[quote] == speaker


def test_a_name_before_and_after_a_verb_is_no_coordinated_subject():
    _, atts = run("Lea met Tom and Ana said it was over.")
    assert [a.source.name for a in atts] == ["Ana"]


# ---- descriptions: a state's role-holder, a name with a role appositive ----------------------------
DESCRIPTIONS = [
    # 'the Ohio senator' is the person speaking just before, not Ohio
    ('Sen. Tim Vale urged the president to act on trade, a policy the Ohio senator said would '
     '"save jobs" in the region.', [("Tim Vale", None, "person"), ("Ohio", None, "place")], "save jobs",
     "Tim Vale"),
    # a name the mentions take for a place, with a role appositive: a person, and 'she'
    ('Ola Dahl opposed the plan. Ina Berk, a local developer and spokeswoman for the Harbor Group, which builds housing, said the '
     'plan works. "It has helped many towns," she said.',
     [("Ina Berk", None, "place"), ("Ola Dahl", None, "person")], "It has helped many towns,", "Ina Berk"),
]


@pytest.mark.parametrize("text,names,quote,speaker", DESCRIPTIONS)
def test_descriptions(text, names, quote, speaker):
    ms = sorted((m for i, (name, g, kind) in enumerate(names) for m in person(text, name, f"e{i}", g, kind=kind)),
                key=lambda m: m.start)
    quotes, _ = extract_attributions(text, split_sentences(text), ms)
    assert {q.text: q.speaker.name for q in quotes}[quote] == speaker


# ---- a quotation that is a paragraph of its own ---------------------------------------------------
def test_quotation_paragraph_continues_the_last_source_of_the_paragraph_before():
    text = ('In a statement, Lena Holt was more careful. She called the loss "painful" and urged calm.\n\n'
            '"If a bank fails its clients, it should be broken up."\n\nThe vote is on Friday.')
    quotes, _ = run(text, person(text, "Lena Holt", "e1", "f"))
    assert {q.text: q.speaker.name for q in quotes}["If a bank fails its clients, it should be broken up."] \
        == "Lena Holt"


def test_quotation_inside_a_paragraph_does_not_reach_back_to_an_indirect_source():
    text = ('Lena Holt urged calm on Monday.\n\nCritics disagreed. The plan, one wrote, is "a waste of '
            'money and time" by any measure.')
    quotes, _ = run(text, person(text, "Lena Holt", "e1", "f"))
    assert all(q.speaker.name != "Lena Holt" for q in quotes)


# ---- a participial adjunct between a subject and its verb -------------------------------------------
ADJUNCTS = [
    ('Rep. Ken Dole, R-Ohio, despite admitting that he had "some concerns" about the bill, said it would pass.',
     [("participle", "admitting", "Rep. Ken Dole"), ("pre", "said", "Rep. Ken Dole")]),
    ("The newspaper, quoting ``secret reports,'' said the envoy had met rebels.",
     [("participle", "quoting", "newspaper"), ("pre", "said", "newspaper")]),
    ('In declaring the war over, the general said "we won."',
     [("participle:fronted", "declaring", "general"), ("pre", "said", "general")]),
]


@pytest.mark.parametrize("text,expected", ADJUNCTS)
def test_participial_adjuncts(text, expected):
    _, atts = run(text)
    assert [(a.rule, a.cue.text, a.source.name) for a in atts] == expected


# ---- a quotation signed with a dash and a name ----------------------------------------------------
SIGNED = [
    ("“We need more teachers.” ― Ana de la Cruz\n“Prices are too high.”― Tom Ruiz.\n\nMore soon.",
     {"We need more teachers.": "Ana de la Cruz", "Prices are too high.": "Tom Ruiz"}),
    ('"The schools are full." — Lee Park, 34\n', {"The schools are full.": "Lee Park"}),
    # a dash after a quotation that runs on into a sentence is no signature
    ('"It is late," he said — and Mara Lind left.', {"It is late,": "he"}),
]


@pytest.mark.parametrize("text,speakers", SIGNED)
def test_signed_quotations(text, speakers):
    quotes, _ = run(text)
    assert {q.text: q.speaker.name for q in quotes} == speakers


# ---- words that are not speakers: a fronted adverb, a headline's column label -------------------
NOT_SPEAKERS = [
    ("Regardless, Mia Lund recommended against new charges, citing the lack of evidence.", "Mia Lund"),
    ('Conversely, the site rated 9% of claims by one party as "entirely true" in the study.', "site"),
]


@pytest.mark.parametrize("text,source", NOT_SPEAKERS)
def test_fronted_adverbs_are_not_speakers(text, source):
    _, atts = run(text)
    assert atts and all(a.source.name == source for a in atts)


def test_a_headline_label_is_not_a_speaker():
    _, atts = run("The Latest: Mayor Ruiz urges residents to stay home\n\nThe storm hit at noon.")
    assert all(a.source.name not in ("Latest", "The Latest") for a in atts)


# ---- 'as X put it' -----------------------------------------------------------------------------------
AS_PUT = [
    ("As Ida Moss, a tax lawyer, recently put it, ''Did he avoid the tax or evade it?''",
     "Ida Moss", "Did he avoid the tax or evade it?"),
    ('The only requirement is a "clean record," as a state memo put it.', "state memo",
     'The only requirement is a "clean record,"'),
    ('He was seen, as the weekly put it in a long profile, "the operator."', "weekly", "the operator."),
]


@pytest.mark.parametrize("text,source,content", AS_PUT)
def test_as_x_put_it(text, source, content):
    _, atts = run(text)
    assert [(a.rule, a.source.name, a.content.text) for a in atts] == [("as-put", source, content)]


def test_put_it_without_as_is_no_cue():
    _, atts = run("He put it on the table and left.")
    assert atts == []


def test_a_cue_with_its_own_infinitive_is_preposed_after_a_fronted_clause():
    _, atts = run("Posing for photographers, Ana Kos pledged to stand with the mayor, warning that the threat is real.")
    assert [(a.rule, a.cue.text, a.content.text) for a in atts] == [
        ("pre", "pledged", "to stand with the mayor"), ("participle", "warning", "that the threat is real")]


def test_transcript_speaker_labels():
    text = ('Part of the interview:\n\n"HOST: Why did you go?\n\n"LEE SMITH: Well, we had to.\n\n'
            '"Then we left.\n\n"HOST: Thank you."')
    quotes, _ = run(text)
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("HOST: Why did you go?", "HOST"), ("LEE SMITH: Well, we had to.", "LEE SMITH"),
        ("Then we left.", "LEE SMITH"), ("HOST: Thank you.", "HOST")]


FRONTED_CUES = [
    ('Experts doubt it. Said Ellis: "I do not see it happening."', ("pre:fronted", "Ellis", "I do not see it happening.")),
    ('Added Mr. Kerr, "We will not wait."', ("pre:fronted", "Mr. Kerr", "We will not wait.")),
]


@pytest.mark.parametrize("text,expected", FRONTED_CUES)
def test_a_cue_opening_its_sentence(text, expected):
    _, atts = run(text)
    assert (atts[-1].rule, atts[-1].source.name, atts[-1].content.text) == expected


def test_a_capitalised_cue_word_before_a_comma_is_no_cue():
    assert run("Said differently, the plan failed.")[1] == []


# ---- guards: names that look like adverbs, someone new from a place, alert labels ---------------------
def test_a_name_before_an_appositive_is_no_fronted_adverb():
    assert [a.source.name for a in run("Alfred, a farmer, said the rain came late.")[1]] == ["Alfred"]


def test_an_indefinite_role_of_a_place_is_someone_new():
    text = 'Sen. Tim Vale spoke first. An Ohio senator said the bill would "save jobs" there.'
    ms = sorted(person(text, "Tim Vale", "e1") + person(text, "Ohio", "e2", kind="place", code="USA"),
                key=lambda m: m.start)
    quotes, _ = extract_attributions(text, split_sentences(text), ms)
    assert [(q.speaker.name, q.speaker.code) for q in quotes] == [("Ohio senator", "USA")]


def test_an_alert_label_is_no_speaker():
    quotes, _ = run('Dora Lee spoke first. "BREAKING: the vote is delayed" was the first line.')
    assert [q.speaker.name for q in quotes] != ["BREAKING"]
