"""`lkjip-xl fix`: the corrected workbook, end to end through the command line.

Expected values are computed by hand in the comments next to them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from lkjip_xl.cli import cli
from lkjip_xl.writers.styles import (
    CATEGORY_RGBS,
    COMMENT_AUTHOR,
    COMMENT_MARKER,
    CORRECTED_RGB,
    MARKS,
    PERCENT_FORMAT,
    REVIEW_RGB,
)

from .builders import make_workbook

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx"
CLEAN = ROOT / "examples" / "lkjip_2023_dinas_contoh.xlsx"
PK, PM, KU = "Lampiran II", "Pengukuran Kinerja", "Keuangan"
INPUT_SHEETS = ["Identitas", "Tabel VI.1", PK, PM, KU]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rgb(cell) -> str:
    return (cell.fill.fgColor.rgb or "")[-6:] if cell.fill.fill_type == "solid" else ""


def _tabel(code: str, sasaran: str, indikator: str, satuan: str, polaritas: str,
           target: float) -> dict:
    return {"kode_indikator": code, "sasaran": sasaran, "indikator": indikator,
            "satuan": satuan, "polaritas": polaritas, "kondisi_awal": target, 2017: target,
            2018: target, 2019: target, 2020: target, 2021: target, "kondisi_akhir": target}


def scenario(path: Path) -> Path:
    """One workbook with every kind of safe correction, and one unsafe one.

    Lampiran II  J6  capaian blank, 565 / 594 x 100 = 95.1178 -> fill 95.12      (CAP004)
                 J7  capaian 150, negative (2 x 32 - 4.88) / 32 x 100 = 184.75   (CAP001)
    Pengukuran   H4  capaian 81.41 -> 95.12; I4 'Berhasil' -> 'Sangat Berhasil'  (CAP001, KAT001)
                 H5  capaian blank -> 184.75; I5 blank -> 'Sangat Berhasil'      (CAP004, KAT002)
    Keuangan     D5  pagu '1.000.000' (text) -> 1000000                          (INP001)
                 F5  90 -> 950000 / 1000000 x 100 = 95                           (CAP006)
                 F6  blank -> 400000 / 500000 x 100 = 80                         (CAP007)
                 D7  Jumlah pagu 1600000, its parts add up to 1500000 (unsafe)   (TOT002)
                 F7  90 -> 1350000 / 1600000 x 100 = 84.375 -> 84.38             (CAP006)
    """
    return make_workbook(
        path,
        tabel=[_tabel("IK-1", "Sasaran A", "Indikator satu", "Lbg", "Positif", 594),
               _tabel("IK-2", "Sasaran B", "Indikator dua", "%", "Negatif", 32)],
        lampiran=[
            {"baris": "Program", "kode": "1.01", "program_kegiatan": "Program Satu",
             "anggaran": 1000000, "realisasi_anggaran": 900000},
            {"baris": "Indikator", "kode_indikator": "IK-1", "sasaran": "Sasaran A",
             "indikator": "Indikator satu", "target": 594, "satuan": "Lbg"},
            {"baris": "Kegiatan", "kode": "1.01.1", "kode_indikator": "IK-1",
             "program_kegiatan": "Kegiatan satu", "target": 594, "realisasi": 565,
             "satuan": "Lbg", "anggaran": 600000, "realisasi_anggaran": 500000},
            {"baris": "Kegiatan", "kode": "1.01.2", "kode_indikator": "IK-2",
             "program_kegiatan": "Kegiatan dua", "target": 32, "realisasi": 4.88,
             "satuan": "%", "capaian": 150, "anggaran": 400000, "realisasi_anggaran": 400000,
             "polaritas": "Negatif"},  # a Kegiatan is Positif unless its row says otherwise
            {"baris": "Indikator", "kode_indikator": "IK-2", "sasaran": "Sasaran B",
             "indikator": "Indikator dua", "target": 32, "satuan": "%"},
        ],
        pengukuran=[
            {"baris": "Indikator", "kode_indikator": "IK-1", "sasaran": "Sasaran A",
             "indikator": "Indikator satu", "satuan": "Lbg", "target": 594, "realisasi": 565,
             "capaian": 81.41, "kategori": "Berhasil", "sumber": "Bab III"},
            {"baris": "Indikator", "kode_indikator": "IK-2", "sasaran": "Sasaran B",
             "indikator": "Indikator dua", "satuan": "%", "target": 32, "realisasi": 4.88,
             "sumber": "Bab III"},
        ],
        keuangan=[
            {"baris": "Kelompok", "kode": "5.1", "uraian": "Belanja Operasi"},
            {"baris": "Rincian", "kode": "5.1.1", "uraian": "Belanja Pegawai",
             "pagu": "1.000.000", "realisasi": 950000, "persentase": 90},
            {"baris": "Rincian", "kode": "5.1.2", "uraian": "Belanja Barang", "pagu": 500000,
             "realisasi": 400000},
            {"baris": "Jumlah", "uraian": "Jumlah", "pagu": 1600000, "realisasi": 1350000,
             "persentase": 90},
        ])


@pytest.fixture
def wb_path(tmp_path: Path) -> Path:
    return scenario(tmp_path / "lkjip.xlsx")


def fixed(src: Path, *extra: str) -> tuple[Path, str]:
    out = src.with_name(src.stem + ".out" + src.suffix)
    code, stdout, stderr = run("fix", str(src), "-o", str(out), *extra)
    assert code == 0, stderr
    return out, stdout


# --- what fix writes -----------------------------------------------------------------------

SAFE = {  # sheet, cell -> new value (hand-computed in `scenario`)
    (PK, "J6"): 95.12, (PK, "J7"): 184.75,
    (PM, "H4"): 95.12, (PM, "I4"): "Sangat Berhasil",
    (PM, "H5"): 184.75, (PM, "I5"): "Sangat Berhasil",
    (KU, "D5"): 1000000, (KU, "F5"): 95, (KU, "F6"): 80, (KU, "F7"): 84.38,
}


def test_every_safe_correction_is_applied_coloured_and_commented(wb_path: Path):
    out, stdout = fixed(wb_path)
    wb = openpyxl.load_workbook(out)
    filled = {(PK, "J6"), (PM, "H5"), (PM, "I5"), (KU, "F6")}
    for (sheet, address), value in SAFE.items():
        c = wb[sheet][address]
        assert c.value == value, (sheet, address, c.value)
        kind = ("filled" if (sheet, address) in filled else
                "converted" if (sheet, address) == (KU, "D5") else "corrected")
        assert rgb(c) == MARKS[kind].fill, (sheet, address)
        assert c.font.b == MARKS[kind].bold and c.font.i == MARKS[kind].italic
        assert c.comment is not None and c.comment.author == COMMENT_AUTHOR
        assert c.comment.text.startswith(COMMENT_MARKER + "\n")
    assert isinstance(wb[KU]["D5"].value, int | float)  # a number now, not text
    text = {a: wb[s][a].comment.text.split("\n", 1)[1] for s, a in
            [(PM, "H4"), (PK, "J6"), (KU, "D5"), (PM, "I5")]}
    assert text["H4"] == "Semula 81,41; dihitung 95,12 = 565 / 594 x 100 (aturan CAP001)"
    assert text["J6"] == "Semula kosong; diisi 95,12 = 565 / 594 x 100 (aturan CAP004)"
    assert text["D5"] == "Semula \u201c1.000.000\u201d; menjadi 1.000.000 (aturan INP001)"
    assert text["I5"].startswith("Semula kosong; diisi \u201cSangat Berhasil\u201d")
    # The unsafe total is left as stated, marked for review with the proposal.
    d7 = wb[KU]["D7"]
    assert d7.value == 1600000 and rgb(d7) == REVIEW_RGB
    assert "Periksa: " in d7.comment.text and "Usulan: 1.500.000" in d7.comment.text
    assert d7.border.left.style == MARKS["review"].border
    # corrected: J7 H4 I4 F5 F7 (5); filled: J6 H5 I5 F6 (4); text to number: D5 (1);
    # to review: D7 (1)
    assert f"Buku kerja yang dibetulkan: {out}" in stdout
    assert re.search(r"5 nilai dibetulkan, 4 sel kosong diisi, 1 teks diubah menjadi angka, "
                     r"1 sel perlu ditinjau; \d+ temuan\. "
                     r"1 perbaikan tidak aman tidak diterapkan", stdout)


def test_unsafe_fixes_overwrite_the_total(wb_path: Path):
    out, stdout = fixed(wb_path, "--unsafe-fixes")
    wb = openpyxl.load_workbook(out)
    d7 = wb[KU]["D7"]
    assert d7.value == 1500000 and rgb(d7) == CORRECTED_RGB  # 1000000 + 500000
    assert "tidak aman" in d7.comment.text and "--" not in d7.comment.text.split("\n", 1)[1]
    # F7 is right for the corrected total (1350000 / 1500000 = 90): neither changed nor marked.
    f7 = wb[KU]["F7"]
    assert f7.value == 90 and f7.comment is None and rgb(f7) == ""
    assert "5 nilai dibetulkan, 4 sel kosong diisi, 1 teks diubah menjadi angka, 0 sel perlu " \
        "ditinjau" in stdout  # D7 in, F7 out
    assert "tidak aman" not in stdout


def test_the_input_is_byte_identical_afterwards(wb_path: Path):
    before = sha(wb_path)
    fixed(wb_path)
    run("fix", "--diff", str(wb_path))
    assert sha(wb_path) == before


def test_default_output_sits_beside_the_input(wb_path: Path):
    code, stdout, _ = run("fix", str(wb_path))
    out = wb_path.with_name("lkjip.diperbaiki.xlsx")
    assert code == 0 and out.exists()
    assert str(out) in stdout
    umask = os.umask(0o022)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # a document, not a 0600 temp file


def test_refuses_to_write_over_the_input(wb_path: Path):
    before = sha(wb_path)
    code, stdout, stderr = run("fix", str(wb_path), "-o", str(wb_path))
    assert code == 2 and stdout == ""
    assert len(stderr.strip().splitlines()) == 1 and "--in-place" in stderr
    assert sha(wb_path) == before


def test_in_place_keeps_a_timestamped_backup_first(wb_path: Path):
    before = sha(wb_path)
    code, stdout, _ = run("fix", "--in-place", str(wb_path))
    assert code == 0
    backups = list(wb_path.parent.glob("lkjip.cadangan-*.xlsx"))
    assert len(backups) == 1 and sha(backups[0]) == before
    assert re.fullmatch(r"lkjip\.cadangan-\d{8}-\d{6}\.xlsx", backups[0].name)
    assert "Ringkasan" in openpyxl.load_workbook(wb_path).sheetnames
    assert str(backups[0]) in stdout


def test_a_failed_save_leaves_no_output(wb_path: Path, monkeypatch):
    from openpyxl.writer.excel import ExcelWriter

    def broken_write(self):  # half the parts written, then the disk is full
        self._archive.writestr("xl/half.xml", b"<half a workbook")
        raise OSError("disk full")

    monkeypatch.setattr(ExcelWriter, "write_data", broken_write)
    out = wb_path.with_name("out.xlsx")
    listing = sorted(p.name for p in wb_path.parent.iterdir())
    code, _, stderr = run("fix", str(wb_path), "-o", str(out))
    assert code == 2
    assert stderr.strip().splitlines() == [
        f"lkjip-xl: gagal menulis {out}: OSError: disk full"]
    assert not out.exists()
    assert sorted(p.name for p in wb_path.parent.iterdir()) == listing  # no temp file left


def test_diff_prints_the_changes_and_writes_nothing(wb_path: Path):
    listing = sorted(p.name for p in wb_path.parent.iterdir())
    code, stdout, _ = run("fix", "--diff", str(wb_path))
    assert code == 1
    lines = stdout.splitlines()
    assert "Pengukuran Kinerja!H4: 81.41 -> 95.12  (CAP001)" in lines
    assert 'Pengukuran Kinerja!I4: "Berhasil" -> "Sangat Berhasil"  (KAT001)' in lines
    assert "Lampiran II!J6: (kosong) -> 95.12  (CAP004)" in lines
    assert 'Keuangan!D5: "1.000.000" -> 1000000  (INP001)' in lines
    assert not any(line.startswith("Keuangan!D7") for line in lines)  # unsafe: not applied
    assert lines[-1] == "10 sel akan berubah; tidak ada yang ditulis."
    assert sorted(p.name for p in wb_path.parent.iterdir()) == listing
    code, stdout, _ = run("fix", "--diff", "--unsafe-fixes", str(wb_path))
    assert "Keuangan!D7: 1600000 -> 1500000  (TOT002)" in stdout.splitlines()


def _input_values(path: Path) -> dict:
    wb = openpyxl.load_workbook(path)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets
            if ws.title in INPUT_SHEETS for row in ws.iter_rows() for c in row}


@pytest.mark.parametrize("unsafe", [(), ("--unsafe-fixes",)])
def test_fixing_a_fixed_workbook_changes_nothing(wb_path: Path, unsafe: tuple[str, ...]):
    once, _ = fixed(wb_path, *unsafe)
    code, stdout, _ = run("fix", "--diff", *unsafe, str(once))
    assert (code, stdout.strip()) == (0, "tidak ada sel yang berubah")
    twice, stdout = fixed(once, *unsafe)
    assert "0 nilai dibetulkan, 0 sel kosong diisi, 0 teks diubah menjadi angka" in stdout
    assert _input_values(twice) == _input_values(once)
    wb = openpyxl.load_workbook(twice)
    assert [n for n in wb.sheetnames if n in ("Ringkasan", "Temuan")] == ["Ringkasan", "Temuan"]


def test_checking_a_fixed_workbook_leaves_only_human_judgement(wb_path: Path):
    out, _ = fixed(wb_path)
    code, stdout, _ = run("check", "--format", "json", "--exit-zero", str(out))
    assert code == 0
    actions = {(f["code"], f["cell"], f["action"]) for f in json.loads(stdout)["findings"]}
    assert actions == {("TOT002", "D7", "correct-unsafe")}


def test_comments_keep_what_was_there_and_are_replaced_on_a_second_run(wb_path: Path):
    wb = openpyxl.load_workbook(wb_path)
    wb[PM]["H4"].comment = openpyxl.comments.Comment("Angka dari Bab III.", "Auditor")
    wb.save(wb_path)
    once, _ = fixed(wb_path)
    text = openpyxl.load_workbook(once)[PM]["H4"].comment.text
    assert text.startswith("Angka dari Bab III.\n\n" + COMMENT_MARKER + "\nSemula 81,41;")
    # A second run marks D7 again: its note is replaced below the marker, not repeated.
    twice, _ = fixed(once)
    d7 = openpyxl.load_workbook(twice)[KU]["D7"].comment.text
    assert d7.count(COMMENT_MARKER) == 1 and d7.count("Periksa:") == 1


def test_english_comments_and_headers(wb_path: Path):
    out = wb_path.with_name("en.xlsx")
    code, stdout, _ = run("--lang", "en", "fix", str(wb_path), "-o", str(out))
    assert code == 0 and stdout.startswith(f"Corrected workbook: {out}")
    wb = openpyxl.load_workbook(out)
    assert wb[PM]["H4"].comment.text.endswith(
        "Was 81.41; computed 95.12 = 565 / 594 x 100 (rule CAP001)")
    assert wb["Temuan"]["G1"].value == "Message"


# --- the sheets fix adds -------------------------------------------------------------------

def test_temuan_rows_match_check_json(tmp_path: Path):
    if not SEED.exists():
        pytest.skip("seed example not built yet")
    src = tmp_path / SEED.name
    shutil.copy(SEED, src)
    code, stdout, _ = run("check", "--format", "json", "--exit-zero", str(src))
    assert code == 0
    expected = json.loads(stdout)["findings"]
    out, _ = fixed(src)
    wb = openpyxl.load_workbook(out)
    ws = wb["Temuan"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(expected) > 0
    severity = {"error": "galat", "warning": "peringatan", "info": "info"}
    # For the auditor: errors first, then warnings, then info; check's order within each.
    rank = {"error": 0, "warning": 1, "info": 2}
    expected = sorted(expected, key=lambda f: rank[f["severity"]])
    for i, (row, f) in enumerate(zip(rows, expected, strict=True), start=1):
        (no, sev, code_, name, sheet, cell, message, stated, exp, diff, _formula, _related,
         action, response) = row
        assert (no, code_, sev, sheet, cell or "") == (i, f["code"], severity[f["severity"]],
                                                       f["sheet"], f["cell"])
        assert name != f["name"] and " " in name  # an Indonesian title, not the slug
        assert response is None  # left for the agency's answer
        if action == "perlu ditinjau":
            assert message == f["message"]
        else:  # no advice to store as a number what fix already stored as a number
            assert "Simpan sebagai angka" not in message
            assert message.split(";")[0] == f["message"].split(";")[0]
        assert (stated, exp, diff) == (f["stated"], f["expected"], f["difference"])
        assert action in ("dibetulkan", "diisi", "teks diubah menjadi angka", "perlu ditinjau")
        if f["action"] == "review" and f["code"] not in ("CAP002", "XTB001", "AVG001"):
            # (CAP002 is reported once without a fix; fix corrects each of its cells. An
            # XTB001 target typo is corrected with the capaian of its row that relies on it:
            # Pengukuran Kinerja!F34 694 -> 594 with H34 = 565 / 594 x 100. An AVG001
            # average of capaian that cannot all be recomputed becomes the mean of the
            # capaian as they stand, and stays to review.)
            assert action == "perlu ditinjau"
        if f["action"] == "correct-unsafe":
            assert action == "perlu ditinjau"  # not without --unsafe-fixes
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:N{len(rows) + 1}"
    assert ws.print_title_rows == "$1:$1"
    link = ws["F2"].hyperlink
    assert link.location == f"'{expected[0]['sheet']}'!{expected[0]['cell']}"


def first_rows(rows) -> dict[object, tuple]:
    """Rows keyed by their first cell, the first row for each key (an indicator code is in the
    indicator table first, in the chart data after)."""
    result: dict[object, tuple] = {}
    for r in rows:
        if r and r[0] not in (None, ""):
            result.setdefault(r[0], tuple(r))
    return result


def test_ringkasan_of_the_clean_example(tmp_path: Path):
    if not CLEAN.exists():
        pytest.skip("clean example not built yet")
    src = tmp_path / CLEAN.name
    shutil.copy(CLEAN, src)
    out, stdout = fixed(src)
    assert ("0 nilai dibetulkan, 0 sel kosong diisi, 0 teks diubah menjadi angka, 0 sel perlu "
            "ditinjau; 0 temuan.") in stdout
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-2:] == ["Ringkasan", "Temuan"] and wb.active.title == "Ringkasan"
    ws = wb["Ringkasan"]
    rows = first_rows(ws.iter_rows(values_only=True))
    # kode: (target, realisasi, capaian, kategori, RPJMD 2023 target, capaian vs RPJMD)
    # IK-1 70.15/69 = 101.67; IK-2 86.4 in 80-90 = 100; IK-3 85/120 = 70.83;
    # IK-4 (6.4 - 2.85)/3.2 = 110.94; IK-5 80/95 = 84.21; IK-6 26/40 = 65 (Skala 5)
    hand = {"IK-1": (69, 70.15, 101.67, "Sangat Tinggi", 69, 101.67),
            "IK-2": ("80-90", 86.4, 100, "Sangat Tinggi", "80-90", 100),
            "IK-3": (120, 85, 70.83, "Sedang", 120, 70.83),
            "IK-4": (3.2, 2.85, 110.94, "Sangat Tinggi", 3.2, 110.94),
            "IK-5": (95, 80, 84.21, "Tinggi", 95, 84.21),
            "IK-6": (40, 26, 65, "Rendah", 40, 65)}
    for code, values in hand.items():
        row = rows[code]
        assert row[5:11] == values, code
    ik4 = next(r for r in ws.iter_rows() if r[0].value == "IK-4")
    assert ik4[4].value == "Negatif"
    assert ik4[7].number_format == PERCENT_FORMAT
    assert rgb(ik4[8]) == CATEGORY_RGBS[0]  # Sangat Tinggi: the top band's colour
    # overall: (101.67 + 100 + 70.83 + 110.94 + 84.21 + 65) / 6 = 88.775 -> 88.78 Tinggi
    overall = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Keseluruhan")
    assert overall[4:6] == (88.78, "Tinggi")
    assert overall[7] == "(101,67 + 100 + 70,83 + 110,94 + 84,21 + 65) / 6"
    budget = {r[0]: r for r in ws.iter_rows(values_only=True) if r[0] in
              ("2.08.02", "2.08.03", "2.08.07")}
    # pagu, realisasi and serapan in D, F and H (pagu and realisasi span two columns each)
    assert budget["2.08.02"][3:8:2] == (1230500000, 1144525000, 93.01)
    total = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Jumlah")
    assert total[3:8:2] == (2680500000, 2505620000, 93.48)  # 2,505,620,000 / 2,680,500,000
    # the capaian chart, and a line chart per indicator of Perbandingan (issue 14)
    assert [c.tagname for c in ws._charts] == ["barChart", *["lineChart"] * 6]


def test_output_sheets_follow_the_input_sheets_and_replace_older_copies(wb_path: Path):
    wb = openpyxl.load_workbook(wb_path)
    wb.create_sheet("Catatan")["A1"] = "catatan staf"
    old = wb.create_sheet("ringkasan")  # an older copy, named loosely
    old["A1"] = "lama"
    wb.save(wb_path)
    out, _ = fixed(wb_path)
    names = openpyxl.load_workbook(out).sheetnames
    assert names == [*INPUT_SHEETS, "Ringkasan", "Temuan", "Catatan"]


def test_text_from_a_hostile_workbook_never_becomes_a_formula(tmp_path: Path):
    name = '=HYPERLINK("http://example.invalid","klik")'
    path = make_workbook(tmp_path / "h.xlsx", tabel=[
        _tabel("IK-1", name, name, "Org", "Positif", 10)], lampiran=[
        {"baris": "Indikator", "kode_indikator": "IK-1", "sasaran": name, "indikator": name,
         "target": 10, "realisasi": 5}])
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:  # as typed in Excel after a quote: text, not a formula
        for row in ws.iter_rows():
            for c in row:
                if c.value == name:
                    c.data_type = "s"
    wb.save(path)
    out, _ = fixed(path)
    wb = openpyxl.load_workbook(out)
    values = [c.value for row in wb["Ringkasan"].iter_rows() for c in row]
    assert "'" + name in values and name not in values
    with zipfile.ZipFile(out) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in zf.read(n) for n in sheets)


# --- preserving the workbook ---------------------------------------------------------------

def test_everything_else_is_kept(wb_path: Path):
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.load_workbook(wb_path)
    ws = wb[KU]
    dv = DataValidation(type="list", formula1='"APBD I,APBD II"')
    dv.add("G4:G20")
    ws.add_data_validation(dv)
    ws["J1"] = "=2*21"
    ws["A1"].comment = openpyxl.comments.Comment("catatan", "Staf")
    ws.column_dimensions["C"].width = 33
    ws["B2"].fill = openpyxl.styles.PatternFill("solid", fgColor="123456")
    wb.defined_names["TotalPagu"] = DefinedName("TotalPagu", attr_text="Keuangan!$D$7")
    wb.save(wb_path)
    out, _ = fixed(wb_path)
    wb = openpyxl.load_workbook(out)
    ws = wb[KU]
    assert [str(v.sqref) for v in ws.data_validations.dataValidation] == ["G4:G20"]
    assert ws["J1"].value == "=2*21"
    assert ws["A1"].comment.text == "catatan"
    assert ws.column_dimensions["C"].width == 33
    assert rgb(ws["B2"]) == "123456"
    assert wb.defined_names["TotalPagu"].attr_text == "Keuangan!$D$7"
    assert wb.calculation.fullCalcOnLoad is True


def test_a_formula_cell_is_marked_not_overwritten(tmp_path: Path):
    path = scenario(tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(path)
    wb[PM]["H4"] = "=G4/F4*100"  # saved by openpyxl: a formula without a cached value
    wb.save(path)
    out, _ = fixed(path)
    h4 = openpyxl.load_workbook(out)[PM]["H4"]
    assert h4.value == "=G4/F4*100" and rgb(h4) == REVIEW_RGB
    assert "rumus" in h4.comment.text


def test_a_cell_in_percent_format_keeps_showing_percentage_points(tmp_path: Path):
    """H4 typed as 81,41% in Excel is stored 0.8141; the fix stores 0.9512 (shown 95.12%)."""
    path = scenario(tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    wb[PM]["H4"] = 0.8141
    wb[PM]["H4"].number_format = "0.00%"
    wb.save(path)
    out, _ = fixed(path)
    h4 = openpyxl.load_workbook(out)[PM]["H4"]
    assert h4.value == pytest.approx(0.9512) and h4.number_format == "0.00%"
    assert "Semula 81,41%;" in h4.comment.text
    code, stdout, _ = run("fix", "--diff", str(out))
    assert code == 0, stdout


def test_vba_survives_in_an_xlsm(tmp_path: Path):
    xlwings = pytest.importorskip("xlwings")
    vba_source = Path(xlwings.__file__).parent / "quickstart_standalone.xlsm"
    if not vba_source.exists():
        pytest.skip("xlwings has no quickstart_standalone.xlsm")
    path = scenario(tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(path)
    with zipfile.ZipFile(vba_source) as vba:
        wb.vba_archive = vba
        xlsm = tmp_path / "m.xlsm"
        wb.save(xlsm)
        vba_bytes = vba.read("xl/vbaProject.bin")
    code, _, stderr = run("fix", str(xlsm), "-o", str(tmp_path / "m.xlsx"))
    assert code == 2 and ".xlsm" in stderr  # a macro workbook stays a macro workbook
    out, _ = fixed(xlsm)
    assert out.suffix == ".xlsm"
    with zipfile.ZipFile(out) as zf:
        assert zf.read("xl/vbaProject.bin") == vba_bytes
        assert b"macroEnabled" in zf.read("[Content_Types].xml")


def _inject(path: Path, parts: dict[str, bytes], sheet_tail: bytes | None = None) -> None:
    """Add parts to the zip; `sheet_tail` goes before </worksheet> of the first sheet."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if sheet_tail and info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", sheet_tail + b"</worksheet>")
            dst.writestr(info, data)
        for name, data in parts.items():
            dst.writestr(name, data)
    tmp.replace(path)


