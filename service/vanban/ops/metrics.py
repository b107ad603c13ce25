"""Prometheus metrics (prometheus-client), correct under gunicorn's several worker processes.

When ``PROMETHEUS_MULTIPROC_DIR`` is set before this module is imported (``gunicorn.conf.py``
sets it to a fresh directory), every process writes its samples there and :func:`exposition`
adds them up, so ``/metrics`` answers the same whichever worker serves it. Without it (``vanban
serve``, tests) the process's own registry is used.

Other layers count through the small functions here, never through prometheus directly:
``record_pdf_conversion(backend, ok)``, ``record_pdf_restart(backend)`` (the warm PDF
converter's watchdog calls it), ``record_batch_item(template, ok, n=1)`` (the batch route;
queued jobs are counted by the API process that first sees them end, since workers are not
scraped).
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
_TIMES = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)

REQUESTS = Counter("vanban_http_requests", "HTTP requests answered.",
                   ["method", "route", "status"])
REQUEST_SECONDS = Histogram("vanban_http_request_duration_seconds",
                            "Time to answer an HTTP request.", ["method", "route"],
                            buckets=_TIMES)
RENDERS = Counter("vanban_renders", "Documents delivered, by template and format.",
                  ["template", "format"])
RENDER_SECONDS = Histogram("vanban_render_duration_seconds",
                           "Time to deliver a document (validation, render, conversion).",
                           ["template", "format"], buckets=_TIMES)
ERRORS = Counter("vanban_errors", "Problems reported to clients, by problem code.", ["code"])
PDF_CONVERSIONS = Counter("vanban_pdf_conversions", "PDF conversions, by backend and outcome.",
                          ["backend", "outcome"])
PDF_RESTARTS = Counter("vanban_pdf_restarts", "Restarts of a PDF converter process.",
                       ["backend"])
BATCH_ITEMS = Counter("vanban_batch_items", "Documents of batches and jobs, by outcome.",
                      ["template", "outcome"])
JOBS = Counter("vanban_jobs", "Batch jobs put on the queue.", ["template"])


def record_pdf_conversion(backend: str, ok: bool) -> None:
    PDF_CONVERSIONS.labels(backend, "ok" if ok else "error").inc()


def record_pdf_restart(backend: str) -> None:
    PDF_RESTARTS.labels(backend).inc()


def record_batch_item(template: str, ok: bool, n: int = 1) -> None:
    BATCH_ITEMS.labels(template, "ok" if ok else "error").inc(n)


def record_errors(codes: list[str]) -> None:
    for code in codes:
        ERRORS.labels(code).inc()


def exposition() -> tuple[bytes, str]:
    """The text format of every metric (all workers' when in multiprocess mode)."""
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def serve_separately(bind: str) -> None:
    """Serve the exposition on its own ``host:port`` (``VANBAN_METRICS_BIND``), in a thread of
    this process (``vanban serve``; gunicorn's master, which adds up its workers)."""
    from prometheus_client import start_http_server

    host, _, port = bind.rpartition(":")
    registry = REGISTRY
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    start_http_server(int(port), addr=host.strip("[]") or "127.0.0.1", registry=registry)


def process_exited(pid: int) -> None:
    """gunicorn ``child_exit`` hook: drop the live files of a worker that is gone."""
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)
