"""The offline install staff and auditors do: build the wheel, build a wheelhouse for this
platform (tools/wheelhouse.py, as `make wheelhouse` does for Windows and Linux), install into a
fresh virtual environment with `pip install --no-index --find-links`, and run `check`.

Building the wheel and downloading the dependencies need PyPI; without it the test is skipped,
saying so. The dependency wheels are cached across runs in $LKJIP_XL_TEST_CACHE (default: the
system temp folder), so a warm run asks the network for nothing but the build backend.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "lkjip_2023_dinas_contoh.xlsx"
SEED = ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx"
CACHE = Path(os.environ.get("LKJIP_XL_TEST_CACHE")
             or Path(tempfile.gettempdir()) / "lkjip-xl-test-cache")
TAG = f"cp{sys.version_info.major}{sys.version_info.minor}"

pytestmark = pytest.mark.network


def _pypi_reachable() -> bool:
    try:
        with socket.create_connection(("pypi.org", 443), timeout=5):
            return True
    except OSError:
        return False


def _clean_env() -> dict[str, str]:
    """No pip configuration from this machine: only the wheelhouse may be used."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV"))}
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(*cmd: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None,
         timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=timeout, stdin=subprocess.DEVNULL)


def _need_network(proc: subprocess.CompletedProcess[str], what: str) -> None:
    """A failed step: skip when PyPI cannot be reached, fail otherwise."""
    if proc.returncode == 0:
        return
    if os.environ.get("LKJIP_XL_OFFLINE") or not _pypi_reachable():
        pytest.skip(f"{what} needs PyPI, which is not reachable from here")
    pytest.fail(f"{what} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with lkjip-xl installed from a wheelhouse, offline; its bin folder."""
    if os.environ.get("LKJIP_XL_OFFLINE"):
        pytest.skip("LKJIP_XL_OFFLINE is set: building the wheel needs PyPI")
    work = tmp_path_factory.mktemp("install")
    dist = work / "dist"
    # As `make dist`: the sdist, then the wheel built from it (so the sdist is complete).
    proc = _run(sys.executable, "-m", "build", "--outdir", dist, ROOT)
    _need_network(proc, "python -m build")
    (wheel,) = dist.glob("lkjip_xl-*.whl")

    # The wheelhouse: cached dependency wheels, then this branch's wheel, then whatever is
    # missing from PyPI (tools/wheelhouse.py checks the set is complete for this interpreter).
    cache = CACHE / f"wheelhouse-{TAG}"
    cache.mkdir(parents=True, exist_ok=True)
    house = work / "wheelhouse"
    house.mkdir()
    for cached in cache.glob("*.whl"):
        shutil.copy2(cached, house / cached.name)
    proc = _run(sys.executable, ROOT / "tools" / "wheelhouse.py", wheel, "-o", house,
                "--target", "native", "--no-refresh")
    _need_network(proc, "the wheelhouse (pip download)")
    for new in house.glob("*.whl"):  # keep the dependencies for the next run
        if not new.name.startswith("lkjip_xl-") and not (cache / new.name).exists():
            partial = cache / f".{new.name}.{os.getpid()}"
            shutil.copy2(new, partial)
            os.replace(partial, cache / new.name)

    venv = work / "venv"
    proc = _run(sys.executable, "-m", "venv", venv)
    assert proc.returncode == 0, proc.stderr
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    proc = _run(bin_dir / "python", "-m", "pip", "install", "--no-index", "--find-links", house,
                "lkjip-xl", env=_clean_env(), cwd=work)
    assert proc.returncode == 0, f"offline install failed:\n{proc.stdout}\n{proc.stderr}"
    return bin_dir


def test_offline_install_runs_check(installed: Path, tmp_path: Path) -> None:
    env = _clean_env()
    where = _run(installed / "python", "-c",
                 "import lkjip_xl, importlib.util as u; print(lkjip_xl.__file__); "
                 "print(u.find_spec('pandas') is None)", env=env, cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    location, no_pandas = where.stdout.split()
    # the installed package, not this checkout; and pandas is only an extra
    assert Path(location).resolve().is_relative_to(installed.parent.resolve())
    assert no_pandas == "True"

    proc = _run(installed / "lkjip-xl", "check", EXAMPLE, SEED, "--format", "json",
                "--exit-zero", env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert [Path(f["file"]).name for f in doc["files"]] == [EXAMPLE.name, SEED.name]
    statuses = {Path(f["file"]).name: f["status"] for f in doc["files"]}
    assert statuses[SEED.name] == "findings"  # the seed's known mistakes are found

    # the same findings as this checkout's engine
    from lkjip_xl.batch import check_many
    from lkjip_xl.config import Config
    from lkjip_xl.writers.formats import to_json

    here = json.loads(to_json(list(check_many([EXAMPLE, SEED], Config()))))
    assert [(f["code"], f["cell"]) for f in doc["findings"]] \
        == [(f["code"], f["cell"]) for f in here["findings"]]


def test_offline_install_runs_fix_in_indonesian(installed: Path, tmp_path: Path) -> None:
    out = tmp_path / "diperbaiki.xlsx"
    proc = _run(installed / "lkjip-xl", "fix", SEED, "-o", out, env=_clean_env(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert out.is_file() and out.stat().st_size > 10_000
    assert "diperbaiki.xlsx" in proc.stdout
