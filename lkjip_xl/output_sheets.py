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

from . import __version__
from .corrections import CorrectionPlan, Outcome, finding_ref, localise_formula
from .messages import t
from .model import column_letter
from .rules.base import Finding, Severity
from .schema import SHEET_FINDINGS, SHEET_SUMMARY
from .summary import Average, Efficiency, ProgramBudget, Summary
from .writers.formats import finding_to_dict, neutralise
from .writers.styles import look

DEFAULT_WIDTH = 8.43  # a spreadsheet column's default width, in characters
WIDTH_TO_CHARS = 1.1  # characters of body text per unit of column width (conservative)
LINE_HEIGHT = 15.0  # points per line of 11 pt text


@dataclass(frozen=True, slots=True)
class OutCell:
    value: object = None
    style: str = ""
    link: str = ""  # a place in the workbook: "'Lampiran II'!J12"


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """A bar chart of column `value_col` by `category_col` over rows first..last, with the
    constant of `line_col` drawn as a line (the 100% line)."""

    title: str
    first_row: int
    last_row: int
    category_col: int
    value_col: int
    line_col: int
    anchor: str
    y_title: str


@dataclass(frozen=True, slots=True)
class OutSheet:
    name: str
    rows: tuple[tuple[OutCell, ...], ...]
    widths: dict[int, float] = field(default_factory=dict)  # 1-based column -> width
    freeze: str | None = None
    autofilter: str | None = None
    chart: ChartSpec | None = None

    def heights(self) -> dict[int, float]:
        """Row heights (points) so wrapped text shows whole: spreadsheet programs do not
        always fit rows on opening. Rows that need one line are left alone."""
        result: dict[int, float] = {}
        for r, row in enumerate(self.rows, start=1):
            lines = 1
            for col, out in enumerate(row, start=1):
                if isinstance(out.value, str) and look(out.style).wrap:
                    chars = max(4.0, self.widths.get(col, DEFAULT_WIDTH) * WIDTH_TO_CHARS)
                    lines = max(lines, sum(math.ceil(max(1, len(part)) / chars)
                                           for part in out.value.splitlines() or [""]))
            if lines > 1:
                result[r] = round(LINE_HEIGHT * lines + 3, 1)
        return result


EXCEL_MAX_TEXT = 32_767  # characters in one cell: Excel repairs a file with longer ones


def cell(value: object = None, style: str = "", link: str = "") -> OutCell:
    value = neutralise(value)
    if isinstance(value, str) and len(value) > EXCEL_MAX_TEXT:
        value = value[:EXCEL_MAX_TEXT - 1] + "\u2026"
    return OutCell(value, style, link)


def location(sheet: str, address: str = "A1") -> str:
    """A workbook-internal link target: 'Lampiran II'!J12 (quotes doubled inside)."""
    return "'" + sheet.replace("'", "''") + "'!" + address


class _Grid:
    def __init__(self) -> None:
        self.rows: list[tuple[OutCell, ...]] = []

    @property
    def next_row(self) -> int:
        return len(self.rows) + 1

    def add(self, *cells: OutCell | object) -> int:
        self.rows.append(tuple(c if isinstance(c, OutCell) else cell(c) for c in cells))
        return len(self.rows)

    def blank(self) -> None:
        self.rows.append(())


def fix_sheets(summary: Summary, findings: Sequence[Finding], plan: CorrectionPlan,
               lang: str = "id", actions: dict[str, int] | None = None,
               sheets: Collection[str] = ()) -> tuple[OutSheet, OutSheet]:
    """The two sheets `fix` adds, in order: Ringkasan, then Temuan. The corrected workbook
    and the Excel button both lay them out through this one function."""
    return (ringkasan_sheet(summary, lang, actions),
            temuan_sheet(findings, plan, lang, sheets=sheets))


# --- Ringkasan -------------------------------------------------------------------------------

RINGKASAN_WIDTHS = {1: 12, 2: 46, 3: 30, 4: 18, 5: 18, 6: 14, 7: 16, 8: 14, 9: 18, 10: 14,
                    11: 14, 12: 44}
CHART_LINE_VALUE = 100.0


def _category(summary: Summary, name: str | None, total: bool = False) -> OutCell:
    index = summary.band_index(name)
    if index is None:
        return cell(name, "total" if total else "")
    return cell(name, f"category:{index}/{len(summary.scale_bands)}")


