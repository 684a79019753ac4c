"""The domain's arithmetic: capaian, percentages, rounding. Pure functions, no I/O.

Formulas (domain.md):
- positive indicator: R / T x 100
- negative indicator: (2T - R) / T x 100, floored at 0 (the regulation's (T - (R - T)) / T);
  or T / R x 100 when the workbook says so
- range target lo-hi: measured against the bound the realisation is past; inside counts as 100
  (`RangeReading.INSIDE_100`); or always against the bound that completes the target, the
  upper one of a positive indicator, the lower one of a negative (`RangeReading.BOUND`)
- T = 0 or blank: not computable (a negative indicator with T = 0 and R = 0 gives 100)
Rounding is half up to the workbook's decimals; no cap unless the workbook sets one
(`Batas Capaian`: 100 or 120), applied to the exact value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

from .numbers import Number
from .schema import NegativeFormula, Polarity, RangeReading

# Enum members as module constants: `RowRole.KEGIATAN` looks the member up on the enum
# class (0.1 to 0.25 us in Python 3.11), a module constant is one dict lookup; the loops
# over every row of a report ask for them thousands of times.
_NEGATIVE = Polarity.NEGATIVE

# Enough digits for any double at any decimals (1e308 to 6 decimals has 315): the default
# context (28 digits) raised InvalidOperation for a capaian of 1e30.
_WIDE = Context(prec=400)


# The float fast path of `round_half_up` and `truncate`: value x 10^d is computed in binary
# (an error of a few units in the last place), and the result is n / 10^d, which IEEE division
# rounds to the same double as the decimal n x 10^-d. Used only where that error cannot change
# n: |value x 10^d| below _FAST_LIMIT, and its fraction farther than _BAND (relative) from the
# point where the rounding changes (a half for rounding, an integer for truncating); anything
# else, a tie such as 1.005 (repr '1.005', binary 1.00499999...) above all, goes to Decimal.
_SCALES = tuple(10.0 ** d for d in range(16))  # exact powers of ten
_FAST_LIMIT = 1e12
_BAND = 1e-12


def round_half_up(value: float, decimals: int = 2) -> float:
    """93.0555 -> 93.06; uses the shortest repr so 1.005 rounds like a person expects."""
    if not math.isfinite(value):
        return value
    fast = _half_up_by_float(value, decimals)
    if fast is not None:
        return fast
    if value == 0:  # -0.0 and 0.0 are equal keys of the cache but round to different zeros
        return _rounded.__wrapped__(value, decimals, ROUND_HALF_UP)
    return _rounded(value, decimals, ROUND_HALF_UP)


def _half_up_by_float(value: float, decimals: int) -> float | None:
    """`round_half_up` of a finite `value` by the float fast path (see above), or None
    where that path cannot be trusted (a near tie, a large value, odd decimals)."""
    if 0 <= decimals < 16:
        scale = _SCALES[decimals]
        x = abs(value) * scale
        if x < _FAST_LIMIT:
            n = math.floor(x)
            frac = x - n
            if abs(frac - 0.5) > _BAND * (x + 1.0):
                return math.copysign((n + 1 if frac > 0.5 else n) / scale, value)
    return None


def truncate(value: float, decimals: int = 2) -> float:
    if not math.isfinite(value):
        return value
    if 0 <= decimals < 16:
        scale = _SCALES[decimals]
        x = abs(value) * scale
        if x < _FAST_LIMIT:
            n = math.floor(x)
            frac = x - n
            band = _BAND * (x + 1.0)
            if band < frac < 1.0 - band:
                return math.copysign(n / scale, value)
            m = round(x)
            if m / scale == abs(value):
                # written with at most `decimals` decimals (repr '95.5'): cut, it is itself
                return float(value)
    if value == 0:  # uncached, as in round_half_up
        return _rounded.__wrapped__(value, decimals, ROUND_DOWN)
    return _rounded(value, decimals, ROUND_DOWN)


@lru_cache(maxsize=16384)
def _rounded(value: float, decimals: int, mode: str) -> float:
    """The decimal rounding (the reference the fast paths above agree with); cached. An int
    and the equal float round alike (repr '5' and '5.0')."""
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), mode,
                                               context=_WIDE))


def fmt(value: float | None, decimals: int | None = None) -> str:
    """A number for a formula text: 565, 594, 95.12 (no thousands separators)."""
    if value is None:
        return "?"
    if decimals is None:
        return f"{value:.10g}" if not float(value).is_integer() else str(int(value))
    return f"{value:.{decimals}f}"


class NotComputable:
    """Stable reasons why a capaian cannot be computed (message keys 'calc.<reason>')."""

    NO_TARGET = "no-target"
    ZERO_TARGET = "zero-target"
    NO_REALISATION = "no-realisation"
    ZERO_REALISATION = "zero-realisation"  # T/R with R = 0
    PREDICATE = "predicate"  # a target or realisation in words: 'WTP', 'Baik'
    RATIO_POLARITY = "ratio-polarity"  # a ratio '1:40' and no stated polarity to read it by
    NO_BASIS_TARGET = "no-basis-target"  # measured against last year, a standard, ...: unknown
    NO_FIGURES = "no-figures"  # a Keuangan percentage stated alone: no pagu, no realisasi


@dataclass(frozen=True, slots=True)
class Computation:
    """A computed capaian: the exact value, the rounded one, and how it was obtained."""

    exact: float | None
    rounded: float | None
    formula: str  # e.g. "565 / 594 x 100"
    reason: str = ""  # NotComputable.* when exact is None
    uncapped: float | None = None  # the exact value before `Batas Capaian` cut it, if it did
    uncapped_formula: str = ""  # and its formula ('111 / 80 x 100')

    @property
    def ok(self) -> bool:
        return self.exact is not None


_c_exact, _c_rounded, _c_formula, _c_reason, _c_uncapped, _c_uncapped_formula = (
    Computation.__dict__[n].__set__ for n in (
        "exact", "rounded", "formula", "reason", "uncapped", "uncapped_formula"))


def _computed(exact: float, rounded: float, formula: str) -> Computation:
    """`Computation(exact, rounded, formula)`, built by setting its slots: one per derived
    cell of a report, and a frozen dataclass's __init__ sets each field through
    object.__setattr__ (as `numbers.make_number`)."""
    comp = object.__new__(Computation)
    _c_exact(comp, exact)
    _c_rounded(comp, rounded)
    _c_formula(comp, formula)
    _c_reason(comp, "")
    _c_uncapped(comp, None)
    _c_uncapped_formula(comp, "")
    return comp


def _fail(reason: str) -> Computation:
    return Computation(None, None, "", reason)


def capaian(target: Number, realisasi: Number, polarity: Polarity | None,
            negative_formula: NegativeFormula = NegativeFormula.REFLECTED,
            decimals: int = 2, *, polarity_stated: bool = True, cap: float | None = None,
            range_reading: RangeReading = RangeReading.INSIDE_100) -> Computation:
    """The capaian (%) of one indicator or activity from its target and realisation.

    A target or realisation in words (a predicate: 'WTP') gives no capaian. A ratio '1:40' is
    compared by its second term (40), which is meaningful only when the polarity is stated:
    for a pupils-per-teacher ratio less is better, for a coverage ratio more; with
    `polarity_stated` False (Positif assumed) a ratio is not computed. With a `cap` (100,
    120) a value above it is the cap: 111 / 80 x 100 = 138,75 gives 120 (`uncapped` keeps
    138,75).
    """
    comp = _uncapped(target, realisasi, polarity, negative_formula, decimals,
                     polarity_stated, range_reading)
    if cap is None or comp.exact is None or comp.exact <= cap:
        return comp
    return Computation(float(cap), round_half_up(float(cap), decimals),
                       f"{comp.formula} = {fmt(comp.rounded)}, maks. {fmt(cap)}",
                       uncapped=comp.exact, uncapped_formula=comp.formula)


def _uncapped(target: Number, realisasi: Number, polarity: Polarity | None,
              negative_formula: NegativeFormula, decimals: int, polarity_stated: bool,
              range_reading: RangeReading) -> Computation:
    if target.is_predicate or realisasi.is_predicate:
        return _fail(NotComputable.PREDICATE)
    if (target.is_ratio or realisasi.is_ratio) and not polarity_stated:
        return _fail(NotComputable.RATIO_POLARITY)
    if realisasi.value is None:
        return _fail(NotComputable.NO_REALISATION)
    r = realisasi.value
    negative = polarity is _NEGATIVE
    if target.is_range:
        assert target.low is not None and target.high is not None
        lo, hi = target.low, target.high
        if range_reading is RangeReading.BOUND:
            return _single(lo if negative else hi, r, negative, negative_formula, decimals)
        if lo <= r <= hi:
            return Computation(100.0, 100.0, f"{fmt(r)} dalam rentang {fmt(lo)}-{fmt(hi)} = 100")
        bound = hi if r > hi else lo
        return _single(bound, r, negative, negative_formula, decimals)
    if target.value is None:
        return _fail(NotComputable.NO_TARGET)
    return _single(target.value, r, negative, negative_formula, decimals)


def _dec(value: float) -> Decimal:
    """A value as written (its shortest repr): 109.99, not the binary float behind it."""
    return Decimal(repr(float(value)))


def _percent(part: Decimal, whole: Decimal) -> float:
    """part / whole x 100 in decimal arithmetic, so that an exact half stays a half:
    109.99 / 200 x 100 = 54.995 (rounds half up to 55.00), where binary floats give
    54.99499999999999 (which rounds to 54.99)."""
    return float(part / whole * 100)


# `percent_of`'s float path: both figures whole numbers of hundredths at most (as written), the
# part times 100 below 2^53, the whole below _WHOLE_LIMIT (in units of its last decimal).
_PART_LIMIT = 2.0 ** 53
_WHOLE_LIMIT = 1e11


def _as_integer(value: float, scale: float) -> float | None:
    """value x scale when the value as written (its shortest repr) has at most that many
    decimals (95.5 x 10, 0.29 x 100), else None."""
    n = round(value * scale)
    # copysign: -0.0 stays -0.0 (its percentage is -0.0 in Decimal too)
    return math.copysign(n, value) if n / scale == value else None


def percent_of(part: float, whole: float) -> float:
    """part / whole x 100 of the figures as written: `_percent` of their shortest reprs.

    Float division where it provably gives the same double: with the part a / 10^m and the
    whole b / 10^m (m = 0, 1, 2: the figures' written decimals), the quotient is 100a / b,
    which IEEE division rounds correctly once 100a and b are exact (below 2^53); the decimal
    quotient, rounded to 28 digits (the default context), rounds to the same double unless a
    midpoint between two doubles lies within that rounding of 100a / b: no such midpoint is
    nearer than 2^-54 / b (relative), more than the rounding for b below 1.1e11, and 100a / b
    is never one itself (its odd numerator would be below 25a < 2^53). Anything else goes
    through Decimal."""
    part, whole = float(part), float(whole)
    if part.is_integer() and whole.is_integer():  # the usual case: counts, rupiah
        if abs(part) * 100.0 < _PART_LIMIT and 0 < abs(whole) < _WHOLE_LIMIT:
            return (part * 100.0) / whole
        return _percent(_dec(part), _dec(whole))
    for scale in ((10.0, 100.0) if abs(part) < _PART_LIMIT and abs(whole) < _PART_LIMIT
                  else ()):
        a = _as_integer(part, scale)
        if a is None:
            continue
        b = _as_integer(whole, scale)
        if b is None:
            continue
        if abs(a) * 100.0 < _PART_LIMIT and 0 < abs(b) < _WHOLE_LIMIT:
            return (a * 100.0) / b
        break
    return _percent(_dec(part), _dec(whole))


def rounded_percent(part: float, whole: float, decimals: int) -> tuple[float, float]:
    """(`percent_of(part, whole)`, that rounded half up to `decimals`), in one call: the usual
    case (whole figures, as counts and rupiah are written) computes the percentage inline, the
    same arithmetic under the same conditions as `percent_of`, and rounds it by the float
    path where it can; anything else calls the two functions."""
    if part.__class__ is float and whole.__class__ is float and part.is_integer() \
            and whole.is_integer() and abs(part) * 100.0 < _PART_LIMIT \
            and 0 < abs(whole) < _WHOLE_LIMIT and 0 <= decimals < 16:
        exact = (part * 100.0) / whole
        fast = _half_up_by_float(exact, decimals)
        return exact, fast if fast is not None else round_half_up(exact, decimals)
    exact = percent_of(part, whole)
    return exact, round_half_up(exact, decimals)


def _single(t: float, r: float, negative: bool, negative_formula: NegativeFormula,
            decimals: int) -> Computation:
    if negative and negative_formula is NegativeFormula.INVERSE:
        if r == 0:
            return _fail(NotComputable.ZERO_REALISATION)
        exact, rounded = rounded_percent(t, r, decimals)
        return _computed(exact, rounded, f"{fmt(t)} / {fmt(r)} x 100")
    if t == 0:
        if negative and r == 0:
            return Computation(100.0, 100.0, "T = 0, R = 0: 100")
        return _fail(NotComputable.ZERO_TARGET)
    if negative:
        exact = max(0.0, _percent(2 * _dec(t) - _dec(r), _dec(t)))
        formula = f"(2 x {fmt(t)} - {fmt(r)}) / {fmt(t)} x 100"
        if (2 * t - r) < 0:
            formula += " (min. 0)"
        return Computation(exact, round_half_up(exact, decimals), formula)
    exact, rounded = rounded_percent(r, t, decimals)
    return _computed(exact, rounded, f"{fmt(r)} / {fmt(t)} x 100")


def percentage(part: float | None, whole: float | None, decimals: int = 2) -> Computation:
    """part / whole x 100 (budget absorption, serapan)."""
    if part is None:
        return _fail(NotComputable.NO_REALISATION)
    if whole is None:
        return _fail(NotComputable.NO_TARGET)
    if whole == 0:
        return _fail(NotComputable.ZERO_TARGET)
    exact, rounded = rounded_percent(part, whole, decimals)
    return _computed(exact, rounded, f"{fmt(part)} / {fmt(whole)} x 100")


def mean(values: list[float], decimals: int = 2) -> Computation:
    """The mean of values as written: summed in decimal, so that (... + 65) / 6 = 88.775
    rounds half up to 88.78 instead of 88.77 through binary noise."""
    if not values:
        return _fail(NotComputable.NO_TARGET)
    exact = float(sum((Decimal(repr(float(v))) for v in values), Decimal(0)) / len(values))
    terms = " + ".join(fmt(v) for v in values)
    return Computation(exact, round_half_up(exact, decimals), f"({terms}) / {len(values)}")


def digits_typo(a: float, b: float) -> str | None:
    """'one-digit' when two integers differ in exactly one digit, 'swapped' when two adjacent
    digits are exchanged (594 vs 954), else None. The likely typo between two figures."""
    if not (float(a).is_integer() and float(b).is_integer()) or a == b:
        return None
    sa, sb = str(int(abs(a))), str(int(abs(b)))
    if len(sa) != len(sb):
        return None
    diffs = [i for i, (x, y) in enumerate(zip(sa, sb, strict=True)) if x != y]
    if len(diffs) == 1:
        return "one-digit"
    if len(diffs) == 2 and diffs[1] == diffs[0] + 1 and sa[diffs[0]] == sb[diffs[1]] \
            and sa[diffs[1]] == sb[diffs[0]]:
        return "swapped"
    return None
