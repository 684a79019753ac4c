"""Where `check`'s time goes, per stage and per rule family, over a folder of workbooks.

    python benchmarks/stages.py FOLDER [--repeat 3] [--rules]

CPU time (time.process_time) in one process, per file on average, the best of `--repeat`
passes over the files (a pass is timed as a whole: other processes only slow a pass down).
Stages: the python-calamine floor (values only); opening as `reading.opening.open_workbook`
does it (container and zip-bomb checks with the limits survey, calamine through the reader,
the cell-metadata scan reusing what the survey unpacked); building the Report; the rules by
family, run as the engine runs them (one shared memo per report: the first rule of a family
pays for the analyses the others reuse); the rekap summary; writing the findings as JSON; and
the worker-to-main encoding of a result (batch.py). `--rules` also lists every rule.

Caches that live across files (Babel's number formatting, rounding) make later passes over
the same files cheaper than a first pass over new ones; the stage table in
docs/performance.md is measured over distinct workbooks.
"""

from __future__ import annotations

import argparse
import io
import pickle
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkjip_xl.analysis import forget  # noqa: E402
from lkjip_xl.batch import _pack, _unpack  # noqa: E402
from lkjip_xl.config import Config  # noqa: E402
from lkjip_xl.engine import FileResult  # noqa: E402
from lkjip_xl.reading.cellmeta import scan_cell_meta  # noqa: E402
from lkjip_xl.reading.limits import Limits  # noqa: E402
from lkjip_xl.reading.opening import _read_values, check_container  # noqa: E402
from lkjip_xl.reading.report_reader import build_report, is_report_sheet  # noqa: E402
from lkjip_xl.rekap import summarise  # noqa: E402
from lkjip_xl.rules import RuleContext, all_rules  # noqa: E402
from lkjip_xl.writers.formats import open_stream  # noqa: E402

FLOOR = "calamine values only (the floor)"


def calamine_floor(path: Path) -> None:
    import python_calamine as pc

    book = pc.CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()
    book.close()


def one_pass(files: list[Path], config: Config, rules: list, per_rule: bool
             ) -> dict[str, float]:
    cost: dict[str, float] = defaultdict(float)
    clock = time.process_time
    limits = Limits()
    for path in files:
        t0 = clock()
        calamine_floor(path)
        t1 = clock()
        unpacked = check_container(path, limits)
        t2 = clock()
        raw = _read_values(path, limits, is_report_sheet)  # as read_report: input sheets
        t3 = clock()
        raw.meta = scan_cell_meta(path, tuple(raw.sheets), limits, unpacked)
        t4 = clock()
        report = build_report(raw)
        t5 = clock()
        cost[FLOOR] += t1 - t0
        cost["open: container checks + limits survey"] += t2 - t1
        cost["open: calamine through the reader"] += t3 - t2
        cost["open: cell-metadata scan"] += t4 - t3
        cost["build the Report"] += t5 - t4
        settings = config.settings_for(report)
        shared: dict[str, object] = {}  # as engine.check_report: one per report
        findings = []
        for rule in rules:
            t = clock()
            ctx = RuleContext(report, settings, rule, rule.severity, rule.options, shared)
            findings.extend(rule.check(ctx))
            spent = clock() - t
            family = rule.check.__module__.rsplit(".", 1)[-1]
            cost[f"rules: {family}"] += spent
            if per_rule:
                cost[f"  rule {rule.code} {rule.name}"] += spent
        t = clock()
        summary = summarise(report, settings)
        t6 = clock()
        result = FileResult(path, tuple(sorted(findings, key=lambda f: f.sort_key)),
                            summary=summary)
        stream = open_stream("json", io.StringIO())
        stream.add(result)
        stream.close()
        t7 = clock()
        _unpack(pickle.loads(pickle.dumps(_pack(result), pickle.HIGHEST_PROTOCOL)))
        t8 = clock()
        cost["rekap summary"] += t6 - t
        cost["JSON writing"] += t7 - t6
        cost["worker -> main encoding"] += t8 - t7
        # freed here, as check_file frees them, not inside the next file's first rule
        forget(report)
        del ctx, report, raw, shared, findings, result, summary
    return cost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rules", action="store_true", help="list every rule too")
    args = parser.parse_args(argv)
    files = sorted(args.folder.glob("*.xlsx"))
    config = Config()
    rules = all_rules()
    passes = [one_pass(files, config, rules, args.rules) for _ in range(args.repeat)]
    cost = {key: min(p[key] for p in passes) / len(files) for key in passes[0]}
    floor = cost[FLOOR]
    print(f"{len(files)} files, best of {args.repeat} passes; CPU ms per file (x floor)")
    for key, value in cost.items():
        print(f"  {value * 1000:8.2f}  {value / floor:6.1f}x  {key}")
    total = sum(v for k, v in cost.items() if k != FLOOR and not k.startswith("  "))
    rules_total = sum(v for k, v in cost.items() if k.startswith("rules: "))
    print(f"  {rules_total * 1000:8.2f}  {rules_total / floor:6.1f}x  all rules")
    print(f"  {total * 1000:8.2f}  {total / floor:6.1f}x  everything but the floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
