"""Pydantic models of what the HTTP API returns.

The handlers build their JSON from these models and :mod:`vanban.web.openapi` publishes
their ``model_json_schema`` in the OpenAPI document, so the documentation and the wire
format cannot drift apart.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from vanban.the_thuc.families import FamilyId


class ProblemItem(BaseModel):
    """One located mistake (mirrors :class:`vanban.errors.Problem`)."""

    model_config = ConfigDict(title="ProblemItem")

    code: str = Field(description="Mã lỗi ổn định cho chương trình.", examples=["input.missing"])
    path: str = Field(description="Vị trí: đường dẫn JSON (noi_dung.khen_thuong[2].ten), "
                      "“dòng X, cột Y” với lỗi cú pháp, hoặc rỗng cho toàn bộ dữ liệu.",
                      examples=["nguoi_ky.chuc_vu"])
    message: str = Field(description="Thông báo tiếng Việt cho người dùng.",
                         examples=["Thiếu trường bắt buộc."])
    message_en: str = Field("", description="English message for logs.",
                            examples=["Field required"])
    extra: dict[str, Any] | None = Field(None, description="Thông tin thêm (tùy lỗi).")
    sheet: str | None = Field(None, description="Tệp Excel nhập vào: tên trang tính có lỗi.",
                              examples=["Tiêu chí"])
    row: int | None = Field(None, description="Tệp Excel nhập vào: số dòng (như Excel đánh "
                            "số, từ 1).", examples=[4])
    column: str | None = Field(None, description="Tệp Excel nhập vào: cột (chữ cái như "
                               "Excel: A, B … AA).", examples=["H"])


class ProblemDetails(BaseModel):
    """RFC 9457 problem details, extended with the list of every mistake found."""

    model_config = ConfigDict(title="ProblemDetails")

    type: str = Field(description="URI mô tả loại lỗi (trỏ tới trang tài liệu API).",
                      examples=["/api/v1/docs#problem-invalid-input"])
    title: str = Field(description="Tóm tắt loại lỗi (tiếng Việt).",
                       examples=["Dữ liệu đầu vào chưa hợp lệ"])
    status: int = Field(description="Mã trạng thái HTTP.", examples=[422])
    detail: str = Field(description="Giải thích cho lần lỗi này (tiếng Việt).",
                        examples=["Có 2 lỗi trong dữ liệu."])
    instance: str = Field(description="Đường dẫn của yêu cầu gây lỗi.",
                          examples=["/api/v1/documents/bao-cao-thi-dua"])
    problems: list[ProblemItem] = Field(description="Mọi lỗi tìm thấy, mỗi lỗi một vị trí.")
    request_id: str | None = Field(None, description="Mã yêu cầu (như tiêu đề X-Request-ID) "
                                   "để tìm trong nhật ký máy chủ.", examples=["4f1c…"])


class TemplateInfo(BaseModel):
    """One document type."""

    model_config = ConfigDict(title="TemplateInfo")

    id: str = Field(examples=["bao-cao-thi-dua"])
    title: str = Field(description="Tên loại văn bản.")
    description: str = Field(description="Mô tả nội dung và phạm vi dùng.")
    loai_van_ban: str = Field(description="Tên loại văn bản in trên văn bản.",
                              examples=["BÁO CÁO"])
    families: list[FamilyId] = Field(  # type: ignore[valid-type]
        description="Các thể thức mẫu hỗ trợ.")
    overrides: bool = Field(False, description="Mẫu của đơn vị (thư mục trên "
                            "VANBAN_TEMPLATES_PATH) thay cho mẫu có sẵn cùng mã. True when a "
                            "folder on VANBAN_TEMPLATES_PATH replaces the built-in of this id.")


class TemplateList(BaseModel):
    model_config = ConfigDict(title="TemplateList")

    templates: list[TemplateInfo]
    problems: list[ProblemItem] = Field(
        default_factory=list,
        description="Thư mục mẫu bị lỗi (mỗi lỗi nêu thư mục và lỗi); các mẫu khác vẫn dùng được.")


class ValidationResult(BaseModel):
    model_config = ConfigDict(title="ValidationResult")

    valid: Literal[True] = True


class Health(BaseModel):
    model_config = ConfigDict(title="Health")

    status: Literal["ok"] = "ok"


class TemplatesStatus(BaseModel):
    model_config = ConfigDict(title="TemplatesStatus")

    loaded: int = Field(description="Số mẫu văn bản đã đọc.")
    compiled: int = Field(description="Số cặp (mẫu, thể thức) đã biên dịch.")


class ConverterStatus(BaseModel):
    model_config = ConfigDict(title="ConverterStatus", extra="allow")

    name: str = Field(examples=["libreoffice"])
    available: bool = Field(description="Có xuất được PDF trên máy chủ này không.")


class Readiness(BaseModel):
    model_config = ConfigDict(title="Readiness")

    status: Literal["ready", "not-ready"]
    templates: TemplatesStatus | None = None
    pdf: ConverterStatus
    problems: list[ProblemItem] | None = None


Family = FamilyId


class CheckLocation(BaseModel):
    """Where a finding happens (mirrors :class:`vanban.check.report.Location`)."""

    model_config = ConfigDict(title="CheckLocation")

    paragraph_index: int | None = Field(
        description="Số thứ tự đoạn văn (đếm từ 0, theo thứ tự trong văn bản, kể cả đoạn trong "
                    "bảng); null khi lỗi thuộc cả trang (khổ giấy, lề…).", examples=[4])
    text: str = Field(description="Trích đoạn văn (tối đa 60 ký tự, “…” khi bị cắt).",
                      examples=["Số: 5/BC-UBND"])
    part: str = Field(description="“document” (thân văn bản) hoặc tên phần đầu/chân trang "
                      "(word/header1.xml…).", examples=["document"])


class CheckFinding(BaseModel):
    """One broken rule (mirrors :meth:`vanban.check.report.Finding.to_dict`)."""

    model_config = ConfigDict(title="CheckFinding")

    rule_id: str = Field(description="Mã quy tắc ổn định.", examples=["so-ky-hieu.padding"])
    title: str = Field(description="Tên quy tắc.", examples=["Số nhỏ hơn 10 ghi thêm số 0"])
    severity: Literal["error", "warning"] = Field(
        description="error: trái quy định đã đối chiếu văn bản gốc; warning: theo nguồn thứ "
                    "cấp, nên xem lại.")
    source: str = Field(description="Căn cứ của quy tắc.",
                        examples=["Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3"])
    message: str = Field(description="Thông báo tiếng Việt.",
                         examples=["Số nhỏ hơn 10 ghi thêm số 0 phía trước"])
    expected: str = Field(description="Điều quy định yêu cầu (“cần”).", examples=["05"])
    found: str = Field(description="Điều thấy trong văn bản (“thấy”).", examples=["5"])
    location: CheckLocation
    count: int = Field(ge=1, description="Số chỗ có cùng lỗi (cùng quy tắc, cần và thấy).")
    paragraphs: list[int] = Field(description="Số thứ tự (từ 0) của mọi đoạn có lỗi này.")


class CheckReport(BaseModel):
    """The result of ``POST /api/v1/check-format`` (:meth:`vanban.check.report.Report.to_dict`)."""

    model_config = ConfigDict(title="CheckReport")

    family: Family = Field(description="Thể thức đã dùng để kiểm tra.")
    family_name: str = Field(description="Tên thể thức và văn bản quy định.",
                             examples=["Nhà nước (Nghị định 30/2020/NĐ-CP)"])
    detected: bool = Field(description="true khi thể thức được tự nhận biết từ văn bản.")
    ok: bool = Field(description="true khi không có lỗi (có thể còn cảnh báo).")
    errors: int = Field(ge=0, description="Số lỗi.")
    warnings: int = Field(ge=0, description="Số cảnh báo.")
    rules_checked: list[str] = Field(description="Các quy tắc đã áp dụng cho thể thức này.")
    findings: list[CheckFinding] = Field(description="Các lỗi và cảnh báo, theo thứ tự trong "
                                         "văn bản (lỗi cả trang trước).")


#: Response models published under ``components/schemas``.
RESPONSE_MODELS: tuple[type[BaseModel], ...] = (
    ProblemDetails, TemplateList, ValidationResult, Health, Readiness, CheckReport,
)
