"""The standard workbook template: contract with schema.py, looks, filling, saving."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree.ElementTree import canonicalize

import openpyxl
import openpyxl.xml
import pytest
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from lkjip_xl import read_report, schema
from lkjip_xl.scales import SCALE_CHOICES
from lkjip_xl.template import (
    LAST_INPUT_ROW,
    build_template,
    builder,
    fill_custom_scale,
    fill_identity,
    fill_rows,
    save_template,
    workbook_bytes,
)
from lkjip_xl.writers import atomic

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "workbook_templates" / "lkjip_template.xlsx"
DOCS = ROOT / "docs" / "template.md"
HEADER = schema.TEMPLATE_HEADER_ROW
FIRST = schema.TEMPLATE_FIRST_DATA_ROW


# --- helpers -------------------------------------------------------------------------------


def header_values(ws: Worksheet, row: int = HEADER) -> list[object]:
    return [c.value for c in ws[row] if c.value is not None]


def column_of(ws: Worksheet, header: object, row: int = HEADER) -> int:
    for cell in ws[row]:
        if cell.value == header:
            return cell.column
    raise AssertionError(f"{header!r} not in header row of {ws.title}")


def validation_at(ws: Worksheet, ref: str) -> DataValidation:
    found = [dv for dv in ws.data_validations.dataValidation if ref in dv.sqref]
    assert len(found) == 1, f"expected one validation at {ws.title}!{ref}, got {len(found)}"
    return found[0]


def list_values(dv: DataValidation) -> list[str]:
    assert dv.type == "list"
    return dv.formula1.strip('"').split(",")


def identity_row(ws: Worksheet, label: str) -> int:
    for (cell,) in ws.iter_rows(min_col=1, max_col=1):
        if cell.value == label:
            return cell.row
    raise AssertionError(f"label {label!r} not found")


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def expected_headers(spec: schema.TableSpec, awal: int, akhir: int, tahun: int = 2019
                     ) -> list[object]:
    """The contract, written out independently of the builder's own layout code."""
    headers: list[object] = []
    for col in spec.columns:
        headers.append(col.header)
        if spec is schema.RPJMD_TABLE and col.header == "Kondisi Awal":
            headers.extend(range(awal + 1, akhir + 1))
        if spec is schema.COMPARISON_TABLE and col.header == "Satuan":
            headers.extend(f"Realisasi {y}" for y in range(tahun - 4, tahun))
    return headers


@pytest.fixture
def wb() -> Workbook:
    return build_template()


# --- the committed file --------------------------------------------------------------------


def test_committed_template_is_byte_identical_to_fresh_build(tmp_path: Path) -> None:
    # Byte identity holds for the same openpyxl version and XML backend: save_template pins the
    # document timestamps and zip entry times and stores entries uncompressed (no zlib
    # dependence). `make template` writes with openpyxl's standard-library writer
    # (OPENPYXL_LXML=False) whether or not lxml is installed (the import extra brings it), so
    # the fresh build is made the same way, in its own process. After an openpyxl upgrade the
    # file has to be regenerated.
    fresh = tmp_path / "fresh.xlsx"
    subprocess.run([sys.executable, "-m", "lkjip_xl", "template", "-o", str(fresh),
                    "--tahun", "2019", "--periode", "2016-2021"],
                   env={**os.environ, "OPENPYXL_LXML": "False"}, check=True,
                   capture_output=True)
    assert COMMITTED.read_bytes() == fresh.read_bytes(), (
        "workbook_templates/lkjip_template.xlsx is stale: regenerate it with "
        "`make template`")


def test_committed_template_content_is_fresh() -> None:
    committed = members(COMMITTED.read_bytes())
    fresh = members(workbook_bytes(build_template()))
    assert list(committed) == list(fresh)
    for name, data in fresh.items():
        assert canonicalize(committed[name].decode()) == canonicalize(data.decode()), name


def test_builds_are_deterministic_and_depend_on_arguments() -> None:
    first = workbook_bytes(build_template())
    assert first == workbook_bytes(build_template())
    assert first != workbook_bytes(build_template(2023, 2021, 2026))


def test_document_timestamps_are_pinned(wb: Workbook) -> None:
    assert wb.properties.created == builder.FIXED_TIME
    assert wb.properties.modified == builder.FIXED_TIME
    with zipfile.ZipFile(io.BytesIO(workbook_bytes(wb))) as z:
        assert {info.date_time for info in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}


