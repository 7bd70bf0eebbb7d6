"""Tests for dateline.extract.attribution (quotes, speakers, reported speech).

All example sentences are made up for these tests.
"""
from __future__ import annotations

import re

import pytest

from dateline.extract.attribution import extract_attributions
from dateline.extract.attribution_lexicon import cue_forms, pronouns, source_nouns
from dateline.lang import inflect
from dateline.record import Mention
from dateline.text import split_sentences


def run(text, mentions=None):
    return extract_attributions(text, split_sentences(text), mentions or [])


# ---- direct quotes: the quoted words, the speaker and the cue ------------------------------
DIRECT = [
    # quote first, subject + cue after
    ('"The harvest was the worst in a decade," Anna Petrova said.',
     "The harvest was the worst in a decade,", "Anna Petrova", "said"),
    # inverted cue, speaker with an appositive
    ('"Prices will keep rising," said Tomas Berg, a senior analyst at Nordic Grain.',
     "Prices will keep rising,", "Tomas Berg", "said"),
    # speaker before, colon
    ('The mayor said: "We will rebuild the bridge before winter."',
     "We will rebuild the bridge before winter.", "mayor", "said"),
    # told + addressee
    ('"We are not leaving," the union leader told reporters on Monday.',
     "We are not leaving,", "union leader", "told"),
    # curly quotes, appositive before the cue
    ("“The border stays closed,” Ilse Varga, the interior minister, said on Friday.",
     "The border stays closed,", "Ilse Varga", "said"),
    # typewriter convention used by some archives: two apostrophes
    ("''Nobody expected the vote to be this close,'' Mr. Okafor said.",
     "Nobody expected the vote to be this close,", "Mr. Okafor", "said"),
    # `` ... '' convention
    ("``The talks are over,'' the envoy said.",
     "The talks are over,", "envoy", "said"),
    # participle after a main clause
    ('The delegation walked out, calling the offer "an insult."',
     "an insult.", "delegation", "calling"),
    # a cue word that is not in a fixed list of forms (regular inflection)
    ('"We have done nothing wrong," the company insisted.',
     "We have done nothing wrong,", "company", "insisted"),
]


@pytest.mark.parametrize("text,quote,speaker,cue", DIRECT)
def test_direct_quotes(text, quote, speaker, cue):
    quotes, atts = run(text)
    assert [q.text for q in quotes] == [quote]
    q = quotes[0]
    assert speaker in (q.speaker.name or "")
    assert q.cue == cue
    a = next(a for a in atts if a.id == q.attribution)
    assert a.source.start is not None and speaker in text[a.source.start:a.source.end]
    # the quote's offsets point at its words, without the marks
    assert text[q.start:q.end] == quote


def test_interrupted_quote_is_one_attribution():
    text = '"The first phase is done," she said, "but the second will take years."'
    quotes, atts = run(text)
    assert len(atts) == 1 and atts[0].direct
    assert [q.text for q in quotes] == ["The first phase is done,", "but the second will take years."]
    assert {q.attribution for q in quotes} == {atts[0].id}
    assert atts[0].content.text.startswith("The first phase") and atts[0].content.text.endswith("years.")


def test_quote_over_several_paragraphs():
    text = ('The minister said:\n\n"We have cut the deficit in half.\n\n'
            '"Next year we will cut it again."\n\nThe opposition was not convinced.')
    quotes, atts = run(text)
    assert [q.text for q in quotes] == ["We have cut the deficit in half.", "Next year we will cut it again."]
    assert len({q.attribution for q in quotes}) == 1
    assert all(q.speaker.name == "minister" for q in quotes)


def test_quote_sentence_without_cue_continues_previous_speaker():
    text = '"We are ready," Colonel Diaz said. "The troops have been trained for months."'
    quotes, atts = run(text)
    assert len(quotes) == 2
    assert all(q.speaker.name == "Colonel Diaz" for q in quotes)


def test_nested_single_quotes_stay_inside():
    text = "\"They keep saying 'trust us,' but nobody does,\" the farmer said."
    quotes, _ = run(text)
    assert [q.text for q in quotes] == ["They keep saying 'trust us,' but nobody does,"]


