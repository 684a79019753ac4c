"""Build small real workbooks for tests, in the standard layout (header row 3, data from 4).

Rows are dicts keyed by schema column keys (and int years for Tabel VI.1). Strings are written
as text cells, numbers as numeric cells, exactly like a person typing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lkjip_xl.config import Config
from lkjip_xl.engine import check_report
from lkjip_xl.model import Report
from lkjip_xl.reading import read_report
from lkjip_xl.schema import (
    BUDGET_TABLE,
    COMPARISON_TABLE,
    COMPARISON_YEAR_HEADER,
    IDENTITY_FIELDS,
    MEASUREMENT_TABLE,
    PK_TABLE,
    RPJMD_TABLE,
    SHEET_BUDGET,
    SHEET_COMPARISON,
    SHEET_IDENTITY,
    SHEET_MEASUREMENT,
    SHEET_PK,
    SHEET_RPJMD,
    TEMPLATE_HEADER_ROW,
    TableSpec,
)

DEFAULT_IDENTITY: dict[str, Any] = {
    "nama_instansi": "Dinas Uji",
    "pemerintah_daerah": "Kota Uji",
    "tahun": 2019,
    "periode_awal": 2016,
    "periode_akhir": 2021,
    "skala": "Skala 4",
    "rumus_negatif": "(2T-R)/T",
    "toleransi": 0,
    "desimal": 2,
}


def _headers(spec: TableSpec, years: tuple[int, ...] = ()) -> list[tuple[str, Any]]:
    cols: list[tuple[str, Any]] = []
    for col in spec.columns:
        if col.key == "kondisi_akhir":
            cols.extend((str(y), y) for y in years)
        if col.key == "target_akhir":  # Perbandingan: 'Realisasi 2021' ...
            cols.extend((str(y), COMPARISON_YEAR_HEADER.format(year=y)) for y in years)
        cols.append((col.key, col.header))
    return cols


def _write_table(ws, spec: TableSpec, rows: list[dict[str, Any]], years: tuple[int, ...] = (),
                 percent_cells: tuple[tuple[int, str], ...] = ()) -> None:
    ws.cell(row=1, column=1, value=f"Tabel {ws.title}")
    headers = _headers(spec, years)
    for c, (_, header) in enumerate(headers, start=1):
        ws.cell(row=TEMPLATE_HEADER_ROW, column=c, value=header)
    index = {key: c for c, (key, _) in enumerate(headers, start=1)}
    for r, row in enumerate(rows, start=TEMPLATE_HEADER_ROW + 1):
        for key, value in row.items():
            col = index[str(key)]
            cell = ws.cell(row=r, column=col, value=value)
            if (r - TEMPLATE_HEADER_ROW - 1, str(key)) in percent_cells:
                cell.number_format = "0.00%"


def make_workbook(path: Path, *, identitas: dict[str, Any] | None = None,
                  tabel: list[dict[str, Any]] | None = None,
                  lampiran: list[dict[str, Any]] | None = None,
                  pengukuran: list[dict[str, Any]] | None = None,
                  keuangan: list[dict[str, Any]] | None = None,
                  perbandingan: list[dict[str, Any]] | None = None,
                  perbandingan_years: tuple[int, ...] = (),
                  percent_cells: dict[str, tuple[tuple[int, str], ...]] | None = None,
                  omit: tuple[str, ...] = ()) -> Path:
    """Write a workbook; `percent_cells[sheet]` lists (row index, key) given Excel % format.

    `perbandingan` (optional): rows of a Perbandingan sheet, whose int keys are the years of
    `perbandingan_years` ('Realisasi 2017' ... columns); without it there is no such sheet."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ident = {**DEFAULT_IDENTITY, **(identitas or {})}
    pct = percent_cells or {}
    if SHEET_IDENTITY not in omit:
        ws = wb.create_sheet(SHEET_IDENTITY)
        ws["A1"] = "Identitas"
        labels = {f.key: f.header for f in IDENTITY_FIELDS}
        for r, (key, value) in enumerate(ident.items(), start=3):
            if key in labels:
                ws.cell(row=r, column=1, value=labels[key])
                ws.cell(row=r, column=2, value=value)
    start, end = int(ident.get("periode_awal") or 2016), int(ident.get("periode_akhir") or 2021)
    years = tuple(range(start + 1, end + 1))
    for name, spec, rows in (
        (SHEET_RPJMD, RPJMD_TABLE, tabel),
        (SHEET_PK, PK_TABLE, lampiran),
        (SHEET_MEASUREMENT, MEASUREMENT_TABLE, pengukuran),
        (SHEET_BUDGET, BUDGET_TABLE, keuangan),
    ):
        if name in omit:
            continue
        ws = wb.create_sheet(name)
        _write_table(ws, spec, rows or [], years if name == SHEET_RPJMD else (),
                     pct.get(name, ()))
    if perbandingan is not None and SHEET_COMPARISON not in omit:
        ws = wb.create_sheet(SHEET_COMPARISON)
        _write_table(ws, COMPARISON_TABLE, perbandingan, perbandingan_years,
                     pct.get(SHEET_COMPARISON, ()))
    wb.save(path)
    return path


