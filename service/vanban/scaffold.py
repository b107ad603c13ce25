"""``vanban new-template``: a new template folder that works before anyone writes code.

The folder gets a manifest, the generic body (``content_blocks/than-van-ban-chung.docx``: every
declared block kind, in the ``VB …`` styles) and an example input for the generic body model
(:mod:`vanban.model.van_ban_chung`). Point ``VANBAN_TEMPLATES_PATH`` (or ``--templates-dir``) at
the parent directory and the template is listed, validated and rendered like a built-in one.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from vanban.errors import InputError, problem
from vanban.templates import content_blocks_dir
from vanban.the_thuc.families import DEFAULT_FAMILY, FAMILY_IDS, get_family

GENERIC_BODY = "than-van-ban-chung.docx"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _toml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def example(loai_van_ban: str) -> dict:
    """A valid input for the generic body, with every kind of block."""
    return {
        "the_thuc": DEFAULT_FAMILY,
        "co_quan": {"cap_tren": "UBND TỈNH LÀO CAI", "ten": "SỞ NỘI VỤ", "viet_tat": "SNV"},
        "so": None,
        "dia_danh": "Lào Cai",
        "ngay": "2026-12",
        "trich_yeu": f"{loai_van_ban.capitalize() or 'Văn bản'} về công tác thi đua, khen thưởng",
        "nguoi_ky": {"quyen_han": "KT", "thay_cho": "GIÁM ĐỐC", "chuc_vu": "PHÓ GIÁM ĐỐC",
                     "ho_ten": None},
        "noi_nhan": ["Như trên", "Lưu: VT, TĐKT"],
        "du_thao": True,
        "noi_dung": {
            "can_cu": ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"],
            "mo_dau": ["Đoạn mở đầu, có thể có chữ **đậm** và *nghiêng*."],
            "muc": [{"tieu_de": "Mục đích, yêu cầu",
                     "muc": [{"tieu_de": "Mục đích", "doan": ["Nội dung mục đích."],
                              "y": ["Ý thứ nhất", "Ý thứ hai"]}]}],
            "ket_luan": "Câu kết của văn bản./.",
        },
    }


def new_template(directory: Path, template_id: str, *, title: str, loai_van_ban: str,
                 viet_tat: str, families: list[str] | None = None) -> Path:
    """Create ``directory/template_id/``; returns the folder. Refuses to overwrite."""
    families = families or list(FAMILY_IDS)
    if not _ID.match(template_id):
        raise InputError(problem(
            "scaffold.id", "template_id",
            "Mã mẫu chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ thong-bao-ket-qua).",
            "template id must be lower-case ASCII words joined by hyphens"))
    bad = [f for f in families if f not in FAMILY_IDS]
    if bad:
        raise InputError(problem("scaffold.families", "families",
                                 f"Thể thức không có: {', '.join(bad)}.",
                                 f"unknown families {bad}"))
    folder = Path(directory) / template_id
    if folder.exists():
        raise InputError(problem("scaffold.exists", str(folder),
                                 f"Thư mục “{folder}” đã có; chọn mã khác hoặc xóa thư mục.",
                                 f"{folder} already exists"))
    folder.mkdir(parents=True)
    shutil.copyfile(content_blocks_dir() / GENERIC_BODY, folder / "template.docx")
    manifest = "\n".join([
        f"id = {_toml_str(template_id)}",
        f"title = {_toml_str(title)}",
        f"description = {_toml_str(title + ' (mẫu do đơn vị thêm).')}",
        f"loai_van_ban = {_toml_str(loai_van_ban)}",
        f"viet_tat = {_toml_str(viet_tat)}",
        f"families = {json.dumps(families)}",
        "# module = \"body.py\"   # only when the template computes something (see README)",
        "",
    ])
    (folder / "manifest.toml").write_text(manifest, "utf-8")
    data = example(loai_van_ban)
    data["the_thuc"] = families[0]
    family = get_family(families[0])
    if not family.kt_duoi_tm:  # the deputy signs for the collective with their own title
        data["nguoi_ky"] = {"quyen_han": "TM", "thay_cho": "BAN THƯỜNG VỤ",
                            "chuc_vu": "PHÓ BÍ THƯ", "ho_ten": None}
    if family.luu_sau != ": ":
        data["noi_nhan"] = ["Như trên", "Lưu Văn phòng"]
    if not family.ket_thuc:
        data["noi_dung"]["ket_luan"] = "Câu kết của văn bản."
    (folder / "example.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                                         "utf-8")
    return folder
