"""Body of ``bao-cao-khoi-thi-dua``: the bloc's report, *mẫu số 02* of seed 002 (Lào Cai).

I. tình hình tổ chức triển khai (đặc điểm of the bloc and its members; activities; ký giao ước) ·
II. kết quả (movements; a comparison table of each member's key targets against plan or last
year, the percentage computed; awards totalled across members; the ranking and proposals of
``xep-hang-khoi-thi-dua`` when given; điển hình) · III. đánh giá tổng quát (ưu điểm, hạn chế,
nguyên nhân) · IV. phương hướng (nhiệm vụ, giải pháp, kiến nghị).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from vanban.model.bang_cham_diem import So
from vanban.model.common import STRICT, NonEmptyText, Text
from vanban.model.khen_thuong import KhenThuong
from vanban.model.xep_hang_khoi_thi_dua import XepHangKhoiThiDua

Doan = list[NonEmptyText]


class ChiTieu(BaseModel):
    """A key target compared across the members."""

    model_config = STRICT

    ten: NonEmptyText = Field(description="Tên chỉ tiêu trọng tâm.", examples=["Thu ngân sách"])
    don_vi_tinh: Text | None = Field(None, description="Đơn vị tính.")
    so_voi: Literal["ke-hoach", "nam-truoc"] = Field(
        "ke-hoach", description="So với kế hoạch giao (ke-hoach) hoặc năm trước (nam-truoc).")
    toan_khoi: Literal["tong", "khong"] = Field(
        "tong", description="Dòng toàn khối: cộng các đơn vị (tong) hoặc không có (khong, ví dụ "
        "chỉ tiêu tỷ lệ %).")


class SoLieu(BaseModel):
    """One member's figures for one target."""

    model_config = STRICT

    chi_tieu: So | None = Field(
        None, description="Kế hoạch giao, hoặc kết quả năm trước (theo “so_voi” của chỉ tiêu).")
    thuc_hien: So | None = Field(None, description="Thực hiện.")


class KetQuaDonVi(BaseModel):
    """One member's row of the comparison table."""

    model_config = STRICT

    don_vi: NonEmptyText = Field(description="Đơn vị thành viên.")
    so_lieu: list[SoLieu] = Field(
        description="Số liệu theo thứ tự các chỉ tiêu trong “chi_tieu”.")


class SoSanh(BaseModel):
    """The comparison table of II.1.2."""

    model_config = STRICT

    chi_tieu: list[ChiTieu] = Field(min_length=1, description="Các chỉ tiêu trọng tâm.")
    don_vi: list[KetQuaDonVi] = Field(min_length=1, description="Số liệu của từng đơn vị.")
    nhan_xet: Doan = Field(default_factory=list, description="Nhận xét dưới bảng.")


class KhenThuongDonVi(KhenThuong):
    """An award line of one member."""

    don_vi: NonEmptyText = Field(description="Đơn vị thành viên được khen (hoặc có cá nhân "
                                 "được khen).")


class BaoCaoKhoiThiDua(BaseModel):
    """The bloc's report (mẫu số 02)."""

    model_config = STRICT

    nam: int = Field(ge=1945, le=2100, description="Năm báo cáo.")
    loai: Literal["tong-ket-nam", "so-ket-6-thang"] = Field(
        "tong-ket-nam", description="tong-ket-nam hoặc so-ket-6-thang.")
    khoi: NonEmptyText = Field(description="Tên khối thi đua.")
    thanh_vien: list[NonEmptyText] = Field(
        default_factory=list, description="Các đơn vị thành viên; để trống thì lấy từ "
        "“xep_hang”.")
    dac_diem: Doan = Field(default_factory=list, description="Đặc điểm tình hình khối: số cán "
                           "bộ, thuận lợi, khó khăn …")
    hoat_dong: Doan = Field(default_factory=list, description="Các hoạt động của khối trong năm.")
    khong_ky_giao_uoc: list[NonEmptyText] = Field(
        default_factory=list, description="Các đơn vị không ký giao ước thi đua.")
    giao_uoc: Doan = Field(default_factory=list, description="Ký giao ước, đăng ký danh hiệu.")
    phong_trao: Doan = Field(default_factory=list, description="Phong trào thi đua của khối và "
                             "các đơn vị.")
    so_sanh: SoSanh | None = Field(None, description="Bảng so sánh chỉ tiêu trọng tâm.")
    ket_qua_nhiem_vu: Doan = Field(default_factory=list, description="Kết quả thực hiện nhiệm "
                                   "vụ chính trị (trước bảng so sánh).")
    khen_thuong: list[KhenThuongDonVi] = Field(
        default_factory=list, description="Khen thưởng các đơn vị thành viên đã nhận hoặc đề "
        "nghị; vanban cộng theo hình thức.")
    khen_thuong_doan: Doan = Field(default_factory=list, description="Đoạn thêm về khen thưởng.")
    xep_hang: XepHangKhoiThiDua | None = Field(
        None, description="Kết quả chấm điểm, xếp hạng (nội dung của mẫu xep-hang-khoi-thi-dua)."
    )
    dien_hinh: Doan = Field(default_factory=list, description="Tuyên truyền, nhân rộng điển "
                            "hình tiên tiến.")
    danh_gia: Doan = Field(default_factory=list, description="Đánh giá chung.")
    uu_diem: Doan = Field(default_factory=list)
    han_che: Doan = Field(default_factory=list)
    nguyen_nhan: Doan = Field(default_factory=list)
    nhiem_vu: Doan = Field(default_factory=list, description="Nhiệm vụ chủ yếu năm tới.")
    giai_phap: Doan = Field(default_factory=list, description="Giải pháp nâng cao chất lượng "
                            "hoạt động của khối.")
    kien_nghi: Doan = Field(default_factory=list, description="Kiến nghị, đề xuất.")
    ket_luan: Text | None = Field(None, description="Câu kết; mặc định “Trên đây là báo cáo …”.")
