"""Limits on size and work, enforced before the expensive step (zip bombs, huge sheets, hostile
XML). Everything here runs before python-calamine or openpyxl sees the file:

1. the zip directory: the number of parts, each part's declared size, the total, and the
   compression ratio. Declared sizes can be trusted as upper bounds: python's zipfile and
   calamine both stop with an error when a part unpacks to more than it declares (measured);
2. every XML part, unpacked as a stream in 1 MiB pieces, never whole (a part declared
   smaller is unpacked in one piece, from the file's bytes when they are at hand):
   - a document type declaration (`<!DOCTYPE`, the door to entity-expansion bombs and external
     entities) is refused: Excel and LibreOffice never write one;
   - the cells that hold something are located with the rules calamine follows (a cell
     without an `r` address is the one after the previous cell; a row without `r` the one
     after the previous row), so the grid calamine allocates, rows x columns from A1, is
     known before it is allocated. A sheet's `<dimension ref>` is not used: it can lie in
     both directions and calamine ignores it (measured), while two cells A1 and XFD1048576
     in a 1 KB file make calamine ask for 512 GB and abort the process. A sheet in the
     canonical form whose cell addresses are all short is bounded without locating each
     cell (`_bounded`, `_large_part`).

A sheet longer than `max_rows` is still read, up to `max_rows` (rule INP015 says the rest was
not read); one whose content goes below `max(max_sheet_rows, max_rows)`, or whose grid is
larger than `max_cells`, is refused before it is parsed.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
import zlib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from ..model import WorkbookError

MB = 1024 * 1024
CHUNK = 1 * MB
KEEP_BYTES = 64 * MB  # parts kept unpacked by the survey for the cell-metadata scan, in all

# Parts never parsed as XML by anyone (images, the VBA project): not unpacked by the survey.
_BINARY_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf",
                    ".bin", ".wdp", ".svg", ".mp4", ".wav", ".ico")


@dataclass(frozen=True, slots=True)
class Limits:
    """What the reader accepts. Every field can be set from the command line (`--max-*`) or
    the `[limits]` table of the config file; the defaults are generous for real reports."""

    max_file_bytes: int = 100 * MB  # the file on disk
    max_parts: int = 10_000  # entries in the zip (a large real workbook has a few hundred)
    max_part_bytes: int = 100 * MB  # one part unpacked: a sheet, the shared strings
    max_uncompressed_bytes: int = 500 * MB  # all parts unpacked
    max_ratio: float = 200.0  # unpacked / packed size of one part ...
    ratio_min_bytes: int = 10 * MB  # ... that unpacks to more than this
    max_rows: int = 100_000  # rows read per sheet; more: the first ones, and INP015
    max_sheet_rows: int = 200_000  # content further down (or below max_rows): refused
    max_cells: int = 5_000_000  # rows x columns of one sheet's grid, from A1

    @property
    def row_limit(self) -> int:
        """The row below which content makes a sheet refused."""
        return max(self.max_sheet_rows, self.max_rows)

    def check_zip(self, path: Path, zf: zipfile.ZipFile) -> None:
        """The directory checks (1): no byte is unpacked."""
        infos = zf.infolist()
        if len(infos) > self.max_parts:
            raise WorkbookError(path, "limit.parts", f"{len(infos):,} > {self.max_parts:,}")
        total = 0
        for info in infos:
            total += info.file_size
            if (
                info.file_size > self.ratio_min_bytes
                and info.compress_size > 0
                and info.file_size / info.compress_size > self.max_ratio
            ):
                raise WorkbookError(
                    path, "limit.zip_ratio",
                    f"{info.filename}: {info.file_size:,} / {info.compress_size:,}",
                )
            if info.file_size > self.max_part_bytes:
                raise WorkbookError(path, "limit.part_size",
                                    f"{info.filename}: {info.file_size:,} > "
                                    f"{self.max_part_bytes:,}")
        if total > self.max_uncompressed_bytes:
            raise WorkbookError(
                path, "limit.uncompressed", f"{total:,} > {self.max_uncompressed_bytes:,}"
            )

    def survey(self, path: Path, zf: zipfile.ZipFile, sheet_names: dict[str, str] | None = None,
               keep: set[str] | None = None, kept: dict[str, bytes] | None = None,
               skip: set[str] | None = None, canonical: set[str] | None = None,
               packed: bytes | None = None, read: dict[str, bytes] | None = None
               ) -> dict[str, tuple[int, int]]:
        """The streaming checks (2) on every part that may be parsed as XML.

        `sheet_names` (part -> sheet name) only makes messages name the sheet. Returns each
        part's grid (last row, last column holding something); raises WorkbookError. The
        parts named in `keep` that unpack to at most KEEP_BYTES in all are put into `kept`
        whole, once surveyed, so that the cell-metadata scan does not unpack them a second
        time (`cellmeta.py`). The parts in `skip` (worksheets no parser will read) are left
        packed. The parts whose every <c> start tag was found canonical (`_bounded`) are
        added to `canonical`. A part cleared by `_bounded` gets a bound of its grid.
        `packed`: the zip file's bytes when the caller has them (`whole_file`); `read`: parts
        the caller has unpacked already (whole, size and CRC checked), by name.
        """
        names = sheet_names or {}
        grids: dict[str, tuple[int, int]] = {}
        budget = KEEP_BYTES
        if packed is None:
            packed = whole_file(zf)
        for info in zf.infolist():
            if info.is_dir():
                continue
            if info.filename.lower().endswith(_BINARY_SUFFIXES) and info.filename not in names:
                continue
            if skip and info.filename in skip:
                continue
            pieces: list[bytes] | None = None
            if keep and kept is not None and info.filename in keep \
                    and info.filename not in kept and info.file_size <= budget:
                budget -= info.file_size
                pieces = []
            grid = self._survey_part(path, zf, info, names.get(info.filename), pieces, packed,
                                     canonical, read.get(info.filename) if read else None)
            if pieces is not None and kept is not None:
                kept[info.filename] = b"".join(pieces)
            if grid != (0, 0):
                grids[info.filename] = grid
        return grids

    def _survey_part(self, path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo,
                     sheet: str | None, pieces: list[bytes] | None = None,
                     packed: bytes | None = None, canonical: set[str] | None = None,
                     done: bytes | None = None) -> tuple[int, int]:
        whole: bytes | None = None
        if info.file_size < CHUNK:
            # A part that fits in one piece (its declared size is an upper bound): read whole
            # (from the file's bytes when they are at hand, or as `done`, unpacked already),
            # it goes through the piece by piece survey as before unless it is cleared here.
            whole = done if done is not None else \
                unpack(packed, info) if packed is not None else None
            if whole is None:
                with zf.open(info) as fh:
                    whole = fh.read(CHUNK)
                    if fh.read(1):  # as the piece by piece read (never seen: it raises)
                        return self._survey_stream(path, zf, info, sheet, pieces)
            if pieces is not None:
                pieces.append(whole)
                pieces = None
            bound = self._small_part(path, info, whole)
            if bound is not None:
                if bound != (0, 0) and canonical is not None:
                    canonical.add(info.filename)
                return bound
        else:
            bound = self._large_part(zf, info, pieces)
            if bound is not None:
                return bound
            if pieces is not None:
                pieces.clear()  # the piece by piece survey reads the part again
        return self._survey_stream(path, zf, info, sheet, pieces, whole)

    def _large_part(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo,
                    pieces: list[bytes] | None) -> tuple[int, int] | None:
        """`_small_part` for a part of 1 MiB or more, read in the same pieces as the piece by
        piece survey: every piece from the one holding <sheetData> on is cleared by
        `_bounded`, and the bound of them all is within the limits. None as soon as a piece
        is not (UTF-16, a '<!', an odd tag, a long address): the part is then surveyed again
        from its start, piece by piece, as it always was."""
        # the tiers of `_bounded` that clear every piece so far (one bound for the whole part)
        alive = _allowed_tiers(self.row_limit, self.max_cells)
        started = False
        carry = b""
        first = True
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(CHUNK)
                if pieces is not None:
                    pieces.append(chunk)
                if first:
                    first = False
                    if _utf16(chunk):
                        return None
                text, carry = _cut_at_last_tag(carry + chunk, chunk)
                if text is None:
                    continue
                if _declares(text):
                    return None
                started = started or b"sheetData" in text
                if started:
                    if _PREFIXED_CRF.search(text) or _ODD_ROW.search(text):
                        return None
                    alive = [tier for tier in alive if not tier[2].search(text)]
                    if not alive:
                        return None
                if not chunk:
                    break
        return (alive[0][0], alive[0][1]) if started else (0, 0)

    def _survey_stream(self, path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo,
                       sheet: str | None, pieces: list[bytes] | None = None,
                       whole: bytes | None = None) -> tuple[int, int]:
        """The survey of a part, piece by piece (`whole`: the part, already read)."""
        where = f"'{sheet}'" if sheet else info.filename
        grid = _Grid()
        carry = b""
        first = True
        with contextlib.nullcontext() if whole is not None else zf.open(info) as fh:
            while True:
                if whole is not None:
                    chunk, whole = whole, b""
                else:
                    chunk = fh.read(CHUNK)  # type: ignore[union-attr]
                if pieces is not None:
                    pieces.append(chunk)
                if first:
                    first = False
                    if _utf16(chunk):
                        raise WorkbookError(path, "open.corrupt", f"{info.filename}: UTF-16")
                text, carry = _cut_at_last_tag(carry + chunk, chunk)
                if text is None:
                    continue
                if b"!" in text and (b"<!DOCTYPE" in text or b"<!ENTITY" in text):
                    raise WorkbookError(path, "open.xml_dtd", info.filename)
                grid.feed(path, info.filename, text)
                self._check_grid(path, where, grid)
                if not chunk:
                    break
        return grid.last_row, grid.last_col

    def _small_part(self, path: Path, info: zipfile.ZipInfo, data: bytes
                    ) -> tuple[int, int] | None:
        """A part read whole that needs no cell-by-cell survey: one without a <sheetData>, or
        a canonical sheet whose every cell address is bounded well within the limits
        (`_bounded`). Returns its grid, or a bound of it; None leaves the part to the piece
        by piece survey, which refuses what it must (a DTD, UTF-16, an odd tag, too many
        cells) with the message it always gave."""
        if _utf16(data) or _declares(data):
            return None  # a DTD, a comment or CDATA (which may hide tags): the exact path
        if b"sheetData" not in data:
            return 0, 0
        return _bounded(data, self.row_limit, self.max_cells)

    def _check_grid(self, path: Path, where: str, grid: _Grid) -> None:
        if grid.last_row > self.row_limit:
            raise WorkbookError(path, "limit.rows",
                                f"{where}: {grid.last_row:,} > {self.row_limit:,}")
        cells = grid.last_row * grid.last_col
        if cells > self.max_cells:
            raise WorkbookError(path, "limit.cells",
                                f"{where}: {grid.last_row:,} x {grid.last_col:,} > "
                                f"{self.max_cells:,}")

    def replace(self, **changes: Any) -> Limits:
        """A copy with the non-None `changes`; unknown names raise ValueError."""
        return replace_limits(self, changes)


def replace_limits(limits: Any, changes: dict[str, Any]) -> Any:
    """A copy of a limits dataclass with the non-None `changes`: unknown names, non-positive
    values and a fraction for a whole-number limit raise ValueError."""
    known = {f.name for f in fields(limits)}
    unknown = sorted(set(changes) - known)
    if unknown:
        raise ValueError(", ".join(unknown))
    values = {f.name: getattr(limits, f.name) for f in fields(limits)}
    for key, value in changes.items():
        if value is None:
            continue
        whole = isinstance(values[key], int)
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0 \
                or (whole and not float(value).is_integer()):
            raise ValueError(f"{key}={value}")
        values[key] = int(value) if whole else float(value)
    return type(limits)(**values)


def limits_from_dict(data: dict[str, Any]) -> Limits:
    """Limits from a config table: the field names, with '-' or '_' (`max-rows = 200000`)."""
    return Limits().replace(**{str(k).replace("-", "_"): v for k, v in data.items()})


# --- where the cells are ---------------------------------------------------------------------

# The start tag of a <row> or <c> element (any namespace prefix) with its attributes; quoted
# values may hold '>' and '/'.
_TAG = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)((?:\s+[^\s=>/\"']+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>"
)
_ANY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:row|c)[\s/>]")
_R_ATTR = re.compile(rb"(?:^|\s)r\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CELL_REF = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,9})")
_ROW_REF = re.compile(rb"[0-9]{1,9}")
# The canonical forms every writer uses (r first, double quotes, single spaces, upper case):
# found with a few C-level passes instead of one Python step per cell.
_CANON_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})([0-9]{1,9})"(?: (?!r=)[A-Za-z_][\w.:-]*="[^"]*")* ?(/?)>'
)
# A <c> or <row> start tag in another form: with a prefix (found by its ':', and more: a
# false alarm only sends the piece to the exact path), without attributes, or followed by a
# tab or a line break. Two passes that each stop only at a ':' or a '<'.
_PREFIXED = re.compile(rb":(?:row|c)[\s/>]")
# (and <x:f>: a sheet `_bounded` clears holds none, so the metadata scan need not look)
_PREFIXED_CRF = re.compile(rb":(?:row|c|f)[\s/>]")
_BARE = re.compile(rb"<(?:row|c)[\t\n\r>/]")


# A sheet in the canonical form whose cells all lie within a small grid is cleared by a few
# searches that stop only at a <c or a <row: every <c> start tag is canonical (as `_CANON_CELL`,
# with at most `letters` column letters and `digits` row digits), every <row> too (one `r`,
# digits), and no tag is prefixed. Each tier is (letters, digits): rows <= 10**digits - 1,
# columns <= 26 (one letter) or 702 (two). A sheet that no tier clears takes the exact path.
# (attribute values without '<', '>' nor '&', so that the tags also match the cell-metadata
# scan's canonical form, `cellmeta._C_TAG`: it is then spared checking them again)
_CANON_ATTRS = rb'(?: (?!r=)[A-Za-z_][\w.:-]*+="[^"<>&]*+")*+ ?/?>'
_ODD_ROW = re.compile(rb'<row(?=[\s/>])(?! r="[0-9]{1,9}"' + _CANON_ATTRS + rb")")
_TIERS = tuple(
    (rows, cols, re.compile(rb'<c(?=[\s/>])(?! r="[A-Z]{1,%d}[0-9]{1,%d}"' % (letters, digits)
                            + _CANON_ATTRS + rb")"))
    for letters, digits, rows, cols in ((2, 3, 999, 702), (1, 5, 99_999, 26))
)


PACKED_MAX = 16 * MB  # a file up to this size is read once whole by the survey


def whole_file(zf: zipfile.ZipFile) -> bytes | None:
    """The zip file's bytes, when it is small enough to hold: the survey then unpacks each
    small part from them (`unpack`) instead of opening it through zipfile."""
    fp = zf.fp
    try:
        if fp is None or fp.seek(0, 2) > PACKED_MAX:
            return None
        fp.seek(0)
        return fp.read(PACKED_MAX + 1)
    except (OSError, ValueError, AttributeError):
        return None


def unpack(packed: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """The part `info`, unpacked from the zip file's bytes when nothing is unusual: a local
    header that names the part, stored or deflated, no flag but the data descriptor's and
    UTF-8's, a deflate stream that ends, the declared size and CRC. None otherwise: zipfile
    then reads the part, and raises what it always raised."""
    at = info.header_offset
    head = packed[at:at + 30]
    if len(head) < 30 or head[:4] != b"PK\x03\x04" or info.flag_bits & ~0x808 \
            or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return None
    flags = int.from_bytes(head[6:8], "little")
    name_len = int.from_bytes(head[26:28], "little")
    start = at + 30 + name_len + int.from_bytes(head[28:30], "little")
    try:
        name = packed[at + 30:at + 30 + name_len].decode("utf-8" if flags & 0x800 else "cp437")
    except UnicodeDecodeError:
        return None
    data = packed[start:start + info.compress_size]
    if name != info.orig_filename or len(data) != info.compress_size:
        return None
    end = getattr(info, "_end_offset", None)  # newer zipfiles refuse overlapping entries
    if end is not None and start + info.compress_size > end:
        return None
    if info.compress_type == zipfile.ZIP_DEFLATED:
        try:
            unpacker = zlib.decompressobj(-15)
            data = unpacker.decompress(data, info.file_size + 1)
        except zlib.error:
            return None
        if not unpacker.eof:
            return None
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        return None
    return data


def _allowed_tiers(row_limit: int, max_cells: int) -> list[tuple[int, int, re.Pattern[bytes]]]:
    """The tiers whose bound the limits allow."""
    return [(rows, cols, odd) for rows, cols, odd in _TIERS
            if rows <= row_limit and rows * cols <= max_cells]


def _bounded(data: bytes, row_limit: int, max_cells: int) -> tuple[int, int] | None:
    """A bound (rows, columns) of a whole sheet's grid when every <c> and <row> start tag is in
    the canonical form and every cell address within a bound that the limits allow; None
    when that cannot be shown so (the exact survey then decides). Under these conditions the
    exact survey accepts the sheet (`_Grid._fast` takes every piece of it) and finds a grid
    no larger than the bound."""
    tiers = _allowed_tiers(row_limit, max_cells)
    if not tiers or _PREFIXED_CRF.search(data) or _ODD_ROW.search(data):
        return None
    for rows, cols, odd_cell in tiers:
        if not odd_cell.search(data):
            return rows, cols
    return None


def _r_values(attrs: bytes) -> list[bytes]:
    """The values of every unprefixed `r` attribute in a tag's attribute text."""
    return [(m.group(1) if m.group(1) is not None else m.group(2)).strip()
            for m in _R_ATTR.finditer(attrs)]