def _num(value: float | str | None, style: str) -> OutCell:
    return cell(value, style if isinstance(value, int | float) else "")


def _reading(key: str | None, lang: str) -> OutCell:
    if key is None:
        return cell(None)
    return cell(t(f"fix.eff.{key}", lang), f"reading:{key}")


def ringkasan_sheet(summary: Summary, lang: str = "id",
                    actions: dict[str, int] | None = None) -> OutSheet:
    """The summary sheet. `actions` counts what fix did (Outcome value -> cells, and
    'unsafe-skipped'); left out when None (a summary without a fix run)."""
    g = _Grid()
    year = summary.year if summary.year is not None else "-"
    g.add(cell(t("fix.sum.title", lang, agency=summary.agency or "-", year=year), "title"))
    if summary.region:
        g.add(cell(summary.region, "subtitle"))
    g.add(cell(t("fix.sum.settings", lang, scale=summary.scale_name, bands=summary.scale_text,
                 formula=summary.negative_formula, decimals=summary.decimals), "note"))
    g.add(cell(t("fix.sum.generated", lang, version=__version__), "note"))
    g.blank()
    _indicators(g, summary, lang)
    g.blank()
    _averages(g, summary, lang)
    g.blank()
    _budget(g, summary, lang)
    g.blank()
    _efficiency(g, summary, lang)
    g.blank()
    _counts(g, summary, lang, actions)
    g.blank()
    _legend(g, summary, lang)
    g.blank()
    chart = _chart_data(g, summary, lang)
    return OutSheet(SHEET_SUMMARY, tuple(g.rows), dict(RINGKASAN_WIDTHS), chart=chart)


def _headers(g: _Grid, *keys: str, lang: str, **params: object) -> None:
    g.add(*(cell(t(k, lang, **params), "header") for k in keys))


def _indicators(g: _Grid, s: Summary, lang: str) -> None:
    g.add(cell(t("fix.sum.s_indicators", lang), "section"))
    _headers(g, "fix.sum.h_code", "fix.sum.h_indicator", "fix.sum.h_sasaran", "fix.sum.h_unit",
             "fix.sum.h_polarity", "fix.sum.h_target", "fix.sum.h_realisasi",
             "fix.sum.h_capaian", "fix.sum.h_category", "fix.sum.h_rpjmd_target",
             "fix.sum.h_capaian_rpjmd", "fix.sum.h_formula", lang=lang, year=s.year or "")
    for line in s.indicators:
        polarity = line.polarity if line.polarity_stated else t(
            "fix.sum.polarity_assumed", lang, polarity=line.polarity)
        formula = localise_formula(line.formula, lang) if line.capaian is not None else t(
            f"fix.sum.reason.{line.reason or 'no-target'}", lang)
        g.add(cell(line.code, "code"), cell(line.name, "wrap"), cell(line.sasaran, "wrap"),
              cell(line.satuan), cell(polarity), _num(line.target, "number"),
              _num(line.realisasi, "number"), _num(line.capaian, "percent"),
              _category(s, line.category), _num(line.rpjmd_target, "number"),
              _num(line.capaian_rpjmd, "percent"), cell(formula, "wrap"))


def _average_row(g: _Grid, s: Summary, number: object, label: str, avg: Average, lang: str,
                 total: bool = False) -> None:
    formula = localise_formula(avg.formula, lang) if avg.capaian is not None else t(
        "fix.sum.reason.none", lang)
    if avg.missing:
        formula += " " + t("fix.sum.left_out", lang, codes=", ".join(avg.missing))
    style = "total" if total else ""
    g.add(cell(number, style), cell(label, "total" if total else "wrap"),
          cell(", ".join(avg.codes), style), cell(len(avg.codes), "total-count" if total else
                                                   "count"),
          cell(avg.capaian, "total-percent" if total else "percent"),
          _category(s, avg.category, total), cell(formula, style))


