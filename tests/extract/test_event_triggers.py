"""The trigger rules' row search (extract.event_triggers._match): the plans' shortcuts (rows sorted by
the score they can reach, rows skipped where the sentence lacks a word they need) choose the row
that a plain walk over every row of the word in file order chooses."""
import pytest

from dateline.extract.event_triggers import _next_word
from dateline.text import positions
from dateline.extract.events import _extractor
from dateline.text import tokenize_lower


def _plain_match(ex, toks, low, i, after_verb=False, pos_only=None):
    """Every row of the word in file order, each test made for it, the first best score kept."""
    best = None
    for p, rest, last_forms, *_ in sorted(ex._row_plans(low[i])[0], key=lambda plan: (plan[0].file, plan[0].row)):
        fit = ex._pos_fits(p.pos, toks, low, i, after_verb) if pos_only is None else p.pos == pos_only
        if not fit:
            continue
        j, ok = i + 1, True
        for w, limit in rest:
            found = _next_word(toks, low, j, w, limit)
            if found is None:
                ok = False
                break
            j = found + 1
        if not ok or (last_forms is not None and low[j - 1] not in last_forms):
            continue
        dist = ex._objects_at(p, low, i, j, toks, {}) if p.objects else 0
        if dist is None or (p.subjects and not any(w in p.subjects for w in low[max(0, i - 8):i])):
            continue
        score = (len(p.words), bool(p.objects), -dist, bool(p.subjects), -p.row)
        if best is None or score > best[0]:
            best = (score, p, j)
    return (best[1], best[2]) if best else None


@pytest.mark.parametrize("text", [
    "The rebels fired rockets at the border post on Monday.",
    "Officials said the ministry plans to raise taxes and called for calm.",
    "The council approved a plan to share water with its neighbours.",
    "Police arrested two men after the protest and held them overnight.",
    "The company offered a bid for the shares, but the board rejected the offer.",
    "Troops were sent to the region after the attack on the convoy.",
    "She will continue talks with the envoy, who asked for a ceasefire.",
])
@pytest.mark.parametrize("after_verb", [False, True])
def test_the_row_search_chooses_what_a_walk_over_every_row_chooses(text, after_verb):
    ex = _extractor()
    toks, low = tokenize_lower(text, 0, len(text))
    for i, w in enumerate(low):
        if w in ex.index:
            for pos_only in (None, "noun"):
                assert ex._match(toks, low, i, after_verb, pos_only) \
                    == ex._match(toks, low, i, after_verb, pos_only, present=set(low)) \
                    == _plain_match(ex, toks, low, i, after_verb, pos_only), (w, pos_only)


def test_plans_put_the_highest_reachable_score_first():
    ex = _extractor()
    for word in ("plan", "called", "approved", "offer"):
        rows, free, needed = ex._row_plans(word)
        tops = [r[3] for r in rows]
        assert tops == sorted(tops, reverse=True)
        assert free == tuple(r for r in rows if not r[4])
        assert all(p.objects <= needed for p, *_ in rows)


@pytest.mark.parametrize("low, words", [
    (["the", "army", "hit", "the", "post", "and", "hit", "it", "again"], ["hit"]),
    (["talks", "on", "talks", "about", "aid", "talks"], ["aid", "talks"]),
    (["a", "b", "c"], []),
    (["x"], ["x"]),
])
def test_positions_are_every_place_of_the_words_in_order(low, words):
    assert positions(low, set(words)) == [k for k, w in enumerate(low) if w in words]
    assert positions(low, set(words), 1, len(low) - 1) == [k for k, w in enumerate(low) if w in words and 0 < k < len(low) - 1]


def test_forms_with_the_same_rows_share_one_plan():
    ex = _extractor()
    same = [(a, b) for a, rows in ex.index.items() for b in (a + "s",)
            if rows and [id(p) for p in rows] == [id(p) for p in ex.index.get(b, ())]]
    assert same                                         # (a verb and its -s form share their rows)
    for a, b in same[:20]:
        assert ex._row_plans(a) is ex._row_plans(b)
