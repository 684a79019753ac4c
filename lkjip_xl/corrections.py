"""Which cells `fix` changes and which it only marks, computed from the findings. Pure: no
openpyxl, no I/O, so the command line and the Excel layer apply the very same plan.

A finding proposes a value through `Finding.fix` (`Fix(ref, value, action)`); CAP002 reports
truncated capaian once for the workbook and `capaian.truncated_cells` gives every cell and its
value. The plan has ONE entry per cell:

- a `CellChange` when a proposal is applied: safe ones (`Action.CORRECT`, `Action.FILL`)
  always, unsafe ones (`Action.CORRECT_UNSAFE`, e.g. overwriting a stated total) only with
  `unsafe=True`. A blank cell is "filled"; a text written as the very number it was read as
  is "converted" (no value changed); any other is "corrected";
- a `CellMark` for a cell with findings and no applied change: what to check.

Each cell shows ONE mark (`CellChange.mark`, `CellMark.mark`): review whenever something is left
to check on it (a "Periksa" line in its note), else what was done. `CorrectionPlan.counts()`
gives the four counts by name: 'corrected', 'filled', 'converted' (cells, by what was done)
and 'review' (every cell with a Periksa note).

A corrected row never contradicts itself (`_rows_agree`): a capaian computed from a figure of
another row or sheet is written only if its own row agrees, or a finding on the row's own
cell says it should hold that figure (that cell is then corrected with it); otherwise the
capaian is left and marked. CAP002's cells each get their own formula.

An average of capaian some of which cannot be recomputed (AVG001 without a fix) is written
as the mean of the capaian as they stand after the other corrections, so that averages and
their categories follow the corrected capaian; its note keeps the original and says to check
the capaian.

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

from .formulas import fmt
from .messages import Verbatim, localise, t
from .model import Cell, CellRef, Report, Settings
from .numbers import EMPTY, Number, NumberSource, parse_number
from .numtext import format_number
from .rules.base import Action, Finding, Severity

TRUNCATED_CODE = "CAP002"  # reported once; its cells come from capaian.truncated_cells
# An average that differs from the mean of the capaian it covers, where some capaian cannot
# be recomputed: the rule offers no fix; fix writes the mean of the capaian as they stand
# (after the other corrections) and leaves the cell to review.
STATED_MEAN_CODE = "AVG001"
MAX_ROUNDS = 4
_ADDRESS = re.compile(r"^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$")


class Outcome(StrEnum):
    """What `fix` did about one finding, and the mark a cell gets on the sheet.

    CORRECTED: a value was replaced by another one; FILLED: a blank cell got a value;
    CONVERTED: a number stored as text was written as that same number (no value changed);
    REVIEW: something is left for a person to check (the cell's note says "Periksa: ...")."""

    CORRECTED = "corrected"
    FILLED = "filled"
    CONVERTED = "converted"
    REVIEW = "review"


# The names of the counts a plan exposes (`CorrectionPlan.counts`), in the order they are shown.
COUNT_NAMES = (Outcome.CORRECTED.value, Outcome.FILLED.value, Outcome.CONVERTED.value,
               Outcome.REVIEW.value)


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
    old_number: float | None = None  # the number the reader took from an old text value
    aligned_for: str = ""  # set on a row's input corrected to agree with this row's capaian
    inputs: tuple[tuple[str, object], ...] = ()  # the cells `formula` was computed from

    @property
    def outcome(self) -> Outcome:
        """FILLED, CONVERTED (text written as the very number it was read as) or CORRECTED."""
        if self.action is Action.FILL:
            return Outcome.FILLED
        if (isinstance(self.old, str) and self.old_number is not None
                and isinstance(self.new, int | float) and _same(self.old_number, self.new)):
            return Outcome.CONVERTED
        return Outcome.CORRECTED

    @property
    def to_review(self) -> bool:
        """Whether something is left to check on the cell (its note has "Periksa" lines)."""
        return bool(self.also_id)

    @property
    def mark(self) -> Outcome:
        """The mark the cell shows: REVIEW whenever something is left to check."""
        return Outcome.REVIEW if self.to_review else self.outcome

    def comment(self, lang: str = "id") -> str:
        """'Semula 81,41; dihitung 95,12 = 565 / 594 x 100 (aturan CAP001)' and what else to
        check on the cell."""
        params = {"old": show_value(self.old, lang, percent_format=self.old_percent_format),
                  "new": show_value(self.new, lang),
                  "formula": localise_formula(self.formula, lang), "code": self.code}
        kind = "filled" if self.action is Action.FILL else "changed"
        key = f"fix.comment.{kind}" if self.formula else f"fix.comment.{kind}_plain"
        if self.aligned_for:
            key = "fix.comment.aligned"
            params.update(source=self.formula, cell=self.aligned_for)
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

    @property
    def mark(self) -> Outcome:
        return Outcome.REVIEW


@dataclass(frozen=True, slots=True)
class CorrectionPlan:
    """What `fix` does to a workbook: the cells it changes, the cells it marks for review,
    what became of each finding, and how many unsafe corrections it left out."""

    changes: tuple[CellChange, ...] = ()
    marks: tuple[CellMark, ...] = ()
    outcomes: tuple[Outcome, ...] = ()  # one per finding given, in that order
    unsafe_skipped: int = 0  # unsafe proposals not applied (no --unsafe-fixes)

    def count(self, outcome: Outcome) -> int:
        """Cells whose value was corrected, filled or converted from text; for REVIEW, every
        cell with something left to check (a mark, or a change whose note says "Periksa").
        A changed cell that is also to review counts twice: once for what was done, once
        for what is left; on the sheet it shows the review mark."""
        if outcome is Outcome.REVIEW:
            return len(self.marks) + sum(1 for c in self.changes if c.to_review)
        return sum(1 for c in self.changes if c.outcome is outcome)

    def counts(self) -> dict[str, int]:
        """{'corrected', 'filled', 'converted', 'review'}: the four counts (`count`)."""
        return {name: self.count(Outcome(name)) for name in COUNT_NAMES}

    def marks_shown(self) -> dict[str, int]:
        """How many cells show each mark on the sheets (a cell to review shows only that)."""
        shown = dict.fromkeys(COUNT_NAMES, 0)
        for item in (*self.changes, *self.marks):
            shown[item.mark.value] += 1
        return shown


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
        return _refreshed(report, plan)
    changes = {c.ref: c for c in plan.changes}
    latest = plan.changes
    current = report
    for _ in range(MAX_ROUNDS - 1):
        if not latest:
            break
        current = with_changes(current, latest)
        more = _plan_round(current, recheck(current), unsafe, settings, protected_set,
                           marks=False)
        latest = more.changes
        for c in latest:
            first = changes.get(c.ref)
            # A later round's findings are not the ones given: keep only the new value.
            changes[c.ref] = replace(c, findings=(), also_id=(), also_en=()) if first is None \
                else _compose(first, c)
    if len(changes) == len(plan.changes) and all(
            changes[c.ref] is c for c in plan.changes):
        return _refreshed(report, plan)
    # A cell brought back to its original value by a later round is not a change after all:
    # a percentage wrong for the stated total is right for the corrected total. Its findings
    # were resolved by the other corrections, so the cell is neither changed nor marked.
    cells = cell_index(report)
    for ref, c in list(changes.items()):
        cell = cells.get(ref)
        if cell is not None and _same(_old_value(cell, None)[1], c.new):
            del changes[ref]
    return _refreshed(report, _finish(report, list(changes.values()), list(plan.marks),
                                      plan.outcomes, plan.unsafe_skipped))


def _refreshed(report: Report, plan: CorrectionPlan) -> CorrectionPlan:
    """Each change's formula written with the values its input cells hold after the plan:
    an average of capaian that were corrected shows the corrected terms, a category the
    corrected average. (The result is the same: a round in which it differed would have
    changed the cell again.) A term is replaced only where it occurs once in the formula."""
    new = {str(c.ref): c.new for c in plan.changes}
    if not new:
        return plan
    changes = []
    for c in plan.changes:
        formula = c.formula
        for where, old in c.inputs:
            value = new.get(where)
            if value is None or not isinstance(old, int | float) or isinstance(old, bool) \
                    or not isinstance(value, int | float) or _same(old, value):
                continue
            token = re.compile(rf"(?<![\w.]){re.escape(fmt(float(old)))}(?![\w]|\.\d)")
            if len(token.findall(formula)) == 1:
                formula = token.sub(fmt(float(value)), formula)
        changes.append(c if formula == c.formula else replace(c, formula=formula))
    return replace(plan, changes=tuple(changes))


def _compose(first: CellChange, later: CellChange) -> CellChange:
    """One change from the original value to the value of a later round."""
    unsafe = Action.CORRECT_UNSAFE in (first.action, later.action)
    action = Action.FILL if first.action is Action.FILL else (
        Action.CORRECT_UNSAFE if unsafe else Action.CORRECT)
    return replace(first, new=later.new, code=later.code, action=action,
                   formula=later.formula, inputs=later.inputs)


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
    """A value one finding proposes for one cell, before the proposals are weighed."""

    index: int  # the finding's index
    ref: CellRef
    value: float | str
    action: Action
    formula: str | None = None  # this cell's own formula, where the finding covers many cells
    inputs: tuple[tuple[str, object], ...] | None = None  # and the cells that fed it
    stated_mean: bool = False  # an average of capaian that could not all be recomputed


def _plan_round(report: Report, findings: Sequence[Finding], unsafe: bool, settings: Settings,
                protected: frozenset[tuple[str, str]], *, marks: bool = True
                ) -> CorrectionPlan:
    """One round's changes and marks. `marks=False`: the changes only, the same (a later
    round's marks and the notes they add to its changes are never used, only its values)."""
    cells = cell_index(report)
    proposals = _proposals(report, findings, settings)
    skipped = sum(1 for p in proposals if p.action is Action.CORRECT_UNSAFE and not unsafe)
    by_ref: dict[CellRef, list[_Proposal]] = {}
    for p in proposals:
        if unsafe or p.action is not Action.CORRECT_UNSAFE:
            by_ref.setdefault(p.ref, []).append(p)

    outcomes = [Outcome.REVIEW] * len(findings)
    changes: list[CellChange] = []
    winners: dict[CellRef, tuple[str, tuple]] = {}  # each change's rule code and inputs
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
            formula=findings[win.index].formula if win.formula is None else win.formula,
            inputs=tuple(findings[win.index].inputs if win.inputs is None else win.inputs),
            findings=settled,
            old_percent_format=cell is not None
            and cell.number.source is NumberSource.PERCENT_FORMAT,
            old_number=cell.number.value if cell is not None and isinstance(cell.raw, str)
            else None)
        if win.stated_mean:
            change = replace(change, also_id=(t("fix.comment.stated_mean", "id"),),
                             also_en=(t("fix.comment.stated_mean", "en"),))
        changes.append(change)
        winners[ref] = (findings[win.index].code,
                        findings[win.index].inputs if win.inputs is None else win.inputs)
        for i in settled:
            outcomes[i] = change.outcome
    changes = _rows_agree(changes, winners, findings, cells, protected, outcomes)

    if not marks:
        return _finish(report, changes, [], tuple(outcomes), skipped)
    # Every finding not settled is to review, on its own cell (or on the cell of its proposal).
    to_review: dict[CellRef, list[int]] = {ref: [] for ref in blocked}
    for i, f in enumerate(findings):
        ref = finding_ref(f) or (f.fix.ref if f.fix else None)
        if outcomes[i] is Outcome.REVIEW and ref is not None:
            to_review.setdefault(ref, []).append(i)
    return _finish(report, changes, [_mark(ref, idxs, findings, unsafe, blocked.get(ref))
                                     for ref, idxs in to_review.items()],
                   tuple(outcomes), skipped)


