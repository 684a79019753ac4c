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


def imported(*args: str, cwd: Path | None = None, modules: bool = False) -> set[str]:
    """Top-level packages a fresh interpreter imports while running `args` (every module,
    dotted, with `modules`)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    proc = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=120, stdin=subprocess.DEVNULL)
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                names.add(name if modules else name.split(".")[0])
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
    # numbers in messages (id, en) are written without loading Babel's locale data
    assert "babel" not in names


def test_check_of_one_workbook_leaves_what_only_batches_need(workbook: Path) -> None:
    """One workbook to standard output: no pairing, no rekap writer, no spool file, no CSV
    module (the cold check of one file is ratio 3 of the benchmark)."""
    names = imported("-m", "lkjip_xl", "check", str(workbook), "--format", "json",
                     modules=True)
    assert "lkjip_xl.engine" in names
    assert not names & {"lkjip_xl.pairing", "lkjip_xl.writers.rekap", "tempfile", "csv",
                        "multiprocessing"}, names & {"lkjip_xl.pairing", "tempfile", "csv"}


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


def test_fix_program_keeps_numpy_out_and_importable(workbook: Path, tmp_path: Path) -> None:
    """The program (`python -m lkjip_xl`, the `lkjip-xl` script) imports openpyxl without its
    optional numpy; numpy itself stays importable afterwards, and openpyxl imported by an
    in-process caller of `cli.main` keeps numpy."""
    out = tmp_path / "fixed.xlsx"
    script = (
        "import sys\n"
        "from lkjip_xl.__main__ import run\n"
        f"sys.argv = ['lkjip-xl', 'fix', {str(workbook)!r}, '-o', {str(out)!r}, '--force']\n"
        "try:\n    run()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "import openpyxl\n"
        "print('numpy' in sys.modules, openpyxl.NUMPY)\n"
        "import numpy\n"
        "print(numpy.float64(1.5) + 1)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.splitlines()[-2:] == ["False False", "2.5"]
    assert out.exists()

    in_process = ("import sys\nfrom lkjip_xl.cli import main\n"
                  f"sys.argv = ['lkjip-xl', 'fix', {str(workbook)!r}, '-o', "
                  f"{str(tmp_path / 'again.xlsx')!r}, '--force']\n"
                  "try:\n    main()\nexcept SystemExit:\n    pass\n"
                  "import openpyxl\nprint(openpyxl.NUMPY)\n")
    proc = subprocess.run([sys.executable, "-c", in_process], capture_output=True, text=True,
                          env=env, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.stdout.splitlines()[-1:] == ["True"], proc.stderr[-2000:]


def _program_fix(src: Path, out: Path) -> list[str]:
    script = (
        "import sys\n"
        "from lkjip_xl.__main__ import run\n"
        f"sys.argv = ['lkjip-xl', 'fix', {str(src)!r}, '-o', {str(out)!r}, '--force']\n"
        "try:\n    run()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "import openpyxl.drawing.image\n"
        "print('PIL' in sys.modules, bool(openpyxl.drawing.image.PILImage))\n"
        "import PIL.Image\n"
        "print(PIL.Image.new('RGB', (2, 1)).size)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert out.exists()
    return proc.stdout.splitlines()[-2:]


def test_fix_program_loads_pillow_only_for_a_workbook_with_pictures(workbook: Path,
                                                                    tmp_path: Path) -> None:
    """openpyxl needs Pillow only to keep pictures: the program's `fix` of a workbook without
    any does without it (Pillow stays importable); one with a picture keeps it."""
    pytest.importorskip("PIL")
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.drawing.image import Image
    from PIL import Image as PILImage

    assert _program_fix(workbook, tmp_path / "plain.xlsx") == ["False False", "(2, 1)"]

    logo = tmp_path / "logo.png"
    PILImage.new("RGB", (40, 20), "red").save(logo)
    wb = load_workbook(workbook)
    wb.worksheets[0].add_image(Image(str(logo)), "P2")
    pictured = tmp_path / "pictured.xlsx"
    wb.save(pictured)
    out = tmp_path / "pictured_fixed.xlsx"
    assert _program_fix(pictured, out) == ["True True", "(2, 1)"]
    with zipfile.ZipFile(out) as z:
        assert [n for n in z.namelist() if n.startswith("xl/media/")]


def test_check_of_a_workbook_never_loads_the_document_readers(workbook: Path) -> None:
    """`check` of .xlsx files does not pay for the import extra (python-docx, pdfplumber,
    lxml): they load only when a .docx or .pdf is checked or imported."""
    names = imported("-m", "lkjip_xl", "check", str(workbook), str(workbook.parent),
                     "--format", "json")
    assert not names & {"docx", "pdfplumber", "pdfminer", "lxml", "pypdfium2"}
    assert "lkjip_xl" in names
