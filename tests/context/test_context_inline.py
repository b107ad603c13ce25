"""Issue 19 item 7: ``\\*`` is a literal asterisk in every paragraph that takes inline marks."""

from __future__ import annotations

import io

import docx

import vanban
from vanban.context.inline import plain, runs, spans

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