def _rows_agree(changes: list[CellChange], winners: dict[CellRef, tuple[str, tuple]],
                findings: Sequence[Finding], cells: dict[CellRef, Cell],
                protected: frozenset[tuple[str, str]], outcomes: list[Outcome]
                ) -> list[CellChange]:
    """A corrected row never contradicts itself.

    A capaian (CAP rules) computed from a figure of ANOTHER row or sheet (the target agreed in
    the PK, Lampiran II!G26 = 594) is written only if its own row agrees with that figure: a
    cell of the row already holds it, or a finding on a cell of the row says that cell should
    hold it (XTB001: the row's target 694 is a one-digit typo of 594); that cell is then
    corrected with it, its original kept in the note. Otherwise the capaian is left as it is
    and stays to review. Either way the row recomputes from its own cells."""
    by_ref = {c.ref: c for c in changes}
    rows: dict[tuple[str, int], list[Cell]] = {}
    for r, c in cells.items():
        rows.setdefault((r.sheet, r.row), []).append(c)
    added: dict[CellRef, CellChange] = {}
    dropped: set[CellRef] = set()
    for change in changes:
        code, inputs = winners[change.ref]
        if not code.startswith("CAP") or not inputs or not isinstance(change.new, float | int):
            continue
        fixes: list[CellChange] = []
        ok = True
        for where, value in inputs:
            other = _parse_ref(where)
            if other is None or (other.sheet, other.row) == (change.ref.sheet, change.ref.row):
                continue
            if not isinstance(value, int | float) or isinstance(value, bool):
                continue
            row = [c for c in rows.get((change.ref.sheet, change.ref.row), ())
                   if c.ref != change.ref]
            if any(_same(_current(c, by_ref, added), value) for c in row):
                continue
            fix = _aligning_fix(change.ref, other, value, findings, cells, protected)
            if fix is None or fix.ref in by_ref:
                ok = False
                break
            fixes.append(fix)
        if not ok:
            dropped.add(change.ref)
            continue
        for fix in fixes:
            added.setdefault(fix.ref, fix)
    result = []
    for change in changes:
        if change.ref in dropped:
            for i in change.findings:
                outcomes[i] = Outcome.REVIEW
            continue
        result.append(change)
    for fix in added.values():
        result.append(fix)
        for i in fix.findings:
            outcomes[i] = fix.outcome
    return result