def _averages(g: _Grid, s: Summary, lang: str) -> None:
    g.add(cell(t("fix.sum.s_sasaran", lang), "section"))
    _headers(g, "fix.sum.h_no", "fix.sum.h_sasaran", "fix.sum.h_codes", "fix.sum.h_count",
             "fix.sum.h_average", "fix.sum.h_category", "fix.sum.h_formula", lang=lang)
    for i, avg in enumerate(s.sasaran, start=1):
        _average_row(g, s, i, avg.label, avg, lang)
    _average_row(g, s, None, t("fix.sum.overall", lang), s.overall, lang, total=True)


def _budget(g: _Grid, s: Summary, lang: str) -> None:
    g.add(cell(t("fix.sum.s_budget", lang), "section"))
    _headers(g, "fix.sum.h_code", "fix.sum.h_program", "fix.sum.h_source", "fix.sum.h_pagu",
             "fix.sum.h_realisasi_rp", "fix.sum.h_serapan", "fix.sum.h_formula", lang=lang)
    for p in s.programs:
        g.add(cell(p.kode, "code"), cell(p.name, "wrap"), cell(_source(p, lang), "wrap"),
              cell(p.pagu, "money"), cell(p.realisasi, "money"), cell(p.serapan, "percent"),
              cell(localise_formula(p.formula, lang) if p.serapan is not None else t(
                  "fix.sum.no_serapan", lang)))
    total = s.budget_total
    g.add(cell(None, "total"), cell(t("fix.sum.total", lang), "total"), cell(None, "total"),
          cell(total.pagu, "total-money"), cell(total.realisasi, "total-money"),
          cell(total.serapan, "total-percent"),
          cell(localise_formula(total.formula, lang), "total"))
    left_out = [p.name or p.kode for p in s.programs if p.pagu is None or p.realisasi is None]
    if left_out:
        g.add(cell(t("fix.sum.budget_left_out", lang, programs="; ".join(left_out)), "note"))


def _source(p: ProgramBudget, lang: str) -> str:
    """'Lampiran II!F4', or 'Keuangan!C43 (nama mirip: periksa)' for a matched row."""
    if not p.match:
        return p.where
    return t("fix.sum.source_matched", lang, where=p.where,
             how=t(f"fix.sum.match.{p.match}", lang))


def _efficiency_row(g: _Grid, number: object, label: str, e: Efficiency, lang: str,
                    total: bool = False) -> None:
    g.add(cell(number, "total" if total else ""), cell(label, "total" if total else "wrap"),
          cell(", ".join(e.codes), "total" if total else ""),
          cell(e.capaian, "total-percent" if total else "percent"),
          cell(e.serapan, "total-percent" if total else "percent"),
          cell(e.difference, "total-percent" if total else "percent"),
          _reading(e.difference_reading, lang),
          cell(e.ratio, "total-ratio" if total else "ratio"), _reading(e.ratio_reading, lang))


def _efficiency(g: _Grid, s: Summary, lang: str) -> None:
    g.add(cell(t("fix.sum.s_efficiency", lang), "section"))
    _headers(g, "fix.sum.h_no", "fix.sum.h_program", "fix.sum.h_codes",
             "fix.sum.h_capaian_kinerja", "fix.sum.h_serapan", "fix.sum.h_difference",
             "fix.sum.h_difference_reading", "fix.sum.h_ratio", "fix.sum.h_ratio_reading",
             lang=lang)
    for i, e in enumerate(s.efficiency, start=1):
        _efficiency_row(g, i, e.label, e, lang)
    _efficiency_row(g, None, t("fix.sum.overall", lang), s.overall_efficiency, lang, total=True)
    g.add(cell(t("fix.sum.eff_note", lang), "note"))


def _counts(g: _Grid, s: Summary, lang: str, actions: dict[str, int] | None) -> None:
    g.add(cell(t("fix.sum.s_findings", lang), "section"))
    _headers(g, "fix.sum.h_severity", "fix.sum.h_findings", lang=lang)
    for sev in Severity:
        g.add(cell(t(f"fix.severity.{sev.value}", lang), f"severity:{sev.value}"),
              cell(s.counts.get(sev.value, 0), "count"))
    g.add(cell(t("fix.sum.total", lang), "total"),
          cell(sum(s.counts.values()), "total-count"))
    if actions is None:
        return
    g.blank()
    _headers(g, "fix.sum.h_action", "fix.sum.h_cells", lang=lang)
    for key in (Outcome.CORRECTED.value, Outcome.FILLED.value, Outcome.REVIEW.value):
        style = {"review": "review"}.get(key, "changed")
        g.add(cell(t(f"fix.action.{key}", lang), style), cell(actions.get(key, 0), "count"))
    if actions.get("unsafe-skipped"):
        g.add(cell(t("fix.sum.unsafe_skipped", lang, n=actions["unsafe-skipped"]), "note"))


