"""A Word or PDF report read as tables of text: what the readers return, the limits they
enforce, and `read_document`, which decides what the file really is (by its first bytes and,
for a zip, its parts; never by its name) before any parser sees it.

The readers (`docx_reader.py`, `pdf_reader.py`) need the `import` extra
(`pip install "lkjip-xl[import]"`: python-docx, pdfplumber); they are imported only here,
only when a document is read. Nothing in this module interprets a cell: text is kept as
printed, whitespace collapsed, and mapping it to the template is `recognise.py`'s job.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MB = 1024 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
PDF_HEAD = 1024  # a PDF's header may follow up to 1 KB of junk (readers accept it)
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class DocCell:
    text: str  # as printed, whitespace collapsed, line breaks kept as "\n"
    row: int  # 0-based row in the (stitched) table
    col: int  # 0-based column after merged cells are deduplicated/expanded
    page: int | None  # 1-based page (PDF; docx: None unless known)
    span: int = 1  # how many grid columns this cell covers (merged horizontally)


@dataclass
class DocTable:
    number: int  # 1-based order of the table in the document
    # Grid rows; a horizontally merged cell is REPEATED in each column it covers (same text,
    # span>1), a vertically merged cell repeated in each row it covers.
    rows: list[list[DocCell]]
    pages: tuple[int, ...] = ()  # pages it spans (PDF); () for docx when unknown
    caption: str = ""  # nearest preceding title-like paragraph/line ("Tabel 3.2 ...")
    continued: bool = False  # True when stitched from parts on several pages
    nested_in: int | None = None  # number of the table this one is nested in (docx)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def texts(self) -> list[list[str]]:
        """The grid as text only (merged cells repeated, as in `rows`)."""
        return [[c.text for c in r] for r in self.rows]


@dataclass
class Document:
    path: str
    kind: str  # "docx" or "pdf"
    tables: list[DocTable]
    text: str  # the running text (paragraphs / page text), for Identitas
    pages: int | None = None
    # PDF pages that hold no text at all (scanned pages inside a text PDF): their tables, if
    # any, cannot be read without OCR. Empty for docx.
    image_pages: tuple[int, ...] = field(default=())


class DocumentError(Exception):
    """One clear problem with a document; `key` is a messages.py key, `fields` its fields
    (`Exception.args` is kept as the usual tuple so the error pickles across processes)."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key, *(f"{k}={v}" for k, v in args.items()))
        self.key = key
        self.fields: dict[str, object] = dict(args)

    def message(self, lang: str = "id") -> str:
        """The one-line message in `lang` (no file name: the caller puts it in front)."""
        from ..messages import t

        return t(self.key, lang, **self.fields)

    def __reduce__(self) -> tuple[Callable[..., DocumentError], tuple[Any, ...]]:
        return (_rebuild_error, (self.key, self.fields))


def _rebuild_error(key: str, args: dict[str, object]) -> DocumentError:
    return DocumentError(key, **args)


@dataclass(frozen=True, slots=True)
class DocumentLimits:
    """What the document readers accept, checked before the expensive step, like the workbook
    limits of `reading/limits.py` (docs/security.md). The zip checks of a .docx are those of
    workbooks (`Limits.check_zip`, `Limits.survey`), with these values."""

    max_file_bytes: int = 100 * MB  # the file on disk
    max_pages: int = 1_000  # PDF pages (a long real LKjIP has 100-300)
    max_parts: int = 10_000  # entries in a .docx zip
    max_part_bytes: int = 100 * MB  # one part unpacked (word/document.xml)
    max_uncompressed_bytes: int = 500 * MB  # all parts unpacked
    max_ratio: float = 200.0  # unpacked / packed size of one part ...
    ratio_min_bytes: int = 10 * MB  # ... that unpacks to more than this
    max_table_cells: int = 1_000_000  # grid cells of all tables together

    def replace(self, **changes: Any) -> DocumentLimits:
        """A copy with the non-None `changes`; unknown names or non-positive values raise
        ValueError."""
        from ..reading.limits import replace_limits

        return replace_limits(self, changes)

    def zip_limits(self) -> Any:
        """The workbook `Limits` holding these zip values (for `check_zip` and `survey`)."""
        from ..reading.limits import Limits

        return Limits(max_file_bytes=self.max_file_bytes, max_parts=self.max_parts,
                      max_part_bytes=self.max_part_bytes,
                      max_uncompressed_bytes=self.max_uncompressed_bytes,
                      max_ratio=self.max_ratio, ratio_min_bytes=self.ratio_min_bytes)


