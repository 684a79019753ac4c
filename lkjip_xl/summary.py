"""Every figure of the `Ringkasan` sheet, computed from a report and its findings. Pure: no
openpyxl, so the corrected workbook and the Excel layer show the same figures.

How each figure is obtained (docs/fix.md repeats this for auditors):

- Per indicator (`analysis.indicator_figures`): the agreed target (Lampiran II Indikator row,
  else the Tabel VI.1 target of Tahun Laporan), the realisation, the computed capaian (rounded
  half up to Desimal) and its category on the workbook's scale; the Tabel VI.1 target of the
  year and the capaian against it (same realisation, same formula).
- Per sasaran: indicators grouped by their Sasaran text (normalised), the mean of their computed
  capaian as shown (each rounded), rounded half up: the averages rules' definition. Overall:
  the same mean over every indicator. Indicators whose capaian cannot be computed are left
  out, and the formula text says so.
- Budget per program: the programs of Lampiran II (the Perjanjian Kinerja, which links each
  program to indicators through its Kegiatan rows). A program's Anggaran and Realisasi
  Anggaran come from Lampiran II when both are stated there (Program row, else its Jumlah row,
  else the sum of its Kegiatan); otherwise both come from the Keuangan Program row matched to
  it (the consistency rules' matcher: Kode, name, contained name, similar name), whose amounts
  are its own or the sum of its Rincian. Pagu and realisasi always come from ONE source, never
  one from each. Without Lampiran II programs, the Keuangan Program rows are listed. The total
  adds the programs with both amounts.
- Partial workbooks: without Lampiran II Indikator rows, indicators stated only in Pengukuran
  Kinerja are listed from their own row (target, realisasi, capaian computed from that row);
  without Program rows anywhere, the Keuangan Rincian rows are listed; without any of those,
  the Lampiran II Indikator rows that carry their own Anggaran and Realisasi Anggaran (as
  central agencies print their PK) are listed, each serving its indicator (and the other
  indicators of its sasaran that print no budget), so that the efficiency section uses them.
  A section with nothing to show says why instead of showing an empty table.
- A stated amount that the totals rules flag (TOT001/TOT002) is never used: the sum of its
  parts (the finding's expected value) is used instead, and the line says so.
- Efficiency per program: the mean capaian of the indicators its Kegiatan serve against its
  serapan; per sasaran: the sasaran's mean capaian against the serapan of the programs that
  serve its indicators; overall: the overall mean capaian against the total serapan. Each
  line names the indicators it could not compute. Both methods of
  domain.md: difference capaian - serapan (> +5 efisien, -5..+5 cukup efisien, < -5 tidak
  efisien) and ratio capaian / serapan (> 1 efisien, = 1 cukup efisien, < 1 tidak efisien).
  The workbook's `Metode Efisiensi` says which of them is the report's (`verdict`); with
  `Capaian >= Serapan` the difference is read without a band (>= 0 efisien, else tidak).
- Across years (only for a workbook with a Perbandingan sheet, `multiyear`): per indicator of
  Perbandingan, the realisation of each year the workbook states (Perbandingan, the report
  year's realisation, a `Tahun Lalu` row, Kondisi Awal), the RPJMD target of each year
  (Tabel VI.1), the end-of-period target and the progress against it: the stated Progres
  when Perbandingan states one, else computed (realisation to date / end target, cumulative
  or latest per Cara Hitung); the trend of the last two years; the national standard. At most
  `MULTIYEAR_MAX_YEARS` year columns, the latest.
- Findings counted by severity.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .analysis import IndicatorFigures, code_key, indicator_figures, row_polarity
from .formulas import Computation, capaian, fmt, mean, percentage, round_half_up
from .model import Cell, MeasurementRow, PkRow, Report, Settings
from .rules.base import Finding, Severity
from .schema import Capping, EfficiencyMethod, RangeReading, RowRole, normalise

EFFICIENT = "efisien"
FAIRLY_EFFICIENT = "cukup-efisien"
NOT_EFFICIENT = "tidak-efisien"
DIFFERENCE_BAND = 5.0  # percentage points either side of 0: cukup efisien
RATIO_DECIMALS = 3  # 99.92 / 94.00 = 1.063
MAGNITUDE_FACTOR = 10.0  # PK vs RPJMD targets this many times apart: likely different units
FLAGGED_TOTAL_CODES = ("TOT001", "TOT002")  # a stated amount these flag is not used

SOURCE_PK = "Lampiran II"
SOURCE_INDICATOR = "Lampiran II (Indikator)"
SOURCE_BUDGET = "Keuangan"
SOURCE_MEASUREMENT = "Pengukuran Kinerja"
SOURCE_RINCIAN = "Keuangan (Rincian)"
MULTIYEAR_MAX_YEARS = 7  # year columns of the Ringkasan's multi-year table (the latest)


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    """One indicator on the Ringkasan: its figures, capaian and category."""

    code: str
    name: str
    sasaran: str
    satuan: str
    polarity: str  # "Positif" / "Negatif"
    polarity_stated: bool
    target: float | str | None  # a number, or "80-90" for a range
    realisasi: float | str | None
    capaian: float | None  # rounded to the workbook's decimals
    formula: str
    category: str | None
    rpjmd_target: float | str | None
    capaian_rpjmd: float | None
    formula_rpjmd: str
    reason: str = ""  # formulas.NotComputable.* when capaian is None
    source: str = ""  # "" (the cross-sheet figures) or SOURCE_MEASUREMENT (its own row)
    where: str = ""  # the row used when source is SOURCE_MEASUREMENT, "Pengukuran Kinerja!B7"

    @property
    def magnitude_mismatch(self) -> bool:
        """PK and RPJMD targets of one indicator that differ by an order of magnitude or more
        (12 vs 700): probably stated in different units; the capaian against RPJMD is then
        not comparable. Only for the agreed (PK) target: a line computed from a Pengukuran
        row shows that row's own target, which is no PK target to compare."""
        if self.source == SOURCE_MEASUREMENT:
            return False
        a, b = self.target, self.rpjmd_target
        if not isinstance(a, int | float) or not isinstance(b, int | float):
            return False
        a, b = abs(float(a)), abs(float(b))
        if a == 0 or b == 0:
            return False
        return max(a, b) / min(a, b) >= MAGNITUDE_FACTOR


