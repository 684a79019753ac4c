"""Build, save and fill the standard LKjIP workbook template.

Everything a reader relies on (sheet names, header texts, which columns are computed, help
texts) comes from `lkjip_xl.schema`; this module only decides layout and looks.

`save_template` output is byte-identical across runs for the same arguments: the document
timestamps are pinned and the zip is rewritten with fixed entry times, so the committed
`workbook_templates/lkjip_template.xlsx` can be compared with a fresh build.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from zipfile import ZIP_STORED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..conventions import DEFAULT_PRESET, PRESET_CHOICES
from ..messages import Verbatim, t
from ..model import Settings
from ..numtext import format_year
from ..scales import SCALE_CHOICES
from ..schema import (
    BUDGET_TABLE,
    COMPARISON_TABLE,
    IDENTITY_FIELDS,
    IDENTITY_FIRST_ROW,
    MEASUREMENT_TABLE,
    NEGATIVE_FORMULA_ONE_PLUS,
    PK_TABLE,
    RPJMD_TABLE,
    SCALE_TABLE,
    SHEET_ALIASES,
    SHEET_GUIDE,
    SHEET_IDENTITY,
    TABLES,
    TEMPLATE_FIRST_DATA_ROW,
    TEMPLATE_HEADER_ROW,
    Capping,
    Column,
    EfficiencyMethod,
    NegativeFormula,
    RangeReading,
    TableSpec,
    normalise,
)
from ..writers.atomic import open_atomic
from . import texts
from .guide import build_guide
from .layout import Slot, choices_for, column_slot, header_year, table_slots, year_slot
from .styles import (
    COMPUTED_HEADER_FILL,
    EXPLAIN_FONT,
    HEADER_FONT,
    HINT_FONT,
    INPUT_BORDER,
    INPUT_FILL,
    LABEL_FILL,
    LOCKED,
    SECTION_FONT,
    TITLE_FONT,
    TOP,
    UNLOCKED,
    WRAP_TOP,
    CellStyle,
    help_comment,
    style_header,
)

# Dropdowns and other per-row features reach this row: generous for any real report.
LAST_INPUT_ROW = 500
SCALE_EMPTY_ROWS = 8  # bordered empty rows under the Skala Kustom header
SCALE_VALIDATION_ROWS = 30  # Termasuk Batas dropdown rows under that header
YES_NO = ("Ya", "Tidak")
YEAR_RANGE = (1990, 2100)  # the years the reader accepts
MAX_DECIMALS = 6  # the largest Desimal the reader accepts
_MAX_COLUMN = 16384  # XFD: the column-level "unlocked" style reaches the last column
DEFAULT_COLUMN_WIDTH = 9.140625  # Excel's default (8.43 characters of Calibri 11 + padding)
# A4 paper (ECMA-376 paper size 9)
PAPER_A4 = 9
# Sheets that link an indicator by code, and so offer Tabel VI.1's codes as a dropdown.
_CODE_SHEETS = (PK_TABLE.sheet, MEASUREMENT_TABLE.sheet, COMPARISON_TABLE.sheet)
CODE_KEY = "kode_indikator"

# Pinned so that two builds are byte-identical (see the module docstring).
FIXED_TIME = datetime(2000, 1, 1)
_FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
# Stored, not deflated: deflate output depends on the zlib build (zlib vs zlib-ng), stored
# bytes do not. The file is small either way and git compresses it anyway.
_ZIP_COMPRESSION = ZIP_STORED
_UNIX = 3  # ZipInfo.create_system; the default differs between Windows and the rest

_TAB_GUIDE = "548235"
_TAB_INPUT = "5B9BD5"
_DATA_TABLES = (RPJMD_TABLE, PK_TABLE, MEASUREMENT_TABLE, BUDGET_TABLE, COMPARISON_TABLE)


# --- building ------------------------------------------------------------------------------


def build_template(tahun: int = 2019, periode_awal: int = 2016,
                   periode_akhir: int = 2021) -> Workbook:
    """The standard workbook, empty but for the Identitas defaults."""
    if periode_awal >= periode_akhir:
        raise ValueError(t("template.bad_period", awal=Verbatim(format_year(periode_awal)),
                           akhir=Verbatim(format_year(periode_akhir))))
    wb = Workbook()
    guide = wb.active
    guide.title = SHEET_GUIDE
    guide.sheet_properties.tabColor = _TAB_GUIDE
    build_guide(guide)
    _page_setup(guide, "portrait", title_rows="1:1")
    _build_identity(wb.create_sheet(SHEET_IDENTITY), tahun, periode_awal, periode_akhir)
    codes = _code_range(periode_awal, periode_akhir)
    for spec in _DATA_TABLES:
        ws = wb.create_sheet(spec.sheet)
        slots = table_slots(spec, periode_awal, periode_akhir, tahun)
        _build_table(ws, slots, texts.title(spec.sheet, tahun, periode_awal, periode_akhir),
                     texts.HINTS[spec.sheet])
        if spec.sheet in _CODE_SHEETS:
            _add_code_choices(ws, slots, codes)
    for ws in wb.worksheets[1:]:
        ws.sheet_properties.tabColor = _TAB_INPUT
    _pin_properties(wb)
    return wb


def _pin_properties(wb: Workbook) -> None:
    props = wb.properties
    props.creator = "lkjip-xl"
    props.title = "Templat LKjIP"
    props.lastModifiedBy = None
    props.created = FIXED_TIME
    props.modified = FIXED_TIME


def _build_table(ws: Worksheet, slots: list[Slot], title: str, hint: str) -> None:
    last_col = len(slots)
    _title_rows(ws, title, hint, last_col)
    for idx, slot in enumerate(slots, start=1):
        cell = ws.cell(TEMPLATE_HEADER_ROW, idx, slot.header)
        style_header(cell, slot.computed)
        cell.comment = help_comment(slot.help)
        dim = ws.column_dimensions[get_column_letter(idx)]
        dim.width = slot.width
        slot.style.apply_to_column(dim)
        _add_choices(ws, idx, slot.key)
    _legend(ws, slots)
    ws.row_dimensions[TEMPLATE_HEADER_ROW].height = 32
    ws.freeze_panes = f"A{TEMPLATE_FIRST_DATA_ROW}"
    # Filter buttons on the header row: on a protected sheet a filter can be used, not added.
    ws.auto_filter.ref = f"A{TEMPLATE_HEADER_ROW}:{get_column_letter(last_col)}{LAST_INPUT_ROW}"
    _page_setup(ws, "landscape", title_rows=f"{TEMPLATE_HEADER_ROW}:{TEMPLATE_HEADER_ROW}")
    _protect(ws, last_col + 1, ws[TEMPLATE_HEADER_ROW][:last_col])


def _title_rows(ws: Worksheet, title: str, hint: str, last_col: int) -> None:
    # Every cell of rows 1-2 gets its own style, so the column-level shading of computed
    # columns starts at the data rows instead of running through the title.
    for col in range(1, last_col + 1):
        ws.cell(1, col).font = TITLE_FONT
        ws.cell(2, col).font = HINT_FONT
    ws.cell(1, 1, title)
    ws.cell(2, 1, hint)
    ws.row_dimensions[1].height = 22


def _legend(ws: Worksheet, slots: list[Slot]) -> None:
    first = next((i for i, s in enumerate(slots, start=1) if s.computed), None)
    if first is None:
        return
    cell = ws.cell(2, first, texts.LEGEND)
    cell.fill = COMPUTED_HEADER_FILL


def _page_setup(ws: Worksheet, orientation: str, title_rows: str) -> None:
    """A4, one page wide, as many pages tall as needed, `title_rows` on every page."""
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = orientation
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows


def _protect(ws: Worksheet, first_free_column: int, locked: Iterable[Cell]) -> None:
    """Protect the sheet, no password, so that only the `locked` cells (a header row,
    Identitas labels) cannot be changed. Every other cell, and every column beyond those the
    template styles, is unlocked; formatting, inserting and deleting rows, inserting
    columns, sorting and filtering stay allowed (as far as Excel allows them on a protected
    sheet: a sort or a deleted column must not touch a locked cell)."""
    keep = {cell.coordinate for cell in locked}
    for cell in list(ws._cells.values()):
        cell.protection = LOCKED if cell.coordinate in keep else UNLOCKED
    if first_free_column <= _MAX_COLUMN:
        letter = get_column_letter(first_free_column)
        dim = ws.column_dimensions[letter]
        dim.min, dim.max = first_free_column, _MAX_COLUMN
        dim.width = DEFAULT_COLUMN_WIDTH  # what a column without its own width shows
        dim.protection = UNLOCKED
    p = ws.protection
    p.sheet = True
    p.formatCells = p.formatColumns = p.formatRows = False
    p.insertRows = p.insertColumns = p.deleteRows = p.insertHyperlinks = False
    p.sort = p.autoFilter = False
    p.objects = False  # notes stay editable: the Excel button writes its notes there


def _add_code_choices(ws: Worksheet, slots: list[Slot], codes: str) -> None:
    """Kode Indikator as a dropdown of Tabel VI.1's codes; a warning only, so that a code not
    yet in Tabel VI.1 can still be typed (lkjip-xl reports it)."""
    for idx, slot in enumerate(slots, start=1):
        if slot.key == CODE_KEY:
            letter = get_column_letter(idx)
            dv = DataValidation(
                type="list", formula1=codes, allow_blank=True, showErrorMessage=True,
                errorStyle="warning", errorTitle=texts.CODE_ERROR_TITLE,
                error=texts.CODE_ERROR, showInputMessage=True,
                promptTitle=texts.CODE_PROMPT_TITLE, prompt=texts.CODE_PROMPT)
            dv.add(f"{letter}{TEMPLATE_FIRST_DATA_ROW}:{letter}{LAST_INPUT_ROW}")
            ws.add_data_validation(dv)


def _code_range(periode_awal: int, periode_akhir: int) -> str:
    """Tabel VI.1's Kode Indikator data cells, as an absolute reference."""
    slots = table_slots(RPJMD_TABLE, periode_awal, periode_akhir)
    idx = next(i for i, slot in enumerate(slots, start=1) if slot.key == CODE_KEY)
    letter = get_column_letter(idx)
    sheet = RPJMD_TABLE.sheet.replace("'", "''")
    return f"'{sheet}'!${letter}${TEMPLATE_FIRST_DATA_ROW}:${letter}${LAST_INPUT_ROW}"


