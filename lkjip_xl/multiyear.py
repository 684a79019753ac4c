"""An indicator across years (issue 14): the realisation of each year the workbook states, the
RPJMD targets, the end-of-period target, the national standard, and the progress to date.

Shared by the comparison rules (`rules/comparisons.py`) and the corrected workbook's
`Ringkasan`, so both compute the same thing the same way.

Where a year's realisation comes from, the first that states it:
- the report year (Tahun Laporan): the indicator's realisation (`analysis.indicator_figures`:
  Lampiran II, else Pengukuran Kinerja), else the Perbandingan column of that year;
- an earlier year: the Perbandingan column of that year, else the Target of a Pengukuran
  Kinerja row measured against `Tahun Lalu` (for the year before the report year), else
  Tabel VI.1's Kondisi Awal (for the year before the first target year).

Progress against the end-of-period target (`Cara Hitung` on Perbandingan):
- Nilai Terakhir (blank = this): the report year's realisation / the end target;
- Kumulatif: the sum of the realisations of the period's years up to the report year (the
  target years of Tabel VI.1, without the Kondisi Awal baseline) / the end target; not
  computable while one of those years is not stated.
A Negatif indicator uses the workbook's Rumus Indikator Negatif, as every capaian does.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from .analysis import _memo, _usable, code_key, final_target, indicator_figures, measurement_rows
from .formulas import Computation, NotComputable, capaian, fmt
from .model import Cell, ComparisonRow, Indicator, MeasurementRow, Report, Settings
from .numbers import Number, NumberSource
from .schema import Accumulation, Basis, Polarity, Trend


class Source:
    """Where a year's realisation is stated (message keys 'cmp.source.<name>')."""

    PERBANDINGAN = "perbandingan"
    REALISASI = "realisasi"  # the indicator's realisation of the report year (PK / Pengukuran)
    TAHUN_LALU = "tahun-lalu"  # the Target of a Pengukuran row measured against last year
    KONDISI_AWAL = "kondisi-awal"
    # where an end-of-period target or a national standard is stated
    TARGET_RPJMD = "target-rpjmd"  # Tabel VI.1's target of the period's last year
    PERBANDINGAN_TARGET = "perbandingan-target"
    ROW_TARGET = "row-target"  # a Pengukuran row measured against Target Akhir Periode
    STANDARD = "standard"  # Perbandingan's Standar Nasional
    ROW_STANDARD = "row-standard"  # a Pengukuran row measured against Standar Nasional


@dataclass(frozen=True, slots=True)
class Statement:
    """One place a figure is stated."""

    year: int
    cell: Cell
    source: str  # Source.*


@dataclass(frozen=True, slots=True)
class Progress:
    """Realisation to date against the end-of-period target."""

    computation: Computation
    accumulation: Accumulation
    to_date: float | None = None
    to_date_formula: str = ""  # '12 + 15 + 14' (cumulative) or '14' (latest)
    years: tuple[int, ...] = ()  # the years summed (cumulative) or the report year
    missing: tuple[int, ...] = ()  # years whose realisation is not stated (cumulative)


@dataclass(frozen=True, slots=True)
class YearSeries:
    """One indicator across the years the workbook states."""

    code: str
    name: str
    satuan: str
    polarity: Polarity
    polarity_stated: bool
    year: int | None  # Tahun Laporan
    row: ComparisonRow | None
    rpjmd: Indicator | None
    realisasi: dict[int, Statement] = field(default_factory=dict)  # year -> first statement
    statements: tuple[Statement, ...] = ()  # every statement of a realisation, any year
    end_target: Cell | None = None  # Perbandingan's Target Akhir Periode, else Tabel VI.1's
    end_year: int | None = None
    progress: Progress | None = None

    @property
    def accumulation(self) -> Accumulation:
        return self.row.accumulation if self.row is not None else Accumulation.LATEST

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self.realisasi))

    def value(self, year: int) -> float | None:
        st = self.realisasi.get(year)
        return st.cell.number.value if st is not None and st.cell.number.is_usable \
            and not st.cell.number.is_range else None

    def rpjmd_target(self, year: int) -> Cell | None:
        return self.rpjmd.target_for(year) if self.rpjmd is not None else None

    def previous(self) -> Statement | None:
        """The latest usable statement of a year before the report year."""
        if self.year is None:
            return None
        for y in sorted(self.realisasi, reverse=True):
            if y < self.year and self.value(y) is not None:
                return self.realisasi[y]
        return None

    def current(self) -> Statement | None:
        return self.realisasi.get(self.year) if self.year is not None else None


