"""The rekap (`check --report rekap.xlsx|.csv`): its contents are check's JSON, hostile text
is neutralised everywhere, unreadable files are listed with their reason."""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from lkjip_xl.cli import cli
from lkjip_xl.config import Config
from lkjip_xl.engine import check_file
from lkjip_xl.messages import t
from lkjip_xl.rekap import BUDGET_FROM_RINCIAN, summarise
from lkjip_xl.writers.formats import neutralise
from lkjip_xl.writers.labels import formula_text, rule_title
from lkjip_xl.writers.rekap import FILE_COLUMNS, FINDING_COLUMNS, RULE_COLUMNS, rekap_paths

from .builders import make_workbook, report, simple_indicator_rows
from .test_batch import clean_workbook, wrong_workbook

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
SEED = Path(__file__).resolve().parent.parent / "examples" / "lkjip_2019_dinsos_batam.xlsx"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def two_indicators(path: Path, keuangan: list[dict[str, Any]] | None = None,
                   **identitas: Any) -> Path:
    """IK-1 90/100 -> 90; IK-2 40/50 -> 80; mean 85 (Sangat Berhasil on Skala 4)."""
    one = simple_indicator_rows("IK-1", target=100, realisasi=90)
    two = simple_indicator_rows("IK-2", target=50, realisasi=40)
    rows = {key: one[key] + two[key] for key in one}
    return make_workbook(path, identitas=identitas or None, keuangan=keuangan, **rows)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Wrong, clean, hostile and unreadable workbooks (and the seed example when present)."""
    folder = tmp_path_factory.mktemp("rekap")
    for i in range(3):
        wrong_workbook(folder / f"{i}_wrong.xlsx", capaian=80 + i)
    clean_workbook(folder / "3_clean.xlsx")
    hostile_workbook(folder / "4_hostile.xlsx")
    (folder / "5_not_a_workbook.xlsx").write_text("hello")
    (folder / "6_empty.xlsx").write_bytes(b"")
    if SEED.exists():
        (folder / "7_seed.xlsx").write_bytes(SEED.read_bytes())
    return folder


def hostile_workbook(path: Path) -> Path:
    """Text a spreadsheet would run as a formula, in every place a report can carry text."""
    rows = simple_indicator_rows(target=100, realisasi=90)
    rows["tabel"][0]["indikator"] = "+HYPERLINK(\"http://evil\",\"klik\")"
    rows["lampiran"][0]["indikator"] = "-2+3+cmd|' /C calc'!A0"
    rows["pengukuran"][0]["indikator"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    rows["pengukuran"][0]["capaian"] = 81.41
    rows["pengukuran"][0]["kategori"] = "=1+1"  # not a category: KAT003 quotes it
    rows["pengukuran"][0]["satuan"] = "@Org"
    make_workbook(path, identitas={"nama_instansi": "=HYPERLINK(\"http://evil\")",
                                   "pemerintah_daerah": "+62 Kota Uji"}, **rows)
    return _formulas_as_text(path)


def _formulas_as_text(path: Path) -> Path:
    """openpyxl takes text starting with '=' for a formula; a person typed it as text."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def checked(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("out")
    xlsx, csv_path = out / "rekap.xlsx", out / "rekap.csv"
    code, text, _ = run("--lang", "en", "check", "--format", "json", "-j", "2",
                        "--report", str(xlsx), str(folder))
    code_csv, text_csv, _ = run("--lang", "en", "check", "--format", "json", "-j", "1",
                                "--report", str(csv_path), str(folder))
    assert code == code_csv == 2 and text == text_csv
    return {"json": json.loads(text), "xlsx": read_xlsx(xlsx), "csv": read_csv(csv_path),
            "xlsx_path": xlsx, "csv_path": csv_path}


def read_xlsx(path: Path) -> dict[str, list[list[Any]]]:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
        sheets[ws.title] = [list(r) for r in ws.iter_rows(values_only=True)]
    return sheets


def read_csv(path: Path) -> dict[str, list[list[Any]]]:
    tables = {}
    for name, p in zip(("Files", "Findings", "Rules"), rekap_paths(path), strict=True):
        assert p.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs the BOM for accents
        with p.open(newline="", encoding="utf-8-sig") as fh:
            tables[name] = [row for row in csv.reader(fh)]
    return tables


