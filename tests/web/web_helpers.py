"""Helpers shared by the web tests (a uniquely named module, importable from every test
file in this folder; ``conftest`` holds only fixtures)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = "bao-cao-thi-dua"
FIXTURES = sorted((ROOT / "templates_docx" / TEMPLATE / "fixtures").glob("*.json"))
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def load_fixture(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text("utf-8"))


def fixture_named(prefix: str) -> Path:
    return next(p for p in FIXTURES if p.stem.startswith(prefix))


def docx_text(data: bytes) -> str:
    """Every paragraph of a .docx body (table cells included), one per line."""
    document = docx.Document(io.BytesIO(data))
    paragraphs = document.element.body.iter(qn("w:p"))
    # a line break inside a paragraph (vanban breaks long agency names) reads as a space
    return "\n".join("".join((t.text or "") if t.tag == qn("w:t") else " "
                              for t in p.iter(qn("w:t"), qn("w:br"))) for p in paragraphs)
