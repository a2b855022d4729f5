# The project's verbs. Each target creates .venv and installs the project on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SAMPLE := samples/changzhou-2019-credit-task-division/changzhou-2019-credit-task-division.txt
OUT := out/changzhou-2019

.PHONY: run test bench bench-ocr hostile-report fuzz corpus golden lint t2s clean browser system-packages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/fengong extract $(SAMPLE) --out $(OUT) --xlsx
	@echo "open $(OUT)/report.html or $(OUT)/tables.xlsx; tables as CSV and Parquet; manifest: $(OUT)/manifest.json"

test: $(STAMP) browser system-packages
	$(BIN)/python -m pytest

# report.html and diff.html are tested in headless Chromium (Debian's, with its chromedriver); CJK fonts for the
# screenshots. Installed when missing (CI runs as root on a fresh Debian machine).
BROWSER_PACKAGES := chromium chromium-driver fonts-wqy-microhei
browser:
	@dpkg -s $(BROWSER_PACKAGES) >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null; }

# Debian packages the tests need, installed when missing (CI runs as root on a fresh Debian machine): LibreOffice
# reads .doc and .wps files (the headless package is enough and pulls in no desktop); OpenCV, which OCR uses,
# loads libGL and GLib.
system-packages: $(STAMP)
	@command -v soffice >/dev/null 2>&1 && $(BIN)/python -c "import cv2" 2>/dev/null || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui libgl1 libglib2.0-0 >/dev/null; }

# pdftotext (poppler-utils) is one of the PDF readers compared; installed when missing and apt-get is at hand.
bench: $(STAMP)
	command -v pdftotext >/dev/null || ! command -v apt-get >/dev/null || apt-get install -y --no-install-recommends poppler-utils \
		|| (apt-get update && apt-get install -y --no-install-recommends poppler-utils) || echo "bench: pdftotext not installed, left out"
	$(BIN)/python tests/bench.py

# OCR on the whole sample notice printed to images (minutes): rows read exactly, rows flagged, seconds per page.
bench-ocr: $(STAMP)
	$(BIN)/python tests/ocr_bench.py

# Mutated samples of every format through `fengong extract`, for FUZZ_SECONDS: no traceback, no hang (tests/fuzz.py).
# A new random seed each time unless FUZZ_SEED is given (CI gives one, so a failure there can be replayed).
FUZZ_SECONDS ?= 60
# Every hostile or broken input of the reliability suite as a user meets it: exit, message, seconds, peak memory.
hostile-report: $(STAMP)
	$(BIN)/python tests/hostile_report.py

fuzz: $(STAMP)
	$(BIN)/python tests/fuzz.py --seconds $(FUZZ_SECONDS) $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

# Per sample notice: clauses, units and issues found (tests/corpus_report.py FOLDER for other notices).
corpus: $(STAMP)
	$(BIN)/python tests/corpus_report.py samples

# Rewrites samples/*/expected from the current code. Review the diff against the notice text before committing.
golden: $(STAMP)
	$(BIN)/python tests/golden.py

# ruff on the sources; mypy and the layer contract (import-linter, in pyproject.toml) on the package as installed.
# Rewrites extract/t2s.tsv (the traditional -> simplified character table) from OpenCC.
t2s: $(STAMP)
	$(BIN)/python tests/make_t2s_table.py

lint: $(STAMP)
	$(BIN)/ruff check fengong extract normalize outputs tests
	$(BIN)/python tests/lint_tree.py build/lint
	cd build/lint && ../../$(BIN)/mypy --config-file ../../pyproject.toml -p fengong
	cd build/lint && PYTHONPATH=. ../../$(BIN)/lint-imports ../../pyproject.toml

clean:
	rm -rf $(VENV) out build .pytest_cache .hypothesis
