"""The reader builds each table a column at a time (`report_reader._table`); its uncommon
cells (merged, error values, formulas without a value, Excel's percent format, text or
booleans in a numeric column, ragged rows, rows only the XML scan knows) go through the
one-cell read `_Context.cell`. These tests hold the columnar build to the reader it replaced,
which read every cell of every table through `_Context.cell`, row by row: the same Report,
with the same reading problems in the same order, on generated sheets full of odd values.
"""

from __future__ import annotations

import datetime
import gc
from dataclasses import FrozenInstanceError
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_xl.model import (
    BLANK,
    BudgetRow,
    Cell,
    CellRef,
    ComparisonRow,
    PkRow,
    make_cells,
    make_rows,
)
from lkjip_xl.numbers import EMPTY, Number, NumberSource, make_number, make_numbers, parse_number
from lkjip_xl.reading import report_reader
from lkjip_xl.reading.opening import RawSheet, RawWorkbook
from lkjip_xl.reading.report_reader import build_report
from lkjip_xl.schema import (
    BUDGET_TABLE,
    COMPARISON_TABLE,
    MEASUREMENT_TABLE,
    PK_TABLE,
    RPJMD_TABLE,
    SHEET_BUDGET,
    SHEET_COMPARISON,
    SHEET_IDENTITY,
    SHEET_MEASUREMENT,
    SHEET_PK,
    SHEET_RPJMD,
    TableSpec,
)

# --- the reference: every cell through _Context.cell, row by row ------------------------------


def _reference_table(ctx, sheet, layout, spec: TableSpec):
    """What the reader did before the columnar build: visit each row from the first data row
    to the last (`_last_row`), skip one blank in every table column unless the XML scan has
    an error or formula there, and read each cell with `_Context.cell` in column order. Year
    cells are left to the caller (None), which read each with `_Context.cell` too."""
    kinds = {c.key: c.kind for c in spec.columns}
    cols = sorted(layout.columns.items(), key=lambda kv: kv[1])
    every_col = [c for _, c in cols] + list(layout.years.values())
    meta = ctx.raw.meta
    rows: list[int] = []
    columns: dict[str, list[Cell]] = {key: [] for key, _ in cols}
    years = [(year, c, []) for year, c in sorted(layout.years.items())]
    for r in range(layout.first_data_row, report_reader._last_row(ctx, sheet) + 1):
        blank = all(report_reader._value_at(sheet, r, c) is None for c in every_col)
        has_meta = any(
            meta.error_at(sheet.name, CellRef(sheet.name, r, c).address)
            or meta.formula_at(sheet.name, CellRef(sheet.name, r, c).address) is not None
            for c in every_col)
        if blank and not has_meta:
            continue
        rows.append(r)
        for key, c in cols:
            columns[key].append(ctx.cell(sheet, r, c, kinds[key],
                                         key in report_reader._WORDS_OK))
        for _, _, cells in years:
            cells.append(None)
    return report_reader._Table(rows, columns, years)


def _reference_rows(cls, n: int, columns: dict):
    """Each row through its class's constructor (what `model.make_rows` stands for)."""
    return [cls(**{key: column[i] for key, column in columns.items()}) for i in range(n)]


def reference_report(raw: RawWorkbook):
    with mock.patch.object(report_reader, "_table", _reference_table), \
            mock.patch.object(report_reader, "make_rows", _reference_rows):
        return build_report(raw)


# --- generated workbooks ------------------------------------------------------------------------

ODD = [None, "", "  ", "\u00a0", "-", "Indikator", "Program", "Kegiatan", "Jumlah", "Total",
       "Rata-rata", "Kelompok", "Rincian", "Positif", "Negatif", "naik", "Target RPJMD",
       "Tahun Lalu", "entah", "WTP", "Baik", "n/a", "1:40", "Level 3", "\u2265 80 %", "1.234,5",
       "93,055", "80-90", "12 %", "Rp 1.500", "(37.428)", "#DIV/0!", "#N/A", True, False,
       float("nan"), float("inf"), -0.0, 0, 0.0, 1, 100.0, datetime.date(2024, 1, 31),
       datetime.datetime(2024, 1, 31, 12, 0)]
VALUES = st.one_of(
    st.sampled_from(ODD),
    st.integers(-10**6, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
    st.text(alphabet="0123456789.,% -abRp", max_size=8),
)
COLUMN_STYLES = {
    "odd": VALUES,
    "numbers": st.one_of(st.sampled_from(["", "", 0, -0.0, 100.0]), st.integers(-10**6, 10**12),
                         st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15,
                                   max_value=1e15)),
    "texts": st.sampled_from(["", "Program", "Kegiatan", "Indikator", "Positif", "entah",
                              "Target PK"]),
    "blank": st.just(""),
}
TABLES = [(SHEET_RPJMD, RPJMD_TABLE, "{}"), (SHEET_PK, PK_TABLE, None),
          (SHEET_MEASUREMENT, MEASUREMENT_TABLE, None), (SHEET_BUDGET, BUDGET_TABLE, None),
          (SHEET_COMPARISON, COMPARISON_TABLE, "Realisasi {}")]


