"""Averages and categories (AVG, KAT): stated averages of capaian, and stated Kategori.

- A Pengukuran Kinerja `Rata-rata` row states the mean capaian of the indicators listed in its
  Kode Indikator (comma-separated; blank = every indicator of the workbook). The expected
  mean is the mean of the COMPUTED capaian (each rounded, as printed) wherever one can be
  computed and of the stated capaian elsewhere, rounded half up.
- Every stated Kategori (Indikator and Rata-rata rows) is compared with the category the
  workbook's scale (Identitas `Skala Penilaian`, or the workbook's own `Skala Kustom` table)
  gives to the computed capaian or average.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..analysis import IndicatorFigures, code_key, indicator_figures, measurement_rows
from ..formulas import fmt, round_half_up, truncate
from ..model import Cell, MeasurementRow, Report, Scale, Settings
from ..numbers import Number
from ..scales import same_category
from ..schema import RowRole, normalise
from .base import Action, Finding, Fix, RuleContext, Severity, Value
from .capaian import (
    agrees,
    first_row_capaian,
    fmt_stated,
    measurement_computation,
    printed_decimals,
    stated_decimals,
)
from .define import rule

# Enum members as module constants: `RowRole.KEGIATAN` looks the member up on the enum
# class (0.1 to 0.25 us in Python 3.11), a module constant is one dict lookup; the loops
# over every row of a report ask for them thousands of times.
_INDIKATOR = RowRole.INDIKATOR
_RATA_RATA = RowRole.RATA_RATA

_EXTRA_DIVISORS = 3  # a wrong divisor is looked for among 1 .. n + 3


# --- the means a Rata-rata row is compared with ----------------------------------------------

@dataclass(frozen=True, slots=True)
class Terms:
    """The capaian averaged by a Rata-rata row: one per covered indicator."""

    values: tuple[float, ...]
    inputs: tuple[tuple[str, Value], ...]  # the cells they come from, ("Sheet!A1", value)

    @property
    def total(self) -> Decimal:
        # Summed as written (in decimal), so that (... + 65) / 6 = 88.775 rounds to 88.78
        # rather than to 88.77 through binary noise.
        return sum((Decimal(repr(v)) for v in self.values), Decimal(0))

    def divided(self, k: int) -> float:
        return float(self.total / k)

    @property
    def exact(self) -> float:
        return self.divided(len(self.values))

    def formula(self, divisor: int | None = None) -> str:
        terms = " + ".join(fmt(v) for v in self.values)
        return f"({terms}) / {divisor or len(self.values)}"


@dataclass(frozen=True, slots=True)
class AverageFigures:
    row: MeasurementRow
    codes: tuple[str, ...]
    computed: Terms | None  # None when some covered indicator has no computed capaian
    stated: Terms | None  # None when some covered indicator has no stated capaian
    # Per covered indicator, its computed capaian where one can be computed, else its stated
    # one; None when some indicator has neither. Equal to `computed` when every one computes.
    mixed: Terms | None = None
    stated_codes: tuple[str, ...] = ()  # the indicators `mixed` takes as stated

    @property
    def reference(self) -> Terms | None:
        """What the stated average is checked against: computed capaian wherever one can be
        computed, the stated capaian elsewhere."""
        return self.computed or self.mixed

    @property
    def computed_codes(self) -> tuple[str, ...]:
        """The indicators whose computed capaian is in `reference`."""
        if self.reference is None:
            return ()
        stated = set(self.stated_codes)
        return tuple(c for c in self.codes if c not in stated)

    def expected(self, decimals: int) -> float | None:
        """The mean of the reference (computed where possible), rounded; None when no covered
        indicator's capaian could be computed."""
        ref = self.reference
        if ref is None or not self.computed_codes:
            return None
        return round_half_up(ref.exact, decimals)


def covered_codes(report: Report, row: MeasurementRow) -> tuple[str, ...]:
    """The indicators a Rata-rata row averages, without repeats. A blank Kode Indikator means
    every indicator of the workbook; in a workbook whose Tabel VI.1 and Lampiran II are empty,
    every indicator measured on Pengukuran Kinerja."""
    codes = row.codes or report.indicator_codes or tuple(
        c for m in report.measurements if m.role is _INDIKATOR for c in m.codes)
    seen: dict[str, str] = {}
    for code in codes:
        seen.setdefault(code_key(code), code)
    return tuple(seen.values())


