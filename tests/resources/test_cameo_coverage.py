"""Every CAMEO leaf code has a wording: the event vocabulary covers the codebook (issue 11).

A leaf code of codes.tsv (one with no child code) is covered when the extractor can give it: a
trigger row it loads (patterns.tsv, or a converted row of petrarch_patterns.tsv that the loader
keeps), or a code that extract.modality gives an act it can find (an intention, a threat or a
refusal of it through modality.tsv, or an appeal or demand to do it, numbered as the intention).
No code is exempt."""
from __future__ import annotations

from dateline.extract import modality
from dateline.extract.event_lexicon import NO_EVENT, dictionary
from dateline.resources import read_tsv


def _codes() -> list[str]:
    return [r["code"] for r in read_tsv("cameo", "codes.tsv")]


def _leaves() -> list[str]:
    codes = _codes()
    return [c for c in codes if not any(o != c and o.startswith(c) for o in codes)]


def _worded() -> set[str]:
    """Codes of the trigger rows the extractor loads."""
    return {p.code for pats in dictionary().values() for p in pats if p.code != NO_EVENT}


def _reachable() -> set[str]:
    acts = _worded()
    out = set(acts)
    for code in acts:
        for kind in ("intent", "threat", "appeal", "demand"):
            out.add(modality.recode(code, kind).code)
        refused = modality.refusal(code)
        if refused:
            out.add(refused.code)
    out.discard("")
    return out


def test_leaves_are_known():
    leaves = _leaves()
    assert len(leaves) > 200, "codes.tsv lost its leaf codes"
    assert "155" in leaves and "200" in leaves and "1441" in leaves


def test_every_leaf_code_has_a_wording():
    reachable = _reachable()
    missing = [c for c in _leaves() if c not in reachable]
    assert not missing, f"CAMEO leaf codes with no wording in the vocabulary or modality.tsv: {missing}"


def test_every_vocabulary_code_is_in_the_codebook():
    codes = set(_codes())
    unknown = sorted(_worded() - codes)
    assert not unknown, f"trigger rows with codes not in codes.tsv: {unknown}"
