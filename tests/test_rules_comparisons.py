"""The comparison rules (CMP, issue 14): earlier years, the end-of-period target, national
standards. A realistic three-indicator workbook (a coverage percentage, km of road built each
year, a maternal mortality ratio) is consistent everywhere; each test makes one mistake a
report makes and checks that exactly the rule about it speaks, at the right cell."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from lkjip_xl.cli import cli
from lkjip_xl.config import Config
from lkjip_xl.rules import Severity

from .builders import cell_address, findings, make_workbook

YEARS = (2016, 2017, 2018)
CMP = ("CMP001", "CMP002", "CMP003", "CMP004", "CMP005", "CMP006", "CMP007")


def _rows() -> dict[str, list[dict[str, Any]]]:
    tabel = [
        {"kode_indikator": "IK-1", "sasaran": "Meningkatnya akses air minum",
         "indikator": "Persentase rumah tangga dengan akses air minum layak", "satuan": "%",
         "polaritas": "Positif", "kondisi_awal": 70.5, 2017: 74, 2018: 77, 2019: 80,
         2020: 83, 2021: 86, "kondisi_akhir": 86},
        {"kode_indikator": "IK-2", "sasaran": "Meningkatnya konektivitas",
         "indikator": "Panjang jalan kabupaten yang dibangun", "satuan": "Km",
         "polaritas": "Positif", 2017: 12, 2018: 12, 2019: 15, 2020: 15, 2021: 16,
         "kondisi_akhir": 70},
        {"kode_indikator": "IK-3", "sasaran": "Meningkatnya derajat kesehatan ibu",
         "indikator": "Angka kematian ibu per 100.000 kelahiran hidup", "satuan": "per 100.000 KH",
         "polaritas": "Negatif", "kondisi_awal": 110, 2017: 105, 2018: 100, 2019: 95,
         2020: 90, 2021: 85, "kondisi_akhir": 85},
    ]
    lampiran = [
        {"baris": "Indikator", "kode_indikator": "IK-1", "indikator": tabel[0]["indikator"],
         "target": 80, "realisasi": 78.6, "satuan": "%", "capaian": 98.25},
        {"baris": "Indikator", "kode_indikator": "IK-2", "indikator": tabel[1]["indikator"],
         "target": 15, "realisasi": 14, "satuan": "Km", "capaian": 93.33},
        {"baris": "Indikator", "kode_indikator": "IK-3", "indikator": tabel[2]["indikator"],
         "target": 95, "realisasi": 92, "satuan": "per 100.000 KH", "capaian": 103.16},
    ]
    pengukuran = [
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": 80, "realisasi": 78.6,
         "capaian": 98.25, "sumber": "Bab III"},
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": 76.15, "realisasi": 78.6,
         "capaian": 103.22, "terhadap": "Tahun Lalu", "sumber": "Bab III 3.1"},
        {"baris": "Indikator", "kode_indikator": "IK-1", "target": 100, "realisasi": 78.6,
         "capaian": 78.6, "terhadap": "Standar Nasional", "sumber": "Bab III 3.1"},
        {"baris": "Indikator", "kode_indikator": "IK-2", "target": 15, "realisasi": 14,
         "capaian": 93.33, "sumber": "Bab III"},
        {"baris": "Indikator", "kode_indikator": "IK-2", "target": 70, "realisasi": 39.5,
         "capaian": 56.43, "terhadap": "Target Akhir Periode", "sumber": "Bab III 3.2"},
        {"baris": "Indikator", "kode_indikator": "IK-3", "target": 95, "realisasi": 92,
         "capaian": 103.16, "sumber": "Bab III"},
    ]
    perbandingan = [
        {"kode_indikator": "IK-1", "indikator": tabel[0]["indikator"], "satuan": "%",
         2016: 70.5, 2017: 73.2, 2018: 76.15, "target_akhir": 86, "standar_nasional": 100,
         "sumber_standar": "Permen PUPR 29/2018 (SPM)", "cara_hitung": "Nilai Terakhir",
         "tren": "Naik", "progres": 91.4, "capaian_standar": 78.6},
        {"kode_indikator": "IK-2", "indikator": tabel[1]["indikator"], "satuan": "Km",
         2017: 12.5, 2018: 13, "target_akhir": 70, "cara_hitung": "Kumulatif",
         "tren": "Naik", "progres": 56.43},
        {"kode_indikator": "IK-3", "indikator": tabel[2]["indikator"],
         "satuan": "per 100.000 KH", 2016: 110, 2017: 104, 2018: 98, "target_akhir": 85,
         "standar_nasional": 70, "sumber_standar": "SDGs 3.1 (2030)",
         "cara_hitung": "Nilai Terakhir", "tren": "Turun", "progres": 91.76,
         "capaian_standar": 68.57},
    ]
    return {"tabel": tabel, "lampiran": lampiran, "pengukuran": pengukuran,
            "perbandingan": perbandingan}


def workbook(path: Path, *, years: tuple[int, ...] = YEARS, drop: bool = False,
             **changes: Any) -> Path:
    """The consistent workbook, with `changes` = {'<table>.<index>.<key>': value} applied
    (None removes the key). `drop`: no Perbandingan sheet at all."""
    rows = _rows()
    for where, value in changes.items():
        table, index, key = where.split(".")
        k: Any = int(key) if key.isdigit() else key
        if value is None:
            rows[table][int(index)].pop(k, None)
        else:
            rows[table][int(index)][k] = value
    perbandingan = None if drop else rows.pop("perbandingan")
    rows.pop("perbandingan", None)
    return make_workbook(path, **rows, perbandingan=perbandingan, perbandingan_years=years)


def cmp_findings(path: Path):
    return [f for f in findings(path, config=Config(select=CMP)) if f.code.startswith("CMP")]


def at(index: int, key: str | int, sheet: str = "Perbandingan") -> str:
    return cell_address(sheet, index, key, perbandingan_years=YEARS)


def test_a_consistent_workbook_has_no_comparison_finding(tmp_path: Path) -> None:
    path = workbook(tmp_path / "ok.xlsx")
    assert cmp_findings(path) == []
    # nor do the cross-table rules mind a cumulative indicator's sum to date (XTB001) or its
    # Kondisi Akhir as the sum of its yearly targets (XTB005)
    xtb = findings(path, config=Config(select=("XTB001", "XTB005")))
    assert [f.location for f in xtb] == []


def test_without_perbandingan_the_cumulative_row_is_still_compared_with_the_pk(
        tmp_path: Path) -> None:
    """No Perbandingan: nothing says the indicator is cumulative, so its Target Akhir
    Periode row's realisation is compared with the PK's as before."""
    path = workbook(tmp_path / "no.xlsx", drop=True)
    assert cmp_findings(path) == []
    xtb = findings(path, config=Config(select=("XTB001",)))
    assert [f.location for f in xtb] == [cell_address("Pengukuran Kinerja", 4, "realisasi")]


# --- CMP001 ----------------------------------------------------------------------------------

def test_cmp001_last_year_typed_differently_in_two_places(tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", **{"perbandingan.0.2018": 76.51})
    (f,) = cmp_findings(path)
    assert f.code == "CMP001" and f.severity is Severity.ERROR
    # the Tahun Lalu row is the copy; Perbandingan (the reference) is named
    assert f.location == cell_address("Pengukuran Kinerja", 1, "target")
    assert (f.stated, f.expected) == (76.15, 76.51)
    assert f.related == (at(0, 2018),)
    assert "Tahun Lalu" in f.message("id") and "2018" in f.message("id")
    assert "76,51" in f.message("id") and "76.51" in f.message("en")


def test_cmp001_kondisi_awal_and_the_report_year(tmp_path: Path) -> None:
    path = workbook(tmp_path / "b.xlsx", years=(2016, 2017, 2018, 2019),
                    **{"perbandingan.2.2016": 112, "perbandingan.0.2019": 78.4})
    got = {(f.location, f.stated, f.expected) for f in cmp_findings(path)}
    yrs = (2016, 2017, 2018, 2019)
    assert got == {
        (cell_address("Perbandingan", 2, 2016, perbandingan_years=yrs), 112, 110),
        (cell_address("Perbandingan", 0, 2019, perbandingan_years=yrs), 78.4, 78.6),
    }


def test_cmp001_a_rounding_is_not_a_disagreement(tmp_path: Path) -> None:
    path = workbook(tmp_path / "c.xlsx", **{"perbandingan.0.2018": 76.2,
                                            "pengukuran.1.target": 76.15})
    assert [f for f in cmp_findings(path) if f.code == "CMP001"] == []


# --- CMP002 ----------------------------------------------------------------------------------

def test_cmp002_naik_written_for_a_falling_negative_indicator(tmp_path: Path) -> None:
    path = workbook(tmp_path / "d.xlsx", **{"perbandingan.2.tren": "Naik"})
    (f,) = cmp_findings(path)
    assert (f.code, f.location, f.message_key) == ("CMP002", at(2, "tren"),
                                                   "rule.CMP002.polarity")
    assert f.expected == "Turun"
    assert "Membaik" in f.message("id") and "98" in f.message("id")


def test_cmp002_wrong_direction_and_polarity_words(tmp_path: Path) -> None:
    path = workbook(tmp_path / "e.xlsx", **{"perbandingan.0.tren": "Turun",
                                            "perbandingan.2.tren": "Memburuk"})
    got = {(f.location, f.message_key, f.expected) for f in cmp_findings(path)}
    assert got == {(at(0, "tren"), "rule.CMP002.plain", "Naik"),
                   (at(2, "tren"), "rule.CMP002.improvement", "Membaik")}
    ok = workbook(tmp_path / "f.xlsx", **{"perbandingan.2.tren": "Membaik",
                                          "perbandingan.0.tren": "meningkat"})
    assert cmp_findings(ok) == []


# --- CMP003 ----------------------------------------------------------------------------------

def test_cmp003_progress_of_a_cumulative_indicator_from_the_report_year_only(
        tmp_path: Path) -> None:
    """14 / 70 = 20: the year's own realisation, where the period's sum 12,5 + 13 + 14 was
    meant; and the Target Akhir Periode row states the year's 14 instead of 39,5."""
    path = workbook(tmp_path / "g.xlsx", **{"perbandingan.1.progres": 20,
                                            "pengukuran.4.realisasi": 14,
                                            "pengukuran.4.capaian": 20})
    got = {(f.location, f.message_key, f.expected) for f in cmp_findings(path)}
    assert got == {(at(1, "progres"), "rule.CMP003.stated", 56.43),
                   (cell_address("Pengukuran Kinerja", 4, "realisasi"),
                    "rule.CMP003.row-realisasi", 39.5)}
    f = next(f for f in cmp_findings(path) if f.message_key == "rule.CMP003.stated")
    assert "12,5 + 13 + 14" in f.message("id") and "Kumulatif" in f.message("id")


