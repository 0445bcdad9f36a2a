# The two commands a newcomer needs: `make serve` (live preview) and `make test` (every test).
# Every target sets up what it needs first and does nothing more when it is already there.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
HOST ?= 127.0.0.1:8000
# The engine that builds and serves the same mkdocs.yml: mkdocs, or properdocs (the maintained
# drop-in fork of MkDocs 1.6, which runs the same plugins, theme and hooks; the hedge on the engine).
ENGINE ?= mkdocs
ENGINES := mkdocs properdocs
# $(call engine,COMMAND): the engine's command line; ProperDocs looks for properdocs.yml first and
# asks for mkdocs.yml to be named explicitly.
engine = $(if $(filter $(ENGINE),$(ENGINES)),,$(error ENGINE=$(ENGINE): choose one of $(ENGINES)))$(BIN)/$(ENGINE) $(1)$(if $(filter properdocs,$(ENGINE)), --config-file mkdocs.yml)

# Material prints an end-of-life banner for MkDocs 2 on stderr otherwise.
export NO_MKDOCS_2_WARNING := 1

# The project's one command line (hooks/microsite/cli.py).
MICROSITE := PYTHONPATH=hooks $(BIN)/python -m microsite

.PHONY: help setup serve build check check-data parity translated check-links check-external new-article new-partnership lint test bench screenshots map-data card-fonts lock clean

help:
	@echo "Editors: EDITING.md (Anleitung für die Redaktion, Editor's guide); contributors: CONTRIBUTING.md"
	@echo "make serve   live preview on http://$(HOST)/ (rebuilds on every save; LANGUAGE=en for one language)"
	@echo "make test    lint, then every test (build, output, browser, accessibility)"
	@echo "make build   strict build of both languages into $(SITE_DIR)/"
	@echo "             ENGINE=properdocs builds (or serves) with ProperDocs instead of MkDocs"
	@echo "make check   every CI check: data, translation parity, strict build, links"
	@echo "make parity  where translations differ from their source, or are outdated"
	@echo "make check-data   the data alone, in a second"
	@echo "make check-links   build, then check every link of the built site offline"
	@echo "make check-external   links to other sites, online (not part of make check)"
	@echo "make translated FILES='docs/en/x.md data/y.yml#id'   record that these translations are up to date"
	@echo "make new-article SLUG=name TITLE='Titel' DESCRIPTION='Ein Satz.' AUTHOR=id TOPICS=id,id   a new article in both languages"
	@echo "make new-partnership ID=name   a new record in data/partnerships.yml"
	@echo "make lint    ruff: lint and format check of the Python code (changes nothing)"
	@echo "make bench   speed and size figures, each compared with its target"
	@echo "make screenshots   full-page PNGs of home, index, an article and a partnership page, both languages, 390 and 1280 px, in screenshots/"
	@echo "make map-data   fetch the partnership map's land and borders again (npm; world-atlas $(MAP_DATA_VERSION))"
	@echo "make card-fonts   fetch the link-preview cards' font again (npm; @fontsource/source-sans-3 $(CARD_FONTS_VERSION))"
	@echo "make lock    re-resolve requirements.lock from pyproject.toml"
	@echo "make clean   remove $(SITE_DIR)/ and the environments"

setup: $(VENV)/.installed tests/node_modules/.installed

$(VENV)/.installed: requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	@touch $@

# axe-core, which the browser tests inject into each page, and vnu-jar, the markup checker; skipped with a
# notice where npm is missing. Without install scripts: vnu-jar's would download a Java runtime from GitHub
# where none is installed (the test asks for Debian's instead; .ci/run installs it).
tests/node_modules/.installed: tests/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else \
		echo "npm not found: the accessibility and markup tests will report axe-core and vnu-jar as missing"; \
	fi

# Live preview: rebuilds on every save in docs/, data/ and overrides/ (restart it after changing
# hooks/: MkDocs never reloads Python code); problems are shown as warnings
# (and in the page) without stopping. LANGUAGE=en previews one language only, for speed.
# ENGINE=properdocs previews with ProperDocs.
serve: $(VENV)/.installed
	$(if $(LANGUAGE),BUILD_ONLY_LOCALE=$(LANGUAGE)) $(call engine,serve) --no-strict --dev-addr $(HOST)

# ENGINE=properdocs builds with ProperDocs: the same site, but for the generator tag in each page.
build: $(VENV)/.installed
	$(call engine,build) --strict --site-dir $(SITE_DIR)

# The data alone, in a second: every problem in data/*.yml, one line each.
check-data: $(VENV)/.installed
	$(MICROSITE) check-data

# Read-only: reports every difference between a source page (or data text) and its translation.
parity: $(VENV)/.installed
	$(MICROSITE) parity $(if $(FORMAT),--format $(FORMAT)) $(if $(SUMMARY),--summary $(SUMMARY))

# The one command that changes files: records that the named translations match their source now.
translated: $(VENV)/.installed
	@test -n "$(FILES)" || { echo "name the translations: make translated FILES='docs/en/page.md data/timeline.yml#event-id'"; exit 2; }
	$(MICROSITE) translated $(FILES)

