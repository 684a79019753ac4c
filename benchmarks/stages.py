"""Where `check`'s time goes, per stage and per rule, over a folder of workbooks.

    python benchmarks/stages.py FOLDER [--repeat 3]

CPU time (time.process_time) in one process, summed over the files, per file on average:
the python-calamine floor (values only), opening (calamine + the XML scan of cellmeta), building
the Report, every rule, the rekap summary. Rules are run as the engine runs them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkjip_xl.config import Config  # noqa: E402
from lkjip_xl.reading.limits import Limits  # noqa: E402
from lkjip_xl.reading.opening import open_workbook  # noqa: E402
from lkjip_xl.reading.report_reader import build_report  # noqa: E402
from lkjip_xl.rekap import summarise  # noqa: E402
from lkjip_xl.rules import RuleContext, all_rules  # noqa: E402


def calamine_floor(path: Path) -> None:
    import python_calamine as pc

    book = pc.CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()
    book.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    files = sorted(args.folder.glob("*.xlsx"))
    config = Config()
    rules = all_rules()
    cost: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for _ in range(args.repeat):
        for path in files:
            t0 = clock()
            calamine_floor(path)
            t1 = clock()
            raw = open_workbook(path, Limits())
            t2 = clock()
            report = build_report(raw)
            t3 = clock()
            cost["calamine values only (floor)"] += t1 - t0
            cost["open: container checks + calamine + cellmeta"] += t2 - t1
            cost["build Report"] += t3 - t2
            settings = config.settings_for(report)
            shared: dict[str, object] = {}  # as engine.check_report: one per report
            for rule in rules:
                t = clock()
                ctx = RuleContext(report, settings, rule, rule.severity, rule.options, shared)
                for _finding in rule.check(ctx):
                    pass
                cost[f"rule {rule.code} {rule.name}"] += clock() - t
            t = clock()
            summarise(report, settings)
            cost["rekap summary"] += clock() - t
    n = len(files) * args.repeat
    floor = cost["calamine values only (floor)"] / n
    total_rules = sum(v for k, v in cost.items() if k.startswith("rule ")) / n
    print(f"{len(files)} files x {args.repeat}; CPU ms per file (x floor)")
    for key, value in sorted(cost.items(), key=lambda kv: -kv[1]):
        ms = value / n * 1000
        if ms >= 0.05 or not key.startswith("rule "):
            print(f"  {ms:8.2f}  {value / n / floor:6.1f}x  {key}")
    print(f"  {total_rules * 1000:8.2f}  {total_rules / floor:6.1f}x  all rules")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