@st.composite
def sheets(draw, name: str, spec: TableSpec, year_header: str | None) -> tuple[RawSheet, dict]:
    """A table sheet: title rows, a header (the required columns, some others, shuffled,
    perhaps a duplicate, perhaps year columns), then data rows of odd values, ragged."""
    required = [c.header for c in spec.columns if c.required]
    others = draw(st.lists(st.sampled_from([c.header for c in spec.columns if not c.required]),
                           unique=True, max_size=len(spec.columns)))
    header: list[object] = draw(st.permutations(required + others))
    if draw(st.booleans()) and others:
        header.append(others[0])  # a duplicate column
    if year_header is not None:
        header += [year_header.format(y) for y in range(2021, 2021 + draw(st.integers(0, 3)))]
    width = len(header)
    grid: list[list[object]] = [["Judul"] + [""] * draw(st.integers(0, 2))
                                for _ in range(draw(st.integers(0, 2)))]
    grid.append(header)
    # Each column's values: odd ones, or those of the columnar build's fast paths (finite
    # numbers and blanks, texts and blanks, every cell blank).
    styles = draw(st.lists(st.sampled_from(list(COLUMN_STYLES)), min_size=width,
                           max_size=width))
    for _ in range(draw(st.integers(0, 9))):
        row = [draw(COLUMN_STYLES[style]) for style in styles]
        grid.append(row[:draw(st.integers(0, width))] if draw(st.integers(0, 4)) == 0 else row)
    height = len(grid)

    def address(r: int, c: int) -> str:
        return CellRef(name, r, c).address

    cell_at = st.tuples(st.integers(1, height + 3), st.integers(1, width + 1))
    errors = {address(*rc): "#REF!" for rc in draw(st.lists(cell_at, max_size=3))}
    formulas = {address(*rc): "SUM(G4:G9)" for rc in draw(st.lists(cell_at, max_size=3))}
    percent = {address(*rc) for rc in draw(st.lists(cell_at, max_size=4))}
    merged = tuple(
        (r, c, r + dr, c + dc)
        for (r, c), dr, dc in draw(st.lists(st.tuples(cell_at, st.integers(0, 2),
                                                      st.integers(0, 1)), max_size=2))
        if dr or dc)
    sheet = RawSheet(name, grid, visible=draw(st.booleans()), merged=merged,
                     truncated=draw(st.integers(0, 9)) == 0)
    return sheet, {"errors": errors, "formulas": formulas, "percent": percent}


@st.composite
def workbooks(draw) -> RawWorkbook:
    raw = RawWorkbook(Path("generated.xlsx"))
    raw.sheets[SHEET_IDENTITY] = RawSheet(SHEET_IDENTITY, [
        ["Nama Instansi", "Dinas Contoh"], ["Tahun", 2024], ["Periode Awal", 2021],
        ["Periode Akhir", 2026]])
    for name, spec, year_header in TABLES:
        if name == SHEET_COMPARISON and draw(st.booleans()):
            continue  # an optional sheet
        sheet, meta = draw(sheets(name, spec, year_header))
        raw.sheets[name] = sheet
        for kind in ("errors", "formulas", "percent"):
            if meta[kind]:
                getattr(raw.meta, kind)[name] = meta[kind]
    return raw


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(workbooks())
def test_columnar_build_reads_every_cell_as_the_one_cell_read(raw: RawWorkbook) -> None:
    report = build_report(raw)
    expected = reference_report(raw)
    assert report.problems == expected.problems  # the same problems, in the same order
    assert report == expected


