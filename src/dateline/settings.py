"""One settings object: package defaults, then a user file, then explicit overrides (CLI flags).

The user file is TOML: ``$DATELINE_SETTINGS`` if set, else ``./dateline.toml``, else
``~/.config/dateline/settings.toml``. Unknown keys are an error that names the file and key.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .errors import SettingsError


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 10_000_000          # larger texts are refused (raise with --max-bytes)
    model: str = "default"               # statistical pipeline: "default" (shipped), "none" (rules only),
                                         # or an installed spaCy pipeline by name or path
    max_seconds: int = 30                # budget per article, in CPU seconds of its analysis (the same work on a
                                         # busy machine as on an idle one): past it the article fails with a
                                         # timeout error, its worker is replaced and the batch goes on
    max_wall_seconds: int = 0            # past this many seconds of the clock an article fails even short of its
                                         # CPU budget (a starved or stalled analysis; the server's answer waits no
                                         # longer); 0: WALL_FACTOR times max_seconds
    jobs: int = 0                        # analysis processes for analyze/ingest (--jobs); 0: one per core
    batch: int = 8                       # articles a process parses together (the model batched across
                                         # them: same records, less time); 1: one at a time
    serve_token: str = ""                # `dateline serve`: the token POST /api/ingest needs; empty: read-only
    statements: bool = False             # also code plain statements ("X said ...") as CAMEO 010 events


def _user_file() -> Path | None:
    env = os.environ.get("DATELINE_SETTINGS")
    if env:
        return Path(env)
    for p in (Path("dateline.toml"), Path.home() / ".config" / "dateline" / "settings.toml"):
        if p.is_file():
            return p
    return None


def load_settings(**overrides) -> Settings:
    s = Settings()
    p = _user_file()
    if p is not None:
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise SettingsError(f"{p}: cannot read settings file ({e})") from None
        known = {f.name: type(f.default) for f in fields(Settings)}
        for k, v in data.items():
            if k not in known:
                raise SettingsError(f"{p}: unknown setting '{k}' (known: {', '.join(sorted(known))})")
            if not isinstance(v, known[k]) or isinstance(v, bool) != (known[k] is bool):
                raise SettingsError(f"{p}: setting '{k}' must be {known[k].__name__}, not {type(v).__name__} ({v!r})")
        s = replace(s, **data)
        _check(s, str(p))
    clean = {k: v for k, v in overrides.items() if v is not None}
    if not clean:
        return s
    s = replace(s, **clean)
    _check(s, "the settings")
    return s


_MINIMUM = {"max_bytes": 1, "max_seconds": 1, "max_wall_seconds": 0, "jobs": 0, "batch": 1}
WALL_FACTOR = 4


def wall_seconds(s: Settings) -> int:
    """The clock's budget of one article: ``max_wall_seconds``, or WALL_FACTOR times the CPU budget."""
    return s.max_wall_seconds or WALL_FACTOR * s.max_seconds


def _check(s: Settings, where: str) -> None:
    for k, low in _MINIMUM.items():
        v = getattr(s, k)
        if not isinstance(v, int) or isinstance(v, bool) or v < low:
            raise SettingsError(f"{where}: setting '{k}' must be a whole number of at least {low}, not {v!r}")