@dataclass(frozen=True, slots=True)
class Average:
    """A mean capaian: one sasaran's, or the overall one."""

    label: str
    codes: tuple[str, ...]  # the indicators averaged
    missing: tuple[str, ...]  # indicators of the group left out (capaian not computable)
    capaian: float | None
    formula: str
    category: str | None


@dataclass(frozen=True, slots=True)
class ProgramBudget:
    """One program's budget (pagu, realisasi, serapan) and where it was read."""

    name: str
    kode: str
    source: str  # SOURCE_PK or SOURCE_BUDGET
    where: str  # the row used, "Keuangan!C45"
    match: str  # how a Keuangan row was matched ("" for Lampiran II)
    pagu: float | None
    realisasi: float | None
    serapan: float | None
    formula: str
    codes: tuple[str, ...] = ()  # indicators served by the program's Kegiatan
    flagged: tuple[str, ...] = ()  # stated amounts not used (flagged), replaced by their sums


@dataclass(frozen=True, slots=True)
class Efficiency:
    """Capaian against serapan for a program, a sasaran or the whole, read both ways."""

    label: str
    codes: tuple[str, ...]
    capaian: float | None
    serapan: float | None
    difference: float | None
    difference_reading: str | None  # EFFICIENT / FAIRLY_EFFICIENT / NOT_EFFICIENT
    ratio: float | None
    ratio_reading: str | None
    missing: tuple[str, ...] = ()  # indicators served whose capaian could not be computed
    # The reading of the workbook's Metode Efisiensi: the difference's (+/-5 band, or
    # capaian >= serapan: no band, no 'cukup') or the ratio's.
    verdict: str | None = None

    @property
    def readings_disagree(self) -> bool:
        """The difference and the ratio give different readings (e.g. -2,18 points is
        'cukup efisien' while 0,977 < 1 is 'tidak efisien')."""
        return (self.difference_reading is not None and self.ratio_reading is not None
                and self.difference_reading != self.ratio_reading)


