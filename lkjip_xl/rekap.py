"""One workbook in one line: the figures a reviewer sorts a folder of reports by.

`summarise` is pure and cheap; the batch runs it in the worker that read the workbook, so
only this small object (not the Report) travels back to the main process.

- `capaian`: the mean of the computed capaian of every indicator that has one (each rounded
  to the workbook's decimals, as the report would state it), rounded half up;
  `category` is that mean's category on the scale in force.
- budget absorption (`serapan`): realisasi / pagu x 100 of the Keuangan Total row; without a
  usable Total row, of the sums of the Rincian rows. `budget_source` says which.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import BudgetRow, Report, Settings
from .schema import RowRole

BUDGET_FROM_TOTAL = "total"
BUDGET_FROM_SUM = "sum"


@dataclass(frozen=True, slots=True)
class FileSummary:
    agency: str = ""  # Nama Instansi
    government: str = ""  # Pemerintah Daerah
    year: int | None = None
    indicators: int = 0  # indicator codes known to the workbook
    computed: int = 0  # of which the capaian could be computed
    capaian: float | None = None  # mean computed capaian (%)
    category: str | None = None
    pagu: float | None = None  # rupiah
    realisasi: float | None = None
    serapan: float | None = None  # budget absorption (%)
    budget_source: str = ""  # BUDGET_FROM_TOTAL, BUDGET_FROM_SUM or ""


def summarise(report: Report, settings: Settings) -> FileSummary:
    from .analysis import indicator_figures
    from .formulas import round_half_up

    figures = indicator_figures(report, settings)
    values = [f.computation.rounded for f in figures.values()
              if f.computation.ok and f.computation.rounded is not None]
    mean = round_half_up(sum(values) / len(values), settings.decimals) if values else None
    pagu, realisasi, source = budget_totals(report.budget_rows)
    serapan = (round_half_up(realisasi / pagu * 100, settings.decimals)
               if pagu and realisasi is not None else None)
    ident = report.identity
    return FileSummary(
        agency=ident.nama_instansi.text,
        government=ident.pemerintah_daerah.text,
        year=_year(report),
        indicators=len(figures),
        computed=len(values),
        capaian=mean,
        category=settings.scale.category(mean),
        pagu=pagu,
        realisasi=realisasi,
        serapan=serapan,
        budget_source=source,
    )


def _year(report: Report) -> int | None:
    try:
        return report.identity.year
    except (ValueError, OverflowError):  # a year cell holding nonsense such as 1e400
        return None


def budget_totals(rows: tuple[BudgetRow, ...]) -> tuple[float | None, float | None, str]:
    """(pagu, realisasi, source): the last Total row with a usable pagu, else Rincian sums."""
    for row in reversed(rows):
        if row.role is RowRole.TOTAL and row.pagu.value is not None:
            return row.pagu.value, row.realisasi.value, BUDGET_FROM_TOTAL
    items = [r for r in rows if r.role is RowRole.RINCIAN]
    pagus = [r.pagu.value for r in items if r.pagu.value is not None]
    reals = [r.realisasi.value for r in items if r.realisasi.value is not None]
    if not pagus:
        return None, None, ""
    return float(sum(pagus)), float(sum(reals)) if reals else None, BUDGET_FROM_SUM
