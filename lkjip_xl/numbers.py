"""Numbers as people write them in Indonesian reports, parsed with a record of how.

Indonesian documents use '.' for thousands and ',' for decimals ("6.910.387.000", "74,94"); many
workbooks mix in the English style ("1,004,422,800", "95.56") or both at once
("8,102,579,062,65", "Rp. 18,685,267,564,00", "745,520,000,00-"). `parse_number` decides each
case, says how it decided (`Number.source`, `Number.note`) and marks the cases that have two
plausible readings as ambiguous instead of guessing silently.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple


class NumberSource(StrEnum):
    """How a value was obtained from its cell."""

    EMPTY = "empty"  # blank cell
    DASH = "dash"  # a lone '-' : nothing stated (counts as 0 in a sum)
    NUMBER = "number"  # a numeric cell
    PERCENT_FORMAT = "percent-format"  # numeric cell in Excel's % format: 0.9305 read as 93.05
    TEXT = "text"  # text with one sensible reading
    AMBIGUOUS = "ambiguous"  # text with two plausible readings; `note` says which was taken
    INVALID = "invalid"  # not a number; `note` says why
    ERROR = "error"  # an Excel error value such as #DIV/0!
    FORMULA = "formula"  # a formula with no cached value


# Notes: stable keys, translated by the message catalogue (messages.py, prefix "num.").
NOTE_THOUSANDS_DOT = "thousands-dot"  # 1.697 -> 1697
NOTE_THOUSANDS_COMMA = "thousands-comma"  # 21,378 -> 21378
NOTE_DECIMAL_DOT_3 = "decimal-dot-3"  # 93.055 in a percent column -> 93.055
NOTE_DECIMAL_COMMA_3 = "decimal-comma-3"  # 93,055 in a percent column -> 93.055
NOTE_LAST_GROUP_DECIMAL = "last-group-decimal"  # 8,102,579,062,65 -> 8102579062.65
NOTE_SPACE_IN_NUMBER = "space-in-number"  # "95, 12" -> 95.12
NOTE_TRAILING_DASH = "trailing-dash"  # "745,520,000,00-" -> 745520000.00
NOTE_PERCENT_SIGN = "percent-sign"  # "60,10 %"
NOTE_CURRENCY = "currency"  # "Rp. 18.685.267.564,00"
NOTE_UNIT = "unit-text"  # "21,378 KPM": the text after the number is a unit
NOTE_RANGE = "range"  # "80-90"
NOTE_NOT_A_NUMBER = "not-a-number"
NOTE_NO_FIGURE = "no-figure"  # "n/a", "nihil", "tidak ada data": the report states no figure
NOTE_RATIO = "ratio"  # "1:40": a ratio, read as 40 with the "1:" form remembered
NOTE_PREDICATE = "predicate"  # "WTP", "Baik": a target or result stated in words
NOTE_BOUND = "bound"  # "≥ 80 %", "Min. 80": a target written as a bound, read as its figure
NOTE_SEVERAL_NUMBERS = "several-numbers"  # "45% (37,428) 16,246"
NOTE_PARENTHESES = "parentheses"  # "(37.428)": a side figure or a negative?
NOTE_BAD_GROUPING = "bad-grouping"  # "1.23.4"
NOTE_NOT_FINITE = "not-finite"
NOTE_BOOLEAN = "boolean"
NOTE_DATE = "date"


class Number(NamedTuple):
    """A parsed number. `value` is None for blanks, ranges and anything not a number.

    Immutable, equal when every field is, hashing as the tuple of its fields. A named tuple
    rather than a frozen dataclass: the reader makes one per numeric cell, and a tuple is made
    in C (`make_numbers`)."""

    value: float | None
    source: NumberSource
    low: float | None = None  # set for ranges "80-90"
    high: float | None = None
    unit: str = ""  # text written after the number: "Org", "KPM", "Lbg."
    prefix: str = ""  # written before the value: "1:" for the ratio "1:40", "Level " ...
    decimals: int | None = None  # digits after the decimal separator as written (text only)
    notes: tuple[str, ...] = ()  # how the text was read, or why it is not a number

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None

    @property
    def is_ratio(self) -> bool:
        """A ratio '1:40' (value 40): which way is better depends on the polarity."""
        return self.prefix == RATIO_PREFIX

    @property
    def is_predicate(self) -> bool:
        """A value in words ('WTP', 'Baik'): a non-numeric target or realisation."""
        return NOTE_PREDICATE in self.notes

    @property
    def is_no_figure(self) -> bool:
        """Words saying that there is no figure ('n/a', 'nihil', 'tidak ada data'): the
        report states that it has no value here, which is not a mistake."""
        return NOTE_NO_FIGURE in self.notes

    @property
    def is_blank(self) -> bool:
        return self.source in (NumberSource.EMPTY, NumberSource.DASH)

    @property
    def is_usable(self) -> bool:
        """A value (or range) that arithmetic can use."""
        return self.value is not None or self.is_range

    @property
    def is_problem(self) -> bool:
        return self.source in (NumberSource.INVALID, NumberSource.ERROR, NumberSource.FORMULA)

    @property
    def note(self) -> str:
        return self.notes[0] if self.notes else ""


EMPTY = Number(None, NumberSource.EMPTY)
_tuple_new = tuple.__new__


def make_number(value: float | None, source: NumberSource) -> Number:
    """`Number(value, source)`, the other fields at their defaults."""
    return _tuple_new(Number, (value, source, None, None, "", "", None, ()))


def make_numbers(values: Iterable[float], source: NumberSource) -> list[Number]:
    """`[Number(v, source) for v in values]`, made in C."""
    return list(map(_tuple_new, repeat(Number), zip(values, repeat(source), *_DEFAULTS,
                                                   strict=False)))


# low, high, unit, prefix, decimals, notes: endless (a repeat without a count keeps no state)
_DEFAULTS = tuple(map(repeat, (None, None, "", "", None, ())))

RATIO_PREFIX = "1:"

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_CURRENCY = re.compile(r"^\s*(?:rp\.?|idr)\s*", re.IGNORECASE)
_RANGE_WORDS = re.compile(r"\s*(?:s\.?/d\.?|sampai(?:\s+dengan)?|hingga|to)\s*", re.IGNORECASE)
# One number: digits with '.', ',' and (between digits) single spaces as separators.
_NUM = r"\d+(?:\s?[.,]\s?\d+)*"
_FULL = re.compile(
    rf"^(?P<sign>[-+\u2212]?)\s*(?P<num>{_NUM})\s*(?P<trail>[.,]*)\s*(?P<pct>%?)\s*"
    rf"(?P<dash>[{_DASHES}]?)\s*(?P<unit>[^\d]*?)\s*$"
)
_RANGE = re.compile(
    rf"^(?P<a>{_NUM})\s*%?\s*(?:[{_DASHES}]|s\.?/d\.?)\s*(?P<b>{_NUM})\s*(?P<pct>%?)\s*"
    rf"(?P<unit>[^\d]*?)\s*$"
)
_ANY_DIGITS = re.compile(r"\d+")
# "1:40", "1 : 25,5": one to N. Only the "1:" form; "2:3" stays several numbers.
_RATIO = re.compile(r"^1\s*:\s*(?=\d)")
_LETTER = re.compile(r"[^\W\d_]")
# "Level 3", "Tingkat 3", "Skor 3,5": a maturity level or score written with its word.
_LEVEL = re.compile(r"^(?:level|tingkat|skor|skala)\s*(?=\d)", re.IGNORECASE)
# "≥ 80 %", "> 80", "=> 80", "Min. 80", "Minimal 80", "Maks 5", "Maksimal 5", "Max 5": a target
# written as a bound (SPM indicators print "≥ 80%"). Reports compute capaian against the figure.
_BOUND = re.compile(r"^(?:[\u2265\u2264<>]\s*=?|=\s*[<>]|(?:min(?:imal|imum)?|maks(?:imal|imum)?"
                    r"|max(?:imal|imum)?)\b\.?)\s*(?=\d)", re.IGNORECASE)
# Words that say "no figure" rather than state a result in words.
_NO_FIGURE = frozenset({
    "na", "n/a", "n.a", "n.a.", "nan", "nihil", "kosong", "tidak ada", "belum ada",
    "tidak ada data", "belum ada data", "data tidak tersedia", "data belum tersedia",
    "tidak tersedia", "belum tersedia", "none", "null", "tbd"})
_NO_FIGURE_END = re.compile(r"[\s.;:]+$")


def float_slack(value: float) -> float:
    """What float arithmetic may have added to a sum of about `value`: a few units in the
    last place, never a rupiah (rupiah amounts are exact integers in a float up to 2**53).
    A relative 1e-9 was 1 rupiah on a Rp 1 miliar total, doubling the money tolerance."""
    return 16 * math.ulp(max(1.0, abs(value)))


def is_no_figure_text(text: str) -> bool:
    """'n/a', 'N/A', 'na', 'nihil', 'tidak ada data', 'belum ada data', 'tidak tersedia':
    words a report prints where it has no figure (case and a trailing full stop ignored)."""
    s = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip().casefold()
    return s in _NO_FIGURE or _NO_FIGURE_END.sub("", s) in _NO_FIGURE
_SPACES = re.compile(r"\s+")
_END_PUNCT = re.compile(r"[.,;:\s]+")
_ERROR_VALUES = {"#div/0!", "#n/a", "#value!", "#ref!", "#name?", "#num!", "#null!",
                 "#getting_data", "#spill!", "#calc!"}


def parse_number(raw: object, *, percent_column: bool = False) -> Number:
    """Parse a cell value into a Number, recording how it was read.

    `percent_column` changes one decision: a single separator followed by three digits
    ("93.055") is read as a decimal there, as thousands elsewhere ("1.697" -> 1697).
    """
    if raw is None:
        return EMPTY
    if isinstance(raw, bool):
        return Number(None, NumberSource.INVALID, notes=(NOTE_BOOLEAN,))
    if isinstance(raw, int | float):
        value = float(raw)
        if not math.isfinite(value):
            return Number(None, NumberSource.INVALID, notes=(NOTE_NOT_FINITE,))
        return Number(value, NumberSource.NUMBER)
    if isinstance(raw, datetime | date | time | timedelta):
        return Number(None, NumberSource.INVALID, notes=(NOTE_DATE,))
    return _parse_text(str(raw), percent_column)


MAX_NUMBER_TEXT = 200  # characters: a longer text is words, not a number


def parse_text(text: str, *, percent_column: bool = False) -> Number:
    """Parse a text into a Number (`parse_number` of a text cell)."""
    return _parse_text(text, percent_column)


@lru_cache(maxsize=8192)
def _parse_text(text: str, percent_column: bool) -> Number:
    # Cached (a pure function of the text; a Number is immutable): a workbook writes the same
    # texts ('100%', '-', 'n/a', a unit) in many cells, a batch in many workbooks.
    # Runs of spaces become one (no separator is two spaces wide): the patterns below then
    # stay linear in the text's length; without it '1' + 30,000 spaces + 'x1' took 40 s.
    s = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
    if not s:
        return EMPTY
    if len(s) > MAX_NUMBER_TEXT:
        return Number(None, NumberSource.INVALID, notes=(NOTE_NOT_A_NUMBER,))
    if s in _DASHES or s in ("--", "---"):
        return Number(None, NumberSource.DASH)
    if s.casefold() in _ERROR_VALUES:
        return Number(None, NumberSource.ERROR, notes=(s.upper(),))
    low = s.casefold()
    if low in ("nan", "inf", "-inf", "+inf", "infinity", "-infinity"):
        return Number(None, NumberSource.INVALID, notes=(NOTE_NOT_FINITE,))
    if is_no_figure_text(s):
        return Number(None, NumberSource.INVALID, notes=(NOTE_NO_FIGURE,))

    notes: list[str] = []
    m = _CURRENCY.match(s)
    if m:
        s = s[m.end():]
        notes.append(NOTE_CURRENCY)

    if (ratio := _RATIO.match(s)) is not None:
        rest = _parse_text(s[ratio.end():], percent_column)
        if rest.value is not None and rest.value > 0 and not rest.is_ratio:
            return Number(rest.value, rest.source, unit=rest.unit, decimals=rest.decimals,
                          prefix=RATIO_PREFIX,
                          notes=tuple(dict.fromkeys((*notes, NOTE_RATIO, *rest.notes))))

    if (level := _LEVEL.match(s)) is not None:
        rest = _parse_text(s[level.end():], percent_column)
        if rest.value is not None and not rest.prefix:
            return Number(rest.value, rest.source, unit=rest.unit, decimals=rest.decimals,
                          prefix=s[:level.end()], notes=tuple(dict.fromkeys((*notes,
                                                                             *rest.notes))))

    if (bound := _BOUND.match(s)) is not None:
        rest = _parse_text(s[bound.end():], percent_column)
        if rest.value is not None and not rest.prefix:
            return Number(rest.value, rest.source, unit=rest.unit, decimals=rest.decimals,
                          prefix=s[:bound.end()], notes=tuple(dict.fromkeys((*notes, NOTE_BOUND,
                                                                             *rest.notes))))

    if s.startswith("(") and s.endswith(")") and _ANY_DIGITS.search(s):
        return Number(None, NumberSource.INVALID, notes=(NOTE_PARENTHESES,))

    if len(_ANY_DIGITS.findall(_strip_grouping(s))) >= 2:
        rng = _RANGE.match(_RANGE_WORDS.sub("-", s) if _RANGE_WORDS.search(s) else s)
        if rng:
            return _parse_range(rng, notes, percent_column)
        return Number(None, NumberSource.INVALID, notes=(NOTE_SEVERAL_NUMBERS,))

    m = _FULL.match(s)
    if not m:
        return Number(None, NumberSource.INVALID, notes=(NOTE_NOT_A_NUMBER,))
    money = NOTE_CURRENCY in notes
    value, decimals, how, num_notes = _read_digits(m.group("num"), percent_column, money)
    if value is None:
        return Number(None, NumberSource.INVALID, notes=tuple(num_notes) or (NOTE_BAD_GROUPING,))
    if not math.isfinite(value):  # more digits than a double holds
        return Number(None, NumberSource.INVALID, notes=(NOTE_NOT_FINITE,))
    notes.extend(num_notes)
    if m.group("sign") in ("-", "\u2212"):
        value = -value
    if m.group("pct"):
        notes.append(NOTE_PERCENT_SIGN)
    if m.group("dash"):
        notes.append(NOTE_TRAILING_DASH)
    unit = m.group("unit").strip()
    if unit:
        if unit in _DASHES:
            notes.append(NOTE_TRAILING_DASH)
            unit = ""
        elif _END_PUNCT.fullmatch(unit):
            unit = ""  # "87,35 %." : the end of a sentence, not a unit
        else:
            notes.append(NOTE_UNIT)
    return Number(value, how, unit=unit, decimals=decimals, notes=tuple(notes))


def predicate(raw: object) -> Number | None:
    """A target or realisation stated in words ('WTP', 'AA', 'Baik', 'Opini WTP'): a Number
    with no value noted as a predicate, or None when `raw` is not such a text (it has digits,
    no letters, or says that there is no figure: 'n/a', 'nihil')."""
    if not isinstance(raw, str):
        return None
    s = _SPACES.sub(" ", raw.replace("\u00a0", " ")).strip()
    if (not s or len(s) > MAX_NUMBER_TEXT or _ANY_DIGITS.search(s) or not _LETTER.search(s)
            or is_no_figure_text(s) or s.casefold() in _ERROR_VALUES):
        return None
    return Number(None, NumberSource.INVALID, notes=(NOTE_PREDICATE,))


def _strip_grouping(s: str) -> str:
    """Join digit groups split by separators so that '1.234,5' counts as one number."""
    return re.sub(r"(?<=\d)\s?[.,]\s?(?=\d)", "", s)


def _parse_range(m: re.Match[str], notes: list[str], percent_column: bool) -> Number:
    money = NOTE_CURRENCY in notes
    a, _, how_a, notes_a = _read_digits(m.group("a"), percent_column, money)
    b, _, how_b, notes_b = _read_digits(m.group("b"), percent_column, money)
    if a is None or b is None:
        return Number(None, NumberSource.INVALID, notes=(NOTE_BAD_GROUPING,))
    if not (math.isfinite(a) and math.isfinite(b)):
        return Number(None, NumberSource.INVALID, notes=(NOTE_NOT_FINITE,))
    lo, hi = min(a, b), max(a, b)
    how = NumberSource.AMBIGUOUS if NumberSource.AMBIGUOUS in (how_a, how_b) else NumberSource.TEXT
    all_notes = [NOTE_RANGE, *notes, *notes_a, *notes_b]
    if m.group("pct"):
        all_notes.append(NOTE_PERCENT_SIGN)
    return Number(None, how, low=lo, high=hi, unit=m.group("unit").strip(),
                  notes=tuple(dict.fromkeys(all_notes)))


def _read_digits(num: str, percent_column: bool, money: bool = False
                 ) -> tuple[float | None, int | None, NumberSource, list[str]]:
    """Decide what the separators in a digit string mean.

    `money` (the text had an Rp prefix): rupiah never have three decimals, so "Rp 1.500" is
    1500 with no ambiguity.

    Returns (value, decimals written, source, notes). value is None when the grouping makes
    no sense.
    """
    notes: list[str] = []
    if " " in num:
        notes.append(NOTE_SPACE_IN_NUMBER)
        num = num.replace(" ", "")
    seps = [c for c in num if c in ".,"]
    groups = re.split(r"[.,]", num)
    how = NumberSource.AMBIGUOUS if notes else NumberSource.TEXT
    if not seps:
        return float(num), 0, how, notes

    last = seps[-1]
    head, tail = groups[:-1], groups[-1]
    if len(set(seps)) == 2:
        # Mixed: the last separator is the decimal one, every earlier one a thousands mark,
        # e.g. "18.685.267.564,00" or "26,787,846,626.65".
        if seps.count(last) != 1 or not _is_thousands(head):
            return None, None, how, [NOTE_BAD_GROUPING]
        return _number(head, tail), len(tail), how, notes

    if len(seps) == 1:
        # A first group starting with 0 cannot be a thousands group: "0,125", "00.125".
        if len(tail) != 3 or head[0].startswith("0"):
            return _number(head, tail), len(tail), how, notes  # "93,05", "95.56", "0,125"
        if money:
            notes.append(NOTE_THOUSANDS_DOT if last == "." else NOTE_THOUSANDS_COMMA)
            return float("".join(groups)), 0, how, notes
        if percent_column:
            notes.append(NOTE_DECIMAL_DOT_3 if last == "." else NOTE_DECIMAL_COMMA_3)
            return _number(head, tail), 3, NumberSource.AMBIGUOUS, notes
        notes.append(NOTE_THOUSANDS_DOT if last == "." else NOTE_THOUSANDS_COMMA)
        return float("".join(groups)), 0, NumberSource.AMBIGUOUS, notes

    # Several separators of one kind.
    if _is_thousands(groups):
        return float("".join(groups)), 0, how, notes  # "1,004,422,800", "6.910.387.000"
    if _is_thousands(head) and 1 <= len(tail) <= 2:
        notes.append(NOTE_LAST_GROUP_DECIMAL)  # "8,102,579,062,65", "1,416,378,320,0"
        return _number(head, tail), len(tail), how, notes
    return None, None, how, [NOTE_BAD_GROUPING]


def _is_thousands(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _number(head: list[str], tail: str) -> float:
    return float("".join(head) + "." + tail)