def _aligning_fix(target: CellRef, other: CellRef, value: float,
                  findings: Sequence[Finding], cells: dict[CellRef, Cell],
                  protected: frozenset[tuple[str, str]]) -> CellChange | None:
    """The correction of the cell of `target`'s row that a finding says should hold `value`,
    the figure of cell `other` (or None)."""
    names = {str(other)}
    for i, g in enumerate(findings):
        ref = finding_ref(g)
        if ref is None or (ref.sheet, ref.row) != (target.sheet, target.row) or ref == target:
            continue
        if not isinstance(g.expected, int | float) or not _same(g.expected, value):
            continue
        if not names & ({w for w, _ in g.inputs} | set(g.related)):
            continue
        cell = cells.get(ref)
        if cell is None or (ref.sheet, ref.address) in protected:
            return None
        return CellChange(ref, cell.raw, float(value), g.code, Action.CORRECT,
                          formula=str(other), findings=(i,), aligned_for=target.address,
                          old_percent_format=cell.number.source is NumberSource.PERCENT_FORMAT,
                          old_number=cell.number.value if isinstance(cell.raw, str) else None)
    return None


def _current(cell: Cell, *changed: dict[CellRef, CellChange]) -> object:
    for changes in changed:
        if cell.ref in changes:
            return changes[cell.ref].new
    return cell.number.value