def _records(table: list[list[Any]], columns: tuple) -> list[dict[str, Any]]:
    header, *rows = table
    assert len(header) == len(columns)
    return [dict(zip([key for key, _, _ in columns], row, strict=True)) for row in rows]


def _same(value: Any, expected: Any, as_text: bool) -> bool:
    """A rekap cell against the JSON value: numbers as numbers (CSV: their text)."""
    if expected is None or expected == []:
        return value in (None, "")
    if isinstance(expected, str):
        return value == neutralise(expected)
    if as_text:
        return float(value) == float(expected)
    return isinstance(value, int | float) and value == expected


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_files_sheet_matches_check_json(checked: dict[str, Any], kind: str) -> None:
    doc = checked["json"]
    files = _records(checked[kind]["Files"], FILE_COLUMNS)
    assert [f["file"] for f in files] == [neutralise(f["file"]) for f in doc["files"]]
    errors = {e["file"]: e for e in doc["errors"]}
    for row, entry in zip(files, doc["files"], strict=True):
        # the status in words (the JSON key's label), never the key itself
        assert row["status"] == t(f"rekap.status.{entry['status']}", "en")
        if entry["status"] == "unreadable":
            error = errors[entry["file"]]
            assert row["reason"] == error["reason"]
            assert row["message"] == neutralise(error["message"])
            assert all(row[k] in (None, "") for k in ("agency", "error", "capaian"))
        else:
            for severity in ("error", "warning", "info"):
                assert _same(row[severity], entry["counts"][severity], kind == "csv")
            assert row["reason"] in (None, "")


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_findings_sheet_matches_check_json(checked: dict[str, Any], kind: str) -> None:
    doc = checked["json"]
    rows = _records(checked[kind]["Findings"], FINDING_COLUMNS)
    assert len(rows) == len(doc["findings"]) > 10
    for row, f in zip(rows, doc["findings"], strict=True):
        for key in ("file", "sheet", "cell", "code", "message", "stated",
                    "expected", "difference", "tolerance"):
            assert _same(row[key], f[key], kind == "csv"), (key, row[key], f[key])
        # words, not keys: the rule's title, the severity and the action in the language
        assert row["name"] == rule_title(f["code"], f["name"], "en") != f["name"]
        assert row["severity"] == t(f"fix.severity.{f['severity']}", "en")
        assert row["action"] == t(f"rekap.action.{f['action']}", "en")
        # the formula with the reader's thousands separators (5,029,634,268 / ...)
        assert _same(row["formula"], formula_text(f["formula"], "en"), False)
        assert _same(row["related"], "; ".join(f["related"]), False)
        if f["inputs"]:
            assert row["inputs"].lstrip("'").startswith(f["inputs"][0]["cell"])


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_rules_sheet_counts_the_findings(checked: dict[str, Any], kind: str) -> None:
    doc = checked["json"]
    rules = {r["code"]: r for r in _records(checked[kind]["Rules"], RULE_COLUMNS)}
    found = Counter(f["code"] for f in doc["findings"])
    files = Counter(code for code, _ in {(f["code"], f["file"]) for f in doc["findings"]})
    assert found and set(found) <= set(rules)
    for code, rule in rules.items():
        assert int(rule["findings"]) == found.get(code, 0)
        assert int(rule["files"]) == files.get(code, 0)
    assert list(rules) == sorted(rules)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_no_cell_of_the_rekap_can_run_as_a_formula(checked: dict[str, Any], kind: str) -> None:
    for table in checked[kind].values():
        for row in table:
            for value in row:
                assert not dangerous(value), value
    files = _records(checked[kind]["Files"], FILE_COLUMNS)
    hostile = next(f for f in files if str(f["file"]).endswith("4_hostile.xlsx"))
    assert hostile["agency"] == "'=HYPERLINK(\"http://evil\")"
    assert hostile["government"] == "'+62 Kota Uji"
    stated = [r["stated"] for r in _records(checked[kind]["Findings"], FINDING_COLUMNS)]
    assert "'=1+1" in stated


def dangerous(value: Any) -> bool:
    """Text a spreadsheet would run as a formula (a plain number such as -10 is a number)."""
    if not isinstance(value, str) or not value.startswith(DANGEROUS):
        return False
    try:
        float(value)
    except ValueError:
        return True
    return False


