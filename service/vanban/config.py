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
    uno_python: str = Field(
        "", description="Trình Python có mô-đun uno của LibreOffice (Debian: /usr/bin/python3 "
        "với gói python3-uno); để trống thì tự tìm. Interpreter that can import uno.")
    gotenberg_url: str = Field(
        "", description="Địa chỉ dịch vụ Gotenberg (ví dụ http://gotenberg:3000) để chuyển "
        "PDF ở máy khác. Gotenberg base URL.")

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
