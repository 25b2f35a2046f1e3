# Two entry points: `make demo` (set up, then run the main job) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint typecheck bench bench-api eval eval-gate lock clean ui-check

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/rashomon gazetteer build
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rashomon demo --report out/report.html

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

# Score the external suites in ../shared/eval and record the scores in the repo.
eval: $(STAMP)
	$(BIN)/rashomon eval events --write eval/results/events.json --check eval/floors.json
	$(BIN)/rashomon eval time --write eval/results/time.json --check eval/floors.json
	$(BIN)/rashomon eval geo --write eval/results/geo.json --check eval/floors.json
	$(BIN)/rashomon eval quotes --write eval/results/quotes.json --check eval/floors.json
	$(BIN)/rashomon eval ask --write eval/results/ask.json --check eval/floors.json
	$(BIN)/rashomon eval stories --write eval/results/stories.json --check eval/floors.json
	$(BIN)/rashomon eval framing --write eval/results/framing.json --check eval/floors.json

# CI's gate: fail when a score drops below its pinned floor (floors only ever go up).
eval-gate: $(STAMP)
	$(BIN)/rashomon eval events --check eval/floors.json
	$(BIN)/rashomon eval time --check eval/floors.json
	$(BIN)/rashomon eval geo --check eval/floors.json
	$(BIN)/rashomon eval quotes --check eval/floors.json
	$(BIN)/rashomon eval ask --check eval/floors.json
	$(BIN)/rashomon eval stories --check eval/floors.json
	$(BIN)/rashomon eval framing --check eval/floors.json

bench-api: $(STAMP)
	mkdir -p out
	$(BIN)/rashomon --db out/bench20k.db bench-api --build 20000 --json out/bench-api.json

bench: $(STAMP)
	$(BIN)/rashomon bench --corpus ../shared/corpora/reuters21578/reuters21578.jsonl --limit 2000

# Re-pin after editing requirements.in (needs pip-tools in the venv).
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.lock requirements.in
	sed -i '/^--extra-index-url file:/d;/^--find-links /d' requirements.lock

clean:
	rm -rf $(VENV) out .pytest_cache

# Browser checks of the web UI and fresh screenshots for docs/ (installs Debian's chromium if missing).
ui-check: $(STAMP)
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/python -m pytest -q tests/ui
	rm -f out/screenshots.db
	$(BIN)/rashomon --db out/screenshots.db ingest --quiet ../shared/seeds
	scripts/screenshots.sh out/screenshots.db docs/screenshots
