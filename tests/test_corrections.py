"""The correction plan (lkjip_xl/corrections.py), independent of the rules: findings are built
by hand, so each decision of the planner is tested on its own."""

from __future__ import annotations

import pytest

from lkjip_xl.corrections import (
    CorrectionPlan,
    Outcome,
    localise_formula,
    parse_address,
    plan_corrections,
    show_value,
    with_changes,
)
from lkjip_xl.model import CellRef, Report
from lkjip_xl.reading import read_report
from lkjip_xl.rules.base import Action, Finding, Fix, Severity
from tests.builders import make_workbook

PK = "Lampiran II"
PM = "Pengukuran Kinerja"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Report:
    """Pengukuran Kinerja row 4: capaian 81.41 (H4), kategori I4; row 5: capaian blank (H5),
    capaian written as text in row 6 (H6 '95,12'); H7 in Excel's % format (0.9305)."""
    path = tmp_path_factory.mktemp("plan") / "plan.xlsx"
    rows = [
        {"baris": "Indikator", "kode_indikator": "IK-1", "indikator": "Satu", "target": 594,
         "realisasi": 565, "capaian": 81.41, "kategori": "Berhasil"},
        {"baris": "Indikator", "kode_indikator": "IK-2", "indikator": "Dua", "target": 72,
         "realisasi": 67},
        {"baris": "Indikator", "kode_indikator": "IK-3", "indikator": "Tiga", "target": 594,
         "realisasi": 565, "capaian": "95,12"},
        {"baris": "Indikator", "kode_indikator": "IK-4", "indikator": "Empat", "target": 72,
         "realisasi": 67, "capaian": 0.9305},
    ]
    make_workbook(path, pengukuran=rows, percent_cells={PM: ((3, "capaian"),)})
    return read_report(path)


def finding(cell: str, code: str = "CAP001", *, fix: object = None,
            action: Action = Action.CORRECT, formula: str = "565 / 594 x 100",
            severity: Severity = Severity.ERROR, sheet: str = PM, stated: object = None,
            message_key: str = "test.message") -> Finding:
    rc = parse_address(cell) if cell else None
    fx = None
    if fix is not None:
        assert rc is not None
        fx = Fix(CellRef(sheet, *rc), fix, action)
    return Finding(code=code, name=code.lower(), severity=severity, file="x.xlsx", sheet=sheet,
                   cell=cell, message_key=message_key, stated=stated, formula=formula,
                   fix=fx)


def change_at(plan: CorrectionPlan, address: str, sheet: str = PM):
    found = [c for c in plan.changes if c.ref.sheet == sheet and c.ref.address == address]
    assert len(found) == 1, f"expected one change at {address}: {plan.changes}"
    return found[0]


def mark_at(plan: CorrectionPlan, address: str, sheet: str = PM):
    found = [m for m in plan.marks if m.ref.sheet == sheet and m.ref.address == address]
    assert len(found) == 1, f"expected one mark at {address}: {plan.marks}"
    return found[0]


# --- safe changes --------------------------------------------------------------------------

def test_a_wrong_value_is_corrected_with_a_comment_keeping_the_original(report):
    plan = plan_corrections(report, [finding("H4", fix=95.12)])
    change = change_at(plan, "H4")
    assert (change.old, change.new, change.action, change.code) == (81.41, 95.12,
                                                                     Action.CORRECT, "CAP001")
    assert change.comment("id") == "Semula 81,41; dihitung 95,12 = 565 / 594 x 100 (aturan CAP001)"
    assert change.comment("en") == "Was 81.41; computed 95.12 = 565 / 594 x 100 (rule CAP001)"
    assert plan.outcomes == (Outcome.CORRECTED,)
    assert plan.marks == ()


def test_a_blank_cell_is_filled(report):
    plan = plan_corrections(report, [finding("H5", "CAP004", fix=93.06, action=Action.FILL,
                                             formula="67 / 72 x 100")])
    change = change_at(plan, "H5")
    assert change.old is None and change.action is Action.FILL
    assert change.comment("id") == "Semula kosong; diisi 93,06 = 67 / 72 x 100 (aturan CAP004)"
    assert plan.outcomes == (Outcome.FILLED,)


def test_a_retyped_number_has_a_plain_comment(report):
    plan = plan_corrections(report, [finding("H6", "INP001", fix=95.12, formula="",
                                             severity=Severity.INFO)])
    change = change_at(plan, "H6")
    assert change.old == "95,12" and change.new == 95.12
    assert change.comment("id") == "Semula \u201c95,12\u201d; menjadi 95,12 (aturan INP001)"


