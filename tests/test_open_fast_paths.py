"""The fast paths of opening a workbook (issue 13) against the exact paths they shortcut.

Each fast path declines what it cannot read exactly; the tests build workbooks of both kinds
and check that the outcome, a refusal with its message or what is read, is the same as with
the fast path switched off, and that the canonical forms really take the fast path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_xl.model import WorkbookError
from lkjip_xl.reading import cellmeta, limits, opening
from lkjip_xl.reading.limits import Limits

from .corpus import NS, deflated, minimal_parts, minimal_xlsx, raw_zip, sheet_xml


def _outcome(path: Path, lim: Limits) -> tuple[str, object, object]:
    try:
        raw = opening.open_workbook(path, lim)
    except WorkbookError as exc:
        return ("refused", exc.reason, exc.detail)
    return ("read", {n: (s.rows, s.merged) for n, s in raw.sheets.items()}, raw.meta)


def _same_without(monkeypatch: pytest.MonkeyPatch, module: object, name: str,
                  replacement: object, path: Path, lim: Limits) -> tuple[str, object, object]:
    fast = _outcome(path, lim)
    with monkeypatch.context() as m:
        m.setattr(module, name, replacement)
        slow = _outcome(path, lim)
    assert repr(fast) == repr(slow)
    return fast


def _rows(n: int, cols: str = "ABC", attrs: str = ' t="n"') -> str:
    return "".join(f'<row r="{r}" spans="1:3">'
                   + "".join(f'<c r="{c}{r}"{attrs}><v>{r}</v></c>' for c in cols) + "</row>"
                   for r in range(1, n + 1))


# name, sheet body, whether the survey clears it without locating every cell
SHEETS = [
    ("canonical", _rows(20), True),
    ("canonical, empty styled cells", _rows(5) + '<row r="6"><c r="ZZ999" s="1"/></row>', True),
    ("a thousand rows, one letter", _rows(3) + '<row r="1200"><c r="B1200"><v>1</v></c></row>',
     True),
    ("a thousand rows, two letters", _rows(3) + '<row r="1200"><c r="AB1200"><v>1</v></c></row>',
     False),
    ("three letters", _rows(3) + '<row r="4"><c r="XFD4"><v>1</v></c></row>', False),
    ("far apart", '<row r="1"><c r="A1"><v>1</v></c></row>'
     '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', False),
    ("a second r", '<row r="1"><c r="A1" s="1" r="XFD9"><v>1</v></c></row>', False),
    ("a cell without r", _rows(2) + '<row r="3"><c r="Z3"><v>1</v></c>'
     + "<c><v>1</v></c>" * 3 + "</row>", False),
    ("a row without r", "<row>" + '<c r="A1"><v>1</v></c></row>', False),
    ("a bad row r", '<row r="x"><c r="A1"><v>1</v></c></row>', False),
    ("an unquoted attribute", '<row r="1"><c r="A1" s=1><v>1</v></c></row>', False),
    ("a prefixed cell", '<row r="1"><x:c r="A1"><v>1</v></x:c></row>', False),
    ("a tab in a tag", '<row r="1"><c\tr="A1"><v>1</v></c></row>', False),
    ("a comment hiding a cell", _rows(2) + '<!-- <c r="XFD1"><v>1</v></c> -->', False),
    ("a lower-case address", '<row r="1"><c r="a1"><v>1</v></c></row>', False),
]


@pytest.mark.parametrize(("name", "body", "fast"), SHEETS, ids=[s[0] for s in SHEETS])
@pytest.mark.parametrize("lim", [Limits(), Limits(max_cells=600), Limits(max_sheet_rows=1000,
                                                                        max_rows=1000)],
                         ids=["default", "max-cells-600", "max-rows-1000"])
def test_survey_bound_path_refuses_and_reads_as_the_exact_path(
        name: str, body: str, fast: bool, lim: Limits, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = sheet_xml(body)
    path = minimal_xlsx({"S": data})(tmp_path / "s.xlsx")
    _same_without(monkeypatch, limits, "_bounded", lambda *args: None, path, lim)
    cleared = limits._bounded(data, lim.row_limit, lim.max_cells)
    if lim == Limits():
        assert (cleared is not None) == fast, cleared
    if cleared is not None:  # a bound no smaller than the exact grid, within the limits
        grid = limits._Grid()
        grid.feed(path, "S", data)
        assert grid.last_row <= cleared[0] and grid.last_col <= cleared[1]
        assert cleared[0] <= lim.row_limit and cleared[0] * cleared[1] <= lim.max_cells


def test_a_large_canonical_sheet_is_bounded_by_the_second_tier(tmp_path: Path) -> None:
    """5,000 rows of columns A to C: not within 999 rows, within 99,999 x 26; with a cell limit
    below that bound it takes the exact path, which counts 5,000 x 3 and refuses under 15,000."""
    data = sheet_xml(_rows(5000))
    assert limits._bounded(data, 200_000, 5_000_000) == (99_999, 26)
    assert limits._bounded(data, 200_000, 2_000_000) is None
    path = minimal_xlsx({"S": data})(tmp_path / "big.xlsx")
    opening.check_container(path, Limits(max_cells=15_000))
    with pytest.raises(WorkbookError) as refused:
        opening.check_container(path, Limits(max_cells=14_999))
    assert refused.value.reason == "limit.cells" and "5,000 x 3" in refused.value.detail


def test_the_survey_returns_the_bound_of_a_cleared_sheet(tmp_path: Path) -> None:
    import zipfile

    path = minimal_xlsx({"S": sheet_xml(_rows(4)), "T": sheet_xml(_rows(2) + "<row>"
                                                                  "<c><v>1</v></c></row>")})(
        tmp_path / "two.xlsx")
    with zipfile.ZipFile(path) as zf:
        grids = Limits().survey(path, zf)
    assert grids == {"xl/worksheets/sheet1.xml": (999, 702),  # cleared: a bound
                     "xl/worksheets/sheet2.xml": (3, 3)}  # the exact path: the grid


def test_a_dtd_is_refused_whichever_part_holds_it(tmp_path: Path) -> None:
    """The DTD search runs only where a '!' is: a DTD in a sheet, in a part without
    sheetData, and as the very last tag are all refused."""
    dtd = '<!DOCTYPE x [<!ENTITY a "b">]>'
    for i, (sheets, extra) in enumerate([
        ({"S": f'<?xml version="1.0"?>{dtd}<worksheet {NS}><sheetData/></worksheet>'.encode()},
         None),
        ({"S": sheet_xml(_rows(2))}, {"xl/theme/theme1.xml": f"{dtd}<a/>".encode()}),
        ({"S": sheet_xml(_rows(2)) + b"<!ENTITY x 'y'>"}, None),
    ]):
        path = minimal_xlsx(sheets, extra)(tmp_path / f"dtd{i}.xlsx")
        with pytest.raises(WorkbookError) as refused:
            opening.check_container(path, Limits())
        assert refused.value.reason == "open.xml_dtd"


LARGE = [  # (name, sheet body > 1 MiB, cleared without locating every cell)
    ("canonical", _rows(12_000), True),
    ("a cell without r at the end", _rows(12_000) + '<row r="12001"><c r="C12001"><v>1</v>'
     "</c><c><v>2</v></c></row>", False),
    ("content below the row limit", _rows(12_000) + '<row r="300000"><c r="A300000"><v>1</v>'
     "</c></row>", False),
    ("a comment at the end", _rows(12_000) + "<!-- x -->", False),
]


@pytest.mark.parametrize(("name", "body", "cleared"), LARGE, ids=[s[0] for s in LARGE])
def test_large_sheets_are_bounded_piece_by_piece(
        name: str, body: str, cleared: bool, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet of more than 1 MiB is read in pieces; when every piece is cleared the survey
    stops there, otherwise it starts again and locates every cell: the same refusals and
    values either way (and a large part that is no sheet, shared strings, is read once)."""
    import zipfile

    data = sheet_xml(body)
    assert len(data) > limits.CHUNK
    shared = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              + "<si><t>teks panjang</t></si>" * 50_000 + "</sst>").encode()
    path = minimal_xlsx({"S": data}, shared=shared)(tmp_path / "large.xlsx")
    _same_without(monkeypatch, limits.Limits, "_large_part", lambda *args: None, path,
                  Limits())
    with zipfile.ZipFile(path) as zf:
        bound = Limits()._large_part(zf, zf.getinfo("xl/worksheets/sheet1.xml"), None)
        assert (bound is not None) == cleared
        assert Limits()._large_part(zf, zf.getinfo("xl/sharedStrings.xml"), None) == (0, 0)
    if cleared:
        assert bound == (99_999, 26)


