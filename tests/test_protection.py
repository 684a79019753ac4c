"""The template's sheet protection (header rows and labels locked) and the tools that write into
a protected workbook: `fix` and the Excel button only touch unlocked cells, keep the
protection, and the reader reads a protected workbook as an unprotected one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from lkjip_xl import read_report, schema
from lkjip_xl.cli import cli
from lkjip_xl.writers.styles import COMMENT_MARKER

from .excel_client import run_remote

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx"
INPUTS = (schema.SHEET_IDENTITY, *schema.TABLES)


def locked(ws, row: int, col: int) -> bool:
    """Whether Excel treats the cell as locked: its own style, else its column's."""
    cell = ws._cells.get((row, col))
    if cell is not None and cell.has_style:
        return bool(cell.protection.locked)
    for dim in ws.column_dimensions.values():
        if dim.min and dim.max and dim.min <= col <= dim.max and dim.has_style:
            return bool(dim.protection.locked)
    return True


def test_the_examples_are_protected() -> None:
    wb = openpyxl.load_workbook(SEED)
    for name in (n for n in INPUTS if n in wb.sheetnames or n not in schema.OPTIONAL_SHEETS):
        assert wb[name].protection.sheet, name
        assert locked(wb[name], schema.TEMPLATE_HEADER_ROW, 1) or name == schema.SHEET_IDENTITY


def test_fix_writes_only_unlocked_cells_and_keeps_the_protection(tmp_path: Path) -> None:
    out = tmp_path / "seed.diperbaiki.xlsx"
    result = CliRunner().invoke(cli, ["fix", str(SEED), "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    before = openpyxl.load_workbook(SEED)
    after = openpyxl.load_workbook(out)
    touched = 0
    for name in (n for n in INPUTS if n in before.sheetnames or n not in schema.OPTIONAL_SHEETS):
        ws_before, ws_after = before[name], after[name]
        assert ws_after.protection.sheet and not ws_after.protection.password
        for row in ws_after.iter_rows():
            for c in row:
                if c.comment is None or COMMENT_MARKER not in c.comment.text:
                    continue
                touched += 1
                assert not locked(ws_before, c.row, c.column), f"{name}!{c.coordinate}"
                assert not locked(ws_after, c.row, c.column), \
                    f"{name}!{c.coordinate} became locked"
    assert touched > 200


def test_excel_button_writes_only_unlocked_cells(tmp_path: Path) -> None:
    result, _, actions = run_remote(SEED, tmp_path / "seed.excel.xlsx")
    assert result.ok
    wb = openpyxl.load_workbook(SEED)
    by_position = wb.sheetnames
    written = 0
    for action in actions:
        pos = action.get("sheet_position")
        if pos is None or pos >= len(by_position) or by_position[pos] not in INPUTS:
            continue
        if action["func"] in ("addSheet", "sheetDelete", "sheetClear"):
            raise AssertionError(f"the button replaced an input sheet: {action}")
        ws = wb[by_position[pos]]
        if action["func"] in ("setValues", "setRangeColor"):
            cells = [(action["start_row"] + 1 + i, action["start_column"] + 1 + j)
                     for i in range(action["row_count"])
                     for j in range(action["column_count"])]
        elif action["func"] in ("addNote", "setNoteText"):
            c = ws[action["args"][0].replace("$", "")]
            cells = [(c.row, c.column)]
        else:
            continue
        for row, col in cells:
            written += 1
            assert not locked(ws, row, col), (ws.title, row, col, action["func"])
    assert written > 200


def test_reader_is_unaffected_by_protection(tmp_path: Path) -> None:
    open_copy = tmp_path / "unprotected.xlsx"
    wb = openpyxl.load_workbook(SEED)
    for ws in wb.worksheets:
        ws.protection.sheet = False
    wb.save(open_copy)
    protected_copy = tmp_path / "protected.xlsx"
    shutil.copy(SEED, protected_copy)

    def findings(path: Path) -> list[tuple]:
        result = CliRunner().invoke(cli, ["check", "--format", "json", str(path)])
        return [(f["sheet"], f["cell"], f["code"], f["message"], f["stated"], f["expected"])
                for f in json.loads(result.stdout)["findings"]]

    assert findings(protected_copy) == findings(open_copy)
    a, b = read_report(protected_copy), read_report(open_copy)
    assert [i.code for i in a.indicators] == [i.code for i in b.indicators]
    assert len(a.pk_rows) == len(b.pk_rows) and len(a.budget_rows) == len(b.budget_rows)


@pytest.mark.parametrize("sheet", INPUTS)
def test_template_built_from_the_cli_is_protected(tmp_path: Path, sheet: str) -> None:
    out = tmp_path / "t.xlsx"
    CliRunner().invoke(cli, ["template", "-o", str(out)], catch_exceptions=False)
    ws = openpyxl.load_workbook(out)[sheet]
    assert ws.protection.sheet
    if sheet != schema.SHEET_IDENTITY:
        assert locked(ws, schema.TEMPLATE_HEADER_ROW, 1)
        assert not locked(ws, schema.TEMPLATE_FIRST_DATA_ROW, 1)
        assert not locked(ws, 400, 200)
