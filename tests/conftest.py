"""Shared test fixtures: the seed fixtures, rendered once per session, and their facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vanban
from vanban.check.docx_facts import DocFacts, load

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"
FIXTURES = {p.stem: p for p in sorted(
        (ROOT / "templates_docx" / TEMPLATE / "fixtures").glob("*.json"))}


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
