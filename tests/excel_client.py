"""An Excel client on Linux, for testing the Excel layer for real.

- `payload(path)`: the JSON an xlwings client sends for a workbook (values only, anchored at
  A1), built from a real .xlsx the way Excel reads it: cached values, numbers as JSON numbers,
  dates as ISO strings, error values as text, blanks as null (VBA) or "" (Office.js).
- `remote_book(path)`: `xw.Book(json=payload(path))`, xlwings' remote engine.
- `apply_actions(src, actions, out)`: what the client does with the actions the engine
  returns, applied to a copy of the file with openpyxl, as Excel applies them: values (a
  leading apostrophe keeps text as text), fills, sheets added / deleted, notes, alerts.
- `Recorder`: proxies around xlwings objects that record every operation and fail on one
  outside `lkjip_xl.excel.PORTABLE` / `OPTIONAL`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # before xlwings is imported

import openpyxl
import xlwings as xw
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from lkjip_xl.excel import OPTIONAL, PORTABLE
from lkjip_xl.writers.workbook import LEGEND_PREFIXES

VBA, OFFICE_JS = "VBA", "Office.js"


# --- what the client sends -----------------------------------------------------------------

def _json_value(value: object, client: str) -> object:
    if value is None:
        return None if client == VBA else ""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else value  # JSON.stringify(1.0) == 1
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00.000Z"
    if isinstance(value, dt.time):
        return value.isoformat()
    return str(value)


def payload(path: Path, client: str = VBA, *, book_name: str | None = None,
            hidden_visibility: bool = True) -> dict[str, Any]:
    """The request body an xlwings client sends for the workbook at `path`."""
    values_wb = openpyxl.load_workbook(path, data_only=True)
    notes_wb = openpyxl.load_workbook(path) if client == OFFICE_JS else None
    sheets = []
    for ws in values_wb.worksheets:
        rows = [[_json_value(v, client) for v in row] for row in ws.iter_rows(
            min_row=1, min_col=1, max_row=ws.max_row, max_col=ws.max_column, values_only=True)]
        if rows == [[_json_value(None, client)]]:
            rows = [[]]
        sheet: dict[str, Any] = {"name": ws.title, "values": rows, "pictures": [],
                                 "tables": []}
        if client == OFFICE_JS:
            assert notes_wb is not None
            with_notes = notes_wb[ws.title]
            sheet.update({
                "visibility": "Visible" if ws.sheet_state == "visible" or not hidden_visibility
                else "Hidden",
                "notes": [{"address": c.coordinate} for row in with_notes.iter_rows()
                          for c in row if c.comment is not None],
                "used_range_address": _used_address(ws),
                "charts": [], "shapes": [], "show_gridlines": True, "pivot_tables": [],
            })
        sheets.append(sheet)
    data = {
        "client": client,
        "version": xw.__version__,
        "book": {"name": book_name or path.name, "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": sheets,
    }
    return json.loads(json.dumps(data))  # what goes over the wire


def _used_address(ws) -> str | None:
    cells = [(c.row, c.column) for row in ws.iter_rows() for c in row if c.value is not None]
    if not cells:
        return None
    r1, c1 = min(r for r, _ in cells), min(c for _, c in cells)
    r2, c2 = max(r for r, _ in cells), max(c for _, c in cells)
    return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"


def remote_book(path: Path, client: str = VBA, **kw: Any) -> xw.Book:
    return xw.Book(json=payload(path, client, **kw))


# --- what the client does with the answer --------------------------------------------------

_COERCED = re.compile(r"""^\s*(?:
    [-+(]?\s*[$€£Rp]*\s*[\d.,]+\s*%?\)?          # numbers, percentages, money
  | \d{1,4}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{1,4})?  # dates
  | true|false|benar|salah
)\s*$""", re.VERBOSE | re.IGNORECASE)


def stored(value: object) -> object:
    """What Excel stores for a value written through `Range.value`. Text that Excel would
    turn into a number, a date or a formula fails the test: the Excel layer must write it
    with a leading apostrophe."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        if value.startswith("'"):
            return value[1:]
        if value.startswith(("=", "+", "-", "@")) or _COERCED.match(value):
            raise AssertionError(f"Excel would not keep {value!r} as text")
        return value
    if isinstance(value, bool | int | float):
        return value
    raise AssertionError(f"unexpected value {value!r}")


