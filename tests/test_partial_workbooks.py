"""Partial workbooks: a reviewer types only the table being checked (issue 10, point 4).

Each workbook below fills ONE of the four tables with a small, consistent excerpt and leaves
the others empty (header rows present, as in the template). Expected by hand: one INP023
(info) per empty table naming what cannot be checked, no error or warning anywhere, and a
mistake typed into the filled table still found (its rows are checked on their own).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lkjip_xl.rules import Severity
from lkjip_xl.schema import SHEET_BUDGET, SHEET_MEASUREMENT, SHEET_PK, SHEET_RPJMD
from tests.builders import findings, make_workbook

TABLES = (SHEET_RPJMD, SHEET_PK, SHEET_MEASUREMENT, SHEET_BUDGET)


def tabel() -> list[dict[str, Any]]:
    return [{"kode_indikator": f"IK-{i}", "indikator": f"Indikator {i}", "satuan": "%",
             "polaritas": "Positif", "kondisi_awal": 50, 2017: 60, 2018: 65, 2019: 70,
             2020: 75, 2021: 80, "kondisi_akhir": 80} for i in (1, 2, 3)]


def lampiran(capaian: Any = 90) -> list[dict[str, Any]]:
    # 63 / 70 = 90; 9 / 10 = 90
    return [
        {"baris": "Indikator", "kode_indikator": "IK-1", "sasaran": "Sasaran 1",
         "indikator": "Indikator 1", "target": 70, "realisasi": 63, "satuan": "%"},
        {"baris": "Program", "kode": "1.06.01", "program_kegiatan": "Program A",
         "anggaran": 1_000_000, "realisasi_anggaran": 900_000},
        {"baris": "Kegiatan", "kode": "1.06.01.01", "kode_indikator": "IK-1",
         "program_kegiatan": "Kegiatan A", "target": 10, "realisasi": 9, "satuan": "Org",
         "capaian": capaian, "anggaran": 1_000_000, "realisasi_anggaran": 900_000},
    ]


def pengukuran(capaian: Any = 90) -> list[dict[str, Any]]:
    # IK-1 63 / 70 = 90, IK-2 26 / 40 = 65, IK-3 1.100 / 1.000 = 110 (above 100 and right)
    # mean (90 + 65 + 110) / 3 = 88.33 (Sangat Berhasil on Skala 4)
    figures = {"IK-1": (70, 63, capaian, "Sangat Berhasil"),
               "IK-2": (40, 26, 65, "Cukup Berhasil"),
               "IK-3": (1000, 1100, 110, "Sangat Berhasil")}
    rows = [{"baris": "Indikator", "kode_indikator": code, "indikator": f"Indikator {code}",
             "satuan": "%", "target": t, "realisasi": r, "capaian": c, "kategori": k,
             "sumber": "Bab III"} for code, (t, r, c, k) in figures.items()]
    rows.append({"baris": "Rata-rata", "kode_indikator": "IK-1, IK-2, IK-3",
                 "indikator": "Rata-rata", "capaian": 88.33, "kategori": "Sangat Berhasil",
                 "sumber": "Bab III"})
    return rows


def keuangan(persentase: Any = 90) -> list[dict[str, Any]]:
    return [{"baris": "Kelompok", "uraian": "Belanja Langsung"},
            {"baris": "Program", "kode": "1.06.01", "uraian": "Program A", "pagu": 1_000_000,
             "realisasi": 900_000, "persentase": persentase},
            {"baris": "Total", "uraian": "Total", "pagu": 1_000_000, "realisasi": 900_000,
             "persentase": 90}]


FILLED = {SHEET_RPJMD: ("tabel", tabel), SHEET_PK: ("lampiran", lampiran),
          SHEET_MEASUREMENT: ("pengukuran", pengukuran), SHEET_BUDGET: ("keuangan", keuangan)}


def _only(tmp_path: Path, sheet: str, **kw: Any) -> Path:
    key, rows = FILLED[sheet]
    return make_workbook(tmp_path / f"{key}.xlsx", **{key: rows(**kw)})


@pytest.mark.parametrize("sheet", TABLES)
def test_one_table_filled_is_quiet(tmp_path: Path, sheet: str) -> None:
    found = findings(_only(tmp_path, sheet))
    loud = [(f.code, f.location, f.message()) for f in found if f.severity is not Severity.INFO]
    assert loud == []
    empty = sorted(f.sheet for f in found if f.code == "INP023")
    assert empty == sorted(t for t in TABLES if t != sheet)
    # nothing else than the empty-table notes: no per-row noise about the missing tables
    assert {f.code for f in found} == {"INP023"}, [(f.code, f.location) for f in found]


def test_the_note_names_what_cannot_be_checked(tmp_path: Path) -> None:
    found = {f.sheet: f for f in findings(_only(tmp_path, SHEET_MEASUREMENT), "INP023")}
    assert found[SHEET_RPJMD].message_key == "rule.INP023.rpjmd-no-codes"
    assert "Kode Indikator di lembar lain tidak dapat diperiksa" in found[SHEET_RPJMD].message()
    assert "polaritas indikator (semua dianggap Positif)" in found[SHEET_RPJMD].message()
    assert found[SHEET_PK].message().startswith("Lampiran II kosong: tanpa tabel ini target "
                                                "yang diperjanjikan (PK)")
    assert found[SHEET_BUDGET].message("en").startswith("Keuangan is empty: without it the "
                                                        "budget absorption")
    assert all(f.cell == "" and f.fix is None for f in found.values())
    # With Lampiran II Indikator rows, codes are still joined against them.
    path = make_workbook(tmp_path / "pk_pm.xlsx", lampiran=lampiran(),
                         pengukuran=pengukuran())
    (note,) = [f for f in findings(path, "INP023") if f.sheet == SHEET_RPJMD]
    assert note.message_key == "rule.INP023.rpjmd"


@pytest.mark.parametrize(("sheet", "wrong", "code", "cell"), [
    (SHEET_PK, {"capaian": 80}, "CAP001", "Lampiran II!J6"),
    (SHEET_MEASUREMENT, {"capaian": 80}, "CAP001", "Pengukuran Kinerja!H4"),
    (SHEET_BUDGET, {"persentase": 80}, "CAP006", "Keuangan!F5"),
])
def test_rows_are_checked_on_their_own(tmp_path: Path, sheet: str, wrong: dict,
                                       code: str, cell: str) -> None:
    found = findings(_only(tmp_path, sheet, **wrong))
    assert [(f.code, f.location) for f in found if f.severity is Severity.ERROR] == [
        (code, cell)]


def test_pengukuran_only_has_no_code_flood(tmp_path: Path) -> None:
    """The case of the issue: Tabel VI.1 and Lampiran II empty, every Pengukuran row used to
    get INP016 "(kode yang ada: )"; a 2023 report in the 2016-2021 template got INP020."""
    path = make_workbook(tmp_path / "pm2023.xlsx", identitas={"tahun": 2023},
                         pengukuran=pengukuran())
    codes = [f.code for f in findings(path)]
    assert "INP016" not in codes and "INP020" not in codes and "INP018" not in codes
    assert codes.count("INP023") == 3


def test_lampiran_without_indicator_rows_has_no_kegiatan_flood(tmp_path: Path) -> None:
    rows = [r for r in lampiran() if r["baris"] != "Indikator"]
    found = findings(make_workbook(tmp_path / "keg.xlsx", lampiran=rows))
    assert [f.code for f in found if f.severity is not Severity.INFO] == []
    assert "INP018" not in {f.code for f in found}


def test_a_code_mistake_is_still_found_when_indicators_are_known(tmp_path: Path) -> None:
    rows = pengukuran()
    rows[1]["kode_indikator"] = "IK-9"
    path = make_workbook(tmp_path / "t.xlsx", tabel=tabel(), pengukuran=rows)
    assert [(f.code, f.location) for f in findings(path, "INP016")] == [
        ("INP016", "Pengukuran Kinerja!B5")]


def test_pengukuran_only_without_codes_is_quiet(tmp_path: Path) -> None:
    rows = [{**r, "kode_indikator": None} for r in pengukuran() if r["baris"] == "Indikator"]
    found = findings(make_workbook(tmp_path / "nocode.xlsx", pengukuran=rows))
    assert {f.code for f in found} == {"INP023"}  # no INP022 "enter the code" per row


def test_a_negative_indicator_without_tabel_is_not_an_error(tmp_path: Path) -> None:
    """Angka Kematian Bayi, lower is better: target 10, realisasi 8 gives (2 x 10 - 8) / 10 =
    120, stated right. Without Tabel VI.1 the polarity cannot be known: the figure fits the
    negative formula, so it is mentioned (info), never an error, and fix does not touch it."""
    rows = [{"baris": "Indikator", "kode_indikator": "IK-1", "indikator": "Angka Kematian Bayi",
             "satuan": "per 1.000 KH", "target": 10, "realisasi": 8, "capaian": 120,
             "sumber": "Bab III"}]
    lam = [{"baris": "Indikator", "kode_indikator": "IK-1", "indikator": "Angka Kematian Bayi",
            "target": 10, "satuan": "per 1.000 KH"},
           {"baris": "Kegiatan", "kode_indikator": "IK-1",
            "program_kegiatan": "Pendampingan ibu hamil risiko tinggi", "target": 400,
            "realisasi": 380, "satuan": "Orang", "capaian": 95}]
    found = findings(make_workbook(tmp_path / "akb.xlsx", lampiran=lam, pengukuran=rows))
    loud = [(f.code, f.message()) for f in found if f.severity is not Severity.INFO]
    assert loud == []
    (cap,) = [f for f in found if f.code == "CAP001"]
    assert cap.message_key == "rule.CAP001.polarity"
    assert cap.fix is not None and cap.fix.action.value == "correct-unsafe"
