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
- Efficiency per program: the mean capaian of the indicators its Kegiatan serve against its
  serapan; overall: the overall mean capaian against the total serapan. Both methods of
  domain.md: difference capaian - serapan (> +5 efisien, -5..+5 cukup efisien, < -5 tidak
  efisien) and ratio capaian / serapan (> 1 efisien, = 1 cukup efisien, < 1 tidak efisien).
- Findings counted by severity.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .analysis import IndicatorFigures, code_key, indicator_figures
from .formulas import Computation, capaian, fmt, mean, percentage, round_half_up
from .model import Cell, PkRow, Report, Settings
from .rules.base import Finding, Severity
from .schema import RowRole, normalise

EFFICIENT = "efisien"
FAIRLY_EFFICIENT = "cukup-efisien"
NOT_EFFICIENT = "tidak-efisien"
DIFFERENCE_BAND = 5.0  # percentage points either side of 0: cukup efisien
RATIO_DECIMALS = 3  # 99.92 / 94.00 = 1.063

SOURCE_PK = "Lampiran II"
SOURCE_BUDGET = "Keuangan"


@dataclass(frozen=True, slots=True)
class IndicatorLine:
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


@dataclass(frozen=True, slots=True)
class Efficiency:
    label: str
    codes: tuple[str, ...]
    capaian: float | None
    serapan: float | None
    difference: float | None
    difference_reading: str | None  # EFFICIENT / FAIRLY_EFFICIENT / NOT_EFFICIENT
    ratio: float | None
    ratio_reading: str | None


@dataclass(frozen=True, slots=True)
class Summary:
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
                  settings: Settings | None = None) -> Summary:
    settings = settings or report.settings
    figures = indicator_figures(report, settings)
    lines = tuple(_indicator_line(fig, report, settings) for fig in figures.values())
    by_code = {code_key(line.code): line for line in lines}

    groups: dict[str, list[IndicatorLine]] = {}
    labels: dict[str, str] = {}
    for line in lines:
        key = normalise(line.sasaran)
        groups.setdefault(key, []).append(line)
        labels.setdefault(key, line.sasaran)
    sasaran = tuple(_average(labels[k] or "-", group, settings) for k, group in groups.items())
    overall = _average("", list(lines), settings)

    programs = tuple(_programs(report, settings))
    total = _total(programs, settings)
    efficiency = tuple(
        _efficiency(p.name, p.codes, _average("", [by_code[code_key(c)] for c in p.codes
                                                   if code_key(c) in by_code], settings).capaian,
                    p.serapan)
        for p in programs)
    overall_eff = _efficiency("", tuple(line.code for line in lines), overall.capaian,
                              total.serapan)

    counts = Counter(f.severity.value for f in findings)
    ident = report.identity
    return Summary(
        agency=ident.nama_instansi.text,
        region=ident.pemerintah_daerah.text,
        year=ident.year,
        scale_name=settings.scale.name,
        scale_text=settings.scale.describe(),
        scale_bands=tuple(b.name for b in settings.scale.bands),
        negative_formula=settings.negative_formula.value,
        decimals=settings.decimals,
        indicators=lines,
        sasaran=sasaran,
        overall=overall,
        programs=programs,
        budget_total=total,
        efficiency=efficiency,
        overall_efficiency=overall_eff,
        counts={s.value: counts.get(s.value, 0) for s in Severity},
    )


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


def _indicator_line(fig: IndicatorFigures, report: Report, settings: Settings) -> IndicatorLine:
    comp = fig.computation
    rpjmd: Computation | None = None
    if fig.rpjmd_target is not None and fig.realisasi is not None \
            and fig.rpjmd_target.number.is_usable:
        rpjmd = capaian(fig.rpjmd_target.number, fig.realisasi.number, fig.polarity,
                        settings.negative_formula, settings.decimals)
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


