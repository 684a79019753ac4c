"""The Ringkasan across years (issue 14): a per-indicator multi-year table and a native line
chart per indicator, only for a workbook with a Perbandingan sheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from lkjip_xl.cli import cli
from lkjip_xl.config import Config
from lkjip_xl.engine import check_report
from lkjip_xl.reading import read_report
from lkjip_xl.summary import build_summary

from .test_rules_comparisons import workbook


def summary_of(path: Path):
    report = read_report(path)
    return build_summary(report, check_report(report, Config()))


def test_the_table_holds_every_year_and_the_progress(tmp_path: Path) -> None:
    s = summary_of(workbook(tmp_path / "a.xlsx"))
    assert s.multiyear_years == (2016, 2017, 2018, 2019, 2020, 2021)
    ik1, ik2, ik3 = s.multiyear
    assert ik1.realisasi == (70.5, 73.2, 76.15, 78.6, None, None)
    assert ik1.targets == (None, 74, 77, 80, 83, 86)
    assert (ik1.end_target, ik1.end_year, ik1.progress, ik1.progress_stated) == (
        86, 2021, 91.4, True)
    assert ik1.trend == "Naik" and ik1.standard == 100 and ik1.capaian_standard == 78.6
    # cumulative: 12,5 + 13 + 14 = 39,5 of 70
    assert ik2.realisasi == (None, 12.5, 13, 14, None, None)
    assert (ik2.accumulation, ik2.progress_computed, ik2.to_date_formula) == (
        "Kumulatif", 56.43, "12.5 + 13 + 14")
    # negative: (2 x 85 - 92) / 85
    assert ik3.progress_computed == 91.76 and ik3.trend == "Turun"
    assert ik3.capaian_standard == 68.57


def test_a_blank_progress_is_computed_and_a_missing_year_is_named(tmp_path: Path) -> None:
    s = summary_of(workbook(tmp_path / "b.xlsx", **{"perbandingan.1.progres": None,
                                                    "perbandingan.0.progres": None}))
    ik1, ik2, _ = s.multiyear
    assert (ik1.progress, ik1.progress_stated) == (91.4, False)
    assert (ik2.progress, ik2.progress_stated) == (56.43, False)
    s = summary_of(workbook(tmp_path / "c.xlsx", **{"perbandingan.1.2017": None,
                                                    "perbandingan.1.progres": None}))
    ik2 = s.multiyear[1]
    assert ik2.progress is None and ik2.missing == (2017,)


def test_cumulative_end_target_from_the_yearly_targets(tmp_path: Path) -> None:
    s = summary_of(workbook(tmp_path / "d.xlsx", **{"perbandingan.1.target_akhir": None}))
    ik2 = s.multiyear[1]
    assert ik2.end_target == 70 and ik2.end_formula == "12 + 12 + 15 + 15 + 16"
    assert ik2.progress == 56.43


def test_no_perbandingan_no_multiyear_section(tmp_path: Path) -> None:
    s = summary_of(workbook(tmp_path / "e.xlsx", drop=True))
    assert s.multiyear == () and s.multiyear_years == ()


def _fixed(tmp_path: Path, path: Path) -> openpyxl.Workbook:
    out = tmp_path / "fixed.xlsx"
    result = CliRunner().invoke(cli, ["fix", str(path), "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


def test_the_corrected_workbook_has_the_table_and_a_line_chart_per_indicator(
        tmp_path: Path) -> None:
    wb = _fixed(tmp_path, workbook(tmp_path / "f.xlsx"))
    ws = wb["Ringkasan"]
    texts = [[c.value for c in row] for row in ws.iter_rows()]
    title = next(r for r, row in enumerate(texts, start=1)
                 if isinstance(row[0], str) and "Perbandingan antar tahun" in row[0])
    header = texts[title]  # the row below the section title
    assert header[:9] == ["Kode", "Indikator Kinerja", "Uraian", "2016", "2017", "2018",
                          "2019", "2020", "2021"]
    assert texts[title + 1][:7] == ["IK-1", texts[title + 1][1], "Realisasi", 70.5, 73.2,
                                    76.15, 78.6]
    assert texts[title + 2][2:9] == ["Target RPJMD", None, 74, 77, 80, 83, 86]
    lines = [c for c in ws._charts if c.tagname == "lineChart"]
    assert len(lines) == 3
    chart = lines[1]
    assert len(chart.series) == 2
    refs = [s.val.numRef.f for s in chart.series]
    row = title + 1 + 3 + 1  # IK-2's realisation row (IK-1 takes three rows)
    assert refs == [f"'Ringkasan'!$D${row}:$I${row}", f"'Ringkasan'!$D${row + 1}:$I${row + 1}"]
    assert chart.series[0].tx.strRef.f.replace("$", "") == f"'Ringkasan'!C{row}"
    cats = chart.series[0].cat.numRef or chart.series[0].cat.strRef
    assert cats.f == f"'Ringkasan'!$D${title + 1}:$I${title + 1}"


def test_an_indicator_with_one_year_gets_no_chart(tmp_path: Path) -> None:
    path = workbook(tmp_path / "g.xlsx", **{"perbandingan.1.2017": None,
                                            "perbandingan.1.2018": None,
                                            "perbandingan.1.progres": None})
    ws = _fixed(tmp_path, path)["Ringkasan"]
    assert len([c for c in ws._charts if c.tagname == "lineChart"]) == 2


def test_without_perbandingan_the_ringkasan_has_no_line_chart(tmp_path: Path) -> None:
    ws = _fixed(tmp_path, workbook(tmp_path / "h.xlsx", drop=True))["Ringkasan"]
    assert [c.tagname for c in ws._charts] == ["barChart"]
    assert not any(isinstance(c.value, str) and "Perbandingan antar tahun" in c.value
                   for row in ws.iter_rows() for c in row)