# --- parts unpacked from the file's bytes ----------------------------------------------------

def _spoiled_zips(tmp_path: Path) -> dict[str, Path]:
    """A good minimal workbook written by hand with one sheet spoiled in a way the
    unpacking from the file's bytes must leave to zipfile."""
    import zlib

    sheet = sheet_xml(_rows(3))
    parts = minimal_parts({"S": sheet})
    variants: dict[str, tuple[bytes, int, int, int]] = {
        "good": deflated(sheet),
        "stored": (sheet, 0, zlib.crc32(sheet), len(sheet)),
        "bad CRC": (deflated(sheet)[0], 8, zlib.crc32(sheet) ^ 1, len(sheet)),
        "longer than declared": (deflated(sheet)[0], 8, zlib.crc32(sheet[:50]), 50),
        "shorter than declared": (deflated(sheet)[0], 8, zlib.crc32(sheet), len(sheet) + 7),
        "cut deflate stream": (deflated(sheet)[0][:-6], 8, zlib.crc32(sheet), len(sheet)),
        "not deflate": (b"\xff" * 40, 8, zlib.crc32(sheet), len(sheet)),
        "bzip2 method": (deflated(sheet)[0], 12, zlib.crc32(sheet), len(sheet)),
    }
    out = {}
    for i, (name, packed) in enumerate(variants.items()):
        entries = [(part, *(packed if part == "xl/worksheets/sheet1.xml" else deflated(data)))
                   for part, data in parts.items()]
        out[name] = raw_zip(tmp_path / f"z{i}.xlsx", entries)
    return out