DOCUMENT_EXTENSIONS = (".docx", ".pdf")

# workbook limit key -> document key (the zip checks are shared with workbooks)
_ZIP_KEYS = {
    "limit.parts": "doc.limit_parts",
    "limit.part_size": "doc.limit_part_size",
    "limit.uncompressed": "doc.limit_uncompressed",
    "limit.zip_ratio": "doc.limit_zip_ratio",
    "open.xml_dtd": "doc.xml_dtd",
}


def sniff(path: str | Path) -> str:
    """What the file really is: "docx" or "pdf"; anything else raises DocumentError with the
    key that says what it is and what to do. Reads the first bytes and, for a zip, its list
    of parts (no part is unpacked)."""
    p = Path(path)
    if not p.exists():
        raise DocumentError("doc.not_found")
    if p.is_dir():
        raise DocumentError("doc.is_directory")
    try:
        with p.open("rb") as fh:
            head = fh.read(PDF_HEAD)
            if head.startswith(OLE2_MAGIC):
                fh.seek(0)
                if _holds(fh, ENCRYPTED_PACKAGE):
                    raise DocumentError("doc.password_docx")
                raise DocumentError("doc.legacy_doc")
    except OSError as exc:
        raise DocumentError("doc.os_error", detail=_short(exc)) from exc
    if not head:
        raise DocumentError("doc.empty")
    if PDF_MAGIC in head:
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return _sniff_zip(p)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"{\\rtf"):
        raise DocumentError("doc.rtf")
    if start.startswith((b"<html", b"<!doc", b"<?xml", b"<table")):
        raise DocumentError("doc.unknown_type", detail="HTML/XML")
    raise DocumentError("doc.unknown_type", detail="-")


def _sniff_zip(p: Path) -> str:
    try:
        with zipfile.ZipFile(p) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                with zf.open("mimetype") as fh:
                    if fh.read(64).startswith(b"application/vnd.oasis"):
                        raise DocumentError("doc.odf")
    except DocumentError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError,
            NotImplementedError) as exc:
        raise DocumentError("doc.corrupt_docx", detail=_short(exc)) from exc
    if "word/document.xml" in names or _main_part_is_word(p, names):
        return "docx"
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        raise DocumentError("doc.is_workbook")
    if "ppt/presentation.xml" in names:
        raise DocumentError("doc.unknown_type", detail="PowerPoint")
    raise DocumentError("doc.no_document_part")


_WORD_MAIN = (b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml",
              b"word.document.macroEnabled.main+xml",
              b"word.template.macroEnabledTemplate.main+xml")


def _main_part_is_word(p: Path, names: set[str]) -> bool:
    """A Word main part under another name (word/document2.xml, written by some online
    editors), as [Content_Types].xml declares it (its first 1 MB)."""
    if "[Content_Types].xml" not in names:
        return False
    try:
        with zipfile.ZipFile(p) as zf, zf.open("[Content_Types].xml") as fh:
            head = fh.read(MB)
    except Exception:
        return False
    return any(kind in head for kind in _WORD_MAIN)


