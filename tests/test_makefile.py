"""`make serve` / `make test` work on Debian's own Python: everything goes through `.venv`."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is absent")


def dry_run(target: str) -> list[str]:
    done = subprocess.run(["make", "-n", "-B", target, "VENV=/nonexistent/venv"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def test_serve_creates_and_uses_the_venv() -> None:
    lines = dry_run("serve")
    assert any("-m venv /nonexistent/venv" in line for line in lines)
    pips = [line for line in lines if "pip install" in line and "-e" in line]
    assert pips and all(line.startswith("/nonexistent/venv/bin/python -m pip") for line in pips)
    assert lines[-1] == "/nonexistent/venv/bin/vanban serve"


def test_ci_installs_and_tests_inside_the_venv() -> None:
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "python3-venv" in script
    venv = script.index("source .venv/bin/activate")
    assert venv < script.index("python3 -m pip install") < script.index("python3 -m pytest -q")
    assert script.index("apt-get install") < venv
