"""lkjip-xl: read, check and correct the standard LKjIP workbook.

    import lkjip_xl
    report = lkjip_xl.read("lkjip_2024.xlsx")          # the Report; .to_frames() for pandas
    results = lkjip_xl.check_paths(["folder/"])        # like `lkjip-xl check`; .to_frame()

Imports stay lazy so that `import lkjip_xl` is cheap; pandas is loaded only by `to_frames()`
and `to_frame()` (the `lkjip-xl[pandas]` extra, docs/pandas.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import Config
    from .frames import CheckResults, LoadedReport
    from .model import Report
    from .reading import Limits

__version__ = "0.1.0"

__all__ = ["__version__", "check_paths", "read", "read_report"]


def read_report(path: str | Path, *, limits: Limits | None = None) -> Report:
    """Read the workbook at `path` into an immutable Report.

    Raises `lkjip_xl.model.WorkbookError` (with a message key in `.reason`) only when the file
    cannot be opened as a workbook at all; everything else becomes `Report.problems`.
    """
    from .reading import read_report as _read

    return _read(path, limits=limits)


def read(path: str | Path, *, limits: Limits | None = None) -> LoadedReport:
    """`read_report`, returning a Report that also has `.to_frames()`: a dict of pandas
    DataFrames (identity, indicators, pk_rows, measurements, budget), each value with its
    cell address. Raises `WorkbookError` as `read_report` does."""
    from .frames import read as _read

    return _read(path, limits=limits)


def check_paths(paths: str | Path | Iterable[str | Path],
                config: Config | str | Path | None = None, *, jobs: int = 1,
                timeout: float | None = 60.0, limits: Limits | None = None,
                pair: bool = True, previous: str | Path | None = None) -> CheckResults:
    """Check files, folders and globs as `lkjip-xl check` does; the results, one per file in
    order, with `.findings`, `.unreadable` and `.to_frame()` (one row per finding).
    Files of one agency and consecutive years are compared (the pair rules, PRV) as the
    command line pairs them, unless `pair=False`; `previous`: last year's report to compare
    the one file checked with (`check --previous`).

    `config`: a `lkjip_xl.config.Config`, a config file's path, or None for the nearest
    `lkjip-xl.toml` or `[tool.lkjip-xl]` in `pyproject.toml` (as the command line finds it).
    """
    from .frames import check_paths as _check

    return _check(paths, config, jobs=jobs, timeout=timeout, limits=limits, pair=pair,
                  previous=previous)
