"""The Ringkasan and Temuan cells written straight into the saved part (`writers/sheetxml.py`)
give the workbook openpyxl gives when it renders every cell itself (`sheets._cells`, the
fallback): compared as openpyxl loads both back (values, types, every style, comments,
links, merged ranges, widths, heights, print settings, views, chart, defined names), and
every other part of the zip byte for byte, on the examples, the real-report corpus and the
generated workbooks of the golden test; and on layouts built to hold every edge case."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from lkjip_xl.output_sheets import ChartSpec, OutCell, OutSheet

ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = sorted([*ROOT.glob("examples/*.xlsx"), *ROOT.glob("examples/real/*.xlsx"),
                    *ROOT.glob("tests/golden/inputs/*.xlsx")])


def _xml(obj: Any) -> object:
    """An openpyxl object as the XML it writes (its repr may show object ids)."""
    from xml.etree.ElementTree import tostring

    tree = obj.to_tree() if hasattr(obj, "to_tree") else None
    return repr(obj) if tree is None else tostring(tree)


def _style(c: Any) -> tuple:
    return (repr(c.font), repr(c.fill), repr(c.border), repr(c.alignment), c.number_format,
            repr(c.protection))


def loaded(path: Path) -> dict[str, Any]:
    """What openpyxl reads back from `path`, in comparable form."""
    from openpyxl import load_workbook

    wb = load_workbook(path, rich_text=True)
    result: dict[str, Any] = {
        "sheets": wb.sheetnames, "active": wb.active.title,
        "names": sorted((n, repr(d.attr_text)) for n, d in wb.defined_names.items()),
        "calc": repr(wb.calculation),
    }
    for ws in wb.worksheets:
        cells = {}
        for (r, c), cell in sorted(ws._cells.items()):
            cells[r, c] = (type(cell).__name__, repr(cell.value), cell.data_type,
                           _style(cell) if cell.has_style else None,
                           None if cell.comment is None else (
                               cell.comment.text, cell.comment.author,
                               cell.comment.width, cell.comment.height),
                           None if cell.hyperlink is None else (
                               cell.hyperlink.location, cell.hyperlink.display,
                               cell.hyperlink.target))
        result[ws.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "dimension": ws.calculate_dimension(),
            "cols": sorted((k, repr(d)) for k, d in ws.column_dimensions.items()),
            "rows": sorted((k, d.height, d.customHeight) for k, d in ws.row_dimensions.items()),
            "page": (_xml(ws.page_setup), _xml(ws.page_margins), _xml(ws.print_options),
                     ws.print_title_rows, ws.print_title_cols, repr(ws.print_area),
                     _xml(ws.row_breaks), _xml(ws.col_breaks), _xml(ws.HeaderFooter),
                     _xml(ws.sheet_properties)),
            "view": (ws.freeze_panes, repr(ws.sheet_view), ws.auto_filter.ref,
                     repr(ws.protection), ws.sheet_state),
            "validations": repr(ws.data_validations.dataValidation),
            "conditional": repr(list(ws.conditional_formatting)),
            "charts": len(ws._charts),
        }
    return result


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _tree(xml: bytes) -> tuple:
    """An XML document as nested (tag, attributes, text, tail, children), namespaces
    resolved: equal for two serialisations of the same tree."""
    from xml.etree.ElementTree import fromstring

    def walk(e: Any) -> tuple:
        return (e.tag, sorted(e.attrib.items()), e.text, e.tail, [walk(c) for c in e])

    return walk(fromstring(xml))


def written(path: Path, part: str) -> dict[str, Any]:
    """A worksheet part as Excel and LibreOffice read it: every <c> with its type, value and
    style resolved through styles.xml (font, fill, border, number format, alignment,
    protection), the rows' attributes, the merged ranges as a set, and every other element
    as written. openpyxl's own loading cannot show this: it rebuilds the borders of merged
    cells from the first cell of the range."""
    from xml.etree.ElementTree import fromstring, tostring

    from openpyxl.styles.numbers import BUILTIN_FORMATS

    with zipfile.ZipFile(path) as zf:
        styles, sheet = fromstring(zf.read("xl/styles.xml")), fromstring(zf.read(part))
    formats = {int(f.get("numFmtId")): f.get("formatCode")
               for f in styles.iter(f"{_NS}numFmt")}

    def listed(tag: str) -> list[bytes]:
        found = styles.find(f"{_NS}{tag}")
        return [] if found is None else [tostring(x) for x in found]

    fonts, fills, borders = listed("fonts"), listed("fills"), listed("borders")
    xfs = []
    for xf in styles.find(f"{_NS}cellXfs"):
        number = int(xf.get("numFmtId", 0))
        xfs.append((formats.get(number, BUILTIN_FORMATS.get(number)),
                    fonts[int(xf.get("fontId", 0))], fills[int(xf.get("fillId", 0))],
                    borders[int(xf.get("borderId", 0))],
                    [tostring(child) for child in xf]))
    cells, rows = {}, {}
    for row in sheet.find(f"{_NS}sheetData"):
        rows[row.get("r")] = sorted(row.attrib.items())
        for c in row:
            style = c.get("s")
            cells[c.get("r")] = (c.get("t"), None if style is None else xfs[int(style)],
                                 [tostring(child) for child in c])
    rest = [tostring(el) for el in sheet
            if el.tag not in (f"{_NS}sheetData", f"{_NS}mergeCells")]
    merges = sheet.find(f"{_NS}mergeCells")
    return {"cells": cells, "rows": rows, "rest": rest,
            "merged": None if merges is None else (merges.get("count"), sorted(
                m.get("ref") for m in merges))}


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n != "docProps/core.xml"}


def _fix_both(src: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    from lkjip_xl.fixing import prepare_fix, write_fix
    from lkjip_xl.writers import sheets

    prepared = prepare_fix(src)
    direct = write_fix(prepared, tmp / f"{src.stem}.direct.xlsx")
    with monkeypatch.context() as m:
        m.setattr(sheets, "frame", lambda ws, sheet, memo=None: None)  # openpyxl renders all
        full = write_fix(prepared, tmp / f"{src.stem}.full.xlsx")
    return direct, full


def _sheet_parts(path: Path, titles: tuple[str, ...]) -> set[str]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    index = [wb.sheetnames.index(t) + 1 for t in titles if t in wb.sheetnames]
    wb.close()
    return {f"xl/worksheets/sheet{i}.xml" for i in index}


@pytest.mark.parametrize("src", WORKBOOKS, ids=lambda p: p.name)
def test_fix_writes_the_workbook_openpyxl_writes(src: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from lkjip_xl.schema import SHEET_FINDINGS, SHEET_SUMMARY

    direct, full = _fix_both(src, tmp_path, monkeypatch)
    a, b = loaded(direct), loaded(full)
    assert a.keys() == b.keys()
    for key in a:
        assert a[key] == b[key], key
    assert SHEET_SUMMARY in a and SHEET_FINDINGS in a
    assert len(a[SHEET_FINDINGS]["cells"]) > 10
    # every other part byte for byte (the time stamp of docProps/core.xml aside; styles.xml
    # lists the same styles, registered in another order: compared cell by cell above)
    new = _sheet_parts(direct, (SHEET_SUMMARY, SHEET_FINDINGS))
    pa, pb = _parts(direct), _parts(full)
    assert pa.keys() == pb.keys()
    assert [n for n in pa if n not in new | {"xl/styles.xml"} and pa[n] != pb[n]] == []
    # the new sheets as Excel and LibreOffice read them, merged cells' borders included
    assert len(new) == 2
    for part in new:
        assert written(direct, part) == written(full, part), part


def test_fix_writes_the_same_bytes_every_time(tmp_path: Path) -> None:
    from lkjip_xl.fixing import prepare_fix, write_fix

    prepared = prepare_fix(ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx")
    one = _parts(write_fix(prepared, tmp_path / "one.xlsx"))
    two = _parts(write_fix(prepared, tmp_path / "two.xlsx"))
    assert one == two


def _c(value: object = None, style: str = "", link: str = "", span: int = 1) -> OutCell:
    return OutCell(value, style, link, span)


EDGE = (
    (_c("Judul & <ringkasan> \"x\"", "title", span=4), _c(None, "title"), _c(None, "title"),
     _c(None, "title")),
    (_c("  spasi di depan", "text+box"), _c("di belakang  ", "text+box"), _c("   ", "text+box"),
     _c("", "text+box"), _c("baris\nkedua\r\nketiga\tdan tab", "wrap+box")),
    (_c(True, "text+box"), _c(False), _c(0), _c(-1.5e-7, "percent+box"), _c(12345678901234567890),
     _c(87.605, "number"), _c(2**53 + 1)),
    (_c(None, "header", span=2), _c(None, "header"), _c("a", "header", span=3),
     _c(None, "header"), _c(None, "text+box"), _c(None, "", span=2), _c("x", "header")),
    (_c(None, "", link="'Lampiran II'!J12"), _c("F26", "link+box", link="'Keuangan'!F26"),
     _c("tautan \"kutip\" & <", "link+box", link="'A&B ''x'''!A1"),
     _c("no span", "mark:review", span=1), _c("L", "mark:review", span=2), _c("R", "text+box")),
    (),
    (_c(None, "section"), _c(3, "header", link="'Temuan'!A1", span=2), _c(None, "header")),
)


@pytest.mark.parametrize("rows", [EDGE, EDGE[:1], ((),), ((_c(None, "text+box"),),)])
def test_edge_cases_are_written_as_openpyxl_writes_them(rows: tuple, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    from openpyxl import Workbook

    from lkjip_xl.writers import sheets
    from lkjip_xl.writers.styles import look
    from lkjip_xl.writers.workbook import save_sized

    for key in ("title", "text+box", "wrap+box", "percent+box", "number", "header",
                "link+box", "mark:review", "section"):
        look(key)  # every key used is one the writer knows
    chart = ChartSpec("Capaian", 2, 3, 1, 2, 3, "J2", "%") if len(rows) > 3 else None
    sheet = OutSheet("Ringkasan", rows, widths={1: 20, 2: 9, 5: 40}, freeze="A2",
                     autofilter="A1:C3" if len(rows) > 3 else None, chart=chart,
                     print_rows="1:1", breaks=(3,) if len(rows) > 3 else (),
                     footer="&C&P", tall_rows={2: 40.0})

    def build(path: Path, direct: bool) -> Path:
        wb = Workbook()
        wb.active.title = "Data"
        wb["Data"]["A1"] = "data"
        ws = wb.create_sheet(sheet.name)
        body = sheets.render(ws, sheet, cells=not direct)
        assert (body is not None) == direct
        save_sized(wb, path, [body] if body else [])
        return path

    direct, full = build(tmp_path / "direct.xlsx", True), build(tmp_path / "full.xlsx", False)
    assert loaded(direct) == loaded(full)
    part = "xl/worksheets/sheet2.xml"
    assert written(direct, part) == written(full, part)


@pytest.mark.parametrize("value", ["bel\x07", "lone \ud800", "x" * 32_768, float("nan"),
                                   object()])
def test_values_it_cannot_write_are_left_to_openpyxl(value: object) -> None:
    from openpyxl import Workbook

    from lkjip_xl.writers.sheetxml import frame

    ws = Workbook().active
    sheet = OutSheet("Temuan", ((_c("ok", "body"), _c(value, "body")),))
    assert frame(ws, sheet) is None
    assert not ws._cells  # nothing was put into the sheet


@pytest.mark.parametrize("src", WORKBOOKS, ids=lambda p: p.name)
def test_notes_vml_is_what_openpyxl_writes(src: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The notes' VML written as text (`workbook.comments_vml`) is, byte for byte, what
    openpyxl's ShapeWriter writes with the anchors added; so is every other part."""
    from lkjip_xl.fixing import prepare_fix, write_fix
    from lkjip_xl.writers import workbook

    prepared = prepare_fix(src)
    direct = _parts(write_fix(prepared, tmp_path / "direct.xlsx"))
    monkeypatch.setattr(workbook, "DIRECT_VML", False)
    built = _parts(write_fix(prepared, tmp_path / "built.xlsx"))
    assert direct.keys() == built.keys()
    from openpyxl.xml import LXML

    # With lxml installed (the import extra brings it) openpyxl declares the namespaces on
    # every element; the direct VML is what it writes without lxml: the same tree.
    differ = [n for n in direct if direct[n] != built[n]
              and not (LXML and n.endswith(".vml") and _tree(direct[n]) == _tree(built[n]))]
    assert differ == []
    vml = [n for n in direct if n.endswith(".vml")]
    if prepared.plan.changes or prepared.plan.marks:
        assert vml and all(b"<ns2:Anchor>" in direct[n] for n in vml)


