"""Reader for the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt): synonym sets, verb blocks, patterns.

Format (PETRARCH2 docs and ``PETRreader.read_verb_dictionary``): ``&NAME`` then ``+WORD`` lines
define a synonym set (a label or member ending in ``_`` takes no plural); a block starts with
``---  NAME  [CODE]  ---`` (the code of the bare verbs, ``---`` = none), then verb lines
``VERB {IRREGULAR FORMS} [code]`` or ``+MULTI_WORD_VERB {...} [code]``, then patterns
``- WORDS * WORDS [code]  # origin verb`` that apply to every verb of the block. In a pattern,
``*`` is the verb, words before it stand in the subject, ``{A B}`` is a noun phrase of
consecutive words, ``(PREP ...)`` a prepositional phrase, ``+`` the target, ``$`` the source,
``^`` any noun phrase, ``%`` a compound; a code ``A:B`` codes A for the source and B for the target.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Verb:
    words: list[str]          # ['CALL', 'OFF']
    forms: list[str]          # irregular forms as written
    code: str                 # own code, block code, or '---'
    line: int


@dataclass
class Pattern:
    pre: list                 # parsed items before '*'
    post: list                # parsed items after '*'
    code: str                 # '0871', '042:043', '---'
    text: str                 # the pattern as written (without '-' and the code)
    line: int
    origin: str               # the verb named in its comment


@dataclass
class VerbBlock:
    name: str
    code: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class Synset:
    name: str
    members: list[str]        # 'DEBT RELIEF' (space-joined), no trailing '_'
    plural: bool


def tokenize(text: str) -> list:
    """'* POLICE (TO {NEW BORDER}) &X' -> ['*', 'POLICE', ('(', ['TO', ('{', ['NEW', 'BORDER'])]), '&X']."""
    toks = re.findall(r"[{}()]|[^\s{}()]+", text)
    pos = 0

    def group(close: str | None) -> list:
        nonlocal pos
        out: list = []
        while pos < len(toks):
            t = toks[pos]
            pos += 1
            if t in ("(", "{"):
                out.append((t, group(")" if t == "(" else "}")))
            elif t == close:
                return out
            elif t in (")", "}"):
                raise ValueError(f"unbalanced {t!r}")
            else:
                out.append(t)
        if close:
            raise ValueError(f"missing {close!r}")
        return out

    return group(None)


def _split_code(body: str) -> tuple[str, str]:
    m = re.search(r"\[([^\]]*)\]\s*$", body)
    if not m:
        return body.strip(), ""
    return body[:m.start()].strip(), m.group(1).strip()


def read_verb_file(path: Path) -> tuple[dict[str, Synset], list[VerbBlock], int]:
    """Synonym sets by name, verb blocks in file order, and the number of unreadable pattern lines."""
    synsets: dict[str, Synset] = {}
    blocks: list[VerbBlock] = []
    cur_set: Synset | None = None
    block: VerbBlock | None = None
    bad = 0
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if raw.startswith("---") and raw.rstrip().endswith("---") and "[" in raw:
            name, code = _split_code(raw.strip("- \t"))
            block, cur_set = VerbBlock(name.strip(), code, n), None
            blocks.append(block)
            continue
        body, _, comment = raw.partition("#")
        body, _, legacy = body.partition(";")      # TABARI's comment mark, still read as one
        comment = comment or legacy
        if not body.strip():
            continue
        s = body.strip()
        if s.startswith("&") and block is None:
            cur_set = Synset(s.rstrip("_ "), [], not s.endswith("_"))
            synsets[cur_set.name] = cur_set
        elif s.startswith("+") and cur_set is not None and block is None:
            cur_set.members.append(s[1:].strip().replace("_", " ").strip())
        elif block is not None and s.startswith("-"):
            text, code = _split_code(s[1:])
            try:
                items = tokenize(text)
            except ValueError:
                bad += 1
                continue
            if "*" not in items:
                bad += 1
                continue
            i = items.index("*")
            block.patterns.append(Pattern(items[:i], items[i + 1:], code, text, n, comment.strip()))
        elif block is not None:
            head, code = _split_code(s)
            forms = re.findall(r"\{([^}]*)\}", head)
            head = re.sub(r"\{[^}]*\}", " ", head).strip()
            words = [w for w in head.lstrip("+").strip("_").split("_") if w]
            if words:
                block.verbs.append(Verb(words, forms[0].split() if forms else [], code or block.code, n))
    return synsets, blocks, bad
