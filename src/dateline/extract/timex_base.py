"""Shared pieces of the time-expression rules: regex building blocks, value codes, the
result record and the rule registry (rules register themselves in file order)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.extract.regex_literals import compiled
from dateline.extract.timex_lexicon import LEX


L = LEX
_PATTERNS = L.patterns      # resources/time/patterns.json
_BLOCK = re.compile(r"\$\{(\w+)\}")


def pattern(template: str, **extra: str) -> str:
    """A regex template of ``resources/time/patterns.json`` with its ``${NAME}`` blocks expanded:
    ``extra`` blocks, the file's own blocks, the building blocks below, or ``re_<list>``
    alternations of the time lexicon."""
    def block(m: re.Match) -> str:
        name = m.group(1)
        if name in extra:
            return extra[name]
        if name in _PATTERNS["blocks"]:
            return pattern(_PATTERNS["blocks"][name], **extra)
        if name in _CODE_BLOCKS:
            return globals()[_CODE_BLOCKS[name]]
        if name.startswith("re_") and isinstance(getattr(L, name, None), str):
            return getattr(L, name)
        raise KeyError(f"resources/time/patterns.json: unknown block ${{{name}}}")
    return _BLOCK.sub(block, template)


def context_regex(key: str) -> re.Pattern:
    """A compiled context pattern of ``resources/time/patterns.json`` (flags "i": ignore case)."""
    entry = _PATTERNS["context"][key]
    return compiled(pattern(entry["pattern"]), re.I if "i" in entry.get("flags", "") else 0)


# ---------------------------------------------------------------------------------------------
# regex building blocks (shapes and lexicon alternations; worded blocks such as BM, NUM, AMPM
# are in patterns.json)
# ---------------------------------------------------------------------------------------------
_CODE_BLOCKS = {"B": "_B", "E": "_E", "MONTH": "MONTH", "WD": "WD", "DAYNUM": "DAYNUM", "ORDW": "ORDW",
                "YEAR4": "YEAR4", "NUMD": "NUMD", "VAGUE": "VAGUE", "UNIT": "UNIT", "QUAL": "QUAL", "ZONE": "ZONE",
                "PART": "PART", "SEASON": "SEASON"}
_B = r"(?<![\w'’-])"        # left word boundary (also not after a hyphen or apostrophe)
_E = r"(?![\w-])(?!’(?!s\b))"   # right word boundary (a curly apostrophe only of a possessive: "Monday night’s")
MONTH = rf"(?-i:{L.re_month})(?![A-Za-z])"
WD = rf"(?-i:{L.re_weekday})"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)(?!,\d)(?![:.]\d)"
ORDW = L.re_ordinal
YEAR4 = r"(?:1\d\d\d|20\d\d)(?!\d)(?!,\d)(?!\.\d)"
NUMD = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+1/2|½)?"
VAGUE = L.re_vague
UNIT = rf"{L.re_unit}"
QUAL = L.re_qual
ZONE = rf"(?-i:{L.re_zone})(?![A-Za-z])"
PART = L.re_part
SEASON = L.re_season

_UNIT_CODE = {"second": "S", "minute": "TM", "hour": "H", "day": "D", "night": "D", "week": "W",
              "weekend": "W", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y",
              "decade": "E", "century": "C", "millennium": "L"}
_GRAN_UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D", "quarter": "Q", "decade": "E",
              "century": "C", "hour": "H", "minute": "TM", "partofday": "D", "millennium": "L"}
_XVAL = {"millennium": "X", "century": "XX", "decade": "XXX", "year": "XXXX", "half": "XXXX-HX",
         "quarter": "XXXX-QX", "season": "XXXX-XX", "month": "XXXX-XX", "week": "XXXX-WXX",
         "day": "XXXX-XX-XX", "partofday": "XXXX-XX-XX", "hour": "XXXX-XX-XXTXX", "minute": "XXXX-XX-XXTXX:XX"}
_SEASON_IDX = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
_PODS = {"MO", "AF", "EV", "NI", "DT"}


@dataclass
class _Res:
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None
    noref: bool = False      # derived by shifting another timex back a year: not a reference point


class _Rule:
    __slots__ = ("name", "rx", "handler", "prio", "accept")

    def __init__(self, name, pattern, handler, prio=0, accept=None, flags=re.I):
        self.name = name
        self.rx = compiled(pattern, flags)     # (its syntax tree kept for the prefilters: regex_literals)
        self.handler = handler
        self.prio = prio
        self.accept = accept


def registry(rules: list[_Rule]):
    """A ``@rule(name, prio, accept, **blocks)`` decorator that appends to ``rules`` the rule
    ``name`` of ``resources/time/patterns.json`` (each rules module keeps its own list;
    :mod:`dateline.extract.timexes` joins them in a fixed order)."""
    def rule(name, prio=0, accept=None, **blocks):
        def deco(fn):
            rules.append(_Rule(name, pattern(_PATTERNS["rules"][name], **blocks), fn, prio, accept))
            return fn
        return deco
    return rule
