"""Totals rules: every stated Program, Jumlah and Total figure against the sum of what it covers.

Lampiran II (Perjanjian Kinerja):
- a `Program` row covers the `Kegiatan` rows below it (up to the next Program);
- a `Jumlah` row covers the Kegiatan of its program above it;
- a `Total` row covers every Kegiatan above it, over all programs.
Target and Realisasi add up per Satuan (units that mean the same, such as Org/Orang/Jiwa, count
as one: `config.unit_key` with `settings.unit_synonyms`); Anggaran and Realisasi Anggaran are
money and add up regardless of unit.

Keuangan (budget tables):
- a `Kelompok` opens a group; its items are its `Rincian` rows plus the `Program` rows that have
  no Rincian of their own (such a Program carries its own amounts);
- a `Program` row with Rincian that states amounts must equal the sum of its Rincian;
- a `Jumlah` row is the subtotal of its Kelompok's items since the Kelompok began (or since the
  Kelompok's previous Jumlah row);
- a `Total` row is the sum of the Kelompok subtotals above it (since the previous Total): a
  Kelompok's stated Jumlah rows where it has them, else the sum of its items.
Pagu and Realisasi are checked separately.

What counts: a '-' counts as 0; a blank cell is left out; a figure that is not a usable number
(text, an error, a range) makes the sum unknown, and TOT003 says so at INFO level instead of
comparing (the hygiene rules report the cell itself).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from operator import attrgetter
from typing import Any

from ..config import unit_key
from ..model import BudgetRow, Cell, PkRow, Report, Settings
from ..numbers import NumberSource, float_slack
from ..schema import RowRole
from .base import Action, Finding, Fix, RuleContext, Severity
from .define import rule

# Enum members as module constants: `RowRole.KEGIATAN` looks the member up on the enum
# class (0.1 to 0.25 us in Python 3.11), a module constant is one dict lookup; the loops
# over every row of a report ask for them thousands of times.
_JUMLAH = RowRole.JUMLAH
_KEGIATAN = RowRole.KEGIATAN
_KELOMPOK = RowRole.KELOMPOK
_PROGRAM = RowRole.PROGRAM
_RINCIAN = RowRole.RINCIAN
_TOTAL = RowRole.TOTAL

# (model attribute, the name shown in messages: the workbook's own column header)
_PK_COUNTS = (("target", "Target"), ("realisasi", "Realisasi"))
_PK_MONEY = (("anggaran", "Anggaran"), ("realisasi_anggaran", "Realisasi Anggaran"))
_BUDGET_MONEY = (("pagu", "Pagu"), ("realisasi", "Realisasi"))

_MAX_CELLS_IN_MESSAGE = 8

# Why a stated total could not be compared (TOT003 message variants).
MIXED_UNITS = "mixed_units"
NO_UNIT_TERMS = "no_unit_terms"
UNUSABLE = "unusable"


# Read-only by convention, not frozen: a report has one per stated total and quantity, and a
# frozen dataclass's __init__ sets each of the 13 fields through object.__setattr__.
@dataclass(slots=True)
class Comparison:
    """One stated total and the cells it covers, ready to be judged."""

    sheet: str  # "pk" (Lampiran II) or "budget" (Keuangan)
    stated: Cell
    quantity: str  # Target, Realisasi, Anggaran, Pagu, ...
    role: str  # Program, Jumlah, Total
    label: str  # the program or kelompok name, "" for a grand total
    unit: str  # the Satuan as written, "" for money or no Satuan
    money: bool
    terms: tuple[tuple[Cell, float], ...] = ()
    problem: str = ""  # "" when comparable, else MIXED_UNITS / NO_UNIT_TERMS / UNUSABLE
    units: tuple[str, ...] = ()  # the units found among the covered cells (for messages)
    unusable: tuple[Cell, ...] = ()
    mixed_sum: float | None = None  # all covered figures added regardless of unit
    covered: tuple[Cell, ...] = ()  # every non-blank figure under the total, any unit

    @property
    def expected(self) -> float:
        return _sum_of(self.terms, self.money)


def _sum_of(terms: tuple[tuple[Cell, float], ...], money: bool) -> float:
    """What the terms of a total add up to: to the sen for money."""
    total = math.fsum([v for _, v in terms])
    return round(total, 2) if money else round(total, 9)


def plain_number(value: float | None) -> str:
    """A plain number for formulas and messages: 2819, 26787846626.65 (no grouping).

    Rounded to 6 decimals through the shortest repr, so float noise never shows
    (26787846626.65, not 26787846626.650002)."""
    if value is None:
        return "?"
    if float(value).is_integer():
        return str(int(value))
    text = format(Decimal(repr(round(value, 6))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _is_empty(cell: Cell) -> bool:
    return cell.number.source is NumberSource.EMPTY


def _is_dash(cell: Cell) -> bool:
    return cell.number.source is NumberSource.DASH


_EMPTY, _DASH = NumberSource.EMPTY, NumberSource.DASH


def _add(cells: Iterable[Cell]) -> tuple[tuple[tuple[Cell, float], ...], tuple[Cell, ...]]:
    """(terms, unusable): blanks are left out, '-' counts as 0, ranges and text are unusable."""
    terms: list[tuple[Cell, float]] = []
    unusable: list[Cell] = []
    for cell in cells:
        number = cell.number
        source = number.source
        if source is _EMPTY:
            continue
        if source is _DASH:
            terms.append((cell, 0.0))
        elif number.value is not None:
            terms.append((cell, number.value))
        else:
            unusable.append(cell)
    return tuple(terms), tuple(unusable)


def _stated(cell: Cell) -> bool:
    """A total that states a single number (blank, '-', text and ranges state nothing we add)."""
    return cell.number.value is not None and cell.ref is not None


# --- Lampiran II ------------------------------------------------------------------------------


def _pk_name(row: PkRow | None) -> str:
    if row is None:
        return ""
    return row.program_kegiatan.text or row.kode.text


def _pk_unit(row: PkRow, cell: Cell) -> str:
    """The Satuan of a figure: the row's Satuan, else the unit written after the number."""
    return row.satuan.text or cell.number.unit


