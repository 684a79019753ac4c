"""Golden output: every output format, byte for byte, as it was before the speed work (issue 13).

`check --format json/csv/sarif/text` over both examples and five workbooks made by the
benchmark generator (`tests/golden/inputs/`, committed so that a change of the generator or the
template does not move them), and every cell value and comment of `fix` on the seed example,
are compared with the files under `tests/golden/`. The commands run in a copy of the inputs
with relative names, so no absolute path reaches the output; SOURCE_DATE_EPOCH fixes the time
that `fix` records in its provenance.

This test guards optimisations, which must not change a byte. A deliberate change of what the
rules find or say changes the golden files too: review the diff, then rerun with
UPDATE_SNAPSHOTS=1 to rewrite them (as for tests/snapshots/seed_findings.json).
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
INPUTS = GOLDEN / "inputs"
SEED = ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx"
EXAMPLES = (SEED, ROOT / "examples" / "lkjip_2023_dinas_contoh.xlsx")
EPOCH = "1764288000"  # 28 November 2025, 00:00 UTC
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"


def _env() -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(ROOT),
           "COLUMNS": "100", "NO_COLOR": "1"}
    env.pop("LKJIP_XL_LANG", None)
    return env


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("golden")
    for path in (*EXAMPLES, *sorted(INPUTS.glob("*.xlsx"))):
        shutil.copyfile(path, folder / path.name)
    return folder


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.xlsx") if ".diperbaiki" not in p.name)


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run([sys.executable, "-m", "lkjip_xl", *args], cwd=folder,
                          capture_output=True, env=_env(), timeout=600)
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")[-3000:]
    return proc


def _compare(name: str, actual: bytes) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_bytes(actual)
    expected = path.read_bytes()
    if actual != expected:
        diff = difflib.unified_diff(expected.decode(errors="replace").splitlines(),
                                    actual.decode(errors="replace").splitlines(),
                                    f"golden/{name}", "now", lineterm="", n=1)
        pytest.fail(f"{name} differs from the golden output (UPDATE_SNAPSHOTS=1 rewrites it "
                    "after review):\n" + "\n".join(list(diff)[:60]))


def test_golden_inputs_are_there() -> None:
    """The inputs cover clean and faulty generated workbooks of several sizes."""
    names = sorted(p.name for p in INPUTS.glob("*.xlsx"))
    assert len(names) == 5
    assert any(n.endswith("_c.xlsx") for n in names) and any(n.endswith("_m.xlsx") for n in names)


@pytest.mark.parametrize("fmt", ["json", "csv", "sarif", "text"])
def test_check_output_is_byte_identical(workdir: Path, fmt: str) -> None:
    names = _names(workdir)
    proc = _run(workdir, "check", "--format", fmt, "--jobs", "2", *names)
    out = proc.stdout
    assert str(workdir).encode() not in out
    assert len(out) > 10_000  # the seed alone has hundreds of findings
    _compare(f"check.{fmt}", out)


def test_check_output_english_json(workdir: Path) -> None:
    proc = _run(workdir, "check", "--format", "json", "--lang", "en", "--jobs", "1",
                *_names(workdir))
    _compare("check.en.json", proc.stdout)


def _cells(path: Path) -> dict[str, list[list[object]]]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    sheets: dict[str, list[list[object]]] = {}
    for ws in wb.worksheets:
        rows: list[list[object]] = []
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None and cell.comment is None:
                    continue
                value = cell.value
                if not isinstance(value, (str, int, float, bool, type(None))):
                    value = repr(value)
                comment = cell.comment.text if cell.comment is not None else None
                rows.append([cell.coordinate, value, comment])
        sheets[ws.title] = rows
    return sheets


def test_fix_of_the_seed_is_identical(workdir: Path) -> None:
    out = workdir / "seed.diperbaiki.xlsx"
    _run(workdir, "fix", SEED.name, "-o", out.name, "--force")
    cells = _cells(out)
    assert "Temuan" in cells and "Ringkasan" in cells
    text = json.dumps(cells, ensure_ascii=False, indent=0, sort_keys=True, default=repr)
    assert str(workdir) not in text
    _compare("fix_seed_cells.json", text.encode())
    diff = _run(workdir, "fix", "--diff", SEED.name).stdout
    _compare("fix_seed.diff.txt", diff)


TRICKY = [
    {"a": [1, 2.5, None, True, False, 'q"\\\n\t\u00e9\u2028\x01', {"b": []}, {}, [], -0.0,
           float("nan"), float("inf"), -float("inf"), 1e300, 1e-7, 12345678901234567890]},
    "", [[]], {"k": {"j": [{"z": 1}]}}, ("t", 1), 3, None,
]


@pytest.mark.parametrize("value", TRICKY)
def test_json_writer_matches_the_standard_library(value: object) -> None:
    """The JSON/SARIF writer's encoder writes what json.dumps(indent=2) writes, at any depth;
    types it does not know (a Decimal, an int subclass, a non-str key) go to json.dumps."""
    from decimal import Decimal
    from enum import IntEnum

    from lkjip_xl.writers.formats import _dumps

    class Level(IntEnum):
        ONE = 1

    for v in (value, [value, {"x": value}]):
        for level in (0, 1, 2, 4):
            want = json.dumps(v, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
            assert _dumps(v, level) == want
    assert _dumps({"n": Level.ONE, 2: "two"}, 1) == json.dumps(
        {"n": Level.ONE, 2: "two"}, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    with pytest.raises(TypeError):
        _dumps({"d": Decimal("1.5")}, 0)


def test_findings_cross_processes_unchanged() -> None:
    """The compact form in which a worker sends its results back (batch.py) loses nothing:
    every field of every finding of the seed, its fix, and the rekap summary."""
    import pickle
    from dataclasses import fields

    from lkjip_xl.batch import _FINDING_FIELDS, _pack, _unpack
    from lkjip_xl.engine import check_file
    from lkjip_xl.rules.base import Finding

    assert tuple(f.name for f in fields(Finding)) == _FINDING_FIELDS
    result = check_file(SEED, summarise=True)
    assert len(result.findings) > 300 and any(f.fix is not None for f in result.findings)
    back = _unpack(pickle.loads(pickle.dumps(_pack(result))))
    assert back == result
    assert [f.severity.__class__ for f in back.findings] == \
        [f.severity.__class__ for f in result.findings]


@pytest.mark.parametrize("xml", [
    b"", b"<c r='A1'><v>1</v></c>", b"<c><f>SUM(A1)</f></c>", b"<c><f/></c>", b"<f\t>",
    b"<formula1>x</formula1>", b"<x:f>A</x:f>", b"<xm:f>A</xm:f>", b"<a:b:f>", b"<x.y-z:f/>",
    b"<1:f>", b"text :f> <f", b"<c><formula1/></c><f>", b"<ff>", b":f <x:fo>", b"<_:f ",
    b"<x:formula1/><x:f/>", b"a:f>", b"<:f>",
])
def test_formula_tag_search_matches_the_regex(xml: bytes) -> None:
    """The cell-metadata scan's byte search for formulas finds what its regex finds."""
    from lkjip_xl.reading.cellmeta import _FORMULA_TAG, has_formula_tag

    assert has_formula_tag(xml) == (_FORMULA_TAG.search(xml) is not None)