def test_scare_quotes_without_speaker_are_not_quotes():
    text = 'The so-called "green corridor" opened last spring.'
    quotes, atts = run(text)
    assert quotes == [] and atts == []


# ---- indirect speech and thought: source span, cue, content --------------------------------
INDIRECT = [
    ("The ministry said that exports fell by a third.", "The ministry", "said",
     "that exports fell by a third"),
    ("Officials said the dam could fail within days.", "Officials", "said",
     "the dam could fail within days"),
    ("According to the central bank, inflation will peak in May.", "the central bank",
     "According to", "inflation will peak in May"),
    ("Inflation will peak in May, according to the central bank.", "the central bank",
     "according to", "Inflation will peak in May"),
    ("The general told lawmakers that the army needed more drones.", "The general", "told",
     "that the army needed more drones"),
    ("Many economists believe the recession is already over.", "Many economists", "believe",
     "the recession is already over"),
    ("The rebels warned that they would resume the attacks.", "The rebels", "warned",
     "that they would resume the attacks"),
    ("The harbor will reopen next week, the port authority said.", "the port authority", "said",
     "The harbor will reopen next week"),
    ("In a statement, the agency said it had found no traces of the virus.", "the agency", "said",
     "it had found no traces of the virus"),
    ("State media reported that the leader had inspected a new factory.", "State media",
     "reported", "that the leader had inspected a new factory"),
    ("Two officials, speaking on condition of anonymity, said the deal was close.",
     "Two officials", "said", "the deal was close"),
    ("The Daily Courier reported that the minister would resign.", "The Daily Courier",
     "reported", "that the minister would resign"),
    ("Lagos said on Tuesday it would not pay the debt.", "Lagos", "said",
     "it would not pay the debt"),
    ("The senator, citing a new audit, said the program wasted millions.", "The senator",
     "said", "the program wasted millions"),
    ("The coach has repeatedly said the team needs time.", "The coach", "said",
     "the team needs time"),
    ("As reported by the Evening Post, the factory will close.", "the Evening Post",
     "As reported by", "the factory will close"),
]


@pytest.mark.parametrize("text,source,cue,content", INDIRECT)
def test_indirect(text, source, cue, content):
    _, atts = run(text)
    a = next((a for a in atts if a.cue.text == cue), None)
    assert a is not None, atts
    assert not a.direct
    assert a.content.text == content
    assert a.source.start is not None and text[a.source.start:a.source.end].startswith(source)


# an adverb in -ly (a hyphenated one read by its last part) between the source and its cue is neither
ADVERBS = [
    ("The minister half-jokingly told reporters that the budget was safe.", "The minister", "told"),
    ("The minister, half-jokingly, said the budget was safe.", "The minister", "said"),
    ("Officials semi-officially said the border would reopen.", "Officials", "said"),
    ("The minister repeatedly said the budget was safe.", "The minister", "said"),
    ("The general, kindly, said the troops would stay.", "The general", "said"),
]


@pytest.mark.parametrize("text,source,cue", ADVERBS)
def test_an_adverb_between_source_and_cue(text, source, cue):
    _, atts = run(text)
    a = next((a for a in atts if a.cue.text == cue), None)
    assert a is not None, atts
    assert text[a.source.start:a.source.end] == source


def test_participle_takes_subject_of_main_clause():
    text = "The party rejected the budget on Monday, saying it would raise taxes."
    _, atts = run(text)
    saying = next(a for a in atts if a.cue.text == "saying")
    assert saying.content.text == "it would raise taxes"
    assert saying.source.name == "party"


def test_content_stops_at_a_new_attribution():
    text = "The mayor said the roads were safe, adding that crews worked through the night."
    _, atts = run(text)
    assert [(a.cue.text, a.content.text) for a in atts] == [
        ("said", "the roads were safe"),
        ("adding", "that crews worked through the night")]
    assert atts[1].source.name == "mayor"


