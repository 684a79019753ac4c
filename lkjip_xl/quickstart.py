"""`lkjip-xl quickstart NAME`: the standard template as NAME.xlsm with a "Periksa & Hitung"
button, and NAME.py beside it, as `xlwings quickstart NAME --standalone` pairs a workbook with
its Python module.

The workbook is generated here, from the installed packages, never copied from elsewhere:
- every sheet of `template.build_template`, with a first sheet `Mulai` holding the button,
  the steps and what to do about the messages staff meet, and xlwings' `_xlwings.conf` sheet
  (renamed to `xlwings.conf` it sets the Python interpreter) at the end;
- the VBA project of the installed xlwings' `quickstart_standalone.xlsm`, byte for byte: the
  xlwings module (`RunPython`) and Module1, whose macro `SampleCall` runs
  `RunPython "import <workbook name>; <workbook name>.main()"`. No VBA is written or edited;
- a form button bound to `SampleCall`, drawn by XlsxWriter (`insert_button`) and merged into
  the openpyxl template through openpyxl's VBA pass-through (`Workbook.vba_archive`), the path
  openpyxl uses to keep a macro workbook's form controls.

Excel runs `NAME.main()`, which calls `lkjip_xl.excel.main()` with the xlwings version of the
VBA module: every PC needs Python's xlwings at exactly that version.
"""

from __future__ import annotations

import io
import keyword
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .messages import MESSAGES, t

MACRO = "SampleCall"  # Module1's macro in xlwings' standalone quickstart workbook
SOURCE_WORKBOOK = "quickstart_standalone.xlsm"
VBA_PART = "xl/vbaProject.bin"
BUTTON_VML = "xl/drawings/vmlDrawing1.vml"
CONF_SHEET = "_xlwings.conf"
RESERVED = frozenset({"lkjip_xl", "xlwings", "openpyxl", "xlsxwriter", "pandas", "numpy",
                      "click", "rich", "defusedxml", "python_calamine"})

# The Mulai sheet: column widths (characters) and the button's place.
START_WIDTHS = {"A": 3.0, "B": 42.0, "C": 42.0, "D": 60.0}
BUTTON_CELL = "B4"
BUTTON_ROWS = (4, 5, 6)  # rows the button covers, 20 pt each
BUTTON_SIZE = (260, 60)  # pixels
_ROW_POINTS = 20.0
_LINE_POINTS = 15.0


