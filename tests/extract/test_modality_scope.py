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
