"""Optional imports of openpyxl that the program refuses (`OpenpyxlWithout`): never imported
by in-process callers of `cli.main`."""

from __future__ import annotations

import sys
from typing import Any


class OpenpyxlWithout:
    """Makes one of openpyxl's optional imports fail, once: `name` while openpyxl's module
    `importer` is being executed (it has not yet set `marker`), then removes itself. Any
    other import of `name`, before or after, works as usual. Installed by the program only
    (`run()`, `cli`'s `fix` in the program): in-process callers of `cli.main` (and their own
    openpyxl) are never affected. (A meta path finder needs only `find_spec`: importlib.abc
    would cost `check` 11 ms.)

    numpy: openpyxl imports it (about 60 ms, half its import time) only to accept numpy
    numbers as cell values; the program writes Python numbers only (`fix`, `template`).
    Pillow (about 8 ms): openpyxl needs it only to keep a workbook's pictures; `fix` refuses
    it only for a workbook with no picture to keep (`preserve.may_hold_pictures`)."""

    def __init__(self, name: str, importer: str, marker: str) -> None:
        self.name, self.importer, self.marker = name, importer, marker

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == self.name:
            importer = sys.modules.get(self.importer)
            if importer is not None and not hasattr(importer, self.marker):
                self.remove()
                raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return None

    def install(self) -> None:
        if self.name not in sys.modules and self.importer not in sys.modules:
            sys.meta_path.insert(0, self)

    def remove(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)


def without_pillow() -> None:
    """openpyxl, when it is imported next, works without Pillow (see `OpenpyxlWithout`)."""
    OpenpyxlWithout("PIL", "openpyxl.drawing.image", "PILImage").install()
