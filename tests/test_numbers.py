"""The number parser: every way people write numbers in Indonesian reports (domain.md)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.numbers import (
    EMPTY,
    Number,
    NumberSource,
    parse_number,
    parse_text,
    predicate,
)

S = NumberSource


@dataclass(frozen=True)
class Case:
    raw: object
    source: NumberSource
    value: float | None = None
    decimals: int | None = None
    notes: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    unit: str = ""
    percent: bool = False  # parse as a percent column

    def id(self) -> str:
        return f"{self.raw!r}{' %col' if self.percent else ''}"


CASES = [
    # --- domain.md "Numbers as people write them" ---
    Case("6.910.387.000", S.TEXT, 6910387000, 0),
    Case("74,94", S.TEXT, 74.94, 2),
    Case("1,004,422,800", S.TEXT, 1004422800, 0),
    Case("95.56", S.TEXT, 95.56, 2),
    Case("8,102,579,062,65", S.TEXT, 8102579062.65, 2, ("last-group-decimal",)),
    Case("Rp. 18,685,267,564,00", S.TEXT, 18685267564.0, 2,
         ("currency", "last-group-decimal")),
    Case("745,520,000,00-", S.TEXT, 745520000.0, 2, ("last-group-decimal", "trailing-dash")),
    Case("1.697", S.AMBIGUOUS, 1697, 0, ("thousands-dot",)),
    Case("21,378 KPM", S.AMBIGUOUS, 21378, 0, ("thousands-comma", "unit-text"), unit="KPM"),
    # --- the brief's list ---
    Case("93,05", S.TEXT, 93.05, 2),
    Case("60,10 %", S.TEXT, 60.10, 2, ("percent-sign",)),
    Case("Rp. 18.685.267.564,00", S.TEXT, 18685267564.0, 2, ("currency",)),
    Case("-", S.DASH),
    Case("80-90", S.TEXT, None, None, ("range",), low=80, high=90),
    Case("80 s/d 90", S.TEXT, None, None, ("range",), low=80, high=90),
    Case("7 - 8", S.TEXT, None, None, ("range",), low=7, high=8),
    Case("(37.428)", S.INVALID, notes=("parentheses",)),
    Case("45% (37,428) 16,246", S.INVALID, notes=("several-numbers",)),
    Case("#DIV/0!", S.ERROR, notes=("#DIV/0!",)),
    Case(True, S.INVALID, notes=("boolean",)),
    Case(False, S.INVALID, notes=("boolean",)),
    Case(date(2019, 12, 31), S.INVALID, notes=("date",)),
    Case(datetime(2019, 12, 31, 8, 0), S.INVALID, notes=("date",)),
    Case(float("nan"), S.INVALID, notes=("not-finite",)),
    Case(float("inf"), S.INVALID, notes=("not-finite",)),
    Case("93.055", S.AMBIGUOUS, 93.055, 3, ("decimal-dot-3",), percent=True),
    Case("93.055", S.AMBIGUOUS, 93055, 0, ("thousands-dot",)),
    Case("93,055", S.AMBIGUOUS, 93.055, 3, ("decimal-comma-3",), percent=True),
    Case("0,125", S.TEXT, 0.125, 3),
    # --- more real-world spellings ---
    Case("26,787,846,626.65", S.TEXT, 26787846626.65, 2),
    Case("1.234,5", S.TEXT, 1234.5, 1),
    Case("1,5", S.TEXT, 1.5, 1),
    Case("12.5%", S.TEXT, 12.5, 1, ("percent-sign",)),
    Case("184,75", S.TEXT, 184.75, 2),
    Case("2019", S.TEXT, 2019, 0),
    Case("-5", S.TEXT, -5, 0),
    Case("100.000", S.AMBIGUOUS, 100000, 0, ("thousands-dot",)),
    Case("95, 12", S.AMBIGUOUS, 95.12, 2, ("space-in-number",)),
    Case("30 ODGJ", S.TEXT, 30, 0, ("unit-text",), unit="ODGJ"),
    Case("150 Org.", S.TEXT, 150, 0, ("unit-text",), unit="Org."),
    Case("Rp 1.000.000,-", S.TEXT, 1000000, 0, ("currency", "trailing-dash")),
    Case("80 sampai dengan 90", S.TEXT, None, None, ("range",), low=80, high=90),
    Case("50 \u2013 60", S.TEXT, None, None, ("range",), low=50, high=60),
    Case("90-80", S.TEXT, None, None, ("range",), low=80, high=90),
    Case("80%-90%", S.TEXT, None, None, ("range", "percent-sign"), low=80, high=90),
    Case("1.000-2.000", S.AMBIGUOUS, None, None, ("range", "thousands-dot"), low=1000,
         high=2000),
    Case("1.23.4", S.INVALID, notes=("bad-grouping",)),
    Case("10.12.2019", S.INVALID, notes=("bad-grouping",)),
    # words saying the report has no figure: not a number, and noted as such
    Case("n/a", S.INVALID, notes=("no-figure",)),
    Case("N/A", S.INVALID, notes=("no-figure",)),
    Case("nihil", S.INVALID, notes=("no-figure",)),
    Case("Tidak ada data", S.INVALID, notes=("no-figure",)),
    Case("belum ada data.", S.INVALID, notes=("no-figure",)),
    Case("tidak tersedia", S.INVALID, notes=("no-figure",)),
    Case("n/a/b", S.INVALID, notes=("not-a-number",)),
    Case("WTP", S.INVALID, notes=("not-a-number",)),
    # A ratio "1:N" is N with the "1:" form remembered (issue 10); other pairs are not one value.
    Case("1:32", S.TEXT, 32, 0, ("ratio",)),
    Case("1 : 25,5", S.TEXT, 25.5, 1, ("ratio",)),
    Case("2:3", S.INVALID, notes=("several-numbers",)),
    Case("1:0", S.INVALID, notes=("several-numbers",)),
    Case("#N/A", S.ERROR, notes=("#N/A",)),
    Case("#value!", S.ERROR, notes=("#VALUE!",)),
    Case("inf", S.INVALID, notes=("not-finite",)),
    Case("--", S.DASH),
    Case("\u2013", S.DASH),
    Case("", S.EMPTY),
    Case("   ", S.EMPTY),
    Case("\u00a0", S.EMPTY),
    Case(None, S.EMPTY),
    Case(93.05, S.NUMBER, 93.05),
    Case(1697, S.NUMBER, 1697),
    Case(0, S.NUMBER, 0),
    # --- fixed in this change (see numbers.py) ---
    # Rupiah never have three decimals: an Rp prefix settles "1.500".
    Case("Rp 1.500", S.TEXT, 1500, 0, ("currency", "thousands-dot")),
    Case("IDR 1,000", S.TEXT, 1000, 0, ("currency", "thousands-comma")),
    # A true minus sign (U+2212), as word processors write it.
    Case("\u22125", S.TEXT, -5, 0),
    # A first group starting with 0 is never a thousands group.
    Case("00.125", S.TEXT, 0.125, 3),
    # A full stop after the number ends the sentence; it is no unit (seed: "87,35 %.", "33 .").
    Case("87,35 %.", S.TEXT, 87.35, 2, ("percent-sign",)),
    Case("33 .", S.TEXT, 33, 0),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id() for c in CASES])
def test_parse_number(case: Case) -> None:
    n = parse_number(case.raw, percent_column=case.percent)
    assert n.source is case.source
    if case.value is None:
        assert n.value is None
    else:
        assert n.value == pytest.approx(case.value, rel=1e-15, abs=0)
    assert n.decimals == case.decimals
    assert n.notes == case.notes
    assert (n.low, n.high) == (case.low, case.high)
    assert n.unit == case.unit


def test_enough_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", [c for c in CASES if isinstance(c.raw, str)],
                         ids=[c.id() for c in CASES if isinstance(c.raw, str)])
def test_parse_text_agrees_with_parse_number(case: Case) -> None:
    assert parse_text(case.raw, percent_column=case.percent) == parse_number(
        case.raw, percent_column=case.percent)


def test_percent_column_changes_only_the_three_digit_case() -> None:
    for text in ("93,05", "6.910.387.000", "0,125", "80-90", "Rp. 18.685.267.564,00"):
        assert parse_number(text, percent_column=True) == parse_number(text)


def test_ratio_and_predicate() -> None:
    ratio = parse_number("1:40 siswa")
    assert (ratio.value, ratio.prefix, ratio.unit, ratio.is_ratio) == (40, "1:", "siswa", True)
    assert not parse_number("40").is_ratio
    level = parse_number("Level 3")
    assert (level.value, level.prefix, level.is_ratio) == (3, "Level ", False)
    assert parse_number("Tingkat 2,5").value == 2.5
    for words in ("WTP", "AA", "Baik", "Opini WTP", "Sangat Baik"):
        n = predicate(words)
        assert n is not None and n.is_predicate and n.value is None, words
    for other in ("n/a", "nihil", "90", "WTP 2", "#N/A", "-", 90, None):
        assert predicate(other) is None, other


def test_bound_target_is_read_as_its_figure() -> None:
    # "≥ 80%" (SPM targets), "Min. 80", "Maksimal 5": a target written as a bound. Reports
    # compute the capaian against the figure, so it is read as that figure with the bound kept
    # in `prefix`; words that merely start like a bound stay text.
    cases = {"≥ 80 %": (80, "≥ "), "> 80 %": (80, "> "), ">= 90": (90, ">= "),
             "≤5 %": (5, "≤"), "Min. 80%": (80, "Min. "), "Minimal 80": (80, "Minimal "),
             "maks 5": (5, "maks "), "Maksimum 2,5": (2.5, "Maksimum ")}
    for text, (value, prefix) in cases.items():
        n = parse_number(text)
        assert (n.value, n.prefix, n.is_ratio) == (value, prefix, False), text
        assert "bound" in n.notes and not n.is_problem, text
    for words in ("Minggu 3", "Mini 5", "min", "≥"):
        assert parse_number(words).value is None, words


def test_number_properties() -> None:
    rng = parse_number("80-90")
    assert rng.is_range and rng.is_usable and not rng.is_blank and not rng.is_problem
    assert parse_number("-").is_blank and not parse_number("-").is_usable
    assert parse_number(None) is EMPTY and EMPTY.is_blank
    for raw in ("WTP", "#DIV/0!"):
        assert parse_number(raw).is_problem and not parse_number(raw).is_usable
    assert Number(None, NumberSource.FORMULA).is_problem
    assert parse_number("1.697").note == "thousands-dot"
    assert parse_number("74,94").note == ""


# --- properties ------------------------------------------------------------------------------

def _indonesian(cents: int) -> str:
    whole, frac = divmod(cents, 100)
    return f"{whole:,}".replace(",", ".") + f",{frac:02d}"


def _english(cents: int) -> str:
    whole, frac = divmod(cents, 100)
    return f"{whole:,}.{frac:02d}"


def _value(cents: int) -> float:
    whole, frac = divmod(cents, 100)
    return float(f"{whole}.{frac:02d}")


@given(st.integers(min_value=0, max_value=10**15))
def test_two_decimal_styles_read_back(cents: int) -> None:
    """With two decimals both styles have one reading, whatever the size."""
    for text in (_indonesian(cents), _english(cents)):
        n = parse_number(text)
        assert n.source is NumberSource.TEXT, text
        assert n.value == _value(cents), text
        assert n.decimals == 2
        money = parse_number("Rp. " + text)
        assert money.value == _value(cents) and "currency" in money.notes


@given(st.integers(min_value=1000, max_value=10**15), st.sampled_from([".", ","]))
def test_grouped_integers_read_as_integers(n: int, sep: str) -> None:
    """'1.697' and '6.910.387.000' are integers; only a single group separator is ambiguous."""
    text = f"{n:,}".replace(",", sep)
    parsed = parse_number(text)
    assert parsed.value == n
    expected = NumberSource.AMBIGUOUS if text.count(sep) == 1 else NumberSource.TEXT
    assert parsed.source is expected


@given(st.text(max_size=40))
def test_never_raises_on_any_text(text: str) -> None:
    n = parse_number(text)
    assert isinstance(n, Number)
    if n.value is not None:
        assert math.isfinite(n.value)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_numeric_cells(value: float) -> None:
    n = parse_number(value)
    if math.isfinite(value):
        assert n.source is NumberSource.NUMBER and n.value == value
    else:
        assert n.source is NumberSource.INVALID and n.value is None
