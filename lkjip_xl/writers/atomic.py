"""Atomic writes: a temporary file in the target's folder, then a rename. A crash never leaves
a half-written output, and an existing file is replaced in one step."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


def write_atomic(target: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(tmp_path)`, then move the finished file onto `target` (`atomic_path`)."""
    with atomic_path(target) as tmp:
        write(tmp)
    return Path(target)


def write_text_atomic(target: Path, text: str) -> Path:
    return write_atomic(target, lambda tmp: tmp.write_text(text, encoding="utf-8"))


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path in `target`'s folder to write `target` through: moved onto `target`
    when the block ends normally, removed when it raises."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent)
    except OSError as exc:  # name the file the user asked for, not our temporary one
        raise OSError(exc.errno, exc.strerror, str(target)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb+") as fh:  # on disk before it takes the target's name
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def open_atomic(target: Path, binary: bool = False, **kw: Any) -> Iterator[IO[Any]]:
    """`atomic_path`, opened for writing (`kw` as for `open`)."""
    with atomic_path(target) as tmp, tmp.open("wb" if binary else "w", **kw) as fh:
        yield fh


def _mode_for(target: Path) -> int:
    """The mode of the file being replaced; for a new one an ordinary document's (not
    mkstemp's private 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
