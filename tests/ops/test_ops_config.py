"""Configuration: every VANBAN_* variable in Settings, checked at start, printed by
``vanban config``, documented in docs/configuration.md."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

from live_processes import ROOT, env, vanban
from vanban.config import ConfigError, Settings, load_settings, reload_settings
from vanban.ops.config_cli import effective

sys.path.insert(0, str(ROOT / "tools"))
import build_config_doc  # noqa: E402


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    yield
    reload_settings()  # the environment is restored: forget what the test set


def run(args: list[str], timeout: float = 60, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env(**extra), capture_output=True, text=True,
                          timeout=timeout)


BAD = [
    ("VANBAN_WORKERS", "nhiều", "Phải là số nguyên", "valid integer"),
    ("VANBAN_LOG_FORMAT", "xml", "chỉ nhận: text hoặc json", "'text' or 'json'"),
    ("VANBAN_MAX_CONTENT_LENGTH", "0", "lớn hơn hoặc bằng 1", "greater than or equal to 1"),
    ("VANBAN_TEMPLATES_PATH", "/khong/co/thu-muc", "không có thư mục", "no directory"),
    ("VANBAN_REDIS_URL", "localhost:6379", "Giá trị không hợp lệ", "should match pattern"),
]


@pytest.mark.parametrize(("name", "value", "vi", "en"), BAD)
def test_bad_value_raises_naming_the_variable(monkeypatch: pytest.MonkeyPatch, name: str,
                                               value: str, vi: str, en: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    [found] = caught.value.problems
    assert found.path == name and found.code == "config.invalid"
    assert name in found.message and vi in found.message
    assert name in found.message_en and en in found.message_en


@pytest.mark.parametrize("command", [["serve"], ["worker"], ["config"]])
def test_bad_value_stops_the_command_with_exit_2(command: list[str]) -> None:
    done = run(vanban(*command), VANBAN_THREADS="-3", VANBAN_REDIS_URL="redis://127.0.0.1:1/0")
    assert done.returncode == 2, done.stderr
    assert "VANBAN_THREADS='-3' không hợp lệ: Phải lớn hơn hoặc bằng 1" in done.stderr
    assert "Environment variable VANBAN_THREADS='-3' is invalid" in done.stderr
    assert "Traceback" not in done.stderr


def test_bad_value_stops_gunicorn_with_exit_2() -> None:
    done = run([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
               VANBAN_TIMEOUT="soon", VANBAN_BIND="127.0.0.1:0")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "VANBAN_TIMEOUT='soon' không hợp lệ" in done.stderr
    assert "Environment variable VANBAN_TIMEOUT='soon' is invalid" in done.stderr
    assert "Listening at" not in done.stderr  # never bound


def test_worker_without_queue_says_which_variable() -> None:
    done = run(vanban("worker"))
    assert done.returncode == 2
    assert "VANBAN_REDIS_URL" in done.stderr and "Traceback" not in done.stderr


def test_config_prints_the_effective_values() -> None:
    done = run(vanban("config"), VANBAN_THREADS="16", VANBAN_LOG_FORMAT="json")
    assert done.returncode == 0, done.stderr
    lines = {line.split()[0]: line for line in done.stdout.splitlines()}
    assert set(lines) == {f"VANBAN_{name.upper()}" for name in Settings.model_fields}
    assert lines["VANBAN_THREADS"].split()[1] == "16" and "env" in lines["VANBAN_THREADS"]
    assert lines["VANBAN_BIND"].split()[1] == '"127.0.0.1:8000"'
    assert "env" not in lines["VANBAN_BIND"]

    as_json = json.loads(run(vanban("config", "--json"), VANBAN_THREADS="16").stdout)
    assert as_json["VANBAN_THREADS"] == {"value": 16, "source": "env"}
    assert as_json["VANBAN_MAX_CONTENT_LENGTH"] == {"value": 2 * 1024 * 1024,
                                                    "source": "default"}


def test_every_field_has_a_bilingual_description() -> None:
    for name, row in effective(Settings()).items():
        assert len(row["description"]) > 20, name
        assert row["description"].isascii() is False, f"{name}: Vietnamese part missing"


def test_configuration_doc_matches_the_fields() -> None:
    """Regenerate with: PYTHONPATH=service python3 tools/build_config_doc.py"""
    text = (ROOT / "docs" / "configuration.md").read_text("utf-8")
    assert text == build_config_doc.render(), "docs/configuration.md is stale"
    for name in Settings.model_fields:
        assert f"| `VANBAN_{name.upper()}` |" in text


def test_web_app_reads_limits_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from vanban.web import create_app

    monkeypatch.setenv("VANBAN_CHECK_MAX_CONTENT_LENGTH", "4096")
    app = create_app({"WARM_TEMPLATES": False})
    assert app.config["CHECK_MAX_CONTENT_LENGTH"] == 4096
    monkeypatch.setenv("VANBAN_CHECK_MAX_CONTENT_LENGTH", "lots")
    with pytest.raises(ConfigError, match="VANBAN_CHECK_MAX_CONTENT_LENGTH"):
        create_app({"WARM_TEMPLATES": False})
