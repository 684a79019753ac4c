"""Comparison rules (CMP): the comparisons the AKIP evaluation scores (issue 14).

An LKjIP compares the realisation with previous years, with the end-of-period (RPJMD/Renstra)
target and with a national standard. The figures behind those comparisons are stated in several
places: the optional `Perbandingan` sheet (realisation by year, Target Akhir Periode, Standar
Nasional, Cara Hitung, Tren, a stated progress and a stated capaian against the standard),
`Pengukuran Kinerja` rows measured against `Tahun Lalu`, `Target Akhir Periode` or `Standar
Nasional`, Tabel VI.1's Kondisi Awal and final target, and the indicator's realisation
(Lampiran II, else Pengukuran Kinerja). Figures stated twice must agree, and a stated trend,
progress or capaian must follow from the numbers.

The multi-year figures come from `lkjip_xl.multiyear` (the Ringkasan shows the same ones).
A workbook without Perbandingan gets only the checks between the other sheets (a `Tahun Lalu`
row against Kondisi Awal, a `Target Akhir Periode` row against Tabel VI.1's final target).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from ..analysis import code_key, final_target, measurement_rows
from ..formulas import fmt, round_half_up
from ..messages import Verbatim, t
from ..model import Cell, MeasurementRow, Report
from ..multiyear import (
    Progress,
    Source,
    Statement,
    YearSeries,
    direction,
    end_number,
    improvement,
    progress,
    progress_capaian,
    series,
    standard_capaian,
    summed_targets,
)
from ..numbers import Number, NumberSource
from ..schema import Accumulation, Basis, Polarity, Trend, normalise
from .base import Finding, RuleContext, Severity
from .capaian import agrees, stated_decimals
from .define import rule
from .totals import plain_number

# Enum members as module constants: `RowRole.KEGIATAN` looks the member up on the enum
# class (0.1 to 0.25 us in Python 3.11), a module constant is one dict lookup; the loops
# over every row of a report ask for them thousands of times.
_BASIS_END_OF_PERIOD = Basis.END_OF_PERIOD
_BASIS_NATIONAL = Basis.NATIONAL
_NEGATIVE = Polarity.NEGATIVE

# --- helpers ---------------------------------------------------------------------------------

def _shown(number: Number) -> str:
    if number.is_range:
        return f"{plain_number(number.low)}-{plain_number(number.high)}"
    if number.value is None:
        return "-"
    return fmt(number.value, stated_decimals(number))


def _value(number: Number) -> float | str | None:
    return _shown(number) if number.is_range else number.value


def same_figure(a: Number, b: Number) -> bool:
    """Two statements of one figure agree: equal at the fewer decimals either is written with
    (85,5 and 85,46 agree: a rounding), equal ranges, or the same words."""
    if a.is_range or b.is_range:
        return a.is_range and b.is_range and a.low == b.low and a.high == b.high
    if a.value is None or b.value is None:
        return False
    decimals = min(stated_decimals(a), stated_decimals(b))
    return round_half_up(a.value, decimals) == round_half_up(b.value, decimals)


def _usable(cell: Cell | None) -> bool:
    return cell is not None and cell.ref is not None and cell.number.is_usable


def _difference(a: Number, b: Number) -> float | None:
    if a.value is None or b.value is None:
        return None
    return float(Decimal(repr(a.value)) - Decimal(repr(b.value)))


def _where(prefix: str, source: str, year: int, cell: Cell) -> dict[str, object]:
    """'{prefix}_id' / '{prefix}_en': where a figure is stated, in words, in both languages
    (a source such as 'Kondisi Awal Tabel VI.1 (D5)')."""
    params: dict[str, object] = {}
    for lang in ("id", "en"):
        params[f"{prefix}_{lang}"] = Verbatim(t(f"cmp.source.{source}", lang,
                                                year=Verbatim(str(year)),
                                                cell=Verbatim(str(cell.ref))))
    return params


def _year(year: int | None) -> Verbatim:
    return Verbatim(str(year) if year is not None else "-")


def _all_series(ctx: RuleContext) -> dict[str, YearSeries]:
    return series(ctx.report, ctx.settings)


# --- CMP001 ----------------------------------------------------------------------------------

# Which statement of a year's realisation is the reference when two disagree: the report
# year's own realisation and the signed RPJMD's Kondisi Awal over the copies of them.
_PRIORITY = {Source.REALISASI: 0, Source.KONDISI_AWAL: 1, Source.PERBANDINGAN: 2,
             Source.TAHUN_LALU: 3}


@rule("CMP001", "earlier-realisation-mismatch", Severity.ERROR)
def earlier_realisation_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """The realisation of one year is stated twice with two different figures.

    A year's realisation can be stated on Perbandingan (its `Realisasi <year>` column), as the
    Target of a Pengukuran Kinerja row measured against `Tahun Lalu` (last year's
    realisation, for the year before Tahun Laporan), as Tabel VI.1's Kondisi Awal (for the
    year before the first target year) and, for Tahun Laporan itself, as the indicator's
    realisation (Lampiran II, else Pengukuran Kinerja). Every statement is compared with the
    reference: the report year's realisation, else Kondisi Awal, else Perbandingan, else the
    first `Tahun Lalu` row. Two figures agree when they are equal at the fewer decimals
    either is written with (85,5 and 85,46 agree). Reported at the copy, naming the
    reference; no fix (a human decides which is right).
    """
    for s in _all_series(ctx).values():
        by_year: dict[int, list[Statement]] = {}
        for st in s.statements:
            if _usable(st.cell):
                by_year.setdefault(st.year, []).append(st)
        for year, statements in sorted(by_year.items()):
            if len(statements) < 2:
                continue
            ordered = sorted(statements, key=lambda st: _PRIORITY[st.source])
            reference = ordered[0]
            for other in ordered[1:]:
                if same_figure(other.cell.number, reference.cell.number):
                    continue
                assert other.cell.ref is not None and reference.cell.ref is not None
                a, b = other.cell.number, reference.cell.number
                params = {"code": s.code, "year": _year(year), "stated": _shown(a),
                          "expected": _shown(b),
                          **_where("what", other.source, year, other.cell),
                          **_where("ref", reference.source, year, reference.cell)}
                yield ctx.finding(
                    other.cell.ref, "rule.CMP001.plain", params=params, stated=_value(a),
                    expected=_value(b), difference=_difference(a, b), tolerance=0.0,
                    formula=str(reference.cell.ref),
                    inputs=((str(other.cell.ref), _value(a)),
                            (str(reference.cell.ref), _value(b))),
                    related=(str(reference.cell.ref),))


# --- CMP002 ----------------------------------------------------------------------------------

@rule("CMP002", "trend-mismatch", Severity.WARNING)
def trend_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """The Tren stated on Perbandingan does not follow from the realisations.

    Tren is the direction of the realisation of Tahun Laporan against the latest earlier year
    stated (normally the year before): `Naik`, `Turun` or `Tetap` are the direction of the
    numbers; `Membaik` / `Memburuk` read it with the indicator's polarity (for a Negatif
    indicator a falling figure is `Membaik`). When `Naik` is written for a Negatif indicator
    whose figure fell (the performance rose, the number did not), the message says so and
    suggests `Turun` or `Membaik`. Nothing is said when either realisation is not stated.
    No fix.
    """
    for s in _all_series(ctx).values():
        row = s.row
        if row is None or row.tren.is_blank or row.trend is None or row.tren.ref is None:
            continue
        cur, prev = s.current(), s.previous()
        if cur is None or prev is None:
            continue
        now, before = s.value(cur.year), s.value(prev.year)
        if now is None or before is None:
            continue
        numbers = direction(before, now)
        better = improvement(numbers, s.polarity)
        stated = row.trend
        if stated is numbers or (stated in (Trend.BETTER, Trend.WORSE) and stated is better):
            continue
        if stated in (Trend.BETTER, Trend.WORSE):
            expected = better.value if better is not None else numbers.value
            variant = "improvement" if better is not None else "flat"
        elif stated in (Trend.UP, Trend.DOWN) and numbers is not Trend.FLAT \
                and s.polarity is _NEGATIVE:
            expected, variant = numbers.value, "polarity"
        else:
            expected, variant = numbers.value, "plain"
        params = {"code": s.code, "trend": row.tren.text, "expected_trend": expected,
                  "better": (better or numbers).value, "before": fmt(before), "now": fmt(now),
                  "year_before": _year(prev.year), "year_now": _year(cur.year),
                  "polarity": s.polarity.value}
        yield ctx.finding(
            row.tren.ref, f"rule.CMP002.{variant}", params=params, stated=row.tren.text,
            expected=expected, formula=f"{fmt(before)} ({prev.year}) -> {fmt(now)} ({cur.year})",
            inputs=((str(prev.cell.ref), before), (str(cur.cell.ref), now)),
            related=(str(prev.cell.ref), str(cur.cell.ref)))


# --- CMP003 ----------------------------------------------------------------------------------

def _progress_formula(s: YearSeries) -> str:
    p = s.progress
    if p is None or not p.computation.ok:
        return ""
    return p.computation.formula


def _progress_params(s: YearSeries) -> dict[str, object]:
    p = s.progress
    assert p is not None
    years = ", ".join(str(y) for y in p.years)
    return {"code": s.code, "how_id": Verbatim(t(f"cmp.accumulation.{_acc(p.accumulation)}",
                                                 "id")),
            "how_en": Verbatim(t(f"cmp.accumulation.{_acc(p.accumulation)}", "en")),
            "to_date": plain_number(p.to_date), "to_date_formula": p.to_date_formula or "-",
            "years": Verbatim(years), "target": _end_shown(s),
            "computed": fmt(p.computation.rounded) if p.computation.rounded is not None
            else "-", "formula": p.computation.formula or "-"}


def _end_shown(s: YearSeries) -> str:
    number, source = end_number(s)
    if number is None:
        return "-"
    if source and "!" not in source:  # the sum of Tabel VI.1's yearly targets
        return f"{source} = {_shown(number)}"
    return _shown(number)


def _acc(how: Accumulation) -> str:
    return "cumulative" if how is Accumulation.CUMULATIVE else "latest"


def _not_computable(ctx: RuleContext, s: YearSeries, cell: Cell) -> Finding:
    p = s.progress
    assert p is not None and cell.ref is not None
    variant = "no-target" if end_number(s)[0] is None else "missing"
    params = {**_progress_params(s), "stated": _shown(cell.number),
              "missing": Verbatim(", ".join(str(y) for y in p.missing))}
    return ctx.finding(cell.ref, f"rule.CMP003.{variant}", params=params,
                       stated=_value(cell.number), severity=Severity.INFO)


def _progress_mismatch(ctx: RuleContext, s: YearSeries, cell: Cell, variant: str
                       ) -> Finding | None:
    p = s.progress
    assert p is not None and cell.ref is not None
    exact = p.computation.exact
    stated = cell.number.value
    if exact is None or stated is None:
        return None
    if agrees(stated, stated_decimals(cell.number), exact, ctx.settings):
        return None
    for other in _other_end_targets(ctx.report, s):
        # computed against Tabel VI.1's end target where Perbandingan states another one:
        # the target is CMP004's finding, the progress follows the report's own figures
        if p.to_date is None:
            break
        comp = progress_capaian(s, other, p.to_date, ctx.settings)
        if comp.exact is not None \
                and agrees(stated, stated_decimals(cell.number), comp.exact, ctx.settings):
            return None
    expected = round_half_up(exact, ctx.settings.decimals)
    params = {**_progress_params(s), "stated": _shown(cell.number)}
    severity = None
    cumulative = _as_cumulative(ctx, s)
    if cumulative is not None and cumulative.computation.exact is not None and agrees(
            stated, stated_decimals(cell.number), cumulative.computation.exact, ctx.settings):
        # Cara Hitung left blank (read as Nilai Terakhir) on a report that adds up its years
        variant, severity = "blank-cumulative", Severity.INFO
        params["cumulative_formula"] = cumulative.computation.formula
        params["cumulative_to_date"] = cumulative.to_date_formula
    inputs = [(str(st.cell.ref), s.value(y)) for y in p.years
              if (st := s.realisasi.get(y)) is not None]
    number, source = end_number(s)
    if number is not None:
        inputs.append((source if "!" in source else "Tabel VI.1", _value(number)))
    return ctx.finding(
        cell.ref, f"rule.CMP003.{variant}", params=params, stated=stated, expected=expected,
        difference=round(stated - expected, 9), tolerance=ctx.settings.tolerance,
        formula=f"({p.to_date_formula}) vs {p.computation.formula}", inputs=tuple(inputs),
        related=tuple(ref for ref, _ in inputs if "!" in ref), severity=severity)


def _as_cumulative(ctx: RuleContext, s: YearSeries) -> Progress | None:
    """The progress had Cara Hitung said Kumulatif, when it says nothing."""
    if s.row is None or not s.row.cara_hitung.is_blank:
        return None
    row = replace(s.row, cara_hitung=Cell(None, Accumulation.CUMULATIVE.value))
    return progress(ctx.report, ctx.settings, replace(s, row=row))


def _other_end_targets(report: Report, s: YearSeries) -> list[Number]:
    """Tabel VI.1's end target (the last year's, or the sum of a cumulative indicator's
    yearly targets) when it is not the one the progress was computed with."""
    used, _ = end_number(s)
    others: list[Number] = []
    final = final_target(report, s.rpjmd)
    if final is not None:
        others.append(final.number)
    if s.accumulation is Accumulation.CUMULATIVE and (summed := summed_targets(s.rpjmd)):
        others.append(Number(summed[0], NumberSource.NUMBER))
    return [n for n in others if used is None or not same_figure(n, used)]


@rule("CMP003", "progress-mismatch", Severity.WARNING)
def progress_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stated progress against the end-of-period target differs from the realisation to
    date / the end target.

    Progress = realisation to date / Target Akhir Periode x 100 (a Negatif indicator by the
    workbook's Rumus Indikator Negatif). The realisation to date follows Perbandingan's Cara
    Hitung: `Nilai Terakhir` (blank) is the realisation of Tahun Laporan; `Kumulatif` is the
    sum of the realisations of the period's target years up to Tahun Laporan. The end target
    is Perbandingan's Target Akhir Periode, else the target of Periode Akhir on Tabel VI.1.

    Checked where stated: Perbandingan's `Progres terhadap Target Akhir (%)`, and a Pengukuran
    Kinerja row measured against `Target Akhir Periode` of an indicator on Perbandingan: a
    cumulative indicator's row must state the cumulative realisation (its capaian arithmetic is
    CAP001's), a row stating only a capaian is compared with the progress. A stated progress
    that is the cumulative one while Cara Hitung is blank is only an INFO saying to fill it
    in. When a stated progress cannot be checked (a year of a cumulative indicator not
    stated, no end target), an INFO says what is missing. Where the progress is not stated
    the Ringkasan computes it. No fix: which convention the report meant is a judgement.
    """
    all_series = _all_series(ctx)
    for s in all_series.values():
        if s.row is None or s.progress is None:
            continue
        cell = s.row.progres
        if _usable(cell):
            if not s.progress.computation.ok:
                yield _not_computable(ctx, s, cell)
            elif (f := _progress_mismatch(ctx, s, cell, "stated")) is not None:
                yield f
        for m in measurement_rows(ctx.report, s.code):
            if m.basis is not _BASIS_END_OF_PERIOD or len(m.codes) != 1:
                continue
            yield from _end_row(ctx, s, m)


