"""Pair rules: this year's report against the previous year's (`check --previous`, batches).

These rules take two reports, so they are not run by `engine.check_report` but by
`engine.check_pair` (registry: `rules.pair_rules()`). Every finding sits on this year's
workbook (file, sheet, cell) and names the previous year's file and cell, written the way
Excel writes a cell of another workbook: `[lkjip_2022.xlsx]Lampiran II!H5`.

Indicators are joined by `Kode Indikator` (`analysis.code_key`: 'IK-1', 'ik 1' and 'IK1' are
one indicator). When the two reports belong to different RPJMD periods (Periode Awal or Akhir
differ), a new plan begins: targets are not compared, and indicators that disappear or are
renamed are reported as info.

A note explains a change when this year's `Keterangan` on the row holds text that last
year's row did not (a note written this year); the finding is then info and quotes the note,
so that the reviewer can judge it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..analysis import _memo, code_key
from ..model import Cell, CellRef, Indicator, Report
from ..numbers import Number
from ..schema import Basis, RowRole, normalise
from .base import Finding, RuleContext, Severity
from .capaian import stated_decimals
from .define import rule
from .totals import plain_number


@dataclass(frozen=True, slots=True)
class PairContext(RuleContext):
    """A pair rule's context: this year's report (`report`) and last year's (`previous`)."""

    previous: Report | None = None

    @property
    def prev(self) -> Report:
        assert self.previous is not None
        return self.previous

    @property
    def previous_file(self) -> str:
        return str(self.prev.path)


def external_ref(report: Report, ref: CellRef | None, sheet: str = "") -> str:
    """A cell of another workbook as Excel writes it: `[name.xlsx]Sheet!A1`."""
    where = str(ref) if ref is not None else sheet
    return f"[{report.path.name}]{where}"


# --- shared helpers ----------------------------------------------------------------------------


def _shown(number: Number) -> str:
    if number.is_range:
        return f"{plain_number(number.low)}-{plain_number(number.high)}"
    return plain_number(number.value)


def _value(cell: Cell) -> float | str | None:
    n = cell.number
    if n.is_range:
        return _shown(n)
    if n.value is not None:
        return n.value
    return cell.text or None


def _shown_cell(cell: Cell) -> str:
    n = cell.number
    if n.is_range or n.value is not None:
        return _shown(n)
    return cell.text or "-"


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _same_value(a: Cell, b: Cell) -> bool:
    """Two cells state the same figure: equal numbers (a figure written with fewer decimals,
    one at least, is right at its own precision: 70,15 for 70,152, but 70 for 70,4 is not),
    equal ranges, or the same words; two blanks are the same."""
    na, nb = a.number, b.number
    if a.is_blank and b.is_blank:
        return True
    if na.is_range or nb.is_range:
        return na.is_range and nb.is_range and _close(na.low or 0, nb.low or 0) \
            and _close(na.high or 0, nb.high or 0)
    if na.value is not None and nb.value is not None:
        if _close(na.value, nb.value):
            return True
        digits = min(stated_decimals(na), stated_decimals(nb))
        if digits == 0:  # 70 for 70,4 is another figure, not the same one rounded
            return False
        return _close(round(na.value, digits), round(nb.value, digits)) and \
            abs(na.value - nb.value) < 10 ** -digits
    return normalise(a.text) == normalise(b.text) and bool(normalise(a.text))


def _difference(a: Cell, b: Cell) -> float | None:
    va, vb = a.number.value, b.number.value
    if va is None or vb is None or a.number.is_range or b.number.is_range:
        return None
    return round(va - vb, 9)


@dataclass(frozen=True, slots=True)
class _Coded:
    """One indicator of a report by its code_key: the code as first written, its name cell
    and code cell (Tabel VI.1's, else the first Lampiran II Indikator row's), its Tabel VI.1
    row (None when only Lampiran II lists it), and whether Lampiran II lists it."""

    code: str
    name: Cell
    code_cell: Cell
    rpjmd: Indicator | None
    in_pk: bool


def _coded(report: Report) -> dict[str, _Coded]:
    """Every indicator of Tabel VI.1 and the Lampiran II Indikator rows, by code_key, built
    once per report (the pair rules look it up for both reports many times)."""
    def build() -> dict[str, _Coded]:
        found: dict[str, _Coded] = {}
        for ind in report.indicators:
            if ind.code:
                found.setdefault(code_key(ind.code),
                                 _Coded(ind.code, ind.indikator, ind.kode_indikator, ind, False))
        for row in report.pk_rows:
            code = row.kode_indikator.text
            if row.role is not RowRole.INDIKATOR or not code:
                continue
            key = code_key(code)
            if key in found:
                found[key] = replace(found[key], in_pk=True)
            else:
                found[key] = _Coded(code, row.indikator, row.kode_indikator, None, True)
        return found

    return _memo("prv.coded", report, None, build)  # type: ignore[no-any-return]