def _add_choices(ws: Worksheet, col: int, key: str | int) -> None:
    choices = choices_for(ws.title, key)
    if not choices:
        return
    letter = get_column_letter(col)
    ref = f"{letter}{TEMPLATE_FIRST_DATA_ROW}:{letter}{LAST_INPUT_ROW}"
    # Baris, Cara Hitung and Tren only warn: the reader also understands aliases such as
    # 'Sub Kegiatan', 'Akumulasi', 'Meningkat'.
    _add_list_validation(ws, ref, choices, warn=key in ("baris", "cara_hitung", "tren"))


def _add_list_validation(ws: Worksheet, ref: str, choices: Iterable[str], *,
                         warn: bool = False) -> None:
    """A dropdown; `warn` lets staff keep another value (the reader knows aliases)."""
    values = list(choices)
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning" if warn else "stop",
        errorTitle="Nilai tidak dikenal",
        error="Pilih salah satu: " + ", ".join(values) + ".",
    )
    dv.add(ref)
    ws.add_data_validation(dv)


# --- Identitas -----------------------------------------------------------------------------


# About how many characters of an explanation fit on one line of column C (width 80).
EXPLAIN_CHARS_PER_LINE = 85

# The dropdowns of Identitas: setting key -> its named values.
IDENTITY_CHOICES: dict[str, tuple[str, ...]] = {
    "preset": PRESET_CHOICES,
    "skala": SCALE_CHOICES,
    "rumus_negatif": (*(f.value for f in NegativeFormula), NEGATIVE_FORMULA_ONE_PLUS),
    "batas_capaian": tuple(c.value for c in Capping),
    "target_rentang": tuple(r.value for r in RangeReading),
    "metode_efisiensi": tuple(m.value for m in EfficiencyMethod),
}


