"""The conventions real reports disagree on, as settings and presets (issue 14).

Each case follows a practice named in its comment; every setting value must change the outcome
it is about, and the command line and the config file must win over Identitas.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from lkjip_xl.cli import cli
from lkjip_xl.config import Config, ConfigError, config_from_dict
from lkjip_xl.output_sheets import ringkasan_sheet
from lkjip_xl.reading import read_report
from lkjip_xl.schema import Capping, EfficiencyMethod, NegativeFormula, RangeReading
from lkjip_xl.summary import EFFICIENT, FAIRLY_EFFICIENT, NOT_EFFICIENT, build_summary
from tests.builders import clean_keuangan, findings, make_workbook, simple_indicator_rows

# make_workbook writes the default Identitas in rows 3 to 11; further settings follow from 12.
FIRST_EXTRA_ROW = 12


def _by_code(path: Path, config: Config | None = None) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in findings(path, config=config):
        out.setdefault(f.code, []).append(f)
    return out


# --- capping ---------------------------------------------------------------------------------

def capped_report(tmp_path: Path, stated: Any = 120, name: str = "cap.xlsx",
                  **identitas: Any) -> Path:
    """Cakupan pelayanan: target 80 %, realisasi 111 % -> 111 / 80 x 100 = 138,75, printed
    as 120 the way ministries that cap capaian at 120 % restate it (e.g. the Kemenkeu NKO
    practice of a 120 % maximum per IKU; PermenPAN-RB performance-management scoring)."""
    rows = simple_indicator_rows(target=80, realisasi=111, satuan="%")
    rows["pengukuran"][0]["capaian"] = stated
    rows["keuangan"] = clean_keuangan()
    return make_workbook(tmp_path / name, identitas=identitas, **rows)


def test_without_a_cap_a_capped_120_is_a_mismatch_that_suggests_the_setting(tmp_path):
    got = _by_code(capped_report(tmp_path))
    [f] = got["CAP001"]
    assert f.expected == 138.75 and f.stated == 120
    assert f.message_key == "rule.CAP001.cap"
    assert "Batas Capaian = Maks. 120" in f.message() and "--cap 120" in f.message()
    assert "CAP009" not in got


def test_with_cap_120_on_identitas_the_120_is_right_and_cap009_says_why(tmp_path):
    got = _by_code(capped_report(tmp_path, batas_capaian="Maks. 120"))
    assert "CAP001" not in got
    [f] = got["CAP009"]
    assert f.location == "Pengukuran Kinerja!H4" and f.expected == 120
    assert f.message() == (
        f"Capaian tertulis 120 benar karena Batas Capaian = Maks. 120 "
        f"(Identitas!B{FIRST_EXTRA_ROW}): tanpa batas dihitung 138,75 = 111 / 80 x 100.")


def test_cap_100_expects_100_and_names_the_120_cap_for_a_120(tmp_path):
    # Some Pemda cap every capaian at 100 % ("target tercapai penuh").
    assert "CAP001" not in _by_code(capped_report(tmp_path, stated=100, name="a.xlsx",
                                                  batas_capaian="100"))
    [f] = _by_code(capped_report(tmp_path, stated=120, name="b.xlsx",
                                 batas_capaian="Maks. 100"))["CAP001"]
    assert f.expected == 100 and f.message_key == "rule.CAP001.cap"
    assert "sekarang: Maks. 100" in f.message()


def test_a_capping_workbook_that_prints_the_uncapped_value_is_told(tmp_path):
    [f] = _by_code(capped_report(tmp_path, stated=138.75, batas_capaian="Maks. 120"))["CAP001"]
    assert f.message_key == "rule.CAP001.uncapped" and f.expected == 120
    assert "belum dibatasi" in f.message()


def test_a_120_for_115_is_the_above_110_score_not_a_cap(tmp_path):
    # 92 of 80 = 115,00: the PermenPAN-RB staff-performance scoring gives 120 above 110; no
    # Batas Capaian makes 115 into 120, so the message says what the figure is.
    rows = simple_indicator_rows(target=80, realisasi=92, satuan="%")
    rows["pengukuran"][0]["capaian"] = 120
    rows["keuangan"] = clean_keuangan()
    path = make_workbook(tmp_path / "s.xlsx", identitas={"batas_capaian": "Maks. 120"}, **rows)
    [f] = _by_code(path)["CAP001"]
    assert f.expected == 115 and f.message_key == "rule.CAP001.score-110"


def test_capped_capaian_feeds_the_category_and_the_summary(tmp_path):
    path = capped_report(tmp_path, batas_capaian="Maks. 120")
    summary = build_summary(read_report(path), [])
    assert [line.capaian for line in summary.indicators] == [120.0]
    assert summary.capping == Capping.CAP_120.value


# --- negative formula ------------------------------------------------------------------------

def _akb(tmp_path: Path, stated: float, name: str, **identitas: Any) -> Path:
    """Angka kematian bayi: target 32, realisasi 4,88 (domain.md's real check): the seed's
    Bab III 3.1 formula (2T-R)/T gives 184,75; some e-SAKIP apps use T/R (655,74)."""
    rows = simple_indicator_rows(target=32, realisasi=4.88, polaritas="Negatif",
                                 satuan="per 1.000")
    rows["pengukuran"][0]["capaian"] = stated
    rows["keuangan"] = clean_keuangan()
    return make_workbook(tmp_path / name, identitas=identitas, **rows)


def test_one_plus_form_is_the_reflected_formula_and_named_as_written(tmp_path):
    # Reports that write the formula as (1 + (1 - R/T)) x 100 %.
    written = "(1 + (1 - R/T)) x 100%"
    path = _akb(tmp_path, 184.75, "a.xlsx", rumus_negatif=written)
    got = _by_code(path)
    assert "INP012" not in got and "CAP001" not in got
    settings = read_report(path).settings
    assert settings.negative_formula is NegativeFormula.REFLECTED
    assert settings.negative_formula_name == written
    # A figure computed with T/R under it: the message names the workbook's own writing.
    [f] = _by_code(_akb(tmp_path, 655.74, "b.xlsx", rumus_negatif="1+(1-R/T)"))["CAP001"]
    assert f.message_key == "rule.CAP001.other-formula"
    assert f"padahal buku kerja memakai {written}" in f.message()


def test_t_over_r_changes_the_expected_value(tmp_path):
    assert "CAP001" not in _by_code(_akb(tmp_path, 655.74, "a.xlsx", rumus_negatif="T/R"))
    [f] = _by_code(_akb(tmp_path, 184.75, "b.xlsx", rumus_negatif="T/R"))["CAP001"]
    assert f.expected == 655.74


# --- range targets ---------------------------------------------------------------------------

def _range(tmp_path: Path, target: str, realisasi: float, stated: float, polaritas: str,
           name: str, **identitas: Any) -> Path:
    rows = simple_indicator_rows(target=target, realisasi=realisasi, polaritas=polaritas,
                                 satuan="%")
    rows["pengukuran"][0]["capaian"] = stated
    rows["keuangan"] = clean_keuangan()
    return make_workbook(tmp_path / name, identitas=identitas, **rows)


@pytest.mark.parametrize("target, realisasi, polaritas, inside_100, bound", [
    # inflation-like negative indicator with target 7-8 (PermenPAN-RB 6/2022's example range)
    ("7-8", 7.5, "Negatif", 100.0, 92.86),     # bound reading: (2 x 7 - 7,5) / 7
    ("7-8", 6.5, "Negatif", 107.14, 107.14),   # below the range: the lower bound either way
    ("7-8", 9, "Negatif", 87.5, 71.43),        # above: upper bound 87,5 / lower bound (14-9)/7
    # a satisfaction index with target 80-90 (IKM ranges in Dinas reports)
    ("80-90", 85, "Positif", 100.0, 94.44),    # bound reading: 85 / 90
    ("80-90", 95, "Positif", 105.56, 105.56),  # above: the upper bound either way
])
def test_both_range_readings(tmp_path, target, realisasi, polaritas, inside_100, bound):
    for reading, expected in ((RangeReading.INSIDE_100, inside_100),
                              (RangeReading.BOUND, bound)):
        ok = _range(tmp_path, target, realisasi, expected, polaritas, "ok.xlsx",
                    target_rentang=reading.value)
        assert "CAP001" not in _by_code(ok), (reading, expected)
    if inside_100 != bound:
        wrong = _range(tmp_path, target, realisasi, inside_100, polaritas, "x.xlsx",
                       target_rentang="Batas Target")
        [f] = _by_code(wrong)["CAP001"]
        assert f.expected == bound
        # the message recognises the other reading and names the setting
        assert f.message_key == "rule.CAP001.range-reading"
        assert "Target Rentang = Dalam Rentang = 100" in f.message()


# --- efficiency ------------------------------------------------------------------------------

def _program(tmp_path: Path, realisasi: float, serapan_rp: int, name: str,
             **identitas: Any) -> Path:
    """A program (pagu 1.000.000.000) whose one Kegiatan serves IK-1 (target 100): capaian
    `realisasi` % against serapan `serapan_rp` / 1e9. Dinas Kesehatan-style LKjIPs judge it
    by the +/-5 difference, by 'capaian >= serapan', or by the ratio IE."""
    rows = simple_indicator_rows(target=100, realisasi=realisasi, satuan="%")
    rows["lampiran"] += [
        {"baris": "Program", "kode": "1.02.02", "program_kegiatan": "Program Kesehatan",
         "anggaran": 1_000_000_000, "realisasi_anggaran": serapan_rp},
        {"baris": "Kegiatan", "kode": "1", "kode_indikator": "IK-1", "target": 10,
         "realisasi": 10, "satuan": "desa", "program_kegiatan": "Imunisasi"}]
    rows["keuangan"] = clean_keuangan()
    return make_workbook(tmp_path / name, identitas=identitas, **rows)


@pytest.mark.parametrize("realisasi, serapan, method, verdict", [
    (93, 960_000_000, EfficiencyMethod.DIFFERENCE, FAIRLY_EFFICIENT),   # -3 points
    (93, 960_000_000, EfficiencyMethod.AT_LEAST, NOT_EFFICIENT),        # 93 < 96
    (93, 960_000_000, EfficiencyMethod.RATIO, NOT_EFFICIENT),           # 0,969
    (97.5, 950_000_000, EfficiencyMethod.DIFFERENCE, FAIRLY_EFFICIENT),  # +2,5 points
    (97.5, 950_000_000, EfficiencyMethod.AT_LEAST, EFFICIENT),
    (97.5, 950_000_000, EfficiencyMethod.RATIO, EFFICIENT),             # 1,026
])
def test_efficiency_method_decides_the_verdict(tmp_path, realisasi, serapan, method, verdict):
    path = _program(tmp_path, realisasi, serapan, "e.xlsx", metode_efisiensi=method.value)
    s = build_summary(read_report(path), [])
    [program] = s.efficiency
    assert program.verdict == verdict
    assert s.overall_efficiency.verdict == verdict
    assert s.efficiency_method == method.value


def test_the_ringkasan_names_the_method_and_where_it_was_set(tmp_path):
    path = _program(tmp_path, 93, 960_000_000, "e.xlsx", metode_efisiensi="IE")
    s = build_summary(read_report(path), [])
    texts = [str(c.value) for row in ringkasan_sheet(s).rows for c in row
             if c is not None and c.value is not None]
    assert any(f"Indeks Efisiensi (Identitas!B{FIRST_EXTRA_ROW})" in x for x in texts)
    assert "Menurut rasio (metode laporan)" in texts
    assert "Menurut selisih" in texts
    default = build_summary(read_report(_program(tmp_path, 93, 960_000_000, "d.xlsx")), [])
    texts = [str(c.value) for row in ringkasan_sheet(default).rows for c in row
             if c is not None and c.value is not None]
    assert "Menurut selisih (metode laporan)" in texts
    assert any("Selisih +/-5 (bawaan)" in x for x in texts)


# --- scales ----------------------------------------------------------------------------------

@pytest.mark.parametrize("skala, kategori, ok", [
    ("Skala 5", "Tinggi", True),            # Permendagri 86/2017: 76-90 Tinggi
    ("Skala 5 Baik", "Baik", True),         # the same band named Baik
    ("Skala 5 Baik", "Tinggi", False),      # not a band of Skala 5 Baik: KAT003
    ("Skala 4", "Berhasil", False),         # 85 is Sangat Berhasil on the seed's scale
])
def test_scale_presets_categorise(tmp_path, skala, kategori, ok):
    rows = simple_indicator_rows(target=100, realisasi=85)
    rows["pengukuran"][0].update(capaian=85, kategori=kategori)
    rows["keuangan"] = clean_keuangan()
    path = make_workbook(tmp_path / "s.xlsx", identitas={"skala": skala}, **rows)
    got = _by_code(path)
    assert ("KAT001" in got or "KAT003" in got) is not ok


def _custom(tmp_path: Path, bands: list[tuple], capaian: float, kategori: str) -> Path:
    import openpyxl

    rows = simple_indicator_rows(target=100, realisasi=capaian)
    rows["pengukuran"][0].update(capaian=capaian, kategori=kategori)
    rows["keuangan"] = clean_keuangan()
    path = make_workbook(tmp_path / "k.xlsx", identitas={"skala": "Kustom"}, **rows)
    wb = openpyxl.load_workbook(path)
    ws = wb["Identitas"]
    grid = [("Kategori", "Batas Bawah", "Termasuk Batas", "Batas Atas"), *bands]
    for r, values in enumerate(grid, start=20):
        for c, v in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=v)
    wb.save(path)
    return path


# The Permendagri 86/2017 table as many reports copy it, with its integer edges.
INTEGER_EDGES = [("Sangat Tinggi", 91, "Ya", 100), ("Tinggi", 76, "Ya", 90),
                 ("Sedang", 66, "Ya", 75), ("Rendah", 51, "Ya", 65),
                 ("Sangat Rendah", 0, "Ya", 50)]


def test_custom_scale_gaps_and_top_are_reported_before_categorising(tmp_path):
    path = _custom(tmp_path, INTEGER_EDGES, 90.5, "Tinggi")
    got = _by_code(path)
    gaps = [f for f in got["INP024"] if f.message_key == "rule.INP024.gap"]
    assert [f.location for f in gaps] == ["Identitas!D22", "Identitas!D23", "Identitas!D24",
                                          "Identitas!D25"]
    assert gaps[0].message().startswith(
        "Skala Kustom berlubang: nilai di atas 90 dan di bawah 91 (mis. 90,5)")
    [top] = [f for f in got["INP024"] if f.message_key == "rule.INP024.no-top"]
    assert top.location == "Identitas!D21" and top.severity.value == "info"
    # 90,5 is in no band: its Kategori is not judged (neither KAT001 nor KAT003)
    assert "KAT001" not in got and "KAT003" not in got


def test_custom_scale_overlap_and_a_clean_table(tmp_path):
    overlapping = [("Baik", 85, "Ya", 100), ("Cukup", 70, "Ya", 85), ("Kurang", 0, "Ya", 70)]
    got = _by_code(_custom(tmp_path, overlapping, 85, "Baik"))
    assert {f.message_key for f in got["INP024"]} == {"rule.INP024.overlap",
                                                       "rule.INP024.no-top"}
    clean = [("Baik", 85, "Ya", None), ("Cukup", 70, "Ya", 85), ("Kurang", 0, "Ya", 70)]
    # 'Cukup' up to 85 inclusive meets 'Baik' from 85 inclusive: an overlap at one point
    assert "INP024" in _by_code(_custom(tmp_path, clean, 80, "Cukup"))
    closed = [("Baik", 85, "Tidak", None), ("Cukup", 70, "Tidak", 85), ("Kurang", 0, "Ya", 70)]
    got = _by_code(_custom(tmp_path, closed, 80, "Cukup"))
    assert "INP024" not in got and "KAT001" not in got


# --- presets and precedence ------------------------------------------------------------------

def test_preset_permenpan_caps_and_uses_five_bands(tmp_path):
    # as the template leaves them: Skala Penilaian and Rumus blank, the preset decides
    path = capped_report(tmp_path, preset="permenpan", skala=None, rumus_negatif=None)
    settings = read_report(path).settings
    assert settings.capping is Capping.CAP_120 and settings.scale.name == "Skala 5"
    [f] = _by_code(path)["CAP009"]
    assert f"Preset Konvensi PermenPAN-RB, Identitas!B{FIRST_EXTRA_ROW}" in f.message()


def test_a_single_setting_on_identitas_overrides_its_preset(tmp_path):
    # builders write Skala 4 explicitly: it overrides the preset's Skala 5 too
    path = capped_report(tmp_path, preset="PermenPAN-RB", batas_capaian="Tanpa Batas")
    settings = read_report(path).settings
    assert settings.capping is Capping.NONE and settings.scale.name == "Skala 4"
    assert "CAP001" in _by_code(path)


def test_config_file_and_command_line_win_over_identitas(tmp_path):
    path = capped_report(tmp_path, batas_capaian="Maks. 120")
    toml = tmp_path / "lkjip-xl.toml"
    toml.write_text('cap = "none"\n', encoding="utf-8")
    from lkjip_xl.config import load_config

    file_config = load_config(toml)
    assert "CAP001" in _by_code(path, file_config)  # the file's 'none' wins over Identitas
    assert "CAP009" in _by_code(path, file_config.merged(cap="120"))  # the CLI over the file
    # a preset on the command line replaces the conventions the file set
    cli_preset = file_config.merged(preset="PermenPAN-RB")
    [f] = _by_code(path, cli_preset)["CAP009"]
    assert "Preset Konvensi PermenPAN-RB, --preset" in f.message()
    # Identitas preset, config preset back to the seed's
    permen = capped_report(tmp_path, name="p.xlsx", preset="PermenPAN-RB")
    assert "CAP001" in _by_code(permen, Config().merged(preset="Bawaan"))


@pytest.mark.parametrize("key, value", [("cap", "130"), ("preset", "permenpan-2099"),
                                        ("range-target", "tengah"), ("efficiency", "x")])
def test_a_convention_that_names_nothing_is_a_config_error(key, value):
    with pytest.raises(ConfigError, match=key):
        config_from_dict({key: value})


def test_cli_overrides_and_usage_errors(tmp_path):
    path = capped_report(tmp_path)
    runner = CliRunner()
    plain = runner.invoke(cli, ["check", str(path), "--select", "CAP", "--show-info"])
    assert plain.exit_code == 1 and "CAP001" in plain.stdout
    capped = runner.invoke(cli, ["check", str(path), "--select", "CAP", "--cap", "120",
                                 "--show-info"])
    assert "CAP001" not in capped.stdout and "CAP009" in capped.stdout
    assert "(--cap)" in capped.stdout
    bad = runner.invoke(cli, ["check", str(path), "--cap", "130"])
    assert bad.exit_code == 2
    assert "cap=130" in bad.stderr and "Traceback" not in bad.stderr


def test_inp012_names_the_choices_of_a_new_setting(tmp_path):
    path = capped_report(tmp_path, batas_capaian="maksimal seratus dua puluh")
    [f] = _by_code(path)["INP012"]
    assert f.message() == (
        "Batas Capaian 'maksimal seratus dua puluh' tidak dikenal; dipakai Tanpa Batas. "
        "Pilihan: Tanpa Batas, Maks. 100, Maks. 120")


def test_a_real_report_concludes_by_the_method_it_names():
    # LKj 2021 BPOM PRKOM, Tabel 28: IE 1,008 for capaian 100,00 against serapan 99,21,
    # printed "Ket: Efisien". By the +/-5 difference (0,79 points) it would be cukup efisien.
    root = Path(__file__).resolve().parent.parent
    report = read_report(root / "examples" / "real" / "lkj_2021_bpom_prkom_efisiensi.xlsx")
    named = build_summary(report, [])
    assert named.efficiency_method == EfficiencyMethod.RATIO.value
    assert [e.verdict for e in named.efficiency] == [EFFICIENT, EFFICIENT]
    default = build_summary(report, [], Config().merged(efficiency="Selisih +/-5")
                            .settings_for(report))
    assert [e.verdict for e in default.efficiency] == [EFFICIENT, FAIRLY_EFFICIENT]


@pytest.mark.parametrize("preset, kategori, capped", [
    # Permendagri 86/2017's evaluation scale: 85 is Tinggi (76-90); no cap
    ("Permendagri 86/2017", "Tinggi", False),
    ("PermenPAN-RB", "Tinggi", True),
    ("Bawaan", "Sangat Berhasil", False),   # the seed's 4-band scale
])
def test_each_preset_sets_its_scale_and_cap(tmp_path, preset, kategori, capped):
    rows = simple_indicator_rows(target=80, realisasi=68)  # 85,00
    rows["pengukuran"][0].update(capaian=85, kategori=kategori)
    rows["keuangan"] = clean_keuangan()
    path = make_workbook(tmp_path / "p.xlsx", identitas={
        "preset": preset, "skala": None, "rumus_negatif": None}, **rows)
    got = _by_code(path)
    assert "KAT001" not in got and "KAT003" not in got
    settings = read_report(path).settings
    assert (settings.cap == 120) is capped and settings.preset == preset
