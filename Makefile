# Two commands for a fresh machine: `make serve` and `make test`.
# Everything Python goes into a virtual environment `.venv` (Debian's own Python refuses a
# global `pip install`: externally-managed-environment).
PYTHON ?= python3
VENV ?= .venv
VPY := $(VENV)/bin/python

# `make worker`: the Redis the queue needs (started here when none answers), then `vanban worker`.
REDIS_PORT ?= 6379
REDIS_URL ?= redis://127.0.0.1:$(REDIS_PORT)/0

.PHONY: serve test install venv lint bench sources worker redis

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

# Stays in the foreground; Ctrl+C stops it. Another address or port: VANBAN_BIND=127.0.0.1:8080.
serve: install
	$(VENV)/bin/vanban serve

# Redis for the queue: left alone when one answers at REDIS_URL; otherwise redis-server (apt
# package redis-server, installed when missing) is started in the background on 127.0.0.1,
# without persistence. Stop it with: redis-cli -p $(REDIS_PORT) shutdown
redis:
	@if redis-cli -u $(REDIS_URL) ping >/dev/null 2>&1; then echo "make: Redis answers at $(REDIS_URL)"; else \
	  command -v redis-server >/dev/null || { \
	    echo "make: redis-server is missing; installing it (apt)"; \
	    SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq redis-server >/dev/null; }; \
	  redis-server --bind 127.0.0.1 --port $(REDIS_PORT) --daemonize yes --save "" \
	    --appendonly no >/dev/null && \
	  for i in 1 2 3 4 5 6 7 8 9 10; do redis-cli -u $(REDIS_URL) ping >/dev/null 2>&1 && break; sleep 0.2; done; \
	  echo "make: started redis-server on 127.0.0.1:$(REDIS_PORT) (stop: redis-cli -p $(REDIS_PORT) shutdown)"; fi

# Renders the batches queued with POST /api/v1/jobs/<template_id>; Ctrl+C stops it.
worker: install redis
	VANBAN_REDIS_URL=$(REDIS_URL) $(VENV)/bin/vanban worker $(WORKER_ARGS)

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
	PYTHONPATH=service $(VPY) tools/build_word_bodies.py
