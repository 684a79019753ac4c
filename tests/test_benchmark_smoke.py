"""The benchmark runs end to end at tiny sizes (`make bench-smoke`). Timings at these sizes
mean nothing, so only the report's shape is checked, never PASS or MISS."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_smoke_prints_every_ratio(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke",
                           "--dir", str(tmp_path)], capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = [line for line in proc.stdout.splitlines() if line.startswith("ratio ")]
    assert [int(re.match(r"ratio (\d+)", line).group(1)) for line in lines] == \
        [1, 2, 3, 4, 5, 6, 7, 8, 9]
    for line in lines:
        assert re.search(r"target [<>]= [\d.]+ +(PASS|MISS|n/a)", line), line
    assert "machine: " in proc.stdout
