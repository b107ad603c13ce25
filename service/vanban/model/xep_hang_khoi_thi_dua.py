"""Body of ``xep-hang-khoi-thi-dua``: the bloc leader's ranking of the members.

Each member comes either with its scoring table (the body of ``bang-cham-diem``, computed the
same way) or with its totals as the bloc's meeting agreed them. ``de_nghi`` lists the forms the
bloc proposes (Cờ thi đua, Bằng khen …) and how many units each; vanban picks the units in
rank order (:mod:`vanban.scoring.ranking`).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from vanban.model.bang_cham_diem import BangChamDiem, Diem, ThangDiem
from vanban.model.common import MAX_NUMBER, STRICT, NonEmptyText, Text


class DonViKhoi(BaseModel):
    """A member of the bloc with its scoring table or its totals."""

    model_config = STRICT

    ten: NonEmptyText = Field(description="Tên đơn vị thành viên.")
    bang_cham_diem: BangChamDiem | None = Field(
        None, description="Bảng chấm điểm của đơn vị (nội dung của mẫu bang-cham-diem); "
        "vanban tự tính điểm. Không ghi cùng tong_diem.")
    tong_diem: Diem | None = Field(
        None, description="Tổng điểm đã thống nhất (điểm các nội dung + điểm thưởng − điểm "
        "trừ), khi không gửi bảng chấm điểm.")
    diem_thuong: Diem = Field(0, description="Điểm thưởng (đã tính trong tong_diem).")
    diem_tru: Diem = Field(0, description="Điểm trừ (đã tính trong tong_diem).")
    khong_xet: bool = Field(
        False, description="Không xét thi đua (có văn bản phê bình sai phạm nghiêm trọng …).")
    ghi_chu: Text | None = Field(None, description="Ghi chú in ở cột cuối.")


class DeNghi(BaseModel):
    """A form the bloc proposes and for how many units."""

    model_config = STRICT

    hinh_thuc: NonEmptyText = Field(description="Hình thức khen thưởng, danh hiệu đề nghị.",
                                    examples=["Cờ thi đua của UBND tỉnh"])
    so_luong: int = Field(ge=1, le=MAX_NUMBER, description="Số đơn vị đề nghị.")
    nguoi_tang: Text | None = Field(None, description="Cấp đề nghị tặng, ví dụ “UBND tỉnh”.")


class XepHangKhoiThiDua(BaseModel):
    """The ranking of one bloc for one year."""

    model_config = STRICT

    nam: int = Field(ge=1945, le=2100, description="Năm xếp hạng.")
    khoi: NonEmptyText = Field(description="Tên khối thi đua.", examples=["Khối các cơ quan "
                               "quản lý nhà nước tổng hợp"])
    thang_diem: ThangDiem | None = Field(
        None, description="Thang điểm của khối (để kiểm tra tổng điểm các đơn vị không vượt).")
    can_cu: list[NonEmptyText] = Field(
        default_factory=list, description="Căn cứ (quy chế, hội nghị bình xét …), mỗi dòng một "
        "căn cứ.")
    don_vi: list[DonViKhoi] = Field(min_length=1, description="Các đơn vị thành viên.")
    de_nghi: list[DeNghi] = Field(default_factory=list, description="Các hình thức đề nghị "
                                  "khen thưởng, theo thứ tự ưu tiên.")
