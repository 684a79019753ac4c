"""One path for every number a person reads: `numtext.format_number` (Babel's id / en
locales) and the message catalogue's `localise`, which uses it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip_xl.messages import MAX_QUOTED, Verbatim, localise, t
from lkjip_xl.numtext import format_number, format_year


@pytest.mark.parametrize("value, lang, kw, expected", [
    (7015268631, "id", {}, "7.015.268.631"),
    (7015268631, "en", {}, "7,015,268,631"),
    (1697, "id", {}, "1.697"),  # as the reports print it
    (1697, "id", {"min_grouping": 2}, "1697"),
    (1697, "id", {"min_grouping": 1}, "1.697"),
    (12345, "id", {}, "12.345"),
    (-12345.5, "en", {}, "-12,345.5"),
    (93.05, "id", {}, "93,05"),
    (93.05, "en", {}, "93.05"),
    (26787846626.65, "id", {}, "26.787.846.626,65"),  # no float noise
    (8102579062.65, "id", {}, "8.102.579.062,65"),
    (0.1 + 0.2, "id", {}, "0,3"),
    (Decimal("93.90"), "id", {}, "93,90"),  # a Decimal keeps its places
    (95.125, "id", {"decimals": 2}, "95,13"),  # half up, not half even
    (95.124, "id", {"decimals": 2}, "95,12"),
    (100, "id", {"decimals": 2}, "100,00"),
    (-13.71, "id", {}, "-13,71"),
    (-0.0, "id", {}, "0"),
    (2019, "id", {"year": True}, "2019"),
    (1234567, "id", {"group": False}, "1234567"),
    (float("nan"), "id", {}, "nan"),
    ("teks", "id", {}, "teks"),
])
def test_format_number(value, lang, kw, expected):
    assert format_number(value, lang, **kw) == expected


def test_a_year_is_never_grouped():
    assert format_year(2019) == format_year(2019.0, "en") == "2019"


def test_localise_formats_numbers_and_formula_tokens():
    assert localise(26787846626.65, "id") == "26.787.846.626,65"
    assert localise("5029634268 / 5646126600 x 100", "id") == "5.029.634.268 / 5.646.126.600 x 100"
    assert localise("5029634268 / 5646126600 x 100", "en") == "5,029,634,268 / 5,646,126,600 x 100"
    assert localise("(93.05 + 100) / 2", "id") == "(93,05 + 100) / 2"
    assert localise("Lampiran II!G26", "id") == "Lampiran II!G26"  # addresses stay


def test_verbatim_text_is_never_read_as_a_number():
    """A cell's original text quoted in a comment: '1.697' must not become '1,697'."""
    assert localise(Verbatim("\u201c1.697\u201d"), "id") == "\u201c1.697\u201d"
    text = t("fix.comment.changed_plain", "id", old=Verbatim("\u201c3.838\u201d"), new=3838.0,
             code="INP001")
    assert text == "Semula \u201c3.838\u201d; menjadi 3.838 (aturan INP001)"


def test_a_long_quoted_text_is_cut_in_words():
    long = "x" * (MAX_QUOTED + 136)
    text = t("fix.comment.review", "id", message=long, code="INP001")
    assert "(+136)" not in text and f"panjangnya {MAX_QUOTED + 136} karakter" in text
    assert "436 characters long" in t("fix.comment.review", "en", message=long, code="INP001")


# --- the rendering of `numtext._format_text` is Babel's, done without Babel's per-number cost

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lkjip_xl import numtext  # noqa: E402

_DECIMALS = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.decimals(min_value=-10**15, max_value=10**15, allow_nan=False, allow_infinity=False,
                places=6),
    st.builds(lambda m, e: Decimal(m).scaleb(e), st.integers(-10**30, 10**30),
              st.integers(-40, 40)),
    st.sampled_from([Decimal("0"), Decimal("-0"), Decimal("0.000"), Decimal("-0.00"),
                     Decimal("1E+3"), Decimal("1697"), Decimal("93.90"), Decimal("999.9995"),
                     Decimal("1E+310"), Decimal("1E-310"), Decimal("-1E+999"),
                     Decimal("1E+1000"), Decimal("123456789012345678901234567890.5")]))
_PATTERNS = st.builds(lambda grouped, places: ("#,##0" if grouped else "0")
                      + ("." + "0" * places if places else ""),
                      st.booleans(), st.integers(0, 14))


@settings(max_examples=1500, deadline=None)
@given(_DECIMALS, _PATTERNS, st.sampled_from(["id", "en"]))
def test_rendering_is_babels(d: Decimal, pattern: str, locale: str) -> None:
    """Every Decimal, every pattern `_format_decimal` makes, both locales: the text
    Babel's `format_decimal` writes, character for character."""
    assert _outcome(numtext._format_text.__wrapped__, str(d), pattern, locale) == \
        _outcome(numtext._babel_format, str(d), pattern, locale)


def _outcome(fn: object, *args: str) -> tuple[str, str]:
    """The text, or the exception a value beyond the 400 digits of numtext's context
    raises (the same either way)."""
    try:
        return "text", fn(*args)  # type: ignore[operator]
    except ArithmeticError as exc:
        return "error", type(exc).__name__


@settings(max_examples=500, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(["id", "en"]),
       st.sampled_from([None, 0, 1, 2, 4]), st.booleans(), st.integers(1, 2))
def test_format_number_is_babels(value: float, lang: str, decimals: int | None, year: bool,
                                 min_grouping: int) -> None:
    """`format_number` of any float as it was when every number went through Babel."""
    import unittest.mock

    with unittest.mock.patch.object(numtext, "_format_text", numtext._babel_format):
        expected = format_number(value, lang, decimals, year=year, min_grouping=min_grouping)
    assert format_number(value, lang, decimals, year=year,
                         min_grouping=min_grouping) == expected


def test_other_patterns_and_values_go_to_babel() -> None:
    assert numtext._format_text.__wrapped__("1234.5", "#,##0.0#", "id") == "1.234,5"
    assert numtext._format_text.__wrapped__("NaN", "0", "en") == numtext._babel_format(
        "NaN", "0", "en")
    big = "9" * 1001  # beyond the context's 400 digits: the same error either way
    assert _outcome(numtext._format_text.__wrapped__, big, "0", "id") == _outcome(
        numtext._babel_format, big, "0", "id") == ("error", "InvalidOperation")


@pytest.mark.parametrize("locale", sorted(numtext.LOCALES.values()))
def test_cldr_symbols_are_babels(locale: str) -> None:
    """The table that spares every process Babel's locale data holds what that data says."""
    from babel import Locale
    from babel.numbers import get_decimal_symbol, get_group_symbol

    loc = Locale.parse(locale)
    assert numtext.CLDR_SYMBOLS[locale] == (get_group_symbol(loc), get_decimal_symbol(loc))


def test_messages_need_no_babel() -> None:
    """A message with numbers, in both languages, in a fresh process: Babel stays out."""
    import subprocess
    import sys

    script = ("import sys\nfrom lkjip_xl.messages import t\n"
              "print(t('fix.comment.changed_plain', 'id', old=81.41, new=1697, code='X'))\n"
              "print(t('fix.comment.changed_plain', 'en', old=-7015268631.5, new=0.3,"
              " code='X'))\n"
              "print('babel' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, timeout=60).stdout.splitlines()
    assert "81,41" in out[0] and "1.697" in out[0]
    assert "-7,015,268,631.5" in out[1] and "0.3" in out[1]
    assert out[2] == "False"
