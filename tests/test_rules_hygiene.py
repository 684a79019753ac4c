"""Input hygiene rules (INP001-INP021): one workbook that triggers each, one that must not,
and the edge cases. Expected messages and values are written out by hand."""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lkjip_xl.config import Config
from lkjip_xl.engine import check_report
from lkjip_xl.messages import MESSAGES
from lkjip_xl.reading import Limits, read_report
from lkjip_xl.rules import Action, Severity, all_rules
from lkjip_xl.rules.hygiene import RULES
from lkjip_xl.schema import SHEET_BUDGET, SHEET_IDENTITY, SHEET_MEASUREMENT, SHEET_PK, SHEET_RPJMD
from tests.builders import (
    check,
    findings,
    make_workbook,
    replace_sheet,
    simple_indicator_rows,
)

PK = "Lampiran II"
PM = "Pengukuran Kinerja"
T61 = "Tabel VI.1"


def rows(**changes: Any) -> dict[str, Any]:
    """A consistent workbook: one indicator IK-1 served by one kegiatan."""
    base = simple_indicator_rows()
    base["lampiran"] = [
        *base["lampiran"],
        {"baris": "Program", "kode": "1.06.01", "program_kegiatan": "Program uji",
         "anggaran": 1000},
        {"baris": "Kegiatan", "kode_indikator": "IK-1", "program_kegiatan": "Kegiatan uji",
         "target": 10, "realisasi": 9, "satuan": "Org", "anggaran": 1000},
    ]
    base.update(changes)
    return base


def build(tmp_path: Path, name: str = "wb.xlsx", identitas: dict | None = None,
          **changes: Any) -> Path:
    return make_workbook(tmp_path / name, identitas=identitas, **rows(**changes))


def measurement(**cells: Any) -> list[dict[str, Any]]:
    row = {"baris": "Indikator", "kode_indikator": "IK-1", "indikator": "Indikator uji",
           "satuan": "Org", "target": 100, "realisasi": 90, "sumber": "Bab III"}
    row.update(cells)
    return [row]


def only(path: Path, code: str, **kw):
    (f,) = findings(path, code, **kw)
    return f


def edit(path: Path, sheet: str, cells: dict[str, Any]) -> Path:
    wb = openpyxl.load_workbook(path)
    for address, value in cells.items():
        wb[sheet][address] = value
    wb.save(path)
    return path


# --- registry and catalogue ----------------------------------------------------------------------

EXPECTED_RULES = {
    "INP001": ("number-as-text", Severity.INFO),
    "INP002": ("ambiguous-number", Severity.WARNING),
    "INP003": ("not-a-number", Severity.ERROR),
    "INP004": ("error-value", Severity.ERROR),
    "INP005": ("formula-no-value", Severity.WARNING),
    "INP006": ("missing-sheet", Severity.ERROR),
    "INP007": ("missing-header", Severity.ERROR),
    "INP008": ("missing-column", Severity.ERROR),
    "INP009": ("duplicate-column", Severity.WARNING),
    "INP010": ("unknown-row-role", Severity.ERROR),
    "INP011": ("unknown-polarity", Severity.WARNING),
    "INP012": ("unknown-setting", Severity.WARNING),
    "INP013": ("missing-identity", Severity.ERROR),
    "INP014": ("hidden-sheet", Severity.INFO),
    "INP015": ("sheet-too-large", Severity.ERROR),
    "INP016": ("unknown-indicator-code", Severity.ERROR),
    "INP017": ("duplicate-indicator-code", Severity.ERROR),
    "INP018": ("kegiatan-without-indicator", Severity.WARNING),
    "INP019": ("indicator-without-kegiatan", Severity.WARNING),
    "INP020": ("year-outside-period", Severity.ERROR),
    "INP021": ("missing-polarity", Severity.INFO),
    "INP022": ("measurement-without-code", Severity.INFO),
    "INP023": ("empty-table", Severity.INFO),
    "INP024": ("custom-scale-invalid", Severity.WARNING),
}


def test_rules_registered() -> None:
    assert {r.code: (r.name, r.severity) for r in RULES} == EXPECTED_RULES
    registered = {r.code for r in all_rules()}
    assert set(EXPECTED_RULES) <= registered
    for r in RULES:
        assert r.family == "hygiene" and r.summary.endswith(".") and len(r.doc.splitlines()) >= 2


def test_clean_workbook_has_no_findings(tmp_path: Path) -> None:
    # Keuangan is left empty: INP023 says once what cannot be checked without it.
    assert check(build(tmp_path), "INP") == [("INP023", "Keuangan")]


def _messy(tmp_path: Path) -> Path:
    path = build(
        tmp_path, identitas={"toleransi": "abc", "desimal": 9, "skala": "Kustom",
                             "rumus_negatif": "??", "tahun": 2023},
        tabel=[{"kode_indikator": "IK-1", "indikator": "Indikator uji", "polaritas": "Naikk",
                2019: "1.697"},
               {"kode_indikator": "ik 1", "indikator": "Lain", 2019: "6.910.387.000"},
               {"indikator": "Tanpa kode", 2019: 5}],
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-1", "target": "93,05"},
                  {"baris": "Indikator", "kode_indikator": "IK-1"},
                  {"baris": "Indikator", "indikator": "Tanpa kode"},
                  {"baris": "Kegiatn", "target": "(37.428)"},
                  {"baris": "Kegiatan", "kode_indikator": "IK-9", "realisasi": "80-90",
                   "capaian": "60,10 %", "anggaran": "745,520,000,00-"},
                  {"baris": "Kegiatan", "realisasi": "30 ODGJ", "capaian": "95, 12"},
                  {"baris": "Program", "kode_indikator": "IK-8"}],
        pengukuran=[*measurement(realisasi="#DIV/0!", capaian=True, target="21,378 KPM"),
                    *measurement(kode_indikator=None, realisasi=date(2020, 1, 1)),
                    *measurement(kode_indikator="IK-1, IK-7", baris="Rata-rata")],
    )
    return edit(path, PM, {"H6": "=G6/F6*100"})