# --- sheets and headers --------------------------------------------------------------------


def test_sheet_names_and_order(wb: Workbook) -> None:
    assert wb.sheetnames == ["Petunjuk", "Identitas", "Tabel VI.1", "Lampiran II",
                             "Pengukuran Kinerja", "Keuangan", "Perbandingan"]
    assert wb.sheetnames == [schema.SHEET_GUIDE, schema.SHEET_IDENTITY, schema.SHEET_RPJMD,
                             schema.SHEET_PK, schema.SHEET_MEASUREMENT, schema.SHEET_BUDGET,
                             schema.SHEET_COMPARISON]
    assert wb.active.title == schema.SHEET_GUIDE


@pytest.mark.parametrize("sheet", list(schema.TABLES))
def test_headers_match_schema(wb: Workbook, sheet: str) -> None:
    ws = wb[sheet]
    spec = schema.TABLES[sheet]
    assert header_values(ws) == expected_headers(spec, 2016, 2021)
    assert ws.cell(1, 1).font.bold and ws.cell(1, 1).value
    assert ws.cell(2, 1).value
    for col in spec.columns:
        comment = ws.cell(HEADER, column_of(ws, col.header)).comment
        assert comment is not None and comment.text == col.help_id
        assert comment.author == "lkjip-xl"


def test_year_columns_follow_the_period() -> None:
    wb = build_template(tahun=2023, periode_awal=2021, periode_akhir=2026)
    ws = wb[schema.SHEET_RPJMD]
    headers = header_values(ws)
    start = headers.index("Kondisi Awal")
    assert headers[start + 1:start + 6] == [2022, 2023, 2024, 2025, 2026]
    assert headers[start + 6] == "Kondisi Akhir"
    assert all(type(h) is int for h in headers[start + 1:start + 6])
    assert ws.cell(HEADER, column_of(ws, 2024)).comment.text == \
        schema.RPJMD_YEAR_HELP.format(year=2024)
    identity = wb[schema.SHEET_IDENTITY]
    assert identity.cell(identity_row(identity, "Tahun Laporan"), 2).value == 2023
    assert identity.cell(identity_row(identity, "Periode Awal"), 2).value == 2021
    assert identity.cell(identity_row(identity, "Periode Akhir"), 2).value == 2026


@pytest.mark.parametrize("awal, akhir", [(2021, 2021), (2021, 2016)])
def test_bad_period_is_refused(awal: int, akhir: int) -> None:
    with pytest.raises(ValueError, match=f"{awal}-{akhir}"):
        build_template(2019, awal, akhir)


def test_identity_labels_defaults_and_scale_table(wb: Workbook) -> None:
    ws = wb[schema.SHEET_IDENTITY]
    rows = range(schema.IDENTITY_FIRST_ROW,
                 schema.IDENTITY_FIRST_ROW + len(schema.IDENTITY_FIELDS))
    assert [ws.cell(r, 1).value for r in rows] == [f.header for f in schema.IDENTITY_FIELDS]
    assert all(ws.cell(r, 3).value for r in rows), "every field has an explanation"
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in rows}
    assert values["Tahun Laporan"] == 2019
    assert values["Periode Awal"] == 2016 and values["Periode Akhir"] == 2021
    # The conventions come from the preset; the single settings start blank (they override).
    assert values["Preset Konvensi"] == "Bawaan"
    for label in ("Skala Penilaian", "Rumus Indikator Negatif", "Batas Capaian",
                  "Target Rentang", "Metode Efisiensi"):
        assert values[label] is None, label
    assert values["Toleransi"] == 0 and values["Desimal"] == 2
    assert values["Nama Instansi"] is None
    assert ws.cell(identity_row(ws, "NIP Kepala"), 2).number_format == "@"

    last = rows[-1]
    assert all(ws.cell(last + 1, c).value is None for c in (1, 2, 3)), "blank row"
    assert ws.cell(last + 2, 1).value == "Skala Kustom (isi bila Skala Penilaian = Kustom)"
    scale_headers = [ws.cell(last + 3, c).value for c in (1, 2, 3)]
    scale_headers.append(ws.cell(last + 3, 4).value)
    assert scale_headers == [c.header for c in schema.SCALE_TABLE.columns]
    assert scale_headers == ["Kategori", "Batas Bawah", "Termasuk Batas", "Batas Atas"]
    assert ws.cell(last + 4, 1).value is None