def test_unpacking_from_the_file_bytes_leaves_anything_odd_to_zipfile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stored and deflated parts are unpacked from the file's bytes; a bad CRC, a size that
    lies either way, a cut or invalid deflate stream, another method: zipfile reads the
    part, with the same outcome as when the survey never has the file's bytes."""
    import zipfile

    for name, path in _spoiled_zips(tmp_path).items():
        outcome = _same_without(monkeypatch, limits, "whole_file", lambda zf: None, path,
                                Limits())
        with zipfile.ZipFile(path) as zf:
            packed = limits.whole_file(zf)
            assert packed == path.read_bytes()
            unpacked = limits.unpack(packed, zf.getinfo("xl/worksheets/sheet1.xml"))
        if name in ("good", "stored"):
            assert outcome[0] == "read" and unpacked == sheet_xml(_rows(3))
        else:
            assert unpacked is None, name
    # a zip entry marked encrypted, and a local header naming another part
    from .corpus import encrypted_entry

    locked = encrypted_entry(tmp_path / "locked.xlsx")
    assert _same_without(monkeypatch, limits, "whole_file", lambda zf: None, locked,
                         Limits())[1] == "open.password"
    renamed = tmp_path / "renamed.xlsx"
    data = _spoiled_zips(tmp_path)["good"].read_bytes()
    at = data.index(b"xl/worksheets/sheet1.xml")  # the local header's copy comes first
    renamed.write_bytes(data[:at] + b"xl/worksheets/sheetX.xml" + data[at + 24:])
    assert _same_without(monkeypatch, limits, "whole_file", lambda zf: None, renamed,
                         Limits())[1] == "open.corrupt"


