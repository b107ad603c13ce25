"""The batch engine: valid items become documents, invalid ones land in errors.json."""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from conftest import FIXTURES, TEMPLATE, fixture_data
from vanban.batch import ERRORS_NAME, BatchInput, iter_batch, read_paths, write_zip
from vanban.batch.engine import max_in_flight
from vanban.errors import UnknownTemplateError
from vanban.ooxml import validate_docx
from vanban.templates import REGISTRY


def _rss() -> int:
    """Resident memory of this process now, in bytes (Linux)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _mixed() -> list[BatchInput]:
    good = [BatchInput(name, FIXTURES[name].read_bytes()) for name in sorted(FIXTURES)]
    missing = fixture_data("nha-nuoc-mau-01-tong-ket-2021")
    del missing["dia_danh"]
    missing["noi_dung"]["khen_thuong"][0]["ten"] = "Giải thưởng Sao Hỏa"
    return [good[0], BatchInput("hỏng.json", b'{"the_thuc": '), good[1],
            BatchInput("thiếu.json", missing), BatchInput("[4]", "chuỗi"), good[2]]


@pytest.fixture(scope="module")
def mixed_zip() -> zipfile.ZipFile:
    buf = io.BytesIO()
    summary = write_zip(iter_batch(TEMPLATE, _mixed(), workers=2), buf, TEMPLATE)
    assert (summary.total, summary.ok, summary.failed) == (6, 3, 3)
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


def test_valid_items_become_documents_in_input_order(mixed_zip: zipfile.ZipFile) -> None:
    names = mixed_zip.namelist()
    assert names[-1] == ERRORS_NAME and len(names) == 4
    expected = [fixture_data(n)["trich_yeu"] for n in sorted(FIXTURES)]
    for name, abstract in zip(names[:3], expected, strict=True):
        assert name.endswith(".docx") and " ".join(abstract.split())[:40] in name


def test_entries_carry_the_date_the_batch_was_made(mixed_zip: zipfile.ZipFile) -> None:
    """Not 1980-01-01: sorted by date, a clerk's files show when they were made."""
    import datetime as dt

    from vanban.vi.dates import GIO_VIET_NAM

    now = dt.datetime.now(GIO_VIET_NAM).replace(tzinfo=None)
    for info in mixed_zip.infolist():
        assert abs((dt.datetime(*info.date_time) - now).total_seconds()) < 3600, info.filename


def test_errors_json_names_each_bad_item_with_its_problems(mixed_zip) -> None:
    report = json.loads(mixed_zip.read(ERRORS_NAME))
    assert (report["template"], report["total"], report["ok"], report["failed"]) == (
        TEMPLATE, 6, 3, 3)
    by_source = {e["source"]: e for e in report["errors"]}
    assert [e["index"] for e in report["errors"]] == [1, 3, 4]
    assert by_source["hỏng.json"]["problems"][0]["code"] == "input.json"
    paths = {p["path"] for p in by_source["thiếu.json"]["problems"]}
    assert "dia_danh" in paths
    assert any("khen_thuong[0].ten" in p for p in paths)  # every problem, not the first only
    assert by_source["[4]"]["problems"][0]["code"] == "input.not-object"
    for entry in report["errors"]:
        assert all(p["message"] and p["message_en"] for p in entry["problems"])


def test_every_batch_output_opens_and_validates(mixed_zip: zipfile.ZipFile) -> None:
    for name in mixed_zip.namelist()[:-1]:
        data = mixed_zip.read(name)
        assert validate_docx(data) == [], name
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
        assert "BÁO CÁO" in text


def test_names_are_unique() -> None:
    same = BatchInput("a", FIXTURES["nha-nuoc-mau-01-tong-ket-2021"].read_bytes())
    buf = io.BytesIO()
    write_zip(iter_batch(TEMPLATE, [same] * 3, workers=1), buf)
    names = zipfile.ZipFile(buf).namelist()[:-1]
    assert len(set(names)) == 3
    assert names[1] == names[0].removesuffix(".docx") + " (2).docx"


def test_unknown_template_fails_before_any_work() -> None:
    with pytest.raises(UnknownTemplateError):
        iter_batch("khong-co", [])


