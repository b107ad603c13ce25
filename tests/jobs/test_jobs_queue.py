"""Batch jobs end to end: the API (a real loopback server) puts a batch on a real redis-server,
two ``vanban worker`` processes render it, the zip is fetched back through the API."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from docx import Document

from live_processes import (
    ROOT,
    env,
    fixture_data,
    metric_samples,
    redis_server,
    stop,
    vanban,
    wait_until,
)
from loopback import serve
from vanban.config import reload_settings
from vanban.ooxml import validate_docx

TEMPLATE = "bao-cao-thi-dua"


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(scope="module")
def api(redis_url: str) -> Iterator[str]:
    """The app on waitress (as ``vanban serve``), its queue on the test's Redis."""
    from vanban.web import create_app

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VANBAN_REDIS_URL", redis_url)
        mp.setenv("VANBAN_JOB_CHUNK_SIZE", "2")
        mp.setenv("VANBAN_QUEUE_NAME", "vanban-test")
        app = create_app({"WARM_TEMPLATES": False})
        with serve(app) as url:  # request threads stop before the server (tests/loopback.py)
            yield url
    reload_settings()


def start_workers(redis_url: str, folder: Path, names: list[str]) -> list[subprocess.Popen]:
    procs = []
    for name in names:
        log = (folder / f"{name}.log").open("wb")
        procs.append(subprocess.Popen(vanban("worker", "--name", name), cwd=ROOT, stdout=log,
                                      stderr=subprocess.STDOUT,
                                      env=env(VANBAN_REDIS_URL=redis_url,
                                              VANBAN_QUEUE_NAME="vanban-test")))
    from redis import Redis
    from rq import Worker

    conn = Redis.from_url(redis_url)
    wait_until(lambda: {w.name for w in Worker.all(connection=conn)} >= set(names), 60,
               "workers registered")
    return procs


def batch(n: int) -> list:
    base = fixture_data("nha-nuoc-mau-01-tong-ket-2021")
    items: list = [{**base, "so": i + 1, "trich_yeu": f"Tổng kết thi đua đơn vị số {i + 1}"}
                   for i in range(n)]
    items[3] = {**base, "trich_yeu": ""}          # invalid: empty abstract
    items[8] = ["không", "phải", "đối tượng"]     # invalid: not an object
    return items


def test_bad_items_are_refused_at_submission(api: str, redis_url: str) -> None:
    """Issue 19: a job with invalid items is a 422 naming the first bad ones, and nothing
    reaches Redis; a string over json_max_string is one of them."""
    from redis import Redis

    items = batch(14)
    items[11] = {**items[10], "trich_yeu": "x" * 30_000}
    before = Redis.from_url(redis_url).dbsize()
    answer = requests.post(f"{api}/api/v1/jobs/{TEMPLATE}", json=items, timeout=30)
    assert answer.status_code == 422, answer.text[:300]
    problems = answer.json()["problems"]
    assert sorted({p["extra"]["index"] for p in problems}) == [3, 8, 11]
    assert any(p["path"] == "[3].trich_yeu" for p in problems)
    assert any(p["path"].startswith("[11]") and p["code"].startswith("limit.")
               for p in problems)
    assert Redis.from_url(redis_url).dbsize() == before
    many = [["không phải đối tượng"]] * 30
    answer = requests.post(f"{api}/api/v1/jobs/{TEMPLATE}", json=many, timeout=30)
    assert answer.status_code == 422 and len(answer.json()["problems"]) == 10  # the first ten


