"""Configuration in one place: every ``VANBAN_*`` environment variable is a field here.

    from vanban.config import get_settings
    settings = get_settings()          # read once from the environment, then cached
    settings.templates_dirs            # extra template folders (VANBAN_TEMPLATES_PATH)

Add a setting by adding a field (its name is the variable without the prefix, lower case) with
a default and a ``description``; the description is what ``docs/configuration.md`` and
``vanban config`` show. Tests that change the environment call :func:`reload_settings`.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """The effective configuration of this process."""

    model_config = SettingsConfigDict(env_prefix="VANBAN_", extra="ignore",
                                      validate_default=True)

    templates_path: str = Field(
        "", description="Thư mục chứa thêm mẫu văn bản (mỗi mẫu một thư mục con), nhiều thư "
        "mục ngăn cách bằng dấu “:” (Windows: “;”). Extra template folders, os.pathsep-separated.")
    content_blocks: str = Field(
        "", description="Thư mục khối thể thức thay cho khối có sẵn. Override of the "
        "content_blocks folder (the family shells).")
    pdf: str = Field(
        "auto", description="Bộ chuyển PDF: auto, libreoffice hoặc word. PDF backend.")
    soffice: str = Field(
        "", description="Đường dẫn tới chương trình soffice của LibreOffice. Path to soffice.")
    pdf_concurrency: int = Field(
        2, ge=1, le=64, description="Số tiến trình LibreOffice chạy cùng lúc. Concurrent "
        "LibreOffice conversions.")

    batch_workers: int = Field(
        0, ge=0, le=256, description="Số tiến trình tạo văn bản song song trong một lô (0 = "
        "mọi nhân CPU). Worker processes per batch (0 = every core).")
    batch_max_bytes: int = Field(
        64 * 1024 * 1024, ge=1, description="Dung lượng tối đa của dữ liệu một lô gửi qua "
        "HTTP (byte). Request body limit of POST /api/v1/batch.")
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
    render_timeout: float = Field(
        30.0, gt=0, description="Thời gian tối đa (giây) để tạo một văn bản .docx trong dịch vụ "
        "web. Render time limit of the web service, seconds.")

    @property
    def templates_dirs(self) -> list[Path]:
        return [Path(p) for p in self.templates_path.split(os.pathsep) if p.strip()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def reload_settings() -> Settings:
    """Forget the cached settings and read the environment again (for tests)."""
    get_settings.cache_clear()
    return get_settings()
