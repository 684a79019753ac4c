"""Per-indicator figures resolved across sheets: the agreed target, the realisation, the computed
capaian; which polarity and which target a row is measured by; efficiency per sasaran. Shared
by the rules, the corrected workbook's Ringkasan and the Excel layer, so all three compute the
same thing the same way.

Which polarity (domain.md): an Indikator row (Lampiran II or Pengukuran Kinerja) uses its
indicator's polarity (Tabel VI.1); a Kegiatan (or Program) row is Positif, since activity
outputs are "more is better" even under a negative indicator; a row's own `Polaritas` cell
overrides either.

Which target: a Pengukuran Kinerja row's capaian is measured against the basis its `Terhadap`
cell names (blank = Target PK): the PK target, the RPJMD target of Tahun Laporan, the target of
the period's last year, last year's realisation, a national standard.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .formulas import Computation, capaian, fmt, mean, percentage, round_half_up
from .model import Cell, Indicator, MeasurementRow, PkRow, Report, Settings
from .schema import Basis, Polarity, RowRole, normalise

# Enum members as module constants: `RowRole.KEGIATAN` looks the member up on the enum
# class (0.1 to 0.25 us in Python 3.11), a module constant is one dict lookup; the loops
# over every row of a report ask for them thousands of times.
_BASIS_END_OF_PERIOD = Basis.END_OF_PERIOD
_BASIS_PK = Basis.PK
_BASIS_RPJMD = Basis.RPJMD
_POSITIVE = Polarity.POSITIVE
_INDIKATOR = RowRole.INDIKATOR
_KEGIATAN = RowRole.KEGIATAN
_PROGRAM = RowRole.PROGRAM
_RINCIAN = RowRole.RINCIAN

RATIO_DECIMALS = 3  # an efficiency index: 99.92 / 94.00 = 1.063


def code_key(code: str) -> str:
    """'IK-1', 'ik 1' and 'IK1' are the same indicator."""
    return normalise(code)


@dataclass(frozen=True, slots=True)
class IndicatorFigures:
    """One indicator's figures resolved across the sheets (RPJMD, PK, measurement)."""

    code: str
    name: str
    sasaran: str
    satuan: str
    polarity: Polarity
    polarity_stated: bool
    rpjmd: Indicator | None
    pk: PkRow | None
    target: Cell | None  # the agreed (PK) target, else the RPJMD target of the year
    realisasi: Cell | None  # the PK realisation, else the one stated in Pengukuran Kinerja
    rpjmd_target: Cell | None  # the RPJMD target for Tahun Laporan
    computation: Computation  # capaian from target and realisasi


# Analyses shared by many rules and rows, computed once per report: keyed by the identity of
# the report (immutable) and of the settings; the last few are kept (holding them keeps the
# identities valid).
_MEMO: list[tuple[str, Report, object, object]] = []
_MEMO_KEPT = 16


def _memo(name: str, report: Report, settings: object, compute: Callable[[], Any]) -> Any:
    for key, cached, cached_settings, value in _MEMO:
        if cached is report and key == name and cached_settings is settings:
            return value
    value = compute()
    _MEMO.insert(0, (name, report, settings, value))
    del _MEMO[_MEMO_KEPT:]
    return value


def forget(report: Report) -> None:
    """Drop the analyses kept for `report` (a report nobody will ask about again, such as
    the one `engine.check_file` read and did not return): it is freed at once, instead of
    living on, with its thousands of cells, until newer reports push it out."""
    _MEMO[:] = [entry for entry in _MEMO if entry[1] is not report]
    _POLARITIES[:] = [entry for entry in _POLARITIES if entry[0] is not report]


def _measurement_index(report: Report) -> dict[str, list[MeasurementRow]]:
    index: dict[str, list[MeasurementRow]] = {}
    for m in report.measurements:
        if m.role is _INDIKATOR:
            for key in dict.fromkeys(code_key(c) for c in m.codes):
                index.setdefault(key, []).append(m)
    return index


def measurement_rows(report: Report, code: str) -> list[MeasurementRow]:
    """The Indikator rows of Pengukuran Kinerja about `code`, in sheet order."""
    index = _memo("measurement_rows", report, None, lambda: _measurement_index(report))
    return list(index.get(code_key(code), ()))


def _kegiatan_index(report: Report) -> dict[str, list[PkRow]]:
    index: dict[str, list[PkRow]] = {}
    for r in report.pk_rows:
        if r.role is _KEGIATAN:
            index.setdefault(code_key(r.kode_indikator.text), []).append(r)
    return index


