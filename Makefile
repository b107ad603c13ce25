# Two commands for a fresh machine: `make serve` and `make test`.
# Everything Python goes into a virtual environment `.venv` (Debian's own Python refuses a
# global `pip install`: externally-managed-environment).
PYTHON ?= python3
VENV ?= .venv
VPY := $(VENV)/bin/python

.PHONY: serve test install venv lint bench sources

# The venv module is Debian's python3-venv package: install it when it is missing.
$(VPY):
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  rm -rf $(VENV); \
	  echo "make: python3 -m venv is missing; installing python3-venv (apt)"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq python3-venv >/dev/null && \
	  $(PYTHON) -m venv $(VENV); }
	$(VPY) -m pip install -q --disable-pip-version-check --upgrade pip

venv: $(VPY)

install: $(VPY)
	$(VPY) -m pip install -q --disable-pip-version-check -e '.[server,test]'

serve: install
	$(VENV)/bin/vanban serve

test:
	bash .ci/run

lint: install
	$(VENV)/bin/ruff check service tests tools bench templates_docx

bench: install
	$(VPY) bench/run.py
	$(VPY) bench/designer_speed.py

# Rebuild the Word sources from the family table (overwrites hand edits: see the script).
sources: install
	PYTHONPATH=service $(VPY) tools/build_docx_sources.py
