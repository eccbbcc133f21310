# Two entry points for a new user: `make demo` and `make test`.
# Each creates .venv on first use (idempotent: re-runs only when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Each target installs what it needs and no more: the demo the package alone,
# the tests also pytest, playwright and Ray (Ray alone is ~79 MB, playwright 53 MB).
DEMO_STAMP := $(VENV)/.installed-demo
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test bench browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(DEMO_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $(DEMO_STAMP)

# The test extras include the package, so a tested venv is also a demo venv.
$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test,ray]'
	touch $(TEST_STAMP) $(DEMO_STAMP)

demo: $(DEMO_STAMP)
	$(BIN)/python examples/demo.py

# The HTML report test opens the page in headless Chromium. Install Debian's
# chromium when it is missing and we may (root with apt-get); otherwise that one
# test is skipped with its reason.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    { echo "installing chromium for the HTML report test (apt-get)"; \
	      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install chromium; the HTML browser test will be skipped"; } ; } || true

test: $(TEST_STAMP) browser
	$(BIN)/python -m pytest tests

bench: $(TEST_STAMP)
	$(BIN)/python bench/match_bench.py
	$(BIN)/python bench/translate_bench.py
	$(BIN)/python bench/enforce_bench.py
	$(BIN)/python bench/qa_bench.py
	$(BIN)/python bench/glossary_bench.py
	$(BIN)/python bench/precision_bench.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
