"""Conventions real reports disagree on, and the presets that bundle them (issue 14).

Each convention is a setting of `model.Settings` with named values (schema.py): the capaian
cap (`Capping`), the negative-indicator formula (`NegativeFormula`), how a range target is
read (`RangeReading`), how efficiency is judged (`EfficiencyMethod`) and the rating scale
(scales.py). A preset names a bundle of them. The defaults are the seed report's.

Order (docs/configuration.md): Identitas (its `Preset Konvensi`, then its single settings),
then the config file (its `preset`, then its keys), then the command line (`--preset`, then
`--cap`, `--range-target`, `--efficiency`, `--scale`, `--negative-formula`). A preset given
by a later source replaces every convention an earlier source set.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .model import Scale, Settings
from .scales import DEFAULT_SCALE, SCALE_5
from .schema import (
    Capping,
    EfficiencyMethod,
    NegativeFormula,
    RangeReading,
    normalise,
)

# The Settings fields a preset sets.
CONVENTION_KEYS = ("scale", "negative_formula", "capping", "range_reading",
                   "efficiency_method")


@dataclass(frozen=True, slots=True)
class Preset:
    """A named bundle of conventions; `source` is a message key naming where it comes from."""

    name: str
    scale: Scale
    capping: Capping = Capping.NONE
    negative_formula: NegativeFormula = NegativeFormula.REFLECTED
    range_reading: RangeReading = RangeReading.INSIDE_100
    efficiency_method: EfficiencyMethod = EfficiencyMethod.DIFFERENCE
    aliases: tuple[str, ...] = ()

    def values(self) -> dict[str, object]:
        return {"scale": self.scale, "negative_formula": self.negative_formula,
                "capping": self.capping, "range_reading": self.range_reading,
                "efficiency_method": self.efficiency_method}


# The seed report's conventions (LKjIP 2019 Dinsos PM Kota Batam, Bab III 3.1): no cap,
# (2T-R)/T, a range counts 100 inside it, efficiency as the difference with a 5-point band,
# the 4-band scale.
DEFAULT_PRESET = Preset("Bawaan", DEFAULT_SCALE, aliases=("default", "seed", "baku"))
# Permendagri 86/2017 (evaluation of the RKPD / Renstra results): the 5-band scale
# 91/76/66/51, capaian uncapped.
PERMENDAGRI_PRESET = Preset("Permendagri 86/2017", SCALE_5,
                            aliases=("permendagri", "permendagri86", "permendagri862017"))
# The PermenPAN-RB performance-management practice: capaian above the target scored up to
# 120 (several ministries restate values above 120 % as 120 %), with the 5-band scale.
PERMENPAN_PRESET = Preset("PermenPAN-RB", SCALE_5, capping=Capping.CAP_120,
                          aliases=("permenpan", "permenpanrb", "kemenpan", "kemenpanrb"))

PRESETS: tuple[Preset, ...] = (DEFAULT_PRESET, PERMENDAGRI_PRESET, PERMENPAN_PRESET)
PRESET_CHOICES = tuple(p.name for p in PRESETS)


def find_preset(name: object) -> Preset | None:
    """The preset a name refers to ('PermenPAN-RB', 'permenpan', 'Bawaan'), or None."""
    key = normalise(name)
    for preset in PRESETS:
        if key in (normalise(preset.name), *(normalise(a) for a in preset.aliases)):
            return preset
    return None


def with_preset(settings: Settings, preset: Preset, where: str) -> Settings:
    """`settings` with every convention of `preset`, each recorded as coming from `where`."""
    named = f"Preset Konvensi {preset.name}, {where}"
    origins = (*settings.origins, ("preset", where),
               *((key, named) for key in CONVENTION_KEYS))
    return dataclasses.replace(settings, **preset.values(), preset=preset.name,
                               negative_formula_label="", origins=origins)


def with_setting(settings: Settings, key: str, value: object, where: str,
                 **extra: object) -> Settings:
    """`settings` with one convention (a Settings field) set, recorded as from `where`."""
    return dataclasses.replace(settings, **{key: value}, **extra,
                               origins=(*settings.origins, (key, where)))