SPARKLINES = (b'<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" '
              b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
              b"<x14:sparklineGroups/></ext></extLst>")


def test_refuses_when_saving_would_lose_parts(wb_path: Path):
    _inject(wb_path, {"xl/pivotTables/pivotTable1.xml": b"<pivotTableDefinition/>",
                      "xl/webextensions/webextension1.xml": b"<we:webextension/>"},
            sheet_tail=SPARKLINES)
    out = wb_path.with_name("out.xlsx")
    code, stdout, stderr = run("fix", str(wb_path), "-o", str(out))
    assert code == 2 and not out.exists() and stdout == ""
    (line,) = stderr.strip().splitlines()
    for words in ("tabel pivot (xl/pivotTables/pivotTable1.xml)", "sparkline",
                  "xlwings Lite", "--force"):
        assert words in line
    code, _, _ = run("fix", "--force", str(wb_path), "-o", str(out))
    assert code == 0 and out.exists()


def test_cosmetic_losses_are_noted_not_refused(wb_path: Path):
    _inject(wb_path, {"xl/printerSettings/printerSettings1.bin": b"\0" * 8})
    code, _, stderr = run("fix", str(wb_path), "-o", str(wb_path.with_name("o.xlsx")))
    assert code == 0
    assert "pengaturan printer" in stderr


