"""Open a workbook file and return its sheets as grids of values, or say why it cannot be read.

Values come from python-calamine (fast). What calamine does not report, error values,
formulas without a cached value and cells in Excel's percent format, comes from a light scan
of the sheet XML (`cellmeta.py`) that only runs where the raw bytes show it is needed.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from ..model import WorkbookError
from .cellmeta import CellMeta, Unpacked, _sheet_parts, scan_cell_meta
from .limits import PACKED_MAX, Limits, unpack, whole_file

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
MERGE_SPREAD = 10_000  # report_reader.merged_origin skips larger (decorative) ranges


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


def check_container(path: Path, limits: Limits,
                    wanted: Callable[[str], bool] | None = None) -> Unpacked:
    """Raise WorkbookError when `path` is not an .xlsx/.xlsm we can read safely: every check
    of `limits.py` runs here, before any parser sees the file. Returns what it unpacked that
    the cell-metadata scan needs again (the sheet map, the sheets and styles). With `wanted`,
    only those worksheets will be parsed: the others are not unpacked, nor the parts that
    calamine never opens for values (`_UNREAD_BY_VALUES`; every other part is)."""
    try:
        return _check_container(path, limits, wanted)
    except WorkbookError:
        raise
    except OSError as exc:  # permissions, a name too long, a file removed meanwhile, ...
        raise WorkbookError(path, "open.os_error", _short(exc)) from exc


def _check_container(path: Path, limits: Limits,
                     wanted: Callable[[str], bool] | None = None) -> Unpacked:
    size = _size(path, limits)
    data: bytes | None = None  # the whole file, when it is small enough to hold (`PACKED_MAX`)
    with path.open("rb") as fh:
        if size <= PACKED_MAX:
            try:  # (asked for its size: a read of PACKED_MAX bytes allocates that much first)
                data = fh.read(size + 1)
            except OSError:  # a disk error past the head: the reads from the file say what
                data = None
            if data is not None and len(data) > size:  # it grew meanwhile: from the file
                data = None
            if data is None:
                fh.seek(0)
        head = data[:8] if data is not None else fh.read(8)
        if head == OLE2_MAGIC:
            fh.seek(0)
            if _holds(fh, ENCRYPTED_PACKAGE):
                raise WorkbookError(path, "open.password")
            if path.suffix.lower() != ".xls":  # an old .xls renamed: say what it really is
                raise WorkbookError(path, "open.legacy_xls_renamed", path.suffix or "-")
            raise WorkbookError(path, "open.legacy_xls")
    # The zip is read from the bytes in hand (a file that fits in `PACKED_MAX`) rather than
    # opened three times more (its end record, its directory, the parts): the same bytes.
    source: Path | io.BytesIO = io.BytesIO(data) if data is not None else path
    if not zipfile.is_zipfile(source):
        # A zip whose end was cut off (an interrupted download or copy) still starts with a
        # local file header: it is a damaged workbook, not some other kind of file.
        if head.startswith(ZIP_MAGIC):
            raise WorkbookError(path, "open.corrupt", "truncated zip")
        kind = _looks_like(head)
        if kind == "PDF":  # a published report: the import makes a workbook of it
            raise WorkbookError(path, "open.document", "PDF")
        raise WorkbookError(path, "open.not_zip", kind)
    _check_directory(path, limits, source)
    try:
        with zipfile.ZipFile(source) as zf:
            limits.check_zip(path, zf)  # before a single byte is unpacked
            names = set(zf.namelist())
            if "mimetype" in names:
                with zf.open("mimetype") as fh:
                    if fh.read(64).startswith(b"application/vnd.oasis"):
                        raise WorkbookError(path, "open.ods")
            if "xl/workbook.bin" in names:
                raise WorkbookError(path, "open.xlsb")
            if "xl/workbook.xml" not in names:
                if "word/document.xml" in names:
                    raise WorkbookError(path, "open.document", "Word")
                raise WorkbookError(path, "open.no_workbook_part")
            packed = data if data is not None else whole_file(zf)
            read: dict[str, bytes] = {}  # the parts the sheet map unpacked, for the survey
            parsed: dict[str, list[tuple[int, str, dict[str, str]]]] = {}  # and parsed
            sheet_parts = _sheet_map(zf, packed, read, parsed)
            names_of = {part: name for name, part in (sheet_parts or {}).items()}
            kept: dict[str, bytes] = {}
            # a worksheet no parser will read (pairing reads Identitas only) need not be
            # unpacked; without a sheet map every part is. Nor, then, the parts that only the
            # full check reads (`_UNREAD_BY_VALUES`): that check surveys them all the same.
            unread: set[str] = set()
            if wanted is not None:
                unread = {part for name, part in (sheet_parts or {}).items() if not wanted(name)}
                unread.update(_unread_by_values(zf, packed, read, names, parsed))
            canonical: set[str] = set()
            limits.survey(path, zf, names_of, {*names_of, "xl/styles.xml"}, kept, unread,
                          canonical, packed, read)
            return Unpacked(sheet_parts, kept, canonical, data)
    except WorkbookError:
        raise
    except RuntimeError as exc:  # a zip entry encrypted with a password (not Excel's way)
        raise WorkbookError(path, "open.password") from exc
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError,
            ValueError) as exc:
        raise WorkbookError(path, "open.corrupt", _short(exc)) from exc


# Parts that calamine never opens when it opens a workbook and reads its sheets' values, nor
# does our code when it reads some sheets' values only (`read_sheets`): found by putting
# malformed XML in each part of generated and real workbooks in turn (python-calamine 0.9).
# calamine opens _rels/.rels, xl/workbook.xml and its relationships, xl/styles.xml,
# xl/sharedStrings.xml and the sheets it reads; every part not named here is surveyed, and
# so is one named here that a relationship calamine follows points to (`_unread_by_values`).
_UNREAD_BY_VALUES = ("[content_types].xml", "docprops/", "xl/theme/", "xl/comments",
                     "xl/threadedcomments/", "xl/persons/", "xl/drawings/", "xl/charts/",
                     "xl/printersettings/", "xl/worksheets/_rels/", "xl/calcchain.xml",
                     "customxml/")

# Relationships that calamine does not follow (the workbook's theme, the file's properties):
# their targets may be left unsurveyed; a part any other relationship of the package or of
# the workbook points to (the workbook, a sheet, the shared strings, ...) never is, wherever
# it lies, so that a file naming, say, docProps/x.xml as a worksheet has it surveyed.
_UNFOLLOWED_TYPES = ("/theme", "/metadata/core-properties", "/extended-properties",
                     "/custom-properties", "/metadata/thumbnail", "/calcChain",
                     "/customXml")


def _unread_by_values(zf: zipfile.ZipFile, packed: bytes | None, read: dict[str, bytes],
                      names: set[str],
                      parsed: dict[str, list[tuple[int, str, dict[str, str]]]] | None = None
                      ) -> set[str]:
    """The parts of `_UNREAD_BY_VALUES` that no relationship calamine follows points to (by
    file name, case aside, wherever the relationship resolves). None at all when the two
    relationship parts cannot be read cheaply, or a target is percent-encoded: every part is
    then surveyed as before. The relationship parts unpacked go into `read`; those parsed
    already (by the sheet map) are taken from `parsed`."""
    from .cellmeta import _RELS_TAGS, _elements

    followed: set[str] = set()
    for part in ("_rels/.rels", "xl/_rels/workbook.xml.rels"):
        try:
            # the sheet map read and parsed it (then it is not too large)
            rels = parsed.get(part) if parsed else None
            if rels is None:
                data = read.get(part)
                if data is None:
                    info = zf.getinfo(part)
                    if info.file_size > 4 << 20:
                        return set()
                    data = unpack(packed, info) if packed is not None else None
                    if data is None:
                        data = zf.read(info)
                    read[part] = data
                rels = _elements(data, _RELS_TAGS)
        except Exception:  # missing, damaged, a DTD: the survey says what is wrong
            return set()
        for _, tag, attrs in rels:
            if tag not in _RELS_TAGS:
                continue
            target = attrs.get("Target", "")
            if "%" in target:
                return set()
            if not attrs.get("Type", "").endswith(_UNFOLLOWED_TYPES):
                followed.add(target.rstrip("/").rpartition("/")[2].lower())
    return {n for n in names if n.lower().startswith(_UNREAD_BY_VALUES)
            and n.rstrip("/").rpartition("/")[2].lower() not in followed}


def _size(path: Path, limits: Limits) -> int:
    """The size of the file at `path`; WorkbookError when there is none, or it is a folder,
    empty or too large. One `stat`; when it fails, the questions are asked one by one as
    they always were (which error, in which order)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        st = None
    if st is None:
        if not path.exists():
            raise WorkbookError(path, "open.not_found")
        if path.is_dir():
            raise WorkbookError(path, "open.is_directory")
        size = path.stat().st_size
    else:
        if stat.S_ISDIR(st.st_mode):
            raise WorkbookError(path, "open.is_directory")
        size = st.st_size
    if size == 0:
        raise WorkbookError(path, "open.empty")
    if size > limits.max_file_bytes:
        raise WorkbookError(path, "limit.file_size", f"{size:,} > {limits.max_file_bytes:,}")
    return size