def _end_row(ctx: RuleContext, s: YearSeries, m: MeasurementRow) -> Iterator[Finding]:
    p = s.progress
    assert p is not None
    if _usable(m.realisasi):
        # A cumulative indicator's row states the sum to date (Nilai Terakhir rows are
        # compared with the PK realisation by XTB001).
        if p.accumulation is not Accumulation.CUMULATIVE or p.to_date is None:
            return
        stated = m.realisasi.number
        to_date = Number(p.to_date, NumberSource.NUMBER)
        if stated.value is None or same_figure(stated, to_date):
            return
        assert m.realisasi.ref is not None
        params = {**_progress_params(s), "stated": _shown(stated)}
        inputs = tuple((str(st.cell.ref), s.value(y)) for y in p.years
                       if (st := s.realisasi.get(y)) is not None)
        yield ctx.finding(
            m.realisasi.ref, "rule.CMP003.row-realisasi", params=params,
            stated=stated.value, expected=p.to_date,
            difference=round(stated.value - p.to_date, 9), tolerance=0.0,
            formula=p.to_date_formula, inputs=inputs, related=tuple(r for r, _ in inputs))
    elif _usable(m.capaian) and m.target.is_blank:
        if not p.computation.ok:
            yield _not_computable(ctx, s, m.capaian)
        elif (f := _progress_mismatch(ctx, s, m.capaian, "row")) is not None:
            yield f


