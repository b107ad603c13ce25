"""Body of a template without code of its own: căn cứ, opening paragraphs, numbered sections
with paragraphs and bullets (nesting freely), and a closing paragraph."""

from __future__ import annotations

from pydantic import BaseModel, Field

from vanban.model.common import STRICT, NonEmptyText, Text

Doan = list[NonEmptyText]


class MucChung(BaseModel):
    """A section: its title is numbered by depth (I., 1., 1.1., 1.1.1., a))."""

    model_config = STRICT

    tieu_de: NonEmptyText = Field(description="Tên mục (được đánh số tự động).")
    doan: Doan = Field(default_factory=list, description="Các đoạn văn của mục; dòng bắt đầu "
                       "bằng “- ” hoặc “+ ” thành ý gạch đầu dòng, ý dấu cộng.")
    y: Doan = Field(default_factory=list, description="Các ý gạch đầu dòng “- ” sau đoạn văn.")
    muc: list[MucChung] = Field(default_factory=list, description="Mục con.")


class VanBanChung(BaseModel):
    model_config = STRICT

    can_cu: Doan = Field(default_factory=list,
                         description="Các dòng căn cứ (in nghiêng, “;” cuối dòng, “.” dòng cuối).")
    mo_dau: Doan = Field(default_factory=list, description="Đoạn mở đầu, trước các mục (“- ”, "
                         "“+ ” như trong mục).")
    muc: list[MucChung] = Field(default_factory=list, description="Các mục đánh số.")
    ket_luan: Text | None = Field(None, description="Câu kết, giữ cùng trang với chữ ký.")