def test_guide_sheet_explains_roles_numbers_and_commands(wb: Workbook) -> None:
    text = "\n".join(str(c.value) for row in wb[schema.SHEET_GUIDE].iter_rows()
                     for c in row if c.value is not None)
    for role in schema.RowRole:
        assert role.value in text
    for needle in ("Kode Indikator", "93,05", "80-90", "lkjip-xl check", "lkjip-xl fix",
                   "Capaian (%)", "Persentase (%)", "Kategori"):
        assert needle in text, needle


# --- validations, panes, styles ------------------------------------------------------------


@pytest.mark.parametrize("sheet, roles", [
    (schema.SHEET_PK, schema.PK_ROLES),
    (schema.SHEET_MEASUREMENT, schema.MEASUREMENT_ROLES),
    (schema.SHEET_BUDGET, schema.BUDGET_ROLES),
])
def test_baris_dropdown_warns_with_the_sheet_roles(
        wb: Workbook, sheet: str, roles: tuple[schema.RowRole, ...]) -> None:
    ws = wb[sheet]
    letter = ws.cell(HEADER, column_of(ws, "Baris")).column_letter
    dv = validation_at(ws, f"{letter}{FIRST}")
    assert list_values(dv) == [r.value for r in roles]
    assert f"{letter}{LAST_INPUT_ROW}" in dv.sqref
    assert f"{letter}{HEADER}" not in dv.sqref
    assert dv.errorStyle == "warning"
    assert dv.showErrorMessage and dv.error


def test_polaritas_dropdown(wb: Workbook) -> None:
    ws = wb[schema.SHEET_RPJMD]
    letter = ws.cell(HEADER, column_of(ws, "Polaritas")).column_letter
    dv = validation_at(ws, f"{letter}{FIRST}")
    assert list_values(dv) == ["Positif", "Negatif"]
    assert dv.errorStyle in (None, "stop")
    assert f"{letter}{LAST_INPUT_ROW}" in dv.sqref


def test_identity_dropdowns(wb: Workbook) -> None:
    ws = wb[schema.SHEET_IDENTITY]
    skala = validation_at(ws, f"B{identity_row(ws, 'Skala Penilaian')}")
    assert list_values(skala) == list(SCALE_CHOICES)
    rumus = validation_at(ws, f"B{identity_row(ws, 'Rumus Indikator Negatif')}")
    assert list_values(rumus) == ["(2T-R)/T", "T/R", "(1 + (1 - R/T)) x 100%"]
    for label, values in (("Preset Konvensi", ["Bawaan", "Permendagri 86/2017",
                                               "PermenPAN-RB"]),
                          ("Batas Capaian", ["Tanpa Batas", "Maks. 100", "Maks. 120"]),
                          ("Target Rentang", ["Dalam Rentang = 100", "Batas Target"]),
                          ("Metode Efisiensi", ["Selisih +/-5", "Capaian >= Serapan",
                                                "Indeks Efisiensi"])):
        dv = validation_at(ws, f"B{identity_row(ws, label)}")
        assert list_values(dv) == values, label
        assert dv.errorStyle == "warning", label  # '120' and other aliases are understood
    termasuk = validation_at(ws, f"C{identity_row(ws, 'Kategori') + 1}")
    assert list_values(termasuk) == ["Ya", "Tidak"]
    assert f"B{identity_row(ws, 'Tahun Laporan')}" not in skala.sqref


@pytest.mark.parametrize("sheet", list(schema.TABLES))
def test_frozen_below_header(wb: Workbook, sheet: str) -> None:
    assert wb[sheet].freeze_panes == f"A{FIRST}"


def test_identity_values_are_shaded_as_input(wb: Workbook) -> None:
    ws = wb[schema.SHEET_IDENTITY]
    last = schema.IDENTITY_FIRST_ROW + len(schema.IDENTITY_FIELDS) - 1
    assert last == 17
    for row in range(schema.IDENTITY_FIRST_ROW, last + 1):
        assert ws.cell(row, 2).fill.fgColor.rgb.endswith(builder.INPUT_FILL.fgColor.rgb[-6:])
        assert ws.cell(row, 1).fill.fgColor.rgb != ws.cell(row, 2).fill.fgColor.rgb
    assert ws.cell(last + 1, 2).fill.fill_type is None