@pytest.mark.parametrize("text", [
    "The report was published on Monday.",
    "Her latest call for calm went unanswered.",
    "The plan includes new taxes and fewer subsidies.",
    "They went to the United States last year.",
])
def test_no_false_cues(text):
    assert run(text) == ([], [])


ATTITUDES = [
    ("The minister claimed that the figures were wrong.", "doubtful"),
    ("The minister insisted that the figures were wrong.", "assertive"),
    ("The minister said that the figures were wrong.", "neutral"),
]


@pytest.mark.parametrize("text,attitude", ATTITUDES)
def test_attitude(text, attitude):
    assert run(text)[1][0].attitude == attitude


# ---- quotations without a recognised cue, and frames beyond plain speech -----------------------
UNCUED = [
    # a quotation paragraph with no cue at all: a direct attribution with a null source
    ('The crowd fell silent.\n\n"We will not give up the farm without a fight."', None),
    # an unknown verb before the quotation: the quote is still reported
    ('At the end of the rally she boomed: "Nobody can stop this movement now."', None),
]


@pytest.mark.parametrize("text,source", UNCUED)
def test_quotation_without_cue_is_a_direct_attribution(text, source):
    quotes, atts = run(text)
    assert len(quotes) == 1 and len(atts) == 1
    assert atts[0].direct and atts[0].content.text == quotes[0].text
    assert atts[0].source.name == source
    assert quotes[0].attribution == atts[0].id


def test_quotation_without_cue_takes_the_source_just_before_it():
    text = 'The engineer said the levee had held. "We were lucky this time, and we know it."'
    quotes, atts = run(text)
    assert len(atts) == 2 and atts[1].direct
    assert [q.speaker.name for q in quotes] == ["engineer"]


FRAMES = [
    # infinitive complements of intent and speech cues
    ("The governor promised to rebuild the bridge by spring.", "promised", "The governor",
     "to rebuild the bridge by spring"),
    ("The spokesman declined to comment on the report.", "declined", "The spokesman",
     "to comment on the report"),
    # raising verbs: the content is the subject with its complement, the source is null
    ("The new dam is expected to open next year.", "expected", None,
     "The new dam is expected to open next year"),
    ("The minister seemed to doubt the figures.", "seemed", None,
     "The minister seemed to doubt the figures"),
    # a question whose asker is not named
    ("When asked whether the mine would reopen, the owner shrugged.", "asked", None,
     "whether the mine would reopen"),
    # a reduced relative: the group is the source, its object the content
    ("A lobby group backing the canal project funded the ads.", "backing", "A lobby group",
     "the canal project"),
    # a headline in title case
    ("Mayor Says River Port Will Close\n\nThe port has lost money for years.", "Says", "Mayor",
     "River Port Will Close"),
    # a quotation before an appositive with an age and an unknown addressee
    ('"We each vote our own way," Ruth Olsen, 61, told a neighbor walking by.', "told",
     "Ruth Olsen", "We each vote our own way,"),
]


@pytest.mark.parametrize("text,cue,source,content", FRAMES)
def test_more_frames(text, cue, source, content):
    _, atts = run(text)
    a = next((a for a in atts if a.cue.text == cue), None)
    assert a is not None, atts
    assert a.content.text == content
    if source is None:
        assert a.source.start is None and a.source.name is None
    else:
        assert text[a.source.start:a.source.end].startswith(source)


BOUNDARIES = [
    # a content stops where a new quotation sentence opens
    ('The mayor said crews had "done their best." "Now we rebuild," he added.',
     "said", 'crews had "done their best."'),
    # ... before a clause with a new subject after ", but"
    ("The union had hoped to reach a deal, but the company walked away on Friday.",
     "hoped", "to reach a deal"),
    # ... after a quotation followed by an adjunct that is not reported
    ('The senator called the bill "a disgrace" during a radio interview.',
     "called", 'the bill "a disgrace"'),
]


@pytest.mark.parametrize("text,cue,content", BOUNDARIES)
def test_content_boundaries(text, cue, content):
    _, atts = run(text)
    a = next(a for a in atts if a.cue.text == cue)
    assert a.content.text == content