def pk_comparisons(report: Report, settings: Settings, *, notable: bool = False
                   ) -> Iterator[Comparison]:
    """Every stated Program/Jumlah/Total figure of Lampiran II with the Kegiatan it covers.
    `notable`: leave out the money totals that add up (within `money_tolerance`), the only
    thing the rules would do with them is find them right (`_mismatch`)."""
    tolerance = settings.money_tolerance if notable else None
    kegiatan = [r for r in report.pk_rows if r.role is _KEGIATAN]
    programs = {r.row: r for r in report.pk_rows if r.role is _PROGRAM}
    by_program: dict[int | None, list[PkRow]] = {}  # Program row -> its Kegiatan, in order
    for k in kegiatan:
        by_program.setdefault(k.program_row, []).append(k)
    unit_keys: dict[str, str] = {}  # unit as written -> config.unit_key (the same each time)
    # The sums of money, by (attribute, program row, or -1 for all Kegiatan, count): in a
    # sheet read top down what a total covers is the first `count` Kegiatan of its program
    # (or of the sheet), and a Program row and its Jumlah row usually cover the same ones:
    # added once.
    sums: dict[tuple[str, int | None, int], _Sum] | None = {} if all(
        a.row < b.row for a, b in pairwise(kegiatan)) else None
    for row in report.pk_rows:
        role_ = row.role
        if role_ is _PROGRAM:
            group: int | None = row.row
            covered = by_program.get(row.row, [])
            label = _pk_name(row)
        elif role_ is _JUMLAH:
            group = row.program_row
            covered = [k for k in by_program.get(row.program_row, ()) if k.row < row.row]
            label = _pk_name(programs.get(row.program_row)) if row.program_row else ""
        elif role_ is _TOTAL:
            group = -1
            covered = [k for k in kegiatan if k.row < row.row]
            label = ""
        else:
            continue
        role = role_.value
        for attr, quantity in _PK_COUNTS:
            comp = _pk_count(row, covered, attr, quantity, role, label, settings, unit_keys)
            if comp is not None:
                yield comp
        for attr, quantity in _PK_MONEY:
            stated = getattr(row, attr)
            if not _stated(stated):
                continue
            if sums is None:
                added = _add(map(_GETTERS[attr], covered))
            else:
                key = (attr, group, len(covered))
                added = sums.get(key)
                if added is None:
                    added = sums[key] = _add(map(_GETTERS[attr], covered))
            comp = _money_of("pk", stated, added, quantity, role, label, tolerance)
            if comp is not None:
                yield comp


