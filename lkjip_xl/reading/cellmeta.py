"""What python-calamine does not tell: error values, formulas without a cached value, and
cells shown in Excel's percent format. A light scan of the raw sheet XML, run only on the
sheets whose bytes show one of these can be there, so the common clean workbook costs a zip
read and a few byte searches. XML is parsed with defusedxml (no entity expansion, no DTDs),
incrementally for the sheets; their size was limited before (`limits.py`).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .limits import Limits

NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
PERCENT_BUILTIN_FORMATS = {9, 10}
_QUOTED = re.compile(r'"[^"]*"|\\.')
# A formula element, <f>, <f t="shared" .../> or <x:f>; not <formula1> of a data validation
# (every template sheet has those), which would send each sheet to the slow full parse.
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")


@dataclass(slots=True)
class CellMeta:
    """Per sheet name: address -> detail."""

    errors: dict[str, dict[str, str]] = field(default_factory=dict)  # '#DIV/0!'
    formulas: dict[str, dict[str, str]] = field(default_factory=dict)  # no cached value
    percent: dict[str, set[str]] = field(default_factory=dict)  # Excel % format
    # every cell holding a formula, with or without a cached value (`fix` never overwrites
    # them: `writers.preserve.formula_cells` without reading the zip again)
    formula_cells: dict[str, set[str]] = field(default_factory=dict)

    def error_at(self, sheet: str, address: str) -> str | None:
        return self.errors.get(sheet, {}).get(address)

    def formula_at(self, sheet: str, address: str) -> str | None:
        return self.formulas.get(sheet, {}).get(address)

    def is_percent(self, sheet: str, address: str) -> bool:
        return address in self.percent.get(sheet, ())


@dataclass(slots=True)
class Unpacked:
    """What the container checks (`opening.check_container`) already read of the zip: the
    sheet map (None when it could not be read then) and the parts they kept unpacked."""

    sheet_parts: dict[str, str] | None = None  # sheet name -> part
    parts: dict[str, bytes] = field(default_factory=dict)  # part -> its bytes
    # the parts of `parts` whose every cell start tag the survey found canonical
    canonical: set[str] = field(default_factory=set)
    # the file's bytes the checks ran on (a file up to `limits.PACKED_MAX`), for calamine to
    # read those same bytes rather than the file again (which may have changed meanwhile)
    data: bytes | None = None


def scan_cell_meta(path: Path, sheet_names: tuple[str, ...], limits: Limits,
                   unpacked: Unpacked | None = None) -> CellMeta:
    """The metadata of `sheet_names`. With `unpacked`, the parts the container checks kept
    are not read again, and the zip is opened only for a part they did not keep."""
    meta = CellMeta()
    cached = unpacked.parts if unpacked is not None else {}
    # the bytes the container checks ran on, when they kept them: the same file
    source: Path | io.BytesIO = io.BytesIO(unpacked.data) \
        if unpacked is not None and unpacked.data is not None else path
    zf: zipfile.ZipFile | None = None

    def read(part: str) -> bytes:
        nonlocal zf
        if part in cached:
            return cached[part]
        if zf is None:
            zf = zipfile.ZipFile(source)
        return zf.read(part)

    try:
        if unpacked is not None and unpacked.sheet_parts is not None:
            parts = unpacked.sheet_parts
        else:
            zf = zipfile.ZipFile(source)
            parts = _sheet_parts(zf)
        percent_styles = _percent_styles_of(read)
        # whether a sheet holds ' s="N"' for a percent style N: one search for them all (a
        # pass over a large sheet costs as much for one needle as for several)
        percent_style = re.compile(b' s="(?:%s)"' % b"|".join(
            str(i).encode() for i in sorted(percent_styles))).search if percent_styles else None
        names: set[str] | None = None
        for name in sheet_names:
            part = parts.get(name)
            if part is None:
                continue
            if part not in cached:
                if zf is None:
                    zf = zipfile.ZipFile(source)
                if names is None:
                    names = set(zf.namelist())
                if part not in names:
                    continue
            data = read(part)
            # canonical: the survey found every cell tag canonical, and no prefixed <x:f>
            canonical = unpacked is not None and part in unpacked.canonical and part in cached
            wanted = (
                data.rfind(b't="e"') >= 0  # (from the end: its skip byte 't' is rarer than '"')
                or has_formula_tag(data, prefixed=not canonical)
                or (percent_style is not None and percent_style(data) is not None)
            )
            if wanted and not _scan_sheet_fast(data, name, percent_styles, meta, canonical):
                _scan_sheet(data, name, percent_styles, meta)
    finally:
        if zf is not None:
            zf.close()
    return meta


_PLAIN_FORMULA = re.compile(rb"<f[\s>/]")
_PREFIXED_FORMULA_END = re.compile(rb":f[\s>/]")


def has_formula_tag(data: bytes, prefixed: bool = True) -> bool:
    """`_FORMULA_TAG.search(data) is not None`, found with two searches that stop only at a
    '<f' or a ':' (the regex itself tries a namespace prefix at every '<' of the sheet: 1.4 ms
    for a sheet of 300 kegiatan; `<formula1>` of a data validation is no formula).
    `prefixed=False`: the caller knows `data` holds no ':f' followed by a space, '>' or '/'
    (the limits survey's `_bounded` cleared it), so only the unprefixed tag is searched."""
    if _PLAIN_FORMULA.search(data):
        return True
    if not prefixed:
        return False
    for hit in _PREFIXED_FORMULA_END.finditer(data):
        # a prefixed <x:f>: the tag starts at the '<' before (a prefix holds none)
        at = hit.start()
        start = data.rfind(b"<", 0, at)
        if start >= 0 and (m := _FORMULA_TAG.match(data, start)) and m.end() == at + 3:
            return True
    return False


def _parse(data: bytes):
    from defusedxml.ElementTree import fromstring

    return fromstring(data, forbid_dtd=True)


class _Declined(Exception):
    """The handler parse met something only the full parser may judge (a DTD)."""


def _declined(*args: object) -> None:
    raise _Declined


def _decline_dtd(parser: object) -> None:
    """Make an expat parser stop at a DTD or an entity declaration (the caller then hands
    the part to the defusedxml path, which refuses or reads it as before)."""
    for handler in ("StartDoctypeDeclHandler", "EntityDeclHandler",
                    "UnparsedEntityDeclHandler", "ExternalEntityRefHandler"):
        setattr(parser, handler, _declined)


def _elements(data: bytes, wanted: frozenset[str]) -> list[tuple[int, str, dict[str, str]]]:
    """(depth, tag, attributes) of the elements named in `wanted` (expat's 'uri}local'
    names; the root is at depth 0) and of every child of the root, in document order:
    expat reads the XML in C and calls Python only at element boundaries, where the tree of
    `_parse` costs a few objects per element. Raises on anything the full parser must see
    (malformed XML, a DTD): the callers then fall back to `_parse`, which raises as it always
    did."""
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator="}")
    found: list[tuple[int, str, dict[str, str]]] = []
    depth = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        if name in wanted or depth == 1:
            found.append((depth, name, attrs))
        depth += 1

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    _decline_dtd(parser)
    parser.Parse(data, True)
    return found