def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def _cut_at_last_tag(data: bytes, chunk: bytes) -> tuple[bytes | None, bytes]:
    """(text to survey, carry) of the bytes read so far, `chunk` the last piece read (empty at
    the end of the part): up to the last '<', so that no tag is cut in two. A piece without
    one gives no text and is carried whole until there is one (it is bounded by the part's
    declared size)."""
    if not chunk:
        return data, b""
    cut = data.rfind(b"<")
    if cut <= 0:
        return None, data
    return data[:cut], data[cut:]


def _declares(data: bytes) -> bool:
    """Whether `data` holds '<!' (a DTD, a comment, CDATA): found from its '!'s, rare in a
    sheet (one memchr each), rather than by a search for the two bytes, which steps through
    every '<' of the XML; from the 16th '!' on, by that search after all."""
    find = data.find
    at = find(b"!")
    for _ in range(16):
        if at < 0:
            return False
        if at and data[at - 1] == 0x3C:  # '<'
            return True
        at = find(b"!", at + 1)
    return at >= 0 and find(b"<!", at - 1) >= 0


def _utf16(head: bytes) -> bool:
    """XML in UTF-16 (Excel never writes it; calamine reads such a sheet as empty)."""
    return head[:4] in (b"\xff\xfe<\x00", b"\xfe\xff\x00<") or head[:2] in (b"<\x00", b"\x00<")