def _ordered_rows(report: Report, code: str, sumber: str) -> list[MeasurementRow]:
    """The Pengukuran Indikator rows of `code`: those with the same Sumber first, each group
    in sheet order."""
    rows = measurement_rows(report, code)
    same = [m for m in rows if normalise(m.sumber.text) == normalise(sumber)]
    return same + [m for m in rows if m not in same]


def stated_capaian(report: Report, code: str, sumber: str) -> Cell | None:
    """The capaian stated for `code` in Pengukuran Indikator rows: the first row (in sheet
    order) whose Sumber equals `sumber`, else the first row."""
    for m in _ordered_rows(report, code, sumber):
        if m.capaian.number.value is not None:
            return m.capaian
    return None


def _computed_member(report: Report, settings: Settings, code: str, sumber: str,
                     figures: dict[str, IndicatorFigures]
                     ) -> tuple[float, tuple[tuple[str, Value], ...]] | None:
    """The computed capaian of one covered indicator and the cells it comes from: the
    indicator's own (its agreed target and realisation), else that of its first Pengukuran
    row (same Sumber first) that states its own target and realisation."""
    fig = figures.get(code_key(code))
    if fig is not None and fig.computation.ok and fig.computation.rounded is not None:
        inputs = tuple((str(c.ref), c.number.value if c.number.value is not None else c.text)
                       for c in (fig.target, fig.realisasi) if c is not None and c.ref is not None)
        return fig.computation.rounded, inputs
    found = first_row_capaian(report, settings, _ordered_rows(report, code, sumber), figures)
    if found is None:
        return None
    _, comp, inputs = found
    assert comp.rounded is not None
    return comp.rounded, inputs


def average_figures(report: Report, row: MeasurementRow,
                    figures: dict[str, IndicatorFigures],
                    settings: Settings | None = None) -> AverageFigures:
    settings = settings or report.settings
    codes = covered_codes(report, row)
    computed: list[float] = []
    computed_inputs: list[tuple[str, Value]] = []
    stated: list[float] = []
    stated_inputs: list[tuple[str, Value]] = []
    mixed: list[float] = []
    mixed_inputs: list[tuple[str, Value]] = []
    stated_codes: list[str] = []
    for code in codes:
        member = _computed_member(report, settings, code, row.sumber.text, figures)
        if member is not None:
            computed.append(member[0])
            computed_inputs.extend(member[1])
        cell = stated_capaian(report, code, row.sumber.text)
        if cell is not None and cell.number.value is not None:
            stated.append(cell.number.value)
            stated_inputs.append((str(cell.ref), cell.number.value))
        if member is not None:
            mixed.append(member[0])
            mixed_inputs.extend(member[1])
        elif cell is not None and cell.number.value is not None:
            mixed.append(cell.number.value)
            mixed_inputs.append((str(cell.ref), cell.number.value))
            stated_codes.append(code)
    n = len(codes)
    return AverageFigures(
        row=row,
        codes=codes,
        computed=Terms(tuple(computed), tuple(computed_inputs))
        if n and len(computed) == n else None,
        stated=Terms(tuple(stated), tuple(stated_inputs)) if n and len(stated) == n else None,
        mixed=Terms(tuple(mixed), tuple(mixed_inputs)) if n and len(mixed) == n else None,
        stated_codes=tuple(stated_codes),
    )


def _averages(report: Report, settings: Settings) -> Iterator[AverageFigures]:
    figures = indicator_figures(report, settings)
    for row in report.measurements:
        if row.role is _RATA_RATA:
            yield average_figures(report, row, figures, settings)


def _shared_averages(ctx: RuleContext) -> list[AverageFigures]:
    """`_averages` once per report for AVG001, AVG002 and the KAT rules."""
    return ctx.memo("averages.averages", lambda: list(_averages(ctx.report, ctx.settings)))


def _wrong_divisor(stated: float, ds: int, terms: Terms, settings: Settings) -> int | None:
    n = len(terms.values)
    for k in range(1, n + _EXTRA_DIVISORS + 1):
        if k != n and agrees(stated, ds, terms.divided(k), settings):
            return k
    return None


