"""Shared test fixtures: the seed fixtures, rendered once per session, and their facts."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lxml import etree

import vanban
from vanban.check.docx_facts import DocFacts, load

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"
#: The báo cáo's seed fixtures (../shared/seeds), one per family of the seeds: the end-to-end
#: tests hold expectations for each (dates, award order). Fixtures written without a seed (the
#: Đoàn family's: docs/the-thuc-doan.md) are covered by the template battery instead.
SEEDED = ("nha-nuoc-mau-01-tong-ket-2021", "dang-yen-bai-so-ket-6-thang-2022",
          "cong-doan-binh-phuoc-tong-ket-2022")
FIXTURES = {p.stem: p for p in sorted((ROOT / "templates_docx" / TEMPLATE / "fixtures")
                                      .glob("*.json")) if p.stem in SEEDED}


def fixture_data(name: str) -> dict:
    return json.loads(FIXTURES[name].read_text("utf-8"))


@pytest.fixture(scope="session")
def rendered() -> dict[str, bytes]:
    """Every fixture rendered once: name → .docx bytes."""
    return {name: vanban.render(TEMPLATE, fixture_data(name)) for name in FIXTURES}


@pytest.fixture(scope="session")
def facts(rendered: dict[str, bytes]) -> dict[str, DocFacts]:
    return {name: load(data) for name, data in rendered.items()}


def document_text(doc: DocFacts) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


# Hypothesis: bounded by default so the suite stays fast; HYPOTHESIS_PROFILE=long digs deeper.
try:
    import os

    from hypothesis import HealthCheck, settings

    settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("long", max_examples=500, deadline=None)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
except ImportError:  # hypothesis is a test extra; the suite skips its tests without it
    pass


# Ký số (tests/kyso): a throw-away PKI written at test time (never committed), its images, and
# one warm LibreOffice. They live here rather than in tests/kyso/conftest.py: a second module
# named ``conftest`` shadows this one for the ``from conftest import …`` of the folders collected
# after it. ``pki`` is tests/kyso/pki.py, on the path while a test of that folder runs.
@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory):
    from pki import make_pki

    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from pki import seal_png, signature_png

    folder = tmp_path_factory.mktemp("anh")
    (folder / "chu-ky.png").write_bytes(signature_png())
    (folder / "dau.png").write_bytes(seal_png())
    return {"chu_ky": folder / "chu-ky.png", "dau": folder / "dau.png"}


@pytest.fixture(scope="session")
def warm() -> Iterator:
    from vanban.pdf.warm import WarmConverter

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    converter = WarmConverter(size=1)
    yield converter
    converter.close()


def edit_document(docx: bytes, change: Callable[[etree._Element], None]) -> bytes:
    """``docx`` with ``change(root)`` applied to its ``word/document.xml`` (a document spoiled
    on purpose, for the checkers to find)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(src.read("word/document.xml"))
    change(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            z.writestr(item, data)
    return out.getvalue()


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str,
                calls: dict[str, int], key: str) -> None:
    """Replace ``owner.name`` with a wrapper that adds 1 to ``calls[key]`` at each call, then
    calls the original (to check that a step runs once per document)."""
    real = getattr(owner, name)

    def counting(*args, **kwargs):  # noqa: ANN202 — passes through whatever it wraps
        calls[key] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
