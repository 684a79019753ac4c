"""The report model: what the reader understood of one workbook, immutable and typed.

Every value keeps where it came from (`Cell.ref`) and how it was written (`Cell.raw`,
`Cell.number.source`), so that a finding can always point at the cell and quote it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from .numbers import EMPTY, Number
from .schema import (
    Accumulation,
    Basis,
    Capping,
    EfficiencyMethod,
    NegativeFormula,
    Polarity,
    RangeReading,
    RowRole,
    Trend,
    parse_accumulation,
    parse_basis,
    parse_polarity,
    parse_trend,
)

_T = TypeVar("_T")


@lru_cache(maxsize=1024)
def column_letter(col: int) -> str:
    """1 -> 'A', 28 -> 'AB'. Cached: every finding and problem names a cell."""
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class CellRef(NamedTuple):
    """A cell address: sheet name as in the workbook, 1-based row and column.

    Immutable, equal and ordered by (sheet, row, col), hashing as that tuple. A named tuple
    rather than a frozen dataclass: the reader makes one per cell, a few thousand per
    workbook, and a tuple is made in C (`make_cells`)."""

    sheet: str
    row: int
    col: int

    @property
    def address(self) -> str:
        return f"{column_letter(self.col)}{self.row}"

    def __str__(self) -> str:
        return f"{self.sheet}!{self.address}"


class Cell(NamedTuple):
    """One cell as read: its raw value, its text, and its parse as a number.

    Immutable, equal when ref, raw and number are, hashing as (ref, raw, number); a named
    tuple for the reason CellRef is one."""

    ref: CellRef | None
    raw: object = None
    number: Number = EMPTY

    @property
    def text(self) -> str:
        raw = self.raw
        if raw is None:
            return ""
        if raw.__class__ is str:  # the common case first: the rules ask thousands of times
            return raw.strip()  # type: ignore[attr-defined]
        if isinstance(raw, float) and raw.is_integer():
            return str(int(raw))
        return str(raw).strip()

    @property
    def value(self) -> float | None:
        return self.number.value

    @property
    def is_blank(self) -> bool:
        return self.raw is None or (isinstance(self.raw, str) and not self.raw.strip())


BLANK = Cell(None)

_new = object.__new__
_tuple_new = tuple.__new__
_consume = deque(maxlen=0).extend  # runs an iterator to its end, keeping nothing


def make_cells(sheet: str, rows: Sequence[int], col: int, raws: Iterable[object],
               numbers: Iterable[Number], *, ascending: bool = False) -> list[Cell]:
    """`[Cell(CellRef(sheet, r, col), raw, number) for r, raw, number in zip(rows, raws,
    numbers)]`, the same objects built a column at a time, the loops in C (`raws` and
    `numbers` at least as long as `rows`). The CellRefs come from `cell_refs`."""
    return list(map(_tuple_new, repeat(Cell), zip(cell_refs(sheet, rows, col, ascending=ascending),
                                                   raws, numbers, strict=False)))


# (sheet, column) -> [CellRef(sheet, r, column) for r in range(len(list))]: a column's cell
# references, shared by every Report that reads a sheet of that name (a CellRef is immutable);
# likewise its blank cells, Cell(ref) for each. A batch reads the same sheets, columns and rows
# file after file: after the first, a table's references are looked up rather than made.
# Bounded: cleared past _SHARED_MAX objects.
_REFS: dict[tuple[str, int], list[CellRef]] = {}
_BLANKS: dict[tuple[str, int], list[Cell]] = {}
_SHARED_MAX = 250_000
_shared = 0


def cell_refs(sheet: str, rows: Sequence[int], col: int, *, ascending: bool = False
              ) -> Iterable[CellRef]:
    """`CellRef(sheet, r, col)` for each r of `rows`, shared where they were made before
    (`ascending`: the caller knows `rows` to be in ascending order)."""
    refs = _shared_column(_REFS, sheet, rows, col, _make_refs, ascending)
    if refs is None:
        return map(_tuple_new, repeat(CellRef), zip(repeat(sheet), rows, repeat(col)))
    return map(refs.__getitem__, rows)


def blank_cells(sheet: str, rows: Sequence[int], col: int, *, ascending: bool = False
                ) -> list[Cell]:
    """`[Cell(CellRef(sheet, r, col)) for r in rows]` (blank cells), shared like `cell_refs`'s
    references."""
    cells = _shared_column(_BLANKS, sheet, rows, col, _make_blanks, ascending)
    if cells is None:
        return list(map(_tuple_new, repeat(Cell), zip(cell_refs(sheet, rows, col),
                                                      repeat(None), repeat(EMPTY))))
    return list(map(cells.__getitem__, rows))


def _make_refs(sheet: str, start: int, stop: int, col: int) -> list[CellRef]:
    return list(map(_tuple_new, repeat(CellRef), zip(repeat(sheet), range(start, stop),
                                                     repeat(col))))


def _make_blanks(sheet: str, start: int, stop: int, col: int) -> list[Cell]:
    shared = _REFS.get((sheet, col))  # the same references as the column's other cells
    refs = shared[start:stop] if shared is not None and len(shared) >= stop \
        else _make_refs(sheet, start, stop, col)
    return list(map(_tuple_new, repeat(Cell), zip(refs, repeat(None), repeat(EMPTY))))


def _shared_column(cache: dict[tuple[str, int], list[_T]], sheet: str, rows: Sequence[int],
                   col: int, make: Callable[[str, int, int, int], list[_T]],
                   ascending: bool = False) -> list[_T] | None:
    """The cached list of column `col` of `sheet`, long enough for every row of `rows` (index
    = row number), or None when `rows` are not ones to keep (empty, below 1, too many)."""
    global _shared
    if not rows:
        return None
    low, high = (rows[0], rows[-1]) if ascending else (min(rows), max(rows))
    if low < 1 or high >= _SHARED_MAX // 16 or sheet.__class__ is not str:
        return None
    key = (sheet, col)
    found = cache.get(key)
    if found is not None and len(found) > high:
        return found
    # a new list, never one extended in place: a reader of the old one keeps its indexes
    start = 0 if found is None else len(found)
    if _shared + high + 1 - start > _SHARED_MAX:
        _REFS.clear()
        _BLANKS.clear()
        _shared, found, start = 0, None, 0
    more = make(sheet, start, high + 1, col)
    _shared += len(more)
    cache[key] = found = more if found is None else found + more
    return found


@lru_cache(maxsize=64)
def _row_plan(cls: type) -> tuple[tuple[str, Callable[[object, object], None], object,
                                        Callable[[], object] | None], ...]:
    """Each field of the frozen, slotted dataclass `cls`: name, slot setter, default, factory."""
    plan = []
    for f in fields(cls):
        factory = None if f.default_factory is MISSING else f.default_factory
        plan.append((f.name, cls.__dict__[f.name].__set__, f.default, factory))
    return tuple(plan)


def make_rows(cls: type[_T], n: int, columns: Mapping[str, Iterable[object]]) -> list[_T]:
    """`n` objects of the frozen, slotted dataclass `cls` (a table's rows: PkRow, BudgetRow,
    ...) as `[cls(**{key: column[i] for key, column in columns.items()}) for i in range(n)]`
    would build them, a field at a time. A field without a column takes its default; one
    without a default must have a column (TypeError otherwise, as the constructor)."""
    rows = list(map(_new, repeat(cls, n)))
    unknown = columns.keys() - {name for name, *_ in _row_plan(cls)}
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
    for name, setter, default, factory in _row_plan(cls):
        column = columns.get(name)
        if column is not None:
            _consume(map(setter, rows, column))
        elif factory is not None:
            _consume(setter(row, factory()) for row in rows)
        elif default is not MISSING:
            _consume(map(setter, rows, repeat(default, n)))
        else:
            raise TypeError(f"{cls.__name__} needs a column {name!r}")
    return rows


class ProblemKind:
    """Stable keys for reading problems (translated in messages.py, prefix 'problem.')."""

    MISSING_SHEET = "missing-sheet"
    MISSING_HEADER = "missing-header"
    MISSING_COLUMN = "missing-column"
    DUPLICATE_COLUMN = "duplicate-column"
    UNKNOWN_ROLE = "unknown-role"
    UNKNOWN_POLARITY = "unknown-polarity"
    UNKNOWN_BASIS = "unknown-basis"
    UNKNOWN_SETTING = "unknown-setting"
    NOT_A_NUMBER = "not-a-number"
    AMBIGUOUS_NUMBER = "ambiguous-number"
    NUMBER_AS_TEXT = "number-as-text"
    ERROR_VALUE = "error-value"
    FORMULA_NO_VALUE = "formula-no-value"
    MISSING_VALUE = "missing-value"
    HIDDEN_SHEET = "hidden-sheet"
    TOO_LARGE = "too-large"


@dataclass(frozen=True, slots=True)
class ReadingProblem:
    """Something the reader could not understand; rules turn these into findings."""

    kind: str
    sheet: str
    cell: str  # address, or "" for a whole sheet
    detail: str = ""  # the offending text, the missing name, ...
    raw: object = None


@dataclass(frozen=True, slots=True)
class ScaleBand:
    """One category: values >= lower (or > lower when not inclusive) up to the next band, or
    up to `upper` (inclusive) when a custom scale table states it."""

    name: str
    lower: float
    inclusive: bool = True
    upper: float | None = None  # a custom table's Batas Atas; None: up to the next band
    # Where a custom table states the band (for INP024's findings); not part of its identity.
    lower_ref: CellRef | None = field(default=None, compare=False)
    upper_ref: CellRef | None = field(default=None, compare=False)

    def contains_from_below(self, value: float) -> bool:
        return value >= self.lower if self.inclusive else value > self.lower


@dataclass(frozen=True, slots=True)
class Scale:
    """A rating scale: bands from the highest down. Values above 100 fall in the top band."""

    name: str
    bands: tuple[ScaleBand, ...]

    def category(self, value: float | None) -> str | None:
        """The band of `value`. With stated upper bounds (a custom table), a value in a gap
        between two bands or in the overlap of two bands has none (INP024 reports the
        table); values above the top band's upper bound are the top band's."""
        if value is None:
            return None
        if any(b.upper is not None for b in self.bands):
            return self._category_bounded(value)
        for band in self.bands:
            if band.contains_from_below(value):
                return band.name
        return self.bands[-1].name if self.bands else None

    def _category_bounded(self, value: float) -> str | None:
        inside = [b for i, b in enumerate(self.bands)
                  if b.contains_from_below(value) and self._below_upper(i, value)]
        if len(inside) == 1:
            return inside[0].name
        if inside or not self.bands:
            return None  # in an overlap: ambiguous
        top = self.bands[0]
        if top.upper is not None and value > top.upper:
            return top.name  # above 100: the top band (INP024 says so)
        if all(not b.contains_from_below(value) for b in self.bands):
            return self.bands[-1].name  # below the lowest edge: the bottom band
        return None  # in a gap

    def _below_upper(self, index: int, value: float) -> bool:
        """Whether `value` is at most band `index`'s upper bound: its stated Batas Atas, or
        (none stated) below the next band's lower edge."""
        band = self.bands[index]
        if band.upper is not None:
            return value <= band.upper + 1e-9
        if index == 0:
            return True
        above = self.bands[index - 1]
        return value < above.lower if above.inclusive else value <= above.lower

    def describe(self) -> str:
        """The bands for a message: '>=85 Sangat Berhasil; ...; <55 Kurang Berhasil'."""
        parts: list[str] = []
        above: ScaleBand | None = None  # the band above the current one
        for band in self.bands:
            if band.lower != float("-inf"):
                parts.append(f"{'>=' if band.inclusive else '>'}{band.lower:g} {band.name}")
            elif above is None:
                parts.append(band.name)
            else:  # the bottom band: everything below the band above it
                parts.append(f"{'<' if above.inclusive else '<='}{above.lower:g} {band.name}")
            above = band
        return "; ".join(parts)