@dataclass(frozen=True, slots=True)
class MultiYearLine:
    """One indicator across years (values aligned with `Summary.multiyear_years`)."""

    code: str
    name: str
    satuan: str
    polarity: str
    accumulation: str  # Accumulation value: "Kumulatif" / "Nilai Terakhir"
    realisasi: tuple[float | None, ...]
    targets: tuple[float | str | None, ...]  # Tabel VI.1's target of each year
    end_target: float | str | None
    end_year: int | None
    end_formula: str  # the sum of yearly targets, when the end target is one
    progress: float | None  # the stated Progres, else the computed one
    progress_stated: bool
    progress_computed: float | None
    progress_formula: str  # '39.5 / 70 x 100'
    to_date_formula: str  # '12.5 + 13 + 14'
    reason: str = ""  # NotComputable.* when the progress cannot be computed
    missing: tuple[int, ...] = ()  # years a cumulative progress lacks
    trend: str | None = None  # the direction of the last two realisations
    trend_stated: str = ""
    standard: float | str | None = None
    standard_source: str = ""
    capaian_standard: float | None = None
    capaian_standard_formula: str = ""

    @property
    def charted(self) -> bool:
        """Worth a chart: at least two years with a realisation."""
        return sum(v is not None for v in self.realisasi) >= 2


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything the Ringkasan shows, computed from a Report and its findings."""

    agency: str
    region: str
    year: int | None
    scale_name: str
    scale_text: str
    scale_bands: tuple[str, ...]  # band names from the top
    negative_formula: str
    decimals: int
    indicators: tuple[IndicatorLine, ...]
    sasaran: tuple[Average, ...]
    overall: Average
    programs: tuple[ProgramBudget, ...]
    budget_total: ProgramBudget
    efficiency: tuple[Efficiency, ...]
    overall_efficiency: Efficiency
    counts: dict[str, int] = field(default_factory=dict)  # severity -> findings
    sasaran_efficiency: tuple[Efficiency, ...] = ()
    budget_source: str = ""  # "programs", "rincian" or "" (no budget figures)
    # The conventions in force (docs/configuration.md), named as on Identitas.
    efficiency_method: EfficiencyMethod = EfficiencyMethod.DIFFERENCE
    efficiency_origin: str = ""  # where the method was set ('' = the default)
    capping: str = Capping.NONE.value
    range_reading: str = RangeReading.INSIDE_100.value
    preset: str = ""
    multiyear: tuple[MultiYearLine, ...] = ()  # only for a workbook with Perbandingan rows
    multiyear_years: tuple[int, ...] = ()

    def band_index(self, category: str | None) -> int | None:
        """The position of a category in the scale, from the top (for its colour)."""
        if category is None:
            return None
        key = normalise(category)
        for i, name in enumerate(self.scale_bands):
            if normalise(name) == key:
                return i
        return None


def build_summary(report: Report, findings: Sequence[Finding],
                  settings: Settings | None = None, *, full: bool = True) -> Summary:
    """The Ringkasan's figures. `full=False` (the rekap line, `rekap.summarise`): the
    indicators, their overall mean, the programs and the budget total only; the sasaran
    means, the efficiency readings and the multi-year table are left empty."""
    settings = settings or report.settings
    figures = indicator_figures(report, settings)
    lines = (*(_indicator_line(fig, report, settings, figures) for fig in figures.values()),
             *_measurement_lines(report, settings, figures))
    by_code = {code_key(line.code): line for line in lines if line.code}

    groups: dict[str, list[IndicatorLine]] = {}
    labels: dict[str, str] = {}
    for line in lines:
        key = normalise(line.sasaran)
        groups.setdefault(key, []).append(line)
        labels.setdefault(key, line.sasaran)
    sasaran = tuple(_average(labels[k] or "-", group, settings)
                    for k, group in groups.items()) if full else ()
    overall = _average("", list(lines), settings)

    flagged = flagged_amounts(findings)
    programs = tuple(_programs(report, settings, flagged))
    if not any(p.pagu is not None or p.realisasi is not None for p in programs):
        programs = tuple(_indicator_budgets(report, settings, flagged)) or programs
    total = _total(programs, settings)
    efficiency = tuple(_program_efficiency(p, by_code, settings) for p in programs) \
        if full else ()
    sasaran_eff = tuple(_sasaran_efficiency(avg, programs, settings) for avg in sasaran) \
        if full and any(p.codes for p in programs) else ()
    overall_eff = _efficiency("", overall.codes, overall.capaian, total.serapan,
                              overall.missing, settings.efficiency_method)
    budget_source = ("" if not programs else
                     "rincian" if all(p.source == SOURCE_RINCIAN for p in programs)
                     else "indikator" if all(p.source == SOURCE_INDICATOR for p in programs)
                     else "programs")

    multiyear, multiyear_years = _multiyear(report, settings) if full else ((), ())
    counts = Counter(f.severity.value for f in findings)
    ident = report.identity
    return Summary(
        agency=ident.nama_instansi.text,
        region=ident.pemerintah_daerah.text,
        year=_year(report),
        scale_name=settings.scale.name,
        scale_text=settings.scale.describe(),
        scale_bands=tuple(b.name for b in settings.scale.bands),
        negative_formula=settings.negative_formula_name,
        decimals=settings.decimals,
        indicators=tuple(lines),
        sasaran=sasaran,
        overall=overall,
        programs=programs,
        budget_total=total,
        efficiency=efficiency,
        overall_efficiency=overall_eff,
        counts={s.value: counts.get(s.value, 0) for s in Severity},
        sasaran_efficiency=sasaran_eff,
        budget_source=budget_source,
        efficiency_method=settings.efficiency_method,
        efficiency_origin=settings.origin("efficiency_method"),
        capping=settings.capping.value,
        range_reading=settings.range_reading.value,
        preset=settings.preset,
        multiyear=multiyear,
        multiyear_years=multiyear_years,
    )


def _year(report: Report) -> int | None:
    try:
        return report.identity.year
    except (ValueError, OverflowError):  # a year cell holding nonsense such as 1e400
        return None


def flagged_amounts(findings: Sequence[Finding]) -> dict[tuple[str, str], float]:
    """(sheet, cell) -> the sum of its parts, for every stated total the totals rules flag
    (TOT001, TOT002). Such a stated amount is never used for a figure; its sum is."""
    result: dict[tuple[str, str], float] = {}
    for f in findings:
        if f.code in FLAGGED_TOTAL_CODES and f.cell and isinstance(f.expected, int | float) \
                and not isinstance(f.expected, bool):
            result[(f.sheet, f.cell.upper())] = float(f.expected)
    return result


# --- indicators and averages -----------------------------------------------------------------

def _shown(cell: Cell | None) -> float | str | None:
    """A target or realisation as the sheet shows it: the number, or '80-90' for a range."""
    if cell is None:
        return None
    n = cell.number
    if n.is_range:
        return f"{fmt(n.low)}-{fmt(n.high)}"
    if n.value is not None:
        return n.value
    return cell.text or None


def _indicator_line(fig: IndicatorFigures, report: Report, settings: Settings,
                    figures: dict[str, IndicatorFigures]) -> IndicatorLine:
    comp = fig.computation
    if not comp.ok:
        # The agreed pair cannot be computed: the first Pengukuran row that states its own
        # target and realisasi (against the PK basis) gives the capaian, and says so. "Cannot
        # be computed" only when no row can (the rules decide the same way).
        measured = _measured_capaian(report, settings, fig, figures)
        if measured is not None:
            row, own = measured
            return IndicatorLine(
                code=fig.code, name=fig.name, sasaran=fig.sasaran, satuan=fig.satuan,
                polarity=fig.polarity.value, polarity_stated=fig.polarity_stated,
                target=_shown(row.target), realisasi=_shown(row.realisasi),
                capaian=own.rounded, formula=own.formula,
                category=settings.scale.category(own.rounded),
                rpjmd_target=_shown(fig.rpjmd_target), capaian_rpjmd=None, formula_rpjmd="",
                reason=own.reason, source=SOURCE_MEASUREMENT,
                where=str(row.indikator.ref or row.baris.ref or ""))
    rpjmd: Computation | None = None
    if fig.rpjmd_target is not None and fig.realisasi is not None \
            and fig.rpjmd_target.number.is_usable:
        rpjmd = capaian(fig.rpjmd_target.number, fig.realisasi.number, fig.polarity,
                        settings.negative_formula, settings.decimals,
                        **settings.conventions)
    return IndicatorLine(
        code=fig.code,
        name=fig.name,
        sasaran=fig.sasaran,
        satuan=fig.satuan,
        polarity=fig.polarity.value,
        polarity_stated=fig.polarity_stated,
        target=_shown(fig.target),
        realisasi=_shown(fig.realisasi),
        capaian=comp.rounded,
        formula=comp.formula,
        category=settings.scale.category(comp.rounded),
        rpjmd_target=_shown(fig.rpjmd_target),
        capaian_rpjmd=rpjmd.rounded if rpjmd is not None else None,
        formula_rpjmd=rpjmd.formula if rpjmd is not None else "",
        reason=comp.reason,
    )


def _measured_capaian(report: Report, settings: Settings, fig: IndicatorFigures,
                      figures: dict[str, IndicatorFigures]
                      ) -> tuple[MeasurementRow, Computation] | None:
    """The first Pengukuran Indikator row of `fig` measured against the PK target that states
    its own target and realisasi, with the capaian they give."""
    from .analysis import measurement_rows
    from .rules.capaian import first_row_capaian
    from .schema import Basis

    rows = (row for row in measurement_rows(report, fig.code) if row.basis is Basis.PK)
    found = first_row_capaian(report, settings, rows, figures)
    return None if found is None else (found[0], found[1])


def _measurement_lines(report: Report, settings: Settings,
                       figures: dict[str, IndicatorFigures]) -> list[IndicatorLine]:
    """Indicators stated only in Pengukuran Kinerja, when Lampiran II has no Indikator row
    (a partial workbook): each from its own row's target and realisasi."""
    if any(r.role is RowRole.INDIKATOR for r in report.pk_rows):
        return []
    lines: list[IndicatorLine] = []
    sasaran = ""
    for row in report.measurements:
        if not row.sasaran.is_blank:
            sasaran = row.sasaran.text
        if row.role is not RowRole.INDIKATOR:
            continue
        codes = row.codes
        if codes and any(code_key(c) in figures for c in codes):
            continue
        if row.target.is_blank and row.realisasi.is_blank and row.indikator.is_blank:
            continue
        code = codes[0] if codes else ""
        polarity, stated = row_polarity(report, row)
        comp = capaian(row.target.number, row.realisasi.number, polarity,
                       settings.negative_formula, settings.decimals,
                       **settings.conventions) \
            if row.target.number.is_usable else Computation(
                None, None, "", "no-target")
        where = str(row.indikator.ref or row.baris.ref or "")
        lines.append(IndicatorLine(
            code=code, name=row.indikator.text, sasaran=sasaran, satuan=row.satuan.text,
            polarity=polarity.value, polarity_stated=stated, target=_shown(row.target),
            realisasi=_shown(row.realisasi), capaian=comp.rounded, formula=comp.formula,
            category=settings.scale.category(comp.rounded), rpjmd_target=None,
            capaian_rpjmd=None, formula_rpjmd="", reason=comp.reason,
            source=SOURCE_MEASUREMENT, where=where))
    return lines


