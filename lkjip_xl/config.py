"""Settings in force for a check: the workbook's Identitas, then a config file, then the
command line. Config files: `[tool.lkjip-xl]` in pyproject.toml, or `lkjip-xl.toml`, found in
the current folder or its parents.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .conventions import find_preset, with_preset, with_setting
from .model import Report, Settings
from .rules.base import Severity
from .scales import builtin_scale, is_custom
from .schema import (
    negative_formula_label,
    normalise,
    parse_capping,
    parse_efficiency_method,
    parse_negative_formula,
    parse_range_reading,
)

# Units written differently that mean the same thing (compared after `normalise`).
DEFAULT_UNIT_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("Org", "Orang", "Jiwa", "Jiwa/Org", "Org/Jiwa", "Orang/Jiwa", "Jiwa/Orang", "Org/KPM"),
    ("Lbg", "Lembaga", "Lbg/Org"),
    ("Unit", "Unit/Rumah", "Rumah"),
    ("KPM", "Keluarga"),
    ("Pst", "Peserta", "Psrt"),
    ("Keg", "Kegiatan"),
    ("%", "Persen"),
)


ALL = "ALL"  # as in ruff: `select = ["ALL"]` selects every rule, `ignore = ["ALL"]` ignores all


# Config fields of the conventions -> their key in the config file and option name.
_OPTION_KEYS = {"preset": "preset", "cap": "cap", "range_target": "range-target",
                "efficiency": "efficiency", "scale": "scale",
                "negative_formula": "negative-formula"}


class ConfigError(ValueError):
    """A config value that makes no sense; the message names the key."""


class UnknownCodeError(ConfigError):
    """A rule code or prefix that names no rule (a typo such as CAP01): `where` is the option
    or the config file's key, `suggestions` the nearest codes."""

    def __init__(self, code: str, where: str, suggestions: tuple[str, ...]) -> None:
        super().__init__(f"{where}: {code}")
        self.code, self.where, self.suggestions = code, where, suggestions


class NoRulesError(ConfigError):
    """A selection that leaves no rule enabled: the check would always look clean."""


def rule_codes() -> tuple[str, ...]:
    """Every rule code: one report's rules and the pair rules (`check --previous`)."""
    from .rules import every_rule

    return tuple(r.code for r in every_rule())


def nearest_codes(code: str, codes: tuple[str, ...] | None = None, n: int = 3
                  ) -> tuple[str, ...]:
    """The known codes (and family prefixes) closest to `code`, for "did you mean"."""
    import difflib

    codes = codes if codes is not None else rule_codes()
    prefixes = sorted({c[:3] for c in codes})
    candidates = [*codes, *prefixes]
    found = difflib.get_close_matches(code.upper(), candidates, n=n, cutoff=0.5)
    if not found:  # CAPX -> CAP; XYZ123 -> the codes with the same number
        found = [c for c in candidates if c.startswith(code.upper()[:3])][:n]
    return tuple(found)


def check_codes(codes: tuple[str, ...], where: str, known: tuple[str, ...] | None = None,
                exact: bool = False) -> None:
    """Raise UnknownCodeError for the first entry that is neither ALL nor a prefix of a rule
    code (CAP, CAP00, CAP001 are fine; CAP01 is not); with `exact`, for one that is not a
    whole code (the keys of [severity] and [rules])."""
    known = known if known is not None else rule_codes()
    for code in codes:
        if code.upper() == ALL and not exact:
            continue
        if exact and code not in known:
            raise UnknownCodeError(code, where, nearest_codes(code, known))
        if not code or not any(k.startswith(code.upper()) for k in known):
            raise UnknownCodeError(code, where, nearest_codes(code, known))