class _Grid:
    """The last row and column of the cells that hold something, fed piece by piece.

    calamine's rules (measured): a <row> without `r` is the row after the previous <row>; a
    <c> without `r` is in the current <row>'s row, one column right of the previous cell of
    that row (the first column after a <row>); a <c> with `r` is where it says. Counted
    conservatively: every <c> that is not empty (`<c .../>`) counts, wherever it is (calamine
    reads only the first <sheetData> and skips cells without a value).
    """

    __slots__ = ("col", "last_col", "last_row", "row", "started")

    def __init__(self) -> None:
        self.started = False  # a <sheetData> was seen
        self.row = 0  # the current <row>, 1-based (0: none yet)
        self.col = 0  # the previous cell's column in it
        self.last_row = 0
        self.last_col = 0

    def feed(self, path: Path, part: str, text: bytes) -> None:
        if not self.started:
            # calamine reads cells inside <sheetData> only: parts without one (styles, theme,
            # strings, ...) are skipped, and so is a sheet's text before it.
            if b"sheetData" not in text:
                return
            self.started = True
        if not self._fast(text):
            self._exact(path, part, text)

    def _fast(self, text: bytes) -> bool:
        """Every <c> and <row> in the canonical form (`<c r="B7"`, `<row r="7"`) of Excel,
        LibreOffice and openpyxl: byte counts and one regex pass, no position to follow."""
        if _PREFIXED.search(text) or _BARE.search(text):
            return False
        cells = text.count(b"<c ")
        if text.count(b'<c r="') != cells or text.count(b'<row r="') != text.count(b"<row "):
            return False
        # Every cell tag whole, with no second `r` (calamine would take the last one).
        found = _CANON_CELL.findall(text)
        if len(found) != cells:
            return False
        digits = {d for _, d, empty in found if not empty}
        if digits:
            letters = {c for c, _, empty in found if not empty}
            self.last_row = max(self.last_row, max(map(int, digits)))
            self.last_col = max(self.last_col, max(map(column_number, letters)))
        # Where the next piece starts: the last <row>, and the last cell after it.
        at = text.rfind(b'<row r="')
        if at >= 0:
            m = _TAG.match(text, at)
            values = _r_values(m.group(2)) if m else []
            if not values or not all(_ROW_REF.fullmatch(v) for v in values):
                return False
            self.row, self.col = max(int(v) for v in values), 0
        last_cell = text.rfind(b'<c r="')
        if last_cell > at:
            m = _CANON_CELL.match(text, last_cell)
            assert m is not None  # every '<c r="' matched above
            self.col = column_number(m.group(1))
        return True

    def _exact(self, path: Path, part: str, text: bytes) -> None:
        tags = list(_TAG.finditer(text))
        if len(tags) != len(_ANY_TAG.findall(text)):
            # A <row> or <c> start tag this scanner cannot read (a stray quote, ...): calamine
            # might place it anywhere; refuse rather than guess.
            raise WorkbookError(path, "open.corrupt", f"{part}: malformed <c> or <row>")
        for m in tags:
            name, attrs, empty = m.group(1), m.group(2), m.group(3)
            # Every unprefixed `r` (calamine ignores `x:r`, and takes the last of two `r`:
            # the largest is counted, which is never less).
            values = _r_values(attrs)
            if name == b"row":
                if not values:
                    self.row += 1
                elif all(_ROW_REF.fullmatch(v) for v in values):
                    self.row = max(int(v) for v in values)
                else:
                    raise WorkbookError(path, "open.corrupt", f"{part}: row r={values[0][:20]!r}")
                self.col = 0
                continue
            if not values:
                row, self.col = max(self.row, 1), self.col + 1
            else:
                refs = [_CELL_REF.fullmatch(v) for v in values]
                if not all(refs):
                    raise WorkbookError(path, "open.corrupt", f"{part}: cell r={values[0][:20]!r}")
                row = max(int(ref.group(2)) for ref in refs)  # type: ignore[union-attr]
                self.col = max(column_number(ref.group(1)) for ref in refs)  # type: ignore[union-attr]
            if not empty:
                self.last_row = max(self.last_row, row)
                self.last_col = max(self.last_col, self.col)
