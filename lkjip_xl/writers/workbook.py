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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..corrections import CellChange, CorrectionPlan
from ..output_sheets import OutSheet, fix_sheets
from ..schema import OUTPUT_SHEETS, normalise
from .atomic import write_atomic
from .sheets import render
from .styles import CHANGED_RGB, COMMENT_AUTHOR, COMMENT_MARKER, REVIEW_RGB

if TYPE_CHECKING:
    from openpyxl import Workbook

    from ..provenance import Provenance
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
                    actions: dict[str, int] | None = None,
                    provenance: Provenance | None = None) -> Path:
    """Apply `plan` to a copy of `src`, add Ringkasan and Temuan, save to `out` atomically.

    `input_sheets`: the names of the workbook's input sheets (Report.sheet_names values);
    the new sheets go right after the last of them.
    """
    wb = load(Path(src))
    apply_plan(wb, plan, lang)
    replace_output_sheets(wb, fix_sheets(summary, findings, plan, lang, actions,
                                         sheets=_kept_sheets(wb), provenance=provenance),
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
        if isinstance(item, CellChange):
            if c.data_type == "f":
                continue  # never overwrite a formula (the plan should have marked it)
            _set_value(c, item)
            c.fill = changed_fill
        else:
            c.fill = review_fill
        c.comment = _comment(c.comment, item.comment(lang))


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
