"""Body of ``ke-hoach-thi-dua``: the plan that launches an emulation drive (seed 001).

Every list is printed in input order; an empty list leaves its section out and the numbering
closes up. Dates are ISO (``2024-10-01``; ``2025-03`` for "đến hết tháng 3/2025").
"""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.model.common import STRICT, Integer, NonEmptyText, Text
from vanban.model.dates import Ngay, parse

Y = list[NonEmptyText]


class ThoiGian(BaseModel):
    """When the drive runs: from a day to a day (or to the end of a month / year)."""

    model_config = STRICT

    tu_ngay: Ngay = Field(description="Ngày bắt đầu, YYYY-MM-DD (hoặc YYYY-MM).",
                          examples=["2024-10-01"])
    den_ngay: Ngay = Field(description="Ngày kết thúc; YYYY-MM nghĩa là “đến hết tháng”.",
                           examples=["2025-03"])

    @model_validator(mode="after")
    def _order(self) -> ThoiGian:
        start, end = parse(self.tu_ngay), parse(self.den_ngay)
        first = (start.nam, start.thang or 1, start.ngay or 1)
        last = (end.nam, end.thang or 12, end.ngay or 31)
        if first > last:
            raise PydanticCustomError(
                "ke_hoach.thoi_gian", "Ngày bắt đầu ({start}) sau ngày kết thúc ({end}) của đợt "
                "thi đua.", {"start": self.tu_ngay, "end": self.den_ngay})
        return self


class SoLuongTrinh(BaseModel):
    """A quota: which units may propose how many ("Các chi bộ cơ sở trình không quá 01 cá nhân")."""

    model_config = STRICT

    don_vi: NonEmptyText = Field(description="Đơn vị được trình.", examples=["Các chi bộ cơ sở"])
    toi_da: Integer = Field(ge=1, le=10000, description="Số tối đa được trình.")
    doi_tuong: NonEmptyText = Field("cá nhân", description="“cá nhân” hoặc “tập thể”.")


class HinhThuc(BaseModel):
    """One award the drive gives, with who receives it and the quotas."""

    model_config = STRICT

    ten: NonEmptyText = Field(description="Danh hiệu thi đua hoặc hình thức khen thưởng "
                              "(Luật Thi đua, khen thưởng 2022).", examples=["Giấy khen"])
    nguoi_tang: Text | None = Field(None, description="Cấp tặng.",
                                    examples=["Đảng ủy Khối cơ quan và doanh nghiệp tỉnh"])
    mo_ta: Y = Field(default_factory=list, description="Đoạn văn ngay dưới tên hình thức.",
                     examples=[["Do các chi, đảng bộ cơ sở quy định."]])
    tap_the: Y = Field(default_factory=list, description="Đối với tập thể (các ý).")
    ca_nhan: Y = Field(default_factory=list, description="Đối với cá nhân (các ý).")
    chi_tieu_nhom: Text | None = Field(
        None, description="Nhóm áp dụng chỉ tiêu.", examples=["Cá nhân là cán bộ, đảng viên"])
    chi_tieu: list[SoLuongTrinh] = Field(default_factory=list,
                                         description="Số lượng tối đa được trình.")
    ghi_chu: Y = Field(default_factory=list, description="Lưu ý (in nghiêng sau hình thức).")


class NhomTieuChuan(BaseModel):
    """Criteria for one group (các ban, văn phòng; các chi, đảng bộ cơ sở …)."""

    model_config = STRICT

    doi_tuong: NonEmptyText = Field(description="Nhóm đối tượng.",
                                    examples=["Đối với các chi, đảng bộ cơ sở"])
    y: Y = Field(default_factory=list, description="Các tiêu chuẩn.")


class TieuChuan(BaseModel):
    model_config = STRICT

    chung: Text | None = Field(None, description="Tiêu chuẩn chung (đoạn mở đầu).")
    tap_the: list[NhomTieuChuan] = Field(default_factory=list)
    ca_nhan: list[NhomTieuChuan] = Field(default_factory=list)


class DoiTuong(BaseModel):
    model_config = STRICT

    tap_the: Text | None = Field(None, description="Tập thể tham gia.")
    ca_nhan: Text | None = Field(None, description="Cá nhân tham gia.")


class ThoiHan(BaseModel):
    """A deadline: what must be done, before which day."""

    model_config = STRICT

    viec: NonEmptyText = Field(description="Việc phải xong.",
                               examples=["Các chi, đảng bộ cơ sở trình đề nghị khen thưởng xong"])
    han: Ngay = Field(description="Hạn, YYYY-MM-DD.", examples=["2025-04-10"])


class DonViThucHien(BaseModel):
    model_config = STRICT

    don_vi: NonEmptyText = Field(description="Đơn vị.", examples=["Ban Tuyên giáo Đảng ủy Khối"])
    nhiem_vu: Y = Field(default_factory=list, description="Nhiệm vụ (các ý).")


class KeHoachThiDua(BaseModel):
    model_config = STRICT

    can_cu: Y = Field(default_factory=list, description="Các căn cứ (văn bản Nhà nước).")
    mo_dau: Y = Field(default_factory=list, description="Đoạn mở đầu (“Thực hiện …”).")
    muc_dich: Y = Field(default_factory=list, description="Mục đích (các ý).")
    yeu_cau: Y = Field(default_factory=list, description="Yêu cầu (các ý).")
    noi_dung_thi_dua: Y = Field(default_factory=list, description="Nội dung thi đua.")
    muc_tieu: Y = Field(default_factory=list, description="Mục tiêu thi đua.")
    khau_hieu: Text | None = Field(None, description="Khẩu hiệu thi đua.")
    thoi_gian: ThoiGian | None = Field(None, description="Thời gian của đợt thi đua.")
    doi_tuong: DoiTuong = Field(default_factory=DoiTuong)
    khen_thuong: list[HinhThuc] = Field(default_factory=list,
                                        description="Danh hiệu thi đua, hình thức khen thưởng.")
    tieu_chuan: TieuChuan = Field(default_factory=TieuChuan)
    dang_ky: Y = Field(default_factory=list, description="Đăng ký thi đua.")
    quy_trinh: Y = Field(default_factory=list, description="Quy trình bình xét, đề nghị.")
    ho_so: Y = Field(default_factory=list, description="Hồ sơ đề nghị khen thưởng.")
    thoi_han: list[ThoiHan] = Field(default_factory=list,
                                    description="Thời gian trình khen thưởng (các hạn).")
    tong_ket: Y = Field(default_factory=list, description="Công tác sơ kết, tổng kết đợt thi đua.")
    to_chuc_thuc_hien: list[DonViThucHien] = Field(default_factory=list)
    ket_luan: Text | None = Field(None, description="Câu kết; mặc định “Trên đây là Kế hoạch …”.")
