"""tools/wheelhouse.py (`make wheelhouse`): a wheelhouse is complete for each target, with
environment markers evaluated for the target, not for the machine that builds it (pip
download evaluates them for the machine: from Linux it leaves out Windows-only wheels)."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheelhouse():
    spec = importlib.util.spec_from_file_location("wheelhouse", ROOT / "tools" / "wheelhouse.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["wheelhouse"] = module
    spec.loader.exec_module(module)
    return module


def wheel(folder: Path, filename: str, *requires: str) -> Path:
    """A minimal wheel: just the METADATA that names its requirements."""
    name, version = filename.split("-")[:2]
    path = folder / filename
    with zipfile.ZipFile(path, "w") as zf:
        meta = "".join(f"Requires-Dist: {r}\n" for r in requires)
        zf.writestr(f"{name}-{version}.dist-info/METADATA",
                    f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n{meta}")
    return path


def target(wheelhouse, name: str):
    (found,) = [t for t in wheelhouse.targets(["all"]) if t.name == name]
    return found


def test_markers_are_evaluated_for_each_target(wheelhouse, tmp_path: Path) -> None:
    wheel(tmp_path, "app-1.0-py3-none-any.whl",
          "pure>=2", "winonly>=1; platform_system == 'Windows'",
          "native>=1; platform_system != 'Emscripten'",
          "newpy; python_version >= '3.13'", "extra-dep; extra == 'pandas'")
    wheel(tmp_path, "pure-2.1-py3-none-any.whl")
    wheel(tmp_path, "native-1.0-cp312-cp312-win_amd64.whl")
    wheel(tmp_path, "native-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl")

    assert wheelhouse.missing(tmp_path, target(wheelhouse, "windows-cp312"), "app", ()) \
        == ["winonly>=1"]
    assert wheelhouse.missing(tmp_path, target(wheelhouse, "linux-cp312"), "app", ()) == []
    # a wheel for another Python or platform does not count
    assert wheelhouse.missing(tmp_path, target(wheelhouse, "linux-cp311"), "app", ()) \
        == ["native>=1"]
    assert wheelhouse.missing(tmp_path, target(wheelhouse, "linux-cp313"), "app", ()) \
        == ["native>=1", "newpy"]
    assert wheelhouse.missing(tmp_path, target(wheelhouse, "linux-cp312"), "app",
                              ("pandas",)) == ["extra-dep"]

    wheel(tmp_path, "winonly-1.2-py3-none-any.whl", "deeper<2")
    assert wheelhouse.missing(tmp_path, target(wheelhouse, "windows-cp312"), "app", ()) \
        == ["deeper<2"]  # requirements of requirements too


def test_a_version_outside_the_specifier_does_not_count(wheelhouse, tmp_path: Path) -> None:
    wheel(tmp_path, "app-1.0-py3-none-any.whl", "pure>=3")
    wheel(tmp_path, "pure-2.1-py3-none-any.whl")
    assert wheelhouse.missing(tmp_path, target(wheelhouse, "linux-cp312"), "app", ()) \
        == ["pure>=3"]


def test_abi3_wheels_serve_later_pythons(wheelhouse, tmp_path: Path) -> None:
    wheel(tmp_path, "app-1.0-py3-none-any.whl", "stable")
    wheel(tmp_path, "stable-1.0-cp311-abi3-win_amd64.whl")
    assert wheelhouse.missing(tmp_path, target(wheelhouse, "windows-cp313"), "app", ()) == []
    assert wheelhouse.missing(tmp_path, target(wheelhouse, "linux-cp313"), "app", ()) \
        == ["stable"]


def test_targets(wheelhouse) -> None:
    names = [t.name for t in wheelhouse.targets([])]
    assert names == ["windows-cp311", "windows-cp312", "windows-cp313",
                     "linux-cp311", "linux-cp312", "linux-cp313"]
    windows = target(wheelhouse, "windows-cp311")
    assert windows.env["platform_system"] == "Windows" and windows.env["sys_platform"] == "win32"
    assert windows.pip_args()[:3] == ["--only-binary=:all:", "--python-version", "3.11"]
    assert [t.name for t in wheelhouse.targets(["native"])] == ["native"]
    with pytest.raises(SystemExit):
        wheelhouse.targets(["macos"])
