"""Atomic writes: a temporary file in the target's folder, then a rename. A crash never leaves
a half-written output, and an existing file is replaced in one step.

Also the one rule every command follows for its outputs (`refuse_existing`: an existing file
is replaced only with --force), backups that never replace anything (`copy_exclusive`,
`backup_path`), and how a file Excel holds open is recognised (`is_locked`).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

# Windows: ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33), what a file open in
# Excel raises; ERROR_ACCESS_DENIED (5) for a read-only file or folder.
LOCKED_WINERRORS = frozenset({5, 32, 33})


class OutputExistsError(FileExistsError):
    """An output that is already there and may not be replaced (no --force)."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
        self.path = Path(path)


def refuse_existing(*paths: Path | None, force: bool = False) -> None:
    """Raise OutputExistsError for the first of `paths` that exists, unless `force`: no
    command replaces a file silently (`template -o`, `fix -o`, `check -o`, `--report`,
    `quickstart`)."""
    if force:
        return
    for path in paths:
        if path is not None and os.path.lexists(path):
            raise OutputExistsError(Path(path))


def is_locked(exc: BaseException) -> bool:
    """Whether `exc` says a file cannot be written because it is open elsewhere (Excel on
    Windows: a sharing violation) or read-only (a permission error, on any system)."""
    if not isinstance(exc, OSError):
        return False
    if getattr(exc, "winerror", None) in LOCKED_WINERRORS:
        return True
    return isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM,
                                                              errno.EROFS)


def backup_path(src: Path, marker: str, stamp: str) -> Path:
    """`src`'s backup name, `NAME{marker}{stamp}.ext`; `-2`, `-3`... after the stamp when
    that name is taken (two runs in the same second). `copy_exclusive` still refuses a name
    taken meanwhile."""
    src = Path(src)
    n = 1
    while True:
        suffix = "" if n == 1 else f"-{n}"
        candidate = src.with_name(f"{src.stem}{marker}{stamp}{suffix}{src.suffix}")
        if not os.path.lexists(candidate):
            return candidate
        n += 1


def copy_exclusive(src: Path, dst: Path) -> Path:
    """Copy `src` to a new file `dst`, created exclusively (O_EXCL): an existing `dst` is
    never replaced, even by a process racing this one (FileExistsError). The copy keeps the
    modification time; a copy cut short is removed."""
    import shutil

    src, dst = Path(src), Path(dst)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(dst, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as out, src.open("rb") as inp:
            shutil.copyfileobj(inp, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        shutil.copystat(src, dst)
    except BaseException:
        dst.unlink(missing_ok=True)
        raise
    return dst


def copy_to_backup(src: Path, marker: str, stamp: str, attempts: int = 100) -> Path:
    """Copy `src` to its first free backup name (`backup_path`), never replacing a file:
    a name another process takes between the look and the copy is skipped."""
    for _ in range(attempts):
        try:
            return copy_exclusive(src, backup_path(src, marker, stamp))
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST),
                          str(backup_path(src, marker, stamp)))


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
        import tempfile  # here: `check` without -o never needs it

        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent)
    except OSError as exc:  # name the file the user asked for, not our temporary one
        if exc.filename is None:
            raise
        raise _naming(exc, target) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb+") as fh:  # on disk before it takes the target's name
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        try:
            os.replace(tmp, target)
        except OSError as exc:  # name the target (open in Excel? read-only?), never the tmp
            if exc.filename is None:
                raise
            raise _naming(exc, target) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def open_atomic(target: Path, binary: bool = False, **kw: Any) -> Iterator[IO[Any]]:
    """`atomic_path`, opened for writing (`kw` as for `open`)."""
    with atomic_path(target) as tmp, tmp.open("wb" if binary else "w", **kw) as fh:
        yield fh


def _naming(exc: OSError, target: Path) -> OSError:
    """`exc` with `target` as its file name, keeping its type and Windows error code."""
    winerror = getattr(exc, "winerror", None)
    try:  # on Windows the fourth argument is the winerror (errno is derived from it)
        named = type(exc)(exc.errno, exc.strerror, str(target), winerror)
    except TypeError:  # an OSError subclass with its own signature
        named = OSError(exc.errno, exc.strerror, str(target), winerror)
    if winerror is not None and getattr(named, "winerror", None) != winerror:
        with contextlib.suppress(AttributeError, TypeError):
            named.winerror = exc.winerror  # type: ignore[attr-defined]
    return named


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
