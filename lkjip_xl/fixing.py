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

from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config
from .corrections import CorrectionPlan, plan_corrections
from .engine import check_report
from .model import Report, Settings
from .provenance import Provenance, provenance, settings_text
from .reading import Limits, build_report
from .reading.opening import open_workbook
from .reading.report_reader import is_report_sheet
from .rules.base import Finding
from .summary import Summary, build_summary
from .writers.preserve import DroppedPart, droppable_parts

if TYPE_CHECKING:
    from .output_sheets import OutSheet

OUTPUT_SUFFIX = ".diperbaiki"  # lkjip.xlsx -> lkjip.diperbaiki.xlsx ("corrected")
BACKUP_SUFFIX = ".cadangan-"  # lkjip.xlsx -> lkjip.cadangan-20240131-120000.xlsx ("backup")


MACRO_OUTPUT_SUFFIX = "_diperbaiki"  # X.xlsm -> X_diperbaiki.xlsm: still a module name


def default_output(src: Path) -> Path:
    """The corrected workbook's default name: beside the input, `.diperbaiki` before the
    extension; `_diperbaiki` for a macro workbook, whose Check & Compute button imports the
    Python module named like the workbook (`X.diperbaiki` could not be imported)."""
    if src.suffix.lower() in (".xlsm", ".xltm"):
        return src.with_name(f"{src.stem}{MACRO_OUTPUT_SUFFIX}{src.suffix}")
    return src.with_name(f"{src.stem}{OUTPUT_SUFFIX}{src.suffix}")


def plan_actions(plan: CorrectionPlan) -> dict[str, int]:
    """What fix did (the Ringkasan's action table and the CLI line): the four counts of
    `CorrectionPlan.counts` under the names 'corrected' (a value replaced), 'filled' (a blank
    given a value), 'converted' (a number stored as text written as that number, no value
    changed) and 'review' (every cell whose note says "Periksa"), and 'unsafe-skipped'."""
    return {**plan.counts(), "unsafe-skipped": plan.unsafe_skipped}


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

    def sheets(self, lang: str = "id", kept: Collection[str] = (),
               provenance: Provenance | None = None) -> tuple[OutSheet, ...]:
        """The Ringkasan and Temuan layouts; `kept`: the sheets a Temuan link may point to;
        `provenance`: the Ringkasan header (the open workbook's name, time, settings)."""
        from .output_sheets import fix_sheets

        return fix_sheets(self.summary, self.findings, self.plan, lang, self.actions, kept,
                          provenance)


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
    """A workbook read, checked and planned (`prepare_fix`): ready for `write_fix`."""

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
    # `read_report`, keeping what the cell scan found
    raw = open_workbook(src, limits, sheets=is_report_sheet)
    report = build_report(raw)
    # The formula cells of the sheets read (the only ones the plan can touch), found by the
    # scan of the read: the zip is not read again (`preserve.formula_cells` gives the same).
    protected = [(sheet, address) for sheet, cells in raw.meta.formula_cells.items()
                 for address in cells]
    fp = plan_fix(report, config, unsafe=unsafe, protected=protected)
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
                           provenance=prepared.provenance and replace(
                               prepared.provenance,
                               settings=settings_text(prepared.settings, lang)))
