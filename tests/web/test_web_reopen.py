"""``POST /api/v1/reopen`` and ``vanban reopen``: last year's document becomes this year's
draft; a .docx vanban did not make gets a clear 422."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import requests
from docx import Document

import vanban


def test_reopen_over_http(live_server: str):
    data = vanban.example("bao-cao-thi-dua")
    docx = requests.post(f"{live_server}/api/v1/documents/bao-cao-thi-dua", json=data,
                         timeout=60)
    assert docx.status_code == 200
    files = {"file": ("bao-cao.docx", docx.content, "application/octet-stream")}
    r = requests.post(f"{live_server}/api/v1/reopen", files=files, timeout=30)
    assert r.status_code == 200
    assert r.json()["template"] == "bao-cao-thi-dua" and r.json()["data"] == data


def test_another_docx_is_a_clear_422(live_server: str):
    out = io.BytesIO()
    Document().save(out)
    files = {"file": ("khac.docx", out.getvalue(), "application/octet-stream")}
    r = requests.post(f"{live_server}/api/v1/reopen", files=files, timeout=30)
    assert r.status_code == 422 and r.headers["Content-Type"].startswith("application/problem")
    assert r.json()["problems"][0]["code"] == "reopen.not-vanban"
    r = requests.post(f"{live_server}/api/v1/reopen",
                      files={"file": ("a.docx", b"not a zip", "application/octet-stream")},
                      timeout=30)
    assert r.status_code == 422 and r.json()["problems"][0]["code"] == "upload.not-docx"


def test_cli_reopen(tmp_path):
    data = vanban.example("cong-van")
    path = tmp_path / "cv.docx"
    path.write_bytes(vanban.render("cong-van", data))
    run = subprocess.run([sys.executable, "-m", "vanban.cli", "reopen", str(path),
                          "--data-only"], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == data
    other = tmp_path / "other.docx"
    Document().save(other)
    run = subprocess.run([sys.executable, "-m", "vanban.cli", "reopen", str(other)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2 and "không do vanban tạo" in run.stderr
