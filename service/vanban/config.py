"""Configuration in one place: every ``VANBAN_*`` environment variable is a field here.

    from vanban.config import get_settings
    settings = get_settings()          # read once from the environment, then cached
    settings.templates_dirs            # extra template folders (VANBAN_TEMPLATES_PATH)

Add a setting by adding a field (its name is the variable without the prefix, lower case) with
a default and a ``description`` (Vietnamese, then English); the description is what
``docs/configuration.md`` (``tools/build_config_doc.py``) and ``vanban config`` show. Tests that
change the environment call :func:`reload_settings`. A bad value raises :class:`ConfigError`
naming the variable (:func:`load_settings`); ``vanban serve``, ``vanban worker`` and gunicorn
stop with exit code 2 (:mod:`vanban.ops.config_cli`).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from vanban.errors import Problem, VanbanError

MiB = 1024 * 1024


#: The variables' prefix (matched without regard to case, as the field names).
PREFIX = "VANBAN_"


def _from_environ() -> dict[str, str]:
    """``VANBAN_PDF_TIMEOUT=30`` → ``{"pdf_timeout": "30"}`` (pydantic converts the text)."""
    n = len(PREFIX)
    return {key[n:].lower(): value for key, value in os.environ.items()
            if key[:n].upper() == PREFIX}


class Settings(BaseModel):
    """The effective configuration of this process: built from the ``VANBAN_*`` environment
    variables (keyword arguments take precedence). A plain pydantic model, not
    pydantic-settings' ``BaseSettings``: every field is a string, number or flag read from
    one variable, and pydantic-settings costs a command ~50 ms of imports at start-up."""

    model_config = ConfigDict(extra="ignore", validate_default=True)

    def __init__(self, **values: Any) -> None:
        super().__init__(**{**_from_environ(), **values})

    # --- templates ---------------------------------------------------------------------------
    templates_path: str = Field(
        "", description="Thư mục chứa thêm mẫu văn bản (mỗi mẫu một thư mục con), nhiều thư "
        "mục ngăn cách bằng dấu “:” (Windows: “;”). Extra template folders, os.pathsep-separated.")
    content_blocks: str = Field(
        "", description="Thư mục khối thể thức thay cho khối có sẵn. Override of the "
        "content_blocks folder (the family shells).")
    warm_templates: bool = Field(
        True, description="Biên dịch mọi mẫu khi khởi động. Compile every template at start.")
    template_cache: str = Field(
        "auto", description="Nơi lưu mẫu đã biên dịch để lần chạy sau (vanban batch, vanban "
        "render) khỏi biên dịch lại: auto ($XDG_CACHE_HOME/vanban/templates, không có thì "
        "~/.cache/vanban/templates), một thư mục, hoặc off (không lưu). Compiled templates "
        "kept on disk between processes: auto, a folder, or off.")

    # --- PDF ---------------------------------------------------------------------------------
    pdf: str = Field(
        "auto", description="Bộ chuyển PDF: auto (Word nếu có, rồi Gotenberg nếu có "
        "VANBAN_GOTENBERG_URL, rồi LibreOffice chạy sẵn), warm (LibreOffice chạy sẵn), "
        "libreoffice (mỗi lần một LibreOffice mới), word, gotenberg. PDF backend.")
    soffice: str = Field(
        "", description="Đường dẫn tới chương trình soffice của LibreOffice. Path to soffice.")
    pdf_concurrency: int = Field(
        2, ge=1, le=64, description="Số tiến trình LibreOffice chạy cùng lúc. Concurrent "
        "LibreOffice conversions (warm: at most this many processes, started when needed).")
    pdf_timeout: float = Field(
        60.0, gt=0, le=3600, description="Số giây tối đa cho một lần chuyển PDF; quá hạn thì "
        "dừng LibreOffice và báo lỗi pdf.timeout (504). Seconds per conversion.")
    pdf_contain: Literal["auto", "bwrap", "unshare", "off"] = Field(
        "auto", description="Cách ly LibreOffice: bwrap (không mạng, chỉ đọc được thư mục làm "
        "việc), unshare (chỉ cắt mạng), auto (bwrap nếu chạy được, rồi unshare), off. "
        "Containment of LibreOffice (docs/security.md).")
    uno_python: str = Field(
        "", description="Trình Python có mô-đun uno của LibreOffice (Debian: /usr/bin/python3 "
        "với gói python3-uno); để trống thì tự tìm. Interpreter that can import uno.")
    gotenberg_url: str = Field(
        "", pattern=r"^(https?://\S+)?$", description="Địa chỉ dịch vụ Gotenberg (ví dụ "
        "http://gotenberg:3000) để chuyển PDF ở máy khác. Gotenberg base URL.")

    # --- HTTP server -------------------------------------------------------------------------
    bind: str = Field(
        "127.0.0.1:8000", min_length=1, description="Địa chỉ lắng nghe của gunicorn, nhiều địa "
        "chỉ ngăn cách bằng dấu phẩy. Address(es) gunicorn binds, comma-separated.")
    workers: int = Field(
        0, ge=0, le=64, description="Số tiến trình gunicorn; 0 = tự động (2 × CPU + 1, tối đa "
        "8). Gunicorn worker processes; 0 = automatic.")
    threads: int = Field(
        4, ge=1, le=256, description="Số luồng mỗi tiến trình (gunicorn và vanban serve). "
        "Threads per worker process.")
    timeout: int = Field(
        120, ge=1, le=3600, description="Giây trước khi khởi động lại tiến trình bị treo. "
        "Seconds before a stuck worker is restarted.")
    log_level: Literal["debug", "info", "warning", "error", "critical"] = Field(
        "info", description="Mức ghi nhật ký. Log level.")
    log_format: Literal["text", "json"] = Field(
        "text", description="Dạng nhật ký: text (cho người đọc) hoặc json (mỗi yêu cầu một "
        "dòng JSON). Log format: text or one JSON object per line.")
    metrics: bool = Field(
        True, description="Mở /metrics cho Prometheus. Expose Prometheus metrics at /metrics.")
    metrics_token: str = Field(
        "", description="Nếu đặt: /metrics chỉ trả lời yêu cầu có “Authorization: Bearer "
        "<mã>”. If set, /metrics needs this bearer token (401 otherwise). Default: none.")
    metrics_bind: str = Field(
        "", pattern=r"^(\S+:\d+)?$", description="Nếu đặt (vd. 127.0.0.1:9464): /metrics "
        "chạy ở cổng riêng này và không còn ở cổng của ứng dụng. If set, metrics are served "
        "on this host:port only (not on the app port).")

    # --- limits ------------------------------------------------------------------------------
    heavy_concurrency: int = Field(
        0, ge=0, le=256, description="Số việc nặng (kiểm tra tệp, rà soát và điền mẫu tải lên, "
        "chuyển PDF) chạy cùng lúc trong một tiến trình; 0 = một nửa số luồng. Heavy-work "
        "slots per process (0 = half of VANBAN_THREADS, at least 1); beyond: 503.")
    heavy_wait: float = Field(
        0.5, ge=0, le=60, description="Số giây chờ một chỗ trống trước khi trả 503. Seconds a "
        "request waits for a heavy-work slot before 503 server.busy.")
    heavy_retry_after: int = Field(
        5, ge=1, le=3600, description="Giá trị Retry-After (giây) của trả lời 503 khi bận. "
        "Retry-After of the 503 server.busy answer, seconds.")
    max_content_length: int = Field(
        2 * MiB, ge=1, description="Giới hạn dữ liệu gửi lên (byte): JSON, biểu mẫu. "
        "Request body limit in bytes.")
    check_max_content_length: int = Field(
        10 * MiB, ge=1, description="Giới hạn tệp .docx gửi kiểm tra thể thức (byte). "
        "Upload limit of the format check in bytes.")

    # --- queue -------------------------------------------------------------------------------
    redis_url: str = Field(
        "", pattern=r"^((redis|rediss|unix)://\S+)?$", description="Redis cho hàng đợi lô "
        "(vd. redis://redis:6379/0); để trống thì tắt /api/v1/jobs. Redis URL of the batch "
        "queue; empty disables jobs.")
    queue_name: str = Field(
        "vanban", min_length=1, description="Tên hàng đợi RQ. RQ queue name.")
    job_max_items: int = Field(
        2000, ge=1, description="Số văn bản tối đa trong một lô. Most documents in one job.")
    job_chunk_size: int = Field(
        25, ge=1, le=10000, description="Số văn bản mỗi phần việc giao cho một worker. "
        "Documents per chunk handed to one worker.")
    job_max_content_length: int = Field(
        16 * MiB, ge=1, description="Giới hạn dữ liệu gửi lên của một lô (byte). Request "
        "body limit of POST /api/v1/jobs in bytes.")
    job_max_queue_depth: int = Field(
        400, ge=1, description="Số phần việc tối đa đang chờ trong hàng đợi (mỗi phần "
        "VANBAN_JOB_CHUNK_SIZE văn bản); đầy thì từ chối lô mới (503, Retry-After). Chunks "
        "waiting in the queue before new jobs get 503 queue.full.")
    job_timeout: int = Field(
        3600, ge=10, description="Giây tối đa cho một lô. Seconds a job may run.")
    job_result_ttl: int = Field(
        86400, ge=60, description="Giây giữ kết quả lô (tệp zip) trong Redis. Seconds a "
        "job's zip is kept.")

    @field_validator("templates_path")
    @classmethod
    def _folders_exist(cls, value: str) -> str:
        for part in value.split(os.pathsep):
            if part.strip() and not Path(part).is_dir():
                raise PydanticCustomError(
                    "config.not_a_directory", "không có thư mục “{folder}”.",
                    {"folder": part, "en": f"no directory {part!r}"})
        return value

    @field_validator("content_blocks")
    @classmethod
    def _blocks_exist(cls, value: str) -> str:
        return cls._folders_exist(value) if value else value

    batch_workers: int = Field(
        0, ge=0, le=256, description="Số tiến trình tạo văn bản song song trong một lô, kể cả "
        "tiến trình nhận lô (0 = mọi nhân CPU). Processes rendering a batch, the one receiving "
        "it included: a pool of N − 1 (0 = every core).")
    batch_max_bytes: int = Field(
        64 * 1024 * 1024, ge=1, description="Dung lượng tối đa của dữ liệu một lô gửi qua "
        "HTTP (byte). Request body limit of POST /api/v1/batch.")
    batch_max_items: int = Field(
        2000, ge=1, description="Số văn bản tối đa của một lô gửi qua POST /api/v1/batch "
        "(.docx). Items per synchronous batch.")
    batch_max_pdf_items: int = Field(
        200, ge=1, description="Số văn bản tối đa của một lô /api/v1/batch?format=pdf (mỗi "
        "văn bản một lần chuyển LibreOffice). Items per synchronous PDF batch.")
    # ---- limits on what clients send (docs/security.md); each is named in its error
    upload_max_inflated_bytes: int = Field(
        64 * 1024 * 1024, ge=1024, description="Tổng dung lượng tối đa của một tệp .docx tải "
        "lên sau khi giải nén. Total inflated size of an uploaded .docx, bytes.")
    upload_max_ratio: int = Field(
        200, ge=2, description="Tỷ lệ nén tối đa của một phần trong tệp .docx (chặn zip bomb). "
        "Compression ratio limit of one part of an uploaded .docx.")
    upload_max_parts: int = Field(
        2000, ge=10, description="Số phần (tệp con) tối đa trong một tệp .docx. Parts limit.")
    upload_max_xml_depth: int = Field(
        200, ge=16, le=10000, description="Độ sâu lồng nhau tối đa của XML trong tệp .docx. "
        "XML nesting depth limit of an uploaded .docx.")
    upload_max_paragraphs: int = Field(
        20_000, ge=100, description="Số đoạn văn tối đa của một tệp .docx tải lên (kiểm tra thể "
        "thức, mẫu thiết kế); nhiều hơn thì từ chối ngay, không đọc. Paragraphs per uploaded "
        ".docx (check-format, designer): refused before parsing.")
    upload_max_elements: int = Field(
        1_000_000, ge=1000, description="Số phần tử XML tối đa (mọi phần của tệp .docx tải lên "
        "cộng lại). XML elements per uploaded .docx, all parts together.")
    check_timeout: float = Field(
        20.0, gt=0, le=600, description="Thời gian tối đa (giây) kiểm tra thể thức hoặc rà soát "
        "(lint) một tệp tải lên; chạy trong tiến trình riêng, quá hạn thì dừng. Time limit of "
        "one format check or template lint (run in a worker process).")
    check_memory_mb: int = Field(
        1024, ge=0, description="Bộ nhớ tối đa (MiB) của tiến trình kiểm tra thể thức / rà soát "
        "mẫu; 0 = không giới hạn. Address-space limit of the check/lint worker process.")
    json_max_depth: int = Field(
        32, ge=4, description="Độ sâu lồng nhau tối đa của dữ liệu JSON. JSON nesting depth.")
    json_max_list: int = Field(
        5000, ge=1, description="Số phần tử tối đa của một danh sách trong dữ liệu JSON. "
        "Items per JSON list.")
    json_max_string: int = Field(
        20000, ge=100, description="Số ký tự tối đa của một chuỗi trong dữ liệu JSON. "
        "Characters per JSON string.")
    json_max_paragraphs: int = Field(
        10000, ge=10, description="Số đoạn văn tối đa của một văn bản (chuỗi và dòng trong dữ "
        "liệu). Paragraphs (strings and their lines) per document.")
    embed_data: bool = Field(
        True, description="Lưu mã mẫu, phiên bản vanban và dữ liệu nhập vào trong tệp .docx "
        "(một phần customXml) để “Mở lại văn bản đã làm”; false để không lưu. Embed the "
        "template id, vanban version and input data in every .docx (reopen).")
    render_timeout: float = Field(
        30.0, gt=0, description="Thời gian tối đa (giây) để tạo một văn bản .docx trong dịch vụ "
        "web. Render time limit of the web service, seconds.")
    designer_timeout: float = Field(
        5.0, gt=0, le=600, description="Thời gian tối đa (giây) điền một mẫu tải lên. Time "
        "limit of one render of an uploaded template.")
    designer_max_output: int = Field(
        20_000_000, ge=10_000, description="Số ký tự XML tối đa một lần điền mẫu tải lên sinh "
        "ra. Output-size limit of one render of an uploaded template (characters of XML).")
    preview_max_pages: int = Field(
        20, ge=1, le=1000, description="Số trang tối đa có ảnh trong một lần xem trước mẫu "
        "(trang sau đó không được vẽ; page_count vẫn cho biết tổng số). Page images per "
        "designer preview.")
    designer_memory_mb: int = Field(
        1024, ge=0, description="Bộ nhớ tối đa (MiB) của tiến trình điền mẫu tải lên; 0 = "
        "không giới hạn. Address-space limit of the worker rendering an uploaded template.")

    @property
    def templates_dirs(self) -> list[Path]:
        return [Path(p) for p in self.templates_path.split(os.pathsep) if p.strip()]


class ConfigError(VanbanError):
    """A ``VANBAN_*`` variable has a value vanban cannot use."""

    status = 500
    title = "Cấu hình sai / Invalid configuration"


def env_name(field: str) -> str:
    return "VANBAN_" + field.upper()


def problems_of(exc: ValidationError) -> list[Problem]:
    """pydantic's errors on :class:`Settings` → problems whose path is the variable's name."""
    from vanban.model.problems import from_validation_error

    out = []
    for err, p in zip(exc.errors(include_url=False), from_validation_error(exc), strict=True):
        name = env_name(str(err["loc"][0])) if err["loc"] else "VANBAN_*"
        value = os.environ.get(name, "")
        out.append(Problem(
            code="config.invalid", path=name,
            message=f"Biến môi trường {name}={value!r} không hợp lệ: {p.message}",
            message_en=f"Environment variable {name}={value!r} is invalid: "
                       f"{(err.get('ctx') or {}).get('en') or err['msg']}"))
    return out


def load_settings() -> Settings:
    """Read the environment; a bad value raises :class:`ConfigError` naming the variable."""
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigError(problems_of(exc)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()


def reload_settings() -> Settings:
    """Forget the cached settings and read the environment again (for tests)."""
    get_settings.cache_clear()
    return get_settings()
