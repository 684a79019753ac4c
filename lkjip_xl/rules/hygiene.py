"""Input hygiene (INP): what the reader could not understand, and codes that do not join up.

Most of these rules turn the reader's `Report.problems` (numbers stored as text, ambiguous or
unparseable numbers, error values, missing sheets and columns...) into findings that say what
is wrong and what to do. The others (INP016-INP022) check the join key `Kode Indikator`, the
report year and the polarity, which every later rule relies on.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import NamedTuple

from ..analysis import code_key
from ..conventions import DEFAULT_PRESET, PRESET_CHOICES
from ..formulas import fmt
from ..messages import Verbatim, t
from ..model import Cell, CellRef, PkRow, ProblemKind, ReadingProblem, Report
from ..numbers import (
    NOTE_BOUND,
    NOTE_DECIMAL_COMMA_3,
    NOTE_DECIMAL_DOT_3,
    NOTE_LAST_GROUP_DECIMAL,
    NOTE_NO_FIGURE,
    NOTE_RANGE,
    NOTE_SPACE_IN_NUMBER,
    NOTE_THOUSANDS_COMMA,
    NOTE_THOUSANDS_DOT,
    NOTE_TRAILING_DASH,
    NOTE_UNIT,
    Number,
    parse_number,
)
from ..numtext import format_year
from ..scales import SCALE_CHOICES, is_custom, scale_issues
from ..schema import (
    BUDGET_ROLES,
    BUDGET_TABLE,
    COMPARISON_TABLE,
    IDENTITY_FIELDS,
    MEASUREMENT_ROLES,
    MEASUREMENT_TABLE,
    NEGATIVE_FORMULA_ONE_PLUS,
    PK_ROLES,
    PK_TABLE,
    RPJMD_TABLE,
    SHEET_ALIASES,
    SHEET_BUDGET,
    SHEET_COMPARISON,
    SHEET_IDENTITY,
    SHEET_MEASUREMENT,
    SHEET_PK,
    SHEET_RPJMD,
    Capping,
    EfficiencyMethod,
    NegativeFormula,
    RangeReading,
    RowRole,
    normalise,
    parse_role,
)
from .base import Action, Finding, Fix, RuleContext, Severity, new_finding, new_fix
from .define import rule

# --- shared helpers ------------------------------------------------------------------------

_ADDRESS = re.compile(r"^([A-Z]{1,3})(\d+)$")
_NUMBER_TEXT = re.compile(r"\d+(?:\s?[.,]\s?\d+)*")
# Columns where a range such as "80-90" is a legitimate value (template.md: targets).
_RANGE_COLUMNS = {
    (SHEET_RPJMD, "target"), (SHEET_RPJMD, "kondisi_awal"), (SHEET_RPJMD, "kondisi_akhir"),
    (SHEET_PK, "target"), (SHEET_MEASUREMENT, "target"),
    (SHEET_COMPARISON, "target_akhir"), (SHEET_COMPARISON, "standar_nasional"),
}
# Notes that make a text number unsafe to rewrite as a plain number without a human look.
_NO_FIX_NOTES = {NOTE_UNIT, NOTE_RANGE, NOTE_TRAILING_DASH, NOTE_SPACE_IN_NUMBER,
                 NOTE_BOUND}
_WHOLE_RUPIAH = re.compile(r",\s*-\s*$")  # "Rp 1.000.000,-": the ",-" says "whole rupiah"
_MAX_LISTED_CODES = 12
# Satuan of things counted in whole numbers (compared after `normalise`): a figure in such a
# unit cannot have three decimals, so '2.109 Org' is 2109.
_COUNT_UNITS = frozenset({
    "org", "orang", "jiwa", "kpm", "kk", "keluarga", "rt", "rumahtangga", "lbg", "lembaga",
    "unit", "rumah", "pst", "peserta", "psrt", "keg", "kegiatan", "tim", "kds", "kelompok",
    "klp", "kel", "kelurahan", "kecamatan", "desa", "paket", "buah", "titik", "anak", "lansia",
    "anjal", "odgj", "uep", "orsos", "dokumen", "dok", "laporan", "kali", "sekolah", "siswa",
    "pegawai", "asn", "perusahaan", "usaha", "ukm", "umkm", "koperasi", "pelaku", "bbgrm",
})


class _Located(NamedTuple):
    """A cell of the report with the table and column it belongs to (a named tuple: the
    index makes one per number problem, hundreds in a report typed as text)."""

    table: str  # standard sheet name
    key: str  # column key ("target" for a Tabel VI.1 year column)
    cell: Cell
    kind: str  # text | number | percent | money | role | code
    satuan: str = ""  # the row's Satuan, for a number column


def _ref(sheet: str, address: str) -> CellRef | None:
    m = _ADDRESS.match(address or "")
    if not m:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return CellRef(sheet, int(m.group(2)), col)


def _problems(ctx: RuleContext, *kinds: str) -> list[ReadingProblem]:
    """The reader's problems of these kinds, each once, in reading order."""
    by_kind = ctx.memo("hygiene.problems", lambda: _problems_by_kind(ctx.report))
    if len(kinds) == 1:
        return [p for _, p in by_kind.get(kinds[0], ())]
    found = [item for kind in dict.fromkeys(kinds) for item in by_kind.get(kind, ())]
    return [p for _, p in sorted(found, key=lambda item: item[0])]


def _problems_by_kind(report: Report) -> dict[str, list[tuple[int, ReadingProblem]]]:
    """kind -> (place in `report.problems`, problem) of that kind, each problem once: the
    problems are gone through once per check, not once per rule."""
    seen: set[tuple[str, str, str, str]] = set()
    by_kind: dict[str, list[tuple[int, ReadingProblem]]] = {}
    for i, p in enumerate(report.problems):
        key = (p.kind, p.sheet, p.cell, p.detail)
        if key not in seen:
            seen.add(key)
            by_kind.setdefault(p.kind, []).append((i, p))
    return by_kind


def _index(ctx: RuleContext) -> dict[tuple[str, str], _Located]:
    """`_cell_index` of the report, once per check (`_refs` gets the problems' refs)."""
    index = ctx.memo("hygiene.cell_index", lambda: _cell_index(ctx.report, _refs(ctx)))
    return index


def _refs(ctx: RuleContext) -> dict[tuple[str, str], CellRef | None]:
    """(sheet, address) -> `_ref` of it, for the number problems: read once per check."""
    return ctx.memo("hygiene.refs", dict)


