"""Write the corrected workbook: a copy of the input with the plan applied (values, fills,
comments), the `Ringkasan` and `Temuan` sheets added, saved atomically. The input is only read.

What it does to the copy, and nothing else:
- every changed cell gets its new value, the CHANGED fill and a comment with the old value,
  the new one and the rule; every marked cell the REVIEW fill and a comment saying what to
  check. A comment already on the cell is kept above the line `COMMENT_MARKER`; what `fix`
  wrote below that line in an earlier run is replaced;
- a value written into a cell shown in Excel's % format is divided by 100, so the cell still
  shows the same percentage points (and reads back the same);
- older `Ringkasan` / `Temuan` sheets are replaced; the new ones go right after the input
  sheets, and Ringkasan is the sheet shown on opening;
- the workbook is set to recalculate fully on load (openpyxl saves formulas without cached
  values), and saved via `write_atomic`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from copy import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..corrections import CellChange, CorrectionPlan
from ..output_sheets import OutSheet, fix_sheets
from ..schema import OUTPUT_SHEETS, normalise
from .atomic import write_atomic
from .styles import CHANGED_RGB, COMMENT_AUTHOR, COMMENT_MARKER, REVIEW_RGB, Look, look

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from ..rules.base import Finding
    from ..summary import Summary

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
COMMENT_WIDTH = 340  # points: about 55 characters a line
_CHARS_PER_LINE = 52


def keeps_vba(path: Path) -> bool:
    return path.suffix.lower() in (".xlsm", ".xltm")


def load(path: Path) -> Workbook:
    """The workbook for editing: VBA kept for .xlsm, rich text kept. openpyxl's warnings about
    extensions it drops are silenced: `preserve.droppable_parts` reported them already (and
    `fix` only writes such a workbook with --force)."""
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            return load_workbook(path, keep_vba=keeps_vba(path), rich_text=True,
                                 keep_links=True)
        except Exception as exc:  # calamine read it, openpyxl cannot: nothing is written
            from ..model import WorkbookError

            raise WorkbookError(path, "fix.cannot_load",
                                f"{type(exc).__name__}: {exc}".splitlines()[0][:200]) from exc


def write_corrected(src: Path, out: Path, plan: CorrectionPlan, summary: Summary,
                    findings: Sequence[Finding], *, lang: str = "id",
                    input_sheets: Collection[str] = (),
                    actions: dict[str, int] | None = None) -> Path:
    """Apply `plan` to a copy of `src`, add Ringkasan and Temuan, save to `out` atomically.

    `input_sheets`: the names of the workbook's input sheets (Report.sheet_names values);
    the new sheets go right after the last of them.
    """
    wb = load(Path(src))
    apply_plan(wb, plan, lang)
    replace_output_sheets(wb, fix_sheets(summary, findings, plan, lang, actions,
                                         sheets=_kept_sheets(wb)),
                          input_sheets)
    if wb.calculation is None:  # a workbook without <calcPr> (written by other tools)
        from openpyxl.workbook.properties import CalcProperties

        wb.calculation = CalcProperties()
    wb.calculation.fullCalcOnLoad = True
    return write_atomic(Path(out), wb.save)


def _kept_sheets(wb: Workbook) -> set[str]:
    """The sheets a Temuan link may point to: those that stay in the workbook."""
    names = {normalise(n) for n in OUTPUT_SHEETS}
    return {n for n in wb.sheetnames if normalise(n) not in names}


# --- cells ---------------------------------------------------------------------------------

def apply_plan(wb: Workbook, plan: CorrectionPlan, lang: str = "id") -> None:
    from openpyxl.cell.cell import MergedCell
    from openpyxl.styles import PatternFill

    changed_fill = PatternFill("solid", fgColor=CHANGED_RGB)
    review_fill = PatternFill("solid", fgColor=REVIEW_RGB)
    for item in (*plan.changes, *plan.marks):
        if item.ref.sheet not in wb.sheetnames:
            continue
        ws = wb[item.ref.sheet]
        c = ws.cell(row=item.ref.row, column=item.ref.col)
        if isinstance(c, MergedCell):
            continue
        if not c.has_style:
            _take_column_style(ws, c)
        if isinstance(item, CellChange):
            if c.data_type == "f":
                continue  # never overwrite a formula (the plan should have marked it)
            _set_value(c, item)
            c.fill = changed_fill
        else:
            c.fill = review_fill
        c.comment = _comment(c.comment, item.comment(lang))


def _take_column_style(ws: Worksheet, c: Any) -> None:
    """A cell fix creates looks like its column: number format, alignment, and protection
    (on the template's protected sheets every data column is unlocked, so a filled cell stays
    editable; the sheet's protection itself is kept as it was)."""
    for dim in ws.column_dimensions.values():
        low, high = dim.min or 0, dim.max or 0
        if low <= c.column <= high and dim.has_style:
            c._style = copy(dim._style)
            return


def _set_value(c: Any, change: CellChange) -> None:
    value = change.new
    if isinstance(value, str):
        c.value = value
        c.data_type = "s"  # text, even if it starts with '=': never a formula
        return
    fmt = c.number_format or "General"
    if is_percent_format(fmt):
        value = round(value / 100, 12)
    elif fmt == "@":
        c.number_format = "General"
    c.value = float(value) if not float(value).is_integer() else _int_or_float(value)


def _int_or_float(value: float) -> int | float:
    return int(value) if abs(value) < 2**53 else value


def is_percent_format(fmt: str) -> bool:
    return "%" in _QUOTED.sub("", fmt or "")


def _comment(existing: Any, text: str) -> Any:
    from openpyxl.comments import Comment

    kept = ""
    if existing is not None and existing.text:
        kept = existing.text.split(COMMENT_MARKER, 1)[0].rstrip()
    body = f"{COMMENT_MARKER}\n{text}"
    full = f"{kept}\n\n{body}" if kept else body
    comment = Comment(full, COMMENT_AUTHOR)
    lines = sum(max(1, math.ceil(len(line) / _CHARS_PER_LINE)) for line in full.splitlines())
    comment.width = COMMENT_WIDTH
    comment.height = min(600, 24 + 15 * lines)
    return comment


# --- the sheets fix adds -------------------------------------------------------------------

def replace_output_sheets(wb: Workbook, sheets: Sequence[OutSheet],
                          input_sheets: Collection[str] = ()) -> None:
    """Remove older copies of `sheets` (matched by normalised name), then add them right
    after the input sheets, the first one shown on opening."""
    wanted = {normalise(s.name) for s in sheets}
    for ws in list(wb.worksheets):
        if normalise(ws.title) in wanted:
            wb.remove(ws)
    positions = [i for i, name in enumerate(wb.sheetnames) if name in set(input_sheets)]
    index = positions[-1] + 1 if positions else len(wb.sheetnames)
    created = []
    for offset, sheet in enumerate(sheets):
        ws = wb.create_sheet(sheet.name, index + offset)
        render(ws, sheet)
        created.append(ws)
    if created:
        for ws in wb.worksheets:
            ws.sheet_view.tabSelected = False
        wb.active = wb.worksheets.index(created[0])
        created[0].sheet_view.tabSelected = True


def render(ws: Worksheet, sheet: OutSheet) -> None:
    from openpyxl.worksheet.hyperlink import Hyperlink

    styled: dict[str, Any] = {}  # style key -> a cell styled that way
    for r, row in enumerate(sheet.rows, start=1):
        for col, out in enumerate(row, start=1):
            if out.value is None and not out.style:
                continue
            c = ws.cell(row=r, column=col)
            c.value = out.value
            if isinstance(out.value, str):
                c.data_type = "s"
            model = styled.get(out.style)
            if model is not None:
                # openpyxl's fast path: share the style array of a cell styled alike
                # (setting font, fill, ... one by one registers each again: 3x slower).
                c._style = copy(model._style)
            else:
                _apply_look(c, look(out.style))
                styled[out.style] = c
            if out.link:
                c.hyperlink = Hyperlink(ref=c.coordinate, location=out.link,
                                        display=str(out.value or ""))
    from openpyxl.utils import get_column_letter

    for col, width in sheet.widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    for row, height in sheet.heights().items():
        ws.row_dimensions[row].height = height
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if sheet.freeze:
        ws.freeze_panes = sheet.freeze
    if sheet.autofilter:
        ws.auto_filter.ref = sheet.autofilter
    if sheet.chart is not None:
        _add_chart(ws, sheet)


def _apply_look(c: Any, lk: Look) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    if lk.bold or lk.italic or lk.size or lk.color or lk.underline:
        c.font = Font(bold=lk.bold, italic=lk.italic, size=lk.size, color=lk.color,
                      underline="single" if lk.underline else None)
    if lk.fill:
        c.fill = PatternFill("solid", fgColor=lk.fill)
    c.alignment = Alignment(wrap_text=lk.wrap or None, horizontal=lk.align, vertical="top")
    if lk.number_format:
        c.number_format = lk.number_format


def _add_chart(ws: Worksheet, sheet: OutSheet) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference

    spec = sheet.chart
    assert spec is not None
    header = spec.first_row - 1
    cats = Reference(ws, min_col=spec.category_col, min_row=spec.first_row, max_row=spec.last_row)
    bar = BarChart()
    bar.type = "col"
    bar.title = spec.title
    bar.y_axis.title = spec.y_title
    bar.add_data(Reference(ws, min_col=spec.value_col, min_row=header, max_row=spec.last_row),
                 titles_from_data=True)
    bar.set_categories(cats)
    line = LineChart()
    line.add_data(Reference(ws, min_col=spec.line_col, min_row=header, max_row=spec.last_row),
                  titles_from_data=True)
    line.set_categories(cats)
    bar.x_axis.delete = False
    bar.y_axis.delete = False
    bar.y_axis.majorGridlines = None
    bar.legend.position = "b"
    bar += line
    n = spec.last_row - spec.first_row + 1
    bar.width = max(16.0, min(40.0, 2.0 * n))
    bar.height = 8.0
    ws.add_chart(bar, spec.anchor)
