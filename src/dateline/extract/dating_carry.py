"""Whose day the story last named is (``dating_story.narrative_dates``): a day named in one clause dates the
happening of that clause. It carries to an undated act a sentence or two later only when that act goes on
with the same happening: its doer is one of the doers of what the day dates (of the acts its own clause
dates, the speakers whose statement it dates), where both are known
("On Wednesday X arrived in Y. She met Z.": the same doer; "The court ruled on Friday. Libya hailed the
ruling.": another doer's reaction, of no day the text gives). Nor does a day whose own predicate the parse
gives in the present or future ("I hope that, whatever happens today, ..."): it tells of now or of what is
to come, not of the past the narrative tells. (This judges the day named in the last few sentences; the
story's own time, farther on, keeps its reach.)
"""
from __future__ import annotations

from .dating_parse import time_predicate, told_in_present


def _entity(m) -> str | None:
    """The entity id of a role (None where there is none)."""
    return getattr(m, "entity", None) if m is not None else None


def day_doers(cands, speakers: dict) -> dict[str, set]:
    """For each time expression (by id) that dates an act by its own clause or a statement by its cue, the
    entities of the doers of what it dates: of those acts, the speakers (``speakers``: what
    ``dating.cue_speakers`` gives). A doer the roles did not name is None. (Not the targets: "X criticized
    the police on Tuesday" tells no act of the police that day.)"""
    out: dict[str, set] = {k: set(v) for k, v in speakers.items()}
    for o in cands:
        if o.date_from == "timex" and o.date_timex is not None:
            out.setdefault(o.date_timex, set()).add(_entity(o.actor))
    return out


def carries(c, t, doers: dict, parse=None) -> bool:
    """Does the day ``t`` the story last named date the later undated act ``c``: not a day of a predicate the
    parse of its sentence (``parse``, where there is one) tells in the present or future
    (``dating_parse.told_in_present``), and, where the doers of what ``t`` dates are known
    (``day_doers``) and ``c`` has a named doer, that doer one of them?"""
    if parse is not None and (pred := time_predicate(parse, t.start, t.end, frozenset())) is not None \
            and told_in_present(parse, pred.idx, pred.idx + len(pred.text)):
        return False      # "whatever happens today", "will meet on Monday": no past day of the story
    who, known = _entity(c.actor), doers.get(t.id)
    if who is None or not known or None in known:
        return True
    return who in known


def week_among_times(u, timexes, sentence: tuple[int, int]) -> bool:
    """Is ``u`` a week named in a sentence that names another time ("five years ago this week": an
    anniversary, the act is of the other time)? Only a week named alone dates the next sentence."""
    return u.value[4:6] == "-W" and any(t is not u and sentence[0] <= t.start < sentence[1] for t in timexes)
