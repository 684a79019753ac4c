"""The Excel button's layer (`lkjip_xl.excel`), for real on Linux.

An xlwings client's JSON payload is built from a real workbook, the layer runs on
`xw.Book(json=payload)` (the remote engine of xlwings Server and Lite), the actions it returns
are applied back onto the file with openpyxl, and the cell values must be exactly those
`lkjip-xl fix` writes. `XLWINGS_LICENSE_KEY=noncommercial` is set before xlwings is imported
(tests/conftest.py): the remote engine is part of xlwings PRO, and that key selects its
PolyForm Noncommercial licence.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import xlwings as xw
from click.testing import CliRunner

from lkjip_xl import excel
from lkjip_xl.cli import cli
from lkjip_xl.excel import OPTIONAL, PORTABLE, as_excel, read_book, run_on_book
from lkjip_xl.writers.styles import COMMENT_MARKER, MARKS, REVIEW_RGB

from .builders import make_workbook
from .excel_client import (
    OFFICE_JS,
    VBA,
    Recorder,
    apply_actions,
    cell_values,
    differences,
    remote_book,
    run_remote,
    stored,
)
from .test_fix import CLEAN, INPUT_SHEETS, KU, PK, PM, SEED, _tabel, scenario


def fix(src: Path, out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(cli, ["fix", str(src), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


def fills(path: Path) -> dict[tuple[str, str], str]:
    """(sheet, cell) -> the mark's fill, on the input sheets."""
    wb = openpyxl.load_workbook(path)
    found = {}
    for name in INPUT_SHEETS:
        if name not in wb.sheetnames:
            continue
        for row in wb[name].iter_rows():
            for c in row:
                rgb = (c.fill.fgColor.rgb or "")[-6:] if c.fill.fill_type == "solid" else ""
                if rgb in {m.fill for m in MARKS.values()}:
                    found[(name, c.coordinate)] = rgb
    return found


def assert_same_as_fix(src: Path, tmp: Path, client: str = VBA, *extra: str, **kw):
    fixed = fix(src, tmp / f"{src.stem}.fix{src.suffix}", *extra)
    out = tmp / f"{src.stem}.excel{src.suffix}"
    result, applied, _ = run_remote(src, out, client, **kw)
    assert result.ok, result.message
    assert differences(cell_values(out), cell_values(fixed)) == []
    assert fills(out) == fills(fixed)
    return result, applied, fixed, out


@pytest.fixture(autouse=True)
def _no_mock_caller():
    yield
    if hasattr(xw.Book, "_mock_caller"):
        del xw.Book._mock_caller


# --- the same results as fix ---------------------------------------------------------------

