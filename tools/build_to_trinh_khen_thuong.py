"""Build templates_docx/to-trinh-khen-thuong/template.docx: the body loop over the declared block
kinds (the annexed list comes from the shell key ``phu_luc``).

    PYTHONPATH=service python3 tools/build_to_trinh_khen_thuong.py
"""

from __future__ import annotations

from build_docx_sources import (
    DEFAULT_FAMILY,
    FAMILIES,
    block_loop,
    new_document,
    save_body,
    set_body,
)


def main() -> None:
    doc = new_document(FAMILIES[DEFAULT_FAMILY])
    set_body(doc, block_loop())
    save_body(doc, "to-trinh-khen-thuong", "Thân văn bản: tờ trình đề nghị khen thưởng")


if __name__ == "__main__":
    main()