def check(path: Path, code: str | None = None, config: Config | None = None
          ) -> list[tuple[str, str]]:
    """Sorted (code, Sheet!Cell) of the findings, of one rule when `code` is given."""
    report = read_report(path)
    cfg = config or Config()
    if code:
        cfg = cfg.merged(select=(code,))
    return sorted((f.code, f.location) for f in check_report(report, cfg))


def findings(path: Path, code: str | None = None, config: Config | None = None):
    cfg = config or Config()
    if code:
        cfg = cfg.merged(select=(code,))
    return check_report(read_report(path), cfg)


def report(path: Path) -> Report:
    return read_report(path)


def simple_indicator_rows(code: str = "IK-1", target: Any = 100, realisasi: Any = 90,
                          polaritas: str = "Positif", satuan: str = "Org") -> dict[str, list]:
    """A consistent one-indicator workbook's rows: Tabel VI.1, Lampiran II, Pengukuran."""
    return {
        "tabel": [{"kode_indikator": code, "indikator": "Indikator uji", "satuan": satuan,
                   "polaritas": polaritas, "kondisi_awal": target, 2017: target, 2018: target,
                   2019: target, 2020: target, 2021: target, "kondisi_akhir": target}],
        "lampiran": [
            {"baris": "Indikator", "kode_indikator": code, "sasaran": "Sasaran uji",
             "indikator": "Indikator uji", "target": target, "satuan": satuan},
        ],
        "pengukuran": [
            {"baris": "Indikator", "kode_indikator": code, "indikator": "Indikator uji",
             "satuan": satuan, "target": target, "realisasi": realisasi, "sumber": "Bab III"},
        ],
    }


def cell_address(sheet: str, index: int, key: str | int,
                 identitas: dict[str, Any] | None = None,
                 perbandingan_years: tuple[int, ...] = ()) -> str:
    """'Sheet!G5': where `make_workbook` writes row `index` (0-based) of `sheet`, column `key`
    (a schema column key, or an int year on Tabel VI.1, whose year columns follow the
    identitas' period, or on Perbandingan, whose year columns are `perbandingan_years`)."""
    from lkjip_xl.model import column_letter

    specs = {SHEET_RPJMD: RPJMD_TABLE, SHEET_PK: PK_TABLE, SHEET_MEASUREMENT: MEASUREMENT_TABLE,
             SHEET_BUDGET: BUDGET_TABLE, SHEET_COMPARISON: COMPARISON_TABLE}
    ident = {**DEFAULT_IDENTITY, **(identitas or {})}
    start, end = int(ident.get("periode_awal") or 2016), int(ident.get("periode_akhir") or 2021)
    years = tuple(range(start + 1, end + 1)) if sheet == SHEET_RPJMD else perbandingan_years
    keys = [k for k, _ in _headers(specs[sheet], years)]
    col = keys.index(str(key)) + 1
    return f"{sheet}!{column_letter(col)}{TEMPLATE_HEADER_ROW + 1 + index}"


def measured_rows(capaian: Any = 90, kategori: str = "Sangat Berhasil") -> dict[str, list]:
    """One indicator (target 100, realisasi 90) served by one Kegiatan whose capaian is right,
    with the Pengukuran Kinerja row stating `capaian` and `kategori`: with the defaults the
    workbook is consistent everywhere (a Keuangan table too: no table is empty) and `check`
    finds nothing."""
    rows = simple_indicator_rows(target=100, realisasi=90)
    rows["keuangan"] = clean_keuangan()
    rows["pengukuran"][0]["capaian"] = capaian
    rows["pengukuran"][0]["kategori"] = kategori
    rows["lampiran"].append({"baris": "Kegiatan", "kode": "1", "kode_indikator": "IK-1",
                             "program_kegiatan": "Kegiatan uji", "target": 100,
                             "realisasi": 90, "satuan": "Org", "capaian": 90})
    return rows


def clean_keuangan() -> list[dict[str, Any]]:
    """A consistent Keuangan table (one group, one item): with it a workbook has no empty
    table (INP023)."""
    return [{"baris": "Kelompok", "uraian": "Belanja Langsung"},
            {"baris": "Rincian", "kode": "1", "uraian": "Belanja uji", "pagu": 1000,
             "realisasi": 900, "persentase": 90},
            {"baris": "Jumlah", "uraian": "Jumlah Belanja Langsung", "pagu": 1000,
             "realisasi": 900, "persentase": 90}]



def replace_sheet(path: Path, title: str, grid: list[list[Any]]) -> Path:
    """Replace sheet `title` of the workbook at `path` by a plain grid of values (rows of
    cells from A1), in the same place: a sheet as a person might have typed it."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    index = wb.sheetnames.index(title)
    del wb[title]
    ws = wb.create_sheet(title, index)
    for r, line in enumerate(grid, start=1):
        for c, value in enumerate(line, start=1):
            ws.cell(row=r, column=c, value=value)
    wb.save(path)
    return path
