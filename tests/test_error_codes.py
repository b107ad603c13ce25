"""The error-code catalogue (``vanban/error_codes.toml``): every code the source can report is
listed, ``problem()`` refuses one that is not, ``vanban errors [--json]`` prints it and the API
docs page shows it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from vanban.error_codes import UnlistedCode, catalogue
from vanban.errors import problem
from vanban.web.problems import PROBLEM_TYPES

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from build_error_catalogue import used_codes  # noqa: E402


def test_every_code_in_the_source_is_catalogued():
    used = used_codes()
    assert len(used) > 140
    listed = catalogue()  # written codes have their own line ("area.*" is for run-time ones)
    missing = sorted(code for code in used if code not in listed)
    assert missing == [], ("add a line per code to service/vanban/error_codes.toml "
                           "(PYTHONPATH=service python3 tools/build_error_catalogue.py)")


def test_problem_refuses_an_unlisted_code():
    assert problem("input.json", "", "…").code == "input.json"
    assert problem("input.missing", "a", "…").code == "input.missing"  # under "input.*"
    with pytest.raises(UnlistedCode, match="error_codes.toml"):
        problem("khong.co-trong-danh-muc", "", "…")


def test_entries_are_complete():
    entries = catalogue()
    for e in entries.values():
        assert e.vi and e.en and e.http in PROBLEM_TYPES, e
        assert e.code == e.code.strip() and " " not in e.code
    assert len(entries) >= 150


def test_cli_prints_the_catalogue():
    env_py = {"PYTHONPATH": str(ROOT / "service")}
    run = subprocess.run([sys.executable, "-m", "vanban.cli", "errors", "--json"],
                         capture_output=True, env=env_py, timeout=60, check=True)
    listed = json.loads(run.stdout)
    assert [e["code"] for e in listed] == list(catalogue())
    assert all({"code", "vi", "en"} <= set(e) for e in listed)
    text = subprocess.run([sys.executable, "-m", "vanban.cli", "errors"], capture_output=True,
                          env=env_py, timeout=60, check=True).stdout.decode()
    assert "input.json" in text and "upload.not-docx" in text


def test_api_docs_page_shows_the_catalogue():
    from vanban.web import create_app

    client = create_app({"TESTING": True, "WARM_TEMPLATES": False}).test_client()
    page = client.get("/api/v1/docs").get_data(as_text=True)
    assert 'id="code-input.json"' in page and 'id="code-output.extension"' in page
    assert page.count('<tr id="code-') == len(catalogue())


def test_every_catalogued_problem_type_is_published() -> None:
    """The catalogue's ``http`` column names a problem type of the API docs page (server.busy
    travels as ``busy``, which the page did not list)."""
    from vanban.error_codes import catalogue
    from vanban.web.problems import PROBLEM_TYPES

    assert {e.http for e in catalogue().values()} <= set(PROBLEM_TYPES)
