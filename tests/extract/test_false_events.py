"""False events by mechanism (resources/cameo/patterns.tsv "---" rows, senses.tsv, trigger_filters.tsv,
grammar.json; extract.trigger_senses, extract.speech_acts, extract.modality): idioms whose object
names no happening, participles that open a verb's object, trigger nouns that modify another noun,
copulas that are auxiliaries, questions, attacks in words, conditions over coordinated verbs."""
import pytest

import dateline


def events(text):
    return dateline.analyze(text, published="2021-03-04").events


@pytest.mark.parametrize("text,word", [
    # a verb whose object makes it an idiom: no happening
    ("The senator struck a defiant tone in Ohio on Monday.", "struck"),
    ("The governor struck all the right notes at the dinner.", "struck"),
    ("The mayor seized the opportunity to praise the firefighters.", "seized"),
    ("The bank reserves the right to close any account.", "reserves"),
    ("Two diplomats requested anonymity because the talks were private.", "requested"),
    ("The paper asked its readers what they thought of the new mayor.", "asked"),
    ("Police were conducting forensic tests on the car on Tuesday.", "conducting"),
    ("The audit has not demonstrated that the agency broke any rule.", "demonstrated"),
    ("The nurse was heading back to her apartment in Queens.", "heading back"),
    ("This year the governor's race is nationalized as never before.", "nationalized"),
    # a past participle on the noun after a verb that is no auxiliary opens that verb's object
    ("The blogger promotes alleged bank conspiracies every week.", "alleged"),
    ("Police questioned alleged gang members in Lyon on Monday.", "alleged"),
    ("Alleged smugglers were held at the border on Monday.", "Alleged"),
    ("Trump shot back in a statement on Monday, saying he had made money.", "shot"),
    ("By defending the mayor, the senator occupied a role that few expected.", "occupied"),
    # a demand verb whose that-clause only states how things are
    ("Obama insisted that lifting the embargo was no reward for China.", "insisted"),
    ("The ministers insist that their funds were never spent on weapons.", "insist"),
    ("The senator agrees the governor is a total opportunist.", "agrees"),
    ("The two delegations agreed that the talks were useful.", "agreed"),
    ("The party rules clash erupted on Monday.", "clash"),
    # a trigger noun that modifies the noun after it
    ("Radio talk host Jim Smith spoke on Friday.", "talk"),
    ("Online panels are not worse than telephone surveys, the study found.", "telephone"),
    # a weapon the parse reads as a noun names the device, not the act of the verb row
    ("Suspected bombs exploded outside two banks in Lima on Friday.", "bombs"),
    ("The Lima bomb killed five people on Friday.", "bomb"),
    # the past of "wind" is no wounding; a test or a challenge met is no meeting
    ("The senator wound up his speech with a call for unity.", "wound"),
    ("The talks wound down on Friday without a deal.", "wound"),
    ("The nominee met the test of a national campaign.", "met"),
])
def test_no_event(text, word):
    assert all(e.trigger.text != word for e in events(text))


@pytest.mark.parametrize("text,word,code", [
    # the same verbs with objects that name a happening keep their codes
    ("Israel struck targets in Gaza on Monday.", "struck", "190"),
    ("Rebels seized the town of Kidal on Monday.", "seized", "192"),
    ("Protesters demonstrated against the new tax in Athens on Monday.", "demonstrated", "1412"),
    ("Police detained alleged smugglers at the border on Monday.", "detained", "173"),
    ("The opposition has alleged fraud in the vote.", "alleged", "1121"),
    ("Pakistan held a telephone call with India on Monday.", "telephone call", "041"),
    ("Israeli jets bombed Gaza on Monday.", "bombed", "195"),
    ("Suspected bombs exploded outside two banks in Lima on Friday.", "exploded", "183"),
    ("Iran insisted that Israel must withdraw its troops from the border.", "insisted", "1056"),
    ("Soldiers shot back at the gunmen near Kabul on Monday.", "shot", "193"),
    ("Russian troops occupied the town on Monday.", "occupied", "192"),
    ("Iraq agreed that it was time to resume talks with Iran.", "agreed", "036"),
    ("Iran and Iraq agreed that their ministers would meet in May.", "agreed", "036"),
    ("Police clashed with protesters in Lagos on Monday.", "clashed", "175"),
    ("Cuba warned against excessive optimism on Monday.", "warned", "012"),
    ("The blast wounded up to 30 people on Monday.", "wounded", "180"),
])
def test_event_kept(text, word, code):
    assert any(e.trigger.text == word and e.cameo == code for e in events(text))


@pytest.mark.parametrize("text,code", [
    # an attack from a forum, in a debate or over a stance is made in words
    ("A Peruvian senator attacked the Chilean mining firm from the floor of parliament on Monday.", "111"),
    ("Iran's president attacked Israel over its policy on Monday.", "111"),
    ("Iran's president attacked Israel on its record on Monday.", "111"),
    # the forum the parse hangs on the object, not the verb
    ("Early in the year, the Peruvian opposition leader (left) bitterly attacked the Chilean miners from the floor "
     "of congress, making them an issue.", "111"),
    # an attack on a place or a party with no forum named is force
    ("Gunmen attacked a police station in Kabul on Monday.", "190"),
])
def test_attack_in_words(text, code):
    assert [e.cameo for e in events(text) if e.trigger.text == "attacked"] == [code]


@pytest.mark.parametrize("text,code", [
    # a copula that is an auxiliary of a reported act judges no one
    ('"The Iranian government is offering nothing new," the Israeli prime minister said.', None),
    ('"Iran is going to care about this," the Israeli prime minister said.', None),
    ('Israel said Iran could be charged under the new sanctions law.', None),
    # a question judges no one
    ("Israel asked its allies whether Iran was doing better than before.", None),
    # a judgement after the copula, or after a light verb, stays
    ('"Iran is a dangerous regime," the Israeli prime minister said.', "111"),
    ('"The Iranian government is doing a terrible job," the Israeli prime minister said.', "111"),
])
def test_speech_act_judgement(text, code):
    judged = [e.cameo for e in events(text) if e.rule and e.rule.startswith("speech_acts:evaluative")]
    assert judged == ([code] if code else [])


@pytest.mark.parametrize("text,word", [
    # a condition reaches every verb coordinated in its clause
    ("If the rebels are arrested and charged, the army will withdraw from the town.", "charged"),
    ("If police detain and deport the activists, the union will strike.", "deport"),
])
def test_condition_over_coordination(text, word):
    hit = [e for e in events(text) if e.trigger.text == word]
    assert all(e.hypothetical for e in hit)


@pytest.mark.parametrize("text,word,hypothetical", [
    # the infinitive after an ordinal and the party it counts tells what that party did
    ("Diaz became the first Republican in the state assembly to endorse the mayor's rival.", "endorse", False),
    ("Hungary was among the first three countries to join NATO on Friday.", "join", False),
    # an infinitive after any other noun is still unrealised
    ("Peru wants to be the first country to join the pact.", "join", True),
])
def test_ordinal_infinitive(text, word, hypothetical):
    hit = [e for e in events(text) if e.trigger.text == word]
    assert hit and all(e.hypothetical == hypothetical for e in hit)


@pytest.mark.parametrize("text,word", [
    # an ordinal of another noun, with a clause between, counts no party
    ("Late in the third round as the visitors rallied to forge a tie, the crowd sang.", "forge"),
])
def test_ordinal_of_another_noun(text, word):
    hit = [e for e in events(text) if e.trigger.text == word]
    assert hit and all(e.hypothetical for e in hit)
