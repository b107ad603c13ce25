"""Observability under a real gunicorn with two workers on loopback: request ids round-trip,
one JSON log line per request, ``/metrics`` adds up every worker's counters."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from live_processes import ROOT, gunicorn, metric_samples, wait_until

TEMPLATE = "bao-cao-thi-dua"
FIXTURE = json.loads(
    (ROOT / "templates_docx" / TEMPLATE / "fixtures"
            / "nha-nuoc-mau-01-tong-ket-2021.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """(base URL, log file, metrics directory) of gunicorn with two workers and JSON logs."""
    folder = tmp_path_factory.mktemp("gunicorn")
    metrics_dir = folder / "metrics"
    metrics_dir.mkdir()
    (metrics_dir / "counter_1.db").write_bytes(b"stale")  # a previous run's: must be wiped
    log = folder / "gunicorn.log"
    with gunicorn(log, VANBAN_WORKERS="2", VANBAN_THREADS="2", VANBAN_LOG_FORMAT="json",
                  VANBAN_PDF="libreoffice", VANBAN_SOFFICE=str(folder / "no-soffice"),
                  PROMETHEUS_MULTIPROC_DIR=str(metrics_dir)) as (_, url):
        yield url, log, metrics_dir


def log_lines(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text("utf-8").splitlines()
            if line.startswith("{")]


def test_two_workers_are_running(server: tuple[str, Path, Path]) -> None:
    _, log, _ = server

    def booted() -> list[dict] | None:
        found = [r for r in log_lines(log) if r["message"].startswith("Booting worker")]
        return found if len(found) >= 2 else None
    assert len(wait_until(booted, 30, "two workers")) == 2


def test_request_id_round_trips(server: tuple[str, Path, Path]) -> None:
    url, log, _ = server
    given = "so-ket-2022.req-42"
    bad = requests.post(f"{url}/api/v1/documents/{TEMPLATE}", json={"the_thuc": "nha-nuoc"},
                        headers={"X-Request-ID": given}, timeout=30)
    assert bad.status_code == 422
    assert bad.headers["X-Request-ID"] == given
    assert bad.json()["request_id"] == given

    fresh = requests.get(f"{url}/api/v1/templates/khong-co", timeout=30)
    assert fresh.status_code == 404
    generated = fresh.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated) and fresh.json()["request_id"] == generated

    hostile = requests.get(f"{url}/healthz", headers={"X-Request-ID": "x\" onload=1 " * 20},
                           timeout=30)
    assert re.fullmatch(r"[0-9a-f]{32}", hostile.headers["X-Request-ID"])

    def logged() -> dict | None:
        return next((r for r in log_lines(log) if r.get("request_id") == given), None)
    line = wait_until(logged, 10, "the access line")
    assert line["logger"] == "vanban.access"
    assert (line["method"], line["path"], line["status"]) == (
        "POST", f"/api/v1/documents/{TEMPLATE}", 422)
    assert line["template"] == TEMPLATE and line["duration_ms"] >= 0


def test_metrics_add_up_every_worker(server: tuple[str, Path, Path]) -> None:
    url, _, metrics_dir = server
    before = metric_samples(requests.get(f"{url}/metrics", timeout=30).text,
                     "vanban_renders_total").get(
        f'{{format="docx",template="{TEMPLATE}"}}', 0.0)
    renders = 0
    pids: set[str] = set()
    while renders < 6 or (len(pids) < 2 and renders < 200):
        answer = requests.post(f"{url}/api/v1/documents/{TEMPLATE}", json=FIXTURE,
                              headers={"Connection": "close"}, timeout=60)
        assert answer.status_code == 200
        renders += 1
        pids = {m.group(1) for p in metrics_dir.glob("counter_*.db")
                if (m := re.fullmatch(r"counter_(\d+)\.db", p.name))}
    assert len(pids) >= 2, "all requests went to one worker"
    assert not (metrics_dir / "counter_1.db").exists()  # wiped at start

    requests.post(f"{url}/api/v1/documents/{TEMPLATE}", json={}, timeout=30)
    text = requests.get(f"{url}/metrics", timeout=30).text
    rendered = metric_samples(text, "vanban_renders_total")
    assert rendered[f'{{format="docx",template="{TEMPLATE}"}}'] == before + renders
    durations = metric_samples(text, "vanban_render_duration_seconds_count")
    assert durations[f'{{format="docx",template="{TEMPLATE}"}}'] == before + renders
    requests_total = metric_samples(text, "vanban_http_requests_total")
    key = '{method="POST",route="/api/v1/documents/<template_id>",status="200"}'
    assert requests_total[key] == before + renders
    errors = metric_samples(text, "vanban_errors_total")
    assert errors['{code="input.missing"}'] >= 6  # co_quan, dia_danh, ngay, trich_yeu …
    pdf = requests.post(f"{url}/api/v1/documents/{TEMPLATE}?format=pdf", json=FIXTURE,
                        timeout=60)
    assert pdf.status_code == 503  # no soffice in this server (VANBAN_SOFFICE): a failure
    text = requests.get(f"{url}/metrics", timeout=30).text
    failed = metric_samples(text, "vanban_pdf_conversions_total")
    assert failed['{backend="libreoffice",outcome="error"}'] >= 1
    assert metric_samples(text, "vanban_errors_total")['{code="pdf.unavailable"}'] >= 1


def test_counters_other_layers_increment() -> None:
    """The PDF watchdog and the batch engine count through vanban.ops.metrics."""
    from vanban.ops import metrics

    metrics.record_pdf_restart("warm")
    metrics.record_batch_item(TEMPLATE, ok=False)
    text = metrics.exposition()[0].decode()
    assert metric_samples(text, "vanban_pdf_restarts_total")['{backend="warm"}'] >= 1
    assert metric_samples(text, "vanban_batch_items_total")[
        f'{{outcome="error",template="{TEMPLATE}"}}'] >= 1


def test_invented_methods_and_paths_leave_metrics_unchanged(
        server: tuple[str, Path, Path]) -> None:
    """Issue 19: any method name or path a client invents is counted as ``other``: the
    exposition keeps the same series however many are sent."""
    url, _, _ = server
    for i in range(3):  # the "other" series exist from here on
        requests.request(f"WARM{i}", f"{url}/healthz", timeout=10)
        requests.get(f"{url}/khong-co-{i}", timeout=10)
        requests.request(f"WARM{i}", f"{url}/khong-co-{i}", timeout=10)

    def series() -> set[str]:
        text = requests.get(f"{url}/metrics", timeout=30).text
        return {line.rsplit(" ", 1)[0] for line in text.splitlines()
                if line.startswith("vanban_http_request")}
    before = series()
    for i in range(40):
        requests.request(f"INVENTED{i}", f"{url}/healthz", timeout=10)
        requests.request(f"X{i}", f"{url}/nowhere/{i}", timeout=10)
    after = series()
    assert after == before
    assert not any("INVENTED" in s or "nowhere" in s for s in after)
    assert any('method="other"' in s for s in after)
    assert any('route="other"' in s for s in after)


def test_metrics_token_and_own_port(tmp_path: Path) -> None:
    """``VANBAN_METRICS_TOKEN``: 401 without the bearer token; ``VANBAN_METRICS_BIND``: the
    metrics leave the app port for their own."""
    from live_processes import free_port

    with gunicorn(tmp_path / "a.log", VANBAN_WORKERS="1", VANBAN_METRICS_TOKEN="s3cret",
                  PROMETHEUS_MULTIPROC_DIR=str(tmp_path)) as (_, url):
        assert requests.get(f"{url}/metrics", timeout=30).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert requests.get(f"{url}/metrics", headers=wrong, timeout=30).status_code == 401
        right = {"Authorization": "Bearer s3cret"}
        answer = requests.get(f"{url}/metrics", headers=right, timeout=30)
        assert answer.status_code == 200 and "vanban_http_requests_total" in answer.text
    port = free_port()
    folder = tmp_path / "own"
    folder.mkdir()
    with gunicorn(tmp_path / "b.log", VANBAN_WORKERS="1", PROMETHEUS_MULTIPROC_DIR=str(folder),
                  VANBAN_METRICS_BIND=f"127.0.0.1:{port}") as (_, url):
        assert requests.get(f"{url}/healthz", timeout=30).status_code == 200
        assert requests.get(f"{url}/metrics", timeout=30).status_code == 404
        own = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=30)
        assert own.status_code == 200 and "vanban_http_requests_total" in own.text
