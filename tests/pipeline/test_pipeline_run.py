"""One pass per request: pipeline.run validates, builds the context and renders once."""

from __future__ import annotations

import io

import docx
import pytest

import vanban
from conftest import FIXTURES, TEMPLATE, count_calls, fixture_data
from vanban import pipeline
from vanban.context import envelope as envelope_context


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    calls = {"validate": 0, "context": 0}
    # every validation pass goes through _validate_loaded (validate() and run() alike)
    count_calls(monkeypatch, pipeline, "_validate_loaded", calls, "validate")
    count_calls(monkeypatch, envelope_context, "build", calls, "context")
    return calls


def test_run_returns_the_document_and_its_names(counted: dict[str, int]) -> None:
    result = pipeline.run(TEMPLATE, fixture_data("nha-nuoc-mau-01-tong-ket-2021"))
    assert counted == {"validate": 1, "context": 1}
    assert result.ky_hieu == "BC-STNMT-VP"
    assert result.filename.startswith("05-BC-STNMT-VP Tổng kết phong trào thi đua")
    assert result.filename.endswith(".docx")
    assert result.envelope.so == 5 and result.context["ky_hieu"] == result.ky_hieu
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(result.docx)).paragraphs)
    assert "Tổng kết phong trào thi đua" in text
    assert vanban.render_result(TEMPLATE, fixture_data("nha-nuoc-mau-01-tong-ket-2021")
                                ).filename == result.filename


def test_web_request_takes_one_pass(counted: dict[str, int]) -> None:
    from vanban.web import create_app

    client = create_app({"TESTING": True}).test_client()
    response = client.post(f"/api/v1/documents/{TEMPLATE}",
                           json=fixture_data("dang-yen-bai-so-ket-6-thang-2022"))
    assert response.status_code == 200
    assert counted == {"validate": 1, "context": 1}
    assert "BC-%C4%90UK" in response.headers["Content-Disposition"]


def test_cli_render_into_a_folder_names_the_file(tmp_path, counted) -> None:
    from vanban.cli import main

    assert main(["render", TEMPLATE, str(FIXTURES["nha-nuoc-mau-01-tong-ket-2021"]),
                 "-o", str(tmp_path)]) == 0
    assert counted == {"validate": 1, "context": 1}
    (made,) = tmp_path.iterdir()
    assert made.name.startswith("05-BC-STNMT-VP ") and made.suffix == ".docx"


def test_the_template_is_resolved_once_per_document(monkeypatch):
    """One request turns the template id into its spec once and passes the spec down
    (before: validate, context and the title each looked it up again)."""
    from vanban.templates import REGISTRY

    calls = []
    get = REGISTRY.get

    def counting(template_id):
        calls.append(template_id)
        return get(template_id)

    REGISTRY.compiled(TEMPLATE, "nha-nuoc")  # compiled already: no lookup for compiling
    monkeypatch.setattr(REGISTRY, "get", counting)
    result = pipeline.run(TEMPLATE, fixture_data("nha-nuoc-mau-01-tong-ket-2021"))
    assert result.docx[:2] == b"PK" and calls == [TEMPLATE]
