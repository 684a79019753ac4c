"""Write an `OutSheet` (output_sheets: Ringkasan, Temuan) into an openpyxl worksheet: values,
styles, links, merged ranges, widths and heights, the page set-up for printing, the chart.

Page set-up of every sheet written here: A4 landscape, one page wide (as many pages tall as
needed), margins of `output_sheets.MARGIN_*`, the sheet's print-title rows repeated on every
page, its manual page breaks (between sections, never inside one that fits on a page), and a
centred "page X of N" footer. Every style names its font.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import copy
from typing import TYPE_CHECKING, Any

from ..output_sheets import (
    MARGIN_BOTTOM_IN,
    MARGIN_SIDE_IN,
    MARGIN_TOP_IN,
    LineChartSpec,
    OutSheet,
)
from .sheetxml import SheetBody, frame
from .styles import BORDER_RGB, FONT_NAME, FONT_SIZE, Look, look

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


def render(ws: Worksheet, sheet: OutSheet, cells: bool = True,
           memo: StyleMemo | None = None) -> SheetBody | None:
    """`sheet` into `ws`. `cells=False`: the cells are left to `sheetxml` (written straight
    into the saved part, see there) and returned as a SheetBody; None when they are in `ws`.
    `memo`: the looks worked out for the other sheets rendered into the same workbook."""
    from openpyxl.utils import get_column_letter

    body = None if cells else frame(ws, sheet, memo)
    if body is None:
        _cells(ws, sheet)
    for col, width in sheet.widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    if body is not None:  # written with the cells (a row dimension each: 5 ms for Temuan)
        body.heights = sheet.heights()
    else:
        for row, height in sheet.heights().items():
            ws.row_dimensions[row].height = height
    page_setup(ws, sheet)
    if sheet.freeze:
        ws.freeze_panes = sheet.freeze
    if sheet.autofilter:
        ws.auto_filter.ref = sheet.autofilter
    if sheet.chart is not None:
        add_chart(ws, sheet)
    for spec in sheet.line_charts:
        add_line_chart(ws, spec)
    return body


def _cells(ws: Worksheet, sheet: OutSheet) -> None:
    """Every cell of `sheet` as an openpyxl cell: values, styles, links, merged ranges."""
    from openpyxl.worksheet.hyperlink import Hyperlink

    styled: dict[str, Any] = {}  # style key -> a cell styled that way
    for r, row in enumerate(sheet.rows, start=1):
        for col, out in enumerate(row, start=1):
            if out.value is None and not out.style:
                continue
            c = ws.cell(row=r, column=col)
            c.value = out.value
            if isinstance(out.value, str):
                c.data_type = "s"
            model = styled.get(out.style)
            if model is not None:
                # openpyxl's fast path: share the style array of a cell styled alike
                # (setting font, fill, ... one by one registers each again: 3x slower).
                c._style = copy(model._style)
            else:
                apply_look(c, look(out.style))
                styled[out.style] = c
            if out.link:
                c.hyperlink = Hyperlink(ref=c.coordinate, location=out.link,
                                        display=str(out.value or ""))
    for merged in sheet.merges:
        ws.merge_cells(merged)


StyleMemo = dict[tuple, Any]


def restyle(c: Any, memo: StyleMemo, key: tuple, change: Callable[[Any], None]) -> None:
    """`change(c)`, which only sets styles from `c`'s own style and `key`, done once per
    style: a cell styled alike gets the resulting style array copied. The result is the same
    (openpyxl registers each new font, fill, border once, in the same order), without
    openpyxl hashing and comparing style objects for every cell."""
    style = c._style
    k = (key, None if style is None else tuple(style))
    done = memo.get(k)
    if done is None:
        change(c)
        memo[k] = copy(c._style)
    else:
        c._style = copy(done)


def page_setup(ws: Worksheet, sheet: OutSheet) -> None:
    from openpyxl.worksheet.pagebreak import Break, RowBreak

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = MARGIN_SIDE_IN
    ws.page_margins.top = MARGIN_TOP_IN
    ws.page_margins.bottom = MARGIN_BOTTOM_IN
    ws.page_margins.header = 0.2
    ws.page_margins.footer = 0.25
    if sheet.print_rows:
        ws.print_title_rows = sheet.print_rows
    if sheet.breaks:
        breaks = RowBreak()
        for row in sheet.breaks:
            breaks.append(Break(id=row))
        ws.row_breaks = breaks
    if sheet.footer:
        ws.oddFooter.center.text = sheet.footer
        ws.oddFooter.center.font = FONT_NAME
        ws.oddFooter.center.size = 9


def apply_look(c: Any, lk: Look) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    c.font = Font(name=lk.font or FONT_NAME, size=lk.size or FONT_SIZE, bold=lk.bold,
                  italic=lk.italic, color=lk.color,
                  underline="single" if lk.underline else None)
    if lk.fill:
        c.fill = PatternFill("solid", fgColor=lk.fill)
    c.alignment = Alignment(wrap_text=lk.wrap or None, horizontal=lk.align, vertical="top")
    if lk.border:
        side = Side(style="thin" if lk.border is True else lk.border, color=BORDER_RGB)
        c.border = Border(left=side, right=side, top=side, bottom=side)
    if lk.number_format:
        c.number_format = lk.number_format


def _title_size(chart: Any, size: int) -> None:
    """The chart title in bold `size` hundredths of a point, in the sheets' font (the default
    title is 18 pt: too big beside a table)."""
    from openpyxl.drawing.text import CharacterProperties, Font, ParagraphProperties

    props = CharacterProperties(sz=size, b=True, latin=Font(typeface=FONT_NAME))
    for paragraph in chart.title.tx.rich.p:
        paragraph.pPr = ParagraphProperties(defRPr=props)
        for run in paragraph.r or ():
            run.rPr = props


def add_chart(ws: Worksheet, sheet: OutSheet) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.chart.data_source import NumFmt

    spec = sheet.chart
    assert spec is not None
    header = spec.first_row - 1
    cats = Reference(ws, min_col=spec.category_col, min_row=spec.first_row, max_row=spec.last_row)
    bar = BarChart()
    bar.type = "col"
    bar.title = spec.title
    _title_size(bar, 1100)
    bar.y_axis.title = spec.y_title
    bar.add_data(Reference(ws, min_col=spec.value_col, min_row=header, max_row=spec.last_row),
                 titles_from_data=True)
    bar.set_categories(cats)
    line = LineChart()
    line.add_data(Reference(ws, min_col=spec.line_col, min_row=header, max_row=spec.last_row),
                  titles_from_data=True)
    line.set_categories(cats)
    for chart in (bar, line):
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = spec.y_max
        chart.y_axis.majorUnit = spec.y_step
        chart.y_axis.numFmt = NumFmt(formatCode="0", sourceLinked=False)
    bar.x_axis.delete = False
    bar.y_axis.delete = False
    bar.legend.position = "b"
    bar += line
    bar.width = spec.width_cm
    bar.height = spec.height_cm
    ws.add_chart(bar, spec.anchor)


def add_line_chart(ws: Worksheet, spec: LineChartSpec) -> None:
    """A native line chart of one indicator across years: the realisation and the RPJMD
    target of each year (the rows of the multi-year table), the years as categories."""
    from openpyxl.chart import LineChart, Reference

    chart = LineChart()
    chart.title = spec.title
    _title_size(chart, 1000)
    chart.y_axis.title = spec.y_title
    for row in spec.rows:
        chart.add_data(Reference(ws, min_col=spec.title_col, max_col=spec.last_col,
                                 min_row=row, max_row=row),
                       from_rows=True, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=spec.title_col + 1, max_col=spec.last_col,
                                   min_row=spec.header_row, max_row=spec.header_row))
    for series, dash in zip(chart.series, (None, "dash"), strict=False):
        series.marker.symbol = "circle"
        series.smooth = False
        if dash:
            series.graphicalProperties.line.dashStyle = dash
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.width = spec.width_cm
    chart.height = spec.height_cm
    ws.add_chart(chart, spec.anchor)
