"""Which polarity a row is computed with, and targets that are not plain numbers (issue 10,
points 1 and 8). Expected values are worked out by hand in each test.

Columns (builders layout, header row 3, data from row 4):
- Lampiran II: G Target, H Realisasi, I Satuan, J Capaian, M Polaritas, N Efisiensi
- Pengukuran Kinerja: F Target, G Realisasi, H Capaian, I Kategori, J Sumber, K Terhadap,
  L Polaritas
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lkjip_xl.engine import check_report
from lkjip_xl.reading import read_report
from lkjip_xl.rules import Action
from lkjip_xl.rules.base import Severity
from tests.builders import cell_address, findings, make_workbook
from tests.test_cli import run

PK = "Lampiran II"
PM = "Pengukuran Kinerja"


def loud(path: Path) -> list[tuple[str, str]]:
    """Every error or warning of a workbook: (code, location)."""
    return sorted((f.code, f.location) for f in check_report(read_report(path))
                  if f.severity in (Severity.ERROR, Severity.WARNING))


def akb_workbook(path: Path, kegiatan_capaian: Any, kegiatan_polaritas: str = "") -> Path:
    """Angka Kematian Bayi (negative): target 8 per 1.000, realisasi 6 -> (16 - 6) / 8 =
    125,00. Its kegiatan 'Pendampingan ibu hamil risiko tinggi' served 380 of 400 mothers:
    more is better, 380 / 400 = 95,00 (not the indicator's (800 - 380) / 400 = 105,00)."""
    kegiatan = {"baris": "Kegiatan", "kode": "1.02.01", "kode_indikator": "AKB",
                "program_kegiatan": "Pendampingan ibu hamil risiko tinggi", "target": 400,
                "realisasi": 380, "satuan": "orang", "capaian": kegiatan_capaian}
    if kegiatan_polaritas:
        kegiatan["polaritas"] = kegiatan_polaritas
    return make_workbook(
        path,
        tabel=[{"kode_indikator": "AKB", "sasaran": "Meningkatnya derajat kesehatan ibu dan "
                "anak", "indikator": "Angka Kematian Bayi", "satuan": "per 1.000 KH",
                "polaritas": "Negatif", "kondisi_awal": 10, 2017: 10, 2018: 9, 2019: 8,
                2020: 7, 2021: 6, "kondisi_akhir": 6}],
        lampiran=[
            {"baris": "Indikator", "kode_indikator": "AKB", "sasaran": "Meningkatnya derajat "
             "kesehatan ibu dan anak", "indikator": "Angka Kematian Bayi", "target": 8,
             "realisasi": 6, "satuan": "per 1.000 KH", "capaian": 125},
            {"baris": "Program", "kode": "1.02", "program_kegiatan": "Program Kesehatan "
             "Keluarga"},
            kegiatan,
        ],
        pengukuran=[{"baris": "Indikator", "kode_indikator": "AKB",
                     "indikator": "Angka Kematian Bayi", "satuan": "per 1.000 KH",
                     "target": 8, "realisasi": 6, "capaian": 125, "kategori": "Sangat Berhasil",
                     "sumber": "Bab III 3.1"}],
    )


def test_kegiatan_under_a_negative_indicator_is_positive(tmp_path: Path) -> None:
    path = akb_workbook(tmp_path / "akb.xlsx", 95)
    assert loud(path) == []
    assert [f for f in findings(path) if f.code.startswith("CAP")] == []
    # fix leaves the right 95 alone
    out = tmp_path / "akb.out.xlsx"
    code, _, stderr = run("fix", str(path), "-o", str(out))
    assert code == 0, stderr
    wb = openpyxl.load_workbook(out)
    assert wb[PK]["J6"].value == 95


def test_kegiatan_written_with_the_indicator_formula_is_a_mismatch(tmp_path: Path) -> None:
    # 105 = (2 x 400 - 380) / 400: the negative formula. The row does not state a polarity,
    # so the tool cannot know the activity is lower-is-better: the fix is unsafe.
    f = findings(akb_workbook(tmp_path / "akb105.xlsx", "105,00"), "CAP001")
    assert [(x.location, x.expected) for x in f] == [(f"{PK}!J6", 95.0)]
    assert f[0].message_key == "rule.CAP001.polarity-kegiatan"
    assert "Polaritas" in f[0].message() and "(2 x 400 - 380) / 400" in f[0].message("en")
    assert f[0].fix is not None and f[0].fix.action is Action.CORRECT_UNSAFE


def test_row_polaritas_overrides_the_default(tmp_path: Path) -> None:
    # A kegiatan whose own output is lower-is-better says so in its Polaritas cell.
    path = akb_workbook(tmp_path / "neg.xlsx", 105, kegiatan_polaritas="Negatif")
    assert [f for f in findings(path) if f.code.startswith("CAP")] == []
    f = findings(akb_workbook(tmp_path / "neg95.xlsx", 95, kegiatan_polaritas="Negatif"),
                 "CAP001")
    assert [(x.location, x.expected, x.formula) for x in f] == [
        (f"{PK}!J6", 105.0, "(2 x 400 - 380) / 400 x 100")]
    # stated polarity: the "other polarity" explanation is a safe fix
    assert f[0].fix is not None and f[0].fix.action is Action.CORRECT


def test_unknown_row_polaritas_is_reported(tmp_path: Path) -> None:
    path = akb_workbook(tmp_path / "odd.xlsx", 95, kegiatan_polaritas="menurun?")
    f = findings(path, "INP011")
    assert [x.location for x in f] == [f"{PK}!M6"]


def test_measurement_row_polaritas_overrides_the_indicator(tmp_path: Path) -> None:
    path = make_workbook(
        tmp_path / "m.xlsx",
        tabel=[{"kode_indikator": "IK-1", "indikator": "Persentase balita gizi buruk",
                "polaritas": "Negatif"}],
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-1", "target": 20,
                   "realisasi": 15}],
        pengukuran=[{"baris": "Indikator", "kode_indikator": "IK-1", "target": 20,
                     "realisasi": 15, "capaian": 75, "polaritas": "Positif",
                     "sumber": "Bab III (dihitung positif)"}])
    # 15 / 20 = 75 with the row's own Positif; the indicator's Negatif would give 125
    assert findings(path, "CAP001") == []


