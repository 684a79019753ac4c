"""Every number inside an Indonesian message is written the Indonesian way (issue 10, point 10).

`check` runs on both examples and on workbooks built here so that EVERY registered rule fires
(asserted), with figures that have decimals and more than four digits. In each Indonesian
message, after taking out the text it quotes from the workbook (a Sumber 'Bab III 3.2', a
cell typed '7,015,268,631', a sheet alias 'Tabel 6.1', a name), no English-style number may
remain: no '95.12' (a decimal point) and no '1,234,567' (comma grouping). The English
messages, in turn, must keep the decimal point.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.config import Config
from lkjip_xl.engine import check_report
from lkjip_xl.messages import NUMERIC_PARAMS
from lkjip_xl.reading import Limits, read_report
from lkjip_xl.rules import Finding, all_rules
from lkjip_xl.schema import SHEET_BUDGET, SHEET_IDENTITY, SHEET_MEASUREMENT, SHEET_PK, SHEET_RPJMD
from tests.builders import make_workbook, replace_sheet
from tests.test_rules_hygiene import _messy

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = (ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx",
            ROOT / "examples" / "lkjip_2023_dinas_contoh.xlsx")
ENGLISH_NUMBER = re.compile(r"\d\.\d{1,2}\b|\d{1,3},\d{3},\d{3}")
# Params that quote the workbook's own text (or names and lists of names): shown as typed.
QUOTED = {"raw", "name", "sumber", "aliases", "detail", "explanation", "label", "known",
          "match", "pk_name", "sheet", "column", "names", "allowed", "suggestion", "code",
          "codes", "quantity", "role", "unit", "units", "satuan", "formulas", "choices",
          "scale", "first", "computed_codes", "stated_codes", "error"}


def _custom_scale(path: Path) -> Path:
    """Skala Kustom with decimal limits: Sangat Baik >= 87,5; Baik >= 72,5; Cukup > 55,25."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_IDENTITY]
    start = ws.max_row + 3
    rows = [("Kategori", "Batas Bawah", "Termasuk Batas"), ("Sangat Baik", 87.5, "Ya"),
            ("Baik", 72.5, "Ya"), ("Cukup", 55.25, "Tidak"), ("Kurang", 0, "Ya")]
    for r, values in enumerate(rows, start=start):
        for c, v in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=v)
    wb.save(path)
    return path