# --- the sheet map and the percent styles, read with expat handlers --------------------------

_STYLES_HEAD = '<?xml version="1.0" encoding="UTF-8"?>'
STYLES = [
    ("canonical", f'<styleSheet {NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/>'
     '<numFmt numFmtId="165" formatCode="&quot;%&quot;0"/></numFmts>'
     '<cellStyleXfs><xf numFmtId="9"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/>'
     '<xf numFmtId="164"><alignment/></xf><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs>'
     '<dxfs><xf numFmtId="9"/></dxfs></styleSheet>', True),
    ("prefixed", '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
     '<x:cellXfs><x:xf numFmtId="9"/><x:xf numFmtId="0"/><x:xf numFmtId="9"/></x:cellXfs>'
     '</x:styleSheet>', True),
    ("cellXfs nested deeper", f'<styleSheet {NS}><a><cellXfs><xf numFmtId="9"/></cellXfs></a>'
     '</styleSheet>', True),
    ("two cellXfs", f'<styleSheet {NS}><cellXfs><xf numFmtId="0"/></cellXfs>'
     '<cellXfs><xf numFmtId="9"/></cellXfs></styleSheet>', True),
    ("no namespace", '<styleSheet><cellXfs><xf numFmtId="9"/></cellXfs></styleSheet>', True),
    ("malformed", f'<styleSheet {NS}><cellXfs><xf numFmtId="9"></cellXfs></styleSheet>', False),
    ("a bad number", f'<styleSheet {NS}><cellXfs><xf numFmtId="x"/></cellXfs></styleSheet>',
     True),
    ("a DTD", '<!DOCTYPE s [<!ENTITY e "9">]><styleSheet><cellXfs><xf numFmtId="&e;"/>'
     '</cellXfs></styleSheet>', False),
]


def _result(fn: object, *args: object) -> tuple[str, str]:
    try:
        return ("ok", repr(fn(*args)))  # type: ignore[operator]
    except Exception as exc:
        return (type(exc).__name__, str(exc))


@pytest.mark.parametrize(("name", "xml", "handled"), STYLES, ids=[s[0] for s in STYLES])
def test_percent_styles_as_the_parser_reads_them(name: str, xml: str, handled: bool) -> None:
    data = (_STYLES_HEAD + xml).encode()
    assert _result(cellmeta._percent_styles_of, lambda part: data) \
        == _result(cellmeta._percent_styles_parsed, data)
    declined = _result(cellmeta._elements, data, cellmeta._STYLE_TAGS)[0] != "ok"
    assert declined != handled
    if name == "canonical":
        assert cellmeta._percent_styles_of(lambda part: data) == {1, 3}


def test_percent_styles_through_a_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    """A percent-formatted cell found the same with the handler read and with the parser."""
    styles = (_STYLES_HEAD + STYLES[0][1]).encode()
    body = '<row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>1</v></c></row>'
    path = minimal_xlsx({"S": sheet_xml(body)}, {"xl/styles.xml": styles})(tmp_path / "p.xlsx")

    def declined(*args: object) -> object:
        raise ValueError("declined")

    read = _same_without(monkeypatch, cellmeta, "_elements", declined, path, Limits())
    assert read[2].percent == {"S": {"A1"}}  # type: ignore[union-attr]