# --- ratios and predicates ---------------------------------------------------------------------


def ratio_workbook(path: Path, polaritas: str, capaian: Any) -> Path:
    """Rasio guru : murid SD, target 1:40, realisasi 1:38 (a typed ratio, as printed)."""
    return make_workbook(
        path,
        tabel=[{"kode_indikator": "IK-R", "indikator": "Rasio guru terhadap murid SD",
                "satuan": "rasio", "polaritas": polaritas, 2019: "1:40"}],
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-R", "target": "1:40",
                   "indikator": "Rasio guru terhadap murid SD", "satuan": "rasio"},
                  {"baris": "Program", "program_kegiatan": "Program Pendidikan Dasar"},
                  {"baris": "Kegiatan", "kode_indikator": "IK-R", "target": 20,
                   "realisasi": 20, "satuan": "guru", "capaian": 100,
                   "program_kegiatan": "Pengadaan guru kontrak SD"}],
        pengukuran=[{"baris": "Indikator", "kode_indikator": "IK-R", "target": "1:40",
                     "realisasi": "1 : 38", "capaian": capaian, "sumber": "Bab III 3.1"}])


def test_ratio_without_polarity_is_one_not_checkable_finding(tmp_path: Path) -> None:
    path = ratio_workbook(tmp_path / "r.xlsx", "", 105.26)
    assert loud(path) == []  # no INP003 "beberapa angka", no CAP001, no CAP005
    found = [f for f in findings(path) if f.code in ("CAP008", "INP001", "INP003", "CAP005")]
    assert [(f.code, f.location, f.severity) for f in found] == [
        ("CAP008", f"{PM}!H4", Severity.INFO)]
    f = found[0]
    assert f.message_key == "rule.CAP008.ratio-polarity"
    text = f.message()
    assert "1:40" in text and "1:38" in text and "Polaritas" in text


@pytest.mark.parametrize("capaian", [95, "95,00", 105.26, 105])
def test_ratio_without_polarity_matching_one_reading_is_not_checkable(tmp_path: Path,
                                                                     capaian: Any) -> None:
    # 38 / 40 = 95,00 (R/T); 40 / 38 = 105,26 (T/R); (2 x 40 - 38) / 40 = 105,00
    path = ratio_workbook(tmp_path / "one.xlsx", "", capaian)
    assert loud(path) == []
    assert [f.code for f in findings(path) if f.location == f"{PM}!H4"
            and f.code.startswith("CAP")] == ["CAP008"]