def _average(label: str, lines: list[IndicatorLine], settings: Settings) -> Average:
    used = [line for line in lines if line.capaian is not None]
    missing = tuple(line.code for line in lines if line.capaian is None)
    if not used:
        return Average(label, (), missing, None, "", None)
    comp = mean([line.capaian for line in used if line.capaian is not None], settings.decimals)
    return Average(label, tuple(line.code for line in used), missing, comp.rounded, comp.formula,
                   settings.scale.category(comp.rounded))


# --- budget ----------------------------------------------------------------------------------

Flagged = dict[tuple[str, str], float]


def _stated(cell: Cell | None, flagged: Flagged, used: list[str]) -> float | None:
    """A stated amount, or the sum of its parts when the totals rules flag it."""
    if cell is None or cell.number.value is None:
        return None
    ref = cell.ref
    if ref is not None and (ref.sheet, ref.address.upper()) in flagged:
        used.append(str(ref))
        return flagged[(ref.sheet, ref.address.upper())]
    return cell.number.value


def _amount(report: Report, program: PkRow, attr: str, flagged: Flagged,
            used: list[str]) -> float | None:
    """A Lampiran II program's amount: stated (Program row, else its Jumlah row), else the sum
    of its Kegiatan rows."""
    from .rules.consistency import _pk_program_amount

    stated = _stated(_pk_program_amount(report, program, attr), flagged, used)
    if stated is not None:
        return stated
    values = [getattr(r, attr).number.value for r in report.pk_rows
              if r.role is RowRole.KEGIATAN and r.program_row == program.row]
    values = [v for v in values if v is not None]
    return math.fsum(values) if values else None


