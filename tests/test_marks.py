"""What an auditor reads in the corrected seed workbook: the four marks, their counts, the
legend, each comment's own arithmetic, originals quoted exactly, numbers written the
Indonesian way, rows that agree with themselves, number formats, provenance, comment sizes.

The seed example (the real 2019 report, mistakes included) is fixed once per module; every
expectation is computed from the workbook's own cells, not hard-coded, except the few cells
the issue names (Pengukuran Kinerja row 34, Keuangan!F18, F20, G37, D46).
"""

from __future__ import annotations

import ast
import hashlib
import itertools
import operator
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from lkjip_xl import read_report
from lkjip_xl.cli import cli
from lkjip_xl.corrections import CellChange
from lkjip_xl.fixing import prepare_fix
from lkjip_xl.numbers import parse_number
from lkjip_xl.schema import INPUT_SHEETS
from lkjip_xl.writers.styles import COMMENT_MARKER, MARKS
from lkjip_xl.writers.workbook import LEGEND_PREFIXES, comment_size

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx"
PM, PK, KU = "Pengukuran Kinerja", "Lampiran II", "Keuangan"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    if not SEED.exists():
        pytest.skip("seed example not built yet")
    tmp = tmp_path_factory.mktemp("marks")
    src = tmp / SEED.name
    shutil.copy(SEED, src)
    out = tmp / "seed.diperbaiki.xlsx"
    result = CliRunner().invoke(cli, ["fix", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return src, out, result.output


@pytest.fixture(scope="module")
def fixed(seed) -> openpyxl.Workbook:
    return openpyxl.load_workbook(seed[1])


@pytest.fixture(scope="module")
def original(seed) -> openpyxl.Workbook:
    return openpyxl.load_workbook(seed[0])


@pytest.fixture(scope="module")
def prepared(seed):
    return prepare_fix(seed[0])


def ours(c) -> str | None:
    """What fix wrote into a cell's comment (below the marker), or None."""
    if c.comment is None or COMMENT_MARKER not in c.comment.text:
        return None
    return c.comment.text.split(COMMENT_MARKER, 1)[1].strip()


def touched(wb: openpyxl.Workbook):
    for name in INPUT_SHEETS:
        if name in wb.sheetnames:
            for row in wb[name].iter_rows():
                for c in row:
                    if ours(c) is not None:
                        yield c


def fill(c) -> str:
    return (c.fill.fgColor.rgb or "")[-6:] if c.fill.fill_type == "solid" else ""


def mark_of(c) -> str | None:
    return next((k for k, m in MARKS.items() if m.fill == fill(c)), None)


# --- comments that compute -------------------------------------------------------------------

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
        ast.Div: operator.truediv, ast.USub: operator.neg}
_COMPUTED = re.compile(r"(?:dihitung|diisi) (-?[\d.,]+) = ([^\n]+?) \(aturan (\w+)\)$")


def indonesian(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def evaluate(formula: str) -> float:
    """'2.099.218 / 2.400.000 x 100' (Indonesian numbers) evaluated."""
    expr = re.sub(r"-?\d[\d.]*(?:,\d+)?", lambda m: repr(indonesian(m.group(0))), formula)
    expr = expr.replace(" x ", " * ")

    def ev(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.BinOp):
            return _OPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp):
            return _OPS[type(node.op)](ev(node.operand))
        raise ValueError(formula)

    return ev(ast.parse(expr, mode="eval"))


def read(c) -> float | None:
    """The number the reader takes from a cell (a text such as '2.819' left to review)."""
    return parse_number(c.value).value


def computed_lines(wb: openpyxl.Workbook):
    """(cell, new value, formula, rule) of every comment that shows a computation."""
    for c in touched(wb):
        first = ours(c).splitlines()[0]
        m = _COMPUTED.search(first)
        if m and "->" not in m.group(2):  # categories map a value to a band: no arithmetic
            yield c, m.group(1), m.group(2), m.group(3)


def test_every_changed_cell_shows_its_own_arithmetic(fixed):
    seen = 0
    for c, new, formula, _rule in computed_lines(fixed):
        decimals = len(new.split(",")[1]) if "," in new else 0
        value = evaluate(formula.replace(" (min. 0)", ""))
        assert round(value + 1e-9, decimals) == pytest.approx(indonesian(new)), (c.coordinate,
                                                                                  formula)
        assert c.value == pytest.approx(indonesian(new)), (c.parent.title, c.coordinate)
        seen += 1
    assert seen > 20


@pytest.mark.parametrize("sheet, target, realisasi", [(PM, "F", "G"), (KU, "D", "E"),
                                                      (PK, "G", "H")])
def test_every_corrected_capaian_recomputes_from_its_own_row(fixed, sheet, target, realisasi):
    """CAP002 no longer copies the first cell's formula (Keuangan!F18 is 2.099.218 /
    2.400.000, not 67 / 72), and no row reads 565 / 694 = 95,12."""
    ws = fixed[sheet]
    checked = 0
    for c, _new, formula, rule in computed_lines(fixed):
        if c.parent.title != sheet or not rule.startswith("CAP"):
            continue
        m = re.fullmatch(r"([\d.,]+) / ([\d.,]+) x 100", formula)
        if m is None:
            continue
        r, t = indonesian(m.group(1)), indonesian(m.group(2))
        assert read(ws[f"{target}{c.row}"]) == pytest.approx(t), (c.coordinate, formula)
        assert read(ws[f"{realisasi}{c.row}"]) == pytest.approx(r), (c.coordinate, formula)
        assert round(r / t * 100 + 1e-9, 2) == pytest.approx(c.value)
        checked += 1
    assert checked > 0
    if sheet == KU:
        assert ours(ws["F18"]).startswith(
            "Semula \u201c87,46\u201d; dihitung 87,47 = 2.099.218 / 2.400.000 x 100")


def test_the_row_a_capaian_relies_on_is_corrected_with_it(fixed, original):
    """H34 = 565 / 594 (the agreed PK target, Lampiran II!G26): the row's own 694 (a one-digit
    typo, XTB001) is corrected to 594 with it, its original kept."""
    ws = fixed[PM]
    assert original[PM]["F34"].value == 694 and ws["F34"].value == 594
    assert ws["H34"].value == pytest.approx(95.12) == round(ws["G34"].value / 594 * 100, 2)
    note = ours(ws["F34"])
    assert note.startswith("Semula 694; menjadi 594") and "Lampiran II!G26" in note
    assert mark_of(ws["F34"]) == "corrected"


# --- marks and counts --------------------------------------------------------------------------

def test_every_cell_with_something_to_check_shows_the_review_mark(fixed):
    review = 0
    for c in touched(fixed):
        to_check = any(line.startswith("Periksa:") or line.startswith("Sel berisi rumus")
                       for line in ours(c).splitlines())
        assert (mark_of(c) == "review") == to_check, (c.parent.title, c.coordinate, ours(c))
        if to_check:
            assert c.border.left.style == MARKS["review"].border
            review += 1
    # The cells the issue names: error-level findings that the corrected fill used to hide.
    # (H37, once among them, is now a plain correction: every capaian it averages is computed.)
    for sheet, address in [(PK, "K4"), (KU, "D45"), (KU, "E46")]:
        assert mark_of(fixed[sheet][address]) == "review", (sheet, address)
    assert review > 30


def test_four_marks_and_four_counts(fixed, prepared, seed):
    plan = prepared.plan
    counts = plan.counts()
    assert set(counts) == {"corrected", "filled", "converted", "review"}
    on_sheets = {k: 0 for k in MARKS}
    for c in touched(fixed):
        on_sheets[mark_of(c)] += 1
    assert on_sheets == plan.marks_shown()
    assert counts["review"] == on_sheets["review"]  # every cell with a Periksa note
    # A change counts for what was done even where the review mark is shown.
    kinds = {k: sum(1 for ch in plan.changes if ch.outcome.value == k)
             for k in ("corrected", "filled", "converted")}
    assert kinds == {k: counts[k] for k in kinds}
    # Text turned into the very number it was read as: no value changed.
    for ch in plan.changes:
        if ch.outcome.value == "converted":
            assert isinstance(ch.old, str) and ch.old_number == pytest.approx(ch.new)
    assert counts["converted"] > counts["corrected"] > 0  # 164 re-typed, 22 real corrections
    assert (f"{counts['corrected']} nilai dibetulkan, {counts['filled']} sel kosong diisi, "
            f"{counts['converted']} teks diubah menjadi angka, {counts['review']} sel perlu "
            f"ditinjau") in seed[2]
    assert prepared.actions["converted"] == counts["converted"]


def test_marks_keep_their_cues_and_the_cells_their_fonts(fixed):
    for c in touched(fixed):
        kind = mark_of(c)
        assert kind is not None, (c.parent.title, c.coordinate)
        m = MARKS[kind]
        assert (not m.bold or c.font.b) and (not m.italic or c.font.i)
        assert c.font.name  # LibreOffice falls back to a serif font without one
        if m.border:
            assert c.border.top.style == m.border


def test_the_colours_differ_from_the_computed_shading_and_each_other():
    fills = [m.fill for m in MARKS.values()]
    assert len(set(fills)) == 4 and "E7ECF3" not in fills and "E4DFEC" not in fills

    def lightness(rgb: str) -> float:
        lin = [((v / 255 + 0.055) / 1.055) ** 2.4 if v / 255 > 0.04045 else v / 255 / 12.92
               for v in bytes.fromhex(rgb)]
        y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
        return 116 * y ** (1 / 3) - 16

    levels = sorted(lightness(f) for f in [*fills, "E7ECF3"])
    assert min(b - a for a, b in itertools.pairwise(levels)) >= 5  # grayscale


# --- comments: exact originals, Indonesian numbers, no flags, sized ----------------------------

def test_semula_quotes_the_original_exactly(fixed, original):
    quoted = 0
    for c in touched(fixed):
        first = ours(c).splitlines()[0]
        if not first.startswith("Semula \u201c"):
            continue
        text = first[len("Semula \u201c"):].split("\u201d;", 1)[0]
        assert text == original[c.parent.title][c.coordinate].value, (c.coordinate, first)
        quoted += 1
    assert quoted > 100
    assert ours(fixed[PM]["F20"]).startswith("Semula \u201c1.697\u201d; menjadi 1.697 ")
    assert ours(fixed[PK]["G37"]).startswith("Semula \u201c3.838\u201d; menjadi 3.838 ")
    assert ours(fixed[KU]["D46"]).startswith(
        "Semula \u201c26,787,846,626.65\u201d; menjadi 26.787.846.626,65 ")


# Quoted cell texts and report sections ("Bab III 3.2") are not numbers the tool wrote.
_NOT_NUMBERS = re.compile(r"\u201c[^\u201d]*\u201d|'[^']*'|\"[^\"]*\"|Bab [IVX]+ [\d.]+")
_ENGLISH = re.compile(r"(?<![\w.,!])\d+\.\d{1,2}(?!\d)"  # 93.05
                      r"|\d,\d{3},\d{3}"  # 7,015,268,631
                      r"|(?<![\w.,!])\d{5,}(?![\w])")  # 7015268631, not grouped


def test_no_number_is_written_the_english_way(fixed):
    found = []
    for c in touched(fixed):
        for line in ours(c).splitlines():
            if "tertulis berbeda di" in line:
                # consistency.py joins its listing with pre-formatted numbers (a caller that
                # helper B's branch changes); every other line must pass.
                continue
            bad = _ENGLISH.findall(_NOT_NUMBERS.sub("", line))
            if bad:
                found.append((c.parent.title, c.coordinate, bad, line))
    assert found == []


def test_no_command_line_flag_and_no_cryptic_cut_in_a_comment(fixed):
    for c in touched(fixed):
        text = ours(c)
        assert "--" not in text and "(+" not in text, (c.coordinate, text)


def test_comment_boxes_fit_their_text(seed, fixed):
    for c in touched(fixed):
        w, h = comment_size(c.comment.text)
        lines = c.comment.text.splitlines()
        assert h >= 15 * len(lines) and w >= 6 * min(60, max(len(x) for x in lines))
    with zipfile.ZipFile(seed[1]) as z:
        vml = [z.read(n).decode() for n in z.namelist() if n.endswith(".vml")]
    anchors = sum(len(re.findall(r"<(?:\w+:)?Anchor>", v)) for v in vml)
    notes = sum(len(re.findall(r"<(?:\w+:)?ClientData ", v)) for v in vml)
    assert anchors == notes > 0  # every note box has an anchor (LibreOffice reads only that)


# --- number formats, legend, provenance ------------------------------------------------------

def test_written_numbers_keep_the_column_format(fixed):
    assert fixed[PK]["J6"].number_format == fixed[PK]["J8"].number_format == "0.00"
    assert fixed[KU]["F22"].number_format == "0.00"
    for c in touched(fixed):
        if isinstance(c.value, int | float) and c.number_format in ("General", "@"):
            dim = c.parent.column_dimensions.get(c.column_letter)
            assert dim is None or dim.number_format in ("General", "@"), c.coordinate


def test_a_legend_above_every_marked_table_changes_nothing_the_reader_reads(seed, fixed,
                                                                            tmp_path):
    marked = {c.parent.title for c in touched(fixed)}
    legends = {}
    for name in marked:
        cells = [c for row in fixed[name].iter_rows(max_row=2) for c in row
                 if str(c.value or "").startswith(LEGEND_PREFIXES)]
        assert len(cells) == 1, name
        legends[name] = cells[0]
        assert all(word in str(cells[0].value) for word in ("dibetulkan", "diisi", "teks",
                                                           "ditinjau"))
    # The same workbook without the legend reads identically.
    plain = tmp_path / "plain.xlsx"
    wb = openpyxl.load_workbook(seed[1])
    for name, c in legends.items():
        wb[name][c.coordinate].value = None
    wb.save(plain)
    with_legend = read_report(seed[1])
    without = read_report(plain)
    assert replace(with_legend, path=plain) == without
    # and a second fix keeps one legend, in the same place
    again = tmp_path / "again.xlsx"
    result = CliRunner().invoke(cli, ["fix", str(seed[1]), "-o", str(again)])
    assert result.exit_code == 0, result.output
    wb2 = openpyxl.load_workbook(again)
    for name, c in legends.items():
        found = [x.coordinate for row in wb2[name].iter_rows(max_row=2) for x in row
                 if str(x.value or "").startswith(LEGEND_PREFIXES)]
        assert found == [c.coordinate]


def test_the_workbook_records_where_it_came_from(seed, fixed, prepared):
    src = seed[0]
    props = {p.name: p.value for p in fixed.custom_doc_props.props}
    assert props["lkjip-xl source"] == src.name
    assert props["lkjip-xl sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", props["lkjip-xl time"])
    from lkjip_xl import __version__

    assert props["lkjip-xl version"] == __version__
    assert props["lkjip-xl decimals"] == str(prepared.settings.decimals)
    assert props["lkjip-xl scale"] == prepared.settings.scale.name
    assert props["lkjip-xl unsafe_fixes"] == "no"
    assert prepared.provenance.as_dict()["sha256"] == props["lkjip-xl sha256"]


def test_english_comments_use_english_numbers(seed, tmp_path):
    out = tmp_path / "en.xlsx"
    result = CliRunner().invoke(cli, ["--lang", "en", "fix", str(seed[0]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    assert ours(wb[KU]["D46"]).startswith(
        "Was \u201c26,787,846,626.65\u201d; now 26,787,846,626.65 ")
    assert ours(wb[KU]["F18"]).startswith("Was \u201c87,46\u201d; computed 87.47 = "
                                          "2,099,218 / 2,400,000 x 100")


def test_a_plan_change_knows_its_mark():
    from lkjip_xl.model import CellRef
    from lkjip_xl.rules.base import Action

    ref = CellRef(PM, 4, 8)
    converted = CellChange(ref, "1.697", 1697.0, "INP001", Action.CORRECT, old_number=1697.0)
    corrected = CellChange(ref, "1.697", 1.697, "INP001", Action.CORRECT, old_number=1697.0)
    filled = CellChange(ref, None, 95.12, "CAP004", Action.FILL, formula="565 / 594 x 100")
    assert [c.mark.value for c in (converted, corrected, filled)] == [
        "converted", "corrected", "filled"]
    assert replace(converted, also_id=("Periksa: x",)).mark.value == "review"
    assert replace(converted, also_id=("Periksa: x",)).outcome.value == "converted"


def test_averages_and_categories_follow_the_corrected_capaian(fixed, original):
    """H27 averages H18:H21 of its table; H18 and H20 were corrected (93,05 -> 93,06, 60,12 ->
    60,11). The average is the mean of the capaian as they stand, its formula shows them, and
    the category next to the overall average follows the new average."""
    ws = fixed[PM]
    terms = [ws[f"H{r}"].value for r in range(18, 22)]
    assert ws["H27"].value == pytest.approx(round(sum(terms) / 4 + 1e-9, 2))
    note = ours(ws["H27"])
    assert all(f"{v:.2f}".rstrip("0").rstrip(".").replace(".", ",") in note for v in terms)
    assert note.startswith(f"Semula \u201c{original[PM]['H27'].value}\u201d; dihitung ")
    # every capaian it averages is computed (issue 10, point 7): a plain correction
    assert mark_of(ws["H27"]) == "corrected" and "Periksa" not in note
    avg = ws["H37"].value
    note = ours(ws["I37"])
    assert note.startswith(
        f"Semula \u201cCukup Berhasil\u201d; dihitung \u201c{ws['I37'].value}\u201d = ")
    # the category's formula is the average's own arithmetic, which gives H37's new value
    terms = re.search(r"= \(([^)]*)\) / (\d+) -> ", note)
    assert terms is not None, note
    values = [float(x.replace(",", ".")) for x in terms.group(1).split(" + ")]
    assert len(values) == int(terms.group(2))
    assert round(sum(values) / len(values) + 1e-9, 2) == pytest.approx(avg)
    assert f"-> {ws['I37'].value} " in note
