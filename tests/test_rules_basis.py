"""What a capaian is measured against (`Terhadap`), and which chapter is right when chapters
disagree (issue 10, points 2 and 3). Expected values are worked out by hand in each test.

Columns (builders layout, header row 3, data from row 4):
- Lampiran II: G Target, H Realisasi, J Capaian
- Pengukuran Kinerja: F Target, G Realisasi, H Capaian, J Sumber, K Terhadap
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lkjip_xl.engine import check_report
from lkjip_xl.reading import read_report
from lkjip_xl.rules.base import Severity
from lkjip_xl.schema import Basis, parse_basis
from tests.builders import findings, make_workbook

PK = "Lampiran II"
PM = "Pengukuran Kinerja"


def loud(path: Path) -> list[tuple[str, str]]:
    return sorted((f.code, f.location) for f in check_report(read_report(path))
                  if f.severity in (Severity.ERROR, Severity.WARNING))


def row(target: Any = None, realisasi: Any = None, capaian: Any = None, sumber: str = "",
        terhadap: str = "") -> dict[str, Any]:
    r: dict[str, Any] = {"baris": "Indikator", "kode_indikator": "IK-1",
                         "indikator": "Persentase rumah tangga bersanitasi layak",
                         "satuan": "%", "sumber": sumber}
    for key, value in (("target", target), ("realisasi", realisasi), ("capaian", capaian),
                       ("terhadap", terhadap)):
        if value not in (None, ""):
            r[key] = value
    return r


def sanitasi(path: Path, pengukuran: list[dict[str, Any]]) -> Path:
    """Positive indicator, PK target 40 for 2019, realisasi 38,6; RPJMD 2016-2021 targets
    36, 38, 40, 43, 45 (end of period 45)."""
    return make_workbook(
        path,
        tabel=[{"kode_indikator": "IK-1", "indikator": "Persentase rumah tangga bersanitasi "
                "layak", "satuan": "%", "polaritas": "Positif", "kondisi_awal": 34, 2017: 36,
                2018: 38, 2019: 40, 2020: 43, 2021: 45, "kondisi_akhir": 45}],
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-1", "target": 40,
                   "realisasi": "38,6", "satuan": "%",
                   "indikator": "Persentase rumah tangga bersanitasi layak"},
                  {"baris": "Program", "program_kegiatan": "Program Sanitasi"},
                  {"baris": "Kegiatan", "kode_indikator": "IK-1", "target": 120,
                   "realisasi": 120, "satuan": "unit", "capaian": 100,
                   "program_kegiatan": "Pembangunan jamban komunal"}],
        pengukuran=pengukuran)


def test_basis_values() -> None:
    assert [b.value for b in Basis] == ["Target PK", "Target RPJMD", "Target Akhir Periode",
                                        "Tahun Lalu", "Standar Nasional"]
    assert parse_basis(None) is Basis.PK and parse_basis("") is Basis.PK
    assert parse_basis("target akhir periode") is Basis.END_OF_PERIOD
    assert parse_basis("Renstra") is Basis.RPJMD
    assert parse_basis("kemarin") is None


def test_capaian_against_annual_and_end_of_period_target_are_both_right(tmp_path: Path) -> None:
    # 38,6 / 40 = 96,50 against the PK; 38,6 / 45 = 85,78 against the end of the period
    path = sanitasi(tmp_path / "two.xlsx", [
        row(40, "38,6", "96,50", "Bab III 3.1 Tabel 3.1"),
        row(45, "38,6", "85,78", "Bab III 3.1 Tabel 3.2", "Target Akhir Periode"),
        row(None, None, "85,78", "Bab III 3.2 uraian", "Target Akhir Periode"),
        row(None, None, "96,50", "Bab III 3.2 uraian")])
    assert loud(path) == []  # no XTB001 for target 45, no XTB002 for 96,50 vs 85,78


def test_disagreement_is_found_within_one_basis(tmp_path: Path) -> None:
    # 88,20 against the end-of-period target matches no computation (85,78 = 38.6 / 45)
    path = sanitasi(tmp_path / "bad.xlsx", [
        row(40, "38,6", "96,50", "Bab III 3.1 Tabel 3.1"),
        row(45, "38,6", "85,78", "Bab III 3.1 Tabel 3.2", "Target Akhir Periode"),
        row(None, None, "88,20", "Bab III 3.2 uraian", "Target Akhir Periode")])
    f = findings(path, "XTB002")
    assert [(x.location, x.stated, x.expected) for x in f] == [(f"{PM}!H6", 88.2, 85.78)]
    text = f[0].message("en")
    assert "IK-1 [Target Akhir Periode]" in text and "96.5" not in text
    assert "88.20 (Bab III 3.2 uraian) matches no computation" in text
    assert f[0].formula == "38.6 / 45 x 100"


def test_rpjmd_basis_uses_the_year_target(tmp_path: Path) -> None:
    # A row stating only a capaian against Target RPJMD is measured by Tabel VI.1's 2019
    # target (40 here, so 96,50): a second such row with 90 is the wrong one.
    path = sanitasi(tmp_path / "rpjmd.xlsx", [
        row(None, None, "96,50", "Bab III 3.1", "Target RPJMD"),
        row(None, None, "90,00", "Bab III 3.2", "RPJMD")])
    f = findings(path, "XTB002")
    assert [(x.location, x.expected) for x in f] == [(f"{PM}!H5", 96.5)]


def test_a_row_right_by_its_own_figures_is_never_the_error(tmp_path: Path) -> None:
    # Bab III 3.3 prints target 41 (a slip of the PK's 40): its own 38,6 / 41 = 94,15 is
    # right arithmetic. XTB001 reports the target, CAP001 the capaian against the agreed
    # target; XTB002 does not call 94,15 a contradiction of 96,50.
    path = sanitasi(tmp_path / "own.xlsx", [
        row(40, "38,6", "96,50", "Bab III 3.1"),
        row(41, "38,6", "94,15", "Bab III 3.3")])
    assert findings(path, "XTB002") == []
    assert [(f.code, f.location) for f in findings(path, "XTB001")] == [("XTB001", f"{PM}!F5")]


def test_chapters_disagree_and_the_pk_pair_cannot_be_computed(tmp_path: Path) -> None:
    # PK target 1.700 without realisasi; Bab III 3.3 prints its own 1.100 / 1.689 = 65,13;
    # Bab III 3.2 prints 72,40, which nothing gives.
    path = make_workbook(
        tmp_path / "chapters.xlsx",
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-2", "target": "1.700",
                   "satuan": "KK"}],
        pengukuran=[
            {"baris": "Indikator", "kode_indikator": "IK-2", "capaian": "72,40",
             "sumber": "Bab III 3.2"},
            {"baris": "Indikator", "kode_indikator": "IK-2", "target": "1.689",
             "realisasi": "1.100", "capaian": "65,13", "sumber": "Bab III 3.3", "satuan": "KK"},
        ])
    f = findings(path, "XTB002")
    assert [(x.location, x.stated, x.expected, x.formula) for x in f] == [
        (f"{PM}!H4", 72.4, 65.13, "1100 / 1689 x 100")]
    assert f[0].message_key == "rule.XTB002.rows"
    en = f[0].message("en")
    assert "72.40 (Bab III 3.2) matches no computation" in en
    assert "Bab III 3.3: 65.13 = 1,100 / 1,689 x 100" in en
    assert "cannot be computed" not in en
    assert "tidak dapat dihitung" not in f[0].message("id")


def test_unknown_terhadap_is_reported_and_read_as_target_pk(tmp_path: Path) -> None:
    path = sanitasi(tmp_path / "odd.xlsx", [row(40, "38,6", "96,50", "Bab III", "kemarin")])
    f = findings(path, "INP011")
    assert [(x.location, x.message_key) for x in f] == [(f"{PM}!K4", "rule.INP011.basis")]
    assert loud(path) == [("INP011", f"{PM}!K4")]


def test_basis_the_workbook_does_not_hold_is_not_checkable(tmp_path: Path) -> None:
    # "terhadap tahun lalu": the report prints only realisasi and capaian, not last year's
    # figure. Not a missing target (CAP005 warning), not a wrong capaian: one CAP008 info.
    path = sanitasi(tmp_path / "lalu.xlsx", [
        row(40, "38,6", "96,50", "Bab III 3.1"),
        row(None, "38,6", "104,90", "Bab III 3.1 perbandingan", "Tahun Lalu")])
    assert loud(path) == []
    f = findings(path, "CAP008")
    assert [(x.location, x.message_key) for x in f] == [
        (f"{PM}!H5", "rule.CAP008.no-basis-target")]
    assert "Tahun Lalu" in f[0].message()