_MAIN, _PKG_REL = NS_MAIN[1:], NS_PKG_REL[1:]  # as expat names them: 'uri}'
_WORKBOOK_TAGS = frozenset({f"{_MAIN}sheet"})
_RELS_TAGS = frozenset({f"{_PKG_REL}Relationship"})
_REL_ID = f"{NS_REL[1:]}id"


def _sheet_parts(zf: zipfile.ZipFile, read: Callable[[str], bytes] | None = None,
                 parsed: dict[str, list[tuple[int, str, dict[str, str]]]] | None = None
                 ) -> dict[str, str]:
    """Sheet name -> zip part name, from workbook.xml and its relationships (`read`: how to
    unpack a part, `zf.read` by default; `parsed` gets the relationships' elements, when
    they were read so)."""
    read = read or zf.read
    # in the order of `_sheet_parts_parsed`, which redoes it all on any doubt
    try:
        sheets = _elements(read("xl/workbook.xml"), _WORKBOOK_TAGS)
    except Exception:  # malformed, a DTD, ...: the parser says what (or reads it after all)
        return _sheet_parts_parsed(zf)
    try:
        rels_xml = read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    try:
        rels = _elements(rels_xml, _RELS_TAGS)
    except Exception:
        return _sheet_parts_parsed(zf)
    if parsed is not None:
        parsed["xl/_rels/workbook.xml.rels"] = rels
    targets = {attrs.get("Id"): attrs.get("Target", "") for _, _, attrs in rels}
    parts: dict[str, str] = {}
    for _, _, attrs in sheets:
        target = targets.get(attrs.get(_REL_ID), "")
        if not target:
            continue
        parts[attrs.get("name", "")] = _part_of(target)
    return parts


