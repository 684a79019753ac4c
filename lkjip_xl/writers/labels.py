"""Words people read in the sheets the toolkit writes (Temuan, rekap): rule titles, severity
labels, formulas with the reader's separators. Small and free of openpyxl, so the rekap
writer and the output sheets share them."""

from __future__ import annotations

import re

from ..messages import MESSAGES, localise, t


def rule_title(code: str, name: str, lang: str) -> str:
    """A rule's title in the reader's language: `rule.<code>.title`, else its summary, else
    its name (the English slug only when nothing else exists)."""
    for key in (f"rule.{code}.title", f"rule.{code}.summary"):
        if key in MESSAGES:
            return t(key, lang)
    return name


def severity_label(severity: str, lang: str) -> str:
    """'galat' / 'peringatan' / 'info' ('error' / 'warning' / 'info' in English)."""
    return t(f"fix.severity.{severity}", lang)


_BIG_NUMBER = re.compile(r"(?<![\w.,])(-?)(\d{5,})(?=[^\w]|$)")


def formula_text(text: str, lang: str) -> str:
    """A formula as people read it: decimals and thousands the reader's way
    ('5029634268 / 5646126600 x 100' -> '5.029.634.268 / 5.646.126.600 x 100'; English
    '5,029,634,268 / ...'). Four-digit numbers stay as they are (years)."""
    if not text:
        return text
    if lang != "en":
        return str(localise(text, lang))
    from ..messages import outside_workbook_names

    return outside_workbook_names(
        text, lambda part: _BIG_NUMBER.sub(lambda m: f"{m.group(1)}{int(m.group(2)):,}", part))
