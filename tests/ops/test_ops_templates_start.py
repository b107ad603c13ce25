"""Extra templates from a mounted folder (VANBAN_TEMPLATES_PATH) are validated at start: a
missing folder stops the start; a broken template is logged and listed by /readyz while the
good ones serve."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import requests

from live_processes import ROOT, env, gunicorn
from vanban.templates import builtin_templates_dir


def test_missing_folder_stops_gunicorn(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
                          cwd=ROOT, env=env(VANBAN_TEMPLATES_PATH=str(tmp_path / "khong-co"),
                                            VANBAN_BIND="127.0.0.1:0"),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "VANBAN_TEMPLATES_PATH" in done.stderr and "không có thư mục" in done.stderr


def test_mounted_templates_are_checked_at_start(tmp_path: Path) -> None:
    mounted = tmp_path / "templates"
    good = mounted / "bao-cao-dia-phuong"
    shutil.copytree(builtin_templates_dir() / "bao-cao-thi-dua", good)
    manifest = good / "manifest.toml"
    manifest.write_text(manifest.read_text("utf-8").replace(
        'id = "bao-cao-thi-dua"', 'id = "bao-cao-dia-phuong"'), "utf-8")
    broken = mounted / "mau-hong"
    broken.mkdir()
    (broken / "manifest.toml").write_text('id = "mau-hong"\ntitle = ', "utf-8")

    log = tmp_path / "gunicorn.log"
    with gunicorn(log, VANBAN_WORKERS="1", VANBAN_LOG_FORMAT="json",
                  VANBAN_TEMPLATES_PATH=str(mounted)) as (_, url):
        ready = requests.get(f"{url}/readyz", timeout=30)
        ids = [t["id"] for t in requests.get(f"{url}/api/v1/templates", timeout=30).json()[
            "templates"]]
        example = requests.get(f"{url}/api/v1/templates/bao-cao-thi-dua/example", timeout=30)
        doc = requests.post(f"{url}/api/v1/documents/bao-cao-dia-phuong", json=example.json(),
                            timeout=60)
    assert ready.status_code == 200
    assert any("mau-hong" in p["path"] for p in ready.json()["problems"])
    assert "bao-cao-dia-phuong" in ids and "mau-hong" not in ids
    assert doc.status_code == 200 and doc.content[:2] == b"PK"
    errors = [json.loads(line) for line in log.read_text("utf-8").splitlines()
              if line.startswith("{") and '"error"' in line]
    assert any("mau-hong" in e["message"] for e in errors), log.read_text("utf-8")
