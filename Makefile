# Appreciate: `make demo` builds and shows the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo serve receiver console test lint typecheck bench messages screenshots clean

# what the demo needs: Appreciate with MkDocs, Material and the receiver (no test tools)
$(BIN)/appreciate: pyproject.toml
	@echo "Creating $(VENV)/ and installing Appreciate with MkDocs and Material (a minute or two the first time)..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@echo "Installed: $(BIN)/appreciate, $(BIN)/mkdocs"
	touch $@

# the linters, type checker and test tools come with `make test` (the dev extra)
DEV_TOOLS := $(VENV)/.dev-tools
$(DEV_TOOLS): $(BIN)/appreciate pyproject.toml
	@echo "Installing the test tools: pytest, ruff, mypy, LinkChecker, Playwright, ProperDocs..."
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/appreciate  ## build the demo shop's site into site/
	$(BIN)/appreciate build --strict
	@echo "Open site/index.html, or run 'make serve' for http://127.0.0.1:8000/"

# while previewing, the forms post to a receiver on this computer: `make receiver` runs it
LOCAL_RECEIVER ?= http://127.0.0.1:8001
serve: $(BIN)/appreciate  ## preview with live reload, the forms posting to $(LOCAL_RECEIVER)
	@echo "Forms post to $(LOCAL_RECEIVER): run 'make receiver' in another terminal to answer them"
	APPRECIATE_RECEIVER_URL=$(LOCAL_RECEIVER) $(BIN)/mkdocs serve

receiver: $(BIN)/appreciate  ## the answers receiver on port 8001, for `make serve`
	APPRECIATE_SITE_ORIGIN=http://127.0.0.1:8000 $(BIN)/appreciate receiver --port 8001

console: $(BIN)/appreciate  ## the staff console with demo complaints, on port 8001 (prints how to sign in)
	APPRECIATE_SITE_ORIGIN=http://127.0.0.1:8000 $(BIN)/python -m generator.receiver.staff.demo --port 8001

AXE := tests/node_modules/axe-core/axe.min.js
$(AXE): tests/package.json tests/package-lock.json
	npm ci --prefix tests --no-audit --no-fund --loglevel=error
	touch $@

test: $(DEV_TOOLS) $(AXE)  ## the whole suite, lint and types included
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy generator
	$(BIN)/pytest -n auto

LOCALE := generator/locale
messages: $(BIN)/appreciate  ## extract Appreciate's own texts and update the es/id catalogs
	$(BIN)/pybabel extract -F $(LOCALE)/babel.cfg -k gettext_in:2 -k ngettext_in:2,3 -k N_ \
	  --no-wrap --sort-by-file --omit-header -o $(LOCALE)/appreciate.pot .
	for lang in es id; do \
	  $(BIN)/pybabel update -D appreciate -d $(LOCALE) -i $(LOCALE)/appreciate.pot -l $$lang \
	    --no-wrap --ignore-obsolete --init-missing || exit 1; \
	done

screenshots: $(DEV_TOOLS)  ## the docs' phone screenshots (needs Debian's chromium)
	$(BIN)/python docs/screenshots.py
	$(BIN)/python docs/console_screenshots.py

bench: $(DEV_TOOLS)  ## every benchmark; audit.py needs ruby-html-proofer, receiver.py wrk
	$(BIN)/python benchmarks/build.py
	cd benchmarks && ../$(BIN)/python audit.py
	$(BIN)/python benchmarks/customers.py
	$(BIN)/python benchmarks/receiver.py

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
