"""Body of ``quyet-dinh-khen-thuong``: the decision conferring awards (NĐ 30 Mẫu 1.2 layout).

The issuing authority's line; căn cứ (the issuer's organisation law given here, the law and the
decree in force from ``vocab/ho_so/can_cu.toml``, the unit's rules); ``Theo đề nghị của … tại
Tờ trình số … ngày …;``; ``QUYẾT ĐỊNH:``; Điều 1 (tặng … cho … tập thể và … cá nhân (có danh sách
kèm theo), đã có thành tích …); Điều 2 (reward per recipient as a multiple of the base salary in
force on the decision date, the total in figures and words — :mod:`vanban.ho_so.tien_thuong`);
Điều 3 (effect and who executes); the annex list on its own pages.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from vanban.model.common import STRICT, NonEmptyText, Text
from vanban.model.ho_so import COT_MAC_DINH, Cot, DeNghiKhenThuong, Ngay


class TheoDeNghi(BaseModel):
    """The submission the decision answers."""

    model_config = STRICT

    nguoi_de_nghi: NonEmptyText = Field(
        description="Chức danh người trình.", examples=["Giám đốc Sở Nội vụ"])
    so: NonEmptyText = Field(description="Số, ký hiệu tờ trình.", examples=["125/TTr-SNV"])
    ngay: Ngay = Field(description="Ngày tờ trình YYYY-MM-DD.")


class QuyetDinhKhenThuong(BaseModel):
    model_config = STRICT

    tham_quyen: NonEmptyText = Field(
        description="Dòng thẩm quyền ban hành, in hoa dưới tên loại.",
        examples=["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH YÊN BÁI"])
    nguoi_tang: NonEmptyText = Field(
        description="Người (cơ quan) tặng, như trong câu (người tặng mặc định của danh sách).",
        examples=["Chủ tịch Ủy ban nhân dân tỉnh"])
    can_cu_to_chuc: list[NonEmptyText] = Field(
        default_factory=list,
        description="Căn cứ về tổ chức của cơ quan ban hành (đặt trước căn cứ Luật TĐKT).")
    can_cu: list[NonEmptyText] = Field(
        default_factory=list, description="Căn cứ thêm (quy chế …), sau căn cứ Luật, Nghị định.")
    theo_de_nghi: TheoDeNghi = Field(
        description="Tờ trình được trả lời (“Theo đề nghị của … tại Tờ trình số … ngày …”).")
    thanh_tich: NonEmptyText = Field(
        description="Sau “đã có thành tích”.",
        examples=["xuất sắc trong thực hiện nhiệm vụ năm 2025"])
    danh_sach: list[DeNghiKhenThuong] = Field(
        min_length=1, description="Danh sách được khen thưởng.")
    cot: list[Cot] = Field(default_factory=lambda: list(COT_MAC_DINH),
                           description="Các cột của danh sách kèm theo (sau cột STT).")
    tien_thuong: bool = Field(True, description="Có Điều về tiền thưởng.")
    nguon_kinh_phi: Text | None = Field(
        None, description="Nguồn chi tiền thưởng.",
        examples=["Quỹ Thi đua, khen thưởng của tỉnh"])
    thi_hanh: list[NonEmptyText] = Field(
        min_length=1, description="Người, cơ quan chịu trách nhiệm thi hành (Điều cuối).",
        examples=[["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ"]])
    hieu_luc: Text | None = Field(
        None, description="Câu hiệu lực; mặc định “Quyết định này có hiệu lực kể từ ngày ký.”")
