"""``vanban batch``, run as a user runs it (a subprocess)."""

from __future__ import annotations

import io
import json
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx

from conftest import FIXTURES, fixture_data
from vanban.ooxml import validate_docx

TEMPLATE = "bao-cao-thi-dua"


def vanban(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], input=stdin,
                          capture_output=True, check=False, timeout=300)


def test_folder_with_a_bad_file_writes_the_others_and_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "don-vi"
    folder.mkdir()
    for path in FIXTURES.values():
        shutil.copy(path, folder / path.name)
    bad = fixture_data("dang-yen-bai-so-ket-6-thang-2022")
    del bad["trich_yeu"]
    (folder / "z-thieu-trich-yeu.json").write_text(json.dumps(bad, ensure_ascii=False))
    out = tmp_path / "lo.zip"
    done = vanban("batch", TEMPLATE, str(folder), "-o", str(out), "--workers", "2")
    assert done.returncode == 2, done.stderr
    err = done.stderr.decode()
    assert "z-thieu-trich-yeu.json" in err and "trich_yeu" in err
    assert "Đã tạo 3/4 văn bản" in err
    assert "\r" not in err  # no progress bar when stderr is not a terminal
    with zipfile.ZipFile(out) as zf:
        docs = [n for n in zf.namelist() if n.endswith(".docx")]
        assert len(docs) == 3
        for name in docs:
            data = zf.read(name)
            assert validate_docx(data) == []
            assert docx.Document(io.BytesIO(data)).paragraphs
        report = json.loads(zf.read("errors.json"))
    (entry,) = report["errors"]
    assert entry["source"].endswith("z-thieu-trich-yeu.json")
    assert [p["path"] for p in entry["problems"]] == ["trich_yeu"]


def test_json_lines_on_stdin_to_stdout_exits_0() -> None:
    lines = "\n".join(json.dumps(fixture_data(n), ensure_ascii=False) for n in sorted(FIXTURES))
    done = vanban("batch", TEMPLATE, "-", "-o", "-", stdin=lines.encode())
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(io.BytesIO(done.stdout)) as zf:
        assert zf.testzip() is None
        assert len(zf.namelist()) == len(FIXTURES) + 1
        assert json.loads(zf.read("errors.json"))["failed"] == 0


def test_unknown_template_and_missing_input_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "x.zip"
    assert vanban("batch", "khong-co", str(tmp_path), "-o", str(out)).returncode == 2
    done = vanban("batch", TEMPLATE, str(tmp_path / "khong-co.json"), "-o", str(out))
    assert done.returncode == 2 and not out.exists()


def test_the_progress_bar_does_not_turn_the_pool_into_a_fork_server(tmp_path: Path) -> None:
    """Before: tqdm's monitor thread made ``start_method()`` pick the fork server, which
    compiles every installed template first — 1,000 documents took 3× one in-process render
    each instead of less than one."""
    script = (
        "import sys, vanban.batch.engine as e\n"
        "seen = []\n"
        "original = e.start_method\n"
        "e.start_method = lambda: seen.append(original()) or seen[-1]\n"
        "from vanban.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(seen, code)\n")
    out = tmp_path / "lo.zip"
    inputs = [str(p) for p in FIXTURES.values()] * 4
    done = subprocess.run([sys.executable, "-c", script, "batch", TEMPLATE, *inputs, "-o",
                           str(out), "--workers", "2"], capture_output=True, text=True,
                          check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["['fork']", "0"]
    with zipfile.ZipFile(out) as zf:
        assert len(zf.namelist()) == len(inputs) + 1 and zf.testzip() is None


def test_ctrl_c_keeps_the_previous_zip_and_prints_no_traceback(tmp_path: Path) -> None:
    """Before: the zip was truncated and rewritten in place, so Ctrl+C in a batch left a
    broken out.zip instead of last run's, and Python's traceback on the terminal."""
    out = tmp_path / "lo.zip"
    out.write_bytes(b"last run's zip")
    lines = [json.dumps(fixture_data(n), ensure_ascii=False) for n in sorted(FIXTURES)]
    proc = subprocess.Popen([sys.executable, "-m", "vanban.cli", "batch", TEMPLATE, "-", "-o",
                             str(out), "--no-progress"], stdin=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        assert proc.stdin is not None
        proc.stdin.write(("\n".join(lines) + "\n").encode())
        proc.stdin.flush()  # stdin stays open: the batch waits for more, mid-way
        deadline = time.monotonic() + 120
        while not any(p.name != out.name for p in tmp_path.iterdir()) \
                and out.read_bytes() == b"last run's zip":
            assert time.monotonic() < deadline, "the batch never started writing"
            time.sleep(0.05)
        time.sleep(0.3)  # the documents read so far are written
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode() and "Đã dừng" in err.decode()
    assert out.read_bytes() == b"last run's zip"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no partial file left


def test_a_finished_batch_replaces_the_old_zip_keeping_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "lo.zip"
    out.write_bytes(b"last run's zip")
    out.chmod(0o640)
    done = vanban("batch", TEMPLATE, str(FIXTURES[sorted(FIXTURES)[0]]), "-o", str(out))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None and len(zf.namelist()) == 2
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
