"""Tables of a PDF report that has a text layer (one exported from Word or LibreOffice).

pdfplumber finds the tables: first from the ruling lines drawn around the cells (how Word
prints a table), and only on a page that has no ruled table but has a title line ("Tabel
3.2 ...") from the alignment of the words below that title (the `text` strategy, which on a
page of prose would see a table everywhere). Each cell rectangle is placed on the table's
grid (the distinct left edges and tops of all its cells): a cell covering several columns is
repeated in each with `span` > 1, one covering several rows repeated down, as DOC_API asks;
every cell carries its 1-based page.

A table that goes on over the page break is stitched into one (`continued=True`, its
repeated header rows dropped) when it is the last table of its page, the next page's first
table repeats its header rows or has its columns at the same places, and nothing but the
page's running header and footer (lines found on many pages), a page number or a
"(lanjutan)" line comes between them.

The caption is the nearest title-like line above the table on its page (or at the bottom
of the previous page when the table opens a page). A PDF without a text layer (a scan)
cannot be read: DocumentError `doc.no_text_layer`, which says what would be needed (OCR is
outside lkjip-xl). A PDF that asks for a password to open: `doc.pdf_password`; a PDF
restricted only for printing or copying (an owner password) opens and is read.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import (
    DocCell,
    DocTable,
    Document,
    DocumentError,
    DocumentLimits,
    caption_from,
    caption_in_table,
    clean_text,
    is_caption,
    repeated_header,
    stitch,
)

LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
TEXT = {"vertical_strategy": "text", "horizontal_strategy": "text", "min_words_vertical": 3,
        "min_words_horizontal": 1}
SCAN_CHARS = 40  # a page with fewer characters and an image is a scanned page
ALIGN = 3.0  # points: column edges closer than this line up
CAPTION_LINES = 5  # lines above a table searched for its caption
_CONTINUATION = re.compile(r"\blanjut(?:an)?\b|\bcontinued\b|\bsambungan\b", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—(\s]*(?:halaman|hal\.?|page)?\s*[0-9ivxlcdm]+(?:\s*(?:dari|of|/)\s*[0-9]+)?"
    r"[-–—)\s]*)$", re.IGNORECASE)


@dataclass
class _Found:
    table: DocTable
    page: int
    top: float
    bottom: float
    xs: list[float]  # the left edges of its columns, and the right edge of the last
    above: list[str] = field(default_factory=list)  # lines between it and what precedes it
    below: list[str] = field(default_factory=list)  # lines between it and what follows it


def read_pdf(path: Path, limits: DocumentLimits) -> Document:
    import logging

    import pdfplumber  # the `import` extra
    from pdfplumber.utils.exceptions import PdfminerException

    # pdfminer logs every oddity of a damaged file as a warning, which Python would print
    # to stderr: the user gets one line from us instead (DocumentError) or nothing
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    try:
        pdf = pdfplumber.open(str(path))
    except PdfminerException as exc:
        raise _open_error(exc) from exc
    with pdf:
        n = _page_count(pdf)
        if n > limits.max_pages:
            raise DocumentError("doc.limit_pages", detail=f"{n:,} > {limits.max_pages:,}")
        try:
            pages = pdf.pages
        except PdfminerException as exc:
            raise _open_error(exc) from exc
        if not pages:
            raise DocumentError("doc.corrupt_pdf", detail="0 pages")
        if len(pages) > limits.max_pages:
            raise DocumentError("doc.limit_pages",
                                detail=f"{len(pages):,} > {limits.max_pages:,}")
        found: list[_Found] = []
        page_lines: list[list[str]] = []
        texts: list[str] = []
        image_pages: list[int] = []
        tails: dict[int, list[str]] = {}  # page -> lines below its last table
        for page in pages:
            number = page.page_number
            chars = page.chars
            if len(chars) < SCAN_CHARS and (page.images or not chars):
                image_pages.append(number)
            text = clean_text(page.extract_text() or "")
            texts.append(text)
            page_lines.append(text.split("\n") if text else [])
            on_page = _page_tables(page, number, any(map(is_caption, page_lines[-1])))
            found.extend(on_page)
            tails[number] = _lines_between(page, on_page[-1].bottom if on_page else None,
                                           None)
            page.close()  # frees the page's parsed objects
        if not any(texts) or (len(image_pages) * 2 >= max(len(pages), 1) and not found):
            raise DocumentError("doc.no_text_layer", detail=f"{len(image_pages):,}")
    furniture = _furniture(page_lines)
    tables = _stitch_and_number(found, tails, furniture)
    return Document(path=str(path), kind="pdf", tables=tables, text="\n".join(texts),
                    pages=len(pages), image_pages=tuple(image_pages))


def _open_error(exc: Exception) -> DocumentError:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    name = type(inner).__name__
    if name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
        return DocumentError("doc.pdf_password")
    if "password" in str(inner).lower() or "encrypt" in name.lower():
        return DocumentError("doc.pdf_password")
    text = str(inner).strip().splitlines()[0][:200] if str(inner).strip() else ""
    return DocumentError("doc.corrupt_pdf", detail=f"{name}: {text}" if text else name)


def _page_count(pdf: Any) -> int:
    """The page count the catalog declares (cheap: no page is built); 0 when unknown."""
    try:
        from pdfminer.pdftypes import resolve1

        pages = resolve1(pdf.doc.catalog.get("Pages"))
        return int(resolve1(pages.get("Count", 0)))
    except Exception:
        return 0


# --- tables on one page ------------------------------------------------------------------

def _page_tables(page: Any, number: int, titled: bool = True) -> list[_Found]:
    """The tables of one page, top to bottom; `titled`: the page has a title line, so an
    unruled table may sit under it."""
    out: list[_Found] = []
    ruled = bool(page.lines or page.rects or page.curves)
    tables = page.find_tables(LINES) if ruled else []
    for t in sorted(tables, key=lambda t: t.bbox[1]):
        f = _grid(page, t.cells, number)
        if f is not None and f.table.n_cols == 1:
            # ruled between rows only (no lines between the columns): the columns are where
            # the words line up
            f = _columns_from_words(page, t.bbox, number) or f
        if f is not None:
            out.append(f)
    if not out and titled:
        f = _text_table(page, number)
        if f is not None:
            out.append(f)
    previous = None
    for f in out:
        f.above = _lines_between(page, previous, f.top)
        previous = f.bottom
        f.table.caption = caption_from(f.above, CAPTION_LINES)
    for i, f in enumerate(out):
        f.below = _lines_between(page, f.bottom, out[i + 1].top if i + 1 < len(out) else None)
    return out


MIXED = {"vertical_strategy": "text", "horizontal_strategy": "lines", "min_words_vertical": 2}


def _columns_from_words(page: Any, bbox: tuple[float, float, float, float], number: int
                        ) -> _Found | None:
    """A table ruled only between its rows: its rows from the lines, its columns from the
    alignment of the words inside it; None when the words do not make two columns."""
    try:
        region = page.crop(bbox, strict=False)
        tables = region.find_tables(MIXED)
    except ValueError:
        return None
    best = max(tables, key=lambda t: len(t.cells), default=None)
    if best is None or _cuts_words(region, best.cells):
        return None
    # the column edges the words give, drawn down the whole table (edges made from words
    # start at the first word, below the table's top line: its first row would be lost)
    inner = [x for x in _distinct_edges([c[0] for c in best.cells])
             if bbox[0] + 8 < x < bbox[2] - 8]
    xs = [bbox[0], *inner, bbox[2]]
    try:
        tables = region.find_tables({"vertical_strategy": "explicit",
                                     "explicit_vertical_lines": xs,
                                     "horizontal_strategy": "lines"})
    except ValueError:
        return None
    best = max(tables, key=lambda t: len(t.cells), default=None)
    f = _grid(page, best.cells, number) if best is not None else None
    return f if f is not None and f.table.n_cols >= 2 else None


def _cuts_words(region: Any, cells: list[tuple[float, float, float, float]]) -> bool:
    """Do the column edges found from word alignment run through words? In a real table
    the words stand between the edges; in prose the "columns" cut words in two."""
    left = min((c[0] for c in cells), default=0.0)
    edges = [x for x in _distinct_edges([c[0] for c in cells]) if x > left + 1]
    if not edges:
        return False
    words = region.extract_words()
    cut = sum(1 for w in words if any(w["x0"] + 1 < x < w["x1"] - 1 for x in edges))
    return cut > max(1, len(words) // 50)


def _text_table(page: Any, number: int) -> _Found | None:
    """An unruled table: the words aligned in columns below a title line ("Tabel 3.2 ...").
    The block of lines under the title, down to the first gap wider than twice the usual
    line spacing (the text that follows a table), is read with the `text` strategy. None
    when the page has no title line or what is below it is not table-shaped."""
    words = page.extract_words()
    if not words:
        return None
    lines = _word_lines(words)
    for k, (_top, bottom, text) in enumerate(lines):
        if not is_caption(text):
            continue
        block = lines[k + 1:]
        if len(block) < 3:
            continue
        gaps = [b[0] - a[1] for a, b in itertools.pairwise(block)]
        usual = sorted(gaps[:6])[len(gaps[:6]) // 2]
        end = len(block)
        for i, gap in enumerate(gaps):
            if gap > 2 * max(usual, 1.0) + 2:
                end = i + 1
                break
        block = block[:end]
        if len(block) < 3:
            continue
        try:
            region = page.within_bbox((0, bottom + 0.5, page.width, block[-1][1] + 1.0),
                                      strict=False)
            tables = region.find_tables(TEXT)
        except ValueError:
            continue
        for t in tables:
            if _cuts_words(region, t.cells):
                continue  # prose: its "columns" run through words
            f = _grid(page, t.cells, number)
            if f is None:
                continue
            rows = [r for r in f.table.rows if any(c.text for c in r)]
            f.table.rows = [[DocCell(c.text, i, c.col, c.page, c.span) for c in r]
                            for i, r in enumerate(rows)]
            filled = sum(1 for r in rows if sum(1 for c in _distinct(r) if c.text) >= 2)
            if f.table.n_cols >= 3 and len(rows) >= 3 and filled * 2 >= len(rows):
                return f
    return None


def _word_lines(words: list[dict[str, Any]]) -> list[tuple[float, float, str]]:
    lines: list[tuple[float, float, list[str]]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0] - w["top"]) < 2:
            lines[-1][2].append(w["text"])
        else:
            lines.append((w["top"], w["bottom"], [w["text"]]))
    return [(t, b, " ".join(ws)) for t, b, ws in lines]


def _grid(page: Any, cells: list[tuple[float, float, float, float]], number: int
          ) -> _Found | None:
    """The grid of one table from its cell rectangles; None for a lone box (a framed
    paragraph is not a table)."""
    if len(cells) < 2:
        return None
    xs = _distinct_edges([c[0] for c in cells])
    tops = _distinct_edges([c[1] for c in cells])
    right = max(c[2] for c in cells)
    bottom = max(c[3] for c in cells)
    x0, top = min(c[0] for c in cells), min(c[1] for c in cells)
    grid: list[list[DocCell | None]] = [[None] * len(xs) for _ in tops]
    region = page.crop((max(x0 - 1, 0), max(top - 1, 0), min(right + 1, page.width),
                        min(bottom + 1, page.height)), strict=False)
    chars = region.chars
    for cx0, ctop, cx1, cbottom in cells:
        cols = [k for k, x in enumerate(xs) if cx0 - 0.5 <= x < cx1 - 0.5]
        rows = [k for k, y in enumerate(tops) if ctop - 0.5 <= y < cbottom - 0.5]
        if not cols or not rows:
            continue
        text = _cell_text(chars, (cx0, ctop, cx1, cbottom))
        for r in rows:
            for c in cols:
                grid[r][c] = DocCell(text, r, c, number, len(cols))
    rows_out = [[cell if cell is not None else DocCell("", r, c, number, 1)
                 for c, cell in enumerate(row)] for r, row in enumerate(grid)]
    if len(rows_out) * len(xs) < 2:
        return None
    table = DocTable(number=0, rows=rows_out, pages=(number,))
    return _Found(table, number, top, bottom, [*xs, right])


def _cell_text(chars: list[dict[str, Any]], bbox: tuple[float, float, float, float]) -> str:
    """The text printed in a cell. Lines the writer wrapped only because the cell was too
    narrow are joined with a space; a line that ends where the next line's first word would
    still have fitted was broken on purpose (a new paragraph, "45%" above "(37,428)") and
    keeps its "\n" (the same text a .docx of the report gives)."""
    from pdfplumber import utils

    x0, top, x1, bottom = bbox
    inside = [ch for ch in chars
              if x0 <= (ch["x0"] + ch["x1"]) / 2 < x1 and top <= (ch["top"] + ch["bottom"]) / 2
              < bottom]
    if not inside:
        return ""
    words = utils.extract_words(inside, keep_blank_chars=False, use_text_flow=False)
    if not words:
        return clean_text(utils.extract_text(inside))
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) < max(2.0, (w["bottom"] - w["top"]) / 2):
            lines[-1].append(w)
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    left = min(w["x0"] for line in lines for w in line)
    right = max(w["x1"] for line in lines for w in line)
    # the room a line has: up to the widest line printed in the cell, or the cell's edge
    # less its padding, whichever is further (a centred cell, a right-aligned number)
    pad = max(left - x0, 1.0)
    room = max(right, x1 - pad)
    out: list[str] = []
    for i, line in enumerate(lines):
        text = " ".join(w["text"] for w in line)
        if i:
            first = line[0]
            space = (first["x1"] - first["x0"]) / max(len(first["text"]), 1)
            previous_end = lines[i - 1][-1]["x1"]
            fits = previous_end + space + (first["x1"] - first["x0"]) <= room - 0.5
            if fits:
                out.append("\n")
            elif _broken_word(lines[i - 1], first, x1 - pad, space):
                pass  # one word wider than the cell, cut by the writer: glued back
            else:
                out.append(" ")
        out.append(text)
    return clean_text("".join(out))


def _broken_word(previous: list[dict[str, Any]], first: dict[str, Any], edge: float,
                 space: float) -> bool:
    """Was a single word too wide for its cell cut in two ("8,102,579,062,6" / "5",
    "Lembag" / "a")? The line before holds that one word and reaches the cell's inner edge
    (less than one character short: a word that merely wrapped ends earlier), and the two
    pieces read as one token: digits and separators, or letters going on in lower case, or
    an upper-case word going on in upper case."""
    if len(previous) != 1 or previous[0]["x1"] < edge - space:
        return False
    a, b = previous[0]["text"][-1:], first["text"][:1]
    if not a or not b:
        return False
    return ((a.isdigit() or a in ",.") and b.isdigit()) or (a.isalpha() and b.islower()) \
        or (a.isupper() and b.isupper() and previous[0]["text"].isupper())


def _distinct_edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 1.0:
            out.append(v)
    return out


def _distinct(row: list[DocCell]) -> list[DocCell]:
    """A row's cells with a merged cell counted once."""
    out: list[DocCell] = []
    for c in row:
        if out and c.span > 1 and out[-1].span == c.span and out[-1].text == c.text \
                and c.col - out[-1].col < c.span:
            continue
        out.append(c)
    return out


