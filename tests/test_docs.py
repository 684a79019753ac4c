"""Documentation that programs rely on stays true to the code."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from lkjip_xl.config import config_from_dict

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_configuration_example_is_a_valid_config() -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", text, re.S)
    assert example
    config = config_from_dict(tomllib.loads(example.group(1)), source="docs")
    assert config.select == ("CAP", "TOT")
    assert config.unit_synonyms[0][0] == "Org"
    assert config.rule_options["XTB003"]["explanation_words"][0] == "RPJMD"