def test_ratio_without_polarity_matching_no_reading_is_wrong_whatever_the_polarity(
        tmp_path: Path) -> None:
    # LKjIP Dinas Pendidikan Kota Dumai 2016: rasio guru : murid, target 1:32, realisasi
    # 1:17,9, capaian printed 83,86; no polarity stated. 17,9 / 32 = 55,94 (R/T);
    # 32 / 17,9 = 178,77 (T/R); (2 x 32 - 17,9) / 32 = 144,06: 83,86 is none of them.
    path = make_workbook(
        tmp_path / "dumai.xlsx",
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-R", "target": "1:32",
                   "realisasi": "1:17,9", "capaian": "83,86", "satuan": "rasio",
                   "indikator": "Rasio guru terhadap murid SMP"},
                  {"baris": "Kegiatan", "kode_indikator": "IK-R", "target": 12,
                   "realisasi": 12, "satuan": "guru", "capaian": 100,
                   "program_kegiatan": "Pengadaan guru kontrak SMP"}],
        pengukuran=[{"baris": "Indikator", "kode_indikator": "IK-R", "target": "1:32",
                     "realisasi": "1:17,9", "capaian": "83,86", "sumber": "Bab III"}])
    got = findings(path)
    wrong = [f for f in got if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert [(f.code, f.location, f.severity) for f in wrong] == [
        ("CAP001", f"{PK}!J4", Severity.ERROR), ("CAP001", f"{PM}!H4", Severity.ERROR)]
    f = wrong[1]
    assert f.message_key == "rule.CAP001.unknown-polarity"
    assert f.message() == (
        "Capaian tertulis 83,86 salah apa pun polaritasnya: realisasi 1:17,9 terhadap target "
        "1:32 memberi 55,94 (R/T), 178,77 (T/R), 144,06 ((2T-R)/T). Polaritas tidak "
        "tertulis, jadi nilai yang benar belum dapat ditentukan: isi Polaritas (Tabel VI.1 "
        "atau baris ini).")
    assert "gives 55.94 (R/T), 178.77 (T/R), 144.06 ((2T-R)/T)" in f.message("en")
    # the right value depends on the polarity: no fix is proposed
    assert f.fix is None and f.expected is None and f.stated == 83.86
    assert f.formula == "17.9 / 32 x 100 | 32 / 17.9 x 100 | (2 x 32 - 17.9) / 32 x 100"
    # and it is not also "cannot be checked"
    assert [x for x in got if x.code == "CAP008"] == []


def test_a_ratio_capaian_stated_only_in_bab_iii_is_checked_against_every_polarity(
        tmp_path: Path) -> None:
    # Lampiran II holds the target 1:32 and realisasi 1:17,9; Bab III states only capaian.
    # 83,86 matches no polarity's formula (55,94; 178,77; 144,06): CAP001. 55,94 is R / T:
    # right if the polarity is Positif, so only "cannot be checked".
    path = make_workbook(
        tmp_path / "bab3.xlsx",
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-R", "target": "1:32",
                   "realisasi": "1:17,9", "satuan": "rasio", "indikator": "Rasio guru murid"},
                  {"baris": "Kegiatan", "kode_indikator": "IK-R", "target": 12,
                   "realisasi": 12, "satuan": "guru", "capaian": 100,
                   "program_kegiatan": "Pengadaan guru kontrak SMP"}],
        pengukuran=[{"baris": "Indikator", "kode_indikator": "IK-R", "capaian": "83,86",
                     "sumber": "Bab III 3.1"},
                    {"baris": "Indikator", "kode_indikator": "IK-R", "capaian": "55,94",
                     "sumber": "Bab III 3.2"}])
    got = [(f.code, f.location, f.severity) for f in findings(path)
           if f.code.startswith("CAP")]
    assert got == [("CAP001", f"{PM}!H4", Severity.ERROR), ("CAP008", f"{PM}!H5", Severity.INFO)]


def test_ratio_with_stated_polarity_is_computed(tmp_path: Path) -> None:
    # fewer pupils per teacher is better: (2 x 40 - 38) / 40 = 105,00
    assert loud(ratio_workbook(tmp_path / "ok.xlsx", "Negatif", 105)) == []
    f = findings(ratio_workbook(tmp_path / "bad.xlsx", "Negatif", 95), "CAP001")
    assert [(x.location, x.expected) for x in f] == [(f"{PM}!H4", 105.0)]


def test_predicate_target_is_not_an_error(tmp_path: Path) -> None:
    # Opini BPK: target WTP, realisasi WTP, capaian 100 as printed
    path = make_workbook(
        tmp_path / "wtp.xlsx",
        tabel=[{"kode_indikator": "IK-9", "indikator": "Opini BPK atas laporan keuangan",
                "polaritas": "Positif", 2019: "WTP", "kondisi_akhir": "WTP"}],
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-9", "target": "WTP",
                   "realisasi": "WTP", "satuan": "opini", "capaian": 100},
                  {"baris": "Program", "program_kegiatan": "Program Pengelolaan Keuangan"},
                  {"baris": "Kegiatan", "kode_indikator": "IK-9", "target": 1,
                   "realisasi": 1, "satuan": "dokumen", "capaian": 100,
                   "program_kegiatan": "Penyusunan laporan keuangan"}],
        pengukuran=[{"baris": "Indikator", "kode_indikator": "IK-9", "target": "WTP",
                     "realisasi": "WTP", "capaian": 100, "sumber": "Bab III"}])
    assert loud(path) == []
    found = findings(path, "CAP008")
    assert [(f.location, f.message_key) for f in found] == [
        (f"{PK}!J4", "rule.CAP008.predicate"), (f"{PM}!H4", "rule.CAP008.predicate")]
    assert "'WTP'" in found[1].message()
    assert cell_address(PM, 0, "target") == f"{PM}!F4"
