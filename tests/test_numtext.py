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


def test_symbols_are_babels_cldr_data() -> None:
    """The id/en symbols written without loading Babel are CLDR's, as Babel has them."""
    from babel import Locale

    from lkjip_xl import numtext

    for lang, locale in numtext.LOCALES.items():
        symbols = Locale.parse(locale).number_symbols["latn"]
        assert numtext._SYMBOLS[locale] == (symbols["decimal"], symbols["group"]), lang


def _numbers() -> list[object]:
    import random

    rng = random.Random(13)
    values: list[object] = [0, -0.0, 1, -1, 7, 999, 1000, -1000, 1697, 9999, 10000, 123456,
                            1234567, 10**15, -(10**21), 10**40 + 1, 0.5, -0.5, 0.005, 1e-10,
                            1.5e-11, 95.125, 95.124, 93.05, 0.1 + 0.2, 26787846626.65, 1e20,
                            -1e16, 2.5e300, Decimal("93.90"), Decimal("1E+5"), Decimal("-0"),
                            Decimal("-0.000"), Decimal("1234.5000"), Decimal("12E-3"),
                            "1.697", "-12345.678", " 42 ", "1e3", True, None, float("inf")]
    for _ in range(1500):
        digits = rng.randint(1, 18)
        places = rng.randint(0, 6)
        n = rng.randint(-(10**digits), 10**digits)
        values.append(Decimal(n).scaleb(-places))
        values.append(n / 10**places)
        values.append(rng.uniform(-1e12, 1e12))
    return values


@pytest.mark.parametrize("lang", ["id", "en"])
def test_written_like_babels_format_decimal(lang: str) -> None:
    """Every option of format_number gives Babel's bytes on thousands of numbers."""
    from lkjip_xl import numtext

    def babel(d: Decimal, pattern: str, locale: str) -> str:
        return numtext._format_text(str(d), pattern, locale)

    options = [{}, {"decimals": 0}, {"decimals": 2}, {"decimals": 4}, {"group": False},
               {"min_grouping": 2}, {"year": True}]
    written = []
    for value in _numbers():
        for kw in options:
            written.append(numtext.format_number(value, lang, **kw))
    original = numtext._format
    numtext._format = babel  # type: ignore[assignment]
    try:
        by_babel = [numtext.format_number(value, lang, **kw)
                    for value in _numbers() for kw in options]
    finally:
        numtext._format = original  # type: ignore[assignment]
    assert written == by_babel
    assert len(set(written)) > 5000
