"""Capaian rules (CAP): recompute every stated capaian and every budget percentage.

Where a derived figure is stated:
- Lampiran II: every `Kegiatan` row (its own Target and Realisasi; Positif unless the row's
  own Polaritas says otherwise: activity outputs are "more is better" even under a negative
  indicator), and any other row (Indikator, Program, Jumlah, Total) that states a Capaian
  next to its own Target and Realisasi (an Indikator row with its indicator's polarity);
- Pengukuran Kinerja: every `Indikator` row that states a Target or a Realisasi of its own. The
  expected value uses the indicator's AGREED target (the Lampiran II Indikator row's target)
  when the row's own target looks like a typing slip of it (694 for 594) in the same unit,
  and the row's own realisasi (or the indicator's realisasi when the row states none). A row
  measured against another basis (`Terhadap`: Target RPJMD, Target Akhir Periode, ...) keeps
  its own target, or takes that basis's target from Tabel VI.1 when it states none. A row
  that states only a capaian is left to the cross-table "capaian disagreement" rule, except
  for an indicator whose capaian depends on a polarity nobody states (a ratio target): that
  statement is checked against every polarity's formula;
- Keuangan: every row that states a Persentase (Rincian, Program, Jumlah, Total alike: the
  percentage of a total row is recomputed from the totals it states).

Every stated value is compared with the value computed by `formulas.capaian` (or
`formulas.percentage`) and sorted into exactly one outcome: equal (nothing to say), truncated
instead of rounded (CAP002, once per workbook), rounded to fewer decimals (CAP003), within the
tolerance, or a mismatch (CAP001 / CAP006), whose message says what most likely happened.

`checks(report, settings)` builds a check for every derived cell; the rules share
`scan(report, settings)`, which builds one only for a cell they can report on (a stated value
plainly right, as most are, gives only its precision). `truncated_cells(ctx)` gives the fixer
the cells CAP002 is about, with their correct values.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any, Protocol

from ..analysis import (
    IndicatorFigures,
    basis_target,
    code_key,
    indicator_figures,
    polarity_of,
    row_polarity,
)
from ..config import unit_key
from ..formulas import (
    Computation,
    NotComputable,
    capaian,
    digits_typo,
    fmt,
    percentage,
    round_half_up,
    rounded_percent,
    truncate,
)
from ..model import Cell, CellRef, MeasurementRow, PkRow, Report, Settings
from ..numbers import NOTE_PREDICATE, RATIO_PREFIX, Number, NumberSource
from ..schema import Basis, Capping, NegativeFormula, Polarity, RangeReading, RowRole
from .base import Action, Finding, Fix, RuleContext, Severity, Value, localised_list
from .define import rule

# Enum members as module constants: `RowRole.KEGIATAN` looks the member up on the enum
# class (0.1 to 0.25 us in Python 3.11), a module constant is one dict lookup; the loops
# over every row of a report ask for them thousands of times.
_BASIS_PK = Basis.PK
_NEGATIVE = Polarity.NEGATIVE
_POSITIVE = Polarity.POSITIVE
_INDIKATOR = RowRole.INDIKATOR
_KEGIATAN = RowRole.KEGIATAN

_MAX_DECIMALS = 10  # a float's written decimals are inferred up to this many


# --- comparing a stated value with a computed one ----------------------------------------------

def _eq(a: float, b: float) -> bool:
    """Equal up to float noise (1e-9 relative)."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def stated_decimals(number: Number) -> int:
    """How many decimals a stated value was written with: as typed for text, else the fewest
    decimals that reproduce the float (149.0 -> 0, 93.05 -> 2)."""
    if number.decimals is not None:
        return number.decimals
    assert number.value is not None
    return _float_decimals(number.value)


@lru_cache(maxsize=8192)
def _float_decimals(value: float) -> int:
    """Cached: every CAP rule asks again for the same stated values."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return min(max(0, -exponent), _MAX_DECIMALS)


def fmt_stated(number: Number) -> str:
    """A stated value as written, decimals included: '98.70' for '98,70'."""
    if number.value is None:
        return "-"
    return fmt(number.value, stated_decimals(number))


def agrees(stated: float, decimals_stated: int, exact: float, settings: Settings) -> bool:
    """Whether `stated` is an acceptable writing of `exact`: rounded or truncated to the
    decimals it was written with, or within the tolerance of the workbook's rounding."""
    return (_eq(stated, round_half_up(exact, decimals_stated))
            or _eq(stated, truncate(exact, decimals_stated))
            or abs(stated - round_half_up(exact, settings.decimals))
            <= settings.tolerance + 1e-9)


class Outcome(StrEnum):
    OK = "ok"
    TRUNCATED = "truncated"  # CAP002
    ROUNDED = "rounded"  # CAP003: fewer decimals than the workbook's
    MISMATCH = "mismatch"  # CAP001 / CAP006


def classify(stated: Number, exact: float, settings: Settings,
             rounded: float | None = None) -> Outcome:
    """Sort a stated value against the exact computed one. `rounded`: `exact` rounded half up
    to the workbook's decimals, when the caller has it (a Computation's `rounded`)."""
    assert stated.value is not None
    s, ds, dec = stated.value, stated_decimals(stated), settings.decimals
    r_dec = rounded if rounded is not None else round_half_up(exact, dec)
    r_ds = r_dec if ds == dec else round_half_up(exact, ds)
    if _eq(s, r_ds):
        if ds < dec and not _eq(r_ds, r_dec):
            return Outcome.ROUNDED
        return Outcome.OK
    if _eq(s, truncate(exact, ds)):
        return Outcome.TRUNCATED
    if abs(s - r_dec) <= settings.tolerance + 1e-9:
        return Outcome.OK
    return Outcome.MISMATCH


# --- what is checked ------------------------------------------------------------------------

class Kind(StrEnum):
    CAPAIAN = "capaian"
    PERCENTAGE = "percentage"


# Candidate and Check are read-only by convention but not frozen: a report has a check per
# derived cell (hundreds), and a frozen dataclass's __init__ sets each field through
# object.__setattr__ (about 8 times the cost of a plain one for Check's 18 fields).
@dataclass(slots=True)
class Candidate:
    """Another way the stated value may have been obtained (an explanation of a mismatch)."""

    variant: str  # message variant: inverted, fraction, polarity, denominator, ...
    exact: float
    formula: str
    params: tuple[tuple[str, str], ...] = ()
    related: tuple[str, ...] = ()
    factor: float = 1.0  # 100 for "a fraction written for a percent"


@dataclass(slots=True)
class Check:
    """One derived cell and how its value is computed."""

    kind: Kind
    cell: Cell  # the Capaian / Persentase cell (stated, or blank)
    computation: Computation
    input_cells: tuple[Cell, ...]  # the cells the computation reads (`inputs`)
    related: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    fillable: bool = False  # a blank here may be filled (CAP004 / CAP007)
    target_cell: Cell | None = None  # the denominator used (pagu for a percentage)
    realisasi_cell: Cell | None = None
    plain_variant: str = "plain"  # "agreed-target" when the row's own target was replaced
    plain_params: tuple[tuple[str, str], ...] = ()
    polarity_stated: bool = True  # False: Positif assumed (Tabel VI.1 does not say)
    basis: str = _BASIS_PK.value  # what the capaian is measured against (`Terhadap`)
    # The computation under every polarity, when the polarity is not known and the capaian
    # depends on it (a ratio '1:32'): `polarity_readings`.
    readings: tuple[Candidate, ...] = ()
    # The outcome under the settings the check was built with (`checks`), which every CAP
    # rule asks for: classified once (`_outcome`).
    built_for: Settings | None = field(default=None, compare=False, repr=False)
    built_outcome: Outcome | None = field(default=None, compare=False, repr=False)

    @property
    def inputs(self) -> tuple[tuple[str, Value], ...]:
        """The cells the computation reads and their values, ("Sheet!A1", value): for the
        findings, so only worked out for cells that have one."""
        return tuple(_input(c) for c in self.input_cells)

    @property
    def stated(self) -> Number:
        return self.cell.number

    @property
    def has_value(self) -> bool:
        return self.cell.number.value is not None

    def outcome(self, settings: Settings) -> Outcome | None:
        if settings is self.built_for:
            return self.built_outcome
        n = self.cell.number
        if n.value is None or self.computation.exact is None:
            return None
        return classify(n, self.computation.exact, settings)


