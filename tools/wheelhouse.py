"""Build a wheelhouse: lkjip-xl's wheel and every runtime dependency as wheels, for an offline
`pip install --no-index --find-links WHEELHOUSE lkjip-xl`.

    python tools/wheelhouse.py dist/lkjip_xl-0.1.0-py3-none-any.whl -o dist/wheelhouse
    python tools/wheelhouse.py WHEEL -o DIR --target native     # this interpreter only
    python tools/wheelhouse.py WHEEL -o DIR --extras pandas     # with the pandas extra

Targets (`--target`, repeatable; default: all): Windows x64 and Linux x86_64 (manylinux), each
for CPython 3.11, 3.12 and 3.13, or `native` (this machine and interpreter).

`pip download --platform` evaluates environment markers for the machine it runs on, not for the
target: from Linux it would leave out `pywin32; platform_system == "Windows"` (which xlwings
needs on Windows). So after pip's download, every wheel's requirements are evaluated again for
the target's environment, and whatever is missing is downloaded too, until the set is closed.
The script ends with an error when a requirement of some target has no wheel, so a wheelhouse
it builds is complete.
"""

from __future__ import annotations

import argparse
import email.parser
import importlib.metadata
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

try:
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name, parse_wheel_filename
    from packaging.version import Version
except ImportError:  # pip vendors packaging
    from pip._vendor.packaging.requirements import Requirement  # type: ignore[no-redef]
    from pip._vendor.packaging.utils import (  # type: ignore[no-redef]
        canonicalize_name,
        parse_wheel_filename,
    )
    from pip._vendor.packaging.version import Version  # type: ignore[no-redef]

PYTHONS = ("3.11", "3.12", "3.13")
# Linux: manylinux wheels for glibc 2.17 (CentOS 7 era) up to 2.28 (RHEL 8, Debian 10+).
LINUX_PLATFORMS = ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64",
                   "manylinux_2_12_x86_64", "manylinux2010_x86_64", "manylinux_2_5_x86_64",
                   "manylinux1_x86_64")
WINDOWS_PLATFORMS = ("win_amd64",)


@dataclass(frozen=True)
class Target:
    """One interpreter the wheelhouse serves: its wheel platforms and marker environment."""

    name: str
    python: str  # "3.11"; "" for the native interpreter
    platforms: tuple[str, ...]  # () for the native interpreter
    env: dict[str, str]

    def pip_args(self) -> list[str]:
        if not self.platforms:
            return []
        args = ["--only-binary=:all:", "--python-version", self.python,
                "--implementation", "cp"]
        for platform in self.platforms:
            args += ["--platform", platform]
        return args


def _env(system: str, python: str) -> dict[str, str]:
    windows = system == "Windows"
    return {
        "os_name": "nt" if windows else "posix",
        "sys_platform": "win32" if windows else "linux",
        "platform_system": system,
        "platform_machine": "AMD64" if windows else "x86_64",
        "platform_release": "",
        "platform_version": "",
        "python_version": python,
        "python_full_version": f"{python}.0",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "implementation_version": f"{python}.0",
    }


def targets(names: list[str]) -> list[Target]:
    result: list[Target] = []
    for name in names or ["all"]:
        if name == "native":
            result.append(Target("native", "", (), {}))
            continue
        systems = {"all": ("Windows", "Linux"), "windows": ("Windows",),
                   "linux": ("Linux",)}.get(name)
        if systems is None:
            raise SystemExit(f"unknown target {name!r}: all, windows, linux or native")
        for system in systems:
            for python in PYTHONS:
                platforms = WINDOWS_PLATFORMS if system == "Windows" else LINUX_PLATFORMS
                result.append(Target(f"{system.lower()}-cp{python.replace('.', '')}", python,
                                     platforms, _env(system, python)))
    return result


def _pip(*args: str) -> None:
    cmd = [sys.executable, "-m", "pip", "download", "--disable-pip-version-check",
           "--no-input", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-8:])
        raise SystemExit(f"pip download failed ({' '.join(args)}):\n{tail}")


