"""The statistical English pipeline: loading one by name, and parsing selected sentences.

Profiles (``--model NAME`` / the ``model`` setting):

* ``"default"`` (or ``None``): the pipeline dateline trains and ships in
  ``dateline/models/en_dateline`` (tagger, morphologizer, dependency parser, PER/ORG/LOC
  recogniser; see ``training/README.md``), with an entity ruler built from the gazetteer
  placed before the recogniser.
* ``"none"``: no statistical model; the rules-only profile (``load_pipeline`` returns None).
* anything else: an installed spaCy pipeline by package name (``en_core_web_trf``) or a path
  to a pipeline folder. Nothing is ever downloaded; a missing pipeline raises ModelError.

``parse(nlp, text, spans)`` tokenises the whole article once and runs the pipeline only on the
given sentence spans, so the returned spans' tokens carry article offsets (``token.idx``).
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from ..errors import DatelineError
from ..resources import multi, read_tsv

if TYPE_CHECKING:  # spaCy is imported lazily: the rules-only profile never pays for it
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
DEFAULT_MODEL_DIR = MODELS_DIR / "en_dateline"
NO_MODEL = {"none", "off", "rules"}
DEFAULT_NAMES = {"default", "en_dateline"}

# Entity labels of other pipelines mapped onto the three dateline/UNER types.
LABEL_MAP = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "NORP_ORG": "ORG",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
}


class ModelError(DatelineError):
    """A statistical pipeline cannot be loaded (not installed, not a pipeline, wrong version)."""
    code = "model_not_found"


def entity_type(label: str) -> str | None:
    """PER, ORG or LOC for an entity label of the default or another pipeline; None otherwise."""
    return LABEL_MAP.get(label)


def load_pipeline(name: str | None = "default", *, gazetteer: bool = True) -> "Language | None":
    """Load a pipeline by name; ``"none"`` gives None. Loaded pipelines are cached per name.

    ``gazetteer`` (default profile only): put the gazetteer entity ruler before the recogniser.
    """
    key = "default" if name is None else str(name).strip()
    if key.lower() in NO_MODEL:
        return None
    if key.lower() in DEFAULT_NAMES:
        return _load_default(gazetteer)
    return _load_other(key)


@functools.lru_cache(maxsize=4)
def _load_default(gazetteer: bool) -> "Language":
    import spacy

    if not (DEFAULT_MODEL_DIR / "meta.json").is_file():
        raise ModelError(
            f"the shipped pipeline is missing from {DEFAULT_MODEL_DIR}; reinstall dateline, "
            "retrain it with `make model`, or use --model none"
        )
    nlp = spacy.load(DEFAULT_MODEL_DIR)
    if gazetteer and "ner" in nlp.pipe_names:
        add_gazetteer_ruler(nlp, before="ner")
    return nlp


@functools.lru_cache(maxsize=4)
def _load_other(name: str) -> "Language":
    import spacy
    from spacy import util

    path = Path(name).expanduser()
    if path.exists():
        try:
            return spacy.load(path)
        except Exception as exc:  # spaCy raises IOError/ValueError/KeyError for a bad folder
            raise ModelError(f"cannot load the spaCy pipeline in {path}: {exc}") from exc
    if not util.is_package(name):
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed (dateline never downloads models): install "
            f"its package with pip from a file or mirror you trust, give a path to a pipeline "
            f"folder, or use --model default (the shipped pipeline) or --model none (rules only)"
        )
    try:
        return spacy.load(name)
    except Exception as exc:
        raise ModelError(f"cannot load the spaCy pipeline {name!r}: {exc}") from exc


# --- gazetteer entity ruler ------------------------------------------------------------------

def _rows(fname: str) -> Iterable[dict]:
    return read_tsv("gazetteer", fname)


def _names(row: dict, *cols: str) -> list[str]:
    return [v for c in cols for v in multi(row.get(c))]


def _usable(name: str) -> bool:
    # Proper names only: a capital letter in every word that has letters, more than two
    # characters unless an acronym, no leading article ("the Kremlin" is a metonym, not a LOC span).
    from ..extract.event_lexicon import grammar_words

    words = name.split()
    if not words or words[0].lower() in grammar_words("articles"):
        return False
    if len(name) < 3 and not name.isupper():
        return False
    return any(ch.isupper() for ch in name)


@functools.lru_cache(maxsize=1)
def gazetteer_patterns() -> tuple[tuple[str, str], ...]:
    """(label, phrase) pairs from the gazetteer: states and places LOC, officials PER, organisations ORG.

    Left out: demonyms (UNER does not tag them), surnames alone, generic organisation types
    ("Navy", "Parliament"), government-building metonyms and context-dependent aliases. (The extractors match the whole gazetteer themselves;
    this ruler only keeps the recogniser consistent with it.)
    """
    pats: dict[str, str] = {}
    for row in _rows("countries.tsv"):
        for n in _names(row, "name", "aliases", "capital"):
            pats.setdefault(n, "LOC")
    for row in _rows("places.tsv"):
        if row.get("type") in {"city", "region", "sea"}:
            for n in _names(row, "name", "aliases"):
                pats.setdefault(n, "LOC")
    for row in _rows("organizations.tsv"):
        if (row.get("generic") or "0").strip() != "1":
            for n in _names(row, "name", "aliases"):
                pats.setdefault(n, "ORG")
    for row in _rows("leaders.tsv"):
        for n in _names(row, "name", "aliases"):
            if " " in n:
                pats.setdefault(n, "PER")
    return tuple(sorted((lab, n) for n, lab in pats.items() if _usable(n)))


def add_gazetteer_ruler(nlp: "Language", *, before: str = "ner", name: str = "gazetteer_ruler"):
    """Add an entity ruler with the gazetteer names before ``before`` (the recogniser keeps them)."""
    if name in nlp.pipe_names:
        return nlp.get_pipe(name)
    ruler = nlp.add_pipe("entity_ruler", name=name, before=before,
                         config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns([{"label": lab, "pattern": n} for lab, n in gazetteer_patterns()])
    return ruler


# --- parsing selected sentences ---------------------------------------------------------------

def parse(nlp: "Language", text: str, spans: Sequence[tuple[int, int]], *,
          batch_size: int = 64) -> "list[Span]":
    """Run ``nlp`` on the sentence spans (character offsets into ``text``) only: ``annotate``
    over a new Doc of the whole text (made by ``guard.make_doc``)."""
    from ..guard import make_doc      # huge tokens cut first (bounded tokenizer work), offsets kept
    return annotate(nlp, make_doc(nlp, text), spans, batch_size=batch_size)


def annotate(nlp: "Language", doc: "Doc", spans: Sequence[tuple[int, int]], *,
             batch_size: int = 64) -> "list[Span]":
    """Run ``nlp`` on the sentence spans (character offsets into ``doc.text``) of an existing
    Doc made by ``nlp``'s tokenizer, writing the annotation into that Doc.

    Returns one ``Span`` per input span (same order), all views of ``doc``: ``token.idx`` and
    ``span.start_char`` are article offsets, and tags, morphology, lemmas, heads, dependency
    labels and entities are set inside the parsed spans (tokens outside them stay unannotated).
    A span boundary inside a token is widened to the token, whitespace tokens at its edges are
    left out, and overlapping spans are parsed together as one unit (the sentences are batched
    through ``nlp.pipe``). An empty span (or one of whitespace only) comes back as an empty ``Span``.
    """
    return annotate_many(nlp, [(doc, spans)], batch_size=batch_size)[0]


def annotate_many(nlp: "Language", items: "Sequence[tuple[Doc, Sequence[tuple[int, int]]]]", *,
                  batch_size: int = 64) -> "list[list[Span]]":
    """``annotate`` for several Docs at once: the sentences of all of them go through one
    ``nlp.pipe`` (the model's cost per batch is paid once for many articles, not once per article).
    One list of Spans per (doc, spans) item, in order."""
    plans = [_plan(doc, spans) for doc, spans in items]
    subdocs = nlp.pipe((_sub_doc(nlp, doc, a, b) for (doc, _), (_, jobs) in zip(items, plans)
                        for a, b in jobs), batch_size=batch_size)
    out = []
    for (doc, _), (wanted, jobs) in zip(items, plans):
        _write(doc, jobs, [next(subdocs) for _ in jobs])
        out.append([doc[w[0]:w[1]] if w is not None else doc[0:0] for w in wanted])
    return out


def _plan(doc: "Doc", spans: Sequence[tuple[int, int]]) -> tuple[list, list[list[int]]]:
    """The token range of each span (None when empty) and the units to parse (overlaps joined)."""
    from .extensions import text_of

    text = text_of(doc)
    wanted: list[tuple[int, int] | None] = []
    for s, e in spans:
        sp = doc.char_span(max(0, s), min(len(text), e), alignment_mode="expand") if e > s else None
        a, b = (sp.start, sp.end) if sp is not None else (0, 0)
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1
        wanted.append((a, b) if a < b else None)
    jobs: list[list[int]] = []
    for a, b in sorted(w for w in wanted if w is not None):
        if jobs and a < jobs[-1][1]:
            jobs[-1][1] = max(jobs[-1][1], b)
        else:
            jobs.append([a, b])
    return wanted, jobs


def _sub_doc(nlp: "Language", doc: "Doc", a: int, b: int) -> "Doc":
    """A Doc of the span's own tokens: linear in the span (Span.as_doc copies per whole document)."""
    from spacy.tokens import Doc

    toks = doc[a:b]
    return Doc(nlp.vocab, words=[t.text for t in toks], spaces=[bool(t.whitespace_) for t in toks])


def _write(doc: "Doc", jobs: list[list[int]], subs: "list[Doc]") -> None:
    """Copy the parsed sub-docs' annotation into ``doc`` (HEAD is relative and stays inside each
    sub-doc, so the block copy is exact)."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
    import numpy

    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
    arr = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
    for (a, b), sub in zip(jobs, subs):
        arr[a:b] = sub.to_array(attrs)
    doc.from_array(attrs, arr)


def model_info(nlp: "Language | None") -> dict:
    """Name, version and scores of a loaded pipeline (for records and ``dateline --version``)."""
    if nlp is None:
        return {"name": "none"}
    meta = nlp.meta
    return {"name": f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}", "version": meta.get("version"),
            "pipeline": list(nlp.pipe_names)}


def shipped_meta() -> dict:
    """The shipped pipeline's meta.json (scores, data licences) without loading spaCy."""
    p = DEFAULT_MODEL_DIR / "meta.json"
    return json.loads(p.read_text(encoding="utf-8")) if p.is_file() else {}