def test_participle_after_but_takes_the_new_subject():
    text = ('The envoy had hoped to revive the talks, but the rebels walked out, '
            'calling the offer "an insult."')
    quotes, _ = run(text)
    assert quotes[0].speaker.name == "rebels"


# ---- speakers resolved against mentions ------------------------------------------------------

ARTICLE = (
    "GENEVA — Veloria accused its neighbor of moving troops to the border on Sunday, "
    "and its foreign ministry warned it would not tolerate what it called \"reckless provocations.\"\n\n"
    "President Aldo Brenn said the country wanted talks. \"We prefer dialogue to weapons,\" he "
    "told a crowd in the capital.\n\n"
    "Marisol Quant, an analyst at the Institute for Border Studies, said the dispute had deep roots. "
    "\"Both sides have reasons to step back,\" she said. \"Neither can afford a long standoff.\"\n\n"
    "State television later showed the president visiting a hospital, with state media saying he "
    "had \"full confidence\" in the army.\n\n"
    "\"This is a dangerous moment,\" said Karl Oduya, the regional envoy."
)


def _mentions(text):
    specs = [
        (r"Veloria", "e1", "Veloria", "country", "VLR"),
        (r"foreign ministry", "e1", "Veloria", "country", "VLR"),
        (r"state media|State television", "e1", "Veloria", "country", "VLR"),
        (r"President Aldo Brenn|Brenn", "e2", "Aldo Brenn", "person", "VLR"),
        (r"Marisol Quant", "e3", "Marisol Quant", "person", None),
        (r"Institute for Border Studies", "e4", "Institute for Border Studies", "organization", None),
        (r"Karl Oduya", "e5", "Karl Oduya", "person", None),
    ]
    out = []
    for pat, ent, name, kind, code in specs:
        for m in re.finditer(pat, text):
            out.append(Mention(m.start(), m.end(), m.group(), entity=ent, name=name, kind=kind,
                               code=code, role="president" if ent == "e2" else None))
    return sorted(out, key=lambda m: m.start)


@pytest.mark.parametrize("quote,speaker,code", [
    ("reckless provocations.", "Veloria", "VLR"),          # "what it called": it -> the country
    ("We prefer dialogue to weapons,", "Aldo Brenn", "VLR"),  # he -> last person
    ("Both sides have reasons to step back,", "Marisol Quant", None),
    ("Neither can afford a long standoff.", "Marisol Quant", None),  # continuation
    ("full confidence", "Veloria", "VLR"),                 # with state media saying ...
    ("This is a dangerous moment,", "Karl Oduya", None),
])
def test_article_speakers_with_mentions(quote, speaker, code):
    quotes, atts = run(ARTICLE, _mentions(ARTICLE))
    q = next(q for q in quotes if q.text == quote)
    assert q.speaker.name == speaker
    assert q.speaker.code == code
    assert q.attribution in {a.id for a in atts}


def test_article_without_mentions_uses_span_names():
    quotes, atts = run(ARTICLE)
    assert len(quotes) == 6
    names = {q.text: q.speaker.name for q in quotes}
    assert names["This is a dangerous moment,"] == "Karl Oduya"
    assert names["We prefer dialogue to weapons,"] == "President Aldo Brenn"   # he -> last named
    assert all(a.source.entity is None and a.source.code is None for a in atts)
    # ids are dense and every quote points at an attribution
    assert [a.id for a in atts] == [f"a{i}" for i in range(1, len(atts) + 1)]
    assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]
    assert {q.attribution for q in quotes} <= {a.id for a in atts}


def test_quote_inside_indirect_content_takes_inner_speaker():
    text = ('The leader expressed his "deep regret" over the accident, '
            'the neighboring government said on Monday.')
    ms = [Mention(4, 10, "leader", entity="e1", name="Leader Kim", kind="person", code="AAA"),
          Mention(52, 83, "the neighboring government", entity="e2", name="Bmania", kind="country",
                  code="BBB")]
    quotes, atts = run(text, ms)
    assert quotes[0].text == "deep regret"
    assert quotes[0].speaker.name == "Leader Kim"
    assert len(atts) == 1 and atts[0].source.name == "Bmania"
    assert quotes[0].attribution == atts[0].id
    _, with_nested = extract_attributions(text, split_sentences(text), ms, nested=True)
    assert [a.rule for a in with_nested][-1] == "nested"