def test_shapes_are_found_in_drawings(tmp_path: Path):
    from lkjip_xl.writers.preserve import droppable_parts

    path = scenario(tmp_path / "s.xlsx")
    drawing = (b'<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/'
               b'spreadsheetDrawing"><xdr:twoCellAnchor><xdr:sp/></xdr:twoCellAnchor>'
               b"</xdr:wsDr>")
    _inject(path, {"xl/drawings/drawing1.xml": drawing})
    assert [(p.part, p.kind) for p in droppable_parts(path)] == [
        ("xl/drawings/drawing1.xml", "shape")]


@pytest.mark.parametrize(("content", "reason"), [
    (None, "berkas tidak ditemukan"),
    (b"not a workbook", "bukan buku kerja Excel"),
])
def test_bad_input_is_one_clear_line(tmp_path: Path, content: bytes | None, reason: str):
    path = tmp_path / "x.xlsx"
    if content is not None:
        path.write_bytes(content)
    code, stdout, stderr = run("fix", str(path))
    assert code == 2 and stdout == ""
    assert len(stderr.strip().splitlines()) == 1 and reason in stderr
    assert "Traceback" not in stderr


# --- a real spreadsheet program ------------------------------------------------------------

RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_roundtrip(src: Path, workdir: Path) -> Path:
    """`src` opened by LibreOffice (recalculating every formula) and saved again as .xlsx."""
    assert SOFFICE is not None
    profile = workdir / "lo-profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_PROFILE)
    outdir = workdir / "converted"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--norestore", "--convert-to", "xlsx", "--outdir", str(outdir), str(src)],
                   check=True, capture_output=True, timeout=300)
    converted = outdir / src.name
    assert converted.exists(), f"LibreOffice wrote nothing for {src}"
    return converted


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run "
                                            "installs Debian's libreoffice-calc-nogui")