def _check_directory(path: Path, limits: Limits, source: Path | BinaryIO | None = None
                     ) -> None:
    """The number of parts, from the zip's end record, before zipfile builds an object for
    each (a 100 MB file can list two million parts). `source`: the file's bytes in hand."""
    try:
        with path.open("rb") if not isinstance(source, io.BytesIO) \
                else contextlib.nullcontext(source) as fh:
            end = zipfile._EndRecData(fh)  # type: ignore[attr-defined]
    except Exception:  # a private helper of zipfile: if it changes, ZipFile itself decides
        return
    if end is None:
        return
    entries = end[zipfile._ECD_ENTRIES_TOTAL]  # type: ignore[attr-defined]
    if entries > limits.max_parts:
        raise WorkbookError(path, "limit.parts", f"{entries:,} > {limits.max_parts:,}")


# What a workbook part's content type says the file is (in [Content_Types].xml).
_CONTENT_SUFFIXES = (
    (b"sheet.macroEnabled.main+xml", ".xlsm"),
    (b"template.macroEnabled.main+xml", ".xltm"),
    (b"spreadsheetml.template.main+xml", ".xltx"),
    (b"spreadsheetml.sheet.main+xml", ".xlsx"),
)
WORKBOOK_EXTENSIONS = (".xlsx", ".xlsm", ".xltx", ".xltm")