@pytest.mark.parametrize("example", [SEED, CLEAN], ids=["seed-2019", "clean-2023"])
def test_the_button_writes_the_values_fix_writes(example: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no config file found by fix either
    result, applied, fixed, _ = assert_same_as_fix(example, tmp_path)
    assert not result.notes and not result.formulas_known  # the VBA client sends values only
    assert applied.alerts == []  # run_on_book never shows anything; main() does
    wb = openpyxl.load_workbook(fixed)
    inputs = len(INPUT_SHEETS) + ("Perbandingan" in wb.sheetnames)  # optional (issue 14)
    assert wb.sheetnames[inputs + 1:inputs + 3] == ["Ringkasan", "Temuan"]


def test_office_js_notes_say_what_fix_comments_say(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result, applied, fixed, _ = assert_same_as_fix(SEED, tmp_path, OFFICE_JS)
    assert result.notes
    wb = openpyxl.load_workbook(fixed)
    expected = {(ws.title, c.coordinate): c.comment.text for ws in wb.worksheets
                for row in ws.iter_rows() for c in row
                if c.comment is not None and c.comment.text.startswith(COMMENT_MARKER)}
    assert expected and applied.notes == expected


def test_notes_keep_what_was_there_where_the_client_can_read_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As fix does with comments: a staff note stays above the marker line."""
    monkeypatch.chdir(tmp_path)

    def note(wb):
        wb[PM]["H4"].comment = openpyxl.comments.Comment("catatan staf", "Staf")

    src = _edit(scenario(tmp_path / "s.xlsx"), tmp_path / "n.xlsx", note)
    fixed = fix(src, tmp_path / "n.fix.xlsx")
    book = remote_book(src, OFFICE_JS)
    recorder = Recorder(notes={PM: {"H4": "catatan staf"}})  # desktop Excel reads note text
    assert run_on_book(recorder.wrap(book)).notes
    applied = apply_actions(src, book.json()["actions"], tmp_path / "n.excel.xlsx")
    expected = openpyxl.load_workbook(fixed)[PM]["H4"].comment.text
    assert expected.startswith("catatan staf\n\n" + COMMENT_MARKER)
    assert applied.notes[(PM, "H4")] == expected
    assert ("Note", "text=") in recorder.used
    # Where the client cannot read a note (Office.js from Python), the note is left alone.
    book = remote_book(src, OFFICE_JS)
    run_on_book(book)
    applied = apply_actions(src, book.json()["actions"], tmp_path / "n.excel2.xlsx")
    assert (PM, "H4") not in applied.notes and len(applied.notes) > 5


def _edit(src: Path, dst: Path, edit) -> Path:
    wb = openpyxl.load_workbook(src)
    edit(wb)
    wb.save(dst)
    return dst


def _hostile(path: Path) -> Path:
    name = '=HYPERLINK("http://example.invalid","klik")'
    make_workbook(path, tabel=[_tabel("IK-1", name, name, "Org", "Positif", 10)], lampiran=[
        {"baris": "Indikator", "kode_indikator": "IK-1", "sasaran": name, "indikator": name,
         "target": 10, "realisasi": 5}])
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value == name:
                    c.data_type = "s"
    wb.save(path)
    return path


def _error_value(wb) -> None:
    wb[PM]["H5"] = "#DIV/0!"  # stored as an error value
    wb[KU]["F6"] = "#N/A"


VARIANTS = {
    "every-safe-correction": lambda tmp: scenario(tmp / "s.xlsx"),
    "hostile-text": lambda tmp: _hostile(tmp / "h.xlsx"),
    "error-values": lambda tmp: _edit(scenario(tmp / "s.xlsx"), tmp / "e.xlsx", _error_value),
    "alias-sheet-name": lambda tmp: _edit(SEED, tmp / "a.xlsx",
                                          lambda wb: setattr(wb[PK], "title", "Lampiran 2")),
    "missing-sheet": lambda tmp: _edit(SEED, tmp / "m.xlsx", lambda wb: wb.remove(wb[KU])),
    "fixed-before": lambda tmp: fix(SEED, tmp / "f.xlsx"),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_generated_variants_match_fix(variant: str, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = VARIANTS[variant](tmp_path)
    result, _, _, _ = assert_same_as_fix(src, tmp_path)
    if variant == "missing-sheet":
        assert "Lembar tidak ditemukan: Keuangan" in result.message


def test_unsafe_fixes_match_fix_unsafe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = scenario(tmp_path / "s.xlsx")
    _, _, _, out = assert_same_as_fix(src, tmp_path, VBA, "--unsafe-fixes", unsafe=True)
    assert openpyxl.load_workbook(out)[KU]["D7"].value == 1500000


def test_a_hidden_input_sheet_is_reported_where_the_client_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    def hide(wb):
        wb[KU].sheet_state = "hidden"

    src = _edit(scenario(tmp_path / "s.xlsx"), tmp_path / "hidden.xlsx", hide)
    result, _, _, _ = assert_same_as_fix(src, tmp_path, OFFICE_JS)
    assert any(f.code == "INP014" for f in result.fix.findings if f.sheet == KU)


def test_clicking_again_gives_what_fix_gives_on_that_workbook(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = tmp_path / "first.xlsx"
    run_remote(SEED, first)
    result, _, _, second = assert_same_as_fix(first, tmp_path)
    assert result.fix.plan.changes == ()  # fix is idempotent, and so is the button
    assert openpyxl.load_workbook(second).sheetnames.count("Ringkasan") == 1


# --- what values cannot tell ---------------------------------------------------------------

def _formula_book(tmp_path: Path):
    src = scenario(tmp_path / "s.xlsx")
    return src, remote_book(src)  # the payload holds H4's value, 81.41


def test_a_formula_cell_is_marked_not_overwritten_where_the_client_tells(tmp_path: Path):
    src, book = _formula_book(tmp_path)
    recorder = Recorder(formulas={PM: {"H4": "=G4/F4*100"}})  # as desktop Excel answers
    result = run_on_book(recorder.wrap(book))
    assert result.ok and result.formulas_known
    applied = apply_actions(src, book.json()["actions"], tmp_path / "out.xlsx")
    h4 = openpyxl.load_workbook(tmp_path / "out.xlsx")[PM]["H4"]
    assert h4.value == 81.41 and h4.fill.fgColor.rgb.endswith(REVIEW_RGB)
    assert applied.alerts == []
    mark = next(m for m in result.fix.plan.marks if (m.ref.sheet, m.ref.address) == (PM, "H4"))
    assert "rumus" in mark.comment_id


def test_where_the_client_cannot_tell_formulas_are_not_protected(tmp_path: Path):
    """The documented difference (xlwings Server, Lite): values only."""
    _, book = _formula_book(tmp_path)
    result = run_on_book(book)
    assert not result.formulas_known
    assert any((c.ref.sheet, c.ref.address) == (PM, "H4") for c in result.fix.plan.changes)


# --- reading -------------------------------------------------------------------------------

def test_reading_gives_what_the_file_reader_gives(tmp_path: Path) -> None:
    from lkjip_xl.reading.opening import open_workbook

    src = _edit(scenario(tmp_path / "s.xlsx"), tmp_path / "e.xlsx", _error_value)
    from_file = open_workbook(src)
    for client in (VBA, OFFICE_JS):
        raw = read_book(remote_book(src, client))
        assert list(raw.sheets) == list(from_file.sheets)
        for name, sheet in raw.sheets.items():
            assert sheet.rows == from_file.sheets[name].rows, (client, name)
        assert raw.meta.errors == from_file.meta.errors == {PM: {"H5": "#DIV/0!"},
                                                            KU: {"F6": "#N/A"}}


def test_a_used_range_away_from_a1_and_excel_types(tmp_path: Path) -> None:
    data = {"client": OFFICE_JS, "version": xw.__version__,
            "book": {"name": "b.xlsx", "active_sheet_index": 0, "selection": "A1"},
            "names": [],
            "sheets": [{"name": "S", "values": [["", "", ""], ["", "x", 2],
                                                ["", "2021-03-04T00:00:00.000Z", "#REF!"]],
                        "used_range_address": "B2:C3", "visibility": "Hidden", "notes": [],
                        "pictures": [], "tables": []}]}
    raw = read_book(xw.Book(json=data))
    sheet = raw.sheets["S"]
    assert sheet.rows == [["", "", ""], ["", "x", 2.0], ["", dt.date(2021, 3, 4), ""]]
    assert not sheet.visible and raw.meta.errors == {"S": {"C3": "#REF!"}}


@pytest.mark.parametrize("text", ["1.000", "12/3", "=A1", "+62 812", "-", "TRUE", "95,60 %",
                                  "'kutip", "Rp 1.000", "@user", "biasa"])
def test_text_is_written_so_that_excel_keeps_it_as_text(text: str) -> None:
    assert stored(as_excel(text)) == text
    assert as_excel("") is None and as_excel(5.0) == 5 and as_excel(95.12) == 95.12


# --- what staff see: main() through Book.caller() -------------------------------------------

def _alerts(book) -> list[list]:
    return [a["args"] for a in book.json()["actions"] if a["func"] == "alert"]


def test_main_runs_on_the_calling_book_and_says_what_it_did(tmp_path: Path) -> None:
    book = remote_book(SEED)
    book.set_mock_caller()
    result = excel.main()
    assert result is not None and result.ok
    (prompt, title, _, mode, _), = _alerts(book)
    assert prompt.startswith("Selesai. 22 nilai dibetulkan, 51 sel kosong diisi, 164 teks diubah "
                             "menjadi angka, 57 sel perlu ditinjau")
    assert "Ringkasan dan Temuan" in prompt and mode == "info" and "Periksa" in title
    funcs = [a["func"] for a in book.json()["actions"]]
    assert funcs.count("addSheet") == 2 and funcs[-1] == "alert"


def test_main_refuses_a_different_xlwings_version(tmp_path: Path) -> None:
    book = remote_book(SEED)
    book.set_mock_caller()
    assert excel.main(xlwings_version="0.0.1") is None
    assert [a["func"] for a in book.json()["actions"]] == ["alert"]
    (prompt, _, _, mode, _), = _alerts(book)
    assert "Versi xlwings berbeda" in prompt and "pip install xlwings==0.0.1" in prompt
    assert xw.__version__ in prompt and mode == "critical"


def _book_of(tmp_path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("case", ["wrong-sheets", "empty-book", "empty-template"])
def test_main_explains_a_workbook_it_cannot_check_and_changes_nothing(case: str,
                                                                      tmp_path: Path) -> None:
    from lkjip_xl.template import save_template

    if case == "wrong-sheets":
        path = _book_of(tmp_path, {"Sheet1": [["Data kinerja"]], "Data": [["IK-1", 90]]})
        expected = ["Lembar templat LKjIP tidak ditemukan", "Yang ada: Sheet1, Data",
                    "Identitas, Tabel VI.1, Lampiran II"]
    elif case == "empty-book":
        path = _book_of(tmp_path, {"Sheet1": []})
        expected = ["Buku kerja ini kosong"]
    else:
        path = save_template(tmp_path / "templat.xlsx")
        expected = ["belum berisi data", "Tidak ada yang diubah"]
    book = remote_book(path)
    book.set_mock_caller()
    result = excel.main()
    assert result is not None and not result.ok
    assert [a["func"] for a in book.json()["actions"]] == ["alert"]
    (prompt, _, _, mode, _), = _alerts(book)
    assert mode == "critical" and all(text in prompt for text in expected), prompt


def test_main_turns_an_unexpected_error_into_one_message(monkeypatch: pytest.MonkeyPatch):
    def broken(*_a, **_k):
        raise ValueError("boom")

    monkeypatch.setattr(excel, "run_on_book", broken)
    book = remote_book(SEED)
    book.set_mock_caller()
    assert excel.main() is None
    (prompt, *_), = _alerts(book)
    assert "kesalahan yang tidak terduga: ValueError: boom" in prompt


def test_main_speaks_english_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LKJIP_XL_LANG", "en")
    book = remote_book(SEED)
    book.set_mock_caller()
    excel.main()
    (prompt, *_), = _alerts(book)
    assert prompt.startswith("Done. 22 values corrected")


# --- the portable subset ---------------------------------------------------------------------

def _paths(tmp_path: Path) -> list[tuple[Path, str]]:
    from lkjip_xl.template import save_template

    wrong = _book_of(tmp_path, {"Sheet1": [["x"]]})
    return [(SEED, VBA), (SEED, OFFICE_JS), (scenario(tmp_path / "s.xlsx"), OFFICE_JS),
            (fix(SEED, tmp_path / "f.xlsx"), OFFICE_JS), (wrong, VBA),
            (save_template(tmp_path / "t.xlsx"), VBA)]


def test_the_layer_uses_only_the_portable_subset(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    used: set[tuple[str, str]] = set()
    for path, client in _paths(tmp_path):
        for desktop in (False, True):
            recorder = Recorder({PM: {"H4": "=1"}}, {PM: {"H4": "staf"}}) if desktop \
                else Recorder()
            book = recorder.wrap(remote_book(path, client))
            run_on_book(book)  # a forbidden operation raises AssertionError
            used |= recorder.used
    recorder = Recorder()
    proxy = recorder.wrap(remote_book(SEED))
    monkeypatch.setattr(xw.Book, "caller", classmethod(lambda cls: proxy))
    assert excel.main().ok  # main() through the proxies too
    used |= recorder.used
    allowed = {(k, op) for table in (PORTABLE, OPTIONAL) for k, ops in table.items()
               for op in ops}
    assert used <= allowed
    # Every declared operation is needed: the lists are no wider than the code.
    assert allowed - used == set(), allowed - used


def test_the_recorder_stops_anything_else() -> None:
    recorder = Recorder()
    book = recorder.wrap(remote_book(SEED))
    sheet = book.sheets[PK]
    with pytest.raises(AssertionError, match=r"Sheet\.autofit"):
        sheet.autofit()
    with pytest.raises(AssertionError, match=r"Range\.number_format="):
        sheet.range((1, 1)).number_format = "0.00"
    with pytest.raises(AssertionError, match=r"Range\.formula="):
        sheet.range((1, 1)).formula = "=1"
