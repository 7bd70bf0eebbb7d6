"""The statistical parse: the shipped pipeline (or another by name) run over every sentence of
the one segmentation, batched with ``nlp.pipe``, written into the article's Doc (fine-grained tags, heads,
dependencies, the recogniser's entities)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import annotate_many, load_pipeline
from ..nlp.extensions import layers, register

register()

# events read tags (plural nouns, participles), heads, relations and entities: the tagger runs (about 1%
# of the parse's time); the morphologizer (coarse POS and features, about 2.5%) is not run, nothing reads it
SKIPPED = ("morphologizer", "lemmatizer", "attribute_ruler")


class SentenceParser:
    """Runs the statistical pipeline ``model`` on each sentence; ``doc._.parses``: sentence index ->
    its parsed Span. The Doc must be made by that pipeline's tokenizer (``make_nlp`` does so)."""

    def __init__(self, model: str):
        self.model = model
        self.nlp = load_pipeline(model)

    def __call__(self, doc: Doc) -> Doc:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Doc]) -> list[Doc]:
        """Parse the sentences of several articles' Docs in one batched run of the model."""
        nlp = self.nlp
        todo = [d for d in docs if nlp is not None and layers(d).sentences]
        for d in docs:
            layers(d).parses = {}
        if not todo:
            return docs
        skip = [p for p in SKIPPED if p in nlp.pipe_names]
        with nlp.select_pipes(disable=skip):
            parsed = annotate_many(nlp, [(d, _units(d)) for d in todo])
        for d, spans in zip(todo, parsed):
            layers(d).parses = dict(enumerate(spans))
        return docs


def _units(doc: Doc) -> list[tuple[int, int]]:
    """The sentences to parse: a dateline ("SEOUL, Aug 6 (Reuters) -") is left out of the sentence it
    starts; a title before the dateline is parsed whole."""
    ext = layers(doc)
    start = ext.meta.dateline_end if ext.meta is not None else 0
    return [(start if a < start < b else a, b) for a, b in ext.sentences]


@Language.factory("dateline_parse", default_config={"model": "default"},
                  requires=["doc._.sentences", "doc._.meta"],
                  assigns=["token.dep", "token.head", "token.ent_type", "doc._.parses"])
def make_parser(nlp: Language, name: str, model: str) -> SentenceParser:
    return SentenceParser(model)
