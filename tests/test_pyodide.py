"""The xlwings Lite script under real Pyodide (Python compiled to WebAssembly, run by Node):
the button path with only pure-Python code, as xlwings Lite runs it.

Optional: it needs `node` and the `pyodide` npm package, found at $LKJIP_XL_PYODIDE (the
`node_modules/pyodide` folder) or installed once with `npm install pyodide` into the test
cache ($LKJIP_XL_TEST_CACHE, default the system temp folder). Without them, or without the
network for that one install, it is skipped with the reason. Nothing from PyPI is needed:
lkjip_xl comes from this checkout, its dependencies (those whose markers hold under Pyodide,
as micropip would install them in Lite) from this environment, and xlwings' pure-Python files
from the installed xlwings (Lite ships its own).
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .excel_client import payload, run_remote
from .test_fix import SEED
from .test_install import CACHE
from .test_lite import CHILD, LITE, PYODIDE_ENV, ROOT

EPOCH = "1767225600"  # 2026-01-01, for both runs (SOURCE_DATE_EPOCH)

RUNNER = r"""
const { loadPyodide } = require(process.argv[2]);
const fs = require("fs");
(async () => {
  const py = await loadPyodide();
  py.FS.mkdirTree("/host");
  py.FS.mount(py.FS.filesystems.NODEFS, { root: process.argv[3] }, "/host");
  py.runPython(fs.readFileSync(process.argv[4], "utf8"));
})().catch((e) => { console.error(String(e)); process.exit(1); });
"""


def _pyodide() -> Path:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (needed to run Pyodide)")
    given = os.environ.get("LKJIP_XL_PYODIDE")
    if given:
        if not (Path(given) / "package.json").is_file():
            pytest.skip(f"LKJIP_XL_PYODIDE={given} is not the pyodide npm package")
        return Path(given)
    prefix = CACHE / "pyodide"
    module = prefix / "node_modules" / "pyodide"
    if (module / "package.json").is_file():
        return module
    npm = shutil.which("npm")
    if npm is None or os.environ.get("LKJIP_XL_OFFLINE"):
        pytest.skip("the pyodide npm package is not installed (set LKJIP_XL_PYODIDE)")
    # Installed beside the cache, then renamed into place: a parallel run never sees half.
    partial = CACHE / f"pyodide.{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    proc = subprocess.run([npm, "install", "--prefix", str(partial), "--no-audit", "--no-fund",
                           "pyodide"], capture_output=True, text=True, timeout=240)
    if proc.returncode != 0 or not (partial / "node_modules/pyodide/package.json").is_file():
        shutil.rmtree(partial, ignore_errors=True)
        pytest.skip(f"npm install pyodide failed: {proc.stderr.strip()[-300:]}")
    try:
        os.rename(partial, prefix)
    except OSError:  # another run got there first
        shutil.rmtree(partial, ignore_errors=True)
    return module


def _copy_dependencies(site: Path) -> list[str]:
    """What micropip would install in Lite: every dependency of lkjip-xl whose marker holds
    under Pyodide, copied from this environment (their purity is tests/test_lite.py's)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    copied: list[str] = []
    seen: set[str] = set()
    todo = ["lkjip-xl"]
    while todo:
        name = canonicalize_name(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        dist = importlib.metadata.distribution(name)
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate(PYODIDE_ENV):
                todo.append(req.name)
        if name in ("lkjip-xl", "xlwings"):  # this checkout; xlwings comes with Lite
            continue
        for file in dist.files or []:
            if file.parts[0] == ".." or "__pycache__" in file.parts:
                continue
            target = site / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(dist.locate_file(file), target)
        copied.append(name)
    return copied


def test_lite_script_under_pyodide(tmp_path: Path, monkeypatch) -> None:
    module = _pyodide()
    import xlwings

    host = tmp_path / "host"
    site = host / "site"
    shutil.copytree(ROOT / "lkjip_xl", site / "lkjip_xl",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(Path(xlwings.__file__).parent, site / "xlwings",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd", "*.dylib"))
    assert "openpyxl" in _copy_dependencies(site)
    shutil.copy(LITE / "main.py", host / "main.py")
    (host / "payload.json").write_text(json.dumps(payload(SEED)), encoding="utf-8")
    script = tmp_path / "run.py"
    script.write_text(
        "import os, sys, platform\n"
        # one fixed clock in both runs: the Ringkasan header says when it was made
        f"os.environ['SOURCE_DATE_EPOCH'] = '{EPOCH}'\n"
        "assert platform.system() == 'Emscripten', platform.system()\n"
        "sys.path.insert(0, '/host/site')\n"
        "sys.argv = ['', '/host/main.py', '/host/payload.json', '/host/answer.json', '']\n"
        + CHILD, encoding="utf-8")
    runner = tmp_path / "run.js"
    runner.write_text(RUNNER, encoding="utf-8")
    proc = subprocess.run([shutil.which("node") or "node", str(runner), str(module), str(host),
                           str(script)], capture_output=True, text=True, timeout=300,
                          cwd=tmp_path)
    assert proc.returncode == 0, (proc.stdout[-2000:], proc.stderr[-4000:])
    got = json.loads((host / "answer.json").read_text(encoding="utf-8"))
    assert got["ok"], got["message"]
    assert got["native"] == []  # nothing compiled outside Pyodide's own standard library

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result, _applied, actions = run_remote(SEED, tmp_path / "cpython.xlsx")
    assert got["findings"] == result.findings
    *writes, shown = got["actions"]
    assert writes == json.loads(json.dumps(actions))
    assert shown["func"] == "alert"