def test_thousand_small_inputs_with_bounded_memory(tmp_path) -> None:
    example = json.dumps(REGISTRY.get(TEMPLATE).example()).encode()
    produced = 0
    in_flight: list[int] = []

    def inputs() -> Iterator[BatchInput]:
        nonlocal produced
        for i in range(1000):
            produced += 1
            yield BatchInput(f"{i}", example)

    done = 0
    rss = [_rss()]

    def tick(item) -> None:
        nonlocal done
        done += 1
        in_flight.append(produced - done)
        rss.append(_rss())

    out = tmp_path / "lo.zip"
    with out.open("wb") as fh:
        summary = write_zip(iter_batch(TEMPLATE, inputs(), workers=2), fh, on_item=tick)
    assert (summary.ok, summary.failed) == (1000, 0)
    assert max(in_flight) <= max_in_flight(2)  # pulled as results leave, never all at once
    size = out.stat().st_size
    assert size > 15 * 2**20  # 1,000 documents of ~19 KB …
    assert max(rss) - rss[0] < 12 * 2**20  # … never held together in this process
    with zipfile.ZipFile(out) as zf:
        assert len(zf.namelist()) == 1001
        assert zf.testzip() is None


def test_read_paths_files_folders_and_json_lines(tmp_path) -> None:
    folder = tmp_path / "lo"
    (folder / "con").mkdir(parents=True)
    shutil.copy(FIXTURES["dang-yen-bai-so-ket-6-thang-2022"], folder / "a.json")
    lines = [json.dumps(fixture_data(n), ensure_ascii=False) for n in sorted(FIXTURES)]
    (folder / "con" / "b.jsonl").write_text("\n".join(lines[:2]) + "\n\nkhông phải json\n")
    (folder / "ghi-chu.txt").write_text("bỏ qua")
    stdin = io.BytesIO((lines[2] + "\n").encode())
    got = list(read_paths([folder, "-"], stdin))
    assert [i.source for i in got] == [
        str(folder / "a.json"), f"{folder / 'con' / 'b.jsonl'} dòng 1",
        f"{folder / 'con' / 'b.jsonl'} dòng 2", f"{folder / 'con' / 'b.jsonl'} dòng 4",
        "stdin dòng 1"]
    items = list(iter_batch(TEMPLATE, got, workers=1))
    assert [i.ok for i in items] == [True, True, True, False, True]
    assert items[3].problems[0].code == "input.json"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_batch_converts_each_document() -> None:
    items = [BatchInput(n, FIXTURES[n].read_bytes()) for n in sorted(FIXTURES)[:2]]
    items.append(BatchInput("sai", b"[]"))
    buf = io.BytesIO()
    summary = write_zip(iter_batch(TEMPLATE, items, fmt="pdf", workers=2), buf, TEMPLATE, "pdf")
    assert (summary.ok, summary.failed) == (2, 1)
    with zipfile.ZipFile(buf) as zf:
        pdfs = [n for n in zf.namelist() if n.endswith(".pdf")]
        assert len(pdfs) == 2
        assert all(zf.read(n).startswith(b"%PDF") for n in pdfs)


def test_the_pool_leaves_a_core_to_this_process_which_renders_too(monkeypatch) -> None:
    """``workers=2`` on 2 cores: one pool process plus this one (before: two pool processes
    and this process competing with them for the two cores)."""
    from vanban.batch import engine

    sizes: list[int] = []
    original = engine._pool

    def recorded(template_id: str, fmt: str, processes: int):  # noqa: ANN202
        sizes.append(processes)
        return original(template_id, fmt, processes)

    monkeypatch.setattr(engine, "_pool", recorded)
    inputs = [BatchInput(f"{i}", FIXTURES[name].read_bytes())
              for i, name in enumerate(sorted(FIXTURES) * 8)]
    items = list(iter_batch(TEMPLATE, inputs, workers=2))
    assert sizes == [1]
    assert [i.index for i in items] == list(range(len(inputs)))  # input order kept
    assert [i.source for i in items] == [i.source for i in inputs] and all(i.ok for i in items)