def _average(label: str, lines: list[IndicatorLine], settings: Settings) -> Average:
    used = [line for line in lines if line.capaian is not None]
    missing = tuple(line.code for line in lines if line.capaian is None)
    if not used:
        return Average(label, (), missing, None, "", None)
    comp = mean([line.capaian for line in used if line.capaian is not None], settings.decimals)
    return Average(label, tuple(line.code for line in used), missing, comp.rounded, comp.formula,
                   settings.scale.category(comp.rounded))


# --- budget ----------------------------------------------------------------------------------

def _amount(report: Report, program: PkRow, attr: str) -> float | None:
    """A Lampiran II program's amount: stated (Program row, else its Jumlah row), else the sum
    of its Kegiatan rows."""
    from .rules.consistency import _pk_program_amount

    cell = _pk_program_amount(report, program, attr)
    if cell is not None:
        return cell.number.value
    values = [getattr(r, attr).number.value for r in report.pk_rows
              if r.role is RowRole.KEGIATAN and r.program_row == program.row]
    values = [v for v in values if v is not None]
    return math.fsum(values) if values else None


def _budget_amount(report: Report, row, attr: str) -> float | None:
    """A Keuangan Program row's amount: its own, else the sum of its Rincian rows."""
    own = getattr(row, attr).number.value
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


def _programs(report: Report, settings: Settings) -> list[ProgramBudget]:
    from .rules.consistency import _match_program

    pk_programs = [r for r in report.pk_rows if r.role is RowRole.PROGRAM]
    budget_programs = [r for r in report.budget_rows if r.role is RowRole.PROGRAM]
    result: list[ProgramBudget] = []
    if not pk_programs:
        for row in budget_programs:
            pagu = _budget_amount(report, row, "pagu")
            real = _budget_amount(report, row, "realisasi")
            serapan, formula = _serapan(pagu, real, settings)
            result.append(ProgramBudget(row.uraian.text, row.kode.text, SOURCE_BUDGET,
                                        str(row.uraian.ref or row.baris.ref), "", pagu, real,
                                        serapan, formula))
        return result

    matched: dict[int, tuple[object, str]] = {}  # PK program row -> (Keuangan row, how)
    for row in budget_programs:
        match = _match_program(row, pk_programs)
        if match is not None:
            matched.setdefault(match.pk.row, (row, match.how))
    for program in pk_programs:
        codes = tuple(dict.fromkeys(
            r.kode_indikator.text for r in report.pk_rows
            if r.role is RowRole.KEGIATAN and r.program_row == program.row
            and r.kode_indikator.text))
        pagu = _amount(report, program, "anggaran")
        real = _amount(report, program, "realisasi_anggaran")
        source, where, how = SOURCE_PK, str(program.program_kegiatan.ref or program.baris.ref), ""
        if (pagu is None or real is None) and program.row in matched:
            row, how = matched[program.row]
            b_pagu = _budget_amount(report, row, "pagu")
            b_real = _budget_amount(report, row, "realisasi")
            if b_pagu is not None and b_real is not None:
                pagu, real, source = b_pagu, b_real, SOURCE_BUDGET
                where = str(row.uraian.ref or row.baris.ref)  # type: ignore[attr-defined]
            else:
                how = ""
        serapan, formula = _serapan(pagu, real, settings)
        result.append(ProgramBudget(program.program_kegiatan.text, program.kode.text, source,
                                    where, how, pagu, real, serapan, formula, codes))
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
                serapan: float | None) -> Efficiency:
    if capaian_ is None or serapan is None:
        return Efficiency(label, codes, capaian_, serapan, None, None, None, None)
    difference = round_half_up(capaian_ - serapan, 2)
    ratio = capaian_ / serapan if serapan else None
    return Efficiency(
        label, codes, capaian_, serapan, difference, reading(difference, 0.0, DIFFERENCE_BAND),
        round_half_up(ratio, RATIO_DECIMALS) if ratio is not None else None,
        reading(ratio, 1.0, 0.0) if ratio is not None else None)
