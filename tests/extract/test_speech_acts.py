"""Speech acts (extract.speech_acts): a source's words that judge a named party are an event."""
import pytest

import dateline
from dateline.extract.speech_acts import judgement, valences


def acts(text):
    evs = dateline.analyze(text, published="2021-03-05").events
    return [(e.cameo, e.actor.code if e.actor else None, e.target.code if e.target else None)
            for e in evs if (e.rule or "").startswith("speech_acts")]


@pytest.mark.parametrize("text,expect", [
    ("Peru's foreign minister called Chile a disgrace.", [("111", "PER", "CHL")]),
    ("Peru said on Tuesday that Chile was a great partner.", [("051", "PER", "CHL")]),
    ("Ecuador said Colombia was not a good neighbour.", [("111", "ECU", "COL")]),
    # nobody is judged: the drought is no party
    ("Peru said the drought was terrible.", []),
    # a conditional judgement asserts nothing
    ("Peru said Chile would be mistaken if it closed the border.", []),
    # a cue that is itself a trigger is coded by the dictionary, once
    ("Peru praised Chile as a great partner.", []),
    # a source of information performs no speech act; a poll's respondents judge no party as an act
    ("Chile was a great partner, according to Peru.", []),
    ("Only 52 percent of voters agreed that Chile was a great partner.", []),
    # a word inside a name judges nothing ("United")
    ("Peru said on Tuesday that Chile was a member of the United Nations.", []),
    ("Peru said on Tuesday that Chile was a great partner of the United Nations.", [("051", "PER", "CHL")]),
    # how a party feels or is disposed judges nothing; a participle with its agent is the agent's attitude
    ("Peru said on Tuesday that Chile was ready and happy to help.", []),
    ("Peru said on Tuesday that Chile was deeply loved by its neighbours.", []),
    # the source's own side says how it feels about another party: that party is judged
    ("Peru's foreign minister said Peru was grateful to Chile for its help.", [("051", "PER", "CHL")]),
    ("Peru said on Tuesday that Chile was angry with Bolivia.", []),
    # a standing, a comparison, an outcome: no praise
    ("Peru said on Tuesday that Chile was in a strong position to win the vote.", []),
    ("Peru said on Tuesday that Chile was sounding like a partner of Bolivia.", []),
    ("Peru said on Tuesday that Chile was likely to win and gain a chance at the cup.", []),
])
def test_judgements_of_named_parties(text, expect):
    assert acts(text) == expect


@pytest.mark.parametrize("words,sign", [
    (["a", "disgusting", "fraud"], -1),
    (["not", "good"], -1),
    (["a", "great", "partner"], 1),
    (["a", "neighbour"], 0),
    (["wrong", "if", "it", "goes"], 0),
])
def test_judgement(words, sign):
    v = judgement(words)
    assert (v > 0) - (v < 0) == sign


def test_the_lexicon_leaves_out_event_words():
    val = valences()
    assert val["disgrace"] < 0 < val["great"]
    assert "attack" not in val and "kill" not in val


@pytest.mark.parametrize("statements,codes", [(False, []), (True, ["010"])])
def test_plain_statements_are_events_only_behind_the_setting(statements, codes):
    from dateline.settings import load_settings
    r = dateline.analyze("Peru said on Monday that the border was calm.", published="2021-03-05",
                         settings=load_settings(statements=statements))
    evs = [e for e in r.events if e.cameo == "010"]
    assert [e.cameo for e in evs] == codes
    for e in evs:
        assert e.actor.code == "PER" and e.attributions == [r.attributions[0].id] and e.date == "2021-03-01"


