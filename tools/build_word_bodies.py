"""Build the body ``template.docx`` of the built-in types whose fixed wording is Word text.

In these bodies the headings, sentences, table headers and the closing are typed in the .docx
(styled with the ``VB …`` paragraph styles of the family shells); Jinja stands only over the
values the type's ``build_context`` computes and documents (docs/designer-eject.md). A designer
who runs ``vanban eject <id> DIR`` gets this file and rewords it in Word.

Conventions of these bodies (all docxtpl's):

* ``{{ x }}`` inside a sentence: a plain value (escaped by Jinja);
* ``{{r x }}`` alone in its paragraph: text the clerk typed, with its ``**bold**``/``*italic*``
  marks and footnotes already turned into runs;
* ``{%p for … %}`` / ``{%p if … %}``: a paragraph of its own that repeats or drops paragraphs.

    PYTHONPATH=service python tools/build_word_bodies.py [TEMPLATE_ID …]
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from build_docx_sources import (
    DEFAULT_FAMILY,
    FAMILIES,
    new_document,
    para,
    save_body,
    set_body,
    tag,
)


def text(jinja: str, style: str = "VBNoiDung", keep_next: bool = False) -> str:
    """A paragraph of ``style`` holding ``jinja`` (Word text with ``{{ }}`` values) in one run."""
    return para(jinja, style=style, jc=None, raw=True, keep_next=keep_next)


def runs(name: str, style: str = "VBNoiDung", keep_next: bool = False) -> str:
    """A paragraph whose only content is the runs of ``name`` (``{{r name }}``)."""
    return text(f"{{{{r {name} }}}}", style, keep_next)


def each(item: str, items: str, *body: str) -> str:
    """``{%p for item in items %}`` … ``{%p endfor %}``."""
    return tag(f"for {item} in {items}") + "".join(body) + tag("endfor")


def when(condition: str, *body: str) -> str:
    return tag(f"if {condition}") + "".join(body) + tag("endif")


# --------------------------------------------------------------------------- tờ trình
def to_trinh_khen_thuong() -> tuple[str, str]:
    body = [
        each("c", "can_cu", runs("c", "VBCanCu")),
        each("d", "doan", runs("d")),
        text("{{ co_quan_trong_cau }} kính đề nghị {{ nguoi_quyet_dinh }} xem xét, "
             "{{ de_nghi_khen }}, đã có thành tích {{ thanh_tich }} (có danh sách và báo cáo "
             "thành tích kèm theo)."),
        text("Kính trình {{ nguoi_quyet_dinh }} xem xét, quyết định{{ ket_thuc }}",
             keep_next=True),
    ]
    return "".join(body), "Thân văn bản: tờ trình đề nghị khen thưởng"


# --------------------------------------------------------------------------- công văn
def cong_van() -> tuple[str, str]:
    headings = []
    for level in range(1, 6):
        title = "{{ m.tieu_de|upper }}" if level == 1 else "{{ m.tieu_de }}"
        headings.append(tag(("if" if level == 1 else "elif") + f" m.cap == {level}"))
        headings.append(text(f"{{{{ m.so }}}} {title}", f"VBMuc{level}", keep_next=True))
    headings.append(tag("endif"))
    body = [
        each("c", "can_cu", runs("c", "VBCanCu")),
        each("d", "mo_dau", runs("d")),
        each("m", "muc", *headings,
             each("d", "m.doan", runs("d")),
             each("y", "m.y", runs("y", "VBGach"))),
        when("ket_luan", runs("ket_luan", keep_next=True)),
    ]
    return "".join(body), "Thân văn bản: công văn"


BUILDERS: dict[str, Callable[[], tuple[str, str]]] = {
    "to-trinh-khen-thuong": to_trinh_khen_thuong,
    "cong-van": cong_van,
}


def build(template_id: str) -> None:
    xml, title = BUILDERS[template_id]()
    doc = new_document(FAMILIES[DEFAULT_FAMILY])
    set_body(doc, xml)
    save_body(doc, template_id, title)


def main() -> None:
    for template_id in sys.argv[1:] or list(BUILDERS):
        build(template_id)
        print(f"built templates_docx/{template_id}/template.docx")


if __name__ == "__main__":
    main()
