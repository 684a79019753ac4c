"""The template's columns as laid out on a sheet, derived from `lkjip_xl.schema`.

A `Slot` is one template column: a schema Column, or one of Tabel VI.1's year columns (keyed by
the year as an int). Both the builder and `fill_rows` use slots, so a written cell always gets
the same style as the template's column.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..schema import (
    BUDGET_ROLES,
    COMPARISON_TABLE,
    COMPARISON_YEAR_HEADER,
    COMPARISON_YEAR_HELP,
    COMPARISON_YEAR_PREFIXES,
    MEASUREMENT_ROLES,
    PK_ROLES,
    RPJMD_TABLE,
    RPJMD_YEAR_HELP,
    SHEET_BUDGET,
    SHEET_COMPARISON,
    SHEET_MEASUREMENT,
    SHEET_PK,
    Accumulation,
    Basis,
    Column,
    Polarity,
    TableSpec,
    Trend,
)
from .styles import YEAR_WIDTH, CellStyle, column_width, data_style

# The Baris values offered per sheet (the reader also accepts aliases such as 'Sub Kegiatan').
ROLE_CHOICES: dict[str, tuple[str, ...]] = {
    SHEET_PK: tuple(r.value for r in PK_ROLES),
    SHEET_MEASUREMENT: tuple(r.value for r in MEASUREMENT_ROLES),
    SHEET_BUDGET: tuple(r.value for r in BUDGET_ROLES),
}
POLARITY_CHOICES = tuple(p.value for p in Polarity)
BASIS_CHOICES = tuple(b.value for b in Basis)  # Pengukuran Kinerja `Terhadap`
ACCUMULATION_CHOICES = tuple(a.value for a in Accumulation)  # Perbandingan `Cara Hitung`
TREND_CHOICES = tuple(t.value for t in Trend)  # Perbandingan `Tren`
YEAR_AFTER_KEY = "kondisi_awal"  # Tabel VI.1's year columns go right after this column
COMPARISON_YEAR_AFTER_KEY = "satuan"  # Perbandingan's 'Realisasi <year>' columns follow this
COMPARISON_YEARS_BACK = 4  # the template offers the realisation of n-4 .. n-1


@dataclass(frozen=True, slots=True)
class Slot:
    """One column of a template sheet."""

    key: str | int  # Column.key, or the year for a Tabel VI.1 target column
    header: str | int
    kind: str
    computed: bool
    help: str

    @property
    def style(self) -> CellStyle:
        return data_style(str(self.key), self.kind, self.computed)

    @property
    def width(self) -> float:
        return YEAR_WIDTH if isinstance(self.key, int) else column_width(self.key, self.kind)


def column_slot(col: Column) -> Slot:
    return Slot(col.key, col.header, col.kind, col.computed, col.help_id)


def year_slot(year: int, sheet: str = RPJMD_TABLE.sheet) -> Slot:
    """A year column: a target of Tabel VI.1 (headed by the year), or a realisation of
    Perbandingan (headed 'Realisasi <year>')."""
    if sheet == SHEET_COMPARISON:
        return Slot(year, COMPARISON_YEAR_HEADER.format(year=year), "number", False,
                    COMPARISON_YEAR_HELP.format(year=year))
    return Slot(year, year, "number", False, RPJMD_YEAR_HELP.format(year=year))


def table_slots(spec: TableSpec, periode_awal: int, periode_akhir: int,
                tahun: int | None = None) -> list[Slot]:
    """The spec's columns in order; Tabel VI.1 gets one column per year of the period,
    Perbandingan one per year before Tahun Laporan (n-4 .. n-1)."""
    slots: list[Slot] = []
    for col in spec.columns:
        slots.append(column_slot(col))
        if spec is RPJMD_TABLE and col.key == YEAR_AFTER_KEY:
            slots.extend(year_slot(y) for y in range(periode_awal + 1, periode_akhir + 1))
        if spec is COMPARISON_TABLE and col.key == COMPARISON_YEAR_AFTER_KEY \
                and tahun is not None:
            slots.extend(year_slot(y, SHEET_COMPARISON)
                         for y in range(tahun - COMPARISON_YEARS_BACK, tahun))
    return slots


def choices_for(sheet: str, key: str | int) -> tuple[str, ...] | None:
    """The dropdown values of a column, or None for a free column."""
    if key == "baris":
        return ROLE_CHOICES.get(sheet)
    if key == "polaritas":
        return POLARITY_CHOICES
    if key == "terhadap":
        return BASIS_CHOICES
    if key == "cara_hitung":
        return ACCUMULATION_CHOICES
    if key == "tren":
        return TREND_CHOICES
    return None


def header_year(value: object, sheet: str = "") -> int | None:
    """The year a header cell holds (2017, 2017.0 or '2017'; on Perbandingan also
    'Realisasi 2017'), or None."""
    if isinstance(value, bool):
        return None
    if sheet == SHEET_COMPARISON and isinstance(value, str):
        text = value.strip()
        for prefix in COMPARISON_YEAR_PREFIXES:
            if text.casefold().startswith(prefix):
                text = text[len(prefix):].strip(" .:")
        value = text
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and 1990 <= value <= 2100:  # the reader's year range
        return value
    return None