def test_checks_csv_is_neutralised_too(folder: Path) -> None:
    code, out, _ = run("check", "--format", "csv", str(folder / "4_hostile.xlsx"))
    assert code == 1
    rows = list(csv.reader(out.splitlines()))
    assert any(row[7] == "'=1+1" for row in rows)  # the stated category
    for row in rows:
        for value in row:
            assert not dangerous(value), value


def test_file_name_that_looks_like_a_formula(tmp_path: Path) -> None:
    name = "=cmd calc.xlsx"
    wrong_workbook(tmp_path / name)
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        code, _, _ = run("check", "--format", "csv", "--report", "r.xlsx", name)
        rows = read_xlsx(tmp_path / "r.xlsx")
        check_csv = run("check", "--format", "csv", name)[1]
    finally:
        os.chdir(cwd)
    assert code == 1
    assert rows["Rekap"][1][0] == "'=cmd calc.xlsx"
    assert all(r[0] == "'=cmd calc.xlsx" for r in rows["Temuan"][1:])
    check_rows = [row for row in csv.reader(io.StringIO(check_csv)) if row][1:]
    assert check_rows and all(row[0] == "'=cmd calc.xlsx" for row in check_rows)


def test_unreadable_files_are_listed_with_their_reason(checked: dict[str, Any]) -> None:
    files = _records(checked["xlsx"]["Files"], FILE_COLUMNS)
    reasons = {Path(f["file"]).name: f["reason"] for f in files if f["status"] == "unreadable"}
    assert reasons == {"5_not_a_workbook.xlsx": "open.not_zip", "6_empty.xlsx": "open.empty"}
    row = next(f for f in files if str(f["file"]).endswith("6_empty.xlsx"))
    assert row["message"] == "the file is empty (0 bytes); ask for the file again"


def test_xlsx_layout(checked: dict[str, Any]) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(checked["xlsx_path"])
    assert wb.sheetnames == ["Files", "Findings", "Rules"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}" \
                                     f"{ws.max_row}"
        assert ws.column_dimensions["A"].width > 8
        assert ws["A1"].font.b
    files = wb["Files"]
    header = [c.value for c in files[1]]
    capaian = header.index("Mean Capaian (%)") + 1
    values = [files.cell(r, capaian).value for r in range(2, files.max_row + 1)]
    assert any(isinstance(v, float) for v in values)
    assert files.cell(2, capaian).number_format == "#,##0.00"
    assert (files.page_setup.orientation, files.page_setup.paperSize) == ("landscape", 9)
    assert files.page_setup.fitToHeight == 0 and files.sheet_properties.pageSetUpPr.fitToPage
    assert files.print_title_rows == "$1:$1"
    link = files["A2"].hyperlink
    assert link is not None and link.target.endswith(".xlsx")