def real_extension(path: str | Path) -> str | None:
    """The extension the file's content calls for: '.xlsx', '.xlsm', '.xltx' or '.xltm' for
    an Office Open XML workbook (from its content type), '.xls' for an old binary workbook
    (OLE2), None for anything else or a file that cannot be read. Reads a few bytes and the
    zip directory only."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
        if head == OLE2_MAGIC:
            return ".xls"
        if not head.startswith(ZIP_MAGIC):
            return None
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("[Content_Types].xml")
            if info.file_size > 1 << 20:
                return None
            types = zf.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, EOFError, ValueError, RuntimeError,
            NotImplementedError, zlib.error):
        return None
    for marker, suffix in _CONTENT_SUFFIXES:
        if marker in types:
            return suffix
    return None


def extension_mismatch(path: str | Path) -> str | None:
    """The extension `path` should have when its name says otherwise (a workbook renamed
    .xls, an .xlsx named .xlsm, ...): None when the name fits, or the content is unknown."""
    real = real_extension(path)
    if real is None or real == ".xls":
        return None
    return real if Path(path).suffix.lower() != real else None


def _holds(fh: BinaryIO, needle: bytes) -> bool:
    """Whether the open file holds `needle`, read in pieces (the file size is limited)."""
    tail = b""
    while chunk := fh.read(1 << 20):
        if needle in tail + chunk:
            return True
        tail = chunk[-len(needle):]
    return False


def _looks_like(head: bytes) -> str:
    """What a file that is not a zip seems to be, for the message's detail."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"%pdf"):
        return "PDF"
    if start.startswith((b"<html", b"<!doc", b"<?xml", b"<table")):
        return "HTML/XML"
    if start.startswith(b"{\\rtf"):
        return "RTF"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    return "text/CSV"