def _part_of(target: str) -> str:
    """The zip part a workbook relationship's Target names (absolute, or relative to xl/)."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(
        posixpath.join("xl", target))


def _sheet_parts_parsed(zf: zipfile.ZipFile) -> dict[str, str]:
    """`_sheet_parts` with the full parser (defusedxml), for what `_elements` declines."""
    workbook = _parse(zf.read("xl/workbook.xml"))
    try:
        rels = _parse(zf.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{NS_PKG_REL}Relationship")
    }
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{NS_REL}id"), "")
        if not target:
            continue
        parts[sheet.get("name", "")] = _part_of(target)
    return parts


def _percent_styles(zf: zipfile.ZipFile) -> set[int]:
    """Indexes of cellXfs whose number format shows a percent."""
    return _percent_styles_of(zf.read)


_STYLE_TAGS = frozenset({f"{_MAIN}numFmt", f"{_MAIN}cellXfs", f"{_MAIN}xf"})


def _percent_styles_of(read: Callable[[str], bytes]) -> set[int]:
    try:
        data = read("xl/styles.xml")
    except KeyError:
        return set()
    if _no_percent_style(data):
        return set()
    try:
        found = _elements(data, _STYLE_TAGS)
    except Exception:  # malformed, a DTD, ...: the parser says what (or reads it after all)
        return _percent_styles_parsed(data)
    # as `_percent_styles_parsed`: every numFmt, then the xf children of the root's first
    # cellXfs child
    percent_formats = set(PERCENT_BUILTIN_FORMATS)
    for _, tag, attrs in found:
        if tag == f"{_MAIN}numFmt":
            code = _QUOTED.sub("", attrs.get("formatCode", ""))
            if "%" in code:
                percent_formats.add(int(attrs.get("numFmtId", "-1")))
    result: set[int] = set()
    xfs = next((at for at, (depth, tag, _) in enumerate(found)
                if depth == 1 and tag == f"{_MAIN}cellXfs"), None)
    if xfs is not None:
        index = 0
        for depth, tag, attrs in found[xfs + 1:]:
            if depth <= 1:
                break  # the cellXfs ended (the next element found is outside it)
            if depth == 2 and tag == f"{_MAIN}xf":
                if int(attrs.get("numFmtId", "0")) in percent_formats:
                    result.add(index)
                index += 1
    return result


_NUMFMT_ID = re.compile(rb"""numFmtId\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _no_percent_style(data: bytes) -> bool:
    """Whether styles.xml certainly has no percent style, shown without walking its
    elements: well-formed without a DTD (expat, no Python handler), no '%' (so no custom
    percent format: a character reference could hide one, and is not allowed either), and
    every numFmtId value in the part a number other than 9 and 10 (the built-in percent
    formats) that the walk would read without error. False when any of it is not so: the
    walk then decides (and raises what it raises)."""
    if b"%" in data or b"&" in data:
        return False
    values = [a or b for a, b in _NUMFMT_ID.findall(data)]
    try:
        if any(int(value.decode("utf-8")) in PERCENT_BUILTIN_FORMATS for value in values):
            return False
    except ValueError:  # not a number (the walk raises), or not UTF-8
        return False
    return _well_formed(data, no_dtd=True)


def _percent_styles_parsed(data: bytes) -> set[int]:
    """`_percent_styles_of` with the full parser (defusedxml), for what `_elements` declines."""
    styles = _parse(data)
    percent_formats = set(PERCENT_BUILTIN_FORMATS)
    for fmt in styles.iter(f"{NS_MAIN}numFmt"):
        code = _QUOTED.sub("", fmt.get("formatCode", ""))
        if "%" in code:
            percent_formats.add(int(fmt.get("numFmtId", "-1")))
    result: set[int] = set()
    xfs = styles.find(f"{NS_MAIN}cellXfs")
    if xfs is not None:
        for index, xf in enumerate(xfs.findall(f"{NS_MAIN}xf")):
            if int(xf.get("numFmtId", "0")) in percent_formats:
                result.add(index)
    return result


