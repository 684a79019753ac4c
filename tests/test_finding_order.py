"""The engine's finding order: `sort_findings` must give exactly `sorted(key=sort_key)`."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from lkjip_xl.engine import check_file
from lkjip_xl.rules.base import sort_findings

SEED = Path(__file__).resolve().parent.parent / "examples" / "lkjip_2019_dinsos_batam.xlsx"


def _reference(findings):
    return sorted(findings, key=lambda f: f.sort_key)


def test_seed_findings_in_sort_key_order_from_any_start() -> None:
    findings = list(check_file(SEED).findings)
    assert len(findings) > 100
    assert findings == _reference(findings)
    rng = random.Random(13)
    for _ in range(5):
        shuffled = findings[:]
        rng.shuffle(shuffled)
        ordered = sort_findings(shuffled)
        assert [id(f) for f in ordered] == [id(f) for f in _reference(shuffled)]


def test_ties_ordered_by_params_then_kept_stable() -> None:
    base = check_file(SEED).findings[0]
    other_file = dataclasses.replace(base, file="a_first.xlsx")
    whole_sheet = dataclasses.replace(base, cell="")
    far_cell = dataclasses.replace(base, cell="AA3")
    other_sheet = dataclasses.replace(base, sheet="Zzz lain", cell="A1")
    by_params = [dataclasses.replace(base, params=(("n", n),)) for n in (3, 1, 2, 1)]
    twins = [dataclasses.replace(base, params=(("n", 1),)) for _ in range(3)]
    findings = [far_cell, *by_params, other_sheet, whole_sheet, *twins, other_file, base]
    rng = random.Random(7)
    for _ in range(20):
        rng.shuffle(findings)
        ordered = sort_findings(findings)
        assert [id(f) for f in ordered] == [id(f) for f in _reference(findings)]
    assert sort_findings([]) == []


def test_check_file_leaves_no_report_behind() -> None:
    """A report `check_file` does not return is freed at once (not kept alive by the shared
    analyses' memo, where the collector would have to trace its thousands of cells)."""
    import gc

    from lkjip_xl.model import Report

    def alive() -> int:
        gc.collect()
        return sum(type(o) is Report for o in gc.get_objects())

    before = alive()
    result = check_file(SEED)
    assert result.findings and result.report is None
    assert alive() == before
    kept = check_file(SEED, keep_report=True)
    assert kept.report is not None and kept.findings == result.findings
    assert alive() == before + 1


def test_row_col_of_plain_addresses_as_of_any_other() -> None:
    """`_row_col`'s fast path for 'J12' gives what its general path gives (letters and
    digits wherever they are), and the general path still reads the odd ones."""
    from lkjip_xl.rules import base

    def general(address: str) -> tuple[int, int]:
        letters = "".join(ch for ch in address if ch.isalpha())
        digits = "".join(ch for ch in address if ch.isdigit())
        col = 0
        for ch in letters.upper():
            col = col * 26 + ord(ch) - 64
        return (int(digits) if digits else 0, col)

    addresses = ["A1", "J12", "Z9", "AA10", "XFD1048576", "A01", "$A$1", "a1", "AA", "12",
                 "", "A1B2", "ÄB3", "B 7"]
    assert base._PLAIN_ADDRESS.fullmatch("J12") and not base._PLAIN_ADDRESS.fullmatch("$A$1")
    for address in addresses:
        assert base._row_col(address) == general(address), address
    assert base._row_col("AA10") == (10, 27) and base._row_col("$C$4") == (4, 3)
