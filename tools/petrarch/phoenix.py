"""Readers for the PETRARCH2/Phoenix actor dictionaries, shared by the convert_* scripts.

Block semantics follow PETRARCH2's ``PETRreader.read_actor_dictionary``: a primary phrase starts a
record unless no code has been seen since the previous primary phrase (then it is one more name of
the same record); ``+`` lines are synonyms; tab-indented ``[CODE ...]`` lines are date restrictions
(``<date`` before, ``>date`` after, ``date-date`` between, bare code = default). Dates are YYYYMMDD
or YYMMDD (two-digit years <= 30 are 20xx). Unlike PETRARCH, which keeps only the first bracket of
a primary line as a bare default code, every ``[CODE dates]`` group on a primary line is read with
its dates. Comments: ``#`` or ``;`` to the end of the line.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
_BRACKET = re.compile(r"\[([^\]]*)\]")


@dataclass
class Role:
    cameo: str
    start: dt.date | None
    end: dt.date | None
    line: int


@dataclass
class Block:
    file: str
    names: list[tuple[str, int]] = field(default_factory=list)     # (raw phrase, line)
    roles: list[Role] = field(default_factory=list)
    comment: str = ""
    bad_roles: int = 0

    @property
    def line(self) -> int:
        return self.names[0][1]


def parse_date(s: str) -> dt.date | None:
    """PETRARCH date string -> date; None when it cannot be read (PETRARCH skips such lines)."""
    s = s.strip()
    if not s.isdigit() or len(s) not in (6, 8):
        return None
    if len(s) == 8:
        y, m, d = int(s[:4]), int(s[4:6]), int(s[6:8])
    else:
        y, m, d = int(s[:2]), int(s[2:4]), int(s[4:6])
        y += 2000 if y <= 30 else 1900
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_role(text: str, line: int) -> Role | None:
    """'KORGOV 070501-080731' | 'RUSGOV >080508' | 'AFG' -> Role; None for '---' or bad dates."""
    parts = text.strip().split(None, 1)
    if not parts:
        return None
    code, rest = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    if not re.fullmatch(r"[A-Z]{3,}", code):
        return None
    if not rest:
        return Role(code, None, None, line)
    if rest[0] in "<>":
        d = parse_date(rest[1:])
        if d is None:
            return None
        return Role(code, None, d, line) if rest[0] == "<" else Role(code, d, None, line)
    a, sep, b = rest.partition("-")
    d1, d2 = parse_date(a), parse_date(b)
    if not sep or d1 is None or d2 is None or d2 < d1:
        return None
    return Role(code, d1, d2, line)


def _strip_comment(raw: str) -> tuple[str, str]:
    body, comment = raw, ""
    for mark in ("#", ";"):
        if mark in body:
            body, _, c = body.partition(mark)
            comment = comment or c.strip()
    return body.rstrip(), comment


def _roles_in(text: str, line: int, block: Block) -> None:
    for m in _BRACKET.finditer(text):
        role = parse_role(m.group(1), line)
        if role is None:
            if m.group(1).strip() not in ("---", ""):
                block.bad_roles += 1
        else:
            block.roles.append(role)


def read_actor_file(path: Path) -> list[Block]:
    """Every record of one actor dictionary, with the line number of each name and role."""
    blocks: list[Block] = []
    cur: Block | None = None
    seen_code = False
    with path.open(encoding="utf-8", errors="replace") as f:
        for n, raw in enumerate(f, start=1):
            raw = raw.rstrip("\n")
            if raw.startswith("#") or raw.startswith("<") or "---STOP---" in raw:
                continue
            body, comment = _strip_comment(raw)
            if not body.strip():
                continue
            if body[0] in " \t":
                if cur is not None and "[" in body:
                    _roles_in(body, n, cur)
                    seen_code = True
                continue
            phrase = body.split("[", 1)[0].strip()
            if body[0] == "+":
                if cur is not None:
                    cur.names.append((phrase[1:].strip(), n))
                continue
            if cur is None or seen_code:
                cur = Block(path.name, comment=comment)
                blocks.append(cur)
                seen_code = False
            cur.names.append((phrase, n))
            if "[" in body:
                _roles_in(body, n, cur)
                seen_code = True
    return [b for b in blocks if b.names]


def words_of(phrase: str) -> list[str]:
    """'BORIS_N._YELTSIN_' -> ['BORIS', 'N.', 'YELTSIN']."""
    return [w for w in re.split(r"[_\s]+", phrase.strip().strip("_")) if w]


def read_list(name: str) -> set[str]:
    """A word list beside this file: one entry a line, '#' comments."""
    out = set()
    for ln in (HERE / name).read_text(encoding="utf-8").splitlines():
        ln = ln.split("#", 1)[0].strip()
        if ln:
            out.add(ln.upper())
    return out


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln.rstrip("\n") for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


@functools.lru_cache(maxsize=4)
def _form_counts(treebanks: Path) -> tuple[dict[str, int], dict[str, int]]:
    """One pass over the UD treebanks: how often each word is written in lower case, and how often
    each capitalised word stands inside a sentence (not first)."""
    lower: dict[str, int] = {}
    capital: dict[str, int] = {}
    for f in sorted(treebanks.glob("*/*.conllu")):
        with f.open(encoding="utf-8") as fh:
            for ln in fh:
                if not ln or ln[0] in "#\n":
                    continue
                cols = ln.split("\t")
                w = cols[1] if len(cols) > 3 else ""
                if w.isalpha() and w.islower():
                    lower[w] = lower.get(w, 0) + 1
                if cols[0] != "1" and w[:1].isupper() and w.isalpha():
                    capital[w] = capital.get(w, 0) + 1
    return lower, capital


def common_words(treebanks: Path, least: int = 3) -> set[str]:
    """Words that English text writes in lower case at least ``least`` times (UD treebanks), upper-cased."""
    return {w.upper() for w, c in _form_counts(treebanks)[0].items() if c >= least}


def capitalised_words(treebanks: Path) -> dict[str, int]:
    """How often each capitalised word stands inside a sentence (not first) in the UD treebanks."""
    return dict(_form_counts(treebanks)[1])


def agent_words(path: Path) -> set[str]:
    """Head nouns (last words) of Phoenix.agents.txt phrases (POLICE, MINISTER, ...), singular and plural."""
    out: set[str] = set()
    for ln in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = ln.split("#", 1)[0]
        if "[" not in body or "!" in body or ln.startswith("<"):
            continue
        phrase = body.split("[", 1)[0].split("{", 1)[0]
        head = words_of(phrase)[-1:]          # the head noun: "FREEDOM_FIGHTER" -> FIGHTER
        for w in head:
            if w.isalpha():
                out.update({w, w + "S", w + "ES"})
    return out