def _budget_amount(report: Report, row, attr: str, flagged: Flagged,
                   used: list[str]) -> float | None:
    """A Keuangan Program row's amount: its own, else the sum of its Rincian rows."""
    own = _stated(getattr(row, attr), flagged, used)
    if own is not None:
        return own
    values = [getattr(r, attr).number.value for r in report.budget_rows
              if r.role is RowRole.RINCIAN and r.program_row == row.row]
    values = [v for v in values if v is not None]
    return math.fsum(values) if values else None


def _serapan(pagu: float | None, realisasi: float | None, settings: Settings
             ) -> tuple[float | None, str]:
    comp = percentage(realisasi, pagu, settings.decimals)
    return comp.rounded, comp.formula


def _programs(report: Report, settings: Settings, flagged: Flagged | None = None
              ) -> list[ProgramBudget]:
    from .rules.consistency import program_matches

    flagged = flagged or {}
    pk_programs = [r for r in report.pk_rows if r.role is RowRole.PROGRAM]
    budget_programs = [r for r in report.budget_rows if r.role is RowRole.PROGRAM]
    result: list[ProgramBudget] = []
    if not pk_programs:
        for row in budget_programs:
            used: list[str] = []
            pagu = _budget_amount(report, row, "pagu", flagged, used)
            real = _budget_amount(report, row, "realisasi", flagged, used)
            serapan, formula = _serapan(pagu, real, settings)
            result.append(ProgramBudget(row.uraian.text, row.kode.text, SOURCE_BUDGET,
                                        str(row.uraian.ref or row.baris.ref), "", pagu, real,
                                        serapan, formula, flagged=tuple(used)))
        if not budget_programs:  # a Keuangan table without Program rows: its Rincian rows
            for row in report.budget_rows:
                if row.role is not RowRole.RINCIAN:
                    continue
                pagu, real = row.pagu.number.value, row.realisasi.number.value
                if pagu is None and real is None:
                    continue
                serapan, formula = _serapan(pagu, real, settings)
                result.append(ProgramBudget(row.uraian.text, row.kode.text, SOURCE_RINCIAN,
                                            str(row.uraian.ref or row.baris.ref), "", pagu,
                                            real, serapan, formula))
        return result

    matched: dict[int, tuple[object, str]] = {}  # PK program row -> (Keuangan row, how)
    for match in program_matches(report):  # each Keuangan Program row's, once per report
        if match is not None:
            matched.setdefault(match.pk.row, (match.budget, match.how))
    kegiatan: dict[int | None, list[str]] = {}  # Program row -> its Kegiatan rows' codes
    for r in report.pk_rows:
        if r.role is RowRole.KEGIATAN and r.kode_indikator.text:
            kegiatan.setdefault(r.program_row, []).append(r.kode_indikator.text)
    for program in pk_programs:
        codes = tuple(dict.fromkeys(kegiatan.get(program.row, ())))
        used = []
        pagu = _amount(report, program, "anggaran", flagged, used)
        real = _amount(report, program, "realisasi_anggaran", flagged, used)
        source, where, how = SOURCE_PK, str(program.program_kegiatan.ref or program.baris.ref), ""
        if (pagu is None or real is None) and program.row in matched:
            row, how = matched[program.row]
            b_used: list[str] = []
            b_pagu = _budget_amount(report, row, "pagu", flagged, b_used)
            b_real = _budget_amount(report, row, "realisasi", flagged, b_used)
            if b_pagu is not None and b_real is not None:
                pagu, real, source, used = b_pagu, b_real, SOURCE_BUDGET, b_used
                where = str(row.uraian.ref or row.baris.ref)  # type: ignore[attr-defined]
            else:
                how = ""
        serapan, formula = _serapan(pagu, real, settings)
        result.append(ProgramBudget(program.program_kegiatan.text, program.kode.text, source,
                                    where, how, pagu, real, serapan, formula, codes,
                                    tuple(used)))
    return result


