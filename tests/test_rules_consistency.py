"""Tests for the cross-table consistency rules (XTB001-XTB007).

Columns in the builders layout (header row 3, data from row 4):
- Tabel VI.1: A Kode Indikator ... G Kondisi Awal, H-L 2017-2021, M Kondisi Akhir, N Keterangan
- Lampiran II: G Target, H Realisasi, I Satuan, J Capaian, K Anggaran, L Realisasi Anggaran,
  M Keterangan
- Pengukuran Kinerja: F Target, G Realisasi, H Capaian, J Sumber
- Keuangan: B Kode, C Uraian, D Pagu, E Realisasi
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lkjip_xl.config import Config
from lkjip_xl.rules.base import Severity
from tests.builders import check, findings, make_workbook, simple_indicator_rows

PK = "Lampiran II"
PM = "Pengukuran Kinerja"
TB = "Tabel VI.1"
KEU = "Keuangan"


def the(path: Path, code: str, config: Config | None = None):
    found = findings(path, code, config)
    assert len(found) == 1, [(f.code, f.location) for f in found]
    return found[0]


def measurement(code: str = "IK-1", target: Any = None, realisasi: Any = None,
                capaian: Any = None, sumber: str = "Bab III") -> dict[str, Any]:
    row: dict[str, Any] = {"baris": "Indikator", "kode_indikator": code, "sumber": sumber}
    for key, value in (("target", target), ("realisasi", realisasi), ("capaian", capaian)):
        if value is not None:
            row[key] = value
    return row


def pk_indicator(code: str = "IK-1", target: Any = 594, **kw: Any) -> dict[str, Any]:
    return {"baris": "Indikator", "kode_indikator": code, "indikator": "Indikator uji",
            "target": target, **kw}


def rpjmd(code: str, years: dict[int, Any], **kw: Any) -> dict[str, Any]:
    return {"kode_indikator": code, "indikator": "Indikator uji", "polaritas": "Positif",
            **years, **kw}


# --- XTB001 measurement-vs-pk -----------------------------------------------------------------


def test_measurement_target_one_digit_typo(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "t.xlsx", lampiran=[pk_indicator(target=594)],
                         pengukuran=[measurement(target=694, realisasi=565,
                                                 sumber="Bab III 3.3")])
    assert check(path, "XTB001") == [("XTB001", f"{PM}!F4")]
    f = the(path, "XTB001")
    assert f.severity is Severity.ERROR
    assert (f.stated, f.expected, f.difference) == (694, 594, 100)
    assert f.message_key == "rule.XTB001.typo_one_digit"
    assert f.related == (f"{PK}!G4",)
    assert f.fix is None
    text = f.message("en")
    assert "694" in text and "594" in text and "Bab III 3.3" in text and f"{PK}!G4" in text


def test_measurement_target_swapped_digits(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "s.xlsx", lampiran=[pk_indicator(target=594)],
                         pengukuran=[measurement(target=954)])
    assert the(path, "XTB001").message_key == "rule.XTB001.typo_swapped"


def test_measurement_target_plain_difference(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "p.xlsx", lampiran=[pk_indicator(target=45)],
                         pengukuran=[measurement(target=72)])
    f = the(path, "XTB001")
    assert (f.message_key, f.stated, f.expected, f.difference) == ("rule.XTB001.plain", 72, 45,
                                                                   27)


def test_measurement_realisasi_vs_pk_realisasi(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "r.xlsx",
                         lampiran=[pk_indicator(target=100, realisasi=565)],
                         pengukuran=[measurement(target=100, realisasi=560)])
    assert check(path, "XTB001") == [("XTB001", f"{PM}!G4")]
    # a PK row without realisasi gives nothing to compare
    path = make_workbook(tmp_path / "r2.xlsx", lampiran=[pk_indicator(target=100)],
                         pengukuran=[measurement(target=100, realisasi=560)])
    assert check(path, "XTB001") == []


def test_measurement_agrees_and_codes_join_loosely(tmp_path: Path) -> None:
    rows = simple_indicator_rows("IK-1", target=594, realisasi=565)
    rows["pengukuran"][0]["kode_indikator"] = "ik 1"
    path = make_workbook(tmp_path / "ok.xlsx", **rows)
    assert check(path, "XTB001") == []
    rows["pengukuran"][0]["target"] = 595
    path = make_workbook(tmp_path / "nok.xlsx", **rows)
    assert check(path, "XTB001") == [("XTB001", f"{PM}!F4")]


def test_measurement_ranges_compare_as_ranges(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "rg.xlsx", lampiran=[pk_indicator(target="80-90")],
                         pengukuran=[measurement(target="80 - 90")])
    assert check(path, "XTB001") == []
    path = make_workbook(tmp_path / "rg2.xlsx", lampiran=[pk_indicator(target="80-90")],
                         pengukuran=[measurement(target="80-95")])
    f = the(path, "XTB001")
    assert (f.stated, f.expected, f.difference) == ("80-95", "80-90", None)


def test_measurement_typo_of_the_same_figure_stated_elsewhere(tmp_path: Path) -> None:
    # The seed: PK 530, Bab III states 594 twice and 694 once. 694 is the slip of 594.
    path = make_workbook(tmp_path / "e.xlsx", lampiran=[pk_indicator("IK-5", target=530)],
                         pengukuran=[measurement("IK-5", 594, sumber="Bab III 3.2"),
                                     measurement("IK-5", 594, sumber="Tabel Sasaran 1"),
                                     measurement("IK-5", 694, sumber="3.3 perhitungan")])
    assert check(path, "XTB001") == [("XTB001", f"{PM}!F4"), ("XTB001", f"{PM}!F5"),
                                     ("XTB001", f"{PM}!F6")]
    by_cell = {f.cell: f for f in findings(path, "XTB001")}
    assert by_cell["F4"].message_key == "rule.XTB001.plain"
    assert by_cell["F5"].message_key == "rule.XTB001.plain"
    assert by_cell["F6"].message_key == "rule.XTB001.elsewhere_one_digit"
    assert by_cell["F6"].related == (f"{PK}!G4", f"{PM}!F4")
    assert "594" in by_cell["F6"].message("en") and f"{PM}!F4" in by_cell["F6"].message("en")


# --- XTB002 capaian-disagreement --------------------------------------------------------------


def ik3_rows(*capaian: tuple[str, Any], pk_capaian: Any = None) -> dict[str, Any]:
    """IK-3 of the seed: PK target 1697; a Tabel Sasaran row with target 1697 / realisasi
    1020; other rows state only a capaian."""
    pk = pk_indicator("IK-3", target=1697)
    if pk_capaian is not None:
        pk["capaian"] = pk_capaian
    rows = [measurement("IK-3", capaian=c, sumber=s) for s, c in capaian]
    rows.insert(1, measurement("IK-3", 1697, 1020, capaian=60.12, sumber="Tabel Sasaran 1"))
    return {"lampiran": [pk], "pengukuran": rows}


def test_capaian_disagreement_lists_every_statement(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "c.xlsx", **ik3_rows(("Bab III 3.2", 67.70),
                                                         ("Bab III 3.3 perhitungan", "60,10")))
    assert check(path, "XTB002") == [("XTB002", f"{PM}!H4")]
    f = the(path, "XTB002")
    computed = 60.11  # 1020 / 1697 x 100 = 60.1060..., half up to 2 decimals
    assert f.severity is Severity.ERROR
    assert (f.stated, f.expected) == (67.7, computed)
    assert abs(f.difference - (67.7 - computed)) < 1e-9
    assert f.formula == "1020 / 1697 x 100"
    assert f.related == (f"{PM}!H5", f"{PM}!H6")
    text = f.message("en")
    for part in ("Bab III 3.2: 67.7", "Tabel Sasaran 1: 60.12", "Bab III 3.3 perhitungan: 60.1",
                 "60.11", "IK-3"):
        assert part in text, part
    # the agreed target is the PK's; the realisation the one stated against that target
    assert (f"{PK}!G4", 1697) in f.inputs and (f"{PM}!G5", 1020) in f.inputs


def test_capaian_all_agreeing_with_computed_is_fine(tmp_path: Path) -> None:
    rows = ik3_rows(("Bab III 3.2", 60.11))
    rows["pengukuran"][1]["capaian"] = 60.11
    path = make_workbook(tmp_path / "ok.xlsx", **rows)
    assert check(path, "XTB002") == []


def test_single_stated_capaian_is_left_to_the_capaian_rules(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "one.xlsx", lampiran=[pk_indicator("IK-3", 1697)],
                         pengukuran=[measurement("IK-3", 1697, 1020, capaian=75)])
    assert check(path, "XTB002") == []


def test_capaian_statements_agreeing_with_each_other_but_not_computed(tmp_path: Path) -> None:
    rows = ik3_rows(("Bab III 3.2", 70))
    rows["pengukuran"][1]["capaian"] = 70
    path = make_workbook(tmp_path / "same.xlsx", **rows)
    f = the(path, "XTB002")
    assert (f.stated, f.expected) == (70, 60.11)


def test_capaian_on_pk_row_is_included(tmp_path: Path) -> None:
    rows = ik3_rows(pk_capaian=55)
    rows["pengukuran"][0]["capaian"] = 60.11
    path = make_workbook(tmp_path / "pk.xlsx", **rows)
    f = the(path, "XTB002")
    # located at the statement that matches no computation; the right one is related
    assert f.location == f"{PK}!J4"
    assert f.related == (f"{PM}!H4",)
    assert "Lampiran II: 55" in f.message("en")
    assert "55 (Lampiran II) matches no computation" in f.message("en")


def test_capaian_disagreement_without_computation(tmp_path: Path) -> None:
    rows = [measurement("IK-9", capaian=50, sumber="A"), measurement("IK-9", capaian=60,
                                                                     sumber="B")]
    path = make_workbook(tmp_path / "nc.xlsx", lampiran=[pk_indicator("IK-9", target=None)],
                         pengukuran=rows)
    f = the(path, "XTB002")
    assert f.message_key == "rule.XTB002.no_computed"
    assert (f.stated, f.expected, f.difference) == (50, None, None)
    rows[1]["capaian"] = 50
    path = make_workbook(tmp_path / "nc2.xlsx", lampiran=[pk_indicator("IK-9", target=None)],
                         pengukuran=rows)
    assert check(path, "XTB002") == []


# --- XTB003 / XTB004 pk-vs-rpjmd --------------------------------------------------------------


def pk_vs_rpjmd(tmp_path: Path, name: str, pk_target: Any, rpjmd_2019: Any,
                pk_note: str = "", rpjmd_note: str = "") -> Path:
    pk = pk_indicator("IK-5", target=pk_target)
    if pk_note:
        pk["keterangan"] = pk_note
    tabel = rpjmd("IK-5", {2017: 519, 2018: 535, 2019: rpjmd_2019, 2020: 555, 2021: 565},
                  kondisi_akhir=565)
    if rpjmd_note:
        tabel["keterangan"] = rpjmd_note
    return make_workbook(tmp_path / name, tabel=[tabel], lampiran=[pk])


def test_pk_target_differs_from_rpjmd_unexplained(tmp_path: Path) -> None:
    path = pk_vs_rpjmd(tmp_path, "w.xlsx", 594, 545)
    assert check(path, "XTB00") == [("XTB003", f"{PK}!G4")]
    f = the(path, "XTB003")
    assert f.severity is Severity.WARNING
    assert (f.stated, f.expected, f.difference) == (594, 545, 49)
    assert f.related == (f"{TB}!J4",)
    assert "2019" in f.message("en")


def test_pk_target_difference_explained_in_keterangan(tmp_path: Path) -> None:
    path = pk_vs_rpjmd(tmp_path, "e.xlsx", 594, 545, pk_note="Target disesuaikan dengan DPA")
    assert check(path, "XTB00") == [("XTB004", f"{PK}!G4")]
    f = the(path, "XTB004")
    assert f.severity is Severity.INFO
    assert "Target disesuaikan dengan DPA" in f.message("en")
    path = pk_vs_rpjmd(tmp_path, "e2.xlsx", 594, 545, rpjmd_note="Perubahan RPJMD 2019")
    assert check(path, "XTB00") == [("XTB004", f"{PK}!G4")]


def test_a_plain_note_is_not_an_explanation(tmp_path: Path) -> None:
    path = pk_vs_rpjmd(tmp_path, "n.xlsx", 594, 545, pk_note='Sel target tertulis "594 Lbg."')
    assert check(path, "XTB00") == [("XTB003", f"{PK}!G4")]
    # with no explanation words configured, any text explains
    opts = {"explanation_words": []}
    cfg = Config(rule_options={"XTB003": opts, "XTB004": opts})
    assert check(path, "XTB00", cfg) == [("XTB004", f"{PK}!G4")]


def test_pk_target_equal_or_same_range(tmp_path: Path) -> None:
    assert check(pk_vs_rpjmd(tmp_path, "eq.xlsx", 545, 545), "XTB003") == []
    assert check(pk_vs_rpjmd(tmp_path, "r.xlsx", "80-90", "80 - 90"), "XTB003") == []
    f = the(pk_vs_rpjmd(tmp_path, "r2.xlsx", 85, "80-90"), "XTB003")
    assert (f.stated, f.expected, f.difference) == (85, "80-90", None)


# --- XTB005 kondisi-akhir-vs-final-target -----------------------------------------------------


def test_kondisi_akhir_differs_from_final_target(tmp_path: Path) -> None:
    tabel = rpjmd("IK-5", {2017: 519, 2018: 535, 2019: 545, 2020: 555, 2021: 565},
                  kondisi_awal=519, kondisi_akhir=600)
    path = make_workbook(tmp_path / "k.xlsx", tabel=[tabel])
    assert check(path, "XTB005") == [("XTB005", f"{TB}!M4")]
    f = the(path, "XTB005")
    assert f.severity is Severity.WARNING
    assert (f.stated, f.expected, f.difference) == (600, 565, 35)
    assert f.related == (f"{TB}!L4",)
    tabel["kondisi_akhir"] = 565
    assert check(make_workbook(tmp_path / "ok.xlsx", tabel=[tabel]), "XTB005") == []


def test_kondisi_akhir_uses_periode_akhir(tmp_path: Path) -> None:
    tabel = rpjmd("IK-1", {2017: 1, 2018: 2, 2019: 3, 2020: 4}, kondisi_akhir=4)
    path = make_workbook(tmp_path / "p.xlsx", tabel=[tabel], identitas={"periode_akhir": 2020})
    assert check(path, "XTB005") == []
    tabel["kondisi_akhir"] = 5
    path = make_workbook(tmp_path / "p2.xlsx", tabel=[tabel], identitas={"periode_akhir": 2020})
    assert check(path, "XTB005") == [("XTB005", f"{TB}!L4")]  # 2017-2020 in H-K, akhir in L
    assert the(path, "XTB005").related == (f"{TB}!K4",)


def test_kondisi_akhir_without_periode_akhir_uses_last_column(tmp_path: Path) -> None:
    tabel = rpjmd("IK-1", {2017: 1, 2018: 2, 2019: 3, 2020: 4, 2021: 5}, kondisi_akhir=6)
    path = make_workbook(tmp_path / "l.xlsx", tabel=[tabel], identitas={"periode_akhir": None})
    assert check(path, "XTB005") == [("XTB005", f"{TB}!M4")]
    assert the(path, "XTB005").expected == 5


# --- XTB006 / XTB007 budget-vs-pk-anggaran ----------------------------------------------------


def budget(tmp_path: Path, name: str, pk_programs: list[dict[str, Any]],
           keu_programs: list[dict[str, Any]]) -> Path:
    lampiran = [{"baris": "Program", **p} for p in pk_programs]
    keuangan = [{"baris": "Kelompok", "uraian": "Belanja Langsung"},
                *({"baris": "Program", **p} for p in keu_programs)]
    return make_workbook(tmp_path / name, lampiran=lampiran, keuangan=keuangan)


def test_budget_program_matched_by_code(tmp_path: Path) -> None:
    path = budget(tmp_path, "c.xlsx",
                  [{"kode": "1.06.01", "program_kegiatan": "Program Alpha", "anggaran": 1000}],
                  [{"kode": "1.06.01", "uraian": "Belanja Beta", "pagu": 900}])
    assert check(path, "XTB00") == [("XTB006", f"{KEU}!D5")]
    f = the(path, "XTB006")
    assert f.severity is Severity.ERROR
    assert (f.stated, f.expected, f.difference, f.tolerance) == (900, 1000, -100, 1.0)
    assert f.message_key == "rule.XTB006.code"
    assert f.related == (f"{PK}!K4",)


def test_budget_program_matched_by_name_without_jumlah_program(tmp_path: Path) -> None:
    path = budget(tmp_path, "n.xlsx",
                  [{"program_kegiatan": "Pelayanan Sosial", "anggaran": 10486531000,
                    "realisasi_anggaran": 10234682665}],
                  [{"uraian": "Jumlah Program Pelayanan Sosial", "pagu": "10,486,531,000,00",
                    "realisasi": 10000000000}])
    assert check(path, "XTB00") == [("XTB006", f"{KEU}!E5")]
    f = the(path, "XTB006")
    assert f.message_key == "rule.XTB006.name"
    assert (f.stated, f.expected) == (10000000000, 10234682665)
    assert f.related == (f"{PK}!L4",)


def test_budget_program_loose_matches_are_warnings(tmp_path: Path) -> None:
    path = budget(tmp_path, "l.xlsx",
                  [{"program_kegiatan": "Program Penanganan PMKS", "anggaran": 7015268631},
                   {"program_kegiatan": "Program Peningkatan Pemberdayaan Masyarakat",
                    "anggaran": 500}],
                  [{"uraian": "Program Penanganan PMKS Lainnya", "pagu": 5646126600},
                   {"uraian": "Program Peningkatan Keberdayaan Masyarakat", "pagu": 400}])
    assert check(path, "XTB00") == [("XTB007", f"{KEU}!D5"), ("XTB007", f"{KEU}!D6")]
    by_cell = {f.cell: f for f in findings(path, "XTB007")}
    assert by_cell["D5"].severity is Severity.WARNING
    assert by_cell["D5"].message_key == "rule.XTB007.containment"
    assert by_cell["D5"].difference == 5646126600 - 7015268631
    assert by_cell["D6"].message_key == "rule.XTB007.similarity"
    assert "Program Penanganan PMKS" in by_cell["D5"].message("en")


def test_budget_program_no_or_ambiguous_match_is_silent(tmp_path: Path) -> None:
    path = budget(tmp_path, "a.xlsx",
                  [{"kode": "1", "program_kegiatan": "Program Sosial", "anggaran": 100},
                   {"kode": "2", "program_kegiatan": "Program Sosial Dasar", "anggaran": 200}],
                  [{"kode": "1", "uraian": "Program Pelayanan Administrasi Perkantoran",
                    "pagu": 5},
                   {"uraian": "Program Sosial Dasar Lainnya", "pagu": 7}])
    assert check(path, "XTB00") == []


def test_budget_program_equal_amounts_and_jumlah_fallback(tmp_path: Path) -> None:
    lampiran = [{"baris": "Program", "program_kegiatan": "Program Alpha"},
                {"baris": "Kegiatan", "program_kegiatan": "K", "anggaran": 300},
                {"baris": "Jumlah", "anggaran": 300}]
    keuangan = [{"baris": "Kelompok", "uraian": "BL"},
                {"baris": "Program", "uraian": "Program Alpha", "pagu": 300}]
    path = make_workbook(tmp_path / "f.xlsx", lampiran=lampiran, keuangan=keuangan)
    assert check(path, "XTB00") == []
    keuangan[1]["pagu"] = 350
    path = make_workbook(tmp_path / "f2.xlsx", lampiran=lampiran, keuangan=keuangan)
    f = the(path, "XTB006")
    assert (f.location, f.expected, f.related) == (f"{KEU}!D5", 300, (f"{PK}!K6",))