def test_generic_source_resolves_to_last_actor():
    text = ("Ostland said it had closed its embassy. The statement said the decision was final.")
    ms = [Mention(0, 7, "Ostland", entity="e1", name="Ostland", kind="country", code="OST")]
    _, atts = run(text, ms)
    assert [a.source.code for a in atts] == ["OST", "OST"]


def test_generic_source_resolves_to_the_organisation_it_names():
    """"the agency" is the International Atomic Energy Agency named before, not the last source."""
    text = ("Iran and the International Atomic Energy Agency agreed on Saturday. A State Department "
            "spokesman said Washington was studying the deal. The agency reported that particles had been found.")
    ms = [Mention(0, 4, "Iran", entity="e1", name="Iran", kind="country", code="IRN"),
          Mention(13, 47, "International Atomic Energy Agency", entity="e2",
                  name="International Atomic Energy Agency", kind="organization", code="IGO"),
          Mention(70, 86, "State Department", entity="e3", name="State Department", kind="organization", code="USA")]
    assert text[13:47] == "International Atomic Energy Agency" and text[70:86] == "State Department"
    _, atts = run(text, ms)
    assert [a.source.name for a in atts][-1] == "International Atomic Energy Agency"


def test_role_noun_resolves_to_person_with_role():
    text = ("Prime Minister Lena Holt met the unions. The prime minister said the strike must end.")
    ms = [Mention(0, 24, "Prime Minister Lena Holt", entity="e1", name="Lena Holt", kind="person",
                  code="XYZ", role="prime minister")]
    _, atts = run(text, ms)
    assert atts[0].source.name == "Lena Holt"


def _people(text, names):
    out = []
    for i, name in enumerate(names):
        for m in re.finditer(re.escape(name), text):
            out.append(Mention(m.start(), m.end(), name, entity=f"e{i}", name=name, kind="person"))
    return sorted(out, key=lambda m: m.start)


def test_role_with_a_named_holder_is_the_person():
    text = 'The U.N. envoy for Sudan, Carl Example, said he was "deeply alarmed" by the reports.'
    ms = [Mention(4, 8, "U.N.", entity="e1", name="United Nations", kind="organization", code="IGO"),
          Mention(20, 25, "Sudan", entity="e2", name="Sudan", kind="country", code="SDN"),
          Mention(27, 39, "Carl Example", entity="e3", name="Carl Example", kind="person")]
    quotes, atts = run(text, ms)
    assert atts[0].source.name == "Carl Example"
    assert quotes[0].speaker.name == "Carl Example"


def test_unnamed_source_is_named_without_its_relative_clause():
    text = ("Talks will resume next week, said a European diplomat who spoke on condition of anonymity "
            "because he was not authorized to discuss them.")
    _, atts = run(text)
    assert atts[0].source.name == "European diplomat"


@pytest.mark.parametrize("text,names,expected", [
    # a pronoun continues the speaker, not a person named only in what the speaker said
    ("Anna Berg said Tomas Lind had resigned on Monday. She said the board would meet soon.",
     ["Anna Berg", "Tomas Lind"], ["Anna Berg", "Anna Berg"]),
    # a role noun named after the last person: "he" is the spokesman
    ("Tomas Lind resigned on Monday. A ministry spokesman said the post would be filled. "
     "He said talks would go on.", ["Tomas Lind"], [None, None]),
    # the last person named outside any reported content still wins
    ("Anna Berg spoke first. Tomas Lind then took the floor. He said the plan had failed.",
     ["Anna Berg", "Tomas Lind"], ["Tomas Lind"]),
])
def test_pronoun_continues_the_salient_speaker(text, names, expected):
    _, atts = run(text, _people(text, names))
    got = [a.source.name if a.source.entity else None for a in atts]
    assert got == expected, [(a.source.name, a.cue.text) for a in atts]
    if expected[0] is None:
        assert [a.source.name for a in atts] == ["ministry spokesman"] * 2