def test_indonesian_headers_and_sheet_names(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "rekap.xlsx"
    run("check", "--report", str(target), str(folder / "0_wrong.xlsx"),
        str(folder / "3_clean.xlsx"))
    sheets = read_xlsx(target)
    assert list(sheets) == ["Rekap", "Temuan", "Aturan"]
    assert sheets["Rekap"][0][:3] == ["Berkas", "Status", "Duplikat"]
    files = _records(sheets["Rekap"], FILE_COLUMNS)
    assert [f["status"] for f in files] == ["ada temuan", "tanpa temuan"]
    assert {f["scale"] for f in files} == {"Skala 4"}
    english = {"findings", "clean", "error", "warning", "correct", "review", "unreadable"}
    for table in sheets.values():
        for row in table[1:]:
            assert not english & {v for v in row if isinstance(v, str)}, row


def test_identical_files_are_flagged_as_duplicates(folder: Path, tmp_path: Path) -> None:
    """The same report sent twice under two names: the second row names the first."""
    copy = tmp_path / "copy_of_wrong.xlsx"
    copy.write_bytes((folder / "0_wrong.xlsx").read_bytes())
    target = tmp_path / "rekap.xlsx"
    run("check", "--report", str(target), str(folder / "0_wrong.xlsx"),
        str(folder / "1_wrong.xlsx"), str(copy))
    files = _records(read_xlsx(target)["Rekap"], FILE_COLUMNS)
    assert [f["duplicate"] for f in files] == [
        None, None, f"sama persis dengan {folder / '0_wrong.xlsx'}"]


def test_text_output_unchanged_by_the_report(folder: Path, tmp_path: Path) -> None:
    plain = run("check", str(folder))
    with_report = run("check", "--report", str(tmp_path / "r.csv"), str(folder))
    assert plain[:2] == with_report[:2]
    assert with_report[2] == plain[2] + f"Hasil ditulis: {tmp_path / 'r.csv'}\n"


def test_bad_suffix_is_a_usage_error(folder: Path, tmp_path: Path) -> None:
    code, out, err = run("check", "--report", str(tmp_path / "r.ods"), str(folder))
    assert code == 2 and ".xlsx" in err and out == ""
    assert not (tmp_path / "r.ods").exists()


# --- the per-file figures --------------------------------------------------------------------


def test_summary_never_takes_serapan_from_a_flagged_total(tmp_path: Path) -> None:
    """The Total row states 900 spent where its items add up to 500 + 300 = 800 (TOT002):
    the rekap, like the Ringkasan, uses 800 / 1000 = 80,00 %, never 90 %."""
    keuangan = [
        {"baris": "Rincian", "uraian": "Belanja A", "pagu": 600, "realisasi": 500},
        {"baris": "Rincian", "uraian": "Belanja B", "pagu": 400, "realisasi": 300},
        {"baris": "Total", "uraian": "Total", "pagu": 1000, "realisasi": 900},
    ]
    path = two_indicators(tmp_path / "a.xlsx", keuangan, nama_instansi="Dinas A", tahun=2019)
    result = check_file(path, summarise=True)
    assert "TOT002" in {f.code for f in result.findings}
    s = result.summary
    assert s is not None
    assert (s.agency, s.government, s.year) == ("Dinas A", "Kota Uji", 2019)
    assert (s.indicators, s.computed, s.capaian, s.category) == (2, 2, 85.0, "Sangat Berhasil")
    assert (s.pagu, s.realisasi, s.serapan, s.budget_source) == \
        (1000, 800, 80.0, BUDGET_FROM_RINCIAN)
    assert s.scale == "Skala 4" and len(s.sha256) == 64


def test_rekap_figures_equal_the_ringkasan_figures() -> None:
    """The clean example: (101,67 + 100 + 70,83 + 110,94 + 84,21 + 65) / 6 = 88,775, which
    the Ringkasan rounds half up to 88,78 (summed in decimal); the rekap showed 88,77."""
    from lkjip_xl.summary import build_summary

    path = Path(__file__).resolve().parents[1] / "examples" / "lkjip_2023_dinas_contoh.xlsx"
    result = check_file(path, summarise=True, keep_report=True)
    s = result.summary
    assert s is not None and result.report is not None
    ring = build_summary(result.report, result.findings)
    assert s.capaian == ring.overall.capaian == 88.78
    assert (s.pagu, s.realisasi, s.serapan) == (ring.budget_total.pagu,
                                                ring.budget_total.realisasi, 93.48)


def test_summary_sums_line_items_without_a_total(tmp_path: Path) -> None:
    keuangan = [
        {"baris": "Rincian", "uraian": "Belanja A", "pagu": 600, "realisasi": 500},
        {"baris": "Rincian", "uraian": "Belanja B", "pagu": "400", "realisasi": 300},
    ]
    path = two_indicators(tmp_path / "a.xlsx", keuangan)
    r = report(path)
    s = summarise(r, Config(scale="Skala 5").settings_for(r))
    assert (s.pagu, s.realisasi, s.serapan, s.budget_source) == (1000, 800, 80.0,
                                                                 BUDGET_FROM_RINCIAN)
    assert s.category == "Tinggi"


def test_summary_of_an_empty_workbook(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "empty.xlsx")
    result = check_file(path, summarise=True)
    s = result.summary
    assert s is not None
    assert (s.indicators, s.capaian, s.category, s.pagu, s.serapan) == (0, None, None, None,
                                                                        None)


def test_summary_only_when_asked(tmp_path: Path) -> None:
    path = two_indicators(tmp_path / "a.xlsx")
    assert check_file(path).summary is None
    assert check_file(path, summarise=True).summary is not None
