"""Errors as data.

Every problem vanban reports is a :class:`Problem`: a stable ``code`` that programs can
switch on, a ``path`` saying where it happened (a JSON path such as
``noi_dung.khen_thuong[2].ten`` for input, or ``template.docx:document.xml line 14`` for a
template), a Vietnamese ``message`` for people and an English ``message_en`` for logs.

Exceptions carry a list of problems so that one call reports *every* mistake at once:

* :class:`InputError` — the JSON a user sent is wrong (HTTP 422, CLI exit 2).
* :class:`LimitError` — an :class:`InputError` over a configured limit (HTTP 413).
* :class:`TemplateError` — a .docx template is broken (found while compiling it).
* :class:`TemplateFaultError` — a template the user uploaded is broken (HTTP 422).
* :class:`UnknownTemplateError` — no template with that id (HTTP 404).
* :class:`ConversionError` — PDF conversion is impossible or failed (HTTP 503);
  :class:`ConversionTimeout` — the converter did not answer in time (HTTP 504).
* :class:`BusyError` — every slot for heavy work is taken (HTTP 503, ``Retry-After``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from vanban.error_codes import check as check_code

#: Where a problem of an imported Excel workbook is: sheet name, row number, column letter.
CELL_KEYS = ("sheet", "row", "column")


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake, located."""

    code: str
    path: str
    message: str
    message_en: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if not data["extra"]:
            del data["extra"]
        if "sheet" in self.extra:  # a cell of an imported workbook: sheet, row, column
            for key in CELL_KEYS:
                data[key] = self.extra.get(key)
        return data

    def __str__(self) -> str:
        return f"{self.path or '(gốc)'}: {self.message}"


class VanbanError(Exception):
    """Base class: carries one or more :class:`Problem` objects."""

    status = 500
    title = "Lỗi"

    def __init__(self, problems: list[Problem] | Problem):
        self.problems: list[Problem] = (
            [problems] if isinstance(problems, Problem) else list(problems)
        )
        super().__init__("\n".join(str(p) for p in self.problems))

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "status": self.status,
            "problems": [p.to_dict() for p in self.problems],
        }


class InputError(VanbanError):
    """The input data does not satisfy the template's contract."""

    status = 422
    title = "Dữ liệu đầu vào chưa hợp lệ"


class LimitError(InputError):
    """The input exceeds a configured limit (HTTP 413). Its problems name the limit
    (``extra["limit"]``, the :mod:`vanban.config` field) and its value (``extra["max"]``)."""

    status = 413
    title = "Dữ liệu vượt giới hạn cho phép"


class UnknownTemplateError(VanbanError):
    status = 404
    title = "Không có mẫu văn bản này"

    def __init__(self, template_id: str, known: list[str]):
        super().__init__(
            Problem(
                code="template.unknown",
                path="template_id",
                message=(
                    f"Không có mẫu văn bản “{template_id}”. "
                    f"Các mẫu hiện có: {', '.join(known)}."
                ),
                message_en=f"unknown template {template_id!r}; known: {', '.join(known)}",
                extra={"known": known},
            )
        )


class TemplateError(VanbanError):
    """A .docx template (or content block) cannot be compiled or rendered."""

    status = 500
    title = "Mẫu .docx có lỗi"


class TemplateFaultError(InputError):
    """A template the user sent (the designer's upload) cannot be rendered: the fault is in
    the template, not in the data nor the server (HTTP 422)."""

    title = "Mẫu tải lên có lỗi"


class ConversionError(VanbanError):
    """PDF conversion is not available or failed."""

    status = 503
    title = "Không chuyển được sang PDF"


class ConversionTimeout(ConversionError):
    """The PDF converter hung and was stopped (code ``pdf.timeout``)."""

    status = 504
    title = "Chuyển sang PDF quá thời gian"


class BusyError(VanbanError):
    """Every slot for heavy work (sandboxed renders, checks, conversions) is taken (HTTP 503
    with ``Retry-After``; code ``server.busy``). :mod:`vanban.ops.slots`."""

    status = 503
    title = "Máy chủ đang bận"
    slug = "busy"

    def __init__(self, problems: list[Problem] | Problem, retry_after: int = 5):
        super().__init__(problems)
        self.retry_after = retry_after


def problem(code: str, path: str, message: str, message_en: str = "", **extra: Any) -> Problem:
    """Shorthand used across the code base. ``code`` must be in the catalogue
    (:mod:`vanban.error_codes`, one line of ``error_codes.toml``): an unlisted code raises
    :class:`vanban.error_codes.UnlistedCode`."""
    return Problem(code=check_code(code), path=path, message=message, message_en=message_en,
                   extra=extra)