def identity_defaults(tahun: int, periode_awal: int, periode_akhir: int) -> dict[str, object]:
    """The values the template pre-fills on Identitas; settings follow `model.Settings`."""
    settings = {f.name: f.default for f in fields(Settings)}
    return {
        "tahun": tahun,
        "periode_awal": periode_awal,
        "periode_akhir": periode_akhir,
        # The conventions come from the preset; a single setting filled in overrides it, so
        # they start blank (a pre-filled Skala 4 would silently override a chosen preset).
        "preset": DEFAULT_PRESET.name,
        "toleransi": settings["tolerance"],
        "desimal": settings["decimals"],
    }


_IDENTITY_STYLES = {"nip_kepala": CellStyle("@", None, TOP)}  # keep 18-digit NIPs as text
_DEFAULT_IDENTITY_STYLE = CellStyle("General", None, TOP)


def _build_identity(ws: Worksheet, tahun: int, awal: int, akhir: int) -> None:
    ws["A1"] = texts.TITLE_IDENTITY
    ws["A1"].font = TITLE_FONT
    ws["A2"] = texts.HINT_IDENTITY
    ws["A2"].font = HINT_FONT
    for letter, width in (("A", 30), ("B", 30), ("C", 80), ("D", 14)):
        ws.column_dimensions[letter].width = width
        ws.column_dimensions[letter].protection = UNLOCKED
    defaults = identity_defaults(tahun, awal, akhir)
    row = IDENTITY_FIRST_ROW
    rows: dict[str, int] = {}
    for field in IDENTITY_FIELDS:
        _identity_row(ws, row, field, defaults.get(field.key))
        rows[field.key] = row
        row += 1
    _identity_validations(ws, rows)
    header_row = _build_scale_table(ws, row + 1)
    _page_setup(ws, "landscape", title_rows="1:2")
    labels = [ws.cell(r, 1) for r in rows.values()]
    scale_header = ws[header_row][:len(SCALE_TABLE.columns)]
    _protect(ws, 4, [*labels, *scale_header])


