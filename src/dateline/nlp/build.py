"""make_nlp: the Language that analyses an article, dateline's components in order on the
tokenizer of the statistical pipeline they parse with (or spaCy's English tokenizer in the
rules-only profile). Built once per process and profile."""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from . import load_pipeline
from .tokenizer import add_exceptions

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..settings import Settings


def make_nlp(settings: "Settings") -> "Language":
    """The analysis pipeline for ``settings`` (its ``model`` profile and ``statements`` option)."""
    model = settings.model if settings.model is not None else "default"
    return _build(str(model), bool(settings.statements))


@functools.lru_cache(maxsize=8)
def _build(model: str, statements: bool) -> "Language":
    import spacy

    from .. import components

    stat = load_pipeline(model)                 # None: the rules-only profile
    nlp = spacy.blank("en", vocab=stat.vocab) if stat is not None else spacy.blank("en")
    if stat is not None:
        nlp.tokenizer = stat.tokenizer          # the parse writes into tokens its own tokenizer made
    else:
        from .lexeme_attrs import install       # the same lexemes, made faster (the model's vocab is its own)

        install(nlp.vocab)
    add_exceptions(nlp.tokenizer)               # the project's abbreviations, as data
    for name, factory in components.STAGES:
        if name == "parse" and stat is None:
            continue
        config = {"model": model} if name == "parse" else {"statements": statements} if name == "events" else {}
        nlp.add_pipe(factory, name=name, config=config)
    return nlp


def new_doc(nlp: "Language", text: str, **layers) -> "Doc":
    """The Doc of an article's text (huge runs of characters cut into bounded tokens, offsets kept)
    with the given input layers set (``input``, ``today``, ``published_from``...)."""
    from ..guard import make_doc
    from .extensions import layers as doc_layers
    from .extensions import register

    register()
    from ..text import use_doc

    doc = make_doc(nlp, text)
    ext = doc_layers(doc)
    ext.text = text
    use_doc(doc, text)                          # every stage's words are spans of these tokens
    for name, value in layers.items():
        setattr(ext, name, value)
    return doc


def run(nlp: "Language", doc: "Doc", *, until: str | None = None, timings: dict | None = None) -> "Doc":
    """Run the components on ``doc`` in order, stopping after the one named ``until`` (all by default).
    ``timings``, when given, accumulates each component's seconds under its name."""
    import time

    for name, component in nlp.pipeline:
        t0 = time.perf_counter()
        doc = component(doc)
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
        if name == until:
            break
    return doc


def run_many(nlp: "Language", docs: "list[Doc]", *, timings: dict | None = None) -> "list[Doc | Exception]":
    """``run`` for several articles' Docs: a component with a ``pipe`` method (the parse) takes all
    of them at once, the others one Doc at a time. An article whose stage fails becomes that
    exception in its place and leaves the batch; the others go on (a failing batched stage is run
    again one Doc at a time, so that only the faulty article fails)."""
    import time

    from ..text import use_doc
    from .extensions import text_of

    out: list = list(docs)
    for name, component in nlp.pipeline:
        t0 = time.perf_counter()
        live = [i for i, d in enumerate(out) if not isinstance(d, Exception)]
        done = None
        if hasattr(component, "pipe") and len(live) > 1:
            try:
                done = dict(zip(live, component.pipe([out[i] for i in live])))
            except Exception:  # noqa: BLE001 - retried one article at a time below
                done = None
        for i in live:
            if done is not None:
                out[i] = done[i]
                continue
            try:
                use_doc(out[i], text_of(out[i]))       # the words of the article now analysed
                out[i] = component(out[i])
            except Exception as exc:  # noqa: BLE001 - that article fails, the batch goes on
                out[i] = exc
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    return out


def analyze_doc(text: str, settings: "Settings | None" = None, *, published: str | None = None,
                until: str | None = None) -> "Doc":
    """The Doc of ``text`` with every layer up to ``until`` (for tests and notebooks: ``doc._.events``,
    ``doc.spans['mention']``...); ``published`` is the given publication date (YYYY-MM-DD)."""
    from ..ingest.readers import RawArticle
    from ..record import article_id
    from ..settings import load_settings

    nlp = make_nlp(settings or load_settings())
    raw = RawArticle(id=article_id(text), text=text, published=published)
    return run(nlp, new_doc(nlp, text, input=raw, published_from="given"), until=until)
