"""`@rule(...)`: turn a check function into a registered-ready Rule."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .base import CheckFn, Finding, Rule, RuleContext, Severity


def rule(code: str, name: str, severity: Severity, *, options: Mapping[str, Any] | None = None
         ) -> Callable[[Callable[[RuleContext], Iterator[Finding]]], Rule]:
    """Decorator: the function's docstring becomes the rule's documentation."""

    def wrap(fn: CheckFn) -> Rule:
        family = fn.__module__.rsplit(".", 1)[-1]
        return Rule(code, name, severity, fn, fn.__doc__ or "", dict(options or {}), family)

    return wrap