def test_every_message_formats_in_both_languages(tmp_path: Path) -> None:
    path = _messy(tmp_path)
    found = findings(path, "INP")
    codes = {f.code for f in found}
    assert len(codes) >= 14
    for f in found:
        assert f.message_key in MESSAGES, f.message_key
        for lang in ("id", "en"):
            text = f.message(lang)
            assert "{" not in text and "}" not in text, text
            fields = {name for _, name, _, _ in string.Formatter().parse(
                MESSAGES[f.message_key][0 if lang == "id" else 1]) if name}
            assert fields <= dict(f.params).keys(), (f.message_key, fields)
        assert f.sheet and (f.cell or f.code in {"INP006", "INP007", "INP013", "INP014",
                                                 "INP015", "INP021", "INP023"})


def test_hygiene_messages_have_no_stray_spaces() -> None:
    for key, pair in MESSAGES.items():
        if key.startswith("rule.INP"):
            assert all(text.strip() == text for text in pair), key


# --- INP001 number-as-text -----------------------------------------------------------------------

def test_inp001_text_numbers_with_fixes(tmp_path: Path) -> None:
    path = build(tmp_path, pengukuran=measurement(realisasi="1.004,5", capaian="60,10 %"),
                 keuangan=[{"baris": "Kelompok", "uraian": "Belanja",
                            "pagu": "Rp. 18.685.267.564,00", "realisasi": "Rp 1.000.000,-"}])
    assert check(path, "INP001") == [
        ("INP001", "Keuangan!D4"), ("INP001", "Keuangan!E4"),
        ("INP001", "Pengukuran Kinerja!G4"), ("INP001", "Pengukuran Kinerja!H4")]
    by_cell = {f.cell: f for f in findings(path, "INP001")}
    pct = by_cell["H4"]
    assert (pct.stated, pct.expected, pct.difference) == ("60,10 %", 60.1, None)
    assert pct.fix is not None and str(pct.fix.ref) == "Pengukuran Kinerja!H4"
    # A percent cell keeps percentage points: 60.1, not 0.601.
    assert (pct.fix.value, pct.fix.action) == (60.1, Action.CORRECT)
    assert pct.inputs == (("Pengukuran Kinerja!H4", "60,10 %"),)
    assert pct.message() == (
        "angka '60,10 %' disimpan sebagai teks; dibaca 60,10 (koma dibaca sebagai desimal; "
        "tanda % diabaikan). Simpan sebagai angka agar Excel dapat menghitungnya")
    assert pct.message("en") == (
        "number '60,10 %' is stored as text; read as 60.10 (comma read as decimal point; "
        "% sign ignored). Store it as a number so that Excel can compute with it")
    real = by_cell["G4"]
    assert real.fix.value == 1004.5
    assert "(titik dibaca sebagai pemisah ribuan; koma dibaca sebagai desimal)" in \
        real.message()
    pagu = by_cell["D4"]
    assert (pagu.expected, pagu.fix.value) == (18685267564.0, 18685267564.0)
    assert "dibaca 18.685.267.564,00 (titik dibaca sebagai pemisah ribuan; koma dibaca sebagai " \
           "desimal; awalan Rp diabaikan)" in pagu.message()
    assert by_cell["E4"].fix.value == 1000000.0  # ",-" marks a whole rupiah amount


def test_inp001_no_fix_for_units_and_trailing_dash(tmp_path: Path) -> None:
    path = build(tmp_path, pengukuran=measurement(realisasi="30 ODGJ",
                                                  target="745,520,000,00-"))
    by_cell = {f.cell: f for f in findings(path, "INP001")}
    assert set(by_cell) == {"F4", "G4"}
    unit, dash = by_cell["G4"], by_cell["F4"]
    assert unit.fix is None and unit.expected == 30.0
    assert unit.message_key == "rule.INP001.unit"
    assert "satuan 'ODGJ' di kolom Satuan" in unit.message()
    assert dash.fix is None and dash.expected == 745520000.0
    assert dash.message_key == "rule.INP001.review"
    assert dash.message() == (
        "angka '745,520,000,00-' disimpan sebagai teks; dibaca 745.520.000,00 (koma dibaca "
        "sebagai pemisah ribuan; kelompok terakhir dibaca sebagai desimal; tanda '-' di "
        "belakang diabaikan). Periksa bacaan ini, lalu ketik ulang sebagai angka")


def test_inp001_plain_digits_and_identity_year(tmp_path: Path) -> None:
    path = build(tmp_path, identitas={"tahun": "2019"})
    f = only(path, "INP001")
    assert f.location == "Identitas!B5" and f.fix.value == 2019.0
    assert f.message() == ("angka '2019' disimpan sebagai teks; dibaca 2019. Simpan sebagai "
                           "angka agar Excel dapat menghitungnya")


def test_inp001_ranges_in_target_columns_are_fine(tmp_path: Path) -> None:
    tabel = simple_indicator_rows()["tabel"]
    tabel[0].update({2019: "80-90", "kondisi_akhir": "85 s/d 95"})
    lampiran = rows()["lampiran"]
    lampiran[0]["target"] = "80 - 90"
    path = build(tmp_path, tabel=tabel, lampiran=lampiran,
                 pengukuran=measurement(target="80-90"))
    assert check(path, "INP001") == [] and check(path, "INP003") == []
    assert check(path, "INP002") == []


def test_inp001_not_for_real_numbers(tmp_path: Path) -> None:
    path = build(tmp_path, pengukuran=measurement(realisasi=1004.5, capaian=60.1))
    assert check(path, "INP001") == []


# --- INP002 ambiguous-number ---------------------------------------------------------------------

def test_inp002_ambiguous_numbers(tmp_path: Path) -> None:
    # No Satuan: nothing says whether 1.697 is a count.
    path = build(tmp_path, pengukuran=measurement(target="1.697", realisasi="21,378 KPM",
                                                  capaian="93.055", satuan=None),
                 keuangan=[{"baris": "Kelompok", "uraian": "B", "pagu": 10,
                            "persentase": "95, 12"}])
    assert check(path, "INP002") == [
        ("INP002", "Keuangan!F4"), ("INP002", "Pengukuran Kinerja!F4"),
        ("INP002", "Pengukuran Kinerja!G4"), ("INP002", "Pengukuran Kinerja!H4")]
    by_cell = {f.location: f for f in findings(path, "INP002")}
    target = by_cell["Pengukuran Kinerja!F4"]
    assert (target.stated, target.expected, target.fix) == ("1.697", 1697.0, None)
    assert target.message() == (
        "'1.697' bermakna ganda: dibaca 1.697 (titik dibaca sebagai pemisah ribuan), tetapi "
        "bisa juga 1,697. Ketik angka yang dimaksud sebagai angka, bukan teks")
    count = by_cell["Pengukuran Kinerja!G4"]
    assert count.expected == 21378.0 and dict(count.params)["other"] == "21.378"
    capaian = by_cell["Pengukuran Kinerja!H4"]  # percent column: read as a decimal
    assert capaian.expected == 93.055 and dict(capaian.params)["other"] == "93055"
    assert "titik dibaca sebagai desimal (kolom persen)" in capaian.message()
    space = by_cell["Keuangan!F4"]
    assert space.expected == 95.12 and space.message_key == "rule.INP002.space"