def pk_kegiatan(report: Report, code: str) -> list[PkRow]:
    """The Kegiatan rows of Lampiran II under indicator `code`, in sheet order."""
    index = _memo("pk_kegiatan", report, None, lambda: _kegiatan_index(report))
    return list(index.get(code_key(code), ()))


# Polarities by code, per report: rows ask for their polarity one by one, and a scan of the
# tables per row is quadratic on large workbooks. Keyed by identity (a Report is immutable);
# the last few reports are kept.
_POLARITIES: list[tuple[Report, dict[str, Polarity], dict[str, Polarity]]] = []
_POLARITIES_KEPT = 4


def _polarities(report: Report) -> tuple[dict[str, Polarity], dict[str, Polarity]]:
    """(Tabel VI.1 polarity by casefolded code, Lampiran II Indikator row Polaritas by
    casefolded code), first row of a code winning, as `Report.indicator` and
    `Report.pk_indicator` find them."""
    for cached, rpjmd, pk in _POLARITIES:
        if cached is report:
            return rpjmd, pk
    rpjmd_first: dict[str, Polarity | None] = {}
    for ind in report.indicators:
        rpjmd_first.setdefault(ind.code.strip().casefold(), ind.polarity)
    pk_first: dict[str, Polarity | None] = {}
    for row in report.pk_rows:
        if row.role is _INDIKATOR:
            pk_first.setdefault(row.kode_indikator.text.strip().casefold(), row.polarity)
    rpjmd = {k: v for k, v in rpjmd_first.items() if v is not None}
    pk = {k: v for k, v in pk_first.items() if v is not None}
    _POLARITIES.insert(0, (report, rpjmd, pk))
    del _POLARITIES[_POLARITIES_KEPT:]
    return rpjmd, pk


def polarity_of(report: Report, code: str) -> tuple[Polarity, bool]:
    """The indicator's polarity from Tabel VI.1, Positif when not stated (and whether stated)."""
    polarity = _polarities(report)[0].get(code.strip().casefold()) if code else None
    if polarity is not None:
        return polarity, True
    return _POSITIVE, False


def row_polarity(report: Report, row: PkRow | MeasurementRow) -> tuple[Polarity, bool]:
    """The polarity a row's capaian is computed with, and whether it is stated (not assumed).

    The row's own Polaritas first; else an Indikator row (Lampiran II or Pengukuran Kinerja)
    takes its indicator's (`polarity_of`), and any other row (Kegiatan, Program) is Positif,
    an assumption (not stated).
    """
    own = row.polarity
    if own is not None:
        return own, True
    if row.role is _INDIKATOR:
        code = row.codes[0] if isinstance(row, MeasurementRow) and row.codes else (
            row.kode_indikator.text)
        if not code:
            return _POSITIVE, False
        own_pk = _polarities(report)[1].get(code.strip().casefold())
        if own_pk is not None:
            return own_pk, True
        return polarity_of(report, code)
    return _POSITIVE, False


def _indicator_polarity(report: Report, code: str, pk: PkRow | None) -> tuple[Polarity, bool]:
    """An indicator's polarity: its Lampiran II Indikator row's Polaritas, else Tabel VI.1."""
    if pk is not None and pk.polarity is not None:
        return pk.polarity, True
    return polarity_of(report, code)


def final_target(report: Report, ind: Indicator | None) -> Cell | None:
    """The end-of-period target: the Periode Akhir year column, else the last year column,
    else Kondisi Akhir."""
    if ind is None:
        return None
    end = report.identity.periode_akhir.value
    if end is not None and (cell := ind.target_for(int(end))) is not None and _usable(cell):
        return cell
    for _, cell in reversed(ind.targets):
        if _usable(cell):
            return cell
    return ind.kondisi_akhir if _usable(ind.kondisi_akhir) else None


def basis_target(report: Report, fig: IndicatorFigures | None, basis: Basis) -> Cell | None:
    """The target an indicator's capaian against `basis` is measured by, when the workbook
    holds it elsewhere: the agreed (PK) target, the RPJMD target of the year, the final
    target. Last year's realisation and national standards are only on the row itself."""
    if fig is None:
        return None
    if basis is _BASIS_PK:
        return fig.target
    if basis is _BASIS_RPJMD:
        return fig.rpjmd_target if _usable(fig.rpjmd_target) else None
    if basis is _BASIS_END_OF_PERIOD:
        return final_target(report, fig.rpjmd)
    return None


