"""Submit a batch to the queue, follow it, fetch its zip — RQ on Redis (``VANBAN_REDIS_URL``).

A batch of N items becomes ⌈N / VANBAN_JOB_CHUNK_SIZE⌉ chunk jobs (``<id>-<k>``), which any
``vanban worker`` on any machine takes, and one job ``<id>`` that depends on them all (even on
failed ones) and merges their zips. Progress lives in a Redis hash ``vanban:job:<id>`` (total,
done, failed, the workers that took part), updated after every item.
"""

from __future__ import annotations

import logging
import socket
import time
import uuid
from functools import lru_cache
from typing import Any

from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, get_current_job
from rq.exceptions import NoSuchJobError
from rq.job import Dependency, Job, JobStatus

from vanban.config import Settings, get_settings
from vanban.errors import BusyError, VanbanError, problem
from vanban.jobs.render import merge_zips, render_zip
from vanban.ops import metrics

KEY = "vanban:job:{}"
log = logging.getLogger("vanban.jobs")


class QueueError(VanbanError):
    """The queue is not configured or not reachable (HTTP 503)."""

    status = 503
    title = "Hàng đợi không sẵn sàng"
    slug = "queue-unavailable"


class QueueFull(BusyError):
    """The queue holds ``job_max_queue_depth`` chunks already (503 with Retry-After)."""

    title = "Hàng đợi đã đầy"
    slug = "queue-full"


class JobNotFound(VanbanError):
    status = 404
    title = "Không có lô này"
    slug = "not-found"


class JobFailed(VanbanError):
    status = 500
    title = "Lô gặp sự cố"
    slug = "internal"


class JobNotReady(VanbanError):
    status = 409
    title = "Lô chưa xong"
    slug = "job-not-ready"


@lru_cache(maxsize=4)
def _connect(url: str) -> Redis:
    return Redis.from_url(url, socket_connect_timeout=5, health_check_interval=30)


def connection(settings: Settings | None = None) -> Redis:
    settings = settings or get_settings()
    if not settings.redis_url:
        raise QueueError(problem(
            "queue.unconfigured", "VANBAN_REDIS_URL",
            "Máy chủ chưa cấu hình hàng đợi (VANBAN_REDIS_URL) nên không nhận lô lớn; hãy gửi "
            "từng văn bản, hoặc báo quản trị.",
            "no queue configured (VANBAN_REDIS_URL is empty)"))
    return _connect(settings.redis_url)


def queue(settings: Settings | None = None) -> Queue:
    settings = settings or get_settings()
    return Queue(settings.queue_name, connection=connection(settings))


def _unreachable(exc: RedisError) -> QueueError:
    # the host, port and Redis's own text go to the log, never to the client (issue 19)
    log.warning("Redis unreachable: %s", exc)
    return QueueError(problem("queue.unreachable", "VANBAN_REDIS_URL",
                              "Không kết nối được hàng đợi Redis; hãy thử lại sau.",
                              "the queue (Redis) is unreachable; details are in the server "
                              "log"))


def submit(template_id: str, items: list[Any], fmt: str = "docx") -> dict[str, Any]:
    """Put a batch on the queue (documents as ``fmt``: docx or pdf); returns its status."""
    settings = get_settings()
    batch_id = uuid.uuid4().hex
    size = settings.job_chunk_size
    chunks = [(k, items[i:i + size], i) for k, i in enumerate(range(0, len(items), size))]
    key = KEY.format(batch_id)
    keep = settings.job_result_ttl + settings.job_timeout
    try:
        conn = connection(settings)
        waiting = queue(settings).count
        if waiting + len(chunks) > settings.job_max_queue_depth:
            raise QueueFull(problem(
                "queue.full", "", f"Hàng đợi đang có {waiting} phần việc chờ (tối đa "
                f"{settings.job_max_queue_depth}, job_max_queue_depth); hãy gửi lại lô sau ít "
                "phút.", f"{waiting} chunks waiting; job_max_queue_depth = "
                f"{settings.job_max_queue_depth}", limit="job_max_queue_depth",
                max=settings.job_max_queue_depth, waiting=waiting), retry_after=60)
        conn.hset(key, mapping={"template": template_id, "format": fmt,
                                "total": len(items), "done": 0,
                                "failed": 0, "chunks": len(chunks), "created": time.time()})
        conn.expire(key, keep)
        q = queue(settings)
        jobs = [q.enqueue_call(run_chunk, args=(batch_id, template_id, part, start, fmt),
                               job_id=f"{batch_id}-{k}", timeout=settings.job_timeout,
                               result_ttl=keep, failure_ttl=keep)
                for k, part, start in chunks]
        q.enqueue_call(assemble, args=(batch_id, [j.id for j in jobs]), job_id=batch_id,
                       depends_on=Dependency(jobs=jobs, allow_failure=True),
                       timeout=settings.job_timeout, result_ttl=settings.job_result_ttl,
                       failure_ttl=keep, description=f"vanban {template_id} × {len(items)}")
    except RedisError as exc:
        raise _unreachable(exc) from None
    metrics.JOBS.labels(template_id).inc()
    return status(batch_id)