def _cells(data: bytes):
    """Every <c> element, parsed incrementally and dropped once seen: memory stays small for
    a large sheet (a whole tree would take ten times the XML)."""
    from defusedxml.ElementTree import iterparse

    tag_c, tag_row = f"{NS_MAIN}c", f"{NS_MAIN}row"
    for _, el in iterparse(io.BytesIO(data), events=("end",), forbid_dtd=True):
        if el.tag == tag_c:
            yield el
            el.clear()
        elif el.tag == tag_row:
            el.clear()


# The fast path of the scan: sheets written in the canonical form of Excel, LibreOffice,
# openpyxl and XlsxWriter (the main namespace as the default one, every cell a `<c r="B7" ...>`
# whose children are an <f>, a <v> or an inline string) are not parsed: byte searches find the
# cells that hold a formula, an error or a percent style, and a regular expression reads
# those. Any other form is left to the parser. The XML is still checked for well-formedness
# by expat (in C, with no Python handler), so a malformed sheet is refused as before.
_ROOT = re.compile(rb"<worksheet\s[^>]*>")
_DEFAULT_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_C_CELL = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]{1,9})"((?: [A-Za-z_][\w.:-]*="[^"<>&]*")*)(?: ?/>|>(.*?)</c>)',
    re.S)
_C_ATTR = re.compile(rb' ([A-Za-z_][\w.:-]*)="([^"]*)"')
_C_INNER = re.compile(
    rb'(?:<f((?:\s+[A-Za-z_][\w.:-]*="[^"<>]*")*)\s*(?:/>|>([^<]*)</f>))?'
    rb"(?:<v\s*(?:/>|>([^<]*)</v>))?"
    rb"(?:<is>(?:(?!</is>).)*</is>)?", re.S)  # an inline string: no <f> nor <v> of the cell
# A cell start tag in the canonical form: single spaces, double quotes, `r` first.
_C_TAG = re.compile(rb'<c r="[A-Z]{1,3}[0-9]{1,9}"(?: [A-Za-z_][\w.:-]*="[^"<>&]*")*(?: ?/>|>)')
_F_START = re.compile(rb"<f[\s/>]")
_PREFIXED_CFV = re.compile(rb":[cfv][\s/>]")  # <x:c, <x:f, <x:v: the parser reads those
# An entity other than the five predefined ones, a character reference, CDATA, a comment, a
# carriage return (which the parser turns into a line feed), a DTD: the parser reads those.
_ODD_ENTITY = re.compile(rb"&(?!(?:lt|gt|amp|quot|apos);)")
_NOT_PLAIN = (b"&#", b"<!", b"\r")  # <!: CDATA, a comment, a DTD
_XML_DECL = re.compile(rb"<\?xml[^>]*\?>")
_UTF8 = re.compile(rb"""encoding\s*=\s*["'](?i:utf-8)["']""")
_ENTITIES = ((b"&lt;", b"<"), (b"&gt;", b">"), (b"&quot;", b'"'), (b"&apos;", b"'"),
             (b"&amp;", b"&"))


def _text(raw: bytes | None) -> str | None:
    """An element's text as the parser gives it: None when empty, entities replaced."""
    if not raw:
        return None
    if b"&" in raw:
        for entity, char in _ENTITIES:
            raw = raw.replace(entity, char)
    return raw.decode("utf-8")


def _well_formed(data: bytes, no_dtd: bool = False) -> bool:
    """Whether expat reads `data` without error (with `no_dtd`, and without a DTD)."""
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator="}")
    if no_dtd:
        _decline_dtd(parser)
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, _Declined):
        return False
    return True


