"""Build ``templates_docx/bang-cham-diem/template.docx`` (deterministic; run after changing it).

The body: the declared blocks before the table (``khoi``), the landscape slot (``ngang``: the
table between two section breaks, when it is wide — see ``vanban.context.landscape``), then the
blocks after it (``khoi_sau``). The same layout serves ``bao-cao-khoi-thi-dua`` (its comparison
table) and ``xep-hang-khoi-thi-dua``.

    PYTHONPATH=service python3 tools/build_bang_cham_diem.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_docx_sources import block_loop, new_document, save_body, set_body  # noqa: E402

from vanban.context.landscape import slot  # noqa: E402
from vanban.the_thuc.families import DEFAULT_FAMILY, FAMILIES  # noqa: E402

TEMPLATES = {
    "bang-cham-diem": "Thân văn bản: bảng chấm điểm thi đua",
    "xep-hang-khoi-thi-dua": "Thân văn bản: kết quả chấm điểm, xếp hạng khối thi đua",
    "bao-cao-khoi-thi-dua": "Thân văn bản: báo cáo hoạt động khối thi đua (mẫu số 02)",
}


def body_with_landscape_slot() -> str:
    after = block_loop().replace("for b in khoi ", "for b in khoi_sau ", 1)
    assert "khoi_sau" in after
    return block_loop() + slot("ngang") + after


def main() -> None:
    for template_id, title in TEMPLATES.items():
        doc = new_document(FAMILIES[DEFAULT_FAMILY])
        set_body(doc, body_with_landscape_slot())
        save_body(doc, template_id, title)
    print("built", ", ".join(f"templates_docx/{t}/template.docx" for t in TEMPLATES))


if __name__ == "__main__":
    main()