def _pk_count(row: PkRow, covered: Sequence[PkRow], attr: str, quantity: str, role: str,
              label: str, settings: Settings, unit_keys: dict[str, str] | None = None
              ) -> Comparison | None:
    """A Target or Realisasi total, added per Satuan. `unit_keys`: a cache of `unit_key`
    for the units met so far."""
    stated: Cell = getattr(row, attr)
    if not _stated(stated):
        return None
    synonyms = settings.unit_synonyms
    keys = unit_keys if unit_keys is not None else {}

    def key_of(written: str) -> str:
        key = keys.get(written)
        if key is None:
            key = keys[written] = unit_key(written, synonyms)
        return key

    unit = _pk_unit(row, stated)
    wanted = key_of(unit)
    # (unit key, unit as written, cell) of every covered figure that is not blank
    figures = [(key_of(u := _pk_unit(k, c)), u, c)
               for k in covered if not _is_empty(c := getattr(k, attr))]
    if not figures:
        return None  # nothing listed under it: nothing to verify
    covered_cells = tuple(c for _, _, c in figures)

    def comparison(**fields: Any) -> Comparison:
        return Comparison("pk", stated, quantity, role, label, unit, money=False,
                          covered=covered_cells, **fields)

    # Units seen, a '-' with no unit says nothing about units.
    seen: dict[str, str] = {}
    for k, u, c in figures:
        if not (_is_dash(c) and not k):
            seen.setdefault(k, u)
    units = tuple(dict.fromkeys(seen[k] or "-" for k in seen))
    all_terms, all_unusable = _add(covered_cells)
    mixed = math.fsum(v for _, v in all_terms) if not all_unusable else None
    if wanted:
        cells = [c for k, _, c in figures if k == wanted]
        if not cells:
            return comparison(problem=NO_UNIT_TERMS, units=units, mixed_sum=mixed)
        terms, unusable = _add(cells)
    else:
        if len(seen) > 1:
            return comparison(problem=MIXED_UNITS, units=units, mixed_sum=mixed)
        terms, unusable = all_terms, all_unusable  # every figure is of the one unit
    if unusable:
        return comparison(problem=UNUSABLE, unusable=unusable)
    return comparison(terms=terms, units=units, mixed_sum=mixed)


_GETTERS = {attr: attrgetter(attr) for attr in
            ("target", "realisasi", "anggaran", "realisasi_anggaran", "pagu")}
_Sum = tuple[tuple[tuple[Cell, float], ...], tuple[Cell, ...]]  # `_add`'s (terms, unusable)


def _money(sheet: str, stated: Cell, cells: Iterable[Cell], quantity: str, role: str,
           label: str, tolerance: float | None = None) -> Comparison | None:
    """A money total: added regardless of unit. With a `tolerance` (`money_tolerance`), None
    for a total that adds up (a `_mismatch` would say it is right)."""
    if not _stated(stated):
        return None
    return _money_of(sheet, stated, _add(cells), quantity, role, label, tolerance)


def _money_of(sheet: str, stated: Cell, added: _Sum, quantity: str, role: str, label: str,
              tolerance: float | None = None) -> Comparison | None:
    """`_money` of cells already added (`_add`)."""
    terms, unusable = added
    if tolerance is not None and terms and not unusable:
        value = stated.number.value
        assert value is not None
        expected = _sum_of(terms, True)
        if abs(value - expected) <= tolerance + float_slack(expected):  # as `_mismatch`
            return None
    if not terms and not unusable:
        return None  # nothing listed under it (all blank): nothing to verify
    if unusable:
        return Comparison(sheet, stated, quantity, role, label, "", money=True,
                          problem=UNUSABLE, unusable=unusable)
    return Comparison(sheet, stated, quantity, role, label, "", money=True, terms=terms)


