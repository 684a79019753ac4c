"""Built-in rating scales (kategori). A scale is data: named bands with explicit lower edges.

- `Skala 4` is the seed report's own scale (Bab III 3.1): 85 to 100 Sangat Berhasil,
  70 to <85 Berhasil, 55 to <70 Cukup Berhasil, 0 to <55 Kurang Berhasil.
- `Skala 5` is the five-band scale common in LKjIPs: 91-100 Sangat Tinggi, 76-90 Tinggi,
  66-75 Sedang, 51-65 Rendah, 50 and below Sangat Rendah. Its integer edges leave 90.5
  undefined, so the bands are half-open: above 90, above 75, above 65, above 50, the rest.

Values above 100 belong to the top band. A custom scale is read from the workbook.
"""

from __future__ import annotations

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

CUSTOM_SCALE_NAME = "Kustom"
BUILTIN_SCALES: dict[str, Scale] = {SCALE_4.name: SCALE_4, SCALE_5.name: SCALE_5}
DEFAULT_SCALE = SCALE_4
SCALE_CHOICES = (SCALE_4.name, SCALE_5.name, CUSTOM_SCALE_NAME)

_SCALE_ALIASES = {
    "skala4": SCALE_4, "4": SCALE_4, "empat": SCALE_4, "berhasil": SCALE_4,
    "skala5": SCALE_5, "5": SCALE_5, "lima": SCALE_5, "tinggi": SCALE_5,
}


def builtin_scale(name: object) -> Scale | None:
    """The built-in scale a name refers to ('Skala 4', 'skala-5', '5'), or None."""
    return _SCALE_ALIASES.get(normalise(name))


def is_custom(name: object) -> bool:
    return normalise(name) in ("kustom", "custom")


def same_category(a: str, b: str) -> bool:
    return normalise(a) == normalise(b)