def _cell_index(report: Report, refs: dict[tuple[str, str], CellRef | None] | None = None
                ) -> dict[tuple[str, str], _Located]:
    """(sheet, address) -> the report cell there, so a problem can be read with its column.

    Only the cells of the number problems the INP rules look up are indexed (a report has a
    few of them and thousands of cells). `refs` gets each problem cell's `_ref`."""
    index: dict[tuple[str, str], _Located] = {}
    kinds = (ProblemKind.NUMBER_AS_TEXT, ProblemKind.AMBIGUOUS_NUMBER, ProblemKind.NOT_A_NUMBER)
    # the wanted cells as CellRefs (compared as tuples, no address built per cell), each
    # with the address its problem gives; a non-canonical address matches no cell
    wanted: dict[CellRef, str] = {}
    for p in report.problems:
        if p.kind in kinds:
            ref = _ref(p.sheet, p.cell)
            if refs is not None:
                refs[(p.sheet, p.cell)] = ref
            if ref is not None and ref.address == p.cell:
                wanted[ref] = p.cell
    if not wanted:
        return index
    wanted_rows = {(ref.sheet, ref.row) for ref in wanted}

    def add(table: str, key: str, cell: Cell, kind: str, satuan: str = "") -> None:
        ref = cell.ref
        if ref is not None and ref in wanted:
            index.setdefault((ref.sheet, wanted[ref]), _Located(table, key, cell, kind, satuan))

    for col in IDENTITY_FIELDS:
        add(SHEET_IDENTITY, col.key, getattr(report.identity, col.key), col.kind)
    tables = (
        (SHEET_RPJMD, RPJMD_TABLE, report.indicators),
        (SHEET_PK, PK_TABLE, report.pk_rows),
        (SHEET_MEASUREMENT, MEASUREMENT_TABLE, report.measurements),
        (SHEET_BUDGET, BUDGET_TABLE, report.budget_rows),
        (SHEET_COMPARISON, COMPARISON_TABLE, report.comparisons),
    )
    for table, spec, rows in tables:
        sheet = report.sheet_names.get(table)
        columns = [(col.key, col.kind) for col in spec.columns]
        cells_of = attrgetter(*[key for key, _ in columns])  # a row's cells in one call
        for row in rows:
            if (sheet, row.row) not in wanted_rows:
                continue  # every cell of a table row is on the table's sheet, in its row
            cells = cells_of(row)
            if len(columns) == 1:
                cells = (cells,)
            for i, cell in enumerate(cells):
                ref = cell.ref
                if ref is not None and ref in wanted:
                    satuan = getattr(row, "satuan", None)
                    key, kind = columns[i]
                    index.setdefault((ref.sheet, wanted[ref]), _Located(
                        table, key, cell, kind, satuan.text if satuan is not None else ""))
    for ind in report.indicators:
        for _, cell in ind.targets:
            ref = cell.ref
            if ref is not None and ref in wanted:
                index.setdefault((ref.sheet, wanted[ref]), _Located(
                    SHEET_RPJMD, "target", cell, "number", ind.satuan.text))
    for row in report.comparisons:
        for cell in row.realisasi_by_year.values():
            ref = cell.ref
            if ref is not None and ref in wanted:
                index.setdefault((ref.sheet, wanted[ref]), _Located(
                    SHEET_COMPARISON, "realisasi", cell, "number", row.satuan.text))
    return index


def _number_of(problem: ReadingProblem, located: _Located | None) -> Number:
    """The parse the reader made of the cell (re-parsed from the raw value if not in a table)."""
    if located is not None:
        return located.cell.number
    return parse_number(problem.raw)


def _raw_text(raw: object) -> str:
    """The cell as a person sees it in Excel."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def _show(number: Number) -> str:
    """The value read, with as many decimals as were written: '1697', '93.05', '80-90'."""
    if number.is_range:
        return f"{fmt(number.low)}-{fmt(number.high)}"
    if number.value is None:
        return "?"
    if number.decimals:
        return f"{number.value:.{number.decimals}f}"
    return fmt(number.value)


def _how_keys(number: Number, text: str) -> list[str]:
    """Message keys that say how the text was read: separators first, then the other notes."""
    seps = ""  # the separators of the first number written, in order
    if ("." in text or "," in text) and not number.is_range:
        m = _NUMBER_TEXT.search(text)
        seps = _NOT_SEPARATOR.sub("", m.group()) if m else ""
    notes = tuple(number.notes)
    how = (seps, bool(number.decimals), notes)  # all that the keys depend on
    keys = _HOW_KEYS.get(how)
    if keys is None:
        keys = _how_keys_of(*how)
        if len(_HOW_KEYS) < 4096:  # separators come from workbooks: keep the cache small
            _HOW_KEYS[how] = keys
    return list(keys)


_NOT_SEPARATOR = re.compile(r"[^.,]")
_HOW_KEYS: dict[tuple[str, bool, tuple[str, ...]], tuple[str, ...]] = {}


def _how_keys_of(seps: str, decimals: bool, notes: tuple[str, ...]) -> tuple[str, ...]:
    """`_how_keys` of a number written with these separators ('..,' for '1.697.000,50'),
    with decimals or not, read with these notes."""
    keys: list[str] = []
    if seps:
        thousands = seps[:-1] if decimals else seps
        for sep in dict.fromkeys(thousands):
            keys.append("num.thousands-dot" if sep == "." else "num.thousands-comma")
        if decimals and not set(notes) & _DECIMAL_NOTES:
            keys.append("rule.INP.decimal-dot" if seps[-1] == "." else "rule.INP.decimal-comma")
    for note in notes:
        key = f"num.{note}"
        if note in (NOTE_THOUSANDS_DOT, NOTE_THOUSANDS_COMMA) and key in keys:
            continue
        keys.append(key)
    return tuple(dict.fromkeys(keys))


_DECIMAL_NOTES = frozenset({NOTE_LAST_GROUP_DECIMAL, NOTE_DECIMAL_DOT_3, NOTE_DECIMAL_COMMA_3})


_HOW: dict[tuple[str, ...], tuple[str, str]] = {}  # message keys -> the notes, id and en


def _how(keys: list[str]) -> dict[str, str]:
    """The reading notes in both languages (params are language-neutral otherwise)."""
    how_id, how_en = _how_pair(keys)
    return {"how_id": how_id, "how_en": how_en}


def _how_pair(keys: list[str]) -> tuple[str, str]:
    """`_how(keys)` as (id, en)."""
    key = tuple(keys)
    pair = _HOW.get(key)
    if pair is None:
        pair = _HOW[key] = ("; ".join(t(k, "id") for k in keys),
                            "; ".join(t(k, "en") for k in keys))
    return pair


_NO_REF = CellRef("", 0, 0)  # `_at`'s default: the ref is still to be read from the problem


def _at(ctx: RuleContext, problem: ReadingProblem, key: str, ref: CellRef | None = _NO_REF,
        **fields) -> Finding:
    """A finding at the problem's cell, or on its sheet when it has no cell. `ref`: the
    problem's cell when the caller has read it already."""
    if ref is _NO_REF:
        ref = _ref(problem.sheet, problem.cell)
    if ref is not None and problem.raw is not None and "inputs" not in fields:
        fields["inputs"] = ((str(ref), _value(problem.raw)),)
    return ctx.finding(ref, key, sheet=problem.sheet, **fields)


def _value(raw: object) -> float | str | None:
    if raw is None or isinstance(raw, str | float):
        return raw
    if isinstance(raw, int) and not isinstance(raw, bool):
        return float(raw)
    return _raw_text(raw)