_WB_NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_RELS_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
WORKBOOKS = [
    ("canonical", f'<workbook {NS} {_WB_NS_R}><sheets><sheet name="A" sheetId="1" r:id="rId1"/>'
     '<sheet name="B" sheetId="2" r:id="rId2"/><sheet name="C" r:id="rId9"/></sheets></workbook>',
     f'<Relationships {_RELS_NS}><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
     '<Relationship Id="rId2" Target="/xl/worksheets/../worksheets/sheet2.xml"/>'
     '<Relationship Id="rId1" Target="worksheets/sheet3.xml"/></Relationships>'),
    ("no relationships", f'<workbook {NS} {_WB_NS_R}><sheets><sheet name="A" r:id="rId1"/>'
     "</sheets></workbook>", None),
    ("malformed workbook", f"<workbook {NS}><sheets></workbook>", "<Relationships/>"),
    ("malformed relationships", f'<workbook {NS} {_WB_NS_R}><sheets><sheet name="A" r:id="x"/>'
     "</sheets></workbook>", "<Relationships>"),
    ("a DTD", '<!DOCTYPE w><workbook/>', "<Relationships/>"),
]


@pytest.mark.parametrize(("name", "workbook", "rels"), WORKBOOKS, ids=[w[0] for w in WORKBOOKS])
def test_sheet_map_as_the_parser_reads_it(name: str, workbook: str, rels: str | None,
                                          tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "wb.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", workbook)
        if rels is not None:
            zf.writestr("xl/_rels/workbook.xml.rels", rels)
    with zipfile.ZipFile(path) as zf:
        assert _result(cellmeta._sheet_parts, zf) == _result(cellmeta._sheet_parts_parsed, zf)
        if name == "canonical":
            assert cellmeta._sheet_parts(zf) == {"A": "xl/worksheets/sheet3.xml",
                                                 "B": "xl/worksheets/../worksheets/sheet2.xml"}


# --- control characters ----------------------------------------------------------------------

def test_clean_text_checks_cells_only_when_the_sheet_is_not_printable() -> None:
    printable = [["Capaian", 1.5, None, 3], ["100 %", "", True]]
    before = repr(printable)
    opening._clean_text(printable)
    assert repr(printable) == before
    # line breaks and a non-breaking space are not printable but not control characters:
    # kept, whether the sheet holds a control character elsewhere (the cell-by-cell path)
    # or not (the joined text is searched once)
    for rows, cleaned in [
        ([["a\xa0b", 2.0], ["baris\nkedua", "tab\tkept"]],
         [["a\xa0b", 2.0], ["baris\nkedua", "tab\tkept"]]),
        ([["a\xa0b", 2.0], ["x\x1b[31my", "\x85", "tab\tkept\r\n"]],
         [["a\xa0b", 2.0], ["x\ufffd[31my", "\ufffd", "tab\tkept\r\n"]]),
    ]:
        kept = [list(row) for row in rows]
        opening._clean_text(rows)
        assert rows == cleaned
        if kept == cleaned:  # nothing replaced: the very same objects
            assert all(a is b for ra, rb in zip(rows, kept, strict=True)
                       for a, b in zip(ra, rb, strict=True))


def test_control_characters_in_a_workbook_are_replaced(tmp_path: Path) -> None:
    body = ('<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>a_x001B_b</t></is></c></row>')
    path = minimal_xlsx({"S": sheet_xml(body)})(tmp_path / "c.xlsx")
    raw = opening.open_workbook(path)
    assert raw.sheets["S"].rows == [["ok", "a\ufffdb"]]


