"""Find a table in a sheet by its header row, never by fixed coordinates.

Header names are matched case-, space- and punctuation-insensitively, with aliases; title rows
above, extra or reordered columns, blank rows and merged cells are tolerated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import RPJMD_YEAR_PREFIXES, Column, TableSpec, normalise, normalise_text

HEADER_SEARCH_ROWS = 40  # a header row further down than this is not looked for


@dataclass(slots=True)
class TableLayout:
    """Where a table's header is and which column holds which key (1-based)."""

    header_row: int
    columns: dict[str, int] = field(default_factory=dict)  # key -> column
    years: dict[int, int] = field(default_factory=dict)  # year -> column (Tabel VI.1)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (header, column) seen twice
    missing: list[str] = field(default_factory=list)  # required headers not found
    first_data_row: int = 0


def _alias_index(spec: TableSpec) -> dict[str, Column]:
    """Each normalised header name and alias of `spec` -> its column (built once per spec)."""
    cached = _ALIAS_INDEXES.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    index: dict[str, Column] = {}
    for col in spec.columns:
        for name in col.names():
            index.setdefault(normalise(name), col)
    if len(_ALIAS_INDEXES) > 64:  # specs made on the fly (tests, importers): keep it small
        _ALIAS_INDEXES.clear()
    _ALIAS_INDEXES[id(spec)] = (spec, index)
    return index


_ALIAS_INDEXES: dict[int, tuple[TableSpec, dict[str, Column]]] = {}


def _year_of(value: object, prefixes: tuple[str, ...] = RPJMD_YEAR_PREFIXES) -> int | None:
    """The year a header names: 2023, '2023', 'Tahun 2023', 'Target 2023' (the prefixes of
    the table: Perbandingan reads 'Realisasi 2023')."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer() and 1990 <= value <= 2100:
        return int(value)
    if isinstance(value, str):
        s = value.strip().rstrip(".")
        for prefix in prefixes:
            if s.casefold().startswith(prefix):
                s = s[len(prefix):].strip(" .:")
        if s.isdigit() and len(s) == 4 and 1990 <= int(s) <= 2100:
            return int(s)
    return None


def find_table(rows: list[list[object]], spec: TableSpec, *, with_years: bool = False,
               year_prefixes: tuple[str, ...] = RPJMD_YEAR_PREFIXES) -> TableLayout | None:
    """The best header row among the first rows: the one matching most of the spec's columns.

    It must match at least two columns. A row that matches at least three but lacks a required
    column is returned with `missing` set, so the reader can name what is missing.
    Returns None when no row looks like the header.
    """
    index = _alias_index(spec)
    required = {c.key for c in spec.columns if c.required}
    most = len({c.key for c in spec.columns})
    best: TableLayout | None = None
    best_score = 1
    partial: TableLayout | None = None
    partial_score = 2
    lookup = index.get
    known = index.__contains__
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS], start=1):
        # How many of the row's texts name a column, counted in C: most rows name none.
        if sum(map(known, map(normalise_text, filter(str.__instancecheck__, row)))) \
                <= min(best_score, partial_score):
            continue  # not better than a row already found (most rows: no header name)
        hits = [(c, value, col) for c, value in enumerate(row, start=1)
                if isinstance(value, str) and (col := lookup(normalise_text(value))) is not None]
        layout = TableLayout(header_row=r)
        for c, value, col in hits:
            if col.key in layout.columns:
                layout.duplicates.append((str(value).strip(), c))
                continue
            layout.columns[col.key] = c
        score = len(layout.columns)
        if score > best_score and required <= layout.columns.keys():
            best, best_score = layout, score
            if score == most:
                break  # every column of the spec: no row further down can be better
        elif score >= 3 and score > partial_score:
            partial, partial_score = layout, score
    if best is None:
        if partial is None:
            return None
        best = partial
        by_key = {c.key: c.header for c in spec.columns}
        best.missing = [by_key[k] for k in sorted(required - best.columns.keys())]
    best.first_data_row = best.header_row + 1
    if with_years:
        _find_years(rows, best, year_prefixes)
    return best


def _find_years(rows: list[list[object]], layout: TableLayout,
                prefixes: tuple[str, ...] = RPJMD_YEAR_PREFIXES) -> None:
    """Year columns sit in the header row, or in the row below it under a merged title."""
    for r in (layout.header_row, layout.header_row + 1):
        if r > len(rows):
            break
        used = set(layout.columns.values())
        years = {}
        for c, value in enumerate(rows[r - 1], start=1):
            year = _year_of(value, prefixes)
            if year is not None and c not in used and year not in years:
                years[year] = c
        if years:
            layout.years = years
            layout.first_data_row = r + 1
            return


def header_names(spec: TableSpec) -> str:
    """The required headers, for a 'header not found' message."""
    names = [c.header for c in spec.columns if c.required] or [c.header for c in spec.columns[:3]]
    return ", ".join(names)
