"""Packaging: parts deflated once at compile time, copied raw; every output a valid .docx."""

from __future__ import annotations

import io
import os
import zipfile
import zlib

import docx
import pytest

import vanban
from conftest import FIXTURES, TEMPLATE, fixture_data
from vanban.errors import TemplateError
from vanban.ooxml import validate_docx
from vanban.render import engine
from vanban.render.compile import DOCUMENT
from vanban.render.packaging import DEFLATED, STORED, pack, write_zip
from vanban.templates import REGISTRY

FAMILIES = ("nha-nuoc", "dang", "cong-doan")


def _as_family(name: str, family: str) -> dict:
    """The fixture moved to ``family`` as a clerk would (a deputy signing TM. needs the head's
    title for the KT. line outside the Party; the Party has no KT. line)."""
    data = fixture_data(name)
    data["the_thuc"] = family
    ky = data["nguoi_ky"]
    if family == "dang":
        ky.pop("ky_thay", None)
    elif ky.get("quyen_han") == "TM" and ky["chuc_vu"].startswith("PHÓ"):
        ky["ky_thay"] = ky["chuc_vu"].removeprefix("PHÓ ").removesuffix(" THƯỜNG TRỰC")
    return data


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_output_is_a_sound_valid_docx(name: str, family: str) -> None:
    data_in = _as_family(name, family)
    out = vanban.render(TEMPLATE, data_in)
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        assert zf.testzip() is None  # every CRC and size right
        assert zf.namelist()[:2] == ["[Content_Types].xml", DOCUMENT]
        compiled = REGISTRY.compiled(TEMPLATE, family)
        changed = {"docProps/core.xml"} | ({compiled.footnotes} if data_in.get("chu_thich")
                                           else set())  # the data's footnotes are added
        changed |= set(compiled.embedding.swapped)  # + the embedded data part's relationship
        for part, data in compiled.parts:  # unchanged parts come out byte for byte
            if part not in changed:
                assert zf.read(part) == data, part
        assert zf.getinfo(DOCUMENT).compress_type == zipfile.ZIP_DEFLATED
    document = docx.Document(io.BytesIO(out))
    assert document.paragraphs
    assert validate_docx(out) == []


def test_static_parts_are_compressed_once_at_compile_time() -> None:
    compiled = REGISTRY.compiled(TEMPLATE, "nha-nuoc")
    styles = next(p for p in compiled.packed if p.name == "word/styles.xml")
    assert styles.method == DEFLATED
    assert len(styles.data) < styles.size / 5
    assert zlib.decompress(styles.data, -15) == dict(compiled.parts)["word/styles.xml"]
    first = vanban.render(TEMPLATE, fixture_data(sorted(FIXTURES)[0]))
    assert styles.local_header + styles.data in first  # copied, not re-deflated


def test_write_zip_is_read_back_by_zipfile() -> None:
    noise = os.urandom(3000)  # incompressible: stored rather than grown
    parts = [pack("a.xml", b"<a>" + b"x" * 5000 + b"</a>"), pack("media/n.bin", noise),
             pack("tên/đ.xml", b"<b/>", level=0)]
    assert [p.method for p in parts] == [DEFLATED, STORED, STORED]
    with zipfile.ZipFile(io.BytesIO(write_zip(parts))) as zf:
        assert zf.testzip() is None
        assert zf.namelist() == ["a.xml", "media/n.bin", "tên/đ.xml"]
        assert zf.read("media/n.bin") == noise
        assert zf.read("tên/đ.xml") == b"<b/>"


def test_ill_formed_output_is_refused_not_packaged() -> None:
    with pytest.raises(TemplateError) as info:
        engine.check_well_formed(b"<w:p><w:r></w:p>", "x")
    assert info.value.problems[0].code == "template.xml"
    with pytest.raises(TemplateError):  # a prefix with no namespace declaration
        engine.check_well_formed(b"<w:p/>", "x")
    engine.check_well_formed(b'<w:p xmlns:w="urn:x"><w:t>&amp;</w:t></w:p>', "x")


def test_text_is_not_reserialised_quotes_and_markup_survive() -> None:
    data = fixture_data("nha-nuoc-mau-01-tong-ket-2021")
    data["trich_yeu"] = 'Về "A" & <B> \'C\''
    out = vanban.render(TEMPLATE, data)
    xml = zipfile.ZipFile(io.BytesIO(out)).read(DOCUMENT).decode()
    assert "&lt;B&gt;" in xml and "&amp;" in xml
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(out)).paragraphs)
    assert 'Về "A" & <B> \'C\''.upper() in text.upper()