@pytest.mark.parametrize(("xml", "quick"), [
    (f'<styleSheet {NS}><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
     True),
    (f'<styleSheet {NS}><cellXfs><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs></styleSheet>',
     False),  # a built-in percent format
    (f"<styleSheet {NS}><cellXfs><xf numFmtId = ' 010 '/></cellXfs></styleSheet>", False),
    (f'<styleSheet {NS}><numFmts><numFmt numFmtId="164" formatCode="0%"/></numFmts>'
     '<cellXfs><xf numFmtId="164"/></cellXfs></styleSheet>', False),  # a custom one
    (f'<styleSheet {NS}><numFmts><numFmt numFmtId="164" formatCode="0&#37;"/></numFmts>'
     '<cellXfs><xf numFmtId="164"/></cellXfs></styleSheet>', False),  # hidden in a reference
    (f'<styleSheet {NS}><cellXfs><xf numFmtId="x"/></cellXfs></styleSheet>', False),
    (f'<styleSheet {NS}><cellXfs><xf numFmtId="0"></cellXfs></styleSheet>', False),
    ('<!DOCTYPE s><styleSheet><cellXfs><xf numFmtId="0"/></cellXfs></styleSheet>', False),
])
def test_styles_without_a_percent_format_skip_the_walk(xml: str, quick: bool) -> None:
    """The quick answer (no percent style) only where the walk gives the same; elsewhere the
    walk (or the parser) decides, with the same result or error as before."""
    data = (_STYLES_HEAD + xml).encode()
    assert cellmeta._no_percent_style(data) == quick
    assert _result(cellmeta._percent_styles_of, lambda part: data) \
        == _result(cellmeta._percent_styles_parsed, data)


def test_formula_tag_search_is_the_regex() -> None:
    """`has_formula_tag` (two searches) agrees with `_FORMULA_TAG` on random byte strings
    made of the pieces that matter (prefixes, '<f', ':f', `<formula1>`, white space)."""
    import random

    rng = random.Random(13)
    pieces = [b"<", b"f", b":", b"x", b" ", b">", b"/", b"\t", b"<f", b":f", b"<x:f", b"a.b",
              b"-", b"1", b"_", b"<formula1>", b"<foo:f>", b"<c r=\"A1\">"]
    hits = 0
    for _ in range(20_000):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = cellmeta._FORMULA_TAG.search(data) is not None
        assert cellmeta.has_formula_tag(data) == expected, data
        hits += expected
    assert 1_000 < hits < 19_000  # both answers were tried


