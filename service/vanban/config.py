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