def test_a_text_value_is_a_change_too(report):
    plan = plan_corrections(report, [finding("I4", "KAT001", fix="Sangat Berhasil",
                                             formula="95.12 -> Sangat Berhasil")])
    change = change_at(plan, "I4")
    assert (change.old, change.new) == ("Berhasil", "Sangat Berhasil")
    assert "95,12 -> Sangat Berhasil" in change.comment("id")  # decimal comma in Indonesian


def test_a_percent_formatted_cell_shows_its_percentage_in_the_comment(report):
    plan = plan_corrections(report, [finding("H7", fix=93.06, formula="67 / 72 x 100")])
    change = change_at(plan, "H7")
    assert change.old_percent_format is True
    assert change.comment("id").startswith("Semula 93,05%; dihitung 93,06")


def test_a_proposal_equal_to_the_current_value_changes_nothing(report):
    plan = plan_corrections(report, [finding("H4", fix=81.41)])
    assert plan.changes == ()
    assert plan.outcomes == (Outcome.REVIEW,)
    assert [m.ref.address for m in plan.marks] == ["H4"]


# --- unsafe changes --------------------------------------------------------------------------

def test_an_unsafe_fix_is_only_marked_by_default(report):
    f = finding("H4", "TOT001", fix=95.12, action=Action.CORRECT_UNSAFE)
    plan = plan_corrections(report, [f])
    assert plan.changes == () and plan.unsafe_skipped == 1
    mark = mark_at(plan, "H4")
    assert "Usulan: 95,12 (tidak diterapkan otomatis" in mark.comment("id")
    assert "--unsafe" not in mark.comment("id")
    assert mark.comment("id").startswith("Periksa: ")
    assert plan.outcomes == (Outcome.REVIEW,)


def test_an_unsafe_fix_is_applied_when_asked(report):
    f = finding("H4", "TOT001", fix=95.12, action=Action.CORRECT_UNSAFE)
    plan = plan_corrections(report, [f], unsafe=True)
    change = change_at(plan, "H4")
    assert change.action is Action.CORRECT_UNSAFE and plan.unsafe_skipped == 0
    assert "tidak aman" in change.comment("id").splitlines()[1]
    assert "--" not in change.comment("id")  # no command-line flags in a workbook
    assert plan.outcomes == (Outcome.CORRECTED,)


# --- several findings on one cell ----------------------------------------------------------

def test_a_computed_value_beats_a_retyped_one_and_settles_it(report):
    retype = finding("H6", "INP001", fix=95.12, formula="", severity=Severity.INFO)
    computed = finding("H6", "CAP001", fix=95.13, formula="565 / 594 x 100")
    plan = plan_corrections(report, [retype, computed])
    change = change_at(plan, "H6")
    assert (change.new, change.code) == (95.13, "CAP001")
    assert plan.outcomes == (Outcome.CORRECTED, Outcome.CORRECTED)
    assert "Periksa" not in change.comment("id")


def test_a_safe_fix_beats_an_unsafe_one(report):
    unsafe = finding("H4", "TOT001", fix=1.0, action=Action.CORRECT_UNSAFE,
                     severity=Severity.ERROR)
    safe = finding("H4", "CAP003", fix=95.12, severity=Severity.INFO)
    plan = plan_corrections(report, [unsafe, safe], unsafe=True)
    assert change_at(plan, "H4").new == 95.12
    assert plan.outcomes == (Outcome.REVIEW, Outcome.CORRECTED)


def test_between_two_computed_values_the_higher_severity_wins_the_other_is_to_check(report):
    low = finding("H4", "AVG002", fix=90.0, severity=Severity.INFO,
                  message_key="rule.low")
    high = finding("H4", "CAP001", fix=95.12, severity=Severity.ERROR)
    plan = plan_corrections(report, [low, high])
    change = change_at(plan, "H4")
    assert change.new == 95.12
    assert change.comment("id").splitlines()[1] == "Periksa: rule.low (aturan AVG002)"
    assert plan.outcomes == (Outcome.REVIEW, Outcome.CORRECTED)
    assert plan.marks == ()  # one entry per cell: the review line went into the comment


def test_equal_severities_keep_the_order_of_the_findings(report):
    first = finding("H4", "CAP001", fix=95.12)
    second = finding("H4", "XTB002", fix=96.0)
    assert change_at(plan_corrections(report, [first, second]), "H4").new == 95.12
    assert change_at(plan_corrections(report, [second, first]), "H4").new == 96.0


# --- marks ---------------------------------------------------------------------------------

