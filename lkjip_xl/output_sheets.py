"""The `Ringkasan` and `Temuan` sheets as grids: rows of values with a style key each. Pure (no
openpyxl), so the corrected workbook (writers/workbook.py) and the Excel layer lay them out
identically; a writer only maps style keys to looks (writers/styles.py).

Every text cell goes through `formats.neutralise`: a name in a hostile workbook such as
'=HYPERLINK(...)' is written as text, never as a formula.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from . import __version__
from .corrections import (
    COUNT_NAMES,
    CorrectionPlan,
    Outcome,
    finding_ref,
)
from .formulas import fmt
from .messages import t
from .model import column_letter
from .provenance import Provenance
from .rules.base import Finding, Severity
from .schema import SHEET_FINDINGS, SHEET_SUMMARY, Accumulation, EfficiencyMethod
from .summary import Average, Efficiency, MultiYearLine, ProgramBudget, Summary
from .writers.formats import neutralise
from .writers.labels import formula_text, rule_title
from .writers.styles import look

DEFAULT_WIDTH = 8.43  # a spreadsheet column's default width, in characters
WIDTH_TO_CHARS = 1.3  # characters of 10 pt body text per unit of column width (measured ~1.5)
BOLD_CHARS = 0.85  # bold text is wider
LINE_HEIGHT = 13.5  # points per line of 10 pt text
ROW_HEIGHT = 15.0  # a row left at the workbook's default height (11 pt body font)


class OutCell(NamedTuple):
    """One cell of an output sheet: its value, style key, link and column span.

    Immutable, equal by its fields. A named tuple rather than a frozen dataclass: the
    layouts make one per cell (some 5,000 for the seed's Temuan), and a tuple is made in C
    (half the time of a frozen dataclass's `__init__`)."""

    value: object = None
    style: str = ""
    link: str = ""  # a place in the workbook: "'Lampiran II'!J12"
    span: int = 1  # columns this cell covers (merged with the ones to its right)


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """A bar chart of column `value_col` by `category_col` over rows first..last, with the
    constant of `line_col` drawn as a line (the 100% line). The value axis runs from 0 to
    `y_max` in steps of `y_step`, without decimals."""

    title: str
    first_row: int
    last_row: int
    category_col: int
    value_col: int
    line_col: int
    anchor: str
    y_title: str
    y_max: float = 120.0
    y_step: float = 20.0
    width_cm: float = 16.0
    height_cm: float = 7.5


@dataclass(frozen=True, slots=True)
class LineChartSpec:
    """A line chart of one indicator across years: the series are rows `rows` (their first
    cell, column `title_col`, names the series; the values run to `last_col`), the categories
    the header row's cells over the same columns (the years)."""

    title: str
    header_row: int
    rows: tuple[int, ...]
    title_col: int
    last_col: int
    anchor: str
    y_title: str
    width_cm: float = 15.5
    height_cm: float = 6.5


# A4 landscape with the margins the writer sets (inches): what one printed page holds.
PAGE_WIDTH_PT = 841.9
PAGE_HEIGHT_PT = 595.3
MARGIN_SIDE_IN = 0.4
MARGIN_TOP_IN = 0.5
MARGIN_BOTTOM_IN = 0.6  # room for the page-number footer


def column_points(width: float) -> float:
    """A column's printed width in points (a width unit is one '0' of the 11 pt body font:
    7 pixels, plus 5 pixels of padding; 0.75 point per pixel)."""
    return (width * 7 + 5) * 0.75


@dataclass(frozen=True, slots=True)
class OutSheet:
    """An output sheet (Ringkasan, Temuan) as cells and layout, before it is written."""

    name: str
    rows: tuple[tuple[OutCell, ...], ...]
    widths: dict[int, float] = field(default_factory=dict)  # 1-based column -> width
    freeze: str | None = None
    autofilter: str | None = None
    chart: ChartSpec | None = None
    print_rows: str | None = None  # rows repeated on every printed page, "1:1"
    breaks: tuple[int, ...] = ()  # manual page breaks: a new page starts after these rows
    footer: str = ""  # centre footer, with &P (page) and &N (pages)
    tall_rows: dict[int, float] = field(default_factory=dict)  # rows given a fixed height
    line_charts: tuple[LineChartSpec, ...] = ()  # Ringkasan: one per indicator across years

    @property
    def merges(self) -> tuple[str, ...]:
        """The merged ranges ('G12:L12') of cells spanning several columns."""
        result = []
        for r, row in enumerate(self.rows, start=1):
            for col, out in enumerate(row, start=1):
                if out.span > 1:
                    result.append(f"{column_letter(col)}{r}:"
                                  f"{column_letter(col + out.span - 1)}{r}")
        return tuple(result)

    def _width(self, col: int, span: int = 1) -> float:
        return sum(self.widths.get(c, DEFAULT_WIDTH) for c in range(col, col + span))

    def heights(self) -> dict[int, float]:
        """Row heights (points) so wrapped text shows whole: spreadsheet programs do not
        always fit rows on opening. Rows that need one line are left alone."""
        result: dict[int, float] = dict(self.tall_rows)
        # (style, column, span) -> the characters a line of wrapped text holds; 0: no wrap
        # (Temuan repeats a few of them over some 5,000 cells)
        line_chars: dict[tuple[str, int, int], float] = {}
        for r, row in enumerate(self.rows, start=1):
            lines = 1
            for col, out in enumerate(row, start=1):
                value = out.value
                if not isinstance(value, str):
                    continue
                key = (out.style, col, out.span)
                chars = line_chars.get(key)
                if chars is None:
                    lk = look(out.style)
                    chars = line_chars[key] = max(
                        4.0, self._width(col, out.span) * WIDTH_TO_CHARS
                        * (BOLD_CHARS if lk.bold else 1.0)) if lk.wrap else 0.0
                if not chars:
                    continue
                parts = value.splitlines()
                if len(value) <= chars:  # no line of it is wrapped: one line each
                    lines = max(lines, len(parts) or 1)
                else:
                    lines = max(lines, sum(wrapped_lines(part, chars) for part in parts or [""]))
            if lines > 1:
                result[r] = max(result.get(r, 0.0), round(LINE_HEIGHT * lines + 3, 1))
        return result

    def print_scale(self) -> float:
        """The scale 'fit to one page wide' prints at (at most 1)."""
        used = max((len(row) for row in self.rows), default=1)
        width = sum(column_points(self.widths.get(c, DEFAULT_WIDTH))
                    for c in range(1, used + 1))
        printable = PAGE_WIDTH_PT - 2 * 72 * MARGIN_SIDE_IN
        return min(1.0, printable / width) if width else 1.0

    def page_rows(self) -> float:
        """How many points of sheet rows one printed page holds at the print scale."""
        printable = PAGE_HEIGHT_PT - 72 * (MARGIN_TOP_IN + MARGIN_BOTTOM_IN)
        return printable / self.print_scale()


def wrapped_lines(text: str, chars: float) -> int:
    """How many lines `text` takes when wrapped at word boundaries in a cell `chars`
    characters wide (a word longer than a line is cut, as spreadsheets do)."""
    width = max(1, int(chars))
    lines, used = 1, 0
    for word in text.split():
        size = len(word)
        if used and used + 1 + size > width:
            lines, used = lines + 1, 0
        if size > width:
            lines += (size - 1) // width
            size = (size - 1) % width + 1
        used = size if not used else used + 1 + size
    return lines


EXCEL_MAX_TEXT = 32_767  # characters in one cell: Excel repairs a file with longer ones


def cell(value: object = None, style: str = "", link: str = "", span: int = 1) -> OutCell:
    if isinstance(value, str):
        value = neutralise(value)
        if len(value) > EXCEL_MAX_TEXT:
            value = value[:EXCEL_MAX_TEXT - 1] + "\u2026"
    return OutCell(value, style, link, span)


def location(sheet: str, address: str = "A1") -> str:
    """A workbook-internal link target: 'Lampiran II'!J12 (quotes doubled inside)."""
    return "'" + sheet.replace("'", "''") + "'!" + address


class _Grid:
    def __init__(self) -> None:
        self.rows: list[tuple[OutCell, ...]] = []
        self.blocks: list[int] = []  # first rows of the blocks a page break may precede

    @property
    def next_row(self) -> int:
        return len(self.rows) + 1

    def add(self, *cells: OutCell | object) -> int:
        """A row; a cell spanning n columns is followed by n - 1 blank cells of its style
        (so a merged range has its borders and fill all along)."""
        row: list[OutCell] = []
        for c in cells:
            out = c if isinstance(c, OutCell) else cell(c)
            row.append(out)
            if out.span > 1:
                row.extend(OutCell(None, out.style) for _ in range(out.span - 1))
        self.rows.append(tuple(row))
        return len(self.rows)

    def blank(self) -> None:
        self.rows.append(())

    def block(self) -> None:
        """A new block starts at the next row (a section: kept on one page if it fits)."""
        self.blocks.append(self.next_row)


def page_breaks(heights: dict[int, float], rows: int, blocks: Sequence[int],
                page: float, repeated: float = 0.0) -> tuple[int, ...]:
    """Rows after which a new page starts, so that no block (first rows `blocks`) is split
    when it fits on a page: greedy, a block that does not fit on the rest of the page starts
    a new one. `repeated`: the height of the print-title rows on every page after the
    first. Blocks taller than a page are left to the spreadsheet's automatic breaks."""
    def height(r: int) -> float:
        return heights.get(r, ROW_HEIGHT)

    starts = sorted(set(b for b in blocks if 1 < b <= rows))
    edges = [1, *starts, rows + 1]
    result: list[int] = []
    used = 0.0
    capacity = page
    for first, end in pairwise(edges):
        size = sum(height(r) for r in range(first, end))
        if used > 0 and used + size > capacity:
            result.append(first - 1)
            capacity = page - repeated
            used = 0.0
        used += size
        while used > capacity:  # a block taller than a page: the automatic breaks
            used -= capacity
            capacity = page - repeated
    return tuple(result)


def fix_sheets(summary: Summary, findings: Sequence[Finding], plan: CorrectionPlan,
               lang: str = "id", actions: dict[str, int] | None = None,
               sheets: Collection[str] = (), provenance: Provenance | None = None
               ) -> tuple[OutSheet, OutSheet]:
    """The two sheets `fix` adds, in order: Ringkasan, then Temuan. The corrected workbook
    and the Excel button both lay them out through this one function."""
    return (ringkasan_sheet(summary, lang, actions, plan=plan, provenance=provenance),
            temuan_sheet(findings, plan, lang, sheets=sheets))


# --- Ringkasan -------------------------------------------------------------------------------

# One grid for every section (columns A..L); a section whose figure needs more room spans
# several columns (merged). Widths are in characters of the body font; with them the sheet
# prints one A4 landscape page wide at about 75 %.
RINGKASAN_WIDTHS = {1: 9, 2: 32, 3: 22, 4: 10, 5: 11, 6: 12, 7: 12, 8: 11, 9: 15, 10: 12,
                    11: 12, 12: 30}
RINGKASAN_COLUMNS = len(RINGKASAN_WIDTHS)
CHART_LINE_VALUE = 100.0
CHART_ROWS = 17  # rows (15 pt) the chart takes beside its data: the block is never shorter
CHART_HEIGHT_CM = 7.5


def _box(style: str) -> str:
    return f"{style}+box"


def _category(summary: Summary, name: str | None, total: bool = False, span: int = 1
              ) -> OutCell:
    index = summary.band_index(name)
    if index is None:
        return cell(name, _box("total" if total else "wrap"), span=span)
    return cell(name, _box(f"category:{index}/{len(summary.scale_bands)}"), span=span)


def number_style(value: object) -> str:
    """'integer' for a whole number (1.697), 'number' for one with decimals (4,88), '' for
    anything else."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "integer" if float(value).is_integer() else "number"
    return ""


def _num(value: float | str | None, span: int = 1) -> OutCell:
    """A target or realisation: a number with a number format, or the text as stated (a
    range '80-90'), right-aligned like the numbers."""
    return cell(value, _box(number_style(value) or "right"), span=span)


def _reading(key: str | None, lang: str) -> OutCell:
    if key is None:
        return cell(None, _box(""))
    return cell(t(f"fix.eff.{key}", lang), _box(f"reading:{key}"))


def ringkasan_sheet(summary: Summary, lang: str = "id",
                    actions: dict[str, int] | None = None, *,
                    plan: CorrectionPlan | None = None,
                    provenance: Provenance | None = None) -> OutSheet:
    """The summary sheet. `plan`: what fix did (the four kinds of marked cells are counted
    from it); `actions`: its counts (for the unsafe proposals not applied); both left out of
    a summary without a fix run. `provenance`: the source file, its SHA-256, time, version
    and settings (the header)."""
    g = _Grid()
    year = summary.year if summary.year is not None else "-"
    g.add(cell(t("fix.sum.title", lang, agency=summary.agency or "-", year=year), "title"))
    if summary.region:
        g.add(cell(summary.region, "subtitle"))
    g.add(cell(t("fix.sum.settings", lang, scale=summary.scale_name, bands=summary.scale_text,
                 formula=summary.negative_formula, decimals=summary.decimals), "note"))
    g.add(cell(t("fix.sum.conventions", lang, preset=summary.preset or "-",
                 cap=summary.capping, range=summary.range_reading,
                 efficiency=summary.efficiency_method), "note"))
    if provenance is not None:
        g.add(cell(t("fix.sum.source_file", lang, file=provenance.file_name,
                     sha256=provenance.sha256 or "-"), "note"))
        g.add(cell(t("fix.sum.made", lang, time=provenance.time, version=provenance.version,
                     settings=provenance.settings)
                   + (t("fix.sum.unsafe_applied", lang) if provenance.unsafe else ""), "note"))
    else:
        g.add(cell(t("fix.sum.generated", lang, version=__version__), "note"))
    omitted = []
    if not summary.indicators:
        omitted.append(t("fix.sum.omit.indicators", lang))
    if not summary.programs:
        omitted.append(t("fix.sum.omit.budget", lang))
    has_eff = summary.overall_efficiency.difference is not None or any(
        e.difference is not None for e in (*summary.efficiency, *summary.sasaran_efficiency))
    if summary.indicators and summary.programs and not has_eff:
        omitted.append(t("fix.sum.omit.efficiency", lang))
    if omitted:
        g.add(cell(t("fix.sum.omitted", lang, parts="; ".join(omitted)), "note"))
    g.blank()
    number = 0
    sections = []
    if summary.indicators:
        sections += [_indicators, _averages]
    if summary.programs:
        sections.append(_budget)
    if summary.indicators and summary.programs and has_eff:
        sections.append(_efficiency)
    for section in sections:
        number += 1
        g.block()
        section(g, summary, lang, number)
        g.blank()
    line_charts: tuple[LineChartSpec, ...] = ()
    if summary.multiyear:
        number += 1
        g.block()
        line_charts = _multiyear(g, summary, lang, number)
        g.blank()
    number += 1
    g.block()
    _counts(g, summary, lang, actions, plan, number)
    g.blank()
    number += 1
    g.block()
    _legend(g, summary, lang, number, plan is not None)
    chart = None
    if summary.indicators:
        g.blank()
        number += 1
        g.block()
        chart = _chart_data(g, summary, lang, number)
    sheet = OutSheet(SHEET_SUMMARY, tuple(g.rows), dict(RINGKASAN_WIDTHS), chart=chart,
                     print_rows="1:1", footer=t("fix.sum.footer", lang))
    heights = sheet.heights()
    breaks = page_breaks(heights, len(sheet.rows), g.blocks, sheet.page_rows() * 0.95,
                         heights.get(1, ROW_HEIGHT))
    return OutSheet(sheet.name, sheet.rows, sheet.widths, chart=chart, print_rows="1:1",
                    breaks=breaks, footer=sheet.footer, tall_rows={1: 22.0},
                    line_charts=line_charts)


def _section(g: _Grid, key: str, number: int, lang: str) -> None:
    g.add(cell(f"{number}. {t(key, lang)}", "section", span=RINGKASAN_COLUMNS))


def _headers(g: _Grid, *keys: str | tuple[str, int], lang: str, **params: object) -> None:
    cells = []
    for k in keys:
        key, span = (k, 1) if isinstance(k, str) else k
        cells.append(cell(t(key, lang, **params), "header", span=span))
    g.add(*cells)


def _indicators(g: _Grid, s: Summary, lang: str, number: int) -> None:
    _section(g, "fix.sum.s_indicators", number, lang)
    _headers(g, "fix.sum.h_code", "fix.sum.h_indicator", "fix.sum.h_sasaran", "fix.sum.h_unit",
             "fix.sum.h_polarity", "fix.sum.h_target", "fix.sum.h_realisasi",
             "fix.sum.h_capaian", "fix.sum.h_category", "fix.sum.h_rpjmd_target",
             "fix.sum.h_capaian_rpjmd", "fix.sum.h_formula", lang=lang, year=s.year or "")
    for line in s.indicators:
        polarity = line.polarity if line.polarity_stated else t(
            "fix.sum.polarity_assumed", lang, polarity=line.polarity)
        formula = formula_text(line.formula, lang) if line.capaian is not None else t(
            f"fix.sum.reason.{line.reason or 'no-target'}", lang)
        if line.source:
            formula += " " + t("fix.sum.measured_row", lang, where=line.where)
        notes = []
        if line.magnitude_mismatch:
            notes.append(t("fix.sum.magnitude", lang, pk=line.target, rpjmd=line.rpjmd_target))
        rpjmd_style = "warn-wrap" if line.magnitude_mismatch else "wrap"
        g.add(cell(line.code, _box("code")), cell(line.name, _box("wrap")),
              cell(line.sasaran, _box("wrap")), cell(line.satuan, _box("wrap")),
              cell(polarity, _box("wrap")), _num(line.target), _num(line.realisasi),
              cell(line.capaian, _box("percent")), _category(s, line.category),
              _num(line.rpjmd_target),
              cell(line.capaian_rpjmd, _box("percent") if not line.magnitude_mismatch
                   else "warn-percent"),
              cell("\n".join([formula, *notes]), rpjmd_style if notes else _box("wrap")))


def _average_row(g: _Grid, s: Summary, number: object, label: str, avg: Average, lang: str,
                 total: bool = False) -> None:
    formula = formula_text(avg.formula, lang) if avg.capaian is not None else t(
        "fix.sum.reason.none", lang)
    if avg.missing:
        formula += " " + t("fix.sum.left_out", lang, codes=", ".join(avg.missing))
    plain = "total-wrap" if total else "wrap"
    g.add(cell(number, _box("total" if total else "count")), cell(label, _box(plain)),
          cell(", ".join(avg.codes), _box(plain)),
          cell(len(avg.codes), _box("total-count" if total else "count")),
          cell(avg.capaian, _box("total-percent" if total else "percent")),
          _category(s, avg.category, total, span=2),
          cell(formula, _box("total-wrap" if total else "wrap"), span=5))


def _averages(g: _Grid, s: Summary, lang: str, number: int) -> None:
    _section(g, "fix.sum.s_sasaran", number, lang)
    _headers(g, "fix.sum.h_no", "fix.sum.h_sasaran", "fix.sum.h_codes", "fix.sum.h_count",
             "fix.sum.h_average", ("fix.sum.h_category", 2), ("fix.sum.h_formula", 5),
             lang=lang)
    for i, avg in enumerate(s.sasaran, start=1):
        _average_row(g, s, i, avg.label, avg, lang)
    _average_row(g, s, None, t("fix.sum.overall", lang), s.overall, lang, total=True)


def _budget(g: _Grid, s: Summary, lang: str, number: int) -> None:
    _section(g, "fix.sum.s_budget", number, lang)
    _headers(g, "fix.sum.h_code", "fix.sum.h_program", "fix.sum.h_source",
             ("fix.sum.h_pagu", 2), ("fix.sum.h_realisasi_rp", 2), "fix.sum.h_serapan",
             ("fix.sum.h_formula", 4), lang=lang)
    for p in s.programs:
        formula = formula_text(p.formula, lang) if p.serapan is not None else t(
            "fix.sum.no_serapan", lang)
        if p.flagged:
            formula += "\n" + t("fix.sum.flagged_used", lang, cells=", ".join(p.flagged))
        g.add(cell(p.kode, _box("code")), cell(p.name, _box("wrap")),
              cell(_source(p, lang), _box("wrap")), cell(p.pagu, _box("money"), span=2),
              cell(p.realisasi, _box("money"), span=2), cell(p.serapan, _box("percent")),
              cell(formula, _box("wrap"), span=4))
    total = s.budget_total
    g.add(cell(None, _box("total")), cell(t("fix.sum.total", lang), _box("total")),
          cell(None, _box("total")), cell(total.pagu, _box("total-money"), span=2),
          cell(total.realisasi, _box("total-money"), span=2),
          cell(total.serapan, _box("total-percent")),
          cell(formula_text(total.formula, lang), _box("total-wrap"), span=4))
    left_out = [p.name or p.kode for p in s.programs if p.pagu is None or p.realisasi is None]
    if left_out:
        g.add(cell(t("fix.sum.budget_left_out", lang, programs="; ".join(left_out)),
                   "note-wrap", span=RINGKASAN_COLUMNS))
    if s.budget_source == "rincian":
        g.add(cell(t("fix.sum.budget_rincian", lang), "note-wrap", span=RINGKASAN_COLUMNS))
    elif s.budget_source == "indikator":
        g.add(cell(t("fix.sum.budget_indikator", lang), "note-wrap", span=RINGKASAN_COLUMNS))


def _source(p: ProgramBudget, lang: str) -> str:
    """'Lampiran II!F4', or 'Keuangan!C43 (nama mirip: periksa)' for a matched row."""
    if not p.match:
        return p.where
    return t("fix.sum.source_matched", lang, where=p.where,
             how=t(f"fix.sum.match.{p.match}", lang))


def _efficiency_note(e: Efficiency, lang: str) -> str:
    notes = []
    if e.missing:
        notes.append(t("fix.sum.eff_missing", lang, codes=", ".join(e.missing)))
    if e.capaian is None:
        notes.append(t("fix.sum.eff_no_capaian", lang))
    elif e.serapan is None:
        notes.append(t("fix.sum.eff_no_serapan", lang))
    if e.readings_disagree:
        notes.append(t("fix.sum.eff_disagree", lang))
    return "; ".join(notes)


def _efficiency_row(g: _Grid, number: object, label: str, e: Efficiency, lang: str,
                    total: bool = False) -> None:
    plain = "total-wrap" if total else "wrap"
    g.add(cell(number, _box("total" if total else "count")), cell(label, _box(plain)),
          cell(", ".join(e.codes) or "-", _box(plain)),
          cell(e.capaian, _box("total-percent" if total else "percent")),
          cell(e.serapan, _box("total-percent" if total else "percent")),
          cell(e.difference, _box("total-percent" if total else "percent")),
          _reading(e.difference_reading, lang),
          cell(e.ratio, _box("total-ratio" if total else "ratio")),
          _reading(e.ratio_reading, lang),
          cell(_efficiency_note(e, lang), _box("total-wrap" if total else "wrap"), span=3))


def _efficiency(g: _Grid, s: Summary, lang: str, number: int) -> None:
    _section(g, "fix.sum.s_efficiency", number, lang)
    method = s.efficiency_method
    # The report's method is named in the header of the reading it uses.
    by_difference = {EfficiencyMethod.DIFFERENCE: "fix.sum.h_difference_reading.used",
                     EfficiencyMethod.AT_LEAST: "fix.sum.h_difference_reading.at-least"
                     }.get(method, "fix.sum.h_difference_reading")
    by_ratio = "fix.sum.h_ratio_reading.used" if method is EfficiencyMethod.RATIO \
        else "fix.sum.h_ratio_reading"
    g.add(cell(t(f"fix.sum.eff_method.{method.name.lower()}", lang,
                 where=s.efficiency_origin or t("fix.sum.eff_method_default", lang)),
               "note-wrap", span=RINGKASAN_COLUMNS))
    _headers(g, "fix.sum.h_no", "fix.sum.h_program", "fix.sum.h_codes",
             "fix.sum.h_capaian_kinerja", "fix.sum.h_serapan", "fix.sum.h_difference",
             by_difference, "fix.sum.h_ratio", by_ratio, ("fix.sum.h_note", 3), lang=lang)
    if s.sasaran_efficiency:
        by = "fix.sum.eff_by_indicator" if s.budget_source == "indikator" \
            else "fix.sum.eff_by_program"
        g.add(cell(t(by, lang), "subheader+box", span=RINGKASAN_COLUMNS))
    for i, e in enumerate(s.efficiency, start=1):
        _efficiency_row(g, i, e.label, e, lang)
    if s.sasaran_efficiency:
        g.add(cell(t("fix.sum.eff_by_sasaran", lang), "subheader+box",
                   span=RINGKASAN_COLUMNS))
        for i, e in enumerate(s.sasaran_efficiency, start=1):
            _efficiency_row(g, i, e.label, e, lang)
    _efficiency_row(g, None, t("fix.sum.overall", lang), s.overall_efficiency, lang,
                    total=True)
    note = "fix.sum.eff_note.at-least" if method is EfficiencyMethod.AT_LEAST \
        else "fix.sum.eff_note"
    g.add(cell(t(note, lang), "note-wrap", span=RINGKASAN_COLUMNS))
    if any(e.readings_disagree for e in (*s.efficiency, *s.sasaran_efficiency,
                                         s.overall_efficiency)):
        g.add(cell(t("fix.sum.eff_disagree_note", lang), "note-wrap", span=RINGKASAN_COLUMNS))


# Across years: Kode | Indikator | Uraian | one column per year (at most
# summary.MULTIYEAR_MAX_YEARS) | Target Akhir | Progres; a note row under each indicator.
MULTIYEAR_FIRST_YEAR_COL = 4
LINE_CHART_ROWS = 15  # rows (15 pt) one line chart takes (6,5 cm)
LINE_CHARTS_PER_ROW = 2
LINE_CHART_ANCHOR_COLS = ("A", "G")


def _multiyear(g: _Grid, s: Summary, lang: str, number: int) -> tuple[LineChartSpec, ...]:
    """The multi-year table, then a line chart per indicator with two or more years of
    realisation (realisation against the RPJMD target of each year)."""
    _section(g, "cmp.sum.section", number, lang)
    years = s.multiyear_years
    tail = MULTIYEAR_FIRST_YEAR_COL + len(years)
    header = g.add(cell(t("fix.sum.h_code", lang), "header"),
                   cell(t("fix.sum.h_indicator", lang), "header"),
                   cell(t("cmp.sum.h_what", lang), "header"),
                   *(cell(str(y), "header") for y in years),
                   cell(t("cmp.sum.h_end_target", lang), "header"),
                   cell(t("cmp.sum.h_progress", lang), "header"),
                   *(cell(None, "header") for _ in range(RINGKASAN_COLUMNS - tail - 1)))
    charts: list[tuple[MultiYearLine, int]] = []
    for i, line in enumerate(s.multiyear):
        if i:
            g.block()  # a page may break between indicators, never inside one
        first = g.add(cell(line.code, _box("code")), cell(line.name, _box("wrap")),
                      cell(t("cmp.sum.realisasi", lang), _box("wrap")),
                      *(_num(v) for v in line.realisasi),
                      _num(line.end_target),
                      cell(line.progress, _box("percent")),
                      *(cell(None, _box("")) for _ in range(RINGKASAN_COLUMNS - tail - 1)))
        g.add(cell(None, _box("")), cell(line.satuan, _box("wrap")),
              cell(t("cmp.sum.target", lang), _box("wrap")),
              *(_num(v) for v in line.targets),
              cell(t("cmp.sum.end_year", lang, year=line.end_year or "-"), _box("wrap")),
              cell(None, _box("")),
              *(cell(None, _box("")) for _ in range(RINGKASAN_COLUMNS - tail - 1)))
        g.add(cell(None, _box("")),
              cell(_multiyear_note(line, lang, s.decimals), _box("wrap"),
                   span=RINGKASAN_COLUMNS - 1))
        if line.charted:
            charts.append((line, first))
    g.add(cell(t("cmp.sum.note", lang), "note-wrap", span=RINGKASAN_COLUMNS))
    if not charts:
        return ()
    g.blank()
    top = g.next_row
    specs = []
    for i, (line, row) in enumerate(charts):
        band, side = divmod(i, LINE_CHARTS_PER_ROW)
        anchor_row = top + band * LINE_CHART_ROWS
        if side == 0:  # each band of charts is a block: a page breaks between bands
            g.block()
            while g.next_row < anchor_row + LINE_CHART_ROWS:
                g.blank()
        specs.append(LineChartSpec(
            t("cmp.sum.chart_title", lang, code=line.code, name=line.name or line.code),
            header_row=header, rows=(row, row + 1),
            title_col=3, last_col=MULTIYEAR_FIRST_YEAR_COL + len(years) - 1,
            anchor=f"{LINE_CHART_ANCHOR_COLS[side]}{anchor_row}",
            y_title=line.satuan or t("cmp.sum.realisasi", lang)))
    return tuple(specs)


def _multiyear_note(line: MultiYearLine, lang: str, decimals: int) -> str:
    """How the progress was obtained, the trend, the national standard."""
    parts = []
    cumulative = line.accumulation == Accumulation.CUMULATIVE.value
    how = t(f"cmp.sum.how.{'cumulative' if cumulative else 'latest'}", lang)
    if line.progress_computed is not None:
        parts.append(t("cmp.sum.progress_computed", lang, how=how,
                       to_date=line.to_date_formula, formula=line.progress_formula,
                       value=fmt(line.progress_computed, decimals)))
    elif line.missing:
        parts.append(t("cmp.sum.progress_missing", lang, how=how,
                       years=", ".join(str(y) for y in line.missing)))
    else:
        parts.append(t("cmp.sum.progress_none", lang, how=how))
    if line.progress_stated:
        parts.append(t("cmp.sum.progress_stated", lang))
    if line.end_formula:
        parts.append(t("cmp.sum.end_sum", lang, formula=line.end_formula))
    if line.trend:
        stated = t("cmp.sum.trend_stated", lang, trend=line.trend_stated) \
            if line.trend_stated else ""
        parts.append(t("cmp.sum.trend", lang, trend=line.trend) + stated)
    if line.standard is not None:
        parts.append(t("cmp.sum.standard", lang, standard=line.standard,
                       source=line.standard_source or "-",
                       capaian=fmt(line.capaian_standard, decimals)
                       if line.capaian_standard is not None else "-",
                       formula=line.capaian_standard_formula or "-"))
    return "; ".join(parts) + "."


def _counts(g: _Grid, s: Summary, lang: str, actions: dict[str, int] | None,
            plan: CorrectionPlan | None, number: int) -> None:
    _section(g, "fix.sum.s_findings", number, lang)
    _headers(g, ("fix.sum.h_severity", 2), "fix.sum.h_findings", lang=lang)
    for sev in Severity:
        g.add(cell(t(f"fix.severity.{sev.value}", lang), _box(f"severity:{sev.value}"), span=2),
              cell(s.counts.get(sev.value, 0), _box("count")))
    g.add(cell(t("fix.sum.total", lang), _box("total"), span=2),
          cell(sum(s.counts.values()), _box("total-count")))
    if plan is None:
        return
    g.blank()
    _headers(g, ("fix.sum.h_action", 2), "fix.sum.h_cells", ("fix.sum.h_meaning", 9),
             lang=lang)
    counts = plan.marks_shown()
    for kind in COUNT_NAMES:
        g.add(cell(t(f"fix.sum.mark.{kind}", lang), _box(f"mark:{kind}"), span=2),
              cell(counts[kind], _box("count")),
              cell(t(f"fix.sum.mark_meaning.{kind}", lang), _box("wrap"), span=9))
    g.add(cell(t("fix.sum.total", lang), _box("total"), span=2),
          cell(sum(counts.values()), _box("total-count")),
          cell(None, _box("total"), span=9))
    skipped = (actions or {}).get("unsafe-skipped", plan.unsafe_skipped)
    if skipped:
        g.add(cell(t("fix.sum.unsafe_skipped", lang, n=skipped), "note-wrap",
                   span=RINGKASAN_COLUMNS))


def _legend(g: _Grid, s: Summary, lang: str, number: int, marks: bool) -> None:
    _section(g, "fix.sum.s_legend", number, lang)
    _headers(g, "fix.sum.h_colour", ("fix.sum.h_meaning", 4), lang=lang)
    if marks:
        for kind in COUNT_NAMES:
            g.add(cell(None, _box(f"mark:{kind}")),
                  cell(t(f"fix.sum.mark.{kind}", lang), _box(""), span=4))
    n = len(s.scale_bands)
    for i, band in enumerate(s.scale_bands):
        g.add(cell(None, _box(f"category:{i}/{n}")),
              cell(t("fix.legend.category", lang, name=band), _box(""), span=4))
    for key in ("efisien", "cukup-efisien", "tidak-efisien"):
        g.add(cell(None, _box(f"reading:{key}")),
              cell(t(f"fix.legend.reading.{key}", lang), _box(""), span=4))


def _chart_data(g: _Grid, s: Summary, lang: str, number: int) -> ChartSpec | None:
    _section(g, "fix.sum.s_chart", number, lang)
    _headers(g, "fix.sum.h_code", "fix.sum.h_capaian", "fix.sum.h_line", lang=lang)
    first = g.next_row
    na = t("fix.sum.na", lang)
    for line in s.indicators:
        label = line.code or line.where
        if line.capaian is None:
            label = f"{label} ({na})"
        g.add(cell(label, _box("code")), cell(line.capaian, _box("percent")),
              cell(CHART_LINE_VALUE, _box("percent")))
    last = g.next_row - 1
    if last < first:
        return None
    if any(line.capaian is None for line in s.indicators):
        g.add(cell(t("fix.sum.chart_na", lang, na=na), "note", span=3))
    while g.next_row < first - 1 + CHART_ROWS:  # the chart's own height, kept on the page
        g.blank()
    values = [line.capaian for line in s.indicators if line.capaian is not None]
    top = max([CHART_LINE_VALUE + 20, *values])
    y_max = float(math.ceil(top / 20.0) * 20)
    year = s.year if s.year is not None else "-"
    n = last - first + 1
    return ChartSpec(t("fix.sum.chart_title", lang, agency=s.agency or "-", year=year),
                     first, last, 1, 2, 3, f"D{first - 1}", t("fix.sum.h_capaian", lang),
                     y_max=y_max, y_step=20.0, width_cm=max(16.0, min(30.0, 1.6 * n + 6)),
                     height_cm=CHART_HEIGHT_CM)


# --- Temuan ---------------------------------------------------------------------------------

TEMUAN_KEYS = ("fix.tem.no", "fix.tem.severity", "fix.tem.code", "fix.tem.name",
               "fix.tem.sheet", "fix.tem.cell", "fix.tem.message", "fix.tem.stated",
               "fix.tem.expected", "fix.tem.difference", "fix.tem.formula", "fix.tem.related",
               "fix.tem.action", "fix.tem.response")
TEMUAN_WIDTHS = {1: 5, 2: 11, 3: 8, 4: 22, 5: 14, 6: 7, 7: 58, 8: 15, 9: 15, 10: 14, 11: 34,
                 12: 32, 13: 14, 14: 30}
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def auditor_order(findings: Sequence[Finding]) -> list[int]:
    """Indexes of `findings`: errors first, then warnings, then info; check's order within."""
    return sorted(range(len(findings)),
                  key=lambda i: (SEVERITY_ORDER.get(findings[i].severity, 3), i))


def _message(f: Finding, outcome: Outcome, lang: str) -> str:
    """The finding's message; once `fix` wrote the number, without the advice to store it
    as a number."""
    text = f.message(lang)
    if outcome is not Outcome.REVIEW:
        advice = t("fix.tem.advice_store", lang)
        if advice and advice in text:
            text = text.replace(advice, t("fix.tem.stored", lang)).rstrip()
    return text


RELATED_SHOWN = 1  # related cells named in the Temuan row (a link cell does not wrap in
# LibreOffice); the message names them all


def _related(f: Finding, sheets: Collection[str], lang: str) -> OutCell:
    """The related cells as text ('Lampiran II!K6 dan 9 sel lain'), linked to the first one
    that exists."""
    refs = list(f.related)
    if not refs:
        return cell(None, _box("wrap"))
    link = ""
    for ref in refs:
        sheet, _, address = ref.rpartition("!")
        if sheet in sheets and address:
            link = location(sheet, address.split(":")[0])
            break
    text = ", ".join(refs[:RELATED_SHOWN])
    if len(refs) > RELATED_SHOWN:
        text += " " + t("fix.tem.more", lang, n=len(refs) - RELATED_SHOWN)
    return cell(text, _box("link-wrap" if link else "wrap"), link)


def temuan_sheet(findings: Sequence[Finding], plan: CorrectionPlan | None = None,
                 lang: str = "id", sheets: Collection[str] = ()) -> OutSheet:
    """One row per finding, errors first, then warnings, then info (check's order within
    each). `sheets`: the sheet names of the workbook, so that a cell is a link only where its
    sheet exists. The last column is left for the agency's answer."""
    g = _Grid()
    g.add(*(cell(t(k, lang), "header") for k in TEMUAN_KEYS))
    for n, i in enumerate(auditor_order(findings), start=1):
        f = findings[i]
        severity = f.severity.value  # the fields of `finding_to_dict`, without its message
        outcome = plan.outcomes[i] if plan is not None and i < len(plan.outcomes) \
            else Outcome.REVIEW
        link = ""
        if f.sheet in sheets:
            ref = finding_ref(f)
            link = location(f.sheet, ref.address if ref else "A1")
        g.add(cell(n, _box("count")),
              cell(t(f"fix.severity.{severity}", lang), _box(f"severity:{severity}")),
              cell(f.code, _box("")), cell(rule_title(f.code, f.name, lang), _box("wrap")),
              cell(f.sheet, _box("wrap")),
              # A finding on a whole sheet links to its A1 and shows the link's target
              # (what a spreadsheet shows in a link cell without text).
              cell(f.cell or link or None, _box("link" if link else ""), link),
              cell(_message(f, outcome, lang), _box("wrap")), _value(f.stated),
              _value(f.expected), _value(f.difference),
              cell(formula_text(f.formula, lang), _box("wrap")), _related(f, sheets, lang),
              cell(t(f"fix.action.{outcome.value}", lang),
                   _box(f"mark:{outcome.value}")),  # the mark the cell itself shows
              cell(None, _box("input")))
    last = column_letter(len(TEMUAN_KEYS))
    return OutSheet(SHEET_FINDINGS, tuple(g.rows), dict(TEMUAN_WIDTHS), freeze="A2",
                    autofilter=f"A1:{last}{len(g.rows)}", print_rows="1:1",
                    footer=t("fix.sum.footer", lang))


def _value(value: object) -> OutCell:
    return cell(value, _box(number_style(value) or "wrap"))