def _range_allowed(located: _Located | None) -> bool:
    """Whether a range is a legitimate value here (cells outside the tables: not judged)."""
    return located is None or (located.table, located.key) in _RANGE_COLUMNS


def _standard_sheet(report: Report, actual: str) -> str:
    for standard, name in report.sheet_names.items():
        if name == actual:
            return standard
    return actual


# --- numbers -------------------------------------------------------------------------------

def _fixable(number: Number, text: str) -> bool:
    """A text number that can be rewritten as a plain number without a human look."""
    if number.is_range or number.value is None:
        return False
    blocking = set(number.notes) & _NO_FIX_NOTES
    if blocking == {NOTE_TRAILING_DASH} and _WHOLE_RUPIAH.search(text):
        return True  # "Rp 1.000.000,-" is the usual way to write a whole rupiah amount
    return not blocking and not number.unit


def _is_count_unit(satuan: str) -> bool:
    """'Org', 'Jiwa/Org', 'Lbg/Tim', 'KPM': things counted in whole numbers."""
    parts = [normalise(p) for p in re.split(r"[/,&+]| dan ", satuan)]
    return bool(parts) and all(p in _COUNT_UNITS for p in parts)


def _certain_thousands(located: _Located | None, number: Number) -> str:
    """Why an 'ambiguous' thousands reading ('2.109') is in fact certain here, or "".

    The other reading would have three decimals: impossible for rupiah and for things counted
    in whole numbers (2.109 persons). In the Efisiensi column it is the other way round: an
    efficiency index is printed with three decimals ('1,063' = 99,92 / 94,00) and 1063 is no
    efficiency, so the decimal reading is certain ("efficiency").
    """
    if located is None or number.is_range or number.value is None:
        return ""
    if located.key == "efisiensi" and {NOTE_DECIMAL_COMMA_3, NOTE_DECIMAL_DOT_3} \
            & set(number.notes) and NOTE_SPACE_IN_NUMBER not in number.notes:
        return "efficiency"  # '1,063': an efficiency index; 1063 is no efficiency
    if not {NOTE_THOUSANDS_DOT, NOTE_THOUSANDS_COMMA} & set(number.notes) \
            or NOTE_SPACE_IN_NUMBER in number.notes:
        return ""
    if located.kind == "money":
        return "money"
    if located.kind == "number" and _is_count_unit(located.satuan):
        return "count"
    return ""


def _is_year_cell(report: Report, problem: ReadingProblem) -> bool:
    """Whether the problem's cell is one of Identitas' year fields (Tahun, Periode)."""
    if problem.sheet != report.sheet_names.get(SHEET_IDENTITY, SHEET_IDENTITY):
        return False
    identity = report.identity
    for key in ("tahun", "periode_awal", "periode_akhir"):
        cell = getattr(identity, key, None)
        if isinstance(cell, Cell) and cell.ref is not None \
                and cell.ref.address == problem.cell:
            return True
    return False


@rule("INP001", "number-as-text", Severity.INFO)
def number_as_text(ctx: RuleContext) -> Iterator[Finding]:
    """A number stored as text: read, and rewritable as a real number.

    The cell holds text such as '6.910.387.000', '74,94', '60,10 %' or 'Rp. 18.685.267.564,00'
    that has one sensible reading. The message says how it was read (which separator was
    taken for thousands and which for decimals, a dropped Rp prefix or % sign). A single
    group separator ('2.109') is normally ambiguous (INP002), but not in a rupiah column nor
    with a Satuan counted in whole numbers (Org, Jiwa, KPM, Lbg, Unit, ...), nor an
    efficiency index with three decimals in the Efisiensi column ('1,063'): those are
    reported here. Excel does not compute with text, so `fix` rewrites the cell as that
    number when nothing else is in the cell: not for a range, text after the number ('30
    ODGJ', the unit belongs in Satuan), a trailing '-' (except the ',-' of whole rupiah) or a
    space inside the number. In a percent column the value written is in percentage points
    ('93,05%' -> 93.05). Ranges ('80-90') in target columns are legitimate and not reported;
    elsewhere INP003 reports them.
    """
    index = _index(ctx)
    refs = _refs(ctx)
    report = ctx.report
    # the findings are made here field by field (what `_at` and `ctx.finding` make): a
    # finding-heavy report has hundreds of them
    code, name, severity, file = ctx.rule.code, ctx.rule.name, ctx.severity, ctx.file
    identity_sheet = report.sheet_names.get(SHEET_IDENTITY, SHEET_IDENTITY)
    ambiguous = ProblemKind.AMBIGUOUS_NUMBER
    for problem in _problems(ctx, ProblemKind.NUMBER_AS_TEXT, ambiguous):
        sheet, address = where = (problem.sheet, problem.cell)
        located = index.get(where)
        number = _number_of(problem, located)
        notes = number.notes
        certain = _certain_thousands(located, number) if notes else ""
        if not certain and problem.kind == ambiguous:
            continue  # INP002
        value = number.value
        if value is None or number.is_range:
            continue  # ranges: allowed in target columns, INP003 elsewhere
        raw = problem.raw
        text = _raw_text(raw)
        keys = _how_keys(number, text)
        shown: object = _show(number)
        if sheet == identity_sheet and _is_year_cell(report, problem):
            shown = Verbatim(format_year(value))  # a year reads 2019, never 2.019
        how_id, how_en = _how_pair(keys)
        params = (("raw", text), ("value", shown), ("unit", number.unit),
                  ("satuan", located.satuan if located else ""), ("how_id", how_id),
                  ("how_en", how_en))
        ref = refs[where] if where in refs else _ref(sheet, address)
        fixable = _fixable(number, text) if notes else not number.unit
        fix = new_fix(ref, value, Action.CORRECT) if ref and fixable else None
        if number.unit:
            variant = "unit"
        elif fix is None:
            variant = "review"
        elif certain:
            variant = certain
        else:
            variant = "fix" if keys else "plain"
        if ref is None:
            yield new_finding(code, name, severity, file, sheet, "", f"rule.INP001.{variant}",
                              params, text, value, fix=fix)
            continue
        cell = ref.address
        inputs = () if raw is None else ((f"{ref.sheet}!{cell}", _value(raw)),)
        yield new_finding(code, name, severity, file, ref.sheet, cell, f"rule.INP001.{variant}",
                          params, text, value, inputs=inputs, fix=fix)


def _alternative(problem: ReadingProblem, located: _Located | None, number: Number
                 ) -> Number | None:
    """The other plausible reading of an ambiguous text, if it gives a different number."""
    if not isinstance(problem.raw, str):
        return None
    percent = located is not None and located.kind == "percent"
    other = parse_number(problem.raw, percent_column=not percent)
    if not other.is_usable:
        return None
    if (other.value, other.low, other.high) == (number.value, number.low, number.high):
        return None
    return other


