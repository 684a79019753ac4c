"""The rule registry: every rule, registered here and nowhere else.

Each family module exports `RULES`, a tuple of `Rule` objects built with `rule(...)`; a rule's
docstring is its user documentation (`lkjip-xl rules`).

Rules that compare two reports (this year's against last year's: `check --previous`, and
pairs found in a batch) take a `previous.PairContext` instead of a `RuleContext`; they are
registered here too, in their own list (`pair_rules()`), because `engine.check_report` runs
`all_rules()` on one report and `engine.check_pair` runs `pair_rules()` on two.
`every_rule()` is both, for the `rules` command and for `--select`/`--ignore`.
"""

from __future__ import annotations

from .base import Action, Finding, Fix, Rule, RuleContext, Severity
from .define import rule

__all__ = ["Action", "Finding", "Fix", "Rule", "RuleContext", "Severity", "all_rules",
           "every_rule", "get", "pair_rules", "rule"]


def _collect() -> dict[str, Rule]:
    from . import averages, capaian, comparisons, consistency, efficiency, hygiene, totals

    registry: dict[str, Rule] = {}
    for module in (hygiene, capaian, totals, consistency, averages, efficiency, comparisons):
        for r in module.RULES:
            if r.code in registry:
                raise RuntimeError(f"duplicate rule code {r.code}")
            registry[r.code] = r
    return registry


def _collect_pairs(single: dict[str, Rule]) -> dict[str, Rule]:
    from . import previous

    registry: dict[str, Rule] = {}
    for r in previous.RULES:
        if r.code in registry or r.code in single:
            raise RuntimeError(f"duplicate rule code {r.code}")
        registry[r.code] = r
    return registry


_REGISTRY: dict[str, Rule] | None = None
_PAIR_REGISTRY: dict[str, Rule] | None = None


def all_rules() -> tuple[Rule, ...]:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = _collect()
    return tuple(sorted(_REGISTRY.values(), key=lambda r: r.code))


def pair_rules() -> tuple[Rule, ...]:
    """The rules that compare this year's report with last year's (`rules/previous.py`)."""
    global _PAIR_REGISTRY
    if _PAIR_REGISTRY is None:
        all_rules()
        assert _REGISTRY is not None
        _PAIR_REGISTRY = _collect_pairs(_REGISTRY)
    return tuple(sorted(_PAIR_REGISTRY.values(), key=lambda r: r.code))


def every_rule() -> tuple[Rule, ...]:
    """Every registered rule, those of one report and those of a pair, by code."""
    return tuple(sorted((*all_rules(), *pair_rules()), key=lambda r: r.code))


def get(code: str) -> Rule:
    """The rule with this code; KeyError with a clear message for an unknown code."""
    for r in every_rule():
        if r.code == code:
            return r
    raise KeyError(f"unknown rule code: {code}")