def _indicators(report: Report) -> dict[str, Indicator]:
    """code_key -> its Tabel VI.1 row."""
    return {k: c.rpjmd for k, c in _coded(report).items() if c.rpjmd is not None}


def _names(report: Report) -> dict[str, tuple[str, Cell]]:
    """code_key -> (code as written, the cell with the indicator's name): Tabel VI.1 first,
    then the Lampiran II Indikator rows."""
    return {k: (c.code, c.name) for k, c in _coded(report).items()}


def _listed(report: Report, other: Report) -> dict[str, tuple[str, Cell]]:
    """`_names(report)` limited to the tables `other` fills too: an indicator of last year's
    Tabel VI.1 is not 'gone' from a workbook that has no Tabel VI.1 at all (an excerpt, a
    PK-only workbook), only from one that lists its indicators there."""
    theirs = _coded(other).values()
    tabel = any(c.rpjmd is not None for c in theirs)
    pk = any(c.in_pk for c in theirs)
    return {k: (c.code, c.name) for k, c in _coded(report).items()
            if (tabel and c.rpjmd is not None) or (pk and c.in_pk)}


def code_links(report: Report, previous: Report) -> dict[str, str]:
    """This year's indicators joined to last year's: code_key -> last year's code_key. The
    same code; else, for a code new this year, the one indicator of last year whose code is
    gone and whose name is the same (case, spaces and punctuation aside): an indicator
    renumbered (IK-1 -> IK-01, 1.1 -> IKU-1) is still the same indicator."""
    now, before = _names(report), _names(previous)
    links = {k: k for k in now if k in before}
    gone: dict[str, list[str]] = {}
    for k, (_, name) in before.items():
        if k not in now and normalise(name.text):
            gone.setdefault(normalise(name.text), []).append(k)
    fresh: dict[str, list[str]] = {}
    for k, (_, name) in now.items():
        if k not in links and normalise(name.text):
            fresh.setdefault(normalise(name.text), []).append(k)
    for name, keys in fresh.items():
        if len(keys) == 1 and len(gone.get(name, ())) == 1:
            links[keys[0]] = gone[name][0]
    return links


def _links(ctx: PairContext) -> dict[str, str]:
    return ctx.memo("prv.links", lambda: code_links(ctx.report, ctx.prev))  # type: ignore[no-any-return]


def _code_cells(report: Report) -> dict[str, Cell]:
    """code_key -> the cell where the code is written (Tabel VI.1, else Lampiran II)."""
    return {k: c.code_cell for k, c in _coded(report).items()}


def _keterangan(report: Report, key: str) -> Cell | None:
    """This indicator's Keterangan: Tabel VI.1's, else its Lampiran II Indikator row's."""
    coded = _coded(report).get(key)
    ind = coded.rpjmd if coded is not None else None
    if ind is not None and not ind.keterangan.is_blank:
        return ind.keterangan
    for row in report.pk_rows:
        if row.role is RowRole.INDIKATOR and code_key(row.kode_indikator.text) == key \
                and not row.keterangan.is_blank:
            return row.keterangan
    return None


def _new_note(current: Cell | None, previous: Cell | None) -> Cell | None:
    """This year's note, when it is one written this year (not last year's text again)."""
    if current is None or current.is_blank:
        return None
    if previous is not None and normalise(previous.text) == normalise(current.text):
        return None
    return current


def same_period(a: Report, b: Report) -> bool:
    """Both reports belong to the same RPJMD period (unknown bounds do not differ)."""
    for x, y in ((a.identity.periode_awal, b.identity.periode_awal),
                 (a.identity.periode_akhir, b.identity.periode_akhir)):
        if x.value is not None and y.value is not None and x.value != y.value:
            return False
    return True


def _period(report: Report) -> str:
    i = report.identity
    return f"{i.periode_awal.text or '?'}-{i.periode_akhir.text or '?'}"


# --- PRV001 ------------------------------------------------------------------------------------