def status(batch_id: str) -> dict[str, Any]:
    """Progress of a batch: ``status`` (queued, started, finished, failed), counts, workers."""
    try:
        conn = connection()
        info = {k.decode(): v.decode() for k, v in conn.hgetall(KEY.format(batch_id)).items()}
        if not info:
            raise JobNotFound(problem("job.not-found", "id",
                                      f"Không có lô “{batch_id}” (hoặc kết quả đã hết hạn).",
                                      f"no job {batch_id!r} (or it expired)"))
        workers = sorted(w.decode() for w in conn.smembers(KEY.format(batch_id) + ":workers"))
        state = Job.fetch(batch_id, connection=conn).get_status()
        total, done, failed = int(info["total"]), int(info["done"]), int(info["failed"])
        if state == JobStatus.FINISHED:
            shown = "finished"
        elif state in (JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED):
            shown = "failed"
        else:
            shown = "started" if done + failed or state == JobStatus.STARTED else "queued"
        if shown in ("finished", "failed") and conn.hsetnx(KEY.format(batch_id), "counted", 1):
            # the first API process to see the end counts the items (workers are not scraped)
            metrics.record_batch_item(info["template"], True, done)
            metrics.record_batch_item(info["template"], False, failed)
    except NoSuchJobError:
        raise _expired(batch_id) from None
    except RedisError as exc:
        raise _unreachable(exc) from None
    return {"id": batch_id, "template": info["template"], "format": info.get("format", "docx"),
            "status": shown, "total": total,
            "done": done, "failed": failed,
            "progress": round((done + failed) / total, 4) if total else 1.0,
            "workers": workers}


def result(batch_id: str) -> bytes:
    """The zip of a finished batch; :class:`JobNotReady` (409) before."""
    state = status(batch_id)
    if state["status"] == "failed":
        raise JobFailed(problem(
            "job.failed", "id", f"Lô “{batch_id}” gặp sự cố khi ghép kết quả; hãy gửi lại lô "
            "hoặc báo quản trị (nhật ký của vanban worker).", f"job {batch_id} failed"))
    if state["status"] != "finished":
        raise JobNotReady(problem(
            "job.not-ready", "id", f"Lô “{batch_id}” chưa xong ({state['done'] + state['failed']}"
            f"/{state['total']}); hãy hỏi lại sau.", f"job {batch_id} is {state['status']}",
            status=state["status"]))
    try:
        data = Job.fetch(batch_id, connection=connection()).return_value()
    except NoSuchJobError:
        raise _expired(batch_id) from None
    except RedisError as exc:
        raise _unreachable(exc) from None
    if not isinstance(data, bytes):
        raise _expired(batch_id)
    return data


def _expired(batch_id: str) -> JobNotFound:
    return JobNotFound(problem("job.expired", "id", f"Kết quả của lô “{batch_id}” đã hết hạn "
                               "hoặc đã bị xoá; hãy gửi lại lô.", "the job's result expired"))


# --------------------------------------------------------------------- run by `vanban worker`

def _worker_name() -> str:
    job = get_current_job()
    return getattr(job, "worker_name", None) or f"{socket.gethostname()}.{id(job)}"


def run_chunk(batch_id: str, template_id: str, items: list[Any], start: int,
              fmt: str = "docx") -> bytes:
    """One chunk: render, counting progress after every item."""
    job = get_current_job()
    conn = job.connection if job else connection()
    key = KEY.format(batch_id)
    conn.sadd(key + ":workers", _worker_name())

    def progress(ok: bool) -> None:
        conn.hincrby(key, "done" if ok else "failed", 1)

    return render_zip(template_id, items, start, progress, fmt)


def assemble(batch_id: str, chunk_ids: list[str]) -> bytes:
    """The last job: merge the chunks' zips; a chunk that died counts each of its items as an
    error in ``errors.json`` (never dropped)."""
    job = get_current_job()
    conn = job.connection if job else connection()
    parts: list[bytes] = []
    lost: list[dict[str, Any]] = []
    for chunk_id, chunk in zip(chunk_ids, Job.fetch_many(chunk_ids, connection=conn),
                               strict=True):
        value = chunk.return_value() if chunk is not None else None
        if isinstance(value, bytes):
            parts.append(value)
            continue
        _, _, items, start, *_ = chunk.args if chunk is not None else (None, None, [None], -1)
        for index in range(start, start + len(items)):
            lost.append({"index": index, "source": f"[{index}]", "problems": [problem(
                "job.chunk-failed", "", "Máy xử lý lô gặp sự cố với văn bản này; hãy gửi lại.",
                f"chunk {chunk_id} failed").to_dict()]})
    if lost:
        conn.hincrby(KEY.format(batch_id), "failed", len(lost))
    info = conn.hmget(KEY.format(batch_id), "template", "format")
    template, fmt = (v.decode() if v else "" for v in info)
    return merge_zips(parts, lost, template, fmt or "docx")
