"""dateline: a dated, sourced record of events from news articles.

    import dateline
    rec = dateline.analyze(text, published=None)      # -> dateline.record.Record
    rec.to_dict()                                     # the dateline/article@1 JSON record
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["analyze", "__version__", "Record", "InputError"]


def __getattr__(name):  # lazy: importing dateline stays cheap
    if name == "analyze":
        from .pipeline import analyze
        return analyze
    if name == "Record":
        from .record import Record
        return Record
    if name == "InputError":
        from .errors import InputError
        return InputError
    raise AttributeError(name)