# ---- the data files load and every entry is used ----------------------------------------------

def test_cue_lexicon_loads_and_every_cue_is_found():
    forms = cue_forms()
    lemmas = {f.cue.lemma for f in forms.values()}
    assert {"say", "tell", "according to", "claim", "deny", "believe", "warn", "call"} <= lemmas
    for lemma in lemmas:
        form = next(f for f in forms.values() if f.cue.lemma == lemma)
        words = " ".join(form.words)
        text = f"Yesterday the officials {words} the plan."
        if lemma == "according to":
            text = "According to the officials, the plan failed."
        from dateline.extract.attribution_doc import _Doc
        d = _Doc(text, split_sentences(text))
        hits = [d.cue_at(i, len(d.low)) for i in range(len(d.low))]
        assert any(h and h[0].cue.lemma == lemma for h in hits), lemma
    for f in forms.values():
        assert f.cue.attitude in ("neutral", "assertive", "doubtful")
        assert f.cue.frames <= {"that", "thatx", "obj", "objthat", "objas", "to", "wh", "post", "prep",
                                "raise", "passive", "as"}
        assert f.cue.cls in ("speech", "writing", "report", "thought", "intent", "evidence")


@pytest.mark.parametrize("lemma,expected", [
    ("warn", {"base": "warn", "s": "warns", "past": "warned", "ing": "warning"}),
    ("deny", {"base": "deny", "s": "denies", "past": "denied", "ing": "denying"}),
    ("argue", {"base": "argue", "s": "argues", "past": "argued", "ing": "arguing"}),
    ("stress", {"base": "stress", "s": "stresses", "past": "stressed", "ing": "stressing"}),
])
def test_inflection_rule(lemma, expected):
    assert inflect(lemma) == expected


def test_pronoun_file_loads_and_each_pronoun_resolves():
    table = pronouns()
    assert {"he", "she", "it", "they"} <= set(table)
    for pron, (kinds, number) in table.items():
        assert number in ("sg", "pl")
        kind = kinds[0]
        text = f"Zorba met them. {pron.capitalize()} said the talks had failed."
        ms = [Mention(0, 5, "Zorba", entity="e1", name="Zorba", kind=kind, code="ZZZ")]
        _, atts = run(text, ms)
        if pron in ("he", "she", "it", "they", "we", "i", "who", "which"):
            # subject pronouns are sources and resolve to the fitting mention
            if atts and atts[0].source.start is not None and \
                    text[atts[0].source.start:atts[0].source.end].lower() == pron:
                assert atts[0].source.name == "Zorba", pron


def test_source_noun_file_loads_and_types_are_known():
    table = source_nouns()
    types = {t for t, _ in table.values()}
    assert types == {"generic", "state", "role", "anonymous", "publication"}
    kinds = {k for _, ks in table.values() for k in ks}
    assert kinds <= {"person", "organization", "country"}
    # one of each resolving type is used by the resolver
    text = "Ostland closed the port. State media said the port was unsafe."
    ms = [Mention(0, 7, "Ostland", entity="e1", name="Ostland", kind="country", code="OST")]
    assert run(text, ms)[1][0].source.code == "OST"


def test_empty_and_plain_text():
    assert extract_attributions("", [], []) == ([], [])
    assert run("Rain fell all day.") == ([], [])



