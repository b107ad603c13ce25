""""Tải mẫu Word": every installed template's body .docx, downloaded, previewed as an upload
with that template's own example (found from the file itself), renders the same words as the
installed template; a sentence added in Word shows up in the preview."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

import vanban
from vanban.check.docx_facts import load
from vanban.designer.eject import origin, word_template
from vanban.designer.workbench import Job, run
from vanban.templates import REGISTRY


def texts(data: bytes) -> list[str]:
    return [p.text for p in load(data).paragraphs]


@pytest.mark.parametrize("template_id", sorted(REGISTRY.specs))
def test_a_downloaded_word_template_previews_with_its_own_example(template_id: str):
    copy = word_template(template_id)
    assert origin(copy) == template_id
    out = run(Job(template=copy, want="docx", filename=f"{template_id}.docx"))
    assert out.error is None and out.report.errors == []
    assert out.data_source == f"example:{template_id}"
    assert texts(out.docx) == texts(vanban.render(template_id, vanban.example(template_id)))

    document = docx.Document(io.BytesIO(copy))
    added = document.add_paragraph("Câu riêng của đơn vị, thêm trong Word.")
    added._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), "VBNoiDung")
    edited = io.BytesIO()
    document.save(edited)
    out = run(Job(template=edited.getvalue(), want="docx", filename="ban-sua.docx"))
    assert out.error is None and out.data_source == f"example:{template_id}"
    assert "Câu riêng của đơn vị, thêm trong Word." in texts(out.docx)


def test_a_file_not_from_vanban_has_no_origin():
    from designer_docs import make_docx

    assert origin(make_docx("Kính gửi {{ ten }}")) is None
    assert origin(b"not a docx") is None