def test_full_queue_is_503_with_retry_after(api: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VANBAN_JOB_MAX_QUEUE_DEPTH", "1")
    reload_settings()
    try:
        items = [i for i in batch(14) if isinstance(i, dict) and i["trich_yeu"]][:6]
        answer = requests.post(f"{api}/api/v1/jobs/{TEMPLATE}", json=items, timeout=30)
    finally:
        monkeypatch.undo()
        reload_settings()
    assert answer.status_code == 503, answer.text[:300]
    assert answer.headers["Retry-After"] == "60"
    item = answer.json()["problems"][0]
    assert item["code"] == "queue.full" and item["extra"]["limit"] == "job_max_queue_depth"


def test_batch_through_api_two_workers_and_back(api: str, redis_url: str,
                                                tmp_path: Path) -> None:
    # valid items only (bad ones are refused at submission: the test above); enough chunks
    # that both workers get some
    items = [i for i in batch(26) if isinstance(i, dict) and i["trich_yeu"]]
    before = metric_samples(requests.get(f"{api}/metrics", timeout=30).text,
                            "vanban_batch_items_total")
    answer = requests.post(f"{api}/api/v1/jobs/{TEMPLATE}", json=items, timeout=30)
    assert answer.status_code == 202, answer.text
    job = answer.json()
    assert answer.headers["Location"] == job["self"] == f"/api/v1/jobs/{job['id']}"
    assert (job["status"], job["total"], job["done"]) == ("queued", 24, 0)

    # Nobody works yet: the result is not ready.
    early = requests.get(f"{api}/api/v1/jobs/{job['id']}/result", timeout=30)
    assert early.status_code == 409 and early.json()["problems"][0]["code"] == "job.not-ready"
    assert early.json()["type"].endswith("#problem-job-not-ready")

    workers = start_workers(redis_url, tmp_path, ["may-1", "may-2"])
    try:
        def finished() -> dict | None:
            state = requests.get(f"{api}{job['self']}", timeout=30).json()
            return state if state["status"] in ("finished", "failed") else None
        state = wait_until(finished, 120, "the job")
    finally:
        for proc in workers:
            stop(proc)
    # both stopped on SIGTERM by themselves (rq's pub/sub thread held one for 60 s, killed at
    # 20 s by stop(): vanban.jobs.worker)
    assert [proc.returncode for proc in workers] == [0, 0]
    assert state["status"] == "finished", state
    assert (state["done"], state["failed"], state["progress"]) == (24, 0, 1.0)
    assert set(state["workers"]) == {"may-1", "may-2"}  # the chunks were spread
    assert state["result"] == f"/api/v1/jobs/{job['id']}/result"

    zipped = requests.get(f"{api}{state['result']}", timeout=30)
    assert zipped.status_code == 200 and zipped.headers["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as zf:
        docs = [n for n in zf.namelist() if n.endswith(".docx")]
        numbers = []
        for name in docs:  # in input order, each item's own text
            text = Document(io.BytesIO(zf.read(name))).paragraphs
            found = [p.text for p in text if "đơn vị số" in p.text.lower()]
            assert found, name
            numbers.append(int(found[0].lower().rsplit("đơn vị số", 1)[1].split()[0]))
        assert numbers == [i + 1 for i in range(26) if i not in (3, 8)]
        assert validate_docx(zf.read(docs[0])) == []
        report = json.loads(zf.read("errors.json"))
    assert (report["total"], report["ok"], report["failed"]) == (24, 24, 0)

    text = requests.get(f"{api}/metrics", timeout=30).text
    assert metric_samples(text, "vanban_jobs_total")[f'{{template="{TEMPLATE}"}}'] >= 1
    after = metric_samples(text, "vanban_batch_items_total")
    for outcome, n in (("ok", 24), ("error", 0)):
        key = f'{{outcome="{outcome}",template="{TEMPLATE}"}}'
        assert after[key] - before.get(key, 0.0) == n  # counted once, however often polled


def test_api_refusals(api: str) -> None:
    url = f"{api}/api/v1/jobs"
    not_list = requests.post(f"{url}/{TEMPLATE}", json={"so": 1}, timeout=30)
    assert not_list.status_code == 400
    assert not_list.json()["problems"][0]["code"] == "job.not-a-list"
    assert requests.post(f"{url}/khong-co", json=[{}], timeout=30).status_code == 404
    missing = requests.get(f"{url}/{'0' * 32}", timeout=30)
    assert missing.status_code == 404 and missing.json()["problems"][0]["code"] == "job.not-found"
    assert requests.get(f"{url}/../../etc", timeout=30).status_code == 404


def test_no_queue_configured_is_503(monkeypatch: pytest.MonkeyPatch) -> None:
    from vanban.web import create_app

    monkeypatch.delenv("VANBAN_REDIS_URL", raising=False)
    try:
        client = create_app({"WARM_TEMPLATES": False}).test_client()
        answer = client.post(f"/api/v1/jobs/{TEMPLATE}", json=[{}])
    finally:
        monkeypatch.undo()
        reload_settings()
    assert answer.status_code == 503
    assert answer.get_json()["type"].endswith("#problem-queue-unavailable")
    problem = answer.get_json()["problems"][0]
    assert problem["code"] == "queue.unconfigured" and problem["path"] == "VANBAN_REDIS_URL"


def test_redis_down_is_503(monkeypatch: pytest.MonkeyPatch) -> None:
    from live_processes import free_port
    from vanban.web import create_app

    port = free_port()
    monkeypatch.setenv("VANBAN_REDIS_URL", f"redis://127.0.0.1:{port}/0")
    try:
        client = create_app({"WARM_TEMPLATES": False}).test_client()
        answer = client.post(f"/api/v1/jobs/{TEMPLATE}", json=batch(9)[:1])
        status = client.get(f"/api/v1/jobs/{'a' * 32}")
    finally:
        monkeypatch.undo()
        reload_settings()
    for response in (answer, status):
        assert response.status_code == 503
        assert response.get_json()["problems"][0]["code"] == "queue.unreachable"
        assert "127.0.0.1" not in response.get_data(as_text=True)  # no internal host names
        assert str(port) not in response.get_data(as_text=True)


def test_expired_job_is_404(api: str, redis_url: str) -> None:
    from redis import Redis

    job = requests.post(f"{api}/api/v1/jobs/{TEMPLATE}", json=batch(9)[:1], timeout=30).json()
    Redis.from_url(redis_url).delete(f"rq:job:{job['id']}")  # as after VANBAN_JOB_RESULT_TTL
    gone = requests.get(f"{api}{job['self']}", timeout=30)
    assert gone.status_code == 404 and gone.json()["problems"][0]["code"] == "job.expired"


def test_pdf_batch(api: str, redis_url: str, tmp_path: Path) -> None:
    """``?format=pdf``: the worker converts each document (LibreOffice on this machine)."""
    import shutil

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is absent (deploy/install-system.sh installs it)")
    items = batch(9)[:2]
    bad = requests.post(f"{api}/api/v1/jobs/{TEMPLATE}?format=rtf", json=items, timeout=30)
    assert bad.status_code == 400
    job = requests.post(f"{api}/api/v1/jobs/{TEMPLATE}?format=pdf", json=items,
                        timeout=30).json()
    assert job["format"] == "pdf"
    [worker] = start_workers(redis_url, tmp_path, ["may-pdf"])
    try:
        def finished() -> dict | None:
            state = requests.get(f"{api}{job['self']}", timeout=30).json()
            return state if state["status"] in ("finished", "failed") else None
        state = wait_until(finished, 300, "the PDF job")
    finally:
        stop(worker)
    assert (state["status"], state["done"], state["failed"]) == ("finished", 2, 0), state
    zipped = requests.get(f"{api}{state['result']}", timeout=30)
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as zf:
        pdfs = [n for n in zf.namelist() if n.endswith(".pdf")]
        assert len(pdfs) == 2
        for number, name in enumerate(pdfs, 1):
            text = subprocess.run(["pdftotext", "-", "-"], input=zf.read(name),
                                  capture_output=True, check=True).stdout.decode()
            assert f"đơn vị số {number}".upper() in text.upper(), name
        assert json.loads(zf.read("errors.json"))["errors"] == []


def test_failed_job_says_so(api: str, redis_url: str) -> None:
    from redis import Redis
    from rq.job import Job, JobStatus

    job = requests.post(f"{api}/api/v1/jobs/{TEMPLATE}", json=batch(9)[:1], timeout=30).json()
    Job.fetch(job["id"], connection=Redis.from_url(redis_url)).set_status(JobStatus.FAILED)
    assert requests.get(f"{api}{job['self']}", timeout=30).json()["status"] == "failed"
    answer = requests.get(f"{api}{job['self']}/result", timeout=30)
    assert answer.status_code == 500 and answer.json()["problems"][0]["code"] == "job.failed"