@pytest.mark.parametrize("label, kind, low, high", [
    ("Tahun Laporan", "whole", "1990", "2100"),
    ("Periode Awal", "whole", "1990", "2100"),
    ("Periode Akhir", "whole", "B{awal}+1", "2100"),
    ("Toleransi", "decimal", "0", None),
    ("Desimal", "whole", "0", "6"),
])
def test_identity_number_validation(wb: Workbook, label: str, kind: str, low: str,
                                    high: str | None) -> None:
    ws = wb[schema.SHEET_IDENTITY]
    dv = validation_at(ws, f"B{identity_row(ws, label)}")
    assert dv.type == kind and dv.errorStyle == "stop" and dv.allow_blank
    assert dv.formula1 == low.format(awal=identity_row(ws, "Periode Awal"))
    assert dv.formula2 == high
    assert dv.operator == ("greaterThanOrEqual" if high is None else "between")
    assert dv.error and dv.prompt


@pytest.mark.parametrize("awal, akhir", [(2016, 2021), (2021, 2026)])
@pytest.mark.parametrize("sheet", [schema.SHEET_PK, schema.SHEET_MEASUREMENT])
def test_kode_indikator_offers_tabel_vi1_codes(sheet: str, awal: int, akhir: int) -> None:
    wb = build_template(2023, awal, akhir)
    ws = wb[sheet]
    letter = openpyxl.utils.get_column_letter(column_of(ws, "Kode Indikator"))
    dv = validation_at(ws, f"{letter}{FIRST}")
    assert f"{letter}{LAST_INPUT_ROW}" in dv.sqref
    source = openpyxl.utils.get_column_letter(column_of(wb[schema.SHEET_RPJMD],
                                                        "Kode Indikator"))
    assert dv.type == "list"
    assert dv.formula1 == f"'Tabel VI.1'!${source}${FIRST}:${source}${LAST_INPUT_ROW}"
    assert dv.errorStyle == "warning" and dv.allow_blank  # a new code can still be typed


@pytest.mark.parametrize("sheet", ["Petunjuk", "Identitas", *schema.TABLES])
def test_every_sheet_prints_on_a4_one_page_wide_with_titles(wb: Workbook, sheet: str) -> None:
    ws = wb[sheet]
    assert int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows
    assert ws.page_setup.orientation == ("portrait" if sheet == "Petunjuk" else "landscape")


@pytest.mark.parametrize("sheet", list(schema.TABLES))
def test_header_row_is_locked_and_data_entry_is_not(wb: Workbook, sheet: str) -> None:
    ws = wb[sheet]
    p = ws.protection
    assert p.sheet and not p.password
    assert not (p.formatCells or p.formatColumns or p.formatRows or p.insertRows
                or p.insertColumns or p.deleteRows or p.sort or p.autoFilter or p.objects)
    width = len(header_values(ws))
    last = openpyxl.utils.get_column_letter(width)
    assert ws.auto_filter.ref == f"A{HEADER}:{last}{LAST_INPUT_ROW}"  # usable, not addable
    for col in range(1, width + 1):
        assert ws.cell(HEADER, col).protection.locked, (sheet, col)
        for row in (1, 2):
            assert not ws.cell(row, col).protection.locked
    # empty data cells take their column's style: unlocked, here and beyond the table
    saved = openpyxl.load_workbook(io.BytesIO(workbook_bytes(wb)))[sheet]
    covered = set()
    for dim in saved.column_dimensions.values():
        if dim.min and dim.max:
            assert not dim.protection.locked, (sheet, dim.min)
            covered.update(range(dim.min, dim.max + 1))
    assert covered == set(range(1, 16385))


def test_identity_labels_locked_values_unlocked(wb: Workbook) -> None:
    ws = wb[schema.SHEET_IDENTITY]
    assert ws.protection.sheet and not ws.protection.password
    for field in schema.IDENTITY_FIELDS:
        row = identity_row(ws, field.header)
        assert ws.cell(row, 1).protection.locked
        assert not ws.cell(row, 2).protection.locked
        assert not ws.cell(row, 3).protection.locked
    header = identity_row(ws, "Kategori")
    assert ws.cell(header, 1).protection.locked
    assert not ws.cell(header + 1, 1).protection.locked
    assert not wb[schema.SHEET_GUIDE].protection.sheet


