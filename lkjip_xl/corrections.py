"""Which cells `fix` changes and which it only marks, computed from the findings. Pure: no
openpyxl, no I/O, so the command line and the Excel layer apply the very same plan.

A finding proposes a value through `Finding.fix` (`Fix(ref, value, action)`); CAP002 reports
truncated capaian once for the workbook and `capaian.truncated_cells` gives every cell and its
value. The plan has ONE entry per cell:

- a `CellChange` when a proposal is applied: safe ones (`Action.CORRECT`, `Action.FILL`)
  always, unsafe ones (`Action.CORRECT_UNSAFE`, e.g. overwriting a stated total) only with
  `unsafe=True`. A blank cell is "filled", any other is "corrected";
- a `CellMark` for a cell with findings and no applied change: what to check.

When several findings propose a value for one cell, ONE wins, by this priority:
1. a safe proposal before an unsafe one;
2. a recomputed value (the finding shows a `formula`: capaian, percentage, category, average,
   total) before a re-typed one (a number stored as text rewritten as that number);
3. the higher severity;
4. the finding that comes first in the order given (check's sorted order).
The findings whose proposal equals the winning value are settled by the change, and so is a
re-typing proposal beaten by a computed number (the cell holds a real number afterwards); the
others are written into the change's comment as things to check. A cell listed in `protected` (it
holds a formula, which `fix` never overwrites) gets a mark instead of a change.

Idempotence. One correction can reveal the next: '95,60 %' stored as text becomes 95.6, and
95.6 is then a capaian written with one decimal where the workbook asks for two (95.59).
Given `recheck` (a function that checks a report), the plan is applied to the report in
memory and checked again, until no finding proposes a different value (at most `MAX_ROUNDS`);
a cell changed in several rounds is ONE change from its original value to the final one, and
a cell a later round brings back to its original value is no change. So fixing a fixed
workbook changes nothing. Marks and outcomes describe the findings given (the
input's); later rounds only refine values.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, fields, replace
from enum import StrEnum

from .messages import t
from .model import Cell, CellRef, Report, Settings
from .numbers import EMPTY, Number, NumberSource, parse_number
from .rules.base import Action, Finding, Severity

TRUNCATED_CODE = "CAP002"  # reported once; its cells come from capaian.truncated_cells
MAX_ROUNDS = 4
_ADDRESS = re.compile(r"^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


class Outcome(StrEnum):
    """What `fix` did about one finding."""

    CORRECTED = "corrected"
    FILLED = "filled"
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class CellChange:
    """A cell `fix` writes: its value before and after, why, and the note it gets."""

    ref: CellRef
    old: object  # the raw value as read (None for a blank cell)
    new: float | str
    code: str  # the rule whose proposal won (in the last round that changed the cell)
    action: Action  # FILL, CORRECT or CORRECT_UNSAFE
    formula: str = ""  # how `new` was computed ("" for a re-typed value)
    findings: tuple[int, ...] = ()  # indexes of the findings given that this change settles
    old_percent_format: bool = False  # the old value was shown in Excel's % format
    also_id: tuple[str, ...] = ()  # other findings on the cell, to check
    also_en: tuple[str, ...] = ()

    @property
    def outcome(self) -> Outcome:
        return Outcome.FILLED if self.action is Action.FILL else Outcome.CORRECTED

    def comment(self, lang: str = "id") -> str:
        """'Semula 81,41; dihitung 95,12 = 565 / 594 x 100 (aturan CAP001)' and what else to
        check on the cell."""
        params = {"old": show_value(self.old, lang, percent_format=self.old_percent_format),
                  "new": show_value(self.new, lang),
                  "formula": localise_formula(self.formula, lang), "code": self.code}
        kind = "filled" if self.action is Action.FILL else "changed"
        key = f"fix.comment.{kind}" if self.formula else f"fix.comment.{kind}_plain"
        lines = [t(key, lang, **params)]
        if self.action is Action.CORRECT_UNSAFE:
            lines.append(t("fix.comment.unsafe_applied", lang))
        lines.extend(self.also_en if lang == "en" else self.also_id)
        return "\n".join(lines)

    @property
    def comment_id(self) -> str:
        return self.comment("id")

    @property
    def comment_en(self) -> str:
        return self.comment("en")


@dataclass(frozen=True, slots=True)
class CellMark:
    """A cell with findings that `fix` did not change: what a person should check."""

    ref: CellRef
    codes: tuple[str, ...]
    comment_id: str
    comment_en: str
    findings: tuple[int, ...] = ()

    def comment(self, lang: str = "id") -> str:
        return self.comment_en if lang == "en" else self.comment_id


@dataclass(frozen=True, slots=True)
class CorrectionPlan:
    changes: tuple[CellChange, ...] = ()
    marks: tuple[CellMark, ...] = ()
    outcomes: tuple[Outcome, ...] = ()  # one per finding given, in that order
    unsafe_skipped: int = 0  # unsafe proposals not applied (no --unsafe-fixes)

    def count(self, outcome: Outcome) -> int:
        """Cells corrected or filled; for REVIEW, the cells marked."""
        if outcome is Outcome.REVIEW:
            return len(self.marks)
        return sum(1 for c in self.changes if c.outcome is outcome)


# The four kinds of marked cell, as the Ringkasan counts them (`mark_counts`).
MARK_CORRECTED = "corrected"  # a value replaced by another value
MARK_FILLED = "filled"  # a blank cell filled
MARK_CONVERTED = "converted"  # a number stored as text written as that same number
MARK_REVIEW = "review"  # anything left to check (a "Periksa" note), whatever else was done
MARK_KINDS = (MARK_CORRECTED, MARK_FILLED, MARK_CONVERTED, MARK_REVIEW)


def is_conversion(change: CellChange) -> bool:
    """A change that only re-types text as the number it already reads as ('1.697' -> 1697):
    no value changed."""
    if change.action is Action.FILL or not isinstance(change.old, str) \
            or not isinstance(change.new, int | float):
        return False
    read = parse_number(change.old).value
    return read is not None and _same(read, change.new)


def mark_kind(item: CellChange | CellMark) -> str:
    """The one kind of a planned cell: to review first (a mark, or a change whose note still
    lists something to check), then filled, converted, corrected."""
    if isinstance(item, CellMark) or item.also_id:
        return MARK_REVIEW
    if item.action is Action.FILL:
        return MARK_FILLED
    return MARK_CONVERTED if is_conversion(item) else MARK_CORRECTED


def mark_counts(plan: CorrectionPlan) -> dict[str, int]:
    """Cells per kind (MARK_KINDS), each cell counted once: the Ringkasan's four lines.
    MARK_REVIEW counts every cell whose note asks to check something."""
    counts = dict.fromkeys(MARK_KINDS, 0)
    for item in (*plan.changes, *plan.marks):
        counts[mark_kind(item)] += 1
    return counts


Recheck = Callable[[Report], Sequence[Finding]]


def plan_corrections(report: Report, findings: Sequence[Finding], unsafe: bool = False, *,
                     settings: Settings | None = None,
                     protected: Collection[tuple[str, str]] = (),
                     recheck: Recheck | None = None) -> CorrectionPlan:
    """The changes and marks for `findings` of `report`.

    `settings`: those the findings were computed with (default: the workbook's own);
    `protected`: (sheet, address) of cells never to overwrite (formulas);
    `recheck`: checks a report with the same settings (e.g. `engine.check_report` with the
    config in force); with it the plan is iterated to a fixed point (module docstring).
    """
    settings = settings or report.settings
    protected_set = frozenset((s, a.upper()) for s, a in protected)
    plan = _plan_round(report, findings, unsafe, settings, protected_set)
    if recheck is None:
        return plan
    changes = {c.ref: c for c in plan.changes}
    latest = plan.changes
    current = report
    for _ in range(MAX_ROUNDS - 1):
        if not latest:
            break
        current = with_changes(current, latest)
        more = _plan_round(current, recheck(current), unsafe, settings, protected_set)
        latest = more.changes
        for c in latest:
            first = changes.get(c.ref)
            # A later round's findings are not the ones given: keep only the new value.
            changes[c.ref] = replace(c, findings=(), also_id=(), also_en=()) if first is None \
                else _compose(first, c)
    if len(changes) == len(plan.changes) and all(
            changes[c.ref] is c for c in plan.changes):
        return plan
    # A cell brought back to its original value by a later round is not a change after all:
    # a percentage wrong for the stated total is right for the corrected total. Its findings
    # were resolved by the other corrections, so the cell is neither changed nor marked.
    cells = cell_index(report)
    for ref, c in list(changes.items()):
        cell = cells.get(ref)
        if cell is not None and _same(_old_value(cell, None)[1], c.new):
            del changes[ref]
    return _finish(report, list(changes.values()), list(plan.marks), plan.outcomes,
                   plan.unsafe_skipped)


def _compose(first: CellChange, later: CellChange) -> CellChange:
    """One change from the original value to the value of a later round."""
    unsafe = Action.CORRECT_UNSAFE in (first.action, later.action)
    action = Action.FILL if first.action is Action.FILL else (
        Action.CORRECT_UNSAFE if unsafe else Action.CORRECT)
    return replace(first, new=later.new, code=later.code, action=action,
                   formula=later.formula)


def _finish(report: Report, changes: list[CellChange], marks: list[CellMark],
            outcomes: tuple[Outcome, ...], skipped: int) -> CorrectionPlan:
    """Fold marks on changed cells into the change's comment; sort by sheet and cell."""
    by_ref = {c.ref: c for c in changes}
    kept_marks = []
    for mark in marks:
        change = by_ref.get(mark.ref)
        if change is None:
            kept_marks.append(mark)
            continue
        by_ref[mark.ref] = replace(
            change, also_id=(*change.also_id, *mark.comment_id.splitlines()),
            also_en=(*change.also_en, *mark.comment_en.splitlines()))
    order = _sheet_order(report)
    return CorrectionPlan(tuple(sorted(by_ref.values(), key=lambda c: order(c.ref))),
                          tuple(sorted(kept_marks, key=lambda m: order(m.ref))),
                          outcomes, skipped)


# --- one round -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Proposal:
    index: int  # the finding's index
    ref: CellRef
    value: float | str
    action: Action


def _plan_round(report: Report, findings: Sequence[Finding], unsafe: bool, settings: Settings,
                protected: frozenset[tuple[str, str]]) -> CorrectionPlan:
    cells = cell_index(report)
    proposals = _proposals(report, findings, settings)
    skipped = sum(1 for p in proposals if p.action is Action.CORRECT_UNSAFE and not unsafe)
    by_ref: dict[CellRef, list[_Proposal]] = {}
    for p in proposals:
        if unsafe or p.action is not Action.CORRECT_UNSAFE:
            by_ref.setdefault(p.ref, []).append(p)

    outcomes = [Outcome.REVIEW] * len(findings)
    changes: list[CellChange] = []
    blocked: dict[CellRef, _Proposal] = {}  # winning proposals on protected (formula) cells
    for ref, group in by_ref.items():
        group.sort(key=lambda p: _priority(p, findings))
        win = group[0]
        if (ref.sheet, ref.address) in protected:
            blocked[ref] = win
            continue
        cell = cells.get(ref)
        old, current = _old_value(cell, findings[win.index])
        if _same(current, win.value):
            continue  # already right: nothing to write (the findings stay to review)
        blank = cell.is_blank if cell is not None else findings[win.index].stated is None
        action = Action.FILL if blank else (
            Action.CORRECT_UNSAFE if win.action is Action.CORRECT_UNSAFE else Action.CORRECT)
        settled = tuple(sorted({p.index for p in group if _settles(p, win, findings)}))
        change = CellChange(
            ref, old, win.value, findings[win.index].code, action,
            formula=findings[win.index].formula, findings=settled,
            old_percent_format=cell is not None
            and cell.number.source is NumberSource.PERCENT_FORMAT)
        changes.append(change)
        for i in settled:
            outcomes[i] = change.outcome

    # Every finding not settled is to review, on its own cell (or on the cell of its proposal).
    to_review: dict[CellRef, list[int]] = {ref: [] for ref in blocked}
    for i, f in enumerate(findings):
        ref = finding_ref(f) or (f.fix.ref if f.fix else None)
        if outcomes[i] is Outcome.REVIEW and ref is not None:
            to_review.setdefault(ref, []).append(i)
    marks = [_mark(ref, idxs, findings, unsafe, blocked.get(ref)) for ref, idxs in
             to_review.items()]
    return _finish(report, changes, marks, tuple(outcomes), skipped)


def _mark(ref: CellRef, idxs: list[int], findings: Sequence[Finding], unsafe: bool,
          blocked: _Proposal | None = None) -> CellMark:
    """A mark listing what to check; first, for a formula cell, the value not written."""
    texts = []
    for lang in ("id", "en"):
        lines = [_review_line(findings[i], lang, unsafe) for i in idxs]
        if blocked is not None:
            lines.insert(0, t("fix.comment.formula", lang, new=show_value(blocked.value, lang),
                              code=findings[blocked.index].code))
        texts.append("\n".join(lines))
    codes = [findings[i].code for i in idxs]
    if blocked is not None:
        codes.insert(0, findings[blocked.index].code)
    return CellMark(ref, tuple(dict.fromkeys(codes)), texts[0], texts[1], findings=tuple(idxs))


def _proposals(report: Report, findings: Sequence[Finding], settings: Settings
               ) -> list[_Proposal]:
    result = []
    for i, f in enumerate(findings):
        if f.fix is not None and f.fix.value is not None:
            if isinstance(f.fix.value, float) and not math.isfinite(f.fix.value):
                continue
            result.append(_Proposal(i, f.fix.ref, f.fix.value, f.fix.action))
        elif f.code == TRUNCATED_CODE:
            result.extend(_Proposal(i, ref, value, Action.CORRECT)
                          for ref, value in _truncated(report, settings))
    return result


@dataclass(frozen=True, slots=True)
class _Context:
    """What `capaian.truncated_cells` needs: a report and the settings in force."""

    report: Report
    settings: Settings


def _truncated(report: Report, settings: Settings) -> list[tuple[CellRef, float]]:
    from .rules.capaian import truncated_cells

    return truncated_cells(_Context(report, settings))


def _settles(p: _Proposal, win: _Proposal, findings: Sequence[Finding]) -> bool:
    """Whether the winning change settles proposal `p` too: the same value, or `p` only
    re-types the cell's text as a number and the winner writes a computed number."""
    if _same(p.value, win.value):
        return True
    return (not findings[p.index].formula and bool(findings[win.index].formula)
            and isinstance(win.value, int | float) and isinstance(p.value, int | float))


def _priority(p: _Proposal, findings: Sequence[Finding]) -> tuple:
    f = findings[p.index]
    return (p.action is Action.CORRECT_UNSAFE, not f.formula, -Severity(f.severity).rank,
            p.index)


def _sheet_order(report: Report) -> Callable[[CellRef], tuple]:
    sheets = list(report.sheet_names.values())

    def key(ref: CellRef) -> tuple:
        return (sheets.index(ref.sheet) if ref.sheet in sheets else len(sheets), ref.sheet,
                ref.row, ref.col)

    return key


def _review_line(f: Finding, lang: str, unsafe: bool) -> str:
    text = t("fix.comment.review", lang, message=f.message(lang), code=f.code)
    if f.fix is not None and f.fix.action is Action.CORRECT_UNSAFE and not unsafe:
        text += " " + t("fix.comment.unsafe_hint", lang, new=show_value(f.fix.value, lang))
    return text


# --- cells and values ----------------------------------------------------------------------

def cell_index(report: Report) -> dict[CellRef, Cell]:
    """Every cell the reader kept, by its reference."""
    index: dict[CellRef, Cell] = {}

    def add(obj: object) -> None:
        for f in fields(obj):  # type: ignore[arg-type]
            value = getattr(obj, f.name)
            if isinstance(value, Cell) and value.ref is not None:
                index.setdefault(value.ref, value)

    add(report.identity)
    for ind in report.indicators:
        add(ind)
        for _, cell in ind.targets:
            if cell.ref is not None:
                index.setdefault(cell.ref, cell)
    for rows in (report.pk_rows, report.measurements, report.budget_rows):
        for row in rows:
            add(row)
    return index


def with_changes(report: Report, changes: Sequence[CellChange]) -> Report:
    """The report as it reads once `changes` are written: new cell values, and no reading
    problem left on a changed cell."""
    new_cells = {c.ref: _written(c) for c in changes}
    if not new_cells:
        return report

    def swap(obj):
        updates = {}
        for f in fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, Cell) and value.ref in new_cells:
                updates[f.name] = new_cells[value.ref]
            elif f.name == "targets":
                targets = tuple((y, new_cells.get(c.ref, c) if c.ref else c) for y, c in value)
                if targets != value:
                    updates[f.name] = targets
        return replace(obj, **updates) if updates else obj

    changed = {(ref.sheet, ref.address) for ref in new_cells}
    return dataclasses.replace(
        report,
        identity=swap(report.identity),
        indicators=tuple(swap(r) for r in report.indicators),
        pk_rows=tuple(swap(r) for r in report.pk_rows),
        measurements=tuple(swap(r) for r in report.measurements),
        budget_rows=tuple(swap(r) for r in report.budget_rows),
        problems=tuple(p for p in report.problems if (p.sheet, p.cell) not in changed),
    )


