"""The OpenAPI 3.1 document: valid, generated from the same pydantic models, covering every
route, and agreeing with real responses; the docs page is self-contained."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import TEMPLATE

import vanban
from vanban.templates import REGISTRY

_NEEDS = "pip install openapi-spec-validator (brings jsonschema); CI installs it"


@pytest.fixture(scope="module")
def spec(app: Flask) -> dict[str, Any]:
    response = app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    return response.get_json()


def _validator(spec: dict[str, Any], name: str) -> Any:
    """Validate against ``#/components/schemas/<name>`` with the whole document as root."""
    jsonschema = pytest.importorskip("jsonschema", reason=_NEEDS)
    return jsonschema.Draft202012Validator({"$ref": f"#/components/schemas/{name}",
                                 "components": spec["components"]})


def test_document_validates(spec: dict[str, Any]) -> None:
    assert spec["openapi"] == "3.1.0"
    validator = pytest.importorskip("openapi_spec_validator", reason=_NEEDS)
    validator.validate(spec)


def test_input_schema_is_the_pydantic_model(spec: dict[str, Any]) -> None:
    """Components hold exactly ``vanban.schema(id)`` — its $defs, and the envelope itself."""
    library = vanban.schema(TEMPLATE)
    components = spec["components"]["schemas"]

    def moved(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: (v.replace("#/$defs/", "#/components/schemas/") if k == "$ref"
                        else moved(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [moved(v) for v in node]
        return node

    for name, definition in library["$defs"].items():
        assert components[name] == moved(definition), name
    ref = template_ref(spec, TEMPLATE)
    envelope = components[ref.rsplit("/", 1)[1]]
    assert envelope["properties"] == moved(library["properties"])
    assert envelope["required"] == library["required"]
    assert envelope["title"] == REGISTRY.get(TEMPLATE).title


def test_every_route_is_documented(app: Flask, spec: dict[str, Any]) -> None:
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.startswith("ui."):
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            routes.add((path, method.lower()))
    documented = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert routes == documented


def template_ref(spec: dict[str, Any], template_id: str) -> str:
    """The input schema of one template, among the request body's alternatives."""
    from vanban.web.openapi import component_schemas

    ref = component_schemas()[1][template_id]
    schema = spec["paths"]["/api/v1/documents/{template_id}"]["post"]["requestBody"][
        "content"]["application/json"]["schema"]
    assert ref in [schema.get("$ref"), *(o["$ref"] for o in schema.get("anyOf", []))]
    return ref


def test_example_matches_the_schema(spec: dict[str, Any]) -> None:
    body = spec["paths"]["/api/v1/documents/{template_id}"]["post"]["requestBody"]
    example = body["content"]["application/json"]["examples"][TEMPLATE]["value"]
    assert example == vanban.example(TEMPLATE)
    ref = template_ref(spec, TEMPLATE).rsplit("/", 1)[1]
    _validator(spec, ref).validate(example)


@pytest.mark.parametrize(("url", "method", "name", "status"), [
    ("/api/v1/templates", "get", "TemplateList", 200),
    ("/healthz", "get", "Health", 200),
    ("/readyz", "get", "Readiness", 200),
    (f"/api/v1/validate/{TEMPLATE}", "post", "ValidationResult", 200),
    (f"/api/v1/validate/{TEMPLATE}", "post:bad", "ProblemDetails", 422),
    ("/api/v1/khong-co", "get", "ProblemDetails", 404),
    (f"/api/v1/documents/{TEMPLATE}", "post:text", "ProblemDetails", 415),
])
def test_responses_match_their_schemas(client: FlaskClient, spec: dict[str, Any], url: str,
                                       method: str, name: str, status: int) -> None:
    if method == "get":
        response = client.get(url)
    elif method == "post":
        response = client.post(url, json=vanban.example(TEMPLATE))
    elif method == "post:bad":
        response = client.post(url, json={"so": 0})
    else:
        response = client.post(url, data="x", content_type="text/plain")
    assert response.status_code == status
    _validator(spec, name).validate(response.get_json(force=True))


def test_problem_types_are_documented(client: FlaskClient, spec: dict[str, Any]) -> None:
    page = client.get("/api/v1/docs").get_data(as_text=True)
    for slug in ("malformed-request", "unknown-template", "method-not-allowed", "too-large",
                 "unsupported-media-type", "invalid-input", "pdf-unavailable", "internal"):
        assert f'id="problem-{slug}"' in page


def test_docs_page_lists_operations_and_is_self_contained(client: FlaskClient,
                                                         spec: dict[str, Any]) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    for path, item in spec["paths"].items():
        assert f"<code>{path}</code>" in page
        for op in item.values():
            assert f'id="{op["operationId"]}"' in page
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page), "external resource"
    assert "/api/v1/openapi.json" in page
