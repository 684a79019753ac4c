"""`formulas.round_half_up` and `formulas.truncate` against decimal rounding of the value as
written (its shortest repr), which is what they are defined as.

Both take a float fast path (value x 10^d in binary, the result n / 10^d) and fall back to
Decimal near a rounding tie (a half for rounding, a whole number for truncating) and for large
values. These properties compare both paths with a Decimal reference written here, over
values built to sit exactly on ties (84.995, 1.005, -2.5), next to them (one unit in the last
place away), on whole numbers of the decimals (95.5 to 2 decimals, 0.29), over large and tiny
magnitudes, negatives and zeros (whose sign must be kept: Decimal gives -0.0 for -0.001).
"""

from __future__ import annotations

import math
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_xl.formulas import percent_of, round_half_up, rounded_percent, truncate

_WIDE = Context(prec=400)
PROPERTY = settings(max_examples=1500, deadline=None)


def reference(value: float, decimals: int, mode: str) -> float:
    """The value as written, rounded in decimal."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(quantum, mode, context=_WIDE))


def same(a: float, b: float) -> bool:
    """Equal, and the same zero (0.0 and -0.0 are written differently)."""
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


def check(value: float, decimals: int) -> None:
    for fn, mode in ((round_half_up, ROUND_HALF_UP), (truncate, ROUND_DOWN)):
        got, want = fn(value, decimals), reference(value, decimals, mode)
        assert same(got, want), (fn.__name__, value, decimals, got, want)


decimals = st.integers(min_value=0, max_value=8)


@PROPERTY
@given(st.integers(min_value=-10**12, max_value=10**12), decimals, st.sampled_from((-1, 0, 1)))
def test_ties_and_their_neighbours(digits: int, d: int, step: int) -> None:
    """A written tie (digits followed by a 5 one decimal further), and the floats one unit in
    the last place below and above it."""
    tie = float(f"{digits}5e-{d + 1}")
    value = tie if step == 0 else math.nextafter(tie, math.inf * step)
    check(value, d)


@PROPERTY
@given(st.integers(min_value=-10**15, max_value=10**15), st.integers(min_value=0, max_value=12),
       decimals)
def test_written_decimals(digits: int, shift: int, d: int) -> None:
    """Values as a person types them: fewer, as many, or more decimals than rounded to (95.5,
    0.29, 93.0555), whole numbers included."""
    check(float(f"{digits}e-{shift}"), d)


@PROPERTY
@given(st.floats(allow_nan=False, allow_infinity=False), decimals)
def test_any_float(value: float, d: int) -> None:
    """Any finite float: huge (only Decimal), tiny, subnormal, both zeros."""
    check(value, d)


@PROPERTY
@given(st.floats(min_value=-1e13, max_value=1e13), st.integers(min_value=0, max_value=15))
def test_around_the_fast_path_limit(value: float, d: int) -> None:
    """Magnitudes where value x 10^d crosses the fast path's limit, up to 15 decimals."""
    check(value, d)


def test_known_cases() -> None:
    # ties written in decimal that binary floats put below the half: rounded up all the same
    assert round_half_up(1.005, 2) == 1.01
    assert round_half_up(84.995, 2) == 85.0
    assert round_half_up(54.995, 2) == 55.0
    assert round_half_up(-2.5, 0) == -3.0  # half away from zero
    assert round_half_up(93.0555, 2) == 93.06
    assert truncate(93.0555, 2) == 93.05
    # a value written with fewer decimals than it is cut to is itself (0.29 x 100 is
    # 28.999999999999996 in binary)
    assert truncate(0.29, 2) == 0.29
    assert truncate(-0.29, 2) == -0.29
    # signs of zero as Decimal gives them
    assert same(round_half_up(-0.001, 2), -0.0)
    assert same(truncate(-0.001, 2), -0.0)
    assert same(round_half_up(0.0, 2), 0.0)
    # large values (Decimal only) and non-finite values
    assert round_half_up(123456789012345.675, 2) == reference(123456789012345.675, 2,
                                                              ROUND_HALF_UP)
    assert round_half_up(1e300, 2) == 1e300
    assert math.isinf(round_half_up(math.inf, 2))
    assert math.isnan(truncate(math.nan, 2))
    # an int rounds like the equal float, and gives a float
    assert round_half_up(5, 2) == 5.0 and isinstance(round_half_up(5, 2), float)


# --- percentages: formulas.percent_of against the decimal quotient --------------------------

def decimal_percent(part: float, whole: float) -> float:
    """part / whole x 100 of the figures as written, in decimal (the default context)."""
    return float(Decimal(repr(float(part))) / Decimal(repr(float(whole))) * 100)


def check_percent(part: float, whole: float) -> None:
    got, want = percent_of(part, whole), decimal_percent(part, whole)
    assert same(got, want), (part, whole, got, want)
    for d in (0, 1, 2, 3):  # the fused call: the same two values
        exact, rounded = rounded_percent(part, whole, d)
        assert same(exact, got) and same(rounded, round_half_up(got, d)), (part, whole, d)


hundredths = st.integers(min_value=0, max_value=2)


@PROPERTY
@given(st.integers(min_value=-10**14, max_value=10**14),
       st.integers(min_value=-2 * 10**11, max_value=2 * 10**11).filter(bool), hundredths)
def test_percent_of_written_figures(a: int, b: int, m: int) -> None:
    """Counts and rupiah as typed (565 / 594, 109.99 / 200, 745520000 / 597953021.5), wholes
    on both sides of the float path's limit."""
    check_percent(float(f"{a}e-{m}"), float(f"{b}e-{m}"))


@PROPERTY
@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6),
       st.integers(min_value=0, max_value=40))
def test_percent_of_powers_of_two(a: int, k: int, j: int) -> None:
    """Wholes holding a large power of two, where a quotient could come nearest to a midpoint
    between two doubles."""
    check_percent(float(a), float(k * 2**j))
    check_percent(float(a * 2**j), float(k))


@PROPERTY
@given(st.floats(allow_nan=False, allow_infinity=False),
       st.floats(allow_nan=False, allow_infinity=False).filter(bool))
def test_percent_of_any_float(part: float, whole: float) -> None:
    check_percent(part, whole)


def test_percent_of_known_cases() -> None:
    assert percent_of(109.99, 200) == 54.995  # a written half stays a half
    assert rounded_percent(109.99, 200.0, 2) == (54.995, 55.0)
    assert rounded_percent(1.0, 8.0, 0) == (12.5, 13.0)  # a tie: the decimal rounding
    assert rounded_percent(67.0, 72.0, 2) == (percent_of(67, 72), 93.06)
    assert rounded_percent(-67.0, 72.0, 1) == (percent_of(-67, 72), -93.1)
    assert round_half_up(percent_of(109.99, 200), 2) == 55.0
    assert percent_of(565, 594) == decimal_percent(565, 594)
    assert same(percent_of(0.0, -594.0), -0.0)
    assert same(percent_of(-0.0, 1.0), -0.0)
    assert same(percent_of(-0.0, -0.5), 0.0)
    # beyond the float path: many decimals, a whole of 1e11 or more
    assert percent_of(1 / 3, 7) == decimal_percent(1 / 3, 7)
    assert percent_of(26787846626.65, 123456789012.5) == decimal_percent(26787846626.65,
                                                                         123456789012.5)
