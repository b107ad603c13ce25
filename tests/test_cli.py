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
    """``vanban ARGS`` through :func:`vanban.program.run`, after ``setup`` ran in its
    process."""
    code = f"import sys\n{setup}\nsys.argv = ['vanban', *{list(args)!r}]\n" \
           "from vanban.program import run\nrun()\n"
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


def test_the_program_imports_the_commands_with_the_collector_paused_then_frozen(tmp_path: Path):
    """``vanban.program.run`` imports the command line with the garbage collector off and
    freezes what importing made: no collection runs during the import, and at exit the
    frozen objects (each of which collections used to scan) number ~40,000 for ``templates``."""
    report = tmp_path / "gc.json"
    setup = ("import atexit, gc, json\n"
             "import vanban.program\n"
             "assert 'pydantic' not in sys.modules, 'vanban.program must import nothing heavy'\n"
             "seen = []  # per collection: was vanban.cli imported whole by then?\n"
             "gc.callbacks.append(lambda phase, info: phase == 'start' and seen.append("
             "hasattr(sys.modules.get('vanban.cli'), 'main')))\n"
             f"atexit.register(lambda: open({str(report)!r}, 'w').write(json.dumps("
             "{'frozen': gc.get_freeze_count(), 'enabled': gc.isenabled(), "
             "'during_import': seen.count(False)})))")
    done = _run_with(setup, "templates")
    assert done.returncode == 0, done.stderr
    facts = json.loads(report.read_text())
    assert facts == {"frozen": facts["frozen"], "enabled": True, "during_import": 0}
    assert facts["frozen"] > 20_000


def test_import_vanban_is_light_and_its_names_still_work():
    code = ("import sys, vanban\n"
            "light = not {'pydantic', 'jinja2', 'babel', 'lxml'} & set(sys.modules)\n"
            "doc = vanban.render('bao-cao-thi-dua', vanban.example('bao-cao-thi-dua'))\n"
            "print(light, callable(vanban.render), doc[:2] == b'PK',\n"
            "      issubclass(vanban.InputError, vanban.VanbanError),\n"
            "      vanban.pipeline.run.__module__, 'REGISTRY' in dir(vanban))\n"
            "try:\n"
            "    vanban.no_such_thing\n"
            "except AttributeError as exc:\n"
            "    print(exc)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "True True True True vanban.pipeline True",
        "module 'vanban' has no attribute 'no_such_thing'"]