def test_inp001_counts_and_rupiah_settle_the_thousands_reading(tmp_path: Path) -> None:
    """2.109 persons or 2.500 rupiah cannot have three decimals: not ambiguous after all."""
    pengukuran = [*measurement(satuan="Jiwa/Org", target="2.819", realisasi="2,109"),
                  *measurement(satuan="%", target="1.025", realisasi=997)]
    path = build(tmp_path, pengukuran=pengukuran,
                 keuangan=[{"baris": "Kelompok", "uraian": "B", "pagu": "2.500", "realisasi": 5}])
    assert check(path, "INP001") == [("INP001", "Keuangan!D4"),
                                     ("INP001", "Pengukuran Kinerja!F4"),
                                     ("INP001", "Pengukuran Kinerja!G4")]
    assert check(path, "INP002") == [("INP002", "Pengukuran Kinerja!F5")]  # '%' is no count
    by_cell = {f.location: f for f in findings(path, "INP001")}
    count = by_cell["Pengukuran Kinerja!G4"]
    assert (count.expected, count.fix.value, count.message_key) == (
        2109.0, 2109.0, "rule.INP001.count")
    assert count.message() == (
        "angka '2,109' disimpan sebagai teks; dibaca 2.109 (koma dibaca sebagai pemisah "
        "ribuan): satuan 'Jiwa/Org' dihitung dalam bilangan bulat. Simpan sebagai angka agar "
        "Excel dapat menghitungnya")
    money = by_cell["Keuangan!D4"]
    assert (money.expected, money.message_key) == (2500.0, "rule.INP001.money")


def test_inp001_count_units(tmp_path: Path) -> None:
    for satuan, expected in (("Org", "INP001"), ("Lbg/Tim", "INP001"), ("KPM", "INP001"),
                             ("Ha", "INP002"), ("Ton", "INP002"), ("Indeks", "INP002")):
        path = build(tmp_path, f"{satuan.replace('/', '')}.xlsx",
                     pengukuran=measurement(satuan=satuan, target="3.838"))
        assert check(path, expected) == [(expected, "Pengukuran Kinerja!F4")], satuan


def test_inp002_not_for_unambiguous_text(tmp_path: Path) -> None:
    path = build(tmp_path, pengukuran=measurement(target="1.697,00", realisasi="Rp 1.500"))
    assert check(path, "INP002") == []
    assert check(path, "INP001") == [("INP001", "Pengukuran Kinerja!F4"),
                                     ("INP001", "Pengukuran Kinerja!G4")]


# --- INP003 not-a-number -------------------------------------------------------------------------

def test_inp003_why_not_a_number(tmp_path: Path) -> None:
    lampiran = [
        # "n/a" says there is no figure; a predicate ("WTP") is a target in words (CAP008)
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": "n/a"},
        {"baris": "Kegiatan", "kode_indikator": "IK-1", "target": "(37.428)",
         "realisasi": "45% (37,428) 16,246", "capaian": "1.23.4", "anggaran": True,
         "realisasi_anggaran": date(2019, 12, 31)},
        {"baris": "Kegiatan", "kode_indikator": "IK-1", "target": 10, "realisasi": "1.000-2.000"},
    ]
    path = build(tmp_path, lampiran=lampiran)
    got = {f.location: f for f in findings(path, "INP003")}
    assert sorted(got) == sorted(
        ["Lampiran II!G4", "Lampiran II!G5", "Lampiran II!H5", "Lampiran II!J5",
         "Lampiran II!K5", "Lampiran II!L5", "Lampiran II!H6"])
    assert {loc: f.message_key.rsplit(".", 1)[1] for loc, f in got.items()} == {
        "Lampiran II!G4": "inputs", "Lampiran II!G5": "parentheses",
        "Lampiran II!H5": "several-numbers", "Lampiran II!J5": "bad-grouping",
        "Lampiran II!K5": "boolean", "Lampiran II!L5": "date", "Lampiran II!H6": "range"}
    assert got["Lampiran II!K5"].stated == "TRUE"
    assert got["Lampiran II!H5"].message() == (
        "'45% (37,428) 16,246' bukan satu angka: sel berisi beberapa angka. Tulis satu angka "
        "saja; angka lain ke kolom Keterangan")
    assert got["Lampiran II!H6"].message() == (
        "'1.000-2.000' adalah rentang (1.000-2.000); kolom ini memerlukan satu angka. Rentang "
        "hanya boleh di kolom target")
    assert all(f.fix is None for f in got.values())
    # 'n/a' is the report saying it has no figure: info, not an error
    assert got["Lampiran II!G4"].severity is Severity.INFO
    assert {f.severity for loc, f in got.items() if loc != "Lampiran II!G4"} == {Severity.ERROR}
    # The range in a Realisasi column is INP003's alone.
    assert check(path, "INP002") == []


@pytest.mark.parametrize("printed", ["n/a", "N/A", "na", "nihil", "tidak ada data",
                                     "Belum ada data", "tidak tersedia"])
