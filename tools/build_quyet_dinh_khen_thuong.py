"""Build templates_docx/quyet-dinh-khen-thuong/template.docx: the body loop over the declared
block kinds plus ``quyet_dinh`` — the centred bold ``QUYẾT ĐỊNH:`` line between the căn cứ and
Điều 1 (the annex list and the authority line come from the shell keys ``phu_luc`` and
``tham_quyen``).

    PYTHONPATH=service python3 tools/build_quyet_dinh_khen_thuong.py
"""

from __future__ import annotations

from build_docx_sources import (
    DEFAULT_FAMILY,
    FAMILIES,
    block_loop,
    new_document,
    para,
    save_body,
    set_body,
    tag,
)


def main() -> None:
    f = FAMILIES[DEFAULT_FAMILY]
    doc = new_document(f)
    line = para("{{r b.runs }}", sz=f.sizes.loai_van_ban, b=True, keep_next=True, before=120,
                after=120, raw=True)
    set_body(doc, block_loop(tag("elif b.loai == 'quyet_dinh'") + line))
    save_body(doc, "quyet-dinh-khen-thuong", "Thân văn bản: quyết định khen thưởng")


if __name__ == "__main__":
    main()
