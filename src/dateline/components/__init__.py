"""dateline's spaCy components: each stage of the analysis is a registered component that reads
the layers of the components before it on the one Doc of the article and writes its own
(``dateline.nlp.extensions`` lists the layers; ``dateline.nlp.build.make_nlp`` puts them in order).

Order and flow (``make_nlp(...).analyze_pipes()`` prints the same from the declarations):

    metadata -> sentences -> timexes -> triggers -> [parse] -> entities -> attribution -> events -> geocode

``parse`` (the shipped statistical pipeline run over every sentence) is left out in the rules-only
profile. Importing this package registers the factories.
"""
from __future__ import annotations

from . import analysis, entities, parse, text  # noqa: F401  (registers the factories)

# (pipe name, factory name) in the order the stages run
STAGES: tuple[tuple[str, str], ...] = (
    ("metadata", "dateline_metadata"),
    ("sentences", "dateline_sentences"),
    ("timexes", "dateline_timexes"),
    ("triggers", "dateline_triggers"),
    ("parse", "dateline_parse"),
    ("entities", "dateline_entities"),
    ("attribution", "dateline_attribution"),
    ("events", "dateline_events"),
    ("geocode", "dateline_geocode"),
)