def row_capaian(target: Cell | None, realisasi: Cell | None, polarity: Polarity, stated: bool,
                settings: Settings) -> Computation:
    """The capaian from one target and one realisation (reasons when not computable)."""
    if target is None or not (target.number.is_usable or target.number.is_predicate):
        return Computation(None, None, "", "no-target")
    if realisasi is None or not (realisasi.number.is_usable or realisasi.number.is_predicate):
        return Computation(None, None, "", "no-realisation")
    return capaian(target.number, realisasi.number, polarity, settings.negative_formula,
                   settings.decimals, polarity_stated=stated,
                   **settings.conventions)


def _usable(cell: Cell | None) -> bool:
    return cell is not None and cell.number.is_usable


def indicator_figures(report: Report, settings: Settings) -> dict[str, IndicatorFigures]:
    """Figures for every indicator code of the workbook, keyed by `code_key`, in order.
    Computed once per report and settings (a copy of the dict is returned)."""
    return dict(_memo("indicator_figures", report, settings,
                      lambda: _indicator_figures(report, settings)))


def _first_by_code(report: Report) -> tuple[dict[str, Indicator], dict[str, PkRow]]:
    """(Tabel VI.1 row, Lampiran II Indikator row) by casefolded code, the first of a code
    winning: what `Report.indicator` and `Report.pk_indicator` find, without a scan per
    code."""
    rpjmd: dict[str, Indicator] = {}
    for ind in report.indicators:
        rpjmd.setdefault(ind.code.casefold(), ind)
    pk: dict[str, PkRow] = {}
    for row in report.pk_rows:
        if row.role is _INDIKATOR:
            pk.setdefault(row.kode_indikator.text.casefold(), row)
    return rpjmd, pk


def _indicator_figures(report: Report, settings: Settings) -> dict[str, IndicatorFigures]:
    result: dict[str, IndicatorFigures] = {}
    year = report.identity.year
    rpjmd_by_code, pk_by_code = _first_by_code(report)
    for code in report.indicator_codes:
        key = code_key(code)
        if key in result:
            continue
        folded = code.strip().casefold()
        rpjmd = rpjmd_by_code.get(folded)
        pk = pk_by_code.get(folded)
        rpjmd_target = rpjmd.target_for(year) if rpjmd and year else None
        target = pk.target if pk and _usable(pk.target) else (
            rpjmd_target if _usable(rpjmd_target) else None)
        if target is None and pk is not None and pk.target.number.is_predicate:
            target = pk.target
        realisasi = _realisation(report, code, pk, target)
        polarity, stated = _indicator_polarity(report, code, pk)
        if target is not None and realisasi is not None:
            comp = capaian(target.number, realisasi.number, polarity,
                           settings.negative_formula, settings.decimals,
                           polarity_stated=stated, **settings.conventions)
        else:
            comp = Computation(None, None, "", "no-target" if target is None else "no-realisation")
        name_cell = (pk.indikator if pk and not pk.indikator.is_blank else
                     rpjmd.indikator if rpjmd else None)
        result[key] = IndicatorFigures(
            code=code,
            name=name_cell.text if name_cell else "",
            sasaran=(pk.sasaran.text if pk and not pk.sasaran.is_blank
                     else rpjmd.sasaran.text if rpjmd else ""),
            satuan=(pk.satuan.text if pk and not pk.satuan.is_blank
                    else rpjmd.satuan.text if rpjmd else ""),
            polarity=polarity,
            polarity_stated=stated,
            rpjmd=rpjmd,
            pk=pk,
            target=target,
            realisasi=realisasi,
            rpjmd_target=rpjmd_target,
            computation=comp,
        )
    return result


def _realisation(report: Report, code: str, pk: PkRow | None, target: Cell | None
                 ) -> Cell | None:
    """The realisation measured against the agreed target.

    The PK row's own realisation first; else the Pengukuran Kinerja statement whose target is
    the agreed one (several statements: the first in sheet order). A realisation stated
    against another target measures something else, so it is not paired with the agreed
    target: the capaian is then not computable, and the cross-table rules say why.
    """
    if pk is not None and (_usable(pk.realisasi) or pk.realisasi.number.is_predicate):
        return pk.realisasi
    rows = [m for m in measurement_rows(report, code)
            if _usable(m.realisasi) and m.basis is _BASIS_PK]
    if target is None:
        return rows[0].realisasi if rows else None
    for m in rows:
        if _same_target(m.target, target):
            return m.realisasi
    return None


