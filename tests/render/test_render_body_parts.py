"""A body template's lists, image, hyperlink and footnotes reach the document (issue 7, item 3).

The body template is built here with python-docx plus raw XML for what python-docx cannot make
(list definitions, footnotes, a hyperlink); its ids collide on purpose with the shell's (the
list's ``numId`` 1 and ``abstractNumId`` 0 are also the shell's first list; relationship ids
start at rId1 in both), so the
test fails unless the merge renumbers them. The output must validate against the OOXML schemas
and LibreOffice must print the list numbers, the footnote texts and the image.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from lxml import etree
from pdf_pages import convert_all, image_count, needs_libreoffice, pages

import vanban
from conftest import FIXTURES, fixture_data
from vanban.errors import TemplateError
from vanban.ooxml import validate_docx
from vanban.render import engine
from vanban.render.compile import compile_template
from vanban.templates import content_blocks_dir

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W_NS, "r": R_NS, "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
DECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
URL = "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Nghi-dinh-30-2020-ND-CP.aspx"
NOTE_1 = "Chú thích thứ nhất của người thiết kế mẫu: Nghị định số 30/2020/NĐ-CP."
NOTE_2 = "Chú thích thứ hai: Hướng dẫn số 36-HD/VPTW ngày 03/4/2018."
ENDNOTE = "Chú thích cuối văn bản: Quyết định số 933/QĐ-TLĐ."
FAMILIES = ("nha-nuoc", "dang", "cong-doan")


def png(width: int = 120, height: int = 60) -> bytes:
    """A small solid red PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                               0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _style(kind: str, sid: str, name: str, ppr: str = "", rpr: str = "") -> str:
    return (f'<w:style {DECL} w:type="{kind}" w:styleId="{sid}"><w:name w:val="{name}"/>'
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
            + "</w:style>")


def _add_part(docx: bytes, name: str, xml: str, rel_type: str, content_type: str) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.namelist():
            data = src.read(item)
            if item == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'
                ).encode())
            elif item == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rId{name[5:8]}" Type="{rel_type}" '
                    f'Target="{name.removeprefix("word/")}"/></Relationships>').encode())
            out.writestr(item, data)
        out.writestr(name, xml)
    return buf.getvalue()


