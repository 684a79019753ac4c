"""lkjip-xl: read, check and correct the standard LKjIP workbook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Report
    from .reading import Limits

__version__ = "0.1.0"

__all__ = ["__version__", "read_report"]


def read_report(path: str | Path, *, limits: Limits | None = None) -> Report:
    """Read the workbook at `path` into an immutable Report.

    Raises `lkjip_xl.model.WorkbookError` (with a message key in `.reason`) only when the file
    cannot be opened as a workbook at all; everything else becomes `Report.problems`.
    Imports stay lazy so that `import lkjip_xl` is cheap.
    """
    from .reading import read_report as _read

    return _read(path, limits=limits)