def test_the_survey_hands_canonical_sheets_to_the_metadata_scan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet the survey cleared is known to have canonical cell tags: the metadata scan's
    fast path skips checking them again and finds what the parser finds; a sheet the survey
    did not clear (an '&' in a cell attribute, a cell far away) is checked in full."""
    cells = ('<c r="A1" t="e"><v>#DIV/0!</v></c><c r="B1"><f>SUM(A1:A2)</f></c>'
             '<c r="C1" s="1"><f>1/0</f><v>2</v></c>')
    sheets = {
        "Cleared": sheet_xml(f'<row r="1">{cells}</row>'),
        "Amp": sheet_xml(f'<row r="1">{cells}<c r="D1" x="a&amp;b"><v>1</v></c></row>'),
        "Far": sheet_xml(f'<row r="1">{cells}</row><row r="5000"><c r="AB5000"><v>1</v></c>'
                         "</row>"),
        # a prefixed formula (its sheet is not cleared: the scan looks for <x:f> there)
        "Prefixed": sheet_xml(f'<row r="1">{cells}<c r="D1"><x:f xmlns:x="{NS[7:-1]}">1+1'
                              "</x:f></c></row>"),
    }
    path = minimal_xlsx(sheets)(tmp_path / "meta.xlsx")
    unpacked = opening.check_container(path, Limits())
    assert unpacked.canonical == {"xl/worksheets/sheet1.xml"}
    prefixed = sheet_xml(f'<row r="1"><c r="D1"><x:f xmlns:x="{NS[7:-1]}">1+1</x:f></c></row>')
    assert cellmeta.has_formula_tag(prefixed) and not cellmeta.has_formula_tag(prefixed, False)

    def parser_only(*args: object, **kwargs: object) -> bool:
        return False

    read = _same_without(monkeypatch, cellmeta, "_scan_sheet_fast", parser_only, path,
                         Limits())
    meta = read[2]
    for name in sheets:
        assert meta.errors[name] == {"A1": "#DIV/0!"}  # type: ignore[union-attr]
        prefixed_cell = {"D1"} if name == "Prefixed" else set()
        assert meta.formula_cells[name] == {"B1", "C1", *prefixed_cell}  # type: ignore[union-attr]
    # with the hand-over, the cleared sheet's fast path does not check its tags again
    calls: list[bool] = []
    plain = cellmeta._plain

    def spy(data: bytes, cells_canonical: bool = False) -> bool:
        calls.append(cells_canonical)
        return plain(data, cells_canonical)

    monkeypatch.setattr(cellmeta, "_plain", spy)
    assert repr(_outcome(path, Limits())) == repr(read)
    assert sorted(calls) == [False, False, False, True]


# --- the file read once, the zip opened from its bytes ---------------------------------------

def _refusal(path: Path, lim: Limits, wanted: object = None) -> tuple[str, str]:
    try:
        opening.check_container(path, lim, wanted)  # type: ignore[arg-type]
    except WorkbookError as exc:
        return exc.reason, exc.detail
    return "", ""


def test_the_zip_read_from_the_bytes_in_hand_refuses_as_read_from_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that fits in PACKED_MAX is read once and its zip opened from those bytes; a
    larger one is opened from disk as it always was: every case of the hardening corpus
    (not a zip, truncated, a bomb, an .xls renamed, ...) is refused alike, with the same
    detail, and a folder, a missing file and a link to itself as well."""
    from .corpus import CASES, build_all

    files = build_all(tmp_path / "corpus")
    loop = tmp_path / "loop.xlsx"
    loop.symlink_to(loop)
    (tmp_path / "folder.xlsx").mkdir()
    files.update({"loop": loop, "missing": tmp_path / "tidak_ada.xlsx",
                  "folder": tmp_path / "folder.xlsx"})
    limits_of = {c.name: Limits().replace(**dict(c.limits)) for c in CASES}
    wanted = {"all sheets": None, "Identitas only": lambda name: name == "Identitas"}
    seen = set()
    for name, path in files.items():
        for how, sheets in wanted.items():
            lim = limits_of.get(name, Limits())
            in_hand = _refusal(path, lim, sheets)
            with monkeypatch.context() as m:
                m.setattr(opening, "PACKED_MAX", 0)  # every file too large to hold: from disk
                from_disk = _refusal(path, lim, sheets)
            assert in_hand == from_disk, (name, how)
            if in_hand[0] not in ("open.not_found", "open.is_directory", "open.empty"):
                with monkeypatch.context() as m:  # the file grew after its size was taken
                    m.setattr(opening, "_size", lambda p, lim, size=opening._size:
                              size(p, lim) - 1)
                    assert _refusal(path, lim, sheets) == from_disk, (name, how, "grown")
            seen.add(in_hand[0])
    assert {"open.not_found", "open.is_directory", "open.empty", "open.not_zip",
            "open.corrupt", "open.legacy_xls", "limit.parts", ""} <= seen


def test_a_markup_declaration_is_found_from_the_exclamation_marks() -> None:
    """`limits._declares` (which sends a part with a DTD, a comment or CDATA to the exact
    survey) answers as `b"<!" in data` does, for few '!'s and for many, at either end."""
    import random

    rng = random.Random(13)
    cases = [b"", b"!", b"<", b"<!", b"!<", b"!<!", b"a!" * 40 + b"<!", b"<!" + b"a!" * 40,
             b"a!" * 16 + b"<!", b"a!" * 15 + b"<!", b"!" * 17, b"<" + b"!" * 17]
    for _ in range(3000):
        cases.append(bytes(rng.choice(b"<!a>") for _ in range(rng.randint(0, 60))))
    assert {limits._declares(c) for c in cases} == {True, False}
    for data in cases:
        assert limits._declares(data) == (b"<!" in data), data