def _outcome(cell: Cell, comp: Computation, settings: Settings) -> Outcome | None:
    """How the stated value of `cell` compares with `comp`, computed with the workbook's
    decimals (`settings.decimals`: its `rounded` is reused); None: nothing stated, or not
    computable."""
    n = cell.number
    s = n.value
    if s is None or comp.exact is None:
        return None
    if s == comp.rounded and stated_decimals(n) <= settings.decimals:
        # What classify says of a value equal to the rounded one, written with no more
        # decimals (the usual case): rounded to its own decimals the exact value gives it too,
        # since it is within half a unit of the workbook's last decimal.
        return Outcome.OK
    return classify(n, comp.exact, settings, comp.rounded)


def _ref(cell: Cell | None) -> str:
    return str(cell.ref) if cell is not None and cell.ref is not None else ""


def _input(cell: Cell) -> tuple[str, Value]:
    n = cell.number
    return (_ref(cell), n.value if n.value is not None else cell.text or None)


def _bad(cell: Cell) -> bool:
    """Written but not usable as a number: left to the hygiene rules. A value in words in a
    target or realisation column (a predicate: 'WTP') is not bad: CAP008 says why the capaian
    cannot be checked."""
    n = cell.number
    if n.value is not None:
        return False
    # not n.is_blank, not n.is_usable (no value: a range), not n.is_predicate
    source = n.source
    return source is not _EMPTY and source is not _DASH \
        and (n.low is None or n.high is None) and _PREDICATE_NOTE not in n.notes


def _fmt_number(n: Number) -> str:
    if n.is_ratio and n.value is not None:
        return f"{n.prefix}{fmt(n.value)}"
    if n.is_range:
        return f"{fmt(n.low)}-{fmt(n.high)}"
    return fmt(n.value) if n.value is not None else "-"


def _same_number(a: Number, b: Number) -> bool:
    if a.is_range or b.is_range:
        return (a.low, a.high) == (b.low, b.high)
    return a.value is not None and b.value is not None and _eq(a.value, b.value)


def _flip(polarity: Polarity) -> Polarity:
    return _NEGATIVE if polarity is _POSITIVE else _POSITIVE


def _other_formula(formula: NegativeFormula) -> NegativeFormula:
    if formula is NegativeFormula.REFLECTED:
        return NegativeFormula.INVERSE
    return NegativeFormula.REFLECTED


def _explanations(target: Number, realisasi: Number, polarity: Polarity, settings: Settings,
                  exact: float | None) -> list[Candidate]:
    """Wrong-but-common computations: the inverted ratio, the other polarity's formula, the
    other negative formula, and a fraction written where a percent belongs."""
    out: list[Candidate] = []
    if not target.is_range and target.value is not None and realisasi.value is not None:
        neg = settings.negative_formula
        if polarity is _POSITIVE:
            # T / R written for R / T. (For a negative indicator under T / R, the inverted
            # ratio is the positive formula: the "polarity" explanation below.)
            inv = capaian(realisasi, target, _POSITIVE, cap=settings.cap)
            if inv.ok:
                assert inv.exact is not None
                out.append(Candidate("inverted", inv.exact, inv.formula))
        flipped = capaian(target, realisasi, _flip(polarity), neg, **settings.conventions)
        if flipped.ok:
            assert flipped.exact is not None
            out.append(Candidate("polarity", flipped.exact, flipped.formula,
                                 params=(("used_polarity", _flip(polarity).value),
                                         ("polarity", polarity.value))))
        if polarity is _NEGATIVE:
            other = capaian(target, realisasi, polarity, _other_formula(neg),
                            **settings.conventions)
            if other.ok:
                assert other.exact is not None
                out.append(Candidate("other-formula", other.exact, other.formula,
                                     params=(("negative_formula",
                                              settings.negative_formula_name),)))
    if target.is_range and realisasi.value is not None:
        # the other reading of a range target (Target Rentang)
        other = RangeReading.BOUND if settings.range_reading is RangeReading.INSIDE_100 \
            else RangeReading.INSIDE_100
        alt = capaian(target, realisasi, polarity, settings.negative_formula,
                      cap=settings.cap, range_reading=other)
        if alt.ok and alt.exact is not None and (exact is None or not _eq(alt.exact, exact)):
            out.append(Candidate("range-reading", alt.exact, alt.formula,
                                 params=(("setting", other.value),
                                         ("current", settings.range_reading.value))))
    if exact is not None:
        out.append(Candidate("fraction", exact / 100, f"{fmt(exact)} / 100", factor=100.0))
    return out


def _cap_explanations(comp: Computation, settings: Settings) -> list[Candidate]:
    """A stated value explained by a cap: the capped value under another `Batas Capaian`
    (120 for 138,75 when the workbook caps nothing: the report caps, the setting does not
    say so), or the uncapped value when the workbook caps (138,75 where 120 is expected)."""
    uncapped = comp.uncapped if comp.uncapped is not None else comp.exact
    if uncapped is None:
        return []
    out = []
    where = settings.origin("capping") or "Identitas"
    if comp.uncapped is not None and settings.cap is not None:
        out.append(Candidate("uncapped", comp.uncapped, comp.uncapped_formula,
                             params=(("cap", fmt(settings.cap)),
                                     ("setting", settings.capping.value), ("where", where))))
    if 110 < uncapped <= 120 and (comp.uncapped is None or settings.cap != 120):
        # 120 for 110 < capaian <= 120: the performance-management score, not a capaian
        out.append(Candidate("score-110", 120.0, f"{comp.formula} > 110 -> 120"))
    for capping in (Capping.CAP_100, Capping.CAP_120):
        limit = capping.limit
        if limit is not None and capping is not settings.capping and uncapped > limit:
            out.append(Candidate("cap", limit, f"{comp.formula} -> maks. {fmt(limit)}",
                                 params=(("cap", fmt(limit)), ("setting", capping.value),
                                         ("current", settings.capping.value))))
    return out


def polarity_readings(target: Number, realisasi: Number, settings: Settings
                      ) -> tuple[Candidate, ...]:
    """Every formula a capaian may have been computed with when the polarity is not known:
    positive R / T, negative T / R and negative (2T - R) / T (the variant names the formula:
    'R/T', 'T/R', '(2T-R)/T'). Those that cannot be computed are left out."""
    out = []
    for label, polarity, formula in (
            ("R/T", _POSITIVE, settings.negative_formula),
            ("T/R", _NEGATIVE, NegativeFormula.INVERSE),
            ("(2T-R)/T", _NEGATIVE, NegativeFormula.REFLECTED)):
        comp = capaian(target, realisasi, polarity, formula, settings.decimals,
                       **settings.conventions)
        if comp.ok:
            assert comp.exact is not None
            out.append(Candidate(label, comp.exact, comp.formula,
                                 params=(("polarity", polarity.value),)))
    return tuple(out)


