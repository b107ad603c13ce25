"""Pieces shared by the commendation-file models (biên bản họp xét, báo cáo thành tích, tờ trình,
quyết định khen thưởng and the whole file): a person, a proposed recipient, a date field.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field
from pydantic_core import PydanticCustomError

from vanban.errors import InputError
from vanban.model.common import STRICT, NonEmptyText, Text
from vanban.vi.dates import NgayThang

DoiTuong = Literal["tap_the", "ca_nhan"]
Doan = list[NonEmptyText]


def _full_date(value: str) -> str:
    try:
        parsed = NgayThang.parse(value, "")
    except InputError as exc:
        raise PydanticCustomError("date.invalid", exc.problems[0].message) from None
    if parsed.ngay is None:
        raise PydanticCustomError("date.partial", "Cần ghi đủ ngày, tháng, năm (YYYY-MM-DD).")
    return value.strip()


#: A complete ISO date ``YYYY-MM-DD``.
Ngay = Annotated[str, AfterValidator(_full_date)]


class NguoiThamDu(BaseModel):
    """A person with their position."""

    model_config = STRICT

    ho_ten: NonEmptyText = Field(description="Họ và tên.", examples=["Nguyễn Văn An"])
    chuc_vu: Text | None = Field(
        None, description="Chức vụ (và vai trò trong hội đồng, nếu có).",
        examples=["Giám đốc Sở, Chủ tịch Hội đồng"],
    )


class DeNghiKhenThuong(BaseModel):
    """One collective or person proposed for one award (one line of the danh sách)."""

    model_config = STRICT

    ten: NonEmptyText = Field(
        description="Họ và tên cá nhân hoặc tên tập thể (chữ in thường, không viết tắt).",
        examples=["Phòng Tổ chức cán bộ", "Nguyễn Thị Bình"],
    )
    doi_tuong: DoiTuong = Field(description="tap_the (tập thể) hoặc ca_nhan (cá nhân).")
    chuc_vu_don_vi: Text | None = Field(
        None, description="Chức vụ, đơn vị công tác (cá nhân) hoặc cơ quan chủ quản (tập thể).",
        examples=["Chuyên viên Phòng Tổ chức cán bộ, Sở Nội vụ"],
    )
    khen_thuong: NonEmptyText = Field(
        description="Danh hiệu thi đua hoặc hình thức khen thưởng đề nghị (Luật TĐKT 2022).",
        examples=["Bằng khen", "Chiến sĩ thi đua cơ sở"],
    )
    nguoi_tang: Text | None = Field(
        None, description="Người (cơ quan) tặng; mặc định là cấp có thẩm quyền của văn bản.",
        examples=["Chủ tịch Ủy ban nhân dân tỉnh"],
    )
    ngay_sinh: Text | None = Field(None, description="Ngày sinh (cá nhân), nếu cần in.")
    gioi_tinh: Literal["Nam", "Nữ"] | None = Field(None, description="Giới tính (cá nhân).")
    que_quan: Text | None = Field(None, description="Quê quán (cá nhân), nếu cần in.")
    ghi_chu: Text | None = Field(None, description="Ghi chú.")


#: Columns a danh sách can show, in the order given (STT is always first).
Cot = Literal["ten", "ngay_sinh", "gioi_tinh", "que_quan", "chuc_vu_don_vi", "khen_thuong",
              "ghi_chu"]
#: The award is the heading of each group, so it is not a column by default.
COT_MAC_DINH: list[str] = ["ten", "chuc_vu_don_vi", "ghi_chu"]
