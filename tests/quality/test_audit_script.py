"""quality/audit_events.py: sampling, the review sheet and the verdict check, on hand-built records
(made-up text; no corpus run, no network)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def _load():
    spec = importlib.util.spec_from_file_location("audit_events", ROOT / "quality" / "audit_events.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


audit = _load()

# Our own sentences, written for this test.
TEXT = "The Ruritanian navy blockaded the port of Zenda on Monday. Officials in Elbonia protested."
S1, S2 = (0, 58), (59, 90)


def event(i, start, end, sent, cameo="191", actor=("Ruritania", "RUR"), target=None):
    return {"id": f"v{i}", "cameo": cameo, "trigger": {"start": start, "end": end, "text": TEXT[start:end]},
            "actor": {"entity": None, "name": actor[0], "code": actor[1]} if actor else None,
            "target": {"entity": None, "name": target[0], "code": target[1]} if target else None,
            "date": "2020-01-06", "date_from": "clause", "negated": False, "hypothetical": False,
            "modality": None, "sentence": {"start": sent[0], "end": sent[1]}}


def items(n_articles=3, per=12):
    """A hand-built corpus: n_articles articles of `per` events each (ids v1..v<per>)."""
    out = []
    for a in range(n_articles):
        for i in range(1, per + 1):
            out.append({"article": f"doc{a}", "text": TEXT, "published": "2020-01-08",
                        "event": event(i, 20, 29, S1)})
    return out


NAMES = {"19": "Use unconventional mass violence", "191": "Impose blockade, restrict movement",
         "14": "Protest", "140": "Engage in political dissent, not specified below"}


def verdict(row, **kw):
    v = {"n": row["n"], "article": row["article"], "sentence": {"start": row["sentence"]["start"],
         "end": row["sentence"]["end"]}, "trigger": {"start": row["trigger"]["start"],
         "end": row["trigger"]["end"]}, "event": True, "root": True, "actor": True, "target": True,
         "date": True, "right": True}
    v.update(kw)
    return v


def test_draw_is_deterministic_for_a_seed_and_independent_of_input_order():
    evs = items()
    a = audit.draw(evs, seed=0, size=10)
    b = audit.draw(list(reversed(evs)), seed=0, size=10)
    key = [(x["article"], x["event"]["id"]) for x in a]
    assert key == [(x["article"], x["event"]["id"]) for x in b]
    assert len(set(key)) == 10
    assert key != [(x["article"], x["event"]["id"]) for x in audit.draw(evs, seed=1, size=10)]


def test_draw_takes_every_event_when_there_are_fewer_than_the_size():
    assert len(audit.draw(items(1, 5), seed=0, size=100)) == 5


def test_ids_sort_naturally():
    assert sorted(["v10", "v2", "v1"], key=audit._id_key) == ["v1", "v2", "v10"]


def test_collect_keeps_every_event_with_its_article_and_the_analysed_text():
    records = [{"id": "b", "text": TEXT}, {"id": "a", "text": TEXT, "published": "2020-01-08"}]
    preds = [{"article": {"text": TEXT, "published": "2020-01-07"}, "events": [event(2, 20, 29, S1), event(1, 20, 29, S1)]},
             {"events": [event(1, 80, 89, S2, cameo="140")]}]
    got = audit.collect(records, preds)
    assert [(x["article"], x["event"]["id"]) for x in got] == [("a", "v1"), ("b", "v1"), ("b", "v2")]
    assert got[0]["published"] == "2020-01-08" and got[1]["published"] == "2020-01-07"


def test_sheet_row_reads_the_sentence_from_the_text_and_names_the_code():
    item = {"article": "doc0", "text": TEXT, "published": "2020-01-08",
            "event": event(1, 20, 29, S1, target=("Zenda", "ZEN"))}
    row = audit.sheet_row(1, item, NAMES)
    assert row["sentence"]["text"] == TEXT[:58]
    assert row["trigger"] == {"start": 20, "end": 29, "text": "blockaded"}
    assert "[[" + TEXT[20:29] + "]]" in row["marked"]
    assert row["cameo_name"] == NAMES["191"] and row["root"] == "19" and row["root_name"] == NAMES["19"]
    assert row["actor"] == {"name": "Ruritania", "code": "RUR"} and row["target"]["code"] == "ZEN"
    assert "RUR" in audit.show(row)


def test_a_date_taken_from_elsewhere_shows_its_time_expression_and_that_sentence():
    ev = dict(event(1, 80, 89, S2, cameo="140"), date_timex="t1", date_from="narrative")
    item = {"article": "doc0", "text": TEXT, "published": "2020-01-08", "event": ev,
            "timexes": {"t1": {"id": "t1", "start": 51, "end": 57, "value": "2020-01-06"}}}
    row = audit.sheet_row(1, item, NAMES)
    assert row["date_evidence"] == {"timex": "Monday", "value": "2020-01-06", "context": TEXT[:58]}
    assert "'Monday' in: " + TEXT[:58] in audit.show(row)
    assert audit.sheet_row(1, dict(item, timexes={}), NAMES)["date_evidence"] is None


def sample_rows():
    evs = [{"article": "doc0", "text": TEXT, "published": None, "event": event(1, 20, 29, S1)},
           {"article": "doc0", "text": TEXT, "published": None, "event": event(2, 80, 89, S2, cameo="140")},
           {"article": "doc1", "text": TEXT, "published": None, "event": event(1, 20, 29, S1)}]
    return audit.sheet(audit.draw(evs, seed=0, size=3), NAMES)


def test_check_accepts_verdicts_that_fit_the_sample():
    rows = sample_rows()
    vs = [verdict(r) for r in rows]
    vs[0].update(target=False, right=False, note="target should be the port's state")
    assert audit.check(rows, vs) == []
    c = audit.tally(vs, len(rows))
    assert (c["right"], c["wrong_target"], c["wrong_event"], c["unjudged"]) == (2, 1, 0, 0)


def test_check_flags_a_trigger_span_not_in_the_sample():
    rows = sample_rows()
    vs = [verdict(r) for r in rows]
    vs[1]["trigger"] = {"start": vs[1]["trigger"]["start"] + 1, "end": vs[1]["trigger"]["end"]}
    problems = audit.check(rows, vs)
    assert len(problems) == 1 and problems[0].startswith(f"n={rows[1]['n']}: trigger span")


def test_check_flags_other_article_missing_extra_and_inconsistent_verdicts():
    rows = sample_rows()
    vs = [verdict(r) for r in rows]
    vs[0]["article"] = "elsewhere"
    vs[1].update(date=False)  # right stays true: inconsistent
    extra = dict(verdict(rows[0]), n=4)
    problems = audit.check(rows, [vs[0], vs[1], extra])
    assert any("article 'elsewhere'" in p for p in problems)
    assert any(p.startswith(f"n={rows[1]['n']}: right=True") for p in problems)
    assert "n=4: not in the sample (size 3)" in problems
    assert f"n={rows[2]['n']}: no verdict" in problems


def test_a_note_repeating_the_sentence_is_flagged():
    rows = sample_rows()
    vs = [verdict(r) for r in rows]
    row1 = next(r for r in rows if r["sentence"]["start"] == 0)
    v = next(v for v in vs if v["n"] == row1["n"])
    v["note"] = "says: the Ruritanian navy blockaded the port of Zenda"
    assert audit.copied_notes(rows, vs) == [row1["n"]]
    v["note"] = "a real blockade; actor right"
    assert audit.copied_notes(rows, vs) == []


def test_the_sheet_is_refused_inside_the_repo(tmp_path):
    with pytest.raises(SystemExit):
        audit._outside_repo(str(ROOT / "quality" / "sheet.jsonl"))
    assert audit._outside_repo(str(tmp_path / "sheet.jsonl")) == (tmp_path / "sheet.jsonl").resolve()


def test_sample_and_score_end_to_end_on_a_saved_output(tmp_path, capsys):
    """sample and score through main(), on a made-up gold article and a saved output (no run)."""
    if not (SHARED / "eval" / "common.py").is_file():
        pytest.skip("../shared/eval is not there")
    shared = tmp_path / "shared"
    (shared / "gold" / "dev" / "mine").mkdir(parents=True)
    (shared / "eval").symlink_to(SHARED / "eval")
    (shared / "gold" / "dev" / "mine" / "ruritania.txt").write_text(TEXT, encoding="utf-8")
    (shared / "gold" / "dev" / "mine" / "ruritania.gold.json").write_text(
        json.dumps({"id": "ruritania", "doc": "ruritania.txt", "input": {"published": "2020-01-08"}}))
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"article": {"id": "ruritania", "text": TEXT},
                                "events": [event(1, 20, 29, S1), event(2, 80, 89, S2, cameo="140")]}) + "\n")
    common = ["--shared", str(shared), "--pred", str(pred)]
    sheet = tmp_path / "sheet.jsonl"
    assert audit.main(["sample", "--sheet", str(sheet), *common]) == 0
    rows = [json.loads(x) for x in sheet.read_text().splitlines()]
    assert [r["n"] for r in rows] == [1, 2] and {r["event_id"] for r in rows} == {"v1", "v2"}
    verdicts = tmp_path / "verdicts.jsonl"
    verdicts.write_text("".join(json.dumps(verdict(r)) + "\n" for r in rows))
    assert audit.main(["score", "--verdicts", str(verdicts), "--min", "2", *common]) == 0
    assert "audit: right=2/2" in capsys.readouterr().out
    assert audit.main(["score", "--verdicts", str(verdicts), "--min", "3", *common]) == 1
    bad = [verdict(r) for r in rows]
    bad[0]["trigger"] = {"start": 0, "end": 3}
    verdicts.write_text("".join(json.dumps(v) + "\n" for v in bad))
    assert audit.main(["score", "--verdicts", str(verdicts), "--min", "0", *common]) == 2
    assert "MISMATCH n=1: trigger span" in capsys.readouterr().out


def _heldout_tree(tmp_path):
    """A made-up shared folder: two PolNeAR training texts (one undated), two AQUAINT documents."""
    if not (SHARED / "eval" / "common.py").is_file():
        pytest.skip("../shared/eval is not there")
    shared = tmp_path / "shared"
    texts = shared / "data" / "polnear" / "train" / "text"
    texts.mkdir(parents=True)
    (shared / "eval").symlink_to(SHARED / "eval")
    for name in ("zenda-a", "zenda-b"):
        (texts / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (shared / "data" / "polnear" / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ntrain\tzenda-a\t2020-01-08\ntrain\tzenda-b\tNone\n")
    aq = shared / "data" / "tempeval3" / "TBAQ-cleaned" / "AQUAINT"
    aq.mkdir(parents=True)
    for name, dct in (("ELB01", "2020-02-03"), ("ELB02", "2020-02-04T10:00")):
        (aq / f"{name}.tml").write_text(
            '<?xml version="1.0" ?><TimeML><DOCID>x</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
            f'value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
            f"<TEXT>{TEXT}</TEXT></TimeML>", encoding="utf-8")
    return shared


@pytest.mark.parametrize("art_id, published", [
    ("zenda-a", "2020-01-08"),      # PolNeAR: the metadata's publication date
    ("zenda-b", None),              # PolNeAR without a date: no published field
    ("ELB01", "2020-02-03"),        # AQUAINT: the creation time
    ("ELB02", "2020-02-04"),        # a creation time with a clock time: its day
])
def test_heldout_records_read_text_and_publication_date(tmp_path, art_id, published):
    shared = _heldout_tree(tmp_path)
    (rec,) = audit.heldout_records([art_id], shared)
    assert rec["id"] == art_id and rec["text"].strip() == TEXT
    assert rec.get("published") == published


def test_heldout_draw_is_seeded_dated_and_never_dev(tmp_path):
    shared = _heldout_tree(tmp_path)
    (shared / "gold" / "dev" / "mine").mkdir(parents=True)
    (shared / "gold" / "dev" / "mine" / "ELB01.gold.json").write_text("{}")     # a dev article: never drawn
    one = audit.draw_heldout(shared, seed=3)
    assert one == audit.draw_heldout(shared, seed=3)
    assert sorted(one) == ["ELB02", "zenda-a"]          # undated PolNeAR texts and dev gold are left out


def test_heldout_draw_never_takes_the_fixed_list(tmp_path):
    shared = _heldout_tree(tmp_path)
    fixed = tmp_path / "fixed.txt"
    fixed.write_text("# the audited list\nELB02\n")
    drawn = audit.draw_heldout(shared, seed=3, fixed=fixed)
    assert "ELB02" not in drawn and "ELB01" in drawn and "zenda-a" in drawn


def test_heldout_article_list_names_existing_ids_only():
    ids = audit.read_ids(audit.HELDOUT_IDS)
    assert len(ids) == len(set(ids)) == 24
    assert all(not i.startswith("#") and " " not in i for i in ids)