def _readings_for(comp: Computation, target: Cell | None, realisasi: Cell | None,
                  settings: Settings) -> tuple[Candidate, ...]:
    """`polarity_readings` for a capaian that is not computed because no polarity is
    known (a ratio), else ()."""
    if comp.reason != NotComputable.RATIO_POLARITY or target is None or realisasi is None:
        return ()
    return polarity_readings(target.number, realisasi.number, settings)


def matches_no_reading(check: Check, settings: Settings) -> bool:
    """A stated capaian whose polarity is not known that none of the polarities' formulas
    gives (at its own decimals, truncated, or within `Toleransi`): wrong whatever the
    polarity."""
    if not check.readings or check.stated.value is None:
        return False
    s, ds = check.stated.value, stated_decimals(check.stated)
    return not any(agrees(s, ds, r.exact, settings) for r in check.readings)


# --- Lampiran II ------------------------------------------------------------------------------

# The sources of a blank (Number.is_blank), compared by identity: `in` on a tuple of StrEnum
# members compares them as strings, ten times slower, and the scan asks for every cell.
_EMPTY, _DASH = NumberSource.EMPTY, NumberSource.DASH
_PREDICATE_NOTE = NOTE_PREDICATE  # (Number.is_predicate)
_CAPAIAN, _PERCENTAGE = "capaian", "percentage"  # Kind values, the keys of `sheet_precision`


def _settled(n: Number, part: Number, whole: Number, cap: float | None,
             decimals: int) -> int | None:
    """The decimals `n`, a stated value, is written with (at most `decimals`), when it is
    plainly right: `whole` and `part` plain numbers (no range, ratio, predicate), `whole` not
    zero, part / whole x 100 at most `cap`, and `n` equal to it rounded to `decimals` and
    written with no more decimals. Such a check's outcome is OK with nothing more to say (the
    `_notable` filter drops it): the scan records only its precision. None: anything else,
    for the full check to judge. The same arithmetic as `formulas.capaian` (Positif) and
    `formulas.percentage`, which give `percent_of(part, whole)` rounded half up
    (`rounded_percent`)."""
    s = n.value
    if s is None or n.source is _EMPTY or n.source is _DASH:
        return None
    t, r = whole.value, part.value
    if not t or r is None or whole.low is not None or part.low is not None:
        return None
    if (whole.notes or part.notes) and (_PREDICATE_NOTE in whole.notes
                                        or _PREDICATE_NOTE in part.notes):
        return None
    if whole.prefix == RATIO_PREFIX or part.prefix == RATIO_PREFIX:
        return None
    exact, rounded = rounded_percent(r, t, decimals)
    if s != rounded or (cap is not None and exact > cap):
        return None
    ds = n.decimals if n.decimals is not None else _float_decimals(s)
    return ds if ds <= decimals else None


def _record(precision: dict[tuple[str, str], int], sheet: str, kind: str, ds: int) -> None:
    key = (sheet, kind)
    if precision.get(key, -1) < ds:
        precision[key] = ds


def _pk_checks(report: Report, settings: Settings,
               precision: dict[tuple[str, str], int] | None = None) -> Iterator[Check]:
    """The Lampiran II checks. With `precision`, the rows whose stated capaian is plainly
    right (`_settled`) give no check, only their precision, recorded there."""
    conventions = settings.conventions  # a new dict at each call: taken once
    cap, decimals = settings.cap, settings.decimals
    kegiatan = _KEGIATAN
    settled: dict[str, int] = {}  # sheet -> the most decimals of its settled values
    for row in report.pk_rows:
        role = row.role
        cell = row.capaian
        if role is None or cell.ref is None:
            continue
        n = cell.number
        if role is not kegiatan and (n.source is _EMPTY or n.source is _DASH):
            continue  # only Kegiatan rows get a capaian filled in
        target, realisasi = row.target, row.realisasi
        if (target.number.value is None and _bad(target)) \
                or (realisasi.number.value is None and _bad(realisasi)) \
                or (n.value is None and _bad(cell)):
            continue
        if precision is not None and (
                (role is kegiatan and row.polaritas.raw is None)
                or row_polarity(report, row)[0] is _POSITIVE):
            ds = _settled(n, realisasi.number, target.number, cap, decimals)
            if ds is not None:
                sheet = cell.ref.sheet
                if settled.get(sheet, -1) < ds:
                    settled[sheet] = ds
                continue
        yield _pk_check(report, settings, row, conventions)
    if precision is not None:
        for sheet, ds in settled.items():
            _record(precision, sheet, _CAPAIAN, ds)


def _pk_check(report: Report, settings: Settings, row: PkRow,
              conventions: dict[str, Any] | None = None) -> Check:
    # An Indikator row takes its indicator's polarity; a Kegiatan row is Positif unless its
    # own Polaritas says otherwise (analysis.row_polarity).
    polarity, stated = row_polarity(report, row)
    comp = capaian(row.target.number, row.realisasi.number, polarity,
                   settings.negative_formula, settings.decimals, polarity_stated=stated,
                   **(conventions if conventions is not None else settings.conventions))
    outcome = _outcome(row.capaian, comp, settings)
    # the explanations are worked out for mismatches only (the only message that uses them)
    candidates = [*_cap_explanations(comp, settings),
                  *_explanations(row.target.number, row.realisasi.number, polarity, settings,
                                 comp.exact)] if outcome is Outcome.MISMATCH else []
    if candidates and row.role is _KEGIATAN and row.polarity is None \
            and row.kode_indikator.text \
            and polarity_of(report, row.kode_indikator.text)[0] is not polarity:
        # the other formula is most likely the indicator's polarity wrongly carried over
        candidates = [replace(c, variant="polarity-kegiatan") if c.variant == "polarity" else c
                      for c in candidates]
    return Check(
        kind=Kind.CAPAIAN,
        cell=row.capaian,
        computation=comp,
        input_cells=(row.target, row.realisasi),
        candidates=tuple(candidates),
        fillable=row.role is _KEGIATAN and row.target.number.is_usable
        and row.realisasi.number.is_usable,
        target_cell=row.target,
        realisasi_cell=row.realisasi,
        polarity_stated=stated,
        readings=_readings_for(comp, row.target, row.realisasi, settings),
        built_for=settings,
        built_outcome=outcome,
    )


# --- Pengukuran Kinerja -----------------------------------------------------------------------

def _agreed_target(report: Report, settings: Settings, row: MeasurementRow,
                   fig: IndicatorFigures | None) -> Cell | None:
    """The PK (agreed) target that replaces the row's own target, or None to keep the row's.

    Only the signed PK target counts (not the RPJMD fallback), only when the row's own target
    looks like a typing slip of it (one digit different, two adjacent digits swapped: 694 for
    594), and only in the same unit. Any other difference (72 against a PK target of "45%",
    1.025 against 40) means the two tables measure different things: that is a target
    disagreement for the consistency rules, and re-basing would invent capaian like 2492.50.
    """
    if fig is None or fig.pk is None or fig.target is not fig.pk.target \
            or row.basis is not _BASIS_PK:
        return None
    agreed = fig.pk.target
    own = row.target.number
    if agreed.number.value is None or own.value is None or own.is_range:
        return None
    if digits_typo(own.value, agreed.number.value) is None:
        return None
    a, b = row.satuan.text, fig.pk.satuan.text
    if a and b and unit_key(a, settings.unit_synonyms) != unit_key(b, settings.unit_synonyms):
        return None
    return agreed


