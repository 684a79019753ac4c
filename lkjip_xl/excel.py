"""The Excel button: run lkjip-xl on the workbook open in Excel, through xlwings.

    result = run_on_book(xw.Book.caller())   # desktop Excel (RunPython), xlwings Server, Lite
    result.ok, result.message                # what to tell the person who clicked

`run_on_book` does what `lkjip-xl fix` does, in the open workbook instead of a copy: it reads
every sheet's values, builds the same Report (`reading.build_report`), and asks
`fixing.plan_fix` for the same findings, corrections, summary and Ringkasan / Temuan layouts.
Then it writes them: each changed cell gets its new value and its mark's fill (corrected,
filled, text turned into a number; amber for every cell with something to review), and the
Ringkasan and Temuan sheets are replaced (deleted and added again right after the input
sheets), values and fills. No rule logic lives here.

Portable subset. The same function runs in every xlwings client: desktop Excel (COM or
AppleScript), xlwings Server (a JSON snapshot of the workbook, `xw.Book(json=...)`, whose
changes go back to Excel as a list of actions) and xlwings Lite. It therefore uses only the
operations all of them support, listed in `PORTABLE`; `tests/test_excel.py` runs it through
proxies that fail on anything else. Three more, in `OPTIONAL`, are tried and skipped where the
client raises NotImplementedError: whether a sheet is hidden, which cells hold formulas
(desktop only), and cell notes (desktop and Office.js clients), the equivalent of fix's
comments. `main()` alone also uses `app.alert`.

What values cannot tell, and fix can (it reads the file itself):
- formulas: where the client cannot say which cells hold one (xlwings Server, Lite), a wrong
  computed value is overwritten even when a formula produced it; fix marks such a cell;
- Excel's % format: 95,12% arrives as 0.9512 and is read as 0.9512 (the template never uses
  that format; fix reads it as 95.12 percentage points);
- merged cells: a Sasaran merged over several rows belongs to its first row only;
- hidden sheets, where the client does not send visibility (the VBA client);
- error values arrive as text ('#DIV/0!'); they are read as errors, as fix reads them, so a
  cell in which someone typed the text '#N/A' is reported as an error too.
Everything written as text is prefixed with an apostrophe, so that Excel keeps it exactly as
text: never a number, a date or a formula ('1.000', '12/3', '=A1' stay text).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Config
from .corrections import CellChange
from .fixing import FixPlan, plan_fix
from .messages import DEFAULT_LANG, t
from .model import column_letter
from .output_sheets import OutSheet
from .reading.cellmeta import CellMeta
from .reading.limits import Limits
from .reading.opening import RawSheet, RawWorkbook
from .reading.report_reader import build_report
from .schema import INPUT_SHEETS, OUTPUT_SHEETS, normalise
from .writers.styles import COMMENT_MARKER, MARKS, look

# The xlwings operations this module uses; "x=" is an assignment. Every client supports them.
PORTABLE: dict[str, frozenset[str]] = {
    "Book": frozenset({"name", "sheets", "app"}),
    "Sheets": frozenset({"__iter__", "__getitem__", "add"}),
    "Sheet": frozenset({"name", "used_range", "range", "delete", "activate"}),
    "Range": frozenset({"row", "column", "shape", "options", "value", "value=", "color="}),
    "App": frozenset({"alert"}),
}
# Tried, and skipped where the client raises NotImplementedError (or lacks them).
OPTIONAL: dict[str, frozenset[str]] = {
    "Sheet": frozenset({"visible"}),
    "Range": frozenset({"formula", "note", "add_note"}),
    "Note": frozenset({"text", "text="}),
}
_UNSUPPORTED = (NotImplementedError, AttributeError, KeyError)

# Excel's error values, as a client sends them with `err_to_str`.
ERROR_VALUES = frozenset({
    "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#DATA!", "#SPILL!",
    "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#GETTING_DATA",
})
_MIDNIGHT = dt.time(0, 0)


@dataclass(frozen=True, slots=True)
class ExcelResult:
    """What happened. `ok` False: nothing was written, `message` says why."""

    ok: bool
    message: str
    fix: FixPlan | None = None
    notes: bool = False  # the client took cell notes (fix's comments)
    formulas_known: bool = False  # the client told which cells hold formulas

    @property
    def findings(self) -> int:
        return len(self.fix.findings) if self.fix is not None else 0


# --- running -------------------------------------------------------------------------------

def run_on_book(book: Any, config: Config | None = None, *, lang: str = DEFAULT_LANG,
                unsafe: bool = False, limits: Limits | None = None) -> ExcelResult:
    """Check `book` (an `xlwings.Book`) and write the results into it, as `fix` would."""
    raw = read_book(book, limits)
    if not any(_has_content(s) for s in raw.sheets.values()):
        return ExcelResult(False, t("excel.empty_book", lang))
    report = build_report(raw)
    if not report.sheet_names:
        found = ", ".join(list(raw.sheets)[:12]) or "-"
        return ExcelResult(False, t("excel.wrong_sheets", lang,
                                    expected=", ".join(INPUT_SHEETS), found=found))
    if not (report.indicators or report.pk_rows or report.measurements or report.budget_rows):
        return ExcelResult(False, t("excel.no_data", lang))
    protected = formula_cells(book, report.sheet_names.values())
    fix = plan_fix(report, config, unsafe=unsafe, protected=protected or ())
    notes = _Notes()
    apply_plan(book, fix, lang, notes)
    replace_output_sheets(book, fix, lang, report.sheet_names.values())
    actions = fix.actions
    lines = [t("excel.done", lang, counts=t(
        "fix.counts", lang, corrected=actions["corrected"], filled=actions["filled"],
        converted=actions["converted"], review=actions["review"],
        findings=len(fix.findings)))]
    missing = [name for name in INPUT_SHEETS if name not in report.sheet_names]
    if missing:
        lines.append(t("excel.missing_some", lang, sheets=", ".join(missing)))
    if not notes.enabled and (fix.plan.changes or fix.plan.marks):
        lines.append(t("excel.no_notes", lang))
    return ExcelResult(True, "\n".join(lines), fix, notes=notes.enabled and notes.written > 0,
                       formulas_known=protected is not None)


def main(*, xlwings_version: str | None = None, lang: str | None = None) -> ExcelResult | None:
    """The button's entry point: `RunPython "import NAME; NAME.main()"` calls NAME.main(),
    which calls this on `xw.Book.caller()` and shows the outcome in a message box.

    `xlwings_version`: the version of the workbook's VBA module; Python's xlwings must match.
    """
    import xlwings as xw

    lang = lang or os.environ.get("LKJIP_XL_LANG") or DEFAULT_LANG
    book = xw.Book.caller()
    if xlwings_version and xlwings_version != xw.__version__:
        alert(book, t("excel.version", lang, expected=xlwings_version, found=xw.__version__),
              lang, critical=True)
        return None
    try:
        result = run_on_book(book, lang=lang)
    except Exception as exc:  # staff get one clear message, not a traceback
        import traceback

        traceback.print_exc()
        detail = f"{type(exc).__name__}: {exc}"[:400]
        alert(book, t("excel.unexpected", lang, detail=detail), lang, critical=True)
        return None
    alert(book, result.message, lang, critical=not result.ok)
    return result


def alert(book: Any, text: str, lang: str = DEFAULT_LANG, *, critical: bool = False) -> bool:
    """A message box where the client has one (False where it has not)."""
    try:
        book.app.alert(text, title=t("excel.title", lang),
                       mode="critical" if critical else "info")
    except _UNSUPPORTED:
        return False
    return True


# --- reading -------------------------------------------------------------------------------

def read_book(book: Any, limits: Limits | None = None) -> RawWorkbook:
    """Every sheet's values as the file reader gives them: numbers as floats, blanks as '',
    dates at midnight as dates, error values as blanks recorded in `meta.errors`."""
    limits = limits or Limits()
    raw = RawWorkbook(Path(str(book.name)))
    errors: dict[str, dict[str, str]] = {}
    for sheet in book.sheets:
        name = sheet.name
        found: dict[str, str] = {}
        rows, truncated = _sheet_rows(sheet, limits, found)
        raw.sheets[name] = RawSheet(name, rows, visible=_visible(sheet), truncated=truncated)
        if found:
            errors[name] = found
    raw.meta = CellMeta(errors=errors)
    return raw


def _sheet_rows(sheet: Any, limits: Limits, errors: dict[str, str]
                ) -> tuple[list[list[object]], bool]:
    used = sheet.used_range
    row0, col0 = used.row, used.column
    nrows, ncols = used.shape
    last_row, last_col = row0 + nrows - 1, col0 + ncols - 1
    truncated = last_row > limits.max_rows
    last_row = min(last_row, limits.max_rows)
    if last_row < row0 or (last_row - row0 + 1) * ncols > limits.max_cells:
        return [], truncated
    values = sheet.range((row0, col0), (last_row, last_col)).options(
        ndim=2, err_to_str=True).value or []
    grid: list[list[object]] = [[""] * last_col for _ in range(last_row)]
    for i, row in enumerate(values):
        r = row0 + i
        for j, value in enumerate(row):
            c = col0 + j
            cleaned = _cell_value(value)
            if cleaned is _ERROR:
                errors[f"{column_letter(c)}{r}"] = str(value)
                cleaned = ""
            grid[r - 1][c - 1] = cleaned
    return _trim(grid), truncated


_ERROR = object()


def _cell_value(value: object) -> object:
    """A value as python-calamine reads it from the file (`reading.opening`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)  # every Excel number is a double; JSON clients drop the '.0'
    if isinstance(value, str):
        return _ERROR if value in ERROR_VALUES else value
    if isinstance(value, dt.datetime) and value.time() == _MIDNIGHT and value.tzinfo is None:
        return value.date()
    return value