# --- Keuangan ---------------------------------------------------------------------------------


def _group_of(row: BudgetRow) -> int | None:
    """The Kelompok a row belongs to (a Kelompok row belongs to itself)."""
    return row.row if row.role is _KELOMPOK else row.group_row


def budget_comparisons(report: Report, money_tolerance: float | None = None
                       ) -> Iterator[Comparison]:
    """Every stated Program/Jumlah/Total amount of Keuangan with the amounts it covers; with
    `money_tolerance`, those that do not add up within it (as `pk_comparisons(notable)`)."""
    tolerance = money_tolerance
    rows = report.budget_rows
    rincian_of: dict[int, list[BudgetRow]] = {}
    for r in rows:
        if r.role is _RINCIAN and r.program_row is not None:
            rincian_of.setdefault(r.program_row, []).append(r)
    names = {r.row: r.uraian.text for r in rows if r.role is _KELOMPOK}
    by_group: dict[int | None, list[BudgetRow]] = {}  # group_row -> its rows, in order
    for r in rows:
        by_group.setdefault(r.group_row, []).append(r)

    def is_item(r: BudgetRow) -> bool:
        return r.role is _RINCIAN or (r.role is _PROGRAM and r.row not in rincian_of)

    last_jumlah: dict[int | None, int] = {}  # group -> row of its latest Jumlah
    last_total = 0
    for row in rows:
        if row.role is _PROGRAM and row.row in rincian_of:
            for attr, quantity in _BUDGET_MONEY:
                comp = _money("budget", getattr(row, attr),
                              [getattr(r, attr) for r in rincian_of[row.row]],
                              quantity, "Program", row.uraian.text, tolerance)
                if comp is not None:
                    yield comp
        elif row.role is _JUMLAH:
            start = last_jumlah.get(row.group_row, 0)
            items = [r for r in by_group[row.group_row] if start < r.row < row.row
                     and is_item(r)]
            last_jumlah[row.group_row] = row.row
            label = names.get(row.group_row, "") if row.group_row else ""
            for attr, quantity in _BUDGET_MONEY:
                comp = _money("budget", getattr(row, attr), [getattr(r, attr) for r in items],
                              quantity, "Jumlah", label, tolerance)
                if comp is not None:
                    yield comp
        elif row.role is _TOTAL:
            window = [r for r in rows if last_total < r.row < row.row]
            last_total = row.row
            groups = None
            for attr, quantity in _BUDGET_MONEY:
                stated = getattr(row, attr)
                if not _stated(stated):
                    continue  # (what `_money` says of it)
                if groups is None:
                    groups = _total_groups(window, is_item)
                comp = _money("budget", stated, _total_cells(groups, attr), quantity, "Total",
                              row.uraian.text, tolerance)
                if comp is not None:
                    yield comp


# A Total's Kelompok: (its Jumlah rows, its items), in the window of the Total.
_Group = tuple[list[BudgetRow], list[BudgetRow]]


def _total_groups(window: Sequence[BudgetRow], is_item: Callable[[BudgetRow], bool]
                  ) -> list[_Group]:
    """The Kelompok a Total covers, in order of first appearance in its window, each with its
    Jumlah rows and its items (`_total_cells`)."""
    groups: dict[int | None, _Group] = {}  # group -> its members in the window
    total, kelompok, jumlah = _TOTAL, _KELOMPOK, _JUMLAH
    for r in window:
        role = r.role
        if role is not total:
            key = r.row if role is kelompok else r.group_row  # `_group_of`
            if key not in groups:
                groups[key] = ([], [])
    for r in window:
        role = r.role
        if role is not kelompok and (members := groups.get(r.group_row)) is not None:
            if role is jumlah:
                members[0].append(r)
            if is_item(r):
                members[1].append(r)
    return list(groups.values())


