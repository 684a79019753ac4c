"""The workbook and the findings as pandas DataFrames (the `lkjip-xl[pandas]` extra).

    import lkjip_xl
    frames = lkjip_xl.read("lkjip_2024.xlsx").to_frames()   # dict of DataFrames
    findings = lkjip_xl.check_paths(["folder/"]).to_frame()  # one row per finding

Thin views over what the reader and the engine already return (`Report`, `FileResult`,
`Finding`): nothing is computed here. pandas is imported only when a frame is asked for, so
`import lkjip_xl`, the command line and the Excel button never load it. docs/pandas.md shows
the columns and a worked example.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .messages import DEFAULT_LANG, t
from .model import Cell, Report
from .schema import BUDGET_TABLE, MEASUREMENT_TABLE, PK_TABLE, RPJMD_TABLE, TableSpec

if TYPE_CHECKING:
    import pandas

    from .config import Config
    from .engine import FileResult
    from .reading import Limits
    from .rules import Finding

NUMERIC_KINDS = frozenset({"number", "percent", "money"})
# The frames of `to_frames()`: name -> (Report attribute, table contract).
TABLES: dict[str, tuple[str, TableSpec]] = {
    "indicators": ("indicators", RPJMD_TABLE),
    "pk_rows": ("pk_rows", PK_TABLE),
    "measurements": ("measurements", MEASUREMENT_TABLE),
    "budget": ("budget_rows", BUDGET_TABLE),
}
SEVERITY_ORDER = ("info", "warning", "error")
UNREADABLE = "UNREADABLE"  # the code of an unreadable file's row, as in the CSV output


def require_pandas(lang: str = DEFAULT_LANG) -> Any:
    """The pandas module, or an ImportError that says how to install it."""
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(t("open.pandas_missing", lang)) from exc
    return pandas


# --- the workbook --------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True, slots=True)
class LoadedReport(Report):
    """A `Report` (every attribute and method of it) that can also become DataFrames."""

    @classmethod
    def of(cls, report: Report) -> LoadedReport:
        if isinstance(report, cls):
            return report
        return cls(**{f.name: getattr(report, f.name) for f in dataclasses.fields(Report)})

    def to_frames(self) -> dict[str, pandas.DataFrame]:
        """One DataFrame per table: `identity`, `indicators`, `pk_rows`, `measurements`,
        `budget`. Each row keeps its sheet and row; each value its cell address."""
        return report_frames(self)


def _cell_address(cell: Cell) -> str | None:
    return cell.ref.address if cell.ref is not None else None


def _number(cell: Cell) -> float:
    value = cell.value
    return float(value) if value is not None else float("nan")


def _text(cell: Cell) -> str | None:
    return cell.text if not cell.is_blank else None


def _table_records(report: Report, attribute: str, spec: TableSpec
                   ) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """Rows as dicts, and which columns are numbers and which are row numbers."""
    sheet = report.sheet_names.get(spec.sheet, spec.sheet)
    records: list[dict[str, Any]] = []
    years = list(report.rpjmd_years) if attribute == "indicators" else []
    for item in getattr(report, attribute):
        record: dict[str, Any] = {"file": str(report.path), "sheet": sheet, "row": item.row}
        for column in spec.columns:
            cell = getattr(item, column.key, None)
            if not isinstance(cell, Cell):
                continue
            if column.kind == "role":
                role = getattr(item, "role", None)
                record[column.key] = role.value if role is not None else _text(cell)
            elif column.kind in NUMERIC_KINDS:
                record[column.key] = _number(cell)
            else:
                record[column.key] = _text(cell)
            record[f"{column.key}_cell"] = _cell_address(cell)
        for year in years:
            cell = item.target_for(year)
            record[f"target_{year}"] = _number(cell) if cell is not None else float("nan")
            record[f"target_{year}_cell"] = _cell_address(cell) if cell is not None else None
        for extra in ("program_row", "group_row"):
            if hasattr(item, extra):
                record[extra] = getattr(item, extra)
        records.append(record)
    fields = {f.name for f in dataclasses.fields(_ROW_TYPES[attribute])}
    numeric = [c.key for c in spec.columns if c.kind in NUMERIC_KINDS]
    numeric += [f"target_{year}" for year in years]
    row_numbers = ["row", *(extra for extra in ("program_row", "group_row") if extra in fields)]
    return records, numeric, row_numbers


def _columns(attribute: str, spec: TableSpec, years: Sequence[int]) -> list[str]:
    """The frame's columns, also when the table has no rows."""
    fields = {f.name for f in dataclasses.fields(_ROW_TYPES[attribute])}
    columns = ["file", "sheet", "row"]
    for column in spec.columns:
        if column.key in fields:
            columns += [column.key, f"{column.key}_cell"]
    for year in years:
        columns += [f"target_{year}", f"target_{year}_cell"]
    columns += [extra for extra in ("program_row", "group_row") if extra in fields]
    return columns


