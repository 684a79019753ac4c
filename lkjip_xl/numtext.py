"""Numbers as a person reads them in a sentence: the ONE formatting path for messages, cell
comments, Ringkasan, Temuan, rekap, `show` and `--diff`.

    format_number(7015268631, "id")          -> '7.015.268.631'
    format_number(1697, "id")                -> '1.697'
    format_number(93.05, "id")               -> '93,05'
    format_number(26787846626.65, "id")      -> '26.787.846.626,65'   (no float noise)
    format_number(95.124, "id", decimals=2)  -> '95,12'               (half up)
    format_number(2019, "id", year=True)     -> '2019'
    format_number(7015268631, "en")          -> '7,015,268,631'

Separators are CLDR's for the locale (`id` for Indonesian, `en` for English), never
hand-written replacements: the two locales' group and decimal symbols are kept in
`CLDR_SYMBOLS`, which the tests compare with Babel's CLDR data, so that a process need not
import Babel and load its locale data (about 30 ms) to write "1.697"; the digits are laid out
exactly as Babel's `format_decimal` lays them out for the few patterns used (`_render`,
compared with Babel in the tests), a few microseconds a number instead of Babel's ~20-40.
Other patterns and locales go through Babel itself. Thousands are grouped
from four integer digits on, as CLDR's Indonesian data does (1.697: the way the reports
print it); a year is written with `year=True` (or `format_year`) and never reads 2.019.
`min_grouping=2` groups from five digits only (1697, 12.345). Babel, when needed, is
imported on first use, so `import lkjip_xl` stays cheap (measured: about 12 ms to import
`babel.numbers` and 15-30 ms to load the first locale, once per process).

A float is taken at its shortest round-trip value (`repr`), rounded to 10 decimal places and
stripped of trailing zeros: 26787846626.65 reads 26.787.846.626,65, not ...626,6500015259, and
0.1 + 0.2 reads 0,3. A `Decimal` keeps its own decimal places (Decimal('93.90') -> '93,90').
Cell values in sheets stay numbers with plain number formats; this module is for text only.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from functools import lru_cache

LOCALES = {"id": "id", "en": "en"}
FLOAT_PLACES = 10  # a float is shown with at most this many decimal places
# Room for every digit of the largest double (1.8e308) and its decimals.
_CONTEXT = Context(prec=400, rounding=ROUND_HALF_UP)


def to_decimal(value: object) -> Decimal | None:
    """`value` as a Decimal (floats by their shortest repr, rounded to FLOAT_PLACES), or None
    for anything that is not a finite number."""
    with localcontext(_CONTEXT):
        return _to_decimal(value)


def _to_decimal(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        d = Decimal(repr(value))
        if d.as_tuple().exponent < -FLOAT_PLACES:  # type: ignore[operator]
            d = d.quantize(Decimal(1).scaleb(-FLOAT_PLACES), rounding=ROUND_HALF_UP)
        return _strip(d)
    if isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            return None
        return d if d.is_finite() else None
    return None


def _strip(d: Decimal) -> Decimal:
    """Trailing zeros of the fraction removed; an integral value keeps no exponent."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def format_number(value: object, lang: str = "id", decimals: int | None = None, *,
                  year: bool = False, group: bool = True, min_grouping: int = 1) -> str:
    """`value` written the way a reader of `lang` writes numbers (module docstring).

    `decimals`: exactly that many decimal places, rounded half up (None: as many as the value
    has); `year`: a year, never grouped (2019); `group`: False for no thousands separator;
    `min_grouping`: group only numbers with at least 3 + min_grouping integer digits.
    Anything that is not a number comes back as `str(value)`.
    """
    d = to_decimal(value)
    if d is None:
        return str(value)
    with localcontext(_CONTEXT):
        grouping = group and not year and abs(d) >= 10 ** (3 + min_grouping - 1)
        return _format_decimal(d, lang, decimals, grouping)