def test_a_pool_that_cannot_start_leaves_the_batch_to_this_process(monkeypatch) -> None:
    """The pool's processes may be slow to start (a fork server compiles every template
    first) or fail to: this process renders meanwhile, and alone if it must (before: the
    first documents waited for the pool, and a broken pool failed the batch)."""
    from vanban.batch.renderers import Renderers

    def broken(template_id: str, fmt: str, processes: int) -> Renderers:
        return Renderers("fork", processes, lambda conn, *a: os._exit(1), ())  # die at once

    _every_document_in_order(monkeypatch, broken, copies=4)


def test_a_pool_process_that_dies_mid_batch_loses_no_document(monkeypatch) -> None:
    """Killed after its first chunk (out of memory, a crash in a C library): the chunks it
    held are rendered by this process, in their place."""
    from functools import partial

    from vanban.batch import engine
    from vanban.batch.renderers import Renderers, serve

    def dies_on_the_second(template_id: str, fmt: str, chunk: list) -> list:
        dies_on_the_second.calls = getattr(dies_on_the_second, "calls", 0) + 1
        if dies_on_the_second.calls == 2:
            os._exit(9)
        return engine.render_chunk(template_id, fmt, chunk)

    def dying(template_id: str, fmt: str, processes: int) -> Renderers:
        return Renderers("fork", processes, serve, (
            partial(engine._init_worker, template_id),
            partial(dies_on_the_second, template_id, fmt)))

    _every_document_in_order(monkeypatch, dying, copies=10)


def _every_document_in_order(monkeypatch, pool, copies: int) -> None:  # noqa: ANN001
    """A batch of ``copies`` × the fixtures with ``pool`` as the engine's pool: every input
    comes out a document, in input order."""
    from vanban.batch import engine

    monkeypatch.setattr(engine, "_pool", pool)
    inputs = [BatchInput(f"{i}", FIXTURES[name].read_bytes())
              for i, name in enumerate(sorted(FIXTURES) * copies)]
    items = list(iter_batch(TEMPLATE, inputs, workers=2))
    assert [i.source for i in items] == [i.source for i in inputs] and all(i.ok for i in items)


def test_the_pool_runs_no_thread_in_this_process(tmp_path) -> None:
    """Before: a ProcessPoolExecutor's manager and queue-feeder threads took the interpreter
    lock from this process's own rendering at every chunk (3 threads while a batch ran).
    In a fresh interpreter, as ``vanban batch`` runs it (this one may hold threads of other
    tests, which would send the pool through the fork server)."""
    import subprocess
    import sys

    script = (
        "import threading\n"
        "from vanban.batch import BatchInput, iter_batch\n"
        f"data = open({str(FIXTURES[sorted(FIXTURES)[0]])!r}, 'rb').read()\n"
        "inputs = [BatchInput(str(i), data) for i in range(40)]\n"
        "print(sorted({threading.active_count() for _ in iter_batch('bao-cao-thi-dua', "
        "inputs, workers=2)}))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(
                              Path(__file__).resolve().parents[2] / "service")},
                          cwd=tmp_path, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[1]"


def test_a_batch_stopped_early_leaves_no_process() -> None:
    import multiprocessing

    inputs = [BatchInput(f"{i}", FIXTURES[name].read_bytes())
              for i, name in enumerate(sorted(FIXTURES) * 20)]
    batch = iter_batch(TEMPLATE, inputs, workers=3)
    assert [next(batch).ok for _ in range(3)] == [True] * 3
    batch.close()  # the client went away
    assert multiprocessing.active_children() == []


def test_a_batch_leaves_no_thread_so_the_next_one_forks_too(tmp_path) -> None:
    """A thread left behind by a batch (a pool being stopped) would send the next batch of
    the same script through the fork server, which compiles every template first."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]

    script = (
        "import threading, vanban.batch.engine as e\n"
        "from vanban.batch import BatchInput, iter_batch\n"
        "data = open(e.__file__.rsplit('/service/', 1)[0] + "
        "'/templates_docx/bao-cao-thi-dua/fixtures/nha-nuoc-mau-01-tong-ket-2021.json', "
        "'rb').read()\n"
        "for _ in range(2):\n"
        "    print(e.start_method(), sum(i.ok for i in iter_batch('bao-cao-thi-dua', "
        "[BatchInput(str(i), data) for i in range(12)], workers=2)))\n"
        "print(threading.active_count())\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(root / "service")},
                          cwd=tmp_path, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["fork 12", "fork 12", "1"]
