"""Import hygiene: `check` reads with python-calamine and never loads openpyxl or pandas;
`import lkjip_xl` alone is cheap. Measured with `python -X importtime` in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .test_batch import wrong_workbook

HEAVY = {"openpyxl", "pandas", "numpy", "xlwings"}
ROOT = Path(__file__).resolve().parent.parent


def imported(*args: str, cwd: Path | None = None) -> set[str]:
    """Top-level packages a fresh interpreter imports while running `args`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    proc = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=120, stdin=subprocess.DEVNULL)
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                names.add(name.split(".")[0])
    assert "lkjip_xl" in names or args[0] == "-c", proc.stderr[-2000:]
    return names


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return wrong_workbook(tmp_path_factory.mktemp("imports") / "wrong.xlsx")


@pytest.mark.parametrize("fmt", ["json", "text", "csv", "sarif"])
def test_check_does_not_import_openpyxl_or_pandas(workbook: Path, fmt: str) -> None:
    names = imported("-m", "lkjip_xl", "check", str(workbook), "--format", fmt)
    assert "python_calamine" in names
    assert not names & HEAVY, names & HEAVY
    assert "rich" not in names  # the progress bar is for terminals only
    assert "xlsxwriter" not in names


def test_check_batch_with_csv_rekap_stays_lean(workbook: Path, tmp_path: Path) -> None:
    names = imported("-m", "lkjip_xl", "check", str(workbook), str(workbook.parent),
                     "--format", "json", "-j", "2", "--report", str(tmp_path / "r.csv"))
    assert not names & (HEAVY | {"xlsxwriter", "rich"})


def test_xlsx_rekap_imports_only_its_writer(workbook: Path, tmp_path: Path) -> None:
    names = imported("-m", "lkjip_xl", "check", str(workbook), "--format", "json",
                     "--report", str(tmp_path / "r.xlsx"))
    assert "xlsxwriter" in names
    assert not names & HEAVY


def test_import_lkjip_xl_is_cheap() -> None:
    names = imported("-c", "import lkjip_xl")
    assert "lkjip_xl" in names
    assert not names & (HEAVY | {"click", "rich", "python_calamine", "xlsxwriter",
                                 "multiprocessing", "defusedxml"})
