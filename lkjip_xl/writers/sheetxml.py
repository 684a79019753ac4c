"""The cells of an `OutSheet` (Ringkasan, Temuan) written straight into the worksheet part
openpyxl saves, instead of as thousands of openpyxl cells: the same workbook, written in a
fraction of the time (issue 13: openpyxl's cell objects, style lookups and merges were most
of `fix`'s writing).

How it stays what openpyxl would have written:
- openpyxl still writes the sheet (`sheets.render(..., cells=False)`): column widths, row
  heights, page set-up, print titles, freeze panes, autofilter, chart, and its place in
  workbook.xml, the relationships and [Content_Types].xml. Only its cells are left out,
  but for one *representative* cell per style: each distinct look is applied to one cell,
  and one merged range of each kind is merged with openpyxl's own `merge_cells` (a kind:
  the border its cells take, which is the first cell's when the last cell's look has the
  same border, else the pair of looks). openpyxl registers those styles in styles.xml and
  writes each representative with its style index;
- when openpyxl writes the sheet part, `SheetBody.xml` replaces the part's `<sheetData>` by
  every cell of the layout, each with the style index openpyxl gave its representative (a
  merged range's cells take those of the same place in the representative range), the
  `<dimension>` by the whole range, and `<mergeCells>` and `<hyperlinks>` by all of them;
- row heights are not given to openpyxl either (a row dimension object each): each row's
  `<row>` carries them as openpyxl's row writer does (`ht`, then `customHeight="1"`);
- cells are written as openpyxl writes them: inline strings (`xml:space="preserve"` where it
  would), numbers through openpyxl's own `safe_string`, empty styled cells as `t="n"`.

A layout holding anything else (another value type, a character openpyxl refuses, a text
longer than a cell holds) is rendered by openpyxl as before (`frame` returns None).
`tests/test_sheetxml.py` compares both ways, as openpyxl loads them back, on the examples,
the real-report corpus and generated workbooks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import column_letter

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from ..output_sheets import OutSheet
    from .sheets import StyleMemo

# A representative's role: ("look", style) for a cell on its own; (place, kind) for a cell
# of a merged range, place "start", "mid" or "last", kind (first look, last look, width <= 3).
Role = tuple[Any, ...]
_MAX_TEXT = 32_767
# openpyxl refuses these; a lone surrogate cannot be written as UTF-8 (left to openpyxl too)
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]|[\ud800-\udfff]")
_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>.*?</sheetData>", re.DOTALL)
_MERGES = re.compile(rb"<mergeCells\b[^>]*/>|<mergeCells\b.*?</mergeCells>", re.DOTALL)
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')
_CELL = re.compile(rb'<c r="([A-Z]+[0-9]+)"(?: s="([0-9]+)")?')
_ROW = re.compile(rb"<row\b([^>]*?)\s*(/?)>")
# What follows <hyperlinks> in a worksheet (ECMA-376 CT_Worksheet): it goes before them.
_AFTER_LINKS = (b"<printOptions", b"<pageMargins", b"<pageSetup", b"<headerFooter",
                b"<rowBreaks", b"<colBreaks", b"<customProperties", b"<cellWatches",
                b"<ignoredErrors", b"<smartTags", b"<drawing", b"<legacyDrawing",
                b"<picture", b"<oleObjects", b"<controls", b"<webPublishItems",
                b"<tableParts", b"<extLst", b"</worksheet>")
_FOLLOWS_LINKS = re.compile(b"|".join(re.escape(tag) for tag in _AFTER_LINKS))  # the first


@dataclass
class SheetBody:
    """The cells of one sheet, kept out of openpyxl until its part is written."""

    ws: Any
    cells: dict[tuple[int, int], tuple[object, Role | None]]  # (row, col) -> value, role
    merges: list[tuple[int, int, int]]  # (row, first col, last col)
    links: list[tuple[int, int, str, str]]  # row, col, location, display
    reps: dict[Role, tuple[int, int]] = field(default_factory=dict)  # role -> its cell
    written: bool = False
    heights: dict[int, float] = field(default_factory=dict)  # row -> height (points)

    def xml(self, part: bytes) -> bytes:
        """The worksheet part openpyxl wrote for the frame, with every cell put in."""
        styles = _styles_written(part)
        # each role's ' s="12"' (None: no style written), the part built as text, encoded once
        style_of = {role: None if (s := styles.get(at)) is None else f' s="{s.decode()}"'
                    for role, at in self.reps.items()}
        rows = _rows_written(part)
        for r, height in self.heights.items():
            # what openpyxl writes for a row dimension with only a height: no other
            # attribute is set on the frame's rows (a representative's row has only r)
            if rows.get(r, b' r="%d"' % r) != b' r="%d"' % r:
                raise ValueError(f"row {r} written with attributes of its own")
            ht = b' ht="%s"' % _safe_string(float(height)).encode() if height else b""
            rows[r] = b' r="%d"%s customHeight="1"' % (r, ht)
        by_row: dict[int, list[str]] = {}
        letters: dict[int, str] = {}
        for (r, c), (value, role) in sorted(self.cells.items()):
            style = None if role is None else style_of.get(role)
            if value is None and style is None:
                continue  # a cell openpyxl would not write
            letter = letters.get(c)
            if letter is None:
                letter = letters[c] = column_letter(c)
            by_row.setdefault(r, []).append(_cell_text(f"{letter}{r}", value, style))
        out = ["<sheetData>"]
        for r in sorted(by_row.keys() | rows.keys()):
            attrs = rows[r].decode() if r in rows else f' r="{r}"'
            cells = by_row.get(r)
            out.append(f"<row{attrs}>{''.join(cells)}</row>" if cells else f"<row{attrs} />")
        out.append("</sheetData>")
        data = "".join(out).encode()
        part = _SHEET_DATA.sub(lambda _m: data, part, count=1)
        part = _DIMENSION.sub(b'<dimension ref="%s" />' % self._dimension().encode(),
                              part, count=1)
        merges = b""
        if self.merges:
            merges = (b'<mergeCells count="%d">' % len(self.merges) + b"".join(
                b'<mergeCell ref="%s%d:%s%d" />' % (column_letter(a).encode(), r,
                                                    column_letter(b).encode(), r)
                for r, a, b in self.merges) + b"</mergeCells>")
        if _MERGES.search(part):
            part = _MERGES.sub(lambda _m: merges, part, count=1)
        elif merges:
            raise ValueError("merged ranges without their representative")
        if self.links:
            links = b"<hyperlinks>" + b"".join(
                b'<hyperlink ref="%s%d" location="%s" display="%s" />' % (
                    column_letter(c).encode(), r, _attr(location), _attr(display))
                for r, c, location, display in self.links) + b"</hyperlinks>"
            at = _FOLLOWS_LINKS.search(part).start()  # type: ignore[union-attr]
            part = part[:at] + links + part[at:]
        self.written = True
        return part

    def _dimension(self) -> str:
        """What openpyxl's `calculate_dimension` gives for these cells."""
        if not self.cells:
            return "A1:A1"
        rows = [r for r, _c in self.cells]
        cols = [c for _r, c in self.cells]
        return (f"{column_letter(min(cols))}{min(rows)}:"
                f"{column_letter(max(cols))}{max(rows)}")