@pytest.mark.parametrize("src", WORKBOOKS, ids=lambda p: p.name)
def test_comments_part_is_what_openpyxl_writes(src: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The notes' part written as text (`workbook.comments_xml`) is, byte for byte, what
    openpyxl's CommentSheet writes; so is every other part of the corrected workbook."""
    from lkjip_xl.fixing import prepare_fix, write_fix
    from lkjip_xl.writers import workbook

    prepared = prepare_fix(src)
    direct = _parts(write_fix(prepared, tmp_path / "direct.xlsx"))
    monkeypatch.setattr(workbook, "DIRECT_COMMENTS", False)
    built = _parts(write_fix(prepared, tmp_path / "built.xlsx"))
    assert direct.keys() == built.keys()
    assert [n for n in direct if direct[n] != built[n]] == []
    if prepared.plan.changes or prepared.plan.marks:
        assert any(n.startswith("xl/comments/") for n in direct)


NOTE_TEXTS = [
    "Semula 81,41; dihitung 95,12 = 565 / 594 x 100 (aturan CAP001)",
    "two\nlines\twith a tab",
    "a & b < c > d \"quoted\" 'single'",
    "Rp 1.697 – ≥ 90 % ✓ 😀 ﻿ zero-width\u200bspace",
    "--- lkjip-xl ---\nPeriksa: x",
    # openpyxl writes these itself (None from comments_xml), with the same result
    " leading space", "trailing space ", "", "carriage\r\nreturn", "\n",
]


@pytest.mark.parametrize("text", NOTE_TEXTS)
@pytest.mark.parametrize("author", ["lkjip-xl", "Ana & Budi <staf>", "Rénata"])
def test_comments_xml_matches_openpyxl(text: str, author: str) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.comments.comment_sheet import CommentRecord, CommentSheet
    from openpyxl.xml.functions import tostring

    from lkjip_xl.writers.workbook import comments_xml

    ws = Workbook().active
    ws["B3"].comment = Comment(text, author)
    ws["A10"].comment = Comment("other", "lkjip-xl")
    ws["AB7"].comment = Comment(text, "lkjip-xl")
    records = [CommentRecord.from_cell(c) for c in (ws["B3"], ws["A10"], ws["AB7"])]
    direct = comments_xml(records)
    plain = text and text == text.strip() and "\r" not in text
    assert (direct is not None) == bool(plain)
    if direct is not None:
        assert direct == tostring(CommentSheet.from_comments(records).to_tree())


def test_row_heights_go_into_the_rows_openpyxl_wrote_without_attributes() -> None:
    """The layout's row heights are written on the <row> elements (openpyxl is not given
    them); a row openpyxl wrote with attributes of its own is never overwritten."""
    from lkjip_xl.writers.sheetxml import SheetBody

    part = (b'<worksheet><dimension ref="A1:A1" /><sheetData><row r="1"><c r="A1" s="3" '
            b't="n" /></row></sheetData></worksheet>')
    body = SheetBody(None, {(1, 1): ("x", ("look", "a")), (3, 1): ("y", ("look", "a"))}, [],
                     [], reps={("look", "a"): (1, 1)}, heights={1: 43.5, 2: 22.0, 3: 30})
    xml = body.xml(part)
    assert (b'<row r="1" ht="43.5" customHeight="1"><c r="A1" s="3" t="inlineStr">'
            b'<is><t>x</t></is></c></row><row r="2" ht="22" customHeight="1" />'
            b'<row r="3" ht="30" customHeight="1"><c r="A3" s="3" t="inlineStr">') in xml
    own = part.replace(b'<row r="1">', b'<row r="1" hidden="1">')
    with pytest.raises(ValueError, match="row 1"):
        SheetBody(None, {(1, 1): ("x", ("look", "a"))}, [], [], reps={("look", "a"): (1, 1)},
                  heights={1: 30.0}).xml(own)