def test_cells_written_by_fill_functions_stay_unlocked(wb: Workbook) -> None:
    fill_rows(wb[schema.SHEET_PK], [{"baris": "Indikator", "kode_indikator": "IK-1",
                                     "target": 10}])
    fill_identity(wb[schema.SHEET_IDENTITY], {"nama_instansi": "Dinas Contoh"})
    fill_custom_scale(wb[schema.SHEET_IDENTITY], [{"kategori": "Baik", "batas_bawah": 80}])
    pk = wb[schema.SHEET_PK]
    assert all(not c.protection.locked for c in pk[FIRST] if c.value is not None)
    ws = wb[schema.SHEET_IDENTITY]
    assert not ws.cell(identity_row(ws, "Nama Instansi"), 2).protection.locked
    assert not ws.cell(identity_row(ws, "Kategori") + 1, 1).protection.locked


def test_guide_says_how_to_unprotect(wb: Workbook) -> None:
    text = " ".join(str(c.value) for row in wb[schema.SHEET_GUIDE].iter_rows() for c in row
                    if c.value)
    assert "Buka Proteksi Lembar" in text and "Proteksi Lembar" in text
    assert "tanpa kata sandi" in text


@pytest.mark.parametrize("sheet", [s for s, spec in schema.TABLES.items()
                                   if any(c.computed for c in spec.columns)])
def test_computed_columns_look_different(wb: Workbook, sheet: str) -> None:
    ws = wb[sheet]
    spec = schema.TABLES[sheet]
    header_fill = {}
    column_fill = {}
    for col in spec.columns:
        cell = ws.cell(HEADER, column_of(ws, col.header))
        header_fill[col.key] = cell.fill.fgColor.rgb
        column_fill[col.key] = ws.column_dimensions[cell.column_letter].fill.fill_type
    computed = {c.key for c in spec.columns if c.computed}
    inputs = {c.key for c in spec.columns if not c.computed}
    assert len({header_fill[k] for k in computed}) == 1
    assert len({header_fill[k] for k in inputs}) == 1
    assert {header_fill[k] for k in computed} != {header_fill[k] for k in inputs}
    assert {column_fill[k] for k in computed} == {"solid"}
    assert {column_fill[k] for k in inputs} == {None}
    legend = [c.value for c in ws[2] if c.value and "dihitung oleh lkjip-xl" in str(c.value)]
    assert legend, "row 2 has a legend for the computed colour"
    # the shading starts at the data rows, not in the title row
    first_computed = ws.cell(HEADER, column_of(ws, spec.column(sorted(computed)[0]).header))
    assert ws.cell(1, first_computed.column).fill.fill_type is None


def test_number_formats_follow_kind_and_never_use_percent_format(wb: Workbook) -> None:
    for sheet, spec in schema.TABLES.items():
        ws = wb[sheet]
        for col in spec.columns:
            letter = ws.cell(HEADER, column_of(ws, col.header)).column_letter
            fmt = ws.column_dimensions[letter].number_format
            expected = {"money": "#,##0", "percent": "0.00"}.get(col.kind)
            if expected:
                assert fmt == expected, (sheet, col.header, fmt)
    for ws in wb.worksheets:
        formats = {c.number_format for row in ws.iter_rows() for c in row}
        formats |= {d.number_format for d in ws.column_dimensions.values()}
        assert not any("%" in f for f in formats), (ws.title, formats)


def test_no_formulas(wb: Workbook) -> None:
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                assert not (isinstance(cell.value, str) and cell.value.startswith("="))


# --- filling -------------------------------------------------------------------------------


def reordered_pk_sheet() -> Worksheet:
    """A Lampiran II with title rows, reordered columns, aliases, odd spacing, an extra column."""
    ws = Workbook().active
    ws.title = "Lampiran II"
    ws["A1"] = "LAMPIRAN II"
    headers = ["Realisasi Anggaran (Rp)", "CAPAIAN", "Kolom Lain", "  kode   indikator ",
               "Target", "Baris", "Kode", "Program / Kegiatan", "Satuan"]
    for idx, header in enumerate(headers, start=1):
        ws.cell(5, idx, header)
    return ws


