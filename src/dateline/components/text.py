"""Components over the text layer: metadata, the one sentence segmentation, time expressions and
the event dictionary's triggers."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..article import extract_meta
from ..errors import InputError
from ..extract.events import find_triggers
from ..extract.timexes import tag_timexes
from ..isodate import iso_date
from ..nlp.extensions import layers, register, text_of, write_group
from ..nlp.sentences import segment

register()


def parse_date(value: str | None, what: str):
    """An ISO date (YYYY-MM-DD or a datetime) as a date; None for none; InputError for another value."""
    if not value:
        return None
    d = iso_date(value)
    if d is None:
        raise InputError(f"{what}: '{value}' is not an ISO date (YYYY-MM-DD or a datetime)", code="bad_date")
    return d


@Language.component("dateline_metadata", assigns=["doc._.meta", "doc._.dct"])
def metadata(doc: Doc) -> Doc:
    """Title, dateline, bylines, outlet and the publication date (given, else found in the text)."""
    ext = layers(doc)
    raw = ext.input
    given = parse_date(raw.published, f"{raw.id}: published")
    meta = extract_meta(text_of(doc), title=raw.title, published=given.isoformat() if given else None,
                        published_from=ext.published_from or "given", outlet=raw.outlet,
                        authors=raw.authors, today=ext.today, url=raw.url)
    ext.meta = meta
    ext.dct = parse_date(meta.published, f"{raw.id}: published")
    return doc


@Language.component("dateline_sentences", assigns=["doc._.sentences", "doc.spans", "token.is_sent_start"])
def sentences(doc: Doc) -> Doc:
    """The one sentence segmentation of the article (character offsets), also as span group
    'sentence' and as the tokens' sentence starts (``doc.sents``; a parse run later may only cut
    these sentences further, since it parses each one on its own)."""
    sents = layers(doc).sentences = segment(doc)
    spans = write_group(doc, "sentence", ((a, b, "") for a, b in sents))
    if len(doc) and not doc.has_annotation("DEP"):
        import numpy
        from spacy.attrs import SENT_START

        marks = numpy.full((len(doc), 1), -1, dtype="int64")     # -1: inside, 1: starts a sentence
        marks[0, 0] = 1
        marks[[sp.start for sp in spans], 0] = 1
        doc.from_array([SENT_START], marks.astype("uint64"))     # spaCy reads it back as a signed value
    return doc


@Language.component("dateline_timexes", requires=["doc._.dct", "doc._.sentences"],
                    assigns=["doc._.timexes", "doc.spans"])
def timexes(doc: Doc) -> Doc:
    """Time expressions, found and normalised against the publication date (span group 'timex')."""
    ext = layers(doc)
    found = ext.timexes = tag_timexes(text_of(doc), ext.dct, sentences=ext.sentences)
    write_group(doc, "timex", ((t.start, t.end, t.type) for t in found))
    return doc


@Language.component("dateline_triggers", requires=["doc._.sentences"], assigns=["doc._.triggers"])
def triggers(doc: Doc) -> Doc:
    """The event dictionary's matches in every sentence (coded into events by 'events')."""
    ext = layers(doc)
    ext.triggers = find_triggers(text_of(doc), ext.sentences)
    return doc