def body_template(folder: Path) -> Path:
    """A body with a footnoted paragraph, a numbered list, a hyperlink and an image."""
    doc = Document()
    numbering = doc.part.numbering_part.element
    for child in list(numbering):  # python-docx's own lists: ours take their ids 0 and 1
        numbering.remove(child)
    numbering.append(parse_xml(
        f'<w:abstractNum {DECL} w:abstractNumId="0"><w:nsid w:val="1A2B3C4D"/>'
        '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(
        f'<w:num {DECL} w:numId="1"><w:abstractNumId w:val="0"/></w:num>'))
    styles = doc.styles.element
    styles.append(parse_xml(_style("paragraph", "FootnoteText", "footnote text",
                                   '<w:spacing w:after="0"/>',
                                   '<w:sz w:val="22"/><w:szCs w:val="22"/>')))
    styles.append(parse_xml(_style("character", "FootnoteReference", "footnote reference",
                                   rpr='<w:vertAlign w:val="superscript"/>')))
    styles.append(parse_xml(_style("character", "Hyperlink", "Hyperlink",
                                   rpr='<w:color w:val="0563C1"/><w:u w:val="single"/>')))
    link = doc.part.relate_to(URL, RT.HYPERLINK, is_external=True)
    body = doc.element.body
    style = '<w:pStyle w:val="VBNoiDung"/>'
    paragraphs = [
        f'<w:p {DECL}><w:pPr>{style}</w:pPr><w:r><w:t>Đoạn mở đầu có chú thích</w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> và chú thích '
        'thứ hai</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r></w:p>',
        f'<w:p {DECL}><w:pPr>{style}</w:pPr><w:commentRangeStart w:id="0"/>'
        '<w:r><w:t>Đoạn có chú thích cuối văn bản</w:t></w:r><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r>'
        '<w:r><w:endnoteReference w:id="1"/></w:r></w:p>',
        *[f'<w:p {DECL}><w:pPr>{style}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
          f'</w:numPr></w:pPr><w:r><w:t>Ý đánh số {n}</w:t></w:r></w:p>'
          for n in ("thứ nhất", "thứ hai", "thứ ba")],
        f'<w:p {DECL}><w:pPr>{style}</w:pPr><w:r><w:t xml:space="preserve">Văn bản gốc: </w:t>'
        f'</w:r><w:hyperlink r:id="{link}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
        "<w:t>Nghị định 30/2020/NĐ-CP</w:t></w:r></w:hyperlink></w:p>",
        f'<w:p {DECL}><w:pPr>{style}</w:pPr><w:r><w:t>Đơn vị: {{{{ co_quan.ten }}}}</w:t>'
        "</w:r></w:p>",
    ]
    sect = body[-1]
    for child in list(body)[:-1]:
        body.remove(child)
    for xml in paragraphs:
        sect.addprevious(parse_xml(xml))
    doc.add_picture(io.BytesIO(png()))
    sect.addprevious(body[-2])  # add_picture appends after sectPr's predecessor: keep order
    buf = io.BytesIO()
    doc.save(buf)
    separators = "".join(
        f'<w:footnote w:type="{t}" w:id="{i}"><w:p><w:r><w:{t}/></w:r></w:p></w:footnote>'
        for i, t in ((-1, "separator"), (0, "continuationSeparator")))
    notes = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for i, text in ((1, NOTE_1), (2, NOTE_2)))
    docx = _add_part(
        buf.getvalue(), "word/endnotes.xml",
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:endnotes {DECL}>'
        + separators.replace("footnote", "endnote")
        + f'<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
        f"{ENDNOTE}</w:t></w:r></w:p></w:endnote></w:endnotes>", RT.ENDNOTES,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml")
    docx = _add_part(
        docx, "word/footnotes.xml",
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {DECL}>'
        f"{separators}{notes}</w:footnotes>", RT.FOOTNOTES,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml")
    path = folder / "template.docx"
    path.write_bytes(docx)
    return path


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("body-parts")
    body = body_template(folder)
    out = {}
    for family in FAMILIES:
        data = fixture_data(next(n for n in FIXTURES if n.startswith(family)))
        env = vanban.pipeline.validate("bao-cao-thi-dua", data)
        ctx = vanban.pipeline.context("bao-cao-thi-dua", env)
        compiled = compile_template(f"parts/{family}", content_blocks_dir() / f"{family}.docx",
                                    body)
        out[family] = engine.render(compiled, ctx)
    return out


def _zip(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _rels(parts: dict[str, bytes], name: str = "word/_rels/document.xml.rels") -> dict:
    root = etree.fromstring(parts[name])
    return {r.get("Id"): r for r in root}


@pytest.mark.parametrize("family", FAMILIES)
def test_output_is_schema_valid(outputs, family):
    assert validate_docx(outputs[family]) == []


@pytest.mark.parametrize("family", FAMILIES)
def test_numbered_list_keeps_its_own_definition(outputs, family):
    parts = _zip(outputs[family])
    doc = etree.fromstring(parts["word/document.xml"])
    numbering = etree.fromstring(parts["word/numbering.xml"])
    items = [p for p in doc.iter(f"{{{W_NS}}}p") if "Ý đánh số" in "".join(p.itertext())]
    assert len(items) == 3
    ids = {p.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W_NS}}}val") for p in items}
    assert len(ids) == 1
    num_id = ids.pop()
    num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
    abstract_id = num.find("w:abstractNumId", NS).get(f"{{{W_NS}}}val")
    abstract = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']", NS)
    assert abstract.find("w:lvl/w:lvlText", NS).get(f"{{{W_NS}}}val") == "%1)"
    # the shell's own nine lists are still there, and no id is used twice
    all_nums = [n.get(f"{{{W_NS}}}numId") for n in numbering.findall("w:num", NS)]
    all_abs = [a.get(f"{{{W_NS}}}abstractNumId") for a in numbering.findall("w:abstractNum", NS)]
    assert len(all_nums) == len(set(all_nums)) == 10
    assert len(all_abs) == len(set(all_abs))
    assert [c.tag.split("}")[1] for c in numbering][-1] == "num"


@pytest.mark.parametrize("family", FAMILIES)
def test_image_and_hyperlink_relationships(outputs, family):
    parts = _zip(outputs[family])
    doc = etree.fromstring(parts["word/document.xml"])
    rels = _rels(parts)
    blips = doc.findall(".//a:blip", NS)
    assert len(blips) == 1
    rel = rels[blips[0].get(f"{{{R_NS}}}embed")]
    assert rel.get("Type").endswith("/image")
    media = "word/" + rel.get("Target")
    assert parts[media] == png()
    assert b'Extension="png"' in parts["[Content_Types].xml"]
    link = next(doc.iter(f"{{{W_NS}}}hyperlink"))
    rel = rels[link.get(f"{{{R_NS}}}id")]
    assert (rel.get("Target"), rel.get("TargetMode")) == (URL, "External")
    styles = parts["word/styles.xml"].decode()
    for sid in ("Hyperlink", "FootnoteText", "FootnoteReference"):
        assert f'w:styleId="{sid}"' in styles
    assert 'w:styleId="VBNoiDung"' in styles  # the shell's styles stay


@pytest.mark.parametrize("family", FAMILIES)
def test_footnotes_are_merged_and_referenced(outputs, family):
    parts = _zip(outputs[family])
    assert "word/footnotes.xml" in parts
    assert b"wordprocessingml.footnotes+xml" in parts["[Content_Types].xml"]
    assert any(r.get("Type").endswith("/footnotes") for r in _rels(parts).values())
    settings = etree.fromstring(parts["word/settings.xml"])
    assert [f.get(f"{{{W_NS}}}id") for f in settings.iterfind("w:footnotePr/w:footnote", NS)] \
        == ["-1", "0"]
    notes = etree.fromstring(parts["word/footnotes.xml"])
    by_id = {n.get(f"{{{W_NS}}}id"): n for n in notes.findall("w:footnote", NS)}
    assert sorted(n.get(f"{{{W_NS}}}type") for n in by_id.values() if n.get(
        f"{{{W_NS}}}type")) == ["continuationSeparator", "separator"]
    doc = etree.fromstring(parts["word/document.xml"])
    refs = [r.get(f"{{{W_NS}}}id") for r in doc.iter(f"{{{W_NS}}}footnoteReference")]
    assert len(refs) == 2
    assert ["".join(by_id[r].itertext()).strip() for r in refs] == [NOTE_1, NOTE_2]


@pytest.mark.parametrize("family", FAMILIES)
def test_endnote_carried_and_review_comments_dropped(outputs, family):
    parts = _zip(outputs[family])
    notes = etree.fromstring(parts["word/endnotes.xml"])
    doc = etree.fromstring(parts["word/document.xml"])
    (ref,) = doc.iter(f"{{{W_NS}}}endnoteReference")
    (note,) = notes.findall(f"w:endnote[@w:id='{ref.get(f'{{{W_NS}}}id')}']", NS)
    assert "".join(note.itertext()).strip() == ENDNOTE
    assert b"endnotes+xml" in parts["[Content_Types].xml"]
    assert not any(doc.iter(f"{{{W_NS}}}commentReference", f"{{{W_NS}}}commentRangeStart"))
    assert "Đoạn có chú thích cuối văn bản" in "".join(doc.itertext())


@needs_libreoffice
def test_libreoffice_prints_notes_list_and_image(outputs, tmp_path):
    pdfs = convert_all(outputs, tmp_path)
    for family, pdf in pdfs.items():
        text = re.sub(r"\s+", " ", " ".join(pages(pdf)))
        for expected in (NOTE_1, NOTE_2, ENDNOTE, "1) Ý đánh số thứ nhất", "3) Ý đánh số thứ ba",
                         "Nghị định 30/2020/NĐ-CP", "Đơn vị: "):
            assert expected in text, (family, expected)
        assert image_count(pdf) >= 1, family


def test_a_picture_whose_part_is_missing_is_a_template_error(tmp_path):
    good = body_template(tmp_path).read_bytes()
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(broken, "w") as out:
        for item in src.namelist():
            if not item.startswith("word/media/"):
                out.writestr(item, src.read(item))
    with pytest.raises(TemplateError) as exc:
        compile_template("broken/nha-nuoc", content_blocks_dir() / "nha-nuoc.docx", broken)
    (p,) = exc.value.problems
    assert p.code == "template.missing-part" and "word/media/" in p.message
