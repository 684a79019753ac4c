"""A plain-text account of what the reader understood of a workbook (`lkjip-xl show`)."""

from __future__ import annotations

from collections import Counter

from ..messages import t
from ..model import Cell, Report
from ..schema import RowRole
from .formats import format_number


def _fmt(cell: Cell, lang: str) -> str:
    """A cell's number the way `check` writes numbers (1.697; 95,12), else its text."""
    n = cell.number
    if n.is_range:
        return f"{format_number(n.low, lang)}-{format_number(n.high, lang)}"
    if n.value is not None:
        return format_number(n.value, lang)
    return cell.text or "-"


def render_report(report: Report, lang: str = "id") -> str:
    ident = report.identity
    lines = [
        f"{t('show.file', lang)}: {report.path}",
        f"{t('show.agency', lang)}: {ident.nama_instansi.text or '-'}"
        f" ({ident.pemerintah_daerah.text or '-'}), {t('show.year', lang)} {ident.year or '-'}",
        f"{t('show.settings', lang)}: {report.settings.scale.name}; "
        f"{report.settings.negative_formula_name}; "
        f"{report.settings.capping.value}; {report.settings.range_reading.value}; "
        f"{report.settings.efficiency_method.value}; "
        + t("show.tolerance_decimals", lang, tol=format_number(report.settings.tolerance, lang),
            decimals=report.settings.decimals),
        f"{t('show.sheets', lang)}: " + ", ".join(
            f"{std}={actual!r}" for std, actual in report.sheet_names.items()),
        "",
        t("show.indicators", lang, n=len(report.indicators)),
    ]
    year = ident.year
    for ind in report.indicators:
        target = ind.target_for(year) if year else None
        lines.append(
            f"  {ind.code or '?':<8} {ind.indikator.text[:60]:<60} "
            f"{ind.polaritas.text or '-':<8} {year or ''}: {_fmt(target, lang) if target else '-'}"
        )
    roles = Counter(r.role.value if r.role else "?" for r in report.pk_rows)
    lines.append("")
    lines.append(t("show.pk", lang, n=len(report.pk_rows)) + "  " + ", ".join(
        f"{k} {v}" for k, v in roles.items()))
    for row in report.pk_rows:
        if row.role in (RowRole.INDIKATOR, RowRole.PROGRAM):
            is_indicator = row.role is RowRole.INDIKATOR
            name = row.indikator.text if is_indicator else row.program_kegiatan.text
            lines.append(f"  {row.role.value:<9} {row.kode_indikator.text or row.kode.text:<6} "
                         f"{name[:55]:<55} T={_fmt(row.target, lang)} "
                         f"Rp={_fmt(row.anggaran, lang)}")
    lines.append("")
    lines.append(t("show.measurements", lang, n=len(report.measurements)))
    lines.append(t("show.budget", lang, n=len(report.budget_rows)))
    if report.comparisons:
        lines.append(t("show.comparisons", lang, n=len(report.comparisons),
                       years=", ".join(str(y) for y in report.comparison_years) or "-"))
    lines.append("")
    kinds = Counter(p.kind for p in report.problems)
    lines.append(t("show.problems", lang, n=len(report.problems)) + (
        "  (" + ", ".join(f"{k} {v}" for k, v in kinds.most_common()) + ")" if kinds else ""))
    return "\n".join(lines)