@pytest.mark.parametrize("text,expect", [
    # the content holds a named party responsible for a wrong: the source accuses it
    ("Peru said on Tuesday that Chile was behind the bombings.", [("112", "PER", "CHL")]),
    ("Officials in Lima said they believe Chile is responsible for the killings.", [("112", "PER", "CHL")]),
    ("Peru said the spying could be traced to the Chilean government.", [("1125", "PER", "CHL")]),
    ("Peru said the attacks were carried out by Chile.", [("1123", "PER", "CHL")]),
    ("Peru said Chile had clearly violated the truce.", [("112", "PER", "CHL")]),
    ("Peru said Chile would break international law by doing so.", [("112", "PER", "CHL")]),
    ("Peru said Chile was guilty of fraud.", [("1121", "PER", "CHL")]),
    # a negation denies on the party's behalf; no wrong named, no accusation
    ("Peru said Chile was not behind the bombings.", []),
    ("Peru said Chile was behind schedule.", []),
    ("Peru said Chile was responsible for border security.", []),
    ("Peru said Chile would respect the truce.", []),
    # a source of information accuses nobody; nor does a poll
    ("Chile was behind the bombings, according to Peru.", []),
    ("Sixty percent of voters in Lima said Chile was behind the bombings.", []),
])
def test_accusations_in_content(text, expect):
    assert acts(text) == expect


@pytest.mark.parametrize("text,expect", [
    # the source denies its own part in a wrong (016)
    ("Iran said it had nothing to do with the bombing.", [("016", "IRN", None)]),
    ("The Syrian army said it played no role in the killings.", [("016", "SYR", None)]),
    ("Peru said it was not behind the attacks.", [("016", "PER", None)]),
    # no wrong named, or another party cleared: no denial of the source's own
    ("Iran said it had nothing to do with the talks.", []),
    ("Peru said it was not responsible for border security.", []),
])
def test_denials_in_content(text, expect):
    assert acts(text) == expect



@pytest.mark.parametrize("text,rule", [
    ("Peru's foreign minister called Chile a disgrace.", "speech_acts:evaluative.tsv"),
    ("Peru said Chile was behind the attack on the embassy.", "speech_acts:accusation(grammar.json)"),
    ("Chile said it had nothing to do with the shelling of the port.", "speech_acts:denial(grammar.json)"),
    ("Peru said the negotiators were close to a deal with Chile.", "speech_acts:outlook(grammar.json)"),
])
def test_a_speech_act_event_names_the_mechanism_that_coded_it(text, rule):
    evs = [e for e in dateline.analyze(text, published="2021-03-05").events if (e.rule or "").startswith("speech_acts")]
    assert [e.rule for e in evs] == [rule]


@pytest.mark.parametrize("text,expect", [
    # how a dispute or a negotiation is going: optimistic (013) or pessimistic (012) comments
    ("The Cuban foreign minister says wide gaps remain between Cuban and American positions.",
     [("012", "CUB", "USA")]),
    ("Peru said on Monday that the negotiators were on the verge of a breakthrough.", [("013", "PER", None)]),
    ("Putin claimed that they had resolved most of the problems between Russia and Belarus.",
     [("013", "RUS", "BLR")]),
    ("Peru said the two sides had made little progress in the border dispute with Chile.", [("012", "PER", "CHL")]),
    ("Peru said the negotiators made no breakthrough in the border dispute with Chile.", [("012", "PER", "CHL")]),
    # a weak word of progress judges a dispute only when the content names one
    ("The senator said the economy has made progress under the governor.", []),
    # a condition states no outlook; an outlook word that is an event trigger is that event's
    ("Peru said a breakthrough would come if Chile withdrew its troops.", []),
    ("The Iranian envoy said the talks with France had stalled.", []),
    # a breakthrough or being on track without a dispute named: an inquiry or a schedule, no outlook
    ("Police said the fingerprint found on the door was a big breakthrough.", []),
    ("The ministry said it would publish the files next month to get back on track.", []),
])
def test_outlook_comments(text, expect):
    assert acts(text) == expect


@pytest.mark.parametrize("text,expect", [
    # content that puts an act or a proposal out of the question rejects it (120)
    ("The Chilean president said that lifting the sanctions on Bolivia was out of the question.",
     [("120", "CHL", "BOL")]),
    ("Peru said on Friday that a referendum on the border was off the table.", [("120", "PER", None)]),
    # a negation before it states a possibility; a condition makes no rejection
    ("Peru said that a new vote in Bolivia is not out of the question.", []),
    ("Peru said talks with Bolivia would be off the table if Bolivia closed the border.", []),
    # an act of others reported ("taken off the table by X"): no rejection by the source
    ("Peru said coal power was taken off the table by many rich states.", []),
])
def test_rejections_in_content(text, expect):
    assert acts(text) == expect
