"""Build the Word fixtures of examples/documents/ from their layouts, then their PDFs.

Each `*.layout.yaml` here describes one published report as it is laid out: paragraphs
(cover, headings, the title lines above each table) and tables, every cell typed exactly as
printed (line breaks, odd spacing and the report's own mistakes included), with its merged
cells (`merge`: [first row, first column, last row, last column] of the grid) and, for a
table the author split over two pages, `split_before`: the row where the second part starts,
after a page break, as a new table whose header rows are typed again.

    python examples/documents/build_documents.py            # the .docx and, with soffice, the .pdf
    python examples/documents/build_documents.py --no-pdf   # the .docx only

The PDFs are made by LibreOffice (`soffice --headless --convert-to pdf`), as an agency that
exports its report would. Both are committed: the tests read them and need neither this
script nor LibreOffice. `make documents` runs it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Arial"  # LibreOffice prints it with Liberation Sans, metric-compatible


def build(layout_path: Path, out_dir: Path) -> Path:
    layout = yaml.safe_load(layout_path.read_text(encoding="utf-8"))
    doc = Document()
    _page_setup(doc.sections[0], landscape=False)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(2)
    if layout.get("footer"):
        _footer(doc.sections[0], layout["footer"])
    for block in layout["blocks"]:
        if "p" in block:
            _paragraph(doc, block["p"], block.get("style"))
        elif block.get("page_break"):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif "section" in block:
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            _page_setup(section, landscape=block["section"] == "landscape")
        elif "table" in block:
            spec = block["table"]
            parts = _parts(spec)
            for i, (rows, merges) in enumerate(parts):
                if i:
                    # the author's own split: a page break, then the table again with its
                    # header rows typed again
                    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                _table(doc, rows, merges, spec)
                doc.add_paragraph()  # Word needs a paragraph between two tables
    out = out_dir / (layout["document"] + ".docx")
    doc.core_properties.title = layout.get("title", layout["document"])
    doc.core_properties.author = "lkjip-xl fixtures"
    doc.save(str(out))
    return out


def _page_setup(section: Any, landscape: bool) -> None:
    width, height = Cm(21.0), Cm(29.7)  # A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))


def _footer(section: Any, text: str) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text + "    ")
    run.font.size = Pt(8)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    field.append(r)
    p._p.append(field)


def _paragraph(doc: Any, text: str, style: str | None) -> None:
    p = doc.add_paragraph()
    run = p.add_run(text)
    if style == "title":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run.bold = True
        run.font.size = Pt(16)
        p.paragraph_format.space_after = Pt(12)
    elif style == "heading":
        run.bold = True
        run.font.size = Pt(13)
        p.paragraph_format.space_before = Pt(10)
    elif style == "bold":
        run.bold = True
    elif style == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run.bold = True
    elif style == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _parts(spec: dict[str, Any]) -> list[tuple[list[list[str]], list[list[int]]]]:
    """The table, or its two parts when the author split it (`split_before`)."""
    rows: list[list[str]] = spec["rows"]
    merges: list[list[int]] = spec.get("merge", [])
    split = spec.get("split_before")
    if not split:
        return [(rows, merges)]
    head = spec.get("header_rows", 1)
    first = [m for m in merges if m[2] < split]
    second = [m for m in merges if m[0] < head]  # the header's own merges, typed again
    for m in merges:
        if m[0] >= split:
            second.append([m[0] - split + head, m[1], m[2] - split + head, m[3]])
        elif m[2] >= split and m[0] >= head:
            raise ValueError(f"merge {m} crosses split_before={split}")
    return [(rows[:split], first), (rows[:head] + rows[split:], second)]


def _table(doc: Any, rows: list[list[str]], merges: list[list[int]],
           spec: dict[str, Any]) -> None:
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    size = Pt(spec.get("font_size", 10))
    covered: set[tuple[int, int]] = set()
    for r1, c1, r2, c2 in merges:
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    if rows[r][c].strip():
                        raise ValueError(f"merged cell ({r}, {c}) holds text: {rows[r][c]!r}")
                    covered.add((r, c))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            if (r, c) not in covered:
                _write(table.cell(r, c), text, size, bold=r < spec.get("header_rows", 1))
    for r1, c1, r2, c2 in merges:
        _merge(table, r1, c1, r2, c2)
    widths = spec.get("widths")
    if widths:
        # the grid's own column widths (what LibreOffice lays out) and each cell's
        table.autofit = False
        for c, col in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
            col.set(qn("w:w"), str(int(Cm(widths[c]).twips)))
        for row in table.rows:
            for c, cell in enumerate(row.cells[: len(widths)]):
                cell.width = Cm(sum(widths[c:c + 1]))
    for row in table.rows:
        # rows kept whole on a page (an author's choice; a row cut by a page break is read
        # as two rows, see docs/import.md)
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for r in range(spec.get("header_rows", 0)):
        # "repeat as header row at the top of each page": LibreOffice repeats it in the PDF
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        tr_pr.append(header)


def _write(cell: Any, text: str, size: Any, bold: bool) -> None:
    """The cell's text, one paragraph per printed line."""
    lines = text.split("\n") if text else [""]
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(line)
        run.font.size = size
        run.bold = bold


def _merge(table: Any, r1: int, c1: int, r2: int, c2: int) -> None:
    origin = table.cell(r1, c1)
    # python-docx moves the content of every merged cell into the origin: the covered cells
    # are empty, so only their empty paragraph comes along; it is removed.
    merged = origin.merge(table.cell(r2, c2))
    paragraphs = merged.paragraphs
    for p in paragraphs[1:]:
        if not p.text and len(paragraphs) > 1:
            p._p.getparent().remove(p._p)


def to_pdf(docx: Path, out_dir: Path) -> Path | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: PDFs not made (install LibreOffice Writer)", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
                       check=True, capture_output=True, timeout=300)
    pdf = out_dir / (docx.stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"LibreOffice wrote no PDF for {docx} (is the Writer part installed?)")
    return pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-pdf", action="store_true", help="build the .docx files only")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: here)")
    parser.add_argument("layouts", nargs="*", type=Path, help="layouts (default: all here)")
    args = parser.parse_args(argv)
    layouts = args.layouts or sorted(HERE.glob("*.layout.yaml"))
    args.out.mkdir(parents=True, exist_ok=True)
    for layout in layouts:
        docx = build(layout, args.out)
        print(docx)
        if not args.no_pdf:
            pdf = to_pdf(docx, args.out)
            if pdf:
                print(pdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