def _trim(grid: list[list[object]]) -> list[list[object]]:
    """Drop blank rows and columns after the last value (the file reader stops there too)."""
    last_row = max((i for i, row in enumerate(grid) if any(v != "" for v in row)), default=-1)
    grid = grid[: last_row + 1]
    last_col = max((j for row in grid for j, v in enumerate(row) if v != ""), default=-1)
    return [row[: last_col + 1] for row in grid]


def _has_content(sheet: RawSheet) -> bool:
    return any(v != "" for row in sheet.rows for v in row)


def _visible(sheet: Any) -> bool:
    try:
        return bool(sheet.visible)
    except _UNSUPPORTED:  # the VBA client does not send it
        return True


def formula_cells(book: Any, sheet_names: Iterable[str]) -> set[tuple[str, str]] | None:
    """(sheet, address) of the cells holding a formula, or None where the client cannot say
    (xlwings Server and Lite send values only)."""
    found: set[tuple[str, str]] = set()
    for name in sheet_names:
        used = book.sheets[name].used_range
        try:
            formulas = used.formula
        except _UNSUPPORTED:
            return None
        if isinstance(formulas, str) or formulas is None:
            formulas = ((formulas,),)
        for i, row in enumerate(formulas):
            if isinstance(row, str):  # a single row or column comes back flat
                row = (row,)
            for j, text in enumerate(row):
                if isinstance(text, str) and text.startswith("="):
                    found.add((name, f"{column_letter(used.column + j)}{used.row + i}"))
    return found