def test_inp003_no_figure_is_one_info_per_cell_and_nothing_follows(tmp_path: Path,
                                                                   printed: str) -> None:
    # A report that prints "n/a" for the realisasi and the capaian of one of its indicators
    # (LKjIP Inspektorat Sampang 2019): the report says it has no figure. One info per cell
    # saying what is not checked; no error or warning anywhere, on the row or elsewhere.
    from tests.builders import measured_rows

    data = measured_rows()
    data["tabel"].append({"kode_indikator": "IK-2", "indikator": "Temuan materiil turun",
                          "satuan": "%", "polaritas": "Positif", "kondisi_awal": 50, 2017: 55,
                          2018: 55, 2019: 55, 2020: 55, 2021: 55, "kondisi_akhir": 55})
    data["lampiran"].insert(1, {"baris": "Indikator", "kode_indikator": "IK-2",
                                "sasaran": "Sasaran uji", "indikator": "Temuan materiil turun",
                                "target": 55, "realisasi": printed, "satuan": "%"})
    data["lampiran"].append({"baris": "Kegiatan", "kode": "2", "kode_indikator": "IK-2",
                             "program_kegiatan": "Audit", "target": 4, "realisasi": 4,
                             "satuan": "Dok", "capaian": 100})
    data["pengukuran"].append({"baris": "Indikator", "kode_indikator": "IK-2",
                               "indikator": "Temuan materiil turun", "satuan": "%",
                               "target": 55, "realisasi": printed, "capaian": printed,
                               "sumber": "Bab III"})
    path = build(tmp_path, **data)
    got = findings(path)
    loud = [(f.code, f.location, f.severity) for f in got
            if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert loud == []
    inp003 = {f.location: f for f in got if f.code == "INP003"}
    assert sorted(inp003) == ["Lampiran II!H5", "Pengukuran Kinerja!G5",
                              "Pengukuran Kinerja!H5"]
    assert all(f.severity is Severity.INFO and f.fix is None for f in inp003.values())
    assert inp003["Pengukuran Kinerja!H5"].message() == (
        f"'{printed}': laporan menyatakan tidak ada angka capaian di sel ini (bukan "
        "kesalahan); capaian baris ini tidak diperiksa dan tidak ikut rata-rata atau kategori")
    assert inp003["Pengukuran Kinerja!G5"].message("en") == (
        f"'{printed}': the report states no figure in this cell (not a mistake); this row's "
        "capaian cannot be computed, so it is not checked")
    # nothing else is said about those cells
    assert sorted((f.code, f.location) for f in got if f.location in inp003) == sorted(
        ("INP003", loc) for loc in inp003)


def test_inp003_no_figure_says_what_is_not_checked_in_each_column(tmp_path: Path) -> None:
    from tests.builders import clean_keuangan, measured_rows

    data = measured_rows()
    data["tabel"][0][2019] = "N/A"
    data["lampiran"][1]["anggaran"] = "nihil"
    data["keuangan"] = [*clean_keuangan()[:2],
                        {"baris": "Rincian", "kode": "2", "uraian": "Belanja dua",
                         "pagu": "n/a", "realisasi": "n/a", "persentase": "n/a"}]
    path = build(tmp_path, **data)
    got = {f.location: f.message_key.rsplit(".", 1)[1] for f in findings(path, "INP003")}
    assert got == {"Tabel VI.1!J4": "rpjmd", "Lampiran II!K5": "budget",
                   "Keuangan!D6": "budget", "Keuangan!E6": "budget",
                   "Keuangan!F6": "percentage"}
    assert {f.severity for f in findings(path, "INP003")} == {Severity.INFO}


def test_inp003_not_for_dashes_blanks_and_settings(tmp_path: Path) -> None:
    path = build(tmp_path, identitas={"toleransi": "abc"},
                 pengukuran=measurement(realisasi="-", capaian=None))
    assert check(path, "INP003") == []
    assert check(path, "INP012") == [("INP012", "Identitas!B10")]


# --- INP004 / INP005 -----------------------------------------------------------------------------

def test_inp004_error_values(tmp_path: Path) -> None:
    path = edit(build(tmp_path), PM, {"G4": "#DIV/0!", "I4": "#N/A"})
    assert check(path, "INP004") == [("INP004", "Pengukuran Kinerja!G4"),
                                     ("INP004", "Pengukuran Kinerja!I4")]
    f = findings(path, "INP004")[0]
    assert f.stated == "#DIV/0!"
    assert f.message() == ("sel berisi nilai galat Excel #DIV/0!; sel ini tidak ikut "
                           "dihitung. Perbaiki rumusnya atau ketik nilainya")


def test_inp004_typed_error_text_and_clean(tmp_path: Path) -> None:
    path = build(tmp_path, pengukuran=measurement(realisasi="#VALUE!"))
    assert check(path, "INP004") == [("INP004", "Pengukuran Kinerja!G4")]
    assert check(build(tmp_path, "clean.xlsx"), "INP004") == []


def test_inp005_formula_without_value(tmp_path: Path) -> None:
    path = edit(build(tmp_path), PM, {"H4": "=G4/F4*100"})
    f = only(path, "INP005")
    assert f.location == "Pengukuran Kinerja!H4" and f.formula == "=G4/F4*100"
    assert f.message() == (
        "rumus =G4/F4*100 tidak punya nilai tersimpan, jadi terbaca kosong. Buka dan simpan "
        "berkas di Excel atau LibreOffice agar nilainya dihitung")
    assert check(build(tmp_path, "clean.xlsx"), "INP005") == []


# --- structure -----------------------------------------------------------------------------------

def test_inp006_missing_sheet(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "m.xlsx", omit=(SHEET_BUDGET,), **rows())
    f = only(path, "INP006")
    assert (f.sheet, f.cell, f.location) == ("Keuangan", "", "Keuangan")
    assert f.message() == (
        "lembar 'Keuangan' tidak ada (nama lain yang dikenali: Aspek Keuangan, Anggaran, "
        "Realisasi Anggaran); isinya tidak diperiksa. Tambahkan lembar ini atau ganti nama "
        "lembar yang ada")
    assert check(build(tmp_path), "INP006") == []


def test_inp006_every_sheet_missing(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(path)
    assert check(path, "INP006") == sorted(
        ("INP006", s) for s in (SHEET_IDENTITY, SHEET_RPJMD, SHEET_PK, SHEET_MEASUREMENT,
                                SHEET_BUDGET))
    # Nothing else is reported about sheets that are not there.
    assert check(path, "INP013") == [] and check(path, "INP016") == []


def test_inp007_missing_header(tmp_path: Path) -> None:
    path = replace_sheet(build(tmp_path), PK, [["Perjanjian Kinerja"], ["lain", "lagi"]])
    f = only(path, "INP007")
    assert f.location == "Lampiran II"
    assert "tidak ditemukan di 40 baris pertama (dicari: Baris)" in f.message()


def test_inp008_missing_column(tmp_path: Path) -> None:
    path = replace_sheet(build(tmp_path), T61, [
        [], [], ["Indikator Kinerja", "Satuan", "Polaritas", 2019], ["Uji", "Org", "Positif", 5]])
    f = only(path, "INP008")
    assert f.location == "Tabel VI.1!A3"
    assert f.message() == ("kolom wajib 'Kode Indikator' tidak ada di baris judul (baris 3); "
                           "tabel ini tidak dibaca. Tambahkan kolom 'Kode Indikator'")


def test_inp009_duplicate_column(tmp_path: Path) -> None:
    path = replace_sheet(build(tmp_path), SHEET_BUDGET, [
        [], [], ["Baris", "Uraian", "Pagu (Rp)", "Realisasi", "Anggaran"],
        ["Kelompok", "B", 10, 5, 20]])
    f = only(path, "INP009")
    assert f.location == "Keuangan!E3"
    assert "'Anggaran' muncul dua kali" in f.message()
    assert check(build(tmp_path, "clean.xlsx"), "INP009") == []


def test_inp010_unknown_row_roles(tmp_path: Path) -> None:
    lampiran = [
        *rows()["lampiran"],
        {"baris": "Kegiatn", "program_kegiatan": "A"},
        {"baris": "Rincian", "program_kegiatan": "B"},
        {"program_kegiatan": "C", "target": 5},
        {"baris": "Sub Kegiatan", "kode_indikator": "IK-1", "program_kegiatan": "D"},
        {"baris": "Lainnya", "program_kegiatan": "E"},
    ]
    path = build(tmp_path, lampiran=lampiran)
    got = findings(path, "INP010")
    assert [(f.location, f.message_key) for f in got] == [
        ("Lampiran II!A7", "rule.INP010.suggest"),
        ("Lampiran II!A8", "rule.INP010.other-sheet"),
        ("Lampiran II!A9", "rule.INP010.blank"),
        ("Lampiran II!A11", "rule.INP010.unknown"),
    ]
    assert got[0].message() == (
        "Baris 'Kegiatn' tidak dikenal (maksudnya 'Kegiatan'?); baris ini tidak ikut "
        "diperiksa. Pakai salah satu: Indikator, Program, Kegiatan, Jumlah, Total")
    assert "Pakai salah satu: Indikator, Program, Kegiatan, Jumlah, Total" in got[1].message()


def test_inp010_roles_of_other_sheets(tmp_path: Path) -> None:
    path = build(tmp_path, pengukuran=measurement(baris="Kegiatan"),
                 keuangan=[{"baris": "Indikator", "uraian": "x"}])
    got = findings(path, "INP010")
    assert [(f.location, f.message_key) for f in got] == [
        ("Pengukuran Kinerja!A4", "rule.INP010.other-sheet"),
        ("Keuangan!A4", "rule.INP010.other-sheet")]
    assert dict(got[0].params)["allowed"] == "Indikator, Rata-rata"
    assert dict(got[1].params)["allowed"] == "Kelompok, Program, Rincian, Jumlah, Total"


def test_inp011_unknown_polarity(tmp_path: Path) -> None:
    tabel = simple_indicator_rows(polaritas="Naik turun")["tabel"]
    f = only(build(tmp_path, tabel=tabel), "INP011")
    assert (f.location, f.stated, f.expected) == ("Tabel VI.1!F4", "Naik turun", "Positif")
    tabel = simple_indicator_rows(polaritas="turun")["tabel"]  # an alias of Negatif
    assert check(build(tmp_path, "alias.xlsx", tabel=tabel), "INP011") == []


def test_inp012_unknown_settings(tmp_path: Path) -> None:
    path = build(tmp_path, identitas={"skala": "Skala 9", "rumus_negatif": "R/T",
                                      "toleransi": -1, "desimal": 2.5})
    got = {f.location: f for f in findings(path, "INP012")}
    assert sorted(got) == ["Identitas!B10", "Identitas!B11", "Identitas!B8", "Identitas!B9"]
    assert got["Identitas!B8"].message() == (
        "Skala Penilaian 'Skala 9' tidak dikenal; dipakai Skala 4. Pilihan: Skala 4, Skala 5, "
        "Skala 5 Baik, Kustom")
    assert got["Identitas!B9"].message() == (
        "Rumus Indikator Negatif 'R/T' tidak dikenal; dipakai (2T-R)/T. Pilihan: (2T-R)/T, T/R, "
        "(1 + (1 - R/T)) x 100%")
    assert got["Identitas!B10"].message() == (
        "Toleransi '-1' bukan angka >= 0; dipakai 0 poin persen")
    assert got["Identitas!B11"].message() == (
        "Desimal '2,5' harus bilangan bulat 0 sampai 6; dipakai 2")
    assert got["Identitas!B10"].expected == "0"


def test_inp012_custom_scale_without_table(tmp_path: Path) -> None:
    f = only(build(tmp_path, identitas={"skala": "Kustom"}), "INP012")
    assert f.message_key == "rule.INP012.skala-custom" and f.location == "Identitas!B8"
    assert check(build(tmp_path, "ok.xlsx", identitas={"skala": "Skala 5"}), "INP012") == []


def test_inp013_missing_identity(tmp_path: Path) -> None:
    path = build(tmp_path, identitas={"nama_instansi": None})
    f = only(path, "INP013")
    assert f.location == "Identitas!B3"
    assert f.message() == "Nama Instansi wajib diisi di lembar Identitas"


def test_inp013_label_absent_and_scale_row(tmp_path: Path) -> None:
    path = edit(build(tmp_path), SHEET_IDENTITY, {
        "A5": "Catatan",  # the Tahun Laporan label is gone
        "A20": "Kategori", "B20": "Batas Bawah",
        "A21": "Baik", "B21": 80, "A22": "Buruk", "B22": None,
    })
    got = findings(path, "INP013")
    assert [(f.location, f.message_key) for f in got] == [
        ("Identitas", "rule.INP013.absent"), ("Identitas!A22", "rule.INP013.scale-row")]
    assert "label 'Tahun Laporan' tidak ada di lembar Identitas" in got[0].message()


def test_inp013_silent_when_identitas_missing(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "m.xlsx", omit=(SHEET_IDENTITY,), **rows())
    assert check(path, "INP013") == []
    assert check(path, "INP006") == [("INP006", "Identitas")]


def test_inp014_hidden_sheet(tmp_path: Path) -> None:
    path = build(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb[SHEET_BUDGET].sheet_state = "hidden"
    wb.save(path)
    f = only(path, "INP014")
    assert f.location == "Keuangan" and f.severity is Severity.INFO
    assert check(build(tmp_path, "clean.xlsx"), "INP014") == []


def test_inp015_sheet_too_large(tmp_path: Path) -> None:
    path = build(tmp_path)
    cfg = Config(select=("INP015",))
    got = check_report(read_report(path, limits=Limits(max_rows=5)), cfg)
    # Identitas runs to row 11, Lampiran II to row 6; the other sheets end at row 4.
    assert sorted(f.location for f in got) == ["Identitas", "Lampiran II"]
    assert got[0].message() == ("lembar 'Identitas' terlalu besar: hanya 5 baris pertama "
                                "dibaca. Hapus baris kosong atau sisa isi di bawah tabel")
    assert check_report(read_report(path), cfg) == []


# --- the join key --------------------------------------------------------------------------------

def test_inp016_unknown_codes(tmp_path: Path) -> None:
    pengukuran = [
        *measurement(kode_indikator="IK-7", indikator="Sesuatu lain"),
        *measurement(kode_indikator="ik 1"),  # the same code written differently
        *measurement(kode_indikator="IK-1, IK-9", baris="Rata-rata", indikator="Rata-rata"),
        *measurement(kode_indikator="IK-5"),  # unknown code, known name
    ]
    path = build(tmp_path, pengukuran=pengukuran)
    got = findings(path, "INP016")
    assert [(f.location, f.message_key, f.stated) for f in got] == [
        ("Pengukuran Kinerja!B4", "rule.INP016.unknown", "IK-7"),
        ("Pengukuran Kinerja!B6", "rule.INP016.unknown", "IK-9"),
        ("Pengukuran Kinerja!B7", "rule.INP016.unknown-name", "IK-5"),
    ]
    assert got[0].message() == (
        "Kode Indikator 'IK-7' tidak ada di Tabel VI.1 maupun baris Indikator Lampiran II "
        "(kode yang ada: IK-1); baris ini tidak terhubung")
    assert got[2].expected == "IK-1" and got[2].fix is None
    assert "nama indikatornya sama dengan IK-1" in got[2].message()


def test_inp016_blank_codes_matched_by_name(tmp_path: Path) -> None:
    tabel = [*simple_indicator_rows()["tabel"],
             {"indikator": "Jumlah lembaga", 2019: 5},  # blank code, name known from PK
             {"tujuan": "Tujuan saja"}]  # a grouping row: no name, no target, not reported
    lampiran = [*rows()["lampiran"],
                {"baris": "Indikator", "kode_indikator": "IK-2", "indikator": "Jumlah lembaga"},
                {"baris": "Kegiatan", "kode_indikator": "IK-2", "target": 1},
                {"baris": "Indikator", "indikator": "Tidak dikenal"}]
    pengukuran = [*measurement(kode_indikator=None, indikator="  INDIKATOR uji. ")]
    path = build(tmp_path, tabel=tabel, lampiran=lampiran, pengukuran=pengukuran)
    got = findings(path, "INP016")
    assert [(f.location, f.message_key) for f in got] == [
        ("Tabel VI.1!A5", "rule.INP016.blank-name"),
        ("Lampiran II!C9", "rule.INP016.blank"),
        ("Pengukuran Kinerja!B4", "rule.INP016.blank-name"),
    ]
    fill = got[0]
    assert fill.fix is not None and (str(fill.fix.ref), fill.fix.value, fill.fix.action) == (
        "Tabel VI.1!A5", "IK-2", Action.FILL)
    assert fill.message() == ("Kode Indikator kosong; nama indikator 'Jumlah lembaga' sama "
                              "dengan indikator IK-2. Isi IK-2 agar baris ini terhubung")
    assert got[2].fix.value == "IK-1"
    assert got[1].fix is None


def test_inp016_leaves_kegiatan_to_inp018_and_skips_without_tables(tmp_path: Path) -> None:
    lampiran = [*rows()["lampiran"],
                {"baris": "Kegiatan", "kode_indikator": "IK-9", "program_kegiatan": "X"}]
    path = build(tmp_path, lampiran=lampiran)
    assert check(path, "INP016") == []
    assert check(path, "INP018") == [("INP018", "Lampiran II!C7")]
    no_tables = make_workbook(tmp_path / "n.xlsx", omit=(SHEET_RPJMD, SHEET_PK),
                              pengukuran=measurement(kode_indikator="IK-7"))
    assert check(no_tables, "INP016") == []


def test_inp016_program_row_code(tmp_path: Path) -> None:
    lampiran = [*rows()["lampiran"], {"baris": "Jumlah", "kode_indikator": "IK-3"}]
    assert check(build(tmp_path, lampiran=lampiran), "INP016") == [
        ("INP016", "Lampiran II!C7")]


def test_inp017_duplicate_codes(tmp_path: Path) -> None:
    tabel = [*simple_indicator_rows()["tabel"],
             {"kode_indikator": "ik-1", "indikator": "Lagi", 2019: 1}]
    lampiran = [*rows()["lampiran"],
                {"baris": "Indikator", "kode_indikator": "IK 1", "indikator": "Lagi"}]
    pengukuran = measurement() * 2  # several statements of one indicator are fine
    path = build(tmp_path, tabel=tabel, lampiran=lampiran, pengukuran=pengukuran)
    got = findings(path, "INP017")
    assert [(f.location, f.related) for f in got] == [
        ("Tabel VI.1!A5", ("Tabel VI.1!A4",)), ("Lampiran II!C7", ("Lampiran II!C4",))]
    assert got[0].message() == ("Kode Indikator 'ik-1' sudah dipakai di Tabel VI.1!A4; setiap "
                                "indikator perlu kode sendiri. Ganti salah satu kode")
    assert check(build(tmp_path, "clean.xlsx"), "INP017") == []


def test_inp018_kegiatan_without_indicator(tmp_path: Path) -> None:
    lampiran = [*rows()["lampiran"],
                {"baris": "Kegiatan", "program_kegiatan": "Bimtek", "target": 1},
                {"baris": "Kegiatan", "kode_indikator": "IK 9", "program_kegiatan": "Rapat"},
                {"baris": "Kegiatan", "kode_indikator": "ik1", "program_kegiatan": "Ok"}]
    got = findings(build(tmp_path, lampiran=lampiran), "INP018")
    assert [(f.location, f.message_key) for f in got] == [
        ("Lampiran II!C7", "rule.INP018.blank"), ("Lampiran II!C8", "rule.INP018.unknown")]
    assert got[0].message() == ("Kegiatan 'Bimtek' tanpa Kode Indikator: tidak jelas indikator "
                                "mana yang didukungnya. Isi kode indikatornya")
    assert got[1].message() == ("Kegiatan 'Rapat' menunjuk Kode Indikator 'IK 9' yang tidak "
                                "ada (kode yang ada: IK-1). Perbaiki kodenya")


def test_inp018_code_known_from_tabel_only(tmp_path: Path) -> None:
    tabel = [*simple_indicator_rows()["tabel"], {"kode_indikator": "IK-2", 2019: 3}]
    lampiran = [*rows()["lampiran"], {"baris": "Kegiatan", "kode_indikator": "IK-2"}]
    assert check(build(tmp_path, tabel=tabel, lampiran=lampiran), "INP018") == []


def test_inp019_indicator_without_kegiatan(tmp_path: Path) -> None:
    lampiran = [*rows()["lampiran"],
                {"baris": "Indikator", "kode_indikator": "IK-2", "indikator": "Tanpa kegiatan"},
                {"baris": "Indikator", "kode_indikator": "IK-3", "indikator": "Dilayani"},
                {"baris": "Kegiatan", "kode_indikator": "ik 3", "target": 1}]
    got = findings(build(tmp_path, lampiran=lampiran), "INP019")
    assert [f.location for f in got] == ["Lampiran II!C7"]
    assert got[0].message() == (
        "indikator IK-2 ('Tanpa kegiatan') tidak didukung satu pun Kegiatan di Lampiran II; "
        "isi Kode Indikator IK-2 pada kegiatan yang mendukungnya")
    assert check(build(tmp_path, "clean.xlsx"), "INP019") == []


def test_inp019_not_for_an_indicator_row_that_carries_its_own_budget(tmp_path: Path) -> None:
    # A central agency's PK (Laporan Kinerja PRKOM BPOM 2021): the budget is printed on the
    # Indikator row itself, no Kegiatan rows. Such a row is a complete statement. A sasaran
    # whose budget is printed once, on its first indicator row, covers its other indicators;
    # an indicator of another sasaran with no budget and no kegiatan is still reported.
    lampiran = [
        {"baris": "Indikator", "kode_indikator": "IKK-1", "sasaran": "Riset berkualitas",
         "indikator": "Riset dimanfaatkan", "target": 75, "realisasi": 74.94,
         "anggaran": "6.910.387.000", "realisasi_anggaran": "6.495.748.767"},
        {"baris": "Indikator", "kode_indikator": "IKK-2", "sasaran": "Riset berkualitas",
         "indikator": "Riset terpublikasi", "target": 10, "realisasi": 10},
        {"baris": "Indikator", "kode_indikator": "IKK-3", "sasaran": "Perencanaan riset",
         "indikator": "Riset sesuai rencana", "target": 100, "realisasi": 100,
         "anggaran": 42_150_000},
        {"baris": "Indikator", "kode_indikator": "IKK-4", "sasaran": "Layanan publik",
         "indikator": "Tanpa anggaran", "target": 90, "realisasi": 88},
    ]
    tabel = [{"kode_indikator": f"IKK-{i}", "polaritas": "Positif"} for i in range(1, 5)]
    got = findings(make_workbook(tmp_path / "lembaga.xlsx", tabel=tabel, lampiran=lampiran),
                   "INP019")
    assert [f.location for f in got] == ["Lampiran II!C7"]


@pytest.mark.parametrize(("year", "expected"), [
    (2016, [("INP020", "Identitas!B5")]),  # the kondisi awal year has no target column
    (2017, []), (2021, []),
    (2022, [("INP020", "Identitas!B5")]),
])
def test_inp020_year_within_period(tmp_path: Path, year: int, expected: list) -> None:
    assert check(build(tmp_path, identitas={"tahun": year}), "INP020") == expected


def test_inp020_message_and_inputs(tmp_path: Path) -> None:
    f = only(build(tmp_path, identitas={"tahun": 2023}), "INP020")
    assert f.message() == (
        "Tahun Laporan 2023 di luar periode RPJMD: kolom tahun Tabel VI.1 mencakup 2017 sampai "
        "2021, jadi target RPJMD tahun ini tidak dapat ditemukan. Periksa Tahun Laporan")
    assert (f.stated, f.expected) == (2023.0, "2017-2021")
    assert f.inputs == (("Identitas!B5", 2023.0),)


@pytest.mark.parametrize(("periode_awal", "first_year"), [
    (2015, 2015),  # targets every year 2015..2019, the kondisi awal is the year before
    (2014, 2015),  # the same table with a kondisi-awal year before the targets
])
def test_inp020_year_columns_are_the_truth(tmp_path: Path, periode_awal: int,
                                           first_year: int) -> None:
    """A 2015 report of a 2015-2019 RPJMD: 2015 has a year column, so it is inside the period
    whether Periode Awal says 2015 or 2014; no one has to shift Periode Awal."""
    ident = {"tahun": 2015, "periode_awal": periode_awal, "periode_akhir": 2019}
    tabel = [{"kode_indikator": "IK-1", "polaritas": "Positif"}]
    path = replace_sheet(build(tmp_path, identitas=ident, tabel=tabel), T61, [
        [], [], ["Kode Indikator", "Indikator Kinerja", "Satuan", "Polaritas", "Kondisi Awal",
                 *[str(y) for y in range(first_year, 2020)], "Kondisi Akhir"],
        ["IK-1", "Indikator uji", "Org", "Positif", 80, *[100] * (2020 - first_year), 100]])
    assert check(path, "INP020") == []
    rep = read_report(path)
    assert rep.rpjmd_years == tuple(range(first_year, 2020))
    assert rep.indicators[0].target_for(2015).value == 100
    # and the PK target of 2015 is compared with that column: nothing to say here
    assert check(path, "XTB") == []


def test_inp020_year_not_a_column_of_tabel(tmp_path: Path) -> None:
    path = replace_sheet(build(tmp_path, identitas={"tahun": 2018}), T61, [
        [], [], ["Kode Indikator", "Indikator Kinerja", "2017", "2019"], ["IK-1", "Uji", 1, 2]])
    f = only(path, "INP020")
    assert f.message_key == "rule.INP020.not-in-columns"
    assert "(2017, 2019)" in f.message()
    path = replace_sheet(build(tmp_path, "after.xlsx"), T61, [
        [], [], ["Kode Indikator", "Indikator Kinerja", "2017", "2018"], ["IK-1", "Uji", 1, 2]])
    assert only(path, "INP020").message_key == "rule.INP020.outside"
    path = replace_sheet(build(tmp_path, "ny.xlsx"), T61, [
        [], [], ["Kode Indikator", "Indikator Kinerja", "Target"], ["IK-1", "Uji", 1]])
    assert only(path, "INP020").message_key == "rule.INP020.no-columns"


def test_inp020_not_run_on_an_empty_tabel(tmp_path: Path) -> None:
    """A reviewer typing only Pengukuran Kinerja of a 2023 report into the 2016-2021 template:
    nothing is looked up by year, so no INP020 (INP023 says Tabel VI.1 is empty)."""
    path = make_workbook(tmp_path / "pm.xlsx", identitas={"tahun": 2023},
                         pengukuran=measurement(capaian=90))
    assert check(path, "INP020") == []
    assert ("INP023", T61) in check(path, "INP023")


def test_inp020_bad_period(tmp_path: Path) -> None:
    path = build(tmp_path, identitas={"periode_awal": 2021, "periode_akhir": 2016},
                 tabel=[{"kode_indikator": "IK-1", "polaritas": "Positif"}])
    f = only(path, "INP020")
    assert f.location == "Identitas!B7" and f.message_key == "rule.INP020.bad-period"
    assert f.message() == ("Periode Awal 2021 tidak sebelum Periode Akhir 2016; perbaiki "
                           "periode RPJMD")


def test_inp021_missing_polarity(tmp_path: Path) -> None:
    tabel = [*simple_indicator_rows()["tabel"],
             {"kode_indikator": "IK-2", "indikator": "B", "polaritas": None, 2019: 1}]
    f = only(build(tmp_path, tabel=tabel), "INP021")
    assert (f.location, f.expected, f.related) == ("Tabel VI.1!F5", "Positif",
                                                   ("Tabel VI.1!A5",))
    assert f.message() == ("Polaritas indikator IK-2 kosong; dianggap Positif (makin tinggi "
                           "makin baik). Isi Positif atau Negatif")


def test_inp021_no_polarity_column(tmp_path: Path) -> None:
    path = replace_sheet(build(tmp_path), T61, [
        [], [], ["Kode Indikator", "Indikator Kinerja", "2019"],
        ["IK-1", "A", 1], ["IK-2", "B", 2]])
    f = only(path, "INP021")
    assert f.location == "Tabel VI.1" and f.message_key == "rule.INP021.no-column"
    assert "2 indikator dianggap Positif" in f.message()


# --- the shipped examples ------------------------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CLEAN = EXAMPLES / "lkjip_2023_dinas_contoh.xlsx"


@pytest.mark.skipif(not CLEAN.exists(), reason="clean example not written yet")
def test_clean_example_has_no_errors_or_warnings() -> None:
    found = findings(CLEAN, "INP")
    assert [(f.code, f.location) for f in found if f.severity is not Severity.INFO] == []


def test_inp022_measurement_without_code(tmp_path: Path) -> None:
    pengukuran = [
        *measurement(kode_indikator=None, indikator="Urusan Sosial", target="2.819"),
        *measurement(kode_indikator=None, indikator="Indikator uji"),  # name known: INP016
        *measurement(kode_indikator=None, indikator="Rata-rata", baris="Rata-rata"),
    ]
    path = build(tmp_path, pengukuran=pengukuran)
    f = only(path, "INP022")
    assert (f.location, f.related) == ("Pengukuran Kinerja!B4", ("Pengukuran Kinerja!D4",))
    assert f.message() == (
        "baris Indikator tanpa Kode Indikator ('Urusan Sosial'); namanya tidak cocok dengan "
        "indikator yang dikenal, jadi baris ini hanya diperiksa sendiri. Isi kodenya bila baris "
        "ini mengukur satu indikator")
    assert check(path, "INP016") == [("INP016", "Pengukuran Kinerja!B5")]
    assert check(build(tmp_path, "clean.xlsx"), "INP022") == []


def test_how_a_number_was_read_through_its_cache() -> None:
    """INP001/INP002's reading notes (`_how_keys`, cached by separators, decimals and notes)
    are those worked out from the text each time, for texts of every shape."""
    import re

    from lkjip_xl.numbers import parse_number
    from lkjip_xl.rules import hygiene

    def reference(number, text: str) -> list[str]:  # the notes as they were first written
        keys: list[str] = []
        m = re.search(r"\d+(?:\s?[.,]\s?\d+)*", text)
        seps = [c for c in m.group() if c in ".,"] if m and not number.is_range else []
        notes = set(number.notes)
        noted = notes & {"last-group-decimal", "decimal-dot-3", "decimal-comma-3"}
        if seps:
            thousands = seps[:-1] if number.decimals else seps
            for sep in dict.fromkeys(thousands):
                keys.append("num.thousands-dot" if sep == "." else "num.thousands-comma")
            if number.decimals and not noted:
                keys.append("rule.INP.decimal-dot" if seps[-1] == "." else
                            "rule.INP.decimal-comma")
        for note in number.notes:
            key = f"num.{note}"
            if note in ("thousands-dot", "thousands-comma") and key in keys:
                continue
            keys.append(key)
        return list(dict.fromkeys(keys))

    texts = ["10 %", "1.697", "1,697", "93,05", "93.05", "6.910.387.000", "6,910,387,000.50",
             "Rp. 18.685.267.564,00", "Rp 1.000.000,-", "8,102,579,062,65", "95, 12", "80-90",
             "80 - 90,5", "21,378 KPM", "2.109 Org", "1,063", "≥ 80 %", "100", "0,5", "1 : 40",
             "745,520,000,00-", "1.23.4", "12,5%", "Rp.1.500,5", "٣٫٥", "1.000 (2.000)"]
    seen = 0
    for _ in range(2):  # the second round reads the cache
        for text in texts:
            for percent in (False, True):
                number = parse_number(text, percent_column=percent)
                assert hygiene._how_keys(number, text) == reference(number, text), text
                seen += 1
    assert seen == 4 * len(texts) and hygiene._HOW_KEYS