def _same_target(a: Cell, b: Cell) -> bool:
    na, nb = a.number, b.number
    if na.is_range or nb.is_range:
        return (na.low, na.high) == (nb.low, nb.high)
    return na.value is not None and na.value == nb.value


# --- efficiency ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Efficiency:
    """Capaian against serapan: the ratio (efficiency index) and the difference readings."""

    capaian: float | None
    capaian_formula: str
    serapan: float | None
    serapan_formula: str
    ratio: float | None  # capaian / serapan, rounded to RATIO_DECIMALS
    difference: float | None  # capaian - serapan, rounded to Desimal

    @property
    def ratio_formula(self) -> str:
        return f"{fmt(self.capaian)} / {fmt(self.serapan)}"

    @property
    def difference_formula(self) -> str:
        return f"{fmt(self.capaian)} - {fmt(self.serapan)}"


def efficiency(capaian_: Computation, serapan: Computation, decimals: int = 2) -> Efficiency:
    """Both readings of efficiency from a capaian and a serapan (each as shown, rounded)."""
    c, s = capaian_.rounded, serapan.rounded
    ratio = round_half_up(c / s, RATIO_DECIMALS) if c is not None and s else None
    diff = round_half_up(c - s, decimals) if c is not None and s is not None else None
    return Efficiency(c, capaian_.formula, s, serapan.formula, ratio, diff)


@dataclass(frozen=True, slots=True)
class SasaranEfficiency:
    """One sasaran: the mean capaian of its indicators against the serapan of the budget that
    serves them."""

    sasaran: str  # as written (the first spelling met)
    codes: tuple[str, ...]  # its indicators, in order
    missing: tuple[str, ...]  # indicators whose capaian cannot be computed (left out)
    pagu: float | None
    realisasi: float | None
    budget_rows: tuple[str, ...]  # the cells the amounts come from
    efficiency: Efficiency


def _amount(report: Report, rows: Sequence[PkRow], attr: str) -> float | None:
    values = [getattr(r, attr).number.value for r in rows]
    if not values or any(v is None for v in values):
        return None
    return math.fsum(v for v in values if v is not None)


def program_amounts(report: Report, program: PkRow) -> tuple[float | None, float | None, str]:
    """A Lampiran II program's (anggaran, realisasi anggaran, where): stated on its Program
    row (else its first Jumlah row), else the sum of its Kegiatan rows, else the Keuangan
    Program row matched to it (its own amounts, else the sum of its Rincian)."""
    from .rules.consistency import _pk_program_amount, program_matches

    found: list[float | None] = []
    where = ""
    for attr in ("anggaran", "realisasi_anggaran"):
        cell = _pk_program_amount(report, program, attr)
        if cell is not None:
            found.append(cell.number.value)
            where = where or str(cell.ref)
            continue
        kegiatan = [r for r in report.pk_rows
                    if r.role is _KEGIATAN and r.program_row == program.row]
        value = _amount(report, kegiatan, attr)
        found.append(value)
        if value is not None:
            where = where or str(program.program_kegiatan.ref or program.baris.ref)
    if found[0] is not None and found[1] is not None:
        return found[0], found[1], where
    for match in program_matches(report):
        if match is None or match.pk.row != program.row:
            continue
        row = match.budget
        amounts = []
        for attr in ("pagu", "realisasi"):
            own = getattr(row, attr).number.value
            if own is None:
                rincian = [getattr(r, attr).number.value for r in report.budget_rows
                           if r.role is _RINCIAN and r.program_row == row.row]
                own = math.fsum(v for v in rincian if v is not None) if rincian and all(
                    v is not None for v in rincian) else None
            amounts.append(own)
        if amounts[0] is not None and amounts[1] is not None:
            return amounts[0], amounts[1], str(row.uraian.ref or row.baris.ref)
    return found[0], found[1], where


def served_codes(report: Report, program: PkRow) -> tuple[str, ...]:
    """The indicators a Lampiran II program serves: its Kegiatan rows' (and its own) codes."""
    codes = [program.kode_indikator.text] if program.kode_indikator.text else []
    codes += [r.kode_indikator.text for r in report.pk_rows
              if r.role is _KEGIATAN and r.program_row == program.row
              and r.kode_indikator.text]
    return tuple(dict.fromkeys(codes))


def mean_capaian(figures: Sequence[IndicatorFigures], decimals: int = 2
                 ) -> tuple[Computation, tuple[str, ...]]:
    """The mean of the indicators' computed capaian as shown (each rounded), and the codes
    left out because their capaian cannot be computed."""
    used = [f.computation.rounded for f in figures if f.computation.rounded is not None]
    missing = tuple(f.code for f in figures if f.computation.rounded is None)
    if not used:
        return Computation(None, None, "", "no-target"), missing
    if len(used) == 1:
        v = used[0]
        return Computation(v, v, fmt(v, decimals)), missing
    return mean([v for v in used if v is not None], decimals), missing


