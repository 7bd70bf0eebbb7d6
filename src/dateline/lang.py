"""The project's word lists of English: months, weekdays, abbreviations, speech verbs and words in -ly.

One list each, in ``dateline/resources/lang/en/*.tsv`` (each file names its sources in its
header); every stage that needs one of them reads it here. Loaders are cached: each file is
read once. A malformed row raises :class:`~dateline.resources.ResourceError` naming the file,
the row and the problem.
"""
from __future__ import annotations

from functools import lru_cache

from dateline.resources import ResourceError, read_tsv

LANG = "en"
_VOWELS = "aeiou"
SPEAKING_CLASSES = ("speech", "writing", "report")


def _table(name: str) -> tuple[dict[str, str], ...]:
    return read_tsv("lang", LANG, f"{name}.tsv")


def _number(name: str, row: dict[str, str], column: str, lo: int, hi: int) -> int:
    cell = row.get(column, "")
    if not cell.isdigit() or not lo <= int(cell) <= hi:
        raise ResourceError(f"lang/{LANG}/{name}.tsv: {column} of {row.get('form')!r} is {cell!r}, "
                            f"not a number from {lo} to {hi}")
    return int(cell)


def _flag(name: str, row: dict[str, str], column: str) -> bool:
    cell = row.get(column, "")
    if cell not in ("yes", "no"):
        raise ResourceError(f"lang/{LANG}/{name}.tsv: {column} of {next(iter(row.values()))!r} "
                            f"is {cell!r}, not yes or no")
    return cell == "yes"


@lru_cache(maxsize=None)
def not_ly_adverbs() -> frozenset[str]:
    """Words in -ly that are nouns, verbs, adjectives or names rather than adverbs (ly_words.tsv)."""
    return frozenset(r["form"] for r in _table("ly_words"))


def is_ly_adverb(word: str) -> bool:
    """A lower-case word of more than four letters in -ly that is not one of ``not_ly_adverbs``: an adverb
    ("routinely", "clearly"), which the extraction rules skip between a subject and its verb. A
    hyphenated word is read by its last part ("half-jokingly" is an adverb, "u.s.-friendly" is not)."""
    if len(word) <= 4 or not word.endswith("ly") or not word.islower():
        return False
    last = word.rpartition("-")[2]
    return len(last) > 4 and last.isalpha() and last not in not_ly_adverbs()


@lru_cache(maxsize=None)
def months() -> dict[str, int]:
    """Month form as written ("January", "Sept.", "Oct") -> its number 1-12."""
    return {r["form"]: _number("months", r, "month", 1, 12) for r in _table("months")}


@lru_cache(maxsize=None)
def ambiguous_months() -> frozenset[str]:
    """Month forms that are also common words or given names ("May", "March", "Jan")."""
    return frozenset(r["form"] for r in _table("months") if _flag("months", r, "ambiguous"))


@lru_cache(maxsize=None)
def full_months() -> dict[str, int]:
    """The full month names (the longest form of each month) -> number 1-12."""
    best: dict[int, str] = {}
    for form, n in months().items():
        if len(form) > len(best.get(n, "")):
            best[n] = form
    return {form: n for n, form in sorted(best.items())}


@lru_cache(maxsize=None)
def weekdays() -> dict[str, int]:
    """Weekday form as written ("Monday", "Tues.") -> its ISO number (Monday=1 ... Sunday=7)."""
    return {r["form"]: _number("weekdays", r, "weekday", 1, 7) for r in _table("weekdays")}


@lru_cache(maxsize=None)
def full_weekdays() -> dict[str, int]:
    """The full weekday names (the forms without a final period) -> ISO number."""
    return {k: v for k, v in weekdays().items() if not k.endswith(".")}