def kondisi_awal_year(report: Report) -> int | None:
    """The year Tabel VI.1's Kondisi Awal describes: the year before the first target year,
    else Periode Awal (the template's layout)."""
    if report.rpjmd_years:
        return report.rpjmd_years[0] - 1
    start = report.identity.periode_awal.value
    return int(start) if start is not None else None


def period_years(report: Report) -> tuple[int, ...]:
    """The target years of the period up to Tahun Laporan (those a cumulative indicator
    adds up)."""
    year = report.identity.year
    if year is None:
        return ()
    if report.rpjmd_years:
        return tuple(y for y in report.rpjmd_years if y <= year)
    start = report.identity.periode_awal.value
    return tuple(range(int(start) + 1, year + 1)) if start is not None else (year,)


def last_year_rows(report: Report, code: str) -> list[MeasurementRow]:
    return [m for m in measurement_rows(report, code) if m.basis is Basis.LAST_YEAR]


def series(report: Report, settings: Settings) -> dict[str, YearSeries]:
    """Every indicator of the workbook across years, keyed by `code_key` (Perbandingan's
    indicators first, in sheet order). Computed once per report and settings."""
    return _memo("multiyear.series", report, settings, lambda: _series(report, settings))


def _series(report: Report, settings: Settings) -> dict[str, YearSeries]:
    figures = indicator_figures(report, settings)
    year = report.identity.year
    awal_year = kondisi_awal_year(report)
    codes: dict[str, str] = {}
    for row in report.comparisons:
        if row.code:
            codes.setdefault(code_key(row.code), row.code)
    for fig in figures.values():
        codes.setdefault(code_key(fig.code), fig.code)
    result: dict[str, YearSeries] = {}
    for key, code in codes.items():
        fig = figures.get(key)
        row = report.comparison(code)
        rpjmd = fig.rpjmd if fig is not None else report.indicator(code)
        statements: list[Statement] = []
        if year is not None and fig is not None and _usable(fig.realisasi):
            assert fig.realisasi is not None
            statements.append(Statement(year, fig.realisasi, Source.REALISASI))
        if row is not None:
            for y, cell in sorted(row.realisasi_by_year.items()):
                if not cell.is_blank:
                    statements.append(Statement(y, cell, Source.PERBANDINGAN))
        if year is not None:
            for m in last_year_rows(report, code):
                if not m.target.is_blank:
                    statements.append(Statement(year - 1, m.target, Source.TAHUN_LALU))
        if rpjmd is not None and awal_year is not None and not rpjmd.kondisi_awal.is_blank:
            statements.append(Statement(awal_year, rpjmd.kondisi_awal, Source.KONDISI_AWAL))
        realisasi: dict[int, Statement] = {}
        for st in statements:
            if _usable(st.cell):
                realisasi.setdefault(st.year, st)
        end_target, end_year = _end_target(report, row, rpjmd)
        polarity = fig.polarity if fig is not None else Polarity.POSITIVE
        stated = fig.polarity_stated if fig is not None else False
        name = (fig.name if fig is not None and fig.name else
                row.indikator.text if row is not None else "")
        satuan = (fig.satuan if fig is not None and fig.satuan else
                  row.satuan.text if row is not None else "")
        s = YearSeries(code=code, name=name, satuan=satuan, polarity=polarity,
                       polarity_stated=stated, year=year, row=row, rpjmd=rpjmd,
                       realisasi=realisasi, statements=tuple(statements),
                       end_target=end_target, end_year=end_year)
        result[key] = _with_progress(report, settings, s)
    return result


def _end_target(report: Report, row: ComparisonRow | None, rpjmd: Indicator | None
                ) -> tuple[Cell | None, int | None]:
    """The end target as stated: Perbandingan's Target Akhir Periode, else Tabel VI.1's
    final target (`analysis.final_target`), and the year it is for."""
    end = report.identity.periode_akhir.value
    end_year = int(end) if end is not None else (
        report.rpjmd_years[-1] if report.rpjmd_years else None)
    if row is not None and _usable(row.target_akhir):
        return row.target_akhir, end_year
    cell = final_target(report, rpjmd)
    if cell is not None and rpjmd is not None:
        for y, c in rpjmd.targets:
            if c is cell:
                end_year = y
    return cell, end_year


