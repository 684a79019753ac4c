"""The Ringkasan and Temuan layouts (lkjip_xl/output_sheets.py) and the four mark counts
(CorrectionPlan.marks_shown), on the seed example and on built cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_xl.fixing import prepare_fix
from lkjip_xl.output_sheets import (
    LINE_HEIGHT,
    ROW_HEIGHT,
    auditor_order,
    page_breaks,
    ringkasan_sheet,
    temuan_sheet,
)
from lkjip_xl.provenance import file_sha256, provenance
from lkjip_xl.rules.base import Severity
from lkjip_xl.writers.styles import look

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx"


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip("seed example not built yet")
    return prepare_fix(SEED)


def test_the_seed_marks_in_four_kinds(seed):
    """Issue 11: 21 cells show a corrected value (capaian, totals, the three averages, Pengukuran
    Kinerja!F34's 694 aligned with the agreed 594), 51 blanks filled, text-to-number
    conversions that changed no value, and every cell with a "Periksa" note to review (57),
    each cell once."""
    counts = seed.plan.marks_shown()
    assert counts["corrected"] == 21 and counts["filled"] == 51
    assert counts["review"] == 57
    assert sum(counts.values()) == len(seed.plan.changes) + len(seed.plan.marks)
    noted = sum(1 for c in seed.plan.changes if c.also_id) + len(seed.plan.marks)
    assert counts["review"] == noted
    assert counts["converted"] == len(seed.plan.changes) - 21 - 51 - (noted - len(
        seed.plan.marks))


def test_ringkasan_shows_the_four_counts_and_the_provenance(seed):
    made = provenance(SEED, seed.settings)
    sheet = ringkasan_sheet(seed.summary, "id", seed.actions, plan=seed.plan, provenance=made)
    rows = {row[0].value: row for row in sheet.rows if row}
    assert rows["Nilai dibetulkan"][2].value == 21
    assert rows["Perlu ditinjau"][2].value == 57
    texts = [c.value for row in sheet.rows for c in row if isinstance(c.value, str)]
    assert any(file_sha256(SEED) in x and SEED.name in x for x in texts)
    assert not any("--" in x for x in texts)  # no command-line flag in a workbook


def test_every_number_on_ringkasan_has_a_number_format(seed):
    sheet = ringkasan_sheet(seed.summary, "id", seed.actions, plan=seed.plan)
    for row in sheet.rows:
        for c in row:
            if isinstance(c.value, int | float):
                assert look(c.style).number_format, (c.value, c.style)
            if c.value is not None or c.style:
                assert look(c.style).font


def test_page_breaks_keep_blocks_whole():
    heights: dict[int, float] = {}
    # blocks of 10, 10, 10 rows at the default height; a page holds 25 rows
    breaks = page_breaks(heights, 30, [1, 11, 21], 25 * ROW_HEIGHT)
    assert breaks == (20,)  # the third block starts a new page
    # a block taller than a page is left to the automatic breaks (60 rows: two pages and 10
    # rows); the next block fits under it (10 + 10 rows) or starts a page (10 + 20 rows)
    assert page_breaks(heights, 70, [1, 61], 25 * ROW_HEIGHT) == ()
    assert page_breaks(heights, 80, [1, 61], 25 * ROW_HEIGHT) == (60,)
    assert page_breaks({}, 5, [1], 25 * LINE_HEIGHT) == ()


def test_temuan_puts_errors_first_and_leaves_room_for_the_answer(seed):
    order = auditor_order(seed.findings)
    ranks = [Severity(seed.findings[i].severity).rank for i in order]
    assert ranks == sorted(ranks, reverse=True)
    sheet = temuan_sheet(seed.findings, seed.plan, "id", sheets={"Lampiran II"})
    header = [c.value for c in sheet.rows[0]]
    assert header[-1] == "Tanggapan / Tindak Lanjut" and sheet.print_rows == "1:1"
    assert [r[1].value for r in sheet.rows[1:4]] == ["galat"] * 3
    names = {r[3].value for r in sheet.rows[1:]}
    assert not any("-" in n and " " not in n for n in names)  # no English slug


def test_english_ringkasan_is_english(seed):
    sheet = ringkasan_sheet(seed.summary, "en", seed.actions, plan=seed.plan)
    texts = [c.value for row in sheet.rows for c in row if isinstance(c.value, str)]
    assert any(x.startswith("1. Achievement per indicator") for x in texts)
    assert "Value corrected" in texts
