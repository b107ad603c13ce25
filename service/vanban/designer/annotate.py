"""An annotated copy of a template: one Word comment at each lint finding (python-docx).

The designer opens the copy in Word and fixes each place where the comment stands. Findings
in the body are anchored on their paragraph (the runs of the paragraph, or a new empty run when
it has none); findings elsewhere (headers, footers, footnotes, data fields) go on the first
paragraph of the body with their place written out. The original file is never changed.
"""

from __future__ import annotations

import io
import re

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from vanban.designer.lint import LintReport
from vanban.designer.render import repackage
from vanban.errors import Problem
from vanban.ooxml.safezip import read_docx_parts

AUTHOR = "vanban lint"


#: Characters XML 1.0 cannot hold; a finding may quote them from the data (a key named "\x12").
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _comment_text(p: Problem, with_place: bool) -> str:
    severity = "LỖI" if p.extra.get("severity") == "error" else "Cảnh báo"
    head = f"[{p.path}] " if with_place else ""
    fix = p.extra.get("fix")
    text = f"{head}{severity} {p.code}: {p.message}" + (f"\nCách sửa: {fix}" if fix else "")
    return _NOT_XML.sub("\ufffd", text)


def annotate(template: bytes, report: LintReport) -> bytes:
    """The template with a comment per finding, as .docx bytes (valid OOXML)."""
    document = docx.Document(io.BytesIO(repackage(read_docx_parts(template), compress=False)))
    elements = list(document.element.iter(qn("w:p")))  # the paragraph numbering of the lint
    if not elements:
        elements = [document.add_paragraph()._p]

    def runs_of(index: int) -> list:
        para = Paragraph(elements[index - 1], document._body)
        runs = para.runs
        return runs if runs else [para.add_run("")]

    for p in report.problems:
        index = p.extra.get("paragraph") or 0
        in_body = p.extra.get("part") == "body" and 0 < index <= len(elements)
        runs = runs_of(index if in_body else 1)
        document.add_comment(runs, text=_comment_text(p, not in_body), author=AUTHOR,
                             initials="VB")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