def _format_decimal(d: Decimal, lang: str, decimals: int | None, grouping: bool) -> str:
    if decimals is not None:
        d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if d == 0:
        d = abs(d)  # never '-0'
    places = max(0, -d.as_tuple().exponent)  # type: ignore[operator]
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * places if places else "")
    return _format(d, pattern, LOCALES.get(lang, LOCALES["id"]))


def format_year(value: object, lang: str = "id") -> str:
    """A year: 2019, never 2.019."""
    return format_number(value, lang, year=True)


def _format(d: Decimal, pattern: str, locale: str) -> str:
    # Babel takes ~50 us a number and messages repeat their numbers: cached by the text of
    # the Decimal (equal Decimals such as 1.0 and 1.00 are written differently).
    return _format_text(str(d), pattern, locale)


@lru_cache(maxsize=8192)
def _format_text(text: str, pattern: str, locale: str) -> str:
    match = _PATTERN.fullmatch(pattern)
    d = Decimal(text)
    if match is None or not d.is_finite() or (not match.group(1) and d.adjusted() >= 1000):
        # not a pattern `_format_decimal` makes, not a number, or over 1,000 digits, which
        # Babel groups even without a separator in the pattern: Babel's own formatting
        return _babel_format(text, pattern, locale)
    group, point = _symbols(locale)
    return _render(d, bool(match.group(1)), len(match.group(2) or ""), group, point)


# The patterns `_format_decimal` makes: grouped or not, a fixed number of decimal places.
_PATTERN = re.compile(r"(#,##)?0(?:\.(0+))?")


def _render(d: Decimal, grouped: bool, places: int, group: str, point: str) -> str:
    """What Babel's `format_decimal(d, format=pattern, decimal_quantization=False)` writes
    for a pattern of `_PATTERN` (Babel's `NumberPattern.apply` for it, step by step), with
    the locale's group and decimal symbols: ~40 us a number in Babel, a few here. The same
    text for every finite Decimal (`tests/test_numtext.py` compares them)."""
    with localcontext(_CONTEXT):
        negative = d.is_signed()
        value = abs(d).normalize()
        exponent = value.as_tuple().exponent
        precision = 0 if exponent >= 0 else -exponent  # type: ignore[operator]
        most = max(places, precision)
        whole, _, frac = f"{value.quantize(Decimal(1).scaleb(-most)):f}".partition(".")
    if grouped:
        head = len(whole) % 3 or 3
        whole = group.join([whole[:head], *(whole[i:i + 3] for i in range(head, len(whole), 3))])
    frac = frac or "0"
    if len(frac) < places:
        frac += "0" * (places - len(frac))
    if most == 0 or (places == 0 and int(frac) == 0):
        frac = ""
    else:
        frac = frac[:places] + frac[places:].rstrip("0")
    text = f"{whole}{point}{frac}" if frac else whole
    return f"-{text}" if negative else text


# CLDR's group and decimal symbols (Latin digits) of the locales in LOCALES, as Babel's data
# has them: loading a locale's data costs 10 ms a locale, and importing Babel 9 ms, in every
# `fix` and cold `check`. `tests/test_numtext.py` checks them against Babel's.
CLDR_SYMBOLS = {"id": (".", ","), "en": (",", ".")}


@lru_cache(maxsize=4)
def _symbols(locale: str) -> tuple[str, str]:
    """The locale's group and decimal symbols: CLDR's (`CLDR_SYMBOLS`), or Babel's data for
    a locale not in the table."""
    known = CLDR_SYMBOLS.get(locale)
    if known is not None:
        return known
    from babel.numbers import get_decimal_symbol, get_group_symbol

    loc = _locale(locale)
    return get_group_symbol(loc), get_decimal_symbol(loc)


def _babel_format(text: str, pattern: str, locale: str) -> str:
    from babel.numbers import format_decimal

    with localcontext(_CONTEXT):
        return format_decimal(Decimal(text), format=pattern, locale=_locale(locale),
                              decimal_quantization=False)


@lru_cache(maxsize=4)
def _locale(name: str):  # type: ignore[no-untyped-def]
    from babel import Locale

    return Locale.parse(name)
