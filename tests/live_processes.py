"""Real processes for the deployment tests: redis-server, gunicorn and ``vanban`` commands,
started on loopback with this worktree's code, stopped (by their own pid) at the end."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fixture_data(name: str, template: str = "bao-cao-thi-dua") -> dict:
    """One input of ``fixtures/<template>/`` (without going through a conftest module)."""
    import json

    return json.loads((ROOT / "templates_docx" / template / "fixtures"
            / f"{name}.json").read_text("utf-8"))


def env(**extra: str) -> dict[str, str]:
    """The environment of a child process: this tree's code first, no inherited VANBAN_*."""
    out = {k: v for k, v in os.environ.items()
           if not k.startswith("VANBAN_") and k != "PROMETHEUS_MULTIPROC_DIR"}
    out["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "service"),
                                                      os.environ.get("PYTHONPATH")]))
    out.update(extra)
    return out


def vanban(*args: str) -> list[str]:
    return [sys.executable, "-m", "vanban.cli", *args]


def free_port() -> int:
    """A loopback port nobody listens on now (redis-server cannot bind port 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check: Callable[[], object], timeout: float = 30, what: str = "") -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise TimeoutError(f"gave up waiting for {what or check}")


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A private redis-server on a free loopback port; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        import pytest

        pytest.skip("redis-server is absent (deploy/install-system.sh --tests installs it)")
    port = free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1",
                             "--save", "", "--appendonly", "no", "--dir", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        def answers() -> bool:
            with socket.socket() as s:
                s.settimeout(0.5)
                try:
                    s.connect(("127.0.0.1", port))
                    s.sendall(b"PING\r\n")
                    return s.recv(16).startswith(b"+PONG")
                except OSError:
                    return False
        wait_until(answers, 20, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(proc)


@contextmanager
def gunicorn(log: Path, **env_extra: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """gunicorn with the repository's gunicorn.conf.py on a free loopback port; yields the
    process and its base URL. Its stderr goes to ``log``."""
    settings = {"VANBAN_BIND": "127.0.0.1:0", **env_extra}
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
                                cwd=ROOT, env=env(**settings), stdout=out, stderr=out)
    try:
        def listening() -> str | None:
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited {proc.returncode}:\n{log.read_text()}")
            found = re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", log.read_text())
            return found.group(1) if found else None
        url = str(wait_until(listening, 60, "gunicorn"))
        yield proc, url
    finally:
        stop(proc)


def metric_samples(text: str, name: str) -> dict[str, float]:
    """``{'{labels}': value}`` of one metric in the Prometheus text format."""
    out = {}
    for line in text.splitlines():
        found = re.fullmatch(rf"{name}(\{{.*\}})? (\S+)", line)
        if found:
            out[found.group(1) or ""] = float(found.group(2))
    return out
