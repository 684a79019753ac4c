"""How template cells look. One place, so the builder and `fill_rows` style cells alike.

Input cells of the tables are left plain (white) so staff see where to type; Identitas values get
a light input shading; computed columns get a grey-blue header and lightly shaded data cells.
Every data cell is unlocked (`UNLOCKED`): the sheets are protected so that only header rows and
labels are locked. Percent columns hold percentage points (93.05 means 93.05%),
so no style here ever uses Excel's `%` number format.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.dimensions import ColumnDimension

COMMENT_AUTHOR = "lkjip-xl"

# Colours (RGB hex). Chosen to stay distinguishable when printed in greyscale too.
INPUT_HEADER_RGB = "DDEBF7"  # light blue: a column staff fill in
COMPUTED_HEADER_RGB = "ACB9CA"  # grey-blue: a column lkjip-xl computes
COMPUTED_CELL_RGB = "E7ECF3"  # light grey-blue shading of computed data cells
LABEL_RGB = "F2F2F2"  # Identitas labels and Petunjuk headings
INPUT_RGB = "FFF2CC"  # light yellow: an Identitas value staff type in
SECTION_RGB = "DDEBF7"
HINT_RGB = "595959"

INPUT_HEADER_FILL = PatternFill("solid", fgColor=INPUT_HEADER_RGB)
COMPUTED_HEADER_FILL = PatternFill("solid", fgColor=COMPUTED_HEADER_RGB)
COMPUTED_CELL_FILL = PatternFill("solid", fgColor=COMPUTED_CELL_RGB)
LABEL_FILL = PatternFill("solid", fgColor=LABEL_RGB)
INPUT_FILL = PatternFill("solid", fgColor=INPUT_RGB)
SECTION_FILL = PatternFill("solid", fgColor=SECTION_RGB)

_THIN = Side(style="thin", color="8EA9C1")
HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
INPUT_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

# Every font names its face: a bold or italic font without a name falls back to a serif face in
# LibreOffice.
FONT_NAME = "Calibri"
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14)
HINT_FONT = Font(name=FONT_NAME, italic=True, color=HINT_RGB)
HEADER_FONT = Font(name=FONT_NAME, bold=True)
COMPUTED_HEADER_FONT = Font(name=FONT_NAME, bold=True, italic=True)
SECTION_FONT = Font(name=FONT_NAME, bold=True, size=12)
EXPLAIN_FONT = Font(name=FONT_NAME, italic=True, color=HINT_RGB)

# Sheet protection locks header rows and labels only; every other cell carries UNLOCKED.
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)

HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP_TOP = Alignment(vertical="top", wrap_text=True)
TOP = Alignment(vertical="top")

# Number formats by Column.kind. General for plain numbers: '#,##0.##' would print 85 as "85.".
FORMAT_BY_KIND = {
    "money": "#,##0",
    "percent": "0.00",
    "number": "General",
    "code": "@",  # keep codes such as 1.01 as text instead of numbers
}

# Free-text columns that get wide, wrapping cells.
LONG_TEXT_KEYS = frozenset(
    {"tujuan", "sasaran", "indikator", "program_kegiatan", "uraian", "keterangan"}
)
_WIDTH_BY_KEY = {
    "tujuan": 36, "sasaran": 36, "indikator": 40, "program_kegiatan": 40, "uraian": 44,
    "keterangan": 30, "satuan": 10, "polaritas": 11, "kategori": 17, "sumber": 18,
    "sumber_dana": 14, "kode": 12, "kode_indikator": 12, "baris": 12, "terhadap": 20,
    "efisiensi": 10, "target_akhir": 12, "standar_nasional": 11, "sumber_standar": 22,
    "cara_hitung": 15, "tren": 11, "progres": 19, "capaian_standar": 21,
}
_WIDTH_BY_KIND = {"money": 18, "percent": 11, "number": 12, "code": 12, "role": 12}
YEAR_WIDTH = 10
DEFAULT_WIDTH = 14


@dataclass(frozen=True, slots=True)
class CellStyle:
    """What a data cell of one column looks like."""

    number_format: str
    fill: PatternFill | None
    alignment: Alignment

    def apply(self, cell: Cell) -> None:
        cell.number_format = self.number_format
        cell.alignment = self.alignment
        cell.protection = UNLOCKED
        if self.fill is not None:
            cell.fill = self.fill

    def apply_to_column(self, dim: ColumnDimension) -> None:
        """A column-level style, so rows staff add in Excel look like the template's (and
        stay editable on the protected sheet)."""
        dim.number_format = self.number_format
        dim.alignment = self.alignment
        dim.protection = UNLOCKED
        if self.fill is not None:
            dim.fill = self.fill


def data_style(key: str, kind: str, computed: bool) -> CellStyle:
    fmt = FORMAT_BY_KIND.get(kind, "General")
    align = WRAP_TOP if key in LONG_TEXT_KEYS else TOP
    return CellStyle(fmt, COMPUTED_CELL_FILL if computed else None, align)


def column_width(key: str, kind: str) -> float:
    return _WIDTH_BY_KEY.get(key, _WIDTH_BY_KIND.get(kind, DEFAULT_WIDTH))


def style_header(cell: Cell, computed: bool) -> None:
    cell.font = COMPUTED_HEADER_FONT if computed else HEADER_FONT
    cell.fill = COMPUTED_HEADER_FILL if computed else INPUT_HEADER_FILL
    cell.alignment = HEADER_ALIGN
    cell.border = HEADER_BORDER
    cell.protection = LOCKED


def help_comment(text: str) -> Comment:
    """A note with the column's help text; sized so that a two-line text shows whole."""
    comment = Comment(text, COMMENT_AUTHOR)
    comment.width = 260
    comment.height = 40 + 16 * (len(text) // 40 + 1)
    return comment
