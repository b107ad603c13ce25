"""Documents for the format-check tests of the web app: rendered fixtures (correct), the same
with deliberate mistakes, a careless python-docx document, and broken packages."""

from __future__ import annotations

import functools
import io
import random
import zipfile
from collections.abc import Callable

import docx
from docx.shared import Pt
from web_helpers import TEMPLATE, fixture_named, load_fixture

import vanban

CHECK_URL = "/api/v1/check-format"
PAGE = "/kiem-tra"
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: What :func:`wrong_docx` breaks: errors and warnings it must produce.
WRONG_ERRORS = {"page.size", "page.margins", "font.family", "so-ky-hieu.padding"}
WRONG_WARNINGS = {"body.ending"}


@functools.cache
def rendered(prefix: str = "nha-nuoc") -> bytes:
    """The fixture ``fixtures/<prefix>*.json`` rendered as .docx."""
    return vanban.render(TEMPLATE, load_fixture(fixture_named(prefix)))


def rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """A copy of a package with every part passed through ``change`` (None drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = change(info.filename, src.read(info.filename))
            if part is not None:
                dst.writestr(info, part)
    return out.getvalue()


@functools.cache
def wrong_docx() -> bytes:
    """The State fixture with Letter paper, swapped margins, Arial, ``Số: 5/…`` and no
    closing ``./.`` — 6 errors (4 rules) and 1 warning."""

    def change(name: str, part: bytes) -> bytes:
        if name == "word/document.xml":
            for old, new in (
                (b'<w:pgSz w:w="11906" w:h="16838"/>', b'<w:pgSz w:w="12240" w:h="15840"/>'),
                (b'w:right="850"', b'w:right="1701"'), (b'w:left="1701"', b'w:left="1134"'),
                ("Số: 05/".encode(), "Số: 5/".encode()), (b"./.</w:t>", b".</w:t>"),
            ):
                assert old in part, old
                part = part.replace(old, new)
        if name == "word/styles.xml":
            part = part.replace(b"Times New Roman", b"Arial")
        return part

    return rezip(rendered("nha-nuoc"), change)


@functools.cache
def careless_docx() -> bytes:
    """What someone types in a blank python-docx document: Letter paper, 1-inch margins,
    Calibri 11 pt, everything left-aligned."""
    document = docx.Document()
    for text in ("UỶ BAN NHÂN DÂN TỈNH HÀ GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: 7/BC-UBND",
                 "Hà Giang, ngày 3 tháng 2 năm 2024", "BÁO CÁO",
                 "Tổng kết công tác thi đua, khen thưởng năm 2023",
                 "Năm 2023, các phong trào thi đua được triển khai rộng khắp."):
        document.add_paragraph(text).runs[0].font.size = Pt(11)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def broken_packages() -> dict[str, bytes]:
    """Damaged or hostile packages; none may give a 500."""
    good = rendered("dang")
    body_open = f'<w:document xmlns:w="{NS_W}"><w:body>'.encode()

    def document(xml: bytes) -> bytes:
        return rezip(good, lambda n, d: xml if n == "word/document.xml" else d)

    cases: dict[str, bytes] = {
        "empty": b"", "text": "văn bản".encode(), "pk-only": b"PK\x03\x04",
        "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
        "no-document": rezip(good, lambda n, d: None if n == "word/document.xml" else d),
        "document-not-xml": document(b"not xml at all"),
        "document-empty": document(b""),
        "wrong-root": document(b"<a/>"),
        "no-body": document(f'<w:document xmlns:w="{NS_W}"/>'.encode()),
        "deep-nesting": document(body_open + b"<w:sdt><w:sdtContent>" * 1200 + b"<w:p/>"
                                 + b"</w:sdtContent></w:sdt>" * 1200 + b"</w:body></w:document>"),
        "entities": document(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                             b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + body_open
                             + b"<w:p><w:r><w:t>&b;&b;</w:t></w:r></w:p></w:body></w:document>"),
        "styles-garbage": rezip(good, lambda n, d: b"<x" if n == "word/styles.xml" else d),
        "rels-garbage": rezip(good, lambda n, d: b"\xff\xfe" if n.endswith(".rels") else d),
    }
    for cut in (30, 1000, len(good) // 2, len(good) - 22):
        cases[f"truncated-{cut}"] = good[:cut]
    for seed in range(12):
        flipped = bytearray(good)
        rnd = random.Random(seed)
        for _ in range(rnd.randint(1, 40)):
            flipped[rnd.randrange(len(flipped))] = rnd.randrange(256)
        cases[f"flipped-{seed}"] = bytes(flipped)
    encrypted = bytearray(good)
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = encrypted.find(sig)
        while at != -1:
            encrypted[at + flag_at] |= 1
            at = encrypted.find(sig, at + 1)
    cases["encrypted"] = bytes(encrypted)
    method = bytearray(good)
    for sig, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = method.find(sig)
        while at != -1:
            method[at + method_at] = 99
            at = method.find(sig, at + 1)
    cases["unknown-compression"] = bytes(method)
    return cases


def bomb(xml_bytes: int) -> bytes:
    """A small package whose document.xml inflates to more than ``xml_bytes``."""
    padding = b"<!--" + b" " * xml_bytes + b"-->"
    return rezip(rendered("nha-nuoc"), lambda n, d: d.replace(b"</w:body>", padding + b"</w:body>")
                 if n == "word/document.xml" else d)
