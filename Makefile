# Quick start: `make run` (set up and analyze the bundled examples), `make test` (set up and run the tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# The report for each example article, then the same articles in a store and the web UI over it
# (the examples carry no date of their own; relative dates resolve against 2024-04-20).
run: $(VENV)/.installed
	$(BIN)/rasid analyze examples/ --format text
	$(BIN)/rasid ingest examples/ --db examples.db --published 2024-04-20
	$(BIN)/rasid serve --db examples.db

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .

test: lint
	$(BIN)/pytest

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/analyze.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