def _sheet_map(zf: zipfile.ZipFile, packed: bytes | None = None,
               read_parts: dict[str, bytes] | None = None,
               parsed: dict[str, list[tuple[int, str, dict[str, str]]]] | None = None
               ) -> dict[str, str] | None:
    """Sheet name -> part, to name the sheet in a message and for the cell-metadata scan; None
    when it cannot be known cheaply and safely (the survey checks the parts themselves, and
    the scan reads the map again and says what is wrong). `packed`: the zip file's bytes,
    to unpack the two parts from; `read_parts` gets the parts unpacked (whole, their size
    and CRC checked), for the survey not to unpack them again; `parsed` the relationships'
    elements (`_unread_by_values` needs them too)."""

    def read(name: str) -> bytes:
        info = zf.getinfo(name)
        data = unpack(packed, info) if packed is not None else None
        if data is None:
            data = zf.read(info)
        if read_parts is not None:
            read_parts[name] = data
        return data

    try:
        for part in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            if zf.getinfo(part).file_size > 4 << 20:
                return None
        return _sheet_parts(zf, read, parsed)
    except Exception:  # a DTD, bad XML, a missing part: the survey reports what is wrong
        return None


def open_workbook(path: str | Path, limits: Limits | None = None,
                  sheets: Callable[[str], bool] | None = None) -> RawWorkbook:
    """Read every worksheet's values (with `sheets`, of the worksheets whose name it accepts;
    every part is checked all the same). Raises WorkbookError with a message key on
    failure."""
    import python_calamine  # noqa: F401 - imported before file descriptor 2 is silenced

    path = Path(path)
    limits = limits or Limits()
    unpacked = check_container(path, limits)
    with _native_stderr_silenced():
        raw = _read_values(path, limits, sheets, unpacked.data)
    try:
        raw.meta = scan_cell_meta(path, tuple(raw.sheets), limits, unpacked)
    except WorkbookError:
        raise
    except Exception as exc:
        raise WorkbookError(path, "open.corrupt", _short(exc)) from exc
    return raw


def read_sheets(path: Path, limits: Limits, wanted: Callable[[str], bool]) -> RawWorkbook:
    """The values of the worksheets whose name `wanted` accepts, after the same container
    checks as `open_workbook` (no cell-metadata scan: values only)."""
    import python_calamine  # noqa: F401 - imported before file descriptor 2 is silenced

    unpacked = check_container(path, limits, wanted)
    with _native_stderr_silenced():
        return _read_values(path, limits, wanted, unpacked.data)


def _read_values(path: Path, limits: Limits, wanted: Callable[[str], bool] | None = None,
                 data: bytes | None = None) -> RawWorkbook:
    """The values of the worksheets `wanted` accepts (every one without it); `data`: the
    file's bytes that the container checks ran on, read instead of the file."""
    import python_calamine as pc

    try:
        if data is not None:  # calamine tells the kind of workbook by its content
            book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        elif path.suffix.lower() in WORKBOOK_EXTENSIONS:
            book = pc.CalamineWorkbook.from_path(str(path))
        else:  # a workbook renamed (.xls, no extension): calamine picks by content
            with path.open("rb") as fh:
                book = pc.CalamineWorkbook.from_filelike(fh)
    except pc.PasswordError as exc:
        raise WorkbookError(path, "open.password") from exc
    except (pc.CalamineError, pc.ZipError, pc.XmlError, OSError, ValueError) as exc:
        raise WorkbookError(path, "open.corrupt", _short(exc)) from exc
    except Exception as exc:  # calamine raises plain errors for some malformed parts
        raise WorkbookError(path, "open.corrupt", _short(exc)) from exc
    except BaseException as exc:
        raise _panic(path, exc, "") from exc

    raw = RawWorkbook(path)
    sheet = ""
    try:
        for meta in book.sheets_metadata:
            if str(meta.typ) != str(pc.SheetTypeEnum.WorkSheet):
                continue
            if wanted is not None and not wanted(meta.name):
                continue
            sheet = meta.name
            raw.sheets[meta.name] = _read_sheet(book, meta, limits, path)
    except WorkbookError:
        raise
    except Exception as exc:
        raise WorkbookError(path, "open.corrupt", _short(exc)) from exc
    except BaseException as exc:
        raise _panic(path, exc, sheet) from exc
    finally:
        book.close()
    return raw