# Percentage points. 0: a stated capaian must equal the computed one at the workbook's
# decimals (60,12 for 60,11 is a finding); raise it for sources that are pre-rounded.
DEFAULT_TOLERANCE = 0.0


@dataclass(frozen=True, slots=True)
class Settings:
    """Computation settings, from Identitas, then overridden by config and the command line."""

    scale: Scale
    negative_formula: NegativeFormula = NegativeFormula.REFLECTED
    tolerance: float = DEFAULT_TOLERANCE  # percentage points
    decimals: int = 2
    money_tolerance: float = 1.0  # rupiah
    unit_synonyms: tuple[tuple[str, ...], ...] = ()
    # Conventions (docs/configuration.md, "Conventions"): the seed's by default.
    capping: Capping = Capping.NONE
    range_reading: RangeReading = RangeReading.INSIDE_100
    efficiency_method: EfficiencyMethod = EfficiencyMethod.DIFFERENCE
    negative_formula_label: str = ""  # as the workbook names it: '(1 + (1 - R/T)) x 100%'
    preset: str = ""  # the bundle named (Preset Konvensi, --preset), if any
    # Where each convention that is not the default came from: (key, 'Identitas!B16' |
    # 'lkjip-xl.toml' | '--cap'); key is capping, range_reading, efficiency_method, ...
    origins: tuple[tuple[str, str], ...] = ()

    @property
    def conventions(self) -> dict[str, Any]:
        """The keyword arguments of `formulas.capaian` these settings fix: the cap and the
        range reading."""
        return {"cap": self.capping.limit, "range_reading": self.range_reading}

    @property
    def cap(self) -> float | None:
        """The capaian cap in force (100, 120), or None."""
        return self.capping.limit

    @property
    def negative_formula_name(self) -> str:
        return self.negative_formula_label or self.negative_formula.value

    def origin(self, key: str) -> str:
        """Where the setting `key` came from ('' for the default)."""
        for k, where in reversed(self.origins):
            if k == key:
                return where
        return ""


