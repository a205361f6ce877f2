# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run room test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

run: $(VENV)/.runtime
	$(BIN)/python -m streamlit run app.py --server.port $(PORT)

# Serve the room: every interface, the LAN address in the app's links (docs/serving.md).
room: $(VENV)/.runtime
	$(BIN)/python -m focal.ui.room --port $(PORT)

lint: $(VENV)/.dev
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

test: lint
	$(BIN)/python -m pytest

bench: $(VENV)/.dev
	$(BIN)/python bench/core.py
	$(BIN)/python bench/latency.py

# docs/links.md from the parameter table (focal/ui/params.py).
.PHONY: docs
docs: $(VENV)/.runtime
	$(BIN)/python tools/links_doc.py --write

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis artifacts