@dataclass(frozen=True)
class Wheel:
    path: Path
    name: str
    version: Version
    tags: frozenset[str]  # "cp311-cp311-win_amd64"

    def requires(self) -> list[Requirement]:
        with zipfile.ZipFile(self.path) as zf:
            meta = next(n for n in zf.namelist()
                        if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
            message = email.parser.Parser().parsestr(zf.read(meta).decode("utf-8"))
        return [Requirement(r) for r in message.get_all("Requires-Dist") or []]


def wheels_in(folder: Path) -> list[Wheel]:
    result = []
    for path in sorted(folder.glob("*.whl")):
        name, version, _build, tags = parse_wheel_filename(path.name)
        result.append(Wheel(path, canonicalize_name(name), version,
                            frozenset(str(t) for t in tags)))
    return result


def _fits(wheel: Wheel, target: Target) -> bool:
    if not target.platforms:
        return True  # pip chose it for this interpreter
    py = "cp" + target.python.replace(".", "")
    for tag in wheel.tags:
        interpreter, abi, platform = tag.split("-")
        if platform != "any" and platform not in target.platforms:
            continue
        if interpreter in {"py3", "py2.py3", f"py{py[2]}"} or interpreter == py:
            return True
        if interpreter.startswith("cp3") and abi == "abi3" \
                and int(interpreter[3:]) <= int(py[3:]):
            return True
    return False


def missing(folder: Path, target: Target, root: str, extras: tuple[str, ...]) -> list[str]:
    """Requirements (as pip arguments) of the target's closure that no wheel here satisfies."""
    available: dict[str, list[Wheel]] = {}
    for wheel in wheels_in(folder):
        if _fits(wheel, target):
            available.setdefault(wheel.name, []).append(wheel)
    todo: list[tuple[str, tuple[str, ...]]] = [(canonicalize_name(root), extras)]
    seen: set[tuple[str, tuple[str, ...]]] = set()
    absent: list[str] = []
    while todo:
        name, wanted_extras = todo.pop()
        if (name, wanted_extras) in seen:
            continue
        seen.add((name, wanted_extras))
        candidates = available.get(name)
        if not candidates:
            continue  # reported by whoever required it
        wheel = max(candidates, key=lambda w: w.version)
        for req in wheel.requires():
            envs = [{**target.env, "extra": e} for e in ("", *wanted_extras)] \
                if target.env else None
            if req.marker is not None:
                if envs is None:
                    if not any(req.marker.evaluate({"extra": e})
                               for e in ("", *wanted_extras)):
                        continue
                elif not any(req.marker.evaluate(env) for env in envs):
                    continue
            dep = canonicalize_name(req.name)
            have = [w for w in available.get(dep, []) if req.specifier.contains(w.version,
                                                                                  prereleases=True)]
            if not have:
                absent.append(str(Requirement(f"{req.name}{req.specifier}")))
                continue
            todo.append((dep, tuple(sorted(req.extras))))
    return sorted(set(absent))


def build(wheel: Path, dest: Path, names: list[str], extras: tuple[str, ...],
          refresh: bool = True, pins: tuple[str, ...] = ()) -> list[Target]:
    """Fill `dest`; with `refresh` False, pip is not asked when `dest` is complete already.
    `pins`: requirements such as `xlwings==0.37.8` that the download must satisfy too."""
    dest.mkdir(parents=True, exist_ok=True)
    root_name = canonicalize_name(parse_wheel_filename(wheel.name)[0])
    # Only one version of our own wheel: an older one would satisfy `pip install lkjip-xl`.
    for old in wheels_in(dest):
        if old.name == root_name and old.path.name != wheel.name:
            old.path.unlink()
    if not (dest / wheel.name).exists() or (dest / wheel.name).stat().st_mtime \
            < wheel.stat().st_mtime:
        shutil.copy2(wheel, dest / wheel.name)
    spec = str(wheel.resolve()) + (f"[{','.join(extras)}]" if extras else "")
    chosen = targets(names)
    for target in chosen:
        if refresh or missing(dest, target, root_name, extras):
            _pip("--dest", str(dest), "--find-links", str(dest), *target.pip_args(), spec,
                 *pins)
        for _round in range(10):
            absent = missing(dest, target, root_name, extras)
            if not absent:
                break
            _pip("--dest", str(dest), "--no-deps", *target.pip_args(), *absent)
        else:
            raise SystemExit(f"{target.name}: still missing {', '.join(absent)}")
        absent = missing(dest, target, root_name, extras)
        if absent:
            raise SystemExit(f"{target.name}: no wheel for {', '.join(absent)}")
    return chosen


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="lkjip-xl's wheel (make dist)")
    parser.add_argument("-o", "--output", type=Path, default=Path("dist/wheelhouse"))
    parser.add_argument("--target", action="append", default=[],
                        help="all (default), windows, linux or native; repeatable")
    parser.add_argument("--extras", default="", help="comma-separated extras, e.g. pandas")
    parser.add_argument("--pin", action="append", default=[], metavar="NAME",
                        help="the version of NAME installed here (xlwings: the version whose "
                             "VBA `lkjip-xl quickstart` puts in the workbook); repeatable")
    parser.add_argument("--no-refresh", action="store_true",
                        help="keep the wheels already there when they are complete (offline)")
    args = parser.parse_args(argv)
    if not args.wheel.is_file():
        raise SystemExit(f"{args.wheel}: no such wheel (run `make dist` first)")
    extras = tuple(sorted(e.strip() for e in args.extras.split(",") if e.strip()))
    pins = tuple(f"{name}=={importlib.metadata.version(name)}" for name in args.pin)
    chosen = build(args.wheel, args.output, args.target, extras,
                   refresh=not args.no_refresh, pins=pins)
    files = sorted(args.output.glob("*.whl"))
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"{args.output}: {len(files)} wheels, {size:.1f} MB, for "
          f"{', '.join(t.name for t in chosen)}"
          + (f"; pinned {', '.join(pins)}" if pins else ""))


if __name__ == "__main__":
    main()