# ---- quotations recovered with the words before them, and short quotations ----------------------
QUOTE_FRAMES = [
    # a lexicon cue whose subject is out of reach (a list of verb phrases): the content runs
    # from after the cue to the end of the quotation, with a one-word quotation too
    ("In the spring she toured the mills, met the owners; and declared that the plan ''works.''",
     "declared", None, "that the plan ''works.''"),
    # a verb outside the lexicon right after a named subject, ending in a quotation
    ('Lena Fischer decried the "quiet sabotage" of the budget.', "decried", "Lena Fischer",
     'the "quiet sabotage"'),
    ('Lena Fischer decried the budget as "quiet sabotage."', "decried", "Lena Fischer",
     'the budget as "quiet sabotage."'),
    # a participle after a quotation closed by a comma
    ('The council did not want to discuss "that plan," telling reporters that it is focused on '
     '"keeping the lights on."', "telling", "The council",
     'that it is focused on "keeping the lights on."'),
    # a relative clause with its own cue after an inverted source
    ('"The numbers are solid," said Maria Lund, who added that the fund would "stay the course."',
     "added", "who", 'that the fund would "stay the course."'),
    # a sentence adverb or a fronted adjunct between the subject and the cue
    ("Supporters of the plan, however, say it would protect the coast.", "say",
     "Supporters of the plan", "it would protect the coast"),
    ("The board was calmer than its chairman, who, on a call Friday, criticized the mayor for the "
     "delay.", "criticized", "who", "the mayor for the delay"),
    # the content stops before a second verb phrase after the quotation
    ('Kim called the plan "reckless" and promised to fight it.', "called", "Kim",
     'the plan "reckless"'),
]


@pytest.mark.parametrize("text,cue,source,content", QUOTE_FRAMES)
def test_quotations_with_the_words_before_them(text, cue, source, content):
    _, atts = run(text)
    a = next((a for a in atts if a.cue.text == cue), None)
    assert a is not None, atts
    assert a.content.text == content
    if source is None:
        assert a.source.start is None
    else:
        assert text[a.source.start:a.source.end].startswith(source)


def test_relative_pronoun_source_is_the_inverted_source_before_it():
    text = '"The numbers are solid," said Maria Lund, who added that the fund would "stay the course."'
    _, atts = run(text)
    said = next(a for a in atts if a.cue.text == "said")
    added = next(a for a in atts if a.cue.text == "added")
    assert said.source.name == "Maria Lund" and added.source.name == "Maria Lund"


SHORT_QUOTES = [
    # titles after a possessive or a preposition are not quotations
    ('He spoke on the network\'s "Weekend Desk" program.', []),
    ('She was a guest with "Morning Report" hosts.', []),
    # markup attributes are not quotations, nor is a cue word inside a tag
    ('<tweet author="Jane Roe" date="May 1">Great day at the fair.</tweet>', []),
    # a one-word quotation after a naming word is reported
    ('The ad, titled "Rise," runs this week.', ["Rise,"]),
    # single quotes in a short headline-like paragraph with no double quotes
    ("Farm group issues ‘urgent warning’ to growers\n\nThe group met on Monday.",
     ["urgent warning"]),
    ("Senator calls new tariff 'a tax on farmers'\n\nThe tariff takes effect in May.",
     ["a tax on farmers"]),
    # ... but not apostrophes, nor single quotes in body text with double quotes
    ("The farmers' union said it won't sign.", []),
]


@pytest.mark.parametrize("text,quoted", SHORT_QUOTES)
def test_short_and_single_quotes(text, quoted):
    _, atts = run(text)
    direct = [a.content.text.strip("'‘’\"“”") for a in atts if a.direct]
    assert direct == [q.strip("'‘’\"“”") for q in quoted] or (
        quoted and all(any(q in a.content.text for a in atts) for q in quoted)), atts


def test_single_quotes_in_body_text_stay_inside_double_quotes():
    text = '"We heard the word \'maybe\' too often," the grower said.\n\nThe grower\'s \'deal\' failed.'
    quotes, _ = run(text)
    assert [q.text for q in quotes] == ["We heard the word 'maybe' too often,"]


@pytest.mark.parametrize("text,speaker", [
    # a party-and-state parenthetical after a person's name does not speak
    ('"We need action," said Rep. Adam Schiff (D-Calif.).', "Adam Schiff"),
    # joined initials are one name word
    ('"This is a bad day," said Rep. G.K. Butterfield (D-N.C.), head of the caucus.', "G.K. Butterfield"),
])
def test_the_person_named_is_the_speaker(text, speaker):
    import dateline
    quotes = dateline.analyze(text, published="2019-11-15").quotes
    assert [q.speaker.name for q in quotes] == [speaker]


