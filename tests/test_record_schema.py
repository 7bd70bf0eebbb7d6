"""docs/record.schema.json: a strict JSON Schema of dateline/article@1. Every record the tests make
in-process is validated against it (conftest.py); here: it is a valid schema, it covers every
field of the record's dataclasses, and it refuses what the contract does not allow."""
from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import pytest

from dateline import record as R

jsonschema = pytest.importorskip("jsonschema")
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "docs" / "record.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict:
    s = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(s)
    return s


@pytest.fixture(scope="module")
def good(sample_text) -> dict:
    import dateline
    return dateline.analyze(sample_text, published="2019-11-15").to_dict()


def _errors(schema, rec) -> list[str]:
    return [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(rec)]


@pytest.mark.parametrize("cls,where", [
    (R.Record, ("properties",)), (R.ArticleMeta, ("properties", "article", "properties")),
    (R.Entity, ("$defs", "entity", "properties")), (R.Timex, ("$defs", "timex", "properties")),
    (R.Quote, ("$defs", "quote", "properties")), (R.Attribution, ("$defs", "attribution", "properties")),
    (R.Event, ("$defs", "event", "properties")), (R.Series, ("$defs", "event", "properties", "series", "anyOf", 0,
                                                             "properties")),
    (R.ActorRef, ("$defs", "actor", "properties")), (R.Span, ("$defs", "span", "properties")),
])
def test_schema_names_every_field_of_the_record(schema, cls, where):
    node = schema
    for k in where:
        node = node[k]
    fields = {f.name for f in dataclasses.fields(cls)}
    missing = fields - set(node)
    assert not missing, f"{cls.__name__}: {sorted(missing)} not in docs/record.schema.json"


def test_a_record_from_the_pipeline_is_valid(schema, good):
    assert good["events"] and good["quotes"] and not _errors(schema, good)


def _set(rec, path, value):
    node = rec
    for k in path[:-1]:
        node = node[k]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value


@pytest.mark.parametrize("path,value", [
    (("schema",), "dateline/article@2"),
    (("surprise",), 1),                                   # no unknown properties
    (("article", "published_from"), "guessed"),
    (("article", "published"), "31 Oct 2019"),
    (("article", "id"), KeyError),                        # required
    (("events", 0, "cameo"), "150x"),
    (("events", 0, "cameo"), "21"),
    (("events", 0, "plover"), "LAUNCH"),
    (("events", 0, "goldstein"), 12.0),
    (("events", 0, "quad_class"), 5),
    (("events", 0, "trigger", "start"), -1),
    (("events", 0, "actor", "code"), "North Korea"),
    (("events", 0, "sentence", "text"), "extra"),
    (("entities", 0, "kind"), "animal"),
    (("timexes", 0, "type"), "MOMENT"),
    (("timexes", 0, "mod"), "SOMETIME"),
    (("quotes", 0, "speaker"), KeyError),
])
def test_schema_refuses(schema, good, path, value):
    rec = copy.deepcopy(good)
    _set(rec, path, value)
    assert _errors(schema, rec)


def test_merge_adds_a_cluster_to_events(schema, good):
    rec = copy.deepcopy(good)
    for e in rec["events"]:
        e["cluster"] = "c123"
    assert not _errors(schema, rec)


def test_records_printed_by_a_subprocess_are_checked_too(good):
    from conftest import check_records_in

    bad = dict(good, surprise=1)
    check_records_in(json.dumps(good).encode())                                   # JSON
    check_records_in(("\n".join([json.dumps(good), json.dumps({"id": "x", "error": {}})])).encode())   # JSONL
    check_records_in(b"== a text report, not JSON")
    with pytest.raises(AssertionError, match="record.schema.json"):
        check_records_in((json.dumps(good) + "\n" + json.dumps(bad)).encode())
