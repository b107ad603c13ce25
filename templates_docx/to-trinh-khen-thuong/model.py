"""Body of ``to-trinh-khen-thuong``: the submission proposing commendations, with its list.

``Số: …/TTr-…``, Kính gửi (envelope), căn cứ (the law and the decree in force on the date come
from ``vocab/ho_so/can_cu.toml``; the unit's own rules and the minutes of the meeting are added
here), the proposal sentence with counts computed from the list ("đề nghị … tặng Bằng khen cho
03 tập thể và 05 cá nhân"), "(có danh sách và báo cáo thành tích kèm theo)", and the list as an
annex grouped tập thể / cá nhân, columns configurable. One submission per deciding authority.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from vanban.model.common import STRICT, NonEmptyText, Text
from vanban.model.ho_so import COT_MAC_DINH, Cot, DeNghiKhenThuong, Doan, Ngay


class ToTrinhKhenThuong(BaseModel):
    model_config = STRICT

    nguoi_quyet_dinh: NonEmptyText = Field(
        description="Cấp có thẩm quyền được đề nghị quyết định (người tặng mặc định).",
        examples=["Chủ tịch Ủy ban nhân dân tỉnh"])
    can_cu: list[NonEmptyText] = Field(
        default_factory=list,
        description="Căn cứ thêm (quy chế, kế hoạch …), không có chữ “Căn cứ” và dấu “;”.")
    bien_ban_ngay: Ngay | None = Field(
        None, description="Ngày họp Hội đồng Thi đua - Khen thưởng (căn cứ biên bản).")
    hoi_dong: Text | None = Field(
        None, description="Tên hội đồng đã họp xét, như trong câu.",
        examples=["Hội đồng Thi đua - Khen thưởng Sở Nội vụ"])
    thanh_tich: NonEmptyText = Field(
        description="Lý do đề nghị, sau “đã có thành tích”.",
        examples=["xuất sắc trong thực hiện nhiệm vụ năm 2025"])
    doan: Doan = Field(default_factory=list, description="Đoạn văn thêm trước câu đề nghị.")
    danh_sach: list[DeNghiKhenThuong] = Field(
        min_length=1, description="Danh sách đề nghị khen thưởng.")
    cot: list[Cot] = Field(default_factory=lambda: list(COT_MAC_DINH),
                           description="Các cột của danh sách (sau cột STT).")