# ---- each frame and step of the analyser: rule, source, cue, content -----------------------
FRAMES = [
    ('"The plan failed," Maria Lopez said.', [("post", "Maria Lopez", "said", "The plan failed,")]),
    # inversion: the source after the cue, its appositive kept in the source span
    ('"The plan failed," said Maria Lopez, an analyst at the bank.',
     [("post:inverted", "Maria Lopez", "said", "The plan failed,")]),
    # an appositive stops before a relative clause with a cue of its own
    ('"The plan failed," said Maria Lopez, who added that talks would resume.',
     [("post:inverted", "Maria Lopez", "said", "The plan failed,"),
      ("pre", "Maria Lopez", "added", "that talks would resume")]),
    # the content runs on after the cue of an interrupted quotation
    ('"A," the minister said, "B is true."', [("post", "minister", "said", 'A," the minister said, "B is true.')]),
    ('The plan failed, the minister said on Tuesday.', [("post", "minister", "said", "The plan failed")]),
    # a fronted adverbial before the subject: the cue is pre-posed
    ('After the vote, the minister said the plan failed.', [("pre", "minister", "said", "the plan failed")]),
    ('The minister said: "The plan failed."', [("pre", "minister", "said", "The plan failed.")]),
    ('"Why?" Lopez asked.', [("post", "Lopez", "asked", "Why?")]),
    ('"The plan failed," Lopez told reporters at the Capitol.', [("post", "Lopez", "told", "The plan failed,")]),
    ('According to the minister, the plan failed.',
     [("according-to:pre", "minister", "According to", "the plan failed")]),
    ('The plan failed, according to the minister.',
     [("according-to:post", "minister", "according to", "The plan failed")]),
    # a second verb of the same subject
    ('Lopez said the plan failed and added that talks would resume.',
     [("pre", "Lopez", "said", "the plan failed"), ("pre:coordinated", "Lopez", "added", "that talks would resume")]),
]


@pytest.mark.parametrize("text,expected", FRAMES)
def test_frames(text, expected):
    _, atts = run(text)
    assert [(a.rule, a.source.name, a.cue.text, a.content.text) for a in atts] == expected


def test_a_quotation_unit_without_a_cue_continues_the_direct_attribution_before_it():
    text = '"We will rebuild," the mayor said.\n\n"It will take years."'
    _, atts = run(text)
    assert [(a.rule, a.source.name) for a in atts] == [("post", "mayor"), ("continuation", "mayor")]


@pytest.mark.parametrize("text,words,speaker", [
    # a pronoun source is not a person the article calls by the other gender's pronoun
    ("Ana Ruiz said she would stay in Lima, where her deputy Luis Toro met the envoy on Monday. "
     "\"We are ready,\" she said.", "ready", "Ana Ruiz"),
    # a source described as another person's role-holder is not that person
    ("Ana Ruiz urged Luis Toro to apologize on Monday. \"That was outrageous,\" "
     "Toro's former campaign strategist said in an interview.", "outrageous", "Ana Ruiz"),
    # a pronoun source continues the subject of the sentence before
    ("Luis Toro has also commented on Pablo Vega's arrest. "
     "\"I am very troubled by that,\" he said on Wednesday.", "troubled", "Luis Toro"),
])
def test_who_a_source_phrase_stands_for(text, words, speaker):
    import dateline
    r = dateline.analyze(text, published="2021-03-05")
    quote = next(q for q in r.quotes if words in q.text)
    assert quote.speaker.name == speaker


@pytest.mark.parametrize("unit", [
    '"We will wait," Garcia said. "We will go," Morales said. ',                  # many quotes, many contents
    'Garcia said Morales expressed his "deep regret" and offered "full support", ',  # nested speakers
    '"It is," he said, "',                       # contents that all hold every later quote
])
def test_quotes_grow_linearly(unit):
    """Each quoted segment finds its attribution in one sweep, each nested cue is checked in a set
    (counts of executed lines, no timings)."""
    from dateline.extract import attribution, attribution_unclaimed
    from work_count import growth

    def run(text):
        return extract_attributions(text, split_sentences(text), [])
    assert growth(lambda n: unit * n, run, attribution, attribution_unclaimed) < 2.5
