"""Compatibility with docxtpl: every corpus template previews with the same text as docxtpl's own
render of the same template and data (body, headers, footers, footnotes, core properties), and
lints without errors."""

from __future__ import annotations

import copy
import io
import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docxtpl import DocxTemplate
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))
from build_corpus import build  # noqa: E402

from vanban.designer.lint import lint_template  # noqa: E402
from vanban.designer.render import render_sandboxed  # noqa: E402
from vanban.ooxml import validate_docx  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml$")
CASES = build()


def all_text(data: bytes) -> dict[str, list[str]]:
    """Paragraph texts of every part docxtpl renders, plus the core properties."""
    out: dict[str, list[str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in sorted(n for n in zf.namelist() if PARTS.match(n)):
            root = etree.fromstring(zf.read(name))
            texts = []
            for p in root.iter(f"{W}p"):
                chunks = []
                for el in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
                    if el.tag == f"{W}t":
                        chunks.append(el.text or "")
                    elif el.tag == f"{W}tab":
                        chunks.append("\t")
                    else:
                        chunks.append("\f" if el.get(f"{W}type") == "page" else "\n")
                texts.append("".join(chunks))
            out[name] = texts
    props = docx.Document(io.BytesIO(data)).core_properties
    out["core"] = [props.title, props.subject, props.author]
    return out


def docxtpl_render(template: bytes, data: dict) -> bytes:
    tpl = DocxTemplate(io.BytesIO(template))
    tpl.render(copy.deepcopy(data), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def test_the_corpus_covers_the_docxtpl_features():
    sources = "\n".join("\n".join("\n".join(v) for v in all_text(t).values())
                        for _, t, _ in CASES)
    for feature in ("{%p ", "{%tr ", "{%tc ", "{%r ", "{{r ", "{{p ", "{#p ", "{%-", "-%}",
                    "{{-", "colspan", "cellbg", "{% vm %}", "{% hm %}"):
        assert feature in sources, feature
    assert len(CASES) >= 15


@pytest.mark.parametrize(("name", "template", "data"), CASES, ids=[c[0] for c in CASES])
def test_preview_has_the_same_text_as_docxtpl(name: str, template: bytes, data: dict):
    ours = render_sandboxed(template, data, kind="full")
    assert ours.kind == "full"
    expected = all_text(docxtpl_render(template, data))
    assert all_text(ours.docx) == expected
    assert validate_docx(ours.docx) == []  # docxtpl's own cell tags are re-ordered for Word
    assert any(any(t.strip() for t in texts) for texts in expected.values())
    # the designer's preview (placeholders, paragraph markers) changes nothing when the data
    # is complete
    preview = render_sandboxed(template, data, kind="full", preview=True)
    assert all_text(preview.docx) == expected and preview.missing == ()
    assert validate_docx(preview.docx) == []


@pytest.mark.parametrize(("name", "template", "data"), CASES, ids=[c[0] for c in CASES])
def test_lint_reports_no_error(name: str, template: bytes, data: dict):
    report = lint_template(template, data=data)
    assert report.errors == [], [str(p) for p in report.errors]