class QuickstartError(Exception):
    """A name or an xlwings installation that cannot make the workbook; `key` is a message."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True, slots=True)
class XlwingsSource:
    version: str
    workbook: Path  # the installed quickstart_standalone.xlsm

    def vba_project(self) -> bytes:
        with zipfile.ZipFile(self.workbook) as zf:
            return zf.read(VBA_PART)

    def conf_rows(self) -> list[tuple[object, ...]]:
        """The values of its `_xlwings.conf` sheet."""
        import warnings

        from openpyxl import load_workbook

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            wb = load_workbook(self.workbook)
        if CONF_SHEET not in wb.sheetnames:
            return []
        return [tuple(row) for row in wb[CONF_SHEET].iter_rows(values_only=True)]


def xlwings_source() -> XlwingsSource:
    """The installed xlwings and its standalone quickstart workbook."""
    try:
        import xlwings
    except ImportError as exc:  # pragma: no cover - a dependency of lkjip-xl
        raise QuickstartError("cli.quickstart.no_xlwings", detail=str(exc)) from exc
    path = Path(xlwings.__file__).parent / SOURCE_WORKBOOK
    if not path.is_file():
        raise QuickstartError("cli.quickstart.no_xlwings", detail=f"{path} not found")
    with zipfile.ZipFile(path) as zf:
        if VBA_PART not in zf.namelist():
            raise QuickstartError("cli.quickstart.no_xlwings", detail=f"{path}: no VBA project")
    return XlwingsSource(xlwings.__version__, path)


def check_name(name: str) -> None:
    """NAME becomes a Python module imported by Excel: an identifier that shadows nothing."""
    if (not name.isidentifier() or keyword.iskeyword(name) or name in sys.stdlib_module_names
            or name.lower() in RESERVED or name.startswith("_")):
        raise QuickstartError("cli.quickstart.bad_name", name=name)


# --- the workbook --------------------------------------------------------------------------

def build_xlsm(name: str, tahun: int = 2019, periode_awal: int = 2016, periode_akhir: int = 2021,
               source: XlwingsSource | None = None) -> bytes:
    """The bytes of NAME.xlsm (deterministic for the same arguments and xlwings)."""
    from .template import build_template, workbook_bytes

    source = source or xlwings_source()
    wb = build_template(tahun, periode_awal, periode_akhir)
    start = wb.create_sheet(t("excel.sheet.name"), 0)
    _fill_start(start, name, source.version)
    _add_conf_sheet(wb.create_sheet(CONF_SHEET), source.conf_rows())
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = False
    wb.active = 0
    start.sheet_view.tabSelected = True
    # The VBA project's document modules: ThisWorkbook, Sheet1, Sheet2 (Excel adds the rest).
    wb.code_name = "ThisWorkbook"
    for i, ws in enumerate(wb.worksheets, start=1):
        ws.sheet_properties.codeName = f"Sheet{i}"
    wb.vba_archive = zipfile.ZipFile(io.BytesIO(_button_carrier(source.vba_project())))
    start.legacy_drawing = BUTTON_VML
    return _sorted_zip(workbook_bytes(wb))


def _sorted_zip(data: bytes) -> bytes:
    """The same zip with its entries in a fixed order (openpyxl writes the VBA parts in set
    order), [Content_Types].xml first; entry times and modes are already fixed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        infos = sorted(src.infolist(),
                       key=lambda i: (i.filename != "[Content_Types].xml", i.filename))
        for info in infos:
            dst.writestr(info, src.read(info))
    return out.getvalue()


def _button_carrier(vba: bytes) -> bytes:
    """A one-sheet macro workbook from XlsxWriter: the VBA project and the form button, laid
    out on the same column widths and row heights as the Mulai sheet."""
    import xlsxwriter
    from openpyxl.utils import column_index_from_string

    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = wb.add_worksheet(t("excel.sheet.name"))
    for letter, width in START_WIDTHS.items():
        col = column_index_from_string(letter) - 1
        ws.set_column(col, col, width)
    for row in BUTTON_ROWS:
        ws.set_row(row - 1, _ROW_POINTS)
    wb.add_vba_project(io.BytesIO(vba), is_stream=True)
    width, height = BUTTON_SIZE
    ws.insert_button(BUTTON_CELL, {"macro": MACRO, "caption": t("excel.button"),
                                   "width": width, "height": height, "x_offset": 2,
                                   "y_offset": 2})
    wb.close()
    return out.getvalue()


TROUBLE = ("python", "dll", "noxlwings", "module", "package", "version", "macros", "onedrive",
           "mac", "sheets", "empty")


def _fill_start(ws, name: str, version: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    from .writers.styles import HEADER_RGB, SECTION_RGB

    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True, size=12)
    for letter, width in START_WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.sheet_properties.tabColor = "C00000"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws["B1"] = t("excel.sheet.title")
    ws["B1"].font = Font(bold=True, size=16)
    _merged_text(ws, 2, t("excel.sheet.intro"), wrap)
    for row in BUTTON_ROWS:
        ws.row_dimensions[row].height = _ROW_POINTS
    row = BUTTON_ROWS[-1] + 2
    ws.cell(row, 2, t("excel.sheet.steps")).font = bold
    for key in ("step1", "step2", "step3", "step4", "step5"):
        row += 1
        _merged_text(ws, row, t(f"excel.sheet.{key}", module=name), wrap)
    row += 2
    ws.cell(row, 2, t("excel.sheet.trouble")).font = bold
    ws.cell(row, 2).fill = PatternFill("solid", fgColor=SECTION_RGB)
    row += 1
    for col, key in enumerate(("h_message", "h_meaning", "h_fix"), start=2):
        c = ws.cell(row, col, t(f"excel.sheet.{key}"))
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor=HEADER_RGB)
    for topic in TROUBLE:
        row += 1
        texts = [t(f"excel.trouble.{topic}.{part}", module=name, version=version)
                 for part in ("msg", "meaning", "fix")]
        for col, text in enumerate(texts, start=2):
            ws.cell(row, col, text).alignment = wrap
        ws.row_dimensions[row].height = _height(texts, (START_WIDTHS["B"], START_WIDTHS["C"],
                                                        START_WIDTHS["D"]))