def _figures_for(row: MeasurementRow, figures: dict[str, IndicatorFigures]
                 ) -> IndicatorFigures | None:
    return figures.get(code_key(row.codes[0])) if row.codes else None


def _measurement_inputs(report: Report, settings: Settings, row: MeasurementRow,
                        fig: IndicatorFigures | None) -> tuple[Cell | None, Cell | None,
                                                              Cell | None]:
    """(target used, realisasi used, agreed target when it replaced the row's own)."""
    agreed = _agreed_target(report, settings, row, fig)
    if agreed is not None:
        target: Cell | None = agreed
    elif row.target.number.is_usable or row.target.number.is_predicate:
        target = row.target
    else:
        target = basis_target(report, fig, row.basis)
    if row.realisasi.number.is_usable or row.realisasi.number.is_predicate:
        realisasi: Cell | None = row.realisasi
    else:
        realisasi = fig.realisasi if fig is not None else None
    return target, realisasi, agreed


def measurement_computation(report: Report, settings: Settings, row: MeasurementRow,
                            figures: dict[str, IndicatorFigures]
                            ) -> tuple[Computation | None, tuple[tuple[str, Value], ...]]:
    """The capaian a Pengukuran Indikator row should state, and the cells it comes from: from
    the row's own figures (re-based on the agreed target) when it states any, else the
    indicator's computed capaian. (None, ()) when the row's figures are unreadable."""
    fig = _figures_for(row, figures)
    if row.target.number.is_blank and row.realisasi.number.is_blank \
            and row.basis is _BASIS_PK and row.polarity is None:
        if fig is None:
            return None, ()
        target, realisasi = fig.target, fig.realisasi
        comp: Computation | None = fig.computation if fig.computation.ok else None
    elif _bad(row.target) or _bad(row.realisasi):
        return None, ()
    else:
        target, realisasi, _ = _measurement_inputs(report, settings, row, fig)
        polarity, stated = row_polarity(report, row)
        if target is None or realisasi is None:
            comp = Computation(None, None, "", NotComputable.NO_TARGET if target is None
                               else NotComputable.NO_REALISATION)
        else:
            comp = capaian(target.number, realisasi.number, polarity,
                           settings.negative_formula, settings.decimals,
                           polarity_stated=stated, **settings.conventions)
    return comp, tuple(_input(c) for c in (target, realisasi) if c is not None)


RowCapaian = tuple[MeasurementRow, Computation, tuple[tuple[str, Value], ...]]


def first_row_capaian(report: Report, settings: Settings, rows: Iterable[MeasurementRow],
                      figures: dict[str, IndicatorFigures]) -> RowCapaian | None:
    """The first of `rows` that states its own target and realisation and computes a capaian
    from them (`measurement_computation`), with that capaian and the cells it comes from: an
    indicator whose agreed pair cannot be computed takes this (averages, the Ringkasan)."""
    for row in rows:
        if row.target.number.is_blank or row.realisasi.number.is_blank:
            continue
        comp, inputs = measurement_computation(report, settings, row, figures)
        if comp is not None and comp.ok and comp.rounded is not None:
            return row, comp, inputs
    return None


def _measurement_checks(report: Report, settings: Settings,
                        figures: dict[str, IndicatorFigures],
                        precision: dict[tuple[str, str], int] | None = None
                        ) -> Iterator[Check]:
    """The Pengukuran Kinerja checks; `precision` as in `_pk_checks`."""
    for row in report.measurements:
        if row.role is not _INDIKATOR or row.capaian.ref is None:
            continue
        if row.target.number.is_blank and row.realisasi.number.is_blank:
            # states only a capaian: the cross-table rule compares those; but one of an
            # indicator whose capaian depends on a polarity nobody states (a ratio) is
            # checked here against every polarity's formula
            fig = _figures_for(row, figures)
            check = _unknown_polarity_statement(row, fig, settings)
            if check is not None:
                yield check
            elif _lone_statement(report, row, fig):
                # the only capaian stated for its indicator: nothing else compares it with
                # the computed one (XTB002 needs two statements), so it is checked here
                yield _measurement_check(report, settings, row, fig)
            continue
        if _bad(row.target) or _bad(row.realisasi) or _bad(row.capaian):
            continue
        fig = _figures_for(row, figures)
        if precision is not None:
            # the inputs `_measurement_check` computes with (the agreed target when the row's
            # own is a typing slip of it): a plainly right statement needs no check
            target, realisasi, _ = _measurement_inputs(report, settings, row, fig)
            if target is not None and realisasi is not None \
                    and row_polarity(report, row)[0] is _POSITIVE:
                ds = _settled(row.capaian.number, realisasi.number, target.number,
                              settings.cap, settings.decimals)
                if ds is not None:
                    assert row.capaian.ref is not None
                    _record(precision, row.capaian.ref.sheet, _CAPAIAN, ds)
                    continue
        yield _measurement_check(report, settings, row, fig)


def _lone_statement(report: Report, row: MeasurementRow, fig: IndicatorFigures | None) -> bool:
    """Whether `row` (a Pengukuran row stating only a capaian, against the PK target) is the
    only capaian stated for its indicator, and the indicator's capaian can be computed."""
    if fig is None or row.basis is not _BASIS_PK or row.polarity is not None \
            or not fig.computation.ok or row.capaian.number.value is None:
        return False
    key = code_key(fig.code)
    stating = [m for m in report.measurements
               if m.role is _INDIKATOR and m.capaian.number.value is not None
               and m.basis is _BASIS_PK and key in {code_key(c) for c in m.codes}]
    return stating == [row]


def _unknown_polarity_statement(row: MeasurementRow, fig: IndicatorFigures | None,
                                settings: Settings) -> Check | None:
    """A Pengukuran row stating only a capaian, of an indicator whose capaian cannot be
    computed without a polarity nobody states (a ratio target): a check against the
    indicator's target and realisation under every polarity (`polarity_readings`)."""
    if fig is None or row.basis is not _BASIS_PK or row.polarity is not None \
            or fig.computation.reason != NotComputable.RATIO_POLARITY \
            or row.capaian.ref is None or row.capaian.number.value is None:
        return None
    readings = _readings_for(fig.computation, fig.target, fig.realisasi, settings)
    if not readings:
        return None
    assert fig.target is not None and fig.realisasi is not None
    return Check(kind=Kind.CAPAIAN, cell=row.capaian, computation=fig.computation,
                 input_cells=(fig.target, fig.realisasi),
                 related=(_ref(fig.target), _ref(fig.realisasi)),
                 target_cell=fig.target, realisasi_cell=fig.realisasi,
                 polarity_stated=False, readings=readings, built_for=settings,
                 built_outcome=_outcome(row.capaian, fig.computation, settings))