def _indicator_budgets(report: Report, settings: Settings, flagged: Flagged
                       ) -> list[ProgramBudget]:
    """The Lampiran II Indikator rows that carry their own budget, as budget lines: each
    serves its indicator and the indicators of its sasaran printed without a budget."""
    rows = [r for r in report.pk_rows if r.role is RowRole.INDIKATOR
            and (r.anggaran.number.value is not None
                 or r.realisasi_anggaran.number.value is not None)]
    if not rows:
        return []
    unbudgeted = [r for r in report.pk_rows if r.role is RowRole.INDIKATOR and r not in rows
                  and r.kode_indikator.text]
    result = []
    for row in rows:
        used: list[str] = []
        pagu = _stated(row.anggaran, flagged, used)
        real = _stated(row.realisasi_anggaran, flagged, used)
        serapan, formula = _serapan(pagu, real, settings)
        key = normalise(row.sasaran.text)
        codes = (row.kode_indikator.text,) if row.kode_indikator.text else ()
        if key and row is next(r for r in rows if normalise(r.sasaran.text) == key):
            codes += tuple(r.kode_indikator.text for r in unbudgeted
                           if normalise(r.sasaran.text) == key)
        result.append(ProgramBudget(row.indikator.text or row.kode_indikator.text,
                                    row.kode_indikator.text, SOURCE_INDICATOR,
                                    str(row.anggaran.ref or row.baris.ref), "", pagu, real,
                                    serapan, formula, tuple(dict.fromkeys(codes)),
                                    tuple(used)))
    return result


