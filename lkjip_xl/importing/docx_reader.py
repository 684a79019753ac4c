"""Tables of a Word (.docx) report, in document order, with their captions.

The body is walked as Word lays it out: paragraphs and tables in order (content controls
opened), so each table gets the nearest title-like paragraph above it ("Tabel 3.2 ...",
"LAMPIRAN II", "TABEL VI.1 ..."). Each table is read from its XML, not from python-docx's
`row.cells` (which repeats a merged cell once per grid column it covers): every `w:tc` is
read once and placed on the grid; a horizontally merged cell (`gridSpan`) is repeated in
each column it covers with `span` > 1, a vertically merged one (`vMerge`) repeated down the
rows it covers, as DOC_API asks. Rows shorter than the grid (`gridBefore`, `gridAfter`, a
missing cell) are padded with empty cells so every row has the same width.

A table inside a cell is its own DocTable (`nested_in` = the outer table's number); its text
is not repeated in the outer cell. A table the author split in two across pages (the header
row typed again, or the same columns, with nothing but blank lines, a page break or a
"(lanjutan)" line between) is stitched into one, `continued=True`, its repeated header rows
dropped.

Pages of a .docx are decided when it is printed: `page` is None, unless Word recorded where
its last layout started each page (`w:lastRenderedPageBreak`, in files Word saved), which
gives each table row the page Word last printed it on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import (
    DocCell,
    DocTable,
    Document,
    DocumentLimits,
    caption_from,
    caption_in_table,
    caption_number,
    clean_text,
    is_caption,
    repeated_header,
    stitch,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _TBL, _TR, _TC, _SDT = (f"{{{W}}}{n}" for n in ("p", "tbl", "tr", "tc", "sdt"))
_T, _TAB, _BR, _CR, _NBH = (f"{{{W}}}{n}" for n in ("t", "tab", "br", "cr", "noBreakHyphen"))
_SDT_CONTENT = f"{{{W}}}sdtContent"
_VAL = f"{{{W}}}val"
# Subtrees whose text is not the paragraph's own: text boxes (read separately for the
# running text), the VML copy of a drawing, deleted text, a nested table.
_SKIP = {f"{{{W}}}txbxContent", f"{{{MC}}}Fallback", f"{{{W}}}del", _TBL,
         f"{{{W}}}moveFrom", f"{{{W}}}instrText", f"{{{W}}}delText"}
_TXBX = f"{{{W}}}txbxContent"
_LRPB = f"{{{W}}}lastRenderedPageBreak"

# "Lanjutan Tabel 3.2", "Tabel 3.2 (lanjutan)", "(continued)": the table goes on.
_CONTINUATION = re.compile(r"\blanjut(?:an)?\b|\bcontinued\b|\bsambungan\b", re.IGNORECASE)
CAPTION_LOOKBACK = 6  # non-empty paragraphs above a table searched for its caption


def read_docx(path: Path, limits: DocumentLimits) -> Document:
    import docx  # the `import` extra

    doc = docx.Document(str(path))
    body = doc.element.body
    # Word records where its last layout started each page (w:lastRenderedPageBreak); a
    # document that has them gets page numbers, as Word last printed it.
    rendered = next(body.iter(_LRPB), None) is not None
    reader = _Reader(rendered)
    reader.walk(body)
    tables = reader.finish()
    text_parts = ["\n".join(reader.paragraphs)]
    # Headers and footers often name the agency and the year ("LKjIP Dinas Sosial 2019").
    seen: set[str] = set()
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header):
            try:
                if part.is_linked_to_previous:
                    continue
                element = part._element
            except Exception:  # a section without that part
                continue
            for p in element.iter(_P):
                line = clean_text(paragraph_text(p))
                if line and line not in seen:
                    seen.add(line)
                    text_parts.append(line)
    return Document(path=str(path), kind="docx", tables=tables,
                    text="\n".join(s for s in text_parts if s),
                    pages=reader.page if rendered else None)


def paragraph_text(p: Any) -> str:
    """A paragraph's printed text: its runs (hyperlinks, fields' results, inserted text
    included; deleted text, field codes, text boxes and nested tables not), tabs and line
    breaks kept."""
    out: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _T:
                out.append(child.text or "")
            elif tag == _TAB:
                out.append("\t")
            elif tag in (_BR, _CR):
                out.append("\n")
            elif tag == _NBH:
                out.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _textboxes(p: Any) -> Iterator[str]:
    """Text of the text boxes anchored in a paragraph (a cover's title is often one)."""
    for box in p.iter(_TXBX):
        if any(a.tag == f"{{{MC}}}Fallback" for a in box.iterancestors()):
            continue
        for q in box.iter(_P):
            line = clean_text(paragraph_text(q))
            if line:
                yield line


@dataclass
class _Block:
    """A top-level table and what came between it and the previous top-level table."""

    table: DocTable
    between: list[str] = field(default_factory=list)  # non-empty paragraphs before it
    # tables inside its cells, in document order, each with the index (in this list) of
    # the table it sits in, None for the block's own table
    nested: list[tuple[DocTable, int | None]] = field(default_factory=list)


class _Reader:
    def __init__(self, rendered: bool = False) -> None:
        self.rendered = rendered
        self.page = 1  # the page being read, when the document records its pages
        self.paragraphs: list[str] = []  # running text, in order
        self.since_table: list[str] = []  # non-empty paragraphs since the last table
        self.blocks: list[_Block] = []

    # -- walking the body ------------------------------------------------------------
    def walk(self, parent: Any) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                text = clean_text(paragraph_text(child))
                if self.rendered:
                    self.page += sum(1 for _ in child.iter(_LRPB))
                if text:
                    self.paragraphs.append(text)
                    self.since_table.append(text)
                for line in _textboxes(child):
                    self.paragraphs.append(line)
            elif tag == _TBL:
                nested: list[tuple[DocTable, int | None]] = []
                table = _read_table(child, nested, None,
                                    self.page if self.rendered else None)
                if table.pages:
                    self.page = table.pages[-1]
                self.blocks.append(_Block(table, self.since_table, nested))
                self.since_table = []
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.walk(content)

    # -- numbering, captions, stitching ----------------------------------------------
    def finish(self) -> list[DocTable]:
        out: list[DocTable] = []
        previous: _Block | None = None
        prev_table: DocTable | None = None
        # Where this document puts its captions: above its tables (the usual way in LKjIP
        # reports) or below them (Word's own "Insert Caption" default), by majority.
        after = [b.between for b in self.blocks[1:]] + [self.since_table]
        above = sum(1 for b in self.blocks if _caption(b.between))
        below = sum(1 for lines in after if lines and is_caption(lines[0]))
        captions_below = below > above
        for i, block in enumerate(self.blocks):
            table = block.table
            if captions_below:
                caption = after[i][0].replace("\n", " ") \
                    if after[i] and is_caption(after[i][0]) else ""
            else:
                caption = _caption(block.between)
            if prev_table is not None and previous is not None and \
                    _continues(prev_table, table, block.between,
                               "" if captions_below else caption):
                stitch(prev_table, table)
                if captions_below and caption:
                    prev_table.caption = caption  # printed under the last part
                outer = prev_table  # nested tables of the continuation: in the stitched one
            else:
                table.caption = caption or caption_in_table(table)
                table.number = len(out) + 1
                out.append(table)
                outer = table
                previous, prev_table = block, table
            numbers: list[int] = []
            for inner, parent in block.nested:
                inner.number = len(out) + 1
                inner.nested_in = outer.number if parent is None else numbers[parent]
                inner.caption = caption_in_table(inner)
                numbers.append(inner.number)
                out.append(inner)
        return out


def _caption(between: list[str]) -> str:
    """The nearest title-like paragraph among those above a table."""
    return caption_from(between, CAPTION_LOOKBACK)


def _continues(a: DocTable, b: DocTable, between: list[str], caption: str) -> bool:
    """Does `b` carry on table `a` (split by the author across a page)?"""
    if a.nested_in is not None or not a.rows or not b.rows:
        return False
    if caption:
        # A new caption starts a new table, unless it says it is the same one, continued
        # ("Lanjutan Tabel 3.2", "Tabel 3.2 (lanjutan)").
        if not _CONTINUATION.search(caption):
            return False
        number = caption_number(caption)[1]
        if a.caption and number and number != caption_number(a.caption)[1]:
            return False
    if any(not _CONTINUATION.search(text) for text in between if text != caption):
        return False  # running text between the two: two tables
    if repeated_header(a, b):
        return True
    return a.n_cols == b.n_cols and _same_columns(a, b)





def _same_columns(a: DocTable, b: DocTable) -> bool:
    """Same grid and the same merges in the rows that meet: the last row of `a` and the first
    of `b` have their cells at the same columns."""
    def starts(row: list[DocCell]) -> list[int]:
        return [c.col for i, c in enumerate(row) if i == 0 or row[i - 1].text != c.text
                or row[i - 1].span == 1]

    return len(a.rows[-1]) == len(b.rows[0]) and (
        starts(a.rows[-1]) == starts(b.rows[0]) or all(c.span == 1 for c in b.rows[0]))


# --- one table -------------------------------------------------------------------------

def _read_table(tbl: Any, nested: list[tuple[DocTable, int | None]],
                parent: int | None, page: int | None = None) -> DocTable:
    """The grid of one `w:tbl`; tables inside its cells are appended to `nested` with the
    index of the table they sit in (`parent` is this table's own index, None for the
    top-level one); `_Reader.finish` numbers them."""
    grid_cols = len(tbl.findall(f"{{{W}}}tblGrid/{{{W}}}gridCol"))
    raw: list[list[tuple[int, int, str, str | None, Any]]] = []  # (col, span, text, vmerge)
    row_pages: list[int | None] = []
    for tr in tbl.iterchildren(_TR):
        if page is not None:
            # a row holding a rendered page break is (at least partly) on the next page
            page += sum(1 for _ in tr.iter(_LRPB))
        row_pages.append(page)
        col = _int_prop(tr, "trPr", "gridBefore")
        cells: list[tuple[int, int, str, str | None, Any]] = []
        for tc in _row_cells(tr):
            span = max(1, _int_prop(tc, "tcPr", "gridSpan") or 1)
            vmerge = _vmerge(tc)
            text = _cell_text(tc, nested, parent, page)
            if cells and _hmerge(tc) == "continue":
                # the legacy horizontal merge (Word 97 files, some converters): this cell
                # is part of the one on its left
                c0, s0, t0, v0, tc0 = cells[-1]
                cells[-1] = (c0, s0 + span, t0, v0, tc0)
            else:
                cells.append((col, span, text, vmerge, tc))
            col += span
        raw.append(cells)
    width = max([grid_cols, *(c[0] + c[1] for row in raw for c in row[-1:])], default=0)
    # place cells; vMerge="continue" takes the text of the cell above in the same column
    rows: list[list[DocCell]] = []
    above: dict[int, tuple[str, int]] = {}  # column -> (text, span) of the merge's origin
    for r, cells in enumerate(raw):
        row: list[DocCell | None] = [None] * width
        for col, span, text, vmerge, _tc in cells:
            if vmerge == "continue" and col in above:
                text = above[col][0]
            elif vmerge == "restart":
                above[col] = (text, span)
            else:
                above.pop(col, None)
            for c in range(col, min(col + span, width)):
                row[c] = DocCell(text, r, c, row_pages[r], span)
        rows.append([cell if cell is not None else DocCell("", r, c, row_pages[r], 1)
                     for c, cell in enumerate(row)])
    pages = tuple(sorted({p for p in row_pages if p is not None}))
    return DocTable(number=0, rows=rows, pages=pages)


def _row_cells(tr: Any) -> Iterator[Any]:
    """The `w:tc` of a row, content controls around cells opened."""
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _row_cells(content)
        elif child.tag == f"{{{W}}}customXml":
            yield from _row_cells(child)


def _cell_text(tc: Any, nested: list[tuple[DocTable, int | None]], parent: int | None,
               page: int | None = None) -> str:
    lines: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            if child.tag == _P:
                lines.append(paragraph_text(child))
            elif child.tag == _TBL:
                at = len(nested)
                nested.append((DocTable(number=0, rows=[]), parent))
                inner = _read_table(child, nested, at, page)  # its own nested ones follow
                nested[at] = (inner, parent)
            elif child.tag in (_SDT, f"{{{W}}}customXml"):
                content = child.find(_SDT_CONTENT)
                walk(content if content is not None else child)

    walk(tc)
    return clean_text("\n".join(lines))


def _int_prop(el: Any, pr: str, name: str) -> int:
    prop = el.find(f"{{{W}}}{pr}/{{{W}}}{name}")
    if prop is None:
        return 0
    try:
        return int(prop.get(_VAL, "0"))
    except ValueError:
        return 0


def _hmerge(tc: Any) -> str | None:
    h = tc.find(f"{{{W}}}tcPr/{{{W}}}hMerge")
    if h is None:
        return None
    return h.get(_VAL, "continue")


def _vmerge(tc: Any) -> str | None:
    v = tc.find(f"{{{W}}}tcPr/{{{W}}}vMerge")
    if v is None:
        return None
    return v.get(_VAL, "continue")