@dataclass(frozen=True, slots=True)
class Config:
    """Settings from a config file and the command line (rules, scale, conventions)."""

    select: tuple[str, ...] = ()  # code prefixes; empty means every rule
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # code -> level
    scale: str | None = None
    negative_formula: str | None = None
    preset: str | None = None  # a bundle of conventions (conventions.PRESETS)
    cap: str | None = None  # Batas Capaian: 'none', '100', '120'
    range_target: str | None = None  # Target Rentang
    efficiency: str | None = None  # Metode Efisiensi
    tolerance: float | None = None
    decimals: int | None = None
    unit_synonyms: tuple[tuple[str, ...], ...] = DEFAULT_UNIT_SYNONYMS
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: str = ""  # the file the config came from, for messages
    limits: dict[str, Any] = field(default_factory=dict)  # [limits]: reading.Limits fields
    origins: dict[str, str] = field(default_factory=dict)  # convention key -> '--cap'

    def enabled(self, code: str) -> bool:
        """Whether the rule `code` runs: selected (no selection, ALL, or a prefix of it) and
        not ignored (ALL, or a prefix of it)."""
        selected = not self.select or any(p == ALL or code.startswith(p) for p in self.select)
        return selected and not any(p == ALL or code.startswith(p) for p in self.ignore)

    def validate(self, where_select: str = "select", where_ignore: str = "ignore") -> None:
        """Raise UnknownCodeError for a code that names no rule, NoRulesError when the
        selection leaves no rule enabled."""
        known = rule_codes()
        check_codes(self.select, where_select, known)
        check_codes(self.ignore, where_ignore, known)
        if not any(self.enabled(code) for code in known):
            raise NoRulesError(f"select={','.join(self.select) or '-'}, "
                               f"ignore={','.join(self.ignore) or '-'}")

    def where(self, key: str) -> str:
        """Where a convention of this config came from, for messages: the command-line option
        when it was given there, else the config file."""
        return self.origins.get(key) or self.source or key

    def check_conventions(self) -> None:
        """Raise ConfigError for a convention value that names nothing (before any file is
        read: a typo must not wait for the first workbook)."""
        for key, value, parse in (
                ("preset", self.preset, find_preset),
                ("cap", self.cap, parse_capping),
                ("range-target", self.range_target, parse_range_reading),
                ("efficiency", self.efficiency, parse_efficiency_method),
                ("negative-formula", self.negative_formula, parse_negative_formula)):
            if value and parse(value) is None:
                raise ConfigError(f"{key}={value}")
        if self.scale and not is_custom(self.scale) and builtin_scale(self.scale) is None:
            raise ConfigError(f"scale={self.scale}")

    def settings_for(self, report: Report) -> Settings:
        """The workbook's settings with this config's overrides applied: its preset first
        (replacing every convention Identitas set), then its single settings."""
        s = report.settings
        self.check_conventions()
        if self.preset:
            preset = find_preset(self.preset)
            assert preset is not None
            s = with_preset(s, preset, self.where("preset"))
        changes: dict[str, Any] = {"unit_synonyms": self.unit_synonyms}
        if self.scale:
            if is_custom(self.scale):
                if report.custom_scale is None:
                    raise ConfigError(f"scale={self.scale}")
                s = with_setting(s, "scale", report.custom_scale, self.where("scale"))
            else:
                scale = builtin_scale(self.scale)
                assert scale is not None
                s = with_setting(s, "scale", scale, self.where("scale"))
        if self.negative_formula:
            formula = parse_negative_formula(self.negative_formula)
            s = with_setting(s, "negative_formula", formula, self.where("negative-formula"),
                             negative_formula_label=negative_formula_label(
                                 self.negative_formula))
        for key, value, field_, parse in (
                ("cap", self.cap, "capping", parse_capping),
                ("range-target", self.range_target, "range_reading", parse_range_reading),
                ("efficiency", self.efficiency, "efficiency_method", parse_efficiency_method)):
            if value:
                s = with_setting(s, field_, parse(value), self.where(key))
        if self.tolerance is not None:
            changes["tolerance"] = self.tolerance
        if self.decimals is not None:
            changes["decimals"] = self.decimals
        return dataclasses.replace(s, **changes)

    def merged(self, **overrides: Any) -> Config:
        """This config with the non-empty overrides (from the command line) applied. A preset
        given there replaces the conventions the config file sets (the command line wins);
        the conventions given there are recorded as coming from their option."""
        given = {k: v for k, v in overrides.items() if v}
        if given.get("preset"):
            for key in ("scale", "negative_formula", "cap", "range_target", "efficiency"):
                given.setdefault(key, None)
        origins = {**self.origins, **{_OPTION_KEYS[k]: f"--{_OPTION_KEYS[k]}"
                                      for k, v in given.items() if v and k in _OPTION_KEYS}}
        return dataclasses.replace(self, **given, origins=origins)


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest `lkjip-xl.toml`, or `pyproject.toml` with a `[tool.lkjip-xl]` table, in
    `start` (the current folder) or a parent. A pyproject.toml whose text never names
    lkjip-xl cannot hold the table: it is not parsed (a project's own pyproject.toml, about
    3 ms of every command run in its folder, TOML parser included), so it is also not
    refused when it is not valid TOML."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "lkjip-xl.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "lkjip-xl" in (text := _text(pyproject)) \
                and "tool" in (data := _parsed(pyproject, text)) \
                and "lkjip-xl" in data["tool"]:
            return pyproject
    return None