def _total_cells(groups: Sequence[_Group], attr: str) -> list[Cell]:
    """What a Total adds: per Kelompok its stated Jumlah rows, else its items."""
    get = _GETTERS[attr]
    cells: list[Cell] = []
    for jumlah, items in groups:
        subtotals = [c for c in map(get, jumlah) if c.number.source is not _EMPTY]
        cells.extend(subtotals or map(get, items))
    return cells


# --- the rules --------------------------------------------------------------------------------


def _mismatch(comp: Comparison, settings: Settings) -> bool:
    stated = comp.stated.number.value
    assert stated is not None
    expected = comp.expected
    tolerance = settings.money_tolerance if comp.money else 0.0
    return abs(stated - expected) > tolerance + float_slack(expected)


def _cells_text(cells: Sequence[Cell]) -> str:
    addresses = [c.ref.address for c in cells if c.ref is not None]
    shown = ", ".join(addresses[:_MAX_CELLS_IN_MESSAGE])
    return shown + (", …" if len(addresses) > _MAX_CELLS_IN_MESSAGE else "")


def _common_params(comp: Comparison) -> dict[str, str]:
    return {
        "quantity": comp.quantity,
        "role": comp.role,
        "label": f' "{comp.label}"' if comp.label else "",
        "unit": f" (Satuan {comp.unit})" if comp.unit else "",
        "stated": plain_number(comp.stated.number.value),
    }


def _mismatch_finding(ctx: RuleContext, comp: Comparison, code: str) -> Finding:
    assert comp.stated.ref is not None
    stated = comp.stated.number.value
    assert stated is not None
    expected = comp.expected
    difference = round(stated - expected, 2 if comp.money else 9)
    formula = " + ".join(plain_number(v) for _, v in comp.terms) + f" = {plain_number(expected)}"
    cells = [c for c, _ in comp.terms]
    params = {**_common_params(comp), "expected": plain_number(expected),
              "difference": plain_number(difference), "n": str(len(cells)), "formula": formula,
              "cells": _cells_text(cells)}
    key = f"rule.{code}.plain"
    # A per-unit total that equals the sum of every unit mixed together: say so, it is the
    # likely explanation (the seed's 2,819 adds Kecamatan, Unit, Lbg and Org).
    if (not comp.money and comp.unit and comp.mixed_sum is not None
            and abs(comp.mixed_sum - stated) <= 1e-9 * max(1.0, abs(stated))):
        key = f"rule.{code}.mixed"
        params["mixed_sum"] = plain_number(comp.mixed_sum)
    return ctx.finding(
        comp.stated.ref, key, params=params, stated=stated, expected=expected,
        difference=difference,
        tolerance=ctx.settings.money_tolerance if comp.money else 0.0,
        formula=formula,
        inputs=tuple((str(c.ref), v) for c, v in comp.terms if c.ref is not None),
        related=tuple(str(c.ref) for c in cells if c.ref is not None),
        fix=Fix(comp.stated.ref, expected, Action.CORRECT_UNSAFE),
    )