# --- writing -------------------------------------------------------------------------------

def as_excel(value: object) -> object:
    """A value for `Range.value`: text keeps a leading apostrophe, which Excel drops after
    storing the rest as text; integral numbers as ints."""
    if isinstance(value, str):
        return "'" + value if value else None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _hex(rgb: str) -> str:
    return "#" + rgb


class _Notes:
    """Cell notes (fix's comments) where the client takes them: the first refusal turns them
    off for the run. A note already on a cell keeps its text above `COMMENT_MARKER`; a note
    whose text the client cannot read is left as it is."""

    def __init__(self) -> None:
        self.enabled = True
        self.written = 0

    def write(self, rng: Any, text: str) -> None:
        if not self.enabled:
            return
        body = f"{COMMENT_MARKER}\n{text}"
        try:
            existing = rng.note
            if existing is not None:
                try:
                    old = existing.text or ""
                except NotImplementedError:
                    return
                kept = old.split(COMMENT_MARKER, 1)[0].rstrip()
                existing.text = f"{kept}\n\n{body}" if kept else body
            else:
                rng.add_note(body)
        except _UNSUPPORTED:
            self.enabled = False
            return
        self.written += 1


def apply_plan(book: Any, fix: FixPlan, lang: str = DEFAULT_LANG,
               notes: _Notes | None = None) -> None:
    """Write the plan's new values, each cell's mark as its fill (the same marks as `fix`:
    corrected, filled, converted from text, review whenever something is left to check;
    values and colours only, so the font and border cues are file-only), and the notes."""
    notes = notes or _Notes()
    sheets: dict[str, Any] = {}
    for item in (*fix.plan.changes, *fix.plan.marks):
        name = item.ref.sheet
        if name not in sheets:
            sheets[name] = book.sheets[name]
        rng = sheets[name].range((item.ref.row, item.ref.col))
        if isinstance(item, CellChange):
            rng.value = as_excel(item.new)
        rng.color = _hex(MARKS[item.mark.value].fill)
        notes.write(rng, item.comment(lang))