def numbers_workbook(tmp_path: Path) -> Path:
    """Figures with decimals and large amounts, wrong in every way the capaian, totals,
    averages, categories and cross-table rules know."""
    tabel = [
        {"kode_indikator": "IK-1", "indikator": "Persentase layanan", "satuan": "%",
         "polaritas": "Positif", "kondisi_awal": 60.5, 2017: 65.25, 2018: 68.75,
         2019: 70.5, 2020: 72.25, 2021: 75.75, "kondisi_akhir": 76.25},   # XTB005
        {"kode_indikator": "IK-2", "indikator": "Angka kemiskinan", "satuan": "%",
         "polaritas": "Negatif", 2019: 12.5, 2021: 10.25, "kondisi_akhir": 10.25},
    ]
    lampiran = [
        # PK 72.25 vs RPJMD 70.5, explained (XTB004); PK 12.75 vs RPJMD 12.5, not (XTB003)
        {"baris": "Indikator", "kode_indikator": "IK-1", "indikator": "Persentase layanan",
         "target": 72.25, "realisasi": 67.75, "satuan": "%",
         "keterangan": "target PK disesuaikan dengan perubahan Renstra"},
        {"baris": "Indikator", "kode_indikator": "IK-2", "indikator": "Angka kemiskinan",
         "target": 12.75, "realisasi": 11.5, "satuan": "%"},
        {"baris": "Program", "kode": "1.06.01", "program_kegiatan": "Program Pelayanan Uji",
         "anggaran": 1_234_567_890.5, "realisasi_anggaran": 1_100_000_000.25},
        # 1.025,5 / 1.100,25 = 93.206...: stated as the fraction 0,9321 (CAP001 fraction)
        {"baris": "Kegiatan", "kode": "1", "kode_indikator": "IK-1",
         "program_kegiatan": "Kegiatan A", "target": 1100.25, "realisasi": 1025.5,
         "satuan": "Unit", "capaian": 0.9321, "anggaran": 734_567_890.5},
        {"baris": "Kegiatan", "kode": "2", "kode_indikator": "IK-2",
         "program_kegiatan": "Kegiatan B", "target": 2500.5, "realisasi": 2400.25,
         "satuan": "Unit", "capaian": 95.99, "anggaran": 500_000_000},      # CAP002 (95.99..)
        {"baris": "Jumlah", "target": 3500.75, "realisasi": 3425.75, "satuan": "Unit",
         "anggaran": 1_334_567_890.5},                                     # TOT001
    ]
    pengukuran = [
        # 67,75 / 72,25 = 93.7716...: stated 93,8 (CAP003), category 'Sangat Berhasil' is
        # not a band of the custom scale (KAT003)
        {"baris": "Indikator", "kode_indikator": "IK-1", "indikator": "Persentase layanan",
         "satuan": "%", "target": 72.25, "realisasi": 67.75, "capaian": 93.8,
         "kategori": "Sangat Berhasil", "sumber": "Bab III 3.2"},
        # (2 x 12,75 - 11,5) / 12,75 = 109.8039...: stated 109.5 (CAP001), 'Baik' (KAT001)
        {"baris": "Indikator", "kode_indikator": "IK-2", "indikator": "Angka kemiskinan",
         "satuan": "%", "target": 12.75, "realisasi": 11.5, "capaian": 109.5,
         "kategori": "Baik", "sumber": "Bab III 3.2"},
        # the same indicator stated differently elsewhere (XTB002), target 12,5 (XTB001)
        {"baris": "Indikator", "kode_indikator": "IK-2", "target": 12.5, "realisasi": 11.5,
         "capaian": 108.25, "sumber": "Bab III 3.3"},
        # mean (93.77 + 109.8) / 2 = 101.785: cut to 101.78 (AVG002)
        {"baris": "Rata-rata", "kode_indikator": "IK-1, IK-2", "capaian": 101.78,
         "kategori": "Sangat Baik", "sumber": "Bab III 3.2"},
        # a wrong mean (AVG001), blank category (KAT002)
        {"baris": "Rata-rata", "kode_indikator": "IK-1, IK-2", "capaian": 99.25,
         "sumber": "Bab III 3.2"},
        # a stated capaian without realisation: cannot be computed (CAP005)
        {"baris": "Indikator", "indikator": "Program uji", "target": 0, "realisasi": 5.5,
         "capaian": 55.5, "sumber": "Bab III 3.3"},
        {"baris": "Indikator", "indikator": "Program uji", "target": 10.5, "realisasi": 5.25,
         "sumber": "Bab III 3.3"},                                          # CAP004
    ]
    keuangan = [
        {"baris": "Kelompok", "uraian": "Belanja Langsung"},
        # Lampiran II says 1.234.567.890,5 for this program (XTB006)
        {"baris": "Program", "kode": "1.06.01", "uraian": "Program Pelayanan Uji",
         "pagu": 1_234_567_000.5, "realisasi": 1_100_000_000.25, "persentase": 89.15},
        {"baris": "Rincian", "kode": "1", "uraian": "Belanja pegawai", "pagu": 12_345_678.5,
         "realisasi": 10_000_000.25},                                       # CAP007
        {"baris": "Jumlah", "uraian": "Jumlah", "pagu": 1_246_912_679.5,
         "realisasi": 1_110_000_000.5, "persentase": 89.02},               # TOT, CAP006
        {"baris": "Total", "uraian": "Total", "pagu": 1_246_912_679, "realisasi": 1_110_000_000.5,
         "persentase": 0},
    ]
    path = make_workbook(tmp_path / "angka.xlsx", identitas={"skala": "Kustom"},
                         tabel=tabel, lampiran=lampiran, pengukuran=pengukuran,
                         keuangan=keuangan)
    return _custom_scale(path)


def structure_workbook(tmp_path: Path) -> Path:
    """Sheets that cannot be read: missing, hidden, without header, without a required
    column, with a duplicate column; a blank required identity value."""
    path = make_workbook(tmp_path / "struktur.xlsx", identitas={"nama_instansi": None},
                         omit=(SHEET_BUDGET,),
                         tabel=[{"kode_indikator": "IK-1", 2019: 5}])
    replace_sheet(path, SHEET_PK, [["Perjanjian Kinerja"], ["lain", "lagi"]])
    replace_sheet(path, SHEET_MEASUREMENT, [
        [], [], ["Kode Indikator", "Indikator Kinerja", "Target", "Capaian", "Capaian (%)"],
        ["IK-1", "x", 1, 2, 3]])
    wb = openpyxl.load_workbook(path)
    wb[SHEET_RPJMD].sheet_state = "hidden"
    wb.save(path)
    return path


