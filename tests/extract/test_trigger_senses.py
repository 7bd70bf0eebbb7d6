"""Trigger senses (extract.trigger_senses, resources/cameo/trigger_filters.tsv): a dictionary word that
is not the event verb or noun of its sentence (another part of speech, a name, a non-event noun sense)
is no event; modality of plans, results and pending clauses (extract.modality)."""
import pytest

import dateline
from dateline.extract.event_lexicon import grammar_words
from dateline.extract.events import find_triggers
from dateline.extract.modality import negated_plan, pending
from dateline.extract.trigger_senses import words


def events(text):
    return dateline.analyze(text, published="2021-03-04").events


@pytest.mark.parametrize("text,word", [
    # a participle or adjective before the noun it modifies
    ("Navy jets launched strikes against alleged rebel bases in the north on Tuesday.", "alleged"),
    ("The filing lists Minning as one of the congressman’s alleged “paramours” in his divorce case.", "alleged"),
    ("For the governor, Spain's emotionally charged revolt against Brussels is the kind of victory that she "
     "fears.", "charged"),
    # a word of a person's name
    ("Rival Of Governor Smith: Impeach Judge Lynch, 'Stop Them At The Door.'", "Lynch"),
    # a verb's form used as a noun that has no event sense
    ("The support of Jones, who chairs the committee, is crucial for the bill to have any shot, and he said "
     "he would hold a vote.", "shot"),
    ("The guard, who was treated for a head wound, said the gunmen fled.", "wound"),
    ("A car bomb wrecked the bank and cracked the steel shell of its tower.", "shell"),
    # "talk" with no party named is chatter
    ("As talk in the cafes swirled, lawyers for the family met officials.", "talk"),
    # a verb's form as a noun after the adjectives of its phrase: an interest group, no lobbying
    ("The Irish-American lobby is a strong force that few senators want to anger.", "lobby"),
    ("The old Texan lobby has grown weaker.", "lobby"),
    # a past participle modifying its noun after a coordinator
    ("Reporters or invited guests could not enter the hall on Monday.", "invited"),
    # a frustration with no party it is with judges no one
    ("The letters showed the senator's frustrations during her years in office.", "frustrations"),
    # a past participle after a preposition or a quantifier, before its noun
    ("Lopez trails Smith among pledged delegates by about 300.", "pledged"),
    ("Smith has won more pledged delegates than Lopez.", "pledged"),
    ("He will need to win over many pledged delegates before July.", "pledged"),
])
def test_not_the_event_word(text, word):
    assert all(e.trigger.text != word for e in events(text))


@pytest.mark.parametrize("text,word,code", [
    # a verb row's word the parse reads as a noun takes the word's noun row
    ("The death toll in the Kenya blast, initially 5, has risen to 9, officials said Monday.", "blast", "183"),
    ("Police said Monday that the blast killed nine people in Nairobi.", "blast", "183"),
    # ... and keeps its verb where it is one
    ("The senator blasted the president over the budget.", "blasted", "111"),
    ("Rebels shelled the town on Monday.", "shelled", "194"),
    ("Large protests erupted in Lagos on Monday, and some protesters turned to rioting.", "rioting", "145"),
    # a verb in a headline that a misread name swallowed ("X Backs Y And Denounces") stays one
    ("Peru's Leader Backs Chile And Denounces Bolivia.", "Denounces", "111"),
    # "talk" with its parties is a consultation
    ("Talk between Peru and Chile resumed in Geneva on Monday.", "Talk", "040"),
    ("Activists lobbied lawmakers in the capital on Monday.", "lobbied", "053"),
    # a word before the verb tagged as an adjective is no modifier of it when a noun follows the verb:
    # the verb has its object (the tagger's reading of a subject noun as an adjective is not believed)
    ("Riots began a month after the army seized power in a putsch.", "seized", "171"),
    ("The gang held villagers as human shields.", "held villagers as human shields", "184"),
])
def test_the_event_word_and_its_code(text, word, code):
    assert any(e.trigger.text == word and e.cameo == code for e in events(text))


