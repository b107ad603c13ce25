"""The copy of a template a preview renders: each finding marked at its place, the broken
paragraphs shown as text.

A finding located at a paragraph gets a mark at the start of that paragraph, ``[Lỗi 3]`` (or
``[Cảnh báo 3]``), bold red on yellow, where 3 is its number in the list of findings
(``extra["mark"]``). A paragraph whose tags cannot be compiled (an unclosed or stray block, a
broken tag, an unknown filter — :data:`BLOCKING`) is *neutralised*: its text is kept, in red,
with a zero-width space between the characters of each ``{{``, ``{%``, ``%}``, ``}}``, so Jinja
and docxtpl read it as plain text; the rest of the template then renders, and the page shows
the broken paragraph where it stands. The original upload is never changed.
"""

from __future__ import annotations

import copy
import io
import re

from docxtpl_lint.reader import iter_paragraphs
from lxml import etree

from vanban.designer.cascade import STRUCTURAL
from vanban.designer.placeholders import set_property
from vanban.designer.places import part_name
from vanban.designer.render import repackage
from vanban.errors import Problem
from vanban.ooxml.safezip import read_docx_parts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
ZWSP = "\u200b"
BLOCKING = STRUCTURAL | {"lint.unknown-filter", "lint.unknown-test",
                         "lint.docxtpl-tag-expression", "lint.docxtpl-tag-space",
                         "lint.docxtpl-tag-outside-table", "lint.loop-variable-outside",
                         "template.syntax", "template.render", "template.undefined"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_TAG_CHARS = re.compile(r"([{%#}])(?=[{%#}])")


def place(p: Problem) -> tuple[str, int] | None:
    part, index = p.extra.get("part"), p.extra.get("paragraph")
    return (str(part), int(index)) if part and isinstance(index, int) and index > 0 else None


_PART_ORDER = {"body": 0, "header": 1, "footer": 2, "footnotes": 3}


def _reading_order(p: Problem) -> tuple[int, int, int, int]:
    at = place(p)
    if at is None:
        return (1, 0, 0, 0)
    kind = re.sub(r"\d+$", "", at[0])
    number = re.findall(r"\d+$", at[0])
    return (0, _PART_ORDER.get(kind, 9), int(number[0]) if number else 0, at[1])


def number(problems: list[Problem]) -> None:
    """Sort the findings in reading order (those with no place last) and number them:
    ``extra["mark"]``, the finding's number in the list, for those that have a place."""
    problems.sort(key=_reading_order)
    for i, p in enumerate(problems, 1):
        if place(p) is not None:
            p.extra["mark"] = i
        else:
            p.extra.pop("mark", None)


def _text(p: etree._Element) -> str:
    out = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
        out.append(el.text or "" if el.tag == f"{W}t" else " ")
    return "".join(out)


def _run(rpr: etree._Element | None, text: str, **props: dict[str, str]) -> etree._Element:
    run = etree.Element(f"{W}r")
    rp = copy.deepcopy(rpr) if rpr is not None else etree.Element(f"{W}rPr")
    for name, attrs in props.items():
        set_property(rp, name, **attrs)
    run.append(rp)
    t = etree.SubElement(run, f"{W}t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    return run


def neutralise(p: etree._Element) -> None:
    """The paragraph's text as one red run whose tags Jinja does not see."""
    text = _TAG_CHARS.sub(rf"\1{ZWSP}", _text(p))
    first = p.find(f".//{W}r/{W}rPr")
    for child in list(p):
        if child.tag != f"{W}pPr":
            p.remove(child)
    p.append(_run(first, text, color={"val": "C00000"}))


def add_mark(p: etree._Element, label: str) -> None:
    run = _run(None, f"[{label}] ", b={}, color={"val": "C00000"},
               highlight={"val": "yellow"})
    ppr = p.find(f"{W}pPr")
    if ppr is not None:
        ppr.addnext(run)
    else:
        p.insert(0, run)


def preview_copy(template: bytes, problems: list[Problem],
                 blocked: set[tuple[str, int]]) -> bytes:
    """The template with the marks of ``problems`` and the ``blocked`` paragraphs
    neutralised."""
    parts = read_docx_parts(template)
    marks: dict[tuple[str, int], list[str]] = {}
    for p in problems:
        at = place(p)
        if at is not None and p.extra.get("mark"):
            kind = "Lỗi" if p.extra.get("severity") == "error" else "Cảnh báo"
            marks.setdefault(at, []).append(f"{kind} {p.extra['mark']}")
    for label in sorted({at[0] for at in [*marks, *blocked]}):
        name = part_name(label)
        if name not in parts:
            continue
        root = etree.fromstring(parts[name], _PARSER)
        paras = list(root.iter(f"{W}p"))
        for part, index in blocked:
            if part == label and index <= len(paras):
                neutralise(paras[index - 1])
        for (part, index), labels in sorted(marks.items()):
            if part == label and index <= len(paras):
                add_mark(paras[index - 1], ", ".join(labels))
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)
    return repackage(parts)


def texts(template: bytes) -> dict[tuple[str, int], str]:
    """The text of every paragraph of the original template, by (part, paragraph)."""
    return {(p.part, p.index): p.text
            for p in iter_paragraphs(io.BytesIO(repackage(read_docx_parts(template),
                                                           compress=False)))}