def test_cmp003_latest_value_negative_indicator(tmp_path: Path) -> None:
    """(2 x 85 - 92) / 85 = 91,76; a report that divided 92 / 85 states 108,24."""
    path = workbook(tmp_path / "h.xlsx", **{"perbandingan.2.progres": 108.24})
    (f,) = cmp_findings(path)
    assert (f.code, f.location, f.expected) == ("CMP003", at(2, "progres"), 91.76)
    assert "(2 x 85 - 92) / 85 x 100" in f.message("en")


def test_cmp003_a_missing_year_makes_the_stated_progress_uncheckable(tmp_path: Path) -> None:
    path = workbook(tmp_path / "i.xlsx", **{"perbandingan.1.2017": None})
    (f,) = cmp_findings(path)
    assert (f.code, f.location, f.severity) == ("CMP003", at(1, "progres"), Severity.INFO)
    assert "2017" in f.message("id")


# --- CMP004 ----------------------------------------------------------------------------------

def test_cmp004_end_target_differs_from_tabel_vi1(tmp_path: Path) -> None:
    path = workbook(tmp_path / "j.xlsx", **{"perbandingan.0.target_akhir": 88,
                                            "perbandingan.1.target_akhir": 75,
                                            "perbandingan.1.progres": 52.67})
    got = {(f.location, f.message_key, f.expected) for f in cmp_findings(path)}
    # the stated progress 91,4 follows Tabel VI.1's 86: only the target is reported
    assert got == {(at(0, "target_akhir"), "rule.CMP004.plain", 86),
                   (at(1, "target_akhir"), "rule.CMP004.cumulative", 70)}


