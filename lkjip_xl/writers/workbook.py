"""Write the corrected workbook: a copy of the input with the plan applied (values, fills,
comments), the `Ringkasan` and `Temuan` sheets added, saved atomically. The input is only read.

What it does to the copy, and nothing else:
- every changed cell gets its new value, its mark (`styles.MARKS`: corrected, filled,
  converted from text; review whenever its note still says "Periksa") and a comment with the
  old value exactly as it was, the new one, how it was computed and the rule; every marked
  cell the review mark and a comment saying what to check. A comment already on the cell is
  kept above the line `COMMENT_MARKER`; what `fix` wrote below that line in an earlier run is
  replaced. Comment boxes are sized to their text (an anchor Excel and LibreOffice honour);
- a number written into a cell keeps the column's number format and alignment (a cell left
  General or Text in a column formatted '0.00' gets '0.00'); a value written into a cell
  shown in Excel's % format is divided by 100, so the cell still shows the same percentage
  points (and reads back the same);
- every input sheet with marks gets a one-line legend in its top rows (`legend`), in cells
  that are empty, above the table's header: no row is inserted, so every cell keeps the
  address the findings name, and the reader reads the workbook as before;
- the document properties record where the workbook came from (`Provenance`): source file
  name, SHA-256, time, tool version and settings;
- older `Ringkasan` / `Temuan` sheets are replaced; the new ones go right after the input
  sheets, and Ringkasan is the sheet shown on opening;
- the workbook is set to recalculate fully on load (openpyxl saves formulas without cached
  values), and saved via `write_atomic`.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Collection, Sequence
from contextlib import contextmanager
from copy import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..corrections import CellChange, CorrectionPlan
from ..output_sheets import OutSheet, fix_sheets
from ..schema import OUTPUT_SHEETS, normalise
from .atomic import write_atomic
from .sheets import StyleMemo, render, restyle
from .sheetxml import SheetBody
from .styles import (
    COMMENT_AUTHOR,
    COMMENT_MARKER,
    FONT_NAME,
    MARK_BORDER_RGB,
    MARK_ORDER,
    MARKS,
    Mark,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from ..provenance import Provenance
    from ..rules.base import Finding
    from ..summary import Summary

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
# Comment boxes, in pixels: about 6.2 px a character and 15 px a line of the note font.
_CHAR_PX = 6.2
_LINE_PX = 15
_MIN_CHARS, _MAX_CHARS = 24, 64
_PLAIN_FORMATS = frozenset({"general", "@"})


def keeps_vba(path: Path) -> bool:
    return path.suffix.lower() in (".xlsm", ".xltm")


def load(path: Path) -> Workbook:
    """The workbook for editing: VBA kept for .xlsm, rich text kept. openpyxl's warnings about
    extensions it drops are silenced: `preserve.droppable_parts` reported them already (and
    `fix` only writes such a workbook with --force)."""
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            return load_workbook(path, keep_vba=keeps_vba(path), rich_text=True,
                                 keep_links=True)
        except Exception as exc:  # calamine read it, openpyxl cannot: nothing is written
            from ..model import WorkbookError

            raise WorkbookError(path, "fix.cannot_load",
                                f"{type(exc).__name__}: {exc}".splitlines()[0][:200]) from exc


def write_corrected(src: Path, out: Path, plan: CorrectionPlan, summary: Summary,
                    findings: Sequence[Finding], *, lang: str = "id",
                    input_sheets: Collection[str] = (),
                    actions: dict[str, int] | None = None,
                    header_rows: Mapping[str, int] | None = None,
                    provenance: Provenance | None = None) -> Path:
    """Apply `plan` to a copy of `src`, add Ringkasan and Temuan, save to `out` atomically.

    `input_sheets`: the names of the workbook's input sheets (Report.sheet_names values);
    the new sheets go right after the last of them. `header_rows`: sheet name -> the row of
    its table's header (Report.header_rows by actual sheet name): the legend goes above it.
    `provenance`: recorded in the document properties.
    """
    wb = load(Path(src))
    shown = apply_plan(wb, plan, lang)
    for name in shown:
        row = (header_rows or {}).get(name)
        if row:
            write_legend(wb[name], lang, row)
    if provenance is not None:
        record_provenance(wb, provenance)
    size_comments(wb)
    bodies = replace_output_sheets(wb, fix_sheets(summary, findings, plan, lang, actions,
                                                  sheets=_kept_sheets(wb),
                                                  provenance=provenance),
                                   input_sheets, direct=True)
    if wb.calculation is None:  # a workbook without <calcPr> (written by other tools)
        from openpyxl.workbook.properties import CalcProperties

        wb.calculation = CalcProperties()
    wb.calculation.fullCalcOnLoad = True
    try:
        return write_atomic(Path(out), lambda path: save_sized(wb, path, bodies))
    finally:
        if wb.vba_archive is not None:
            # openpyxl keeps a macro workbook's parts in an archive it never closes; left to
            # the garbage collector, it may be finalised after its buffer ("Exception
            # ignored in ZipFile.__del__"), as when `fix` pauses the collector
            wb.vba_archive.close()


def _kept_sheets(wb: Workbook) -> set[str]:
    """The sheets a Temuan link may point to: those that stay in the workbook."""
    names = {normalise(n) for n in OUTPUT_SHEETS}
    return {n for n in wb.sheetnames if normalise(n) not in names}


# --- cells ---------------------------------------------------------------------------------

def apply_plan(wb: Workbook, plan: CorrectionPlan, lang: str = "id") -> dict[str, set[str]]:
    """Write the plan into `wb`; returns, per sheet, the marks shown on it."""
    from openpyxl.cell.cell import MergedCell

    shown: dict[str, set[str]] = {}
    memo: StyleMemo = {}  # the marks' styles, worked out once per style they land on
    sheets = {ws.title: ws for ws in wb.worksheets}  # wb[name] searches the list each time
    for item in (*plan.changes, *plan.marks):
        ws = sheets.get(item.ref.sheet)
        if ws is None:
            continue
        c = ws.cell(row=item.ref.row, column=item.ref.col)
        if isinstance(c, MergedCell):
            continue
        if not c.has_style:
            _take_column_style(ws, c)
        if isinstance(item, CellChange):
            if c.data_type == "f":
                continue  # never overwrite a formula (the plan should have marked it)
            _set_value(ws, c, item)
        mark = item.mark.value
        cue = item.outcome.value if isinstance(item, CellChange) else None
        restyle(c, memo, ("mark", mark, cue),
                lambda c, mark=mark, cue=cue: apply_mark(c, MARKS[mark], cue and MARKS[cue]))
        shown.setdefault(ws.title, set()).add(mark)
        c.comment = _comment(c.comment, item.comment(lang))
    return shown


def apply_mark(c: Any, mark: Mark, cue: Mark | None = None) -> None:
    """The mark's fill, font cue and border on cell `c`; the cell's own font (name, size,
    colour) and number format are kept. `cue`: the font cue of what was done to a cell that
    shows the review mark (bold: its value was corrected too)."""
    from openpyxl.styles import Border, PatternFill, Side

    c.fill = PatternFill("solid", fgColor=mark.fill)
    font = copy(c.font)
    bold = mark.bold or (cue is not None and cue.bold)
    italic = mark.italic or (cue is not None and cue.italic)
    if bold or italic or not font.name:
        font.b = bool(bold or font.b)
        font.i = bool(italic or font.i)
        font.name = font.name or FONT_NAME
        c.font = font
    if mark.border:
        side = Side(style=mark.border, color=MARK_BORDER_RGB)
        c.border = Border(left=side, right=side, top=side, bottom=side)


def _take_column_style(ws: Worksheet, c: Any) -> None:
    """A cell fix creates looks like its column: number format, alignment, and protection
    (on the template's protected sheets every data column is unlocked, so a filled cell stays
    editable; the sheet's protection itself is kept as it was)."""
    for dim in ws.column_dimensions.values():
        low, high = dim.min or 0, dim.max or 0
        if low <= c.column <= high and dim.has_style:
            c._style = copy(dim._style)
            return


def _set_value(ws: Any, c: Any, change: CellChange) -> None:
    value = change.new
    if isinstance(value, str):
        c.value = value
        c.data_type = "s"  # text, even if it starts with '=': never a formula
        _column_alignment(ws, c)
        return
    fmt = c.number_format or "General"
    if is_percent_format(fmt):
        value = round(value / 100, 12)
    elif fmt.lower() in _PLAIN_FORMATS:
        c.number_format = column_number_format(ws, c.column) or "General"
    _column_alignment(ws, c)
    c.value = float(value) if not float(value).is_integer() else _int_or_float(value)


def column_number_format(ws: Any, col: int) -> str | None:
    """The number format of column `col`: the column's own style, else the format most of
    its numeric cells carry; None when the column has no number format but General/Text."""
    from collections import Counter

    from openpyxl.utils import get_column_letter

    dim = ws.column_dimensions.get(get_column_letter(col))
    fmt = getattr(dim, "number_format", None) if dim is not None else None
    if fmt and fmt.lower() not in _PLAIN_FORMATS and not is_percent_format(fmt):
        return fmt
    seen: Counter[str] = Counter()
    for (_row, column), cell in ws._cells.items():
        # the column and the value first: a cell's number format is a slow look-up
        if column != col or not isinstance(cell.value, int | float) or isinstance(
                cell.value, bool):
            continue
        fmt = cell.number_format or ""
        if fmt.lower() not in _PLAIN_FORMATS and not is_percent_format(fmt):
            seen[cell.number_format] += 1  # (a % format shows x 100: never spread it)
    return seen.most_common(1)[0][0] if seen else None


def _column_alignment(ws: Any, c: Any) -> None:
    """A cell without an alignment of its own takes its column's."""
    from openpyxl.utils import get_column_letter

    if c.has_style and (c.alignment.horizontal or c.alignment.vertical):
        return
    dim = ws.column_dimensions.get(get_column_letter(c.column))
    if dim is not None and dim.alignment is not None and (
            dim.alignment.horizontal or dim.alignment.vertical):
        c.alignment = copy(dim.alignment)


def _int_or_float(value: float) -> int | float:
    return int(value) if abs(value) < 2**53 else value


def is_percent_format(fmt: str) -> bool:
    return "%" in _QUOTED.sub("", fmt or "")


def _comment(existing: Any, text: str) -> Any:
    from openpyxl.comments import Comment

    kept = ""
    if existing is not None and existing.text:
        kept = existing.text.split(COMMENT_MARKER, 1)[0].rstrip()
    body = f"{COMMENT_MARKER}\n{text}"
    full = f"{kept}\n\n{body}" if kept else body
    comment = Comment(full, COMMENT_AUTHOR)
    comment.width, comment.height = comment_size(full)
    return comment


def size_comments(wb: Workbook) -> None:
    """Every note at openpyxl's default size (it does not read a note's size back: the
    template's column help would shrink to 144 x 79 px) is sized to its text."""
    for ws in wb.worksheets:
        for c in list(ws._cells.values()):  # the cells that exist; iter_rows would add more
            note = c.comment
            if note is not None and (note.width, note.height) == (144, 79):
                note.width, note.height = comment_size(note.text or "")


def comment_size(text: str) -> tuple[int, int]:
    """(width, height) in pixels of a note box that shows `text` whole: as wide as its
    longest line up to about 64 characters, as high as its wrapped lines."""
    lines = text.splitlines() or [""]
    chars = max(_MIN_CHARS, min(_MAX_CHARS, max(len(line) for line in lines)))
    wrapped = sum(max(1, math.ceil(len(line) * 1.08 / chars)) for line in lines)
    return int(chars * _CHAR_PX) + 20, wrapped * _LINE_PX + 20


# --- the legend on marked sheets --------------------------------------------------------------

LEGEND_PREFIXES = ("Tanda lkjip-xl:", "lkjip-xl marks:")  # fix.legend.line, both languages
_SWATCH = "\u25a0"  # a filled square in the mark's colour
_LEGEND_SIZE = 9  # points: the legend is a footnote to the title, not a second title


def write_legend(ws: Worksheet, lang: str, header_row: int) -> bool:
    """One line above the table's header: the four marks, each as a square in its colour
    and its name written with its cue (bold, italic, ...). It goes where an earlier run put
    it, else in the first free cell to the right of what the top rows hold, without
    inserting a row; False where the rows above the header have no free cell."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    from ..messages import t

    old = [c for r in ws.iter_rows(min_row=1, max_row=max(1, header_row - 1)) for c in r
           if str(c.value or "").startswith(LEGEND_PREFIXES)]
    for c in old:
        c.value = None
    places = [(old[0].row, old[0].column)] if old else [
        (row, col) for row in range(1, header_row) if (col := _free_column(ws, row))]
    for row, col in places[:1]:
        size = _LEGEND_SIZE
        parts: list[Any] = [TextBlock(InlineFont(rFont=FONT_NAME, b=True, sz=size),
                                      t("fix.legend.line", lang) + " ")]
        for key in MARK_ORDER:
            m = MARKS[key]
            parts.append(TextBlock(InlineFont(rFont=FONT_NAME, color=m.fill, sz=size + 3),
                                   _SWATCH))
            parts.append(TextBlock(InlineFont(rFont=FONT_NAME, b=m.bold, i=m.italic, sz=size),
                                   " " + t(f"fix.legend.mark.{key}", lang) + "  "))
        parts.append(TextBlock(InlineFont(rFont=FONT_NAME, i=True, sz=size),
                               f"({t('fix.legend.where', lang)})"))
        c = ws.cell(row=row, column=col)
        c.value = CellRichText(parts)
        return True
    return False


def _free_column(ws: Worksheet, row: int) -> int | None:
    """The first column of `row` after everything it shows (a long text runs on to the
    right), from which every cell of the row is empty; None if that is beyond column 40."""
    from openpyxl.utils import get_column_letter

    merged = [r for r in ws.merged_cells.ranges if r.min_row <= row <= r.max_row]
    last = 0
    extent = 0.0
    for c in ws[row]:
        if c.value is not None and str(c.value).strip() and c.column > last:
            last = c.column
            size = (c.font.sz or 11) if c.font is not None else 11
            bold = bool(c.font is not None and c.font.b)
            extent = len(str(c.value)) * size / 11 * (1.15 if bold else 1.0) + 2  # a gap
    for r in merged:
        last = max(last, r.max_col)
    col = last + 1
    if last:
        width = 0.0
        col = last
        while width < extent and col < 40:
            dim = ws.column_dimensions.get(get_column_letter(col))
            width += dim.width if dim is not None and dim.width else 8.43
            col += 1
        col = max(col, last + 1)
    return col if col <= 40 else None


# --- where the workbook came from ----------------------------------------------------------

def record_provenance(wb: Workbook, prov: Provenance) -> None:
    """Source file name, SHA-256, time, tool version and settings, as custom document
    properties named 'lkjip-xl <key>', and a one-line description."""
    from openpyxl.packaging.custom import StringProperty

    props = wb.custom_doc_props
    for key, value in prov.as_dict().items():
        name = f"lkjip-xl {key}"
        for old in [p for p in props.props if p.name == name]:
            props.props.remove(old)
        props.append(StringProperty(name=name, value=str(value)))
    wb.properties.lastModifiedBy = "lkjip-xl"
    wb.properties.description = (f"lkjip-xl {prov.version} fix of {prov.file_name} "
                                 f"(SHA-256 {prov.sha256}) at {prov.time}")


# --- comment boxes sized to their text -----------------------------------------------------

def save_sized(wb: Workbook, path: Path, bodies: Sequence[SheetBody] = ()) -> None:
    """`wb.save(path)`, with each comment box anchored to the size its text needs: openpyxl
    writes the size only as a VML style, which LibreOffice ignores (it shows every note at
    the default 144 x 79 px); the anchor is what Excel and LibreOffice both read.
    `bodies`: the cells of sheets rendered with `cells=False`, put into their parts as
    openpyxl writes them (`sheetxml`)."""
    with _anchored_comments(), _sheets_in_memory():
        _save_with_bodies(wb, path, bodies)


def _save_with_bodies(wb: Workbook, path: Path, bodies: Sequence[SheetBody]) -> None:
    """What `wb.save` does (openpyxl's `save_workbook`), through an archive that takes each
    worksheet part from memory (`_sheets_in_memory`) and puts each body into its worksheet
    part as the part is added."""
    import datetime
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    class Archive(zipfile.ZipFile):
        def write(self, filename: Any, arcname: Any = None, *args: Any, **kw: Any) -> None:
            if not isinstance(filename, _SheetPart):
                super().write(filename, arcname, *args, **kw)
                return
            data = filename.getvalue()
            body = next((b for b in bodies if b.ws.path[1:] == arcname), None)
            if body is not None:
                data = body.xml(data)
            self.writestr(_member(self, arcname, len(data)), data)

    archive = Archive(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    wb.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(
        tzinfo=None)
    ExcelWriter(wb, archive).save()
    missing = [b.ws.title for b in bodies if not b.written]
    if missing:  # openpyxl wrote the sheet some other way: its cells would be lost
        raise RuntimeError(f"cells of {missing} not written")


class _SheetPart(io.BytesIO):
    """A worksheet part openpyxl writes in memory (`_sheets_in_memory`)."""


def _member(archive: Any, name: str, size: int) -> Any:
    """The zip entry `ZipFile.write` makes for a part openpyxl wrote to a temporary file
    (a regular file of mode 0600, modified now), compressed as the archive compresses."""
    import time
    import zipfile

    info = zipfile.ZipInfo(name, time.localtime(time.time())[:6])
    info.external_attr = 0o100600 << 16
    info.file_size = size
    info.compress_type = archive.compression
    info._compresslevel = archive.compresslevel  # type: ignore[attr-defined]
    return info


@contextmanager
def _sheets_in_memory() -> Iterator[None]:
    """While saving: openpyxl's worksheet writer writes each sheet into memory instead of a
    temporary file it then copies into the archive and deletes. Its writer takes any
    file-like output (`WorksheetWriter(ws, out)`, as its own write-only mode does); the
    part is the same, byte for byte. Creating and deleting the temporary files took 26-35
    ms of wall time for the seed example's 8 sheets (1.5-8 ms an unlink on this ext4 disk
    mounted with `discard`)."""
    from openpyxl.worksheet import _writer

    original_create = _writer.create_temporary_file
    original_cleanup = _writer.WorksheetWriter.cleanup

    def cleanup(self: Any) -> None:
        if not isinstance(self.out, _SheetPart):
            original_cleanup(self)

    _writer.create_temporary_file = lambda suffix="": _SheetPart()
    _writer.WorksheetWriter.cleanup = cleanup  # type: ignore[method-assign]
    try:
        yield
    finally:
        _writer.create_temporary_file = original_create
        _writer.WorksheetWriter.cleanup = original_cleanup  # type: ignore[method-assign]


DIRECT_VML = True  # False: openpyxl builds the notes' VML (tests compare the two)
DIRECT_COMMENTS = True  # False: openpyxl builds the notes' part (tests compare the two)


@contextmanager
def _anchored_comments() -> Iterator[None]:
    """While saving: each note's VML shape gets its anchor. The notes' VML drawing is
    written as text (`comments_vml`), byte for byte what openpyxl's ShapeWriter writes with
    the anchor added, without building and serialising an element tree of ~20 elements a
    note; a drawing that already holds other shapes (a macro workbook's form controls)
    goes through openpyxl's ShapeWriter, its shapes given the anchor the same way."""
    from openpyxl.comments import shape_writer
    from openpyxl.writer import excel

    original_factory = shape_writer._shape_factory
    original_write = excel.ExcelWriter._write_comment
    original_shapes = shape_writer.ShapeWriter.write
    current: dict[str, Any] = {}

    def write_comment(self: Any, ws: Any) -> None:
        current["ws"] = ws
        try:
            part = comments_xml(ws._comments) if DIRECT_COMMENTS else None
            if part is None:
                original_write(self, ws)
            else:
                _write_comment_part(self, ws, part)
        finally:
            current.pop("ws", None)

    def factory(row: int, column: int, height: int, width: int) -> Any:
        shape = original_factory(row, column, height, width)
        ws = current.get("ws")
        if ws is not None:
            data = shape.find("{urn:schemas-microsoft-com:office:excel}ClientData")
            if data is not None:
                # openpyxl's own: lxml's when lxml is installed (python-docx, the `import`
                # extra, brings it), the standard library's otherwise
                from openpyxl.xml.functions import SubElement

                anchor = SubElement(data, "{urn:schemas-microsoft-com:office:excel}Anchor")
                anchor.text = _anchor(ws, row, column, height, width)
        return shape

    def write_shapes(self: Any, root: Any) -> Any:
        ws = current.get("ws")
        if ws is None or hasattr(root, "findall") or not ws._comments or not DIRECT_VML:
            return original_shapes(self, root)
        # the sheet's comment records, in the order of its comments part: `self.comments`
        # would build a Comment object from each again only for its size
        return comments_vml(ws, [(record.ref, record) for record in ws._comments])

    shape_writer._shape_factory = factory
    shape_writer.ShapeWriter.write = write_shapes
    excel.ExcelWriter._write_comment = write_comment
    try:
        yield
    finally:
        shape_writer._shape_factory = original_factory
        shape_writer.ShapeWriter.write = original_shapes
        excel.ExcelWriter._write_comment = original_write


def _write_comment_part(writer: Any, ws: Any, part: bytes) -> None:
    """openpyxl's `ExcelWriter._write_comment` with the comments part already written as
    text (`comments_xml`): the same part, manifest entry, VML drawing and relationship."""
    from openpyxl.comments.comment_sheet import CommentSheet
    from openpyxl.packaging.relationship import Relationship
    from openpyxl.xml.functions import fromstring

    cs = CommentSheet.from_comments(ws._comments)  # numbers the authors, as openpyxl does
    writer._comments.append(cs)
    cs._id = len(writer._comments)
    writer._archive.writestr(cs.path[1:], part)
    writer.manifest.append(cs)
    if ws.legacy_drawing is None or writer.workbook.vba_archive is None:
        ws.legacy_drawing = f"xl/drawings/commentsDrawing{cs._id}.vml"
        vml = None
    else:
        vml = fromstring(writer.workbook.vba_archive.read(ws.legacy_drawing))
    writer._archive.writestr(ws.legacy_drawing, cs.write_shapes(vml))
    writer.vba_modified.add(ws.legacy_drawing)
    ws._rels.append(Relationship(Id="comments", type=cs._rel_type, Target=cs.path))


_COMMENTS_HEAD = '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
# Text openpyxl's serialiser (lxml's or the standard library's) writes with only &, < and >
# escaped: no carriage return (lxml writes &#13;, the standard library keeps it), no other
# control character (refused), no surrogate or U+FFFE/U+FFFF (refused).
_PLAIN_TEXT = re.compile("[^\x00-\x08\x0b-\x1f\r\ud800-\udfff\ufffe\uffff]+")
_REF = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}")


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def comments_xml(records: Sequence[Any]) -> bytes | None:
    """A sheet's comments part (xl/comments/commentN.xml) written as text: byte for byte what
    openpyxl's `CommentSheet.to_tree` serialises, for notes of plain text (the notes `fix`
    writes and those read from the input). None, for openpyxl to write it, when a note or
    author needs more than escaping &, < and > (a carriage return, a control character, an
    empty text, spaces around it: `xml:space`), or a record carries more than a reference,
    an author and a text."""
    authors: dict[str, int] = {}
    body = []
    for record in records:
        author, text = record.author, record.text
        content = text.t
        if (type(author) is not str or type(content) is not str or record.guid is not None
                or record.commentPr is not None or record.shapeId != 0 or text.r
                or text.rPh or text.phoneticPr is not None
                or _REF.fullmatch(record.ref) is None):
            return None
        for value in (author, content):
            if value != value.strip() or _PLAIN_TEXT.fullmatch(value) is None:
                return None
        index = authors.setdefault(author, len(authors))
        body.append(f'<comment ref="{record.ref}" authorId="{index}" shapeId="0"><text><t>'
                    f'{_escaped(content)}</t></text></comment>')
    head = "".join(f"<author>{_escaped(a)}</author>" for a in authors)
    return (f"{_COMMENTS_HEAD}<authors>{head}</authors><commentList>{''.join(body)}"
            "</commentList></comments>").encode()


_VML_HEAD = (
    '<xml xmlns:ns0="urn:schemas-microsoft-com:office:office" '
    'xmlns:ns1="urn:schemas-microsoft-com:vml" '
    'xmlns:ns2="urn:schemas-microsoft-com:office:excel">'
    '<ns0:shapelayout ns1:ext="edit"><ns0:idmap ns1:ext="edit" data="1" /></ns0:shapelayout>'
    '<ns1:shapetype id="_x0000_t202" coordsize="21600,21600" ns0:spt="202" '
    'path="m,l,21600r21600,l21600,xe"><ns1:stroke joinstyle="miter" />'
    '<ns1:path gradientshapeok="t" ns0:connecttype="rect" /></ns1:shapetype>')
_VML_SHAPE = (
    '<ns1:shape type="#_x0000_t202" style="position:absolute; margin-left:59.25pt;'
    'margin-top:1.5pt;width:{width}px;height:{height}px;z-index:1;visibility:hidden" '
    'fillcolor="#ffffe1" ns0:insetmode="auto" id="_x0000_s{idx:04d}">'
    '<ns1:fill color2="#ffffe1" /><ns1:shadow color="black" obscured="t" />'
    '<ns1:path ns0:connecttype="none" /><ns1:textbox style="mso-direction-alt:auto">'
    '<div style="text-align:left" /></ns1:textbox><ns2:ClientData ObjectType="Note">'
    '<ns2:MoveWithCells /><ns2:SizeWithCells /><ns2:AutoFill>False</ns2:AutoFill>'
    '<ns2:Row>{row}</ns2:Row><ns2:Column>{column}</ns2:Column>'
    '<ns2:Anchor>{anchor}</ns2:Anchor></ns2:ClientData></ns1:shape>')


def comments_vml(ws: Any, comments: Sequence[tuple[str, Any]]) -> bytes:
    """The VML drawing of the notes `comments` of sheet `ws` ((coordinate, anything with the
    note's height and width) in openpyxl's order): a shape per note, numbered from 1026,
    each with its anchor."""
    from openpyxl.utils.cell import coordinate_to_tuple

    sizes = _Sizes(ws)
    parts = [_VML_HEAD]
    for idx, (coord, comment) in enumerate(comments, 1026):
        row, col = coordinate_to_tuple(coord)
        height, width = comment.height, comment.width
        parts.append(_VML_SHAPE.format(
            width=width, height=height, idx=idx, row=row - 1, column=col - 1,
            anchor=_anchor(ws, row - 1, col - 1, height, width, sizes)))
    parts.append("</xml>")
    return "".join(parts).encode("ascii")


class _Sizes:
    """Column widths and row heights of `ws` in pixels, looked up once each."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.cols: dict[int, int] = {}
        self.rows: dict[int, int] = {}

    def col(self, c: int) -> int:
        px = self.cols.get(c)
        if px is None:
            from openpyxl.utils import get_column_letter

            dim = self.ws.column_dimensions.get(get_column_letter(c + 1))
            w = dim.width if dim is not None and dim.width else 8.43
            px = self.cols[c] = max(1, int(w * 7 + 5))
        return px

    def row(self, r: int) -> int:
        px = self.rows.get(r)
        if px is None:
            dim = self.ws.row_dimensions.get(r + 1)
            h = dim.height if dim is not None and dim.height else 15
            px = self.rows[r] = max(1, int(h * 4 / 3))
        return px


def _anchor(ws: Any, row: int, col: int, height: int, width: int,
            sizes: _Sizes | None = None) -> str:
    """The VML anchor of a note box `width` x `height` px next to cell (row, col), 0-based:
    'left col, dx, top row, dy, right col, dx, bottom row, dy', as Excel writes it."""
    sizes = sizes or _Sizes(ws)
    left, dx = col + 1, 15
    top, dy = max(0, row - 1), 10
    c, rest = left, width + dx
    while rest > sizes.col(c):
        rest -= sizes.col(c)
        c += 1
    r, down = top, height + dy
    while down > sizes.row(r):
        down -= sizes.row(r)
        r += 1
    return f"{left}, {dx}, {top}, {dy}, {c}, {rest}, {r}, {down}"


# --- the sheets fix adds -------------------------------------------------------------------

def replace_output_sheets(wb: Workbook, sheets: Sequence[OutSheet],
                          input_sheets: Collection[str] = (), direct: bool = False
                          ) -> list[SheetBody]:
    """Remove older copies of `sheets` (matched by normalised name), then add them right
    after the input sheets, the first one shown on opening. `direct`: their cells are left
    out of `wb` and returned, for `save_sized` to write (`sheetxml`)."""
    wanted = {normalise(s.name) for s in sheets}
    for ws in list(wb.worksheets):
        if normalise(ws.title) in wanted:
            wb.remove(ws)
    positions = [i for i, name in enumerate(wb.sheetnames) if name in set(input_sheets)]
    index = positions[-1] + 1 if positions else len(wb.sheetnames)
    created = []
    bodies: list[SheetBody] = []
    memo: StyleMemo = {}  # the looks, worked out once for both sheets
    for offset, sheet in enumerate(sheets):
        ws = wb.create_sheet(sheet.name, index + offset)
        body = render(ws, sheet, cells=not direct, memo=memo)
        if body is not None:
            bodies.append(body)
        created.append(ws)
    if created:
        for ws in wb.worksheets:
            ws.sheet_view.tabSelected = False
        wb.active = wb.worksheets.index(created[0])
        created[0].sheet_view.tabSelected = True
    return bodies
