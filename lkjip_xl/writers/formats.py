"""Findings as text, JSON, CSV and SARIF. Pure: nothing here prints.

`to_text`, `to_json`, `to_csv` and `to_sarif` return strings. For a batch of any size, the
streams (`open_stream`) write the same bytes incrementally to a file-like object, one result
at a time, so memory does not grow with the number of files; the `to_*` functions are built
on them, so both always agree.

The JSON schema is versioned (`SCHEMA_VERSION`) and documented in docs/output-format.md.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from .. import __version__
from ..engine import FileResult
from ..messages import localise, t
from ..rules import Finding, Severity
from ..rules.base import Action

SCHEMA_VERSION = 1
CSV_COLUMNS = ("file", "sheet", "cell", "code", "name", "severity", "message", "stated",
               "expected", "difference", "tolerance", "formula", "inputs", "related", "action")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def finding_to_dict(f: Finding, lang: str = "id") -> dict[str, Any]:
    return {
        "file": f.file,
        "sheet": f.sheet,
        "cell": f.cell,
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message(lang),
        "stated": f.stated,
        "expected": f.expected,
        "difference": f.difference,
        "tolerance": f.tolerance,
        "formula": f.formula,
        "inputs": [{"cell": ref, "value": value} for ref, value in f.inputs],
        "related": list(f.related),
        "action": f.action.value,
    }


def error_to_dict(result: FileResult, lang: str = "id") -> dict[str, Any]:
    assert result.error is not None
    return {"file": str(result.path), "reason": result.error.reason,
            "message": t(result.error.reason, lang, detail=result.error.detail),
            "detail": result.error.detail}


def pairing_to_dict(result: FileResult, lang: str = "id") -> dict[str, Any]:
    """Last year's report a file was compared with (the pair rules): `file` (None when a
    batch found several candidates), `compared`, and, when not compared, `reason` (a
    message key) and `message`."""
    error = result.previous_error
    previous = result.previous if result.previous is not None else None
    return {"file": str(previous) if previous is not None else None,
            "compared": error is None,
            "reason": error.reason if error is not None else None,
            "message": t(error.reason, lang, detail=error.detail) if error is not None
            else None}


def pairing_line(result: FileResult, lang: str = "id") -> str:
    """One line on the pairing of a file: compared with which file, or why not."""
    error = result.previous_error
    if error is None:
        return t("prv.compared", lang, previous=str(result.previous))
    reason = t(error.reason, lang, detail=error.detail)
    if result.previous is None:  # a batch found several candidates
        return t("prv.not_paired", lang, reason=reason)
    return t("prv.not_compared", lang, previous=str(result.previous), reason=reason)


def _paired(result: FileResult) -> bool:
    return result.previous is not None or result.previous_error is not None


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    tally = getattr(findings, "tally", None)
    if tally is None:
        c = Counter(f.severity.value for f in findings)
    else:
        c = Counter()
        for (severity, _), n in tally.items():
            c[severity] += n
    return {s.value: c.get(s.value, 0) for s in Severity}


def severity_code_counts(findings: Iterable[Finding]) -> Mapping[tuple[str, str], int]:
    """(severity, code) -> number of findings, in order of first appearance. Findings a batch
    worker sent with its rendered output carry it ready (`batch._Findings.tally`), so the
    main process counts without building them."""
    tally = getattr(findings, "tally", None)
    if tally is not None:
        return tally  # type: ignore[no-any-return]
    return Counter((f.severity.value, f.code) for f in findings)


def to_json(results: Sequence[FileResult], lang: str = "id") -> str:
    return _render(JsonStream, results, lang)


def _render(kind: type[Stream], results: Iterable[FileResult], lang: str, **kw: Any) -> str:
    buf = io.StringIO()
    stream = kind(buf, lang, **kw)
    for r in results:
        stream.add(r)
    stream.close()
    return buf.getvalue()


def _status(result: FileResult) -> str:
    if result.error is not None:
        return "unreadable"
    return "findings" if result.findings else "clean"


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


def to_csv(results: Sequence[FileResult], lang: str = "id") -> str:
    return _render(CsvStream, results, lang)


def _csv_rows(r: FileResult, lang: str) -> list[list[Any]]:
    if r.error is not None:
        e = error_to_dict(r, lang)
        return [[neutralise(x) for x in (e["file"], "", "", "UNREADABLE", e["reason"], "error",
                                         e["message"], "", "", "", "", "", "", "", "")]]
    rows = []
    for f in r.findings:
        d = finding_to_dict(f, lang)
        row = [d["file"], d["sheet"], d["cell"], d["code"], d["name"], d["severity"],
               d["message"], _cell_text(d["stated"]), _cell_text(d["expected"]),
               _cell_text(d["difference"]), _cell_text(d["tolerance"]), d["formula"],
               "; ".join(f"{i['cell']}={_cell_text(i['value'])}" for i in d["inputs"]),
               "; ".join(d["related"]), d["action"]]
        rows.append([neutralise(x) for x in row])
    return rows


def to_sarif(results: Sequence[FileResult], lang: str = "id") -> str:
    results = list(results)
    return _render(SarifStream, results, lang, paired=any(_paired(r) for r in results))


def artifact_uri(path: str) -> str:
    """A file's SARIF `artifactLocation.uri`: a proper URI reference. An absolute path
    becomes a file:// URI; a relative one stays a relative reference (forward slashes),
    with spaces, '#', '%', '?' and non-ASCII letters percent-encoded (RFC 3986)."""
    from pathlib import PurePosixPath, PureWindowsPath
    from urllib.parse import quote

    text = str(path)
    windows = PureWindowsPath(text)
    if windows.drive and windows.is_absolute():  # C:\\dir\\x.xlsx, also on Linux
        return "file:///" + quote(windows.as_posix(), safe="/:")
    posix = text.replace("\\", "/") if windows.drive == "" and "\\" in text else text
    if PurePosixPath(posix).is_absolute():
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


_ARTIFACTS = "\x00artifacts\x00"  # where a paired run's artifacts go, once known


def _sarif_doc(sarif_results: list[dict[str, Any]],
               config: str | None = None, paired: bool = False) -> dict[str, Any]:
    """The SARIF document; with `paired` (files compared with last year's report), the pair
    rules are in the driver's rules, and `artifacts` (after the results) says which file each
    was compared with."""
    from ..rules import all_rules, every_rule

    rules = [{"id": r.code, "name": r.name, "shortDescription": {"text": r.summary},
              "fullDescription": {"text": r.doc.strip()},
              "defaultConfiguration": {"level": _sarif_level(r.severity)}}
             for r in (every_rule() if paired else all_rules())]
    run: dict[str, Any] = {"tool": {"driver": {"name": "lkjip-xl", "version": __version__,
                                               "rules": rules}},
                           "properties": {"configFile": config},
                           "results": sarif_results}
    if paired:
        run["artifacts"] = _ARTIFACTS
    return {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [run],
    }


def _sarif_artifact(r: FileResult, lang: str) -> dict[str, Any]:
    """A paired file as a SARIF artifact: its pairing in `properties.previous`."""
    return {"location": {"uri": artifact_uri(str(r.path))},
            "properties": {"previous": pairing_to_dict(r, lang)}}


def _sarif_results(r: FileResult, lang: str) -> list[dict[str, Any]]:
    sarif_results = []
    for f in r.findings:
        sarif_results.append({
            "ruleId": f.code,
            "level": _sarif_level(f.severity),
            "message": {"text": f.message(lang)},
            "locations": [{
                "physicalLocation": {"artifactLocation": {"uri": artifact_uri(f.file)}},
                "logicalLocations": [{"name": f.location, "kind": "cell"}],
            }],
            "properties": {"stated": f.stated, "expected": f.expected,
                           "difference": f.difference, "formula": f.formula},
        })
    if r.error is not None:
        sarif_results.append({
            "ruleId": "UNREADABLE", "level": "error",
            "message": {"text": t(r.error.reason, lang, detail=r.error.detail)},
            "locations": [{"physicalLocation": {"artifactLocation": {
                "uri": artifact_uri(str(r.path))}}}],
        })
    return sarif_results


def _sarif_level(severity: Severity) -> str:
    return {"error": "error", "warning": "warning", "info": "note"}[severity.value]


def format_number(value: Any, lang: str = "id", decimals: int | None = None) -> str:
    """A number for people (`numtext.format_number`, the one formatting path): Indonesian
    1.234.567,89 and 95,12 (English 1,234,567.89 with `lang="en"`). Whole numbers show no
    decimals; others `decimals` (default 2, or 4 significant digits below 0.01)."""
    from ..numtext import format_number as number_text

    if value is None:
        return "-"
    if isinstance(value, float | int) and not isinstance(value, bool):
        if decimals is None and float(value).is_integer():
            return number_text(int(value), lang)
        if decimals is None and 0 < abs(value) < 0.01:
            return number_text(float(f"{value:.4g}"), lang)
        return number_text(value, lang, 2 if decimals is None else decimals)
    return str(value)


def to_text(results: Sequence[FileResult], lang: str = "id", color: bool = False,
            show_info: bool = False) -> str:
    """Per file: errors and warnings with their cells (errors first), then one line per info
    rule (all info findings with `show_info`), then counts per rule; then the totals."""
    return _render(TextStream, results, lang, color=color, show_info=show_info)


_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_LOCATION_WIDTH = 28
_CODE_WIDTH = 7
_FIRST_CELLS = 3  # cells named on an info rule's line


def _text_lines(r: FileResult, lang: str, color: bool, show_info: bool = False) -> list[str]:
    if r.error is not None:
        return [f"{r.path}: {t('check.unreadable', lang)}: "
                f"{t(r.error.reason, lang, detail=r.error.detail)}"]
    name = str(r.path)
    if r.imported is not None:  # a Word/PDF report: say so, with the import's confidence
        name += f" ({r.imported.label(lang)})"
    pairing = [f"  {pairing_line(r, lang)}"] if _paired(r) else []
    if not r.findings:
        return [f"{name}: {t('check.clean', lang)}", *pairing]
    c = {k: format_number(n, lang) for k, n in counts(r.findings).items()}
    lines = [_bold(f"{name}: " + t("check.file_counts", lang, **c), color), *pairing]
    by_severity: dict[Severity, list[Finding]] = {s: [] for s in _SEVERITIES}
    for f in r.findings:
        by_severity[f.severity].append(f)
    for severity in _SEVERITIES:
        found = by_severity[severity]
        if not found:
            continue
        listed = severity is not Severity.INFO or show_info
        heading = t(f"check.group.{severity.value}", lang, n=format_number(len(found), lang))
        if not listed:
            heading += " " + t("check.group.info_hint", lang)
        lines.append(_paint(severity, heading, color))
        if listed:
            for f in found:
                lines.extend(_finding_lines(f, lang, color))
        else:
            lines.extend(_info_rule_lines(found, lang, color))
    lines.append(t("check.by_rule", lang) + ":")
    lines.extend(_rule_count_lines(Counter((f.severity.value, f.code) for f in r.findings),
                                   lang, color))
    return lines


def _finding_lines(f: Finding, lang: str, color: bool) -> list[str]:
    code = _paint(f.severity, f"{f.code:<{_CODE_WIDTH}}", color)
    lines = [f"  {f.location:<{_LOCATION_WIDTH}} {code} {f.message(lang)}"]
    detail = _stated_expected(f, lang)
    if detail:
        lines.append(f"  {'':<{_LOCATION_WIDTH}} {'':<{_CODE_WIDTH}} {detail}")
    return lines


def _info_rule_lines(found: list[Finding], lang: str, color: bool) -> list[str]:
    """One line per rule: 'INP001 x186 angka disimpan sebagai teks (Tabel VI.1!G4, H4, I4,
    ...): fix mengubahnya'."""
    by_code: dict[str, list[Finding]] = {}
    for f in found:
        by_code.setdefault(f.code, []).append(f)
    lines = []
    for code, items in sorted(by_code.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        painted = _paint(items[0].severity, f"{code:<{_CODE_WIDTH}}", color)
        lines.append(f"  {painted} x{format_number(len(items), lang):<5} "
                     f"{_rule_summary(code, lang)} "
                     f"({_first_cells(items)}): {_actions(items, lang)}")
    return lines


def _rule_summary(code: str, lang: str) -> str:
    """The rule's summary, up to its first colon: 'Angka disimpan sebagai teks'."""
    key = f"rule.{code}.summary"
    text = t(key, lang)
    if text == key:
        from ..rules import get

        try:
            text = get(code).summary
        except KeyError:
            return code
    return text.split(": ", 1)[0].rstrip(". ")


def _first_cells(items: list[Finding]) -> str:
    """'Tabel VI.1!G4, H4, I4, …': the sheet named once per run of cells on one sheet."""
    parts: list[str] = []
    sheet = None
    for f in items[:_FIRST_CELLS]:
        if f.sheet == sheet and f.cell:
            parts.append(f.cell)
        else:
            parts.append(f.location)
        sheet = f.sheet
    if len(items) > _FIRST_CELLS:
        parts.append("\u2026")
    return ", ".join(parts)


def _actions(items: list[Finding], lang: str) -> str:
    """What `fix` does about these findings: 'fix mengubahnya', or counted when mixed."""
    by_action = Counter(f.action.value for f in items)
    if len(by_action) == 1:
        return t(f"check.action.{next(iter(by_action))}", lang)
    return ", ".join(t(f"check.action_n.{action}", lang, n=format_number(n, lang))
                     for action, n in sorted(by_action.items(), key=lambda kv: -kv[1]))


def _rule_count_lines(by_rule: Counter[tuple[str, str]], lang: str, color: bool) -> list[str]:
    """Per severity, its rules and their counts, most frequent first."""
    lines = []
    width = max(len(t(f"fix.severity.{s.value}", lang)) for s in _SEVERITIES)
    for severity in _SEVERITIES:
        rules = sorted(((code, n) for (sev, code), n in by_rule.items()
                        if sev == severity.value), key=lambda cn: (-cn[1], cn[0]))
        if rules:
            label = _paint(severity, f"{t(f'fix.severity.{severity.value}', lang):<{width}}",
                           color)
            lines.append(f"  {label}  " + ", ".join(f"{code} {format_number(n, lang)}"
                                                    for code, n in rules))
    return lines


_CELL_REF = re.compile(r"[^=+*/]+![A-Z]{1,3}\d+")
_MAX_DECIMALS = 6  # shown when two different numbers look alike at 2 decimals


def _stated_expected(f: Finding, lang: str) -> str:
    """'tertulis 81,41; seharusnya 95,12 = 565 / 594 x 100' (or '... (Lampiran II!G5)').

    Empty when stated and expected read the same: two different numbers are shown with
    more decimals until they differ; numbers equal to 6 decimals (float noise), or a text
    that reads like the expected number ('3.838' and 3838), are not worth a line.
    """
    stated, expected = _shown_pair(f.stated, f.expected, lang)
    if stated is not None and stated == expected:
        return ""
    parts = []
    if stated is not None:
        parts.append(f"{t('check.stated', lang)} {stated}")
    if expected is not None:
        text = f"{t('check.expected', lang)} {expected}"
        formula = _formula_shown(f, lang)
        if formula and _CELL_REF.fullmatch(f.formula):
            text += f" ({formula})"
        elif formula and _ends_with_expected(f.formula, f.expected):
            text = f"{t('check.expected', lang)} {formula}"  # '501 + 65 = 566' says it all
        elif formula:
            text += f" = {formula}"
        parts.append(text)
    return "; ".join(parts)


def _formula_shown(f: Finding, lang: str) -> str:
    """How expected was computed, unless the message already shows it (a long sum is not
    repeated) or it says nothing ('250 = 250')."""
    if not f.formula:
        return ""
    formula = str(localise(f.formula, lang))
    if formula in f.message(lang):
        return ""
    left, sep, right = formula.rpartition(" = ")
    if sep and left.strip() == right.strip():
        return ""
    return formula


_TAIL_NUMBER = re.compile(r"=\s*(-?\d+(?:\.\d+)?)\s*$")


def _ends_with_expected(formula: str, expected: Any) -> bool:
    m = _TAIL_NUMBER.search(formula)
    return bool(m) and _is_number(expected) and math.isclose(float(m.group(1)), expected,
                                                             rel_tol=1e-12, abs_tol=1e-9)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _shown_pair(stated: Any, expected: Any, lang: str) -> tuple[str | None, str | None]:
    """Stated and expected as shown; numbers that differ get the decimals that tell them
    apart (up to `_MAX_DECIMALS`)."""
    a = None if stated is None else _show(stated, lang)
    b = None if expected is None else _show(expected, lang)
    if a == b and _is_number(stated) and _is_number(expected) and stated != expected:
        for decimals in range(3, _MAX_DECIMALS + 1):
            a2 = format_number(stated, lang, decimals)
            b2 = format_number(expected, lang, decimals)
            if a2 != b2:
                return a2, b2
    return a, b


def _show(value: Any, lang: str) -> str:
    if _is_number(value):
        return format_number(value, lang)
    return str(value)


_COLOURS = {"error": "31", "warning": "33", "info": "36"}


def _paint(severity: Severity, text: str, color: bool) -> str:
    if not color:
        return text
    return f"\033[{_COLOURS[severity.value]}m{text}\033[0m"


def _bold(text: str, color: bool) -> str:
    return f"\033[1m{text}\033[0m" if color else text


# --- streams -------------------------------------------------------------------------------

FORMATS = ("text", "json", "csv", "sarif")


class Stream:
    """Writes results onto `out` one at a time, in the format of the matching `to_*`.

    `add` each result in order, then `close` (which writes the end but leaves `out` open).
    Only a few numbers are kept between results, never the results themselves.

    What a file adds to the output is computed from that file alone (`renderer()`), so a
    batch's worker processes compute it (messages, numbers in words, JSON encoding) and the
    main process only writes it: a result whose `output` came from this stream's renderer
    is written as it is, any other is rendered here. Same bytes either way.
    """

    fmt = ""

    def __init__(self, out: TextIO, lang: str = "id") -> None:
        self.out = out
        self.lang = lang
        self.files = 0
        self.unreadable = 0
        self.counts: Counter[str] = Counter()
        self._renderer = Renderer(self.fmt, lang)

    def renderer(self) -> Renderer:
        """What this stream writes of one file, as a picklable callable (for workers)."""
        return self._renderer

    def _piece(self, result: FileResult) -> Any:
        """This file's part of the output: from the worker when it rendered it for this
        stream, else rendered here."""
        output = result.output
        if output is not None and output[0] == self._renderer.key:
            return output[1]
        return self._renderer.render(result)

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.error is not None:
            self.unreadable += 1
        for (severity, _), n in severity_code_counts(result.findings).items():
            self.counts[severity] += n

    def close(self) -> None:
        pass

    @property
    def totals(self) -> dict[str, int]:
        return {s.value: self.counts.get(s.value, 0) for s in Severity}


class TextStream(Stream):
    fmt = "text"

    def __init__(self, out: TextIO, lang: str = "id", color: bool = False,
                 show_info: bool = False) -> None:
        super().__init__(out, lang)
        self.color = color
        self.show_info = show_info
        self._renderer = Renderer(self.fmt, lang, color, show_info)
        self._started = False
        self._last_block = False
        self._rules: Counter[tuple[str, str]] = Counter()  # (severity, code) over all files
        self._with_findings = 0

    def _write(self, lines: list[str]) -> None:
        text = "\n".join(lines)
        self.out.write(f"\n{text}" if self._started else text)
        self._started = True

    def _write_file(self, lines: list[str]) -> None:
        """A file's block; blocks of several lines are set apart by an empty line."""
        block = len(lines) > 1
        if self._started and (block or self._last_block):
            lines = ["", *lines]
        self._last_block = block
        self._write(lines)

    def add(self, result: FileResult) -> None:
        super().add(result)
        self._rules.update(severity_code_counts(result.findings))
        self._with_findings += bool(result.findings)
        self._write_file(list(self._piece(result)))

    def close(self) -> None:
        c = self.totals
        lines = [""]
        if self._with_findings > 1:  # with one, its own counts say it all
            lines.append(t("check.by_rule_all", self.lang) + ":")
            lines.extend(_rule_count_lines(self._rules, self.lang, self.color))
        lines.append(t("check.summary", self.lang, files=self.files, error=c["error"],
                       warning=c["warning"], info=c["info"], unreadable=self.unreadable))
        self._write(lines)


class CsvStream(Stream):
    fmt = "csv"

    def __init__(self, out: TextIO, lang: str = "id") -> None:
        super().__init__(out, lang)
        import csv

        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(CSV_COLUMNS)

    def add(self, result: FileResult) -> None:
        super().add(result)
        self.out.write(self._piece(result))


def _csv_text(rows: list[list[Any]]) -> str:
    """`rows` as CsvStream's writer writes them (the same dialect, onto a string)."""
    import csv

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _dumps(value: Any, level: int) -> str:
    """`value` as json.dumps(ensure_ascii=False, indent=2) renders it `level` containers deep.

    The standard library encodes with indentation in pure Python, one generator step per
    token; the seed example's 311 findings took 7 ms so. `_encode` writes the same bytes
    for the values findings hold (str, int, float, bool, None, lists, tuples and dicts with
    str keys) with the C string encoder; anything else goes to json.dumps as before."""
    parts: list[str] = []
    try:
        _encode(value, "\n" + "  " * level, parts)
    except _Unusual:
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
    return "".join(parts)


class _Unusual(Exception):
    """A value `_encode` leaves to json.dumps."""


_encode_str = json.encoder.encode_basestring  # type: ignore[attr-defined]  # C when available
_INFINITY = float("inf")


def _encode(value: Any, newline: str, out: list[str]) -> None:
    """Append `value` as json.dumps(indent=2, ensure_ascii=False) writes it, each line after
    the first starting with `newline` (a line break and the indentation of `value`)."""
    cls = value.__class__
    if cls is str:
        out.append(_encode_str(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif cls is int:
        out.append(int.__repr__(value))
    elif cls is float:
        if value != value:
            out.append("NaN")
        elif value == _INFINITY:
            out.append("Infinity")
        elif value == -_INFINITY:
            out.append("-Infinity")
        else:
            out.append(float.__repr__(value))
    elif cls is list or cls is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        out.append("[")
        first = True
        for item in value:
            out.append(inner if first else "," + inner)
            first = False
            _encode(item, inner, out)
        out.append(newline + "]")
    elif cls is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        out.append("{")
        first = True
        for key, item in value.items():
            if key.__class__ is not str:
                raise _Unusual
            out.append((inner if first else "," + inner) + _encode_str(key) + ": ")
            first = False
            _encode(item, inner, out)
        out.append(newline + "}")
    else:
        raise _Unusual


_I1, _I2, _I3, _I4 = ("\n" + "  " * n for n in (2, 3, 4, 5))


def _scalar(value: Any) -> str:
    """`value` as `_encode` writes a str, None, bool, int or float; `_Unusual` otherwise."""
    cls = value.__class__
    if cls is str:
        return _encode_str(value)
    if value is None:
        return "null"
    if cls is float:
        if value != value:
            return "NaN"
        if value == _INFINITY:
            return "Infinity"
        if value == -_INFINITY:
            return "-Infinity"
        return float.__repr__(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if cls is int:
        return int.__repr__(value)
    raise _Unusual


# One finding as an item of the JSON document's `findings` (`_finding_json`): its fields in
# `finding_to_dict`'s order, each line indented as `_dumps(..., 2)` indents it.
_FINDING = ("{" + "".join(f"{_I2}\"{name}\": %s," for name in (
    "file", "sheet", "cell", "code", "name", "severity", "message", "stated", "expected",
    "difference", "tolerance", "formula", "inputs", "related")) + f"{_I2}\"action\": %s{_I1}}}")
_INPUT = f"{_I3}{{{_I4}\"cell\": %s,{_I4}\"value\": %s{_I3}}}"
_ONE_INPUT = f"[{_INPUT}{_I2}]"
_REVIEW = _encode_str(Action.REVIEW.value)


def _finding_json(f: Finding, lang: str = "id") -> str:
    """`_dumps(finding_to_dict(f, lang), 2)`: a finding as an item of the JSON document's
    `findings`, written into one template (every finding's dict has the same shape, and the
    generic encoder's recursion was most of the cost of writing one). A value of another
    type than the usual ones goes through the generic encoder."""
    try:
        stated, expected, difference, tolerance = f.stated, f.expected, f.difference, f.tolerance
        inputs = f.inputs
        related = f.related
        fix = f.fix
        if not inputs:
            inputs_json = "[]"
        elif len(inputs) == 1:
            ref, value = inputs[0]
            inputs_json = _ONE_INPUT % (_scalar(ref), _scalar(value))
        else:
            inputs_json = "[" + ",".join([_INPUT % (_scalar(ref), _scalar(value))
                                          for ref, value in inputs]) + _I2 + "]"
        return _FINDING % (
            _encode_str(f.file), _encode_str(f.sheet), _encode_str(f.cell),
            _encode_str(f.code), _encode_str(f.name), _encode_str(f.severity),
            _encode_str(f.message(lang)),
            _encode_str(stated) if stated.__class__ is str else _scalar(stated),
            float.__repr__(expected) if expected.__class__ is float
            and -_INFINITY < expected < _INFINITY else _scalar(expected),
            "null" if difference is None else _scalar(difference),
            "null" if tolerance is None else _scalar(tolerance),
            _encode_str(f.formula), inputs_json,
            "[" + ",".join([_I3 + _scalar(ref) for ref in related]) + _I2 + "]"
            if related else "[]",
            _REVIEW if fix is None else _encode_str(fix.action))
    except (_Unusual, TypeError):  # _encode_str takes str only
        return _dumps(finding_to_dict(f, lang), 2)


class _JsonList:
    """The items of one JSON array, written as they come (to `out`, or to a spool file)."""

    def __init__(self, out: TextIO, level: int) -> None:
        self.out = out
        self.level = level
        self.count = 0

    def append(self, value: Any) -> None:
        pad = "  " * self.level
        self.out.write(("\n" if self.count == 0 else ",\n") + pad + _dumps(value, self.level))
        self.count += 1

    def extend_text(self, text: str, count: int) -> None:
        """`count` items already encoded at this level and joined (`_join`, or the
        findings joined by `Renderer.render`)."""
        if count:
            self.out.write(("\n" if self.count == 0 else ",\n") + text)
            self.count += count

    def end(self) -> str:
        return "\n" + "  " * (self.level - 1) + "]" if self.count else "]"


def _join(values: list[Any], level: int) -> str:
    """`values` as consecutive items of a `_JsonList` of `level` write them, without the
    line break before the first (for `_JsonList.extend_text`)."""
    pad = "  " * level
    return pad + (",\n" + pad).join([_dumps(v, level) for v in values])


class _Spool:
    """Text kept in memory up to `limit` characters, then in a temporary file on disk (what
    SpooledTemporaryFile does; tempfile is imported only for a batch that needs the disk)."""

    def __init__(self, limit: int = 4 << 20) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.limit = limit
        self.file: TextIO | None = None

    def write(self, text: str) -> None:
        if self.file is not None:
            self.file.write(text)
            return
        self.parts.append(text)
        self.size += len(text)
        if self.size > self.limit:
            import tempfile

            self.file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
            self.file.write("".join(self.parts))
            self.parts = []

    def copy_to(self, out: TextIO) -> None:
        """Everything written, onto `out`; the spool is closed."""
        if self.file is None:
            out.write("".join(self.parts))
            self.parts = []
            return
        self.file.seek(0)
        while chunk := self.file.read(1 << 20):
            out.write(chunk)
        self.file.close()


class JsonStream(Stream):
    """The document of `to_json`: files are written as they come; findings and errors, which
    follow all files in the document, wait in temporary files (on disk beyond a few MB)."""

    fmt = "json"

    def __init__(self, out: TextIO, lang: str = "id", config: str | None = None) -> None:
        super().__init__(out, lang)
        head = {"schema_version": SCHEMA_VERSION,
                "tool": {"name": "lkjip-xl", "version": __version__},
                "config": config}
        out.write(_dumps(head, 0)[:-2] + ',\n  "files": [')
        self._files = _JsonList(out, 2)
        self._spools = [_Spool(), _Spool()]
        self._findings = _JsonList(self._spools[0], 2)  # type: ignore[arg-type]
        self._errors = _JsonList(self._spools[1], 2)  # type: ignore[arg-type]

    def add(self, result: FileResult) -> None:
        super().add(result)
        entry, findings, n, error = self._piece(result)
        self._files.extend_text(entry, 1)
        self._findings.extend_text(findings, n)
        if error is not None:
            self._errors.extend_text(error, 1)

    def close(self) -> None:
        out = self.out
        out.write(self._files.end())
        for key, items, spool in (("findings", self._findings, self._spools[0]),
                                  ("errors", self._errors, self._spools[1])):
            out.write(f',\n  "{key}": [')
            spool.copy_to(out)
            out.write(items.end())
        summary = {"files": self.files, "unreadable": self.unreadable, **self.totals}
        out.write(',\n  "summary": ' + _dumps(summary, 1) + "\n}")


class SarifStream(Stream):
    fmt = "sarif"

    def __init__(self, out: TextIO, lang: str = "id", config: str | None = None,
                 paired: bool = False) -> None:
        super().__init__(out, lang)
        marker = '"results": []'
        doc = _dumps(_sarif_doc([], config, paired), 0)
        cut = doc.rindex(marker) + len(marker) - 1
        out.write(doc[:cut])
        self._tail = doc[cut + 1:]
        self._results = _JsonList(out, 4)
        self._artifacts: list[dict[str, Any]] = []

    def add(self, result: FileResult) -> None:
        super().add(result)
        items, n, artifact = self._piece(result)
        self._results.extend_text(items, n)
        if artifact is not None:
            self._artifacts.append(artifact)

    def close(self) -> None:
        tail = self._tail.replace(_encode_str(_ARTIFACTS), _dumps(self._artifacts, 3))
        self.out.write(self._results.end() + tail)


def _json_entry(result: FileResult, lang: str) -> dict[str, Any]:
    """The file's entry in the JSON document's `files`."""
    entry = {"file": str(result.path), "status": _status(result),
             "counts": counts(result.findings) if result.error is None else None}
    if result.imported is not None:  # a Word/PDF report, imported in memory
        info = result.imported
        entry["imported"] = {"kind": info.kind, "confidence": round(info.confidence, 2),
                             "tables_mapped": info.tables, "tables_found": info.found}
    if result.previous is not None or result.previous_error is not None:
        entry["previous"] = pairing_to_dict(result, lang)
    return entry


class Renderer:
    """One file's part of a stream's output, computed from the result alone: what a worker
    process sends with its result so that the main process only writes (`Stream._piece`).
    Plain and picklable; `key` names the format and options it renders for."""

    __slots__ = ("key",)

    def __init__(self, fmt: str, lang: str = "id", color: bool = False,
                 show_info: bool = False) -> None:
        self.key = (fmt, lang, color, show_info)

    def __call__(self, result: FileResult) -> tuple[tuple[str, str, bool, bool], Any]:
        """(key, piece): what `FileResult.output` holds."""
        return self.key, self.render(result)

    def render(self, result: FileResult) -> Any:
        fmt, lang, color, show_info = self.key
        if fmt == "json":
            return (_join([_json_entry(result, lang)], 2),
                    "    " + ",\n    ".join([_finding_json(f, lang)
                                                for f in result.findings]),
                    len(result.findings),
                    None if result.error is None
                    else _join([error_to_dict(result, lang)], 2))
        if fmt == "text":
            return tuple(_text_lines(result, lang, color, show_info))
        if fmt == "csv":
            return _csv_text(_csv_rows(result, lang))
        if fmt == "sarif":
            items = _sarif_results(result, lang)
            return (_join(items, 4), len(items),
                    _sarif_artifact(result, lang) if _paired(result) else None)
        raise ValueError(fmt)


def open_stream(fmt: str, out: TextIO, lang: str = "id", color: bool = False,
                show_info: bool = False, config: str | None = None,
                paired: bool = False) -> Stream:
    """The stream for `fmt` (one of FORMATS) writing onto `out`. `color` and `show_info`
    concern text only: the other formats always carry every finding. `config`: the config
    file in force (None: none), named in the JSON and SARIF documents. `paired`: some files
    are compared with last year's report (SARIF then lists the pair rules and the pairs)."""
    if fmt == "text":
        return TextStream(out, lang, color=color, show_info=show_info)
    if fmt == "json":
        return JsonStream(out, lang, config=config)
    if fmt == "sarif":
        return SarifStream(out, lang, config=config, paired=paired)
    return CsvStream(out, lang)