# Every link of the built site, offline (lychee, lychee.toml) plus language leaks, e-mail links,
# alt texts and the sitemap.
check-links: build
	$(MICROSITE) check-links $(SITE_DIR)

# Links to other sites, online: never part of check or test (CI is offline); run weekly.
check-external: build
	$(MICROSITE) check-links --external $(SITE_DIR)

check: check-data parity check-links

# Read-only: what ruff finds (pyproject.toml, [tool.ruff]), and every file it would format differently.
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Two workers a core (pytest-xdist): many tests wait (for the preview to notice a save, for a browser's
# network to go quiet), and a second worker uses the core meanwhile. A module's tests on one worker: a
# module's shared build, preview or browser page is made once (tests that change nothing outside their
# temporary folders may run side by side); the modules marked long_module first (tests/conftest.py), so that
# none is left to run alone at the end.
TEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; print(2 * (os.cpu_count() or 1))')
test: setup lint
	$(BIN)/python -m pytest --numprocesses $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder

# Starting points for editors; they never overwrite anything.
new-article: $(VENV)/.installed
	@$(MICROSITE) new-article --title "$(TITLE)" --description "$(DESCRIPTION)" --author "$(AUTHOR)" --topics "$(TOPICS)" -- "$(SLUG)"

new-partnership: $(VENV)/.installed
	@$(MICROSITE) new-partnership -- "$(ID)"

# Timings are measured here and printed against their targets, never asserted in tests.
# The scale table (N = 100, 400, 1,000 article pairs, the project against MkDocs + Material + i18n
# alone), the real site, parity, readers: about 15 minutes. For a quick look, a subset:
# BENCH_SIZES=100,400 BENCH_RUNS=1 BENCH_PARTS=scale (parts: scale, real, parity, readers).
bench: $(VENV)/.installed tests/benchmarks/node_modules/.installed
	PYTHONPATH=hooks:tests:tests/benchmarks $(BIN)/python tests/benchmarks/run.py

# For review in pull requests: a strict build, served locally, photographed in Debian's Chromium
# (tests/benchmarks/screenshots.py). screenshots/ is git-ignored; WIDTHS=390 for one width.
screenshots: $(VENV)/.installed
	PYTHONPATH=hooks:tests:tests/benchmarks $(BIN)/python tests/benchmarks/screenshots.py $(if $(WIDTHS),--widths $(WIDTHS))

# Lighthouse, for the readers' figures; skipped with a notice where npm is missing.
tests/benchmarks/node_modules/.installed: tests/benchmarks/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/benchmarks --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm not found: make bench will skip the Lighthouse scores"; \
	fi

# The partnership map's land and borders: world-atlas's countries-110m.json (Natural Earth 1:110m, public
# domain), as published on the npm registry, whose checksum npm verifies. Committed, so that builds need
# no npm; provenance and licence: hooks/microsite/maps/geodata/README.md.
MAP_DATA_VERSION := 2.0.2
MAP_DATA := hooks/microsite/maps/geodata/countries-110m.json
map-data:
	@command -v npm >/dev/null 2>&1 || { echo "make map-data needs npm"; exit 2; }
	@folder=$$(mktemp -d) && trap 'rm -rf "$$folder"' EXIT && \
		npm pack --silent --pack-destination "$$folder" world-atlas@$(MAP_DATA_VERSION) >/dev/null && \
		tar -xzf "$$folder/world-atlas-$(MAP_DATA_VERSION).tgz" -C "$$folder" package/countries-110m.json && \
		cp "$$folder/package/countries-110m.json" $(MAP_DATA) && sha256sum $(MAP_DATA)

# The link-preview cards' font: Source Sans 3 (SIL OFL) as @fontsource ships it, Latin and Latin Extended,
# regular and bold (hooks/microsite/site_output/preview_images.py).
CARD_FONTS_VERSION := 5.3.1
CARD_FONTS := hooks/microsite/site_output/card_fonts
card-fonts:
	@command -v npm >/dev/null 2>&1 || { echo "make card-fonts needs npm"; exit 2; }
	@folder=$$(mktemp -d) && trap 'rm -rf "$$folder"' EXIT && \
		npm pack --silent --pack-destination "$$folder" @fontsource/source-sans-3@$(CARD_FONTS_VERSION) >/dev/null && \
		tar -xzf "$$folder/fontsource-source-sans-3-$(CARD_FONTS_VERSION).tgz" -C "$$folder" && \
		for subset in latin latin-ext; do for weight in 400 700; do \
			cp "$$folder/package/files/source-sans-3-$$subset-$$weight-normal.woff" $(CARD_FONTS)/; done; done && \
		cp "$$folder/package/LICENSE" $(CARD_FONTS)/LICENSE && sha256sum $(CARD_FONTS)/*

lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/python -m pip install --quiet pip-tools
	$(VENV)-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --extra test -o requirements.lock pyproject.toml
	rm -rf $(VENV)-lock
	cd tests && npm install --package-lock-only --no-audit --no-fund

clean:
	rm -rf $(SITE_DIR) $(VENV) tests/node_modules tests/benchmarks/node_modules
