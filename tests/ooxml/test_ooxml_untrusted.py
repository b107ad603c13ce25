"""Neutralising a package before a converter opens it (issue 19, item 1)."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile_docs import hostile_docx, secret_files  # noqa: E402

import vanban  # noqa: E402
from vanban.ooxml.untrusted import neutralise_package  # noqa: E402

LISTENER = "http://127.0.0.1:9"


def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {n: package.read(n).decode("utf-8", "replace") for n in package.namelist()}


def test_every_way_out_of_the_package_is_removed(tmp_path: Path):
    secret = secret_files(tmp_path, "SECRETMARK")
    before = parts(hostile_docx(LISTENER, secret))
    assert LISTENER in before["word/_rels/document.xml.rels"]  # the fixture does hold them
    assert "file:///" in before["word/media/drawing.svg"]
    clean, removed = neutralise_package(hostile_docx(LISTENER, secret))
    after = parts(clean)
    everything = "\n".join(after.values())
    assert LISTENER not in everything, [n for n, t in after.items() if LISTENER in t]
    assert "file:///" not in everything and str(secret["txt"]) not in everything
    assert "INCLUDEPICTURE" not in everything and "INCLUDETEXT" not in everything
    # what stays: the hyperlink, the embedded picture, the text, the field results
    assert "https://vanban.example/" in after["word/_rels/document.xml.rels"]
    assert "media/drawing.svg" in after["word/_rels/document.xml.rels"]
    assert "<svg" in after["word/media/drawing.svg"]
    assert "Van ban thu" in after["word/document.xml"] and ">anh<" in after["word/document.xml"]
    kinds = " ".join(removed)
    for what in ("image →", "oleObject →", "attachedTemplate →", "field INCLUDEPICTURE",
                 "field INCLUDETEXT", "href=file:///", "style url()"):
        assert what in kinds, what


def test_a_document_vanban_made_is_left_byte_for_byte():
    docx = vanban.render("quyet-dinh-khen-thuong", vanban.example("quyet-dinh-khen-thuong"))
    clean, removed = neutralise_package(docx)
    assert removed == [] and clean == docx


def test_relative_targets_that_leave_the_package_and_odd_svgs():
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">'
            '<Relationship Id="a" Type="x/image" Target="file:///etc/passwd"/>'
            '<Relationship Id="b" Type="x/image" Target="\\\\host\\share\\a.png"/>'
            '<Relationship Id="c" Type="x/image" Target="media/ok.png"/>'
            '</Relationships>')
    svg = ('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>'
           '<style>@import url(http://x/a.css); rect{fill:url(#g)}</style><text>&x;</text>'
           '<use href="#g"/></svg>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", "<w:document xmlns:w='x'/>")
        package.writestr("word/_rels/document.xml.rels", rels)
        package.writestr("word/media/a.svg", svg)
        package.writestr("word/media/broken.svg", "<svg")
    clean, _ = neutralise_package(out.getvalue())
    after = parts(clean)
    assert 'Id="c"' in after["word/_rels/document.xml.rels"]
    assert 'Id="a"' not in after["word/_rels/document.xml.rels"]
    assert 'Id="b"' not in after["word/_rels/document.xml.rels"]
    svg_after = after["word/media/a.svg"]
    assert "passwd" not in svg_after and "script" not in svg_after
    assert "@import" not in svg_after and "url(#g)" in svg_after and 'href="#g"' in svg_after
    assert "<text" not in after["word/media/broken.svg"]


def test_an_svg_under_another_name_or_compressed_is_cleaned_too():
    import gzip

    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           b'<image xlink:href="file:///etc/passwd"/></svg>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", "<w:document xmlns:w='x'/>")
        package.writestr("word/media/image1.png", svg)
        package.writestr("word/media/image2.png", gzip.compress(svg))
        package.writestr("word/media/image3.png", bytes.fromhex("89504e470d0a1a0a") + b"png")
    clean, removed = neutralise_package(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(clean)) as package:
        assert b"passwd" not in package.read("word/media/image1.png")
        assert package.read("word/media/image2.png").startswith(b"<svg")
        assert package.read("word/media/image3.png").endswith(b"png")  # a real PNG: as it was
    assert len(removed) == 2
