# kgraph: `make demo` builds the bundled articles; `make test` runs the whole suite. `make help` lists targets.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help demo test lint bench install browser virtuoso clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

install: $(STAMP)  ## create .venv and install kgraph with its test and dev tools

demo: $(STAMP)  ## build the bundled articles into out/ (Turtle, TriG, HTML) and print a summary
	$(BIN)/kgraph build --out out

browser:  ## install Debian's chromium when it is missing (the browser tests drive it)
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	@chromium --version

virtuoso:  ## install Debian's Virtuoso 7 when it is missing (the slow SPARQL tests push to it)
	@command -v virtuoso-t >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq virtuoso-opensource >/dev/null; }

test: $(STAMP) browser virtuoso  ## install what the tests need and run the whole suite
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff (lint and format) and mypy
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)  ## run the benchmarks (on demand; prints times and ratios against a baseline)
	$(BIN)/python -m benchmarks

clean:  ## remove built output and caches
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
