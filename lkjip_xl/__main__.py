"""`python -m lkjip_xl ...` and the `lkjip-xl` command: `run()`, the program."""

from __future__ import annotations

import gc
import sys

# The command line's modules (click, the message catalogue) are imported without the
# collector's passes over them (19 passes, about 2 ms); it is back on right after.
_collecting = gc.isenabled()
gc.disable()
try:
    from lkjip_xl.cli import main
finally:
    if _collecting:
        gc.enable()


def run() -> None:
    if "openpyxl" not in sys.modules:
        from lkjip_xl.optional_imports import OpenpyxlWithout

        OpenpyxlWithout("numpy", "openpyxl.compat.numbers", "NUMPY").install()
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