def test_uncommon_cells_keep_their_reading() -> None:
    """One row with each kind of uncommon cell: what each becomes, and the problem order."""
    header = [c.header for c in PK_TABLE.columns]
    col = {c.key: i for i, c in enumerate(PK_TABLE.columns)}
    row: list[object] = [""] * len(header)
    row[col["baris"]] = "Kegiatan"
    row[col["sasaran"]] = ""  # under a merged Sasaran: the merge's first cell
    row[col["target"]] = "1.234,5"  # a number written as text
    row[col["realisasi"]] = 0.9305  # a number in Excel's percent format
    row[col["capaian"]] = "#DIV/0!"
    first = ["Kegiatan"] + [""] * (len(header) - 1)
    first[col["sasaran"]] = "Sasaran Bersama"
    grid = [header, first, row, [""] * 3]  # a ragged last row, blank
    anggaran = CellRef(SHEET_PK, 3, col["anggaran"] + 1).address
    below = CellRef(SHEET_PK, 6, col["anggaran"] + 1).address  # a row calamine left out
    sasaran = col["sasaran"] + 1
    raw = RawWorkbook(Path("x.xlsx"), {SHEET_PK: RawSheet(
        SHEET_PK, grid, merged=((2, sasaran, 3, sasaran),))})
    raw.meta.errors[SHEET_PK] = {anggaran: "#VALUE!"}
    raw.meta.formulas[SHEET_PK] = {below: "SUM(K2:K3)"}
    raw.meta.percent[SHEET_PK] = {CellRef(SHEET_PK, 3, col["realisasi"] + 1).address}

    report = build_report(raw)
    assert report == reference_report(raw)
    assert [r.row for r in report.pk_rows] == [2, 3, 6]
    kegiatan = report.pk_rows[1]
    assert kegiatan.sasaran.raw == "Sasaran Bersama"
    assert kegiatan.sasaran.ref == CellRef(SHEET_PK, 3, sasaran)
    assert (kegiatan.target.value, kegiatan.target.number.source) == (1234.5, NumberSource.TEXT)
    assert kegiatan.realisasi.value == 93.05
    assert kegiatan.realisasi.number.source is NumberSource.PERCENT_FORMAT
    assert kegiatan.anggaran.raw == "#VALUE!"
    assert report.pk_rows[2].anggaran.number.source is NumberSource.FORMULA
    kinds = [(p.kind, p.cell) for p in report.problems if p.sheet == SHEET_PK]
    assert kinds == [
        ("number-as-text", CellRef(SHEET_PK, 3, col["target"] + 1).address),
        ("error-value", CellRef(SHEET_PK, 3, col["capaian"] + 1).address),
        ("error-value", anggaran),
        ("formula-no-value", below),
        ("unknown-role", CellRef(SHEET_PK, 6, 1).address),
    ]


def test_row_checks_remember_texts_but_read_any_value() -> None:
    """Roles, polarities and bases are parsed a column at a time, each text's parse
    remembered: values that cannot be remembered (unhashable, numbers) are parsed each time,
    with the problems in the reader's order."""
    header = [c.header for c in MEASUREMENT_TABLE.columns]
    col = {c.key: i for i, c in enumerate(MEASUREMENT_TABLE.columns)}
    grid: list[list[object]] = [header]
    for baris, polaritas, terhadap in (("Indikator", ["Positif"], "Target PK"),
                                       (["Indikator"], "Positif", 1.0),
                                       ("Indikator", True, ["x"]),
                                       ("entah", "naik", "Tahun Lalu")):
        row: list[object] = [""] * len(header)
        row[col["baris"]], row[col["polaritas"]], row[col["terhadap"]] = \
            baris, polaritas, terhadap
        row[col["kode_indikator"]] = "IK-1"
        grid.append(row)
    raw = RawWorkbook(Path("x.xlsx"), {SHEET_MEASUREMENT: RawSheet(SHEET_MEASUREMENT, grid)})
    for _ in range(2):  # the second time from what was remembered
        report = build_report(raw)
        assert report == reference_report(raw)
        assert [p.kind for p in report.problems if p.sheet == SHEET_MEASUREMENT] == [
            "unknown-basis", "unknown-polarity", "unknown-basis", "unknown-role"]
        assert [r.role for r in report.measurements][:3] == ["Indikator"] * 3


# --- the model's builders -----------------------------------------------------------------------


def test_make_cells_and_numbers_equal_the_constructors() -> None:
    values = [1.5, "teks", None, 7]
    numbers = [make_number(1.5, NumberSource.NUMBER), EMPTY, EMPTY,
               make_number(7.0, NumberSource.NUMBER)]
    cells = make_cells("S", [4, 5, 6, 9], 3, values, numbers)
    assert cells == [Cell(CellRef("S", r, 3), v, n)
                     for r, v, n in zip([4, 5, 6, 9], values, numbers, strict=True)]
    assert [type(c) for c in cells] == [Cell] * 4
    assert [type(c.ref) for c in cells] == [CellRef] * 4
    assert cells[0].number == Number(1.5, NumberSource.NUMBER) == parse_number(1.5)
    assert make_numbers([2.0, -0.0], NumberSource.NUMBER) == [
        Number(2.0, NumberSource.NUMBER), Number(-0.0, NumberSource.NUMBER)]
    assert str(make_numbers([-0.0], NumberSource.NUMBER)[0].value) == "-0.0"


