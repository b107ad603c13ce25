"""Body of ``bao-cao-thanh-tich``: the achievement report of a collective or of a person.

The unit head who signs (collective) or confirms and proposes (individual) is the envelope's
``nguoi_ky``; the person reporting signs on the right of an individual report.

Skeleton (spec ``ho-so-khen-thuong.md`` §3–§4 ◐, NĐ 98/2023 Mẫu 02/03, NĐ 152/2025 Mẫu 05):
no số; title ``BÁO CÁO THÀNH TÍCH / ĐỀ NGHỊ TẶNG (TRUY TẶNG) …`` and the recipient's name;
collective — I. sơ lược đặc điểm, tình hình; II. thành tích đạt được (with a table of key figures
over the years where given); III. các hình thức đã được khen thưởng (two tables); individual —
I. sơ lược lý lịch; II; III as above. Signature and certification blocks of the form. The
variant follows ``loai``. Section wording is data (``wording.toml`` (this folder)).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.model.common import STRICT, NonEmptyText, Text
from vanban.model.ho_so import Doan, Ngay


class DeNghiTang(BaseModel):
    """The award the report asks for."""

    model_config = STRICT

    khen_thuong: NonEmptyText = Field(
        description="Danh hiệu hoặc hình thức đề nghị tặng.", examples=["Bằng khen"])
    nguoi_tang: Text | None = Field(
        None, description="Người (cơ quan) tặng.", examples=["Chủ tịch Ủy ban nhân dân tỉnh"])
    truy_tang: bool = Field(False, description="Truy tặng (người đã mất).")


class LyLich(BaseModel):
    """I. Sơ lược lý lịch (individual)."""

    model_config = STRICT

    ho_ten: NonEmptyText = Field(description="Họ tên (chữ in thường, không viết tắt).")
    ngay_sinh: Ngay = Field(description="Ngày sinh YYYY-MM-DD.")
    gioi_tinh: Literal["Nam", "Nữ"] = Field(description="Giới tính.")
    dien_thoai: Text | None = Field(None, description="Điện thoại liên hệ.")
    que_quan: NonEmptyText = Field(description="Quê quán.")
    tru_quan: NonEmptyText = Field(description="Trú quán.")
    don_vi: NonEmptyText = Field(description="Đơn vị công tác.")
    chuc_vu: NonEmptyText = Field(description="Chức vụ (Đảng, chính quyền, đoàn thể).")
    trinh_do: NonEmptyText = Field(description="Trình độ chuyên môn, nghiệp vụ.")
    hoc_ham_hoc_vi: Text | None = Field(
        None, description="Học hàm, học vị, danh hiệu, giải thưởng.")


class DacDiemTapThe(BaseModel):
    """I. Sơ lược đặc điểm, tình hình (collective)."""

    model_config = STRICT

    ten_tap_the: NonEmptyText = Field(
        description="Tên tập thể đề nghị (đầy đủ, chữ in thường, không viết tắt).")
    tru_so: NonEmptyText = Field(description="Địa điểm trụ sở chính.")
    dien_thoai: Text | None = Field(None, description="Điện thoại, fax.")
    trang_tin: Text | None = Field(None, description="Địa chỉ trang tin điện tử.")
    thanh_lap: Doan = Field(default_factory=list, description="Quá trình thành lập, phát triển.")
    dac_diem: Doan = Field(
        default_factory=list,
        description="Đặc điểm chính: cơ cấu tổ chức, cơ sở vật chất, tổ chức đảng, đoàn thể.")
    chuc_nang: Doan = Field(min_length=1, description="Chức năng, nhiệm vụ được giao.")


class ChiTieuThanhTich(BaseModel):
    """One row of the key-figures table."""

    model_config = STRICT

    ten: NonEmptyText = Field(description="Chỉ tiêu.", examples=["Tổng doanh thu"])
    don_vi_tinh: Text | None = Field(None, description="Đơn vị tính.", examples=["triệu đồng"])
    gia_tri: list[Text] = Field(description="Giá trị theo từng năm (cùng thứ tự với “nam”).")


class BangSoLieu(BaseModel):
    """Key figures over the years (II.)."""

    model_config = STRICT

    nam: list[int] = Field(min_length=1, description="Các năm (cột).")
    chi_tieu: list[ChiTieuThanhTich] = Field(min_length=1, description="Các chỉ tiêu (hàng).")

    @model_validator(mode="after")
    def _shape(self) -> BangSoLieu:
        if any(b <= a for a, b in zip(self.nam, self.nam[1:], strict=False)):
            raise PydanticCustomError("bao_cao.nam-thu-tu",
                                      "Các năm của bảng số liệu phải tăng dần, không trùng.")
        for row in self.chi_tieu:
            if len(row.gia_tri) != len(self.nam):
                raise PydanticCustomError(
                    "bao_cao.so-cot",
                    "Chỉ tiêu “{ten}” có {n} giá trị, bảng có {m} năm.",
                    {"ten": row.ten, "n": len(row.gia_tri), "m": len(self.nam)})
        return self


class DaKhenThuong(BaseModel):
    """One award already received (a row of the tables of III.)."""

    model_config = STRICT

    nam: int = Field(ge=1945, le=2100, description="Năm.")
    ten: NonEmptyText = Field(description="Danh hiệu thi đua hoặc hình thức khen thưởng.")
    nguoi_tang: Text | None = Field(None, description="Người (cơ quan) tặng, nếu cần.")
    so_quyet_dinh: Text | None = Field(None, description="Số quyết định.",
                                       examples=["125/QĐ-UBND"])
    ngay_quyet_dinh: Ngay | None = Field(None, description="Ngày quyết định YYYY-MM-DD.")
    co_quan_ban_hanh: Text | None = Field(None, description="Cơ quan ban hành quyết định.")


class XacNhanCapTrinh(BaseModel):
    """A signature or certification block."""

    model_config = STRICT

    chuc_vu: NonEmptyText = Field(description="Chức danh in trên khối chữ ký.",
                                  examples=["GIÁM ĐỐC"])
    ho_ten: Text | None = Field(None, description="Họ và tên; bỏ trống để ký tay.")


class BaoCaoThanhTich(BaseModel):
    model_config = STRICT

    loai: Literal["tap_the", "ca_nhan"] = Field(description="tap_the hoặc ca_nhan.")
    de_nghi: DeNghiTang = Field(description="Danh hiệu, hình thức khen thưởng đề nghị tặng "
                                "(in ở tên văn bản: ĐỀ NGHỊ TẶNG …).")
    ly_lich: LyLich | None = Field(None, description="Bắt buộc khi loai = ca_nhan.")
    dac_diem: DacDiemTapThe | None = Field(None, description="Bắt buộc khi loai = tap_the.")
    nhiem_vu: Doan = Field(default_factory=list,
                           description="Quyền hạn, nhiệm vụ được giao hoặc đảm nhận (cá nhân).")
    thanh_tich: Doan = Field(min_length=1, description="Thành tích đạt được.")
    so_lieu: BangSoLieu | None = Field(None, description="Bảng số liệu chủ yếu qua các năm.")
    bien_phap: Doan = Field(default_factory=list,
                            description="Biện pháp, nguyên nhân đạt được thành tích.")
    danh_hieu: list[DaKhenThuong] = Field(default_factory=list,
                                          description="III.1 Danh hiệu thi đua đã đạt.")
    hinh_thuc: list[DaKhenThuong] = Field(default_factory=list,
                                          description="III.2 Hình thức khen thưởng đã nhận.")
    cap_trinh: XacNhanCapTrinh | None = Field(
        None, description="Xác nhận của cấp trình khen thưởng.")

    @model_validator(mode="after")
    def _variant(self) -> BaoCaoThanhTich:
        if self.loai == "ca_nhan" and (self.ly_lich is None or self.dac_diem is not None):
            raise PydanticCustomError(
                "bao_cao.ly-lich",
                "Báo cáo thành tích cá nhân cần “ly_lich” và không có “dac_diem”.")
        if self.loai == "tap_the" and (self.dac_diem is None or self.ly_lich is not None):
            raise PydanticCustomError(
                "bao_cao.dac-diem",
                "Báo cáo thành tích tập thể cần “dac_diem” và không có “ly_lich”.")
        return self

    @property
    def ten_doi_tuong(self) -> str:
        """The collective's or the person's name."""
        if self.loai == "ca_nhan":
            assert self.ly_lich is not None
            return self.ly_lich.ho_ten
        assert self.dac_diem is not None
        return self.dac_diem.ten_tap_the