@rule("INP002", "ambiguous-number", Severity.WARNING)
def ambiguous_number(ctx: RuleContext) -> Iterator[Finding]:
    """A number written as text with two plausible readings: say which one was taken.

    '1.697' is read as 1697 (dot = thousands) but could be 1.697; in a percent column
    '93.055' is read as 93.055 but could be 93055; '21,378 KPM' is read as 21378. A space
    inside a number ('95, 12') may separate two numbers. No fix: a person must confirm the
    reading, best by typing the cell as a real number.
    """
    index = _index(ctx)
    for problem in _problems(ctx, ProblemKind.AMBIGUOUS_NUMBER):
        located = index.get((problem.sheet, problem.cell))
        number = _number_of(problem, located)
        if number.is_range and not _range_allowed(located):
            continue  # INP003: a range where one number is needed
        if _certain_thousands(located, number):
            continue  # INP001: rupiah or a count, so not ambiguous after all
        text = _raw_text(problem.raw)
        params = {"raw": text, "value": _show(number), **_how(_how_keys(number, text))}
        other = _alternative(problem, located, number)
        if other is not None:
            params["other"] = _show(other)
            variant = "other"
        elif NOTE_SPACE_IN_NUMBER in number.notes:
            variant = "space"
        else:
            variant = "plain"
        yield _at(ctx, problem, f"rule.INP002.{variant}", params=params, stated=text,
                  expected=number.value)


_INVALID_VARIANTS = ("several-numbers", "parentheses", "bad-grouping", "boolean", "date",
                     "not-finite")


@rule("INP003", "not-a-number", Severity.ERROR)
def not_a_number(ctx: RuleContext) -> Iterator[Finding]:
    """A value in a number column that is not a usable number, and why.

    Several numbers in one cell ('45% (37,428) 16,246'), a number in parentheses ('(37.428)':
    a side figure or a negative?), separators that make no sense ('1.23.4'), words ('n/a',
    'WTP'), a date, TRUE/FALSE. Also a range ('80-90') in a column that needs one number
    (anything but a target or kondisi column). The cell is left out of every computation.
    A setting on Identitas that is not a number is reported by INP012 instead.

    Words that say the report has no figure ('n/a', 'N/A', 'na', 'nihil', 'tidak ada data',
    'belum ada data', 'tidak tersedia') are not a mistake: one INFO per cell saying so and
    what is therefore not checked (the capaian of the row; the stated capaian; the budget
    absorption), and nothing else follows from the cell. A lone '-' is a blank (nothing
    stated) and is not reported here.
    """
    index = _index(ctx)
    settings_cells = {(p.sheet, p.cell) for p in _problems(ctx, ProblemKind.UNKNOWN_SETTING)}
    kinds = (ProblemKind.NOT_A_NUMBER, ProblemKind.NUMBER_AS_TEXT, ProblemKind.AMBIGUOUS_NUMBER)
    for problem in _problems(ctx, *kinds):
        located = index.get((problem.sheet, problem.cell))
        number = _number_of(problem, located)
        text = _raw_text(problem.raw)
        if problem.kind != ProblemKind.NOT_A_NUMBER:
            # A range outside a target column: readable, but not one number.
            if not number.is_range or _range_allowed(located):
                continue
            variant = "range"
        elif (problem.sheet, problem.cell) in settings_cells:
            continue
        elif number.note == NOTE_NO_FIGURE:
            # 'n/a', 'nihil', 'tidak ada data': the report says it has no figure here. Not a
            # mistake: one info saying what is therefore not checked.
            yield _at(ctx, problem, f"rule.INP003.no-figure.{_no_figure_what(located)}",
                      params={"raw": text}, stated=text, severity=Severity.INFO)
            continue
        else:
            note = number.note
            variant = note if note in _INVALID_VARIANTS else "words"
        yield _at(ctx, problem, f"rule.INP003.{variant}",
                  params={"raw": text, "value": _show(number) if number.is_range else ""},
                  stated=text)


def _no_figure_what(located: _Located | None) -> str:
    """What a cell stating 'no figure' leaves unchecked (message variant): a capaian, the
    capaian of the row (its target or realisation), a budget percentage, or the cell."""
    if located is None:
        return "cell"
    if located.key in ("capaian", "persentase"):
        return "capaian" if located.key == "capaian" else "percentage"
    if (located.table == SHEET_BUDGET and located.key in ("pagu", "realisasi")) \
            or located.key in ("anggaran", "realisasi_anggaran"):
        return "budget"
    if located.table == SHEET_RPJMD and located.key in ("target", "kondisi_awal",
                                                         "kondisi_akhir"):
        return "rpjmd"
    if located.key in ("target", "realisasi"):
        return "inputs"
    return "cell"


@rule("INP004", "error-value", Severity.ERROR)
def error_value(ctx: RuleContext) -> Iterator[Finding]:
    """An Excel error value (#DIV/0!, #N/A, #VALUE!, #REF!...) in a cell the toolkit reads.

    Usually a formula that divides by an empty cell or refers to a deleted one. The cell is
    left out of every computation; correct the formula or type the value.
    """
    for problem in _problems(ctx, ProblemKind.ERROR_VALUE):
        error = problem.detail or _raw_text(problem.raw)
        yield _at(ctx, problem, "rule.INP004.error", params={"error": error}, stated=error)


@rule("INP005", "formula-no-value", Severity.WARNING)
def formula_no_value(ctx: RuleContext) -> Iterator[Finding]:
    """A formula whose value was never computed (no cached value in the file).

    Files saved by programs that do not calculate (openpyxl, some web exports) keep the formula
    but no result, so every reader sees an empty cell. Open the file in Excel or LibreOffice
    and save it: the values are computed and stored.
    """
    for problem in _problems(ctx, ProblemKind.FORMULA_NO_VALUE):
        yield _at(ctx, problem, "rule.INP005.formula", params={"formula": problem.detail},
                  formula=f"={problem.detail}")


# --- structure ----------------------------------------------------------------------------

@rule("INP006", "missing-sheet", Severity.ERROR)
def missing_sheet(ctx: RuleContext) -> Iterator[Finding]:
    """A standard input sheet is missing: nothing of it is checked.

    The input sheets are Identitas, Tabel VI.1, Lampiran II, Pengukuran Kinerja and Keuangan.
    Sheets are found by name, case-, space- and punctuation-insensitively and with aliases
    (the message lists them); a renamed sheet must be renamed back.
    """
    for problem in _problems(ctx, ProblemKind.MISSING_SHEET):
        name = problem.detail or problem.sheet
        aliases = ", ".join(SHEET_ALIASES.get(name, ()))
        variant = "aliases" if aliases else "plain"
        yield ctx.finding(None, f"rule.INP006.{variant}", sheet=problem.sheet,
                          params={"sheet": name, "aliases": aliases})


@rule("INP007", "missing-header", Severity.ERROR)
def missing_header(ctx: RuleContext) -> Iterator[Finding]:
    """A sheet whose header row could not be found.

    The header row is looked for in the first 40 rows: the row naming the most known columns
    (at least two, including the required ones). Nothing of that sheet is checked.
    """
    for problem in _problems(ctx, ProblemKind.MISSING_HEADER):
        yield ctx.finding(None, "rule.INP007.header", sheet=problem.sheet,
                          params={"sheet": problem.sheet, "names": problem.detail})