def test_fill_rows_writes_by_key_in_reordered_columns() -> None:
    ws = reordered_pk_sheet()
    fill_rows(ws, [
        {"baris": "Kegiatan", "kode": "1.01", "kode_indikator": "IK-1", "target": 12,
         "satuan": "Kecamatan", "capaian": 100.0, "realisasi_anggaran": 1_234_567},
        {},
        {"baris": "Jumlah", "program_kegiatan": "=SUM(A1:A2)", "target": None},
    ], header_row=5)
    assert ws.cell(6, 6).value == "Kegiatan"
    assert ws.cell(6, 7).value == "1.01" and ws.cell(6, 7).data_type == "s"
    assert ws.cell(6, 4).value == "IK-1"
    assert ws.cell(6, 5).value == 12
    assert ws.cell(6, 9).value == "Kecamatan"
    assert ws.cell(6, 2).value == 100.0
    assert ws.cell(6, 2).number_format == "0.00"
    assert ws.cell(6, 2).fill.fill_type == "solid", "computed column cell shaded"
    assert ws.cell(6, 1).value == 1_234_567
    assert ws.cell(6, 1).number_format == "#,##0"
    assert ws.cell(6, 3).value is None, "unknown column left alone"
    assert all(ws.cell(7, c).value is None for c in range(1, 10)), "blank row"
    assert ws.cell(8, 8).value == "=SUM(A1:A2)" and ws.cell(8, 8).data_type == "s"
    assert ws.cell(8, 5).value is None


def test_fill_rows_on_template_year_columns(wb: Workbook) -> None:
    ws = wb[schema.SHEET_RPJMD]
    fill_rows(ws, [{"kode_indikator": "IK-1", "polaritas": "Negatif", "kondisi_awal": 3.2,
                    2019: "80-90", 2021: 32, "kondisi_akhir": 32}])
    assert ws.cell(FIRST, column_of(ws, "Kode Indikator")).value == "IK-1"
    assert ws.cell(FIRST, column_of(ws, 2019)).value == "80-90"
    assert ws.cell(FIRST, column_of(ws, 2021)).value == 32
    assert ws.cell(FIRST, column_of(ws, 2018)).value is None
    assert ws.cell(FIRST, column_of(ws, "Kondisi Akhir")).value == 32


@pytest.mark.parametrize("key", ["nonsense", "capaian_persen", 2030, "uraian"])
def test_fill_rows_refuses_unknown_keys_without_writing(wb: Workbook, key: object) -> None:
    ws = wb[schema.SHEET_PK]  # 'uraian' is a Keuangan key, not a Lampiran II one
    with pytest.raises(ValueError, match=re.escape(repr(key))):
        fill_rows(ws, [{"baris": "Indikator"}, {key: 1}])
    assert ws.cell(FIRST, 1).value is None, "nothing written before the error"


def test_fill_rows_refuses_a_sheet_that_is_no_table() -> None:
    ws = Workbook().active
    ws.title = "Lain"
    ws.cell(3, 1, "Apa")
    with pytest.raises(ValueError, match="Lain"):
        fill_rows(ws, [{"baris": "Indikator"}])


def test_fill_identity_and_custom_scale(wb: Workbook) -> None:
    ws = wb[schema.SHEET_IDENTITY]
    fill_identity(ws, {"nama_instansi": "Dinas Sosial", "nip_kepala": "196512311990031001",
                       "skala": "Kustom"})
    assert ws.cell(identity_row(ws, "Nama Instansi"), 2).value == "Dinas Sosial"
    assert ws.cell(identity_row(ws, "NIP Kepala"), 2).value == "196512311990031001"
    assert ws.cell(identity_row(ws, "Skala Penilaian"), 2).value == "Kustom"
    with pytest.raises(ValueError, match="warna"):
        fill_identity(ws, {"warna": "biru"})

    fill_custom_scale(ws, [{"kategori": "Baik", "batas_bawah": 80},
                           {"kategori": "Kurang", "batas_bawah": 0, "termasuk": "Ya"}])
    top = identity_row(ws, "Kategori")
    assert [ws.cell(top + 1, c).value for c in (1, 2, 3)] == ["Baik", 80, None]
    assert [ws.cell(top + 2, c).value for c in (1, 2, 3)] == ["Kurang", 0, "Ya"]
    with pytest.raises(ValueError, match="batas_ataas"):
        fill_custom_scale(ws, [{"batas_ataas": 1}])


# --- saving --------------------------------------------------------------------------------


