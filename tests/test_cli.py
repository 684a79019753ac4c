"""The command line: version, language, check's formats, selection and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_xl import __version__
from lkjip_xl.cli import cli

from .builders import make_workbook, measured_rows


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    rows = measured_rows()
    return make_workbook(tmp_path / "clean.xlsx", **rows)


@pytest.fixture
def wrong(tmp_path: Path) -> Path:
    """Capaian stated 81.41 where 90 / 100 x 100 = 90."""
    rows = measured_rows(81.41, "Berhasil")
    return make_workbook(tmp_path / "wrong.xlsx", **rows)


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_clean_workbook_exits_zero(clean: Path) -> None:
    code, out, _ = run("check", str(clean))
    assert code == 0, out
    assert "tidak ada temuan" in out


def test_wrong_capaian_exits_one_and_names_the_cell(wrong: Path) -> None:
    code, out, _ = run("check", str(wrong))
    assert code == 1
    assert "Pengukuran Kinerja!" in out and "CAP001" in out


def test_exit_zero_and_fail_on(wrong: Path) -> None:
    assert run("check", "--exit-zero", str(wrong))[0] == 0
    assert run("check", "--ignore", "CAP001", "--ignore", "KAT,AVG,XTB", str(wrong))[0] in (0, 1)
    code, out, _ = run("check", "--select", "CAP001", "--format", "json", str(wrong))
    doc = json.loads(out)
    assert {f["code"] for f in doc["findings"]} == {"CAP001"}
    assert code == 1


def test_english_messages(wrong: Path) -> None:
    _, out_id, _ = run("check", "--select", "CAP001", str(wrong))
    _, out_en, _ = run("--lang", "en", "check", "--select", "CAP001", str(wrong))
    assert "files checked" in out_en and "berkas diperiksa" in out_id


def test_json_schema_fields(wrong: Path) -> None:
    code, out, _ = run("check", "--format", "json", "--select", "CAP001", str(wrong))
    assert code == 1
    doc = json.loads(out)
    assert doc["schema_version"] == 1
    assert doc["files"] == [{"file": str(wrong), "status": "findings",
                             "counts": {"error": 1, "warning": 0, "info": 0}}]
    f = doc["findings"][0]
    assert (f["sheet"], f["stated"], f["expected"]) == ("Pengukuran Kinerja", 81.41, 90.0)
    assert f["difference"] == pytest.approx(-8.59)
    assert f["formula"] == "90 / 100 x 100"
    assert f["action"] == "correct"


def test_csv_and_sarif(wrong: Path) -> None:
    _, out, _ = run("check", "--format", "csv", "--select", "CAP001", str(wrong))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["code"] for r in rows] == ["CAP001"]
    _, out, _ = run("check", "--format", "sarif", "--select", "CAP001", str(wrong))
    sarif = json.loads(out)
    assert sarif["runs"][0]["results"][0]["ruleId"] == "CAP001"


def test_output_file_is_written(wrong: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "result.json"
    code, out, _ = run("check", "--format", "json", "-o", str(target), str(wrong))
    assert code == 1 and out == ""
    assert json.loads(target.read_text())["summary"]["files"] == 1


def test_batch_goes_on_past_unreadable_files(clean: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("this is not a workbook")
    code, out, err = run("check", str(tmp_path))
    assert code == 2
    assert f"{bad}:" in out and "bukan buku kerja Excel" in out
    assert f"{clean}: tidak ada temuan" in out
    assert "Traceback" not in out + err


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    code, out, err = run("check", "--format", "json", str(tmp_path / "nope.xlsx"))
    assert code == 2
    assert json.loads(out)["errors"][0]["reason"] == "open.not_found"
    assert err.strip().count("\n") == 0 and "nope.xlsx" in err


def test_glob_and_folder_expansion(clean: Path, wrong: Path) -> None:
    folder = clean.parent
    _, out, _ = run("check", "--format", "json", str(folder / "*.xlsx"))
    files = [f["file"] for f in json.loads(out)["files"]]
    assert files == sorted([str(clean), str(wrong)])


def test_bad_config_value_is_usage_error(clean: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "lkjip-xl.toml"
    cfg.write_text('tolerance = -1\n')
    code, _, err = run("check", "--config", str(cfg), str(clean))
    assert code == 2 and "tolerance" in err


def test_config_file_selects_rules(wrong: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "lkjip-xl.toml"
    cfg.write_text('ignore = ["CAP001"]\n[severity]\nCAP001 = "info"\n')
    _, out, _ = run("check", "--config", str(cfg), "--format", "json", str(wrong))
    assert "CAP001" not in {f["code"] for f in json.loads(out)["findings"]}


def test_pyproject_found_only_with_its_lkjip_xl_table(tmp_path: Path) -> None:
    """A project's pyproject.toml holds the settings under [tool.lkjip-xl]; one that never
    names lkjip-xl is passed over unparsed, even when it is not valid TOML, and the search
    goes on to the folders above. A broken one that does name it is refused."""
    from lkjip_xl.config import ConfigError, find_config_file, load_config

    inner = tmp_path / "project" / "sub"
    inner.mkdir(parents=True)
    (tmp_path / "project" / "pyproject.toml").write_text('[tool.ruff]\nline = [\n')  # broken
    assert find_config_file(inner) is None
    (tmp_path / "pyproject.toml").write_text('[tool.lkjip-xl]\ntolerance = 0.5\n')
    assert find_config_file(inner) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path / "pyproject.toml").tolerance == 0.5
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n[tool."lkjip-xl"]\nscale=\n')
    with pytest.raises(ConfigError, match=r"pyproject\.toml"):
        find_config_file(inner)


def test_rules_lists_every_family() -> None:
    code, out, _ = run("rules")
    assert code == 0
    for prefix in ("CAP", "TOT", "XTB", "AVG", "KAT", "INP"):
        assert f"\n{prefix}" in "\n" + out, prefix


def test_template_and_show(tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    code, out, _ = run("template", "-o", str(target), "--tahun", "2024", "--periode", "2021-2026")
    assert code == 0 and target.exists()
    code, _, err = run("template", "-o", str(target))
    assert code == 2 and "--force" in err
    code, out, _ = run("show", str(target))
    assert code == 0 and "2024" in out


def test_bad_period_is_usage_error(tmp_path: Path) -> None:
    code, _, err = run("template", "-o", str(tmp_path / "t.xlsx"), "--periode", "2021")
    assert code == 2 and "2016-2021" in err


@pytest.mark.parametrize("command", [
    ["template", "-o", "{blocked}/t.xlsx"],
    ["check", "--format", "json", "-o", "{blocked}/out.json", "{clean}"],
    ["check", "--report", "{blocked}/rekap.xlsx", "{clean}"],
])
def test_unwritable_output_is_one_line_not_a_traceback(clean: Path, tmp_path: Path,
                                                       command: list[str]) -> None:
    """The console entry point (`main`), as a user runs it: a folder that cannot be created
    (here a regular file stands in its way) ends the command with one line, exit 2."""
    import subprocess
    import sys

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    args = [a.format(blocked=blocked, clean=clean) for a in command]
    done = subprocess.run([sys.executable, "-m", "lkjip_xl", *args], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "not-a-folder" in lines[0], done.stderr
