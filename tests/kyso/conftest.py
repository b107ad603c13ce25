"""Fixtures for the ký số tests: a throw-away PKI written at test time (never committed), one
warm LibreOffice for the whole session, and documents made ready to sign once per module."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pki import Pki, make_pki, seal_png, signature_png

from vanban.pdf.warm import WarmConverter


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("anh")
    (folder / "chu-ky.png").write_bytes(signature_png())
    (folder / "dau.png").write_bytes(seal_png())
    return {"chu_ky": folder / "chu-ky.png", "dau": folder / "dau.png"}


@pytest.fixture(scope="session")
def warm() -> Iterator[WarmConverter]:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    converter = WarmConverter(size=1)
    yield converter
    converter.close()
