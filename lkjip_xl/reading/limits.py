"""Limits on size and work, enforced before the expensive step (zip bombs, huge sheets)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..model import WorkbookError


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 100 * 1024 * 1024  # 100 MB on disk
    max_uncompressed_bytes: int = 500 * 1024 * 1024  # 500 MB inside the zip, all parts
    max_ratio: float = 200.0  # uncompressed/compressed of one part larger than 10 MB
    max_rows: int = 100_000  # rows read per sheet
    max_cells: int = 5_000_000  # rows x columns per sheet

    def check_zip(self, path: Path, zf: zipfile.ZipFile) -> None:
        total = 0
        for info in zf.infolist():
            total += info.file_size
            if (
                info.file_size > 10 * 1024 * 1024
                and info.compress_size > 0
                and info.file_size / info.compress_size > self.max_ratio
            ):
                raise WorkbookError(
                    path, "limit.zip_ratio",
                    f"{info.filename}: {info.file_size:,} / {info.compress_size:,}",
                )
        if total > self.max_uncompressed_bytes:
            raise WorkbookError(
                path, "limit.uncompressed", f"{total:,} > {self.max_uncompressed_bytes:,}"
            )
