# Everything a fresh machine needs is created here from python3 alone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint examples template clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Run the main job on the bundled example (the real 2019 report).
demo: $(STAMP)
	$(BIN)/lkjip-xl show examples/lkjip_2019_dinsos_batam.xlsx

## Set up, then run the whole test suite and the linter.
test: $(STAMP)
	$(BIN)/ruff check lkjip_xl tests examples benchmarks
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check lkjip_xl tests examples benchmarks

## Rebuild the example workbooks from their YAML sources.
examples: $(STAMP)
	$(BIN)/python examples/build_examples.py

## Regenerate the committed template.
template: $(STAMP)
	$(BIN)/lkjip-xl template -o workbook_templates/lkjip_template.xlsx --force

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