def check_docx_container(path: Path, limits: DocumentLimits) -> None:
    """The workbook zip checks on a .docx, before python-docx unpacks anything: the number
    of parts (from the end record), each part's declared size, the total, the compression
    ratio, then every XML part streamed for a DTD (entity bombs)."""
    from ..model import WorkbookError

    zl = limits.zip_limits()
    _check_entries(path, limits)
    try:
        with zipfile.ZipFile(path) as zf:
            zl.check_zip(path, zf)
            zl.survey(path, zf)
    except WorkbookError as exc:
        key = _ZIP_KEYS.get(exc.reason, "doc.corrupt_docx")
        raise DocumentError(key, detail=exc.detail) from exc
    except RuntimeError as exc:  # a zip entry encrypted with a password
        raise DocumentError("doc.password_docx") from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise DocumentError("doc.corrupt_docx", detail=_short(exc)) from exc
    except Exception as exc:  # zlib.error and other decompression failures
        raise DocumentError("doc.corrupt_docx", detail=_short(exc)) from exc


def _check_entries(path: Path, limits: DocumentLimits) -> None:
    """The number of parts from the zip's end record, before zipfile builds an object for
    each (as `reading/opening.py` does for workbooks)."""
    try:
        with path.open("rb") as fh:
            end = zipfile._EndRecData(fh)  # type: ignore[attr-defined]
    except Exception:  # a private helper of zipfile: if it changes, ZipFile decides
        return
    if end is None:
        raise DocumentError("doc.corrupt_docx", detail="truncated zip")
    entries = end[zipfile._ECD_ENTRIES_TOTAL]  # type: ignore[attr-defined]
    if entries > limits.max_parts:
        raise DocumentError("doc.limit_parts", detail=f"{entries:,} > {limits.max_parts:,}")


def read_document(path: str | Path, limits: DocumentLimits | None = None) -> Document:
    """Read a .docx or a PDF into tables of text. Dispatches on the real file type (not the
    extension); raises DocumentError (never another exception) for any file it cannot read."""
    p = Path(path)
    lim = limits or DocumentLimits()
    kind = sniff(p)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise DocumentError("doc.os_error", detail=_short(exc)) from exc
    if size > lim.max_file_bytes:
        raise DocumentError("doc.limit_file_size", detail=f"{size:,} > {lim.max_file_bytes:,}")
    try:
        if kind == "docx":
            check_docx_container(p, lim)
            from .docx_reader import read_docx

            document = read_docx(p, lim)
        else:
            from .pdf_reader import read_pdf

            document = read_pdf(p, lim)
    except DocumentError:
        raise
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in ("docx", "pdfplumber", "pdfminer",
                                                   "pypdfium2", "lxml", "PIL"):
            raise DocumentError("doc.extra_missing", detail=exc.name) from exc
        raise DocumentError("doc.unreadable", detail=_short(exc)) from exc
    except MemoryError as exc:
        raise DocumentError("doc.limit_memory") from exc
    except RecursionError as exc:
        raise DocumentError(f"doc.corrupt_{kind}", detail="nesting too deep") from exc
    except Exception as exc:  # a parser's own error on a damaged file: one line, not a traceback
        raise DocumentError(f"doc.corrupt_{kind}", detail=_short(exc)) from exc
    cells = sum(len(r) for tbl in document.tables for r in tbl.rows)
    if cells > lim.max_table_cells:
        raise DocumentError("doc.limit_cells", detail=f"{cells:,} > {lim.max_table_cells:,}")
    return document