def _total(programs: Sequence[ProgramBudget], settings: Settings) -> ProgramBudget:
    both = [p for p in programs if p.pagu is not None and p.realisasi is not None]
    if not both:
        return ProgramBudget("", "", "", "", "", None, None, None, "")
    pagu = math.fsum(p.pagu for p in both if p.pagu is not None)
    real = math.fsum(p.realisasi for p in both if p.realisasi is not None)
    serapan, formula = _serapan(pagu, real, settings)
    return ProgramBudget("", "", "", "", "", pagu, real, serapan, formula,
                         tuple(c for p in both for c in p.codes))


# --- efficiency ------------------------------------------------------------------------------

def reading(value: float, neutral: float, band: float) -> str:
    """EFFICIENT above neutral + band, NOT_EFFICIENT below neutral - band, else FAIRLY."""
    if value > neutral + band + 1e-9:
        return EFFICIENT
    if value < neutral - band - 1e-9:
        return NOT_EFFICIENT
    return FAIRLY_EFFICIENT


def _efficiency(label: str, codes: tuple[str, ...], capaian_: float | None,
                serapan: float | None, missing: tuple[str, ...] = (),
                method: EfficiencyMethod = EfficiencyMethod.DIFFERENCE) -> Efficiency:
    """Both readings, the difference's by the workbook's method: with Capaian >= Serapan the
    difference has no band and no 'cukup' (-0,01 is tidak efisien, 0 efisien)."""
    if capaian_ is None or serapan is None:
        return Efficiency(label, codes, capaian_, serapan, None, None, None, None, missing)
    difference = round_half_up(capaian_ - serapan, 2)
    ratio = capaian_ / serapan if serapan else None
    if method is EfficiencyMethod.AT_LEAST:
        by_difference = EFFICIENT if difference >= -1e-9 else NOT_EFFICIENT
    else:
        by_difference = reading(difference, 0.0, DIFFERENCE_BAND)
    by_ratio = reading(ratio, 1.0, 0.0) if ratio is not None else None
    return Efficiency(
        label, codes, capaian_, serapan, difference, by_difference,
        round_half_up(ratio, RATIO_DECIMALS) if ratio is not None else None, by_ratio,
        missing, by_ratio if method is EfficiencyMethod.RATIO else by_difference)


