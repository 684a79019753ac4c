"""Reading the optional Perbandingan sheet (issue 14): year-headed realisation columns,
end-of-period target, national standard, Cara Hitung and Tren; a workbook without it is fine."""

from __future__ import annotations

from pathlib import Path

from lkjip_xl.schema import Accumulation, Trend

from .builders import check, make_workbook, replace_sheet, report, simple_indicator_rows


def _rows(**extra):
    row = {"kode_indikator": "IK-1", "indikator": "Indikator uji", "satuan": "Org",
           2017: 80, 2018: 85.5, "target_akhir": 100, "standar_nasional": 95,
           "sumber_standar": "Permenkes 4/2019", "cara_hitung": "Kumulatif", "tren": "Naik",
           "progres": 42.5, "capaian_standar": 94.74, "keterangan": "catatan"}
    row.update(extra)
    return [row]


def test_reads_every_column_and_the_years(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "a.xlsx", **simple_indicator_rows(),
                         perbandingan=_rows(), perbandingan_years=(2017, 2018))
    rep = report(path)
    assert rep.comparison_years == (2017, 2018)
    (row,) = rep.comparisons
    assert row.code == "IK-1"
    assert {y: c.value for y, c in row.realisasi_by_year.items()} == {2017: 80, 2018: 85.5}
    assert row.realisasi_for(2018).ref.address == "E4"
    assert row.target_akhir.value == 100 and row.standar_nasional.value == 95
    assert row.sumber_standar.text == "Permenkes 4/2019"
    assert row.accumulation is Accumulation.CUMULATIVE and row.trend is Trend.UP
    assert row.progres.value == 42.5 and row.capaian_standar.value == 94.74
    assert rep.comparison("ik-1") is row and rep.comparison("IK-9") is None
    assert not rep.problems


def test_workbook_without_the_sheet_has_no_rows_and_no_noise(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "a.xlsx", **simple_indicator_rows())
    with_sheet = make_workbook(tmp_path / "b.xlsx", **simple_indicator_rows(),
                               perbandingan=_rows(), perbandingan_years=(2017, 2018))
    rep = report(path)
    assert rep.comparisons == () and rep.comparison_years == ()
    assert "Perbandingan" not in rep.sheet_names
    assert not [p for p in rep.problems if p.sheet == "Perbandingan"]
    # the sheet adds no reading finding of its own
    assert check(path) == [f for f in check(with_sheet) if not f[0].startswith("CMP")]


def test_blank_cara_hitung_is_latest_value_and_unknown_trend_is_none(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "a.xlsx", **simple_indicator_rows(),
                         perbandingan=_rows(cara_hitung=None, tren="naik-turun"),
                         perbandingan_years=(2017, 2018))
    (row,) = report(path).comparisons
    assert row.accumulation is Accumulation.LATEST
    assert row.trend is None


def test_year_headers_as_people_write_them(tmp_path: Path) -> None:
    """'Realisasi Tahun 2017', 'Th. 2018', and bare years under a merged 'Realisasi' title;
    a 'Target 2019' column is not a realisation."""
    path = make_workbook(tmp_path / "a.xlsx", **simple_indicator_rows())
    grid = [
        ["Perbandingan Kinerja Antar Tahun"],
        [],
        ["Kode Indikator", "Indikator", "Realisasi Tahun 2017", "Th. 2018", "Target 2019",
         "Target Akhir Periode"],
        ["IK-1", "Indikator uji", 70, 75, 90, 100],
    ]
    import openpyxl

    wb = openpyxl.load_workbook(path)
    wb.create_sheet("Perbandingan Kinerja")
    wb.save(path)
    replace_sheet(path, "Perbandingan Kinerja", grid)
    rep = report(path)
    assert rep.comparison_years == (2017, 2018)
    assert rep.comparisons[0].target_akhir.value == 100

    merged = [
        ["Perbandingan"],
        ["Kode Indikator", "Indikator", "Realisasi", None, "Target Akhir Periode"],
        [None, None, 2017, 2018, None],
        ["IK-1", "Indikator uji", 70, 75, 100],
    ]
    replace_sheet(path, "Perbandingan Kinerja", merged)
    rep = report(path)
    assert rep.comparison_years == (2017, 2018)
    assert {y: c.value for y, c in rep.comparisons[0].realisasi_by_year.items()} == {
        2017: 70, 2018: 75}


def test_number_hygiene_covers_the_sheet(tmp_path: Path) -> None:
    """A realisation typed as text is INP001, a range where one realisation is needed is
    INP003; a range Target Akhir Periode is legitimate (as on Tabel VI.1)."""
    path = make_workbook(tmp_path / "a.xlsx", **simple_indicator_rows(),
                         perbandingan=[{**_rows()[0], 2017: "80,5", 2018: "85-86",
                                        "target_akhir": "95-100"}],
                         perbandingan_years=(2017, 2018))
    found = [f for f in check(path) if f[1].startswith("Perbandingan")
             and f[0].startswith("INP")]
    assert found == [("INP001", "Perbandingan!D4"), ("INP003", "Perbandingan!E4")]


def test_a_sheet_of_that_name_that_is_not_the_table_is_left_alone(tmp_path: Path) -> None:
    """A report's own sheet called 'Perbandingan' (notes, a chart) is not the table: no
    reading problem; a header with the table's columns but no Kode Indikator is reported."""
    import openpyxl

    path = make_workbook(tmp_path / "a.xlsx", **simple_indicator_rows())
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("Perbandingan")
    wb.save(path)
    replace_sheet(path, "Perbandingan", [["Catatan perbandingan dengan kabupaten lain"],
                                         ["Kabupaten A lebih tinggi", 12]])
    assert check(path) == check(make_workbook(tmp_path / "b.xlsx", **simple_indicator_rows()))
    replace_sheet(path, "Perbandingan", [[], [], ["Indikator", "Satuan", "Realisasi 2017",
                                                  "Target Akhir Periode", "Cara Hitung"]])
    assert ("INP008", "Perbandingan!A3") in check(path)
