"""The rule registry: every rule, registered here and nowhere else.

Each family module exports `RULES`, a tuple of `Rule` objects built with `rule(...)`; a rule's
docstring is its user documentation (`lkjip-xl rules`).
"""

from __future__ import annotations

from .base import Action, Finding, Fix, Rule, RuleContext, Severity
from .define import rule

__all__ = ["Action", "Finding", "Fix", "Rule", "RuleContext", "Severity", "all_rules", "get",
           "rule"]


def _collect() -> dict[str, Rule]:
    from . import averages, capaian, comparisons, consistency, efficiency, hygiene, totals

    registry: dict[str, Rule] = {}
    for module in (hygiene, capaian, totals, consistency, averages, efficiency, comparisons):
        for r in module.RULES:
            if r.code in registry:
                raise RuntimeError(f"duplicate rule code {r.code}")
            registry[r.code] = r
    return registry


_REGISTRY: dict[str, Rule] | None = None


def all_rules() -> tuple[Rule, ...]:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = _collect()
    return tuple(sorted(_REGISTRY.values(), key=lambda r: r.code))


def get(code: str) -> Rule:
    """The rule with this code; KeyError with a clear message for an unknown code."""
    for r in all_rules():
        if r.code == code:
            return r
    raise KeyError(f"unknown rule code: {code}")