@rule("INP008", "missing-column", Severity.ERROR)
def missing_column(ctx: RuleContext) -> Iterator[Finding]:
    """A required column is missing from a header row (Baris; Kode Indikator on Tabel VI.1).

    Without it the table cannot be read: none of its rows is checked. Located at the first
    cell of the header row.
    """
    for problem in _problems(ctx, ProblemKind.MISSING_COLUMN):
        ref = _ref(problem.sheet, problem.cell)
        yield _at(ctx, problem, "rule.INP008.column",
                  params={"column": problem.detail, "row": ref.row if ref else ""})


@rule("INP009", "duplicate-column", Severity.WARNING)
def duplicate_column(ctx: RuleContext) -> Iterator[Finding]:
    """A column header (or one of its aliases) appears twice in a header row.

    The first one is used and the second ignored, which may not be what was meant ('Pagu' and
    'Anggaran (Rp)' are the same column on Keuangan). Located at the ignored header.
    """
    for problem in _problems(ctx, ProblemKind.DUPLICATE_COLUMN):
        yield _at(ctx, problem, "rule.INP009.column", params={"column": problem.detail})


_SHEET_ROLES: dict[str, tuple[RowRole, ...]] = {
    SHEET_PK: PK_ROLES, SHEET_MEASUREMENT: MEASUREMENT_ROLES, SHEET_BUDGET: BUDGET_ROLES,
}


@rule("INP010", "unknown-row-role", Severity.ERROR)
def unknown_row_role(ctx: RuleContext) -> Iterator[Finding]:
    """A row with data whose Baris cell is blank or not a role of its sheet.

    Baris says what a row is (Lampiran II: Indikator, Program, Kegiatan, Jumlah, Total;
    Pengukuran Kinerja: Indikator, Rata-rata; Keuangan: Kelompok, Program, Rincian, Jumlah,
    Total). A row without a known role takes part in no check. A near miss ('Kegiatn') gets a
    suggestion.
    """
    for problem in _problems(ctx, ProblemKind.UNKNOWN_ROLE):
        allowed = _SHEET_ROLES.get(_standard_sheet(ctx.report, problem.sheet), ())
        names = [r.value for r in allowed]
        params = {"value": problem.detail, "allowed": ", ".join(names)}
        role = parse_role(problem.detail)
        if not problem.detail.strip():
            variant = "blank"
        elif role is not None:
            variant = "other-sheet"
        else:
            close = difflib.get_close_matches(
                normalise(problem.detail), [normalise(n) for n in names], n=1, cutoff=0.75)
            if close:
                params["suggestion"] = next(n for n in names if normalise(n) == close[0])
                variant = "suggest"
            else:
                variant = "unknown"
        yield _at(ctx, problem, f"rule.INP010.{variant}", params=params,
                  stated=problem.detail)


@rule("INP011", "unknown-polarity", Severity.WARNING)
def unknown_polarity(ctx: RuleContext) -> Iterator[Finding]:
    """A Polaritas value on Tabel VI.1 that is neither Positif nor Negatif.

    Accepted: Positif/Positive/Naik/P, Negatif/Negative/Turun/N. The indicator is treated
    as Positif (higher is better), which gives a wrong capaian if it is lower-is-better. The
    same for the optional Polaritas of Lampiran II and Pengukuran Kinerja rows, and for a
    Terhadap value on Pengukuran Kinerja that names no known basis (the row is then taken as
    measured against the Target PK).
    """
    for problem in _problems(ctx, ProblemKind.UNKNOWN_POLARITY):
        yield _at(ctx, problem, "rule.INP011.polarity", params={"value": problem.detail},
                  stated=problem.detail, expected="Positif")
    for problem in _problems(ctx, ProblemKind.UNKNOWN_BASIS):
        yield _at(ctx, problem, "rule.INP011.basis", params={"value": problem.detail},
                  stated=problem.detail, expected="Target PK")


def _setting_key(report: Report, problem: ReadingProblem) -> str:
    for key in ("preset", "skala", "rumus_negatif", "batas_capaian", "target_rentang",
                "metode_efisiensi", "toleransi", "desimal"):
        cell: Cell = getattr(report.identity, key)
        if cell.ref is not None and cell.ref.address == problem.cell:
            return key
    return ""


@rule("INP012", "unknown-setting", Severity.WARNING)
def unknown_setting(ctx: RuleContext) -> Iterator[Finding]:
    """A setting on Identitas that is not understood: the default is used instead.

    Preset Konvensi (Bawaan, Permendagri 86/2017, PermenPAN-RB), Skala Penilaian (Skala 4,
    Skala 5, Skala 5 Baik, or Kustom with a Kategori/Batas Bawah table on Identitas), Rumus
    Indikator Negatif ((2T-R)/T, also written (1 + (1 - R/T)) x 100%, or T/R), Batas Capaian
    (Tanpa Batas, Maks. 100, Maks. 120), Target Rentang (Dalam Rentang = 100, Batas Target),
    Metode Efisiensi (Selisih +/-5, Capaian >= Serapan, Indeks Efisiensi), Toleransi (a
    number >= 0, in percentage points), Desimal (a whole number 0 to 6). The message names
    the value used instead (the preset's, or the default).
    """
    s = ctx.report.settings
    defaults = {"skala": s.scale.name, "rumus_negatif": s.negative_formula_name,
                "toleransi": fmt(s.tolerance), "desimal": str(s.decimals),
                "preset": s.preset or DEFAULT_PRESET.name, "batas_capaian": s.capping.value,
                "target_rentang": s.range_reading.value,
                "metode_efisiensi": s.efficiency_method.value}
    named = {"preset": PRESET_CHOICES, "batas_capaian": tuple(c.value for c in Capping),
             "target_rentang": tuple(r.value for r in RangeReading),
             "metode_efisiensi": tuple(m.value for m in EfficiencyMethod)}
    for problem in _problems(ctx, ProblemKind.UNKNOWN_SETTING):
        key = _setting_key(ctx.report, problem)
        value = _raw_text(problem.raw)
        if key == "skala" and is_custom(problem.raw):
            key = "skala-custom"
        params = {"value": value, "default": defaults.get(key.split("-")[0], ""),
                  "choices": ", ".join(named.get(key, SCALE_CHOICES)),
                  "formulas": ", ".join((*(f.value for f in NegativeFormula),
                                         NEGATIVE_FORMULA_ONE_PLUS))}
        if not key:
            params["detail"] = problem.detail
        yield _at(ctx, problem, f"rule.INP012.{key or 'other'}", params=params, stated=value,
                  expected=params["default"] or None)


_IDENTITY_LABELS = {col.header for col in IDENTITY_FIELDS}


