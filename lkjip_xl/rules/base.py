"""The finding and rule types every rule module uses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..messages import message as _message
from ..messages import t
from ..model import CellRef, Report, Settings


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Action(StrEnum):
    """What `fix` does about a finding."""

    CORRECT = "correct"  # a safe correction replaces a wrong value
    FILL = "fill"  # a safe correction fills a blank
    CORRECT_UNSAFE = "correct-unsafe"  # only with --unsafe-fixes (e.g. overwrite a total)
    REVIEW = "review"  # a human must look


@dataclass(frozen=True, slots=True)
class Fix:
    """A proposed new value for one cell."""

    ref: CellRef
    value: float | str
    action: Action = Action.CORRECT


Value = float | str | None


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong, with everything a human needs to act on it.

    `message_key` and `params` make the sentence (id or en) through the catalogue;
    `formula` shows how `expected` was computed, `inputs` the cells that fed it.
    """

    code: str
    name: str
    severity: Severity
    file: str
    sheet: str
    cell: str  # address such as "J12", or "" for a whole sheet or workbook
    message_key: str
    params: tuple[tuple[str, Any], ...] = ()
    stated: Value = None
    expected: Value = None
    difference: float | None = None
    tolerance: float | None = None
    formula: str = ""
    inputs: tuple[tuple[str, Value], ...] = ()  # (Sheet!A1, value)
    related: tuple[str, ...] = ()  # other cells, "Sheet!A1"
    fix: Fix | None = None

    def message(self, lang: str = "id") -> str:
        return _message(self.message_key, lang, self.params)

    @property
    def location(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    @property
    def sort_key(self) -> tuple:
        return (self.file, _sheet_order(self.sheet), self.sheet, _row_col(self.cell), self.code,
                self.message_key, str(self.params))

    @property
    def action(self) -> Action:
        return self.fix.action if self.fix else Action.REVIEW


class _Unfrozen:
    """A Finding's slots without the frozen dataclass's guard, for `new_finding`: a frozen
    dataclass sets each of its 16 fields through `object.__setattr__` (2-3 us a finding,
    most of the cost of making one), plain slots are set in a tenth of that. Keep the
    fields, their order and defaults those of Finding (`_maker` checks at import)."""

    __slots__ = Finding.__slots__  # type: ignore[attr-defined]

    def __init__(self, code: str, name: str, severity: Severity, file: str, sheet: str,
                 cell: str, message_key: str, params: tuple[tuple[str, Any], ...] = (),
                 stated: Value = None, expected: Value = None,
                 difference: float | None = None, tolerance: float | None = None,
                 formula: str = "", inputs: tuple[tuple[str, Value], ...] = (),
                 related: tuple[str, ...] = (), fix: Fix | None = None) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.message_key = message_key
        self.params = params
        self.stated = stated
        self.expected = expected
        self.difference = difference
        self.tolerance = tolerance
        self.formula = formula
        self.inputs = inputs
        self.related = related
        self.fix = fix


class _UnfrozenFix:
    """A Fix's slots without the frozen guard (see `_Unfrozen`), for `new_fix`."""

    __slots__ = Fix.__slots__  # type: ignore[attr-defined]

    def __init__(self, ref: CellRef, value: float | str, action: Action = Action.CORRECT
                 ) -> None:
        self.ref = ref
        self.value = value
        self.action = action


def _maker(frozen: type, unfrozen: type, *sample: Any) -> Callable[..., Any]:
    """A function that makes `frozen(*args, **fields)` as an `unfrozen` given the `frozen`
    class after; `frozen` itself unless that makes the same object (the same slots, fields
    and defaults, checked on `sample`, and an interpreter that lets an object take a class
    of the same layout)."""
    import dataclasses
    import inspect

    def make(*args: Any, **fields: Any) -> Any:
        made = unfrozen(*args, **fields)
        made.__class__ = frozen  # the same slots: allowed
        return made

    names = [f.name for f in dataclasses.fields(frozen)]
    if list(frozen.__slots__) != names or list(unfrozen.__slots__) != names:
        return frozen
    params = list(inspect.signature(unfrozen.__init__).parameters.values())[1:]
    if [(p.name, p.default) for p in params] != [
            (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
            for f in dataclasses.fields(frozen)]:
        return frozen
    try:
        made = make(*sample)
    except TypeError:
        return frozen
    return make if type(made) is frozen and made == frozen(*sample) else frozen


new_finding: Callable[..., Finding] = _maker(
    Finding, _Unfrozen, "C", "n", Severity.INFO, "f", "s", "A1", "k")
"""`Finding(*args, **fields)`, made faster (the rules make thousands)."""
new_fix: Callable[..., Fix] = _maker(Fix, _UnfrozenFix, CellRef("s", 1, 1), 1.0)
"""`Fix(*args, **fields)`, made faster."""


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """`findings` in `Finding.sort_key` order, stably: the same list as
    `sorted(findings, key=lambda f: f.sort_key)`, cheaper on finding-heavy reports. The
    place of a finding (its sheet and cell) is worked out once per cell, and `str(params)`,
    the key's last and dearest part, only for findings whose other parts tie."""
    findings = list(findings)
    places: dict[tuple[str, str], tuple[int, str, tuple[int, int]]] = {}
    heads = []
    for f in findings:
        where = (f.sheet, f.cell)
        place = places.get(where)
        if place is None:
            place = places[where] = (_sheet_order(f.sheet), f.sheet, _row_col(f.cell))
        heads.append((f.file, place, f.code, f.message_key))
    order = sorted(range(len(findings)), key=heads.__getitem__)
    result = [findings[i] for i in order]
    start = 0
    for end in range(1, len(order) + 1):  # runs of equal heads: ordered by str(params)
        if end == len(order) or heads[order[end]] != heads[order[start]]:
            if end - start > 1:
                result[start:end] = sorted(result[start:end], key=lambda f: str(f.params))
            start = end
    return result


_SHEET_ORDER: dict[str, int] = {}


def _sheet_order(sheet: str) -> int:
    order = _SHEET_ORDER.get(sheet)
    if order is None:
        from ..schema import INPUT_SHEETS

        order = INPUT_SHEETS.index(sheet) if sheet in INPUT_SHEETS else len(INPUT_SHEETS)
        if len(_SHEET_ORDER) < 1024:  # sheet names come from workbooks: keep the cache small
            _SHEET_ORDER[sheet] = order
    return order


_PLAIN_ADDRESS = re.compile(r"([A-Z]+)([0-9]+)")


def _row_col(address: str) -> tuple[int, int]:
    plain = _PLAIN_ADDRESS.fullmatch(address)
    if plain is not None:  # "J12", as nearly every cell is: what the general way gives
        letters, row = plain.group(1), int(plain.group(2))
    else:
        letters = "".join(ch for ch in address if ch.isalpha()).upper()
        digits = "".join(ch for ch in address if ch.isdigit())
        row = int(digits) if digits else 0
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return (row, col)


def localised_list(name: str, key: str, items: Iterable[Mapping[str, Any]],
                   sep: str = "; ") -> dict[str, str]:
    """A list inside a message, as two params `{name}_id` and `{name}_en`: each item formatted
    with the message `key` in that language, so that its numbers are written the way of the
    language (95,12 in Indonesian) while quoted text (a Sumber such as 'Bab III 3.2') stays as
    typed. A number pre-formatted into one language-neutral string would not be."""
    items = list(items)
    return {f"{name}_{lang}": sep.join(t(key, lang, **item) for item in items)
            for lang in ("id", "en")}


CheckFn = Callable[["RuleContext"], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: stable code, short name, default severity, options, documentation."""

    code: str
    name: str
    severity: Severity
    check: CheckFn
    doc: str
    options: Mapping[str, Any] = field(default_factory=dict)
    family: str = ""

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule's `check` receives: the report, the settings in force, and helpers to build
    findings for this rule."""

    report: Report
    settings: Settings
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]
    # One dict per checked report, shared by every rule's context: analyses that several
    # rules need (the capaian checks, the per-indicator figures) are computed once.
    shared: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def file(self) -> str:
        return str(self.report.path)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """`compute()` once per report and settings, shared by the rules of one check."""
        if key not in self.shared:
            self.shared[key] = compute()
        return self.shared[key]

    def finding(self, where: CellRef | None, message_key: str, *, sheet: str = "",
                severity: Severity | None = None, **fields: Any) -> Finding:
        """A finding of this rule at `where` (or on `sheet` as a whole when where is None).

        `params` for the message go in `params=dict(...)`; other keyword arguments are Finding
        fields (stated, expected, difference, tolerance, formula, inputs, related, fix).
        """
        params = fields.pop("params", None)
        rule = self.rule
        return new_finding(rule.code, rule.name, severity or self.severity, self.file,
                           where.sheet if where else sheet, where.address if where else "",
                           message_key, tuple(params.items()) if params else (), **fields)
