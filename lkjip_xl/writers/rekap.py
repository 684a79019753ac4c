"""The rekap: a batch's results as a workbook (or CSV files) a reviewer can sort and filter.

Three tables:
- Rekap: one row per workbook: file (a link to it), status, the earlier file it is identical
  to (same SHA-256: a duplicate), last year's report it was compared with (the pair rules,
  `pairing.py`; or why it could not be), why it could not be read, agency, year, number of
  indicators, mean computed capaian, its category and the scale, budget and absorption (the
  very figures of the workbook's own Ringkasan: `rekap.summarise`), findings by severity;
- Temuan: every finding of every file, with the file name (the columns of `check --format
  csv`, numbers as numbers);
- Aturan: per rule enabled, how many findings and in how many files.

`.xlsx` is written with XlsxWriter in constant-memory mode (rows go to disk as they come:
memory does not grow with the number of files), header row frozen, filters on, columns sized,
severity colours (and counts above zero coloured), printed A4 landscape one page wide with
the header row on every page.
`.csv` writes three files: `NAME.csv` (Rekap), `NAME-temuan.csv` and `NAME-aturan.csv`, UTF-8
with a byte-order mark so that Excel reads the accents.

Every text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
tab or carriage return) is neutralised with a leading apostrophe; numbers stay numbers.
Status, severity, action and rule names are words in the reader's language (`--lang`): the
stable keys stay in `check --format json|csv`; the rule code is beside its name.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..config import Config
from ..engine import DOCUMENT_SUFFIXES, FileResult
from ..messages import MESSAGES, t
from ..rules import Severity
from .atomic import atomic_path, open_atomic
from .formats import counts, finding_to_dict, neutralise
from .labels import formula_text, rule_title, severity_label
from .styles import (
    FONT_NAME,
    HEADER_RGB,
    LINK_RGB,
    MONEY_FORMAT,
    PERCENT_FORMAT,
    REVIEW_RGB,
    SEVERITY_RGBS,
)

REKAP_SUFFIXES = (".xlsx", ".csv")
CSV_SIBLINGS = ("-temuan", "-aturan")  # NAME.csv, NAME-temuan.csv, NAME-aturan.csv

# (key, width hint, kind): kind is text, int, money, percent or number
FILE_COLUMNS = (
    ("file", 40, "text"), ("status", 13, "text"), ("duplicate", 44, "text"),
    ("previous", 44, "text"), ("reason", 18, "text"), ("message", 40, "text"),
    ("source", 26, "text"), ("agency", 34, "text"), ("government", 22, "text"),
    ("year", 7, "int"), ("indicators", 11, "int"), ("computed", 11, "int"),
    ("capaian", 12, "percent"), ("category", 16, "text"), ("scale", 10, "text"),
    ("pagu", 20, "money"),
    ("realisasi", 20, "money"), ("serapan", 12, "percent"), ("error", 8, "int"),
    ("warning", 11, "int"), ("info", 8, "int"),
)
FINDING_COLUMNS = (
    ("file", 40, "text"), ("sheet", 18, "text"), ("cell", 7, "text"), ("code", 8, "text"),
    ("name", 28, "text"), ("severity", 10, "text"), ("message", 60, "text"),
    ("stated", 14, "number"), ("expected", 14, "number"), ("difference", 14, "number"),
    ("tolerance", 10, "number"), ("formula", 30, "text"), ("inputs", 40, "text"),
    ("related", 24, "text"), ("action", 12, "text"),
)
RULE_COLUMNS = (
    ("code", 8, "text"), ("name", 28, "text"), ("severity", 10, "text"),
    ("findings", 10, "int"), ("files", 10, "int"), ("summary", 70, "text"),
)
MAX_WIDTH = 80
HEADER_HEIGHT = 28.0  # points: two lines of 10 pt header text


def rekap_paths(path: Path) -> tuple[Path, ...]:
    """The files `--report path` writes."""
    if path.suffix.lower() == ".csv":
        return (path, *(path.with_name(f"{path.stem}{s}{path.suffix}") for s in CSV_SIBLINGS))
    return (path,)


def status_key(r: FileResult) -> str:
    """'unreadable', 'findings' or 'clean' (the JSON output's key)."""
    return "unreadable" if r.error is not None else "findings" if r.findings else "clean"


def file_row(r: FileResult, lang: str = "id", duplicate_of: str = "") -> list[Any]:
    """The Rekap row of one workbook, in FILE_COLUMNS order. `duplicate_of`: the earlier
    file of the batch with the same content, if any."""
    s = r.summary
    c = counts(r.findings) if r.error is None else {"error": None, "warning": None,
                                                    "info": None}
    status = t(f"rekap.status.{status_key(r)}", lang)
    duplicate = t("rekap.duplicate", lang, file=duplicate_of) if duplicate_of else None
    reason = r.error.reason if r.error is not None else ""
    message = t(r.error.reason, lang, detail=r.error.detail) if r.error is not None else ""
    return [str(r.path), status, duplicate, pairing_text(r, lang), reason, message,
            source_label(r, lang),
            s.agency if s else None, s.government if s else None, s.year if s else None,
            s.indicators if s else None, s.computed if s else None,
            s.capaian if s else None, s.category if s else None, s.scale if s else None,
            s.pagu if s else None, s.realisasi if s else None, s.serapan if s else None,
            c["error"], c["warning"], c["info"]]


def source_label(r: FileResult, lang: str) -> str | None:
    """'diimpor dari PDF, keyakinan 87 %' for a document checked through the import; blank
    for a workbook."""
    info = r.imported
    if info is None:
        if r.path.suffix.lower() not in DOCUMENT_SUFFIXES:
            return None
        kind = "pdf" if r.path.suffix.lower() == ".pdf" else "docx"
        return t(f"import.from_{kind}", lang)  # unreadable: no confidence to show
    return info.label(lang)


def pairing_text(r: FileResult, lang: str = "id") -> str | None:
    """Last year's report this file was compared with, or why it was not (None: no pair)."""
    from .formats import pairing_line

    return pairing_line(r, lang) if r.previous is not None or r.previous_error is not None \
        else None


def action_label(action: str, lang: str) -> str:
    return t(f"rekap.action.{action}", lang)


def finding_rows(r: FileResult, lang: str = "id") -> list[list[Any]]:
    """The Temuan rows of one workbook, in FINDING_COLUMNS order."""
    rows = []
    for f in r.findings:
        d = finding_to_dict(f, lang)
        rows.append([d["file"], d["sheet"], d["cell"], d["code"],
                     rule_title(f.code, f.name, lang), severity_label(d["severity"], lang),
                     d["message"], d["stated"], d["expected"], d["difference"],
                     d["tolerance"], formula_text(d["formula"], lang),
                     "; ".join(f"{i['cell']}={_text(i['value'])}" for i in d["inputs"]),
                     "; ".join(d["related"]), action_label(d["action"], lang)])
    return rows


def rule_rows(config: Config, found: Counter[str], files: Counter[str],
              names: dict[str, tuple[str, str]], lang: str = "id",
              paired: bool = False) -> list[list[Any]]:
    """One row per enabled rule (and per code found that no rule declares), by code; the
    pair rules too when a file of the batch was compared with last year's (`paired`)."""
    from ..rules import all_rules, pair_rules

    rows: dict[str, list[Any]] = {}
    for rule in (*all_rules(), *(pair_rules() if paired else ())):
        if not config.enabled(rule.code):
            continue
        key = f"rule.{rule.code}.summary"
        summary = t(key, lang) if key in MESSAGES else rule.summary
        severity = config.severity.get(rule.code, rule.severity)
        rows[rule.code] = [rule.code, rule_title(rule.code, rule.name, lang),
                           severity_label(Severity(severity).value, lang),
                           found.get(rule.code, 0), files.get(rule.code, 0), summary]
    for code, (name, severity) in names.items():
        if code not in rows:
            rows[code] = [code, rule_title(code, name, lang), severity_label(severity, lang),
                          found[code], files[code], ""]
    return [rows[code] for code in sorted(rows)]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


def _cell(value: Any) -> Any:
    """What goes in a cell: numbers as numbers, text neutralised, nothing as blank."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    if value is None:
        return None
    return neutralise(str(value))


def _headers(columns: tuple[tuple[str, int, str], ...], lang: str) -> list[str]:
    return [t(f"rekap.col.{key}", lang) for key, _, _ in columns]


class Rekap:
    """Collects a batch's results one at a time; `close` finishes and writes the files."""

    def __init__(self, path: Path, lang: str, config: Config) -> None:
        self.path = path
        self.lang = lang
        self.config = config
        self.found: Counter[str] = Counter()
        self.files_with: Counter[str] = Counter()
        self.names: dict[str, tuple[str, str]] = {}
        self.hashes: dict[str, str] = {}  # SHA-256 -> the first file with that content
        self.closed = False
        self.paired = False  # a file was compared with last year's report

    def add(self, result: FileResult) -> None:
        self.paired = self.paired or result.previous is not None
        for f in result.findings:
            self.found[f.code] += 1
            self.names.setdefault(f.code, (f.name, f.severity.value))
        for code in {f.code for f in result.findings}:
            self.files_with[code] += 1
        self._write(result, self.duplicate_of(result))

    def duplicate_of(self, result: FileResult) -> str:
        """The earlier file of the batch with the same bytes ("" if none): the same report
        sent twice, perhaps under another name."""
        digest = result.summary.sha256 if result.summary is not None else ""
        if not digest:
            from ..provenance import file_sha256

            digest = file_sha256(result.path)
        if not digest:
            return ""
        first = self.hashes.setdefault(digest, str(result.path))
        return first if first != str(result.path) else ""

    def _write(self, result: FileResult, duplicate_of: str = "") -> None:
        raise NotImplementedError

    def _rule_rows(self) -> list[list[Any]]:
        return rule_rows(self.config, self.found, self.files_with, self.names, self.lang,
                         self.paired)

    def close(self) -> None:
        """Write the rules table and move the finished files into place."""
        self.closed = True
        self._finish()

    def abort(self) -> None:
        """Stop without leaving anything behind (an interrupted batch)."""
        self.closed = True
        self._abort()

    def _finish(self) -> None:
        raise NotImplementedError

    def _abort(self) -> None:
        raise NotImplementedError


class CsvRekap(Rekap):
    def __init__(self, path: Path, lang: str, config: Config) -> None:
        super().__init__(path, lang, config)
        self._files = [open_atomic(p, newline="", encoding="utf-8-sig")
                       for p in rekap_paths(path)[:2]]
        self._outs = [f.__enter__() for f in self._files]
        self._writers = [csv.writer(out, lineterminator="\r\n") for out in self._outs]
        self._writers[0].writerow(_headers(FILE_COLUMNS, lang))
        self._writers[1].writerow(_headers(FINDING_COLUMNS, lang))

    def _write(self, result: FileResult, duplicate_of: str = "") -> None:
        self._writers[0].writerow([_csv(v) for v in file_row(result, self.lang,
                                                             duplicate_of)])
        self._writers[1].writerows([_csv(v) for v in row]
                                   for row in finding_rows(result, self.lang))

    def _finish(self) -> None:
        rules = rekap_paths(self.path)[2]
        with open_atomic(rules, newline="", encoding="utf-8-sig") as out:
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(_headers(RULE_COLUMNS, self.lang))
            writer.writerows([_csv(v) for v in row] for row in self._rule_rows())
        for f in self._files:
            f.__exit__(None, None, None)

    def _abort(self) -> None:
        for f in self._files:
            f.__exit__(KeyboardInterrupt, KeyboardInterrupt(), None)


def _csv(value: Any) -> Any:
    value = _cell(value)
    if isinstance(value, float):
        return f"{value:.15g}"
    return "" if value is None else value


class XlsxRekap(Rekap):
    def __init__(self, path: Path, lang: str, config: Config) -> None:
        import xlsxwriter

        super().__init__(path, lang, config)
        self._atomic = atomic_path(path)
        tmp = self._atomic.__enter__()
        self.book = xlsxwriter.Workbook(str(tmp), {
            "constant_memory": True, "strings_to_formulas": False,
            "strings_to_urls": False, "strings_to_numbers": False,
        })
        config = t("cli.config_file", lang, path=config.source) if config.source \
            else t("cli.config_none", lang)  # the config file in force: File > Info
        self.book.set_properties({"title": t("rekap.title", lang), "author": "lkjip-xl",
                                  "comments": config})
        base = {"font_name": FONT_NAME, "font_size": 10, "valign": "top"}

        def fmt(**kw: Any) -> Any:
            return self.book.add_format({**base, **kw})

        header = fmt(bold=True, bg_color=f"#{HEADER_RGB}", border=1, text_wrap=True)
        self.formats = {
            "text": fmt(), "number": fmt(),
            "int": fmt(num_format="0"),
            "money": fmt(num_format=MONEY_FORMAT),
            "percent": fmt(num_format=PERCENT_FORMAT),
        }
        self.severity = {key: fmt(bg_color=f"#{rgb}") for key, rgb in SEVERITY_RGBS.items()}
        self.severity_count = {key: fmt(bg_color=f"#{rgb}", num_format="0")
                               for key, rgb in SEVERITY_RGBS.items()}
        self.link = fmt(font_color=f"#{LINK_RGB}", underline=1)
        self.duplicate = fmt(bg_color=f"#{REVIEW_RGB}")
        self.labels = {severity_label(key, lang): key for key in SEVERITY_RGBS}
        self.unreadable = t("rekap.status.unreadable", lang)
        self.folder = path.resolve().parent
        self.sheets = {}
        for key, columns in (("files", FILE_COLUMNS), ("findings", FINDING_COLUMNS),
                             ("rules", RULE_COLUMNS)):
            ws = self.book.add_worksheet(t(f"rekap.sheet.{key}", lang))
            sheet = _Sheet(ws, columns, self.formats)
            ws.set_row(0, HEADER_HEIGHT)  # wrapped headers shown whole (three lines)
            sheet.write(_headers(columns, lang), header)
            ws.freeze_panes(1, 0)
            _page_setup(ws, t("fix.sum.footer", lang))
            self.sheets[key] = sheet
        self._columns = {key: i for i, (key, _, _) in enumerate(FILE_COLUMNS)}
        self._severity_col = [k for k, _, _ in FINDING_COLUMNS].index("severity")
        self._rule_severity_col = [k for k, _, _ in RULE_COLUMNS].index("severity")

    def _write(self, result: FileResult, duplicate_of: str = "") -> None:
        row = file_row(result, self.lang, duplicate_of)
        col = self._columns
        formats: dict[int, Any] = {}
        for key in ("error", "warning", "info"):
            value = row[col[key]]
            if isinstance(value, int) and value > 0:
                formats[col[key]] = self.severity_count[key]
        if result.error is not None:
            formats[col["status"]] = self.severity["error"]
        if duplicate_of:
            formats[col["duplicate"]] = self.duplicate
        links = {col["file"]: _file_link(result.path, self.folder)}
        self.sheets["files"].write(row, formats=formats, links=links, link_format=self.link)
        for frow in finding_rows(result, self.lang):
            key = self.labels.get(frow[self._severity_col])
            self.sheets["findings"].write(
                frow, formats={self._severity_col: self.severity[key]} if key else None)

    def _finish(self) -> None:
        for row in self._rule_rows():
            key = self.labels.get(row[self._rule_severity_col])
            self.sheets["rules"].write(
                row, formats={self._rule_severity_col: self.severity[key]} if key else None)
        for sheet in self.sheets.values():
            sheet.finish()
        self.book.close()
        self._atomic.__exit__(None, None, None)

    def _abort(self) -> None:
        self._atomic.__exit__(KeyboardInterrupt, KeyboardInterrupt(), None)


class _Sheet:
    """One worksheet written row after row, remembering how wide each column should be."""

    def __init__(self, ws: Any, columns: tuple[tuple[str, int, str], ...],
                 formats: dict[str, Any]) -> None:
        self.ws = ws
        self.columns = columns
        self.formats = [formats[kind] for _, _, kind in columns]
        self.widths = [min(hint, 12) for _, hint, _ in columns]
        self.hints = [hint for _, hint, _ in columns]
        self.row = 0

    def write(self, values: list[Any], fmt: Any = None, formats: dict[int, Any] | None = None,
              links: dict[int, str] | None = None, link_format: Any = None) -> None:
        """One row; `formats`: per-column formats replacing the column's; `links`: per-column
        external link targets (the cell shows its value)."""
        ws, row = self.ws, self.row
        for col, value in enumerate(values):
            value = _cell(value)
            if value is None:
                continue
            cell_format = fmt or (formats or {}).get(col) or self.formats[col]
            target = (links or {}).get(col)
            if isinstance(value, str) and target:
                ws.write_url(row, col, target, link_format or cell_format, value)
                width = len(value)
            elif isinstance(value, str):
                ws.write_string(row, col, value, cell_format)
                width = max(len(line) for line in value.splitlines()) if value else 0
            else:
                ws.write_number(row, col, value, cell_format)
                width = len(f"{value:,.2f}") if isinstance(value, float) else len(str(value))
            if width + 2 > self.widths[col]:
                self.widths[col] = min(width + 2, max(self.hints[col], 12), MAX_WIDTH)
        self.row += 1

    def finish(self) -> None:
        for col, width in enumerate(self.widths):
            self.ws.set_column(col, col, width)
        self.ws.autofilter(0, 0, max(self.row - 1, 0), len(self.columns) - 1)


def _page_setup(ws: Any, footer: str) -> None:
    """A4 landscape, one page wide, the header row on every page, page numbers."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer("&C" + footer)


MAX_LINK = 250  # characters of a link target older Excel versions accept


def _file_link(path: Path, folder: Path) -> str:
    """An external link to a checked file, relative to the rekap's folder (the folder can be
    moved or shared with the files); '' when it would be too long."""
    import os

    try:
        target = os.path.relpath(Path(path).resolve(), folder)
    except ValueError:  # another drive on Windows
        target = str(Path(path).resolve())
    link = "external:" + target
    return link if len(link) <= MAX_LINK else ""


def open_rekap(path: Path, lang: str, config: Config) -> Rekap:
    kind: Callable[[Path, str, Config], Rekap] = (
        CsvRekap if path.suffix.lower() == ".csv" else XlsxRekap)
    return kind(path, lang, config)


__all__ = ["REKAP_SUFFIXES", "Rekap", "file_row", "finding_rows", "open_rekap", "rekap_paths",
           "rule_rows"]
