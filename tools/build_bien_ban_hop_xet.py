"""Build templates_docx/bien-ban-hop-xet/template.docx: the body loop over the declared block
kinds (the signatures THƯ KÝ / CHỦ TỌA come from the shell keys ``chu_ky_trai`` / ``chu_ky``).

    PYTHONPATH=service python3 tools/build_bien_ban_hop_xet.py
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
    save_body(doc, "bien-ban-hop-xet", "Thân văn bản: biên bản họp xét khen thưởng")


if __name__ == "__main__":
    main()
