"""Recognising document tables and mapping their rows to template rows (issue 15), on
DocTables built here the way the readers return them (merged cells repeated)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_xl.importing.document import DocCell, DocTable, Document
from lkjip_xl.importing.identity import identity_from_text
from lkjip_xl.importing.mapping import (
    assign_codes,
    figures,
    map_table,
    mark_duplicates,
    printed,
    read_figure_cell,
)
from lkjip_xl.importing.recognise import match_column, recognise
from lkjip_xl.schema import SHEET_BUDGET, SHEET_MEASUREMENT, SHEET_PK, SHEET_RPJMD


def table(rows: list[list[str]], number: int = 1, caption: str = "",
          page: int | None = 3) -> DocTable:
    cells = [[DocCell(text, r, c, page) for c, text in enumerate(row)]
             for r, row in enumerate(rows)]
    return DocTable(number, cells, pages=(page,) if page else (), caption=caption)


RPJMD_ROWS = [
    ["TUJUAN", "SASARAN", "INDIKATOR KINERJA PRORGAM (OUTCOME)",
     "KONDISI KINERJA PADA AWAL PERIODE RPJMD", "TARGET KINERJA SASARAN PADA TAHUN KE -",
     "TARGET KINERJA SASARAN PADA TAHUN KE -", "TARGET KINERJA SASARAN PADA TAHUN KE -",
     "KONDISI KINERJA PADA AKHIR PERIODE RPJMD"],
    ["TUJUAN", "SASARAN", "INDIKATOR KINERJA PRORGAM (OUTCOME)",
     "KONDISI KINERJA PADA AWAL PERIODE RPJMD", "2017", "2018", "2019",
     "KONDISI KINERJA PADA AKHIR PERIODE RPJMD"],
    ["Meningkatkan Kesejahteraan", "Peningkatan Kualitas Hidup",
     "Menurunya jumlah PMKS", "10 % .\n36.103.", "10 % .\n36.103\n3.611", "15 %\n39.903",
     "20 %", "40 %\n39.903"],
    ["Meningkatkan Kesejahteraan", "Peningkatan Kualitas Hidup",
     "Jumlah Kapasitas Lembaga", "519", "519", "535", "545", "600"],
]

PK_ROWS = [
    ["SASARAN", "INDIKATOR KINERJA", "TARGET", "PROGRAM/KEGIATAN", "PROGRAM/KEGIATAN",
     "REALISASI FISIK", "ANGGARAN"],
    ["1", "2", "3", "4", "4", "5", "6"],
    ["Peningkatan Kualitas Hidup", "1. Menurunya Jumlah PMKS", "45%\n(37,428)\n16,246", "",
     "Program Penanganan PMKS:", "", "7,015,268,631"],
    ["Peningkatan Kualitas Hidup", "1. Menurunya Jumlah PMKS", "12 (37.428)", "1",
     "Verivikasi dan Validasi data PMKS", "12\n(55.669)", "312,776,500"],
    ["Peningkatan Kualitas Hidup", "1. Menurunya Jumlah PMKS", "60", "3",
     "Bantuan Rehabilitasi Rumah", "55 Unit", "1,623,400,000"],
    ["Peningkatan Kualitas Hidup", "2. Persentase PMKS yang mendapatkan Rehabilitasi",
     "30 ODGJ, 150 Org, 10 UEP", "11", "Pelayanan Sosial Penyandang Disalibitas",
     "30 ODGJ, 150 Org, 10 UEP", "179,090,000"],
    ["", "Target", "2,819", "", "", "2.109", ""],
    ["", "Jumlah target I + II", "594 Lbg. 4.133 Org", "", "", "565 Lbg. 3.917 Org", ""],
]

BUDGET_ROWS = [
    ["No", "KEGIATAN", "Target\n(Rp)", "Realisasi\n(Rp)", "(%)"],
    ["I", "BELANJA TIDAK LANGSUNG", "", "", ""],
    ["1.", "Belanja Pegawai", "8,102,579,062,65", "7,893,934,428,00", "97,42"],
    ["", "Jumlah Belanja Langsung", "26,787,846,626,65", "25,154,544,046,00", "93,90"],
    ["II", "BELANJA LANGSUNG", "", "", ""],
    ["", "Program Pelayanan Administrasi perkantoran", "", "", ""],
    ["1.", "Jasa / gaji THL", "613,800,000,00", "610,650,000,00", "99,49"],
    ["", "Jasa/upah buruh petugas pemeliharaan Taman", "", "", ""],
    ["2.", "Konsumsi", "2,700,000", "2,700,000", "100"],
    ["", "Program Penanganan PMKS Lainnya", "5,646,126,600,00", "5,029,634,268,00", "93,37"],
    ["", "Jumlah Program Peningkatan Keberdayaan Masyarakat", "10,486,531,000,00",
     "10,234,682,665,00", "97,60"],
    ["", "Jumlah SELURUHNYA.....", "26,787,846,626.65", "25,154,544,046.00", "93,90"],
]

MEASUREMENT_ROWS = [
    ["NO", "INDIKATOR", "SATUAN", "TARGET", "REALISASI", "PERSENTASE TINGKAT CAPAIAN (%)"],
    ["1.", "Menurunya Jumlah Penyandang Masalah Kesejahteraan Sosial (PMKS)", "%", "72", "67",
     "93,05"],
    ["2.", "Jumlah PMKS yang mendapatkan Perlindungan", "KPM", "1.697", "1.020", "60,12"],
    ["6.", "", "", "", "", ""],
    ["", "Rata-rata capaian", "", "", "", "81,00 %"],
]


def test_values_are_kept_as_printed() -> None:
    assert printed("72") == 72
    assert printed("1.697") == "1.697"
    assert printed("93,05 %") == "93,05 %"
    assert printed("007") == "007"
    read = read_figure_cell("55 Unit")
    assert (read.value, read.unit, read.quoted) == (55, "Unit", True)
    read = read_figure_cell("45%\n(37,428)\n16,246")
    assert read.value == "45%" and read.others == ("(37,428)", "16,246")
    assert read_figure_cell("10 % .\n36.103.").value == "10 %"
    assert read_figure_cell("-").value == "-"
    assert [f.unit for f in figures("30 ODGJ, 150 Org, 10 UEP")] == ["ODGJ", "Org", "UEP"]
    assert len(read_figure_cell("530 Lbg. 64 KDS").parts) == 2
    assert read_figure_cell("112 Org\n(21.574 KPM)").parts == ()  # a side figure


@pytest.mark.parametrize(("sheet", "header", "key"), [
    (SHEET_PK, "Indikator Kinerja Utama", "indikator"),
    (SHEET_PK, "Realisasi Anggaran", "realisasi_anggaran"),
    (SHEET_MEASUREMENT, "% Capaian", "capaian"),
    (SHEET_MEASUREMENT, "Satuan", "satuan"),
    (SHEET_BUDGET, "Pagu", "pagu"),
    (SHEET_BUDGET, "(%)", "persentase"),
    (SHEET_BUDGET, "Target (Rp)", "pagu"),
    (SHEET_RPJMD, "KONDISI KINERJA PADA AWAL PERIODE RPJMD", "kondisi_awal"),
    (SHEET_PK, "Lorem ipsum", None),
])
def test_header_vocabulary(sheet: str, header: str, key: str | None) -> None:
    assert match_column(sheet, header) == key


def test_rpjmd_table_recognised_with_years_and_values() -> None:
    rec = recognise(table(RPJMD_ROWS, caption="TABEL : VI.1"))
    assert rec.sheet == SHEET_RPJMD
    assert rec.header_rows == (0, 1) and rec.first_data_row == 2
    assert sorted(rec.years) == [2017, 2018, 2019]
    assert rec.confidence > 0.7
    mapped = map_table(rec)
    assign_codes([mapped])
    first, second = mapped.rows
    assert first.values["kode_indikator"] == "IK-1"
    assert first.values["kondisi_awal"] == "10 %"
    assert first.values[2018] == "15 %"
    assert first.values["satuan"] == "%"  # every figure carries '%'
    assert second.values[2019] == 545 and "satuan" not in second.values
    assert first.sources[2018].row == 3 and first.sources[2018].col == 6
    assert any('"10 % . 36.103 3.611"' in n for n in first.notes)


def test_pk_roles_splits_and_sums() -> None:
    rec = recognise(table(PK_ROWS, caption="LAMPIRAN : II. PERJANJIAN KINERJA TAHUN 2019"))
    assert rec.sheet == SHEET_PK
    assert rec.first_data_row == 2  # the "1 2 3" numbering row is skipped
    mapped = map_table(rec)
    assign_codes([mapped])
    roles = [r.values["baris"] for r in mapped.rows]
    assert roles == ["Program", "Indikator", "Kegiatan", "Kegiatan", "Indikator", "Kegiatan",
                     "Kegiatan", "Kegiatan", "Jumlah", "Total", "Total"]
    program, ind1, keg1, keg3, ind2, k11a, k11b, k11c, jumlah, total_lbg, total_org = \
        mapped.rows
    assert program.values["anggaran"] == "7,015,268,631"
    assert program.values["program_kegiatan"] == "Program Penanganan PMKS"
    assert ind1.values["target"] == "45%" and ind1.values["satuan"] == "%"
    assert ind1.values["kode_indikator"] == "IK-1"
    assert keg1.values["kode"] == 1 and keg1.values["target"] == 12
    assert keg1.values["kode_indikator"] == "IK-1"
    assert keg3.values["realisasi"] == 55 and keg3.values["satuan"] == "Unit"
    assert ind2.values["kode_indikator"] == "IK-2"
    assert [(r.values["target"], r.values["satuan"]) for r in (k11a, k11b, k11c)] == \
        [(30, "ODGJ"), (150, "Org"), (10, "UEP")]
    assert k11a.values["anggaran"] == "179,090,000" and "anggaran" not in k11b.values
    assert "3" in " ".join(k11a.notes) and k11c.values["kode"] == 11
    assert jumlah.values["target"] == "2,819" and jumlah.values["realisasi"] == "2.109"
    assert (total_lbg.values["target"], total_lbg.values["satuan"]) == (594, "Lbg")
    assert (total_org.values["target"], total_org.values["realisasi"]) == ("4.133", "3.917")
    assert mapped.confidence > 0.6


def test_summary_figures_printed_in_the_label_cell_name_that_cell() -> None:
    """"Jumlah 594 Lbg" in the label column, the Target column blank: the target and its unit
    come from the label cell, and their source says so."""
    rows = [*PK_ROWS[:5], ["", "Jumlah 594 Lbg", "", "", "", "565 Lbg", ""]]
    jumlah = map_table(recognise(table(rows))).rows[-1]
    assert (jumlah.values["program_kegiatan"], jumlah.values["target"],
            jumlah.values["realisasi"], jumlah.values["satuan"]) == ("Jumlah", 594, 565, "Lbg")
    assert {k: (s.row, s.col) for k, s in jumlah.sources.items()} == {
        "program_kegiatan": (6, 2), "target": (6, 2), "satuan": (6, 2), "realisasi": (6, 6)}


def test_budget_roles() -> None:
    rec = recognise(table(BUDGET_ROWS, caption="3.4. Aspek Keuangan"))
    assert rec.sheet == SHEET_BUDGET
    mapped = map_table(rec)
    roles = [(r.values["baris"], r.values.get("kode")) for r in mapped.rows]
    assert roles == [("Kelompok", "I"), ("Rincian", 1), ("Jumlah", None), ("Kelompok", "II"),
                     ("Program", None), ("Rincian", 1), ("Rincian", 2), ("Program", None),
                     ("Program", None), ("Total", None)]
    assert mapped.rows[1].values["pagu"] == "8,102,579,062,65"
    assert mapped.rows[6].values["persentase"] == 100
    assert any("Jasa/upah buruh" in n for n in mapped.rows[5].notes)  # quoted, not dropped


def test_numbered_program_rows_stay_programs() -> None:
    budget = [["No", "Program/Kegiatan", "Anggaran", "Realisasi", "%"],
              ["1", "Program Pelayanan Administrasi Perkantoran", "500.000", "450.000", "90"],
              ["1.1", "Penyediaan Jasa Surat Menyurat", "200.000", "190.000", "95"],
              ["", "Jumlah", "500.000", "450.000", "90"]]
    rows = map_table(recognise(table(budget))).rows
    assert [(r.values["baris"], r.values.get("kode")) for r in rows] == [
        ("Program", 1), ("Rincian", "1.1"), ("Jumlah", None)]
    pk = [["Sasaran", "Indikator Kinerja", "Target", "No", "Program/Kegiatan", "Anggaran"],
          ["S1", "Indeks X", "80", "1", "Program Peningkatan X", "1.000"],
          ["S1", "Indeks X", "10 Dok", "1.1", "Kegiatan Y", "400"]]
    rows = map_table(recognise(table(pk))).rows
    assert [(r.values["baris"], r.values.get("kode")) for r in rows] == [
        ("Program", 1), ("Indikator", None), ("Kegiatan", "1.1")]


def test_measurement_rows_and_sumber() -> None:
    rec = recognise(table(MEASUREMENT_ROWS, number=4, caption="Tabel 3.3 Sasaran 1", page=25))
    assert rec.sheet == SHEET_MEASUREMENT
    mapped = map_table(rec)
    assert [r.values["baris"] for r in mapped.rows] == ["Indikator", "Indikator", "Rata-rata"]
    # the table's number names it (its whole caption is on Impor), else the caption
    assert mapped.rows[0].values["sumber"] == "Tabel 3.3, hal. 25"
    other = map_table(recognise(table(MEASUREMENT_ROWS, number=4, caption="Capaian Sasaran 1",
                                      page=25)))
    assert other.rows[0].values["sumber"] == "Capaian Sasaran 1, hal. 25"
    assert mapped.rows[0].values["capaian"] == "93,05"
    assert mapped.skipped == [(4, "import.skip.no_indicator")]  # the empty "6." row


def test_codes_follow_rpjmd_names_across_tables() -> None:
    rpjmd = map_table(recognise(table(RPJMD_ROWS, number=1)))
    pk = map_table(recognise(table(PK_ROWS, number=2)))
    measure = map_table(recognise(table(MEASUREMENT_ROWS, number=3)))
    assign_codes([pk, measure, rpjmd])
    assert [r.values["kode_indikator"] for r in rpjmd.rows] == ["IK-1", "IK-2"]
    pk_codes = [r.values.get("kode_indikator") for r in pk.rows
                if r.values["baris"] == "Indikator"]
    assert pk_codes == ["IK-1", "IK-3"]  # PMKS matches IK-1; the second is new
    assert measure.rows[0].values.get("kode_indikator") == "IK-1"


def test_table_printed_twice_is_kept_once() -> None:
    short = [row[2:] for row in RPJMD_ROWS]  # the first copy, without Tujuan/Sasaran
    first = map_table(recognise(table(short, number=1)))
    second = map_table(recognise(table(RPJMD_ROWS, number=2)))
    mark_duplicates([first, second])
    assert first.duplicate_of == 2 and first.sheet is None
    assert second.duplicate_of is None and second.sheet == SHEET_RPJMD


def test_title_row_inside_the_table_and_year_spellings() -> None:
    rows = [["TABEL 2.3 TARGET KINERJA RPJMD"] * 5,
            ["Indikator Kinerja", "Kondisi Awal", "Target 2022", "Th. 2023", "Tahun ke-3 (2024)"],
            ["Angka harapan hidup", "70,1", "70,3", "70,5", "70,8"]]
    rec = recognise(table(rows))
    assert rec.sheet == SHEET_RPJMD and rec.header_rows == (1,)
    assert sorted(rec.years) == [2022, 2023, 2024]
    assert map_table(rec).rows[0].values[2024] == "70,8"


def test_unrelated_table_not_mapped() -> None:
    rec = recognise(table([["Nama", "Jabatan", "Golongan"], ["Budi", "Kepala", "IV/c"]]))
    assert rec.sheet is None and rec.reason
    assert map_table(rec).rows == []


def test_identity_from_text() -> None:
    text = ("Laporan Kinerja Instansi Pemerintah (LkjIP)\nDinas Sosial Dan Pemberdayaan "
            "Masyarakat Kota Batam\nTahun 2019\n...\nmengacu pada RPJMD 2016 – 2021.\n")
    found = identity_from_text(text)
    assert found == {"nama_instansi": "Dinas Sosial Dan Pemberdayaan Masyarakat",
                     "pemerintah_daerah": "Kota Batam", "tahun": 2019, "periode_awal": 2016,
                     "periode_akhir": 2021}
    assert identity_from_text("tanpa apa pun") == {}


def test_identity_keeps_classes_and_abbreviations_in_capitals() -> None:
    """A cover in capitals becomes a name; "IIA" and "DPRD" are not words to capitalise."""
    found = identity_from_text("LEMBAGA PEMASYARAKATAN KELAS IIA BAUBAU\nLAKIP TAHUN 2022")
    assert found["nama_instansi"] == "Lembaga Pemasyarakatan Kelas IIA Baubau"
    found = identity_from_text("SEKRETARIAT DPRD KABUPATEN BOGOR\nLKjIP Tahun 2021")
    assert (found["nama_instansi"], found["pemerintah_daerah"]) == \
        ("Sekretariat DPRD", "Kabupaten Bogor")


def test_import_read_document_builds_the_template(tmp_path) -> None:
    from lkjip_xl.importing import import_read_document
    from lkjip_xl.reading import read_report

    doc = Document(str(tmp_path / "lap.docx"), "docx",
                   [table(RPJMD_ROWS, 1), table(PK_ROWS, 2),
                    table([["Nama", "Jabatan"], ["Budi", "Kepala"]], 3)],
                   "Dinas Uji Kota Uji\nLKjIP Tahun 2019\nRPJMD 2016-2021", 10)
    result = import_read_document(doc)
    assert [line.sheet for line in result.lines] == [SHEET_RPJMD, SHEET_PK, "tidak dipetakan"]
    out = result.save(tmp_path / "out.xlsx")
    report = read_report(out)
    assert report.identity.tahun.raw == 2019
    assert report.identity.nama_instansi.raw == "Dinas Uji"
    assert [i.kode_indikator.raw for i in report.indicators] == ["IK-1", "IK-2"]
    assert len(report.pk_rows) == 11
    wb = result.workbook
    assert wb["Impor"]["C8"].value == 3  # the third table is listed, not dropped
    assert wb["Impor"]["E8"].value == "Nama | Jabatan"  # its first row tells which it is
    assert wb["Impor"]["A2"].value.startswith("Word (.docx), 10 halaman, 3 tabel; 2 dipetakan")
    # a .docx whose pages are not known: no "- halaman"
    doc.pages = None
    intro = import_read_document(doc).workbook["Impor"]["A2"].value
    assert intro.startswith("Word (.docx), 3 tabel; 2 dipetakan") and "halaman" not in intro
    ws = wb[SHEET_RPJMD]
    commented = [c for row in ws.iter_rows(min_row=4) for c in row if c.comment is not None]
    filled = [c for row in ws.iter_rows(min_row=4) for c in row if c.value is not None]
    # every imported cell has its source; the codes and the keterangan are the import's own
    assert len(commented) == len(filled) - 2 * 2 - 1  # codes, keterangan; satuan % of IK-1
    assert "tabel 1, hal. 3, baris 3, kolom 4" in commented[0].comment.text or any(
        "baris 3, kolom 4" in c.comment.text for c in commented)


def test_period_not_given_by_the_document_stays_blank(tmp_path) -> None:
    """No RPJMD period in the text and no year columns: Identitas leaves Periode Awal/Akhir
    blank (a five-year guess around the report's year only shapes the template), as it
    leaves Tahun blank when the text does not state it."""
    from lkjip_xl.importing import import_read_document
    from lkjip_xl.reading import read_report

    doc = Document(str(tmp_path / "lap.docx"), "docx",
                   [table(MEASUREMENT_ROWS, 1, caption="Tabel 3.3 Sasaran 1")],
                   "Lembaga Uji\nLAKIP Tahun 2022", None)
    result = import_read_document(doc)
    report = read_report(result.save(tmp_path / "out.xlsx"))
    assert report.identity.tahun.raw == 2022
    assert report.identity.periode_awal.raw is None
    assert report.identity.periode_akhir.raw is None
    doc.tables.append(table(RPJMD_ROWS, 2))  # year columns 2017-2019: the period they give
    report = read_report(import_read_document(doc).save(tmp_path / "out2.xlsx"))
    assert (report.identity.periode_awal.raw, report.identity.periode_akhir.raw) == (2016, 2019)


WORDS = ["SASARAN", "INDIKATOR KINERJA", "TARGET", "REALISASI", "Capaian (%)", "PROGRAM/KEGIATAN",
         "ANGGARAN", "Pagu", "Uraian", "No", "2019", "2020", "Kondisi Awal", "Satuan", "Jumlah",
         "Total", "Program X", "1.", "II", "45%\n(37,428)", "30 ODGJ, 150 Org", "-", "",
         "1.697", "93,05 %", "Rata-rata", "Belanja Pegawai", "12 Pst/Tim 365 BBGRM."]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=0, max_size=9), min_size=0,
                max_size=12),
       st.lists(st.integers(1, 3), min_size=0, max_size=9))
def test_any_grid_maps_without_error_and_only_to_template_keys(grid: list[list[str]],
                                                               spans: list[int]) -> None:
    """Ragged rows, empty tables, merged cells anywhere: recognised and mapped without an
    exception, every value under a key its template table has."""
    from lkjip_xl.schema import TABLES

    cells = [[DocCell(text, r, c, None, spans[c] if c < len(spans) else 1)
              for c, text in enumerate(row)] for r, row in enumerate(grid)]
    rec = recognise(DocTable(1, cells))
    mapped = map_table(rec)
    assign_codes([mapped])
    if rec.sheet is None:
        assert mapped.rows == []
        return
    keys = {c.key for c in TABLES[rec.sheet].columns} | set(rec.years)
    for row in mapped.rows:
        assert set(row.values) <= keys
        assert all(v not in (None, "") for v in row.values.values())
