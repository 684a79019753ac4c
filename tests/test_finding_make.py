"""`rules.base.new_finding` and `new_fix`, the rules' fast way to make a Finding and a Fix,
make exactly what the dataclasses make: the same type, fields, equality, hash, immutability
and pickling."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from lkjip_xl.model import CellRef
from lkjip_xl.rules import base
from lkjip_xl.rules.base import Action, Finding, Fix, Severity

ARGS = ("CAP001", "capaian", Severity.WARNING, "a.xlsx", "Lampiran II", "H4", "cap.mismatch")
FIELDS = {"params": (("stated", 81.41),), "stated": 81.41, "expected": 90.0,
          "difference": -8.59, "tolerance": 0.005, "formula": "565 / 594 x 100",
          "inputs": (("Lampiran II!G4", 565.0),), "related": ("Lampiran II!F4",),
          "fix": Fix(CellRef("Lampiran II", 4, 8), 90.0, Action.CORRECT)}


def test_fast_findings_are_findings() -> None:
    assert base.new_finding is not Finding  # CPython: the fast path is taken
    for fields in ({}, FIELDS):
        made = base.new_finding(*ARGS, **fields)
        want = Finding(*ARGS, **fields)
        assert type(made) is Finding
        assert made == want and hash(made) == hash(want) and repr(made) == repr(want)
        assert [getattr(made, f.name) for f in dataclasses.fields(Finding)] == \
            [getattr(want, f.name) for f in dataclasses.fields(Finding)]
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.cell = "A1"  # type: ignore[misc]
        assert pickle.loads(pickle.dumps(made)) == want
        assert dataclasses.replace(made, cell="A1") == dataclasses.replace(want, cell="A1")
    with pytest.raises(TypeError):
        base.new_finding(*ARGS[:3])  # a missing field fails as Finding(...) does


def test_fast_fixes_are_fixes() -> None:
    assert base.new_fix is not Fix
    ref = CellRef("Lampiran II", 4, 8)
    for args in ((ref, 90.0), (ref, "Baik", Action.FILL)):
        made, want = base.new_fix(*args), Fix(*args)
        assert type(made) is Fix and made == want and hash(made) == hash(want)
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.value = 1.0  # type: ignore[misc]
        assert pickle.loads(pickle.dumps(made)) == want
    assert base.new_fix(ref, 1.0).action is Action.CORRECT


def test_a_layout_that_drifts_from_finding_falls_back(monkeypatch) -> None:
    """A field added to Finding but not to `_Unfrozen` (or a default changed) turns the fast
    path off rather than making findings with a wrong field."""
    sample = ARGS
    assert base._maker(Finding, base._Unfrozen, *sample) is not Finding

    def init(self, code, name, severity, file, sheet, cell, message_key, params=(),
             stated=None, expected=None, difference=None, tolerance=None, formula="",
             inputs=(), related=(), fix=Action.REVIEW):  # another default
        pass

    monkeypatch.setattr(base._Unfrozen, "__init__", init)
    assert base._maker(Finding, base._Unfrozen, *sample) is Finding

    class Fewer:  # a slot short
        __slots__ = Finding.__slots__[:-1]

    assert base._maker(Finding, Fewer, *sample) is Finding