@rule("INP013", "missing-identity", Severity.ERROR)
def missing_identity(ctx: RuleContext) -> Iterator[Finding]:
    """A required value on Identitas is blank or its label is missing.

    Required: Nama Instansi and Tahun Laporan; Tahun Laporan decides which RPJMD target is
    compared with the PK. Also reported: a row of the custom scale table without Kategori or
    a numeric Batas Bawah (the row is ignored). Not reported when the Identitas sheet itself
    is missing (INP006 says so).
    """
    if SHEET_IDENTITY not in ctx.report.sheet_names:
        return
    for problem in _problems(ctx, ProblemKind.MISSING_VALUE):
        if problem.detail in _IDENTITY_LABELS:
            variant = "blank" if problem.cell else "absent"
        else:
            variant = "scale-row"
        yield _at(ctx, problem, f"rule.INP013.{variant}", params={"label": problem.detail})


@rule("INP014", "hidden-sheet", Severity.INFO)
def hidden_sheet(ctx: RuleContext) -> Iterator[Finding]:
    """A standard input sheet is hidden (it is read and checked all the same).

    Unhide it so that reviewers see what is checked.
    """
    for problem in _problems(ctx, ProblemKind.HIDDEN_SHEET):
        yield ctx.finding(None, "rule.INP014.hidden", sheet=problem.sheet,
                          params={"sheet": problem.sheet})


@rule("INP015", "sheet-too-large", Severity.ERROR)
def sheet_too_large(ctx: RuleContext) -> Iterator[Finding]:
    """A sheet has more rows than the reading limit: only the first ones were read.

    The limit is 100,000 rows per sheet. Totals and codes further down are not checked.
    Usually formatting or stray content far below the table: delete the empty rows.
    """
    for problem in _problems(ctx, ProblemKind.TOO_LARGE):
        rows = problem.detail.rstrip("+")
        yield ctx.finding(None, "rule.INP015.rows", sheet=problem.sheet,
                          params={"sheet": problem.sheet, "rows": rows})


# --- the join key -------------------------------------------------------------------------

def _known_codes(report: Report) -> dict[str, str]:
    """code_key -> code as written, from Tabel VI.1 and the Lampiran II Indikator rows."""
    known: dict[str, str] = {}
    for ind in report.indicators:
        if ind.code:
            known.setdefault(code_key(ind.code), ind.code)
    for row in report.pk_rows:
        if row.role is RowRole.INDIKATOR and row.kode_indikator.text:
            known.setdefault(code_key(row.kode_indikator.text), row.kode_indikator.text)
    return known


def _shared_known_codes(ctx: RuleContext) -> dict[str, str]:
    """`_known_codes` once per report (INP016, INP018)."""
    return ctx.memo("hygiene.known_codes", lambda: _known_codes(ctx.report))


def _codes_by_name(report: Report) -> dict[str, list[str]]:
    """normalised indicator name -> the codes of the indicators with that name."""
    names: dict[str, list[str]] = {}
    pairs = [(i.indikator, i.code) for i in report.indicators]
    pairs += [(r.indikator, r.kode_indikator.text) for r in report.pk_rows
              if r.role is RowRole.INDIKATOR]
    for name_cell, code in pairs:
        name = normalise(name_cell.text)
        if name and code:
            codes = names.setdefault(name, [])
            if code_key(code) not in {code_key(c) for c in codes}:
                codes.append(code)
    return names


def _shared_codes_by_name(ctx: RuleContext) -> dict[str, list[str]]:
    """`_codes_by_name` once per report (INP016, INP022)."""
    return ctx.memo("hygiene.codes_by_name", lambda: _codes_by_name(ctx.report))


def _listed(codes: Iterable[str]) -> str:
    items = list(codes)
    text = ", ".join(items[:_MAX_LISTED_CODES])
    return text + (", ..." if len(items) > _MAX_LISTED_CODES else "")


def _unknown_code(ctx: RuleContext, cell: Cell, code: str, name: Cell | None,
                  known: dict[str, str], names: dict[str, list[str]]) -> Finding | None:
    """INP016 for a code (or a blank code) that joins to no indicator, None when it does."""
    if cell.ref is None:
        return None
    if code and (code_key(code) in known or not known):
        # No table defines an indicator (Tabel VI.1 and the Lampiran II Indikator rows are
        # empty): the code cannot be checked; INP023 says so once.
        return None
    matches = names.get(normalise(name.text), []) if name is not None else []
    params = {"code": code, "name": name.text if name is not None else "",
              "match": ", ".join(matches), "known": _listed(known.values())}
    inputs = ((str(cell.ref), code),)
    if not code:
        if len(matches) == 1:
            return ctx.finding(cell.ref, "rule.INP016.blank-name", params=params,
                               expected=matches[0], inputs=inputs,
                               fix=Fix(cell.ref, matches[0], Action.FILL))
        variant = "blank-names" if matches else "blank"
        return ctx.finding(cell.ref, f"rule.INP016.{variant}", params=params, inputs=inputs)
    variant = "unknown-name" if matches else "unknown"
    return ctx.finding(cell.ref, f"rule.INP016.{variant}", params=params, stated=code,
                       expected=matches[0] if len(matches) == 1 else None, inputs=inputs)


def _has_content(cells: Iterable[Cell]) -> bool:
    return any(not c.is_blank for c in cells)


@rule("INP016", "unknown-indicator-code", Severity.ERROR)
def unknown_indicator_code(ctx: RuleContext) -> Iterator[Finding]:
    """A Kode Indikator that joins to no indicator, or an indicator row without a code.

    Known codes are those of Tabel VI.1 and of the Lampiran II Indikator rows, compared
    case-, space- and punctuation-insensitively ('IK-1' = 'ik 1'). Checked: every code on
    Pengukuran Kinerja (each code of a Rata-rata list), codes on Lampiran II Program, Jumlah
    and Total rows, and blank codes on Tabel VI.1 rows and Lampiran II Indikator rows. Where
    the indicator name matches a known indicator (normalised), the message names its code; a
    blank code with exactly one match is filled by `fix`. A Pengukuran Kinerja Indikator row
    with a blank code is reported here only when its name matches a known indicator
    (otherwise INP022). Lampiran II Kegiatan rows are INP018's. Codes are not checked when
    no indicator is known at all (Tabel VI.1 and the Lampiran II Indikator rows empty or
    unreadable: a partial workbook, which INP023 reports once).
    """
    report = ctx.report
    if SHEET_RPJMD not in report.header_rows and SHEET_PK not in report.header_rows:
        return
    known = _shared_known_codes(ctx)
    names = _shared_codes_by_name(ctx)
    found: list[Finding | None] = []
    for ind in report.indicators:
        if not ind.code and _has_content((ind.indikator, *(c for _, c in ind.targets))):
            found.append(_unknown_code(ctx, ind.kode_indikator, "", ind.indikator, known, names))
    for row in report.pk_rows:
        if row.role is RowRole.INDIKATOR and not row.kode_indikator.text:
            found.append(_unknown_code(ctx, row.kode_indikator, "", row.indikator, known, names))
        elif row.role in (RowRole.PROGRAM, RowRole.JUMLAH, RowRole.TOTAL) \
                and row.kode_indikator.text:
            found.append(_unknown_code(ctx, row.kode_indikator, row.kode_indikator.text, None,
                                       known, names))
    for m in report.measurements:
        if m.role is RowRole.INDIKATOR and not m.codes:
            # Without a name match, a program-level statement may be meant: INP022's.
            if names.get(normalise(m.indikator.text)):
                found.append(_unknown_code(ctx, m.kode_indikator, "", m.indikator, known,
                                           names))
        elif m.role is RowRole.INDIKATOR:
            for code in m.codes:
                found.append(_unknown_code(ctx, m.kode_indikator, code, m.indikator, known,
                                           names))
        elif m.role is RowRole.RATA_RATA:
            for code in m.codes:
                found.append(_unknown_code(ctx, m.kode_indikator, code, None, known, names))
    yield from (f for f in found if f is not None)


