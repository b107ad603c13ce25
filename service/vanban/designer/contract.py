"""The data contract a template is linted against, as one plain JSON Schema.

docxtpl-lint walks ``properties``/``items`` only; vanban's schemas (pydantic) use ``$ref`` into
``$defs`` and ``anyOf`` for optional fields. :func:`inline` resolves both. A body template sees
the family shell's context plus ``noi_dung`` (and the context an installed template builds),
so :func:`body_schema` describes that, from a real context (:func:`schema_of`) and the input
schema. :func:`leaves` lists the fields of a schema or of data, for the unused-field warning.
"""

from __future__ import annotations

from typing import Any

import vanban


def inline(schema: dict[str, Any], root: dict[str, Any] | None = None,
           path: tuple[str, ...] = ()) -> dict[str, Any]:
    """``$ref`` resolved, ``anyOf``/``oneOf`` of non-null branches merged, recursively. A
    recursive definition (a section holding sections) is unrolled twice, then left open."""
    root = root or schema
    node = dict(schema)
    ref = node.pop("$ref", None)
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        if path.count(ref) >= 2:
            return {}
        node = {**root.get("$defs", {}).get(ref.rsplit("/", 1)[1], {}), **node}
        return inline(node, root, (*path, ref))
    for key in ("anyOf", "oneOf"):
        branches = [b for b in node.get(key, []) if b.get("type") != "null"]
        if branches:
            node.pop(key)
            merged: dict[str, Any] = {}
            for branch in branches:
                b = inline(branch, root, path)
                if "properties" in b:
                    merged.setdefault("properties", {}).update(b["properties"])
                for k, v in b.items():
                    if k != "properties":
                        merged.setdefault(k, v)
            node = {**merged, **node}
    if "properties" in node:
        node["properties"] = {k: inline(v, root, path) for k, v in node["properties"].items()}
    if isinstance(node.get("items"), dict):
        node["items"] = inline(node["items"], root, path)
    node.pop("$defs", None)
    return node


def schema_of(value: Any, depth: int = 0) -> dict[str, Any]:
    """A schema describing a sample value (objects, lists of objects, scalars)."""
    if depth > 20:
        return {}
    if isinstance(value, dict):
        return {"type": "object",
                "properties": {str(k): schema_of(v, depth + 1) for k, v in value.items()}}
    if isinstance(value, list | tuple):
        items: dict[str, Any] = {}
        for item in value:
            s = schema_of(item, depth + 1)
            if "properties" in s:
                items.setdefault("type", "object")
                items.setdefault("properties", {}).update(s["properties"])
            else:
                items = {**s, **items}
        return {"type": "array", "items": items}
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int | float):
        return {"type": "number"}
    if value is None:
        return {}
    return {"type": "string"}


def resolve(data: Any, path: str) -> list[Any]:
    """Values at a docxtpl-lint path (``a.b[*].c``) in data; [] when absent."""
    cur = [data]
    for seg in path.replace("[*]", ".[*]").split("."):
        if seg == "[*]":
            cur = [x for v in cur if isinstance(v, list | tuple) for x in v]
        elif seg:
            cur = [v[seg] for v in cur if isinstance(v, dict) and seg in v]
    return cur


def input_schema(template_id: str) -> dict[str, Any]:
    return inline(vanban.schema(template_id))


def body_schema(template_id: str) -> dict[str, Any]:
    """What a body template sees when DATA follows ``template_id``'s contract."""
    from vanban.designer.render import body_context

    ctx, _, _ = body_context(vanban.example(template_id), template_id)
    out = schema_of(ctx)
    noi_dung = input_schema(template_id).get("properties", {}).get("noi_dung")
    if noi_dung:
        out["properties"]["noi_dung"] = noi_dung
    return out


def leaves(schema: dict[str, Any], prefix: str = "", depth: int = 0) -> list[str]:
    """Paths of a schema's fields that hold values (``a.b``, ``a.list[].c``)."""
    if depth > 20:
        return []
    props = schema.get("properties")
    if props:
        out: list[str] = []
        for key, sub in props.items():
            out += leaves(sub, f"{prefix}.{key}" if prefix else key, depth + 1)
        return out
    items = schema.get("items")
    if isinstance(items, dict) and items.get("properties"):
        return leaves(items, f"{prefix}[]", depth + 1)
    return [prefix] if prefix else []


def data_leaves(value: Any, prefix: str = "", depth: int = 0) -> list[str]:
    """Paths of the fields present in data (list items merged as ``[]``)."""
    if depth > 20:
        return []
    if isinstance(value, dict) and value:
        out: list[str] = []
        for key, sub in value.items():
            out += data_leaves(sub, f"{prefix}.{key}" if prefix else str(key), depth + 1)
        return out
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        seen: dict[str, None] = {}
        for item in value:
            for leaf in data_leaves(item, f"{prefix}[]", depth + 1):
                seen.setdefault(leaf)
        return list(seen)
    return [prefix] if prefix else []


def is_used(field: str, variables: list[str]) -> bool:
    """A field is used when the template reads it or something inside it, or prints an object
    holding it whole (``{{ x }}`` uses every field of ``x``; ``{% for i in x %}`` followed by
    ``i.a`` only uses ``x[].a``)."""
    for var in variables:
        if var == field or var.startswith(field + ".") or var.startswith(field + "[]"):
            return True
        inside = field.startswith(var + ".") or field.startswith(var + "[]")
        if inside and not any(v != var and v.startswith((var + ".", var + "[]"))
                              for v in variables):
            return True
    return False
