"""Cross-table consistency rules: the same figure stated in two tables must agree.

Joins go by `Kode Indikator` (`analysis.code_key`: 'IK-1', 'ik 1' and 'IK1' are one
indicator); budget programs by Kode, else by normalised name.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..analysis import (
    IndicatorFigures,
    _memo,
    basis_target,
    code_key,
    indicator_figures,
    measurement_rows,
    row_capaian,
    row_polarity,
)
from ..formulas import Computation, digits_typo
from ..model import BudgetRow, Cell, Indicator, MeasurementRow, PkRow, Report, Settings
from ..numbers import Number, float_slack
from ..schema import Accumulation, Basis, RowRole, normalise
from .base import Finding, RuleContext, Severity, localised_list
from .capaian import agrees, fmt_stated, stated_decimals
from .define import rule
from .totals import plain_number

# Enum members as module constants: `RowRole.KEGIATAN` looks the member up on the enum
# class (0.1 to 0.25 us in Python 3.11), a module constant is one dict lookup; the loops
# over every row of a report ask for them thousands of times.
_BASIS_END_OF_PERIOD = Basis.END_OF_PERIOD
_BASIS_PK = Basis.PK
_INDIKATOR = RowRole.INDIKATOR
_JUMLAH = RowRole.JUMLAH
_PROGRAM = RowRole.PROGRAM

_MAX_EXPLANATION = 120
NAME_SIMILARITY = 0.9  # difflib ratio above which two program names are taken as one


def _shown(number: Number) -> str:
    """A number or range as text for a message."""
    if number.is_range:
        return f"{plain_number(number.low)}-{plain_number(number.high)}"
    return plain_number(number.value)


def _value(number: Number) -> float | str | None:
    """What goes in Finding.stated/expected: the number, or the range as text."""
    return _shown(number) if number.is_range else number.value


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def same_figure(a: Number, b: Number) -> bool:
    """Two stated figures agree: equal numbers, or equal ranges (a range and a number differ)."""
    if a.is_range and b.is_range:
        assert a.low is not None and a.high is not None
        assert b.low is not None and b.high is not None
        return _close(a.low, b.low) and _close(a.high, b.high)
    if a.value is not None and b.value is not None:
        return _close(a.value, b.value)
    return False


def _usable(cell: Cell | None) -> bool:
    return cell is not None and cell.ref is not None and cell.number.is_usable


def _difference(a: Number, b: Number) -> float | None:
    if a.value is None or b.value is None:
        return None
    return round(a.value - b.value, 9)


def _pk_indicators(report: Report) -> dict[str, PkRow]:
    """The first Lampiran II Indikator row of each indicator, by code_key."""
    result: dict[str, PkRow] = {}
    for row in report.pk_rows:
        if row.role is _INDIKATOR and row.kode_indikator.text:
            result.setdefault(code_key(row.kode_indikator.text), row)
    return result


def _rpjmd_indicators(report: Report) -> dict[str, Indicator]:
    result: dict[str, Indicator] = {}
    for ind in report.indicators:
        if ind.code:
            result.setdefault(code_key(ind.code), ind)
    return result


def _sumber(text: str, fallback: str) -> str:
    return text or fallback


# --- XTB001 -----------------------------------------------------------------------------------


@rule("XTB001", "measurement-vs-pk", Severity.ERROR)
def measurement_vs_pk(ctx: RuleContext) -> Iterator[Finding]:
    """A target or realisation in Pengukuran Kinerja differs from the signed PK (Lampiran II).

    Each Pengukuran Kinerja `Indikator` row is joined to the Lampiran II `Indikator` row with
    the same Kode Indikator; its Target (and its Realisasi, when the PK row states one) must be
    the same figure. Ranges compare as ranges. When the two figures differ in one digit or by
    two swapped digits, the message says it is the likely typo (594 vs 694); when the PK
    figure is further off but the same indicator's figure stated in another Pengukuran
    Kinerja row is one digit away, the message names that statement as the likely original.
    A row measured against another basis (`Terhadap` other than Target PK: Target RPJMD,
    Target Akhir Periode, Tahun Lalu, Standar Nasional) states another target by design: only
    its Realisasi is compared; not even that for a `Target Akhir Periode` row of an indicator
    Perbandingan calls `Kumulatif`, whose realisation is the sum to date (CMP003). Reported at
    the Pengukuran Kinerja cell, naming the PK cell; no fix (a human decides which is right).
    """
    pk = _pk_indicators(ctx.report)
    for m in ctx.report.measurements:
        if m.role is not _INDIKATOR or len(m.codes) != 1:
            continue
        row = pk.get(code_key(m.codes[0]))
        if row is None:
            continue
        siblings = [s for s in measurement_rows(ctx.report, m.codes[0]) if s.basis is m.basis]
        # A row measured against another basis (Target RPJMD, Tahun Lalu, ...) states another
        # target by design: only its realisasi must be the PK's. A cumulative indicator's
        # row against Target Akhir Periode states the sum to date (CMP003 checks it).
        quantities = (("Target", "target"), ("Realisasi", "realisasi")) \
            if m.basis is _BASIS_PK else () if _cumulative_to_date(ctx.report, m) \
            else (("Realisasi", "realisasi"),)
        for quantity, attr in quantities:
            mine: Cell = getattr(m, attr)
            theirs: Cell = getattr(row, attr)
            if not (_usable(mine) and _usable(theirs)) or same_figure(mine.number, theirs.number):
                continue
            others = [getattr(s, attr) for s in siblings if s.row != m.row]
            yield _xtb001_finding(ctx, m.codes[0], quantity, m.sumber.text, mine, theirs, others)


def _cumulative_to_date(report: Report, m: MeasurementRow) -> bool:
    """A row against Target Akhir Periode of an indicator Perbandingan calls Kumulatif."""
    if m.basis is not _BASIS_END_OF_PERIOD:
        return False
    row = report.comparison(m.codes[0])
    return row is not None and row.accumulation is Accumulation.CUMULATIVE


def _typo_of(mine: Cell, candidates: Sequence[Cell], majority: bool = False
             ) -> tuple[str, Cell] | None:
    """The first candidate figure that `mine` is a one-digit or swapped-digit slip of.

    With `majority`, only a figure stated more often than `mine` among the candidates (and
    `mine`) counts as the original: of 594, 594 and 694 the odd one out is the slip."""
    a = mine.number.value
    if a is None:
        return None
    values = [c.number.value for c in candidates]
    for cell in candidates:
        b = cell.number.value
        if b is None or cell.ref is None or not (kind := digits_typo(a, b)):
            continue
        if not majority or values.count(b) > values.count(a) + 1:
            return kind, cell
    return None


def _xtb001_finding(ctx: RuleContext, code: str, quantity: str, sumber: str, mine: Cell,
                    theirs: Cell, others: Sequence[Cell]) -> Finding:
    """Name both cells; when `mine` looks like a typo of the PK figure, or else of the same
    figure stated elsewhere in Pengukuran Kinerja (694 for 594), say so."""
    assert mine.ref is not None and theirs.ref is not None
    a, b = mine.number, theirs.number
    params = {"code": code, "quantity": quantity, "sumber": _sumber(sumber, "-"),
              "stated": _shown(a), "pk": _shown(b), "pk_cell": str(theirs.ref)}
    related = [str(theirs.ref)]
    key = "rule.XTB001.plain"
    if (typo := _typo_of(mine, [theirs])) is not None:
        key = f"rule.XTB001.typo_{typo[0].replace('-', '_')}"
    elif (typo := _typo_of(mine, others, majority=True)) is not None:
        kind, other = typo
        key = f"rule.XTB001.elsewhere_{kind.replace('-', '_')}"
        params.update(other=_shown(other.number), other_cell=str(other.ref))
        related.append(str(other.ref))
    return ctx.finding(
        mine.ref, key, params=params, stated=_value(a), expected=_value(b),
        difference=_difference(a, b), tolerance=0.0,
        formula=f"{theirs.ref}",
        inputs=((str(mine.ref), _value(a)), (str(theirs.ref), _value(b))),
        related=tuple(related),
    )


# --- XTB002 -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Statement:
    sumber: str
    cell: Cell
    basis: Basis
    own: Computation | None = None  # from the row's own target and realisasi, when it has both

    @property
    def value(self) -> float:
        v = self.cell.number.value
        assert v is not None
        return v


def _own(report: Report, settings: Settings, row: MeasurementRow | PkRow) -> Computation | None:
    """The capaian a row's own target and realisasi give (its own polarity), or None."""
    t, r = row.target.number, row.realisasi.number
    if not ((t.is_usable or t.is_predicate) and (r.is_usable or r.is_predicate)):
        return None
    polarity, stated = row_polarity(report, row)
    comp = row_capaian(row.target, row.realisasi, polarity, stated, settings)
    return comp if comp.ok else None


