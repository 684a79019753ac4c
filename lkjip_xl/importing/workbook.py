"""The import's workbook: the standard template filled with the mapped rows, every imported
cell's source in a cell comment and its row's Keterangan, and the `Impor` sheet listing every
table of the document (mapped or not) with what became of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..messages import t
from ..schema import (
    IDENTITY_FIELDS,
    SHEET_BUDGET,
    SHEET_IDENTITY,
    SHEET_MEASUREMENT,
    SHEET_PK,
    SHEET_RPJMD,
    TEMPLATE_HEADER_ROW,
)
from ..template.builder import (
    _header_slots,
    _label_rows,
    build_template,
    fill_identity,
    fill_rows,
)
from ..template.styles import (
    COMMENT_AUTHOR,
    HEADER_BORDER,
    HINT_FONT,
    INPUT_BORDER,
    TITLE_FONT,
    WRAP_TOP,
    style_header,
)
from .checking import percent
from .document import Document
from .mapping import MappedTable, Source, page_range

SHEET_IMPORT = "Impor"
SHEET_ORDER = (SHEET_RPJMD, SHEET_PK, SHEET_MEASUREMENT, SHEET_BUDGET)
_IMPORT_COLUMNS = (("no", 5), ("page", 9), ("table", 7), ("caption", 30), ("header", 46),
                   ("sheet", 18), ("imported", 10), ("skipped", 10), ("why", 40),
                   ("confidence", 11))
_IMPORT_HEADER_ROW = 5
_TAB_IMPORT = "7F7F7F"
PAPER_A4 = 9
_CHARS_PER_WIDTH = 1.1  # characters of the body font per unit of column width
_LINE_POINTS = 15


@dataclass(frozen=True)
class ImportLine:
    """One line of the Impor sheet: one table of the document."""

    number: int
    pages: str
    caption: str
    header: str
    sheet: str  # the template table, or the "not mapped" words
    imported: int
    skipped: int
    why: str
    confidence: float | None

    def as_dict(self) -> dict[str, Any]:
        return {"table": self.number, "pages": self.pages, "caption": self.caption,
                "header": self.header, "sheet": self.sheet, "imported": self.imported,
                "skipped": self.skipped, "why": self.why, "confidence": self.confidence}


def import_lines(tables: list[MappedTable], lang: str) -> list[ImportLine]:
    lines = []
    for m in tables:
        rec = m.recognition
        table = rec.table
        pages = page_range(table.pages)
        if m.duplicate_of is not None:
            why = t("import.skip.duplicate", lang, n=m.duplicate_of)
        elif table.nested_in is not None and rec.sheet is None:
            why = t("import.skip.nested", lang, n=table.nested_in)
        elif rec.sheet is None:
            why = t(rec.reason or "import.skip.not_recognised", lang)
        else:
            why = _skipped_reasons(m, lang)
        mapped = m.sheet is not None
        lines.append(ImportLine(
            table.number, pages, " ".join(table.caption.split())[:200],
            rec.header_text()[:300],
            m.sheet if mapped else t("import.sheet.not_mapped", lang),
            len(m.rows) if mapped else 0,
            len(m.skipped) if mapped else max(0, len(table.rows) - len(rec.header_rows)),
            why, m.confidence if mapped else None))
    return lines


def _skipped_reasons(m: MappedTable, lang: str) -> str:
    by_reason: dict[str, list[int]] = {}
    for row, reason in m.skipped:
        by_reason.setdefault(reason, []).append(row)
    parts = [t("import.skip.rows", lang, rows=_ranges(rows), reason=t(reason, lang))
             for reason, rows in by_reason.items()]
    return "; ".join(parts)


def _ranges(rows: list[int]) -> str:
    out: list[str] = []
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if r is not None:
            start = prev = r
    return ", ".join(out)


def build_workbook(document: Document, tables: list[MappedTable], lines: list[ImportLine],
                   identity: dict[str, object], period: tuple[int, int, bool],
                   confidence: float, lang: str) -> Workbook:
    """The template filled with `tables`' rows, and `Impor` listing `lines`
    (`import_lines(tables)`). `period`: first and last year, and whether the document gives
    them (else they only shape the template's year columns)."""
    tahun = identity.get("tahun")
    year = tahun if isinstance(tahun, int) else period[1]
    wb = build_template(year, period[0], period[1])
    values = {k: v for k, v in identity.items() if k in {f.key for f in IDENTITY_FIELDS}}
    if period[2]:
        values.setdefault("periode_awal", period[0])
        values.setdefault("periode_akhir", period[1])
    fill_identity(wb[SHEET_IDENTITY], values)
    # not stated: never invented (build_template writes them)
    for key in ("tahun", "periode_awal", "periode_akhir"):
        if key not in values:
            _clear_identity(wb[SHEET_IDENTITY], key)
    for sheet in SHEET_ORDER:
        mapped = [m for m in tables if m.sheet == sheet]
        if mapped:
            _fill_sheet(wb[sheet], mapped, lang)
    _impor_sheet(wb.create_sheet(SHEET_IMPORT), document, tables, lines, identity, confidence,
                 lang)
    return wb


def _clear_identity(ws: Worksheet, key: str) -> None:
    row = _label_rows(ws).get(key)
    if row is not None:
        ws.cell(row, 2).value = None


def _fill_sheet(ws: Worksheet, tables: list[MappedTable], lang: str) -> None:
    slots = _header_slots(ws, TEMPLATE_HEADER_ROW)
    rows: list[dict[Any, object]] = []
    sources: list[dict[Any, Source]] = []
    for m in tables:
        for row in m.rows:
            values = {k: v for k, v in row.values.items() if k in slots}
            dropped = [k for k in row.values if k not in slots]
            notes = list(row.notes)
            for key in dropped:  # a year outside the template's period: quoted, not lost
                notes.append(f"{key}: {row.values[key]}")
            if notes:
                own = values.get("keterangan")
                values["keterangan"] = " ".join(
                    ([str(own)] if own else [])
                    + [n if n.endswith((".", "!", "?")) else f"{n}." for n in notes])
            rows.append(values)
            sources.append(row.sources)
    fill_rows(ws, rows, TEMPLATE_HEADER_ROW)
    for r, (values, found) in enumerate(zip(rows, sources, strict=True),
                                        start=TEMPLATE_HEADER_ROW + 1):
        _fit_height(ws, r, [(value, slots[key][1].width) for key, value in values.items()])
        for key, src in found.items():
            cell = ws.cell(r, slots[key][0]) if key in slots else None
            if cell is not None and cell.value is not None:
                cell.comment = _source_comment(src, lang)


def _fit_height(ws: Worksheet, row: int, cells: list[tuple[object, float]]) -> None:
    """A row tall enough for its wrapped text to show whole (not every spreadsheet fits rows
    on opening, and none does when printing), at most 12 lines."""
    from ..output_sheets import wrapped_lines

    lines = max((wrapped_lines(str(value), width * _CHARS_PER_WIDTH) for value, width in cells
                 if value is not None), default=1)
    ws.row_dimensions[row].height = _LINE_POINTS * min(lines, 12)


def _source_comment(src: Source, lang: str) -> Comment:
    page = t("import.comment.page", lang, page=src.page) if src.page else ""
    header = f" ({' '.join(src.header.split())[:60]})" if src.header else ""
    text = t("import.comment", lang, table=src.table, page=page, row=src.row, col=src.col,
             header=header)
    comment = Comment(text, COMMENT_AUTHOR)
    comment.width = 240
    comment.height = 60
    return comment


def _impor_sheet(ws: Worksheet, document: Document, tables: list[MappedTable],
                 lines: list[ImportLine], identity: dict[str, object], confidence: float,
                 lang: str) -> None:
    from pathlib import Path

    ws.sheet_properties.tabColor = _TAB_IMPORT
    last = len(_IMPORT_COLUMNS)
    mapped = sum(1 for m in tables if m.sheet is not None)
    ws.cell(1, 1, t("import.sheet.title", lang, name=Path(document.path).name)).font = TITLE_FONT
    kind = "PDF" if document.kind == "pdf" else "Word (.docx)"
    if document.pages:  # a .docx knows its pages only when Word saved its page breaks
        kind = t("import.sheet.pages", lang, kind=kind, pages=document.pages)
    intro = t("import.sheet.intro", lang, kind=kind, found=len(tables), mapped=mapped,
              confidence=percent(confidence, lang))
    fields = ", ".join(f"{f.header} = {identity[f.key]}" for f in IDENTITY_FIELDS
                       if f.key in identity)
    ident = t("import.sheet.identity", lang, fields=fields) if fields \
        else t("import.sheet.identity_none", lang)
    for row, text in ((2, intro), (3, ident)):
        cell = ws.cell(row, 1, text)
        cell.font = HINT_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        ws.row_dimensions[row].height = 32
    for col, (key, width) in enumerate(_IMPORT_COLUMNS, start=1):
        cell = ws.cell(_IMPORT_HEADER_ROW, col, t(f"import.col.{key}", lang))
        style_header(cell, computed=False)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[_IMPORT_HEADER_ROW].height = 30
    for i, line in enumerate(lines, start=1):
        r = _IMPORT_HEADER_ROW + i
        values = (i, line.pages, line.number, line.caption, line.header, line.sheet,
                  line.imported, line.skipped, line.why, percent(line.confidence, lang))
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col, value if value != "" else None)
            cell.alignment = WRAP_TOP
            cell.border = INPUT_BORDER
        _fit_height(ws, r, [(value, width) for value, (_key, width)
                            in zip(values, _IMPORT_COLUMNS, strict=True)])
    if not lines:
        ws.cell(_IMPORT_HEADER_ROW + 1, 1).border = HEADER_BORDER
    ws.freeze_panes = f"A{_IMPORT_HEADER_ROW + 1}"
    end = _IMPORT_HEADER_ROW + max(1, len(lines))
    ws.auto_filter.ref = f"A{_IMPORT_HEADER_ROW}:{get_column_letter(last)}{end}"
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{_IMPORT_HEADER_ROW}:{_IMPORT_HEADER_ROW}"
