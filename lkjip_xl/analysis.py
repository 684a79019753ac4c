"""Per-indicator figures resolved across sheets: the agreed target, the realisation, the computed
capaian. Shared by the rules, the corrected workbook's Ringkasan and the Excel layer, so all
three compute the same thing the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from .formulas import Computation, capaian
from .model import Cell, Indicator, MeasurementRow, PkRow, Report, Settings
from .schema import Polarity, RowRole, normalise


def code_key(code: str) -> str:
    """'IK-1', 'ik 1' and 'IK1' are the same indicator."""
    return normalise(code)


@dataclass(frozen=True, slots=True)
class IndicatorFigures:
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


def measurement_rows(report: Report, code: str) -> list[MeasurementRow]:
    key = code_key(code)
    return [
        m for m in report.measurements
        if m.role is RowRole.INDIKATOR and key in {code_key(c) for c in m.codes}
    ]


def pk_kegiatan(report: Report, code: str) -> list[PkRow]:
    key = code_key(code)
    return [
        r for r in report.pk_rows
        if r.role is RowRole.KEGIATAN and code_key(r.kode_indikator.text) == key
    ]


def polarity_of(report: Report, code: str) -> tuple[Polarity, bool]:
    """The indicator's polarity from Tabel VI.1, Positif when not stated (and whether stated)."""
    ind = report.indicator(code) if code else None
    if ind is not None and ind.polarity is not None:
        return ind.polarity, True
    return Polarity.POSITIVE, False


def _usable(cell: Cell | None) -> bool:
    return cell is not None and cell.number.is_usable


def indicator_figures(report: Report, settings: Settings) -> dict[str, IndicatorFigures]:
    """Figures for every indicator code of the workbook, keyed by `code_key`, in order."""
    result: dict[str, IndicatorFigures] = {}
    year = report.identity.year
    for code in report.indicator_codes:
        key = code_key(code)
        if key in result:
            continue
        rpjmd = report.indicator(code)
        pk = report.pk_indicator(code)
        rpjmd_target = rpjmd.target_for(year) if rpjmd and year else None
        target = pk.target if pk and _usable(pk.target) else (
            rpjmd_target if _usable(rpjmd_target) else None)
        realisasi = _realisation(report, code, pk, target)
        polarity, stated = polarity_of(report, code)
        if target is not None and realisasi is not None:
            comp = capaian(target.number, realisasi.number, polarity,
                           settings.negative_formula, settings.decimals)
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
    if pk is not None and _usable(pk.realisasi):
        return pk.realisasi
    rows = [m for m in measurement_rows(report, code) if _usable(m.realisasi)]
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
