"""Analyses shared between rules, and the shortcuts taken for speed, against the long way.

- Each capaian check is classified once, when it is built (for the settings it was built
  with), with a shortcut for a stated value equal to the rounded computation; asked with other
  settings it classifies again. Both must give `classify`'s outcome.
- The rekap line builds only part of the Ringkasan (`build_summary(full=False)`); its figures
  must be those of the whole Ringkasan.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from lkjip_xl.config import Config
from lkjip_xl.engine import check_report
from lkjip_xl.reading import read_report
from lkjip_xl.rekap import summarise
from lkjip_xl.rules.capaian import Outcome, checks, classify
from lkjip_xl.summary import build_summary
from tests.builders import make_workbook

ROOT = Path(__file__).resolve().parent.parent

# 67 / 72 x 100 = 93.0555...: rounded 93.06, cut 93.05; 1 decimal 93.1, none 93.
STATED = [93.06, 93.05, 93.1, 93, 94, 93.07, 93.0556, "93,06", "93,1", "93,050", "93,060",
          None]
# (target, realisasi, stated): a rounded value with trailing zeros, written with fewer
# decimals (95 for 95.00), exactly and from either side (95.004, 94.996)
WHOLE = [(80, 76, v) for v in (95, "95,0", "95,00", "95,000", 95.1, 94)] \
    + [(2500, 2375.1, v) for v in (95, "95,0", "95,00", "95,004")] \
    + [(2500, 2374.9, v) for v in (95, "95,0", "94,99", "94,996")] \
    + [(1000, 930.607, "93,060")]  # 93.0607 is rounded 93.06, but cut at 3 decimals 93.060


def _workbook(tmp_path: Path) -> Path:
    cases = [(72, 67, value) for value in STATED] + WHOLE
    kegiatan = [{"baris": "Kegiatan", "kode_indikator": "IK-1", "program_kegiatan": f"K{i}",
                 "target": t, "realisasi": r, "capaian": value}
                for i, (t, r, value) in enumerate(cases)]
    keuangan = [{"baris": "Rincian", "uraian": f"Belanja {i}", "pagu": t * 100000,
                 "realisasi": r * 100000, "persentase": value}
                for i, (t, r, value) in enumerate(cases)]
    return make_workbook(
        tmp_path / "outcomes.xlsx",
        tabel=[{"kode_indikator": "IK-1", "indikator": "Indikator", "satuan": "Org",
                "polaritas": "Positif"}],
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-1", "target": 72,
                   "realisasi": 67},
                  {"baris": "Program", "kode": "1.01", "program_kegiatan": "Program"},
                  *kegiatan],
        keuangan=[{"baris": "Kelompok", "uraian": "Belanja"}, *keuangan])


@pytest.mark.parametrize("changes", [{}, {"decimals": 1}, {"decimals": 3},
                                     {"tolerance": 0.0}, {"tolerance": 1.0}])
def test_cached_outcome_is_the_classification(tmp_path: Path, changes: dict[str, Any]) -> None:
    report = read_report(_workbook(tmp_path))
    settings = dataclasses.replace(Config().settings_for(report), **changes)
    other = dataclasses.replace(settings)  # equal settings, another object: classified again
    assert other is not settings
    seen = set()
    for check in checks(report, settings):
        n, exact = check.cell.number, check.computation.exact
        expected = classify(n, exact, settings) if n.value is not None and exact is not None \
            else None
        assert check.outcome(settings) is expected, (check.cell.ref, changes)
        assert check.outcome(other) is expected, (check.cell.ref, changes)
        seen.add(expected)
    # the workbook exercises every outcome (and a blank) under the default settings
    if not changes:
        assert seen == {*Outcome, None}
    # checks built with the default settings, asked about these: classified with these
    for check in checks(report, Config().settings_for(report)):
        n, exact = check.cell.number, check.computation.exact
        if n.value is not None and exact is not None:
            assert check.outcome(settings) is classify(n, exact, settings), check.cell.ref


@pytest.mark.parametrize("name", ["lkjip_2019_dinsos_batam.xlsx", "lkjip_2022_dinas_contoh.xlsx",
                                  "lkjip_2023_dinas_contoh.xlsx"])
def test_rekap_line_is_the_ringkasan(name: str) -> None:
    report = read_report(ROOT / "examples" / name)
    config = Config()
    settings = config.settings_for(report)
    found = check_report(report, config)
    line = summarise(report, settings, found)
    full = build_summary(report, found, settings)
    total = full.budget_total
    assert line.indicators == len(full.indicators) > 0
    assert line.computed == len(full.overall.codes)
    assert (line.capaian, line.category) == (full.overall.capaian, full.overall.category)
    assert (line.pagu, line.realisasi, line.serapan) == (total.pagu, total.realisasi,
                                                        total.serapan)
    assert line.budget_source == (full.budget_source if total.pagu is not None else "")
    assert line.scale == full.scale_name
