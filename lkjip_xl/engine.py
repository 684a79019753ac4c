"""Run the rules on a report. Returns findings; never prints."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config, ConfigError
from .model import Report, WorkbookError
from .reading import Limits, read_report
from .rules import Finding, Rule, RuleContext, all_rules
from .rules.base import sort_findings

if TYPE_CHECKING:
    from .importing.checking import ImportInfo
    from .rekap import FileSummary

DOCUMENT_SUFFIXES = (".docx", ".pdf")  # checked through the import (lkjip_xl.importing)


def check_report(report: Report, config: Config | None = None) -> list[Finding]:
    """Every finding of every enabled rule, sorted stably."""
    return _run(all_rules(), report, config or Config(), RuleContext)


def check_pair(report: Report, previous: Report, config: Config | None = None) -> list[Finding]:
    """Every finding of every enabled pair rule (`rules.pair_rules()`): `report` against
    `previous`, last year's report of the same agency. Findings sit on `report`."""
    from .rules import pair_rules
    from .rules.previous import PairContext

    return _run(pair_rules(), report, config or Config(),
                lambda *args: PairContext(*args, previous))


def _run(rules: Iterable[Rule], report: Report, config: Config,
         context: Callable[..., RuleContext]) -> list[Finding]:
    """The enabled `rules` on `report`, each with its severity and options in force, sorted
    stably; `context` makes each rule's RuleContext (a PairContext for the pair rules)."""
    settings = config.settings_for(report)
    findings: list[Finding] = []
    shared: dict[str, object] = {}
    for rule in rules:
        if not config.enabled(rule.code):
            continue
        severity = config.severity.get(rule.code, rule.severity)
        options = {**rule.options, **config.rule_options.get(rule.code, {})}
        ctx = context(report, settings, rule, severity, options, shared)
        for finding in rule.check(ctx):
            if finding.severity is not severity and rule.code in config.severity:
                finding = dataclasses.replace(finding, severity=severity)
            findings.append(finding)
    return sort_findings(findings)


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome of checking one file: its findings, or why it could not be read."""

    path: Path
    findings: tuple[Finding, ...] = ()
    error: WorkbookError | None = None
    report: Report | None = None
    summary: FileSummary | None = None  # the rekap's figures, when asked for (`summarise`)
    imported: ImportInfo | None = None  # a .docx/.pdf checked through `lkjip-xl import`
    # The previous year's report this one was compared with (`check --previous`, or paired
    # in a batch), and why it could not be compared (unreadable, another year or agency).
    previous: Path | None = None
    previous_error: WorkbookError | None = None
    # This file's part of the output, rendered by the batch worker that checked it
    # (`check_many(render=...)`, a `writers.formats.Renderer`): (renderer key, piece). Not
    # part of the result's identity.
    output: Any = field(default=None, compare=False, repr=False)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while one workbook is read and checked, back on
    after. Reading and checking allocate tens of thousands of objects that live until the
    end (cells, rows, findings) and form no cycles: the collector's full passes over them,
    more frequent and longer as the workbook grows, made the cost grow faster than the size
    (CPU per kegiatan row at 300 rows 1.59x that at 40 rows, 1.17x without them). Reference
    counting frees everything as before; a cycle, if any, waits for the next pass."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def check_file(path: Path, config: Config | None = None, limits: Limits | None = None,
               keep_report: bool = False, summarise: bool = False,
               previous: Path | None = None) -> FileResult:
    """Check one workbook (or a Word/PDF report, imported in memory); with `previous`, also
    against last year's report at that path (a previous file that cannot be read or is not
    last year's report of the same agency is reported in `FileResult.previous_error`: this
    file is checked all the same)."""
    with _cyclic_gc_paused():
        return _check_file(path, config, limits, keep_report, summarise, previous)


def _check_file(path: Path, config: Config | None, limits: Limits | None, keep_report: bool,
                summarise: bool, previous: Path | None) -> FileResult:
    imported = None
    try:
        if Path(path).suffix.lower() in DOCUMENT_SUFFIXES:
            from .importing.checking import read_document_report

            report, imported = read_document_report(Path(path), limits)
        else:
            report = read_report(path, limits=limits)
    except WorkbookError as exc:
        return FileResult(path, error=exc)  # nothing was compared
    previous_error = None
    before: Report | None = None
    try:
        findings = check_report(report, config)
        if previous is not None:
            from .pairing import read_previous

            before, previous_error = read_previous(report, previous, limits)
            if before is not None:
                findings = sort_findings([*findings, *check_pair(report, before, config)])
        summary = None
        if summarise:
            from .provenance import file_sha256
            from .rekap import summarise as summarise_report

            summary = summarise_report(report, (config or Config()).settings_for(report),
                                       findings, file_sha256(path))
    except ConfigError as exc:  # e.g. --scale Kustom on a workbook without a custom scale
        return FileResult(path, error=WorkbookError(path, "cli.bad_config", str(exc)))
    finally:  # the analyses kept for reports nobody will see again: freed now
        from .analysis import forget

        if before is not None:
            forget(before)
        if not keep_report:
            forget(report)
    return FileResult(path, tuple(findings), report=report if keep_report else None,
                      summary=summary, imported=imported, previous=previous,
                      previous_error=previous_error)
