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


def test_the_guides_name_the_mark_colours_the_code_uses() -> None:
    """docs/fix.md, its Indonesian version and the reviewers' guide list the four marks with
    the fills `fix` really writes (writers/styles.MARKS)."""
    from lkjip_xl.writers.styles import MARKS

    fills = {m.fill for m in MARKS.values()}
    for name in ("fix.md", "perbaikan.md", "panduan-pemeriksa.md", "panduan-excel.md"):
        text = (DOCS / name).read_text(encoding="utf-8")
        named = set(re.findall(r"`([0-9A-F]{6})`", text))
        assert fills <= named, (name, fills - named)
        assert "WARNA" not in text, name  # no placeholder left