# --- CMP005 / CMP006 -------------------------------------------------------------------------

def test_cmp005_standard_differs_between_perbandingan_and_pengukuran(tmp_path: Path) -> None:
    path = workbook(tmp_path / "k.xlsx", **{"pengukuran.2.target": 95,
                                            "pengukuran.2.capaian": 82.74})
    (f,) = cmp_findings(path)
    assert (f.code, f.location, f.stated, f.expected) == (
        "CMP005", cell_address("Pengukuran Kinerja", 2, "target"), 95, 100)
    assert "Permen PUPR 29/2018" in f.message("id")


def test_cmp006_positive_formula_used_on_a_negative_indicator(tmp_path: Path) -> None:
    """92 / 70 = 131,43: but fewer deaths is better, (2 x 70 - 92) / 70 = 68,57."""
    path = workbook(tmp_path / "l.xlsx", **{"perbandingan.2.capaian_standar": 131.43})
    (f,) = cmp_findings(path)
    assert (f.code, f.location, f.expected) == ("CMP006", at(2, "capaian_standar"), 68.57)
    assert "SDGs" in f.message("id")


def test_cmp006_follows_batas_capaian(tmp_path: Path) -> None:
    """A standard of 60 for a realisation of 78,6: 131 % of the standard. A workbook that
    caps at 120 states every capaian it computes at most 120, this one too: a stated 120 is
    right there and 131 is not; a workbook that caps nothing is the other way round. The
    Ringkasan's multi-year table computes it the same way."""
    from lkjip_xl.engine import check_report
    from lkjip_xl.reading import read_report
    from lkjip_xl.summary import build_summary

    def cmp006(stated: float, cap: str) -> list[tuple[str, object]]:
        path = workbook(tmp_path / f"cap{cap}_{stated}.xlsx",
                        **{"perbandingan.0.standar_nasional": 60,
                           "perbandingan.0.capaian_standar": stated})
        config = Config(select=("CMP006",), cap=cap)
        return [(f.location, f.expected) for f in findings(path, config=config)]

    assert cmp006(120, "120") == []
    assert cmp006(131, "120") == [(at(0, "capaian_standar"), 120)]
    assert cmp006(131, "none") == []
    assert cmp006(120, "none") == [(at(0, "capaian_standar"), 131)]
    report = read_report(tmp_path / "cap120_120.xlsx")
    config = Config(cap="120")
    summary = build_summary(report, check_report(report, config), config.settings_for(report))
    assert summary.multiyear[0].capaian_standard == 120
    assert "maks. 120" in summary.multiyear[0].capaian_standard_formula


