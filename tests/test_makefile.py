"""`make serve` / `make test` work on Debian's own Python: everything goes through `.venv`."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is absent")


# What an outer make (``make test`` runs the suite as a sub-make) passes down: with these, ``make
# -n`` prints "make[1]: Entering directory …" lines around the commands (and inherits flags).
MAKE_VARIABLES = ("MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES")


def dry_run(target: str) -> list[str]:
    """The commands ``make TARGET`` would run, as if typed in a shell (not as a sub-make)."""
    env = {k: v for k, v in os.environ.items() if k not in MAKE_VARIABLES}
    done = subprocess.run(["make", "--no-print-directory", "-n", "-B", target,
                           "VENV=/nonexistent/venv"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def test_dry_run_is_the_same_under_an_outer_make(monkeypatch) -> None:
    """``make test`` (the README's command) runs this file inside make: MAKELEVEL=1, -w."""
    alone = dry_run("serve")
    monkeypatch.setenv("MAKELEVEL", "1")
    monkeypatch.setenv("MAKEFLAGS", "w")
    monkeypatch.setenv("MFLAGS", "-w")
    assert dry_run("serve") == alone  # before: "make[1]: Entering directory …" first and last


def test_serve_creates_and_uses_the_venv() -> None:
    lines = dry_run("serve")
    assert any("-m venv /nonexistent/venv" in line for line in lines)
    pips = [line for line in lines if "pip install" in line and "-e" in line]
    assert pips and all(line.startswith("/nonexistent/venv/bin/python -m pip") for line in pips)
    assert lines[-1] == "/nonexistent/venv/bin/vanban serve"


def test_ci_installs_and_tests_inside_the_venv() -> None:
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    # System packages (python3-venv among them) come from the one install script, first.
    packages = subprocess.run(["bash", "deploy/install-system.sh", "--list", "--tests"],
                              cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "python3-venv" in packages.split()
    venv = script.index("source .venv/bin/activate")
    test = script.index("python3 -m pytest -q -n auto")
    assert venv < script.index("python3 -m pip install") < test
    assert script.index("bash deploy/install-system.sh --tests") < venv


def test_worker_starts_redis_before_the_worker() -> None:
    """README: ``make worker`` — Redis first (before: ``VANBAN_REDIS_URL=… vanban worker``
    failed, nothing said Redis had to be started, or how)."""
    lines = dry_run("worker")
    redis = next(i for i, line in enumerate(lines) if "redis-server --bind 127.0.0.1" in line)
    worker = next(i for i, line in enumerate(lines) if line.endswith("vanban worker "))
    assert redis < worker
    assert lines[worker].startswith(
        "VANBAN_REDIS_URL=redis://127.0.0.1:6379/0 /nonexistent/venv/bin/vanban worker")


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is absent")
def test_make_redis_starts_one_the_worker_can_use(tmp_path) -> None:
    import socket
    import sys

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in MAKE_VARIABLES}
    started = subprocess.run(["make", "--no-print-directory", "redis", f"REDIS_PORT={port}"],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    try:
        assert started.returncode == 0, started.stderr
        assert f"started redis-server on 127.0.0.1:{port}" in started.stdout
        again = subprocess.run(["make", "--no-print-directory", "redis", f"REDIS_PORT={port}"],
                               cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert "Redis answers" in again.stdout  # a running Redis is left alone
        worker = subprocess.run(
            [sys.executable, "-m", "vanban.cli", "worker", "--burst"], cwd=tmp_path,
            env={**env, "PYTHONPATH": str(ROOT / "service"),
                 "VANBAN_REDIS_URL": f"redis://127.0.0.1:{port}/0",
                 "VANBAN_QUEUE_NAME": "vanban-make-test"},
            capture_output=True, text=True, timeout=120)
        assert worker.returncode == 0, worker.stderr
        assert "vanban worker" in worker.stderr
    finally:
        subprocess.run(["redis-cli", "-p", str(port), "shutdown", "nosave"],
                       capture_output=True, timeout=30)
