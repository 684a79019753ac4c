"""Precision as printed (issue 10, point 6): a capaian printed with fewer decimals than the
workbook's Desimal is right at its own precision; `fix` corrects only what is wrong at that
precision, and writes the correction with the same decimals.

A report printed with ONE decimal, typed as printed (Desimal stays 2). By hand:
  IK-1  67 / 72   x 100 = 93.0555...  printed 93,1  right at 1 decimal      -> CAP003 (info)
  IK-2  1020/1697 x 100 = 60.1060...  printed 60,3  wrong at 1 decimal      -> CAP001, 60,1
  IK-3  2 / 3     x 100 = 66.6666...  printed 66,6  cut instead of rounded  -> CAP002, 66,7
  IK-4  31 / 32   x 100 = 96.875      printed 100   wrong; the sheet prints 1 decimal -> 96,9
  IK-5  50 / 50   x 100 = 100         printed 100   right
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from lkjip_xl.cli import cli
from lkjip_xl.rules import Severity
from tests.builders import findings, make_workbook

PM = "Pengukuran Kinerja"
ROWS = {"IK-1": (72, 67, "93,1"), "IK-2": (1697, 1020, "60,3"), "IK-3": (3, 2, "66,6"),
        "IK-4": (32, 31, 100), "IK-5": (50, 50, 100)}


def _workbook(tmp_path: Path) -> Path:
    pengukuran = [{"baris": "Indikator", "kode_indikator": code, "indikator": f"Indikator {code}",
                   "satuan": "Org", "target": t, "realisasi": r, "capaian": c,
                   "sumber": "Bab III"} for code, (t, r, c) in ROWS.items()]
    return make_workbook(tmp_path / "satu_desimal.xlsx", pengukuran=pengukuran)


def test_check_says_info_for_values_right_at_their_precision(tmp_path: Path) -> None:
    found = [f for f in findings(_workbook(tmp_path)) if f.code.startswith("CAP")]
    by_cell = {f.location: f for f in found}
    assert sorted((f.code, f.location) for f in found) == [
        ("CAP001", f"{PM}!H5"), ("CAP001", f"{PM}!H7"), ("CAP002", f"{PM}!H6"),
        ("CAP003", f"{PM}!H4")]
    right = by_cell[f"{PM}!H4"]
    assert right.severity is Severity.INFO and right.fix is None
    assert right.message() == (
        "Nilai tertulis 93,1 benar pada 1 desimal seperti tercetak (tidak diubah); dengan 2 "
        "desimal sesuai pengaturan buku kerja: 93,06 = 67 / 72 x 100.")
    # the corrections keep the printed decimals
    assert by_cell[f"{PM}!H5"].fix.value == 60.1
    assert by_cell[f"{PM}!H7"].fix.value == 96.9
    assert by_cell[f"{PM}!H5"].expected == 60.11  # the message still shows the full value


def test_fix_leaves_right_values_alone_and_keeps_the_decimals(tmp_path: Path) -> None:
    src = _workbook(tmp_path)
    out = tmp_path / "out.xlsx"
    result = CliRunner().invoke(cli, ["fix", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)[PM]
    values = {code: ws[f"H{row}"].value for row, code in enumerate(ROWS, start=4)}
    # '93,1' typed as text becomes the number 93.1 (INP001), not 93.06
    assert values == {"IK-1": 93.1, "IK-2": 60.1, "IK-3": 66.7, "IK-4": 96.9, "IK-5": 100}
    # fixing the fixed workbook changes nothing more
    again = tmp_path / "again.xlsx"
    assert CliRunner().invoke(cli, ["fix", str(out), "-o", str(again)]).exit_code == 0
    ws2 = openpyxl.load_workbook(again)[PM]
    assert {code: ws2[f"H{row}"].value for row, code in enumerate(ROWS, start=4)} == values
