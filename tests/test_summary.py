"""The Ringkasan figures (lkjip_xl/summary.py), against values computed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_xl.reading import read_report
from lkjip_xl.rules.base import Finding, Severity
from lkjip_xl.summary import (
    EFFICIENT,
    FAIRLY_EFFICIENT,
    NOT_EFFICIENT,
    SOURCE_BUDGET,
    SOURCE_INDICATOR,
    SOURCE_PK,
    build_summary,
    reading,
)
from tests.builders import make_workbook

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ROOT / "examples" / "lkjip_2023_dinas_contoh.xlsx"

# The clean example by hand (examples/lkjip_2023_dinas_contoh.yaml, Skala 5):
#   IK-1 70.15 / 69 = 101.6667 -> 101.67 Sangat Tinggi
#   IK-2 86.40 inside the range 80-90 -> 100 Sangat Tinggi
#   IK-3 85 / 120 = 70.8333 -> 70.83 Sedang
#   IK-4 negative: (2 x 3.20 - 2.85) / 3.20 = 110.9375 -> 110.94 Sangat Tinggi
#   IK-5 80 / 95 = 84.2105 -> 84.21 Tinggi
#   IK-6 26 / 40 = 65.00 Rendah (Skala 5: Sedang is above 65)
CLEAN_INDICATORS = {
    "IK-1": (69.0, 70.15, 101.67, "Sangat Tinggi"),
    "IK-2": ("80-90", 86.4, 100.0, "Sangat Tinggi"),
    "IK-3": (120.0, 85.0, 70.83, "Sedang"),
    "IK-4": (3.2, 2.85, 110.94, "Sangat Tinggi"),
    "IK-5": (95.0, 80.0, 84.21, "Tinggi"),
    "IK-6": (40.0, 26.0, 65.0, "Rendah"),
}


@pytest.fixture(scope="module")
def clean():
    if not CLEAN.exists():
        pytest.skip(f"{CLEAN.name} not built yet")
    report = read_report(CLEAN)
    return build_summary(report, [])


def test_clean_example_indicators(clean):
    got = {line.code: (line.target, line.realisasi, line.capaian, line.category)
           for line in clean.indicators}
    assert got == CLEAN_INDICATORS
    ik4 = next(line for line in clean.indicators if line.code == "IK-4")
    assert ik4.polarity == "Negatif" and ik4.polarity_stated
    assert ik4.formula == "(2 x 3.2 - 2.85) / 3.2 x 100"
    # The RPJMD targets of 2023 equal the PK targets, so the capaian against them too.
    assert {line.code: line.capaian_rpjmd for line in clean.indicators} == {
        code: values[2] for code, values in CLEAN_INDICATORS.items()}


def test_clean_example_averages(clean):
    # (101.67 + 100 + 70.83) / 3 = 90.8333 -> 90.83 Sangat Tinggi (above 90)
    # (110.94 + 84.21 + 65) / 3 = 86.7167 -> 86.72 Tinggi
    # all six: 532.65 / 6 = 88.775 -> 88.78 (half up) Tinggi
    got = [(a.label, a.codes, a.capaian, a.category) for a in clean.sasaran]
    assert got == [
        ("Meningkatnya pemberdayaan perempuan", ("IK-1", "IK-2", "IK-3"), 90.83, "Sangat Tinggi"),
        ("Meningkatnya perlindungan perempuan dan anak", ("IK-4", "IK-5", "IK-6"), 86.72,
         "Tinggi"),
    ]
    assert (clean.overall.capaian, clean.overall.category) == (88.78, "Tinggi")
    assert clean.overall.formula == "(101.67 + 100 + 70.83 + 110.94 + 84.21 + 65) / 6"
    assert clean.overall.missing == ()


def test_clean_example_budget(clean):
    # 1,144,525,000 / 1,230,500,000 = 93.013 %; 873,402,500 / 915,750,000 = 95.376 %;
    # 487,692,500 / 534,250,000 = 91.285 %; total 2,505,620,000 / 2,680,500,000 = 93.476 %.
    got = [(p.kode, p.source, p.pagu, p.realisasi, p.serapan, p.codes) for p in clean.programs]
    assert got == [
        ("2.08.02", SOURCE_PK, 1230500000, 1144525000, 93.01, ("IK-1", "IK-2", "IK-3")),
        ("2.08.03", SOURCE_PK, 915750000, 873402500, 95.38, ("IK-4", "IK-5")),
        ("2.08.07", SOURCE_PK, 534250000, 487692500, 91.29, ("IK-6",)),
    ]
    total = clean.budget_total
    assert (total.pagu, total.realisasi, total.serapan) == (2680500000, 2505620000, 93.48)


def test_clean_example_efficiency(clean):
    # program 1: capaian 90.83 vs serapan 93.01: -2.18 (cukup efisien); 0.977 (< 1)
    # program 2: (110.94 + 84.21) / 2 = 97.575 -> 97.58 vs 95.38: +2.20; 1.023
    # program 3: 65 vs 91.29: -26.29 (tidak efisien); 0.712
    # overall: 88.78 vs 93.48: -4.70 (cukup efisien); 0.950
    got = [(e.capaian, e.serapan, e.difference, e.difference_reading, e.ratio, e.ratio_reading)
           for e in clean.efficiency]
    assert got == [
        (90.83, 93.01, -2.18, FAIRLY_EFFICIENT, 0.977, NOT_EFFICIENT),
        (97.58, 95.38, 2.2, FAIRLY_EFFICIENT, 1.023, EFFICIENT),
        (65.0, 91.29, -26.29, NOT_EFFICIENT, 0.712, NOT_EFFICIENT),
    ]
    o = clean.overall_efficiency
    assert (o.capaian, o.serapan, o.difference, o.difference_reading, o.ratio,
            o.ratio_reading) == (88.78, 93.48, -4.7, FAIRLY_EFFICIENT, 0.95, NOT_EFFICIENT)


def test_clean_example_identity(clean):
    assert clean.agency == "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"
    assert (clean.region, clean.year, clean.scale_name) == ("Kabupaten Contoh", 2023, "Skala 5")
    assert clean.scale_bands == ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
    assert clean.counts == {"error": 0, "warning": 0, "info": 0}


@pytest.mark.parametrize(("value", "expected"), [
    (5.0, FAIRLY_EFFICIENT), (5.01, EFFICIENT), (-5.0, FAIRLY_EFFICIENT),
    (-5.01, NOT_EFFICIENT), (0.0, FAIRLY_EFFICIENT),
])
def test_difference_reading_edges(value, expected):
    assert reading(value, 0.0, 5.0) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (1.0, FAIRLY_EFFICIENT), (1.001, EFFICIENT), (0.999, NOT_EFFICIENT),
])
def test_ratio_reading_edges(value, expected):
    assert reading(value, 1.0, 0.0) == expected


# --- built workbooks -------------------------------------------------------------------------

def _tabel(code: str, sasaran: str, target: float, polaritas: str = "Positif") -> dict:
    return {"kode_indikator": code, "sasaran": sasaran, "indikator": f"Indikator {code}",
            "satuan": "Org", "polaritas": polaritas, "kondisi_awal": target, 2017: target,
            2018: target, 2019: target, 2020: target, 2021: target, "kondisi_akhir": target}


def test_budget_comes_from_keuangan_when_lampiran_ii_has_no_realisation(tmp_path):
    """Program P-1 states only its anggaran in Lampiran II: pagu AND realisasi then come from
    the Keuangan Program row with the same Kode (never one from each sheet). P-2 has no
    Keuangan row: listed with its anggaran, left out of the total."""
    path = make_workbook(
        tmp_path / "b.xlsx",
        tabel=[_tabel("IK-1", "S", 100), _tabel("IK-2", "S", 50)],
        lampiran=[
            {"baris": "Program", "kode": "P-1", "program_kegiatan": "Program Satu",
             "anggaran": 2000},
            {"baris": "Indikator", "kode_indikator": "IK-1", "sasaran": "S", "target": 100,
             "realisasi": 90},
            {"baris": "Kegiatan", "kode": "K-1", "kode_indikator": "IK-1", "target": 10,
             "realisasi": 9, "anggaran": 2000},
            {"baris": "Program", "kode": "P-2", "program_kegiatan": "Program Dua",
             "anggaran": 500},
            {"baris": "Indikator", "kode_indikator": "IK-2", "sasaran": "S", "target": 50,
             "realisasi": 55},
            {"baris": "Kegiatan", "kode": "K-2", "kode_indikator": "IK-2", "target": 5,
             "realisasi": 5, "anggaran": 500},
        ],
        keuangan=[
            {"baris": "Kelompok", "uraian": "Belanja"},
            {"baris": "Program", "kode": "P-1", "uraian": "Program Satu (Keuangan)"},
            {"baris": "Rincian", "uraian": "a", "pagu": 1500, "realisasi": 1200},
            {"baris": "Rincian", "uraian": "b", "pagu": 500, "realisasi": 300},
        ])
    s = build_summary(read_report(path), [])
    p1, p2 = s.programs
    # P-1: Keuangan's Rincian sums: pagu 2000, realisasi 1500 -> 75.00 %
    assert (p1.source, p1.match, p1.pagu, p1.realisasi, p1.serapan) == (
        SOURCE_BUDGET, "code", 2000, 1500, 75.0)
    assert p1.where == "Keuangan!C5"
    assert (p2.source, p2.pagu, p2.realisasi, p2.serapan) == (SOURCE_PK, 500, None, None)
    assert (s.budget_total.pagu, s.budget_total.realisasi, s.budget_total.serapan) == (
        2000, 1500, 75.0)
    # P-1 serves IK-1 (90 / 100 = 90.00): 90 - 75 = +15 efisien, 90 / 75 = 1.2
    e1 = s.efficiency[0]
    assert (e1.capaian, e1.difference, e1.difference_reading, e1.ratio) == (
        90.0, 15.0, EFFICIENT, 1.2)
    assert s.efficiency[1].difference is None  # no serapan for P-2


def test_without_lampiran_programs_the_keuangan_programs_are_listed(tmp_path):
    path = make_workbook(tmp_path / "k.xlsx", keuangan=[
        {"baris": "Kelompok", "uraian": "Belanja"},
        {"baris": "Program", "kode": "1", "uraian": "Program A", "pagu": 400, "realisasi": 300},
    ])
    s = build_summary(read_report(path), [])
    assert [(p.name, p.source, p.serapan) for p in s.programs] == [
        ("Program A", SOURCE_BUDGET, 75.0)]


def test_an_indicator_that_cannot_be_computed_is_left_out_of_its_average(tmp_path):
    path = make_workbook(
        tmp_path / "a.xlsx",
        tabel=[_tabel("IK-1", "Sasaran A", 80), _tabel("IK-2", "Sasaran A", 0),
               _tabel("IK-3", "sasaran  a.", 50, "Negatif")],
        lampiran=[
            {"baris": "Indikator", "kode_indikator": "IK-1", "sasaran": "Sasaran A",
             "target": 80, "realisasi": 60},
            {"baris": "Indikator", "kode_indikator": "IK-2", "sasaran": "Sasaran A",
             "target": 0, "realisasi": 5},
            {"baris": "Indikator", "kode_indikator": "IK-3", "sasaran": "sasaran  a.",
             "target": 50, "realisasi": 40},
        ])
    s = build_summary(read_report(path), [])
    # IK-1 60 / 80 = 75.00; IK-2 target 0: not computable; IK-3 negative (100 - 40) / 50 = 120
    assert [(x.code, x.capaian, x.reason) for x in s.indicators] == [
        ("IK-1", 75.0, ""), ("IK-2", None, "zero-target"), ("IK-3", 120.0, "")]
    # "Sasaran A" and "sasaran  a." are one sasaran once normalised: (75 + 120) / 2 = 97.5
    (group,) = s.sasaran
    assert (group.codes, group.missing, group.capaian) == (("IK-1", "IK-3"), ("IK-2",), 97.5)
    assert group.category == "Sangat Berhasil"


def test_findings_are_counted_by_severity(tmp_path):
    path = make_workbook(tmp_path / "c.xlsx")

    def f(sev: Severity) -> Finding:
        return Finding("X", "x", sev, "f", "Identitas", "A1", "k")

    s = build_summary(read_report(path), [f(Severity.ERROR), f(Severity.INFO),
                                           f(Severity.INFO)])
    assert s.counts == {"error": 1, "warning": 0, "info": 2}


# --- partial workbooks, efficiency per sasaran, flagged totals, units ------------------------

def test_a_pengukuran_only_workbook_builds_its_sections_from_what_is_filled(tmp_path):
    """Only Pengukuran Kinerja and Keuangan Rincian rows are typed (a reviewer checking one
    table): the indicators come from the Pengukuran rows themselves, the budget from the
    Rincian rows. 45 / 50 = 90,00; 30 / 40 = 75,00; mean 82,50; 700 / 1000 = 70,00 %."""
    path = make_workbook(
        tmp_path / "p.xlsx",
        pengukuran=[
            {"baris": "Indikator", "kode_indikator": "IK-1", "sasaran": "Sasaran A",
             "indikator": "Satu", "satuan": "Org", "target": 50, "realisasi": 45},
            {"baris": "Indikator", "indikator": "Dua (tanpa kode)", "satuan": "Org",
             "target": 40, "realisasi": 30},
        ],
        keuangan=[
            {"baris": "Rincian", "uraian": "Belanja A", "pagu": 600, "realisasi": 500},
            {"baris": "Rincian", "uraian": "Belanja B", "pagu": 400, "realisasi": 200},
        ])
    s = build_summary(read_report(path), [])
    assert [(x.code, x.name, x.sasaran, x.capaian, x.source) for x in s.indicators] == [
        ("IK-1", "Satu", "Sasaran A", 90.0, "Pengukuran Kinerja"),
        ("", "Dua (tanpa kode)", "Sasaran A", 75.0, "Pengukuran Kinerja")]
    assert s.overall.capaian == 82.5
    assert [(p.name, p.source, p.serapan) for p in s.programs] == [
        ("Belanja A", "Keuangan (Rincian)", 83.33), ("Belanja B", "Keuangan (Rincian)", 50.0)]
    assert (s.budget_total.pagu, s.budget_total.realisasi, s.budget_total.serapan) == (
        1000, 700, 70.0)
    assert s.budget_source == "rincian"


def test_an_empty_table_leaves_no_empty_section(tmp_path):
    from lkjip_xl.output_sheets import ringkasan_sheet

    path = make_workbook(tmp_path / "e.xlsx", keuangan=[
        {"baris": "Rincian", "uraian": "Belanja A", "pagu": 600, "realisasi": 500}])
    s = build_summary(read_report(path), [])
    assert s.indicators == () and len(s.programs) == 1
    texts = [c.value for row in ringkasan_sheet(s).rows for c in row
             if isinstance(c.value, str)]
    assert not any("Capaian per indikator" in x and x[0].isdigit() for x in texts)
    assert any(x.startswith("1. Anggaran per program") for x in texts)
    assert any(x.startswith("Tidak ditampilkan: capaian per indikator") for x in texts)


def test_efficiency_per_sasaran_and_what_it_left_out(tmp_path):
    """Two sasaran served by two programs. Sasaran A: IK-1 90 / 100 = 90,00 (IK-2 has no
    realisation: left out) against program P-1's 800 / 1000 = 80,00 %: +10,00 efisien, ratio
    1,125. Sasaran B: IK-3 45 / 50 = 90,00 against P-2's 450 / 500 = 90,00 %: 0,00 and
    1,000, both cukup efisien."""
    path = make_workbook(
        tmp_path / "s.xlsx",
        tabel=[_tabel("IK-1", "A", 100), _tabel("IK-2", "A", 10), _tabel("IK-3", "B", 50)],
        lampiran=[
            {"baris": "Indikator", "kode_indikator": "IK-1", "sasaran": "A", "target": 100,
             "realisasi": 90},
            {"baris": "Indikator", "kode_indikator": "IK-2", "sasaran": "A", "target": 10},
            {"baris": "Indikator", "kode_indikator": "IK-3", "sasaran": "B", "target": 50,
             "realisasi": 45},
            {"baris": "Program", "kode": "P-1", "program_kegiatan": "Program Satu",
             "anggaran": 1000, "realisasi_anggaran": 800},
            {"baris": "Kegiatan", "kode": "K-1", "kode_indikator": "IK-1", "target": 1,
             "realisasi": 1},
            {"baris": "Kegiatan", "kode": "K-2", "kode_indikator": "IK-2", "target": 1,
             "realisasi": 1},
            {"baris": "Program", "kode": "P-2", "program_kegiatan": "Program Dua",
             "anggaran": 500, "realisasi_anggaran": 450},
            {"baris": "Kegiatan", "kode": "K-3", "kode_indikator": "IK-3", "target": 1,
             "realisasi": 1},
        ])
    s = build_summary(read_report(path), [])
    a, b = s.sasaran_efficiency
    assert (a.label, a.codes, a.missing, a.capaian, a.serapan, a.difference,
            a.difference_reading, a.ratio) == ("A", ("IK-1",), ("IK-2",), 90.0, 80.0, 10.0,
                                               EFFICIENT, 1.125)
    assert (b.capaian, b.serapan, b.difference, b.difference_reading, b.ratio,
            b.ratio_reading) == (90.0, 90.0, 0.0, FAIRLY_EFFICIENT, 1.0, FAIRLY_EFFICIENT)
    assert not b.readings_disagree
    p1 = s.efficiency[0]
    assert (p1.codes, p1.missing) == (("IK-1",), ("IK-2",))


def test_indicator_rows_with_their_own_budget_feed_the_efficiency_section(tmp_path):
    """A central agency's PK: no Program, no Kegiatan, no Keuangan; each Indikator row carries
    its own budget (Laporan Kinerja PRKOM BPOM 2021, Tabel 28). IKK-1 74,94 / 75 = 99,92
    against 6.495.748.767 / 6.910.387.000 = 94,00 %: +5,92, ratio 1,063; IKK-2 100,00 against
    41.818.800 / 42.150.000 = 99,21 %: +0,79, 1,008. Overall (99,92 + 100) / 2 = 99,96
    against 6.537.567.567 / 6.952.537.000 = 94,03 %: +5,93, ratio 1,063."""
    from lkjip_xl.output_sheets import ringkasan_sheet

    path = make_workbook(tmp_path / "lembaga.xlsx", lampiran=[
        {"baris": "Indikator", "kode_indikator": "IKK-1", "sasaran": "A",
         "indikator": "Riset dimanfaatkan", "target": 75, "realisasi": 74.94,
         "anggaran": 6_910_387_000, "realisasi_anggaran": 6_495_748_767},
        {"baris": "Indikator", "kode_indikator": "IKK-2", "sasaran": "B",
         "indikator": "Riset sesuai rencana", "target": 100, "realisasi": 100,
         "anggaran": 42_150_000, "realisasi_anggaran": 41_818_800}])
    s = build_summary(read_report(path), [])
    assert s.budget_source == "indikator"
    assert [(p.kode, p.source, p.where, p.serapan, p.codes) for p in s.programs] == [
        ("IKK-1", SOURCE_INDICATOR, "Lampiran II!K4", 94.0, ("IKK-1",)),
        ("IKK-2", SOURCE_INDICATOR, "Lampiran II!K5", 99.21, ("IKK-2",))]
    assert [(e.codes, e.capaian, e.serapan, e.difference, e.ratio) for e in s.efficiency] == [
        (("IKK-1",), 99.92, 94.0, 5.92, 1.063), (("IKK-2",), 100.0, 99.21, 0.79, 1.008)]
    assert [(e.label, e.ratio) for e in s.sasaran_efficiency] == [("A", 1.063), ("B", 1.008)]
    o = s.overall_efficiency
    assert (o.capaian, o.serapan, o.difference, o.ratio) == (99.96, 94.03, 5.93, 1.063)
    texts = [c.value for row in ringkasan_sheet(s).rows for c in row
             if isinstance(c.value, str)]
    assert any(x.startswith("4. Efisiensi") for x in texts), texts
    assert any(x.startswith("Tidak ada anggaran program") for x in texts)
    assert "Per indikator (anggaran tertulis di baris Indikator)" in texts
    assert "Per program" not in texts


def test_the_clean_example_says_when_the_two_readings_disagree(clean):
    """Program 1: -2,18 points is cukup efisien, 0,977 is tidak efisien."""
    assert [e.readings_disagree for e in clean.efficiency] == [True, True, False]


def test_a_flagged_stated_total_is_never_used(tmp_path):
    """Keuangan Program P-1 states realisasi 900 while its Rincian add up to 700: with the
    TOT002 finding on that cell, the Ringkasan uses 700 (70,00 %), never 900."""
    path = make_workbook(tmp_path / "f.xlsx", keuangan=[
        {"baris": "Program", "kode": "P-1", "uraian": "Program Satu", "pagu": 1000,
         "realisasi": 900},
        {"baris": "Rincian", "uraian": "a", "pagu": 600, "realisasi": 500},
        {"baris": "Rincian", "uraian": "b", "pagu": 400, "realisasi": 200},
    ])
    from lkjip_xl.config import Config
    from lkjip_xl.engine import check_report

    report = read_report(path)
    findings = check_report(report, Config())
    flagged = [f for f in findings if f.code == "TOT002"]
    assert flagged and flagged[0].expected == 700
    s = build_summary(report, findings)
    (p,) = s.programs
    assert (p.realisasi, p.serapan, p.flagged) == (700, 70.0, (f"Keuangan!{flagged[0].cell}",))
    assert build_summary(report, []).programs[0].serapan == 90.0  # the stated figure


def test_pk_and_rpjmd_targets_apart_by_units_are_flagged(tmp_path):
    """PK target 12 vs RPJMD 700 (seed IK-7): more than tenfold apart."""
    path = make_workbook(
        tmp_path / "u.xlsx", tabel=[_tabel("IK-1", "S", 700), _tabel("IK-2", "S", 45)],
        lampiran=[
            {"baris": "Indikator", "kode_indikator": "IK-1", "sasaran": "S", "target": 12,
             "realisasi": 5},
            {"baris": "Indikator", "kode_indikator": "IK-2", "sasaran": "S", "target": 33,
             "realisasi": 27},
        ])
    s = build_summary(read_report(path), [])
    assert [x.magnitude_mismatch for x in s.indicators] == [True, False]  # 33 vs 45: no


def test_an_indicator_without_an_agreed_pair_takes_its_own_rows_capaian(tmp_path):
    """Issue 10, point 3, in Ringkasan: IK-3's PK target (1.500) has no realisation paired with
    it, but its Pengukuran row states its own 1.020 of 1.697 = 60,11: the Ringkasan shows that,
    names the row, and says "cannot be computed" (n/a in the chart) only for IK-2, which no
    row can compute."""
    from lkjip_xl.output_sheets import ringkasan_sheet

    path = make_workbook(
        tmp_path / "rows.xlsx",
        tabel=[{"kode_indikator": "IK-3", "polaritas": "Positif", 2019: 40},
               {"kode_indikator": "IK-2", "polaritas": "Positif"}],
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-3", "sasaran": "Sasaran A",
                   "indikator": "PMKS yang mendapatkan perlindungan", "target": 1500,
                   "satuan": "KPM"},
                  {"baris": "Indikator", "kode_indikator": "IK-2", "sasaran": "Sasaran A",
                   "indikator": "PSKS yang berperan", "target": 25, "satuan": "Lbg"}],
        pengukuran=[{"baris": "Indikator", "kode_indikator": "IK-3", "satuan": "KPM",
                     "target": "1.697", "realisasi": "1.020", "sumber": "Bab III 3.3"}])
    s = build_summary(read_report(path), [])
    ik3, ik2 = (next(x for x in s.indicators if x.code == c) for c in ("IK-3", "IK-2"))
    assert (ik3.capaian, ik3.formula, ik3.source) == (60.11, "1020 / 1697 x 100",
                                                      "Pengukuran Kinerja")
    assert ik3.where == "Pengukuran Kinerja!D4"
    # 1.697 is the row's own target, not the PK's: no "PK and RPJMD differ 10x" flag
    assert ik3.rpjmd_target == 40 and not ik3.magnitude_mismatch
    assert ik2.capaian is None and ik2.reason
    labels = [row[0].value for row in ringkasan_sheet(s, "id").rows
              if row and isinstance(row[0].value, str) and row[0].value.startswith("IK-")]
    assert "IK-2 (n/a)" in labels and "IK-3" in labels
