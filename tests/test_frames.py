"""The pandas API: `lkjip_xl.read(path).to_frames()` and `lkjip_xl.check_paths(...).to_frame()`,
on workbooks built here and on the bundled examples; pandas stays out of everything else."""

from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

import lkjip_xl
from lkjip_xl.config import Config
from lkjip_xl.model import Report, WorkbookError
from lkjip_xl.writers.formats import to_json

from .builders import cell_address, make_workbook, measured_rows
from .test_batch import clean_workbook, wrong_workbook

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("frames")
    wrong_workbook(folder / "a_wrong.xlsx", capaian=81.41)
    clean_workbook(folder / "b_clean.xlsx")
    (folder / "c_broken.xlsx").write_text("not a workbook")
    return folder


# --- read(...).to_frames() ------------------------------------------------------------------

def test_read_returns_a_report_with_frames(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "one.xlsx", **measured_rows(81.41, "Kurang Berhasil"))
    report = lkjip_xl.read(path)
    assert isinstance(report, Report)
    plain = lkjip_xl.read_report(path)  # the same Report, with to_frames on top
    for field in dataclasses.fields(Report):
        assert getattr(report, field.name) == getattr(plain, field.name), field.name
    frames = report.to_frames()
    assert set(frames) == {"identity", "indicators", "pk_rows", "measurements", "budget"}

    m = frames["measurements"]
    assert len(m) == len(report.measurements) == 1
    row = m.iloc[0]
    assert row["capaian"] == pytest.approx(81.41)
    assert row["target"] == 100 and row["realisasi"] == 90
    # every value keeps its cell: the address column points where make_workbook wrote it
    assert f"{row['sheet']}!{row['capaian_cell']}" == cell_address(
        "Pengukuran Kinerja", 0, "capaian")
    assert row["kategori"] == "Kurang Berhasil"
    assert m["capaian"].dtype == "float64" and m["row"].dtype == "Int64"

    ind = frames["indicators"]
    assert ind.loc[0, "kode_indikator"] == "IK-1"
    assert ind.loc[0, "target_2019"] == 100
    assert f"Tabel VI.1!{ind.loc[0, 'target_2019_cell']}" == cell_address("Tabel VI.1", 0, 2019)

    ident = frames["identity"].set_index("key")
    assert ident.loc["nama_instansi", "value"] == "Dinas Uji"
    assert ident.loc["tahun", "number"] == 2019
    assert ident.loc["tahun", "cell"] == "B5"


def test_frames_of_the_seed_match_its_report() -> None:
    report = lkjip_xl.read(SEED)
    frames = report.to_frames()
    pk = frames["pk_rows"]
    assert len(pk) == len(report.pk_rows)
    for item, (_, row) in zip(report.pk_rows, pk.iterrows(), strict=True):
        assert row["row"] == item.row
        assert row["baris"] == (item.role.value if item.role else None)
        for key in ("target", "realisasi", "capaian", "anggaran"):
            value = getattr(item, key).value
            assert (math.isnan(row[key]) if value is None else row[key] == value), key
        if item.anggaran.ref is not None:
            assert row["anggaran_cell"] == item.anggaran.ref.address
    budget = frames["budget"]
    assert budget["pagu"].dtype == "float64"
    assert budget["pagu"].sum() > 0
    # empty tables keep their columns: a frame can always be concatenated
    assert list(frames["budget"].columns[:3]) == ["file", "sheet", "row"]


def test_empty_tables_have_typed_columns(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "empty.xlsx")
    frames = lkjip_xl.read(path).to_frames()
    assert frames["budget"].empty and "pagu_cell" in frames["budget"].columns
    assert frames["budget"]["pagu"].dtype == "float64"


def test_read_of_a_broken_file_raises_workbook_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("hello")
    with pytest.raises(WorkbookError):
        lkjip_xl.read(bad)


# --- check_paths(...).to_frame() -------------------------------------------------------------

