"""Body of ``bien-ban-hop-xet``: minutes of the council meeting that considers commendations.

Contents common to the ministries' forms (spec ``ho-so-khen-thuong.md`` §5 ◐): time (giờ, phút,
ngày), place, chair, secretary, members present and absent by name (absent members' written
opinions recorded), what was considered, the method (biểu quyết / bỏ phiếu kín), per candidate
and award the votes for and against — the percentage of the whole membership and whether the
threshold is reached are computed (:mod:`vanban.ho_so.bieu_quyet`), never typed — closing time.

Counts are checked by :func:`vanban.ho_so.bien_ban.kiem_tra` (each problem with its path):
present + absent = members; votes for + against ≤ members and ≤ the members who gave an opinion
(present, or absent with a written opinion).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field
from pydantic_core import PydanticCustomError

from vanban.model.common import MAX_NUMBER, STRICT, NonEmptyText, Text
from vanban.model.ho_so import Doan, DoiTuong, Ngay, NguoiThamDu


def _gio(value: str) -> str:
    match = re.fullmatch(r"([01]?[0-9]|2[0-3])[:h]([0-5][0-9])", value.strip())
    if match is None:
        raise PydanticCustomError("time.invalid", "Giờ phải có dạng HH:MM (ví dụ 08:30).")
    return f"{int(match[1]):02d}:{match[2]}"


#: A time of day ``HH:MM``.
Gio = Annotated[str, AfterValidator(_gio)]


class ThanhVienVang(NguoiThamDu):
    """An absent member, with the reason and the written opinion sent to the meeting."""

    ly_do: Text | None = Field(None, description="Lý do vắng mặt.", examples=["đi công tác"])
    y_kien: Text | None = Field(
        None, description="Ý kiến bằng văn bản gửi cuộc họp (ghi vào biên bản).",
        examples=["Đồng ý với toàn bộ danh sách đề nghị."],
    )


class PhieuXet(BaseModel):
    """The council's vote on one candidate for one award."""

    model_config = STRICT

    ten: NonEmptyText = Field(description="Họ tên cá nhân hoặc tên tập thể được xét.")
    doi_tuong: DoiTuong = Field(description="tap_the hoặc ca_nhan.")
    chuc_vu_don_vi: Text | None = Field(None, description="Chức vụ, đơn vị công tác.")
    khen_thuong: NonEmptyText = Field(
        description="Danh hiệu hoặc hình thức khen thưởng được xét.",
        examples=["Chiến sĩ thi đua cơ sở"],
    )
    nguoi_tang: Text | None = Field(
        None, description="Người (cơ quan) tặng; mặc định là cấp đề nghị của biên bản.")
    dong_y: int = Field(ge=0, le=MAX_NUMBER,
                        description="Số phiếu (ý kiến) đồng ý, kể cả ý kiến bằng văn bản.")
    khong_dong_y: int = Field(0, ge=0, le=MAX_NUMBER,
                              description="Số phiếu (ý kiến) không đồng ý.")


class BienBanHopXet(BaseModel):
    model_config = STRICT

    hoi_dong: NonEmptyText = Field(
        description="Tên hội đồng (hoặc cấp ủy, ban chấp hành) họp xét, viết như trong câu.",
        examples=["Hội đồng Thi đua - Khen thưởng Sở Nội vụ"],
    )
    ngay_hop: Ngay = Field(description="Ngày họp YYYY-MM-DD.", examples=["2025-12-10"])
    bat_dau: Gio = Field(description="Giờ bắt đầu HH:MM.", examples=["08:00"])
    ket_thuc: Gio = Field(description="Giờ kết thúc HH:MM.", examples=["10:30"])
    dia_diem: NonEmptyText = Field(description="Địa điểm họp.", examples=["Phòng họp tầng 2"])
    noi_dung_xet: NonEmptyText = Field(
        description="Nội dung xét (sau “xét, đề nghị khen thưởng”).",
        examples=["thành tích năm 2025"],
    )
    nguoi_tang: Text | None = Field(
        None, description="Cấp sẽ được đề nghị khen thưởng (người tặng mặc định của các phiếu).",
        examples=["Chủ tịch Ủy ban nhân dân tỉnh"],
    )
    so_thanh_vien: int = Field(ge=1, le=MAX_NUMBER,
                               description="Tổng số thành viên hội đồng (cả người vắng).")
    chu_toa: NguoiThamDu = Field(description="Chủ trì cuộc họp (chủ tọa).")
    thu_ky: NguoiThamDu = Field(description="Thư ký cuộc họp.")
    co_mat: list[NguoiThamDu] = Field(min_length=1, description="Thành viên có mặt, theo tên.")
    vang_mat: list[ThanhVienVang] = Field(default_factory=list, description="Thành viên vắng.")
    khach_moi: list[NguoiThamDu] = Field(default_factory=list, description="Đại biểu dự họp (mời).")
    hinh_thuc: Literal["bieu-quyet", "bo-phieu-kin"] = Field(
        description="bieu-quyet (biểu quyết giơ tay) hoặc bo-phieu-kin (bỏ phiếu kín).")
    dien_bien: Doan = Field(default_factory=list, description="Diễn biến, ý kiến thảo luận.")
    ket_qua: list[PhieuXet] = Field(min_length=1, description="Kết quả xét từng trường hợp.")
    ket_luan: Doan = Field(default_factory=list, description="Kết luận của chủ tọa.")

    @property
    def so_y_kien(self) -> int:
        """Members who could vote: present, or absent with a written opinion."""
        return len(self.co_mat) + sum(1 for v in self.vang_mat if v.y_kien)