def summed_targets(rpjmd: Indicator | None) -> tuple[float, str, tuple[Cell, ...]] | None:
    """A cumulative indicator's end-of-period target from Tabel VI.1: the sum of its yearly
    targets (each year's amount), with the formula and the cells; None when a year column
    holds no single number."""
    if rpjmd is None or not rpjmd.targets:
        return None
    cells = tuple(c for _, c in rpjmd.targets if not c.is_blank)
    if not cells or any(c.number.value is None or c.number.is_range for c in cells):
        return None
    values = [c.number.value for c in cells if c.number.value is not None]
    total = float(sum((Decimal(repr(float(v))) for v in values), Decimal(0)))
    return total, " + ".join(fmt(v) for v in values), cells


def end_number(s: YearSeries) -> tuple[Number | None, str]:
    """The end-of-period target progress is measured against, and where it comes from (a
    cell, or the sum of Tabel VI.1's yearly targets for a cumulative indicator that states no
    Target Akhir Periode on Perbandingan)."""
    stated = s.row is not None and _usable(s.row.target_akhir)
    if s.accumulation is Accumulation.CUMULATIVE and not stated:
        summed = summed_targets(s.rpjmd)
        if summed is not None:
            return Number(summed[0], NumberSource.NUMBER), summed[1]
    if s.end_target is None:
        return None, ""
    return s.end_target.number, str(s.end_target.ref)


def _with_progress(report: Report, settings: Settings, s: YearSeries) -> YearSeries:
    return replace(s, progress=progress(report, settings, s))


def progress(report: Report, settings: Settings, s: YearSeries) -> Progress:
    """The realisation to date against the end-of-period target (module docstring)."""
    how = s.accumulation
    target, _ = end_number(s)
    if target is None:
        return Progress(Computation(None, None, "", NotComputable.NO_TARGET), how)
    if s.year is None:
        return Progress(Computation(None, None, "", NotComputable.NO_REALISATION), how)
    if how is Accumulation.CUMULATIVE:
        years = period_years(report)
        missing = tuple(y for y in years if s.value(y) is None)
        if missing or not years:
            return Progress(Computation(None, None, "", NotComputable.NO_REALISATION), how,
                            years=years, missing=missing or (s.year,))
        values = [s.value(y) for y in years]
        total = float(sum((Decimal(repr(float(v))) for v in values if v is not None),
                          Decimal(0)))
        formula = " + ".join(fmt(v) for v in values if v is not None)
    else:
        years = (s.year,)
        value = s.value(s.year)
        if value is None:
            return Progress(Computation(None, None, "", NotComputable.NO_REALISATION), how,
                            years=years, missing=years)
        total, formula = value, fmt(value)
    return Progress(progress_capaian(s, target, total, settings), how, total, formula, years)


def progress_capaian(s: YearSeries, target: Number, to_date: float, settings: Settings
                     ) -> Computation:
    """The realisation to date against an end-of-period target: a share of the way done,
    never capped (docs/configuration.md)."""
    return capaian(target, Number(to_date, NumberSource.NUMBER), s.polarity,
                   settings.negative_formula, settings.decimals, polarity_stated=True)


def standard_capaian(s: YearSeries, standard: Number, realisasi: Number, settings: Settings
                     ) -> Computation:
    """The capaian of `realisasi` against the national standard: realisasi / standard x 100
    (a Negatif indicator by the workbook's Rumus Indikator Negatif), under the workbook's
    Batas Capaian and Target Rentang like every other capaian it states (CMP006 and the
    Ringkasan's multi-year table)."""
    return capaian(standard, realisasi, s.polarity, settings.negative_formula,
                   settings.decimals, polarity_stated=True, **settings.conventions)


def direction(before: float, after: float) -> Trend:
    """Naik, Turun or Tetap: the direction of the numbers."""
    if after > before:
        return Trend.UP
    if after < before:
        return Trend.DOWN
    return Trend.FLAT


def improvement(trend: Trend, polarity: Polarity) -> Trend | None:
    """Membaik / Memburuk for a direction of the numbers, under a polarity (None: Tetap)."""
    if trend is Trend.FLAT:
        return None
    better = (trend is Trend.UP) == (polarity is Polarity.POSITIVE)
    return Trend.BETTER if better else Trend.WORSE


def has_multiyear(report: Report) -> bool:
    """Whether the workbook states a Perbandingan with at least one row: the Ringkasan's
    multi-year table and charts appear only then."""
    return bool(report.comparisons)