def _plain(data: bytes, cells_canonical: bool = False) -> bool:
    """Whether the sheet is in the canonical form the fast path reads. `cells_canonical`:
    the limits survey has shown every cell start tag canonical (`limits._bounded`, whose
    pattern is stricter than `_C_TAG`), so the last checks would hold."""
    if any(marker in data for marker in _NOT_PLAIN) or _ODD_ENTITY.search(data):
        return False
    decl = _XML_DECL.match(data.lstrip(b"\xef\xbb\xbf"))
    if decl is not None and b"encoding" in decl.group() and not _UTF8.search(decl.group()):
        return False
    root = _ROOT.search(data)
    if root is None or _DEFAULT_NS not in root.group() or data.count(b'xmlns="') != 1:
        return False
    if _PREFIXED_CFV.search(data):
        return False
    # every cell start tag is a canonical one (so that the byte searches below find every
    # cell with a formula, an error or a percent style)
    # (`<x:c` was excluded above)
    if cells_canonical:
        return True
    if any(tag in data for tag in (b"<c>", b"<c/", b"<c\t", b"<c\n")):
        return False
    cells = data.count(b'<c r="')
    return cells == data.count(b"<c ") == len(_C_TAG.findall(data))


def _scan_sheet_fast(data: bytes, name: str, percent_styles: set[int], meta: CellMeta,
                     cells_canonical: bool = False) -> bool:
    """`_scan_sheet` for a sheet in the canonical form; False (and `meta` untouched) for any
    other, which the parser then reads."""
    if not _plain(data, cells_canonical):
        return False
    # Where a formula, an error or a percent style may be: the cells around those bytes.
    marks = [m.start() for m in _F_START.finditer(data)]
    for needle in (b't="e"', *(f' s="{i}"'.encode() for i in sorted(percent_styles))):
        at = data.find(needle)
        while at >= 0:
            marks.append(at)
            at = data.find(needle, at + 1)
    starts: set[int] = set()
    for at in marks:
        start = data.rfind(b'<c r="', 0, at)
        if start >= 0:
            starts.add(start)
    errors: dict[str, str] = {}
    formulas: dict[str, str] = {}
    percent: set[str] = set()
    formula_cells: set[str] = set()
    for start in sorted(starts):
        cell = _C_CELL.match(data, start)
        if cell is None:
            return False
        ref, attr_text, inner = cell.groups()
        attrs = dict(_C_ATTR.findall(attr_text)) if attr_text else {}
        if len(attrs) != attr_text.count(b"="):
            return False  # an attribute twice, or one the pattern did not take apart
        value: str | None = None
        formula: str | None = None
        if inner:
            m = _C_INNER.fullmatch(inner)
            if m is None:
                return False  # an extLst, white space between children, ...
            if inner.startswith(b"<f"):
                formula = _text(m.group(2)) or ""
            value = _text(m.group(3))
        address = ref.decode()
        if formula is not None:
            formula_cells.add(address)
        if attrs.get(b"t") == b"e":
            errors[address] = value or "#N/A"
            continue
        if formula is not None and not value:
            formulas[address] = formula
        style = attrs.get(b"s")
        if style is not None and percent_styles:
            if not style.isdigit():
                return False  # the parser's path raises on it
            if int(style) in percent_styles:
                percent.add(address)
    if not _well_formed(data):
        return False
    _store(meta, name, errors, formulas, percent, formula_cells)
    return True


def _scan_sheet(data: bytes, name: str, percent_styles: set[int], meta: CellMeta) -> None:
    errors: dict[str, str] = {}
    formulas: dict[str, str] = {}
    percent: set[str] = set()
    formula_cells: set[str] = set()
    for c in _cells(data):
        address = c.get("r", "")
        v = c.find(f"{NS_MAIN}v")
        value = v.text if v is not None else None
        f = c.find(f"{NS_MAIN}f")
        if f is not None:
            formula_cells.add(address)
        if c.get("t") == "e":
            errors[address] = value or "#N/A"
            continue
        if f is not None and (value is None or value == ""):
            formulas[address] = f.text or ""
        style = c.get("s")
        if style is not None and percent_styles and int(style) in percent_styles:
            percent.add(address)
    _store(meta, name, errors, formulas, percent, formula_cells)


def _store(meta: CellMeta, name: str, errors: dict[str, str], formulas: dict[str, str],
           percent: set[str], formula_cells: set[str]) -> None:
    """What one sheet's scan found, kept only where it found something."""
    if errors:
        meta.errors[name] = errors
    if formulas:
        meta.formulas[name] = formulas
    if percent:
        meta.percent[name] = percent
    if formula_cells:
        meta.formula_cells[name] = formula_cells
