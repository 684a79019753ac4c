"""The corpus of real-report excerpts (examples/real): every hand-found mistake is reported,
and nothing else is (issue 10).

Each examples/real/*.yaml is an excerpt of a published LKjIP/LKj typed into the template as
printed. Its `expected` list holds the mistakes found BY HAND before the tool was run: rule
code, section, 1-based row of that section's list, and column key. The test builds the
workbook, runs `check` through the public API (`engine.check_file`) and asserts

- every expected mistake is reported with its rule code on its cell;
- no error- or warning-level finding anywhere else (info is allowed). A finding on the cell
  of an expected mistake may carry another code too (e.g. a capaian stated twice and wrong
  both times is also a disagreement); everywhere else only info is allowed.

Expectations come from the hand computation written in each YAML's header, never from the
tool's output.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lkjip_xl import schema
from lkjip_xl.engine import check_file
from lkjip_xl.model import column_letter
from lkjip_xl.rules import Severity

from .test_examples import build_examples

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

SECTION_SHEETS = {
    "tabel_vi_1": schema.SHEET_RPJMD,
    "lampiran_ii": schema.SHEET_PK,
    "pengukuran_kinerja": schema.SHEET_MEASUREMENT,
    "keuangan": schema.SHEET_BUDGET,
}


SOURCES = build_examples.real_sources()
IDS = [p.stem for p in SOURCES]


def test_corpus_is_there():
    # At least ten excerpts, from every level of government the issue names.
    assert len(SOURCES) >= 10
    names = " ".join(IDS)
    for level in ("_kab_", "_kota_", "_prov_", "_kemen"):
        assert level in names, level


def _header_columns(ws) -> dict[str, int]:
    """Schema column key -> column index in the built sheet's header row."""
    spec = schema.TABLES[ws.title]
    names = {schema.normalise(n): col.key for col in spec.columns for n in col.names()}
    # Issue-10 row columns the builder appends when the schema does not know them yet.
    for key, header in build_examples.PASS_THROUGH_HEADERS.items():
        names.setdefault(schema.normalise(header), key)
    found: dict[str, int] = {}
    for cell in ws[schema.TEMPLATE_HEADER_ROW]:
        key = names.get(schema.normalise(cell.value))
        if key is not None:
            found.setdefault(key, cell.column)
    return found


def _expected_cells(workbook: Path, expected: list[dict]) -> list[tuple[str, str, str, str]]:
    """(code, sheet, cell, reason) of each expected mistake, resolved in the built workbook."""
    wb = openpyxl.load_workbook(workbook)
    out = []
    for item in expected:
        sheet = SECTION_SHEETS[item["lembar"]]
        columns = _header_columns(wb[sheet])
        col = columns[item["kolom"]]
        row = schema.TEMPLATE_HEADER_ROW + int(item["baris"])
        out.append((item["kode"], sheet, f"{column_letter(col)}{row}", item.get("alasan", "")))
    return out


@pytest.fixture(scope="module", params=SOURCES, ids=IDS)
def checked(request, tmp_path_factory):
    src: Path = request.param
    data = build_examples.load_example(src)
    out = build_examples.build(src, tmp_path_factory.mktemp("real") / f"{src.stem}.xlsx")
    result = check_file(out)
    assert result.error is None, result.error
    return data, _expected_cells(out, data.get("expected") or []), result.findings


def _show(findings) -> str:
    return "\n".join(f"  {f.severity} {f.code} {f.location}: {f.message()}" for f in findings)


def test_every_hand_found_mistake_is_reported(checked):
    _, expected, findings = checked
    found = {(f.code, f.sheet, f.cell) for f in findings}
    missing = [e for e in expected if e[:3] not in found]
    assert not missing, ("not reported:\n" + "\n".join(f"  {c} {s}!{a}: {r}"
                                                         for c, s, a, r in missing)
                         + "\nfindings:\n" + _show(findings))


def test_quiet_where_the_report_is_right(checked):
    _, expected, findings = checked
    mistake_cells = {(sheet, cell) for _, sheet, cell, _ in expected}
    loud = [f for f in findings
            if f.severity in (Severity.ERROR, Severity.WARNING)
            and (f.sheet, f.cell) not in mistake_cells]
    assert not loud, "error/warning on figures that are right:\n" + _show(loud)


def test_expected_entries_are_well_formed():
    for src in SOURCES:
        data = build_examples.load_example(src)
        for item in data.get("expected") or []:
            assert item["lembar"] in SECTION_SHEETS, (src.name, item)
            rows = data.get(item["lembar"]) or []
            assert 1 <= int(item["baris"]) <= len(rows), (src.name, item)
            assert item["kolom"] in rows[int(item["baris"]) - 1], (src.name, item)
            assert item.get("alasan"), (src.name, item)
