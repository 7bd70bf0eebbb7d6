"""Cross-article merging of event reports (dateline.timeline.merge)."""
import pytest

from dateline.timeline.merge import Report, agreement, cluster_reports, date_range, merge_records, summarize


def rep(article, cameo="150", actor="PRK", target=None, date="2019-10-31", loc=None, names=(), **kw):
    return Report(article_id=article, event_id="v1", cameo=cameo, actor_code=actor, target_code=target, date=date,
                  location_code=loc, names=frozenset(names), **kw)


@pytest.mark.parametrize("value,first,last,precision", [
    ("2019-10-31", "2019-10-31", "2019-10-31", 1),
    ("2019-10-31T16:35", "2019-10-31", "2019-10-31", 1),
    ("2019-W43", "2019-10-21", "2019-10-27", 7),
    ("2019-10", "2019-10-01", "2019-10-31", 30),
    ("2019-Q4", "2019-10-01", "2019-12-31", 91),
    ("2019", "2019-01-01", "2019-12-31", 365),
])
def test_date_range(value, first, last, precision):
    a, b, p = date_range(value)
    assert (a.isoformat(), b.isoformat(), p) == (first, last, precision)


@pytest.mark.parametrize("value", [None, "", "XXXX-10-31", "PRESENT_REF", "P4D"])
def test_unanchored_dates_have_no_range(value):
    assert date_range(value) is None


@pytest.mark.parametrize("a,b,same", [
    (rep("x"), rep("y"), True),
    (rep("x", date="2019-10-31"), rep("y", date="2019-11-01"), True),        # a time zone apart
    (rep("x", date="2019-10-31"), rep("y", date="2019-11-02"), False),
    (rep("x", date="2019-10"), rep("y", date="2019-10-31"), True),            # within its precision
    (rep("x"), rep("y", actor="KOR"), False),                                 # different states
    (rep("x"), rep("y", actor=None), True),                                   # an unknown actor agrees
    (rep("x", cameo="150"), rep("y", cameo="111"), False),                    # other kind of event
    (rep("x", loc="PRK"), rep("y", loc="JPN"), False),
    (rep("x", cameo="190", date="2019-10-31"), rep("y", cameo="183", date="2019-10-31"), True),  # one family
    (rep("x", hypothetical=True), rep("y"), False),
    (rep("x", date=None, actor=None, names={"tara reid", "promises"}),
     rep("y", date=None, actor=None, names={"tara reid", "promises", "malibu"}), True),
    (rep("x", date=None, actor=None, names={"tara reid"}), rep("y", date=None, actor=None, names={"lindsay lohan"}),
     False),
])
def test_agreement(a, b, same):
    assert (agreement(a, b) is not None) == same


def test_one_cluster_per_launch_day_whatever_the_number_of_reports():
    reports = [rep("a1", date="2019-10-31"), rep("a2", date="2019-11-01"), rep("a3", date="2019-10-31T07:10"),
               rep("a4", date="2019-10-02"), rep("a5", date="2019-10-02", actor=None)]
    ids = cluster_reports(reports)
    assert ids[0] == ids[1] == ids[2]
    assert ids[3] == ids[4]
    assert ids[0] != ids[3]


def test_reports_of_one_article_never_merge_across_clusters():
    second = rep("a1")
    second.event_id = "v2"
    ids = cluster_reports([rep("a1"), second])
    assert ids[0] != ids[1]


def test_summary_counts_conflicts():
    reports = [rep("a1", date="2019-10-31", sources=["JCS"]), rep("a2", date="2019-10-31"),
               rep("a3", date="2019-11-01", sources=["Defense Ministry"])]
    s = summarize(reports)
    assert s["date"] == "2019-10-31" and s["articles"] == 3
    assert s["conflicts"]["date"] == {"2019-10-31": 2, "2019-11-01": 1}
    assert s["sources"] == ["Defense Ministry", "JCS"]


def test_merge_records_adds_cluster_to_every_event():
    def record(aid, date):
        return {"article": {"id": aid, "published": date},
                "events": [{"id": "v1", "cameo": "150", "actor": {"code": "PRK", "name": "North Korea"},
                            "target": None, "date": date, "trigger": {"text": "fired"}}]}
    recs = merge_records([record("a", "2019-10-31"), {"id": "bad", "error": {}}, record("b", "2019-10-31")])
    assert recs[0]["events"][0]["cluster"] == recs[2]["events"][0]["cluster"]


def test_summary_prefers_a_clock_time_among_equally_reported_days():
    s = summarize([rep("a1", date="2019-07-24TEV"), rep("a2", date="2019-07-25T05:34")])
    assert s["date"] == "2019-07-25T05:34"


