"""dateline: a dated, sourced record of events from news articles.

    import dateline
    rec = dateline.analyze(text, published=None)      # -> dateline.record.Record
    rec.to_dict()                                     # the dateline/article@1 JSON record
    store = dateline.open_store("dateline.db")        # or "postgresql://..."; the CLI's queries:
    store.events(actor="PRK", cameo="150").to_pandas()   # events timeline count claims dyads export quotes failures
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["analyze", "open_store", "__version__", "Record", "InputError"]


def __getattr__(name):  # lazy: importing dateline stays cheap
    if name == "analyze":
        from .pipeline import analyze
        return analyze
    if name == "open_store":
        from .store import open_store
        return open_store
    if name == "Record":
        from .record import Record
        return Record
    if name == "InputError":
        from .errors import InputError
        return InputError
    raise AttributeError(name)
