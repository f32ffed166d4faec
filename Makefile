# provkg: `make run` (ingest the sample corpus into the embedded store and serve the API), `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= $(or $(PROVKG_CORPUS),../shared/corpus)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run ingest serve test test-all soak soak-all lint bench stop clean web-check browser-test train eval neo4j-start neo4j-stop neo4j-status

$(BIN)/provkg: pyproject.toml requirements.lock
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/provkg

setup: $(BIN)/provkg  ## venv in .venv with the pinned dependencies

ingest: setup
	$(BIN)/provkg ingest $(CORPUS)

run: setup  ## ingest the corpus into the embedded store, then serve the API on $(HOST):$(PORT)
	$(BIN)/provkg ingest $(CORPUS); status=$$?; [ $$status -le 1 ] || exit $$status
	$(BIN)/provkg serve --host $(HOST) --port $(PORT)

serve: setup
	$(BIN)/provkg serve --host $(HOST) --port $(PORT)

test: setup  ## the whole suite, store tests on both engines (starts a local Neo4j when java and mvn are here)
	scripts/test.sh

SOAK_SECONDS ?= 600
ENGINE ?= embedded
# ENGINE=neo4j uses NEO4J_URI, else the server of `make neo4j-start` (a throwaway one: the soak wipes it)
soak: setup  ## long reliability runs (SOAK_SECONDS=60 for a short one; ENGINE=neo4j or ENGINE=embedded,neo4j)
	if [[ ",$(ENGINE)," == *,neo4j,* && -z "$${NEO4J_URI:-}" && -f data/neo4j/neo4j.env ]]; then \
	  source data/neo4j/neo4j.env; export PROVKG_TEST_NEO4J_WIPE=1; fi; \
	PROVKG_SOAK_ENGINES=$(ENGINE) PROVKG_SOAK_SECONDS=$(SOAK_SECONDS) $(BIN)/python -m pytest -m soak tests/test_soak.py -s

soak-all: setup  ## every long run: the API soak, 1,000-article kill -9 runs, 10 minutes of readers during writes
	PROVKG_SOAK_SECONDS=$(SOAK_SECONDS) $(BIN)/python -m pytest -m soak

lint: setup
	$(BIN)/ruff check core graph ingest api cli tests bench web
	$(BIN)/mypy core graph ingest api cli web

train: setup  ## fit the partner relation scorer on samples + dev, write ingest/data/partner_model.json
	$(BIN)/python -m ingest.learn

eval: setup  ## extraction scores per section: samples, dev, its halves, and the cross-half check
	$(BIN)/python -m ingest.evaluate

bench: setup
	$(BIN)/python -m bench.run

web-check: setup  ## prove web/static/vendor holds the npm packages' files unchanged (uses npm pack)
	$(BIN)/python -m web.vendor check

browser-test: setup  ## the explorer in Debian's chromium (apt-get install chromium); screenshots in test-artifacts/browser
	$(BIN)/python -m pytest -m browser tests/test_browser.py

stop: setup  ## stop the embedded server
	$(BIN)/provkg store stop

neo4j-start: setup  ## a local Neo4j 5 community server (Maven, no Docker); settings in data/neo4j/neo4j.env
	scripts/neo4j.sh start

neo4j-stop:
	scripts/neo4j.sh stop

neo4j-status:
	scripts/neo4j.sh status

clean:
	-$(BIN)/provkg store stop
	rm -rf data .pytest_cache .mypy_cache .ruff_cache