def test_libreoffice_opens_the_fixed_workbook(tmp_path: Path):
    import python_calamine as pc

    if not CLEAN.exists():
        pytest.skip("clean example not built yet")
    src = tmp_path / "contoh.xlsx"
    shutil.copy(CLEAN, src)
    wb = openpyxl.load_workbook(src)
    wb["Keuangan"]["J1"] = "=2*21"  # a formula: openpyxl saves it without a cached value
    wb["Pengukuran Kinerja"]["H4"] = 99.99  # a wrong capaian fix corrects (IK-1: 101.67)
    wb.save(src)
    out, _ = fixed(src)
    converted = libreoffice_roundtrip(out, tmp_path)
    book = pc.CalamineWorkbook.from_path(str(converted))
    assert book.sheet_names[-2:] == ["Ringkasan", "Temuan"]
    keu = book.get_sheet_by_name("Keuangan").to_python()
    assert keu[0][9] == 42  # LibreOffice recalculated the formula
    pm = book.get_sheet_by_name("Pengukuran Kinerja").to_python()
    assert pm[3][7] == 101.67  # the corrected capaian survived
    rows = first_rows(book.get_sheet_by_name("Ringkasan").to_python())
    # capaian per indicator, by hand (see test_ringkasan_of_the_clean_example)
    assert [rows[c][7] for c in ("IK-1", "IK-2", "IK-3", "IK-4", "IK-5", "IK-6")] == [
        101.67, 100, 70.83, 110.94, 84.21, 65]
    ringkasan = book.get_sheet_by_name("Ringkasan").to_python()
    overall = next(r for r in ringkasan if r[1] == "Keseluruhan")
    assert overall[4] == 88.78
    total = next(r for r in ringkasan if r[1] == "Jumlah")
    assert total[3:8:2] == [2680500000, 2505620000, 93.48]  # hand-computed, as above
    temuan = book.get_sheet_by_name("Temuan").to_python()
    assert temuan[1][2] == "CAP001" and temuan[1][5] == "H4"
