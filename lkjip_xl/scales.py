"""Built-in rating scales (kategori). A scale is data: named bands with explicit lower edges.

- `Skala 4` is the seed report's own scale (Bab III 3.1): 85 to 100 Sangat Berhasil,
  70 to <85 Berhasil, 55 to <70 Cukup Berhasil, 0 to <55 Kurang Berhasil.
- `Skala 5` is the five-band scale common in LKjIPs: 91-100 Sangat Tinggi, 76-90 Tinggi,
  66-75 Sedang, 51-65 Rendah, 50 and below Sangat Rendah (the scale of Permendagri 86/2017's
  evaluation of the RKPD and Renstra). Its integer edges leave 90.5 undefined, so the bands
  are half-open: above 90, above 75, above 65, above 50, the rest.
- `Skala 5 Baik` is the same five bands named Sangat Baik, Baik, Cukup, Kurang, Sangat
  Kurang, as several LKjIPs name them.

Values above 100 belong to the top band. A custom scale is read from the workbook and
checked by `scale_issues` (INP024) before anything is categorised with it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from .model import Scale, ScaleBand
from .schema import normalise

SCALE_4 = Scale(
    "Skala 4",
    (
        ScaleBand("Sangat Berhasil", 85),
        ScaleBand("Berhasil", 70),
        ScaleBand("Cukup Berhasil", 55),
        ScaleBand("Kurang Berhasil", float("-inf")),
    ),
)

SCALE_5 = Scale(
    "Skala 5",
    (
        ScaleBand("Sangat Tinggi", 90, inclusive=False),
        ScaleBand("Tinggi", 75, inclusive=False),
        ScaleBand("Sedang", 65, inclusive=False),
        ScaleBand("Rendah", 50, inclusive=False),
        ScaleBand("Sangat Rendah", float("-inf")),
    ),
)

# The same bands as SCALE_5, named otherwise.
SCALE_5_BAIK = Scale(
    "Skala 5 Baik",
    tuple(replace(band, name=name) for band, name in zip(
        SCALE_5.bands, ("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"),
        strict=True)),
)

CUSTOM_SCALE_NAME = "Kustom"
BUILTIN_SCALES: dict[str, Scale] = {s.name: s for s in (SCALE_4, SCALE_5, SCALE_5_BAIK)}
DEFAULT_SCALE = SCALE_4
SCALE_CHOICES = (SCALE_4.name, SCALE_5.name, SCALE_5_BAIK.name, CUSTOM_SCALE_NAME)

_SCALE_ALIASES = {
    "skala4": SCALE_4, "4": SCALE_4, "empat": SCALE_4, "berhasil": SCALE_4,
    "skala5": SCALE_5, "5": SCALE_5, "lima": SCALE_5, "tinggi": SCALE_5,
    "skala5tinggi": SCALE_5, "permendagri86": SCALE_5,
    "skala5baik": SCALE_5_BAIK, "5baik": SCALE_5_BAIK, "baik": SCALE_5_BAIK,
    "sangatbaik": SCALE_5_BAIK, "limabaik": SCALE_5_BAIK,
}


def builtin_scale(name: object) -> Scale | None:
    """The built-in scale a name refers to ('Skala 4', 'skala-5', '5'), or None."""
    return _SCALE_ALIASES.get(normalise(name))


def is_custom(name: object) -> bool:
    return normalise(name) in ("kustom", "custom")


def same_category(a: str, b: str) -> bool:
    return normalise(a) == normalise(b)


# --- checking a custom scale (INP024) ---------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ScaleIssue:
    """Something wrong with a custom scale table: `kind` is 'gap' (values between `low` and
    `high` fall in no band), 'overlap' (values from `low` to `high` fall in two bands) or
    'no-top' (no band covers values above `low`, the top band's Batas Atas)."""

    kind: str
    low: float
    high: float
    bands: tuple[str, ...]  # the bands around the gap or in the overlap


def scale_issues(scale: Scale) -> tuple[ScaleIssue, ...]:
    """Gaps, overlaps and a missing top band of a scale whose table states upper bounds
    (Batas Atas). A band without a Batas Atas reaches up to the next band: no gap, no
    overlap. Bands are sorted from the top."""
    issues: list[ScaleIssue] = []
    bands = scale.bands
    for above, below in pairwise(bands):
        if below.upper is None:
            continue
        names = (below.name, above.name)
        if above.lower > below.upper:
            issues.append(ScaleIssue("gap", below.upper, above.lower, names))
        elif above.lower < below.upper or (above.lower == below.upper and above.inclusive):
            issues.append(ScaleIssue("overlap", above.lower, below.upper, names))
    top = bands[0] if bands else None
    if top is not None and top.upper is not None and top.upper <= 100:
        issues.append(ScaleIssue("no-top", top.upper, float("inf"), (top.name,)))
    return tuple(issues)
