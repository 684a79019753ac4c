"""Checking many files: expand paths, run serially or in worker processes, keep order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .config import Config
from .engine import FileResult, check_file
from .model import WorkbookError
from .reading import Limits

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def expand_paths(items: Sequence[str]) -> list[Path]:
    """Files as given, folders searched recursively for .xlsx/.xlsm, globs expanded.

    Excel's lock files (~$name.xlsx) are skipped. Order: as given, each folder sorted.
    A path that matches nothing is kept, so that the check reports it as not found.
    """
    result: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith("~$")
                and p.is_file()
            )
            result.extend(found)
        elif not path.exists() and glob.has_magic(item):
            result.extend(sorted(Path(p) for p in glob.glob(item, recursive=True)
                                 if Path(p).is_file()))
        else:
            result.append(path)
    return list(dict.fromkeys(result))


def _check_one(args: tuple[Path, Config, Limits]) -> FileResult:
    path, config, limits = args
    try:
        return check_file(path, config, limits)
    except Exception as exc:  # a bug must not stop the batch: report the file as unreadable
        return FileResult(path, error=WorkbookError(path, "open.unreadable",
                                                    f"{type(exc).__name__}: {exc}"))


def check_many(paths: Sequence[Path], config: Config, limits: Limits | None = None,
               jobs: int = 1) -> Iterator[FileResult]:
    """Results in the order of `paths`, streamed as they complete in order."""
    limits = limits or Limits()
    work = ((p, config, limits) for p in paths)
    if jobs <= 1 or len(paths) <= 1:
        for item in work:
            yield _check_one(item)
        return
    jobs = min(jobs, os.cpu_count() or 1, len(paths))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_check_one, work, chunksize=4)
