"""Stated efficiency (EFF001) and the per-sasaran efficiency computation (issue 10, point 9).
Expected values are worked out by hand in each test.

Columns (builders layout, header row 3, data from row 4):
- Lampiran II: G Target, H Realisasi, J Capaian, K Anggaran, L Realisasi Anggaran,
  M Polaritas, N Efisiensi
- Pengukuran Kinerja: ... M Efisiensi
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lkjip_xl.analysis import sasaran_efficiency
from lkjip_xl.engine import check_report
from lkjip_xl.reading import read_report
from lkjip_xl.rules.base import Severity
from tests.builders import findings, make_workbook

PK = "Lampiran II"
PM = "Pengukuran Kinerja"
SASARAN = "Meningkatnya derajat kesehatan masyarakat"


def kesehatan(path: Path, program_eff: Any = None, indicator_eff: Any = None,
              measurement_eff: Any = None) -> Path:
    """One program (Anggaran 1.000.000.000, realisasi 940.000.000: serapan 94,00) serving
    two indicators of one sasaran: IK-1 1.249 of 1.250 (99,92) and IK-2 76 of 80 (95,00).
    Program: capaian 99,92 + 95,00 / 2 = 97,46; ratio 97,46 / 94 = 1,037, difference 3,46.
    Per indicator IK-1: 99,92 / 94 = 1,063, difference 5,92."""
    program: dict[str, Any] = {"baris": "Program", "kode": "1.02.02",
                               "program_kegiatan": "Program Pemenuhan Upaya Kesehatan",
                               "anggaran": 1_000_000_000, "realisasi_anggaran": 940_000_000}
    ik1: dict[str, Any] = {"baris": "Indikator", "kode_indikator": "IK-1", "sasaran": SASARAN,
                           "indikator": "Persentase persalinan di fasilitas kesehatan",
                           "target": 1250, "realisasi": 1249, "satuan": "persalinan"}
    if program_eff is not None:
        program["efisiensi"] = program_eff
    if indicator_eff is not None:
        ik1["efisiensi"] = indicator_eff
    m: dict[str, Any] = {"baris": "Indikator", "kode_indikator": "IK-1", "target": 1250,
                         "realisasi": 1249, "capaian": 99.92, "sumber": "Bab III 3.4"}
    if measurement_eff is not None:
        m["efisiensi"] = measurement_eff
    return make_workbook(
        path,
        tabel=[{"kode_indikator": "IK-1", "sasaran": SASARAN, "polaritas": "Positif"},
               {"kode_indikator": "IK-2", "sasaran": SASARAN, "polaritas": "Positif"}],
        lampiran=[
            ik1,
            {"baris": "Indikator", "kode_indikator": "IK-2", "sasaran": SASARAN,
             "indikator": "Cakupan imunisasi dasar lengkap", "target": 80, "realisasi": 76,
             "satuan": "%"},
            program,
            {"baris": "Kegiatan", "kode_indikator": "IK-1", "target": 12, "realisasi": 12,
             "satuan": "puskesmas", "capaian": 100,
             "program_kegiatan": "Penyediaan layanan persalinan"},
            {"baris": "Kegiatan", "kode_indikator": "IK-2", "target": 40, "realisasi": 38,
             "satuan": "desa", "capaian": 95, "program_kegiatan": "Imunisasi dasar"},
        ],
        pengukuran=[m])


def test_sasaran_efficiency_is_computed(tmp_path: Path) -> None:
    report = read_report(kesehatan(tmp_path / "k.xlsx"))
    (item,) = sasaran_efficiency(report, report.settings)
    assert item.sasaran == SASARAN and item.codes == ("IK-1", "IK-2") and item.missing == ()
    assert (item.pagu, item.realisasi) == (1_000_000_000, 940_000_000)
    eff = item.efficiency
    assert (eff.capaian, eff.serapan, eff.ratio, eff.difference) == (97.46, 94.0, 1.037, 3.46)
    assert eff.capaian_formula == "(99.92 + 95) / 2"
    assert eff.serapan_formula == "940000000 / 1000000000 x 100"


@pytest.mark.parametrize("stated", [1.037, "1,04", 3.46, "103,68", 1.063, 5.92])
def test_stated_efficiency_matching_either_reading_is_quiet(tmp_path: Path, stated: Any
                                                            ) -> None:
    # program (97,46 mean of indicators; or 97,50 mean of its kegiatan) and sasaran readings:
    # ratio, ratio x 100 and difference are all right; 1,063 / 5,92 is IK-1 on its own
    path = kesehatan(tmp_path / "ok.xlsx", program_eff=stated if stated not in (1.063, 5.92)
                     else None, indicator_eff=stated, measurement_eff=stated)
    loud = [(f.code, f.location) for f in check_report(read_report(path))
            if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert loud == []


def test_stated_efficiency_matching_neither_reading(tmp_path: Path) -> None:
    path = kesehatan(tmp_path / "bad.xlsx", program_eff=1.2, indicator_eff="0,90",
                     measurement_eff=12.5)
    found = findings(path, "EFF001")
    assert [(f.location, f.severity) for f in found] == [
        (f"{PK}!N4", Severity.WARNING), (f"{PK}!N6", Severity.WARNING),
        (f"{PM}!M4", Severity.WARNING)]
    program = next(f for f in found if f.location == f"{PK}!N6")
    text = program.message("en")
    # both computations are shown
    assert "ratio 1.037 = 97.46 / 94" in text and "difference 3.46 = 97.46 - 94" in text
    assert program.stated == 1.2 and program.expected == 1.037
    sasaran = next(f for f in found if f.location == f"{PK}!N4")
    assert sasaran.message_key == "rule.EFF001.sasaran"
    assert SASARAN in sasaran.message("id")


def test_efficiency_not_computable_is_quiet(tmp_path: Path) -> None:
    # No budget anywhere: nothing to check the stated 1,02 against.
    path = make_workbook(
        tmp_path / "nobudget.xlsx",
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-1", "target": 10,
                   "realisasi": 9, "efisiensi": "1,02"}])
    assert findings(path, "EFF001") == []


def test_efficiency_from_the_printed_capaian_is_not_flagged_twice(tmp_path: Path) -> None:
    # The report prints capaian 98,00 (wrong: CAP001 says 99,92) and derives IE 98 / 94 =
    # 1,04 from it: the efficiency is consistent with what is printed; only CAP001 fires.
    path = kesehatan(tmp_path / "printed.xlsx", measurement_eff=1.043)
    wb = openpyxl.load_workbook(path)
    wb[PM]["H4"] = 98
    wb.save(path)
    assert [f.location for f in findings(path, "CAP001")] == [f"{PM}!H4"]
    assert findings(path, "EFF001") == []
    wb[PM]["M4"] = "1,10"
    wb.save(path)
    assert [f.location for f in findings(path, "EFF001")] == [f"{PM}!M4"]


def test_efficiency_on_a_rata_rata_row(tmp_path: Path) -> None:
    # Pengukuran Kinerja: "rata-rata capaian sasaran 97,46 %, serapan 94 %, efisiensi 1,04"
    path = kesehatan(tmp_path / "avg.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[PM]
    ws.append(["Rata-rata", "IK-1, IK-2", SASARAN, "Rata-rata capaian sasaran", None, None,
               None, 97.46, None, "Bab III 3.4", None, None, 1.04])
    wb.save(path)
    assert findings(path, "EFF001") == []
    ws["M5"] = 1.4
    wb.save(path)
    (f,) = findings(path, "EFF001")
    assert (f.location, f.message_key) == (f"{PM}!M5", "rule.EFF001.average")
    assert "ratio 1.037 = 97.46 / 94" in f.message("en")


def lembaga(path: Path, ie1: Any = "1,063", ie2: Any = "1,008") -> Path:
    """A central agency's PK (Laporan Kinerja PRKOM BPOM 2021, Tabel 28): each Indikator row
    carries its own budget and its stated efficiency index; no Program or Kegiatan rows.
    IKK-1: capaian 74,94 / 75 = 99,92; serapan 6.495.748.767 / 6.910.387.000 = 94,00;
    IE 99,92 / 94,00 = 1,063. IKK-2: 100 / 100 = 100,00; 41.818.800 / 42.150.000 = 99,21;
    IE 100 / 99,21 = 1,008."""
    return make_workbook(path, lampiran=[
        {"baris": "Indikator", "kode_indikator": "IKK-1", "sasaran": "Riset berkualitas",
         "indikator": "Riset yang dimanfaatkan", "target": "75%", "realisasi": "74,94%",
         "satuan": "%", "capaian": "99,92%", "anggaran": "6.910.387.000",
         "realisasi_anggaran": "6.495.748.767", "efisiensi": ie1},
        {"baris": "Indikator", "kode_indikator": "IKK-2", "sasaran": "Perencanaan riset",
         "indikator": "Riset sesuai perencanaan", "target": "100%", "realisasi": "100,00%",
         "satuan": "%", "capaian": "100,00%", "anggaran": "42.150.000",
         "realisasi_anggaran": "41.818.800", "efisiensi": ie2}])


def test_indicator_rows_with_their_own_budget_are_checked_and_quiet(tmp_path: Path) -> None:
    got = findings(lembaga(tmp_path / "lembaga.xlsx"))
    loud = [(f.code, f.location) for f in got if f.severity in (Severity.ERROR,
                                                                 Severity.WARNING)]
    assert loud == []  # no INP019 (the row is complete), no INP002 on '1,063'
    # the text '1,063' in Efisiensi is read with a decimal comma, and only mentioned
    (n4,) = [f for f in got if f.location == f"{PK}!N4"]
    assert (n4.code, n4.severity, n4.expected) == ("INP001", Severity.INFO, 1.063)
    assert n4.fix is not None and n4.fix.value == 1.063
    # the serapan comes from the indicator row's own budget
    report = read_report(tmp_path / "lembaga.xlsx")
    first, second = sasaran_efficiency(report, report.settings)
    assert (first.pagu, first.realisasi, first.budget_rows) == (
        6_910_387_000, 6_495_748_767, (f"{PK}!K4",))
    assert (first.efficiency.capaian, first.efficiency.serapan, first.efficiency.ratio) == (
        99.92, 94.0, 1.063)
    assert (second.efficiency.serapan, second.efficiency.ratio) == (99.21, 1.008)


def test_a_wrong_efficiency_on_an_indicator_row_with_its_own_budget(tmp_path: Path) -> None:
    # 1,10 is neither 99,92 / 94,00 = 1,063 nor 99,92 - 94,00 = 5,92
    found = findings(lembaga(tmp_path / "wrong.xlsx", ie1="1,10"), "EFF001")
    assert [(f.location, f.severity) for f in found] == [(f"{PK}!N4", Severity.WARNING)]
    text = found[0].message("en")
    assert "ratio 1.063 = 99.92 / 94" in text and "difference 5.92 = 99.92 - 94" in text
    assert found[0].stated == 1.1 and found[0].expected == 1.063