def frame(ws: Worksheet, sheet: OutSheet, memo: StyleMemo | None = None
          ) -> SheetBody | None:
    """Put the representatives of `sheet`'s cells into `ws` (styled as `render` styles
    every cell, merged with openpyxl's `merge_cells`) and return the rest as a SheetBody;
    None (nothing done) when a value is not one this writer writes as openpyxl would.
    `memo`: the looks already worked out in this workbook (`sheets.restyle`), shared by the
    sheets framed in it (Ringkasan and Temuan have most of Temuan's looks in common)."""
    from .sheets import apply_look, restyle

    memo = {} if memo is None else memo

    def styled(c: Any, key: str) -> None:
        restyle(c, memo, ("look", key), lambda c: apply_look(c, look(key)))
    from .styles import look

    cells: dict[tuple[int, int], tuple[object, Role | None]] = {}
    keys: dict[tuple[int, int], str | None] = {}  # the look a cell gets, None: not created
    links: dict[tuple[int, int], tuple[str, str]] = {}
    for r, row in enumerate(sheet.rows, start=1):
        for col, out in enumerate(row, start=1):
            if out.value is None and not out.style:
                continue
            value = out.value
            if not _writable(value):
                return None
            if out.link:
                if value is None:  # openpyxl shows the link's place in an empty cell
                    value = out.link
                links[r, col] = (out.link, str(out.value or ""))
            cells[r, col] = (value, ("look", out.style))
            keys[r, col] = out.style
    merges: list[tuple[int, int, int]] = []
    kinds: dict[Role, tuple[int, int, int]] = {}  # merge kind -> its representative
    for r, row in enumerate(sheet.rows, start=1):
        for col, out in enumerate(row, start=1):
            if out.span <= 1:
                continue
            last = col + out.span - 1
            first_key, last_key = keys.get((r, col)), keys.get((r, last))
            border = _border(first_key)
            value = cells.get((r, col), (None, None))[0]
            if border == _border(last_key):
                # The last cell adds no border to the first (openpyxl gives the first cell
                # the last one's right and bottom sides): the first keeps its own look, and
                # the other cells take the sides of that border, the same for every look.
                kind: Role = ("border", border)
                cells[r, col] = (value, ("look", first_key))
            else:
                kind = ("pair", first_key, last_key)
                cells[r, col] = (value, ("start", kind))
            merges.append((r, col, last))
            if kind not in kinds or (out.span > 2 and kinds[kind][2] - kinds[kind][1] < 2):
                kinds[kind] = (r, col, last)  # one with a middle cell where there is one
            for c in range(col + 1, last + 1):
                cells[r, c] = (None, ("last" if c == last else "mid", kind))
                links.pop((r, c), None)
    body = SheetBody(ws, cells, merges,
                     [(r, c, *links[r, c]) for r, c in sorted(links)])
    for (r, c), (_value, role) in cells.items():
        if role is not None and role[0] == "look" and role[1] is not None \
                and role not in body.reps:
            styled(ws.cell(row=r, column=c), role[1])
            body.reps[role] = (r, c)
    for kind, (r, first, last) in kinds.items():
        for c in (first, last):
            if keys.get((r, c)) is not None:
                styled(ws.cell(row=r, column=c), keys[r, c] or "")
        ws.merge_cells(start_row=r, start_column=first, end_row=r, end_column=last)
        if kind[0] == "pair":
            body.reps["start", kind] = (r, first)
        body.reps["last", kind] = (r, last)
        if last - first >= 2:
            body.reps["mid", kind] = (r, first + 1)
    return body