def _measurement_check(report: Report, settings: Settings, row: MeasurementRow,
                       fig: IndicatorFigures | None) -> Check:
    target, realisasi, agreed = _measurement_inputs(report, settings, row, fig)
    polarity, polarity_stated = row_polarity(report, row)
    code = fig.code if fig is not None else (row.codes[0] if row.codes else "")
    if target is None and row.basis is not _BASIS_PK:
        # measured against a figure the workbook does not hold (last year's realisation, a
        # national standard, a year without a target): nothing is missing, it is not checkable
        comp = Computation(None, None, "", NotComputable.NO_BASIS_TARGET)
    elif target is None or realisasi is None:
        comp = Computation(None, None, "", NotComputable.NO_TARGET if target is None
                           else NotComputable.NO_REALISATION)
    else:
        comp = capaian(target.number, realisasi.number, polarity, settings.negative_formula,
                       settings.decimals, polarity_stated=polarity_stated,
                       **settings.conventions)
    # Explanations, most specific first: the row's own (mistyped) target, the usual slips,
    # and last a realisation stated elsewhere (the weakest: a coincidence is easy).
    candidates: list[Candidate] = []
    related: list[str] = []
    plain_variant, plain_params = "plain", ()
    outcome = _outcome(row.capaian, comp, settings)
    explaining = outcome is Outcome.MISMATCH
    if agreed is not None and realisasi is not None:
        related.append(_ref(agreed))
        own = row.target.number
        alt = capaian(own, realisasi.number, polarity, settings.negative_formula,
                      **settings.conventions) if explaining else None
        params = _figure_params(code, own, agreed.number, agreed)
        if alt is not None and alt.ok:
            assert alt.exact is not None
            candidates.append(Candidate(_with_typo("denominator", own, agreed.number),
                                        alt.exact, alt.formula, params, (_ref(agreed),)))
        plain_variant, plain_params = "agreed-target", params
    if explaining and target is not None and realisasi is not None:
        candidates.extend(_cap_explanations(comp, settings))
        candidates.extend(_explanations(target.number, realisasi.number, polarity, settings,
                                        comp.exact))
    other_r = fig.realisasi if fig is not None else None
    if (explaining and target is not None and other_r is not None
            and realisasi is row.realisasi
            and other_r is not row.realisasi and other_r.number.value is not None
            and not _same_number(other_r.number, row.realisasi.number)):
        alt = capaian(target.number, other_r.number, polarity, settings.negative_formula,
                      **settings.conventions)
        if alt.ok:
            assert alt.exact is not None
            candidates.append(Candidate(
                _with_typo("numerator", row.realisasi.number, other_r.number), alt.exact,
                alt.formula, _figure_params(code, row.realisasi.number, other_r.number, other_r),
                (_ref(other_r),)))
    return Check(
        kind=Kind.CAPAIAN,
        cell=row.capaian,
        computation=comp,
        input_cells=tuple(c for c in (target, realisasi) if c is not None),
        related=tuple(dict.fromkeys(related)),
        candidates=tuple(candidates),
        fillable=row.target.number.is_usable and row.realisasi.number.is_usable,
        target_cell=target if target is not None else row.target,
        realisasi_cell=realisasi if realisasi is not None else row.realisasi,
        plain_variant=plain_variant,
        plain_params=plain_params,
        polarity_stated=polarity_stated,
        basis=row.basis.value,
        readings=_readings_for(comp, target, realisasi, settings),
        built_for=settings,
        built_outcome=outcome,
    )


def _figure_params(code: str, own: Number, other: Number, other_cell: Cell
                   ) -> tuple[tuple[str, str], ...]:
    return (("code", code), ("own", _fmt_number(own)), ("other", _fmt_number(other)),
            ("other_cell", _ref(other_cell)))


def _with_typo(variant: str, a: Number, b: Number) -> str:
    """'denominator' -> 'denominator.one-digit' when the two figures look like a typo."""
    if a.value is None or b.value is None:
        return variant
    typo = digits_typo(a.value, b.value)
    return f"{variant}.{typo}" if typo else variant


# --- Keuangan ---------------------------------------------------------------------------------

def _budget_checks(report: Report, settings: Settings,
                   precision: dict[tuple[str, str], int] | None = None) -> Iterator[Check]:
    """The Keuangan checks; `precision` as in `_pk_checks`."""
    decimals = settings.decimals
    settled: dict[str, int] = {}  # as in `_pk_checks`
    for row in report.budget_rows:
        cell = row.persentase
        if row.role is None or cell.ref is None:
            continue
        pagu, real = row.pagu.number, row.realisasi.number
        if (pagu.value is None and _bad(row.pagu)) or (real.value is None and _bad(row.realisasi)) \
                or (cell.number.value is None and _bad(cell)):
            continue
        if precision is not None:
            ds = _settled(cell.number, real, pagu, None, decimals)
            if ds is not None:
                sheet = cell.ref.sheet
                if settled.get(sheet, -1) < ds:
                    settled[sheet] = ds
                continue
        if cell.number.is_blank and (pagu.value is None or real.value is None):
            continue  # nothing stated, nothing to compute from
        if pagu.is_blank and real.is_blank:
            # a percentage printed alone (a Program line that prints only its serapan): not
            # missing an input but stated without any, so not checkable (CAP008), not CAP005
            yield Check(kind=Kind.PERCENTAGE, cell=cell,
                        computation=Computation(None, None, "", NotComputable.NO_FIGURES),
                        input_cells=(), candidates=(), fillable=False,
                        target_cell=row.pagu, realisasi_cell=row.realisasi,
                        built_for=settings, built_outcome=None)
            continue
        comp = percentage(real.value, pagu.value, settings.decimals)
        candidates: list[Candidate] = []
        outcome = _outcome(cell, comp, settings)
        if outcome is Outcome.MISMATCH:  # comp.exact is known
            assert comp.exact is not None
            if pagu.value is not None and real.value:
                inv = percentage(pagu.value, real.value)
                assert inv.exact is not None
                candidates.append(Candidate("inverted", inv.exact, inv.formula))
            candidates.append(Candidate("fraction", comp.exact / 100,
                                        f"{fmt(comp.exact)} / 100", factor=100.0))
        yield Check(
            kind=Kind.PERCENTAGE,
            cell=cell,
            computation=comp,
            input_cells=(row.pagu, row.realisasi),
            candidates=tuple(candidates),
            fillable=pagu.value is not None and real.value is not None,
            target_cell=row.pagu,
            realisasi_cell=row.realisasi,
            built_for=settings,
            built_outcome=outcome,
        )
    if precision is not None:
        for sheet, ds in settled.items():
            _record(precision, sheet, _PERCENTAGE, ds)


def checks(report: Report, settings: Settings) -> list[Check]:
    """Every derived cell of the workbook (Lampiran II, Pengukuran Kinerja, Keuangan), in sheet
    and row order."""
    figures = indicator_figures(report, settings)
    return _checks(report, settings, figures)


def _notable(check: Check, settings: Settings) -> bool:
    """Whether a CAP rule can report on `check`: every check but those whose stated value is
    right (outcome OK) with nothing more to say (no cap cut the value, no polarity readings,
    not blank)."""
    return (check.outcome(settings) is not Outcome.OK
            or check.computation.uncapped is not None or bool(check.readings)
            or check.cell.number.is_blank)


Scan = tuple[list[Check], dict[tuple[str, str], int]]


def scan(report: Report, settings: Settings) -> Scan:
    """(the `_notable` checks in `checks` order, `sheet_precision` of all the checks): what
    the CAP rules and `truncated_checks` need, without building a check for the derived cells
    whose stated value is plainly right (most of a workbook's), whose precision is all that
    counts."""
    precision: dict[tuple[str, str], int] = {}
    built = [*_pk_checks(report, settings, precision),
             *_measurement_checks(report, settings, indicator_figures(report, settings),
                                  precision),
             *_budget_checks(report, settings, precision)]
    for key, ds in sheet_precision(built, settings).items():
        _record(precision, *key, ds)
    return [c for c in built if _notable(c, settings)], precision


def _shared_scan(ctx: HasReport) -> Scan:
    """`scan` computed once per report for all the CAP rules of one check."""
    memo = getattr(ctx, "memo", None)
    if memo is None:
        return scan(ctx.report, ctx.settings)
    return memo("capaian.scan", lambda: scan(ctx.report, ctx.settings))


