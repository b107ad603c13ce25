"""Validate what can be validated: rule checks on the parts of the input that parsed.

A type error (``"so": "abc"``) stops pydantic from building the envelope, and the rules that
need the whole envelope (a self-score above the standard, a signer without ``thay_cho`` …)
would wait for the next round. :func:`stand_ins` replaces every value pydantic refused by a
neutral value of the right type (an optional field is dropped; a required one gets the
schema's first choice, the lowest allowed number, ``…`` for text, a date for a date field), so
the envelope can be built and the rules run. :func:`unrelated` then keeps only the rule
problems that cannot be caused by a stand-in: none at, under or next to (same object) a
replaced value. The replaced values are never rendered: the input stays invalid.
"""

from __future__ import annotations

import copy
from typing import Any

from vanban.errors import Problem
from vanban.model.lenient import SchemaWalker
from vanban.model.problems import json_path


def _has(node: Any, part: Any) -> bool:
    return (isinstance(node, dict) and isinstance(part, str) and part in node) or (
        isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node))


def _schema_at(walker: SchemaWalker, root: dict[str, Any], loc: tuple[Any, ...]
               ) -> dict[str, Any] | None:
    schema: dict[str, Any] | None = root
    for part in loc:
        if schema is None:
            return None
        options, _ = walker.variants(schema)
        nxt = None
        for option in options:
            if isinstance(part, int) and option.get("type") == "array":
                nxt = option.get("items", {})
            elif isinstance(part, str) and option.get("type") == "object":
                props = option.get("properties", {})
                extra = option.get("additionalProperties")
                nxt = props.get(part) or (extra if isinstance(extra, dict) else None)
            if nxt is not None:
                break
        schema = nxt
    return schema


def stand_in(walker: SchemaWalker, schema: dict[str, Any] | None, depth: int = 0) -> Any:
    """A neutral valid-looking value for a schema."""
    if schema is None or depth > 12:
        return None
    options, nullable = walker.variants(schema)
    if nullable or not options:
        return None
    option = options[0]
    kind = option.get("type")
    if "enum" in option:
        return option["enum"][0]
    if "const" in option:
        return option["const"]
    if kind == "string":
        if option.get("x-ngay"):
            return "2000-01-01"
        if option.get("x-gio"):
            return "08:00"
        return "…"
    if kind in ("number", "integer"):
        low = option.get("minimum", option.get("exclusiveMinimum", 0))
        low = max(low, 0) if option.get("maximum", 1) >= 0 else option["maximum"]
        if "exclusiveMinimum" in option and low <= option["exclusiveMinimum"]:
            low = option["exclusiveMinimum"] + 1
        return int(low) if kind == "integer" else float(low)
    if kind == "boolean":
        return False
    if kind == "array":
        return [stand_in(walker, option.get("items"), depth + 1)
                for _ in range(option.get("minItems", 0))]
    if kind == "object":
        props = option.get("properties", {})
        return {key: stand_in(walker, props.get(key), depth + 1)
                for key in option.get("required", [])}
    return None


def _container(data: Any, loc: tuple[Any, ...]) -> tuple[Any, Any] | None:
    """(the object or list holding ``loc``'s last part, that part), when reachable."""
    node = data
    for part in loc[:-1]:
        if not _has(node, part):
            return None
        node = node[part]
    return node, loc[-1]


def _reachable(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The longest prefix of ``loc`` that names real places in ``data`` (pydantic adds union
    member names such as ``str`` to a location)."""
    node, out = data, []
    for part in loc:
        if _has(node, part):
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str):
            out.append(part)  # a missing key: the place to put a stand-in
            break
        else:
            break
        out.append(part)
    return tuple(out)


def stand_ins(schema: dict[str, Any], data: Any, errors: list[dict[str, Any]],
              tried: dict[tuple[Any, ...], int]) -> tuple[Any, list[tuple[Any, ...]]]:
    """``data`` with every refused value replaced (first by removing an optional key, then by
    a stand-in); the locations replaced."""
    walker = SchemaWalker(schema)
    patched = copy.deepcopy(data)
    touched = []
    for err in errors:
        loc = _reachable(patched, tuple(err["loc"]))
        if not loc:
            continue
        found = _container(patched, loc)
        if found is None:
            continue
        holder, key = found
        attempt = tried.get(loc, 0)
        tried[loc] = attempt + 1
        touched.append(loc)
        if isinstance(holder, dict):
            if err["type"] == "extra_forbidden" or (attempt == 0 and err["type"] != "missing"):
                holder.pop(key, None)
            else:
                holder[key] = stand_in(walker, _schema_at(walker, schema, loc))
        elif isinstance(holder, list) and isinstance(key, int):
            holder[key] = stand_in(walker, _schema_at(walker, schema, loc))
    return patched, touched


def _parent(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


def unrelated(problems: list[Problem], touched: list[tuple[Any, ...]],
              reported: list[Problem]) -> list[Problem]:
    """The rule problems no stand-in can have caused, not already reported."""
    places = {json_path(loc) for loc in touched}
    parents = {_parent(p) for p in places} - {""}  # top-level fields stand alone
    seen = {(p.code, p.path) for p in reported}
    out = []
    for found in problems:
        path = found.path
        near = any(path == p or path.startswith((p + ".", p + "[")) for p in places)
        if near or (path and _parent(path) in parents) or (found.code, path) in seen:
            continue
        seen.add((found.code, path))
        out.append(found)
    return out
