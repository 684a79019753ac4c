"""`lkjip-xl fix` without the command line: plan the corrections of one workbook, then write
the corrected copy. Never prints; the CLI does.

    prepared = prepare_fix(Path("lkjip.xlsx"), config, unsafe=False)
    prepared.plan.changes      # what would change (fix --diff prints these)
    prepared.dropped           # what openpyxl would lose (fix refuses unless --force)
    write_fix(prepared, Path("lkjip.diperbaiki.xlsx"))

`plan_fix` is the part shared with the Excel button (`lkjip_xl.excel`): from a Report already
read, the findings, the correction plan, the summary and the Ringkasan / Temuan layouts. Both
paths call it, so the file and the open workbook get the very same results.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config
from .corrections import CorrectionPlan, plan_corrections
from .engine import check_report
from .model import Report, Settings
from .reading import Limits, read_report
from .rules.base import Finding
from .summary import Summary, build_summary
from .writers.preserve import DroppedPart, droppable_parts, formula_cells

if TYPE_CHECKING:
    from .output_sheets import OutSheet

OUTPUT_SUFFIX = ".diperbaiki"  # lkjip.xlsx -> lkjip.diperbaiki.xlsx ("corrected")
BACKUP_SUFFIX = ".cadangan-"  # lkjip.xlsx -> lkjip.cadangan-20240131-120000.xlsx ("backup")


def default_output(src: Path) -> Path:
    """The corrected workbook's default name: beside the input, `.diperbaiki` before the
    extension."""
    return src.with_name(f"{src.stem}{OUTPUT_SUFFIX}{src.suffix}")


def plan_actions(plan: CorrectionPlan) -> dict[str, int]:
    """What fix did (the Ringkasan's action table and the CLI line): the four counts of
    `CorrectionPlan.counts` under the names 'corrected' (a value replaced), 'filled' (a blank
    given a value), 'converted' (a number stored as text written as that number, no value
    changed) and 'review' (every cell whose note says "Periksa"), and 'unsafe-skipped'."""
    return {**plan.counts(), "unsafe-skipped": plan.unsafe_skipped}


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a corrected workbook came from: recorded in its document properties and shown
    in the Ringkasan header."""

    source: str  # the input's file name
    sha256: str  # of the input file's bytes
    time: str  # when fix ran, UTC, ISO 8601 to the second
    version: str  # lkjip-xl's version
    settings: tuple[tuple[str, str], ...] = ()  # (name, value) of the settings in force
    unsafe: bool = False

    def as_dict(self) -> dict[str, str]:
        """Flat, ordered: source, sha256, time, version, then each setting, then unsafe."""
        return {"source": self.source, "sha256": self.sha256, "time": self.time,
                "version": self.version, **dict(self.settings),
                "unsafe_fixes": "yes" if self.unsafe else "no"}


def provenance(src: Path, settings: Settings, *, unsafe: bool = False,
               now: dt.datetime | None = None) -> Provenance:
    """The provenance of fixing `src` with `settings` now."""
    from . import __version__

    digest = hashlib.sha256()
    with open(src, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    return Provenance(src.name, digest.hexdigest(), when.isoformat().replace("+00:00", "Z"),
                      __version__, settings_items(settings), unsafe)


def settings_items(settings: Settings) -> tuple[tuple[str, str], ...]:
    """The settings in force as (name, value) texts."""
    return (("scale", settings.scale.name),
            ("negative_formula", str(settings.negative_formula.value)),
            ("tolerance", repr(settings.tolerance)),
            ("decimals", str(settings.decimals)),
            ("money_tolerance", repr(settings.money_tolerance)))


@dataclass(frozen=True, slots=True)
class FixPlan:
    """Everything `fix` computes from a Report, before anything is written."""

    report: Report
    settings: Settings
    findings: tuple[Finding, ...]
    plan: CorrectionPlan
    summary: Summary

    @property
    def actions(self) -> dict[str, int]:
        return plan_actions(self.plan)

    def sheets(self, lang: str = "id", kept: Collection[str] = ()) -> tuple[OutSheet, ...]:
        """The Ringkasan and Temuan layouts; `kept`: the sheets a Temuan link may point to."""
        from .output_sheets import fix_sheets

        return fix_sheets(self.summary, self.findings, self.plan, lang, self.actions, kept)


def plan_fix(report: Report, config: Config | None = None, *, unsafe: bool = False,
             protected: Collection[tuple[str, str]] = ()) -> FixPlan:
    """Check `report` and plan its corrections. `protected`: (sheet, address) of the cells
    holding a formula, never overwritten. Raises ConfigError for settings that do not fit."""
    config = config or Config()
    settings = config.settings_for(report)
    findings = tuple(check_report(report, config))
    plan = plan_corrections(report, findings, unsafe, settings=settings, protected=protected,
                            recheck=lambda r: check_report(r, config))
    summary = build_summary(report, findings, settings)
    return FixPlan(report, settings, findings, plan, summary)


@dataclass(frozen=True, slots=True)
class PreparedFix:
    src: Path
    report: Report
    settings: Settings
    findings: tuple[Finding, ...]
    plan: CorrectionPlan
    summary: Summary
    dropped: tuple[DroppedPart, ...]
    provenance: Provenance | None = None

    @property
    def blocking(self) -> tuple[DroppedPart, ...]:
        """Parts whose loss changes content: fix refuses unless forced."""
        return tuple(p for p in self.dropped if not p.cosmetic)

    @property
    def actions(self) -> dict[str, int]:
        return plan_actions(self.plan)


def prepare_fix(src: Path, config: Config | None = None, *, unsafe: bool = False,
                limits: Limits | None = None) -> PreparedFix:
    """Read, check and plan. Raises WorkbookError (unreadable file) or ConfigError."""
    report = read_report(src, limits=limits)
    fp = plan_fix(report, config, unsafe=unsafe, protected=formula_cells(src))
    return PreparedFix(src, fp.report, fp.settings, fp.findings, fp.plan, fp.summary,
                       tuple(droppable_parts(src)),
                       provenance(src, fp.settings, unsafe=unsafe))


def write_fix(prepared: PreparedFix, out: Path, lang: str = "id") -> Path:
    """Write the corrected workbook to `out` (atomically). The input is only read."""
    from .writers.workbook import write_corrected

    report = prepared.report
    header_rows = {report.sheet_names[std]: row for std, row in report.header_rows.items()
                   if std in report.sheet_names}
    return write_corrected(prepared.src, out, prepared.plan, prepared.summary,
                           prepared.findings, lang=lang,
                           input_sheets=tuple(report.sheet_names.values()),
                           actions=prepared.actions, header_rows=header_rows,
                           provenance=prepared.provenance)