# --- CMP004 ----------------------------------------------------------------------------------

def _twice(ctx: RuleContext, code: str, statements: list[tuple[str, Cell]], key: str,
           extra: dict[str, object]) -> Iterator[Finding]:
    """Each statement against the first (the reference): one finding per disagreeing copy."""
    usable = [(source, cell) for source, cell in statements if _usable(cell)]
    if len(usable) < 2:
        return
    ref_source, ref = usable[0]
    for source, cell in usable[1:]:
        if same_figure(cell.number, ref.number):
            continue
        assert cell.ref is not None and ref.ref is not None
        a, b = cell.number, ref.number
        params = {"code": code, "stated": _shown(a), "expected": _shown(b), **extra,
                  **_where("what", source, 0, cell), **_where("ref", ref_source, 0, ref)}
        yield ctx.finding(
            cell.ref, key, params=params, stated=_value(a), expected=_value(b),
            difference=_difference(a, b), tolerance=0.0, formula=str(ref.ref),
            inputs=((str(cell.ref), _value(a)), (str(ref.ref), _value(b))),
            related=(str(ref.ref),))


@rule("CMP004", "end-target-mismatch", Severity.WARNING)
def end_target_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """The end-of-period target is stated twice with two different figures.

    The target of the period's last year on Tabel VI.1 (Periode Akhir, else the last year
    column, else Kondisi Akhir) is the reference; Perbandingan's `Target Akhir Periode` and
    the Target of a Pengukuran Kinerja row measured against `Target Akhir Periode` must state
    the same figure (equal at the fewer decimals either is written with; ranges as ranges).
    For an indicator Perbandingan calls `Kumulatif`, whose Tabel VI.1 year columns are each
    year's amount, the end target is the sum of the yearly targets (the last year's target
    is accepted too, for a Tabel VI.1 that writes cumulative levels). A target revised in a
    Renstra review belongs in Tabel VI.1 too. No fix.
    """
    report = ctx.report
    for s in _all_series(ctx).values():
        copies: list[tuple[str, Cell]] = []
        if s.row is not None:
            copies.append((Source.PERBANDINGAN_TARGET, s.row.target_akhir))
        for m in measurement_rows(report, s.code):
            if m.basis is _BASIS_END_OF_PERIOD and len(m.codes) == 1:
                copies.append((Source.ROW_TARGET, m.target))
        if not any(_usable(c) for _, c in copies):
            continue  # no copy states a figure: none can disagree with the reference
        final = final_target(report, s.rpjmd)
        stated_how = s.row is not None and not s.row.cara_hitung.is_blank
        summed = summed_targets(s.rpjmd) \
            if s.accumulation is Accumulation.CUMULATIVE or not stated_how else None
        if summed is not None and s.accumulation is not Accumulation.CUMULATIVE:
            # Cara Hitung not stated: the end target may be the last year's target or, for
            # yearly amounts, their sum; a copy stating the sum is not reported.
            total = Number(summed[0], NumberSource.NUMBER)
            copies = [(src, c) for src, c in copies
                      if not (_usable(c) and same_figure(c.number, total))]
            summed = None
        if summed is None:
            statements = ([(Source.TARGET_RPJMD, final)] if final is not None else []) + copies
            yield from _twice(ctx, s.code, statements, "rule.CMP004.plain",
                              {"year": _year(s.end_year)})
            continue
        total = Number(summed[0], NumberSource.NUMBER)
        for source, cell in copies:
            if not _usable(cell) or same_figure(cell.number, total) or (
                    final is not None and _usable(final)
                    and same_figure(cell.number, final.number)):
                continue
            assert cell.ref is not None
            cells = summed[2]
            params = {"code": s.code, "stated": _shown(cell.number),
                      "expected": plain_number(summed[0]), "formula": summed[1],
                      **_where("what", source, 0, cell)}
            yield ctx.finding(
                cell.ref, "rule.CMP004.cumulative", params=params, stated=_value(cell.number),
                expected=summed[0], difference=_difference(cell.number, total),
                tolerance=0.0, formula=summed[1],
                inputs=tuple((str(c.ref), c.number.value) for c in cells),
                related=tuple(str(c.ref) for c in cells))


