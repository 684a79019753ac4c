"""The standard LKjIP workbook template: build it, save it, fill it (tests, examples)."""

from __future__ import annotations

from .builder import (
    LAST_INPUT_ROW,
    build_template,
    fill_custom_scale,
    fill_identity,
    fill_rows,
    identity_defaults,
    save_template,
    workbook_bytes,
)

__all__ = [
    "LAST_INPUT_ROW",
    "build_template",
    "fill_custom_scale",
    "fill_identity",
    "fill_rows",
    "identity_defaults",
    "save_template",
    "workbook_bytes",
]
