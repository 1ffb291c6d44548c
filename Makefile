# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
INPUT     ?= seeds
WAREHOUSE ?= warehouse

.PHONY: install run test test-fast bench bench-incremental report clean train eval

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/dibao run --input $(INPUT) --warehouse $(WAREHOUSE)

# The report test renders HTML in headless Chromium (Debian's package), installed here when missing.
# pytest prints each file with its progress, then the ten slowest tests and the total time (pyproject.toml).
test: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || { SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }
	$(BIN)/python -m pytest

# Everything but the end-to-end tests (marked `slow` in tests/conftest.py): no Prefect server, no browser.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

bench: $(STAMP)
	$(BIN)/python -m bench.run

bench-incremental: $(STAMP)
	$(BIN)/python -m bench.incremental --copies 30

# The name model (tasks/data/ner_model.npz, kept in the repository) from ../shared/train: ~15 min of one core.
train: $(STAMP)
	$(BIN)/python -m learn.train

# Extraction on the dev split of ../shared/train, per source and label, beside jieba's nr tags; then the seeds.
eval: $(STAMP)
	$(BIN)/python -m learn.evaluate

clean:
	rm -rf $(WAREHOUSE)/tables $(WAREHOUSE)/staging $(WAREHOUSE)/state $(WAREHOUSE)/*.duckdb