def test_findings_without_a_fix_are_marked_and_whole_sheet_findings_are_not(report):
    on_cell = finding("G4", "XTB001", message_key="rule.on_cell")
    other = finding("G4", "XTB003", message_key="rule.other")
    on_sheet = finding("", "INP006", sheet=PK)
    plan = plan_corrections(report, [on_cell, other, on_sheet])
    mark = mark_at(plan, "G4")
    assert mark.codes == ("XTB001", "XTB003")
    assert mark.comment("id") == ("Periksa: rule.on_cell (aturan XTB001)\n"
                                  "Periksa: rule.other (aturan XTB003)")
    assert mark.comment("en").startswith("Check: rule.on_cell (rule XTB001)")
    assert len(plan.marks) == 1
    assert plan.outcomes == (Outcome.REVIEW,) * 3


def test_a_protected_formula_cell_is_marked_not_changed(report):
    plan = plan_corrections(report, [finding("H4", fix=95.12)], protected={(PM, "h4")})
    assert plan.changes == ()
    mark = mark_at(plan, "H4")
    assert mark.comment("id").startswith(
        "Sel berisi rumus dan tidak ditimpa; nilai yang dihitung: 95,12 (aturan CAP001)")


def test_changes_come_sorted_by_sheet_then_row_then_column(report):
    plan = plan_corrections(report, [finding("I4", "KAT001", fix="Sangat Berhasil"),
                                     finding("H5", "CAP004", fix=93.06),
                                     finding("H4", fix=95.12)])
    assert [c.ref.address for c in plan.changes] == ["H4", "I4", "H5"]


# --- rounds --------------------------------------------------------------------------------

def test_recheck_folds_a_later_correction_into_one_change_from_the_original(report):
    """Round 1 rewrites the text '95,12' as 95.12; the re-check then proposes 95.13: one
    change, from the text to 95.13, commented with the rule of the last round."""
    seen: list[Report] = []

    def recheck(r: Report):
        seen.append(r)
        h6 = next(m.capaian for m in r.measurements if m.capaian.ref.address == "H6")
        if h6.value == 95.12:
            return [finding("H6", "CAP003", fix=95.13, formula="565 / 594 x 100")]
        return []

    retype = finding("H6", "INP001", fix=95.12, formula="", severity=Severity.INFO)
    plan = plan_corrections(report, [retype], recheck=recheck)
    change = change_at(plan, "H6")
    assert (change.old, change.new, change.code) == ("95,12", 95.13, "CAP003")
    assert change.comment("id") == ("Semula \u201c95,12\u201d; dihitung 95,13 = 565 / 594 x 100 "
                                    "(aturan CAP003)")
    assert change.findings == (0,)
    assert len(seen) == 2  # stopped as soon as nothing changed


def test_with_changes_reads_like_the_written_workbook(report):
    problems_before = [p for p in report.problems if (p.sheet, p.cell) == (PM, "H6")]
    assert problems_before, "the text number is a reading problem before the fix"
    plan = plan_corrections(report, [finding("H6", "INP001", fix=95.12, formula=""),
                                     finding("H7", fix=93.06)])
    after = with_changes(report, plan.changes)
    by_address = {m.capaian.ref.address: m.capaian for m in after.measurements}
    assert by_address["H6"].raw == 95.12 and by_address["H6"].value == 95.12
    assert by_address["H7"].raw == pytest.approx(0.9306) and by_address["H7"].value == 93.06
    assert not [p for p in after.problems if (p.sheet, p.cell) == (PM, "H6")]


# --- texts ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "lang", "expected"), [
    (7015268631.0, "id", "7.015.268.631"),
    (7015268631.0, "en", "7,015,268,631"),
    (95.12, "id", "95,12"),
    (1234.5, "id", "1.234,5"),  # grouped as the reports print it (numtext)
    (12345.5, "id", "12.345,5"),
    (26787846626.65, "id", "26.787.846.626,65"),  # no float noise
    (None, "id", "kosong"),
    ("teks", "id", "\u201cteks\u201d"),
])
def test_show_value(value, lang, expected):
    assert show_value(value, lang) == expected


def test_localise_formula_only_touches_decimal_points():
    assert localise_formula("(93.05 + 100) / 2", "id") == "(93,05 + 100) / 2"
    assert localise_formula("(93.05 + 100) / 2", "en") == "(93.05 + 100) / 2"
    assert localise_formula("T = 0, R = 0: 100", "id") == "T = 0, R = 0: 100"


def test_parse_address():
    assert parse_address("J12") == (12, 10)
    assert parse_address("$AB$3") == (3, 28)
    assert parse_address("3") is None and parse_address("") is None