@dataclass(frozen=True, slots=True)
class Identity:
    """The Identitas sheet: who reports, for which year and period, and the settings."""

    nama_instansi: Cell = BLANK
    pemerintah_daerah: Cell = BLANK
    tahun: Cell = BLANK
    periode_awal: Cell = BLANK
    periode_akhir: Cell = BLANK
    nama_kepala: Cell = BLANK
    nip_kepala: Cell = BLANK
    skala: Cell = BLANK
    rumus_negatif: Cell = BLANK
    toleransi: Cell = BLANK
    desimal: Cell = BLANK
    preset: Cell = BLANK
    batas_capaian: Cell = BLANK
    target_rentang: Cell = BLANK
    metode_efisiensi: Cell = BLANK

    @property
    def year(self) -> int | None:
        v = self.tahun.value
        return int(v) if v is not None else None


@dataclass(frozen=True, slots=True)
class Indicator:
    """A row of Tabel VI.1 (the RPJMD indicator table)."""

    row: int
    kode_indikator: Cell
    tujuan: Cell = BLANK
    sasaran: Cell = BLANK
    indikator: Cell = BLANK
    satuan: Cell = BLANK
    polaritas: Cell = BLANK
    kondisi_awal: Cell = BLANK
    kondisi_akhir: Cell = BLANK
    targets: tuple[tuple[int, Cell], ...] = ()  # (year, cell), in column order
    keterangan: Cell = BLANK

    @property
    def code(self) -> str:
        return self.kode_indikator.text

    @property
    def polarity(self) -> Polarity | None:
        return parse_polarity(self.polaritas.raw)

    def target_for(self, year: int) -> Cell | None:
        for y, cell in self.targets:
            if y == year:
                return cell
        return None