def _stating_rows(report: Report, code: str, pk: PkRow | None
                  ) -> list[tuple[Basis, MeasurementRow | PkRow]]:
    """(basis, row) of every row stating a capaian of one indicator: Pengukuran Kinerja rows,
    then Lampiran II."""
    found: list[tuple[Basis, MeasurementRow | PkRow]] = [
        (m.basis, m) for m in measurement_rows(report, code) if _states(m.capaian)]
    if pk is not None and _states(pk.capaian):
        found.append((_BASIS_PK, pk))
    return found


def _statement(report: Report, settings: Settings, basis: Basis,
               row: MeasurementRow | PkRow) -> _Statement:
    """The stated capaian of `row` (`_stating_rows`), with its own computation."""
    sumber = _sumber(row.sumber.text, f"Pengukuran Kinerja {row.row}") \
        if isinstance(row, MeasurementRow) else "Lampiran II"
    return _Statement(sumber, row.capaian, basis, _own(report, settings, row))


def _states(cell: Cell) -> bool:
    """A capaian cell that states a value (only those are statements)."""
    return cell.ref is not None and cell.number.value is not None


def _basis_computation(report: Report, settings: Settings, fig: IndicatorFigures,
                       basis: Basis) -> Computation | None:
    """The indicator's capaian against `basis` from the figures the workbook holds."""
    if basis is _BASIS_PK:
        return fig.computation if fig.computation.ok else None
    target = basis_target(report, fig, basis)
    if target is None or fig.realisasi is None:
        return None
    comp = row_capaian(target, fig.realisasi, fig.polarity, fig.polarity_stated, settings)
    return comp if comp.ok else None


