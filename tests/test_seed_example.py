"""The real 2019 report: `check` finds its mistakes, names the cells, and stays stable.

The snapshot (tests/snapshots/seed_findings.json) is the reviewed output; a rule change that
alters it must be reviewed again and the snapshot rewritten with UPDATE_SNAPSHOTS=1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lkjip_xl.engine import check_report
from lkjip_xl.reading import read_report
from lkjip_xl.rules import Severity
from lkjip_xl.writers.formats import finding_to_dict

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx"
CLEAN = ROOT / "examples" / "lkjip_2023_dinas_contoh.xlsx"
SNAPSHOT = Path(__file__).parent / "snapshots" / "seed_findings.json"


@pytest.fixture(scope="module")
def seed_findings():
    return check_report(read_report(SEED))


def _at(findings, code: str, location: str):
    hits = [f for f in findings if f.code == code and f.location == location]
    assert hits, f"no {code} at {location}"
    return hits[0]


def test_565_over_694_against_the_agreed_594(seed_findings) -> None:
    """The issue's headline: 565/694 = 81,41 stated for IK-5, whose agreed target is 594."""
    cap = _at(seed_findings, "CAP001", "Pengukuran Kinerja!H34")
    assert (cap.stated, cap.expected, cap.formula) == (81.41, 95.12, "565 / 594 x 100")
    assert "Lampiran II!G26" in cap.related
    assert "694" in cap.message("en") and "594" in cap.message("en")
    target = _at(seed_findings, "XTB001", "Pengukuran Kinerja!F34")
    assert (target.stated, target.expected) == (694.0, 594.0)
    assert "one digit" in target.message("en")
    assert "Lampiran II!G26" in target.related


@pytest.mark.parametrize(("code", "location", "stated", "expected"), [
    ("CAP001", "Pengukuran Kinerja!H29", 149.0, 67.23),  # 37.428 / 55.669 written inverted
    ("CAP001", "Pengukuran Kinerja!H22", 76.16, 74.81),  # Jumlah Program PMKS 2.109 / 2.819
    ("CAP006", "Keuangan!F30", 98.70, 80.21),  # 597,953,021 / 745,520,000
    ("CAP006", "Keuangan!F43", 93.37, 89.08),  # PMKS Lainnya
    ("KAT001", "Pengukuran Kinerja!I37", "Cukup Berhasil", "Berhasil"),  # 84,17 on Skala 4
    ("TOT001", "Lampiran II!K4", 7015268631.0, 5548126600.0),  # program 1 anggaran
    ("TOT002", "Keuangan!D46", 26787846626.65, 42920504226.65),  # total = group I only
    ("XTB005", "Tabel VI.1!M8", 600.0, 565.0),  # IK-5 kondisi akhir vs 2021 target
    ("XTB003", "Lampiran II!G26", 594.0, 545.0),  # PK vs RPJMD 2019
])
def test_known_mistakes_are_found(seed_findings, code, location, stated, expected) -> None:
    f = _at(seed_findings, code, location)
    assert f.stated == stated
    assert f.expected == expected


def test_truncation_is_reported_once_with_every_cell(seed_findings) -> None:
    truncated = [f for f in seed_findings if f.code == "CAP002"]
    assert len(truncated) == 1
    assert "Pengukuran Kinerja!H18" in truncated[0].related  # 67 / 72 printed 93,05


def test_stated_averages_are_checked(seed_findings) -> None:
    codes = {f.location for f in seed_findings if f.code == "AVG001"}
    assert "Pengukuran Kinerja!H37" in codes  # the overall 84,17


def test_snapshot_of_the_seed_findings(seed_findings) -> None:
    current = [finding_to_dict(f, "en") | {"file": SEED.name} for f in seed_findings]
    text = json.dumps(current, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not SNAPSHOT.exists():
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8"), \
        "seed findings changed: review them, then rerun with UPDATE_SNAPSHOTS=1"


def test_clean_example_has_no_error_or_warning() -> None:
    findings = check_report(read_report(CLEAN))
    assert [f for f in findings if f.severity is not Severity.INFO] == []