@pytest.mark.parametrize("text,word", [
    # a noun that only modifies a later noun that names no happening: what kind of thing or people
    ("But protest organizers in Lyon say the new rules will backfire.", "protest"),
    ("Her long shot plan to win the primary needs a lot of money.", "shot"),
    ("Two pledged delegates switched sides.", "pledged"),
    # a participle on the noun of a clause's subject describes the people, no one does its act
    ("Yet even as bankers cheer the ruling, striking dock workers have occupied the port, demanding back pay.",
     "striking"),
    # a noun in -ss is no verb in -s: "press" modifying a noun is a kind of thing
    ("At a tense press conference in Lima on Friday, the families urged the minister to resign.", "press"),
    # a noun row's word the parse reads as an adjective before its noun: a quality, no act
    ("The senator's repeated insults and offensive rhetoric toward Peruvians could anger voters.", "offensive"),
])
def test_a_modifier_of_a_noun_is_no_event(text, word):
    assert all(e.trigger.text != word for e in events(text))


@pytest.mark.parametrize("text,word,code", [
    # ... but a modifier of a noun that names a happening is that happening
    ("Norway's envoy began a mediation effort between the two rival factions on Monday.", "mediation", "045"),
    # a participle after a noun with its object, a headline verb in -s: verbs, whatever the parse says
    ("Police used tear gas to disperse students protesting tuition fees in Santiago.", "protesting", "141"),
    ("Campaign criticizes spy agencies over the leak.", "criticizes", "111"),
    # an -ing word after a comma is an adjunct of the clause before it, not a modifier of the next noun
    ("The minister spoke to reporters in Lima, criticizing claims of a cover-up.", "criticizing", "111"),
    # a sentence the parse reads as one noun phrase keeps its verb
    ("The army hit rebel positions near the border.", "hit", "19"),
])
def test_a_modifier_of_a_happening_stays(text, word, code):
    found = [e for e in events(text) if e.trigger.text == word]
    assert found and found[0].cameo.startswith(code)


@pytest.mark.parametrize("text,word,gone", [
    # a present passive on a bare plural describes what is done to such people in general
    ("Peru's new law says. Migrants who are detained at the border must see a judge within a day.", "detained", True),
    ("The rules are strict. Visitors are searched before they enter the palace.", "searched", True),
    # ... people named or counted, or a past passive, are a happening
    ("The rules are strict. The two reporters who are detained in Lima began a hunger strike.", "detained", False),
    ("The rules are strict. Migrants were detained at the border on Monday.", "detained", False),
    # an active present of a bare plural: what such people do in general
    ("The poll is new. Many voters see migrants as people who refuse to learn the language.", "refuse", True),
    ("The report is long. Smugglers who attack border guards at night are rarely caught.", "attack", True),
    ("The report is long. Critics deride the plan as a gift to the banks.", "deride", False),
    ("The report is long. Rebels attacked border guards on Monday night.", "attacked", False),
    ("The report is long. The rebels who attack the convoys are based in the hills.", "attack", False),
    # a present with an adverb of habit describes a practice (of a verb row, or of the verb of a noun row)
    ("The report came out on Monday. Police routinely arrest protesters in the capital.", "arrest", True),
    ("The report came out on Monday. The group regularly sends aid to Kenya.", "aid", True),
    ("The report came out on Monday. Rebels often attacked army posts in the region last year.", "attacked", False),
    ("The report came out on Monday. The group sent aid to Kenya on Monday.", "sent", False),
    # a perfect with an adverb of a standing position: a position held over time, no dated act
    ("The report came out on Monday. Farmers' unions have long called for lower tariffs.", "called for", True),
    ("The report came out on Monday. The party has always criticized the new dam.", "criticized", True),
    ("The report came out on Monday. Farmers' unions have called for lower tariffs.", "called for", False),
])
def test_a_generic_present_passive_is_no_event(text, word, gone):
    assert any(e.trigger.text == word for e in events(text)) != gone


def test_a_place_before_a_noun_trigger_is_its_location():
    e = next(e for e in events("Volunteers gave blood for the victims of the Orlando massacre.")
             if e.trigger.text == "massacre")
    assert e.location and e.location["name"] == "Orlando"


def test_a_verbal_assault_is_no_force():
    text = "\u201cYou have lied to this city,\u201d Smith charged in his scathing assault on the mayor."
    assert not any(e.cameo.startswith(("18", "19")) for e in events(text))


