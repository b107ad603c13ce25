"""A real server on loopback with ``requests``: waitress in a thread (the app of ``vanban
serve``), ``vanban serve`` itself in a subprocess (plus ``curl``, the issue's check), gunicorn
with the repository's ``gunicorn.conf.py``, 16 concurrent clients, and render latency."""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from web_helpers import DOCX_MIME, FIXTURES, ROOT, TEMPLATE, docx_text, load_fixture

import vanban


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if requests.get(f"{url}/readyz", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise AssertionError("server did not become ready")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_render_over_loopback(live_server: str) -> None:
    fixture = FIXTURES[0]
    response = requests.post(f"{live_server}/api/v1/documents/{TEMPLATE}",
                             data=fixture.read_bytes(),
                             headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == DOCX_MIME
    assert load_fixture(fixture)["co_quan"]["ten"] in docx_text(response.content)


def test_multipart_upload_over_loopback(live_server: str) -> None:
    fixture = FIXTURES[1]
    with fixture.open("rb") as fh:
        response = requests.post(f"{live_server}/api/v1/documents/{TEMPLATE}",
                                 files={"data": (fixture.name, fh, "application/json")},
                                 timeout=30)
    assert response.status_code == 200
    assert "filename*=UTF-8''" in response.headers["Content-Disposition"]


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), [
    ("post", f"/api/v1/documents/{TEMPLATE}", {"data": b"{", "headers": {
        "Content-Type": "application/json"}}, 400),
    ("post", "/api/v1/documents/khong-co", {"json": {}}, 404),
    ("get", f"/api/v1/documents/{TEMPLATE}", {}, 405),
    ("post", f"/api/v1/documents/{TEMPLATE}", {"data": b"{" + b" " * (3 * 1024 * 1024) + b"}",
                                               "headers": {"Content-Type": "application/json"}},
     413),
    ("post", f"/api/v1/documents/{TEMPLATE}", {"data": b"{}", "headers": {
        "Content-Type": "text/plain"}}, 415),
    ("post", f"/api/v1/documents/{TEMPLATE}", {"json": {"so": 1}}, 422),
])
def test_errors_over_loopback(live_server: str, method: str, path: str,
                              kwargs: dict[str, Any], status: int) -> None:
    response = requests.request(method, live_server + path, timeout=30, **kwargs)
    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == status


def test_chunked_bodies_over_loopback(live_server: str) -> None:
    """Without Content-Length (chunked transfer) the body is read, and still size-limited."""

    def chunks(body: bytes, size: int) -> Iterator[bytes]:
        for i in range(0, len(body), size):
            yield body[i:i + size]

    url = f"{live_server}/api/v1/documents/{TEMPLATE}"
    headers = {"Content-Type": "application/json"}
    ok = requests.post(url, data=chunks(FIXTURES[1].read_bytes(), 1000), headers=headers,
                       timeout=30)
    assert ok.status_code == 200 and ok.headers["Content-Type"] == DOCX_MIME
    big = b"{" + b" " * (3 * 1024 * 1024) + b"}"
    too_big = requests.post(url, data=chunks(big, 65536), headers=headers, timeout=30)
    assert too_big.status_code == 413


def _variants(n: int) -> list[dict[str, Any]]:
    """``n`` different inputs: the fixtures, each with its own number and abstract."""
    out = []
    for i in range(n):
        data = load_fixture(FIXTURES[i % len(FIXTURES)])
        data["so"] = 100 + i
        data["trich_yeu"] = f"{data['trich_yeu']} (bản {i + 1})"
        data["co_quan"]["ten"] = f"{data['co_quan']['ten']} SỐ {i + 1}"
        out.append(data)
    return out


def test_sixteen_concurrent_clients_each_get_their_own_document(live_server: str) -> None:
    inputs = _variants(16)
    expected = [docx_text(vanban.render(TEMPLATE, data)) for data in inputs]
    barrier = threading.Barrier(len(inputs))
    results: list[bytes | None] = [None] * len(inputs)
    errors: list[BaseException] = []

    def client(i: int) -> None:
        try:
            with requests.Session() as session:
                barrier.wait(timeout=10)
                response = session.post(f"{live_server}/api/v1/documents/{TEMPLATE}",
                                        json=inputs[i], timeout=60)
                assert response.status_code == 200, response.text[:300]
                results[i] = response.content
        except BaseException as exc:  # reported below, in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(inputs))]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    elapsed = time.perf_counter() - started
    assert not errors, errors
    for i, content in enumerate(results):
        assert content is not None
        assert docx_text(content) == expected[i], f"client {i} got another document"
        assert f"SỐ {i + 1}\n" in docx_text(content) + "\n"
    print(f"\n16 concurrent renders over loopback: {elapsed * 1000:.0f} ms total")


def test_render_latency_over_loopback(live_server: str) -> None:
    body = FIXTURES[0].read_bytes()
    timings = []
    with requests.Session() as session:
        for _ in range(30):
            started = time.perf_counter()
            response = session.post(f"{live_server}/api/v1/documents/{TEMPLATE}", data=body,
                                    headers={"Content-Type": "application/json"}, timeout=30)
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200
    median = statistics.median(timings)
    p95 = sorted(timings)[int(len(timings) * 0.95) - 1]
    print(f"\nrender latency over loopback: median {median * 1000:.1f} ms, "
          f"p95 {p95 * 1000:.1f} ms")
    assert median < 0.5


@pytest.fixture(scope="module")
def vanban_serve() -> Iterator[str]:
    """``vanban serve --port P`` as a user runs it (the CLI → waitress)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vanban.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, proc)
        yield url
    finally:
        stop(proc)


def test_vanban_serve_with_curl(vanban_serve: str, tmp_path: Path) -> None:
    """The issue's check: ``curl -fsS -H 'Content-Type: application/json' --data @x.json``."""
    fixture = FIXTURES[2]
    out = tmp_path / "x.docx"
    if shutil.which("curl"):
        subprocess.run(["curl", "-fsS", "-H", "Content-Type: application/json",
                        "--data", f"@{fixture}", "-o", str(out),
                        f"{vanban_serve}/api/v1/documents/{TEMPLATE}"], check=True, timeout=60)
    else:
        out.write_bytes(requests.post(f"{vanban_serve}/api/v1/documents/{TEMPLATE}",
                                      data=fixture.read_bytes(), timeout=60,
                                      headers={"Content-Type": "application/json"}).content)
    assert load_fixture(fixture)["co_quan"]["ten"] in docx_text(out.read_bytes())
    page = requests.get(vanban_serve + "/", timeout=10)
    assert page.status_code == 200 and "Chọn loại văn bản" in page.text


def test_gunicorn_with_repository_config(tmp_path: Path) -> None:
    if shutil.which("gunicorn") is None:
        pytest.skip("gunicorn is not installed (pip install '.[server]')")
    port = free_port()
    env = {**os.environ, "VANBAN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2",
           "VANBAN_LOG_LEVEL": "warning"}
    proc = subprocess.Popen(["gunicorn", "-c", str(ROOT / "gunicorn.conf.py")], cwd=tmp_path,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, proc)
        response = requests.post(f"{url}/api/v1/documents/{TEMPLATE}",
                                 json=load_fixture(FIXTURES[1]), timeout=60)
        assert response.status_code == 200 and response.headers["Content-Type"] == DOCX_MIME
        bad = requests.post(f"{url}/api/v1/validate/{TEMPLATE}", data=json.dumps([]),
                            headers={"Content-Type": "application/json"}, timeout=10)
        assert bad.status_code == 422
    finally:
        stop(proc)
