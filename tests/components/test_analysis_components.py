"""dateline.components.analysis and .entities: entities, attribution, events and geocoding, each
read off the Doc after its own component (hand-built articles)."""
from __future__ import annotations

import dataclasses

import pytest

from dateline.nlp.build import analyze_doc
from dateline.settings import load_settings

PROFILES = [dataclasses.replace(load_settings(), model=m) for m in ("default", "none")]
TEXT = ('Ruritania expelled two Bordurian diplomats on Monday, the foreign ministry in Strelsau said. '
        '"They broke our laws," Foreign Minister Rudolf Elphberg told reporters.')


@pytest.mark.parametrize("settings", PROFILES, ids=["default", "none"])
def test_entities_component(settings):
    doc = analyze_doc(TEXT, settings, published="2031-05-07", until="entities")
    names = {(e.name, e.kind) for e in doc._.entities.entities}
    assert ("Rudolf Elphberg", "person") in names
    assert {m.text for m in doc._.entities.mentions} >= {"Rudolf Elphberg"}
    assert doc._.quotes is None


@pytest.mark.parametrize("settings", PROFILES, ids=["default", "none"])
def test_attribution_component(settings):
    doc = analyze_doc(TEXT, settings, published="2031-05-07", until="attribution")
    assert [(q.text, q.speaker.name) for q in doc._.quotes] == [("They broke our laws,", "Rudolf Elphberg")]
    cues = {s.text for s in doc.spans["cue"]}
    assert {"said", "told"} <= cues
    assert doc._.events is None


@pytest.mark.parametrize("settings", PROFILES, ids=["default", "none"])
def test_events_component(settings):
    doc = analyze_doc(TEXT, settings, published="2031-05-07", until="events")
    expel = [e for e in doc._.events if e.trigger.text == "expelled"]
    assert len(expel) == 1 and expel[0].cameo == "161"            # diplomats expelled: relations reduced
    assert expel[0].date == "2031-05-05" and expel[0].date_from == "timex"
    assert [s.text for s in doc.spans["trigger"]] == [e.trigger.text for e in doc._.events]
