"""`check`'s text output: errors and warnings with their cells, one line per info rule, counts
per rule; `--show-info` / `-v` lists everything; machine formats keep every finding."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_xl.cli import cli
from lkjip_xl.engine import FileResult
from lkjip_xl.rules import Finding, Severity
from lkjip_xl.writers import formats

from .builders import make_workbook, measured_rows

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx"
CLEAN = ROOT / "examples" / "lkjip_2023_dinas_contoh.xlsx"
# 'tertulis X; seharusnya Y' up to the formula (' = ...') or the cell it came from (' (...)')
PAIR = re.compile(r"(?:tertulis|stated) (.+?); (?:seharusnya|expected) (.+?)(?: = | \(|$)",
                  re.M)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def seed_findings() -> list[dict]:
    _, out = run("check", "--format", "json", str(SEED))
    return json.loads(out)["findings"]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return run("check", str(SEED))[1]


def entry_lines(text: str, f: dict) -> list[int]:
    """Indexes of the lines listing finding `f` (its location, then its code)."""
    where = f"{f['sheet']}!{f['cell']}" if f["cell"] else f["sheet"]
    pattern = re.compile(rf"^  {re.escape(where)} +{f['code']} ")
    return [i for i, line in enumerate(text.splitlines()) if pattern.match(line)]


def test_default_lists_errors_and_warnings_and_one_line_per_info_rule(
        seed_findings: list[dict], seed_text: str) -> None:
    lines = seed_text.splitlines()
    shown = [f for f in seed_findings if f["severity"] != "info"]
    info = [f for f in seed_findings if f["severity"] == "info"]
    assert shown and info
    for f in shown:
        assert entry_lines(seed_text, f), f"{f['code']} at {f['cell']} not listed"
    for f in info:
        assert not entry_lines(seed_text, f), f"info {f['code']} at {f['cell']} listed"
    # errors first, then warnings
    errors = [i for f in shown if f["severity"] == "error" for i in entry_lines(seed_text, f)]
    warnings = [i for f in shown if f["severity"] == "warning"
                for i in entry_lines(seed_text, f)]
    assert max(errors) < min(warnings)
    # one line per info rule with its count, first cells and what fix does
    per_rule = Counter(f["code"] for f in info)
    for code, n in per_rule.items():
        rule_lines = [line for line in lines if re.match(rf"^  {code} +x{n} ", line)]
        assert len(rule_lines) == 1, code
    inp001 = next(line for line in lines if line.startswith("  INP001 "))
    assert "Angka disimpan sebagai teks (Tabel VI.1!G4, H4, I4, \u2026)" in inp001
    assert "fix mengubah 184, 2 perlu diperiksa" in inp001
    # the output is a fraction of a line per finding, and the finding that matters is early
    assert len(lines) < len(seed_findings) // 2
    h34 = next(i for i, line in enumerate(lines) if line.startswith("  Pengukuran Kinerja!H34"))
    assert h34 < 100


def test_counts_per_rule_and_per_file(seed_findings: list[dict], seed_text: str) -> None:
    lines = seed_text.splitlines()
    by_severity = Counter(f["severity"] for f in seed_findings)
    assert lines[0].startswith("Konfigurasi: ")  # the config file in force comes first
    assert lines[1] == (f"{SEED.relative_to(ROOT) if not SEED.is_absolute() else SEED}: "
                        f"{by_severity['error']} galat, {by_severity['warning']} peringatan, "
                        f"{by_severity['info']} info")
    start = lines.index("Per aturan:")
    block = "\n".join(lines[start + 1:start + 4])
    for (severity, code), n in Counter((f["severity"], f["code"])
                                       for f in seed_findings).items():
        label = {"error": "galat", "warning": "peringatan", "info": "info"}[severity]
        row = next(line for line in block.splitlines() if line.split()[0] == label)
        assert f"{code} {n}" in row, (code, row)


@pytest.mark.parametrize("flag", ["--show-info", "-v"])
def test_show_info_lists_every_finding(seed_findings: list[dict], flag: str) -> None:
    _, text = run("check", flag, str(SEED))
    for f in seed_findings:
        assert entry_lines(text, f), f"{f['code']} at {f['cell']} not listed with {flag}"
    assert not re.search(r"^  INP001 +x\d", text, re.M)


@pytest.mark.parametrize("args", [(), ("--show-info",), ("--lang", "en"),
                                  ("--lang", "en", "-v")])
def test_never_stated_and_expected_that_read_the_same(args: tuple[str, ...]) -> None:
    lang = list(args[args.index("--lang") + 1:][:1]) if "--lang" in args else []
    flags = [a for a in args if a.startswith("-") and a != "--lang"]
    prefix = ["--lang", *lang] if lang else []
    _, text = run(*prefix, "check", *flags, str(SEED), str(CLEAN))
    pairs = [m.groups() for m in PAIR.finditer(text)]
    assert pairs, "no stated/expected pair at all"
    same = [p for p in pairs if p[0] == p[1]]
    assert not same, same[:5]


def _finding(stated: float, expected: float) -> Finding:
    return Finding(code="CAP001", name="capaian-mismatch", severity=Severity.ERROR,
                   file="a.xlsx", sheet="Pengukuran Kinerja", cell="H5",
                   message_key="rule.CAP001.summary", stated=stated, expected=expected)


def test_numbers_alike_at_two_decimals_get_the_decimals_that_tell_them_apart() -> None:
    results = [FileResult(Path("a.xlsx"), (_finding(95.1249, 95.12),
                                           _finding(26787846626.6500015, 26787846626.65)))]
    text = formats.to_text(results)
    assert "tertulis 95,125; seharusnya 95,120" in text
    assert "26.787.846.626,65" not in text  # float noise: no pair at all
    en = formats.to_text(results, "en")
    assert "stated 95.125; expected 95.120" in en


def test_english(seed_findings: list[dict]) -> None:
    _, text = run("--lang", "en", "check", str(SEED))
    assert "Errors (" in text and "Warnings (" in text and "By rule:" in text
    assert re.search(r"^  INP001 +x186 +A number stored as text \(Tabel VI\.1!G4, H4, I4, "
                     r"\u2026\): fix changes 184, 2 to review$", text, re.M)
    assert "perlu diperiksa" not in text and "galat" not in text


def test_machine_formats_keep_every_finding(seed_findings: list[dict]) -> None:
    info = sum(1 for f in seed_findings if f["severity"] == "info")
    assert info > 100
    _, out = run("check", "--format", "csv", str(SEED))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(seed_findings)
    assert sum(1 for r in rows if r["severity"] == "info") == info
    _, out = run("check", "--format", "sarif", str(SEED))
    assert len(json.loads(out)["runs"][0]["results"]) == len(seed_findings)


def test_batch_keeps_the_grouping_per_file(tmp_path: Path) -> None:
    wrong = make_workbook(tmp_path / "wrong.xlsx", **measured_rows(81.41, "Berhasil"))
    clean = make_workbook(tmp_path / "clean.xlsx", **measured_rows())
    missing = tmp_path / "missing.xlsx"
    missing.write_bytes(b"not a workbook")
    _, text = run("check", "--jobs", "1", str(SEED), str(wrong), str(clean), str(missing))
    config_line, text = text.split("\n", 1)
    assert config_line.startswith("Konfigurasi: ")
    blocks = text.split("\n\n")
    seed_block = next(b for b in blocks if b.startswith(str(SEED)))
    wrong_block = next(b for b in blocks if b.startswith(str(wrong)))
    for block in (seed_block, wrong_block):
        assert "Galat (" in block and "Per aturan:" in block
    assert "CAP001" in wrong_block and "INP001" not in wrong_block
    assert f"{clean}: tidak ada temuan" in text
    assert f"{missing}: tidak dapat dibaca" in text
    tail = text.split("Per aturan, semua berkas:", 1)[1].splitlines()
    assert "CAP001 6" in tail[1]  # the seed's 5 and the built workbook's 1
    assert tail[-1].startswith("4 berkas diperiksa")
    # one file with findings: its own counts per rule are not repeated for the batch
    _, text = run("check", "--jobs", "1", str(SEED), str(clean))
    assert text.count("Per aturan") == 1 and "Per aturan, semua berkas" not in text


def test_colours_only_on_a_terminal(seed_findings: list[dict]) -> None:
    _, piped = run("check", str(SEED))
    assert "\x1b[" not in piped
    from lkjip_xl.engine import check_file

    coloured = formats.to_text([check_file(SEED)], color=True)
    assert "\x1b[31m" in coloured and "\x1b[33m" in coloured and "\x1b[36m" in coloured
    assert re.sub(r"\x1b\[\d+m", "", coloured) == formats.to_text([check_file(SEED)])


@pytest.mark.parametrize("lang, target, budget, settings", [
    ("id", "2019: 2.773", "Rp=7.015.268.631", "2 desimal"),
    ("en", "2019: 2,773", "Rp=7,015,268,631", "2 decimals"),
])
def test_show_writes_numbers_like_check(lang: str, target: str, budget: str,
                                        settings: str) -> None:
    code, out = run("--lang", lang, "show", str(SEED))
    assert code == 0
    ik3 = next(line for line in out.splitlines() if line.startswith("  IK-3 "))
    assert ik3.endswith(target)
    assert budget in out and settings in out