def _typed(pd: Any, records: list[dict[str, Any]], columns: list[str], numeric: Iterable[str],
           row_numbers: Iterable[str]) -> pandas.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=columns)
    for name in numeric:
        if name in frame.columns:
            frame[name] = frame[name].astype("float64")
    for name in row_numbers:
        if name in frame.columns:
            frame[name] = frame[name].astype("Int64")
    return frame


def report_frames(report: Report) -> dict[str, pandas.DataFrame]:
    """The DataFrames of `LoadedReport.to_frames`, for any `Report`."""
    pd = require_pandas()
    frames: dict[str, pandas.DataFrame] = {"identity": _identity_frame(pd, report)}
    for name, (attribute, spec) in TABLES.items():
        records, numeric, row_numbers = _table_records(report, attribute, spec)
        years = report.rpjmd_years if attribute == "indicators" else ()
        frames[name] = _typed(pd, records, _columns(attribute, spec, years), numeric,
                              row_numbers)
    return frames


def _identity_frame(pd: Any, report: Report) -> pandas.DataFrame:
    from .schema import IDENTITY_FIELDS

    sheet = report.sheet_names.get("Identitas", "Identitas")
    records = []
    for column in IDENTITY_FIELDS:
        cell = getattr(report.identity, column.key, None)
        if not isinstance(cell, Cell):
            continue
        records.append({"file": str(report.path), "sheet": sheet, "key": column.key,
                        "label": column.header, "value": _text(cell),
                        "number": _number(cell) if column.kind in NUMERIC_KINDS
                        else float("nan"),
                        "cell": _cell_address(cell)})
    return _typed(pd, records, ["file", "sheet", "key", "label", "value", "number", "cell"],
                  ["number"], ())


def _row_types() -> dict[str, type]:
    from .model import BudgetRow, Indicator, MeasurementRow, PkRow

    return {"indicators": Indicator, "pk_rows": PkRow, "measurements": MeasurementRow,
            "budget_rows": BudgetRow}


_ROW_TYPES = _row_types()


def read(path: str | Path, *, limits: Limits | None = None) -> LoadedReport:
    """`lkjip_xl.read`: the workbook at `path` as a Report with `to_frames()`."""
    from .reading import read_report

    return LoadedReport.of(read_report(path, limits=limits))


# --- the findings --------------------------------------------------------------------------

FINDING_COLUMNS = ("file", "sheet", "cell", "row", "code", "name", "severity", "message",
                   "stated", "expected", "difference", "tolerance", "stated_text",
                   "expected_text", "formula", "inputs", "related", "action")
FLOAT_COLUMNS = ("stated", "expected", "difference", "tolerance")


@dataclasses.dataclass(frozen=True, slots=True)
class CheckResults(Sequence["FileResult"]):
    """What `check_paths` found: one `FileResult` per file, in the order of the paths."""

    results: tuple[FileResult, ...]
    config: Config | None = None

    def __len__(self) -> int:
        return len(self.results)

    def __getitem__(self, index: Any) -> Any:
        return self.results[index]

    def __iter__(self) -> Iterator[FileResult]:
        return iter(self.results)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def unreadable(self) -> list[FileResult]:
        """The files that could not be read (`result.error` says why)."""
        return [r for r in self.results if r.error is not None]

    def to_frame(self, lang: str = DEFAULT_LANG) -> pandas.DataFrame:
        """One row per finding; a file that could not be read is one row with code
        UNREADABLE (as in `check --format csv`). `stated`, `expected`, `difference` and
        `tolerance` are floats (NaN where the value is text or absent; the text is in
        `stated_text` / `expected_text`); `severity` is an ordered category."""
        return findings_frame(self.results, lang)


