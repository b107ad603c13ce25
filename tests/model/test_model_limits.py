"""Limits on JSON data: depth, list length, string length, paragraphs — each named with its
value, configurable through :mod:`vanban.config`, refused before any model sees the data."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest

import vanban
from conftest import TEMPLATE, fixture_data
from vanban.config import reload_settings
from vanban.errors import LimitError

BASE = "nha-nuoc-mau-01-tong-ket-2021"


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    yield monkeypatch
    for name in ("JSON_MAX_DEPTH", "JSON_MAX_LIST", "JSON_MAX_STRING", "JSON_MAX_PARAGRAPHS"):
        monkeypatch.delenv(f"VANBAN_{name}", raising=False)
    reload_settings()


def refused(data: object) -> vanban.Problem:
    with pytest.raises(LimitError) as info:
        vanban.validate(TEMPLATE, data)
    assert info.value.status == 413
    (found,) = info.value.problems
    return found


def test_defaults_let_the_fixtures_through() -> None:
    for name in ("nha-nuoc-mau-01-tong-ket-2021", "dang-yen-bai-so-ket-6-thang-2022"):
        vanban.validate(TEMPLATE, fixture_data(name))


def test_depth() -> None:
    data = copy.deepcopy(fixture_data(BASE))
    deep: dict = {}
    node = deep
    for _ in range(40):
        node["muc"] = [{}]
        node = node["muc"][0]
    data["noi_dung"]["muc"] = [deep]
    p = refused(data)
    assert p.code == "limit.depth" and p.extra == {"limit": "json_max_depth", "max": 32}
    assert p.path.startswith("noi_dung.muc[0].muc[0]")
    assert "json_max_depth = 32" in p.message and "json_max_depth = 32" in p.message_en


def test_list_string_and_paragraphs_are_configurable(settings: pytest.MonkeyPatch) -> None:
    settings.setenv("VANBAN_JSON_MAX_LIST", "10")
    settings.setenv("VANBAN_JSON_MAX_STRING", "200")
    settings.setenv("VANBAN_JSON_MAX_PARAGRAPHS", "60")
    reload_settings()
    data = copy.deepcopy(fixture_data(BASE))
    data["noi_nhan"] = [f"Nơi {i}" for i in range(11)]
    p = refused(data)
    assert (p.code, p.path, p.extra) == ("limit.list", "noi_nhan",
                                         {"limit": "json_max_list", "max": 10})
    data = copy.deepcopy(fixture_data(BASE))
    data["trich_yeu"] = "x" * 201
    p = refused(data)
    assert (p.code, p.path, p.extra["limit"]) == ("limit.string", "trich_yeu", "json_max_string")
    data = copy.deepcopy(fixture_data(BASE))
    data["noi_dung"]["han_che"] = ["một\nhai\nba"] * 5
    data["noi_dung"]["bai_hoc"] = ["dòng\n" * 30]
    p = refused(data)
    assert p.code == "limit.paragraphs" and p.extra == {"limit": "json_max_paragraphs",
                                                        "max": 60}


def test_http_413_names_the_limit(settings: pytest.MonkeyPatch) -> None:
    from vanban.web import create_app

    settings.setenv("VANBAN_JSON_MAX_LIST", "10")
    reload_settings()
    client = create_app({"WARM_TEMPLATES": False}).test_client()
    data = copy.deepcopy(fixture_data(BASE))
    data["kinh_gui"] = [f"Sở {i}" for i in range(11)]
    response = client.post(f"/api/v1/documents/{TEMPLATE}", json=data)
    assert response.status_code == 413
    body = response.get_json()
    assert body["problems"][0]["extra"] == {"limit": "json_max_list", "max": 10}
    assert body["problems"][0]["path"] == "kinh_gui"
    assert client.post(f"/api/v1/validate/{TEMPLATE}",
                       json=fixture_data("dang-yen-bai-so-ket-6-thang-2022")).status_code == 200


def test_render_time_limit(settings: pytest.MonkeyPatch) -> None:
    """A render slower than render_timeout gets a 422 naming the limit; the next one is served.
    (The slow render is made slow on purpose: a warm render is faster than any thread switch.)"""
    import time

    from vanban import pipeline
    from vanban.web import create_app

    real_run = pipeline.run

    def slow_run(*args, **kwargs):
        time.sleep(0.5)
        return real_run(*args, **kwargs)

    settings.setenv("VANBAN_RENDER_TIMEOUT", "0.05")
    reload_settings()
    client = create_app({"WARM_TEMPLATES": False}).test_client()
    settings.setattr(pipeline, "run", slow_run)
    response = client.post(f"/api/v1/documents/{TEMPLATE}", json=fixture_data(BASE))
    settings.setattr(pipeline, "run", real_run)
    settings.delenv("VANBAN_RENDER_TIMEOUT")
    reload_settings()
    assert response.status_code == 422
    problem = response.get_json()["problems"][0]
    assert problem["code"] == "limit.render-time"
    assert problem["extra"]["limit"] == "render_timeout"
    assert client.post(f"/api/v1/documents/{TEMPLATE}", json=fixture_data(BASE)).status_code == 200
