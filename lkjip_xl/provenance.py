"""Where a corrected workbook came from: the source file's name and SHA-256, when it was
written, by which version, with which settings. Shared by the Ringkasan header (output_sheets)
and the document properties (writers/workbook.py); the rekap uses `file_sha256` to flag
identical files.

The time is UTC. `SOURCE_DATE_EPOCH` (the reproducible-builds convention), when set, replaces
the clock, so that a rendered picture or a test output is the same on every run.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import __version__


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an output came from: the source file, its SHA-256, time, version, settings."""

    file_name: str  # the source workbook's file name (no folder)
    sha256: str  # of the source file's bytes, hex
    time: str  # UTC, ISO 8601 to the second: 2026-11-29T20:11:45Z
    version: str  # lkjip-xl's version
    settings: str  # the settings in force, "Skala 4; (2T-R)/T; Desimal 2; Toleransi 0"
    unsafe: bool = False  # unsafe corrections (overwriting stated totals) were applied
    settings_items: tuple[tuple[str, str], ...] = ()  # (name, value): the document properties

    def as_dict(self) -> dict[str, str]:
        """Flat, ordered, language-free (the document properties): source, sha256, time,
        version, then each setting, then unsafe_fixes."""
        return {"source": self.file_name, "sha256": self.sha256, "time": self.time,
                "version": self.version, **dict(self.settings_items),
                "unsafe_fixes": "yes" if self.unsafe else "no"}


def file_sha256(path: Path | str) -> str:
    """The SHA-256 of a file's bytes, in hex ("" when it cannot be read)."""
    digest = hashlib.sha256()
    try:
        with Path(path).open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


def now_utc() -> datetime:
    """The current time in UTC, or SOURCE_DATE_EPOCH when that is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def provenance(src: Path | str, settings: object, unsafe: bool = False,
               when: datetime | None = None, lang: str = "id") -> Provenance:
    """The provenance of a workbook written from `src` with `settings` (a model.Settings)."""
    when = (when or now_utc()).astimezone(UTC)
    return Provenance(Path(src).name, file_sha256(src),
                      when.strftime("%Y-%m-%dT%H:%M:%SZ"), __version__,
                      settings_text(settings, lang), unsafe, settings_items(settings))


def settings_items(settings: object) -> tuple[tuple[str, str], ...]:
    """The settings in force (of a `model.Settings`) as (name, value) texts."""
    return (("scale", str(getattr(getattr(settings, "scale", None), "name", ""))),
            ("negative_formula",
             str(getattr(getattr(settings, "negative_formula", None), "value", ""))),
            ("tolerance", repr(getattr(settings, "tolerance", None))),
            ("decimals", str(getattr(settings, "decimals", ""))),
            ("money_tolerance", repr(getattr(settings, "money_tolerance", None))),
            *((key, str(getattr(getattr(settings, key, None), "value", "")))
              for key in ("capping", "range_reading", "efficiency_method")),
            ("preset", str(getattr(settings, "preset", "")) or "-"))


def settings_text(settings: object, lang: str = "id") -> str:
    """The settings of a run in one line: scale, negative formula, decimals, tolerance (of a
    `model.Settings`): 'Skala 4; (2T-R)/T; Desimal 2; Toleransi 0'."""
    from .messages import t

    scale = getattr(getattr(settings, "scale", None), "name", "")
    formula = getattr(getattr(settings, "negative_formula", None), "value", "")
    tolerance = getattr(settings, "tolerance", None)
    if isinstance(tolerance, float) and tolerance.is_integer():
        tolerance = int(tolerance)
    return t("fix.sum.settings_short", lang, scale=scale, formula=formula,
             decimals=getattr(settings, "decimals", ""),
             tolerance="-" if tolerance is None else tolerance)
