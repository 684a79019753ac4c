"""Findings as text, JSON, CSV and SARIF. Pure functions: they return strings, never print.

The JSON schema is versioned (`SCHEMA_VERSION`) and documented in docs/output-format.md.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from .. import __version__
from ..engine import FileResult
from ..messages import t
from ..rules import Finding, Severity

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


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    c = Counter(f.severity.value for f in findings)
    return {s.value: c.get(s.value, 0) for s in Severity}


def to_json(results: Sequence[FileResult], lang: str = "id") -> str:
    findings = [f for r in results for f in r.findings]
    doc = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "lkjip-xl", "version": __version__},
        "files": [
            {"file": str(r.path), "status": _status(r),
             "counts": counts(r.findings) if r.error is None else None}
            for r in results
        ],
        "findings": [finding_to_dict(f, lang) for f in findings],
        "errors": [error_to_dict(r, lang) for r in results if r.error is not None],
        "summary": {"files": len(results),
                    "unreadable": sum(1 for r in results if r.error is not None),
                    **counts(findings)},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


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
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in results:
        if r.error is not None:
            e = error_to_dict(r, lang)
            writer.writerow([neutralise(x) for x in (e["file"], "", "", "UNREADABLE", e["reason"],
                                                     "error", e["message"], "", "", "", "", "",
                                                     "", "", "")])
            continue
        for f in r.findings:
            d = finding_to_dict(f, lang)
            row = [d["file"], d["sheet"], d["cell"], d["code"], d["name"], d["severity"],
                   d["message"], _cell_text(d["stated"]), _cell_text(d["expected"]),
                   _cell_text(d["difference"]), _cell_text(d["tolerance"]), d["formula"],
                   "; ".join(f"{i['cell']}={_cell_text(i['value'])}" for i in d["inputs"]),
                   "; ".join(d["related"]), d["action"]]
            writer.writerow([neutralise(x) for x in row])
    return buf.getvalue()


def to_sarif(results: Sequence[FileResult], lang: str = "id") -> str:
    from ..rules import all_rules

    rules = [{"id": r.code, "name": r.name, "shortDescription": {"text": r.summary},
              "fullDescription": {"text": r.doc.strip()},
              "defaultConfiguration": {"level": _sarif_level(r.severity)}}
             for r in all_rules()]
    sarif_results = []
    for r in results:
        for f in r.findings:
            sarif_results.append({
                "ruleId": f.code,
                "level": _sarif_level(f.severity),
                "message": {"text": f.message(lang)},
                "locations": [{
                    "physicalLocation": {"artifactLocation": {"uri": f.file}},
                    "logicalLocations": [{"name": f.location, "kind": "cell"}],
                }],
                "properties": {"stated": f.stated, "expected": f.expected,
                               "difference": f.difference, "formula": f.formula},
            })
        if r.error is not None:
            sarif_results.append({
                "ruleId": "UNREADABLE", "level": "error",
                "message": {"text": t(r.error.reason, lang, detail=r.error.detail)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": str(r.path)}}}],
            })
    doc = {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{"tool": {"driver": {"name": "lkjip-xl", "version": __version__,
                                      "rules": rules}},
                  "results": sarif_results}],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _sarif_level(severity: Severity) -> str:
    return {"error": "error", "warning": "warning", "info": "note"}[severity.value]


def format_number(value: Any) -> str:
    """Indonesian style for people: 1.234.567,89; 95,12."""
    if value is None:
        return "-"
    if isinstance(value, float | int) and not isinstance(value, bool):
        if float(value).is_integer():
            return f"{int(value):,}".replace(",", ".")
        text = f"{value:,.2f}" if abs(value) >= 1000 else f"{value:.4g}" if abs(value) < 0.01 \
            else f"{value:.2f}"
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return str(value)


def to_text(results: Sequence[FileResult], lang: str = "id", color: bool = False) -> str:
    """Grouped by file: sheet!cell, code, severity, message, stated vs expected; then counts."""
    lines: list[str] = []
    for r in results:
        if r.error is not None:
            lines.append(f"{r.path}: {t('check.unreadable', lang)}: "
                         f"{t(r.error.reason, lang, detail=r.error.detail)}")
            continue
        if not r.findings:
            lines.append(f"{r.path}: {t('check.clean', lang)}")
            continue
        lines.append(f"{r.path}:")
        for f in r.findings:
            sev = _paint(f.severity, f"{f.severity.value:<7}", color)
            lines.append(f"  {f.location:<28} {f.code:<7} {sev} {f.message(lang)}")
            if f.stated is not None or f.expected is not None:
                detail = (f"{t('check.stated', lang)} {format_number(f.stated)}; "
                          f"{t('check.expected', lang)} {format_number(f.expected)}")
                if f.formula:
                    detail += f" = {f.formula}"
                lines.append(f"  {'':<28} {'':<7} {'':<7} {detail}")
    all_findings = [f for r in results for f in r.findings]
    c = counts(all_findings)
    unreadable = sum(1 for r in results if r.error is not None)
    lines.append("")
    lines.append(t("check.summary", lang, files=len(results), error=c["error"],
                   warning=c["warning"], info=c["info"], unreadable=unreadable))
    return "\n".join(lines)


def _paint(severity: Severity, text: str, color: bool) -> str:
    if not color:
        return text
    code = {"error": "31", "warning": "33", "info": "36"}[severity.value]
    return f"\033[{code}m{text}\033[0m"
