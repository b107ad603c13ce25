"""Word-compatibility validation (``vanban.ooxml``) of python-docx output and broken packages."""

from __future__ import annotations

import io
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from vanban.ooxml import assert_valid_docx, validate_docx
from vanban.ooxml.validate import XSD_DIR, get_schema, parts_to_validate

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def to_bytes(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def rewrite(data: bytes, part: str, change: Callable[[bytes], bytes | None]) -> bytes:
    """Copy of a zip with one part changed (``change`` returning None drops the part)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == part:
                content = change(content)
                if content is None:
                    continue
            dst.writestr(item, content)
    return out.getvalue()


def tiny_png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_stock_python_docx_document_is_valid():
    assert validate_docx(to_bytes(docx.Document())) == []


def test_settings_part_is_not_validated_because_stock_settings_are_newer_than_the_schema():
    data = to_bytes(docx.Document())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        settings = etree.fromstring(zf.read("word/settings.xml"))
    chosen = parts_to_validate(names)
    assert "word/settings.xml" not in chosen
    assert chosen[:3] == ["word/document.xml", "word/styles.xml", "word/numbering.xml"]
    # the reason: <w:zoom w:val="bestFit"/> without the w:percent this schema edition requires
    zoom = settings.find(f"{{{W}}}zoom")
    assert zoom is not None and zoom.get(f"{{{W}}}percent") is None


def test_rich_document_with_table_header_footer_and_picture_is_valid(tmp_path):
    document = docx.Document()
    document.add_heading("QUYẾT ĐỊNH", level=1)
    paragraph = document.add_paragraph("Căn cứ Luật Thi đua, Khen thưởng; ")
    paragraph.add_run("in đậm").bold = True
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    table = document.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).text = "STT"
    image = tmp_path / "dot.png"
    image.write_bytes(tiny_png())
    document.add_picture(str(image), width=Mm(10))
    document.add_page_break()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "Trang"
    section.footer.paragraphs[0].text = "chân trang"
    section.first_page_header.paragraphs[0].text = ""
    assert_valid_docx(to_bytes(document))


def test_pbdr_after_jc_fails_with_located_vietnamese_problem():
    document = docx.Document()
    document.add_paragraph("đúng thứ tự")
    paragraph = document.add_paragraph("sai thứ tự")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER  # adds w:jc
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().append(border)  # schema order is pBdr … jc: this is wrong
    # pretty-print so that the reported line identifies the element
    data = rewrite(
        to_bytes(document),
        "word/document.xml",
        lambda xml: etree.tostring(
            etree.fromstring(xml),
            pretty_print=True,
            xml_declaration=True,
            encoding="UTF-8",
            standalone=True,
        ),
    )
    problems = validate_docx(data)
    assert problems, "pBdr after jc must be rejected"
    assert {p.code for p in problems} == {"ooxml.schema"}
    first = problems[0]
    part, line = first.path.split(":")
    assert part == "word/document.xml"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        lines = zf.read("word/document.xml").decode().splitlines()
    assert "pBdr" in lines[int(line) - 1]
    assert first.message.startswith(f"Phần word/document.xml dòng {line} không hợp lệ theo lược đồ")
    assert "pBdr" in first.message_en and first.message_en in first.message
    with pytest.raises(AssertionError, match="pBdr"):
        assert_valid_docx(data)


def _add_to_body(data: bytes, xml_fragment: str, root_attrs: str = "") -> bytes:
    def change(xml: bytes) -> bytes:
        text = xml.decode()
        if root_attrs:
            text = text.replace("<w:document ", f"<w:document {root_attrs} ", 1)
        return text.replace("<w:body>", "<w:body>" + xml_fragment, 1).encode()

    return rewrite(data, "word/document.xml", change)


def test_markup_compatibility_fallback_and_ignorable_are_applied():
    base = to_bytes(docx.Document())
    alternate = (
        '<mc:AlternateContent><mc:Choice Requires="w14"><w:p><w:bogus/></w:p></mc:Choice>'
        "<mc:Fallback><w:p><w:r><w:t>dự phòng</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>"
        '<w:p w14:paraId="1A2B3C4D"><w:r><w14:future/><w:t>x</w:t></w:r></w:p>'
    )
    assert validate_docx(_add_to_body(base, alternate)) == []


def test_unknown_namespace_not_declared_ignorable_is_reported():
    base = to_bytes(docx.Document())
    data = _add_to_body(
        base, '<w:p x:foo="1"><w:r><w:t>x</w:t></w:r></w:p>', 'xmlns:x="urn:example:not-ignorable"'
    )
    problems = validate_docx(data)
    assert [p.code for p in problems] == ["ooxml.schema"]
    assert "urn:example:not-ignorable" in problems[0].message_en


def test_dangling_relationship_and_missing_content_types_are_package_problems():
    base = to_bytes(docx.Document())
    broken = rewrite(base, "word/styles.xml", lambda _: None)
    problems = validate_docx(broken)
    assert {p.code for p in problems} == {"ooxml.package"}
    assert any("word/styles.xml" in p.message_en for p in problems)
    no_types = rewrite(base, "[Content_Types].xml", lambda _: None)
    assert [p.path for p in validate_docx(no_types)] == ["[Content_Types].xml"]
    not_zip = validate_docx(b"PK? this is not a docx")
    assert [p.code for p in not_zip] == ["ooxml.package"]


def test_malformed_part_is_reported_with_its_line():
    data = rewrite(to_bytes(docx.Document()), "word/styles.xml", lambda xml: xml + b"<oops")
    problems = validate_docx(data)
    assert [p.code for p in problems] == ["ooxml.schema"]
    assert problems[0].path.startswith("word/styles.xml:")


def test_schema_is_built_once_and_validation_is_thread_safe():
    assert get_schema() is get_schema()
    good = to_bytes(docx.Document())
    document = docx.Document()
    paragraph = document.add_paragraph("x")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph._p.get_or_add_pPr().append(OxmlElement("w:pBdr"))
    bad = to_bytes(document)
    expected_bad = [p.to_dict() for p in validate_docx(bad)]
    results: dict[int, tuple] = {}

    def work(i: int) -> None:
        results[i] = (validate_docx(good), [p.to_dict() for p in validate_docx(bad)])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r == ([], expected_bad) for r in results.values())


def test_schemas_are_shipped_inside_the_package():
    assert XSD_DIR.is_dir() and (XSD_DIR / "README.md").is_file()
    for xsd in XSD_DIR.glob("*.xsd"):
        for location in re.findall(r'schemaLocation="([^"]+)"', xsd.read_text(encoding="utf-8")):
            assert (XSD_DIR / location).is_file(), f"{xsd.name} imports missing {location}"
