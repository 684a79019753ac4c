"""The reader: tables found by their header row whatever people did to the layout, problems
collected instead of raised, and clear errors for files that are not workbooks."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

import lkjip_xl
from lkjip_xl.model import ProblemKind, WorkbookError
from lkjip_xl.numbers import NumberSource
from lkjip_xl.reading import Limits, read_report
from lkjip_xl.schema import (
    SHEET_BUDGET,
    SHEET_COMPARISON,
    SHEET_IDENTITY,
    SHEET_MEASUREMENT,
    SHEET_PK,
    SHEET_RPJMD,
    NegativeFormula,
    Polarity,
    RowRole,
)
from tests.builders import make_workbook, simple_indicator_rows

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "workbook_templates" / "lkjip_template.xlsx"
EXAMPLES = sorted((ROOT / "examples").glob("*.xlsx"))


def kinds(report) -> list[tuple[str, str, str]]:
    return sorted((p.kind, p.sheet, p.cell) for p in report.problems)


def base(tmp_path: Path, name: str = "wb.xlsx", **kw) -> Path:
    rows = simple_indicator_rows()
    rows.update(kw)
    return make_workbook(tmp_path / name, **rows)


def sheet_with_rows(path: Path, title: str, rows: list[list[object]], *,
                    keep_other_sheets: bool = True) -> None:
    """Replace one sheet of the workbook at `path` by `rows` (row 1 first)."""
    wb = openpyxl.load_workbook(path)
    index = wb.sheetnames.index(title) if title in wb.sheetnames else len(wb.sheetnames)
    if title in wb.sheetnames:
        del wb[title]
    ws = wb.create_sheet(title, index)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    if not keep_other_sheets:
        for name in wb.sheetnames:
            if name != title:
                del wb[name]
    wb.save(path)


# --- the plain builder workbook ----------------------------------------------------------------

def test_builder_workbook_reads_without_problems(tmp_path: Path) -> None:
    report = read_report(base(tmp_path))
    assert report.problems == ()
    assert report.identity.year == 2019
    assert report.identity.nama_instansi.text == "Dinas Uji"
    assert report.rpjmd_years == (2017, 2018, 2019, 2020, 2021)
    assert report.header_rows == {SHEET_RPJMD: 3, SHEET_PK: 3, SHEET_MEASUREMENT: 3,
                                  SHEET_BUDGET: 3}
    (ind,) = report.indicators
    assert (ind.code, ind.polarity, ind.row) == ("IK-1", Polarity.POSITIVE, 4)
    assert ind.target_for(2019).value == 100.0
    assert str(ind.target_for(2019).ref) == "Tabel VI.1!J4"  # Kondisi Awal G, 2017 H, 2018 I
    (pk,) = report.pk_rows
    assert pk.role is RowRole.INDIKATOR and pk.target.value == 100.0
    (m,) = report.measurements
    assert m.realisasi.value == 90.0 and m.realisasi.number.source is NumberSource.NUMBER
    assert str(m.realisasi.ref) == "Pengukuran Kinerja!G4"


def test_package_level_read_report(tmp_path: Path) -> None:
    path = base(tmp_path)
    assert lkjip_xl.read_report(path) == read_report(path)


def test_settings_from_identitas(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "s.xlsx", identitas={
        "skala": "Skala 5", "rumus_negatif": "T/R", "toleransi": 0.5, "desimal": 1})
    s = read_report(path).settings
    assert (s.scale.name, s.negative_formula, s.tolerance, s.decimals) == (
        "Skala 5", NegativeFormula.INVERSE, 0.5, 1)


def test_unknown_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "s.xlsx", identitas={
        "skala": "Skala 9", "rumus_negatif": "R/T", "toleransi": -1, "desimal": 2.5})
    report = read_report(path)
    s = report.settings
    assert (s.scale.name, s.negative_formula, s.tolerance, s.decimals) == (
        "Skala 4", NegativeFormula.REFLECTED, 0.0, 2)
    # builder rows: skala B8, rumus B9, toleransi B10, desimal B11
    assert kinds(report) == [(ProblemKind.UNKNOWN_SETTING, SHEET_IDENTITY, a)
                             for a in ("B10", "B11", "B8", "B9")]


def test_required_identity_value_blank(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "i.xlsx", identitas={"nama_instansi": None})
    report = read_report(path)
    assert kinds(report) == [(ProblemKind.MISSING_VALUE, SHEET_IDENTITY, "B3")]
    assert report.problems[0].detail == "Nama Instansi"


def test_year_typed_as_text(tmp_path: Path) -> None:
    report = read_report(make_workbook(tmp_path / "y.xlsx", identitas={"tahun": "2019"}))
    assert report.identity.year == 2019
    assert kinds(report) == [(ProblemKind.NUMBER_AS_TEXT, SHEET_IDENTITY, "B5")]


# --- layout changes people make ----------------------------------------------------------------

def test_title_rows_inserted_above_header(tmp_path: Path) -> None:
    path = base(tmp_path)
    wb = openpyxl.load_workbook(path)
    for name in (SHEET_RPJMD, SHEET_PK, SHEET_MEASUREMENT):
        wb[name].insert_rows(1, amount=3)
        wb[name]["A1"] = "PEMERINTAH KOTA UJI"
        wb[name]["A2"] = "Laporan Kinerja 2019"
    wb.save(path)
    report = read_report(path)
    assert report.problems == ()
    assert report.header_rows[SHEET_PK] == 6 and report.header_rows[SHEET_RPJMD] == 6
    assert report.pk_rows[0].row == 7
    assert str(report.measurements[0].realisasi.ref) == "Pengukuran Kinerja!G7"
    assert report.indicators[0].target_for(2019).value == 100.0


def test_columns_reordered_renamed_and_aliased(tmp_path: Path) -> None:
    path = base(tmp_path)
    rows = [
        ["Pengukuran Kinerja Sasaran"],
        [],
        ["CAPAIAN(%)", "Sumber Data", "Realisasi", "  TARGET ", "kode  indikator",
         "Jenis Baris", "Indikator Kinerja:", "Satuan", "Predikat"],
        [93.05, "Bab III", 565, 594, "IK-1", "Indikator", "Indikator uji", "Org", "Berhasil"],
    ]
    sheet_with_rows(path, SHEET_MEASUREMENT, rows)
    report = read_report(path)
    assert report.problems == ()
    (m,) = report.measurements
    assert m.role is RowRole.INDIKATOR
    assert (m.kode_indikator.text, m.target.value, m.realisasi.value, m.capaian.value) == (
        "IK-1", 594.0, 565.0, 93.05)
    assert (m.sumber.text, m.kategori.text, m.indikator.text) == (
        "Bab III", "Berhasil", "Indikator uji")
    assert str(m.capaian.ref) == "Pengukuran Kinerja!A4"
    assert m.sasaran.ref is None  # no Sasaran column: a blank cell with no address


def test_budget_header_aliases(tmp_path: Path) -> None:
    path = base(tmp_path)
    rows = [
        [],
        ["Peran", "No", "Nama", "Anggaran", "Realisasi Anggaran", "Serapan (%)"],
        ["Kelompok", None, "Belanja Langsung", 1000, 900, 90],
    ]
    sheet_with_rows(path, SHEET_BUDGET, rows)
    report = read_report(path)
    (b,) = report.budget_rows
    assert (b.role, b.uraian.text, b.pagu.value, b.realisasi.value, b.persentase.value) == (
        RowRole.KELOMPOK, "Belanja Langsung", 1000.0, 900.0, 90.0)
    assert report.header_rows[SHEET_BUDGET] == 2


def test_numbers_as_text_are_read_and_reported(tmp_path: Path) -> None:
    path = base(tmp_path, pengukuran=[
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": "1.697",
         "realisasi": "1.004,5", "capaian": "60,10 %"},
    ])
    report = read_report(path)
    m = report.measurements[0]
    assert (m.target.value, m.target.number.source) == (1697.0, NumberSource.AMBIGUOUS)
    assert (m.realisasi.value, m.realisasi.number.source) == (1004.5, NumberSource.TEXT)
    assert (m.capaian.value, m.capaian.number.source) == (60.1, NumberSource.TEXT)
    assert m.target.raw == "1.697"
    assert kinds(report) == [
        (ProblemKind.AMBIGUOUS_NUMBER, SHEET_MEASUREMENT, "F4"),
        (ProblemKind.NUMBER_AS_TEXT, SHEET_MEASUREMENT, "G4"),
        (ProblemKind.NUMBER_AS_TEXT, SHEET_MEASUREMENT, "H4"),
    ]


def test_percent_column_reads_three_decimals(tmp_path: Path) -> None:
    path = base(tmp_path, pengukuran=[
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": "93.055",
         "capaian": "93.055"},
    ])
    m = read_report(path).measurements[0]
    assert m.target.value == 93055.0  # not a percent column: thousands
    assert m.capaian.value == 93.055  # percent column: decimals


def test_excel_percent_format(tmp_path: Path) -> None:
    path = base(tmp_path, pengukuran=[
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": 100, "realisasi": 90,
         "capaian": 0.9305},
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": 100, "realisasi": 90,
         "capaian": 93.05},
    ], percent_cells={SHEET_MEASUREMENT: ((0, "capaian"),)})
    report = read_report(path)
    first, second = report.measurements
    assert first.capaian.value == pytest.approx(93.05, abs=1e-9)
    assert first.capaian.number.source is NumberSource.PERCENT_FORMAT
    assert first.capaian.raw == 0.9305
    assert (second.capaian.value, second.capaian.number.source) == (93.05, NumberSource.NUMBER)
    assert report.problems == ()


def test_blank_rows_in_the_middle(tmp_path: Path) -> None:
    path = base(tmp_path, lampiran=[
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": 100},
        {},
        {},
        {"baris": "Program", "kode": "1.06", "program_kegiatan": "Program A",
         "anggaran": 1000},
        {},
        {"baris": "Kegiatan", "kode_indikator": "IK-1", "program_kegiatan": "Kegiatan A",
         "target": 10, "realisasi": 9},
    ])
    report = read_report(path)
    assert [(r.row, r.role) for r in report.pk_rows] == [
        (4, RowRole.INDIKATOR), (7, RowRole.PROGRAM), (9, RowRole.KEGIATAN)]
    assert report.pk_rows[2].program_row == 7
    assert report.problems == ()


def test_merged_sasaran_belongs_to_every_row_and_merged_title(tmp_path: Path) -> None:
    path = base(tmp_path, tabel=[
        {"kode_indikator": f"IK-{i}", "indikator": f"Indikator {i}", "polaritas": "Positif",
         2019: 10 * i} for i in (1, 2, 3)
    ])
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_RPJMD]
    ws["C4"] = "Meningkatnya kesejahteraan sosial"
    ws.merge_cells("C4:C6")
    ws.merge_cells("A1:N1")  # the title row above the header, merged across
    wb.save(path)
    report = read_report(path)
    assert report.problems == ()
    assert [i.sasaran.text for i in report.indicators] == [
        "Meningkatnya kesejahteraan sosial"] * 3
    # Each row keeps its own address even where the value comes from the merge's first cell.
    assert [str(i.sasaran.ref) for i in report.indicators] == [
        "Tabel VI.1!C4", "Tabel VI.1!C5", "Tabel VI.1!C6"]
    assert [i.target_for(2019).value for i in report.indicators] == [10.0, 20.0, 30.0]


def test_merged_cells_do_not_spread_numbers(tmp_path: Path) -> None:
    """A number merged over rows is one figure, not one per row (it would be counted twice)."""
    path = base(tmp_path, lampiran=[
        {"baris": "Program", "kode": "1", "program_kegiatan": "P", "anggaran": 500},
        {"baris": "Kegiatan", "kode_indikator": "IK-1", "program_kegiatan": "A", "target": 5},
        {"baris": "Kegiatan", "kode_indikator": "IK-1", "program_kegiatan": "B", "target": 5},
    ])
    wb = openpyxl.load_workbook(path)
    wb[SHEET_PK].merge_cells("K4:K6")  # Anggaran
    wb.save(path)
    rows = read_report(path).pk_rows
    assert [r.anggaran.value for r in rows] == [500.0, None, None]


def test_year_columns_under_a_merged_target_title(tmp_path: Path) -> None:
    path = base(tmp_path)
    rows = [
        ["Tabel VI.1"],
        ["Kode Indikator", "Indikator Kinerja", "Satuan", "Polaritas", "Kondisi Awal",
         "Target", None, None, "Kondisi Akhir"],
        [None, None, None, None, None, 2017, 2018, "Tahun 2019", None],
        ["IK-1", "Indikator uji", "Org", "Negatif", 5, 4, "3,5", 3, 3],
    ]
    sheet_with_rows(path, SHEET_RPJMD, rows)
    wb = openpyxl.load_workbook(path)
    wb[SHEET_RPJMD].merge_cells("F2:H2")
    wb.save(path)
    report = read_report(path)
    assert report.rpjmd_years == (2017, 2018, 2019)
    (ind,) = report.indicators
    assert ind.row == 4 and ind.polarity is Polarity.NEGATIVE
    assert [(y, c.value) for y, c in ind.targets] == [(2017, 4.0), (2018, 3.5), (2019, 3.0)]
    assert ind.kondisi_akhir.value == 3.0


def test_sheet_names_with_other_case_spaces_and_aliases(tmp_path: Path) -> None:
    path = base(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb[SHEET_PK].title = " lampiran ii  "
    wb[SHEET_RPJMD].title = "tmp"  # openpyxl would add a '1' to a case-only rename
    wb["tmp"].title = "TABEL VI.1"
    wb[SHEET_MEASUREMENT].title = "Capaian Kinerja"  # an alias
    wb.save(path)
    report = read_report(path)
    assert report.problems == ()
    assert report.sheet_names[SHEET_PK] == " lampiran ii  "
    assert report.sheet_names[SHEET_RPJMD] == "TABEL VI.1"
    assert report.sheet_names[SHEET_MEASUREMENT] == "Capaian Kinerja"
    assert report.pk_rows[0].target.ref.sheet == " lampiran ii  "
    assert len(report.indicators) == 1 and len(report.measurements) == 1


# --- problems, not exceptions -------------------------------------------------------------------

def test_error_values_and_formulas_without_value(tmp_path: Path) -> None:
    path = base(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_MEASUREMENT]
    ws["G4"] = "#DIV/0!"  # openpyxl stores this as an error cell (t="e")
    ws["H4"] = "=G4/F4*100"  # saved without a cached value
    ws["I4"] = "#N/A"  # an error in a text column (Kategori)
    wb.save(path)
    report = read_report(path)
    assert kinds(report) == [
        (ProblemKind.ERROR_VALUE, SHEET_MEASUREMENT, "G4"),
        (ProblemKind.ERROR_VALUE, SHEET_MEASUREMENT, "I4"),
        (ProblemKind.FORMULA_NO_VALUE, SHEET_MEASUREMENT, "H4"),
    ]
    m = report.measurements[0]
    assert m.realisasi.number.source is NumberSource.ERROR and m.realisasi.value is None
    assert m.capaian.number.source is NumberSource.FORMULA and m.capaian.value is None
    formula = next(p for p in report.problems if p.kind == ProblemKind.FORMULA_NO_VALUE)
    assert formula.detail == "G4/F4*100"


def test_row_with_only_a_formula_is_kept(tmp_path: Path) -> None:
    path = base(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb[SHEET_MEASUREMENT]["H6"] = "=1/0"
    wb.save(path)
    report = read_report(path)
    assert [m.row for m in report.measurements] == [4, 6]
    assert (ProblemKind.FORMULA_NO_VALUE, SHEET_MEASUREMENT, "H6") in kinds(report)


def test_unknown_baris_values(tmp_path: Path) -> None:
    path = base(tmp_path, lampiran=[
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": 100},
        {"baris": "Sub-Kegiatan", "kode_indikator": "IK-1", "target": 1},  # alias: Kegiatan
        {"baris": "Kegiatn", "kode_indikator": "IK-1", "target": 1},
        {"baris": "Rincian", "kode_indikator": "IK-1", "target": 1},  # not a Lampiran II role
        {"kode_indikator": "IK-1", "target": 1},  # blank Baris
    ])
    report = read_report(path)
    assert [r.role for r in report.pk_rows] == [RowRole.INDIKATOR, RowRole.KEGIATAN, None,
                                                None, None]
    unknown = [(p.cell, p.detail) for p in report.problems]
    assert unknown == [("A6", "Kegiatn"), ("A7", "Rincian"), ("A8", "")]
    assert {p.kind for p in report.problems} == {ProblemKind.UNKNOWN_ROLE}


def test_unknown_polarity(tmp_path: Path) -> None:
    rows = simple_indicator_rows(polaritas="Naik turun")
    report = read_report(make_workbook(tmp_path / "p.xlsx", **rows))
    assert kinds(report) == [(ProblemKind.UNKNOWN_POLARITY, SHEET_RPJMD, "F4")]
    assert report.indicators[0].polarity is None


def test_missing_sheets_are_problems(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "m.xlsx", omit=(SHEET_BUDGET, SHEET_MEASUREMENT),
                         **simple_indicator_rows())
    report = read_report(path)
    assert kinds(report) == [(ProblemKind.MISSING_SHEET, SHEET_BUDGET, ""),
                             (ProblemKind.MISSING_SHEET, SHEET_MEASUREMENT, "")]
    assert report.measurements == () and report.budget_rows == ()
    assert len(report.pk_rows) == 1


def test_workbook_with_no_standard_sheet(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "hello"
    wb.save(path)
    report = read_report(path)
    assert sorted(p.sheet for p in report.problems
                  if p.kind == ProblemKind.MISSING_SHEET) == sorted(
        [SHEET_IDENTITY, SHEET_RPJMD, SHEET_PK, SHEET_MEASUREMENT, SHEET_BUDGET])
    assert report.identity.year is None


def test_missing_header(tmp_path: Path) -> None:
    path = base(tmp_path)
    sheet_with_rows(path, SHEET_PK, [["Perjanjian Kinerja 2019"], ["apa saja", 1, 2]])
    report = read_report(path)
    assert kinds(report) == [(ProblemKind.MISSING_HEADER, SHEET_PK, "")]
    assert "Baris" in report.problems[0].detail
    assert report.pk_rows == ()


def test_missing_and_duplicate_columns_point_at_the_header_row(tmp_path: Path) -> None:
    path = base(tmp_path)
    sheet_with_rows(path, SHEET_RPJMD, [
        [], [],
        ["Indikator Kinerja", "Satuan", "Polaritas", "2019"],
        ["Indikator uji", "Org", "Positif", 100],
    ])
    sheet_with_rows(path, SHEET_BUDGET, [
        [], [],
        ["Baris", "Uraian", "Pagu (Rp)", "Anggaran", "Realisasi (Rp)"],
        ["Kelompok", "Belanja", 10, 20, 5],
    ])
    report = read_report(path)
    assert kinds(report) == [(ProblemKind.DUPLICATE_COLUMN, "Keuangan", "D3"),
                             (ProblemKind.MISSING_COLUMN, SHEET_RPJMD, "A3")]
    assert report.indicators == ()
    assert report.budget_rows[0].pagu.value == 10.0  # the first of the two is used


def test_hidden_sheet_and_too_large(tmp_path: Path) -> None:
    path = base(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb[SHEET_BUDGET].sheet_state = "hidden"
    wb.save(path)
    report = read_report(path, limits=Limits(max_rows=3))
    assert (ProblemKind.HIDDEN_SHEET, SHEET_BUDGET, "") in kinds(report)
    too_large = sorted(p.sheet for p in report.problems if p.kind == ProblemKind.TOO_LARGE)
    # Table sheets end at row 4 (one data row); Identitas runs to row 11.
    assert too_large == sorted([SHEET_IDENTITY, SHEET_RPJMD, SHEET_PK, SHEET_MEASUREMENT])
    assert read_report(path, limits=Limits(max_rows=3)).measurements == ()


def test_rata_rata_codes_and_budget_parents(tmp_path: Path) -> None:
    path = base(tmp_path, pengukuran=[
        {"baris": "Rata-rata", "kode_indikator": "IK-1; IK-2 ,IK-3", "capaian": 90},
    ], keuangan=[
        {"baris": "Kelompok", "uraian": "Belanja Langsung"},
        {"baris": "Program", "uraian": "Program A", "pagu": 100},
        {"baris": "Rincian", "uraian": "Belanja pegawai", "pagu": 60},
        {"baris": "Jumlah", "pagu": 100},
    ])
    report = read_report(path)
    assert report.measurements[0].codes == ("IK-1", "IK-2", "IK-3")
    budget = report.budget_rows
    assert [(b.role, b.group_row, b.program_row) for b in budget] == [
        (RowRole.KELOMPOK, None, None), (RowRole.PROGRAM, 4, None), (RowRole.RINCIAN, 4, 5),
        (RowRole.JUMLAH, 4, None)]


# --- files that are not workbooks ---------------------------------------------------------------

def _truncated(tmp_path: Path) -> Path:
    good = base(tmp_path, "good.xlsx").read_bytes()
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(good[: len(good) // 2])
    return path


def _no_workbook_part(tmp_path: Path) -> Path:
    path = tmp_path / "nowb.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("docProps/app.xml", "<Properties/>")
    return path


def _word_document(tmp_path: Path) -> Path:
    path = tmp_path / "laporan.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    return path


@pytest.mark.parametrize(("make", "reason"), [
    (lambda d: (d / "empty.xlsx", b""), "open.empty"),
    (lambda d: (d / "text.xlsx", b"Kode;Target\nIK-1;100\n"), "open.not_zip"),
    (lambda d: (d / "old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048),
     "open.legacy_xls_renamed"),  # an old .xls named .xlsx: the message says so
], ids=["empty", "text", "ole2"])
def test_unopenable_bytes(tmp_path: Path, make, reason: str) -> None:
    path, data = make(tmp_path)
    path.write_bytes(data)
    with pytest.raises(WorkbookError) as info:
        read_report(path)
    assert info.value.reason == reason
    assert info.value.path == path


@pytest.mark.parametrize(("make", "reason"), [
    (_truncated, "open.corrupt"),
    (_no_workbook_part, "open.no_workbook_part"),
    (_word_document, "open.document"),  # a Word report: the message names the import
    (lambda d: d / "absent.xlsx", "open.not_found"),
], ids=["truncated", "no-workbook-part", "word-document", "absent"])
def test_unopenable_files(tmp_path: Path, make, reason: str) -> None:
    with pytest.raises(WorkbookError) as info:
        read_report(make(tmp_path))
    assert info.value.reason == reason


def test_damaged_zip_member_is_corrupt(tmp_path: Path) -> None:
    """A zip whose sheet XML is not XML: a WorkbookError, never a parser traceback."""
    path = tmp_path / "bad.xlsx"
    good = base(tmp_path, "good.xlsx")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = b"<worksheet><sheetData><row><c r='A1' t='s'"
            dst.writestr(item, data)
    with pytest.raises(WorkbookError) as info:
        read_report(path)
    assert info.value.reason == "open.corrupt"


# --- the shipped files -------------------------------------------------------------------------

@pytest.mark.skipif(not TEMPLATE.exists(), reason="template not generated yet")
def test_template_reads_with_only_missing_values() -> None:
    report = read_report(TEMPLATE)
    assert {p.kind for p in report.problems} <= {ProblemKind.MISSING_VALUE}
    assert set(report.sheet_names) == {SHEET_IDENTITY, SHEET_RPJMD, SHEET_PK,
                                       SHEET_MEASUREMENT, SHEET_BUDGET, SHEET_COMPARISON}
    assert set(report.header_rows) == {SHEET_RPJMD, SHEET_PK, SHEET_MEASUREMENT, SHEET_BUDGET,
                                       SHEET_COMPARISON}
    assert report.comparisons == () and report.comparison_years == (2015, 2016, 2017, 2018)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_read(path: Path) -> None:
    report = read_report(path)
    assert report.identity.year is not None
    assert report.indicators or report.pk_rows


def _spoil_sheet(src: Path, dest: Path, sheet: str) -> Path:
    """A copy of `src` whose worksheet `sheet` is UTF-16 XML, which the survey refuses."""
    from xml.etree.ElementTree import fromstring

    with zipfile.ZipFile(src) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    rid = next(s.get(f"{rel_ns}id") for s in fromstring(parts["xl/workbook.xml"]).iter(f"{ns}sheet")
               if s.get("name") == sheet)
    target = next(r.get("Target") for r in fromstring(parts["xl/_rels/workbook.xml.rels"])
                  if r.get("Id") == rid)
    part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    parts[part] = parts[part].decode("utf-8").encode("utf-16")
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return dest


def test_the_identity_read_unpacks_only_identitas(tmp_path: Path) -> None:
    """Pairing a batch reads Identitas only: a damaged Lampiran II is the check's to report
    (read_report refuses it), while a damaged Identitas is refused by the identity read too."""
    from lkjip_xl.reading import read_identity

    example = Path(lkjip_xl.__file__).parent.parent / "examples" / "lkjip_2023_dinas_contoh.xlsx"
    other = _spoil_sheet(example, tmp_path / "lampiran.xlsx", SHEET_PK)
    assert read_identity(other).year == 2023
    with pytest.raises(WorkbookError) as info:
        read_report(other)
    assert info.value.reason == "open.corrupt"
    own = _spoil_sheet(example, tmp_path / "identitas.xlsx", SHEET_IDENTITY)
    with pytest.raises(WorkbookError) as info:
        read_identity(own)
    assert info.value.reason == "open.corrupt"


_BOMB = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
         b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>')


@pytest.mark.parametrize(("part", "read"), [
    ("xl/theme/theme1.xml", False),  # parts calamine never opens: the check's to refuse
    ("docProps/core.xml", False),
    ("[Content_Types].xml", False),
    ("xl/comments/comment1.xml", False),
    ("xl/worksheets/_rels/sheet3.xml.rels", False),
    ("xl/styles.xml", True),  # parts calamine opens with any sheet: refused by both
    ("xl/workbook.xml", True),
    ("xl/_rels/workbook.xml.rels", True),
    ("_rels/.rels", True),
    ("xl/sharedStrings.xml", True),
])
def test_the_identity_read_surveys_the_parts_calamine_opens(
        tmp_path: Path, part: str, read: bool) -> None:
    """The identity read skips the survey of parts neither calamine nor the reader opens for
    one sheet's values; a bomb there is refused by the full read of the same file, while a
    bomb in a part the identity read opens stops it too."""
    from lkjip_xl.reading import read_identity
    from tests.corpus import rezip

    example = Path(lkjip_xl.__file__).parent.parent / "examples" / "lkjip_2023_dinas_contoh.xlsx"
    with zipfile.ZipFile(example) as zf:
        names = set(zf.namelist())
    spoilt = tmp_path / "bomb.xlsx"
    if part in names:
        rezip(spoilt, example, replace={part: _BOMB})
    else:
        rezip(spoilt, example, add={part: _BOMB})
    with pytest.raises(WorkbookError) as info:
        read_report(spoilt)
    assert info.value.reason == "open.xml_dtd"
    if read:
        with pytest.raises(WorkbookError) as info:
            read_identity(spoilt)
        assert info.value.reason == "open.xml_dtd"
    else:
        assert read_identity(spoilt).year == 2023


def test_a_sheet_stored_where_calamine_opens_nothing_else_is_surveyed(tmp_path: Path) -> None:
    """The identity read leaves docProps/, themes, comments ... unsurveyed only when no
    relationship calamine follows points there: an Identitas stored as docProps/x.xml is
    surveyed (and refused) all the same."""
    import re

    from lkjip_xl.reading import read_identity
    from tests.corpus import rezip, sheet_part

    example = Path(lkjip_xl.__file__).parent.parent / "examples" / "lkjip_2023_dinas_contoh.xlsx"
    with zipfile.ZipFile(example) as zf:
        part = sheet_part(zf, SHEET_IDENTITY)
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    target = part.removeprefix("xl/")
    assert f'Target="{target}"' in rels or f'Target="/{part}"' in rels
    rels = re.sub(rf'Target="/?(xl/)?{re.escape(target)}"', 'Target="/docProps/x.xml"', rels)
    spoilt = rezip(tmp_path / "moved.xlsx", example, drop=(part,),
                   replace={"xl/_rels/workbook.xml.rels": rels.encode()},
                   add={"docProps/x.xml": _BOMB})
    with pytest.raises(WorkbookError) as info:
        read_identity(spoilt)
    assert info.value.reason == "open.xml_dtd"


def test_a_sheet_the_report_is_not_built_from_is_not_read(tmp_path: Path) -> None:
    """Only the input sheets (by name or alias) are read for values: a user's own sheet is
    surveyed like every part, but its values and merged ranges do not count. Its merges,
    read, would spread over 45,000 cells: above the limit set here, so that reading it would
    refuse the workbook (as the same merges on an input sheet still do)."""
    path = make_workbook(tmp_path / "catatan.xlsx", **simple_indicator_rows())
    wb = openpyxl.load_workbook(path)
    notes = wb.create_sheet("Catatan Staf")
    notes["A1"] = "catatan"
    for k in range(5):  # side by side from row 1 (merges below the last row read are skipped)
        notes.merge_cells(start_row=1, start_column=100 + 90 * k, end_row=100,
                          end_column=189 + 90 * k)
    wb.save(path)
    small = Limits(max_cells=20_000)
    report = read_report(path, limits=small)
    assert "Catatan Staf" not in report.sheet_names.values()
    assert not [p for p in report.problems if p.sheet == "Catatan Staf"]

    wb = openpyxl.load_workbook(path)
    for k in range(5):
        wb[SHEET_PK].merge_cells(start_row=1, start_column=100 + 90 * k, end_row=100,
                                 end_column=189 + 90 * k)
    wb.save(path)
    with pytest.raises(WorkbookError) as info:
        read_report(path, limits=small)
    assert info.value.reason == "limit.cells"


def test_the_values_read_are_those_of_the_bytes_checked(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """calamine reads the bytes the container checks ran on, not the file again: a file
    replaced between the two (a sync client writing it, a second save) cannot slip past
    the limits, and the values are those of the workbook that was checked."""
    from lkjip_xl.reading import opening

    path = make_workbook(tmp_path / "baik.xlsx", **simple_indicator_rows(target=100))
    other = make_workbook(tmp_path / "lain.xlsx", **simple_indicator_rows(target=250))
    real_check = opening.check_container

    def check_then_replace(*args: object, **kwargs: object) -> object:
        unpacked = real_check(*args, **kwargs)  # type: ignore[arg-type]
        path.write_bytes(other.read_bytes())  # the file changes after it was checked
        return unpacked

    monkeypatch.setattr(opening, "check_container", check_then_replace)
    report = read_report(path)
    assert [row.target.number.value for row in report.pk_rows if row.target.raw is not None] \
        == [100]