def _eq(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _rounds_to(stated: float, ds: int, exact: float, settings: Settings) -> bool:
    """Rounded (not truncated) to its decimals, or within the tolerance."""
    return (_eq(stated, round_half_up(exact, ds))
            or abs(stated - round_half_up(exact, settings.decimals))
            <= settings.tolerance + 1e-9)


def _printed(report: Report, number: Number, settings: Settings) -> int:
    """The decimals `fix` writes an average with: as printed (83,4 typed as text is corrected
    to one decimal; a number cell or a whole number takes at least the decimals of the
    other capaian of Pengukuran Kinerja), never more than `Desimal`."""
    sheet = max((min(stated_decimals(m.capaian.number), settings.decimals)
                 for m in report.measurements if m.capaian.number.value is not None),
                default=0)
    return printed_decimals(number, sheet, settings)


@rule("AVG001", "average-mismatch", Severity.ERROR)
def average_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stated average of capaian differs from the mean of the indicators it covers.

    Each Pengukuran Kinerja `Rata-rata` row covers the indicators in its Kode Indikator
    (comma-separated; blank = every indicator of the workbook). Expected: the mean of their
    COMPUTED capaian (each as rounded), rounded half up. The message says whether the stated
    average is instead the mean of the STATED capaian (for each indicator, the first
    Pengukuran Indikator row with the same Sumber as the Rata-rata row, else the first), the
    sum divided by a wrong number of terms ("dibagi 3, padahal ada 4 suku"), or neither.
    A stated average equal to the truncated mean is not an error (AVG002 mentions it); one
    within `Toleransi` of the rounded mean is fine. The terms are summed as written (decimal
    arithmetic), so 532.65 / 6 = 88.775 rounds to 88.78.

    Each covered indicator counts with its computed capaian wherever one can be computed (a
    realisation stated against the agreed target, `analysis.indicator_figures`; else its
    first Pengukuran row, same Sumber first, that states its own target and realisation) and
    with its stated capaian elsewhere; the message names which indicators were computed and
    which were taken as stated, so a correct average is never flagged because one member
    could not be recomputed. An indicator with neither leaves the average unchecked.
    Fix: the computed mean, rounded to the decimals the average is printed with (never more
    than `Desimal`); none when a member is taken as stated.
    """
    for avg in _shared_averages(ctx):
        finding = _check_average(ctx, avg)
        if finding is not None:
            yield finding


def _check_average(ctx: RuleContext, avg: AverageFigures) -> Finding | None:
    cell = avg.row.capaian
    if cell.ref is None or cell.number.value is None:
        return None
    s, ds, settings = cell.number.value, stated_decimals(cell.number), ctx.settings
    reference = avg.reference
    if reference is None:
        return None
    exact = reference.exact
    if _rounds_to(s, ds, exact, settings) or _eq(s, truncate(exact, ds)):
        return None  # right (a truncated value is AVG002's)
    expected = round_half_up(exact, settings.decimals)
    params = {"stated": fmt_stated(cell.number), "expected": fmt(expected, settings.decimals),
              "formula": reference.formula(), "n": str(len(reference.values)),
              "computed_codes": ", ".join(avg.computed_codes),
              "stated_codes": ", ".join(avg.stated_codes)}
    related = tuple(ref for ref, _ in avg.stated.inputs) if avg.stated is not None else ()
    # Only a mean of computed capaian is written by `fix` (a stated member is unverified),
    # with the decimals the stated average is printed with.
    fix = None if avg.computed is None else Fix(
        cell.ref, round_half_up(exact, _printed(ctx.report, cell.number, settings)),
        Action.CORRECT)
    if avg.computed is not None:
        variant = "neither-no-stated"
    elif avg.computed_codes:
        variant = "mixed"
    else:
        variant = "stated-only"
    if avg.stated is not None and variant != "stated-only":
        params["stated_mean"] = fmt(round_half_up(avg.stated.exact, settings.decimals),
                                    settings.decimals)
        params["stated_formula"] = avg.stated.formula()
        if agrees(s, ds, avg.stated.exact, settings):
            variant = "stated" if variant != "mixed" else "mixed-stated"
        elif variant != "mixed":
            variant = "neither"
    if variant not in ("stated", "mixed-stated"):
        # A sum divided by the wrong number of terms, of the reference or the stated capaian.
        names = ("divisor", "divisor-stated") if variant != "mixed" else (
            "mixed-divisor", "divisor-stated")
        for terms, name in ((reference, names[0]), (avg.stated, names[1])):
            k = _wrong_divisor(s, ds, terms, settings) if terms is not None else None
            if terms is not None and k is not None:
                variant = name
                params["k"] = str(k)
                params["alt_formula"] = terms.formula(k)
                break
    return ctx.finding(
        cell.ref, f"rule.AVG001.{variant}", params=params, stated=s, expected=expected,
        difference=round(s - expected, 10), tolerance=settings.tolerance,
        formula=reference.formula(), inputs=reference.inputs, related=related, fix=fix)


@rule("AVG002", "average-truncated", Severity.INFO)
def average_truncated(ctx: RuleContext) -> Iterator[Finding]:
    """A stated average equal to the mean cut after its decimals instead of rounded.

    84.17 for a mean of 84.175 (rounded half up: 84.18). Not an error, but worth knowing.
    Fix: the rounded mean, with the decimals it is printed with.
    """
    for avg in _shared_averages(ctx):
        cell, reference = avg.row.capaian, avg.reference
        if cell.ref is None or cell.number.value is None or reference is None \
                or not avg.computed_codes:
            continue
        s, ds = cell.number.value, stated_decimals(cell.number)
        exact = reference.exact
        # Checked before any tolerance: 76.58 for 76.585 is close enough, but still cut.
        if _eq(s, round_half_up(exact, ds)) or not _eq(s, truncate(exact, ds)):
            continue
        expected = round_half_up(exact, ctx.settings.decimals)
        yield ctx.finding(
            cell.ref, "rule.AVG002.truncated",
            params={"stated": fmt_stated(cell.number), "exact": fmt(round(exact, 6)),
                    "expected": fmt(expected, ctx.settings.decimals),
                    "formula": reference.formula()},
            stated=s, expected=expected, difference=round(s - expected, 10),
            tolerance=ctx.settings.tolerance, formula=reference.formula(),
            inputs=reference.inputs,
            fix=Fix(cell.ref, round_half_up(exact, _printed(ctx.report, cell.number,
                                                            ctx.settings)), Action.CORRECT)
            if avg.computed is not None else None)


# --- categories ------------------------------------------------------------------------------

def _in_scale(name: str, scale: Scale) -> bool:
    return any(same_category(name, band.name) for band in scale.bands)


@dataclass(frozen=True, slots=True)
class CategoryCase:
    """A Kategori cell and the values it is judged by."""

    row: MeasurementRow
    computed: float | None  # the computed capaian / average, rounded
    formula: str
    inputs: tuple[tuple[str, Value], ...]


def _category_cases(report: Report, settings: Settings,
                    averages: dict[int, AverageFigures] | None = None
                    ) -> Iterator[CategoryCase]:
    """`averages`: the Rata-rata rows' figures already computed, by id of the row."""
    figures = indicator_figures(report, settings)
    averages = averages or {}
    for row in report.measurements:
        if row.kategori.ref is None:
            continue
        if row.role is _INDIKATOR:
            comp, inputs = measurement_computation(report, settings, row, figures)
            if comp is not None and comp.rounded is not None:
                yield CategoryCase(row, comp.rounded, comp.formula, inputs)
            else:
                yield CategoryCase(row, None, "", ())
        elif row.role is _RATA_RATA:
            avg = averages.get(id(row)) or average_figures(report, row, figures, settings)
            ref, expected = avg.reference, avg.expected(settings.decimals)
            if ref is not None and expected is not None:
                yield CategoryCase(row, expected, ref.formula(), ref.inputs)
            else:
                yield CategoryCase(row, None, "", ())


def _shared_cases(ctx: RuleContext) -> list[CategoryCase]:
    """`_category_cases` once per report for KAT001, KAT002 and KAT003."""
    def compute() -> list[CategoryCase]:
        averages = {id(avg.row): avg for avg in _shared_averages(ctx)}
        return list(_category_cases(ctx.report, ctx.settings, averages))
    return ctx.memo("averages.category_cases", compute)


@rule("KAT001", "category-mismatch", Severity.ERROR)
def category_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stated Kategori differs from the category the scale gives to the computed value.

    On Pengukuran Kinerja Indikator rows the computed capaian is the one CAP001 expects for
    the row (or the indicator's computed capaian when the row states no target/realisasi); on
    Rata-rata rows it is the computed mean (AVG001). The value is taken as rounded to
    `Desimal`, as it would be printed. The message also says which category the STATED
    capaian would give, when that differs. When nothing can be computed (or the computation
    would mix two targets, see AVG001), the stated capaian is used. Category names are
    compared ignoring case, spaces and punctuation; a name that is not a band of the scale is
    KAT003's. Fix: the right category.
    """
    scale = ctx.settings.scale
    for case in _shared_cases(ctx):
        kat, capaian_cell = case.row.kategori, case.row.capaian
        if kat.is_blank or kat.ref is None or not _in_scale(kat.text, scale):
            continue
        stated_value = capaian_cell.number.value
        value = case.computed if case.computed is not None else stated_value
        expected = scale.category(value)
        if expected is None or same_category(kat.text, expected):
            continue
        value_text = (fmt(case.computed, ctx.settings.decimals) if case.computed is not None
                      else fmt_stated(capaian_cell.number))
        params = {"stated": kat.text, "expected": expected, "value": value_text,
                  "scale": scale.name, "bands": scale.describe()}
        if case.computed is None:
            variant = "stated-only"
        else:
            by_stated = scale.category(stated_value) if stated_value is not None else None
            variant = "plain"
            if by_stated is not None and not same_category(by_stated, expected):
                params.update(capaian=fmt_stated(capaian_cell.number), by_stated=by_stated)
                variant = "follows-stated" if same_category(by_stated, kat.text) else "other"
        # The cells the computed value comes from, or the stated capaian it falls back on.
        inputs = case.inputs if case.computed is not None else ((str(capaian_cell.ref), value),)
        yield ctx.finding(
            kat.ref, f"rule.KAT001.{variant}", params=params, stated=kat.text,
            expected=expected, formula=f"{case.formula or value_text} -> {expected} "
                                       f"({scale.name})".strip(),
            inputs=inputs, related=(str(capaian_cell.ref),) if capaian_cell.ref else (),
            fix=Fix(kat.ref, expected, Action.CORRECT))


@rule("KAT002", "category-blank", Severity.INFO)
def category_blank(ctx: RuleContext) -> Iterator[Finding]:
    """A blank Kategori on a row whose capaian or average can be computed.

    On Pengukuran Kinerja Indikator and Rata-rata rows.

    Fix: fills in the category the scale gives to the computed value.
    """
    scale = ctx.settings.scale
    for case in _shared_cases(ctx):
        kat = case.row.kategori
        if not kat.is_blank or kat.ref is None or case.computed is None:
            continue
        category = scale.category(case.computed)
        if category is None:
            continue
        yield ctx.finding(
            kat.ref, "rule.KAT002.blank",
            params={"expected": category, "value": fmt(case.computed, ctx.settings.decimals),
                    "scale": scale.name},
            expected=category, formula=f"{case.formula} -> {category} ({scale.name})",
            inputs=case.inputs, fix=Fix(kat.ref, category, Action.FILL))


@rule("KAT003", "unknown-category", Severity.WARNING)
def unknown_category(ctx: RuleContext) -> Iterator[Finding]:
    """A stated Kategori that is not a band of the workbook's scale.

    For instance 'Sangat Tinggi' (Skala 5) in a workbook that uses Skala 4. The message names
    the scale in force and its bands; when the capaian can be computed it also gives the
    category it would have. No fix: either the word or the workbook's `Skala Penilaian` is
    wrong, and a person must say which.
    """
    scale = ctx.settings.scale
    for case in _shared_cases(ctx):
        kat = case.row.kategori
        if kat.is_blank or kat.ref is None or _in_scale(kat.text, scale):
            continue
        expected = scale.category(case.computed) if case.computed is not None else None
        yield ctx.finding(
            kat.ref, "rule.KAT003.unknown",
            params={"stated": kat.text, "scale": scale.name, "bands": scale.describe()},
            stated=kat.text, expected=expected)


RULES = (average_mismatch, average_truncated, category_mismatch, category_blank,
         unknown_category)
