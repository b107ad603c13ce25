# Two commands for a fresh machine: `make serve` and `make test`.
PYTHON ?= python3

.PHONY: serve test install lint bench sources

install:
	$(PYTHON) -m pip install -q --disable-pip-version-check -e '.[server,test]'

serve: install
	vanban serve

test:
	bash .ci/run

lint:
	ruff check service tests tools bench

bench: install
	$(PYTHON) bench/run.py

# Rebuild the Word sources from the family table (overwrites hand edits: see the script).
sources:
	PYTHONPATH=service $(PYTHON) tools/build_docx_sources.py