@rule("INP017", "duplicate-indicator-code", Severity.ERROR)
def duplicate_indicator_code(ctx: RuleContext) -> Iterator[Finding]:
    """The same Kode Indikator on two Tabel VI.1 rows, or on two Lampiran II Indikator rows.

    Every later row with the code is reported, pointing at the first. Codes are compared like
    in INP016. Pengukuran Kinerja may repeat a code on purpose (several sources) and is not
    checked here.
    """
    report = ctx.report
    groups = (
        [i.kode_indikator for i in report.indicators],
        [r.kode_indikator for r in report.pk_rows if r.role is RowRole.INDIKATOR],
    )
    for cells in groups:
        first: dict[str, Cell] = {}
        for cell in cells:
            if not cell.text or cell.ref is None:
                continue
            key = code_key(cell.text)
            if key not in first:
                first[key] = cell
                continue
            earlier = first[key]
            assert earlier.ref is not None
            yield ctx.finding(cell.ref, "rule.INP017.duplicate",
                              params={"code": cell.text, "first": str(earlier.ref)},
                              stated=cell.text, related=(str(earlier.ref),),
                              inputs=((str(earlier.ref), earlier.text), (str(cell.ref), cell.text)))


@rule("INP018", "kegiatan-without-indicator", Severity.WARNING)
def kegiatan_without_indicator(ctx: RuleContext) -> Iterator[Finding]:
    """A Lampiran II Kegiatan whose Kode Indikator is blank or names no known indicator.

    The kegiatan's realisation then supports no indicator: it is left out of every check that
    follows an indicator to its kegiatan (and INP019 may report the indicator). Known codes
    as in INP016. Not run when no indicator is known at all (a partial workbook: INP023).
    """
    report = ctx.report
    known = _shared_known_codes(ctx)
    if not known:
        return
    for row in report.pk_rows:
        cell = row.kode_indikator
        if row.role is not RowRole.KEGIATAN or cell.ref is None:
            continue
        if cell.text and code_key(cell.text) in known:
            continue
        name = row.program_kegiatan.text or row.indikator.text
        params = {"code": cell.text, "name": name, "known": _listed(known.values())}
        if not cell.text:
            yield ctx.finding(cell.ref, "rule.INP018.blank", params=params)
        else:
            yield ctx.finding(cell.ref, "rule.INP018.unknown", params=params, stated=cell.text,
                              inputs=((str(cell.ref), cell.text),))


@rule("INP019", "indicator-without-kegiatan", Severity.WARNING)
def indicator_without_kegiatan(ctx: RuleContext) -> Iterator[Finding]:
    """A Lampiran II Indikator (a PK commitment) that no Kegiatan row serves.

    A Kegiatan serves the indicator whose code is in its Kode Indikator column. An indicator
    with no kegiatan has no budget behind it in the PK, or its kegiatan lack the code.

    Not reported for an Indikator row that carries its own budget (Anggaran or Realisasi
    Anggaran on the row itself, as central agencies print their PK: the row is a complete
    statement), nor for the other indicators of a sasaran whose budget is printed on one of
    its Indikator rows.
    """
    report = ctx.report
    served = {code_key(r.kode_indikator.text) for r in report.pk_rows
              if r.role is RowRole.KEGIATAN and r.kode_indikator.text}
    budgeted = [r for r in report.pk_rows if r.role is RowRole.INDIKATOR and _own_budget(r)]
    budgeted_sasaran = {normalise(r.sasaran.text) for r in budgeted if r.sasaran.text}
    for row in report.pk_rows:
        cell = row.kode_indikator
        if row.role is not RowRole.INDIKATOR or not cell.text or cell.ref is None:
            continue
        if _own_budget(row) or (row.sasaran.text
                                and normalise(row.sasaran.text) in budgeted_sasaran):
            continue
        if code_key(cell.text) not in served:
            yield ctx.finding(cell.ref, "rule.INP019.none",
                              params={"code": cell.text, "name": row.indikator.text},
                              stated=cell.text)


def _own_budget(row: PkRow) -> bool:
    """A Lampiran II row that states its own Anggaran or Realisasi Anggaran."""
    return row.anggaran.number.value is not None \
        or row.realisasi_anggaran.number.value is not None


@rule("INP020", "year-outside-period", Severity.ERROR)
def year_outside_period(ctx: RuleContext) -> Iterator[Finding]:
    """Tahun Laporan has no year column on Tabel VI.1, so its RPJMD target cannot be found.

    The year columns of Tabel VI.1 are the truth: a report year with a year column is inside
    the period, whatever Periode Awal says. Both layouts of a period are read as printed: a
    2015-2019 RPJMD with targets 2015..2019 (the kondisi awal is the year before), or with a
    kondisi-awal year before the targets (2016-2021: targets 2017..2021). Reported: a year
    before the first or after the last year column ("outside"), a year missing between them,
    a Tabel VI.1 without year columns, and a Periode Awal that is not before Periode Akhir.
    Not run when Tabel VI.1 has no indicator rows (nothing is looked up by year: INP023).
    """
    report = ctx.report
    ident = report.identity
    year = ident.year
    start, end = ident.periode_awal.value, ident.periode_akhir.value
    if start is not None and end is not None and start >= end and ident.periode_akhir.ref:
        yield ctx.finding(ident.periode_akhir.ref, "rule.INP020.bad-period",
                          params={"start": fmt(start), "end": fmt(end)},
                          inputs=((str(ident.periode_awal.ref), start),
                                  (str(ident.periode_akhir.ref), end)))
        return
    if year is None or ident.tahun.ref is None:
        return
    if SHEET_RPJMD not in report.header_rows or not report.indicators:
        return
    years = report.rpjmd_years
    if year in years:
        return
    tahun = ident.tahun.ref
    inputs: tuple[tuple[str, float | str | None], ...] = ((str(tahun), float(year)),)
    if not years:
        yield ctx.finding(tahun, "rule.INP020.no-columns", params={"year": year},
                          stated=float(year), inputs=inputs)
    elif not min(years) <= year <= max(years):
        yield ctx.finding(tahun, "rule.INP020.outside",
                          params={"year": year, "first": min(years), "last": max(years)},
                          stated=float(year), expected=f"{min(years)}-{max(years)}",
                          inputs=inputs)
    else:
        yield ctx.finding(tahun, "rule.INP020.not-in-columns",
                          params={"year": year, "years": ", ".join(str(y) for y in years)},
                          stated=float(year), inputs=inputs)


