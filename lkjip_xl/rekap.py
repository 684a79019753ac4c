"""One workbook in one line: the figures a reviewer sorts a folder of reports by.

`summarise` is pure; the batch runs it in the worker that read the workbook, so only this
small object (not the Report) travels back to the main process.

Every figure is the one the workbook's own `Ringkasan` shows (`summary.build_summary`, one
computation for both):

- `capaian`: the overall mean of the computed capaian (Ringkasan section 2, "Keseluruhan"),
  `category` its category on the scale in force, `scale` that scale's name;
- `pagu`, `realisasi`, `serapan`: the budget total of Ringkasan section 3 (the programs of
  Lampiran II, else the Keuangan Program rows, else the Keuangan Rincian rows). A stated
  amount the totals rules flag (TOT001/TOT002) is never used: the sum of its parts is.
  `budget_source` says which rows the total adds up.
- `sha256`: the file's content hash, so that identical files in one batch are flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Report, Settings

if TYPE_CHECKING:
    from .rules.base import Finding

BUDGET_FROM_PROGRAMS = "programs"  # program rows (Lampiran II or Keuangan)
BUDGET_FROM_RINCIAN = "rincian"  # Keuangan Rincian rows (no Program row anywhere)


@dataclass(frozen=True, slots=True)
class FileSummary:
    agency: str = ""  # Nama Instansi
    government: str = ""  # Pemerintah Daerah
    year: int | None = None
    indicators: int = 0  # indicators listed in the Ringkasan
    computed: int = 0  # of which the capaian could be computed
    capaian: float | None = None  # mean computed capaian (%), as the Ringkasan shows it
    category: str | None = None
    pagu: float | None = None  # rupiah
    realisasi: float | None = None
    serapan: float | None = None  # budget absorption (%)
    budget_source: str = ""  # BUDGET_FROM_PROGRAMS, BUDGET_FROM_RINCIAN or ""
    scale: str = ""  # the rating scale in force ("Skala 4")
    sha256: str = ""  # the file's content hash ("" when not computed)


def summarise(report: Report, settings: Settings, findings: Sequence[Finding] = (),
              sha256: str = "") -> FileSummary:
    """The rekap line of one workbook: the figures of its Ringkasan. `findings`: the
    workbook's findings (a flagged stated total is then not used)."""
    from .summary import build_summary

    s = build_summary(report, findings, settings, full=False)
    total = s.budget_total
    return FileSummary(
        agency=s.agency,
        government=s.region,
        year=s.year,
        indicators=len(s.indicators),
        computed=len(s.overall.codes),
        capaian=s.overall.capaian,
        category=s.overall.category,
        pagu=total.pagu,
        realisasi=total.realisasi,
        serapan=total.serapan,
        budget_source=s.budget_source if total.pagu is not None else "",
        scale=s.scale_name,
        sha256=sha256,
    )
