"""How `fix` marks cells and styles the sheets it adds: colours, fonts and number formats,
defined once. Plain data (no openpyxl), so the Excel layer uses the same colours; the legend
texts are in the message catalogue (`fix.legend.*`).

The four marks of a cell `fix` touched (`MARKS`, keyed by `corrections.Outcome` values), each
a fill AND a cue that needs no colour, so they read on screen, on a grayscale print and for
colour-blind readers, and none is near the template's computed-column shading (E7ECF3):

| mark      | meaning                                   | fill   | cue                  |
|-----------|-------------------------------------------|--------|----------------------|
| corrected | a value replaced by another one           | F4A582 | bold                 |
| filled    | a blank cell given a value                | 77AADD | italic               |
| converted | a number stored as text written as number | D5C4E6 | dotted border        |
| review    | something left to check ("Periksa" note)  | FFD966 | medium dark border   |

A cell with anything left to review shows the review mark whatever else was done to it (its
font cue stays: bold = its value was also corrected). Lightness (CIELAB L*): review 88,
converted 81, corrected 75, filled 68, computed shading 93, white 100; the smallest colour
difference between any two of them and the computed shading, simulated for deuteranopia,
protanopia and tritanopia (Machado 2009), is Delta E 14.

Other looks:
- Category colours: from the top band of the scale (green) to the bottom one (red).
- Efficiency readings: blues and orange, never the category colours (a reader must not take
  "tidak efisien" for a category).
Numbers stay numeric with plain number formats (no locale prefix: Excel ignores `[$-421]` and
follows the Windows region, LibreOffice honours it, so one file showed both conventions side by
side). Every style names its font (LibreOffice falls back to a serif font for a bold style
without a name); a style with `border` True draws thin borders (table cells), a border style
name ("dotted", "medium") draws that border (the marks' cues).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

COMMENT_AUTHOR = "lkjip-xl"
# A changed cell's note keeps any earlier note above this line; `fix` replaces what is below it.
COMMENT_MARKER = "--- lkjip-xl ---"

CORRECTED_RGB = "F4A582"  # salmon orange: a value corrected
FILLED_RGB = "77AADD"  # blue: a blank filled
CONVERTED_RGB = "D5C4E6"  # lilac: text written as the number it was read as
REVIEW_RGB = "FFD966"  # amber: to review
MARK_BORDER_RGB = "404040"
FONT_NAME = "Calibri"  # named on every style (LibreOffice falls back to a serif font otherwise;
# it shows Calibri with the metric-compatible Carlito)
# From the top band down; a scale with fewer bands takes colours spread over this list.
CATEGORY_RGBS = ("A9D08E", "E2EFDA", "FFE699", "F8CBAD", "FF9B9B")
READING_RGBS = {"efisien": "9DC3E6", "cukup-efisien": "DEEBF7", "tidak-efisien": "F4B183"}
# The four kinds of marked cell (corrections.COUNT_NAMES), as the Ringkasan counts them.
MARK_RGBS = {"corrected": CORRECTED_RGB, "filled": FILLED_RGB, "converted": CONVERTED_RGB,
             "review": REVIEW_RGB}
INPUT_RGB = "FFFFFF"  # a column left for the reader to fill (Temuan: Tanggapan)
SEVERITY_RGBS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
HEADER_RGB = "D9E1F2"
SECTION_RGB = "BDD7EE"
TOTAL_RGB = "F2F2F2"
LINK_RGB = "0563C1"
NOTE_RGB = "595959"

PERCENT_FORMAT = "#,##0.00"  # percentage points: 95,12
MONEY_FORMAT = "#,##0"  # rupiah: 7.015.268.631
NUMBER_FORMAT = "#,##0.0#########"  # a target or realisation with decimals: 4,88 / 0,125
INTEGER_FORMAT = "#,##0"  # one without (no trailing separator): 1.697
RATIO_FORMAT = "0.000"  # 1,063
COUNT_FORMAT = "0"
FONT_SIZE = 10.0
BORDER_RGB = "A6A6A6"


@dataclass(frozen=True, slots=True)
class Mark:
    """How a cell `fix` touched looks: a fill and a cue that needs no colour."""

    key: str  # corrections.Outcome value: corrected, filled, converted, review
    fill: str
    bold: bool = False
    italic: bool = False
    border: str | None = None  # an Excel border style: "dotted", "medium", ...


MARKS: dict[str, Mark] = {
    "corrected": Mark("corrected", CORRECTED_RGB, bold=True),
    "filled": Mark("filled", FILLED_RGB, italic=True),
    "converted": Mark("converted", CONVERTED_RGB, border="dotted"),
    "review": Mark("review", REVIEW_RGB, border="medium"),
}
MARK_ORDER = ("corrected", "filled", "converted", "review")


def category_rgb(index: int | None, bands: int) -> str | None:
    """The colour of the band at `index` (0 = top) of a scale with `bands` bands."""
    if index is None or bands <= 0:
        return None
    if bands == 1:
        return CATEGORY_RGBS[0]
    last = len(CATEGORY_RGBS) - 1
    return CATEGORY_RGBS[round(index * last / (bands - 1))]


@dataclass(frozen=True, slots=True)
class Look:
    """A cell style: fill colour, font, alignment, number format."""

    fill: str | None = None
    bold: bool = False
    italic: bool = False
    size: float | None = None
    color: str | None = None
    underline: bool = False
    wrap: bool = False
    number_format: str | None = None
    align: str | None = None  # "center", "right", ...
    border: bool | str = False  # True: thin borders on the four sides; or a border style
    font: str = FONT_NAME


LOOKS: dict[str, Look] = {
    "": Look(),
    "title": Look(bold=True, size=14),
    "subtitle": Look(bold=True, size=11),
    "note": Look(italic=True, color=NOTE_RGB),
    "note-wrap": Look(italic=True, color=NOTE_RGB, wrap=True),
    "warn-wrap": Look(wrap=True, fill=REVIEW_RGB, border=True),
    "warn-percent": Look(fill=REVIEW_RGB, border=True, number_format=PERCENT_FORMAT),
    "section": Look(fill=SECTION_RGB, bold=True, size=12),
    "header": Look(fill=HEADER_RGB, bold=True, wrap=True, align="center", border=True),
    "text": Look(),
    "wrap": Look(wrap=True),
    "code": Look(),
    "number": Look(number_format=NUMBER_FORMAT),
    "integer": Look(number_format=INTEGER_FORMAT),
    "percent": Look(number_format=PERCENT_FORMAT),
    "money": Look(number_format=MONEY_FORMAT),
    "ratio": Look(number_format=RATIO_FORMAT),
    "count": Look(number_format=COUNT_FORMAT),
    "total": Look(fill=TOTAL_RGB, bold=True),
    "total-percent": Look(fill=TOTAL_RGB, bold=True, number_format=PERCENT_FORMAT),
    "total-money": Look(fill=TOTAL_RGB, bold=True, number_format=MONEY_FORMAT),
    "total-ratio": Look(fill=TOTAL_RGB, bold=True, number_format=RATIO_FORMAT),
    "total-count": Look(fill=TOTAL_RGB, bold=True, number_format=COUNT_FORMAT),
    "link": Look(color=LINK_RGB, underline=True),
    "link-wrap": Look(color=LINK_RGB, underline=True, wrap=True),
    "right": Look(align="right"),
    "total-wrap": Look(fill=TOTAL_RGB, bold=True, wrap=True),
    "subheader": Look(fill=TOTAL_RGB, italic=True),
    "input": Look(fill=INPUT_RGB, wrap=True),
    "review": Look(fill=REVIEW_RGB),
}
LOOKS.update({f"mark:{m.key}": Look(fill=m.fill, bold=m.bold, italic=m.italic,
                                      border=m.border or False)
              for m in MARKS.values()})


@cache
def look(style: str) -> Look:
    """The Look of a style key; 'category:<i>/<n>', 'reading:<key>' and 'severity:<key>' are
    computed from the colour tables above; a key ending in '+box' (a table cell) adds thin
    borders. Cached: a Look is immutable, and the row heights and the writers ask for the
    look of every cell (a '+box' look was built anew each time)."""
    if style.endswith("+box"):
        base = look(style[:-4])
        return Look(base.fill, base.bold, base.italic, base.size, base.color, base.underline,
                    base.wrap, base.number_format, base.align, True, base.font)
    if style in LOOKS:
        return LOOKS[style]
    kind, _, arg = style.partition(":")
    if kind == "category":
        index, _, bands = arg.partition("/")
        return Look(fill=category_rgb(int(index), int(bands)))
    if kind == "reading":
        return Look(fill=READING_RGBS.get(arg))
    if kind == "severity":
        return Look(fill=SEVERITY_RGBS.get(arg))
    if kind == "mark":
        return Look(fill=MARK_RGBS.get(arg))
    raise KeyError(style)
