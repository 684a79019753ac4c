"""`messages.localise`'s cached paths give what `numtext.format_number` gives, for values
that compare equal but are written differently too."""

from __future__ import annotations

import math
from decimal import Decimal

from lkjip_xl.messages import Verbatim, localise, t
from lkjip_xl.numtext import format_number


def test_figures_through_the_cache_match_format_number() -> None:
    values = [1, 1.0, 1.5, -0.0, 0.0, 0, 93.05, 1697, 1697.0, 12345678.125, -2.5, math.inf,
              Decimal("1.0"), Decimal("1.00"), Decimal("1"), 10 ** 20, 1e-7]
    for _ in range(2):  # the second round reads the cache
        for lang in ("id", "en"):
            for value in values:
                assert localise(value, lang) == format_number(value, lang), (value, lang)
    assert localise(Decimal("1.0"), "id") != localise(Decimal("1.00"), "id")
    assert localise(math.nan, "en") == format_number(math.nan, "en")
    assert localise(True, "id") is True


def test_text_tokens_localised_outside_workbook_names_only() -> None:
    text = "565 / 594 x 100 = 95.12 dari [2023 lama.xlsx]Lampiran II!H4"
    for lang in ("id", "en"):
        shown = localise(text, lang)
        assert "[2023 lama.xlsx]" in shown
        assert shown.startswith(f"565 / 594 x 100 = {format_number(95.12, lang)} dari")
    quoted = Verbatim("1.697")
    assert localise(quoted, "id") is quoted


def test_long_quoted_text_still_clipped() -> None:
    long = "x" * 400
    clipped = t("num.clipped", "id", text=Verbatim(long[:300]), n=Verbatim("400"))
    shown = t("import.note.below", "id", text=long)
    assert long not in shown and clipped in shown
    short = "y" * 300  # at the limit: as is
    assert t("import.note.below", "en", text=short) == f'Printed below it: "{short}".'
