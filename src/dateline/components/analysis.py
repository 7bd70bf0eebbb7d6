"""Components over the entity layer: attribution (quotations, sources, cues), events (coded,
dated, linked to their attributions) and geocoding of places and event locations."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extract.attribution import extract_attributions
from ..extract.events import extract_events
from ..extract.geocode import geocode
from ..nlp.extensions import layers, register, text_of, write_group

register()


@Language.component("dateline_attribution", requires=["doc._.sentences", "doc._.meta", "doc._.entities"],
                    assigns=["doc._.quotes", "doc._.attributions", "doc.spans"])
def attribution(doc: Doc) -> Doc:
    """Quotations and attributions (span groups 'quote' and 'cue')."""
    # the dateline ("BRUSSELS, Dec. 15 (Reuters) -") is not part of anything anyone said
    ext = layers(doc)
    cut = ext.meta.dateline_end
    sents = ext.sentences
    att_sentences = [(cut, b) if a < cut < b else (a, b) for a, b in sents] if cut else sents
    quotes, attributions = extract_attributions(text_of(doc), att_sentences, ext.entities.mentions)
    ext.quotes, ext.attributions = quotes, attributions
    write_group(doc, "quote", ((q.start, q.end, "") for q in quotes))
    write_group(doc, "cue", ((a.cue.start, a.cue.end, "") for a in attributions))
    return doc


class EventCoder:
    """Codes the triggers into events with actors, targets, dates, modality and sources.
    ``statements``: plain statements ('said') are also coded, as CAMEO 010."""

    def __init__(self, statements: bool):
        self.statements = statements

    def __call__(self, doc: Doc) -> Doc:
        ext = layers(doc)
        quote_spans = [(q.start, q.end) for q in ext.quotes]
        events = ext.events = extract_events(text_of(doc), ext.sentences, ext.entities.mentions, ext.timexes,
                                             ext.attributions, published=ext.meta.published,
                                             quote_spans=quote_spans, parses=ext.parses or {},
                                             found=ext.triggers, statements=self.statements)
        write_group(doc, "trigger", ((e.trigger.start, e.trigger.end, e.cameo) for e in events))
        return doc


@Language.factory("dateline_events", default_config={"statements": False},
                  requires=["doc._.sentences", "doc._.timexes", "doc._.triggers", "doc._.entities",
                            "doc._.quotes", "doc._.attributions"],
                  assigns=["doc._.events", "doc.spans"])
def make_event_coder(nlp: Language, name: str, statements: bool) -> EventCoder:
    return EventCoder(statements)


@Language.component("dateline_geocode", requires=["doc._.entities", "doc._.events"],
                    assigns=["doc._.entities", "doc._.events"])
def geocoding(doc: Doc) -> Doc:
    """GeoNames records for places and for the locations of events."""
    ext = layers(doc)
    geocode(text_of(doc), ext.entities.entities, ext.events)
    return doc