@pytest.mark.parametrize("text,word,negated,hypothetical", [
    # a result infinitive after ", only" happened
    ("The opposition leader fled to Spain in 1999 and came home in May, only to be arrested at the border.",
     "arrested", False, False),
    # a purpose infinitive did not (yet)
    ("Officials said they went to Cairo to meet the rebels.", "meet", False, True),
    # the negation of a plan reaches every act of its infinitive
    ("Nor does the senator have any plans, aides say, to copy the campaign and start softening her stance, or "
     "denouncing open trade.", "denouncing", True, True),
    ("The army has no plans to attack the town.", "attack", True, True),
])
def test_plans_and_results(text, word, negated, hypothetical):
    e = next(e for e in events(text) if e.trigger.text == word)
    assert (e.negated, e.hypothetical) == (negated, hypothetical)


@pytest.mark.parametrize("words_,i,expected", [
    ("the army has no plans to attack the town or shelling the port".split(), 10, True),
    ("the army has plans to attack the town".split(), 6, False),
    ("no one plans anything , but they attack the town".split(), 8, False),
])
def test_negated_plan(words_, i, expected):
    assert negated_plan(words_, i) is expected


@pytest.mark.parametrize("words_,s,i,expected", [
    # a present-tense act after a pending phrase has not happened; a past one did
    ("hand him over as soon as the envoy arrives".split(), 6, 8, True),
    ("they left as soon as the envoy arrived".split(), 5, 7, False),
    ("they stay until the envoy arrives".split(), 3, 5, True),
])
def test_pending_phrases(words_, s, i, expected):
    assert pending(words_, s, i) is expected


@pytest.mark.parametrize("text,word", [
    # (rules, no parse) a participle after a possessive and an adverb modifies the noun after it
    ("The party's bitterly contested vote angered rivals.", "contested"),
    # a past form after a determiner with no noun after it is a noun
    ("The bill needs more votes to have any shot, aides said.", "shot"),
    ("He took his shot at the title in May.", "shot"),
    # a bare stem after a name that follows a determiner: the name modifies a noun
    ("The toll in the Kabul blast rose to 30.", "blast"),
])
def test_rules_only_no_verb(text, word):
    found = find_triggers(text, [(0, len(text))])
    assert not any(text[c.start:c.end] == word and c.pattern.pos == "verb" for _, _, cs in found for c in cs)


@pytest.mark.parametrize("text,word", [
    ("Gunmen shot a guard at the gate on Monday.", "shot"),
    ("The Taliban attack checkpoints at night.", "attack"),
])
def test_rules_only_verb_kept(text, word):
    found = find_triggers(text, [(0, len(text))])
    assert any(text[c.start:c.end] == word for _, _, cs in found for c in cs)


def test_filter_words_are_data():
    assert "talk" in words("noun_needs_prep") and "only" in words("result_infinitive_openers")
    assert words("plan_nouns") and not words("plan_nouns") & grammar_words("subordinators")


@pytest.mark.parametrize("start,word", [
    (0, None),            # before the parsed span
    (5, "ferry"), (11, "docked"), (18, "late"),
    (7, None), (10, None), (17, None),      # inside a word, on a space
    (23, None),           # after the span
    (40, None), (-1, None),
])
def test_token_at_finds_the_token_beginning_at_an_offset_inside_the_parse(start, word):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.extract.trigger_senses import token_starting_at

    doc = Doc(Vocab(), words=["Slow", "ferry", "docked", "late", "again"], spaces=[True, True, True, True, False])
    parse = doc[1:4]           # "ferry docked late"
    tok = token_starting_at(parse, start)
    assert (tok.text if tok is not None else None) == word


@pytest.mark.parametrize("text,word,code", [
    # a participle that is the verb of its clause, after a quantifier object or a clause opener
    ("Police arrested more suspected militants on Monday.", "arrested", "17"),
    ("Police detained many wounded protesters on Monday.", "detained", "17"),
    ("The president has pledged support for the rebels.", "pledged", "03"),
])
def test_participles_that_stay_verbs(text, word, code):
    got = [e.cameo for e in events(text) if e.trigger.text.split()[0] == word]
    assert got and got[0].startswith(code), [(e.cameo, e.trigger.text) for e in events(text)]