def _written(change: CellChange) -> Cell:
    """The cell as the reader would read it after `fix` wrote `change.new`."""
    new = change.new
    if isinstance(new, str):
        return Cell(change.ref, new, EMPTY if change.old is None or isinstance(change.old, str)
                    else parse_number(new))
    if change.old_percent_format:  # written / 100 into a % cell, read back x 100
        return Cell(change.ref, new / 100, Number(float(new), NumberSource.PERCENT_FORMAT,
                                                  notes=("percent-format",)))
    return Cell(change.ref, new, Number(float(new), NumberSource.NUMBER))


def parse_address(address: str) -> tuple[int, int] | None:
    """'J12' -> (12, 10); None for anything that is not one cell address."""
    m = _ADDRESS.match(address.strip())
    if not m:
        return None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def finding_ref(f: Finding) -> CellRef | None:
    """The cell a finding points at, or None for a sheet or the workbook as a whole."""
    if not f.sheet or not f.cell:
        return None
    rc = parse_address(f.cell)
    return CellRef(f.sheet, *rc) if rc else None


def _old_value(cell: Cell | None, f: Finding | None) -> tuple[object, object]:
    """(raw value as read, value to compare with a proposal)."""
    if cell is None:
        stated = f.stated if f is not None else None
        return stated, stated
    if cell.number.source in (NumberSource.NUMBER, NumberSource.PERCENT_FORMAT):
        return cell.raw, cell.number.value
    return cell.raw, cell.raw


def _same(a: object, b: object) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)), abs(float(b)))
    if isinstance(a, str) and isinstance(b, str):
        return a.strip() == b.strip()
    return False


# --- texts -----------------------------------------------------------------------------------

def localise_formula(text: str, lang: str) -> str:
    """Decimal points as the reader writes them: '(93.05 + 100) / 2' -> '(93,05 + 100) / 2'.

    Formula texts never hold thousands separators (`formulas.fmt`), so every point between
    two digits is a decimal point."""
    return _DECIMAL_POINT.sub(",", text) if lang != "en" else text


def show_value(value: object, lang: str = "id", *, percent_format: bool = False) -> str:
    """A value for a comment: 81,41 / 7.015.268.631 / "teks" (id); 81.41 / 7,015,268,631 (en)."""
    if value is None:
        return t("fix.blank", lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        v = float(value)
        if percent_format:
            return show_value(round(v * 100, 10), lang) + "%"
        if v.is_integer() and abs(v) < 1e15:
            text = f"{int(v):,}"
        else:
            text = f"{v:,.10f}".rstrip("0").rstrip(".")
        if lang != "en":
            text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return text
    return f"\u201c{str(value).strip()}\u201d"