def _identity_row(ws: Worksheet, row: int, field: Column, default: object) -> None:
    label = ws.cell(row, 1, field.header)
    label.font = HEADER_FONT
    label.fill = LABEL_FILL
    label.border = INPUT_BORDER
    label.alignment = TOP  # level with its value and explanation on a tall row
    value = ws.cell(row, 2, default)
    _identity_style(field.key).apply(value)
    value.border = INPUT_BORDER
    value.fill = INPUT_FILL
    explain = texts.IDENTITY_EXPLAIN[field.key].format(choices=", ".join(SCALE_CHOICES),
                                                       presets=", ".join(PRESET_CHOICES))
    note = ws.cell(row, 3, explain)
    note.font = EXPLAIN_FONT
    note.alignment = WRAP_TOP
    lines = -(-len(explain) // EXPLAIN_CHARS_PER_LINE)
    if lines > 1:  # a wrapped explanation needs its height (LibreOffice does not grow rows)
        ws.row_dimensions[row].height = 13 * lines + 2
    choices = IDENTITY_CHOICES.get(field.key)
    if choices:
        # a warning only: the reader knows aliases ('120', '(1 + (1 - R/T)) x 100%')
        _add_list_validation(ws, f"B{row}", choices,
                             warn=field.key not in ("skala", "rumus_negatif"))


def _identity_validations(ws: Worksheet, rows: Mapping[str, int]) -> None:
    """Tahun and the period: whole years the reader accepts, the period's end after its
    start; Toleransi a number >= 0; Desimal a whole number the reader accepts."""
    low, high = YEAR_RANGE
    awal = rows.get("periode_awal")
    checks: dict[str, tuple[str, str, str | None, str]] = {
        "tahun": ("whole", "between", f"{low}", texts.VALID_YEAR.format(low=low, high=high)),
        "periode_awal": ("whole", "between", f"{low}",
                         texts.VALID_YEAR.format(low=low, high=high)),
        "periode_akhir": ("whole", "between", f"B{awal}+1" if awal else f"{low}",
                          texts.VALID_PERIOD_END.format(high=high)),
        "toleransi": ("decimal", "greaterThanOrEqual", "0", texts.VALID_TOLERANCE),
        "desimal": ("whole", "between", "0", texts.VALID_DECIMALS.format(high=MAX_DECIMALS)),
    }
    second = {"tahun": f"{high}", "periode_awal": f"{high}", "periode_akhir": f"{high}",
              "desimal": f"{MAX_DECIMALS}"}
    for key, (kind, operator, first, message) in checks.items():
        row = rows.get(key)
        if row is None:
            continue
        dv = DataValidation(type=kind, operator=operator, formula1=first,
                            formula2=second.get(key), allow_blank=True, showErrorMessage=True,
                            errorStyle="stop", errorTitle=texts.VALID_TITLE, error=message,
                            showInputMessage=True, prompt=message)
        dv.add(f"B{row}")
        ws.add_data_validation(dv)


def _identity_style(key: str) -> CellStyle:
    return _IDENTITY_STYLES.get(key, _DEFAULT_IDENTITY_STYLE)


def _build_scale_table(ws: Worksheet, section_row: int) -> int:
    """The Skala Kustom section from `section_row`; returns its header row."""
    ws.cell(section_row, 1, texts.SCALE_SECTION_TITLE).font = SECTION_FONT
    explain = ws.cell(section_row, 3, texts.SCALE_SECTION_EXPLAIN)
    explain.font = EXPLAIN_FONT
    explain.alignment = WRAP_TOP
    ws.row_dimensions[section_row].height = 48
    header_row = section_row + 1
    for idx, col in enumerate(SCALE_TABLE.columns, start=1):
        cell = ws.cell(header_row, idx, col.header)
        style_header(cell, computed=False)
    for row in range(header_row + 1, header_row + 1 + SCALE_EMPTY_ROWS):
        for idx in range(1, len(SCALE_TABLE.columns) + 1):
            ws.cell(row, idx).border = INPUT_BORDER
    termasuk = get_column_letter(1 + [c.key for c in SCALE_TABLE.columns].index("termasuk"))
    _add_list_validation(
        ws, f"{termasuk}{header_row + 1}:{termasuk}{header_row + SCALE_VALIDATION_ROWS}", YES_NO)
    return header_row


# --- filling (for tests, examples and other tools) -----------------------------------------


def fill_rows(ws: Worksheet, rows: list[dict], header_row: int = TEMPLATE_HEADER_ROW) -> None:
    """Write `rows` below the header row, each a dict keyed by schema Column key (or year).

    Columns are found by reading the header row, so any column order works. Values are written
    as given (a str stays text, even one starting with '='); None leaves the cell blank.
    """
    columns = _header_slots(ws, header_row)
    _check_keys(ws.title, rows, columns)
    for offset, values in enumerate(rows):
        row = header_row + 1 + offset
        for key, value in values.items():
            col, slot = columns[key]
            cell = ws.cell(row, col)
            _write(cell, value)
            slot.style.apply(cell)


def _check_keys(sheet: str, rows: Iterable[Mapping], columns: Mapping) -> None:
    # All keys first, so that a bad key leaves the sheet untouched.
    for values in rows:
        for key in values:
            if key not in columns:
                raise ValueError(t("template.unknown_key", key=repr(key), sheet=sheet))


def _write(cell: Cell, value: object) -> None:
    cell.value = value
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"  # openpyxl would take '=...' for a formula; keep it as text


def _header_slots(ws: Worksheet, header_row: int) -> dict[str | int, tuple[int, Slot]]:
    """Key -> (column index, slot) for every recognised header cell; first one wins."""
    spec = _spec_for(ws, header_row)
    lookup = _name_lookup(spec.columns)
    found: dict[str | int, tuple[int, Slot]] = {}
    for cell in ws[header_row]:
        year = header_year(cell.value, spec.sheet)
        if year is not None:
            found.setdefault(year, (cell.column, year_slot(year, spec.sheet)))
            continue
        col = lookup.get(normalise(cell.value))
        if col is not None:
            found.setdefault(col.key, (cell.column, column_slot(col)))
    return found


def _name_lookup(columns: Iterable[Column]) -> dict[str, Column]:
    """normalised name -> column; headers take precedence over aliases."""
    columns = tuple(columns)
    lookup = {normalise(col.header): col for col in columns}
    for col in columns:
        for alias in col.aliases:
            lookup.setdefault(normalise(alias), col)
    return lookup


def _spec_for(ws: Worksheet, header_row: int) -> TableSpec:
    """The table a sheet holds: by its name (or alias), else by its header cells."""
    title = normalise(ws.title)
    for sheet, spec in TABLES.items():
        names = (sheet, *SHEET_ALIASES.get(sheet, ()))
        if title in {normalise(n) for n in names}:
            return spec
    headers = {normalise(c.value) for c in ws[header_row]}
    best = max(TABLES.values(), key=lambda s: len(headers & set(_name_lookup(s.columns))))
    if len(headers & set(_name_lookup(best.columns))) >= 2:
        return best
    raise ValueError(t("template.unknown_sheet", sheet=ws.title))


def fill_identity(ws: Worksheet, values: dict[str, object]) -> None:
    """Write Identitas values in column B of the row whose column-A label names the field."""
    fields_by_key = {f.key: f for f in IDENTITY_FIELDS}
    unknown = [k for k in values if k not in fields_by_key]
    if unknown:
        raise ValueError(t("template.unknown_key", key=repr(unknown[0]), sheet=ws.title))
    rows = _label_rows(ws)
    for key, value in values.items():
        row = rows.get(key)
        if row is None:
            raise ValueError(t("template.label_absent", label=fields_by_key[key].header,
                               sheet=ws.title))
        cell = ws.cell(row, 2)
        _write(cell, value)
        _identity_style(key).apply(cell)


def _label_rows(ws: Worksheet) -> dict[str, int]:
    """IDENTITY_FIELDS key -> the first row whose column-A label matches one of its names."""
    lookup = _name_lookup(IDENTITY_FIELDS)
    rows: dict[str, int] = {}
    for (cell,) in ws.iter_rows(min_col=1, max_col=1):
        field = lookup.get(normalise(cell.value))
        if field is not None:
            rows.setdefault(field.key, cell.row)
    return rows


def fill_custom_scale(ws: Worksheet, bands: list[dict]) -> None:
    """Write custom scale bands (kategori, batas_bawah, termasuk) under the scale header."""
    header_row, columns = _scale_header(ws)
    keys = {col.key for col in SCALE_TABLE.columns}
    for band in bands:
        for key in band:
            if key not in keys:
                raise ValueError(t("template.unknown_key", key=repr(key), sheet=ws.title))
            if key not in columns:
                raise ValueError(t("template.no_scale_table", sheet=ws.title))
    for offset, band in enumerate(bands):
        for key, value in band.items():
            cell = ws.cell(header_row + 1 + offset, columns[key])
            _write(cell, value)
            cell.border = INPUT_BORDER
            cell.protection = UNLOCKED


def _scale_header(ws: Worksheet) -> tuple[int, dict[str, int]]:
    """The row of the Skala Kustom header and key -> column; needs Kategori and Batas Bawah."""
    lookup = _name_lookup(SCALE_TABLE.columns)
    required = {col.key for col in SCALE_TABLE.columns if col.required}
    for row in ws.iter_rows():
        columns: dict[str, int] = {}
        for cell in row:
            col = lookup.get(normalise(cell.value))
            if col is not None:
                columns.setdefault(col.key, cell.column)
        if required <= columns.keys():
            return row[0].row, columns
    raise ValueError(t("template.no_scale_table", sheet=ws.title))


# --- saving --------------------------------------------------------------------------------


def workbook_bytes(wb: Workbook) -> bytes:
    """The .xlsx bytes of `wb`, deterministic: fixed zip entry times, uncompressed entries.

    Unlike `Workbook.save`, this keeps `wb.properties.modified` as it is (openpyxl's save
    stamps the current time there).
    """
    raw = io.BytesIO()
    archive = ZipFile(raw, "w", _ZIP_COMPRESSION)
    ExcelWriter(wb, archive).save()  # closes the archive
    return _normalise_zip(raw.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with ZipFile(io.BytesIO(data)) as src, ZipFile(out, "w", _ZIP_COMPRESSION) as dst:
        for info in src.infolist():
            entry = ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            entry.compress_type = _ZIP_COMPRESSION
            entry.create_system = _UNIX
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info))
    return out.getvalue()


def save_template(path: str | os.PathLike[str], tahun: int = 2019, periode_awal: int = 2016,
                  periode_akhir: int = 2021) -> Path:
    """Write the template to `path` atomically and return the path.

    The bytes go to a temporary file in the same folder, which then replaces `path`; on any
    failure the temporary file is removed and `path` is left as it was.
    """
    target = Path(path)
    data = workbook_bytes(build_template(tahun, periode_awal, periode_akhir))
    with open_atomic(target, binary=True) as fh:
        fh.write(data)
    return target
