"""`messages.localise`'s cached paths give what `numtext.format_number` gives, for values
that compare equal but are written differently too."""

from __future__ import annotations

import math
from decimal import Decimal

from lkjip_xl.messages import Verbatim, localise, t
from lkjip_xl.numtext import format_number


def test_figures_through_the_cache_match_format_number() -> None:
    values = [1, 1.0, 1.5, -0.0, 0.0, 0, 93.05, 1697, 1697.0, 12345678.125, -2.5, math.inf,
              Decimal("1.0"), Decimal("1.00"), Decimal("1"), 10 ** 20, 1e-7]
    for _ in range(2):  # the second round reads the cache
        for lang in ("id", "en"):
            for value in values:
                assert localise(value, lang) == format_number(value, lang), (value, lang)
    assert localise(Decimal("1.0"), "id") != localise(Decimal("1.00"), "id")
    assert localise(math.nan, "en") == format_number(math.nan, "en")
    assert localise(True, "id") is True


def test_text_tokens_localised_outside_workbook_names_only() -> None:
    text = "565 / 594 x 100 = 95.12 dari [2023 lama.xlsx]Lampiran II!H4"
    for lang in ("id", "en"):
        shown = localise(text, lang)
        assert "[2023 lama.xlsx]" in shown
        assert shown.startswith(f"565 / 594 x 100 = {format_number(95.12, lang)} dari")
    quoted = Verbatim("1.697")
    assert localise(quoted, "id") is quoted


def test_long_quoted_text_still_clipped() -> None:
    long = "x" * 400
    clipped = t("num.clipped", "id", text=Verbatim(long[:300]), n=Verbatim("400"))
    shown = t("import.note.below", "id", text=long)
    assert long not in shown and clipped in shown
    short = "y" * 300  # at the limit: as is
    assert t("import.note.below", "en", text=short) == f'Printed below it: "{short}".'


def test_only_the_params_a_text_names_are_read(monkeypatch) -> None:
    """`t` localises only the params its text uses: the others may hold anything."""
    from lkjip_xl import messages

    class Unshowable:
        def __format__(self, spec: str) -> str:
            raise AssertionError("an unused param was formatted")

    monkeypatch.setitem(messages.MESSAGES, "test.fields", (
        "{value} dari {raw!r} ({how_id}) {{tetap}}", "{value} of {raw!r} ({how_en})"))
    for _ in range(2):  # the second round reads the cached field names
        assert t("test.fields", "id", value="1697.5", raw="1.697,5", how_id="titik ribuan",
                 how_en=Unshowable()) == "1.697,5 dari '1.697,5' (titik ribuan) {tetap}"
        assert t("test.fields", "en", value="1697.5", raw="x", how_en="dot: thousands",
                 how_id=Unshowable()) == "1,697.5 of 'x' (dot: thousands)"
    # the figures of the other language's text, or of another message, are not localised
    seen: list[object] = []
    def spy(real):
        return lambda v, lang: seen.append(v) or real(v, lang)

    for name in ("localise", "_localise_text"):
        monkeypatch.setattr(messages, name, spy(getattr(messages, name)))
    assert t("test.fields", "id", value="2", raw="2", how_id="", expected="3", formula=4.5) \
        == "2 dari '2' () {tetap}"
    assert t("test.fields", "id", value=2.5, raw="2", how_id="", expected=3.5) \
        == "2,5 dari '2' () {tetap}"
    assert seen == ["2", 2.5]
    # a param the text names but the call lacks: the text as it is, as before
    assert t("test.fields", "en", value="1") == "{value} of {raw!r} ({how_en})"


def test_texts_whose_fields_cannot_be_told_format_every_param(monkeypatch) -> None:
    """Attribute and index fields read their param; a nested field in a format spec, a
    positional field and a malformed text take the former path (every param localised)."""
    from lkjip_xl import messages

    cases = {
        "test.attr": ("{obj.imag} {items[0]} {value}", 1697.0, "2.0 a 1.697"),
        "test.nested": ("{value:>{width}}", "93.05", "  93,05"),
        "test.positional": ("{0} {value}", "1", "{0} {value}"),
        "test.malformed": ("{value", "1", "{value"),
    }
    for key, (text, value, want) in cases.items():
        monkeypatch.setitem(messages.MESSAGES, key, (text, text))
        for _ in range(2):
            assert t(key, "id", value=value, items=["a"], width=7, obj=2j) == want, key
    assert messages._field_names("{value.real} {items[0]} {value}") == {"value", "items"}
    assert messages._field_names("{value:>{width}}") is None
    assert messages._field_names("{0}") is None
    assert messages._field_names("{value") is None
    assert messages._field_names("tanpa isian {{x}}") == frozenset()


def test_plain_text_localised_through_the_cache_as_without_it() -> None:
    from lkjip_xl import messages

    texts = ["565 / 594 x 100", "1697", "-2.5 dan 10", "Bab III 3.2", "", "[a 1.xlsx]B!C3 1.5"]
    for lang in ("id", "en"):
        for text in texts:
            want = messages.outside_workbook_names(text, lambda part, lang=lang: (
                messages._NUMBER_TOKEN.sub(lambda m: format_number(
                    Decimal(m.group(0)), lang), part)))
            assert localise(text, lang) == want == localise(text, lang), (text, lang)


def test_every_catalogue_text_formats_as_with_every_param_localised() -> None:
    """For each text of the catalogue, both languages: `t` (which localises only the params
    the text names) gives what formatting it with every param localised gives."""
    from string import Formatter

    from lkjip_xl import messages

    def reference(key: str, lang: str, params: dict[str, object]) -> str:
        text = messages.MESSAGES[key][1 if lang == "en" else 0]
        shown = {k: messages.localise(v, lang) if k in messages.NUMERIC_PARAMS
                 else messages._clip(v, lang) if isinstance(v, str) and len(v) > 300 else v
                 for k, v in params.items()}
        try:
            return text.format_map(shown)
        except (KeyError, IndexError, ValueError):
            return text

    checked = 0
    for key, pair in messages.MESSAGES.items():
        for lang, text in zip(("id", "en"), pair, strict=True):
            names = {field.split(".")[0].split("[")[0]
                     for _, field, _, _ in Formatter().parse(text) if field}
            params: dict[str, object] = {name: f"{len(name)}.5 dari 1697" for name in names}
            params.update(expected=93.05, formula="565 / 594 x 100", raw="x" * 301)
            assert t(key, lang, **params) == reference(key, lang, params), (key, lang)
            checked += 1
    assert checked == 2 * len(messages.MESSAGES)
