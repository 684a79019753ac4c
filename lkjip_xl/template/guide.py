"""The `Petunjuk` sheet: how to fill the workbook, in Bahasa Indonesia.

Two columns: a short label (A) and its explanation (B). The lists of computed columns and of
row roles come from the schema, so the guide cannot drift from what the reader expects.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from openpyxl.worksheet.worksheet import Worksheet

from ..schema import TABLES, TEMPLATE_HEADER_ROW
from . import texts
from .styles import (
    HEADER_FONT,
    LABEL_FILL,
    SECTION_FILL,
    SECTION_FONT,
    TITLE_FONT,
    TOP,
    WRAP_TOP,
)

LABEL_WIDTH = 30
TEXT_WIDTH = 100
_LINE_HEIGHT = 15.0
_CHARS_PER_LINE = 95  # a little under TEXT_WIDTH: proportional fonts run wider on some words


def build_guide(ws: Worksheet) -> None:
    ws.column_dimensions["A"].width = LABEL_WIDTH
    ws.column_dimensions["B"].width = TEXT_WIDTH
    ws["A1"] = texts.TITLE_GUIDE
    ws["A1"].font = TITLE_FONT
    ws.row_dimensions[1].height = 22
    row = _paragraph(ws, 3, texts.GUIDE_INTRO)
    row = _section(ws, row + 1, "Lembar dalam buku kerja", texts.SHEET_GUIDE_LINES)
    row = _section(ws, row + 1, "Judul kolom, Kode Indikator dan warna", texts.LAYOUT_LINES)
    for sheet, roles in texts.ROLE_GUIDE.items():
        items = [(role.value, f"{meaning} Contoh: {example}") for role, meaning, example in roles]
        row = _section(ws, row + 1, f"Kolom Baris di lembar {sheet}", items)
    row = _section(ws, row + 1, "Kolom pilihan: Polaritas, Terhadap, Efisiensi",
                   texts.OPTIONAL_LINES)
    row = _section(ws, row + 1, "Lembar Perbandingan (boleh tidak diisi)",
                   texts.COMPARISON_LINES)
    row = _section(ws, row + 1, "Kolom yang dihitung oleh lkjip-xl", _computed_lines())
    row = _section(ws, row + 1, "Menulis angka", texts.NUMBER_LINES)
    row = _section(ws, row + 1, "Proteksi lembar", texts.PROTECTION_LINES)
    _section(ws, row + 1, "Menjalankan lkjip-xl", texts.COMMAND_LINES)


def _computed_lines() -> list[tuple[str, str]]:
    lines = []
    for spec in TABLES.values():
        headers = [col.header for col in spec.columns if col.computed]
        if headers:
            lines.append((spec.sheet, ", ".join(headers) + ": isi seperti tertulis di laporan "
                          "atau biarkan kosong; lkjip-xl menghitung dan membandingkannya."))
    lines.append(("Baris judul", f"Judul kolom ada di baris {TEMPLATE_HEADER_ROW}; "
                                 "data mulai di baris berikutnya."))
    return lines


def _section(ws: Worksheet, row: int, heading: str, items: Iterable[tuple[str, str]]) -> int:
    """Write a heading and its (label, text) items; return the next free row."""
    for col in (1, 2):
        ws.cell(row, col).fill = SECTION_FILL
    ws.cell(row, 1, heading).font = SECTION_FONT
    row += 1
    for label, text in items:
        label_cell = ws.cell(row, 1, label)
        label_cell.font = HEADER_FONT
        label_cell.fill = LABEL_FILL
        label_cell.alignment = WRAP_TOP
        ws.cell(row, 2, text).alignment = WRAP_TOP
        _fit_height(ws, row, text, label)
        row += 1
    return row


def _paragraph(ws: Worksheet, row: int, text: str) -> int:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    ws.cell(row, 1, text).alignment = WRAP_TOP
    _fit_height(ws, row, text, "", chars=_CHARS_PER_LINE + LABEL_WIDTH)
    ws.cell(row, 2).alignment = TOP
    return row + 1


def _fit_height(ws: Worksheet, row: int, text: str, label: str,
                chars: int = _CHARS_PER_LINE) -> None:
    """Set the row height for wrapped text: not every spreadsheet autofits on opening."""
    lines = max(math.ceil(len(text) / chars), math.ceil(len(label) / (LABEL_WIDTH - 2)), 1)
    if lines > 1:
        ws.row_dimensions[row].height = _LINE_HEIGHT * lines