class Applied:
    """The outcome of `apply_actions`: the alerts shown, the notes added."""

    def __init__(self) -> None:
        self.alerts: list[list[Any]] = []
        self.notes: dict[tuple[str, str], str] = {}


def apply_actions(src: Path, actions: Iterable[dict[str, Any]], out: Path) -> Applied:
    """Apply `actions` (from `book.json()`) to a copy of `src`, saved as `out`."""
    keep_vba = src.suffix.lower() == ".xlsm"
    wb = openpyxl.load_workbook(src, keep_vba=keep_vba)
    done = Applied()
    for action in actions:
        func, args = action["func"], action["args"]
        ws = wb.worksheets[action["sheet_position"]] \
            if action.get("sheet_position") is not None else None
        if func == "setValues":
            for i, row in enumerate(action["values"]):
                for j, value in enumerate(row):
                    c = ws.cell(action["start_row"] + 1 + i, action["start_column"] + 1 + j)
                    c.value = stored(value)
                    if isinstance(c.value, str):
                        c.data_type = "s"
        elif func == "setRangeColor":
            fill = PatternFill("solid", fgColor=args[0].lstrip("#").upper())
            for i in range(action["row_count"]):
                for j in range(action["column_count"]):
                    ws.cell(action["start_row"] + 1 + i, action["start_column"] + 1 + j).fill = fill
        elif func == "addSheet":
            wb.create_sheet(args[1], args[0])
        elif func == "sheetDelete":
            wb.remove(ws)
        elif func == "sheetClear":
            ws.delete_rows(1, ws.max_row)
        elif func == "activateSheet":
            wb.active = args[0]
        elif func in ("addNote", "setNoteText"):
            address, text = args
            ws[address].comment = Comment(text, "xlwings")
            done.notes[(ws.title, address.replace("$", ""))] = text
        elif func == "alert":
            done.alerts.append(args)
        else:
            raise AssertionError(f"the Excel layer sent an unexpected action: {func}")
    wb.save(out)
    return done


def run_remote(src: Path, out: Path, client: str = VBA, **kw: Any):
    """Payload from `src`, the Excel layer on the remote engine, actions applied to `out`."""
    from lkjip_xl.excel import run_on_book

    book = remote_book(src, client)
    result = run_on_book(book, **kw)
    applied = apply_actions(src, book.json()["actions"], out)
    return result, applied, book.json()["actions"]


# --- comparing workbooks -------------------------------------------------------------------

def cell_values(path: Path) -> dict[str, dict[str, object]]:
    """Sheet name -> {address: value} of every non-blank cell, sheets in workbook order."""
    wb = openpyxl.load_workbook(path)
    return {ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row
                       if c.value is not None and not _legend(c.value)} for ws in wb.worksheets}


def _legend(value: object) -> bool:
    """The one-line legend `fix` writes above a marked table (the button path does not)."""
    return isinstance(value, str) and value.startswith(LEGEND_PREFIXES)


def differences(a: dict[str, dict[str, object]], b: dict[str, dict[str, object]],
                limit: int = 20) -> list[str]:
    found = []
    if list(a) != list(b):
        found.append(f"sheets: {list(a)} != {list(b)}")
    for sheet in a.keys() & b.keys():
        for address in sorted(a[sheet].keys() | b[sheet].keys()):
            x, y = a[sheet].get(address), b[sheet].get(address)
            if x != y or isinstance(x, str) != isinstance(y, str):
                found.append(f"{sheet}!{address}: {x!r} != {y!r}")
    return found[:limit]