@dataclass(frozen=True, slots=True)
class PkRow:
    """A row of Lampiran II (Perjanjian Kinerja with realisation)."""

    row: int
    role: RowRole | None
    baris: Cell
    kode: Cell = BLANK
    kode_indikator: Cell = BLANK
    sasaran: Cell = BLANK
    indikator: Cell = BLANK
    program_kegiatan: Cell = BLANK
    target: Cell = BLANK
    realisasi: Cell = BLANK
    satuan: Cell = BLANK
    capaian: Cell = BLANK
    anggaran: Cell = BLANK
    realisasi_anggaran: Cell = BLANK
    polaritas: Cell = BLANK  # optional: overrides the default polarity of this row
    efisiensi: Cell = BLANK  # optional: the efficiency the report states (Program, Indikator)
    keterangan: Cell = BLANK
    program_row: int | None = None  # for Kegiatan and Jumlah: the Program row above

    @property
    def polarity(self) -> Polarity | None:
        """The polarity written on this row, or None (blank or unknown)."""
        return parse_polarity(self.polaritas.raw)


@lru_cache(maxsize=4096)
def _codes(text: str) -> tuple[str, ...]:
    """'IK-1; IK-2' -> ('IK-1', 'IK-2'). Cached: asked for every row by several rules."""
    return tuple(c.strip() for c in text.replace(";", ",").split(",") if c.strip())


@dataclass(frozen=True, slots=True)
class MeasurementRow:
    """A row of Pengukuran Kinerja (measurement figures as the report states them)."""

    row: int
    role: RowRole | None
    baris: Cell
    kode_indikator: Cell = BLANK
    sasaran: Cell = BLANK
    indikator: Cell = BLANK
    satuan: Cell = BLANK
    target: Cell = BLANK
    realisasi: Cell = BLANK
    capaian: Cell = BLANK
    kategori: Cell = BLANK
    sumber: Cell = BLANK
    terhadap: Cell = BLANK  # what the capaian is measured against (blank = Target PK)
    polaritas: Cell = BLANK  # optional: overrides the indicator's polarity for this row
    efisiensi: Cell = BLANK  # optional: the efficiency the report states
    keterangan: Cell = BLANK

    @property
    def polarity(self) -> Polarity | None:
        """The polarity written on this row, or None (blank or unknown)."""
        return parse_polarity(self.polaritas.raw)

    @property
    def basis(self) -> Basis:
        """What this row's capaian is measured against; Target PK when blank or unknown."""
        return parse_basis(self.terhadap.raw) or Basis.PK

    @property
    def codes(self) -> tuple[str, ...]:
        """The indicator codes this row is about (several for a Rata-rata row)."""
        return _codes(self.kode_indikator.text)


