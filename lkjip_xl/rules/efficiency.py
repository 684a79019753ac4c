"""Efficiency rules (EFF): an efficiency the report states, checked against both readings.

Reports state efficiency in one of two ways (domain.md): the efficiency index IE = capaian /
serapan (1,02), or the difference capaian - serapan in percentage points (2,15). Which one a
report uses is rarely said, so a stated value is right when it matches EITHER reading.

Where an efficiency is stated (the optional `Efisiensi` column):
- Lampiran II Program rows: the program's capaian (its own Target and Realisasi when it states
  them; else the mean capaian of the indicators its Kegiatan serve, or the mean capaian of its
  Kegiatan) against its serapan (Anggaran and Realisasi Anggaran as `analysis.program_amounts`
  finds them);
- Lampiran II and Pengukuran Kinerja Indikator rows: the sasaran's efficiency
  (`analysis.sasaran_efficiency`: the mean capaian of the sasaran's indicators against the
  serapan of the budget serving them) or the indicator's own (its capaian against the budget
  serving it).

A capaian the row itself states (its Capaian cell) is one more reading: a report derives its
efficiency from the capaian it prints, and a wrong printed capaian is already a CAP finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..analysis import (
    Efficiency,
    IndicatorFigures,
    SasaranEfficiency,
    budget_for,
    code_key,
    efficiency,
    indicator_figures,
    mean_capaian,
    program_amounts,
    row_capaian,
    row_polarity,
    sasaran_efficiency,
    served_codes,
)
from ..formulas import Computation, fmt, mean, percentage
from ..model import Cell, MeasurementRow, PkRow, Report, Settings
from ..schema import RowRole
from .base import Finding, RuleContext, Severity
from .capaian import agrees, stated_decimals
from .define import rule

# Enum members as module constants: `RowRole.KEGIATAN` looks the member up on the enum
# class (0.1 to 0.25 us in Python 3.11), a module constant is one dict lookup; the loops
# over every row of a report ask for them thousands of times.
_INDIKATOR = RowRole.INDIKATOR
_KEGIATAN = RowRole.KEGIATAN
_PROGRAM = RowRole.PROGRAM
_RATA_RATA = RowRole.RATA_RATA


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way the stated efficiency may have been computed."""

    what: str  # message key suffix: program / program-kegiatan / sasaran / indicator
    name: str
    eff: Efficiency


def _matches(cell: Cell, eff: Efficiency, settings: Settings) -> bool:
    """The stated value is the ratio (or the ratio x 100) or the difference, at its own
    decimals, computed from the rounded capaian and serapan (as printed) or exactly."""
    stated = cell.number.value
    assert stated is not None
    ds = stated_decimals(cell.number)
    c, s = eff.capaian, eff.serapan
    if c is None or s is None:
        return False
    candidates = [c - s]
    if s:
        candidates += [c / s, c / s * 100]
    return any(agrees(stated, ds, v, settings) for v in candidates)


def _program_readings(report: Report, settings: Settings, row: PkRow,
                      figures: dict[str, IndicatorFigures]) -> list[_Reading]:
    pagu, real, _ = program_amounts(report, row)
    serapan = percentage(real, pagu, settings.decimals)
    if not serapan.ok:
        return []
    name = row.program_kegiatan.text or row.kode.text
    readings = []
    polarity, stated = row_polarity(report, row)
    own = row_capaian(row.target, row.realisasi, polarity, stated, settings)
    if own.ok:
        readings.append(_Reading("program", name, efficiency(own, serapan, settings.decimals)))
    readings += _stated_reading("program", name, row.capaian, serapan, settings)
    served = [figures[k] for c in served_codes(report, row) if (k := code_key(c)) in figures]
    comp, _ = mean_capaian(served, settings.decimals)
    if comp.ok:
        readings.append(_Reading("program", name, efficiency(comp, serapan, settings.decimals)))
    kegiatan = []
    for k in report.pk_rows:
        if k.role is _KEGIATAN and k.program_row == row.row:
            pol, st = row_polarity(report, k)
            c = row_capaian(k.target, k.realisasi, pol, st, settings)
            if c.rounded is not None:
                kegiatan.append(c.rounded)
    if kegiatan:
        comp = mean(kegiatan, settings.decimals) if len(kegiatan) > 1 else Computation(
            kegiatan[0], kegiatan[0], fmt(kegiatan[0], settings.decimals))
        readings.append(_Reading("program-kegiatan", name,
                                 efficiency(comp, serapan, settings.decimals)))
    return readings


def _indicator_readings(report: Report, settings: Settings, code: str,
                        own: Computation | None, figures: dict[str, IndicatorFigures],
                        sasaran: tuple[SasaranEfficiency, ...],
                        stated_capaian: Cell | None = None) -> list[_Reading]:
    key = code_key(code)
    fig = figures.get(key)
    readings = []
    for item in sasaran:
        if key in {code_key(c) for c in item.codes} and item.efficiency.ratio is not None:
            readings.append(_Reading("sasaran", item.sasaran or "-", item.efficiency))
    pagu, real, _ = budget_for(report, (code,))
    serapan = percentage(real, pagu, settings.decimals)
    for comp in (own, fig.computation if fig is not None else None):
        if comp is not None and comp.ok and serapan.ok:
            readings.append(_Reading("indicator", code, efficiency(comp, serapan,
                                                                   settings.decimals)))
    if stated_capaian is not None and serapan.ok:
        readings += _stated_reading("indicator", code, stated_capaian, serapan, settings)
    return readings