@rule("TOT001", "pk-total-mismatch", Severity.ERROR)
def pk_total_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A Program, Jumlah or Total figure in Lampiran II differs from the sum of its Kegiatan.

    Checked: Target and Realisasi per Satuan, Anggaran and Realisasi Anggaran in rupiah.
    A `Program` row covers the Kegiatan rows below it; a `Jumlah` row the Kegiatan of its
    program above it; a `Total` row every Kegiatan above it. Target and Realisasi are added per
    Satuan: a Jumlah with Satuan `Org` adds the Kegiatan whose Satuan means the same (Org,
    Orang, Jiwa, ...; configurable with `units` in the config file). A total without a Satuan is
    compared when all its Kegiatan share one unit (else TOT003 says it cannot be compared).
    A Satuan may also be written after the number ("55 Unit").

    A '-' counts as 0, a blank is left out. Counts must match exactly, money within
    `money_tolerance` rupiah. When a per-unit total equals the sum of all units mixed together,
    the message says so. The fix (unsafe: the tool cannot know whether the total or a part is
    wrong) writes the sum into the total.
    """
    for comp in _shared_pk_comparisons(ctx):
        if not comp.problem and _mismatch(comp, ctx.settings):
            yield _mismatch_finding(ctx, comp, "TOT001")


def _shared_pk_comparisons(ctx: RuleContext) -> list[Comparison]:
    """`pk_comparisons` once per report and settings for TOT001 and TOT003: the notable
    ones (money totals that add up are right, nothing more is said of them)."""
    return ctx.memo(f"totals.pk_comparisons.{id(ctx.settings)}",
                    lambda: list(pk_comparisons(ctx.report, ctx.settings, notable=True)))


def _shared_budget_comparisons(ctx: RuleContext) -> list[Comparison]:
    """`budget_comparisons` once per report and settings for TOT002 and TOT003 (the notable
    ones, as `_shared_pk_comparisons`)."""
    return ctx.memo(f"totals.budget_comparisons.{id(ctx.settings)}",
                    lambda: list(budget_comparisons(ctx.report,
                                                    ctx.settings.money_tolerance)))


@rule("TOT002", "budget-total-mismatch", Severity.ERROR)
def budget_total_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A Program, Jumlah or Total amount in Keuangan differs from the sum of what it covers.

    Pagu and Realisasi are checked separately, within `money_tolerance` rupiah.
    - A `Program` row that has `Rincian` rows and states an amount must equal their sum.
    - A `Jumlah` row must equal the sum of its Kelompok's items above it (since the Kelompok
      began, or since its previous Jumlah): its Rincian rows plus the Program rows without
      Rincian (those carry their own amounts).
    - A `Total` row must equal the sum of the Kelompok subtotals above it (since the previous
      Total): a Kelompok's stated Jumlah rows, or the sum of its items when it has none.
    A '-' counts as 0, a blank is left out. The fix (unsafe) writes the sum into the total.
    """
    for comp in _shared_budget_comparisons(ctx):
        if not comp.problem and _mismatch(comp, ctx.settings):
            yield _mismatch_finding(ctx, comp, "TOT002")


@rule("TOT003", "total-not-verifiable", Severity.INFO)
def total_not_verifiable(ctx: RuleContext) -> Iterator[Finding]:
    """A stated total in Lampiran II or Keuangan that cannot be checked, and why.

    - `mixed_units`: a Target/Realisasi total without a Satuan over Kegiatan with several
      units (the message gives the sum of all of them regardless of unit, for information);
    - `no_unit_terms`: a total with a Satuan that none of its Kegiatan uses;
    - `unusable`: one of the figures it covers is not a usable number (text, an error, a
      range); the hygiene rules report that cell.
    """
    comps = [*_shared_pk_comparisons(ctx), *_shared_budget_comparisons(ctx)]
    for comp in comps:
        if not comp.problem:
            continue
        assert comp.stated.ref is not None
        params = {**_common_params(comp), "units": ", ".join(comp.units),
                  "mixed_sum": plain_number(comp.mixed_sum),
                  "cells": _cells_text(comp.unusable)}
        key = f"rule.TOT003.{comp.problem}"
        if comp.problem == MIXED_UNITS:
            stated = comp.stated.number.value
            assert stated is not None
            if comp.mixed_sum is None:
                key = "rule.TOT003.mixed_units_unknown"
            elif abs(comp.mixed_sum - stated) <= 1e-9 * max(1.0, abs(stated)):
                key = "rule.TOT003.mixed_units_equal"
            else:
                params["difference"] = plain_number(round(stated - comp.mixed_sum, 9))
        yield ctx.finding(
            comp.stated.ref, key, params=params, stated=comp.stated.number.value,
            inputs=tuple((str(c.ref), c.text) for c in comp.unusable if c.ref is not None),
            related=tuple(str(c.ref) for c in (comp.unusable or comp.covered)
                          if c.ref is not None),
        )


RULES = (pk_total_mismatch, budget_total_mismatch, total_not_verifiable)
