# Everything a fresh machine needs is created here from python3 alone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint examples template excel clean bench bench-smoke fuzz pictures
.PHONY: dist wheelhouse documents

# PYTHONWARNINGS: setuptools says how an editable install works as a warning (information only).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Run the main job on the bundled example (the real 2019 report): check it, then write the
## corrected workbook to out/ (replacing the one an earlier run wrote there).
demo: $(STAMP)
	$(BIN)/lkjip-xl check --exit-zero examples/lkjip_2019_dinsos_batam.xlsx
	$(BIN)/lkjip-xl fix examples/lkjip_2019_dinsos_batam.xlsx -o out/lkjip_2019_dinsos_batam.diperbaiki.xlsx --force

## The Excel button: out/lkjip_excel.xlsm (the template with a "Periksa & Hitung" button,
## xlwings' VBA module inside) and out/lkjip_excel.py beside it. See docs/panduan-excel.md.
excel: $(STAMP)
	$(BIN)/lkjip-xl quickstart lkjip_excel --dir out --force

## Set up, then run the whole test suite and the linter.
test: $(STAMP)
	$(BIN)/ruff check lkjip_xl tests examples benchmarks tools
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check lkjip_xl tests examples benchmarks tools

## Rebuild the example workbooks from their YAML sources.
examples: $(STAMP)
	OPENPYXL_LXML=False $(BIN)/python examples/build_examples.py

## The Word and PDF fixtures of examples/documents/ (reports laid out as published, read by
## `lkjip-xl import`), from their *.layout.yaml; the PDFs need LibreOffice Writer (soffice).
documents: $(STAMP)
	$(BIN)/python examples/documents/build_documents.py

## Regenerate the committed template.
template: $(STAMP)
	OPENPYXL_LXML=False $(BIN)/lkjip-xl template -o workbook_templates/lkjip_template.xlsx --tahun 2019 --periode 2016-2021 --force

## Pictures of what users get (Ringkasan, Temuan, a marked sheet, the rekap) in docs/pictures/,
## rendered with LibreOffice and poppler from the bundled examples. See docs/pictures/render.py.
pictures: $(STAMP)
	$(BIN)/python docs/pictures/render.py

## The full benchmark (about 15 minutes; workbooks cached in $$BENCH_DIR or /tmp). See
## docs/performance.md.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --estimate 10000

## The benchmark at tiny sizes, in seconds (CI runs it through the test suite).
bench-smoke: $(STAMP)
	$(BIN)/python benchmarks/run.py --smoke

## Fuzz check and fix with 1,000 mutated workbooks (CI runs 30; see docs/security.md).
fuzz: $(STAMP)
	LKJIP_XL_FUZZ_PROFILE=fuzz $(BIN)/python -m pytest -p no:cacheprovider tests/test_fuzz.py

## The wheel and the sdist in dist/ (python -m build).
dist: $(STAMP)
	rm -f dist/lkjip_xl-*.whl dist/lkjip_xl-*.tar.gz
	$(BIN)/python -m build --quiet --outdir dist .
	@ls -1 dist/lkjip_xl-*

## dist/wheelhouse/: the wheel and every runtime dependency as wheels for Windows x64 and Linux
## x86_64, CPython 3.11-3.13, for an offline `pip install --no-index --find-links` (README,
## "Install"). xlwings is pinned to the version installed here, whose VBA `make excel` puts
## in the workbook. `make wheelhouse WHEELHOUSE_EXTRAS=pandas` adds the pandas extra.
WHEELHOUSE_EXTRAS ?=
wheelhouse: dist
	$(BIN)/python tools/wheelhouse.py dist/lkjip_xl-*.whl -o dist/wheelhouse --pin xlwings \
		--extras '$(WHEELHOUSE_EXTRAS)'

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
