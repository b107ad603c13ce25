"""Build templates_docx/bao-cao-thanh-tich/template.docx: the body loop over the declared block
kinds (no số: shell key ``hien_so``; the signature and certification blocks come
from the shell keys ``chu_ky``, ``chu_ky_trai`` and ``chu_ky_duoi``).

    PYTHONPATH=service python3 tools/build_bao_cao_thanh_tich.py
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
    save_body(doc, "bao-cao-thanh-tich", "Thân văn bản: báo cáo thành tích")


if __name__ == "__main__":
    main()
