"""Body of the ``bao-cao-thi-dua`` template: sơ kết / tổng kết công tác thi đua, khen thưởng.

The outline follows "mẫu số 01" (Sở Nội vụ Lào Cai, seed 002) and the sections of the Party
and trade-union reports (seeds 000 and 004). Every list of strings is rendered in input order;
an empty list leaves its section out and the numbering closes up (no gaps).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.model.chi_tieu import KetQuaChiTieu
from vanban.model.common import STRICT, Integer, NonEmptyText, Text
from vanban.model.khen_thuong import KhenThuong

Doan = list[NonEmptyText]


class Ky(BaseModel):
    """The reporting period."""

    model_config = STRICT

    loai: Literal["so-ket-6-thang", "tong-ket-nam", "so-ket-dot", "tong-ket-dot"] = Field(
        description="so-ket-6-thang, tong-ket-nam, so-ket-dot hoặc tong-ket-dot."
    )
    nam: Integer = Field(ge=1945, le=2100, description="Năm của kỳ báo cáo.")
    ten_dot: Text | None = Field(
        None, description="Tên đợt thi đua (bắt buộc với so-ket-dot, tong-ket-dot)."
    )

    @model_validator(mode="after")
    def _dot(self) -> Ky:
        if self.loai.endswith("-dot") and not self.ten_dot:
            raise PydanticCustomError(
                "ky.ten-dot", "Kỳ báo cáo theo đợt cần có “ten_dot” (tên đợt thi đua)."
            )
        return self


class DacDiem(BaseModel):
    model_config = STRICT

    gioi_thieu: Doan = Field(default_factory=list, description="Khái quát tình hình.")
    thuan_loi: Doan = Field(default_factory=list, description="Thuận lợi, mỗi đoạn một chuỗi.")
    kho_khan: Doan = Field(default_factory=list, description="Khó khăn, mỗi đoạn một chuỗi.")


class PhongTrao(BaseModel):
    """An emulation movement launched or answered."""

    model_config = STRICT

    ten: NonEmptyText = Field(description="Tên phong trào.", examples=["Dân vận khéo"])
    don_vi: Text | None = Field(None, description="Đơn vị phát động.")
    thoi_gian: Text | None = Field(None, description="Thời gian phát động, thực hiện.")
    noi_dung: Text | None = Field(None, description="Nội dung chính.")
    ket_qua: Text | None = Field(None, description="Kết quả.")


class Muc(BaseModel):
    """A free section: title, paragraphs, sub-sections (numbered automatically)."""

    model_config = STRICT

    tieu_de: NonEmptyText
    doan: Doan = Field(default_factory=list)
    muc: list[Muc] = Field(default_factory=list)


class KetQuaDangKy(BaseModel):
    """The targets registered for the period, with what was achieved: vanban states for each
    whether it was exceeded, reached or not, and the totals — computed from the numbers."""

    model_config = STRICT

    can_cu: Text | None = Field(
        None, description="Văn bản đăng ký được đối chiếu, in sau đánh giá.",
        examples=["Nghị quyết năm 2022"])
    tap_the: list[KetQuaChiTieu] = Field(default_factory=list)
    ca_nhan: list[KetQuaChiTieu] = Field(default_factory=list)


class BaoCaoThiDua(BaseModel):
    model_config = STRICT

    ky: Ky = Field(description="Kỳ báo cáo: loại kỳ, năm, tên đợt.")
    dac_diem: DacDiem = Field(default_factory=DacDiem,
                              description="Đặc điểm tình hình: khái quát, thuận lợi, khó khăn.")
    chi_dao: Doan = Field(default_factory=list, description="Công tác lãnh đạo, chỉ đạo.")
    phong_trao: list[PhongTrao] = Field(
        default_factory=list, description="Các phong trào thi đua đã phát động, hưởng ứng.")
    muc: list[Muc] = Field(
        default_factory=list,
        description="Mục tự do, đặt sau phần phong trào thi đua, đánh số La Mã tiếp theo.",
    )
    ket_qua_dang_ky: KetQuaDangKy | None = Field(
        None, description="Chỉ tiêu thi đua đã đăng ký và kết quả (đạt, vượt, chưa đạt tự tính).")
    khen_thuong: list[KhenThuong] = Field(
        default_factory=list,
        description="Kết quả khen thưởng: hình thức, người tặng, số tập thể, cá nhân.")
    khen_thuong_doan: Doan = Field(
        default_factory=list, description="Đoạn văn thêm về công tác khen thưởng."
    )
    tuyen_truyen: Doan = Field(
        default_factory=list, description="Tuyên truyền, phát hiện, nhân rộng điển hình tiên tiến."
    )
    uu_diem: Doan = Field(default_factory=list, description="Ưu điểm.")
    han_che: Doan = Field(default_factory=list, description="Hạn chế, tồn tại.")
    nguyen_nhan: Doan = Field(default_factory=list, description="Nguyên nhân của hạn chế.")
    bai_hoc: Doan = Field(default_factory=list, description="Bài học kinh nghiệm.")
    kien_nghi: Doan = Field(default_factory=list, description="Kiến nghị, đề xuất.")
    phuong_huong: Doan = Field(default_factory=list, description="Phương hướng, nhiệm vụ kỳ tới.")
    giai_phap: Doan = Field(default_factory=list, description="Giải pháp thực hiện.")
    ket_luan: Text | None = Field(
        None, description="Câu kết; mặc định “Trên đây là báo cáo … của …”."
    )
