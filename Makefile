# The README's two command lines are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: run install install-test test test-fast lint typecheck bench clean

run: install  ## install into .venv and launch quizapp on the bundled bank
	$(VENV)/bin/quizapp

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	sh scripts/install-torch $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

test: install-test  ## install what the tests need and run the whole suite
	$(VENV)/bin/pytest -n auto --maxprocesses 4 --dist loadfile --durations=15

test-fast: install-test  ## the quick loop while coding: everything not marked slow (under a minute)
	$(VENV)/bin/pytest -m "not slow" -q

lint: install-test
	$(VENV)/bin/ruff check quizapp question_bank grader tests bench
	$(VENV)/bin/lint-imports

typecheck: install-test
	$(VENV)/bin/mypy

bench: install-test  ## print the speed numbers (not tests)
	for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