def _program_efficiency(p: ProgramBudget, by_code: dict[str, IndicatorLine],
                        settings: Settings) -> Efficiency:
    """A program's efficiency: the mean capaian of the indicators its Kegiatan serve."""
    served = [by_code[code_key(c)] for c in p.codes if code_key(c) in by_code]
    avg = _average("", served, settings)
    unknown = tuple(c for c in p.codes if code_key(c) not in by_code)
    return _efficiency(p.name, avg.codes, avg.capaian, p.serapan, (*avg.missing, *unknown),
                       settings.efficiency_method)


def _sasaran_efficiency(avg: Average, programs: Sequence[ProgramBudget],
                        settings: Settings) -> Efficiency:
    """A sasaran's efficiency: its mean capaian against the serapan of the programs whose
    Kegiatan serve its indicators (their pagu and realisasi added)."""
    keys = {code_key(c) for c in (*avg.codes, *avg.missing)}
    serving = [p for p in programs if keys & {code_key(c) for c in p.codes}
               and p.pagu is not None and p.realisasi is not None]
    serapan = None
    if serving:
        serapan, _ = _serapan(math.fsum(p.pagu for p in serving if p.pagu is not None),
                              math.fsum(p.realisasi for p in serving
                                        if p.realisasi is not None), settings)
    return _efficiency(avg.label, avg.codes, avg.capaian, serapan, avg.missing,
                       settings.efficiency_method)


# --- across years ----------------------------------------------------------------------------

def _multiyear(report: Report, settings: Settings
               ) -> tuple[tuple[MultiYearLine, ...], tuple[int, ...]]:
    """The multi-year table: every indicator of Perbandingan (none without the sheet)."""
    if not report.comparisons:
        return (), ()
    from .multiyear import direction, end_number, series, standard_capaian

    all_series = series(report, settings)
    chosen = []
    for row in report.comparisons:
        s = all_series.get(code_key(row.code)) if row.code else None
        if s is not None and s not in chosen:
            chosen.append(s)
    if not chosen:
        return (), ()
    years: set[int] = set()
    for s in chosen:
        years |= set(s.realisasi)
        if s.rpjmd is not None:
            years |= {y for y, c in s.rpjmd.targets if not c.is_blank}
    shown = tuple(sorted(years)[-MULTIYEAR_MAX_YEARS:])
    lines = []
    for s in chosen:
        p = s.progress
        assert p is not None
        stated = s.row.progres.number.value if s.row is not None else None
        end, end_source = end_number(s)
        prev, cur = s.previous(), s.current()
        trend = None
        if prev is not None and cur is not None:
            a, b = s.value(prev.year), s.value(cur.year)
            if a is not None and b is not None:
                trend = direction(a, b).value
        standard = s.row.standar_nasional if s.row is not None else None
        std_comp = None
        if standard is not None and standard.number.is_usable and cur is not None:
            std_comp = standard_capaian(s, standard.number, cur.cell.number, settings)
        lines.append(MultiYearLine(
            code=s.code, name=s.name, satuan=s.satuan, polarity=s.polarity.value,
            accumulation=p.accumulation.value,
            realisasi=tuple(s.value(y) for y in shown),
            targets=tuple(_shown(s.rpjmd_target(y)) for y in shown),
            end_target=(None if end is None else
                        f"{fmt(end.low)}-{fmt(end.high)}" if end.is_range else end.value),
            end_year=s.end_year,
            end_formula=end_source if end_source and "!" not in end_source else "",
            progress=stated if stated is not None else p.computation.rounded,
            progress_stated=stated is not None,
            progress_computed=p.computation.rounded,
            progress_formula=p.computation.formula,
            to_date_formula=p.to_date_formula,
            reason=p.computation.reason,
            missing=p.missing,
            trend=trend,
            trend_stated=s.row.tren.text if s.row is not None else "",
            standard=_shown(standard) if standard is not None and not standard.is_blank
            else None,
            standard_source=s.row.sumber_standar.text if s.row is not None else "",
            capaian_standard=std_comp.rounded if std_comp is not None else None,
            capaian_standard_formula=std_comp.formula if std_comp is not None else "",
        ))
    return tuple(lines), shown