def test_check_paths_agrees_with_the_engine_and_the_json_output(folder: Path) -> None:
    results = lkjip_xl.check_paths([folder], config=Config())
    assert [r.path.name for r in results] == ["a_wrong.xlsx", "b_clean.xlsx", "c_broken.xlsx"]
    assert [r.path.name for r in results.unreadable] == ["c_broken.xlsx"]
    frame = results.to_frame()
    # one row per finding, plus one row for the unreadable file
    assert len(frame) == len(results.findings) + 1
    doc = json.loads(to_json(list(results)))
    expected = doc["findings"]
    findings = frame[frame["code"] != "UNREADABLE"]
    assert list(findings["code"]) == [f["code"] for f in expected]
    assert list(findings["cell"]) == [f["cell"] for f in expected]
    assert list(findings["message"]) == [f["message"] for f in expected]

    for column in ("stated", "expected", "difference", "tolerance"):
        assert frame[column].dtype == "float64", column
    cap = findings[findings["stated"].round(2) == 81.41]
    assert len(cap) >= 1
    first = cap.iloc[0]
    assert first["expected"] == pytest.approx(90.0)
    assert first["difference"] == pytest.approx(first["stated"] - first["expected"])
    assert first["row"] == int("".join(ch for ch in first["cell"] if ch.isdigit()))

    # a category is text: NaN among the numbers, the words in stated_text / expected_text
    words = findings[findings["stated_text"] == "Kurang Berhasil"]
    assert len(words) == 1
    assert math.isnan(words.iloc[0]["stated"])
    assert words.iloc[0]["expected_text"] == "Sangat Berhasil"

    broken = frame[frame["code"] == "UNREADABLE"].iloc[0]
    assert broken["file"].endswith("c_broken.xlsx") and broken["severity"] == "error"
    assert broken["message"]  # the reason, as a sentence

    assert list(frame["severity"].cat.categories) == ["info", "warning", "error"]
    assert frame["severity"].cat.ordered
    assert (frame.sort_values("severity", ascending=False).iloc[0]["severity"]) == "error"


def test_check_paths_language_and_config(folder: Path, tmp_path: Path) -> None:
    wrong = folder / "a_wrong.xlsx"
    english = lkjip_xl.check_paths(wrong, config=Config()).to_frame("en")
    indonesian = lkjip_xl.check_paths(wrong, config=Config()).to_frame()
    assert list(english["code"]) == list(indonesian["code"])
    assert list(english["message"]) != list(indonesian["message"])

    config = tmp_path / "lkjip-xl.toml"
    config.write_text('ignore = ["KAT"]\n', encoding="utf-8")
    all_codes = set(indonesian["code"])
    assert any(code.startswith("KAT") for code in all_codes)
    fewer = lkjip_xl.check_paths(str(wrong), config=config).to_frame()
    assert set(fewer["code"]) == {c for c in all_codes if not c.startswith("KAT")}


def test_check_paths_with_jobs_gives_the_same_frame(folder: Path) -> None:
    one = lkjip_xl.check_paths(folder, config=Config()).to_frame()
    two = lkjip_xl.check_paths(folder, config=Config(), jobs=2).to_frame()
    pd.testing.assert_frame_equal(one, two)


# --- pandas only where asked for -------------------------------------------------------------

def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_read_and_check_without_frames_do_not_import_pandas() -> None:
    proc = _run(
        "import sys, lkjip_xl\n"
        f"r = lkjip_xl.read({str(SEED)!r})\n"
        f"c = lkjip_xl.check_paths({str(SEED)!r})\n"
        "assert r.indicators and c.findings\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'openpyxl') if m in sys.modules))\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_missing_pandas_says_how_to_install_it() -> None:
    proc = _run(
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('pandas', 'numpy'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import lkjip_xl\n"
        f"r = lkjip_xl.read({str(SEED)!r})\n"
        "try:\n"
        "    r.to_frames()\n"
        "except ImportError as exc:\n"
        "    print(exc)\n")
    assert proc.returncode == 0, proc.stderr
    assert 'pip install "lkjip-xl[pandas]"' in proc.stdout


def test_the_frames_module_itself_does_not_import_pandas() -> None:
    from .test_imports import imported

    names = imported("-c", "import lkjip_xl.frames")
    assert "lkjip_xl" in names
    assert not names & {"pandas", "numpy", "openpyxl", "python_calamine"}