def test_save_template_writes_a_readable_workbook(tmp_path: Path) -> None:
    target = save_template(tmp_path / "t.xlsx", tahun=2023, periode_awal=2021,
                           periode_akhir=2026)
    assert target == tmp_path / "t.xlsx"
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"], "no temporary file left"
    loaded = openpyxl.load_workbook(target)
    assert 2026 in header_values(loaded[schema.SHEET_RPJMD])
    assert loaded.properties.modified == builder.FIXED_TIME
    assert target.stat().st_mode & 0o777 == 0o644


def test_save_template_failure_leaves_no_target_and_no_temp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_replace(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        save_template(tmp_path / "t.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_save_template_failure_keeps_the_old_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "t.xlsx"
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError("I/O error")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="I/O error"):
        save_template(target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]


# --- the documented contract ---------------------------------------------------------------


def test_docs_name_every_sheet_header_and_alias() -> None:
    text = DOCS.read_text(encoding="utf-8")
    columns = [c for spec in (*schema.TABLES.values(), schema.SCALE_TABLE)
               for c in spec.columns]
    columns += schema.IDENTITY_FIELDS
    for col in columns:
        for name in col.names():
            assert f"`{name}`" in text, name
    for sheet in (schema.SHEET_GUIDE, *schema.INPUT_SHEETS, *schema.OPTIONAL_SHEETS):
        assert f"`{sheet}`" in text, sheet
    for role in schema.RowRole:
        assert f"`{role.value}`" in text, role


# --- the reader understands a filled template ----------------------------------------------


def test_filled_template_reads_back(tmp_path: Path) -> None:
    wb = build_template()
    fill_identity(wb[schema.SHEET_IDENTITY], {"nama_instansi": "Dinas Sosial",
                                               "skala": "Kustom"})
    fill_custom_scale(wb[schema.SHEET_IDENTITY], [
        {"kategori": "Baik", "batas_bawah": 80, "termasuk": "Tidak"},
        {"kategori": "Kurang", "batas_bawah": 0},
    ])
    fill_rows(wb[schema.SHEET_RPJMD], [
        {"kode_indikator": "IK-1", "indikator": "Jumlah PMKS", "polaritas": "Negatif",
         "kondisi_awal": 40, 2017: 38, 2019: "30-32", 2021: 28, "kondisi_akhir": 28},
    ])
    fill_rows(wb[schema.SHEET_PK], [
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": 32, "satuan": "%"},
        {"baris": "Program", "program_kegiatan": "Program Penanganan PMKS",
         "anggaran": 1_000_000},
        {"baris": "Kegiatan", "kode_indikator": "IK-1", "target": 12, "realisasi": 12},
    ])
    fill_rows(wb[schema.SHEET_MEASUREMENT], [
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": "32", "realisasi": "4,88",
         "capaian": "184,75"},
        {"baris": "Rata-rata", "capaian": 184.75},
    ])
    fill_rows(wb[schema.SHEET_BUDGET], [
        {"baris": "Kelompok", "uraian": "Belanja Langsung"},
        {"baris": "Rincian", "uraian": "Belanja Pegawai", "pagu": 100, "realisasi": 80},
    ])
    path = tmp_path / "filled.xlsx"
    path.write_bytes(workbook_bytes(wb))

    report = read_report(path)
    # numbers typed as text are read but reported, as the reader's contract says
    assert sorted((p.kind, p.detail) for p in report.problems) == [
        ("number-as-text", "184,75"), ("number-as-text", "30-32"), ("number-as-text", "32"),
        ("number-as-text", "4,88")]
    assert report.identity.nama_instansi.text == "Dinas Sosial"
    assert report.settings.scale.category(80) == "Kurang"  # 'Termasuk Batas = Tidak'
    assert report.settings.scale.category(80.5) == "Baik"
    assert report.rpjmd_years == (2017, 2018, 2019, 2020, 2021)
    (indicator,) = report.indicators
    targets = dict(indicator.targets)
    assert targets[2017].value == 38 and targets[2019].number.is_range
    assert [r.role for r in report.pk_rows] == [schema.RowRole.INDIKATOR,
                                                 schema.RowRole.PROGRAM,
                                                 schema.RowRole.KEGIATAN]
    assert [r.role for r in report.measurements] == [schema.RowRole.INDIKATOR,
                                                      schema.RowRole.RATA_RATA]
    assert report.measurements[0].realisasi.value == 4.88
    assert [r.role for r in report.budget_rows] == [schema.RowRole.KELOMPOK,
                                                     schema.RowRole.RINCIAN]
