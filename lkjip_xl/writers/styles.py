"""How `fix` marks cells and styles the sheets it adds: colours, fonts and number formats,
defined once. Plain data (no openpyxl), so the Excel layer uses the same colours; the legend
texts are in the message catalogue (`fix.legend.*`).

- CHANGED: a cell `fix` corrected or filled (its comment keeps the original value).
- REVIEW: a cell with a finding that `fix` did not change (its comment says what to check).
- Category colours: from the top band of the scale (green) to the bottom one (red).
Numbers on Ringkasan carry the Indonesian locale tag [$-421]: LibreOffice then shows 1.234,56
whatever the computer's locale; Excel uses the computer's separators (Indonesian Windows: the
same). The cell values stay numeric either way.
"""

from __future__ import annotations

from dataclasses import dataclass

COMMENT_AUTHOR = "lkjip-xl"
# A changed cell's note keeps any earlier note above this line; `fix` replaces what is below it.
COMMENT_MARKER = "--- lkjip-xl ---"

CHANGED_RGB = "E4DFEC"  # lavender: corrected or filled by lkjip-xl
REVIEW_RGB = "FFD966"  # amber: to review
# From the top band down; a scale with fewer bands takes colours spread over this list.
CATEGORY_RGBS = ("A9D08E", "E2EFDA", "FFE699", "F8CBAD", "FF9B9B")
READING_RGBS = {"efisien": "A9D08E", "cukup-efisien": "FFE699", "tidak-efisien": "FF9B9B"}
SEVERITY_RGBS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
HEADER_RGB = "D9E1F2"
SECTION_RGB = "BDD7EE"
TOTAL_RGB = "F2F2F2"
LINK_RGB = "0563C1"
NOTE_RGB = "595959"

PERCENT_FORMAT = "[$-421]#,##0.00"  # percentage points: 95,12
MONEY_FORMAT = "[$-421]#,##0"  # rupiah: 7.015.268.631
NUMBER_FORMAT = "[$-421]General"  # targets, realisations: 1697 / 4,88
RATIO_FORMAT = "[$-421]0.000"  # 1,063
COUNT_FORMAT = "0"


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


LOOKS: dict[str, Look] = {
    "": Look(),
    "title": Look(bold=True, size=14),
    "subtitle": Look(bold=True, size=11),
    "note": Look(italic=True, color=NOTE_RGB),
    "section": Look(fill=SECTION_RGB, bold=True, size=12),
    "header": Look(fill=HEADER_RGB, bold=True, wrap=True, align="center"),
    "text": Look(),
    "wrap": Look(wrap=True),
    "code": Look(),
    "number": Look(number_format=NUMBER_FORMAT),
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
    "changed": Look(fill=CHANGED_RGB),
    "review": Look(fill=REVIEW_RGB),
}


def look(style: str) -> Look:
    """The Look of a style key; 'category:<i>/<n>', 'reading:<key>' and 'severity:<key>' are
    computed from the colour tables above."""
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
    raise KeyError(style)