def budget_for(report: Report, codes: Sequence[str]) -> tuple[float | None, float | None,
                                                              tuple[str, ...]]:
    """(pagu, realisasi, cells) of the budget serving these indicators.

    The Kegiatan rows that serve them, when every one states both amounts; else the budget
    printed on their own Lampiran II Indikator rows (`indicator_budget_rows`); else the whole
    programs that serve them (a program serving several sasaran counts for each)."""
    keys = {code_key(c) for c in codes}
    kegiatan = [r for r in report.pk_rows
                if r.role is _KEGIATAN and code_key(r.kode_indikator.text) in keys]
    pagu, real = _amount(report, kegiatan, "anggaran"), _amount(report, kegiatan,
                                                                "realisasi_anggaran")
    if pagu is not None and real is not None:
        return pagu, real, tuple(str(r.anggaran.ref) for r in kegiatan)
    own = indicator_budget_rows(report, codes)
    if own:
        pagu, real = _amount(report, own, "anggaran"), _amount(report, own,
                                                               "realisasi_anggaran")
        if pagu is not None and real is not None:
            return pagu, real, tuple(str(r.anggaran.ref) for r in own)
    programs = [p for p in report.pk_rows if p.role is _PROGRAM
                and keys & {code_key(c) for c in served_codes(report, p)}]
    amounts = [program_amounts(report, p) for p in programs]
    if not amounts or any(a is None or b is None for a, b, _ in amounts):
        return None, None, ()
    return (math.fsum(a for a, _, _ in amounts if a is not None),
            math.fsum(b for _, b, _ in amounts if b is not None),
            tuple(w for _, _, w in amounts if w))


def indicator_budget_rows(report: Report, codes: Sequence[str]) -> list[PkRow]:
    """The Lampiran II Indikator rows that carry the budget of these indicators themselves
    (Anggaran and Realisasi Anggaran on the Indikator row, as central agencies print their
    PK), or [] when some indicator is not covered.

    An indicator is covered by its own row (the first of its code) when that row states both
    amounts, or by the row of another indicator of the same sasaran among `codes` that does
    (a sasaran's budget printed once, on one of its indicator rows)."""
    keys = {code_key(c) for c in codes}
    first: dict[str, PkRow] = {}
    for r in report.pk_rows:
        if r.role is _INDIKATOR and (k := code_key(r.kode_indikator.text)) in keys:
            first.setdefault(k, r)
    carrying = [r for r in first.values() if r.anggaran.number.value is not None
                and r.realisasi_anggaran.number.value is not None]
    if not carrying or set(first) != keys:
        return []
    sasaran = {normalise(r.sasaran.text) for r in carrying if r.sasaran.text}
    covered = {k for k, r in first.items()
               if r in carrying or (r.sasaran.text and normalise(r.sasaran.text) in sasaran)}
    return carrying if covered == keys else []


def sasaran_efficiency(report: Report, settings: Settings,
                       figures: dict[str, IndicatorFigures] | None = None
                       ) -> tuple[SasaranEfficiency, ...]:
    """Efficiency per sasaran, in the order sasaran first appear.

    Indicators are grouped by their Sasaran text (normalised). Capaian: the mean of their
    computed capaian as shown (indicators that cannot be computed are left out and listed).
    Serapan: realisasi / pagu x 100 of the budget serving them (`budget_for`). Both readings:
    ratio capaian / serapan and difference capaian - serapan. Pure: no I/O.
    """
    figures = figures if figures is not None else indicator_figures(report, settings)
    groups: dict[str, list[IndicatorFigures]] = {}
    labels: dict[str, str] = {}
    for fig in figures.values():
        key = normalise(fig.sasaran)
        groups.setdefault(key, []).append(fig)
        labels.setdefault(key, fig.sasaran)
    result = []
    for key, group in groups.items():
        comp, missing = mean_capaian(group, settings.decimals)
        codes = tuple(f.code for f in group)
        pagu, real, cells = budget_for(report, codes)
        serapan = percentage(real, pagu, settings.decimals)
        result.append(SasaranEfficiency(labels[key], codes, missing, pagu, real, cells,
                                        efficiency(comp, serapan, settings.decimals)))
    return tuple(result)
