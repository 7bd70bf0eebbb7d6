"""Collect every regular expression dateline compiles (while importing every module and analysing a
sample article) and time each on adversarial strings; prints JSON: patterns, probes, slow ones.

Run as a script (a fresh interpreter, so that module-level patterns are compiled under the probe):
    python tests/fuzz/regex_probe.py [SIZE] [LIMIT_SECONDS]
"""
from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sre_constants
import sys
import time

_seen: dict[tuple, re.Pattern] = {}
_orig = re._compile


def _caller() -> str | None:
    """The dateline module (file) that asked for the pattern, or None for another package's."""
    f = sys._getframe(2)
    while f is not None and f.f_code.co_filename.endswith(("/re/__init__.py", "/re.py", "functools.py")):
        f = f.f_back
    name = f.f_code.co_filename if f is not None else ""
    return name.split("/src/dateline/", 1)[1] if "/src/dateline/" in name else None


def _record(pattern, flags):
    compiled = _orig(pattern, flags)
    if isinstance(compiled, re.Pattern) and isinstance(compiled.pattern, str):
        where = _caller()
        if where:
            _seen.setdefault((compiled.pattern, compiled.flags), (compiled, where))
    return compiled


re._compile = _record

SAMPLE = """SEOUL, Oct. 31 (Wire) — North Korea fired two short-range ballistic missiles on Thursday, its 12th
launch since May, South Korea's Joint Chiefs of Staff said. "This is a provocation," said Mr. Kim Example,
a researcher at the Example Institute in Seoul. U.S. officials said talks would resume next week.

The launch came a day after Pyongyang threatened to "respond in kind" to drills on Nov. 15, 2019.
"""

GENERIC = ["a", "A", "1", " ", ".", "Mr.", "\u201c", "-", "a ", "A. ", "\n", "\u00a0", "aA1.-' ", "1 ", "Ab ",
           'said "']

# Patterns that describe what follows a position (they begin with whitespace, an anchor or a possessive
# ending, in a group or not): dateline applies them with .match / .fullmatch at a position (a name's
# end), so they are probed anchored (match at 0).
ANCHORED = re.compile(r"^(?:\^|\\s|\(\?:\\s|\(\?:,|\((?:\?:)?\['’\]s|\\A)")

# Patterns whose use the shape does not show, with how dateline applies them: "anchored" (.match or
# .fullmatch at a position: probed with match at 0, at full size) or "short" (applied to a few
# characters only: probed with finditer at KNOWN_SIZE characters). (pattern start: (use, where))
KNOWN = {
    "\\S+(?:\\s+\\S+){": ("anchored", "entity_index words_end: .match at a word's start"),
    "(\\d+(?:\\.\\d+)?|X)(": ("short", "humandate/timex_values: a duration value (P3D)"),
    "^(.*?)(?:\\s*(?:1/2|½)": ("short", "timex_lexicon: a number word of the lexicon"),
    ",?\\s+of\\s+": ("anchored", "entities of_place: .match at a mention's end"),
    ",?\\s+(?:of|from)\\s+": ("anchored", "entity_context member_of_after: .match at a person's end"),
    "(?:^|(?<![A-Z])\\.\\s*|[;:!?\\n": ("short", "entity_context role_phrase_start: .search in the 110 "
                                               "characters before a person"),
    "[\\s-]+old\\b": ("anchored", "timex_rules_relative OLD_AFTER: .match on 12 characters"),
    "[a-z]{3,}ed": ("anchored", "event_lexicon _PAST_VERB: .fullmatch on a token"),
    "(?:['’]s)?\\s+(?:(?!(?:and|": ("anchored", "entity_groups group_owner_gap, group_led_by: .fullmatch "
                                           "between two mentions at most 80 characters apart"),
}
KNOWN_SIZE = 2_000


def _literals(p: re.Pattern) -> list[str]:
    """Characters and short literal runs that appear in the pattern (to build strings it half-matches)."""
    out: list[str] = []
    try:
        tree = re._parser.parse(p.pattern if isinstance(p.pattern, str) else p.pattern.decode("latin-1"), p.flags)
    except Exception:  # noqa: BLE001
        return out
    run: list[str] = []

    def walk(items):
        for op, av in items:
            if op is sre_constants.LITERAL:
                run.append(chr(av))
                continue
            if run:
                out.append("".join(run))
                run.clear()
            if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)):
                walk(av[2])
            elif op is sre_constants.SUBPATTERN:
                walk(av[-1])
            elif op is sre_constants.BRANCH:
                for b in av[1][:20]:
                    walk(b)
            elif op is sre_constants.IN:
                for o, a in av[:3]:
                    if o is sre_constants.LITERAL:
                        out.append(chr(a))
                    elif o is sre_constants.RANGE:
                        out.append(chr(a[0]))
    walk(tree)
    if run:
        out.append("".join(run))
    uniq = list(dict.fromkeys(x for x in out if x))
    return uniq[:12] + (["".join(uniq[:12])] if len(uniq) > 1 else [])


def probes(p: re.Pattern, size: int) -> list[str]:
    frags = GENERIC + _literals(p)
    return [(f * (size // len(f) + 1))[:size] for f in dict.fromkeys(frags)]


def _time(fn) -> float:
    """CPU seconds of this process: what the pattern costs, not what other processes on the machine take."""
    t = time.process_time()
    fn()
    return time.process_time() - t


def collect() -> list[tuple[re.Pattern, str]]:
    """Every pattern dateline compiles while importing its modules and analysing a sample article."""
    import dateline
    for m in pkgutil.walk_packages(dateline.__path__, "dateline."):
        if m.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(m.name)
        except Exception:  # noqa: BLE001 - an optional extra not installed
            pass
    dateline.analyze(SAMPLE, published="2019-10-31")
    return [v for _, v in sorted(_seen.items(), key=lambda kv: (kv[0][0], kv[0][1]))]


def main(size: int = 50_000, limit: float = 1.0) -> dict:
    slow, n_probes, modes = [], 0, {"anchored": 0, "search": 0, "short": 0}
    for p, where in collect():
        known = next((use for start, (use, _) in KNOWN.items() if p.pattern.startswith(start)), None)
        mode = known or ("anchored" if ANCHORED.match(p.pattern) else "search")
        modes[mode] += 1
        n = KNOWN_SIZE if mode == "short" else size
        for s in probes(p, n):
            n_probes += 1
            dt = _time(lambda: p.match(s))
            if mode != "anchored":
                dt = max(dt, _time(lambda: sum(1 for _ in p.finditer(s))))
            if dt > limit:
                slow.append({"where": where, "pattern": p.pattern[:200], "mode": mode, "probe": s[:16],
                             "size": n, "seconds": round(dt, 2)})
                break
    return {"patterns": sum(modes.values()), "modes": modes, "probes": n_probes, "size": size, "slow": slow}


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    print(json.dumps(main(size, limit), ensure_ascii=False, indent=1))