def last_year_realisasi(previous: Report, key: str) -> tuple[Cell, str] | None:
    """Last year's realisation of one indicator as its own report states it: the Lampiran II
    Indikator row's Realisasi, else the first Pengukuran Kinerja Indikator row measured
    against Target PK. With the place it was taken from ('Lampiran II', 'Pengukuran
    Kinerja')."""
    for row in previous.pk_rows:
        if row.role is RowRole.INDIKATOR and code_key(row.kode_indikator.text) == key \
                and row.realisasi.ref is not None and row.realisasi.number.is_usable:
            return row.realisasi, "Lampiran II"
    for m in previous.measurements:
        if m.role is RowRole.INDIKATOR and len(m.codes) == 1 and code_key(m.codes[0]) == key \
                and m.basis is Basis.PK and m.realisasi.ref is not None \
                and m.realisasi.number.is_usable:
            return m.realisasi, "Pengukuran Kinerja"
    return None


def _stated_earlier(report: Report) -> Iterator[tuple[str, int, Cell, str]]:
    """(code, year, cell, where) of every realisation of an earlier year this report states:
    Perbandingan's year columns, and the Target of a Pengukuran Kinerja row measured against
    Tahun Lalu (last year's realisation, by definition)."""
    year = report.identity.year
    for row in report.comparisons:
        code = row.kode_indikator.text
        if not code:
            continue
        for y, cell in sorted(row.realisasi_by_year.items()):
            if year is None or y < year:
                yield code, y, cell, "Perbandingan"
    if year is None:
        return
    for m in report.measurements:
        if m.role is RowRole.INDIKATOR and len(m.codes) == 1 and m.basis is Basis.LAST_YEAR:
            yield m.codes[0], year - 1, m.target, "Pengukuran Kinerja"


@rule("PRV001", "previous-realisasi-mismatch", Severity.WARNING)
def previous_realisasi_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A realisation of an earlier year differs from the one the earlier report states.

    This year's report states last year's realisation ("realisasi n-1") in the `Perbandingan`
    year columns (`Realisasi 2022` in a 2023 report) and as the Target of a Pengukuran Kinerja
    row measured against `Tahun Lalu`. It must equal last year's realisation as last year's
    report states it: its Lampiran II Indikator row's Realisasi, else its first Pengukuran
    Kinerja Indikator row measured against Target PK. Realisations of older years (n-2, n-3,
    ...) stated in both reports' `Perbandingan` sheets must agree too. A figure written with
    fewer decimals is right at its own precision (70,15 for 70,152). Reported at this year's
    cell, naming last year's file and cell; no fix (a revised figure needs a note, and a human
    decides which is right).
    """
    assert isinstance(ctx, PairContext)
    prev = ctx.prev
    prev_year = prev.identity.year
    links = _links(ctx)
    older: dict[tuple[str, int], Cell] = {}
    for row in prev.comparisons:
        for y, cell in row.realisasi_by_year.items():
            if prev_year is None or y < prev_year:
                older.setdefault((code_key(row.kode_indikator.text), y), cell)
    for code, year, cell, where in _stated_earlier(ctx.report):
        if cell.ref is None or cell.is_blank:
            continue
        key = code_key(code)
        key = links.get(key, key)
        if prev_year is not None and year == prev_year:
            found = last_year_realisasi(prev, key)
            if found is None:
                continue
            theirs, source = found
        elif (key, year) in older and not older[(key, year)].is_blank:
            theirs, source = older[(key, year)], "Perbandingan"
        else:
            continue
        if theirs.ref is None or _same_value(cell, theirs):
            continue
        ref = external_ref(prev, theirs.ref)
        yield ctx.finding(
            cell.ref, "rule.PRV001.plain",
            params={"code": code, "year": year, "where": where, "stated": _shown_cell(cell),
                    "other": _shown_cell(theirs), "previous": ctx.previous_file,
                    "other_cell": str(theirs.ref), "source": source},
            stated=_value(cell), expected=_value(theirs), difference=_difference(cell, theirs),
            tolerance=0.0, formula=ref,
            inputs=((str(cell.ref), _value(cell)), (ref, _value(theirs))),
            related=(ref,))


# --- PRV002 ------------------------------------------------------------------------------------


def _target_cells(ind: Indicator) -> list[tuple[str, Cell]]:
    cells = [("Kondisi Awal", ind.kondisi_awal)]
    cells.extend((str(y), cell) for y, cell in ind.targets)
    cells.append(("Kondisi Akhir", ind.kondisi_akhir))
    return cells


@rule("PRV002", "rpjmd-target-changed", Severity.WARNING)
def rpjmd_target_changed(ctx: RuleContext) -> Iterator[Finding]:
    """An RPJMD target in Tabel VI.1 changed since last year's report without a note.

    Within one RPJMD period the targets do not change silently: for every indicator in both
    reports' Tabel VI.1 (same Kode Indikator), Kondisi Awal, Kondisi Akhir and every year
    column present in both must hold the same figure (ranges as ranges, words as words; a
    figure written with fewer decimals is right at its own precision). A target revised with
    the plan (a Renstra review, an RPJMD amendment) is explained in this year's Keterangan
    of the row: a note written this year makes the finding info, quoting the note; without
    one it is a warning. Not checked when the two reports belong to different RPJMD periods
    (a new plan has new targets). Reported at this year's cell, naming last year's.
    """
    assert isinstance(ctx, PairContext)
    prev = ctx.prev
    if not same_period(ctx.report, prev):
        return
    before = _indicators(prev)
    links = _links(ctx)
    for ind in ctx.report.indicators:
        old = before.get(links.get(code_key(ind.code), "")) if ind.code else None
        if old is None:
            continue
        old_cells = dict(_target_cells(old))
        note = _new_note(ind.keterangan, old.keterangan)
        for label, cell in _target_cells(ind):
            theirs = old_cells.get(label)
            if theirs is None or theirs.ref is None or cell.ref is None \
                    or _same_value(cell, theirs):
                continue
            where = cell.ref
            ref = external_ref(prev, theirs.ref)
            params = {"code": ind.code, "what": label, "stated": _shown_cell(cell),
                      "other": _shown_cell(theirs), "previous": ctx.previous_file,
                      "other_cell": str(theirs.ref)}
            if note is not None:
                params["note"] = note.text
            yield ctx.finding(
                where, "rule.PRV002.explained" if note is not None else "rule.PRV002.plain",
                sheet=ctx.report.sheet_names.get("Tabel VI.1", "Tabel VI.1"),
                severity=Severity.INFO if note is not None else None,
                params=params, stated=_value(cell), expected=_value(theirs),
                difference=_difference(cell, theirs), tolerance=0.0, formula=ref,
                inputs=((str(where), _value(cell)), (ref, _value(theirs))),
                related=(ref,) + ((str(note.ref),) if note is not None and note.ref else ()))


# --- PRV003 / PRV004 / PRV005 ----------------------------------------------------------------


def _mentions(report: Report, code: str) -> Cell | None:
    """The first Keterangan of this report that names `code` (as a word: 'IK-3' is not in
    'IK-30')."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(code.strip())}(?![\w])", re.IGNORECASE)
    cells: list[Cell] = [ind.keterangan for ind in report.indicators]
    cells.extend(r.keterangan for r in report.pk_rows)
    cells.extend(m.keterangan for m in report.measurements)
    cells.extend(r.keterangan for r in report.comparisons)
    for cell in cells:
        if not cell.is_blank and pattern.search(cell.text):
            return cell
    return None


