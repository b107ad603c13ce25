"""The browsable API documentation: the OpenAPI document flattened for ``api_docs.html``.

No JavaScript and no CDN — the page is plain server-rendered HTML listing every operation,
its parameters, request media types (with the example body), responses and schemas.
"""

from __future__ import annotations

import json
from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")


def _ref_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[1] if isinstance(ref, str) else None


def _schema_label(schema: dict[str, Any]) -> str:
    name = _ref_name(schema)
    if name:
        return name
    if "anyOf" in schema:
        return " | ".join(_schema_label(s) for s in schema["anyOf"])
    label = schema.get("type", "")
    if "enum" in schema:
        label += " (" + ", ".join(str(v) for v in schema["enum"]) + ")"
    if "contentMediaType" in schema:
        label += f" [{schema['contentMediaType']}]"
    return label


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per operation, with refs to ``components/responses`` resolved."""
    shared = spec.get("components", {}).get("responses", {})
    out = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            responses = []
            for code, response in op.get("responses", {}).items():
                name = _ref_name(response)
                resolved = shared.get(name, {}) if name else response
                content = resolved.get("content", {})
                responses.append({
                    "code": code, "description": resolved.get("description", ""),
                    "media": [(m, _schema_label(c.get("schema", {}))) for m, c in content.items()],
                })
            body = op.get("requestBody", {}).get("content", {})
            examples = []
            for media in body.values():
                for key, example in media.get("examples", {}).items():
                    examples.append((key, json.dumps(example["value"], ensure_ascii=False,
                                                     indent=2)))
            out.append({
                "id": op.get("operationId", f"{method}-{path}"), "method": method.upper(),
                "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "tags": op.get("tags", []),
                "parameters": [{"name": p["name"], "in": p["in"], "required": p.get("required"),
                                "description": p.get("description", ""),
                                "schema": _schema_label(p.get("schema", {}))}
                               for p in op.get("parameters", [])],
                "body": [(m, _schema_label(c.get("schema", {}))) for m, c in body.items()],
                "examples": examples, "responses": responses,
            })
    return out


def schemas(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """``(name, pretty JSON)`` for every component schema."""
    items = spec.get("components", {}).get("schemas", {}).items()
    return [(name, json.dumps(s, ensure_ascii=False, indent=2)) for name, s in items]
