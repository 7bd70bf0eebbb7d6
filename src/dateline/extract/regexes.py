"""Regular expressions of language data, kept as data: ``resources/<folder>/regexes.json``.

Each entry is ``{"use": what it is for, "pattern": the expression, "flags": "I", "M" or "IM"?}``; a pattern may
name another entry of the same file as ``${NAME}`` and a word list of the same folder's context.json as
``@{NAME}`` (its words as an alternation, longest first; expanded before compiling). The extraction code
asks for an expression by name (``regex("entities", "of_name")``) and never writes English in a
regular expression of its own.
"""
from __future__ import annotations

import functools
import json
import re

from ..resources import ResourceError, path

_REF = re.compile(r"\$\{(\w+)\}")
_WORDS = re.compile(r"@\{(\w+)\}")


@functools.lru_cache(maxsize=None)
def _table(folder: str) -> dict[str, dict]:
    p = path(folder, "regexes.json")
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ResourceError(f"{p}: cannot read regular expressions ({e})") from e
    return {k: v for k, v in data.items() if not k.startswith("_")}


@functools.lru_cache(maxsize=None)
def source(folder: str, name: str) -> str:
    """The expression ``name`` of ``folder``'s regexes.json with its ${NAME} references expanded."""
    table = _table(folder)
    if name not in table:
        raise ResourceError(f"{folder}/regexes.json: no expression named {name!r}")
    text = _REF.sub(lambda m: source(folder, m.group(1)), table[name]["pattern"])
    return _WORDS.sub(lambda m: _alternation(folder, m.group(1)), text)


@functools.lru_cache(maxsize=None)
def word_lists(folder: str) -> dict[str, list[str]]:
    """The word lists of ``folder``'s context.json (name -> words; each entry says what it is for),
    read once: the lists regexes name as ``@{NAME}`` and the stages read (entity_words.context_words)."""
    data = json.loads(path(folder, "context.json").read_text(encoding="utf-8"))
    return {k: v["words"] for k, v in data.items() if not k.startswith("_")}


@functools.lru_cache(maxsize=None)
def _alternation(folder: str, name: str) -> str:
    """``(?:w1|w2|...)`` of the word list ``name`` of ``folder``'s context.json, longest first."""
    try:
        words = word_lists(folder)[name]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ResourceError(f"{path(folder, 'context.json')}: no word list {name!r} for @{{{name}}} ({e})") from e
    return "(?:" + "|".join(re.escape(w).replace("\\ ", "\\s+") for w in sorted(words, key=len, reverse=True)) + ")"


@functools.lru_cache(maxsize=None)
def regex(folder: str, name: str) -> re.Pattern:
    """The compiled expression ``name`` (flags from its entry: "I" ignores case, "M" anchors ^ and $
    at every line)."""
    text = source(folder, name)
    given = _table(folder)[name].get("flags", "")
    flags = (re.I if "I" in given else 0) | (re.M if "M" in given else 0)
    try:
        return re.compile(text, flags)
    except re.error as e:
        raise ResourceError(f"{folder}/regexes.json: {name}: {e}") from e
