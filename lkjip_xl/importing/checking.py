"""`check` on a .docx or PDF: the document imported in memory, then read like any workbook.

The imported workbook's bytes go through a private temporary file (the workbook reader's
container checks work on files), deleted at once; the Report names the document, so every
finding points at the document the reviewer gave. A document that cannot be read becomes the
usual WorkbookError (reason = the document message key), reported as unreadable in the batch.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..messages import t
from ..model import Report, WorkbookError
from ..numtext import format_number
from ..reading.limits import Limits


def percent(value: float | None, lang: str) -> str:
    """A 0..1 confidence as a whole percent ("87 %"); blank for none."""
    if value is None:
        return ""
    return f"{format_number(round(value * 100), lang)} %"


@dataclass(frozen=True, slots=True)
class ImportInfo:
    """What the rekap says of a checked document: its kind and the import's confidence."""

    kind: str  # "docx" or "pdf"
    confidence: float  # 0..1
    tables: int  # tables mapped
    found: int  # tables in the document

    def label(self, lang: str) -> str:
        """'diimpor dari PDF, keyakinan 87 %': what the text output and the rekap say."""
        return t("import.rekap", lang, source=t(f"import.from_{self.kind}", lang),
                 confidence=percent(self.confidence, lang))


def read_document_report(path: Path, limits: Limits | None = None
                         ) -> tuple[Report, ImportInfo]:
    """Import `path` and read the result as a Report named after `path`."""
    from ..reading.opening import open_workbook
    from ..reading.report_reader import build_report
    from . import DocumentError, DocumentLimits, import_document

    doc_limits = DocumentLimits()
    if limits is not None:  # the same file-size limit as workbooks
        doc_limits = doc_limits.replace(max_file_bytes=limits.max_file_bytes)
    try:
        result = import_document(path, limits=doc_limits)
    except DocumentError as exc:
        raise WorkbookError(path, exc.key, str(exc.fields.get("detail", ""))) from exc
    data = result.to_bytes()
    fd, name = tempfile.mkstemp(prefix=".lkjip-import-", suffix=".xlsx")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        raw = open_workbook(name, limits)
    except WorkbookError as exc:  # name the document, never the temporary file
        raise WorkbookError(path, exc.reason, exc.detail) from exc
    finally:
        Path(name).unlink(missing_ok=True)
    raw.path = Path(path)
    info = ImportInfo(result.kind, result.confidence, result.mapped, len(result.tables))
    return build_report(raw), info