@lru_cache(maxsize=None)
def abbreviations(use: str | None = None, kind: str | None = None) -> tuple[str, ...]:
    """Abbreviations as written, without their period, in file order: all of them, or those
    with ``use`` = "token" (the attribution tokenizer keeps their period) or "glue" (no sentence
    break after it: a title before a name, "Jr.", "St."), and/or of one ``kind`` ("title",
    "state", ...)."""
    if use not in (None, "token", "glue"):
        raise ValueError(f"abbreviations: unknown use {use!r} (token or glue)")
    rows = _table("abbreviations")
    if kind is not None and kind not in {r["kind"] for r in rows}:
        raise ValueError(f"abbreviations: unknown kind {kind!r}")
    return tuple(r["abbr"] for r in rows if (use is None or _flag("abbreviations", r, use))
                 and (kind is None or r["kind"] == kind))


@lru_cache(maxsize=None)
def speech_verbs() -> tuple[dict[str, str], ...]:
    """The rows of the speech-verb list: lemma, forms, attitude, frames, class."""
    rows = _table("speech_verbs")
    for r in rows:
        if not r.get("lemma") or not r.get("class"):
            raise ResourceError(f"lang/{LANG}/speech_verbs.tsv: a row without lemma or class: {r}")
    return rows


def inflect(lemma: str) -> dict[str, str]:
    """Regular English inflection of a verb: {"base", "s", "past", "ing"}."""
    w = lemma
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        s = w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        s = w[:-1] + "ies"
    else:
        s = w + "s"
    if w.endswith("e"):
        past, ing = w + "d", w[:-1] + "ing"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        past, ing = w[:-1] + "ied", w + "ing"
    else:
        past, ing = w + "ed", w + "ing"
    if w.endswith("ie"):
        ing = w[:-2] + "ying"
    return {"base": w, "s": s, "past": past, "ing": ing}


def verb_forms(lemma: str, forms: str) -> list[str]:
    """The first words of a verb's forms, from a ``forms`` cell ("+" = inflect the lemma's first
    word regularly; other "|"-separated entries are listed forms), in order, repeats kept."""
    head = lemma.split()[0]
    words: list[str] = []
    for f in forms.split("|"):
        if f == "+":
            words.extend(inflect(head).values())
        elif f:
            words.append(f.split()[0] if " " in f else f)
    return words


SPEECH_VERB_USES = ("clause_open", "clause_end", "time_report", "name_cue")


@lru_cache(maxsize=None)
def speech_verbs_for(use: str) -> frozenset[str]:
    """Lower-case forms (the first word of a multi-word cue: "according") of the speech verbs whose
    ``uses`` column names ``use`` (SPEECH_VERB_USES; the file's header says what each is for)."""
    if use not in SPEECH_VERB_USES:
        raise ValueError(f"speech verbs: unknown use {use!r} (one of {', '.join(SPEECH_VERB_USES)})")
    return _speech_forms(lambda r: use in _uses(r))


@lru_cache(maxsize=None)
def speech_verb_forms(classes: tuple[str, ...] = SPEAKING_CLASSES) -> frozenset[str]:
    """Lower-case single-word forms of the speech verbs of these classes ("said", "tells",
    "tweeted"); multi-word cues ("point out", "according to") left out."""
    return _speech_forms(lambda r: r["class"] in classes and " " not in r["lemma"])


def _uses(row: dict[str, str]) -> set[str]:
    uses = {u.strip() for u in (row.get("uses") or "").split(",") if u.strip()}
    unknown = uses - set(SPEECH_VERB_USES)
    if unknown:
        raise ResourceError(f"lang/{LANG}/speech_verbs.tsv: unknown use {sorted(unknown)} for {row['lemma']!r}")
    return uses


def _speech_forms(keep) -> frozenset[str]:
    """Lower-case inflected forms of the speech-verb rows that ``keep`` accepts."""
    return frozenset(w.lower() for r in speech_verbs() if keep(r) for w in verb_forms(r["lemma"], r["forms"]))


@lru_cache(maxsize=None)
def dep_labels(group: str) -> frozenset[str]:
    """The dependency labels of one group of dependency_labels.tsv (subject, object, clause...)."""
    for row in _table("dependency_labels"):
        if row["group"] == group:
            return frozenset(row["labels"].split())
    raise ResourceError(f"lang/{LANG}/dependency_labels.tsv: no group {group!r}")
