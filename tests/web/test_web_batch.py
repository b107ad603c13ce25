"""POST /api/v1/batch/<id> over a real loopback server: the zip is readable while it streams."""

from __future__ import annotations

import io
import json
import struct
import time
import zipfile
from collections.abc import Iterator

import docx
import requests
from web_helpers import FIXTURES, TEMPLATE, load_fixture

from vanban.ooxml import validate_docx

_LOCAL = struct.Struct("<IHHHHHIIIHH")


def stream_entries(raw: io.RawIOBase) -> Iterator[tuple[str, bytes]]:
    """Walk a zip as it arrives, entry by entry, from local headers alone (no central
    directory: that comes last). Stops at the central directory."""

    def read(n: int) -> bytes:
        out = b""
        while len(out) < n:
            chunk = raw.read(n - len(out))
            if not chunk:
                raise EOFError("stream ended inside an entry")
            out += chunk
        return out

    while True:
        head = read(4)
        if head != b"PK\x03\x04":
            return
        fields = _LOCAL.unpack(head + read(_LOCAL.size - 4))
        flags, method, csize, name_len, extra_len = (fields[2], fields[3], fields[7],
                                                     fields[9], fields[10])
        assert not flags & 0x08, "sizes must be in the local header, not after the data"
        name = read(name_len).decode("utf-8" if flags & 0x800 else "cp437")
        read(extra_len)
        data = read(csize)
        if method == 8:
            import zlib

            data = zlib.decompress(data, -15)
        yield name, data


def test_streamed_zip_is_readable_while_it_is_produced(live_server: str) -> None:
    example = requests.get(f"{live_server}/api/v1/templates/{TEMPLATE}/example",
                           timeout=30).json()
    lines = [json.dumps(example, ensure_ascii=False)] * 1000
    lines[500] = '{"the_thuc": "nha-nuoc"}'
    body = "\n".join(lines).encode()
    start = time.perf_counter()
    with requests.post(f"{live_server}/api/v1/batch/{TEMPLATE}", data=body, stream=True,
                       headers={"Content-Type": "application/x-ndjson"}, timeout=120) as r:
        assert r.status_code == 200
        assert r.headers["Content-Type"] == "application/zip"
        assert "Content-Length" not in r.headers  # streamed, not built then sent
        arrivals: list[float] = []
        entries: list[tuple[str, bytes]] = []
        for name, data in stream_entries(r.raw):
            arrivals.append(time.perf_counter() - start)
            entries.append((name, data))
    names = [n for n, _ in entries]
    assert len(names) == 1000 and names[-1] == "errors.json"
    assert len(set(names)) == len(names)
    # The first document arrived while most of the batch was still to be rendered: well
    # before the last one (a zip built whole and then sent arrives in one burst).
    first, last = arrivals[0], arrivals[-2]
    assert last - first > 0.3 * last, (first, last)
    report = json.loads(entries[-1][1])
    assert report["ok"] == 999 and report["errors"][0]["source"] == "dòng 501"
    assert {p["path"] for p in report["errors"][0]["problems"]} >= {"dia_danh", "noi_dung"}
    for _, data in entries[:-1:200]:
        assert validate_docx(data) == []
        assert docx.Document(io.BytesIO(data)).paragraphs


def test_json_array_batch_answers_a_whole_zip(live_server: str) -> None:
    items = [load_fixture(p) for p in FIXTURES] + [{"the_thuc": "dang"}]
    r = requests.post(f"{live_server}/api/v1/batch/{TEMPLATE}", json=items, timeout=120)
    assert r.status_code == 200
    assert r.headers["Content-Disposition"] == f'attachment; filename="{TEMPLATE}.zip"'
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        assert len(names) == len(FIXTURES) + 1
        assert json.loads(zf.read("errors.json"))["errors"][0]["source"] == f"[{len(FIXTURES)}]"


def test_batch_request_errors_are_problems(client) -> None:
    assert client.post(f"/api/v1/batch/{TEMPLATE}", json={"a": 1}).status_code == 400
    assert client.post(f"/api/v1/batch/{TEMPLATE}", json=[]).status_code == 400
    r = client.post(f"/api/v1/batch/{TEMPLATE}", data="x", content_type="text/plain")
    assert r.status_code == 415 and r.json["problems"][0]["code"] == "request.media-type"
    r = client.post("/api/v1/batch/khong-co", json=[{}])
    assert r.status_code == 404 and r.mimetype == "application/problem+json"
    r = client.post(f"/api/v1/batch/{TEMPLATE}?format=rtf", json=[{}])
    assert r.status_code == 400 and r.json["problems"][0]["path"] == "format"


def test_batch_item_caps_are_413_before_any_work(client, monkeypatch) -> None:
    """Issue 19: a batch over batch_max_items (batch_max_pdf_items for PDF) is refused whole,
    naming the limit, JSON array and JSON Lines alike."""
    from vanban.config import reload_settings

    monkeypatch.setenv("VANBAN_BATCH_MAX_ITEMS", "3")
    monkeypatch.setenv("VANBAN_BATCH_MAX_PDF_ITEMS", "2")
    reload_settings()
    try:
        item = load_fixture(FIXTURES[0])
        url = f"/api/v1/batch/{TEMPLATE}"
        answers = [
            client.post(url, json=[item] * 4),
            client.post(url, data="\n".join(json.dumps(item) for _ in range(4)),
                        content_type="application/x-ndjson"),
            client.post(url + "?format=pdf", json=[item] * 3),
        ]
        fine = client.post(url, json=[item] * 3)
    finally:
        monkeypatch.undo()
        reload_settings()
    for response, limit in zip(answers, ["batch_max_items"] * 2 + ["batch_max_pdf_items"],
                               strict=True):
        assert response.status_code == 413, response.get_data(as_text=True)[:300]
        found = response.get_json()["problems"][0]
        assert found["code"] == "batch.too-many" and found["extra"]["limit"] == limit
    assert fine.status_code == 200