def _matches(s: _Statement, comp: Computation | None, settings: Settings) -> bool:
    return comp is not None and comp.exact is not None and _agrees_with(s.cell, comp.exact,
                                                                        settings)


def _agrees_with(cell: Cell, exact: float, settings: Settings) -> bool:
    """Whether a stated capaian (`_states`) agrees with `exact` (`capaian.agrees`)."""
    n = cell.number
    assert n.value is not None
    return agrees(n.value, stated_decimals(n), exact, settings)


@rule("XTB002", "capaian-disagreement", Severity.ERROR)
def capaian_disagreement(ctx: RuleContext) -> Iterator[Finding]:
    """One indicator's capaian is stated differently in different places of the report.

    Gathers every stated capaian of an indicator (each Pengukuran Kinerja `Indikator` row,
    whatever its `Sumber`, plus a Capaian on its Lampiran II Indikator row) and compares only
    those of the same basis (`Terhadap`: Target PK when blank, Target RPJMD, Target Akhir
    Periode, Tahun Lalu, Standar Nasional): 96,50 against the annual target and 88,20 against
    the end-of-period target are two different figures, not a contradiction.

    Within one basis, a statement is right when it agrees (at its own decimals, or within
    `Toleransi`) with the capaian computed for the indicator against that basis (the agreed
    PK target and realisation for Target PK; the Tabel VI.1 target of the year or of the
    period's end for the RPJMD bases) or with the capaian its own row's target and realisasi
    give. A row whose own figures give its stated capaian is never wrong because another row
    says otherwise (a different target there is XTB001's business). When at least two are
    stated and some statement matches no computation, one finding at that statement lists
    every statement, names the ones that match nothing and shows each computation: "72,40 in
    Bab III 3.2 matches no computation; 3.3 computes 65,13 = 1100 / 1689". Only when no
    computation is possible at all and the statements differ does the message say the capaian
    cannot be computed.

    ERROR, not WARNING: a report that prints two different capaian for one indicator against
    one target is wrong in at least one place. The capaian rules report each wrong cell with
    its own target and realisasi; this finding shows the whole picture in one place.
    """
    figures = indicator_figures(ctx.report, ctx.settings)
    pk = _pk_indicators(ctx.report)
    tol = ctx.settings.tolerance + 1e-9
    for key, fig in figures.items():
        rows = _stating_rows(ctx.report, fig.code, pk.get(key))
        if len(rows) < 2:
            continue
        bases = dict.fromkeys(basis for basis, _ in rows)
        for basis in bases:
            # the rows' own computations only for a basis stated at least twice
            stating = [row for b, row in rows if b is basis]
            if len(stating) < 2:
                continue
            computed = _basis_computation(ctx.report, ctx.settings, fig, basis)
            if computed is not None and computed.exact is not None and all(
                    _agrees_with(row.capaian, computed.exact, ctx.settings)
                    for row in stating):
                continue  # every statement is right by the computation: none is wrong
            stated = [_statement(ctx.report, ctx.settings, basis, row) for row in stating]
            own = [s for s in stated if s.own is not None]
            if computed is None and not own:
                values = [s.value for s in stated]
                if max(values) - min(values) > tol:
                    yield _xtb002_finding(ctx, fig, basis, stated, stated, None, [])
                continue
            # With the basis computation: a statement is right by it or by its own row. With
            # none: by any row's own computation (the chapters' figures decide).
            wrong = [s for s in stated
                     if not _matches(s, computed, ctx.settings)
                     and not _matches(s, s.own, ctx.settings)
                     and (computed is not None
                          or not any(_matches(s, o.own, ctx.settings) for o in own))]
            if wrong:
                yield _xtb002_finding(ctx, fig, basis, stated, wrong, computed, own)


