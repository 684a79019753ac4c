"""Reading LKjIP tables from the Word and PDF reports agencies publish (issue 15).

    from lkjip_xl.importing import import_document
    result = import_document("LKjIP_2019.pdf")
    result.save("lkjip_2019.xlsx")          # the standard template, filled, with `Impor`
    result.confidence, result.lines          # how sure, and what became of every table

`document.py` and the readers turn a document into tables of text; `recognise.py` decides
which template table each one is; `mapping.py` turns rows into template rows, values exactly
as printed; `workbook.py` writes the template and the `Impor` sheet. Importing this package
is cheap: python-docx, pdfplumber and openpyxl load only when a document is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .document import DOCUMENT_EXTENSIONS, Document, DocumentError, DocumentLimits

if TYPE_CHECKING:
    from openpyxl import Workbook

    from .mapping import MappedTable
    from .workbook import ImportLine

__all__ = ["DOCUMENT_EXTENSIONS", "DocumentError", "DocumentLimits", "ImportResult",
           "import_document", "is_document"]


@dataclass
class ImportResult:
    """What `import_document` made of a document."""

    document: Document
    workbook: Workbook
    tables: list[MappedTable]
    identity: dict[str, object]  # the Identitas fields the text states
    confidence: float  # 0..1, the mapped tables' confidence weighted by their rows
    lines: list[ImportLine] = field(default_factory=list)  # the Impor sheet, one per table

    @property
    def kind(self) -> str:
        return self.document.kind

    @property
    def mapped(self) -> int:
        return sum(1 for m in self.tables if m.sheet is not None)

    @property
    def rows(self) -> int:
        return sum(len(m.rows) for m in self.tables if m.sheet is not None)

    def to_bytes(self) -> bytes:
        """The workbook as .xlsx bytes (deterministic)."""
        from ..template.builder import workbook_bytes

        return workbook_bytes(self.workbook)

    def save(self, path: str | Path) -> Path:
        """Write the workbook to `path` atomically (a temporary file, then a rename)."""
        from ..writers.atomic import open_atomic

        target = Path(path)
        data = self.to_bytes()
        with open_atomic(target, binary=True) as fh:
            fh.write(data)
        return target


def is_document(path: str | Path) -> bool:
    """Whether `path` is named like a document lkjip-xl imports (.docx or .pdf)."""
    return Path(path).suffix.lower() in DOCUMENT_EXTENSIONS


def import_document(path: str | Path, *, lang: str = "id",
                    limits: DocumentLimits | None = None) -> ImportResult:
    """Read a .docx or PDF report and map its tables to the standard template.

    Raises DocumentError (a messages.py key in `.key`) for a document that cannot be read or
    holds no table; a document whose tables match no template table still imports (every
    table is listed on `Impor`, the template's tables stay empty).
    """
    from .document import read_document

    document = read_document(path, limits)
    return import_read_document(document, lang=lang)


def import_read_document(document: Document, *, lang: str = "id") -> ImportResult:
    """`import_document` for a document already read."""
    from .identity import identity_from_text
    from .mapping import assign_codes, map_table, mark_duplicates
    from .recognise import recognise
    from .workbook import build_workbook, import_lines

    if not document.tables:
        raise DocumentError("import.no_tables")
    mapped = [map_table(recognise(table), lang) for table in document.tables]
    mark_duplicates(mapped)
    assign_codes(mapped, lang)
    captions = "\n".join(t.caption for t in document.tables if t.caption)
    identity = identity_from_text(f"{document.text}\n{captions}")
    period = _period(identity, mapped)
    used = [m for m in mapped if m.sheet is not None and m.rows]
    weight = sum(len(m.rows) for m in used)
    confidence = round(sum(m.confidence * len(m.rows) for m in used) / weight, 2) \
        if weight else 0.0
    lines = import_lines(mapped, lang)
    wb = build_workbook(document, mapped, lines, identity, period, confidence, lang)
    return ImportResult(document, wb, mapped, identity, confidence, lines)


def _period(identity: dict[str, object], mapped: list[MappedTable]
            ) -> tuple[int, int, bool]:
    """The RPJMD period and whether the document gives it: as the text states it, widened
    to hold every year column of the imported Tabel VI.1 (the year before the first target
    year when only years are known); else a five-year period around the report's year,
    which only shapes the template's year columns (False: Identitas leaves it blank)."""
    from datetime import date

    years = sorted({y for m in mapped if m.sheet is not None for y in m.recognition.years})
    start = identity.get("periode_awal")
    end = identity.get("periode_akhir")
    if isinstance(start, int) and isinstance(end, int):
        if years:
            start, end = min(start, years[0] - 1), max(end, years[-1])
        return start, end, True
    if years:
        return years[0] - 1, max(years[-1], years[0]), True
    tahun = identity.get("tahun")
    year = tahun if isinstance(tahun, int) else date.today().year
    first = 2016 + 5 * ((year - 2017) // 5)
    return first, first + 5, False
