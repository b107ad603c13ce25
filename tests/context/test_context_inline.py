"""Issue 19 item 7: ``\\*`` is a literal asterisk in every paragraph that takes inline marks."""

from __future__ import annotations

import io
import zipfile

import docx
from markupsafe import Markup

import vanban
from vanban.context.inline import in_sentence, plain, runs, spans

TEMPLATE = "bao-cao-thi-dua"


def test_escaped_asterisks_stay_and_italicise_nothing():
    assert spans(r"2\*3\*4") == [("2*3*4", False, False)]
    assert spans(r"**a\*b** và *c*") == [("a*b", True, False), (" và ", False, False),
                                         ("c", False, True)]
    assert plain(r"x\*y") == "x*y"
    assert "<w:i/>" not in str(runs(r"2\*3\*4"))
    assert spans("2*3*4") == [("2", False, False), ("3", False, True), ("4", False, False)]


def test_a_rendered_document_prints_the_asterisks():
    data = vanban.example(TEMPLATE)
    data["noi_dung"]["chi_dao"] = [r"Công thức 2\*3\*4 và *nghiêng* thật."]
    document = docx.Document(io.BytesIO(vanban.render(TEMPLATE, data)))
    (paragraph,) = [p for p in document.paragraphs if "Công thức" in p.text]
    assert "Công thức 2*3*4 và nghiêng thật." in paragraph.text
    italic = [r.text for r in paragraph.runs if r.italic]
    assert italic == ["nghiêng"]


def test_a_value_inside_a_word_sentence_keeps_its_marks_and_its_formatting_when_plain():
    """in_sentence: plain text stays text (it takes the run's own formatting); marked text
    leaves the run for its own runs and the sentence goes on in a new run."""
    assert in_sentence("") == ""
    assert in_sentence("xuất sắc & tiêu biểu") == "xuất sắc & tiêu biểu"
    assert not isinstance(in_sentence("xuất sắc"), Markup)
    marked = in_sentence("phong trào *Dân vận khéo*")
    assert isinstance(marked, Markup)
    assert marked.startswith("</w:t></w:r><w:r>") and marked.endswith(
        '<w:r><w:t xml:space="preserve">')
    assert "<w:i/>" in marked and ">Dân vận khéo<" in marked
    assert in_sentence("*a*", marks=False) == "*a*"  # a heading prints its asterisks


def test_marks_in_a_sentence_value_of_a_word_body_are_rendered():
    """A to-trinh's achievement with italics: the sentence reads the same, the words italic."""
    data = vanban.example("to-trinh-khen-thuong")
    data["noi_dung"]["thanh_tich"] = "xuất sắc trong phong trào *Dân vận khéo*"
    xml = zipfile.ZipFile(io.BytesIO(vanban.render("to-trinh-khen-thuong", data))).read(
        "word/document.xml").decode()
    assert "*Dân vận khéo*" not in xml
    italic = xml[:xml.index(">Dân vận khéo<")]
    assert italic[italic.rindex("<w:r>"):].count("<w:i/>") == 1
    assert "(có danh sách và báo cáo thành tích kèm theo)." in xml