@dataclass(frozen=True, slots=True)
class BudgetRow:
    """A row of Keuangan (budget tables)."""

    row: int
    role: RowRole | None
    baris: Cell
    kode: Cell = BLANK
    uraian: Cell = BLANK
    pagu: Cell = BLANK
    realisasi: Cell = BLANK
    persentase: Cell = BLANK
    sumber_dana: Cell = BLANK
    keterangan: Cell = BLANK
    group_row: int | None = None  # the Kelompok row above
    program_row: int | None = None  # for Rincian: the Program row above, if any


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """A row of Perbandingan: an indicator's earlier years, end-of-period target and national
    standard, as the report states them (the sheet is optional)."""

    row: int
    kode_indikator: Cell
    indikator: Cell = BLANK
    satuan: Cell = BLANK
    target_akhir: Cell = BLANK
    standar_nasional: Cell = BLANK
    sumber_standar: Cell = BLANK
    cara_hitung: Cell = BLANK
    tren: Cell = BLANK
    progres: Cell = BLANK
    capaian_standar: Cell = BLANK
    keterangan: Cell = BLANK
    realisasi_by_year: dict[int, Cell] = field(default_factory=dict)  # year -> cell

    @property
    def code(self) -> str:
        return self.kode_indikator.text

    @property
    def accumulation(self) -> Accumulation:
        """Kumulatif or Nilai Terakhir; Nilai Terakhir when blank or unknown."""
        return parse_accumulation(self.cara_hitung.raw) or Accumulation.LATEST

    @property
    def trend(self) -> Trend | None:
        """The Tren stated, or None (blank or unknown)."""
        return parse_trend(self.tren.raw)

    def realisasi_for(self, year: int) -> Cell | None:
        return self.realisasi_by_year.get(year)


@dataclass(frozen=True, slots=True)
class Report:
    """One workbook: one agency's report for one year."""

    path: Path
    sheet_names: dict[str, str]  # standard name -> name as found in the workbook
    identity: Identity
    settings: Settings
    indicators: tuple[Indicator, ...] = ()
    pk_rows: tuple[PkRow, ...] = ()
    measurements: tuple[MeasurementRow, ...] = ()
    budget_rows: tuple[BudgetRow, ...] = ()
    comparisons: tuple[ComparisonRow, ...] = ()  # Perbandingan (optional sheet)
    comparison_years: tuple[int, ...] = ()  # its year columns, ascending
    problems: tuple[ReadingProblem, ...] = ()
    custom_scale: Scale | None = None
    rpjmd_years: tuple[int, ...] = ()
    header_rows: dict[str, int] = field(default_factory=dict)  # standard sheet -> header row

    def indicator(self, code: str) -> Indicator | None:
        key = code.strip().casefold()
        for ind in self.indicators:
            if ind.code.casefold() == key:
                return ind
        return None

    def comparison(self, code: str) -> ComparisonRow | None:
        """The Perbandingan row of this indicator code, or None."""
        key = code.strip().casefold()
        for row in self.comparisons:
            if row.code.casefold() == key:
                return row
        return None

    def pk_indicator(self, code: str) -> PkRow | None:
        key = code.strip().casefold()
        for row in self.pk_rows:
            if row.role is RowRole.INDIKATOR and row.kode_indikator.text.casefold() == key:
                return row
        return None

    @property
    def indicator_codes(self) -> tuple[str, ...]:
        """Every indicator code known to the workbook, in first-seen order."""
        codes: dict[str, None] = {}
        for ind in self.indicators:
            if ind.code:
                codes.setdefault(ind.code, None)
        for row in self.pk_rows:
            if row.role is RowRole.INDIKATOR and row.kode_indikator.text:
                codes.setdefault(row.kode_indikator.text, None)
        return tuple(codes)


class WorkbookError(Exception):
    """A file that cannot be read as a workbook at all. `reason` is a message key."""

    def __init__(self, path: Path | str, reason: str, detail: str = "") -> None:
        super().__init__(f"{path}: {reason} {detail}".strip())
        self.path = Path(path)
        self.reason = reason
        self.detail = detail

    def __reduce__(self):
        return (WorkbookError, (self.path, self.reason, self.detail))