def replace_output_sheets(book: Any, fix: FixPlan, lang: str = DEFAULT_LANG,
                          input_sheets: Collection[str] = ()) -> None:
    """Delete older Ringkasan / Temuan (matched by normalised name), add new ones right after
    the input sheets, write them, and show Ringkasan."""
    wanted = {normalise(name) for name in OUTPUT_SHEETS}
    old = [s for s in book.sheets if normalise(s.name) in wanted]
    kept = [s.name for s in book.sheets if normalise(s.name) not in wanted]
    for sheet in old:
        sheet.delete()
    inputs = set(input_sheets)
    anchor = last = None
    for sheet in book.sheets:
        last = sheet
        if sheet.name in inputs:
            anchor = sheet
    anchor = anchor or last
    created = []
    for layout in fix.sheets(lang, kept):
        sheet = book.sheets.add(name=layout.name, after=anchor)
        write_sheet(sheet, layout)
        created.append(sheet)
        anchor = sheet
    if created:
        created[0].activate()


def write_sheet(sheet: Any, layout: OutSheet) -> None:
    """The layout's values in one write, then its fills, one range per run of a colour."""
    width = max((len(row) for row in layout.rows), default=0)
    if width == 0:
        return
    grid = [[as_excel(c.value) for c in row] + [None] * (width - len(row))
            for row in layout.rows]
    sheet.range((1, 1), (len(grid), width)).value = grid
    for r, row in enumerate(layout.rows, start=1):
        for first, last, rgb in _fill_runs(row):
            sheet.range((r, first), (r, last)).color = _hex(rgb)


def _fill_runs(row: Iterable[Any]) -> list[tuple[int, int, str]]:
    """(first column, last column, colour) of each run of cells with the same fill."""
    runs: list[tuple[int, int, str]] = []
    for col, out in enumerate(row, start=1):
        fill = look(out.style).fill if out.style else None
        if fill is None:
            continue
        if runs and runs[-1][2] == fill and runs[-1][1] == col - 1:
            runs[-1] = (runs[-1][0], col, fill)
        else:
            runs.append((col, col, fill))
    return runs
