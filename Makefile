# Two entry points for a new user: `make demo` and `make test`.
# Each creates .venv on first use (idempotent: re-runs only when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench browser clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
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

test: $(STAMP) browser
	$(BIN)/python -m pytest tests

bench: $(STAMP)
	$(BIN)/python bench/match_bench.py
	$(BIN)/python bench/translate_bench.py
	$(BIN)/python bench/enforce_bench.py
	$(BIN)/python bench/qa_bench.py
	$(BIN)/python bench/glossary_bench.py
	$(BIN)/python bench/precision_bench.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
