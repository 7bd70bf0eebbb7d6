"""The modal scope of a clause as the parse draws it (extract.modality_scope): a tensed clause with a
subject of its own, coordinated with the main clause, is outside another clause's modal or infinitive."""
import pytest

import dateline


def event(text, trigger):
    return next(e for e in dateline.analyze(text, published="2021-03-04").events if e.trigger.text == trigger)


@pytest.mark.parametrize("text,trigger,hypothetical", [
    # a conjunct with its own subject and tense: the infinitive or hope of the first clause stops there
    ("Rebels wanted to seize the port and the army shelled their camp.", "shelled", False),
    ("Expected talks collapsed and the rebels attacked the capital.", "attacked", False),
    ("Expected talks collapsed and the rebels attacked the capital.", "collapsed", False),
    # its own modal keeps it hypothetical
    ("The army may shell the camp and the rebels may attack the port.", "attack", True),
    ("The army may shell the camp and the rebels may attack the port.", "shell", True),
    # a condition reaches every conjunct of its clause
    ("If the rebels seize the port and the army shells their camp the war will spread.", "seize", True),
])
def test_own_clause_decides(text, trigger, hypothetical):
    assert event(text, trigger).hypothetical is hypothetical


@pytest.mark.parametrize("text,trigger,stated", [
    # what a measure or a course of action would do: no party states an intention
    ("The senate approved a bill that would ban rallies near the palace.", "ban", False),
    ("The new decree will ban rallies near the palace.", "ban", False),
    # a forecast or a finding, not a statement of intent
    ("Analysts predicted that the rebels would attack the capital.", "attack", False),
    # a party's own "will" stays its intention
    ("Ghana said it would expel the envoys.", "expel", True),
])
def test_will_without_a_party_states_no_intent(text, trigger, stated):
    e = event(text, trigger)
    assert (e.modality is not None, e.hypothetical) == (stated, not stated)


@pytest.mark.parametrize("text,trigger,negated", [
    # a subject that counts no one negates its verb, and the verb coordinated with it
    ("None of the American diplomats were killed in the attack.", "killed", True),
    ("Neither of the two ministers attended the meeting.", "attended", True),
    ("Police said none of the protesters were arrested or charged on Monday.", "arrested", True),
    ("Two of the protesters were arrested on Monday.", "arrested", False),
    # "none" that is no subject negates nothing
    ("Peru, second to none in the region, signed the treaty on Monday.", "signed", False),
])
def test_a_subject_counting_no_one_negates(text, trigger, negated):
    assert event(text, trigger).negated is negated


@pytest.mark.parametrize("text,trigger,hypothetical", [
    # a fronted gerund of means on a verb with a modal auxiliary: the means of an act not done
    ("By offering Canada a seat on the panel, Mexico would show voters it is serious.", "offering", True),
    ("By attacking the convoy, the rebels could provoke a wider war.", "attacking", True),
    ("By attacking the convoy on Monday, the rebels provoked a wider war.", "attacking", False),
])
def test_the_means_of_an_unreal_act(text, trigger, hypothetical):
    assert event(text, trigger).hypothetical is hypothetical


@pytest.mark.parametrize("text,trigger,hypothetical", [
    # an act in a clause of hope or expectation is hoped for: no party states it
    ("Farmers marched to the capital on Monday in the hope that the ministry will lift the tariffs.", "lift", True),
    ("Officials expect that the army will withdraw from the town.", "withdraw", True),
    ("It is unlikely that Iran will attack Israel.", "attack", True),
    # a negated belief or a doubt does not report the act
    ("There is no evidence that the rebels attacked the convoy.", "attacked", True),
    # an asserted belief, a negated doubt and a past act stay real
    ("There is no doubt that the rebels attacked the convoy.", "attacked", False),
    ("Officials believe that the rebels attacked the convoy.", "attacked", False),
    ("The army withdrew from the town on Monday, officials said.", "withdrew", False),
])
def test_an_act_hoped_for_or_doubted_is_not_reported(text, trigger, hypothetical):
    e = event(text, trigger)
    assert e.hypothetical is hypothetical
    assert hypothetical is False or e.modality is None


@pytest.mark.parametrize("text,trigger,stated", [
    # a party that hopes it will act states its own intention
    ("Israel hopes it will sign the accord with Egypt soon.", "sign", True),
    ("Ghana said it would expel the envoys.", "expel", True),
])
def test_a_party_hoping_to_act_states_its_intent(text, trigger, stated):
    assert (event(text, trigger).modality is not None) is stated


@pytest.mark.parametrize("text,reported", [
    # a gathering as the subject of a verb of the future is still to come (a bare noun: not reported)
    ("The NATO summit, she said, would produce a new initiative on missiles.", False),
    ("The summit between the two leaders would produce a pact, officials said.", False),
    ("The meeting between Putin and Biden took place in Oslo on Friday.", True),
])
def test_a_gathering_still_to_come(text, reported):
    events = dateline.analyze(text, published="2021-03-04").events
    assert any(e.trigger.text in ("summit", "meeting") and not e.hypothetical for e in events) is reported


@pytest.mark.parametrize("text,trigger,hypothetical", [
    # a clause of time in the present under a future: still to come, however the tagger reads the verb
    ("Once Putin arrives in France, the ministry will begin talks.", "arrives", True),
    ("Officials said that once Putin arrives in France the ministry will begin talks.", "arrives", True),
    ("Once Putin arrived in France, the ministry began talks.", "arrived", False),
])
def test_an_arrival_still_to_come(text, trigger, hypothetical):
    assert event(text, trigger).hypothetical is hypothetical
