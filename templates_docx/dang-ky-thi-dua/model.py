"""Body of ``dang-ky-thi-dua``: a unit registers its emulation targets for a period (seed 004,
part II), as a công văn to the level that organises the drive."""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.model.chi_tieu import ChiTieu
from vanban.model.common import STRICT, Integer, NonEmptyText, Text


class DangKyThiDua(BaseModel):
    model_config = STRICT

    nam: Integer = Field(ge=1945, le=2100, description="Năm (hoặc năm bắt đầu) đăng ký.")
    mo_dau: list[NonEmptyText] = Field(default_factory=list, description="Đoạn mở đầu.")
    noi_dung: list[NonEmptyText] = Field(
        default_factory=list, description="Nội dung thi đua (đánh số 1., 2., … theo thứ tự).")
    tap_the: list[ChiTieu] = Field(default_factory=list, description="Chỉ tiêu của tập thể.")
    ca_nhan: list[ChiTieu] = Field(default_factory=list, description="Chỉ tiêu của cá nhân.")
    ket_luan: Text | None = Field(None, description="Câu kết; mặc định tự sinh.")

    @model_validator(mode="after")
    def _some(self) -> DangKyThiDua:
        if not self.tap_the and not self.ca_nhan:
            raise PydanticCustomError(
                "dang_ky.empty", "Bản đăng ký cần ít nhất một chỉ tiêu (tap_the hoặc ca_nhan).")
        return self
