"""What openpyxl would lose when it saves a workbook, found by inspecting the zip first.

openpyxl keeps cell values, formulas, styles, comments, data validation, defined names,
hyperlinks, tables, charts, images (with Pillow) and, with `keep_vba`, the VBA project with its
form controls. It silently drops everything else: shapes and text boxes, SmartArt, pivot
tables, slicers, sparklines and other worksheet extensions, threaded comments, pictures in
cells, embedded objects, data connections and Power Query, Office add-ins (xlwings Lite code
lives in `xl/webextensions/`). `fix` names what it finds and refuses unless `--force`.

A few losses change nothing a reader relies on (printer settings, chart colour styles, the
"ignore this error" flags of cells, the thumbnail): they are reported as `cosmetic` and do not
stop `fix`. Everything is read with defusedxml; sizes were already checked by the reader.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

NS_XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
NS_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"


@dataclass(frozen=True, slots=True)
class DroppedPart:
    """Something openpyxl would not write back. `kind` is a message key suffix (fix.drop.*)."""

    part: str  # the zip part, e.g. "xl/drawings/drawing1.xml"
    kind: str
    cosmetic: bool = False
    detail: str = ""


# Parts openpyxl reads and writes back (with keep_vba for the VBA ones).
_KEPT = re.compile(r"""^(?:
    \[Content_Types\]\.xml | _rels/\.rels | docProps/(?:core|app|custom)\.xml
  | xl/workbook\.xml | xl/_rels/workbook\.xml\.rels | xl/styles\.xml | xl/theme/[^/]+\.xml
  | xl/sharedStrings\.xml | xl/calcChain\.xml
  | xl/worksheets/[^/]+\.xml | xl/worksheets/_rels/[^/]+\.rels
  | xl/chartsheets/(?:_rels/)?[^/]+ | xl/comments[^/]*\.xml | xl/comments/[^/]+\.xml
  | xl/drawings/_rels/[^/]+\.rels
  | xl/charts/chart[^/]*\.xml | xl/charts/_rels/[^/]+\.rels | xl/tables/(?:_rels/)?[^/]+
  | xl/externalLinks/(?:_rels/)?[^/]+
)$""", re.VERBOSE)
_VBA_KEPT = re.compile(r"^(?:xl/vbaProject\.bin|xl/vba[^/]*|xl/ctrlProps/|xl/activeX/|customUI/"
                       r"|xl/media/[^/]*\.emf$)")
_VBA_VML = re.compile(r"^xl/drawings/.*vmlDrawing\d\.vml$")  # openpyxl's own pattern
# Part prefixes openpyxl drops, and what they hold.
_DROPPED_PREFIXES: tuple[tuple[str, str, bool], ...] = (
    ("xl/pivotTables/", "pivot", False),
    ("xl/pivotCache/", "pivot", False),
    ("xl/slicers/", "slicer", False),
    ("xl/slicerCaches/", "slicer", False),
    ("xl/timelines/", "timeline", False),
    ("xl/timelineCaches/", "timeline", False),
    ("xl/webextensions/", "webextension", False),
    ("xl/richData/", "richdata", False),
    ("xl/metadata.xml", "metadata", False),
    ("xl/threadedComments/", "threaded", False),
    ("xl/persons/", "threaded", False),
    ("xl/embeddings/", "embedding", False),
    ("xl/diagrams/", "diagram", False),
    ("xl/model/", "datamodel", False),
    ("xl/connections.xml", "connection", False),
    ("xl/queryTables/", "connection", False),
    ("xl/ctrlProps/", "control", False),
    ("xl/activeX/", "control", False),
    ("customUI/", "customui", False),
    ("xl/vbaProject", "vba", False),
    ("xl/printerSettings/", "printer", True),
    ("xl/charts/style", "chartstyle", True),
    ("xl/charts/colors", "chartstyle", True),
    ("docProps/thumbnail", "thumbnail", True),
    ("xl/namedSheetViews/", "sheetview", True),
)
# Worksheet extensions (<extLst><ext uri=...>): what each holds.
_SHEET_EXTENSIONS = {
    "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}": "sparkline",
    "{78C0D931-6437-407d-A8EE-F0AAD7539E65}": "x14-conditional-format",
    "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}": "x14-data-validation",
    "{A8765BA9-456A-4dab-B4F3-ACF838C121DE}": "slicer",
    "{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}": "slicer",
    "{7E03D99C-DC04-49d9-9315-930204A7B6E9}": "timeline",
}
# Workbook extensions that hold content (others, such as calcFeatures, are harmless).
_WORKBOOK_EXTENSIONS = {
    "{BBE1A952-AA13-448e-AADC-164F8A28A991}": "slicer",
    "{46BE6895-7355-4a93-B00E-2C351335B9C9}": "slicer",
    "{D0CA8CA8-9F24-4464-BF8E-62219DCF47F9}": "timeline",
    "{876F7934-8845-4945-9796-88D515C7AA90}": "pivot",
    "{FCE2AD5D-F65C-4FA6-A056-5C36A1767C68}": "datamodel",
}


def pillow_available() -> bool:
    try:
        import PIL  # noqa: F401
    except ImportError:
        return False
    return True


def _may_hold_pictures(names: list[str]) -> bool:
    """Whether a workbook with these parts may hold a picture openpyxl keeps only with
    Pillow: a picture part, or a drawing (the notes' VML drawings are not)."""
    return any(n.startswith("xl/media/") or (n.startswith("xl/drawings/") and not
                                              n.endswith((".vml", ".rels")))
               for n in names)


def may_hold_pictures(path: Path | str) -> bool:
    """`_may_hold_pictures` of the workbook at `path`; True for a file that is no zip."""
    try:
        with zipfile.ZipFile(path) as zf:
            return _may_hold_pictures(zf.namelist())
    except (OSError, zipfile.BadZipFile):
        return True


def droppable_parts(path: Path | str, keep_vba: bool | None = None) -> list[DroppedPart]:
    """What saving `path` with openpyxl would lose. `keep_vba` defaults to: the file is .xlsm."""
    path = Path(path)
    if keep_vba is None:
        keep_vba = path.suffix.lower() in (".xlsm", ".xltm")
    found: list[DroppedPart] = []
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        # asked only where it matters: importing Pillow costs about 8 ms
        images_ok = pillow_available() if _may_hold_pictures(names) else True
        for name in names:
            if name.endswith("/"):
                continue
            found.extend(_inspect(zf, name, keep_vba, images_ok))
    return found


def _inspect(zf: zipfile.ZipFile, name: str, keep_vba: bool, images_ok: bool
             ) -> list[DroppedPart]:
    if keep_vba and _VBA_KEPT.match(name):
        return []
    if name.startswith("xl/worksheets/") and name.endswith(".xml") and "/_rels/" not in name:
        return _inspect_sheet(name, zf.read(name))
    if name == "xl/workbook.xml":
        return _extensions(name, zf.read(name), _WORKBOOK_EXTENSIONS, unknown=False)
    if name.startswith("xl/drawings/") and name.endswith(".xml") and "/_rels/" not in name:
        return _inspect_drawing(name, zf.read(name), images_ok)
    if name.startswith("xl/drawings/") and name.endswith(".vml"):
        data = zf.read(name)
        objects = set(re.findall(rb'ObjectType="([A-Za-z]+)"', data)) - {b"Note"}
        # keep_vba copies the form controls' VML back, but only vmlDrawing<one digit>.vml.
        if objects and not (keep_vba and _VBA_VML.match(name)):
            return [DroppedPart(name, "control", detail=", ".join(sorted(
                o.decode("ascii", "replace") for o in objects)))]
        return []
    if name.startswith("xl/media/"):
        return [] if images_ok else [DroppedPart(name, "image")]
    if name.startswith("customXml/"):
        if b"DataMashup" in zf.read(name):
            return [DroppedPart(name, "powerquery")]
        return [DroppedPart(name, "customxml", cosmetic=True)]
    if _KEPT.match(name):
        return []
    for prefix, kind, cosmetic in _DROPPED_PREFIXES:
        if name.startswith(prefix):
            return [DroppedPart(name, kind, cosmetic)]
    return [DroppedPart(name, "unknown")]


def _parse(data: bytes):
    from defusedxml.ElementTree import fromstring

    return fromstring(data, forbid_dtd=True)


def _inspect_sheet(name: str, data: bytes) -> list[DroppedPart]:
    found = []
    if b"<extLst" in data or b":extLst" in data:
        found.extend(_extensions(name, data, _SHEET_EXTENSIONS, unknown=True))
    if b"ignoredErrors" in data:
        found.append(DroppedPart(name, "ignored-errors", cosmetic=True))
    return found


def _extensions(name: str, data: bytes, known: dict[str, str], unknown: bool
                ) -> list[DroppedPart]:
    if b"extLst" not in data:
        return []
    root = _parse(data)
    ext_list = root.find(f"{NS_MAIN}extLst")
    if ext_list is None:
        return []
    found = []
    for ext in ext_list:
        uri = (ext.get("uri") or "").strip()
        kind = known.get(uri) or next((v for k, v in known.items() if k.lower() == uri.lower()),
                                      None)
        if kind is not None:
            found.append(DroppedPart(name, kind, detail=uri))
        elif unknown:
            found.append(DroppedPart(name, "extension", detail=uri))
    return found


def _inspect_drawing(name: str, data: bytes, images_ok: bool) -> list[DroppedPart]:
    root = _parse(data)
    kinds: dict[str, None] = {}
    for anchor in root:
        for child in anchor.iter():
            tag = child.tag
            if tag in (f"{NS_XDR}sp", f"{NS_XDR}grpSp", f"{NS_XDR}cxnSp"):
                kinds.setdefault("shape", None)
            elif tag == f"{NS_XDR}pic" and not images_ok:
                kinds.setdefault("image", None)
            elif tag == f"{NS_A}graphicData" and child.get("uri") != CHART_URI:
                kinds.setdefault("diagram" if "diagram" in (child.get("uri") or "")
                                 else "graphic", None)
            elif tag == f"{NS_MC}AlternateContent":
                kinds.setdefault("graphic", None)
    return [DroppedPart(name, kind) for kind in kinds]


def formula_cells(path: Path | str) -> set[tuple[str, str]]:
    """(sheet name, address) of every cell holding a formula: `fix` never overwrites them."""
    from ..reading.cellmeta import _sheet_parts

    result: set[tuple[str, str]] = set()
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        for sheet, part in _sheet_parts(zf).items():
            if part not in names:
                continue
            data = zf.read(part)
            if b"<f" not in data and b":f " not in data and b":f>" not in data:
                continue
            for c in _parse(data).iter(f"{NS_MAIN}c"):
                if c.find(f"{NS_MAIN}f") is not None:
                    result.add((sheet, c.get("r", "")))
    return result


def describe(parts: list[DroppedPart], lang: str = "id") -> str:
    """'gambar bentuk (xl/drawings/drawing1.xml); tabel pivot (xl/pivotTables/...)'."""
    from ..messages import t

    grouped: dict[str, list[str]] = {}
    for p in parts:
        grouped.setdefault(t(f"fix.drop.{p.kind}", lang), []).append(p.part)
    return "; ".join(f"{what} ({', '.join(sorted(set(where))[:3])}"
                     f"{', ...' if len(set(where)) > 3 else ''})"
                     for what, where in grouped.items())
