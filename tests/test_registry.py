"""The rule registry: stable codes, names, severities and documentation for every rule."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from lkjip_xl.cli import cli
from lkjip_xl.messages import MESSAGES
from lkjip_xl.rules import Severity, all_rules, every_rule, get, pair_rules


def test_every_rule_is_documented_in_both_languages() -> None:
    rules = every_rule()
    assert len({r.code for r in rules}) == len(rules)
    for r in rules:
        assert re.fullmatch(r"[A-Z]{3}\d{3}", r.code), r.code
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", r.name), r.name
        assert isinstance(r.severity, Severity)
        assert len(r.doc.strip().splitlines()) >= 2, f"{r.code} needs a real docstring"
        id_text, en_text = MESSAGES[f"rule.{r.code}.summary"]
        assert id_text and en_text and id_text != en_text, r.code


def test_families_are_registered() -> None:
    prefixes = {r.code[:3] for r in all_rules()}
    assert prefixes == {"AVG", "CAP", "CMP", "EFF", "INP", "KAT", "TOT", "XTB"}


def test_get_unknown_code_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="unknown rule code: NOPE01"):
        get("NOPE01")
    assert get("CAP001").name == "capaian-mismatch"


def test_rules_command_in_both_languages() -> None:
    out_id = CliRunner().invoke(cli, ["rules"]).stdout
    out_en = CliRunner().invoke(cli, ["--lang", "en", "rules"]).stdout
    assert "Capaian tertulis berbeda" in out_id
    assert "A stated capaian differs" in out_en
    assert len(out_id.splitlines()) == len(every_rule()) == len(all_rules()) + len(pair_rules())
    assert "PRV001" in out_id and "Realisasi tahun sebelumnya" in out_id


def test_pair_rules_have_their_own_list() -> None:
    """The rules that compare two reports are registered apart (they take a PairContext),
    known to get() and to --select/--ignore, and never run on one report alone."""
    assert {r.code[:3] for r in pair_rules()} == {"PRV"}
    assert not {r.code for r in pair_rules()} & {r.code for r in all_rules()}
    assert get("PRV002").name == "rpjmd-target-changed"
    assert all(r.family == "previous" for r in pair_rules())
