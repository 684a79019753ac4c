"""The optional columns of issue 10 in the template, the guide and the example builder:
Polaritas and Efisiensi on Lampiran II; Terhadap, Polaritas and Efisiensi on Pengukuran
Kinerja."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from examples import build_examples
from lkjip_xl import schema
from lkjip_xl.reading import read_report
from lkjip_xl.template import build_template
from tests.test_template import COMMITTED, column_of, list_values, validation_at

HEADER = schema.TEMPLATE_HEADER_ROW
FIRST = schema.TEMPLATE_FIRST_DATA_ROW


@pytest.mark.parametrize("sheet, headers", [
    (schema.SHEET_PK, ("Polaritas", "Efisiensi")),
    (schema.SHEET_MEASUREMENT, ("Terhadap", "Polaritas", "Efisiensi")),
])
def test_new_columns_in_the_committed_template(sheet: str, headers: tuple[str, ...]) -> None:
    wb = openpyxl.load_workbook(COMMITTED)
    ws = wb[sheet]
    for header in headers:
        col = column_of(ws, header)
        assert ws.cell(HEADER, col).comment is not None, header  # the column's help note
    # still before Keterangan, which stays the last column
    assert column_of(ws, headers[-1]) < column_of(ws, "Keterangan")


def test_terhadap_and_polaritas_dropdowns() -> None:
    wb = build_template()
    ws = wb[schema.SHEET_MEASUREMENT]
    letter = ws.cell(HEADER, column_of(ws, "Terhadap")).column_letter
    assert list_values(validation_at(ws, f"{letter}{FIRST}")) == [
        "Target PK", "Target RPJMD", "Target Akhir Periode", "Tahun Lalu", "Standar Nasional"]
    for sheet in (schema.SHEET_PK, schema.SHEET_MEASUREMENT):
        ws = wb[sheet]
        letter = ws.cell(HEADER, column_of(ws, "Polaritas")).column_letter
        assert list_values(validation_at(ws, f"{letter}{FIRST}")) == ["Positif", "Negatif"]


def test_guide_explains_the_optional_columns() -> None:
    ws = build_template()[schema.SHEET_GUIDE]
    labels = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    assert "Kegiatan dianggap Positif" in labels["Polaritas"]
    assert "Target Akhir Periode" in labels["Terhadap"]
    assert "capaian / serapan" in labels["Efisiensi"]
    assert "1:40" in labels["Rasio"] and "WTP" in labels["Predikat"]


def test_example_yaml_accepts_the_new_keys(tmp_path: Path) -> None:
    src = tmp_path / "contoh.yaml"
    src.write_text(
        "identitas: {nama_instansi: Dinas Uji, tahun: 2019, periode_awal: 2016,"
        " periode_akhir: 2021}\n"
        "lampiran_ii:\n"
        "  - {baris: Program, program_kegiatan: Program Uji, efisiensi: '1,02'}\n"
        "  - {baris: Kegiatan, kode_indikator: IK-1, target: 400, realisasi: 380,"
        " polaritas: Positif}\n"
        "pengukuran_kinerja:\n"
        "  - {baris: Indikator, kode_indikator: IK-1, target: 35, realisasi: 30,"
        " capaian: '85,71', terhadap: Target Akhir Periode, polaritas: Negatif,"
        " efisiensi: '0,95'}\n", encoding="utf-8")
    report = read_report(build_examples.build(src, tmp_path / "contoh.xlsx"))
    program, kegiatan = report.pk_rows
    assert program.efisiensi.value == 1.02 and kegiatan.polaritas.text == "Positif"
    (m,) = report.measurements
    assert m.basis is schema.Basis.END_OF_PERIOD
    assert m.polarity is schema.Polarity.NEGATIVE and m.efisiensi.value == 0.95
