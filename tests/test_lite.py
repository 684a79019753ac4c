"""xlwings Lite runs Python in Pyodide, where native wheels (python-calamine, numpy, pandas)
do not exist. The Lite script (examples/xlwings_lite/main.py) must run the button path with
them blocked, and do exactly what it does with them; lkjip-xl's metadata must not ask Pyodide
for a native wheel.

The button runs on xlwings' remote engine (`xw.Book(json=...)`, the engine of xlwings Server
and Lite) with a payload built from a real workbook (tests/excel_client.py), in a fresh
interpreter whose import system refuses the native packages. tests/test_pyodide.py runs the
same under real Pyodide where Node and the pyodide npm package are available.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import lkjip_xl

from .excel_client import payload, run_remote
from .test_fix import SEED

ROOT = Path(__file__).resolve().parent.parent
LITE = ROOT / "examples" / "xlwings_lite"
# Native packages that Pyodide does not have (or that Lite would have to download as
# Pyodide builds): the button path must not import any of them.
# cryptography: xlwings imports it for its licence only when it is installed (pdfminer, of
# the `import` extra, installs it in a development environment); Lite does not load it.
BLOCKED = ("python_calamine", "numpy", "pandas", "lxml", "PIL", "cryptography")

CHILD = r"""
import importlib.abc, importlib.util, json, os, sys

BLOCKED = set(sys.argv[4].split(","))


class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"{name} is not available in Pyodide", name=name)
        return None


sys.meta_path.insert(0, Refuse())
os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
import xlwings as xw

spec = importlib.util.spec_from_file_location("lite_main", sys.argv[1])
main = importlib.util.module_from_spec(spec)
spec.loader.exec_module(main)
with open(sys.argv[2], encoding="utf-8") as f:
    book = xw.Book(json=json.load(f))
result = main.periksa_dan_hitung(book)
native = sorted({
    name.split(".")[0] for name, module in list(sys.modules.items())
    if (getattr(module, "__file__", None) or "").endswith((".so", ".pyd"))
    and "site-packages" in module.__file__})
with open(sys.argv[3], "w", encoding="utf-8") as f:
    json.dump({"ok": result.ok, "findings": result.findings, "message": result.message,
               "actions": book.json()["actions"], "native": native,
               "lkjip_xl": sorted(n for n in sys.modules if n.startswith("lkjip_xl"))}, f)
"""


def run_lite(src: Path, tmp_path: Path) -> dict:
    request = tmp_path / "payload.json"
    request.write_text(json.dumps(payload(src)), encoding="utf-8")
    answer = tmp_path / "answer.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(LITE / "main.py"), str(request), str(answer),
         ",".join(BLOCKED)], capture_output=True, text=True, env=env, timeout=300,
        stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return {**json.loads(answer.read_text(encoding="utf-8")), "stdout": proc.stdout}


def test_lite_script_runs_the_button_without_native_packages(tmp_path: Path,
                                                             monkeypatch) -> None:
    # One fixed clock for both runs: the Ringkasan header says when it was made.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    got = run_lite(SEED, tmp_path)
    assert got["ok"], got["message"]
    assert got["findings"] > 0
    assert got["message"] in got["stdout"]  # Lite shows print() in its output pane
    # the only compiled module from site-packages is xlwings' own (this test's client)
    assert set(got["native"]) <= {"xlwings"}, got["native"]
    assert "lkjip_xl.excel" in got["lkjip_xl"]

    # exactly what the button does with every package available
    result, _applied, actions = run_remote(SEED, tmp_path / "full.xlsx")
    assert result.findings == got["findings"]
    *writes, shown = got["actions"]
    assert writes == json.loads(json.dumps(actions))
    assert shown["func"] == "alert" and shown["args"][0] == got["message"]  # a message box


def test_lite_script_reports_a_workbook_that_is_not_an_lkjip(tmp_path: Path) -> None:
    import openpyxl

    other = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Data"
    wb.active["A1"] = "bukan LKjIP"
    wb.save(other)
    got = run_lite(other, tmp_path)
    assert not got["ok"]
    assert "Data" in got["message"]  # names the sheets it found
    assert got["actions"] == [] or all(a["func"] == "alert" for a in got["actions"])


def test_lite_requirements_name_this_version() -> None:
    lines = [line.strip() for line in (LITE / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines == [f"lkjip-xl=={lkjip_xl.__version__}"]


def _requirements() -> list:
    from packaging.requirements import Requirement

    return [Requirement(r) for r in importlib.metadata.requires("lkjip-xl") or []]


PYODIDE_ENV = {"platform_system": "Emscripten", "sys_platform": "emscripten",
               "platform_machine": "wasm32", "os_name": "posix", "extra": ""}


def test_metadata_asks_pyodide_for_pure_python_wheels_only() -> None:
    """Every requirement Pyodide would install (xlwings comes with Lite) is installed here
    as pure Python: no compiled file in its RECORD."""
    from packaging.utils import canonicalize_name

    wanted = [r for r in _requirements() if r.marker is None or r.marker.evaluate(PYODIDE_ENV)]
    names = {canonicalize_name(r.name) for r in wanted}
    assert "python-calamine" not in names
    assert "pandas" not in names and "numpy" not in names
    for name in sorted(names - {"xlwings"}):
        files = importlib.metadata.distribution(name).files or []
        native = [str(f) for f in files if str(f).endswith((".so", ".pyd", ".dylib"))]
        assert not native, f"{name} is not pure Python: {native[:3]}"
    # while a desktop install still gets python-calamine
    desktop = {**PYODIDE_ENV, "platform_system": "Windows", "sys_platform": "win32"}
    assert any(canonicalize_name(r.name) == "python-calamine"
               and (r.marker is None or r.marker.evaluate(desktop)) for r in _requirements())


@pytest.mark.parametrize("module", ["lkjip_xl.excel", "lkjip_xl.fixing", "lkjip_xl.engine"])
def test_button_modules_import_with_native_packages_blocked(module: str) -> None:
    code = (
        "import importlib.abc, sys\n"
        "class Refuse(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {BLOCKED!r}:\n"
        "            raise ModuleNotFoundError(name, name=name)\n"
        "sys.meta_path.insert(0, Refuse())\n"
        f"import {module}\n"
        "import lkjip_xl.rules\n"
        "lkjip_xl.rules.all_rules()\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