@rule("INP021", "missing-polarity", Severity.INFO)
def missing_polarity(ctx: RuleContext) -> Iterator[Finding]:
    """A Tabel VI.1 indicator without Polaritas: it is treated as Positif (higher is better).

    Fill Positif or Negatif: a lower-is-better indicator (e.g. a poverty rate) computed as
    Positif gets a wrong capaian. When the Polaritas column itself is missing, one finding for
    the sheet.
    """
    report = ctx.report
    indicators = [i for i in report.indicators if i.code]
    if indicators and all(i.polaritas.ref is None for i in indicators):
        yield ctx.finding(None, "rule.INP021.no-column",
                          sheet=report.sheet_names.get(SHEET_RPJMD, SHEET_RPJMD),
                          params={"n": len(indicators)})
        return
    for ind in indicators:
        if ind.polaritas.is_blank and ind.polaritas.ref is not None:
            yield ctx.finding(ind.polaritas.ref, "rule.INP021.blank",
                              params={"code": ind.code}, expected="Positif",
                              related=(str(ind.kode_indikator.ref),))


@rule("INP022", "measurement-without-code", Severity.INFO)
def measurement_without_code(ctx: RuleContext) -> Iterator[Finding]:
    """A Pengukuran Kinerja Indikator row without a code, joined to no indicator.

    Its name matches no known indicator either. Reports state figures that belong to no single
    indicator (a program's total target and realisation, "Urusan Sosial: 2.819 / 2.109 =
    74,81 %"); such a row is checked on its own (its capaian against its own target and
    realisation) but joined to nothing. If it does measure an indicator, enter the code. Rows
    whose name matches a known indicator are INP016's. Not run when no indicator is known at
    all (a partial workbook, INP023): there is no code to enter.
    """
    report = ctx.report
    if not _shared_known_codes(ctx):
        return
    names = _shared_codes_by_name(ctx)
    for m in report.measurements:
        cell = m.kode_indikator
        if m.role is not RowRole.INDIKATOR or m.codes or cell.ref is None:
            continue
        if not names.get(normalise(m.indikator.text)):
            yield ctx.finding(cell.ref, "rule.INP022.blank", params={"name": m.indikator.text},
                              related=(str(m.indikator.ref),) if m.indikator.ref else ())


def _has_indicator_rows(report: Report) -> bool:
    return any(r.role is RowRole.INDIKATOR for r in report.pk_rows)


@rule("INP023", "empty-table", Severity.INFO)
def empty_table(ctx: RuleContext) -> Iterator[Finding]:
    """A table that is read but has no rows: one finding naming what cannot be checked.

    Reviewers often type only the table they are checking. An empty Tabel VI.1, Lampiran II,
    Pengukuran Kinerja or Keuangan (header row present, no data rows) is then not an error:
    the rows of the other tables are checked on their own, and this one finding per empty
    table says what cannot be checked without it. Without Tabel VI.1: the RPJMD targets of
    Tahun Laporan (XTB003, XTB004), the kondisi akhir (XTB005), the report year (INP020) and
    the polarity (every indicator is treated as Positif); without Tabel VI.1 and Lampiran II
    Indikator rows the Kode Indikator of other rows cannot be joined (INP016 and INP018 are
    not run). Without Lampiran II: the agreed (PK) targets, the kegiatan and their capaian
    and the program budgets. Without Pengukuran Kinerja: the capaian, categories and
    averages stated in Bab III. Without Keuangan: the budget absorption and the program
    budgets against Lampiran II. A missing sheet is INP006's, a sheet without its header
    row INP007's.
    """
    report = ctx.report
    tables = (
        (SHEET_RPJMD, bool(report.indicators)),
        (SHEET_PK, bool(report.pk_rows)),
        (SHEET_MEASUREMENT, bool(report.measurements)),
        (SHEET_BUDGET, bool(report.budget_rows)),
    )
    variants = {SHEET_RPJMD: "rpjmd", SHEET_PK: "pk", SHEET_MEASUREMENT: "measurement",
                SHEET_BUDGET: "budget"}
    for standard, filled in tables:
        if filled or standard not in report.header_rows:
            continue
        variant = variants[standard]
        if standard == SHEET_RPJMD and not _has_indicator_rows(report):
            variant = "rpjmd-no-codes"
        sheet = report.sheet_names.get(standard, standard)
        yield ctx.finding(None, f"rule.INP023.{variant}", sheet=sheet, params={"sheet": sheet})


@rule("INP024", "custom-scale-invalid", Severity.WARNING)
def custom_scale_invalid(ctx: RuleContext) -> Iterator[Finding]:
    """A custom scale (Skala Penilaian = Kustom) with gaps, overlaps, or no band above 100.

    Checked before anything is categorised with the scale, where its table states upper
    bounds (the optional `Batas Atas` column; a band without one reaches up to the next band,
    which leaves no gap): a gap between two bands (91-100 and 76-90 leave 90,50 in no band:
    a value there gets no category, so no Kategori is judged by it), an overlap (70-85 and
    85-100 both hold 85: a value there gets no category either), and a top band ending at or
    below 100 (no band covers 184,75: such values are taken as the top band; INFO). The
    message names the bands and the values affected and how to close the gap (Batas Bawah 90
    with Termasuk Batas = Tidak). No fix: which edge is meant is the agency's choice.
    """
    scale = ctx.settings.scale
    if ctx.report.custom_scale is None or scale is not ctx.report.custom_scale:
        return
    by_name = {b.name: b for b in scale.bands}
    for issue in scale_issues(scale):
        band = by_name[issue.bands[0]]
        ref = band.upper_ref or band.lower_ref
        if ref is None:
            continue
        params = {"low": fmt(issue.low), "high": fmt(issue.high), "lower_band": issue.bands[0],
                  "upper_band": issue.bands[-1],
                  "example": fmt(round((issue.low + issue.high) / 2, 2))
                  if issue.kind == "gap" else fmt(issue.low)}
        yield ctx.finding(ref, f"rule.INP024.{issue.kind}", params=params,
                          severity=Severity.INFO if issue.kind == "no-top" else None,
                          stated=issue.low, related=tuple(
                              str(r) for name in issue.bands[1:]
                              if (r := by_name[name].lower_ref) is not None))


RULES = (
    number_as_text, ambiguous_number, not_a_number, error_value, formula_no_value,
    missing_sheet, missing_header, missing_column, duplicate_column, unknown_row_role,
    unknown_polarity, unknown_setting, missing_identity, hidden_sheet, sheet_too_large,
    unknown_indicator_code, duplicate_indicator_code, kegiatan_without_indicator,
    indicator_without_kegiatan, year_outside_period, missing_polarity, measurement_without_code,
    empty_table, custom_scale_invalid,
)