# --- CMP005 / CMP006 -------------------------------------------------------------------------

@rule("CMP005", "national-standard-mismatch", Severity.WARNING)
def national_standard_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """The national standard of an indicator is stated twice with two different figures.

    Perbandingan's `Standar Nasional` is the reference (else the first row); the Target of
    every Pengukuran Kinerja row measured against `Standar Nasional` must be the same figure.
    No fix.
    """
    for s in _all_series(ctx).values():
        statements: list[tuple[str, Cell]] = []
        if s.row is not None:
            statements.append((Source.STANDARD, s.row.standar_nasional))
        for m in measurement_rows(ctx.report, s.code):
            if m.basis is _BASIS_NATIONAL and len(m.codes) == 1:
                statements.append((Source.ROW_STANDARD, m.target))
        source = s.row.sumber_standar.text if s.row is not None else ""
        yield from _twice(ctx, s.code, statements, "rule.CMP005.plain",
                          {"source": source or "-"})


@rule("CMP006", "standard-capaian-mismatch", Severity.WARNING)
def standard_capaian_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stated capaian against the national standard differs from realisation / standard.

    Checked where stated: Perbandingan's `Capaian terhadap Standar Nasional (%)`, and the
    Capaian of a Pengukuran Kinerja row measured against `Standar Nasional` that states no
    target of its own (a row with its own target and realisation is CAP001's). Expected: the
    realisation of Tahun Laporan (the row's own realisation when it states one) / Perbandingan's
    Standar Nasional x 100, a Negatif indicator by the workbook's Rumus Indikator Negatif,
    capped by its Batas Capaian like every capaian it states (`Maks. 120`: 120 for a
    computed 131). Nothing is said when the standard or the realisation is not stated. No
    fix.
    """
    for s in _all_series(ctx).values():
        if s.row is None or not _usable(s.row.standar_nasional) or s.year is None:
            continue
        standard = s.row.standar_nasional
        current = s.current()
        cells: list[tuple[Cell, Cell | None]] = []
        if _usable(s.row.capaian_standar):
            cells.append((s.row.capaian_standar, current.cell if current else None))
        for m in measurement_rows(ctx.report, s.code):
            if m.basis is _BASIS_NATIONAL and len(m.codes) == 1 and m.target.is_blank \
                    and _usable(m.capaian):
                own = m.realisasi if _usable(m.realisasi) else None
                cells.append((m.capaian, own or (current.cell if current else None)))
        for cell, real in cells:
            if real is None or real.number.value is None or cell.number.value is None:
                continue
            comp = standard_capaian(s, standard.number, real.number, ctx.settings)
            if comp.exact is None or agrees(cell.number.value, stated_decimals(cell.number),
                                            comp.exact, ctx.settings):
                continue
            assert cell.ref is not None and comp.rounded is not None
            params = {"code": s.code, "stated": _shown(cell.number),
                      "computed": fmt(comp.rounded), "formula": comp.formula,
                      "standard": _shown(standard.number), "realisasi": _shown(real.number),
                      "source": s.row.sumber_standar.text or "-"}
            yield ctx.finding(
                cell.ref, "rule.CMP006.plain", params=params, stated=cell.number.value,
                expected=comp.rounded, difference=round(cell.number.value - comp.rounded, 9),
                tolerance=ctx.settings.tolerance, formula=comp.formula,
                inputs=((str(real.ref), real.number.value),
                        (str(standard.ref), _value(standard.number))),
                related=(str(real.ref), str(standard.ref)))


# --- CMP007 ----------------------------------------------------------------------------------

@rule("CMP007", "comparison-row-problem", Severity.WARNING)
def comparison_row_problem(ctx: RuleContext) -> Iterator[Finding]:
    """A Perbandingan row that cannot be read as meant.

    A `Cara Hitung` that is neither Kumulatif nor Nilai Terakhir (it is read as Nilai
    Terakhir); a `Tren` that is none of Naik, Turun, Tetap, Membaik, Memburuk (not checked);
    a Kode Indikator that neither Tabel VI.1 nor Lampiran II knows (its figures are linked to
    nothing); a realisation stated for a year after Tahun Laporan (a realisation that cannot
    exist yet: usually a target typed in the wrong table). No fix.
    """
    report = ctx.report
    known = {code_key(c) for c in report.indicator_codes}
    year = report.identity.year
    for row in report.comparisons:
        if not row.cara_hitung.is_blank and row.cara_hitung.ref is not None \
                and _parse_accumulation(row.cara_hitung) is None:
            yield ctx.finding(row.cara_hitung.ref, "rule.CMP007.accumulation",
                              params={"value": Verbatim(row.cara_hitung.text)},
                              stated=row.cara_hitung.text, expected=Accumulation.LATEST.value)
        if not row.tren.is_blank and row.tren.ref is not None and row.trend is None:
            yield ctx.finding(row.tren.ref, "rule.CMP007.trend",
                              params={"value": Verbatim(row.tren.text)}, stated=row.tren.text)
        if row.code and known and code_key(row.code) not in known \
                and row.kode_indikator.ref is not None:
            yield ctx.finding(row.kode_indikator.ref, "rule.CMP007.code",
                              params={"code": row.code}, stated=row.code)
        if year is not None:
            for y, cell in sorted(row.realisasi_by_year.items()):
                if y > year and _usable(cell):
                    assert cell.ref is not None
                    yield ctx.finding(cell.ref, "rule.CMP007.future",
                                      params={"code": row.code or "-", "year": _year(y),
                                              "report_year": _year(year),
                                              "stated": _shown(cell.number)},
                                      stated=_value(cell.number))


def _parse_accumulation(cell: Cell) -> Accumulation | None:
    from ..schema import parse_accumulation

    return parse_accumulation(cell.raw) if normalise(cell.raw) else None


RULES = (earlier_realisation_mismatch, trend_mismatch, progress_mismatch, end_target_mismatch,
         national_standard_mismatch, standard_capaian_mismatch, comparison_row_problem)
