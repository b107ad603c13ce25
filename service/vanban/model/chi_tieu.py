"""Emulation targets (chỉ tiêu thi đua) as registered, and their results as reported.

A target is either counted ("05 tập thể phòng đạt danh hiệu Tập thể lao động tiên tiến"), a
share ("trên 90% công chức đạt danh hiệu Lao động tiên tiến") or free text ("Cơ quan đạt chuẩn
văn hóa"). Counted and share targets are evaluated from the numbers; free-text ones carry the
clerk's assessment.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.model.common import STRICT, Integer, Number, Text


class ChiTieu(BaseModel):
    """One registered target."""

    model_config = STRICT

    noi_dung: Text | None = Field(
        None, description="Chỉ tiêu viết bằng lời (dùng khi không có số, hoặc để thay câu tự "
        "sinh).", examples=["Cơ quan đạt danh hiệu “Cơ quan đạt chuẩn văn hóa”"])
    so_luong: Integer | None = Field(None, ge=0, le=1_000_000, description="Số lượng phấn đấu.")
    ty_le: Number | None = Field(None, ge=0, le=100, description="Tỷ lệ phấn đấu, %.")
    muc: Literal["dung", "tu", "tren"] = Field(
        "dung", description="dung: đúng số; tu: từ … trở lên; tren: trên ….")
    doi_tuong: Text | None = Field(None, description="Ai đạt (tập thể phòng, cá nhân …).",
                                   examples=["tập thể phòng"])
    danh_hieu: Text | None = Field(None, description="Danh hiệu hoặc hình thức khen thưởng.",
                                   examples=["Tập thể lao động tiên tiến"])
    nguoi_tang: Text | None = Field(None, description="Cấp tặng (với hình thức khen thưởng).",
                                    examples=["Trưởng ban"])

    @model_validator(mode="after")
    def _shape(self) -> ChiTieu:
        numbered = self.so_luong is not None or self.ty_le is not None
        if self.so_luong is not None and self.ty_le is not None:
            raise PydanticCustomError("chi_tieu.both", "Chỉ ghi một trong “so_luong” hoặc “ty_le”.")
        if not numbered and not self.noi_dung:
            raise PydanticCustomError(
                "chi_tieu.empty", "Cần “noi_dung”, hoặc “so_luong”/“ty_le” cùng “doi_tuong” và "
                "“danh_hieu”.")
        if numbered and not self.noi_dung and not (self.doi_tuong and self.danh_hieu):
            raise PydanticCustomError(
                "chi_tieu.incomplete", "Chỉ tiêu có số cần “doi_tuong” và “danh_hieu” (hoặc ghi "
                "cả câu ở “noi_dung”).")
        return self


class KetQuaChiTieu(ChiTieu):
    """A registered target with what was achieved."""

    thuc_hien: Number | None = Field(
        None, ge=0, description="Kết quả đạt được (số lượng, hoặc % với chỉ tiêu tỷ lệ); để "
        "trống khi chưa có kết quả.")
    ket_qua: Text | None = Field(None, description="Kết quả viết bằng lời (thay câu tự sinh).")
    danh_gia: Literal["vuot", "dat", "chua_dat"] | None = Field(
        None, description="Chỉ dùng cho chỉ tiêu không có số: vuot, dat, chua_dat.")
    ghi_chu: Text | None = Field(None, description="Ghi chú in sau kết quả.",
                                 examples=["chờ kết quả xét của Khối thi đua số 6"])

    @model_validator(mode="after")
    def _result(self) -> KetQuaChiTieu:
        numbered = self.so_luong is not None or self.ty_le is not None
        if numbered and self.danh_gia is not None:
            raise PydanticCustomError(
                "chi_tieu.danh_gia", "Chỉ tiêu có số được đánh giá tự động từ “thuc_hien”; bỏ "
                "“danh_gia”.")
        if self.so_luong is not None and self.thuc_hien is not None and (
                self.thuc_hien != int(self.thuc_hien)):
            raise PydanticCustomError("chi_tieu.thuc_hien", "Kết quả của chỉ tiêu số lượng phải "
                                      "là số nguyên.")
        if self.ty_le is not None and self.thuc_hien is not None and self.thuc_hien > 100:
            raise PydanticCustomError("chi_tieu.thuc_hien", "Tỷ lệ đạt được không quá 100%.")
        return self