def _xtb002_finding(ctx: RuleContext, fig: IndicatorFigures, basis: Basis,
                    stated: Sequence[_Statement], wrong: Sequence[_Statement],
                    computed: Computation | None, own: Sequence[_Statement]) -> Finding:
    first = wrong[0]
    assert first.cell.ref is not None
    label = fig.code if basis is _BASIS_PK else f"{fig.code} [{basis.value}]"
    # Lists inside the message: numbers the way of each language, Sumber as typed.
    listing = localised_list("listing", "rule.XTB002.item", (
        {"sumber": s.sumber, "value": plain_number(s.value), "cell": str(s.cell.ref)}
        for s in stated))
    wrong_text = localised_list("wrong", "rule.XTB002.wrong_item", (
        {"sumber": s.sumber, "value": fmt_stated(s.cell.number)} for s in wrong))
    row_items = [{"sumber": s.sumber, "computed": plain_number(s.own.rounded),
                  "formula": s.own.formula}
                 for s in own if s.own is not None and s not in wrong]
    inputs: list[tuple[str, float | str | None]] = [(str(s.cell.ref), s.value) for s in stated]
    if computed is not None:
        key = "rule.XTB002.plain"
        expected: float | None = computed.rounded
        formula = computed.formula
        if basis is _BASIS_PK:
            for cell in (fig.target, fig.realisasi):
                if cell is not None and cell.ref is not None:
                    inputs.append((str(cell.ref), _value(cell.number)))
    elif own:
        key = "rule.XTB002.rows"
        source = next((s.own for s in own if s not in wrong), own[0].own)
        assert source is not None
        expected, formula = source.rounded, source.formula
        if not row_items:
            row_items = [{"sumber": s.sumber, "computed": plain_number(s.own.rounded),
                          "formula": s.own.formula} for s in own if s.own is not None]
    else:
        key, expected, formula = "rule.XTB002.no_computed", None, ""
    rows = localised_list("rows", "rule.XTB002.row_item", row_items)
    params = {"code": label, "n": str(len(stated)), **listing, **wrong_text, **rows,
              "computed": plain_number(expected), "formula": formula}
    return ctx.finding(
        first.cell.ref, key, params=params, stated=first.value, expected=expected,
        difference=(round(first.value - expected, 9) if expected is not None else None),
        tolerance=ctx.settings.tolerance, formula=formula, inputs=tuple(inputs),
        related=tuple(str(s.cell.ref) for s in stated if s is not first),
    )


