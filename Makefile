# briefgen — every target installs what it needs into .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
EVAL   := $(SHARED)/eval

.PHONY: help briefs test test-fast lint eval review bench golden clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/briefgen: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e .
	touch $@

$(VENV)/.test-extras: $(BIN)/briefgen
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

briefs: $(BIN)/briefgen  ## build a briefing pack for every seeds/*.txt into outputs/
	$(BIN)/briefgen build seeds/*.txt -o outputs

test: $(VENV)/.test-extras lint  ## lint and type checks, then the whole test suite (CI runs this)
	$(BIN)/python -m pytest

lint: $(VENV)/.test-extras  ## ruff and pyright (basedpyright), strict on model, serialize and render: part of make test
	$(BIN)/ruff check src tests tools bench
	$(BIN)/basedpyright

test-fast: $(VENV)/.test-extras  ## the suite without the slow tests (wheel check, 1 MB inputs, killed batches)
	$(BIN)/python -m pytest -m "not slow"

golden: $(VENV)/.test-extras  ## rewrite the golden files after a deliberate change; review the diff
	$(BIN)/python -m pytest tests --accept

eval: $(BIN)/briefgen  ## score extraction on every text the evaluation kit has gold for
	@$(BIN)/python tools/evaluate.py --eval-dir $(EVAL) --seeds-dir seeds

review: $(VENV)/.test-extras  ## read every evaluation text's pack as a reader would: length, repeats, key points, charts, lead facts
	@$(BIN)/python tools/review.py --eval-dir $(EVAL) --seeds-dir seeds

bench: $(VENV)/.test-extras  ## measure start-up, per-pack and batch speed; writes outputs/bench.json
	$(BIN)/python bench/run.py

clean:  ## remove generated outputs; the send log (outputs/sent.jsonl) and its lock are kept: they record what was sent
	if [ -d outputs ]; then find outputs -mindepth 1 -maxdepth 1 ! -name sent.jsonl ! -name sent.jsonl.lock -exec rm -rf {} +; fi
