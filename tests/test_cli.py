"""The command line, run as a user runs it (a subprocess of the installed entry point)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES
from vanban.ooxml import validate_docx

FIX = FIXTURES["dang-yen-bai-so-ket-6-thang-2022"]


def vanban(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], input=stdin,
                          capture_output=True, check=False)


def test_render_to_file(tmp_path: Path):
    out = tmp_path / "bc.docx"
    done = vanban("render", "bao-cao-thi-dua", str(FIX), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert validate_docx(out.read_bytes()) == []


def test_render_from_stdin_to_stdout():
    done = vanban("render", "bao-cao-thi-dua", "-", "-o", "-", stdin=FIX.read_bytes())
    assert done.returncode == 0 and done.stdout[:2] == b"PK"


def test_invalid_input_exits_2_lists_every_problem_writes_nothing(tmp_path: Path):
    data = json.loads(FIX.read_text("utf-8"))
    data["ngay"] = "2022-13-40"
    data["noi_dung"]["khen_thuong"][0]["ten"] = "Huân chương Vàng"
    del data["dia_danh"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    out = tmp_path / "never.docx"
    done = vanban("render", "bao-cao-thi-dua", str(bad), "-o", str(out))
    assert done.returncode == 2
    err = done.stderr.decode()
    for line in ("ngay: ", "dia_danh: Thiếu trường bắt buộc.", "noi_dung.khen_thuong[0].ten: "):
        assert line in err
    assert not out.exists()


def test_json_errors_for_programs(tmp_path: Path):
    done = vanban("--json-errors", "validate", "bao-cao-thi-dua", "-", stdin=b"{}")
    assert done.returncode == 2
    report = json.loads(done.stderr)
    assert report["status"] == 422
    assert {p["path"] for p in report["problems"]} >= {"co_quan", "noi_dung"}


def test_schema_templates_example():
    schema = json.loads(vanban("schema", "bao-cao-thi-dua").stdout)
    assert schema["properties"]["the_thuc"]["default"] == "nha-nuoc"
    assert "bao-cao-thi-dua" in [t["id"] for t in json.loads(vanban("templates").stdout)]
    example = vanban("example", "bao-cao-thi-dua").stdout
    assert vanban("validate", "bao-cao-thi-dua", "-", stdin=example).returncode == 0


def test_unknown_template_exits_2():
    done = vanban("schema", "khong-co")
    assert done.returncode == 2 and "bao-cao-thi-dua" in done.stderr.decode()


def _run_with(setup: str, *args: str) -> subprocess.CompletedProcess:
    """``vanban ARGS`` through :func:`vanban.cli.run`, after ``setup`` ran in its process."""
    code = f"import sys\n{setup}\nsys.argv = ['vanban', *{list(args)!r}]\n" \
           "from vanban.cli import run\nrun()\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, check=False,
                          timeout=120)


def test_the_quick_exit_runs_exit_handlers_and_flushes_everything(tmp_path: Path):
    """``run`` ends the process without the interpreter's tear-down: what must still happen
    at exit (atexit handlers: a PDF converter's LibreOffice stopped; buffered output) does."""
    mark = tmp_path / "atexit-ran"
    done = _run_with(f"import atexit\natexit.register(lambda: open({str(mark)!r}, 'w')"
                     ".write('ran'))", "example", "bao-cao-thi-dua")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["trich_yeu"]  # the whole JSON, flushed
    assert mark.read_text() == "ran"
    assert _run_with("", "validate", "bao-cao-thi-dua", str(tmp_path / "none.json")
                     ).returncode == 2


def test_the_exit_waits_for_a_thread_still_working(tmp_path: Path):
    mark = tmp_path / "thread-done"
    setup = ("import threading, time\n"
             "def work():\n"
             "    time.sleep(0.5)\n"
             f"    open({str(mark)!r}, 'w').write('done')\n"
             "threading.Thread(target=work).start()")
    done = _run_with(setup, "templates")
    assert done.returncode == 0, done.stderr
    assert mark.read_text() == "done"
