# Two commands matter: `make run` (set up and serve the site) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
SAMPLE_PAGES := tests/fixtures/pages

.DEFAULT_GOAL := help
.PHONY: help install install-dev run setup serve test lint check bench bench-parse bench-import bench-site bench-load clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed ## Create .venv and install the site

install-dev: $(VENV)/.installed-dev ## Install the site plus test tools

setup: install ## Migrate, build the page tree, import the sample pages, make an admin
	$(MANAGE) migrate --noinput
	$(MANAGE) setup_site
	$(MANAGE) import_articles $(SAMPLE_PAGES) --publish
	$(MANAGE) ensure_admin

run: setup ## Set up everything and serve the site on http://$(HOST):$(PORT)/
	$(MANAGE) runserver $(HOST):$(PORT)

test: install-dev ## Run checks and the whole test suite (DATABASE_URL selects the database)
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

lint: install-dev ## ruff
	$(VENV)/bin/ruff check .

bench: bench-parse ## Run every benchmark

bench-parse: install ## Parse 1,000 generated pages and print MB/s and pages/s
	$(PY) -m importers.parsing.bench --pages 1000

clean: ## Remove the virtualenv, database and caches
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache .hypothesis