def _findings(tmp_path: Path) -> list[Finding]:
    found: list[Finding] = []
    from tests.test_rules_efficiency import kesehatan
    from tests.test_rules_polarity import ratio_workbook

    # EFF001 (a stated efficiency matching neither reading), CAP008 (a ratio without polarity)
    efficiency = kesehatan(tmp_path / "efisiensi.xlsx", program_eff=1.2, indicator_eff="0,90",
                           measurement_eff=12.5)
    ratio = ratio_workbook(tmp_path / "rasio.xlsx", "", 105.26)
    # CAP009 (a capaian capped by Batas Capaian), INP024 (a custom scale with gaps);
    # CMP001-CMP007: the comparisons across years, end target and national standard
    from tests.test_conventions import INTEGER_EDGES, _custom, capped_report
    from tests.test_rules_comparisons import workbook as comparison_workbook

    capped = capped_report(tmp_path, batas_capaian="Maks. 120")
    (tmp_path / "skala").mkdir()
    gaps = _custom(tmp_path / "skala", INTEGER_EDGES, 90.5, "Tinggi")
    comparisons = [
        comparison_workbook(tmp_path / "perbandingan1.xlsx", **{
            "perbandingan.0.2018": 76.51, "perbandingan.2.tren": "Naik",
            "perbandingan.1.progres": 20.5, "perbandingan.0.target_akhir": 88.25,
            "pengukuran.2.target": 95.5, "perbandingan.2.capaian_standar": 131.43,
            "perbandingan.0.cara_hitung": "Rata-rata"}),
        comparison_workbook(tmp_path / "perbandingan2.xlsx", years=(2016, 2017, 2018, 2020),
                            **{"perbandingan.1.2017": None, "perbandingan.0.2020": 83.25,
                               "perbandingan.1.target_akhir": 75.5}),
    ]
    for path in (*EXAMPLES, _messy(tmp_path), numbers_workbook(tmp_path),
                 structure_workbook(tmp_path), efficiency, ratio, capped, gaps, *comparisons):
        found += check_report(read_report(path), Config())
    # INP015: a sheet over the row limit
    seed = read_report(EXAMPLES[0], limits=Limits(max_rows=30))
    found += check_report(seed, Config(select=("INP015",)))
    return found


def _workbook_texts(path: str) -> list[str]:
    """Every text the workbook holds that has a letter in it (a Sumber 'Bab III 3.2', a name),
    longest first: a message may quote them as typed."""
    wb = openpyxl.load_workbook(path, read_only=True)
    texts = {v.strip() for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
             for v in row if isinstance(v, str) and re.search(r"[A-Za-z]", v)}
    wb.close()
    return sorted(texts, key=len, reverse=True)


_TEXTS: dict[str, list[str]] = {}


@pytest.fixture(scope="module")
def every_finding(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    found = _findings(tmp_path_factory.mktemp("angka"))
    for f in found:
        if f.file not in _TEXTS:
            _TEXTS[f.file] = _workbook_texts(f.file)
    return found


def test_every_rule_fires(every_finding: list[Finding]) -> None:
    missing = {r.code for r in all_rules()} - {f.code for f in every_finding}
    assert not missing, f"add a workbook that makes these rules fire: {sorted(missing)}"


def _unquoted(f: Finding, lang: str) -> str:
    text = f.message(lang)
    quoted = [v for k, v in f.params
              if k in QUOTED and k not in NUMERIC_PARAMS and isinstance(v, str) and v]
    for value in [*quoted, *_TEXTS.get(f.file, ())]:
        text = text.replace(value, "\u00ab\u00bb")
    return text


def test_no_english_number_in_an_indonesian_message(every_finding: list[Finding]) -> None:
    bad = [(f.code, f.message_key, f.location, _unquoted(f, "id")) for f in every_finding
           if ENGLISH_NUMBER.search(_unquoted(f, "id"))]
    assert bad == []


def test_english_messages_keep_the_decimal_point(every_finding: list[Finding]) -> None:
    decimals = [f for f in every_finding if re.search(r"\d,\d\d\b", _unquoted(f, "id"))]
    assert len(decimals) >= 20  # the workbooks above do produce decimal figures
    for f in decimals:
        assert not re.search(r"\d,\d\d(?!\d)", _unquoted(f, "en")) or re.search(
            r"\d\.\d", _unquoted(f, "en")), (f.code, f.message("en"))


def test_xtb002_lists_the_statements_the_indonesian_way(every_finding: list[Finding]) -> None:
    (f,) = [f for f in every_finding if f.code == "XTB002" and "IK-5" in f.message()]
    assert "Bab III 3.2 (1) Pengukuran Kinerja Kegiatan: 95,12 (Pengukuran Kinerja!H5)" \
        in f.message("id")
    assert "Bab III 3.2 (1) Pengukuran Kinerja Kegiatan: 95.12 (Pengukuran Kinerja!H5)" \
        in f.message("en")


def test_band_limits_and_fractions_are_localised(every_finding: list[Finding]) -> None:
    kat = [f for f in every_finding if f.code == "KAT003"]
    assert any("\u226587,5" in f.message() or ">=87,5 Sangat Baik" in f.message() for f in kat)
    frac = [f for f in every_finding if f.message_key == "rule.CAP001.fraction"]
    assert frac and all("93,21" in f.message() for f in frac), [f.message() for f in frac]

