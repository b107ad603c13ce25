"""The keep-with-band rule on rendered XML, case by case (LibreOffice checks it on pages in
test_render_page_flow.py)."""

from __future__ import annotations

from lxml import etree

from vanban.render.compile import compile_template
from vanban.render.pageflow import BODY_END, keep_with_band
from vanban.templates import builtin_templates_dir, content_blocks_dir

BAND = '<w:p><w:r><w:t>spacer</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>'


def test_styled_paragraph_gets_keep_next_after_its_style():
    xml = ('<w:p><w:r><w:t>trước</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="VBNoiDung"/>'
           '<w:jc w:val="both"/></w:pPr><w:r><w:t>cuối</w:t></w:r></w:p>' + BODY_END + BAND)
    out = keep_with_band(xml)
    assert BODY_END not in out
    assert ('<w:p><w:pPr><w:pStyle w:val="VBNoiDung"/><w:keepNext/><w:jc w:val="both"/>'
            '</w:pPr><w:r><w:t>cuối</w:t></w:r></w:p>') in out
    assert out.startswith("<w:p><w:r><w:t>trước")  # only the last paragraph


def test_paragraph_without_properties_and_empty_trailing_paragraphs():
    xml = ('<w:p w:rsidR="1"><w:r><w:t>cuối</w:t></w:r></w:p><w:p><w:pPr/></w:p>\n<w:p/>'
           .replace("<w:p/>", "<w:p></w:p>") + BODY_END + BAND)
    out = keep_with_band(xml)
    assert out.count("<w:keepNext/>") == 3
    assert out.startswith('<w:p w:rsidR="1"><w:pPr><w:keepNext/></w:pPr><w:r><w:t>cuối')


def test_already_kept_paragraph_is_left_alone():
    xml = '<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>' + BODY_END + BAND
    assert keep_with_band(xml).count("<w:keepNext/>") == 1


def test_a_closing_table_keeps_its_last_row():
    rows = "".join(f"<w:tr><w:tc><w:p><w:r><w:t>{n}</w:t></w:r></w:p></w:tc></w:tr>"
                   for n in range(3))
    out = keep_with_band(f"<w:tbl>{rows}</w:tbl>" + BODY_END + BAND)
    assert out.count("<w:keepNext/>") == 1
    assert "<w:pPr><w:keepNext/></w:pPr><w:r><w:t>2</w:t>" in out


def test_no_marker_no_change():
    xml = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    assert keep_with_band(xml) == xml


def test_compiled_shell_keeps_spacer_and_band_rows():
    compiled = compile_template("flow/nha-nuoc", content_blocks_dir() / "nha-nuoc.docx",
                                builtin_templates_dir() / "bao-cao-thi-dua" / "template.docx")
    source = "\n".join(compiled.source_lines)
    assert source.count(BODY_END) == 1
    tail = source[source.index(BODY_END):]
    root = etree.fromstring(("<r xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/"
                             "2006/main'>" + tail[len(BODY_END):tail.index("<w:sectPr")]
                             + "</r>").encode())
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    spacer = root.find(f"{W}p")
    assert spacer.find(f"{W}pPr/{W}keepNext") is not None
    band = root.find(f"{W}tbl")
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in band.iter(f"{W}tr"))


def test_an_empty_spacer_before_the_band_becomes_space_after_the_last_paragraph():
    """LibreOffice does not carry keep-with-next over an empty paragraph onto a table: the
    union bloc ranking printed its band alone on page 2 (issue 17). The spacer's room (14 pt
    line: 322 twips) is added to the paragraph's space after; the band follows it directly."""
    spacer = ('<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0"/><w:rPr>'
              '<w:sz w:val="28"/></w:rPr></w:pPr></w:p>')
    band = "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
    xml = ('<w:p><w:pPr><w:pStyle w:val="VBNoiDung"/><w:jc w:val="both"/></w:pPr><w:r><w:t>'
           'Trên đây là …</w:t></w:r></w:p>' + BODY_END + spacer + band)
    out = keep_with_band(xml)
    assert out == ('<w:p><w:pPr><w:pStyle w:val="VBNoiDung"/><w:keepNext/>'
                   '<w:spacing w:after="442"/><w:jc w:val="both"/></w:pPr><w:r><w:t>'
                   'Trên đây là …</w:t></w:r></w:p>' + band)
    # something with text before the band, or no band: nothing folded
    assert spacer in keep_with_band(xml.replace(band, "<w:p><w:r><w:t>x</w:t></w:r></w:p>"))
    kept = ('<w:p><w:pPr><w:spacing w:before="0" w:after="60"/></w:pPr><w:r><w:t>x</w:t></w:r>'
            '</w:p>' + BODY_END + spacer + band)
    assert '<w:spacing w:before="0" w:after="382"/>' in keep_with_band(kept)


def test_a_lead_in_of_the_annex_is_kept_with_its_table():
    """The annex comes after the band: a member's "Bảng chấm điểm của …:" printed at the foot
    of the annex's first page, its table on the next (issue 17). The band's own "Nơi nhận:"
    (inside its table) is left alone."""
    from vanban.render.pageflow import keep_lead_ins

    band = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Nơi nhận:</w:t></w:r></w:p></w:tc></w:tr>'
            '</w:tbl>')
    annex = '<w:p><w:r><w:t>Bảng chấm điểm của Sở Tư pháp:</w:t></w:r></w:p><w:tbl></w:tbl>'
    out = keep_lead_ins("<w:p><w:r><w:t>x</w:t></w:r></w:p>" + BODY_END + band + annex)
    assert out.count("<w:keepNext/>") == 1
    assert "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>Bảng chấm điểm" in out