def test_shared_references_and_blank_cells_equal_the_constructors(monkeypatch) -> None:
    """A column's CellRefs and blank cells are shared across Reports: the same values as
    made afresh, for any rows (ascending or not, a row 0 or below made afresh), after the
    cache was cleared at its bound, and a list the caller may change without harm."""
    from lkjip_xl import model

    monkeypatch.setattr(model, "_SHARED_MAX", 16 * 40)  # rows below 40, cleared past 640
    monkeypatch.setattr(model, "_REFS", {})
    monkeypatch.setattr(model, "_BLANKS", {})
    monkeypatch.setattr(model, "_shared", 0)
    for rows in ([4, 5, 6], [9, 2, 30], [1], [], [0, 3], [-2], [39], [41, 7]):
        for col in (1, 3, 27):
            refs = list(model.cell_refs("Lampiran II", rows, col))
            assert refs == [CellRef("Lampiran II", r, col) for r in rows]
            assert [type(ref) for ref in refs] == [CellRef] * len(rows)
            blanks = model.blank_cells("Lampiran II", rows, col)
            assert blanks == [Cell(CellRef("Lampiran II", r, col)) for r in rows]
            assert [type(c) for c in blanks] == [Cell] * len(rows)
            assert all(c.number is EMPTY for c in blanks)
            blanks.clear()  # the caller's own list
            if rows == sorted(rows):  # the table's rows: the lowest and highest at the ends
                assert list(model.cell_refs("Lampiran II", rows, col, ascending=True)) == refs
                assert model.blank_cells("Lampiran II", rows, col, ascending=True) == [
                    Cell(ref) for ref in refs]
            assert model.blank_cells("Lampiran II", rows, col) == [
                Cell(CellRef("Lampiran II", r, col)) for r in rows]
    (first,) = model.cell_refs("Lampiran II", [39], 27)
    (again,) = model.cell_refs("Lampiran II", [39], 27)
    assert again is first  # shared
    assert model._shared <= 640
    for col in range(1, 40):  # more than the bound: cleared, then still right
        assert list(model.cell_refs("Keuangan", [38], col)) == [CellRef("Keuangan", 38, col)]
    assert model._shared <= 640


def test_make_rows_equals_the_constructor_and_refuses_unknown_fields() -> None:
    a = Cell(CellRef("Keuangan", 5, 1), "Program")
    b = Cell(CellRef("Keuangan", 6, 1), "Rincian")
    pagu = Cell(CellRef("Keuangan", 6, 4), 10.0, make_number(10.0, NumberSource.NUMBER))
    rows = make_rows(BudgetRow, 2, {"row": [5, 6], "role": [None, None], "baris": [a, b],
                                    "pagu": [BLANK, pagu], "program_row": [None, 5]})
    assert rows == [BudgetRow(row=5, role=None, baris=a),
                    BudgetRow(row=6, role=None, baris=b, pagu=pagu, program_row=5)]
    comparison = make_rows(ComparisonRow, 1, {"row": [3], "kode_indikator": [a]})[0]
    assert comparison == ComparisonRow(row=3, kode_indikator=a)
    assert comparison.realisasi_by_year == {}  # its own dict, from the default factory
    with pytest.raises(TypeError, match="no field 'pagu'"):
        make_rows(PkRow, 1, {"row": [1], "role": [None], "baris": [a], "pagu": [a]})
    with pytest.raises(TypeError, match="'baris'"):
        make_rows(PkRow, 1, {"row": [1], "role": [None]})


def test_cells_stay_immutable_equal_and_ordered() -> None:
    ref = CellRef("Lampiran II", 12, 10)
    assert (ref.address, str(ref)) == ("J12", "Lampiran II!J12")
    assert sorted([CellRef("B", 1, 2), CellRef("A", 9, 9), CellRef("B", 1, 1)]) == [
        CellRef("A", 9, 9), CellRef("B", 1, 1), CellRef("B", 1, 2)]
    cell = Cell(ref, " 95,5 ", parse_number("95,5"))
    assert (cell.text, cell.value, cell.is_blank) == ("95,5", 95.5, False)
    assert Cell(None) == BLANK and BLANK.is_blank and BLANK.number is EMPTY
    assert {cell: 1}[Cell(ref, " 95,5 ", parse_number("95,5"))] == 1
    for obj, name in ((ref, "row"), (cell, "raw"), (cell.number, "value")):
        with pytest.raises((AttributeError, FrozenInstanceError)):
            setattr(obj, name, 1)


def test_build_leaves_the_garbage_collector_as_it_found_it() -> None:
    raw = RawWorkbook(Path("x.xlsx"))
    assert gc.isenabled()
    build_report(raw)
    assert gc.isenabled()
    gc.disable()
    try:
        build_report(raw)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with mock.patch.object(report_reader, "_read_pk", side_effect=RuntimeError("boom")), \
            pytest.raises(RuntimeError):
        build_report(raw)
    assert gc.isenabled()
