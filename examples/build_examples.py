"""Build the example workbooks from their YAML sources.

    python examples/build_examples.py            # every examples/*.yaml -> examples/<stem>.xlsx
    python examples/build_examples.py a.yaml     # just that one, next to it

Each YAML file holds `identitas` (Identitas values by field key) and one list of rows per
input sheet: `tabel_vi_1`, `lampiran_ii`, `pengukuran_kinerja`, `keuangan`, and optionally
`perbandingan` (the Perbandingan sheet). Row dicts use the schema column keys (and int years
for the year columns of Tabel VI.1 and Perbandingan). An optional sheet the YAML does not fill
is left out of the workbook (a workbook without it is read as before, and the committed
examples stay as they were). A YAML string becomes a text cell exactly
as typed, a YAML number a numeric cell; absent keys stay blank. Optional: `skala_kustom`
(bands of the Identitas Skala Kustom table) and `expected` (the hand-found mistakes of a
real-report excerpt, read by tests/test_real_reports.py, never written to the workbook).

Without arguments the script builds examples/*.yaml and examples/real/*.yaml.

The standard template is built for the file's own year and period, filled, and saved
atomically (temporary file + rename) with deterministic bytes, so a rebuild of an unchanged
YAML gives an identical .xlsx. Importable: `build(yaml_path, out_path) -> Path`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from copy import copy
from pathlib import Path

import yaml

from lkjip_xl.schema import (
    OPTIONAL_SHEETS,
    SHEET_BUDGET,
    SHEET_COMPARISON,
    SHEET_IDENTITY,
    SHEET_MEASUREMENT,
    SHEET_PK,
    SHEET_RPJMD,
    TABLES,
    TEMPLATE_HEADER_ROW,
    normalise,
)
from lkjip_xl.template import (
    build_template,
    fill_custom_scale,
    fill_identity,
    fill_rows,
    workbook_bytes,
)
from lkjip_xl.writers.atomic import open_atomic

EXAMPLES_DIR = Path(__file__).resolve().parent

# YAML section -> sheet it fills.
SECTIONS: dict[str, str] = {
    "tabel_vi_1": SHEET_RPJMD,
    "lampiran_ii": SHEET_PK,
    "pengukuran_kinerja": SHEET_MEASUREMENT,
    "keuangan": SHEET_BUDGET,
    "perbandingan": SHEET_COMPARISON,
}
IDENTITY_SECTION = "identitas"
SCALE_SECTION = "skala_kustom"
EXPECTED_SECTION = "expected"  # test data of examples/real, not part of the workbook
REAL_DIR = EXAMPLES_DIR / "real"

# Row columns added to the schema by issue 10 (per-row polarity, the basis a capaian is
# measured against, stated efficiency). A template that has no such column yet gets it
# appended after its last header, so the value is kept as typed; once the schema has the
# column, fill_rows writes it like any other.
PASS_THROUGH_HEADERS: dict[str, str] = {
    "polaritas": "Polaritas",
    "terhadap": "Terhadap",
    "efisiensi": "Efisiensi",
}


class ExampleError(ValueError):
    """A YAML source that cannot be turned into a workbook."""


def load_example(yaml_path: str | os.PathLike[str]) -> dict:
    """The YAML source as a dict, checked for shape: known sections, plain cell values."""
    path = Path(yaml_path)
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ExampleError(f"{path}: expected a mapping at the top level")
    unknown = set(data) - set(SECTIONS) - {IDENTITY_SECTION, SCALE_SECTION, EXPECTED_SECTION}
    if unknown:
        raise ExampleError(f"{path}: unknown section(s): {', '.join(sorted(map(str, unknown)))}")
    identity = data.get(IDENTITY_SECTION)
    if not isinstance(identity, dict):
        raise ExampleError(f"{path}: '{IDENTITY_SECTION}' must be a mapping")
    for key, value in identity.items():
        _check_value(path, f"{IDENTITY_SECTION}.{key}", value)
    for section in (*SECTIONS, SCALE_SECTION):
        rows = data.get(section, [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ExampleError(f"{path}: '{section}' must be a list of mappings")
        for i, row in enumerate(rows):
            for key, value in row.items():
                _check_value(path, f"{section}[{i}].{key}", value)
    return data


def _check_value(path: Path, where: str, value: object) -> None:
    # bool is an int subclass; dates and nested structures have no cell meaning here.
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ExampleError(f"{path}: {where}: a cell value must be text or a number, "
                           f"got {type(value).__name__} {value!r}")


def build_workbook(data: dict):
    """The filled template (an openpyxl Workbook) for a loaded YAML source."""
    identity = data[IDENTITY_SECTION]
    try:
        tahun = int(identity["tahun"])
        awal = int(identity["periode_awal"])
        akhir = int(identity["periode_akhir"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ExampleError(f"identitas needs tahun, periode_awal, periode_akhir: {exc}") from exc
    wb = build_template(tahun, awal, akhir)
    fill_identity(wb[SHEET_IDENTITY], identity)
    for section, sheet in SECTIONS.items():
        rows = data.get(section) or []
        if rows:
            _fill_table(wb[sheet], rows)
        elif sheet in OPTIONAL_SHEETS:
            del wb[sheet]
    bands = data.get(SCALE_SECTION) or []
    if bands:
        fill_custom_scale(wb[SHEET_IDENTITY], bands)
    wb.properties.title = f"LKjIP {tahun} {identity.get('nama_instansi', '')}".strip()
    return wb


def _fill_table(ws, rows: list[dict]) -> None:
    """fill_rows, plus the PASS_THROUGH_HEADERS keys the template's schema does not know yet."""
    spec = TABLES[ws.title]
    known = {col.key for col in spec.columns}
    extra = sorted({k for row in rows for k in row if k in PASS_THROUGH_HEADERS
                    and k not in known})
    fill_rows(ws, [{k: v for k, v in row.items() if k not in extra} for row in rows])
    for key in extra:
        header = PASS_THROUGH_HEADERS[key]
        col = next((c.column for c in ws[TEMPLATE_HEADER_ROW]
                    if normalise(c.value) == normalise(header)), None)
        if col is None:
            col = ws.max_column + 1
            cell = ws.cell(TEMPLATE_HEADER_ROW, col, header)
            cell._style = copy(ws.cell(TEMPLATE_HEADER_ROW, 1)._style)  # looks like a header
        for offset, row in enumerate(rows):
            if key in row:
                ws.cell(TEMPLATE_HEADER_ROW + 1 + offset, col, row[key])


def build(yaml_path: str | os.PathLike[str], out_path: str | os.PathLike[str]) -> Path:
    """Build the workbook of `yaml_path` into `out_path` (atomically) and return the path."""
    target = Path(out_path)
    data = load_example(yaml_path)
    with open_atomic(target, binary=True) as fh:
        fh.write(workbook_bytes(build_workbook(data)))
    return target


def example_sources(directory: Path = EXAMPLES_DIR) -> list[Path]:
    """Every YAML source in `directory`, sorted."""
    return sorted(directory.glob("*.yaml"))


def real_sources() -> list[Path]:
    """The excerpts of published reports (examples/real/*.yaml), sorted."""
    return example_sources(REAL_DIR)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    sources = [Path(a) for a in args] if args else example_sources() + real_sources()
    if not sources:
        print(f"no *.yaml in {EXAMPLES_DIR}", file=sys.stderr)
        return 1
    for src in sources:
        try:
            out = build(src, src.with_suffix(".xlsx"))
        except (OSError, ExampleError, ValueError, yaml.YAMLError) as exc:
            print(f"{src}: {exc}", file=sys.stderr)
            return 1
        print(f"built {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
