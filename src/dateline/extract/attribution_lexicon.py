"""Data for the attribution extractor: the cue lexicon, source pronouns and source nouns.

The cue lexicon is the project's list of speech verbs (``resources/lang/en/speech_verbs.tsv``,
read by :mod:`dateline.lang`); pronouns and source nouns are TSV files in
``dateline/resources/attribution`` (see their header comments);
this module reads them once, inflects the cue lemmas and builds the lookup tables used by
``dateline.extract.attribution``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dateline.lang import speech_verbs, verb_forms


@dataclass(frozen=True)
class Cue:
    lemma: str
    attitude: str           # neutral|assertive|doubtful
    frames: frozenset[str]  # that, obj, objthat, objas, to, wh, post, prep
    cls: str                # speech|writing|report|thought|intent|evidence

    @property
    def speaks(self) -> bool:
        """Can name the speaker of a direct quote."""
        return self.cls in ("speech", "writing", "report")


@dataclass(frozen=True)
class CueForm:
    cue: Cue
    words: tuple[str, ...]  # the lower-case words of this form ("pointed", "out")
    form: str               # base|s|past|ing (of the first word)
    also_past: bool = False  # a base form that is also the past ("read")


def _form_kind(word: str, lemma_head: str) -> str:
    if word.endswith("ing") and word != lemma_head:
        return "ing"
    if word == lemma_head:
        return "base"
    if word.endswith("s") and not word.endswith("ss") and word[:-1].startswith(lemma_head[:3]) \
            and len(word) <= len(lemma_head) + 2:
        return "s"
    return "past"


def _rows(name: str):
    text = resources.files("dateline.resources").joinpath("attribution", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield [c.strip() for c in line.split("\t")]


@lru_cache(maxsize=None)
def cue_forms() -> dict[tuple[str, ...], CueForm]:
    """Every inflected form of every cue, keyed by its lower-case word tuple."""
    out: dict[tuple[str, ...], CueForm] = {}
    for row in speech_verbs():
        lemma, forms, attitude, frames, cls = (row[k] for k in ("lemma", "forms", "attitude", "frames", "class"))
        if attitude not in ("neutral", "assertive", "doubtful"):
            raise ValueError(f"speech_verbs.tsv: bad attitude {attitude!r} for {lemma!r}")
        cue = Cue(lemma, attitude, frozenset(f for f in frames.split(",") if f), cls)
        head, *rest = lemma.split()
        listed = [f for f in forms.split("|") if f and f != "+"]
        no_past = "+" not in forms.split("|") and not any(
            _form_kind(f.split()[0], head) == "past" for f in listed)
        words = verb_forms(lemma, forms)
        if "prep" in cue.frames:  # fixed phrase, not inflected
            out[tuple(lemma.split())] = CueForm(cue, tuple(lemma.split()), "base")
            continue
        for w in dict.fromkeys(words):
            key = (w, *rest)
            kind = _form_kind(w, head)
            out.setdefault(key, CueForm(cue, key, kind, kind == "base" and no_past))
    return out


@lru_cache(maxsize=None)
def pronouns() -> dict[str, tuple[tuple[str, ...], str]]:
    """pronoun -> (mention kinds to resolve to, number)."""
    return {r[0]: (tuple(r[1].split(",")), r[2]) for r in _rows("pronouns.tsv")}


@lru_cache(maxsize=None)
def source_nouns() -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    """source noun (word tuple) -> (type, mention kinds)."""
    return {tuple(r[0].split()): (r[1], tuple(r[2].split(","))) for r in _rows("source_nouns.tsv")}