# --- CMP007 ----------------------------------------------------------------------------------

def test_cmp007_unreadable_rows(tmp_path: Path) -> None:
    path = workbook(tmp_path / "m.xlsx", years=(2016, 2017, 2018, 2020),
                    **{"perbandingan.0.cara_hitung": "Rata-rata",
                       "perbandingan.1.tren": "naik tajam", "perbandingan.2.kode_indikator":
                       "IK-9", "perbandingan.0.2020": 83})
    yrs = (2016, 2017, 2018, 2020)
    got = {(f.location, f.message_key) for f in cmp_findings(path) if f.code == "CMP007"}
    assert got == {
        (cell_address("Perbandingan", 0, "cara_hitung", perbandingan_years=yrs),
         "rule.CMP007.accumulation"),
        (cell_address("Perbandingan", 1, "tren", perbandingan_years=yrs),
         "rule.CMP007.trend"),
        (cell_address("Perbandingan", 2, "kode_indikator", perbandingan_years=yrs),
         "rule.CMP007.code"),
        (cell_address("Perbandingan", 0, 2020, perbandingan_years=yrs),
         "rule.CMP007.future"),
    }


# --- the command line ------------------------------------------------------------------------

def test_check_reports_the_comparison_findings_in_json(tmp_path: Path) -> None:
    path = workbook(tmp_path / "n.xlsx", **{"perbandingan.2.tren": "Naik",
                                            "perbandingan.0.2018": 76.51})
    result = CliRunner().invoke(cli, ["check", str(path), "--format", "json", "--exit-zero"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    items = data["findings"] if isinstance(data, dict) else data
    codes = {(i["code"], i["cell"]) for i in items if i["code"].startswith("CMP")}
    assert codes == {("CMP002", at(2, "tren").split("!")[1]),
                     ("CMP001", cell_address("Pengukuran Kinerja", 1, "target").split("!")[1])}
    english = CliRunner().invoke(cli, ["--lang", "en", "check", str(path), "--exit-zero"],
                                 catch_exceptions=False)
    assert "The Tren of IK-3 is stated as Naik" in english.output


# --- the bundled clean example ---------------------------------------------------------------

CLEAN = Path(__file__).resolve().parents[1] / "examples" / "lkjip_2023_dinas_contoh.xlsx"


def test_the_clean_example_states_comparisons_and_a_mutated_copy_is_caught(
        tmp_path: Path) -> None:
    import openpyxl

    from lkjip_xl.reading import read_report

    report = read_report(CLEAN)
    assert report.comparison_years == (2019, 2020, 2021, 2022)
    assert len(report.comparisons) == 6
    assert cmp_findings(CLEAN) == []
    wb = openpyxl.load_workbook(CLEAN)
    ws = wb["Perbandingan"]
    header = {c.value: c.column_letter for c in ws[3]}
    rows = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1)}
    ws[f"{header['Realisasi 2021']}{rows['IK-1']}"] = 67.08  # Kondisi Awal is 67,80
    ws[f"{header['Tren']}{rows['IK-4']}"] = "Naik"  # the ratio fell: Turun / Membaik
    ws[f"{header['Progres terhadap Target Akhir (%)']}{rows['IK-6']}"] = 34.29  # 24 / 70
    mutated = tmp_path / "mutated.xlsx"
    wb.save(mutated)
    got = {(f.code, f.location) for f in cmp_findings(mutated)}
    assert got == {
        ("CMP001", f"Perbandingan!{header['Realisasi 2021']}{rows['IK-1']}"),
        ("CMP002", f"Perbandingan!{header['Tren']}{rows['IK-4']}"),
        ("CMP003", f"Perbandingan!{header['Progres terhadap Target Akhir (%)']}{rows['IK-6']}"),
    }


def test_cmp003_cumulative_progress_with_cara_hitung_left_blank(tmp_path: Path) -> None:
    """56,43 is right for a cumulative indicator; with Cara Hitung blank (Nilai Terakhir:
    14 / 70 = 20) the finding is an INFO asking to fill Cara Hitung in."""
    path = workbook(tmp_path / "o.xlsx", **{"perbandingan.1.cara_hitung": None})
    got = [(f.location, f.message_key, f.severity) for f in cmp_findings(path)]
    assert got == [(at(1, "progres"), "rule.CMP003.blank-cumulative", Severity.INFO)]