def _merged_text(ws, row: int, text: str, alignment) -> None:
    ws.cell(row, 2, text).alignment = alignment
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
    width = START_WIDTHS["B"] + START_WIDTHS["C"] + START_WIDTHS["D"]
    ws.row_dimensions[row].height = _height([text], (width,))


def _height(texts: list[str], widths: tuple[float, ...]) -> float:
    lines = max(-(-len(text) // max(1, int(width * 1.05))) for text, width in zip(texts, widths,
                                                                                 strict=False))
    return round(_LINE_POINTS * max(1, lines) + 3, 1)


def _add_conf_sheet(ws, rows: list[tuple[object, ...]]) -> None:
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 40


# --- the Python module ---------------------------------------------------------------------

_MODULE = '''"""The "{button}" button of {name}.xlsm: lkjip-xl checks and computes the open
workbook.

Written by `lkjip-xl quickstart {name}` for xlwings {xlwings}. The button runs the macro
{macro}, which calls RunPython "import {name}; {name}.main()". Keep this file beside
{name}.xlsm and keep both names (the macro imports the module named like the workbook).
Run `python {name}.py` with {name}.xlsm open in Excel to test it without the button.
"""

import sys

import xlwings as xw

XLWINGS_VERSION = {xlwings!r}  # the xlwings VBA module inside {name}.xlsm
TITLE = {title!r}
NO_PACKAGE = {no_package!r}


def main():
    try:
        from lkjip_xl.excel import main as check_and_compute
    except ImportError:
        xw.Book.caller().app.alert(NO_PACKAGE.format(python=sys.executable), title=TITLE,
                                   mode="critical")
        return None
    return check_and_compute(xlwings_version=XLWINGS_VERSION)


if __name__ == "__main__":
    xw.Book("{name}.xlsm").set_mock_caller()
    main()
'''


def module_source(name: str, xlwings_version: str) -> str:
    """NAME.py: `main()` for the button, in the `xlwings quickstart` convention."""
    return _MODULE.format(name=name, xlwings=xlwings_version, macro=MACRO,
                          button=t("excel.button"), title=t("excel.title"),
                          no_package=MESSAGES["excel.no_package"][0])


def write_quickstart(name: str, directory: Path, *, force: bool = False, tahun: int = 2019,
                     periode_awal: int = 2016, periode_akhir: int = 2021
                     ) -> tuple[Path, Path, str]:
    """Write NAME.xlsm and NAME.py into `directory` (created if needed); return both paths
    and the xlwings version every PC needs. Raises QuickstartError, or FileExistsError for a
    file already there (unless `force`): `writers.atomic.OutputExistsError`."""
    from .writers.atomic import refuse_existing, write_atomic, write_text_atomic

    check_name(name)
    source = xlwings_source()
    directory = Path(directory)
    xlsm, py = directory / f"{name}.xlsm", directory / f"{name}.py"
    refuse_existing(xlsm, py, force=force)
    data = build_xlsm(name, tahun, periode_awal, periode_akhir, source)
    write_atomic(xlsm, lambda tmp: tmp.write_bytes(data))
    write_text_atomic(py, module_source(name, source.version))
    return xlsm, py, source.version