# --- XTB003 / XTB004 --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _PkVsRpjmd:
    code: str
    pk: Cell
    rpjmd: Cell
    explanation: str


# Words that make a Keterangan an explanation of a target difference. Keterangan also holds
# ordinary notes (how a cell was written in the source, other figures in it): those do not
# explain anything. An empty list makes any text count as an explanation.
EXPLANATION_WORDS = ("rpjmd", "renstra", "dpa", "perubahan", "revisi", "penyesuaian",
                     "disesuaikan", "menyesuaikan", "refocusing", "realokasi", "pergeseran",
                     "karena", "disebabkan", "sebab", "alasan")


def _explains(text: str, words: Sequence[str]) -> bool:
    if not text:
        return False
    if not words:
        return True
    return _explanation_pattern(tuple(words)).search(text.casefold()) is not None


@functools.lru_cache(maxsize=64)
def _explanation_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` starting a word (compiled once per list of words, not per text)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w.casefold()) for w in words) + ")")


def _explanation_words(ctx: RuleContext) -> tuple[str, ...]:
    words = ctx.options.get("explanation_words", EXPLANATION_WORDS)
    if isinstance(words, str):
        words = [w.strip() for w in words.split(",")]
    return tuple(str(w) for w in words if str(w).strip())


def _pk_vs_rpjmd(report: Report, words: Sequence[str]) -> Iterator[_PkVsRpjmd]:
    """Every indicator whose PK target differs from its Tabel VI.1 target for Tahun Laporan."""
    year = report.identity.year
    if year is None:
        return
    rpjmd = _rpjmd_indicators(report)
    for key, row in _pk_indicators(report).items():
        ind = rpjmd.get(key)
        target = ind.target_for(year) if ind is not None else None
        if ind is None or target is None or not (_usable(row.target) and _usable(target)):
            continue
        if same_figure(row.target.number, target.number):
            continue
        explanation = next((t for t in (row.keterangan.text, ind.keterangan.text)
                            if _explains(t, words)), "")
        yield _PkVsRpjmd(row.kode_indikator.text, row.target, target, explanation)


def _pk_vs_rpjmd_finding(ctx: RuleContext, item: _PkVsRpjmd, key: str) -> Finding:
    assert item.pk.ref is not None and item.rpjmd.ref is not None
    a, b = item.pk.number, item.rpjmd.number
    text = item.explanation
    if len(text) > _MAX_EXPLANATION:
        text = text[:_MAX_EXPLANATION - 1] + "…"
    params = {"code": item.code, "pk": _shown(a), "rpjmd": _shown(b),
              "rpjmd_cell": str(item.rpjmd.ref), "year": str(ctx.report.identity.year),
              "explanation": text}
    return ctx.finding(
        item.pk.ref, key, params=params, stated=_value(a), expected=_value(b),
        difference=_difference(a, b), tolerance=0.0, formula=f"{item.rpjmd.ref}",
        inputs=((str(item.pk.ref), _value(a)), (str(item.rpjmd.ref), _value(b))),
        related=(str(item.rpjmd.ref),),
    )


@rule("XTB003", "pk-vs-rpjmd-target", Severity.WARNING,
      options={"explanation_words": EXPLANATION_WORDS})
def pk_vs_rpjmd_target(ctx: RuleContext) -> Iterator[Finding]:
    """The PK target differs from the RPJMD (Tabel VI.1) target of Tahun Laporan, unexplained.

    A PK target may differ from the RPJMD/Renstra target of the same year, but the report must
    say why (evaluators look for exactly this). The Lampiran II Indikator row's target is
    compared with the Tabel VI.1 target in the column of Tahun Laporan, joined by Kode
    Indikator; ranges compare as ranges.

    When the Keterangan of the PK row or of the Tabel VI.1 row explains the difference, it is
    reported by XTB004 (INFO) instead. Keterangan also holds ordinary notes ("the cell reads
    45% (37,428)"), so a Keterangan counts as an explanation only when it uses one of the
    words of option `explanation_words` (rpjmd, renstra, dpa, perubahan, revisi, penyesuaian,
    karena, ...; whole-word prefixes, case ignored). Set it to an empty list to let any text
    count; set the same list for XTB003 and XTB004.
    """
    for item in _pk_vs_rpjmd(ctx.report, _explanation_words(ctx)):
        if not item.explanation:
            yield _pk_vs_rpjmd_finding(ctx, item, "rule.XTB003.plain")


@rule("XTB004", "pk-vs-rpjmd-explained", Severity.INFO,
      options={"explanation_words": EXPLANATION_WORDS})
def pk_vs_rpjmd_explained(ctx: RuleContext) -> Iterator[Finding]:
    """The PK target differs from the RPJMD target of Tahun Laporan, with an explanation.

    The same comparison as XTB003, for differences the workbook explains in the Keterangan of
    the Lampiran II Indikator row or of the Tabel VI.1 row (see XTB003 for what counts as an
    explanation: option `explanation_words`); the message quotes the explanation so that a
    reviewer can judge it.
    """
    for item in _pk_vs_rpjmd(ctx.report, _explanation_words(ctx)):
        if item.explanation:
            yield _pk_vs_rpjmd_finding(ctx, item, "rule.XTB004.plain")


# --- XTB005 -----------------------------------------------------------------------------------


def _final_target(report: Report, ind: Indicator) -> tuple[int, Cell] | None:
    """The target of Periode Akhir, else of the last year column."""
    end = report.identity.periode_akhir.value
    if end is not None and (cell := ind.target_for(int(end))) is not None:
        return int(end), cell
    return ind.targets[-1] if ind.targets else None


def _cumulative_sum(report: Report, ind: Indicator, akhir: Cell) -> bool:
    """The Kondisi Akhir of an indicator Perbandingan calls Kumulatif is the sum of its yearly
    targets (each year's amount), not the last year's target."""
    from ..multiyear import summed_targets

    row = report.comparison(ind.code) if ind.code else None
    if row is None or row.accumulation is not Accumulation.CUMULATIVE:
        return False
    summed = summed_targets(ind)
    return summed is not None and akhir.number.value is not None \
        and abs(akhir.number.value - summed[0]) <= 1e-9 * max(1.0, abs(summed[0]))


@rule("XTB005", "kondisi-akhir-vs-final-target", Severity.WARNING)
def kondisi_akhir_vs_final_target(ctx: RuleContext) -> Iterator[Finding]:
    """Tabel VI.1: the Kondisi Akhir differs from the target of the period's last year.

    The condition at the end of the RPJMD period is the target of its last year (Periode
    Akhir, else the last year column). Ranges compare as ranges. An indicator Perbandingan
    calls `Kumulatif` (yearly amounts that add up) may state the sum of its yearly targets
    instead. No fix: either figure may be the wrong one.
    """
    for ind in ctx.report.indicators:
        final = _final_target(ctx.report, ind)
        if final is None:
            continue
        year, target = final
        akhir = ind.kondisi_akhir
        if not (_usable(akhir) and _usable(target)) or same_figure(akhir.number,
                                                                      target.number):
            continue
        if _cumulative_sum(ctx.report, ind, akhir):
            continue
        assert akhir.ref is not None and target.ref is not None
        a, b = akhir.number, target.number
        params = {"code": ind.code or f"{ind.row}", "akhir": _shown(a), "target": _shown(b),
                  "year": str(year), "target_cell": str(target.ref)}
        yield ctx.finding(
            akhir.ref, "rule.XTB005.plain", params=params, stated=_value(a), expected=_value(b),
            difference=_difference(a, b), tolerance=0.0, formula=f"{target.ref}",
            inputs=((str(akhir.ref), _value(a)), (str(target.ref), _value(b))),
            related=(str(target.ref),),
        )


# --- XTB006 / XTB007 --------------------------------------------------------------------------

BY_CODE = "code"
BY_NAME = "name"
BY_CONTAINMENT = "containment"
BY_SIMILARITY = "similarity"
_LEADING_WORDS = ("jumlah", "program")


def program_key(name: str) -> str:
    """A program name for matching: normalised, without a leading 'Jumlah' and 'Program'."""
    key = normalise(name)
    for word in _LEADING_WORDS:
        if key.startswith(word) and len(key) > len(word):
            key = key[len(word):]
    return key


def _is_program_code(code: str) -> bool:
    """A Kode that identifies a program; a bare row number ("1", "12.") does not."""
    key = normalise(code)
    return bool(key) and not (key.isdigit() and len(key) <= 2)


@dataclass(frozen=True, slots=True)
class _Match:
    budget: BudgetRow
    pk: PkRow
    how: str  # BY_CODE / BY_NAME / BY_CONTAINMENT / BY_SIMILARITY


@dataclass(frozen=True, slots=True)
class _Programs:
    """Lampiran II programs indexed for matching (built once, not once per Keuangan row)."""

    by_code: dict[str, list[PkRow]]  # normalised Kode -> programs, in sheet order
    named: list[tuple[PkRow, str]]  # (program, program_key) with a non-empty key
    by_key: dict[str, list[PkRow]]  # program_key -> programs, in sheet order


def _program_index(programs: Sequence[PkRow]) -> _Programs:
    by_code: dict[str, list[PkRow]] = {}
    by_key: dict[str, list[PkRow]] = {}
    named = []
    for p in programs:
        by_code.setdefault(normalise(p.kode.text), []).append(p)
        k = program_key(p.program_kegiatan.text)
        if k:
            named.append((p, k))
            by_key.setdefault(k, []).append(p)
    return _Programs(by_code, named, by_key)


def _match_program(row: BudgetRow, programs: Sequence[PkRow], index: _Programs | None = None
                   ) -> _Match | None:
    """The Lampiran II program a Keuangan Program row is about, and how it was matched.
    `index`: `_program_index(programs)`, when the caller matches many rows."""
    index = index if index is not None else _program_index(programs)
    if _is_program_code(row.kode.text):
        by_code = index.by_code.get(normalise(row.kode.text), [])
        if len(by_code) == 1:
            return _Match(row, by_code[0], BY_CODE)
    key = program_key(row.uraian.text)
    if not key:
        return None
    named = index.named
    exact = index.by_key.get(key)
    if exact:
        return _Match(row, exact[0], BY_NAME) if len(exact) == 1 else None
    contained = [p for p, k in named if k in key or key in k]
    if len(contained) == 1:
        return _Match(row, contained[0], BY_CONTAINMENT)
    if contained:
        return None
    similar: list[PkRow] = []
    matcher = difflib.SequenceMatcher(None, "", key)  # `key`'s index built once, not per name
    for p, k in named:
        matcher.set_seq1(k)
        # real_quick_ratio and quick_ratio are upper bounds of ratio: a name below them is
        # below the threshold without the full comparison (the same names are taken)
        if matcher.real_quick_ratio() >= NAME_SIMILARITY \
                and matcher.quick_ratio() >= NAME_SIMILARITY \
                and matcher.ratio() >= NAME_SIMILARITY:
            similar.append(p)
    if len(similar) == 1:
        return _Match(row, similar[0], BY_SIMILARITY)
    return None


def _jumlah_rows(report: Report) -> dict[int | None, list[PkRow]]:
    """Lampiran II Jumlah rows by the row of their Program, in sheet order."""
    index: dict[int | None, list[PkRow]] = {}
    for row in report.pk_rows:
        if row.role is _JUMLAH:
            index.setdefault(row.program_row, []).append(row)
    return index


def _pk_program_amount(report: Report, program: PkRow, attr: str) -> Cell | None:
    """A program's stated amount: on its Program row, else on its first Jumlah row."""
    cell: Cell = getattr(program, attr)
    if cell.number.value is not None:
        return cell
    for row in _memo("consistency.jumlah_rows", report, None, lambda: _jumlah_rows(report)
                     ).get(program.row, ()):
        if row.role is _JUMLAH and row.program_row == program.row:
            cell = getattr(row, attr)
            if cell.number.value is not None:
                return cell
    return None


def program_matches(report: Report) -> list[_Match | None]:
    """Each Keuangan Program row's match, in sheet order; computed once per report (XTB006,
    XTB007 and `analysis.program_amounts` share them)."""
    return _memo("consistency.program_matches", report, None, lambda: _program_matches(report))


def _program_matches(report: Report) -> list[_Match | None]:
    programs = [r for r in report.pk_rows if r.role is _PROGRAM]
    if not programs:
        return []
    index = _program_index(programs)
    return [_match_program(row, programs, index) for row in report.budget_rows
            if row.role is _PROGRAM]


def _budget_vs_pk(ctx: RuleContext, loose: bool) -> Iterator[Finding]:
    for match in program_matches(ctx.report):
        if match is None or (match.how in (BY_CONTAINMENT, BY_SIMILARITY)) is not loose:
            continue
        for quantity, mine_attr, theirs_attr in (("Pagu", "pagu", "anggaran"),
                                                 ("Realisasi", "realisasi",
                                                  "realisasi_anggaran")):
            mine: Cell = getattr(match.budget, mine_attr)
            theirs = _pk_program_amount(ctx.report, match.pk, theirs_attr)
            if mine.number.value is None or mine.ref is None or theirs is None \
                    or theirs.ref is None:
                continue
            assert theirs.number.value is not None
            diff = mine.number.value - theirs.number.value
            if abs(diff) <= ctx.settings.money_tolerance + float_slack(theirs.number.value):
                continue
            yield _budget_finding(ctx, match, quantity, mine, theirs, round(diff, 2))


def _budget_finding(ctx: RuleContext, match: _Match, quantity: str, mine: Cell, theirs: Cell,
                    diff: float) -> Finding:
    assert mine.ref is not None and theirs.ref is not None
    params = {"quantity": quantity, "name": match.budget.uraian.text or match.budget.kode.text,
              "stated": plain_number(mine.number.value), "pk": plain_number(theirs.number.value),
              "pk_name": match.pk.program_kegiatan.text or match.pk.kode.text,
              "pk_cell": str(theirs.ref), "difference": plain_number(diff)}
    code = "XTB007" if match.how in (BY_CONTAINMENT, BY_SIMILARITY) else "XTB006"
    return ctx.finding(
        mine.ref, f"rule.{code}.{match.how}", params=params, stated=mine.number.value,
        expected=theirs.number.value, difference=diff, tolerance=ctx.settings.money_tolerance,
        formula=f"{theirs.ref}",
        inputs=((str(mine.ref), mine.number.value), (str(theirs.ref), theirs.number.value)),
        related=(str(theirs.ref),),
    )


@rule("XTB006", "budget-vs-pk-anggaran", Severity.ERROR)
def budget_vs_pk_anggaran(ctx: RuleContext) -> Iterator[Finding]:
    """A Keuangan Program's Pagu (or Realisasi) differs from the same program in Lampiran II.

    Each Keuangan `Program` row is matched to a Lampiran II `Program` row by Kode (a bare row
    number such as "1" is not a program code), else by name: normalised (case, spaces and
    punctuation ignored) and without a leading "Jumlah" and "Program". Its Pagu must equal
    the Lampiran II program's Anggaran, and its Realisasi the program's Realisasi Anggaran, when
    both are stated (the program's first Jumlah row stands in for a blank Program row), within
    `money_tolerance` rupiah. The message says how the two were matched. Matches by a name
    contained in the other, or by a merely similar name, are less certain: XTB007 reports them.
    """
    yield from _budget_vs_pk(ctx, loose=False)


@rule("XTB007", "budget-vs-pk-anggaran-loose-match", Severity.WARNING)
def budget_vs_pk_anggaran_loose(ctx: RuleContext) -> Iterator[Finding]:
    """Like XTB006, for programs matched only by a partial or similar name.

    When no Kode or exact name matches, a Keuangan Program is paired with the one Lampiran II
    program whose normalised name contains its name or is contained in it, else the one whose
    name is at least 90% similar (typos such as "Rmah"). Words such as "Lainnya" (other) can
    make such a pair two different programs, so a difference is a WARNING that names both.
    """
    yield from _budget_vs_pk(ctx, loose=True)


RULES = (measurement_vs_pk, capaian_disagreement, pk_vs_rpjmd_target, pk_vs_rpjmd_explained,
         kondisi_akhir_vs_final_target, budget_vs_pk_anggaran, budget_vs_pk_anggaran_loose)