def _legend(g: _Grid, s: Summary, lang: str) -> None:
    g.add(cell(t("fix.sum.s_legend", lang), "section"))
    _headers(g, "fix.sum.h_colour", "fix.sum.h_meaning", lang=lang)
    g.add(cell(None, "changed"), cell(t("fix.legend.changed", lang), "wrap"))
    g.add(cell(None, "review"), cell(t("fix.legend.review", lang), "wrap"))
    n = len(s.scale_bands)
    for i, band in enumerate(s.scale_bands):
        g.add(cell(None, f"category:{i}/{n}"), cell(t("fix.legend.category", lang, name=band)))
    for key in ("efisien", "cukup-efisien", "tidak-efisien"):
        g.add(cell(None, f"reading:{key}"), cell(t(f"fix.legend.reading.{key}", lang)))


def _chart_data(g: _Grid, s: Summary, lang: str) -> ChartSpec | None:
    g.add(cell(t("fix.sum.s_chart", lang), "section"))
    _headers(g, "fix.sum.h_code", "fix.sum.h_capaian", "fix.sum.h_line", lang=lang)
    first = g.next_row
    for line in s.indicators:
        g.add(cell(line.code, "code"), cell(line.capaian, "percent"),
              cell(CHART_LINE_VALUE, "percent"))
    last = g.next_row - 1
    if last < first:
        return None
    return ChartSpec(t("fix.sum.chart_title", lang), first, last, 1, 2, 3, f"D{first - 1}",
                     t("fix.sum.h_capaian", lang))


# --- Temuan ----------------------------------------------------------------------------------

TEMUAN_KEYS = ("fix.tem.no", "fix.tem.code", "fix.tem.name", "fix.tem.severity",
               "fix.tem.sheet", "fix.tem.cell", "fix.tem.message", "fix.tem.stated",
               "fix.tem.expected", "fix.tem.difference", "fix.tem.formula", "fix.tem.action")
TEMUAN_WIDTHS = {1: 6, 2: 9, 3: 24, 4: 12, 5: 18, 6: 8, 7: 70, 8: 16, 9: 16, 10: 12, 11: 36,
                 12: 16}


def temuan_sheet(findings: Sequence[Finding], plan: CorrectionPlan | None = None,
                 lang: str = "id", sheets: Collection[str] = ()) -> OutSheet:
    """One row per finding, in the order given (check's order). `sheets`: the sheet names of
    the workbook, so that a cell is a link only where its sheet exists."""
    g = _Grid()
    g.add(*(cell(t(k, lang), "header") for k in TEMUAN_KEYS))
    for i, f in enumerate(findings):
        d = finding_to_dict(f, lang)
        outcome = plan.outcomes[i] if plan is not None else Outcome.REVIEW
        link = ""
        if f.sheet in sheets:
            ref = finding_ref(f)
            link = location(f.sheet, ref.address if ref else "A1")
        g.add(cell(i + 1, "count"), cell(d["code"]), cell(d["name"]),
              cell(t(f"fix.severity.{d['severity']}", lang), f"severity:{d['severity']}"),
              # A finding on a whole sheet links to its A1 and shows the link's target
              # (what a spreadsheet shows in a link cell without text).
              cell(d["sheet"]), cell(d["cell"] or link or None, "link" if link else "", link),
              cell(d["message"], "wrap"), _value(d["stated"]), _value(d["expected"]),
              _value(d["difference"]), cell(localise_formula(d["formula"], lang), "wrap"),
              cell(t(f"fix.action.{outcome.value}", lang),
                   "review" if outcome is Outcome.REVIEW else "changed"))
    last = column_letter(len(TEMUAN_KEYS))
    return OutSheet(SHEET_FINDINGS, tuple(g.rows), dict(TEMUAN_WIDTHS), freeze="A2",
                    autofilter=f"A1:{last}{len(g.rows)}")


def _value(value: object) -> OutCell:
    return cell(value, "number" if isinstance(value, int | float) else "")