def _parse_ref(text: str) -> CellRef | None:
    """'Lampiran II!G26' -> CellRef; None for anything else."""
    sheet, sep, address = text.rpartition("!")
    rc = parse_address(address) if sep else None
    return CellRef(sheet.strip("'"), *rc) if rc and sheet else None


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
        elif f.code == STATED_MEAN_CODE and isinstance(f.expected, int | float) \
                and not isinstance(f.expected, bool) and (ref := finding_ref(f)) is not None:
            result.append(_Proposal(i, ref, float(f.expected), Action.CORRECT, stated_mean=True))
        elif f.code == TRUNCATED_CODE:
            result.extend(_Proposal(i, ref, value, Action.CORRECT, formula, inputs)
                          for ref, value, formula, inputs in _truncated(report, settings))
    return result


@dataclass(frozen=True, slots=True)
class _Context:
    """What `capaian.truncated_cells` needs: a report and the settings in force."""

    report: Report
    settings: Settings


def _truncated(report: Report, settings: Settings
               ) -> list[tuple[CellRef, float, str, tuple[tuple[str, object], ...]]]:
    """Every truncated capaian with its value and ITS OWN formula (CAP002 reports the first
    cell's formula for all of them)."""
    from .rules.capaian import truncated_checks

    return [(check.cell.ref, value, check.computation.formula, tuple(check.inputs))
            for check, value in truncated_checks(_Context(report, settings))
            if check.cell.ref is not None]


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

def localise_formula(text: str, lang: str) -> Verbatim:
    """Numbers of a formula text as the reader writes them: '(93.05 + 100) / 2' ->
    '(93,05 + 100) / 2'; '5029634268 / 5646126600 x 100' -> '5.029.634.268 / ...' (id).

    Formula texts are written with a decimal point and no thousands separators
    (`formulas.fmt`); `messages.localise` rewrites each number token through `numtext`."""
    return Verbatim(str(localise(text, lang)))


def show_value(value: object, lang: str = "id", *, percent_format: bool = False) -> Verbatim:
    """A value for a comment, final (never re-read as a number): 81,41 / 7.015.268.631 (id),
    81.41 / 7,015,268,631 (en); a text exactly as it was in the cell, quoted: \u201c1.697\u201d.
    Floats carry no float noise (`numtext`)."""
    if value is None:
        return Verbatim(t("fix.blank", lang))
    if isinstance(value, bool):
        return Verbatim(str(value))
    if isinstance(value, int | float):
        if percent_format:
            return Verbatim(format_number(round(float(value) * 100, 10), lang) + "%")
        return Verbatim(format_number(value, lang))
    return Verbatim(f"\u201c{value}\u201d")
