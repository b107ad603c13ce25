"""One award line (``khen_thuong``): shared by the reports that list awards received or proposed
(``bao-cao-thi-dua``, ``bao-cao-khoi-thi-dua``) and by :mod:`vanban.prose.khen_thuong`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_core import PydanticCustomError

from vanban.model.common import STRICT, Integer, NonEmptyText, Text


class KhenThuong(BaseModel):
    """One award line: a form or title, who conferred it, how many collectives / people."""

    model_config = STRICT

    ten: NonEmptyText = Field(
        description="Tên hình thức khen thưởng hoặc danh hiệu thi đua (Luật TĐKT 2022).",
        examples=["Bằng khen", "Chiến sĩ thi đua cơ sở"],
    )
    nguoi_tang: Text | None = Field(
        None, description="Người, cơ quan tặng hoặc công nhận.", examples=["Chủ tịch UBND tỉnh"]
    )
    tap_the: Integer = Field(0, ge=0, description="Số tập thể.")
    ca_nhan: Integer = Field(0, ge=0, description="Số cá nhân.")
    danh_sach: list[NonEmptyText] = Field(default_factory=list, description="Danh sách tên.")
    trang_thai: Literal["da_nhan", "de_nghi"] = Field(
        "da_nhan", description="da_nhan (đã được khen) hoặc de_nghi (đang đề nghị)."
    )

    @model_validator(mode="after")
    def _counts(self) -> KhenThuong:
        if self.tap_the == 0 and self.ca_nhan == 0:
            raise PydanticCustomError(
                "award.no-count", "Cần ghi số tập thể (tap_the) hoặc số cá nhân (ca_nhan) > 0."
            )
        return self