# --- recording proxies ---------------------------------------------------------------------

def _kind(obj: object) -> str | None:
    import xlwings.main as xm

    for kind, cls in (("Book", xm.Book), ("Sheets", xm.Sheets), ("Sheet", xm.Sheet),
                      ("Range", xm.Range), ("App", xm.App), ("Note", xm.Note)):
        if isinstance(obj, cls):
            return kind
    return None


class Recorder:
    """Records (kind, operation) of every use of an xlwings object reached from `wrap(book)`.

    Desktop Excel, emulated: `formulas` (sheet -> {address: formula}) answers
    `Range.formula`, and `notes` (sheet -> {address: text}) answers `Note.text`, both of which
    the remote engine refuses with NotImplementedError."""

    def __init__(self, formulas: dict[str, dict[str, str]] | None = None,
                 notes: dict[str, dict[str, str]] | None = None) -> None:
        self.log: list[tuple[str, str]] = []
        self.formulas = formulas
        self.notes = notes

    def wrap(self, obj: object) -> object:
        kind = _kind(obj)
        return _Proxy(obj, kind, self) if kind else obj

    def check(self, kind: str, op: str) -> None:
        allowed = PORTABLE.get(kind, frozenset()) | OPTIONAL.get(kind, frozenset())
        if op not in allowed:
            raise AssertionError(f"{kind}.{op} is outside the portable subset")
        self.log.append((kind, op))

    @property
    def used(self) -> set[tuple[str, str]]:
        return set(self.log)


def _unwrap(value: object) -> object:
    return object.__getattribute__(value, "_target") if isinstance(value, _Proxy) else value


class _Proxy:
    __slots__ = ("_kind", "_recorder", "_target")

    def __init__(self, target: object, kind: str, recorder: Recorder) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_recorder", recorder)

    def _r(self) -> Recorder:
        return object.__getattribute__(self, "_recorder")

    def __getattr__(self, name: str) -> object:
        kind = object.__getattribute__(self, "_kind")
        target = object.__getattribute__(self, "_target")
        recorder = self._r()
        recorder.check(kind, name)
        if kind == "Range" and name == "formula" and recorder.formulas is not None:
            return _desktop_formulas(target, recorder.formulas)
        if kind == "Note" and name == "text" and recorder.notes is not None:
            where = target.impl.range
            return recorder.notes.get(where.sheet.name, {}).get(where.address.replace("$", ""))
        value = getattr(target, name)
        if callable(value) and _kind(value) is None:
            def call(*args: Any, **kwargs: Any) -> object:
                args = tuple(_unwrap(a) for a in args)
                kwargs = {k: _unwrap(v) for k, v in kwargs.items()}
                return recorder.wrap(value(*args, **kwargs))
            return call
        return recorder.wrap(value)

    def __setattr__(self, name: str, value: object) -> None:
        self._r().check(object.__getattribute__(self, "_kind"), name + "=")
        setattr(object.__getattribute__(self, "_target"), name, _unwrap(value))

    def __iter__(self):
        self._r().check(object.__getattribute__(self, "_kind"), "__iter__")
        return (self._r().wrap(x) for x in object.__getattribute__(self, "_target"))

    def __getitem__(self, key: object) -> object:
        self._r().check(object.__getattribute__(self, "_kind"), "__getitem__")
        return self._r().wrap(object.__getattribute__(self, "_target")[key])


def _desktop_formulas(rng: Any, formulas: dict[str, dict[str, str]]) -> tuple:
    sheet = formulas.get(rng.sheet.name, {})
    nrows, ncols = rng.shape
    return tuple(tuple(sheet.get(f"{get_column_letter(rng.column + j)}{rng.row + i}", "")
                       for j in range(ncols)) for i in range(nrows))