def _border(key: str | None) -> object:
    """The border a cell of look `key` has (None: a cell that is not created)."""
    from .styles import look

    return None if key is None else look(key).border


def _writable(value: object) -> bool:
    if value is None or isinstance(value, bool | int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        return len(value) <= _MAX_TEXT and not _ILLEGAL.search(value)
    return False


def _styles_written(part: bytes) -> dict[tuple[int, int], bytes | None]:
    """(row, col) -> the style index openpyxl wrote for each cell of the frame."""
    from openpyxl.utils.cell import coordinate_to_tuple

    found = _SHEET_DATA.search(part)
    result: dict[tuple[int, int], bytes | None] = {}
    for m in _CELL.finditer(found.group(0) if found else b""):
        result[coordinate_to_tuple(m.group(1).decode())] = m.group(2)
    return result


def _rows_written(part: bytes) -> dict[int, bytes]:
    """row -> the attributes openpyxl wrote on it (its height), ' r="5" ht="30" ...'."""
    found = _SHEET_DATA.search(part)
    result: dict[int, bytes] = {}
    for m in _ROW.finditer(found.group(0) if found else b""):
        attrs = m.group(1)
        number = re.search(rb'\br="([0-9]+)"', attrs)
        if number:
            result[int(number.group(1))] = attrs
    return result


def _cell_text(ref: str, value: object, s: str | None) -> str:
    """One <c> element as openpyxl's cell writer writes it; `s`: the style attribute
    ' s="12"', or None. A value None with a style is an empty styled cell."""
    s = s or ""
    if value is None:
        return f'<c r="{ref}"{s} t="n" />'
    if isinstance(value, str):
        if value == "":
            return f'<c r="{ref}"{s} t="inlineStr" />'
        stripped = value.strip()
        # openpyxl marks a blank-only text too when it writes with lxml (see `_escaped`)
        keep = stripped != value if _LXML else stripped and stripped != value
        space = ' xml:space="preserve"' if keep else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{_escaped(value)}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    return f'<c r="{ref}"{s} t="n"><v>{_safe_string(value)}</v></c>'


def _escaped(value: str) -> str:
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if _LXML and "\r" in text:
        # openpyxl writes with lxml when it is installed (the import extra brings it), and
        # lxml keeps a carriage return as '&#13;'; ElementTree writes it raw (read back as
        # a line feed). Written as openpyxl would in this process.
        text = text.replace("\r", "&#13;")
    return text


def _openpyxl_writing() -> tuple[bool, Callable[[object], str]]:
    """Whether openpyxl writes with lxml in this process, and its number writer."""
    from openpyxl.compat import safe_string
    from openpyxl.xml import LXML

    return bool(LXML), safe_string


_LXML, _safe_string = _openpyxl_writing()


def _attr(value: str) -> bytes:
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
            .replace("\t", "&#09;").encode())