def _lines_between(page: Any, top: float | None, bottom: float | None) -> list[str]:
    """The text lines of `page` between two heights (None: the page's edge)."""
    t = 0.0 if top is None else top + 0.5
    b = page.height if bottom is None else bottom - 0.5
    if b - t < 1:
        return []
    try:
        # objects wholly inside (a crop would take the table's first line too)
        text = page.within_bbox((0, t, page.width, b), strict=False).extract_text() or ""
    except ValueError:
        return []
    return [line for line in clean_text(text).split("\n") if line]


# --- across pages ------------------------------------------------------------------------

def _furniture(page_lines: list[list[str]]) -> set[str]:
    """Running headers and footers: lines (digits blurred) among the first or last three of
    a page that recur on at least a third of the pages (and on 3 or more)."""
    counts: Counter[str] = Counter()
    for lines in page_lines:
        counts.update({_blur(line) for line in [*lines[:3], *lines[-3:]]})
    need = max(3, len(page_lines) // 3)
    return {line for line, n in counts.items() if n >= need}


def _blur(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _stitch_and_number(found: list[_Found], tails: dict[int, list[str]],
                       furniture: set[str]) -> list[DocTable]:
    out: list[DocTable] = []
    last: _Found | None = None
    last_on_page: dict[int, _Found] = {}
    for f in found:
        last_on_page[f.page] = f
    # Where this document puts its captions: above its tables (the usual way in LKjIP
    # reports) or below them (Word's "Insert Caption" default), by majority.
    below = {id(f): _caption_below(f.below, furniture) for f in found}
    if sum(1 for c in below.values() if c) > sum(1 for f in found if f.table.caption):
        for f in found:
            f.table.caption = below[id(f)]
            f.above = [x for x in f.above if not is_caption(x)]  # the table above's
        tails = {p: [x for x in lines if not is_caption(x)] for p, lines in tails.items()}
        captions_below = True
    else:
        captions_below = False
    for f in found:
        between = [*tails.get(f.page - 1, []), *f.above]
        if (last is not None and f.page == last.page + 1 and f is _first(found, f.page)
                and last_on_page.get(last.page) is last
                and _continues(last, f, between, furniture, not captions_below)):
            _stitch(last, f)
            if captions_below and f.table.caption:
                last.table.caption = f.table.caption  # under the last part
            if last_on_page.get(f.page) is f:
                last_on_page[f.page] = last  # a third page may continue it
            continue
        if not f.table.caption and not captions_below and _first(found, f.page) is f:
            # a title left at the foot of the previous page
            f.table.caption = _caption_in(
                [*tails.get(f.page - 1, []), *f.above], furniture)
        if not f.table.caption:
            f.table.caption = caption_in_table(f.table)
        f.table.number = len(out) + 1
        out.append(f.table)
        last = f
    return out


def _caption_below(lines: list[str], furniture: set[str]) -> str:
    """The caption printed right under a table: its first line, when title-like."""
    kept = [x for x in lines if _blur(x) not in furniture and not _PAGE_NUMBER.match(x)]
    return kept[0] if kept and is_caption(kept[0]) else ""


def _first(found: list[_Found], page: int) -> _Found | None:
    return next((f for f in found if f.page == page), None)


def _caption_in(lines: list[str], furniture: set[str]) -> str:
    kept = [line for line in lines if _blur(line) not in furniture
            and not _PAGE_NUMBER.match(line)]
    return caption_from(kept, CAPTION_LINES)


def _continues(a: _Found, b: _Found, between: list[str], furniture: set[str],
               own_caption: bool = True) -> bool:
    caption = b.table.caption if own_caption else ""
    if caption and not _CONTINUATION.search(caption):
        return False
    for line in between:
        if _blur(line) in furniture or _PAGE_NUMBER.match(line) or _CONTINUATION.search(line):
            continue
        return False  # text between the two: two tables
    if repeated_header(a.table, b.table):
        return True
    return len(a.xs) == len(b.xs) and all(abs(p - q) <= ALIGN for p, q in zip(a.xs, b.xs,
                                                                              strict=True))



def _stitch(a: _Found, b: _Found) -> None:
    """`document.stitch` of the two tables; the stitched table ends where `b` ends."""
    stitch(a.table, b.table)
    # the stitched table ends where `b` ends: a third page may continue it
    a.page, a.top, a.bottom = b.page, b.top, b.bottom
