"""Analyses shared between rules, and the shortcuts taken for speed, against the long way.

- Each capaian check is classified once, when it is built (for the settings it was built
  with), with a shortcut for a stated value equal to the rounded computation; asked with other
  settings it classifies again. Both must give `classify`'s outcome.
- The CAP rules build a check only for a derived cell that is not plainly right
  (`capaian.scan`): its checks and precision must be those of every check (`checks`).
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
from lkjip_xl.rules.capaian import Outcome, checks, classify, scan, sheet_precision
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


_EXAMPLES = sorted(str(p.relative_to(ROOT / "examples"))
                   for p in (*(ROOT / "examples").glob("*.xlsx"),
                             *(ROOT / "examples" / "real").glob("*.xlsx")))


def _long_way(report: Any, settings: Any) -> tuple[list[Any], dict[tuple[str, str], int]]:
    every = checks(report, settings)
    notable = [c for c in every if c.outcome(settings) is not Outcome.OK
               or c.computation.uncapped is not None or c.readings or c.cell.number.is_blank]
    return notable, sheet_precision(every, settings)


@pytest.mark.parametrize("changes", [{}, {"decimals": 1}, {"decimals": 3},
                                     {"tolerance": 1.0}])
def test_scan_is_the_long_way(tmp_path: Path, changes: dict[str, Any]) -> None:
    report = read_report(_workbook(tmp_path))
    settings = dataclasses.replace(Config().settings_for(report), **changes)
    notable, precision = scan(report, settings)
    assert (notable, precision) == _long_way(report, settings)
    # the workbook's plainly right values were left out, its others kept
    assert 0 < len(notable) < len(checks(report, settings))


@pytest.mark.parametrize("cap", [100.0, 120.0])
def test_scan_is_the_long_way_capped(tmp_path: Path, cap: float) -> None:
    """A value right but above the cap, or capped, is notable (CAP009 or a mismatch); on
    Pengukuran Kinerja too, where the agreed target may replace the row's own."""
    from lkjip_xl.schema import Capping

    path = make_workbook(
        tmp_path / "capped.xlsx",
        tabel=[{"kode_indikator": "IK-1", "indikator": "Indikator", "polaritas": "Positif"}],
        lampiran=[{"baris": "Indikator", "kode_indikator": "IK-1", "target": 80,
                   "realisasi": 111, "capaian": 120},
                  {"baris": "Program", "kode": "1.01", "program_kegiatan": "Program"},
                  *({"baris": "Kegiatan", "kode_indikator": "IK-1", "program_kegiatan": f"K{i}",
                     "target": 80, "realisasi": r, "capaian": c}
                    for i, (r, c) in enumerate([(111, 138.75), (111, 120), (111, 100),
                                                (90, 112.5), (80, 100)]))],
        # Pengukuran Kinerja: right on its own target, right on the agreed target replacing a
        # typing slip (180 for 80), right but above the cap, wrong, and right as a fraction
        pengukuran=[{"baris": "Indikator", "kode_indikator": "IK-1", "satuan": "Org", **r}
                    for r in ({"target": 90, "realisasi": 81, "capaian": 90},
                              {"target": 180, "realisasi": 76, "capaian": 95},
                              {"target": 80, "realisasi": 90, "capaian": 112.5},
                              {"target": 80, "realisasi": 76, "capaian": 96},
                              {"target": 80, "realisasi": 76, "capaian": "95,0"})])
    report = read_report(path)
    capping = Capping.CAP_100 if cap == 100.0 else Capping.CAP_120
    settings = dataclasses.replace(Config().settings_for(report), capping=capping)
    notable, precision = scan(report, settings)
    assert (notable, precision) == _long_way(report, settings)
    assert len(notable) >= 4
    assert len(notable) < len(checks(report, settings))


@pytest.mark.parametrize("name", _EXAMPLES)
def test_scan_is_the_long_way_on_examples(name: str) -> None:
    report = read_report(ROOT / "examples" / name)
    settings = Config().settings_for(report)
    assert scan(report, settings) == _long_way(report, settings)


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


@pytest.mark.parametrize("name", _EXAMPLES)
@pytest.mark.parametrize("money_tolerance", [0.0, 1.0, 1e9])
def test_notable_totals_are_the_long_way(name: str, money_tolerance: float) -> None:
    """The totals rules keep only the totals they can report on: those with a problem, and
    those that do not add up (`_mismatch`); a money total that adds up is left out early."""
    from lkjip_xl.rules.totals import _mismatch, budget_comparisons, pk_comparisons

    report = read_report(ROOT / "examples" / name)
    settings = dataclasses.replace(Config().settings_for(report),
                                   money_tolerance=money_tolerance)
    for every, notable in (
            (list(pk_comparisons(report, settings)),
             list(pk_comparisons(report, settings, notable=True))),
            (list(budget_comparisons(report)),
             list(budget_comparisons(report, settings.money_tolerance)))):
        assert notable == [c for c in every if c.problem or c.money is False
                           or _mismatch(c, settings)]
