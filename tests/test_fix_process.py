"""What `fix` does to its own process to run faster, and what it must leave alone.

- the `fix` command pauses Python's cyclic garbage collector while it runs and restores it
  when it ends, for an in-process caller of `cli.main` too;
- the program (`python -m lkjip_xl`) freezes the collector's objects only as it exits
  (its command ended): the collector never traces what the command allocated;
- the corrected workbook's worksheet parts are written in memory (no temporary files), and
  openpyxl's writer is restored after the save, also after a failed one.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_xl.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx"


def _python(script: str) -> subprocess.CompletedProcess[str]:
    """`script` run by a fresh Python, as the program runs (the collector as Python starts)."""
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120,
                          stdin=subprocess.DEVNULL)


def _fix(out: Path) -> None:
    result = CliRunner().invoke(cli, ["fix", str(SEED), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert out.exists()


def test_fix_in_process_restores_the_garbage_collector(tmp_path: Path) -> None:
    paused: list[bool] = []
    from lkjip_xl.writers import workbook

    original = workbook.apply_plan

    def spy(*args: object, **kw: object) -> object:
        paused.append(not gc.isenabled())
        return original(*args, **kw)  # type: ignore[arg-type]

    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    workbook.apply_plan = spy  # type: ignore[assignment]
    try:
        _fix(tmp_path / "a.xlsx")
    finally:
        workbook.apply_plan = original
    assert paused == [True]  # paused while the workbook was corrected
    assert gc.isenabled()  # and enabled again afterwards
    assert gc.get_freeze_count() == frozen  # nothing frozen in a caller's process


def test_fix_in_process_keeps_a_disabled_collector_disabled(tmp_path: Path) -> None:
    gc.disable()
    try:
        _fix(tmp_path / "b.xlsx")
        assert not gc.isenabled()  # the caller's choice, not turned on behind its back
    finally:
        gc.enable()


def test_failed_fix_restores_the_collector(tmp_path: Path) -> None:
    bad = tmp_path / "not_a_workbook.xlsx"
    bad.write_bytes(b"not a zip")
    result = CliRunner().invoke(cli, ["fix", str(bad), "-o", str(tmp_path / "c.xlsx")])
    assert result.exit_code == 2
    assert gc.isenabled()


def test_program_freezes_only_at_its_end(tmp_path: Path) -> None:
    out = tmp_path / "fixed.xlsx"
    script = (
        "import gc, sys\n"
        "from lkjip_xl.__main__ import run\n"
        f"sys.argv = ['lkjip-xl', 'fix', {str(SEED)!r}, '-o', {str(out)!r}, '--force']\n"
        "before = gc.get_freeze_count()\n"
        "try:\n    run()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "print(before, gc.get_freeze_count() > 0, gc.isenabled())\n")
    proc = _python(script)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.splitlines()[-1].split() == ["0", "True", "True"]
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None


def test_program_never_traces_what_fix_allocated(tmp_path: Path) -> None:
    """Re-enabled after the command, the collector used to trace the ~25,000 objects the
    command left (18 ms on the seed) moments before the process ended."""
    out = tmp_path / "fixed.xlsx"
    script = (
        "import gc, sys\n"
        "from lkjip_xl.__main__ import run\n"
        f"sys.argv = ['lkjip-xl', 'fix', {str(SEED)!r}, '-o', {str(out)!r}, '--force']\n"
        "seen = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'stop' and seen.append(\n"
        "    info['collected']))\n"
        "try:\n    run()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "print(max(seen, default=0))\n")
    proc = _python(script)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert int(proc.stdout.splitlines()[-1]) < 5000
    assert out.exists()


def test_sheets_are_written_without_temporary_files(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl would write each worksheet to a temporary file: none is made."""
    from openpyxl.worksheet import _writer

    made: list[str] = []
    real = tempfile.NamedTemporaryFile

    def spy(*args: object, **kw: object) -> object:
        made.append(str(kw.get("prefix", "")))
        return real(*args, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", spy)
    monkeypatch.setattr(_writer, "NamedTemporaryFile", spy)
    original = (_writer.create_temporary_file, _writer.WorksheetWriter.cleanup)
    _fix(tmp_path / "d.xlsx")
    assert not [p for p in made if p.startswith("openpyxl")]
    assert (_writer.create_temporary_file, _writer.WorksheetWriter.cleanup) == original
    with zipfile.ZipFile(tmp_path / "d.xlsx") as z:
        sheets = [i for i in z.infolist() if i.filename.startswith("xl/worksheets/sheet")]
        # every sheet as openpyxl's own save stores it: a regular file, mode 0600, deflated
        assert len(sheets) == 8
        assert {(i.external_attr >> 16, i.compress_type) for i in sheets} == {
            (0o100600, zipfile.ZIP_DEFLATED)}


def test_openpyxl_writer_restored_after_a_failed_save(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.worksheet import _writer

    from lkjip_xl.writers.workbook import save_sized

    original = (_writer.create_temporary_file, _writer.WorksheetWriter.cleanup)
    wb = Workbook()
    wb.active["A1"] = 1.5
    with pytest.raises(OSError):
        save_sized(wb, tmp_path / "no such folder" / "x.xlsx")
    assert (_writer.create_temporary_file, _writer.WorksheetWriter.cleanup) == original
    wb.active["A1"] = 1.5
    save_sized(wb, tmp_path / "ok.xlsx")  # and the next save works as usual
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "ok.xlsx").active["A1"].value == 1.5


def test_macro_workbook_leaves_no_archive_to_the_collector(tmp_path: Path) -> None:
    """openpyxl keeps a macro workbook's parts in an in-memory archive it never closes;
    with the collector paused it used to be finalised after its buffer ("Exception ignored
    in ZipFile.__del__"). `fix` closes it once the workbook is written."""
    from .builders import make_workbook, measured_rows
    from .test_cli_safety import _as_xlsm

    src = _as_xlsm(make_workbook(tmp_path / "lap.xlsx", **measured_rows(81.41, "Berhasil")),
                   tmp_path / "lap.xlsm")
    ignored: list[object] = []
    hook = sys.unraisablehook
    gc.collect()
    sys.unraisablehook = ignored.append
    try:
        result = CliRunner().invoke(cli, ["fix", str(src), "-o", str(tmp_path / "out.xlsm")])
        gc.collect()
    finally:
        sys.unraisablehook = hook
    assert result.exit_code == 0, result.output
    assert ignored == []
    with zipfile.ZipFile(tmp_path / "out.xlsm") as z:
        assert z.testzip() is None


@pytest.mark.parametrize("enabled", [True, False])
def test_importing_the_program_leaves_the_collector_as_it_was(enabled: bool) -> None:
    script = ("import gc\n"
              f"{'gc.enable()' if enabled else 'gc.disable()'}\n"
              "import lkjip_xl.__main__\n"
              "print(gc.isenabled(), gc.get_freeze_count())\n")
    proc = _python(script)
    assert proc.stdout.split() == [str(enabled), "0"], proc.stderr[-2000:]