def _load(path: Path) -> dict[str, Any]:
    return _parsed(path, _text(path))


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def _parsed(path: Path, text: str) -> dict[str, Any]:
    import tomllib  # only when there is a file: 2 ms of every command without one

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def load_config(path: Path | None = None) -> Config:
    """The config from `path`, or from the nearest config file, or the defaults."""
    path = path or find_config_file()
    if path is None:
        return Config()
    data = _load(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("lkjip-xl", {})
    config = config_from_dict(data, source=str(path))
    config.validate(f"{path}: select", f"{path}: ignore")
    return config


def _str_list(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(key)


def config_from_dict(data: dict[str, Any], source: str = "") -> Config:
    known = {"select", "ignore", "severity", "scale", "negative-formula", "tolerance",
             "decimals", "units", "rules", "limits", "preset", "cap", "range-target",
             "efficiency"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{source}: {', '.join(unknown)}")
    severity: dict[str, Severity] = {}
    if data.get("severity") or data.get("rules"):
        known = rule_codes()
        check_codes(tuple(str(c) for c in data.get("severity") or {}),
                    f"{source}: severity" if source else "severity", known, exact=True)
        check_codes(tuple(str(c) for c in data.get("rules") or {}),
                    f"{source}: rules" if source else "rules", known, exact=True)
    for code, level in (data.get("severity") or {}).items():
        try:
            severity[str(code)] = Severity(str(level).lower())
        except ValueError as exc:
            raise ConfigError(f"severity.{code}={level}") from exc
    units = DEFAULT_UNIT_SYNONYMS
    if "units" in data:
        groups = data["units"]
        if not isinstance(groups, list) or not all(isinstance(g, list) for g in groups):
            raise ConfigError("units")
        units = tuple(tuple(str(u) for u in g) for g in groups)
    tolerance = data.get("tolerance")
    if tolerance is not None and (not isinstance(tolerance, int | float) or tolerance < 0):
        raise ConfigError(f"tolerance={tolerance}")
    decimals = data.get("decimals")
    if decimals is not None and (not isinstance(decimals, int) or not 0 <= decimals <= 6):
        raise ConfigError(f"decimals={decimals}")
    limits = data.get("limits") or {}
    if not isinstance(limits, dict):
        raise ConfigError("limits")
    try:
        from .reading.limits import limits_from_dict

        limits_from_dict(limits)
    except ValueError as exc:
        raise ConfigError(f"limits: {exc}") from exc
    config = Config(
        select=tuple(c.strip().upper() for c in _str_list(data.get("select", []), "select")),
        ignore=tuple(c.strip().upper() for c in _str_list(data.get("ignore", []), "ignore")),
        severity=severity,
        scale=data.get("scale"),
        negative_formula=_opt_str(data, "negative-formula"),
        preset=_opt_str(data, "preset"),
        cap=_opt_str(data, "cap"),
        range_target=_opt_str(data, "range-target"),
        efficiency=_opt_str(data, "efficiency"),
        tolerance=float(tolerance) if tolerance is not None else None,
        decimals=decimals,
        unit_synonyms=units,
        rule_options={str(k): dict(v) for k, v in (data.get("rules") or {}).items()},
        source=source,
        limits=dict(limits),
    )
    try:
        config.check_conventions()
    except ConfigError as exc:
        raise ConfigError(f"{source}: {exc}" if source else str(exc)) from exc
    return config


def _opt_str(data: dict[str, Any], key: str) -> str | None:
    """A convention's value: a string, or a number written bare (cap = 120)."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ConfigError(f"{key}={value}")
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def unit_key(unit: str, synonyms: tuple[tuple[str, ...], ...]) -> str:
    """One key for units that mean the same: 'Org', 'Orang' and 'Jiwa/Org' -> 'org'."""
    key = normalise(unit)
    for group in synonyms:
        keys = [normalise(u) for u in group]
        if key in keys:
            return keys[0]
    return key
