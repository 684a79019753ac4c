"""Turn a workbook into a Report. Never raises on content: what it cannot understand becomes
a ReadingProblem that the rules report. Only a file that cannot be opened at all raises
WorkbookError.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from math import isfinite
from operator import itemgetter
from pathlib import Path
from typing import TypeVar

from ..model import (
    BLANK,
    DEFAULT_TOLERANCE,
    BudgetRow,
    Cell,
    CellRef,
    ComparisonRow,
    Identity,
    Indicator,
    MeasurementRow,
    PkRow,
    ProblemKind,
    ReadingProblem,
    Report,
    Scale,
    ScaleBand,
    Settings,
    blank_cells,
    column_letter,
    make_cells,
    make_rows,
)
from ..numbers import EMPTY, Number, NumberSource, make_numbers, parse_number, predicate
from ..scales import DEFAULT_SCALE, builtin_scale, is_custom
from ..schema import (
    BUDGET_TABLE,
    COMPARISON_TABLE,
    COMPARISON_YEAR_PREFIXES,
    IDENTITY_FIELDS,
    INPUT_SHEETS,
    MEASUREMENT_TABLE,
    OPTIONAL_SHEETS,
    PK_TABLE,
    RPJMD_TABLE,
    SCALE_TABLE,
    SHEET_ALIASES,
    SHEET_BUDGET,
    SHEET_COMPARISON,
    SHEET_IDENTITY,
    SHEET_MEASUREMENT,
    SHEET_PK,
    SHEET_RPJMD,
    Column,
    NegativeFormula,
    RowRole,
    TableSpec,
    negative_formula_label,
    normalise,
    normalise_text,
    parse_basis,
    parse_capping,
    parse_efficiency_method,
    parse_negative_formula,
    parse_polarity,
    parse_range_reading,
    parse_role,
)
from .limits import Limits
from .opening import RawSheet, RawWorkbook, open_workbook
from .tables import TableLayout, find_table, header_names

_T = TypeVar("_T")
NUMERIC_KINDS = ("number", "percent", "money")
_ROW_DIGITS = re.compile(r"\d+$")
# Columns where a value in words is a predicate ('WTP', 'Baik'), not a reading problem.
_WORDS_OK = frozenset({"target", "realisasi", "kondisi_awal", "kondisi_akhir", "target_akhir",
                       "standar_nasional"})
_TEXT_SOURCES_TO_REPORT = {
    NumberSource.TEXT: ProblemKind.NUMBER_AS_TEXT,
    NumberSource.AMBIGUOUS: ProblemKind.AMBIGUOUS_NUMBER,
    NumberSource.INVALID: ProblemKind.NOT_A_NUMBER,
}


def read_report(path: str | Path, *, limits: Limits | None = None) -> Report:
    """Read the workbook at `path` into a Report (raises WorkbookError if it cannot be opened)."""
    raw = open_workbook(path, limits, sheets=is_report_sheet)
    return build_report(raw)


def is_report_sheet(name: str) -> bool:
    """Whether a worksheet of this name is one the Report is built from (an input sheet, by
    its standard name or an alias): the others (Petunjuk, a fixed workbook's Ringkasan and
    Temuan, a user's own sheets) are surveyed like every part but their values not read."""
    return normalise(name) in _REPORT_SHEET_KEYS


_REPORT_SHEET_KEYS = frozenset(
    normalise(name) for standard in (*INPUT_SHEETS, *OPTIONAL_SHEETS)
    for name in (standard, *SHEET_ALIASES.get(standard, ())))


def read_identity(path: str | Path, *, limits: Limits | None = None) -> Identity:
    """Only the Identitas values of the workbook at `path` (agency, year, period): what a
    batch pairs its files by, read without the other sheets. The file passes the same safety
    checks as `read_report`; raises WorkbookError when it cannot be opened."""
    return _read_identity(_Context(_identity_sheet(path, limits)))[0]


# The Identitas fields a batch pairs its files by (`pairing.agency_key`, `Identity.year`).
PAIRING_FIELDS = frozenset({"nama_instansi", "pemerintah_daerah", "tahun"})


def read_pairing_identity(path: str | Path, *, limits: Limits | None = None) -> Identity:
    """`read_identity` with only the fields of `PAIRING_FIELDS` (the others blank): the same
    values, read the same way from the same cells, without the settings, the custom scale
    and the other fields, which nothing in the pairing looks at (and whose reading records
    problems but never raises)."""
    ctx = _Context(_identity_sheet(path, limits))
    sheet = ctx.sheet(SHEET_IDENTITY)
    return Identity(**_identity_values(ctx, sheet, PAIRING_FIELDS)) if sheet is not None \
        else Identity()


def _identity_sheet(path: str | Path, limits: Limits | None) -> RawWorkbook:
    from .opening import read_sheets

    names = {normalise(n) for n in (SHEET_IDENTITY, *SHEET_ALIASES.get(SHEET_IDENTITY, ()))}
    return read_sheets(Path(path), limits or Limits(), lambda name: normalise(name) in names)


def build_report(raw: RawWorkbook) -> Report:
    """Build the Report from sheets already read (also used by the Excel layer).

    The cyclic garbage collector is paused meanwhile (and left as it was found): the build
    makes several thousand objects that all live as long as the Report, and the collections
    their allocation would trigger (each walking the objects made so far, and every few files
    the whole heap) cost a quarter of the build. None of them is garbage; any cyclic garbage
    made meanwhile waits for the next collection."""
    if not gc.isenabled():
        return _build_report(raw)
    gc.disable()
    try:
        return _build_report(raw)
    finally:
        gc.enable()


def _build_report(raw: RawWorkbook) -> Report:
    ctx = _Context(raw)
    identity, settings, custom_scale = _read_identity(ctx)
    indicators, years = _read_rpjmd(ctx)
    comparisons, comparison_years = _read_comparisons(ctx)
    return Report(
        path=raw.path,
        sheet_names=dict(ctx.found),
        identity=identity,
        settings=settings,
        indicators=indicators,
        pk_rows=_read_pk(ctx),
        measurements=_read_measurements(ctx),
        budget_rows=_read_budget(ctx),
        comparisons=comparisons,
        comparison_years=comparison_years,
        problems=tuple(ctx.problems),
        custom_scale=custom_scale,
        rpjmd_years=years,
        header_rows=dict(ctx.header_rows),
    )


@dataclass(slots=True)
class _Context:
    raw: RawWorkbook
    found: dict[str, str] = field(default_factory=dict)  # standard name -> actual name
    problems: list[ReadingProblem] = field(default_factory=list)
    header_rows: dict[str, int] = field(default_factory=dict)
    _merged: dict[str, dict[tuple[int, int], tuple[int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_key = {normalise(name): name for name in self.raw.sheets}
        for standard in (*INPUT_SHEETS, *OPTIONAL_SHEETS):
            for candidate in (standard, *SHEET_ALIASES.get(standard, ())):
                actual = by_key.get(normalise(candidate))
                if actual is not None:
                    self.found[standard] = actual
                    break
            else:
                if standard not in OPTIONAL_SHEETS:
                    self.problem(ProblemKind.MISSING_SHEET, standard, "", standard)
                continue
            sheet = self.raw.sheets[self.found[standard]]
            if not sheet.visible:
                self.problem(ProblemKind.HIDDEN_SHEET, sheet.name, "", sheet.name)
            if sheet.truncated:
                self.problem(ProblemKind.TOO_LARGE, sheet.name, "", f"{len(sheet.rows)}+")

    def sheet(self, standard: str) -> RawSheet | None:
        actual = self.found.get(standard)
        return self.raw.sheets.get(actual) if actual else None

    def problem(self, kind: str, sheet: str, cell: str, detail: str = "", raw: object = None
                ) -> None:
        self.problems.append(ReadingProblem(kind, sheet, cell, detail, raw))

    def merged_origin(self, sheet: RawSheet, row: int, col: int) -> tuple[int, int]:
        """The top-left cell of the merged range holding (row, col), or the cell itself."""
        return self.merged_cells(sheet).get((row, col), (row, col))

    def merged_cells(self, sheet: RawSheet) -> dict[tuple[int, int], tuple[int, int]]:
        """Every cell of the sheet's merged ranges but their top-left one -> that one."""
        cache = self._merged.get(sheet.name)
        if cache is None:
            cache = {}
            for r1, c1, r2, c2 in sheet.merged:
                if (r2 - r1 + 1) * (c2 - c1 + 1) > 10_000:
                    continue  # a giant merge is decoration, not data
                for r in range(r1, r2 + 1):
                    for c in range(c1, c2 + 1):
                        if (r, c) != (r1, c1):
                            cache[(r, c)] = (r1, c1)
            self._merged[sheet.name] = cache
        return cache

    def cell(self, sheet: RawSheet, row: int, col: int, kind: str = "text",
             words_ok: bool = False) -> Cell:
        """The cell at (row, col), parsed for `kind`; problems are recorded as they are met.

        `words_ok` (target and realisation columns): a value in words ('WTP', 'Baik') is a
        predicate, a non-numeric target, not a reading problem. A ratio '1:40' is text by
        nature, not a number stored as text.

        The reading of one cell, the reference for the tables' columnar build (`_table`),
        which leaves to it every cell that is not a plain blank, text or finite number. The
        cell metadata (errors, formulas, percent formats) is looked up only for sheets that
        have any.
        """
        ref = CellRef(sheet.name, row, col)
        src_row, src_col = row, col
        if sheet.merged and kind not in NUMERIC_KINDS:
            # A merged text cell (a Sasaran spanning rows) belongs to every row it covers.
            src_row, src_col = self.merged_origin(sheet, row, col)
        value = _value_at(sheet, src_row, src_col)
        meta = self.raw.meta
        if value is None:
            if sheet.name in meta.errors or sheet.name in meta.formulas:
                return self._blank_with_meta(ref)
            return Cell(ref, None, EMPTY)
        if kind not in NUMERIC_KINDS:
            return Cell(ref, value, EMPTY)
        number = parse_number(value, percent_column=(kind == "percent"))
        if number.source is NumberSource.NUMBER:
            if sheet.name in meta.percent and meta.is_percent(sheet.name, ref.address):
                assert number.value is not None
                number = Number(round(number.value * 100, 10), NumberSource.PERCENT_FORMAT,
                                notes=("percent-format",))
            return Cell(ref, value, number)
        if number.source is NumberSource.ERROR:
            self.problem(ProblemKind.ERROR_VALUE, sheet.name, ref.address, str(value), value)
        elif number.prefix and number.source is NumberSource.TEXT:
            pass  # "1:40", "Level 3": text by nature, not a number stored as text
        elif words_ok and number.source is NumberSource.INVALID \
                and (words := predicate(value)) is not None:
            number = words
        elif number.source in _TEXT_SOURCES_TO_REPORT:
            self.problem(_TEXT_SOURCES_TO_REPORT[number.source], sheet.name, ref.address,
                         str(value), value)
        return Cell(ref, value, number)

    def _blank_with_meta(self, ref: CellRef) -> Cell:
        """A cell calamine reports blank: an error value or a formula without a value?"""
        meta, address = self.raw.meta, ref.address
        error = meta.error_at(ref.sheet, address)
        if error:
            self.problem(ProblemKind.ERROR_VALUE, ref.sheet, address, error, error)
            return Cell(ref, error, Number(None, NumberSource.ERROR, notes=(error,)))
        formula = meta.formula_at(ref.sheet, address)
        if formula is not None:
            self.problem(ProblemKind.FORMULA_NO_VALUE, ref.sheet, address, formula)
            return Cell(ref, None, Number(None, NumberSource.FORMULA, notes=(formula,)))
        return Cell(ref, None, EMPTY)


def _value_at(sheet: RawSheet, row: int, col: int) -> object:
    """The raw value, or None for a blank cell (calamine gives '' for blanks)."""
    if row - 1 >= len(sheet.rows):
        return None
    cells = sheet.rows[row - 1]
    if col - 1 >= len(cells):
        return None
    value = cells[col - 1]
    if value == "" or value is None:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


# --- Identitas ---------------------------------------------------------------------------

def _read_identity(ctx: _Context) -> tuple[Identity, Settings, Scale | None]:
    sheet = ctx.sheet(SHEET_IDENTITY)
    values: dict[str, Cell] = {}
    custom: Scale | None = None
    if sheet is not None:
        values = _identity_values(ctx, sheet)
        custom = _read_custom_scale(ctx, sheet)
    for col in IDENTITY_FIELDS:
        if col.required and (col.key not in values or values[col.key].is_blank):
            where = values[col.key].ref.address if col.key in values and values[col.key].ref else ""
            ctx.problem(ProblemKind.MISSING_VALUE, ctx.found.get(SHEET_IDENTITY, SHEET_IDENTITY),
                        where, col.header)
    identity = Identity(**values)
    return identity, _settings(ctx, identity, custom), custom


def _identity_values(ctx: _Context, sheet: RawSheet, only: frozenset[str] | None = None
                     ) -> dict[str, Cell]:
    """Each Identitas field's value: the cell right of its label's first row (in the first 80
    rows; a row holds one label, its first). With `only`, the other fields' cells are found
    but not read (`read_pairing_identity`)."""
    values: dict[str, Cell] = {}
    labels = _identity_labels()
    for r, row in enumerate(sheet.rows[:80], start=1):
        for c, value in enumerate(row, start=1):
            field_ = labels.get(normalise_text(value)) if isinstance(value, str) else None
            if field_ is None or field_.key in values:
                continue
            values[field_.key] = ctx.cell(sheet, r, c + 1, field_.kind) \
                if only is None or field_.key in only else BLANK
            break
    if only is not None:
        return {key: cell for key, cell in values.items() if key in only}
    return values


@lru_cache(maxsize=1)
def _identity_labels() -> dict[str, Column]:
    """Each normalised label of an Identitas field -> the field."""
    return {normalise(name): col for col in IDENTITY_FIELDS for name in col.names()}


def _read_custom_scale(ctx: _Context, sheet: RawSheet) -> Scale | None:
    layout = find_table(sheet.rows, SCALE_TABLE)
    if layout is None or layout.missing:
        return None
    bands: list[ScaleBand] = []
    for r in range(layout.first_data_row, len(sheet.rows) + 1):
        name = ctx.cell(sheet, r, layout.columns["kategori"])
        lower = ctx.cell(sheet, r, layout.columns["batas_bawah"], "number")
        if name.is_blank and lower.is_blank:
            continue
        if name.is_blank or lower.value is None:
            ctx.problem(ProblemKind.MISSING_VALUE, sheet.name, (name.ref or lower.ref).address,
                        "Kategori / Batas Bawah")
            continue
        inclusive = True
        if "termasuk" in layout.columns:
            flag = ctx.cell(sheet, r, layout.columns["termasuk"])
            inclusive = normalise(flag.raw) not in ("tidak", "no", "false", "0")
        upper = ctx.cell(sheet, r, layout.columns["batas_atas"], "number") \
            if "batas_atas" in layout.columns else BLANK
        bands.append(ScaleBand(name.text, lower.value, inclusive, upper.value,
                               lower.ref, upper.ref if upper.value is not None else None))
    if not bands:
        return None
    bands.sort(key=lambda b: (b.lower, not b.inclusive), reverse=True)
    return Scale("Kustom", tuple(bands))


def _settings(ctx: _Context, identity: Identity, custom: Scale | None) -> Settings:
    scale: Scale | None = None  # None: Identitas does not set it
    sheet_name = ctx.found.get(SHEET_IDENTITY, SHEET_IDENTITY)

    def bad(cell: Cell, label: str) -> None:
        ctx.problem(ProblemKind.UNKNOWN_SETTING, sheet_name,
                    cell.ref.address if cell.ref else "", f"{label}: {cell.text}", cell.raw)

    if not identity.skala.is_blank:
        if is_custom(identity.skala.raw):
            if custom is not None:
                scale = custom
            else:
                bad(identity.skala, "Skala Penilaian")
        else:
            found = builtin_scale(identity.skala.raw)
            if found is None:
                bad(identity.skala, "Skala Penilaian")
            else:
                scale = found
    formula = NegativeFormula.REFLECTED
    if not identity.rumus_negatif.is_blank:
        parsed = parse_negative_formula(identity.rumus_negatif.raw)
        if parsed is None:
            bad(identity.rumus_negatif, "Rumus Indikator Negatif")
        else:
            formula = parsed
    tolerance = DEFAULT_TOLERANCE
    if identity.toleransi.value is not None and identity.toleransi.value >= 0:
        tolerance = identity.toleransi.value
    elif not identity.toleransi.is_blank:
        bad(identity.toleransi, "Toleransi")
    decimals = 2
    d = identity.desimal.value
    if d is not None and d.is_integer() and 0 <= d <= 6:
        decimals = int(d)
    elif not identity.desimal.is_blank:
        bad(identity.desimal, "Desimal")
    settings = Settings(scale=DEFAULT_SCALE, tolerance=tolerance, decimals=decimals)
    return _conventions(settings, identity, scale, formula, bad)


def _conventions(settings: Settings, identity: Identity, scale: Scale | None,
                 formula: NegativeFormula, bad: Callable[[Cell, str], None]) -> Settings:
    """The conventions of Identitas: its Preset Konvensi, then each single setting."""
    from ..conventions import find_preset, with_preset, with_setting

    def where(cell: Cell) -> str:
        return str(cell.ref) if cell.ref is not None else "Identitas"

    if not identity.preset.is_blank:
        preset = find_preset(identity.preset.text)
        if preset is None:
            bad(identity.preset, "Preset Konvensi")
        else:
            settings = with_preset(settings, preset, where(identity.preset))
    if scale is not None:
        settings = with_setting(settings, "scale", scale, where(identity.skala))
    if not identity.rumus_negatif.is_blank and parse_negative_formula(
            identity.rumus_negatif.text) is not None:
        settings = with_setting(settings, "negative_formula", formula,
                                where(identity.rumus_negatif),
                                negative_formula_label=negative_formula_label(
                                    identity.rumus_negatif.text))
    for cell, key, label, parse in (
            (identity.batas_capaian, "capping", "Batas Capaian", parse_capping),
            (identity.target_rentang, "range_reading", "Target Rentang", parse_range_reading),
            (identity.metode_efisiensi, "efficiency_method", "Metode Efisiensi",
             parse_efficiency_method)):
        if cell.is_blank:
            continue
        value = parse(cell.text)
        if value is None:
            bad(cell, label)
        else:
            settings = with_setting(settings, key, value, where(cell))
    return settings


# --- tables ------------------------------------------------------------------------------

def _layout(ctx: _Context, standard: str, spec: TableSpec, *, with_years: bool = False,
            year_prefixes: tuple[str, ...] | None = None) -> tuple[RawSheet, TableLayout] | None:
    sheet = ctx.sheet(standard)
    if sheet is None:
        return None
    if year_prefixes is None:
        layout = find_table(sheet.rows, spec, with_years=with_years)
    else:
        layout = find_table(sheet.rows, spec, with_years=with_years,
                            year_prefixes=year_prefixes)
    if layout is None:
        if standard not in OPTIONAL_SHEETS:  # an optional sheet without the header: not ours
            ctx.problem(ProblemKind.MISSING_HEADER, sheet.name, "", header_names(spec))
        return None
    # Problems point at real cells: the duplicate header itself, or the header row's first cell
    # for a column that is not there.
    for name, col in layout.duplicates:
        ctx.problem(ProblemKind.DUPLICATE_COLUMN, sheet.name,
                    f"{column_letter(col)}{layout.header_row}", name)
    if layout.missing:
        for name in layout.missing:
            ctx.problem(ProblemKind.MISSING_COLUMN, sheet.name, f"A{layout.header_row}", name)
        return None
    ctx.header_rows[standard] = layout.header_row
    return sheet, layout


@dataclass(slots=True)
class _Table:
    """A table's non-blank data rows, a column at a time."""

    rows: list[int]  # the row numbers, ascending
    columns: dict[str, list[Cell]]  # key -> its cell in each row, in column order
    # (year, column, cells) in year order; a cell is None where it must be read by
    # `_Context.cell` when its row is visited (it may record a problem)
    years: list[tuple[int, int, list[Cell | None]]]


def _table(ctx: _Context, sheet: RawSheet, layout: TableLayout, spec: TableSpec) -> _Table:
    """Every non-blank data row of the table, a column at a time.

    The hot path of reading (a few thousand cells per workbook): the common cells, a blank, a
    text or a finite number, are built a column at a time (`model.make_cells`, the loops in
    C); every other cell (merged, an error or a formula without a value, a number in Excel's
    percent format, text in a numeric column) goes through `_Context.cell`, row by row and
    in column order, so the same problems are recorded in the same order as a reader that
    visits each cell in turn. Year columns (Tabel VI.1's targets, Perbandingan's
    realisations) are read as numbers whose words are predicates; their uncommon cells are
    left to the caller, which reads them with the rest of each row.
    """
    kinds = {c.key: c.kind for c in spec.columns}
    cols = sorted(layout.columns.items(), key=lambda kv: kv[1])
    every_col = [c for _, c in cols] + list(layout.years.values())
    name = sheet.name
    meta = ctx.raw.meta
    blank_meta = name in meta.errors or name in meta.formulas  # a blank may be an error
    # the cells where a blank is one: an error value or a formula without a value
    meta_at = {*meta.errors.get(name, ()), *meta.formulas.get(name, ())} if blank_meta else None
    first = layout.first_data_row
    last = _last_row(ctx, sheet)
    span: list[list[object] | tuple[()]] = list(sheet.rows[first - 1:last]) \
        if last >= first else []
    span.extend([()] * (last - first + 1 - len(span)))  # rows only the XML scan knows
    narrowest = min(map(len, span), default=0)
    values = {c: _column(span, c - 1, narrowest) for c in every_col}
    width = len(every_col)
    if width:
        keep = list(map(width.__ne__, map(tuple.count, zip(*(values[c] for c in every_col),
                                                           strict=True), repeat(None))))
    else:
        keep = [False] * len(span)
    if blank_meta:
        for j, kept in enumerate(keep):
            if not kept and _has_meta(ctx, sheet, first + j, every_col):
                keep[j] = True
    if not any(keep):
        return _Table([], {key: [] for key, _ in cols},
                      [(year, c, []) for year, c in sorted(layout.years.items())])
    if all(keep):
        rows = list(range(first, first + len(keep)))
    else:
        at = [j for j, kept in enumerate(keep) if kept]
        rows = [first + j for j in at]
        values = {c: list(map(v.__getitem__, at)) for c, v in values.items()}
    merged = ctx.merged_cells(sheet)
    merged_cols = {c for _, c in merged}  # the columns with a merged cell
    percent = meta.percent.get(name)
    slow: list[tuple[int, int, str, str, bool]] = []  # (index, column, key, kind, words_ok)
    columns: dict[str, list[Cell]] = {}
    for key, c in cols:
        kind = kinds[key]
        cells, uncommon = _column_cells(name, rows, c, values[c], kind, meta_at,
                                        merged if c in merged_cols else {}, percent)
        columns[key] = cells
        slow.extend((j, c, key, kind, key in _WORDS_OK) for j in uncommon)
    slow.sort()
    for j, c, key, kind, words_ok in slow:
        columns[key][j] = ctx.cell(sheet, rows[j], c, kind, words_ok)
    years: list[tuple[int, int, list[Cell | None]]] = []
    for year, c in sorted(layout.years.items()):
        cells, uncommon = _column_cells(name, rows, c, values[c], "number", meta_at, {},
                                        percent)
        year_cells: list[Cell | None] = list(cells)
        for j in uncommon:
            year_cells[j] = None
        years.append((year, c, year_cells))
    return _Table(rows, columns, years)


def _column(span: list[list[object] | tuple[()]], i: int, narrowest: int) -> list[object]:
    """Column `i` (0-based) of the rows in `span`, a blank (None, '', spaces only) as None."""
    raw = map(itemgetter(i), span) if i < narrowest \
        else (row[i] if i < len(row) else None for row in span)
    # not v.isspace(): not v.strip(), without making the stripped copy
    return [v if (k := v.__class__) is float or k is int or (k is str and v and not v.isspace())
            else (None if v is None or k is str else _nonblank(v))
            for v in raw]


def _nonblank(value: object) -> object:
    """`value`, or None when a reader would take it for a blank (`_value_at`)."""
    if value == "" or (isinstance(value, str) and not value.strip()):
        return None
    return value


def _column_cells(name: str, rows: list[int], c: int, values: list[object], kind: str,
                  meta_at: set[str] | None, merged: dict[tuple[int, int], tuple[int, int]],
                  percent: set[str] | None) -> tuple[list[Cell], list[int]]:
    """The common cells of column `c` (`values`: one per row of `rows`, None for a blank),
    and the indexes of the others, which `_Context.cell` must read (their place in the list
    holds a placeholder)."""
    uncommon: list[int] = []
    numbers: Iterable[Number]
    numeric = kind in NUMERIC_KINDS
    blanks = values.count(None)
    if blanks == len(values):  # an empty column (Keterangan, an optional one left blank)
        if merged and not numeric:
            uncommon = [j for j, r in enumerate(rows) if (r, c) in merged]
        if meta_at:
            uncommon = sorted({*uncommon, *_blanks_with_meta(values, rows, c, meta_at)})
        return blank_cells(name, rows, c, ascending=True), uncommon
    if numeric and percent is None and _PLAIN.issuperset(map(type, values)) \
            and all(map(isfinite, filter(None, values))):  # type: ignore[arg-type]
        # Finite numbers and blanks only (the common numeric column), the loops in C: each
        # blank's placeholder number becomes EMPTY.
        if blanks:
            numbers = list(map(_BLANK_NUMBER.get, values, make_numbers(
                map(float, map(_BLANK_ZERO.get, values, values)), NumberSource.NUMBER)))
            if meta_at:
                uncommon = _blanks_with_meta(values, rows, c, meta_at)
        else:
            numbers = make_numbers(map(float, values), NumberSource.NUMBER)  # type: ignore[arg-type]
        return make_cells(name, rows, c, values, numbers, ascending=True), uncommon
    if numeric:
        plain = [j for j, v in enumerate(values)
                 if ((k := v.__class__) is float or k is int) and isfinite(v)]  # type: ignore[arg-type]
        if percent is not None:  # a number in Excel's percent format is read as a percentage
            letter = column_letter(c)
            formatted = {j for j in plain if f"{letter}{rows[j]}" in percent}
            if formatted:
                plain = [j for j in plain if j not in formatted]
        if len(plain) + blanks != len(values):  # text, an error, a date, a boolean ...
            common = set(plain)
            uncommon = [j for j, v in enumerate(values) if v is not None and j not in common]
        if meta_at and blanks:
            uncommon.extend(_blanks_with_meta(values, rows, c, meta_at))
        numbers = [EMPTY] * len(values)
        for j, number in zip(plain, make_numbers([float(values[j]) for j in plain],  # type: ignore[arg-type]
                                                 NumberSource.NUMBER), strict=True):
            numbers[j] = number
    else:
        numbers = repeat(EMPTY)
        if merged:  # a merged text cell (a Sasaran spanning rows) belongs to every row
            uncommon = [j for j, r in enumerate(rows) if (r, c) in merged]
        if meta_at:
            uncommon = sorted({*uncommon, *_blanks_with_meta(values, rows, c, meta_at)})
    return make_cells(name, rows, c, values, numbers, ascending=True), uncommon


def _blanks_with_meta(values: list[object], rows: list[int], c: int, meta_at: set[str]
                      ) -> list[int]:
    """The blanks of column `c` where the XML scan found an error value or a formula without
    a value (`meta_at`: their addresses): `_Context.cell` reads them. The other blanks are
    common blank cells."""
    letter = column_letter(c)
    return [j for j, v in enumerate(values) if v is None and f"{letter}{rows[j]}" in meta_at]


_PLAIN = frozenset({float, int, type(None)})  # a column of these needs no `_Context.cell`
_BLANK_ZERO: dict[None, float] = {None: 0.0}  # .get(v, v): a blank as 0.0, a number as itself
_BLANK_NUMBER: dict[None, Number] = {None: EMPTY}  # .get(v, n): a blank's number EMPTY, else n


def _last_row(ctx: _Context, sheet: RawSheet) -> int:
    """The last row to visit. calamine leaves formulas without a cached value out of its grid,
    so rows holding only such cells at the bottom of a sheet are found from the XML scan."""
    if sheet.truncated:
        return len(sheet.rows)
    meta = ctx.raw.meta
    addresses = [*meta.errors.get(sheet.name, {}), *meta.formulas.get(sheet.name, {})]
    rows = [int(m.group()) for a in addresses if (m := _ROW_DIGITS.search(a))]
    return max([len(sheet.rows), *rows])


def _has_meta(ctx: _Context, sheet: RawSheet, row: int, cols: list[int]) -> bool:
    meta = ctx.raw.meta
    for c in cols:
        address = f"{column_letter(c)}{row}"
        if meta.error_at(sheet.name, address) or meta.formula_at(sheet.name, address) is not None:
            return True
    return False


def _unknown_role(ctx: _Context, baris: Cell) -> None:
    """The problem of a Baris cell that names no role the table allows."""
    ref = baris.ref
    assert ref is not None
    ctx.problem(ProblemKind.UNKNOWN_ROLE, ref.sheet, ref.address, baris.text, baris.raw)


def _read_rpjmd(ctx: _Context) -> tuple[tuple[Indicator, ...], tuple[int, ...]]:
    found = _layout(ctx, SHEET_RPJMD, RPJMD_TABLE, with_years=True)
    if found is None:
        return (), ()
    sheet, layout = found
    table = _table(ctx, sheet, layout, RPJMD_TABLE)
    kept: list[int] = []  # the rows that are not blank after all
    all_targets: list[tuple[tuple[int, Cell], ...]] = []
    columns = table.columns
    polarities = columns.get("polaritas")
    for j, r in enumerate(table.rows):
        targets = tuple((year, _year_cell(ctx, sheet, r, c, column[j]))
                        for year, c, column in table.years)
        if all(column[j].is_blank for column in columns.values()) \
                and all(t.is_blank for _, t in targets):
            continue
        if polarities is not None:
            _check_polarity(ctx, polarities[j])
        kept.append(j)
        all_targets.append(targets)
    indicators = make_rows(Indicator, len(kept), {
        "row": [table.rows[j] for j in kept], "targets": all_targets,
        **{key: [column[j] for j in kept] for key, column in columns.items()}})
    return tuple(indicators), tuple(sorted(layout.years))


def _year_cell(ctx: _Context, sheet: RawSheet, row: int, col: int, cell: Cell | None) -> Cell:
    """A year column's cell: the one `_table` built, or (None) read now."""
    return cell if cell is not None else ctx.cell(sheet, row, col, "number", True)


def _read_comparisons(ctx: _Context) -> tuple[tuple[ComparisonRow, ...], tuple[int, ...]]:
    """Perbandingan, when the workbook has it: realisation by year (found by the year in the
    header, 'Realisasi 2021'), end-of-period target, national standard. A workbook without
    the sheet gives no rows and no problem; so does a sheet of that name without the table's
    header (a report's own notes called 'Perbandingan'). A header that has some of the
    table's columns but not Kode Indikator is reported (missing column)."""
    found = _layout(ctx, SHEET_COMPARISON, COMPARISON_TABLE, with_years=True,
                    year_prefixes=COMPARISON_YEAR_PREFIXES)
    if found is None:
        return (), ()
    sheet, layout = found
    table = _table(ctx, sheet, layout, COMPARISON_TABLE)
    kept: list[int] = []  # the rows that are not blank after all
    all_years: list[dict[int, Cell]] = []
    columns = table.columns
    for j, r in enumerate(table.rows):
        by_year = {year: _year_cell(ctx, sheet, r, c, column[j])
                   for year, c, column in table.years}
        if all(column[j].is_blank for column in columns.values()) \
                and all(c.is_blank for c in by_year.values()):
            continue
        kept.append(j)
        all_years.append(by_year)
    rows = make_rows(ComparisonRow, len(kept), {
        "row": [table.rows[j] for j in kept], "realisasi_by_year": all_years,
        **{key: [column[j] for j in kept] for key, column in columns.items()}})
    return tuple(rows), tuple(sorted(layout.years))


def _check_polarity(ctx: _Context, polarity: Cell) -> None:
    """A Polaritas cell that is neither Positif nor Negatif is a reading problem."""
    if not polarity.is_blank and parse_polarity(polarity.raw) is None:
        assert polarity.ref is not None
        ctx.problem(ProblemKind.UNKNOWN_POLARITY, polarity.ref.sheet, polarity.ref.address,
                    polarity.text, polarity.raw)


# The roles each table allows (a Baris cell naming another is an unknown role).
_PK_ALLOWED = frozenset({RowRole.INDIKATOR, RowRole.PROGRAM, RowRole.KEGIATAN, RowRole.JUMLAH,
                         RowRole.TOTAL})
_MEASUREMENT_ALLOWED = frozenset({RowRole.INDIKATOR, RowRole.RATA_RATA})
_BUDGET_ALLOWED = frozenset({RowRole.KELOMPOK, RowRole.PROGRAM, RowRole.RINCIAN,
                             RowRole.JUMLAH, RowRole.TOTAL})


def _read_pk(ctx: _Context) -> tuple[PkRow, ...]:
    found = _layout(ctx, SHEET_PK, PK_TABLE)
    if found is None:
        return ()
    sheet, layout = found
    table = _table(ctx, sheet, layout, PK_TABLE)
    columns = table.columns
    roles = _roles(ctx, columns, _PK_ALLOWED, ("polaritas", _unknown_polarity))
    parents: list[int | None] = []
    program_row: int | None = None
    for r, role in zip(table.rows, roles, strict=True):
        if role is RowRole.PROGRAM:
            program_row = r
        parents.append(program_row if role is RowRole.KEGIATAN or role is RowRole.JUMLAH
                       else None)
    return tuple(make_rows(PkRow, len(table.rows), {
        "row": table.rows, "role": roles, "program_row": parents, **columns}))


def _read_measurements(ctx: _Context) -> tuple[MeasurementRow, ...]:
    found = _layout(ctx, SHEET_MEASUREMENT, MEASUREMENT_TABLE)
    if found is None:
        return ()
    sheet, layout = found
    table = _table(ctx, sheet, layout, MEASUREMENT_TABLE)
    columns = table.columns
    roles = _roles(ctx, columns, _MEASUREMENT_ALLOWED, ("polaritas", _unknown_polarity),
                   ("terhadap", _unknown_basis))
    return tuple(make_rows(MeasurementRow, len(table.rows), {
        "row": table.rows, "role": roles, **columns}))


# Each row's checks (_roles): the column, whether a cell's raw value is not understood, and
# the problem that records it.
_ROW_CHECKS: dict[str, str] = {"polaritas": ProblemKind.UNKNOWN_POLARITY,
                               "terhadap": ProblemKind.UNKNOWN_BASIS}


def _unknown_polarity(raw: object) -> bool:
    """A Polaritas value that is neither blank nor Positif/Negatif (`_check_polarity`)."""
    return not _is_blank_raw(raw) and parse_polarity(raw) is None


def _unknown_basis(raw: object) -> bool:
    """A Terhadap value that is neither blank nor a known basis."""
    return not _is_blank_raw(raw) and parse_basis(raw) is None


def _is_blank_raw(raw: object) -> bool:
    """`Cell.is_blank` of a cell holding `raw`."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _roles(ctx: _Context, columns: dict[str, list[Cell]], allowed: frozenset[RowRole | None],
           *checks: tuple[str, Callable[[object], bool]]) -> list[RowRole | None]:
    """Each row's role (None where the Baris cell names none of `allowed`), the problems
    recorded row by row as a reader visiting each row in turn records them: an unknown role
    (`_unknown_role`), then each of `checks` (column key, whether its value is not understood) in
    order. The parses are remembered by text (`_parsed`): a column repeats a few words."""
    baris = columns["baris"]
    roles: list[RowRole | None] = _parsed(baris, parse_role)
    known = list(map(allowed.__contains__, roles))
    flagged = [(key, column, _parsed(column, check)) for key, check in checks
               if (column := columns.get(key)) is not None]
    if all(known) and not any(any(flags) for _, _, flags in flagged):
        return roles
    for j, ok in enumerate(known):
        if not ok:
            roles[j] = None
            _unknown_role(ctx, baris[j])
        for key, column, flags in flagged:
            if flags[j]:
                cell = column[j]
                assert cell.ref is not None
                ctx.problem(_ROW_CHECKS[key], cell.ref.sheet, cell.ref.address, cell.text,
                            cell.raw)
    return roles


_MISSING = object()
_RAW = itemgetter(1)  # Cell.raw
# parse -> {raw text (or None) -> parse(raw)}, for `_parsed`; bounded
_PARSES: dict[Callable[[object], object], dict[object, object]] = {}
_PARSES_MAX = 4096


def _parsed(cells: list[Cell], parse: Callable[[object], _T]) -> list[_T]:
    """`[parse(cell.raw) for cell in cells]` for a pure `parse`, remembering its result for a
    text or a blank (the values a column repeats), the look-ups made in C."""
    raws = list(map(_RAW, cells))
    cache = _PARSES.setdefault(parse, {})
    try:
        out = list(map(cache.get, raws, repeat(_MISSING)))
    except TypeError:  # a raw value that cannot be hashed (not one calamine gives)
        return list(map(parse, raws))
    if out.count(_MISSING):
        for j, value in enumerate(out):
            if value is _MISSING:
                raw = raws[j]
                out[j] = value = parse(raw)
                if raw is None or raw.__class__ is str:
                    if len(cache) >= _PARSES_MAX:
                        cache.clear()
                    cache[raw] = value
    return out  # type: ignore[return-value]


def _read_budget(ctx: _Context) -> tuple[BudgetRow, ...]:
    found = _layout(ctx, SHEET_BUDGET, BUDGET_TABLE)
    if found is None:
        return ()
    sheet, layout = found
    table = _table(ctx, sheet, layout, BUDGET_TABLE)
    columns = table.columns
    roles = _roles(ctx, columns, _BUDGET_ALLOWED)
    groups: list[int | None] = []
    programs: list[int | None] = []
    group_row: int | None = None
    program_row: int | None = None
    for r, role in zip(table.rows, roles, strict=True):
        if role is RowRole.KELOMPOK:
            group_row, program_row = r, None
        elif role is RowRole.PROGRAM:
            program_row = r
        elif role is RowRole.JUMLAH or role is RowRole.TOTAL:
            program_row = None
        groups.append(group_row if role is not RowRole.KELOMPOK else None)
        programs.append(program_row if role is RowRole.RINCIAN else None)
    return tuple(make_rows(BudgetRow, len(table.rows), {
        "row": table.rows, "role": roles, "group_row": groups, "program_row": programs,
        **columns}))