def _float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return float("nan")
    return float(value)


def _as_text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _row_of(cell: str) -> int | None:
    digits = "".join(ch for ch in cell if ch.isdigit())
    return int(digits) if digits else None


def _finding_record(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "file": f.file, "sheet": f.sheet, "cell": f.cell, "row": _row_of(f.cell),
        "code": f.code, "name": f.name, "severity": f.severity.value,
        "message": f.message(lang),
        "stated": _float(f.stated), "expected": _float(f.expected),
        "difference": _float(f.difference), "tolerance": _float(f.tolerance),
        "stated_text": _as_text(f.stated), "expected_text": _as_text(f.expected),
        "formula": f.formula,
        "inputs": "; ".join(f"{ref}={value}" for ref, value in f.inputs),
        "related": "; ".join(f.related),
        "action": f.action.value,
    }


def findings_frame(results: Iterable[FileResult], lang: str = DEFAULT_LANG
                   ) -> pandas.DataFrame:
    """The DataFrame of `CheckResults.to_frame`, for any results of the engine."""
    pd = require_pandas(lang)
    records: list[dict[str, Any]] = []
    for result in results:
        if result.error is not None:
            records.append({
                "file": str(result.path), "sheet": "", "cell": "", "row": None,
                "code": UNREADABLE, "name": result.error.reason, "severity": "error",
                "message": t(result.error.reason, lang, detail=result.error.detail),
                "stated": float("nan"), "expected": float("nan"),
                "difference": float("nan"), "tolerance": float("nan"),
                "stated_text": None, "expected_text": None, "formula": "",
                "inputs": "", "related": "", "action": ""})
            continue
        records.extend(_finding_record(f, lang) for f in result.findings)
    frame = _typed(pd, records, list(FINDING_COLUMNS), FLOAT_COLUMNS, ("row",))
    frame["severity"] = pd.Categorical(frame["severity"], categories=SEVERITY_ORDER,
                                       ordered=True)
    return frame


def check_paths(paths: str | Path | Iterable[str | Path],
                config: Config | str | Path | None = None, *, jobs: int = 1,
                timeout: float | None = 60.0, limits: Limits | None = None,
                pair: bool = True, previous: str | Path | None = None) -> CheckResults:
    """`lkjip_xl.check_paths`: check files, folders and globs as `lkjip-xl check` does.
    Files of one agency and consecutive years are compared (the pair rules, PRV) as the
    command line pairs them, unless `pair=False`; `previous`: last year's report to compare
    the one file checked with (`check --previous`).

    `config`: a `Config`, the path of a config file, or None for the nearest
    `lkjip-xl.toml` / `pyproject.toml` `[tool.lkjip-xl]` from the current folder (as the
    command line does). Reading limits come from the config's `[limits]` unless `limits` is
    given. The files are checked in this process (one file) or in `jobs` worker processes.
    Raises `lkjip_xl.config.ConfigError` for a config that makes no sense.
    """
    from .batch import check_many, expand_paths
    from .config import Config, load_config
    from .reading.limits import limits_from_dict

    if isinstance(paths, str | Path):
        paths = [paths]
    if not isinstance(config, Config):
        config = load_config(Path(config) if config is not None else None)
    if limits is None:
        limits = limits_from_dict(config.limits)
    files = expand_paths([str(p) for p in paths])
    # The caller's process (a notebook, a script) keeps its own memory limits.
    from .pairing import Pairing, pair_files

    if previous is not None:
        if len(files) != 1:
            raise ValueError(f"previous= needs one file to check, not {len(files)}")
        pairs = {files[0]: Pairing(Path(previous))}
    else:
        pairs = pair_files(files, limits) if pair and len(files) > 1 else {}
    results = check_many(files, config, limits, jobs=max(1, jobs), timeout=timeout,
                         memory_bytes=None, pairs=pairs)
    return CheckResults(tuple(results), config)