def _notable_checks(ctx: RuleContext) -> list[Check]:
    """The checks a CAP rule can report on (`_notable`), in order. The CAP rules loop over
    these rather than every derived cell."""
    return _shared_scan(ctx)[0]


def _checks(report: Report, settings: Settings, figures: dict) -> list[Check]:
    return [*_pk_checks(report, settings), *_measurement_checks(report, settings, figures),
            *_budget_checks(report, settings)]


def explain(check: Check, settings: Settings) -> Candidate | None:
    """The first explanation the stated value agrees with, or None (a plain mismatch)."""
    assert check.stated.value is not None
    s, ds = check.stated.value, stated_decimals(check.stated)
    for cand in check.candidates:
        scaled_ds = ds - 2 if cand.factor == 100.0 else ds
        if scaled_ds < 0:
            continue
        if agrees(s * cand.factor, scaled_ds, cand.exact * cand.factor, settings):
            return cand
    return None


class HasReport(Protocol):
    @property
    def report(self) -> Report: ...

    @property
    def settings(self) -> Settings: ...


def truncated_cells(ctx: HasReport) -> list[tuple[CellRef, float]]:
    """Every capaian or percentage written truncated instead of rounded, with the value it
    should hold (rounded half up, with the decimals it is printed with: `corrected_value`),
    in sheet and row order.

    CAP002 reports them once for the workbook; `fix` uses this list to correct each cell.
    `ctx` is anything with `.report` and `.settings` (a RuleContext does).
    """
    return [(check.cell.ref, value) for check, value in truncated_checks(ctx)
            if check.cell.ref is not None]


def truncated_checks(ctx: HasReport) -> list[tuple[Check, float]]:
    """The checks behind `truncated_cells`, each with its corrected value (the fixer also
    shows each cell's own formula)."""
    notable, precision = _shared_scan(ctx)  # a truncated value is notable
    return [(check, corrected_value(check, precision, ctx.settings)) for check in notable
            if check.outcome(ctx.settings) is Outcome.TRUNCATED and check.cell.ref is not None]


# --- precision as printed ---------------------------------------------------------------------

def sheet_precision(all_checks: list[Check], settings: Settings) -> dict[tuple[str, str], int]:
    """(sheet, kind) -> the most decimals its stated values are printed with (at most the
    workbook's `Desimal`): a report printed with one decimal has 1 here."""
    result: dict[tuple[str, str], int] = {}
    for check in all_checks:
        ref = check.cell.ref
        if ref is None or not check.has_value:
            continue
        key = (ref.sheet, check.kind.value)
        ds = min(stated_decimals(check.stated), settings.decimals)
        result[key] = max(result.get(key, 0), ds)
    return result


def printed_decimals(number: Number, sheet_decimals: int, settings: Settings) -> int:
    """The decimals a stated value is printed with, for writing its correction.

    Typed as text ('87,2'), as typed. A number cell keeps no trailing zeros (87,20 is read as
    87.2), and a whole number (100) may be a round figure of a report printed with decimals:
    those take at least the decimals the other values of the sheet are printed with
    (`sheet_decimals`), and `Desimal` when everything is whole. Never more than `Desimal`."""
    if number.decimals:
        ds = number.decimals
    else:
        ds = max(stated_decimals(number), sheet_decimals) if number.value is not None else 0
    return min(ds or settings.decimals, settings.decimals)


def corrected_value(check: Check, precision: dict[tuple[str, str], int],
                    settings: Settings) -> float:
    """The value `fix` writes over a wrong stated value: the computed one with the decimals
    the stated value is printed with (87,9 for 87,24 is corrected to 87,2; `printed_decimals`),
    never more than `Desimal` (184,75, not 185, for a stated 150 on a sheet of whole
    numbers)."""
    comp = check.computation
    assert comp.exact is not None and comp.rounded is not None and check.cell.ref is not None
    sheet = precision.get((check.cell.ref.sheet, check.kind.value), 0)
    ds = printed_decimals(check.stated, sheet, settings) if check.has_value \
        else settings.decimals
    return comp.rounded if ds == settings.decimals else round_half_up(comp.exact, ds)


# --- findings ---------------------------------------------------------------------------------

def _common(check: Check, settings: Settings) -> dict[str, object]:
    """The fields every finding about a stated, computable value carries."""
    comp = check.computation
    assert comp.rounded is not None and check.stated.value is not None
    stated = check.stated.value
    return dict(stated=stated, expected=comp.rounded,
                difference=round(stated - comp.rounded, 10), tolerance=settings.tolerance,
                formula=comp.formula, inputs=check.inputs)


def _mismatch(ctx: RuleContext, check: Check, prefix: str) -> Finding:
    comp = check.computation
    assert comp.rounded is not None and check.cell.ref is not None
    cand = explain(check, ctx.settings)
    params: dict[str, str] = {"stated": fmt_stated(check.stated),
                              "expected": fmt(comp.rounded, ctx.settings.decimals),
                              "formula": comp.formula}
    if cand is None:
        variant = check.plain_variant
        params.update(check.plain_params)
        related = check.related
    else:
        variant = cand.variant
        params.update(cand.params)
        params["alt_formula"] = cand.formula
        if cand.factor != 1.0:
            params["as_percent"] = fmt(round(check.stated.value * cand.factor, 10))
        related = tuple(dict.fromkeys((*cand.related, *check.related)))
    # A figure that fits the other polarity's formula, for an indicator whose polarity
    # Tabel VI.1 does not state: the tool cannot know which is right (unsafe).
    action = Action.CORRECT_UNSAFE if cand is not None \
        and cand.variant.startswith("polarity") and not check.polarity_stated \
        else Action.CORRECT
    # Without any Tabel VI.1 row (a partial workbook) no polarity can be known: a figure that
    # fits the other polarity's formula is only mentioned (INP023 says why).
    severity = Severity.INFO if action is Action.CORRECT_UNSAFE \
        and not ctx.report.indicators else None
    precision = _shared_scan(ctx)[1]
    value = corrected_value(check, precision, ctx.settings)
    return ctx.finding(check.cell.ref, f"{prefix}.{variant}", params=params, related=related,
                       severity=severity, fix=Fix(check.cell.ref, value, action),
                       **_common(check, ctx.settings))


