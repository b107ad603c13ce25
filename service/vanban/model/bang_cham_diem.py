"""Body of the ``bang-cham-diem`` template: one unit's scoring table (bảng chấm điểm thi đua).

Two schemes must fit (spec ``thi-dua-khen-thuong.md``, "Scoring of competition blocs"):

* State, seed 002 (Lào Cai 2021): 95 points for three content groups + 5 bonus points, bonus
  only for targets above the registered plan, at most 1 point per target; deductions.
* Party, seed 000's appendix (Yên Bái 2022, Tiêu chuẩn 2): 450 standard + 50 bonus points,
  criteria scored by level (Tốt / Khá / TB / Yếu) with fixed points, criteria with sub-rows.

A criterion (:class:`TieuChi`) is scored either by points (``diem_chuan`` with the unit's
``tu_cham``) or by level (``muc`` with the chosen ``xep_loai``), and may hold sub-criteria to any
depth (seed 000's 2.3 has its own levels and three sub-rows). Rules a single field cannot see
(a self-score above the standard, an unknown level, a bonus for a target not exceeded …) are
checked by :mod:`vanban.scoring.rules`, every one reported with the path of the field that
breaks it; computation lives in :mod:`vanban.scoring.compute`.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    PlainValidator,
    Strict,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from vanban.model.common import MAX_NUMBER, STRICT, NonEmptyText, Text


def _not_tiny(value: float) -> float:
    """A non-zero figure closer to 0 than 10⁻⁶ is a typo or a probe (5e-324): as a divisor it
    makes percentages overflow what a document can print."""
    if value and abs(value) < _TINY:
        raise PydanticCustomError(
            "so.qua-nho", "Số quá nhỏ (khác 0 nhưng nhỏ hơn 0,000001); hãy ghi 0 hoặc số có tối "
            "đa 6 chữ số thập phân.")
    return value


_TINY = 1e-6
#: A figure (plan, result): a real number, not true/false, within what a document prints.
So = Annotated[float, Strict(), Field(ge=-1e12, le=1e12, allow_inf_nan=False),
               AfterValidator(_not_tiny)]
#: A number of points: never negative.
Diem = Annotated[float, Strict(), Field(ge=0, le=1e6, allow_inf_nan=False)]
_LIMIT = 1e12


def _gia_tri(value: Any) -> float | str:
    """A number (not true/false, finite, within ±10¹²) or text, with one clear error."""
    if isinstance(value, str):
        try:
            return _TEXT.validate_python(value)
        except ValidationError as exc:  # the text's own error (a control character …)
            error = exc.errors(include_url=False)[0]
            raise PydanticCustomError(error["type"], error["msg"], error.get("ctx")) from None
    if (isinstance(value, int | float) and not isinstance(value, bool)
            and -_LIMIT <= value <= _LIMIT and math.isfinite(value)):  # 10**4000: no float()
        return _not_tiny(float(value))
    raise PydanticCustomError(
        "gia-tri.kieu", "Phải là số (trong khoảng ±1.000.000.000.000) hoặc chuỗi văn bản, ví dụ "
        "100 hoặc \"6-8\".")


_TEXT: TypeAdapter[str] = TypeAdapter(Text)
#: A plan or actual value: a number, or text such as "6-8" (seed 000, revenue growth).
GiaTri = Annotated[float | str, PlainValidator(_gia_tri),
                   WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}]})]


class ThangDiem(BaseModel):
    """The scale: points of the content groups and the bonus ceiling."""

    model_config = STRICT

    diem_toi_da: Diem = Field(
        description="Tổng điểm tối đa của các nhóm nội dung (Lào Cai: 95; Tiêu chuẩn 2 Yên Bái: "
        "450).", examples=[95])
    diem_thuong_toi_da: Diem = Field(
        0, description="Tổng điểm thưởng tối đa (Lào Cai: 5; Yên Bái: 50).", examples=[5])
    thuong_moi_chi_tieu: Diem = Field(
        1, description="Điểm thưởng tối đa cho mỗi chỉ tiêu vượt kế hoạch (Lào Cai: 01 điểm).")


class TieuChi(BaseModel):
    """One criterion (row of the table), scored by points or by level, with sub-criteria."""

    model_config = STRICT

    ma: Text | None = Field(None, description="Số thứ tự in ở cột TT, ví dụ “2.3”; để trống cho "
                            "dòng con không đánh số.", examples=["2.1"])
    ten: NonEmptyText = Field(description="Nội dung tiêu chí.")
    don_vi_tinh: Text | None = Field(None, description="Đơn vị tính (%, đảng viên, Tr.đ …).")
    ke_hoach: GiaTri | None = Field(None, description="Kế hoạch, chỉ tiêu đăng ký.")
    thuc_hien: GiaTri | None = Field(None, description="Kết quả thực hiện.")
    diem_chuan: Diem | None = Field(
        None, description="Điểm chuẩn (tối đa) của tiêu chí chấm theo điểm.")
    tu_cham: Diem | None = Field(
        None, description="Điểm đơn vị tự chấm; không vượt điểm chuẩn. Để trống khi chưa chấm.")
    muc: dict[NonEmptyText, Diem] | None = Field(
        None, description="Tiêu chí chấm theo mức: điểm cố định của từng mức, ví dụ "
        "{\"Tốt\": 10, \"Khá\": 8, \"TB\": 6, \"Yếu\": 0}.")
    xep_loai: Text | None = Field(
        None, description="Mức đơn vị tự xếp (một khóa của “muc”); để trống khi chưa chấm.")
    tieu_chi: list[TieuChi] = Field(
        default_factory=list, description="Tiêu chí con (lồng nhau không giới hạn).")


class Nhom(BaseModel):
    """A content group (nội dung I, II, III …) with its ceiling."""

    model_config = STRICT

    ma: Text | None = Field(None, description="Số thứ tự của nhóm: I, II … hoặc 2 (Tiêu chuẩn 2).")
    ten: NonEmptyText = Field(description="Tên nhóm nội dung.")
    diem_toi_da: Diem = Field(description="Điểm tối đa của nhóm; điểm nhóm không bao giờ vượt.")
    tieu_chi: list[TieuChi] = Field(min_length=1, description="Các tiêu chí của nhóm.")
    to_chuc_dang_doan_the: bool = Field(
        False, description="Nhóm chấm tổ chức đảng, đoàn thể (mục II, Quyết định 3666/QĐ-UBND): "
        "đơn vị không có tổ chức đảng và công đoàn được tối đa 50% điểm của nhóm này.")


class DiemThuong(BaseModel):
    """A bonus for a target exceeding the registered plan (seed 002, II.2.a)."""

    model_config = STRICT

    chi_tieu: NonEmptyText = Field(description="Chỉ tiêu vượt kế hoạch.")
    tieu_chi: Text | None = Field(
        None, description="Mã tiêu chí (cột TT) của chỉ tiêu, nếu có: điểm thưởng in ở dòng đó.")
    don_vi_tinh: Text | None = Field(None, description="Đơn vị tính.")
    ke_hoach: So = Field(description="Kế hoạch đăng ký đầu năm.")
    thuc_hien: So = Field(description="Kết quả thực hiện (phải vượt kế hoạch).")
    diem: Diem = Field(description="Điểm thưởng đề nghị (không quá 01 điểm mỗi chỉ tiêu).")


class DiemTruKhac(BaseModel):
    """Another deduction the bloc's rules define."""

    model_config = STRICT

    ly_do: NonEmptyText = Field(description="Lý do trừ điểm.")
    diem: Diem = Field(description="Số điểm trừ.")


