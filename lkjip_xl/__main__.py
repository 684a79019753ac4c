"""`python -m lkjip_xl ...` and the `lkjip-xl` command: `run()`, the program."""

from __future__ import annotations

import gc
import sys
from typing import Any

# The command line's modules (click, the message catalogue) are imported without the
# collector's passes over them (19 passes, about 2 ms); it is back on right after.
_collecting = gc.isenabled()
gc.disable()
try:
    from lkjip_xl.cli import main
finally:
    if _collecting:
        gc.enable()


class _OpenpyxlWithoutNumpy:
    """Makes openpyxl's optional `import numpy` fail, once. openpyxl imports numpy (about
    60 ms, half its import time) only to accept numpy numbers as cell values; the program
    writes Python numbers only (`fix`, `template`). Any other import of numpy, before or
    after, works as usual: this finder answers only while openpyxl's `compat.numbers` is
    being executed, then removes itself. Installed by `run()` only: a program of its own,
    so in-process callers of `cli.main` (and their own openpyxl) are never affected. (A
    meta path finder needs only `find_spec`: importlib.abc would cost `check` 11 ms.)"""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "numpy":
            importer = sys.modules.get("openpyxl.compat.numbers")
            if importer is not None and not hasattr(importer, "NUMPY"):
                self.remove()
                raise ModuleNotFoundError("No module named 'numpy'", name="numpy")
        return None

    def remove(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)


def run() -> None:
    if "numpy" not in sys.modules and "openpyxl" not in sys.modules:
        sys.meta_path.insert(0, _OpenpyxlWithoutNumpy())
    from lkjip_xl import cli

    cli.ENDS_PROCESS = True
    try:
        main()
    finally:
        _quick_exit()


def _quick_exit() -> None:
    """The program is ending: what it allocated moves to the collector's permanent
    generation, so the interpreter's shutdown does not trace every object still alive
    for cycles (about 30 ms of CPU after `fix`, whose openpyxl workbook holds a few hundred
    thousand objects). Nothing else changes: files are closed, atexit handlers run, the
    objects are still freed as the modules are torn down (Python never promised `__del__`
    for objects alive at exit). Only here, where the process ends: `cli.main` called in
    another program leaves its collector alone."""
    gc.freeze()


if __name__ == "__main__":
    run()