# --- helpers shared by the readers -------------------------------------------------------

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Whitespace collapsed the way a reader sees the printed text: runs of spaces (and
    non-breaking spaces, tabs) become one space, each line is trimmed, empty lines dropped,
    line breaks kept as "\\n". Control characters become U+FFFD (docs/security.md)."""
    text = _CONTROL.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# A caption: "Tabel 3.2 ...", "TABEL VI.1 ...", "Lampiran II", "Tabel 2. ..." (keyword, then
# a number: arabic, roman or one letter).
CAPTION = re.compile(
    r"^\s*(?:tabel|table|lampiran|lamp\.)\s*(?:[:.]\s*)?"
    r"([0-9IVXLC]+(?:\s?[.\-]\s?[0-9IVXLC]+)*\b\.?|[A-Z]\b)?",
    re.IGNORECASE,
)


def is_caption(text: str) -> bool:
    """A paragraph or line that titles the table below it ("Tabel 3.2 Pengukuran ...",
    "LAMPIRAN II", "TABEL VI.1 ..."): the keyword and a number, or the keyword alone on its
    line. A sentence that merely mentions "tabel berikut" is not a title."""
    first = text.strip().split("\n", 1)[0].strip()
    if not first or len(first) > 300:
        return False
    m = CAPTION.match(first)
    if not m:
        return False
    return m.group(1) is not None or not first[m.end():].strip(" .:")


TITLE_FOLLOW = 2  # lines after a caption line that still belong to the title
TITLE_LINE_MAX = 200


def caption_from(lines: list[str], lookback: int) -> str:
    """The caption among the lines above a table (nearest first): the title-like line and
    the title lines that follow it down to the table ("LAMPIRAN : II. 2.2.1" + "PERJANJIAN
    KINERJA TAHUN 2019"), joined with a space; "" when none of the last `lookback` lines is
    title-like."""
    window = lines[-lookback:] if lookback else []
    for i in range(len(window) - 1, -1, -1):
        if is_caption(window[i]):
            after = window[i + 1:]
            parts = [window[i]]
            if len(after) <= TITLE_FOLLOW and all(len(x) <= TITLE_LINE_MAX for x in after):
                parts += after
            return " ".join(x.replace("\n", " ") for x in parts)
    return ""


_CAPTION_NUMBER = re.compile(
    r"(?i)\b(tabel|table|lampiran)\s*[:.]?\s*([0-9IVXLC]+(?:\s?[.\-]\s?[0-9IVXLC]+)*)\b")


def caption_number(caption: str) -> tuple[str, str]:
    """The table's number as its caption prints it, with its word: "Tabel 3.15 Persentase"
    -> ("Tabel", "3.15"), "TABEL : VI.1 ..." -> ("Tabel", "VI.1"); ("", "") when none."""
    m = _CAPTION_NUMBER.search(caption)
    if not m:
        return "", ""
    return m.group(1).capitalize(), re.sub(r"\s", "", m.group(2)).upper()


def caption_in_table(table: DocTable) -> str:
    """A title typed as the table's first row, one cell across the whole width."""
    if not table.rows:
        return ""
    first = table.rows[0]
    texts = {c.text for c in first}
    if len(texts) == 1 and first[0].span == len(first) and len(first) > 1 \
            and is_caption(first[0].text):
        return first[0].text.replace("\n", " ")
    return ""


def _holds(fh: Any, needle: bytes, chunk: int = MB) -> bool:
    """`needle` in the first 8 MB of an OLE2 file (the EncryptedPackage stream name)."""
    carry = b""
    for _ in range(8):
        data = fh.read(chunk)
        if not data:
            return False
        if needle in carry + data:
            return True
        carry = data[-len(needle):]
    return False


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text[:200]}" if text else name


HEADER_REPEAT_MAX = 4  # header rows (titles, column numbers) a continued table may repeat


def repeated_header(a: DocTable, b: DocTable) -> int:
    """How many of `b`'s first rows repeat `a`'s first rows (0: none): a table continued on
    another page, or split by the author, repeats its header."""
    k = 0
    while k < min(HEADER_REPEAT_MAX, len(a.rows), len(b.rows) - 1):
        if [c.text for c in a.rows[k]] != [c.text for c in b.rows[k]] or \
                not any(c.text for c in a.rows[k]):
            break
        k += 1
    return k


def stitch(a: DocTable, b: DocTable) -> None:
    """Append `b`'s rows, without the header rows it repeats, to `a` (a table continued on
    the next page or split by the author); a shorter row is padded with blank cells to `a`'s
    width (columns that do not line up exactly: the cells are kept)."""
    skip = repeated_header(a, b)
    width = a.n_cols
    for row in b.rows[skip:]:
        r = len(a.rows)
        cells = [DocCell(c.text, r, c.col, c.page, c.span) for c in row]
        page = row[0].page if row else None
        cells += [DocCell("", r, k, page, 1) for k in range(len(cells), width)]
        a.rows.append(cells)
    a.pages = tuple(sorted({*a.pages, *b.pages}))
    a.continued = True