@rule("CAP001", "capaian-mismatch", Severity.ERROR)
def capaian_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stated capaian differs from the one computed from its target and realisation.

    Checked: Lampiran II Kegiatan rows (their own Target and Realisasi, Positif unless the
    row's Polaritas says Negatif: under a negative indicator such as Angka Kematian Bayi, a
    kegiatan serving 380 of 400 mothers is 95,00), any other Lampiran II row that states a
    Capaian next to its own Target and Realisasi (an Indikator row with its indicator's
    polarity), and every Pengukuran Kinerja Indikator row that states a Target or Realisasi
    (the indicator's polarity, or the row's own Polaritas). On a Pengukuran row the expected
    value uses the target agreed in the Lampiran II Indikator row when the row's own target
    looks like a typing slip of it (one digit different or two adjacent digits swapped, in
    the same unit), and the row's own realisasi (the indicator's when the row has none):
    Bab III's 565 / 694 = 81.41 for an indicator whose PK target is 594 is expected to be
    565 / 594 x 100 = 95.12. A row target
    that differs otherwise (72 against a PK target of "45%") measures something else: the
    capaian is checked against the row's own target and the disagreement is left to the
    consistency rules. A row without its own target uses the indicator's target against its
    basis (`Terhadap`: the PK target, or the Tabel VI.1 target of the year or of the period's
    end).

    Formulas: positive R / T x 100; negative (2T - R) / T x 100 floored at 0, or T / R x 100
    when Identitas says `Rumus Indikator Negatif = T/R`; a range target is measured against
    the bound the realisation is past (inside = 100), or with `Target Rentang = Batas Target`
    always against the upper bound (Positif) or the lower bound (Negatif); with `Batas
    Capaian` a value above the cap is the cap (CAP009 says so where that made a figure right).
    A value written truncated (CAP002), with
    fewer decimals (CAP003), or within `Toleransi` percentage points of the rounded value is
    not a mismatch.

    The message says what most likely happened: a denominator (or numerator) that differs
    from the figure stated for the indicator elsewhere, naming that cell and a likely typo
    (one digit different, two digits swapped); the inverted ratio T / R; the other polarity's
    formula; the other negative formula; the other reading of a range target (`Target
    Rentang`); a value capped at 100 or 120 while `Batas Capaian`
    says otherwise (naming the setting that would make it right), or left uncapped while the
    workbook caps; 120 for a capaian between 110 and 120 (the performance-management score
    for "above 110", which no cap gives); a fraction written for a percent (0.9305 for
    93.05); or a plain error.
    Fix: the computed value, rounded half up to the decimals the stated value is printed
    with (87,9 for 87,24 becomes 87,2; a whole number takes the decimals of
    the other values of its sheet, `Desimal` when they are all whole; never more than
    `Desimal`); unsafe (only with --unsafe-fixes) when the stated figure fits the other
    polarity's formula and the polarity is assumed (Tabel VI.1 does not state it, or a
    Kegiatan row without its own Polaritas), and then only an info when Tabel VI.1 has no rows
    at all (a partial workbook: no polarity is known).

    A capaian whose polarity is not known and which cannot be computed without it (a ratio
    target "1:32" with no Polaritas on the row or in Tabel VI.1) is checked against every
    polarity's formula (R / T, T / R, (2T - R) / T): when it matches none, it is wrong
    whatever the polarity, and reported with all the computations ("1:17,9 terhadap 1:32
    memberi 55,94 (R/T), 178,77 (T/R), 144,06 ((2T-R)/T), tertulis 83,86"), with no fix (the
    right value depends on the polarity). When it matches one, CAP008 says it cannot be
    checked.
    """
    for check in _notable_checks(ctx):
        if check.kind is Kind.CAPAIAN and check.outcome(ctx.settings) is Outcome.MISMATCH:
            yield _mismatch(ctx, check, "rule.CAP001")
        elif check.kind is Kind.CAPAIAN and matches_no_reading(check, ctx.settings):
            yield _unknown_polarity(ctx, check)


def _unknown_polarity(ctx: RuleContext, check: Check) -> Finding:
    """A stated capaian, polarity unknown, that no polarity's formula gives: wrong whatever
    the polarity. Both (all) computations are shown; no fix, since the right value depends
    on the polarity."""
    assert check.cell.ref is not None and check.stated.value is not None
    target, real = check.target_cell, check.realisasi_cell
    readings = localised_list("readings", "rule.CAP001.reading", (
        {"value": fmt(round_half_up(r.exact, ctx.settings.decimals), ctx.settings.decimals),
         "label": r.variant} for r in check.readings), sep=", ")
    return ctx.finding(
        check.cell.ref, "rule.CAP001.unknown-polarity",
        params={"stated": fmt_stated(check.stated), "target": _shown_cell(target),
                "realisasi": _shown_cell(real), **readings},
        stated=check.stated.value, tolerance=ctx.settings.tolerance,
        formula=" | ".join(r.formula for r in check.readings), inputs=check.inputs,
        related=tuple(r for r in (_ref(target), _ref(real)) if r))


@rule("CAP002", "capaian-truncated", Severity.INFO)
def capaian_truncated(ctx: RuleContext) -> Iterator[Finding]:
    """Capaian or percentages written truncated instead of rounded (reported once).

    93.05 for 67 / 72 x 100 = 93.0555... is the value cut after two decimals, where rounding
    half up gives 93.06. It is a small, systematic habit, so it is reported ONCE per workbook:
    one finding at the first such cell (Lampiran II, then Pengukuran Kinerja, then Keuangan),
    whose message gives the count and whose `related` lists every affected cell. The finding
    carries no fix of its own; `fix` corrects every listed cell with the rounded value (the
    list and the values come from `capaian.truncated_cells`), each rounded with the decimals
    it is printed with (87,2 for 87,29 becomes 87,3).
    """
    found = [c for c in _notable_checks(ctx)
             if c.outcome(ctx.settings) is Outcome.TRUNCATED and c.cell.ref is not None]
    if not found:
        return
    first = found[0]
    assert first.cell.ref is not None and first.computation.exact is not None
    cells = tuple(_ref(c.cell) for c in found)
    yield ctx.finding(
        first.cell.ref, "rule.CAP002.truncated",
        params={"count": str(len(found)), "stated": fmt_stated(first.stated),
                "exact": fmt(round(first.computation.exact, 6)),
                "expected": fmt(first.computation.rounded, ctx.settings.decimals),
                "formula": first.computation.formula, "cells": ", ".join(cells)},
        related=cells, **_common(first, ctx.settings))


@rule("CAP003", "capaian-rounding", Severity.INFO)
def capaian_rounding(ctx: RuleContext) -> Iterator[Finding]:
    """A capaian or percentage printed with fewer decimals than the workbook's `Desimal`.

    87,2 for 87.24, or 149 for 55,669 / 37,428 x 100 = 148.74: right at the precision it is
    printed with, so it is only mentioned, and `fix` leaves it alone (precision as printed).
    A value that is wrong at its own precision (87,3 for 87.24) is CAP001's, and its fix keeps
    the printed decimals.
    """
    for check in _notable_checks(ctx):
        if check.outcome(ctx.settings) is not Outcome.ROUNDED or check.cell.ref is None:
            continue
        comp = check.computation
        assert comp.rounded is not None
        yield ctx.finding(
            check.cell.ref, "rule.CAP003.rounded",
            params={"stated": fmt_stated(check.stated),
                    "decimals": str(stated_decimals(check.stated)),
                    "workbook_decimals": str(ctx.settings.decimals),
                    "expected": fmt(comp.rounded, ctx.settings.decimals),
                    "formula": comp.formula},
            **_common(check, ctx.settings))


def _blank_fill(ctx: RuleContext, kind: Kind, key: str) -> Iterator[Finding]:
    for check in _notable_checks(ctx):
        comp = check.computation
        if (check.kind is not kind or not check.fillable or not check.cell.number.is_blank
                or comp.rounded is None or check.cell.ref is None):
            continue
        yield ctx.finding(
            check.cell.ref, key,
            params={"expected": fmt(comp.rounded, ctx.settings.decimals),
                    "formula": comp.formula},
            expected=comp.rounded, formula=comp.formula, inputs=check.inputs,
            tolerance=ctx.settings.tolerance,
            fix=Fix(check.cell.ref, comp.rounded, Action.FILL))


@rule("CAP004", "capaian-blank", Severity.INFO)
def capaian_blank(ctx: RuleContext) -> Iterator[Finding]:
    """A blank Capaian that can be computed.

    On Lampiran II Kegiatan rows, and Pengukuran Kinerja Indikator rows with their own Target
    and Realisasi. Fix: fills in the computed value (same formula as CAP001).
    """
    yield from _blank_fill(ctx, Kind.CAPAIAN, "rule.CAP004.blank")


_BUDGET_REASON = {
    NotComputable.NO_TARGET: "pagu-blank",
    NotComputable.ZERO_TARGET: "pagu-zero",
    NotComputable.NO_REALISATION: "budget-no-realisation",
}


@rule("CAP005", "target-not-computable", Severity.WARNING)
def target_not_computable(ctx: RuleContext) -> Iterator[Finding]:
    """A capaian or percentage that cannot be computed (blank or zero target), never divided.

    The target (pagu) is blank or zero, or, with the T / R formula, the realisation is zero.
    Reported where a capaian or percentage is stated, and on Lampiran II Kegiatan and
    Pengukuran Kinerja rows that state a realisation. A stated capaian whose realisation is
    blank is reported too (it cannot have been computed). A negative indicator with target 0
    and realisation 0 is 100, not a finding.
    """
    for check in _notable_checks(ctx):
        comp = check.computation
        if comp.ok or check.cell.ref is None or comp.reason in NOT_CHECKABLE:
            continue
        stated = check.has_value
        real = check.realisasi_cell
        has_real = real is not None and real.number.value is not None
        if comp.reason == NotComputable.NO_REALISATION and not stated:
            continue
        if not stated and not (has_real and check.kind is Kind.CAPAIAN):
            continue
        variant = comp.reason if check.kind is Kind.CAPAIAN else _BUDGET_REASON[comp.reason]
        target = check.target_cell
        missing = real if comp.reason in (NotComputable.NO_REALISATION,
                                          NotComputable.ZERO_REALISATION) else target
        yield ctx.finding(
            check.cell.ref, f"rule.CAP005.{variant}",
            params={"stated": fmt_stated(check.stated),
                    "target": _fmt_number(target.number) if target is not None else "-",
                    "realisasi": _fmt_number(real.number) if real is not None else "-",
                    "cell": _ref(missing) or "-"},
            stated=check.stated.value, inputs=check.inputs,
            related=(_ref(missing),) if _ref(missing) else ())


# Reasons a capaian cannot be checked although nothing is missing: CAP008, not CAP005.
NOT_CHECKABLE = (NotComputable.PREDICATE, NotComputable.RATIO_POLARITY,
                 NotComputable.NO_BASIS_TARGET, NotComputable.NO_FIGURES)


@rule("CAP008", "capaian-not-checkable", Severity.INFO)
def capaian_not_checkable(ctx: RuleContext) -> Iterator[Finding]:
    """A stated capaian that cannot be checked, and why (one finding on the capaian cell).

    - The target or realisation is stated in words, a predicate: an audit opinion (WTP), an
      evaluation grade (AA, BB), a rating ("Baik"). There is nothing to divide; whether the
      predicate was reached is for the reader to judge.
    - The target or realisation is a ratio ("1:40", "1:25,5"), read as its second term (40)
      with the "1:" form kept, and neither the row (its `Polaritas`) nor Tabel VI.1 states the
      polarity: for pupils per teacher less is better, for coverage more, so the direction
      cannot be assumed. State the polarity and the capaian is computed and checked like any
      other. Only when the stated capaian matches one of the polarities' formulas: matching
      none, it is wrong whatever the polarity (CAP001).
    - The row is measured against a basis (`Terhadap`: Tahun Lalu, Standar Nasional, or a
      Target RPJMD / Target Akhir Periode that Tabel VI.1 does not hold) and states no target
      of its own.
    - A Keuangan Persentase stated with neither Pagu nor Realisasi on its row (reports often
      print only a program's serapan above its rincian): there is nothing to divide, and the
      rincian need not be the whole program. (With one of the two blank it is CAP005.)

    Nothing is reported when no capaian is stated. INFO: the figures are not wrong.
    """
    for check in _notable_checks(ctx):
        comp = check.computation
        if comp.reason not in NOT_CHECKABLE or not check.has_value or check.cell.ref is None:
            continue
        if matches_no_reading(check, ctx.settings):
            continue  # wrong whatever the polarity: CAP001
        target, real = check.target_cell, check.realisasi_cell
        words = next((c for c in (target, real) if c is not None and c.number.is_predicate),
                     None)
        yield ctx.finding(
            check.cell.ref, f"rule.CAP008.{comp.reason}",
            params={"stated": fmt_stated(check.stated), "basis": check.basis,
                    "target": _shown_cell(target), "realisasi": _shown_cell(real),
                    "words": words.text if words is not None else "",
                    "cell": _ref(words) or _ref(target)},
            stated=check.stated.value, inputs=check.inputs,
            related=tuple(r for r in (_ref(target), _ref(real)) if r))


def _shown_cell(cell: Cell | None) -> str:
    if cell is None:
        return "-"
    if cell.number.is_predicate:
        return cell.text
    return _fmt_number(cell.number)


@rule("CAP006", "percentage-mismatch", Severity.ERROR)
def percentage_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A Keuangan Persentase differs from Realisasi / Pagu x 100.

    Checked on every row that states one, Program, Jumlah and Total rows included (their
    percentage is recomputed from the totals they state; whether those totals add up is the
    totals rules' job). The message names the inverted ratio (Pagu / Realisasi) or a fraction
    written for a percent when the stated value matches one. Truncated, fewer-decimals and
    within-tolerance values are not mismatches (CAP002, CAP003). Fix: the computed value.
    """
    for check in _notable_checks(ctx):
        if check.kind is Kind.PERCENTAGE and check.outcome(ctx.settings) is Outcome.MISMATCH:
            yield _mismatch(ctx, check, "rule.CAP006")


@rule("CAP007", "percentage-blank", Severity.INFO)
def percentage_blank(ctx: RuleContext) -> Iterator[Finding]:
    """A blank Keuangan Persentase on a row with both Pagu and Realisasi.

    Fix: fills in Realisasi / Pagu x 100 (a zero pagu is CAP005 instead).
    """
    yield from _blank_fill(ctx, Kind.PERCENTAGE, "rule.CAP007.blank")


@rule("CAP009", "capaian-capped", Severity.INFO)
def capaian_capped(ctx: RuleContext) -> Iterator[Finding]:
    """A stated capaian that is right because the workbook caps capaian (`Batas Capaian`).

    With `Batas Capaian = Maks. 120` (Identitas, `cap` in the config file, or `--cap 120`;
    or a `Preset Konvensi` that caps, such as PermenPAN-RB) a capaian computed above the cap
    is the cap: 111 / 80 x 100 = 138,75 is expected as 120. A stated 120 is then right, and
    this finding says which setting made it so (and where it was set), with the uncapped
    value, so that a reader who does not know the report caps is not misled. Without the
    setting, the same 120 is a CAP001 mismatch whose message suggests the setting.

    INFO: nothing is wrong; no fix.
    """
    for check in _notable_checks(ctx):
        comp = check.computation
        if check.kind is not Kind.CAPAIAN or comp.uncapped is None or check.cell.ref is None \
                or check.outcome(ctx.settings) in (None, Outcome.MISMATCH):
            continue
        assert ctx.settings.cap is not None
        yield ctx.finding(
            check.cell.ref, "rule.CAP009.capped",
            params={"stated": fmt_stated(check.stated), "setting": ctx.settings.capping.value,
                    "where": ctx.settings.origin("capping") or "Identitas",
                    "uncapped": fmt(round_half_up(comp.uncapped, ctx.settings.decimals),
                                    ctx.settings.decimals),
                    "cap": fmt(ctx.settings.cap), "formula": comp.uncapped_formula},
            **_common(check, ctx.settings))


RULES = (capaian_mismatch, capaian_truncated, capaian_rounding, capaian_blank,
         target_not_computable, percentage_mismatch, percentage_blank, capaian_not_checkable,
         capaian_capped)
