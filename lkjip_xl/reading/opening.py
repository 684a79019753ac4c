"""Open a workbook file and return its sheets as grids of values, or say why it cannot be read.

Values come from python-calamine (fast). What calamine does not report, error values,
formulas without a cached value and cells in Excel's percent format, comes from a light scan
of the sheet XML (`cellmeta.py`) that only runs where the raw bytes show it is needed.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..model import WorkbookError
from .cellmeta import CellMeta, scan_cell_meta
from .limits import Limits

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True, slots=True)
class RawSheet:
    name: str
    rows: list[list[object]]  # rows[i][j] is the cell at row i+1, column j+1; '' is blank
    visible: bool = True
    merged: tuple[tuple[int, int, int, int], ...] = ()  # (row1, col1, row2, col2), 1-based
    truncated: bool = False  # more rows than the limit: only the first ones were read


@dataclass(slots=True)
class RawWorkbook:
    path: Path
    sheets: dict[str, RawSheet] = field(default_factory=dict)
    meta: CellMeta = field(default_factory=CellMeta)


def check_container(path: Path, limits: Limits) -> None:
    """Raise WorkbookError when `path` is not an .xlsx/.xlsm we can read safely."""
    if not path.exists():
        raise WorkbookError(path, "open.not_found")
    if path.is_dir():
        raise WorkbookError(path, "open.is_directory")
    size = path.stat().st_size
    if size == 0:
        raise WorkbookError(path, "open.empty")
    if size > limits.max_file_bytes:
        raise WorkbookError(path, "limit.file_size", f"{size:,} > {limits.max_file_bytes:,}")
    with path.open("rb") as fh:
        head = fh.read(8)
        if head == OLE2_MAGIC:
            fh.seek(0)
            blob = fh.read(min(size, 4 << 20))
            if ENCRYPTED_PACKAGE in blob:
                raise WorkbookError(path, "open.password")
            raise WorkbookError(path, "open.legacy_xls")
    if not zipfile.is_zipfile(path):
        # A zip whose end was cut off (an interrupted download or copy) still starts with a
        # local file header: it is a damaged workbook, not some other kind of file.
        if head.startswith(ZIP_MAGIC):
            raise WorkbookError(path, "open.corrupt", "truncated zip")
        raise WorkbookError(path, "open.not_zip")
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names and zf.read("mimetype").startswith(b"application/vnd.oasis"):
                raise WorkbookError(path, "open.ods")
            if "xl/workbook.bin" in names:
                raise WorkbookError(path, "open.xlsb")
            if "xl/workbook.xml" not in names:
                raise WorkbookError(path, "open.no_workbook_part")
            limits.check_zip(path, zf)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise WorkbookError(path, "open.corrupt", str(exc)) from exc


def open_workbook(path: str | Path, limits: Limits | None = None) -> RawWorkbook:
    """Read every worksheet's values. Raises WorkbookError with a message key on failure."""
    import python_calamine as pc

    path = Path(path)
    limits = limits or Limits()
    check_container(path, limits)
    try:
        book = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError as exc:
        raise WorkbookError(path, "open.password") from exc
    except (pc.CalamineError, pc.ZipError, pc.XmlError, OSError, ValueError) as exc:
        raise WorkbookError(path, "open.corrupt", _short(exc)) from exc
    except Exception as exc:  # calamine raises plain errors for some malformed parts
        raise WorkbookError(path, "open.corrupt", _short(exc)) from exc

    raw = RawWorkbook(path)
    try:
        for meta in book.sheets_metadata:
            if str(meta.typ) != str(pc.SheetTypeEnum.WorkSheet):
                continue
            raw.sheets[meta.name] = _read_sheet(book, meta, limits)
        raw.meta = scan_cell_meta(path, tuple(raw.sheets), limits)
    except WorkbookError:
        raise
    except Exception as exc:
        raise WorkbookError(path, "open.corrupt", _short(exc)) from exc
    finally:
        book.close()
    return raw


def _read_sheet(book: object, meta: object, limits: Limits) -> RawSheet:
    import python_calamine as pc

    sheet = book.get_sheet_by_name(meta.name)  # type: ignore[attr-defined]
    rows = sheet.to_python(skip_empty_area=False, nrows=limits.max_rows + 1)
    truncated = len(rows) > limits.max_rows
    if truncated:
        rows = rows[: limits.max_rows]
    merged = tuple(
        (r1 + 1, c1 + 1, r2 + 1, c2 + 1)
        for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or ())
    )
    visible = str(meta.visible) == str(pc.SheetVisibleEnum.Visible)
    return RawSheet(meta.name, rows, visible, merged, truncated)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
