"""The command line on a busy port and on a closed pipe: clear words, no traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, TEMPLATE

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "service")}
FIXTURE = str(FIXTURES["nha-nuoc-mau-01-tong-ket-2021"])


def vanban(*args: str) -> list[str]:
    return [sys.executable, "-m", "vanban.cli", *args]


def test_serve_on_a_busy_port_says_so_before_any_url() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        done = subprocess.run(vanban("serve", "--port", str(port)), capture_output=True,
                              text=True, env=ENV, timeout=60)
    assert done.returncode == 2
    assert "http://" not in done.stderr and "Traceback" not in done.stderr
    assert f"Cổng {port}" in done.stderr and "đang được một chương trình khác dùng" in done.stderr
    assert f"--port {port + 1}" in done.stderr
    assert "Errno" not in done.stderr


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("pipes") / "bao-cao.docx"
    subprocess.run(vanban("render", TEMPLATE, FIXTURE, "-o", str(out)), check=True, env=ENV,
                   capture_output=True)
    return str(out)


COMMANDS = {
    "check-format --json": lambda f: ["check-format", f, "--json"],
    "check-format": lambda f: ["check-format", f],
    "schema": lambda f: ["schema", TEMPLATE],
    "example": lambda f: ["example", TEMPLATE],
    "templates": lambda f: ["templates"],
    "render -o -": lambda f: ["render", TEMPLATE, FIXTURE, "-o", "-"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_closed_stdout_is_quiet(name: str, docx_file: str) -> None:
    """``vanban … | head``: the reader goes away; the command stops without a word."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: the first write fails with EPIPE
    try:
        done = subprocess.run(vanban(*COMMANDS[name](docx_file)), stdout=write_end,
                              stderr=subprocess.PIPE, text=True, env=ENV, timeout=120)
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert "Exception ignored" not in done.stderr, done.stderr
    assert done.stderr.strip() == ""
    assert done.returncode == 141  # 128 + SIGPIPE, as the shell reports a writer cut off

