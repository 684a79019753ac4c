"""lkjip-xl: read, check and correct the standard LKjIP workbook."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "read_report"]


def read_report(path, **kwargs):
    """Read a workbook into a `Report` (see `lkjip_xl.reading.read_report`)."""
    from .reading import read_report as _read

    return _read(path, **kwargs)
