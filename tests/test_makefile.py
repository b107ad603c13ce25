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
    assert venv < script.index("python3 -m pip install") < script.index("python3 -m pytest -q")
    assert script.index("bash deploy/install-system.sh --tests") < venv