@contextlib.contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """File descriptor 2 goes to /dev/null while calamine works: a panic in its Rust code
    prints a backtrace there (dozens of lines with RUST_BACKTRACE set) before becoming the
    exception that `_panic` turns into one clear line."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all
        yield
        return
    try:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            sys.stderr.flush()
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 2)
        finally:
            os.close(devnull)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _panic(path: Path, exc: BaseException, sheet: str) -> BaseException:
    """A panic inside calamine's Rust code (pyo3's PanicException derives from BaseException,
    so `except Exception` misses it) becomes a WorkbookError naming the cells that likely
    caused it; anything else (Ctrl-C, a time limit) goes on as it was."""
    if type(exc).__name__ != "PanicException":
        return exc
    cells = _suspect_cells(path, sheet) if sheet else []
    where = ", ".join(f"{sheet}!{c}" for c in cells[:5]) or (f"'{sheet}'" if sheet else "")
    return WorkbookError(path, "open.unconvertible", where or _short(exc))


_NEGATIVE_VALUE = re.compile(rb'<c r="([A-Z]{1,3}[0-9]{1,9})"[^>]*>(?:<f[^>]*>[^<]*</f>|<f[^>]*/>)?'
                             rb"<v>(-[0-9.eE+]+|-inf)</v>")


def _suspect_cells(path: Path, sheet: str) -> list[str]:
    """Cells holding a number that no date can be (below -1e11 days): calamine panics when
    such a cell is in a date format (measured with python-calamine 0.9)."""
    try:
        with zipfile.ZipFile(path) as zf:
            part = _sheet_parts(zf).get(sheet)
            data = zf.read(part) if part else b""
    except Exception:
        return []
    found = []
    for m in _NEGATIVE_VALUE.finditer(data):
        try:
            if float(m.group(2)) < -1e11:
                found.append(m.group(1).decode())
        except ValueError:
            continue
    return found


def _read_sheet(book: object, meta: object, limits: Limits, path: Path) -> RawSheet:
    import python_calamine as pc

    sheet = book.get_sheet_by_name(meta.name)  # type: ignore[attr-defined]
    rows = sheet.to_python(skip_empty_area=False, nrows=limits.max_rows + 1)
    truncated = len(rows) > limits.max_rows
    if truncated:
        rows = rows[: limits.max_rows]
    _clean_text(rows)
    # Merged ranges below what was read cannot matter. The reader spreads each range of up to
    # MERGE_SPREAD cells over its cells: their total is a cost, limited like the grid.
    merged = tuple(
        (r1 + 1, c1 + 1, r2 + 1, c2 + 1)
        for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or ())
        if r1 < len(rows)
    )
    spread = sum(area for r1, c1, r2, c2 in merged
                 if (area := (r2 - r1 + 1) * (c2 - c1 + 1)) <= MERGE_SPREAD)
    if spread > limits.max_cells:
        raise WorkbookError(path, "limit.cells", f"'{meta.name}': merged {spread:,} > "
                            f"{limits.max_cells:,}")
    visible = str(meta.visible) == str(pc.SheetVisibleEnum.Visible)
    return RawSheet(meta.name, rows, visible, merged, truncated)


# C0 and C1 control characters but tab, line feed and carriage return. OOXML can carry them
# (`_x001B_`) and calamine decodes them; they have no meaning in a report, openpyxl refuses
# to write them, and quoted in a message they would reach the terminal (ESC sequences).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
REPLACEMENT = "\ufffd"


def _clean_text(rows: list[list[object]]) -> None:
    """Control characters in text cells become U+FFFD, in place. The sheet's text is first
    joined and tested whole (C-level passes, no Python step per cell): printable, or with a
    line break or a non-breaking space but no control character, it is left as it is; only
    a sheet that holds one is looked at cell by cell."""
    text = "".join(filter(str.__instancecheck__, chain.from_iterable(rows)))
    if text.isprintable() or not _CONTROL.search(text):
        return
    for row in rows:
        for j, value in enumerate(row):
            if value.__class__ is str and not value.isprintable() \
                    and _CONTROL.search(value):  # type: ignore[arg-type]
                row[j] = _CONTROL.sub(REPLACEMENT, value)  # type: ignore[arg-type]


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return _CONTROL.sub(REPLACEMENT, text[:200])
