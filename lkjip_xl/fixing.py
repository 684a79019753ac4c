"""`lkjip-xl fix` without the command line: plan the corrections of one workbook, then write
the corrected copy. Never prints; the CLI does.

    prepared = prepare_fix(Path("lkjip.xlsx"), config, unsafe=False)
    prepared.plan.changes      # what would change (fix --diff prints these)
    prepared.dropped           # what openpyxl would lose (fix refuses unless --force)
    write_fix(prepared, Path("lkjip.diperbaiki.xlsx"))
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .corrections import CorrectionPlan, Outcome, plan_corrections
from .engine import check_report
from .model import Report, Settings
from .reading import Limits, read_report
from .rules.base import Finding
from .summary import Summary, build_summary
from .writers.preserve import DroppedPart, droppable_parts, formula_cells

OUTPUT_SUFFIX = ".diperbaiki"  # lkjip.xlsx -> lkjip.diperbaiki.xlsx ("corrected")
BACKUP_SUFFIX = ".cadangan-"  # lkjip.xlsx -> lkjip.cadangan-20240131-120000.xlsx ("backup")


def default_output(src: Path) -> Path:
    """The corrected workbook's default name: beside the input, `.diperbaiki` before the
    extension."""
    return src.with_name(f"{src.stem}{OUTPUT_SUFFIX}{src.suffix}")


@dataclass(frozen=True, slots=True)
class PreparedFix:
    src: Path
    report: Report
    settings: Settings
    findings: tuple[Finding, ...]
    plan: CorrectionPlan
    summary: Summary
    dropped: tuple[DroppedPart, ...]

    @property
    def blocking(self) -> tuple[DroppedPart, ...]:
        """Parts whose loss changes content: fix refuses unless forced."""
        return tuple(p for p in self.dropped if not p.cosmetic)

    @property
    def actions(self) -> dict[str, int]:
        return {Outcome.CORRECTED.value: self.plan.count(Outcome.CORRECTED),
                Outcome.FILLED.value: self.plan.count(Outcome.FILLED),
                Outcome.REVIEW.value: self.plan.count(Outcome.REVIEW),
                "unsafe-skipped": self.plan.unsafe_skipped}


def prepare_fix(src: Path, config: Config | None = None, *, unsafe: bool = False,
                limits: Limits | None = None) -> PreparedFix:
    """Read, check and plan. Raises WorkbookError (unreadable file) or ConfigError."""
    config = config or Config()
    report = read_report(src, limits=limits)
    settings = config.settings_for(report)
    findings = tuple(check_report(report, config))
    plan = plan_corrections(report, findings, unsafe, settings=settings,
                            protected=formula_cells(src),
                            recheck=lambda r: check_report(r, config))
    summary = build_summary(report, findings, settings)
    return PreparedFix(src, report, settings, findings, plan, summary,
                       tuple(droppable_parts(src)))


def write_fix(prepared: PreparedFix, out: Path, lang: str = "id") -> Path:
    """Write the corrected workbook to `out` (atomically). The input is only read."""
    from .writers.workbook import write_corrected

    return write_corrected(prepared.src, out, prepared.plan, prepared.summary,
                           prepared.findings, lang=lang,
                           input_sheets=tuple(prepared.report.sheet_names.values()),
                           actions=prepared.actions)