def _stated_reading(what: str, name: str, capaian_cell: Cell, serapan: Computation,
                    settings: Settings) -> list[_Reading]:
    """The efficiency from the capaian the row itself states: a report derives its
    efficiency from its printed capaian, whose own errors are the capaian rules' business."""
    value = capaian_cell.number.value
    if value is None or not serapan.ok:
        return []
    comp = Computation(value, value, f"{capaian_cell.ref}")
    return [_Reading(what, name, efficiency(comp, serapan, settings.decimals))]


def _stated(report: Report) -> Iterator[tuple[PkRow | MeasurementRow, Cell]]:
    for row in report.pk_rows:
        if row.role in (_PROGRAM, _INDIKATOR) and row.efisiensi.ref is not None \
                and row.efisiensi.number.value is not None:
            yield row, row.efisiensi
    for m in report.measurements:
        if m.role in (_INDIKATOR, _RATA_RATA) and m.efisiensi.ref is not None \
                and m.efisiensi.number.value is not None \
                and (m.codes or m.role is _RATA_RATA):
            yield m, m.efisiensi


def _average_readings(report: Report, settings: Settings, row: MeasurementRow,
                      figures: dict[str, IndicatorFigures]) -> list[_Reading]:
    """A Rata-rata row: the mean capaian of the indicators it averages (all when it lists
    none) against the budget serving them, and its own stated average."""
    codes = row.codes or tuple(f.code for f in figures.values())
    group = [figures[k] for c in codes if (k := code_key(c)) in figures]
    pagu, real, _ = budget_for(report, [f.code for f in group])
    serapan = percentage(real, pagu, settings.decimals)
    if not serapan.ok:
        return []
    name = row.indikator.text or row.sasaran.text or ", ".join(codes)
    comp, _ = mean_capaian(group, settings.decimals)
    readings = [_Reading("average", name, efficiency(comp, serapan, settings.decimals))] \
        if comp.ok else []
    return readings + _stated_reading("average", name, row.capaian, serapan, settings)


def _readings(report: Report, settings: Settings, row: PkRow | MeasurementRow,
              figures: dict[str, IndicatorFigures],
              sasaran: tuple[SasaranEfficiency, ...]) -> list[_Reading]:
    if isinstance(row, PkRow) and row.role is _PROGRAM:
        return _program_readings(report, settings, row, figures)
    if isinstance(row, MeasurementRow) and row.role is _RATA_RATA:
        return _average_readings(report, settings, row, figures)
    code = row.codes[0] if isinstance(row, MeasurementRow) else row.kode_indikator.text
    if not code:
        return []
    polarity, stated = row_polarity(report, row)
    own = row_capaian(row.target, row.realisasi, polarity, stated, settings) \
        if row.target.number.is_usable and row.realisasi.number.is_usable else None
    return _indicator_readings(report, settings, code, own, figures, sasaran, row.capaian)


@rule("EFF001", "efficiency-mismatch", Severity.WARNING)
def efficiency_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stated efficiency matches neither reading: capaian / serapan, nor capaian - serapan.

    Checked where the optional `Efisiensi` column holds a value: Lampiran II Program rows (the
    program's efficiency), Indikator rows of Lampiran II and Pengukuran Kinerja (the
    efficiency of the indicator's sasaran, or of the indicator itself) and Pengukuran Kinerja
    Rata-rata rows (the mean capaian of the indicators averaged, or the stated average,
    against the budget serving them). Capaian: computed, as
    in Ringkasan (a program: its own Target and Realisasi, else the mean capaian of the
    indicators its Kegiatan serve, or of its Kegiatan; a sasaran: the mean capaian of its
    indicators). Serapan: Realisasi Anggaran / Anggaran x 100 of the program, or of the
    Kegiatan (else programs) serving the indicators. The stated value is right when it equals
    the ratio (1,063; or 106,29 written as a percent) or the difference (5,92), at its own
    decimals or within `Toleransi`, computed from the capaian and serapan as shown or exactly.

    The message shows both computations. Nothing is reported when the efficiency cannot be
    computed (no budget or no capaian). WARNING: which capaian and which budget a report
    meant is a judgement; no fix.
    """
    stated = list(_stated(ctx.report))
    if not stated:
        return
    figures = indicator_figures(ctx.report, ctx.settings)
    sasaran = sasaran_efficiency(ctx.report, ctx.settings, figures)
    for row, cell in stated:
        readings = _readings(ctx.report, ctx.settings, row, figures, sasaran)
        if not readings or any(_matches(cell, r.eff, ctx.settings) for r in readings):
            continue
        readings = list({(r.what, r.name, r.eff.ratio, r.eff.difference): r
                         for r in readings}.values())
        first = readings[0]
        eff = first.eff
        assert cell.ref is not None and eff.capaian is not None and eff.serapan is not None
        others = "; ".join(
            f"{fmt(r.eff.ratio)} / {fmt(r.eff.difference)} ({r.name})" for r in readings[1:])
        params = {"stated": fmt(cell.number.value), "name": first.name,
                  "ratio": fmt(eff.ratio), "difference": fmt(eff.difference),
                  "capaian": fmt(eff.capaian), "serapan": fmt(eff.serapan),
                  "capaian_formula": eff.capaian_formula or "-",
                  "serapan_formula": eff.serapan_formula or "-", "others": others or "-"}
        yield ctx.finding(
            cell.ref, f"rule.EFF001.{first.what}", params=params, stated=cell.number.value,
            expected=eff.ratio,
            difference=(round(cell.number.value - eff.ratio, 9) if eff.ratio is not None
                        and cell.number.value is not None else None),
            tolerance=ctx.settings.tolerance,
            formula=f"{eff.ratio_formula} | {eff.difference_formula}",
            inputs=(("capaian", eff.capaian), ("serapan", eff.serapan)))


RULES = (efficiency_mismatch,)