class DiemTru(BaseModel):
    """Facts that cost points (seed 002, II.2.b); vanban computes the deduction."""

    model_config = STRICT

    van_ban_nhac_nho: int = Field(
        0, ge=0, le=MAX_NUMBER, description="Số văn bản nhắc nhở, phê bình của Tỉnh ủy, UBND "
        "tỉnh (0,5 điểm mỗi văn bản, tối đa 02 điểm).")
    ho_so_khong_du_dieu_kien: int = Field(
        0, ge=0, le=MAX_NUMBER, description="Số hồ sơ đề nghị khen thưởng không đủ điều kiện "
        "(01–05: 1 điểm; 06–10: 1,5 điểm; từ 11: 2 điểm).")
    vi_pham_quy_che_khoi: bool = Field(
        False, description="Thực hiện chưa nghiêm quy định của khối (họp, nộp văn bản muộn …): "
        "trừ 01 điểm.")
    phe_binh_sai_pham_nghiem_trong: bool = Field(
        False, description="Có văn bản phê bình về sai phạm nghiêm trọng: không xét thi đua.")
    khac: list[DiemTruKhac] = Field(default_factory=list, description="Điểm trừ khác của khối.")


class BangChamDiem(BaseModel):
    """The scoring table of one unit for one year."""

    model_config = STRICT

    nam: int = Field(ge=1945, le=2100, description="Năm chấm điểm.")
    don_vi: Text | None = Field(
        None, description="Đơn vị tự chấm điểm; để trống khi ban hành bảng tiêu chí (chưa chấm).")
    tieu_de: Text | None = Field(
        None, description="Tiêu đề bảng; mặc định “BẢNG CHẤM ĐIỂM THI ĐUA NĂM …”.")
    trang_ngang: bool | None = Field(
        None, description="In bảng trên trang nằm ngang: true / false; để trống thì tự chọn "
        "(ngang khi các cột ngắn chứa chữ dài).")
    thang_diem: ThangDiem = Field(description="Thang điểm.")
    nhom: list[Nhom] = Field(min_length=1, description="Các nhóm nội dung chấm điểm.")
    diem_thuong: list[DiemThuong] = Field(
        default_factory=list, description="Chỉ tiêu vượt kế hoạch được thưởng điểm.")
    diem_tru: DiemTru = Field(default_factory=DiemTru, description="Căn cứ trừ điểm.")
    khong_co_dang_cong_doan: bool = Field(
        False, description="Đơn vị không có tổ chức đảng và tổ chức công đoàn: nhóm đánh dấu "
        "“to_chuc_dang_doan_the” chỉ được tối đa 50% số điểm.")