@pytest.mark.parametrize("a,b,same", [
    # joint happenings (resources/cameo/symmetric.tsv) agree with actor and target exchanged
    (rep("x", cameo="057", actor="RUS", target="UKR"), rep("y", cameo="057", actor="UKR", target="RUS"), True),
    (rep("x", cameo="046", actor="USA", target="PRK"), rep("y", cameo="046", actor="PRK", target="USA"), True),
    (rep("x", cameo="057", actor="RUS", target=None), rep("y", cameo="057", actor="UKR", target="RUS"), True),
    (rep("x", cameo="057", actor="RUS", target="UKR"), rep("y", cameo="057", actor="UKR", target="BLR"), False),
    # directional events do not: a visit, a demand, an attack
    (rep("x", cameo="042", actor="RUS", target="UKR"), rep("y", cameo="042", actor="UKR", target="RUS"), False),
    (rep("x", cameo="100", actor="RUS", target="UKR"), rep("y", cameo="100", actor="UKR", target="RUS"), False),
    (rep("x", cameo="190", actor="RUS", target="UKR"), rep("y", cameo="190", actor="UKR", target="RUS"), False),
])
def test_joint_happenings_agree_in_either_order(a, b, same):
    assert (agreement(a, b) is not None) is same
    assert (agreement(b, a) is not None) is same


def test_joint_happening_cluster_names_the_pair_in_the_most_reported_order():
    reps = [rep("a", cameo="057", actor="UKR", target="RUS"), rep("b", cameo="057", actor="RUS", target="UKR"),
            rep("c", cameo="057", actor="RUS", target="UKR")]
    assert len(set(cluster_reports(reps))) == 1
    s = summarize(reps)
    assert (s["actor"], s["target"]) == ("RUS", "UKR")
    assert "actor" not in s["conflicts"] and "target" not in s["conflicts"]


def test_directional_reports_in_opposite_directions_stay_apart():
    reps = [rep("a", cameo="190", actor="UKR", target="RUS"), rep("b", cameo="190", actor="RUS", target="UKR")]
    assert len(set(cluster_reports(reps))) == 2


@pytest.mark.parametrize("a,b,same", [
    # an upper bound (the publication day) agrees with any earlier day only through the story or the dyad
    (rep("x", actor=None, date="2019-10-31", date_from="publication"), rep("y", actor=None, date="2019-10-31"),
     False),
    (rep("x", date="2019-10-31", date_from="publication", published="2019-10-31"),
     rep("y", date="2019-10-29", published="2019-10-31"), True),
    # a stated day after the day it was reported by is another happening
    (rep("x", date="2019-10-25", date_from="publication"), rep("y", date="2019-10-30"), False),
])
def test_upper_bound_dates_in_agreement(a, b, same):
    assert (agreement(a, b) is not None) == same


def test_a_stated_date_outweighs_an_upper_bound():
    s = summarize([rep("x", date="2019-10-31", date_from="publication"), rep("y", date="2019-10-30")])
    assert s["date"] == "2019-10-30"


@pytest.mark.parametrize("a,b,same", [
    # reports that no stated date places agree by their story only within STORY_DAYS of each other
    (rep("x", actor=None, date=None, published="2019-10-01", names={"seoul", "tokyo"}),
     rep("y", actor=None, date=None, published="2019-10-06", names={"seoul", "tokyo"}), True),
    (rep("x", actor=None, date=None, published="2019-10-01", names={"seoul", "tokyo"}),
     rep("y", actor=None, date=None, published="2019-10-20", names={"seoul", "tokyo"}), False),
    (rep("x", actor=None, date="2019-10-01", date_from="publication", names={"seoul", "tokyo"}),
     rep("y", actor=None, date="2019-10-20", date_from="narrative", names={"seoul", "tokyo"}), False),
    # a stated date places one of them: the story still joins them (the later report looks back)
    (rep("x", actor=None, date="2019-10-01", names={"seoul", "tokyo"}),
     rep("y", actor=None, date=None, published="2019-10-20", names={"seoul", "tokyo"}), True),
    # no day to compare: as before
    (rep("x", actor=None, date=None, names={"seoul", "tokyo"}), rep("y", actor=None, date=None, names={"seoul", "tokyo"}),
     True),
])
def test_loose_reports_agree_by_story_only_when_near(a, b, same):
    assert (agreement(a, b) is not None) == same


def test_near_any_answers_as_a_loop_over_near():
    import datetime as _dt
    import random

    from dateline.timeline.merge import NearAny, near

    rnd = random.Random(5)
    dates = [None, "2019-10", "2019-W43", "2019", "2019-Q4"] + [
        (_dt.date(2019, 10, 1) + _dt.timedelta(days=d)).isoformat() for d in range(0, 40, 3)]
    pubs = [None] + [(_dt.date(2019, 10, 1) + _dt.timedelta(days=d)).isoformat() for d in range(0, 40, 2)]

    def some(tag):
        return rep(tag, cameo=rnd.choice(["150", "190", "111"]), date=rnd.choice(dates), published=rnd.choice(pubs),
                   negated=rnd.random() < 0.1, hypothetical=rnd.random() < 0.1)

    for trial in range(200):
        many = [some(f"m{i}") for i in range(rnd.randint(0, 6))]
        x = some("x")
        assert NearAny(many)(x) == any(near(m, x) for m in many), (trial, x, many)