@rule("PRV003", "indicator-removed", Severity.WARNING)
def indicator_removed(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator of last year's report is gone this year without a note.

    Every Kode Indikator of last year's Tabel VI.1 or Lampiran II (Indikator rows) must
    appear in this year's report (only the tables this year's workbook fills are compared:
    a workbook without a Tabel VI.1 loses no RPJMD indicator), or a Keterangan of this year's
    report (Tabel VI.1, Lampiran II, Pengukuran Kinerja, Perbandingan) must name the code,
    saying what became of it (replaced, merged, dropped with the Renstra review): then the
    finding is info, naming the note. Info too when a new RPJMD period begins. An indicator
    renumbered (its code gone, a new code with the very same name, one each) is the same
    indicator: info, at its new code cell, and the other pair rules compare it under its new
    code. Reported on this year's Tabel VI.1 (no cell: the row is gone), naming last year's
    cell.
    """
    assert isinstance(ctx, PairContext)
    prev = ctx.prev
    now = set(_names(ctx.report))
    if not now:
        return  # a report with no indicator at all: the input rules say so
    new_period = not same_period(ctx.report, prev)
    cells = _code_cells(prev)
    sheet = ctx.report.sheet_names.get("Tabel VI.1", "Tabel VI.1")
    recoded = {old: new for new, old in _links(ctx).items() if new != old}
    now_names, now_cells = _names(ctx.report), _code_cells(ctx.report)
    for key, (code, name) in _listed(prev, ctx.report).items():
        if key in recoded:  # the same indicator under a new code
            new_code = now_names[recoded[key]][0]
            here = now_cells.get(recoded[key])
            old = cells.get(key)
            ref = external_ref(prev, old.ref if old is not None else None, "Tabel VI.1")
            yield ctx.finding(
                here.ref if here is not None else None, "rule.PRV003.recoded", sheet=sheet,
                severity=Severity.INFO,
                params={"code": code, "new_code": new_code, "name": name.text or "-",
                        "previous": ctx.previous_file,
                        "other_cell": str(old.ref) if old is not None and old.ref else "-"},
                stated=new_code, expected=code, formula=ref, inputs=((ref, code),),
                related=(ref,))
            continue
        if key in now:
            continue
        note = _mentions(ctx.report, code)
        old = cells.get(key)
        ref = external_ref(prev, old.ref if old is not None else None, "Tabel VI.1")
        params = {"code": code, "name": name.text or "-", "previous": ctx.previous_file,
                  "other_cell": str(old.ref) if old is not None and old.ref else "-"}
        if note is not None:
            key_ = "rule.PRV003.noted"
            params["note"] = note.text
            params["note_cell"] = str(note.ref) if note.ref else "-"
        elif new_period:
            key_ = "rule.PRV003.new_period"
            params["period"] = _period(ctx.report)
        else:
            key_ = "rule.PRV003.plain"
        yield ctx.finding(
            None, key_, sheet=sheet,
            severity=Severity.INFO if note is not None or new_period else None,
            params=params, stated=None, expected=code, formula=ref,
            inputs=((ref, code),),
            related=(ref,) + ((str(note.ref),) if note is not None and note.ref else ()))


@rule("PRV004", "indicator-renamed", Severity.WARNING)
def indicator_renamed(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator kept its Kode Indikator but changed its name without a note.

    The name of each indicator (Tabel VI.1's Indikator Kinerja, else Lampiran II's) is
    compared with last year's for the same code, case, spaces and punctuation aside. A new
    name may be a new indicator under an old code, whose figures then do not compare with
    last year's: this year's Keterangan of the row (a note written this year) should say so;
    then the finding is info, quoting the note. Info too when a new RPJMD period begins.
    Reported at this year's name cell, naming last year's.
    """
    assert isinstance(ctx, PairContext)
    prev = ctx.prev
    before = _names(prev)
    new_period = not same_period(ctx.report, prev)
    for key, (code, name) in _names(ctx.report).items():
        old = before.get(key)
        if old is None or name.is_blank or old[1].is_blank or name.ref is None:
            continue
        if normalise(name.text) == normalise(old[1].text):
            continue
        note = _new_note(_keterangan(ctx.report, key), _keterangan(prev, key))
        ref = external_ref(prev, old[1].ref)
        params = {"code": code, "name": name.text, "old_name": old[1].text,
                  "previous": ctx.previous_file,
                  "other_cell": str(old[1].ref) if old[1].ref else "-"}
        if note is not None:
            key_ = "rule.PRV004.explained"
            params["note"] = note.text
        elif new_period:
            key_ = "rule.PRV004.new_period"
            params["period"] = _period(ctx.report)
        else:
            key_ = "rule.PRV004.plain"
        yield ctx.finding(
            name.ref, key_, severity=Severity.INFO if note is not None or new_period else None,
            params=params, stated=name.text, expected=old[1].text, formula=ref,
            inputs=((str(name.ref), name.text), (ref, old[1].text)),
            related=(ref,) + ((str(note.ref),) if note is not None and note.ref else ()))


@rule("PRV005", "indicator-new", Severity.INFO)
def indicator_new(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator of this year's report was not in last year's report.

    Every Kode Indikator of this year's Tabel VI.1 or Lampiran II (Indikator rows) that last
    year's report does not have is listed, so that the reviewer sees the indicator set change
    (no earlier realisation to compare with). Info. Reported at this year's code cell.
    """
    assert isinstance(ctx, PairContext)
    before = set(_names(ctx.prev))
    if not before:
        return
    cells = _code_cells(ctx.report)
    links = _links(ctx)
    for key, (code, name) in _listed(ctx.report, ctx.prev).items():
        if key in before or key in links:
            continue
        cell = cells.get(key)
        yield ctx.finding(
            cell.ref if cell is not None else None, "rule.PRV005.plain",
            sheet=ctx.report.sheet_names.get("Tabel VI.1", "Tabel VI.1"),
            params={"code": code, "name": name.text or "-", "previous": ctx.previous_file},
            stated=code, formula="", inputs=())


RULES = (previous_realisasi_mismatch, rpjmd_target_changed, indicator_removed,
         indicator_renamed, indicator_new)
