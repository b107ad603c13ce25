"""Issue 19 item 6: numbers the published schema accepts never give a 5xx, and /validate
agrees with the render. Every numeric leaf of every template's example gets extreme values
(huge, tiny, negative, fractional); each template is its own test (bounded: at most a few
seconds each)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from flask.testing import FlaskClient

import vanban
from vanban.templates import REGISTRY

EXTREMES: list[Any] = [0, -1, 10**27, 10**4000, -(10**30), 1e308, -1e308, 5e-324, 1.5,
                       123456789.123456789, 2**63]


def numeric_paths(data: Any, path: tuple = ()) -> Iterator[tuple]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from numeric_paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data[:2]):  # the first two items of a list stand for all
            yield from numeric_paths(value, (*path, i))
    elif isinstance(data, int | float) and not isinstance(data, bool):
        yield path


def put(data: Any, path: tuple, value: Any) -> Any:
    out = copy.deepcopy(data)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def dumps(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize("template_id", sorted(REGISTRY.specs))
def test_extreme_numbers_never_give_5xx(client: FlaskClient, template_id: str) -> None:
    example = vanban.example(template_id)
    paths = list(numeric_paths(example))
    failures = []
    for path in paths:
        for value in EXTREMES:
            body = dumps(put(example, path, value))
            checked = client.post(f"/api/v1/validate/{template_id}", data=body,
                                  content_type="application/json")
            rendered = client.post(f"/api/v1/documents/{template_id}", data=body,
                                   content_type="application/json")
            where = f"{'.'.join(map(str, path))}={str(value)[:30]}"
            if checked.status_code >= 500 or rendered.status_code >= 500:
                failures.append(f"{where}: validate {checked.status_code}, "
                                f"render {rendered.status_code} "
                                f"{rendered.get_data(as_text=True)[:160]}")
            elif (checked.status_code == 200) != (rendered.status_code == 200):
                failures.append(f"{where}: validate {checked.status_code} but render "
                                f"{rendered.status_code} {rendered.get_data(as_text=True)[:160]}")
    assert not failures, "\n".join(failures[:20])
