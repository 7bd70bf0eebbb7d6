"""The JSON word lists: each loads, says what it is for, and is used by the code that names it."""
import json
from pathlib import Path

import pytest

from dateline.resources import path

SRC = Path(__file__).resolve().parents[2] / "src" / "dateline"
LISTS = [("cameo", "grammar.json", "extract/events.py"), ("entities", "context.json", "extract/entities.py"),
         ("attribution", "word_classes.json", "extract/attribution.py")]


@pytest.mark.parametrize("folder,name,user", LISTS)
def test_word_list_loads_and_every_list_is_used(folder, name, user):
    data = json.loads(path(folder, name).read_text(encoding="utf-8"))
    assert data["_about"]
    code = "".join(f.read_text(encoding="utf-8") for f in [SRC / user, *sorted((SRC / "extract").glob("*.py"))])
    for key, entry in data.items():
        if key.startswith("_"):
            continue
        assert entry["use"] and entry["words"], key
        assert len(entry["words"]) == len(set(entry["words"])), f"{key}: repeated words"
        assert f'"{key}"' in code, f"{name}: list {key!r} is not used by {user}"


def test_agent_nouns_and_families_load():
    from dateline.extract.events import _agent_nouns
    from dateline.timeline.merge import families
    assert {"forces", "officials"} <= _agent_nouns()
    assert set(families()) == {f"{n:02d}" for n in range(1, 21)}
