"""The envelope: the official elements every document has, whatever its template.

Key names are the public contract (other systems code against them): ``the_thuc``,
``co_quan``, ``so``, ``ky_hieu``, ``dia_danh``, ``ngay``, ``trich_yeu``, ``kinh_gui``,
``nguoi_ky``, ``noi_nhan``, ``du_thao``, the template-specific ``noi_dung`` and the footnotes
``chu_thich`` its texts mark with ``[^label]``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, Field, PrivateAttr, field_validator
from pydantic_core import PydanticCustomError

from vanban.errors import InputError
from vanban.model.common import STRICT, Flag, Integer, NonEmptyText, Text
from vanban.the_thuc.families import DEFAULT_FAMILY, FAMILIES, FamilyId
from vanban.vi.dates import NgayThang

Body = TypeVar("Body", bound=BaseModel)


class CoQuan(BaseModel):
    """Issuing agency (ô 2)."""

    model_config = STRICT

    cap_tren: Text | None = Field(
        None, description="Cơ quan, tổ chức chủ quản trực tiếp (dòng trên), nếu có.",
        examples=["ĐẢNG BỘ TỈNH YÊN BÁI"],
    )
    ten: NonEmptyText = Field(
        description="Tên cơ quan ban hành, in hoa.", examples=["SỞ NỘI VỤ"]
    )
    viet_tat: Text | None = Field(
        None, description="Chữ viết tắt tên cơ quan trong ký hiệu (SNV, ĐUK, CĐCS).",
        examples=["SNV"],
    )
    ten_trong_cau: Text | None = Field(
        None,
        description="Tên cơ quan viết thường như trong câu văn (dùng ở câu kết “Trên đây là "
        "báo cáo … của …”). Mặc định suy ra từ `ten`.",
        examples=["Sở Nội vụ"],
    )


class NguoiKy(BaseModel):
    """Signature block (ô 7)."""

    model_config = STRICT

    quyen_han: Literal["TM", "KT", "TL", "TUQ", "Q"] | None = Field(
        None, description="Thẩm quyền ký: TM, KT, TL, TUQ, Q hoặc bỏ trống khi người đứng đầu ký."
    )
    thay_cho: Text | None = Field(
        None,
        description="Tập thể (với TM) hoặc chức vụ người đứng đầu (với KT, TL, TUQ, Q).",
        examples=["BAN THƯỜNG VỤ", "GIÁM ĐỐC"],
    )
    ky_thay: Text | None = Field(
        None,
        description="Khi cấp phó ký thay mặt tập thể (TM.) trong văn bản Nhà nước, Công đoàn: "
        "chức vụ người đứng đầu, in thành dòng “KT. …” (ví dụ CHỦ TỊCH).",
        examples=["CHỦ TỊCH"],
    )
    chuc_vu: NonEmptyText = Field(description="Chức vụ người ký.", examples=["PHÓ GIÁM ĐỐC"])
    ho_ten: Text | None = Field(None, description="Họ và tên người ký; để null khi là dự thảo.")


def _nhan_chu_thich(label: str) -> str:
    """A footnote label is what goes between ``[^`` and ``]``: no spaces, no brackets."""
    if not label or any(c.isspace() or c in "[]" for c in label):
        raise PydanticCustomError(
            "chu_thich.label",
            "Nhãn chú thích “{label}” không được rỗng, chứa dấu cách hay dấu ngoặc vuông; "
            "dùng ví dụ 1, 2, nguon-so-lieu và đánh dấu [^1] trong đoạn văn.", {"label": label})
    return label


class Envelope(BaseModel, Generic[Body]):
    """What every document shares; ``noi_dung`` is the template's body."""

    model_config = STRICT

    the_thuc: FamilyId = Field(  # type: ignore[valid-type]
        DEFAULT_FAMILY,
        description="Thể thức: " + ", ".join(f"{f.id} ({f.can_cu})" for f in FAMILIES.values())
        + ".",
    )
    co_quan: CoQuan = Field(description="Cơ quan ban hành: tên, cơ quan chủ quản, chữ viết tắt.")
    so: Integer | None = Field(
        None, ge=1, description="Số văn bản; null để văn thư điền tay."
    )
    ky_hieu: Text | None = Field(
        None,
        description="Ký hiệu, nếu muốn ghi đè ký hiệu tự sinh (ví dụ BC-SNV, BC/ĐUK).",
    )
    don_vi_soan_thao: Text | None = Field(
        None, description="Viết tắt đơn vị soạn thảo, thêm vào cuối ký hiệu (TĐKT)."
    )
    dia_danh: NonEmptyText = Field(description="Địa danh.", examples=["Yên Bái"])
    ngay: str = Field(
        description="Ngày ban hành YYYY-MM-DD; YYYY-MM hoặc YYYY cho dự thảo (để trống ngày).",
        examples=["2022-06-15", "2022-06"],
    )
    trich_yeu: NonEmptyText = Field(description="Trích yếu nội dung.")
    kinh_gui: list[NonEmptyText] = Field(default_factory=list, description="Nơi gửi.")
    nguoi_ky: NguoiKy = Field(description="Người ký: thẩm quyền ký, chức vụ, họ tên.")
    noi_nhan: list[NonEmptyText] = Field(default_factory=list, description="Nơi nhận.")
    du_thao: Flag = Field(False, description="Đánh dấu DỰ THẢO.")
    noi_dung: Body = Field(description="Nội dung riêng của loại văn bản (xem các trường bên dưới).")
    chu_thich: dict[Annotated[str, AfterValidator(_nhan_chu_thich)], NonEmptyText] = (
        Field(default_factory=dict,
              description="Chú thích cuối trang: nhãn → nội dung. Đánh dấu chỗ chú thích trong "
              "đoạn văn bằng [^nhãn] (ví dụ “… của tỉnh[^1].” và {\"1\": \"Kế hoạch số …\"}); "
              "Word đánh số theo thứ tự xuất hiện.",
              examples=[{"1": "Kế hoạch số 116-KH/KTĐ, ngày 15/3/2022 của Khối thi đua."}]))

    #: What the type's ``derive`` step computed from this envelope (see :func:`derive_step`).
    _derived: dict[str, Any] = PrivateAttr(default_factory=dict)

    @field_validator("ngay")
    @classmethod
    def _ngay_form(cls, value: str) -> str:
        try:
            NgayThang.parse(value, "ngay")
        except InputError as exc:
            found = exc.problems[0]
            raise PydanticCustomError("date.invalid", "{message}", {
                "message_en": found.message_en, "message": found.message}) from None
        return value


D = TypeVar("D")


def derive_step(fn: Callable[[Envelope], D]) -> Callable[[Envelope], D]:
    """A type's ``derive`` step: what it computes from the input (the resolved list, the money,
    the scores) computed once per envelope and kept on it, so ``check``, ``compute`` and
    ``build_context`` read one result instead of computing it again each."""
    key = f"{fn.__module__}.{fn.__qualname__}"

    @wraps(fn)
    def once(envelope: Envelope) -> D:
        store = envelope._derived
        if key not in store:
            store[key] = fn(envelope)
        return store[key]

    return once
