"""The safe reader of uploaded .docx packages: zip bomb, too many parts, odd names, deep XML,
external entities — each refused with the limit's name, quickly and with bounded memory."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import vanban
from conftest import ROOT, TEMPLATE, fixture_data
from vanban.errors import InputError, LimitError
from vanban.ooxml.safezip import ZipLimits, parse_xml, read_docx_parts

MIB = 1024 * 1024
DOC = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'


def package(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def code_of(data: bytes, limits: ZipLimits | None = None) -> tuple[str, dict]:
    with pytest.raises(InputError) as info:
        read_docx_parts(data, limits)
    (p,) = info.value.problems
    return p.code, p.extra


def test_a_rendered_document_is_read_whole() -> None:
    data = vanban.render(TEMPLATE, fixture_data("nha-nuoc-mau-01-tong-ket-2021"))
    parts = read_docx_parts(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert parts == {n: z.read(n) for n in z.namelist()}


def test_defaults_come_from_config(monkeypatch: pytest.MonkeyPatch) -> None:
    from vanban.config import reload_settings

    monkeypatch.setenv("VANBAN_UPLOAD_MAX_PARTS", "12")
    try:
        reload_settings()
        assert ZipLimits().max_parts == 12
    finally:
        monkeypatch.delenv("VANBAN_UPLOAD_MAX_PARTS")
        reload_settings()
    assert ZipLimits().max_parts == 2000


@pytest.mark.parametrize(("data", "detected"), [
    (b"", None), (b"\xd0\xcf\x11\xe0rest", "doc"), (b"%PDF-1.7", "pdf"), (b"hello", None),
    (b"PK\x03\x04broken", None), (package({"a.xml": b"<a/>"}), None),
], ids=["empty", "doc", "pdf", "text", "broken-zip", "zip-without-word"])  # a zip's bytes
# hold the minute it was written: as ids they differ between pytest-xdist's workers
def test_not_a_docx(data: bytes, detected: str | None) -> None:
    code, extra = code_of(data)
    assert code == "upload.not-docx"
    assert extra.get("detected") == detected


@pytest.mark.parametrize("name", ["../evil.xml", "word/../../evil.xml", "/etc/passwd",
                                  "C:/x.xml", "word\\x.xml", "word//x.xml"])
def test_odd_part_names_are_refused(name: str) -> None:
    code, extra = code_of(package({"word/document.xml": DOC, name: b"<a/>"}))
    assert code == "upload.bad-part-name" and extra["part"] == name


def test_too_many_parts() -> None:
    parts = {"word/document.xml": DOC} | {f"word/p{i}.xml": b"<a/>" for i in range(30)}
    with pytest.raises(LimitError) as info:
        read_docx_parts(package(parts), ZipLimits(max_parts=20))
    (p,) = info.value.problems
    assert p.code == "upload.too-many-parts" and info.value.status == 413
    assert p.extra["limit"] == "upload_max_parts" and p.extra["max"] == 20
    assert "upload_max_parts" in p.message and "20" in p.message


def test_total_inflated_size() -> None:
    data = package({"word/document.xml": DOC, "word/media/a.bin": os.urandom(3 * MIB)})
    code, extra = code_of(data, ZipLimits(max_inflated_bytes=2 * MIB))
    assert code == "upload.too-large"
    assert extra == {"limit": "upload_max_inflated_bytes", "max": 2 * MIB}


def test_lying_sizes_are_caught_while_inflating() -> None:
    """A part that declares a small size but inflates to more: stopped by the real count."""
    data = bytearray(package({"word/document.xml": DOC + b" " * (4 * MIB)}))
    # Make the central directory and the local header claim 100 bytes.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
    local = info.header_offset
    data[local + 22:local + 26] = (100).to_bytes(4, "little")
    central = bytes(data).rindex(b"PK\x01\x02")
    data[central + 24:central + 28] = (100).to_bytes(4, "little")
    code, extra = code_of(bytes(data), ZipLimits(max_inflated_bytes=MIB))
    assert code in ("upload.too-large", "upload.ratio", "upload.not-docx")


def test_deep_xml_and_entities() -> None:
    deep = b"<a>" * 300 + b"</a>" * 300
    with pytest.raises(LimitError) as info:
        parse_xml(deep, ZipLimits(max_xml_depth=100), "word/document.xml")
    assert info.value.problems[0].code == "upload.xml-depth"
    assert info.value.problems[0].extra["limit"] == "upload_max_xml_depth"
    secret = Path(__file__)  # any local file: its text must never appear
    xxe = (f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file://{secret}">]>'
           "<a>&x;</a>").encode()
    root = parse_xml(xxe)
    assert "test_deep_xml_and_entities" not in "".join(root.itertext())


BOMB = textwrap.dedent("""
    import io, json, resource, sys, time, zipfile
    sys.path.insert(0, sys.argv[1])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as part:   # 600 MiB, streamed
            block = b"<w:p/>" * (1 << 16)
            for _ in range(600 * (1 << 20) // len(block)):
                part.write(block)
    bomb = buf.getvalue()
    del buf
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    from vanban.check import check_docx
    from vanban.errors import InputError
    start = time.perf_counter()
    try:
        check_docx(bomb)
        code = None
    except InputError as exc:
        code = exc.problems[0].code
    print(json.dumps({"size": len(bomb), "code": code, "seconds": time.perf_counter() - start,
                      "rss_before": before,
                      "rss_after": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
""")


def test_zip_bomb_is_refused_with_bounded_memory() -> None:
    """The issue's bomb: a 600 MiB document part that deflates to well under 2 MiB."""
    done = subprocess.run([sys.executable, "-c", BOMB, str(ROOT / "service")],
                          capture_output=True, text=True, timeout=300, check=True)
    out = json.loads(done.stdout)
    assert out["size"] < 2 * MIB
    assert out["code"] in ("upload.too-large", "upload.ratio")
    # Peak RSS (KiB on Linux) grows by less than 64 MiB while refusing it (it was 6.2 GB).
    assert out["rss_after"] - out["rss_before"] < 64 * 1024, out
