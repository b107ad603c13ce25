"""Every input field of every template carries a Vietnamese label (the form's and the Excel
sheets' wording), keeps its guide text, and the form's hints sit where they belong."""

from __future__ import annotations

from typing import Any

import pytest

import vanban
from vanban.templates import REGISTRY


def _auto(name: str) -> str:
    """The title pydantic would generate (“Trich Yeu”)."""
    return name.replace("_", " ").title()


def _models(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [("Envelope", schema), *schema.get("$defs", {}).items()]


@pytest.mark.parametrize("template_id", sorted(REGISTRY.specs))
def test_every_property_has_a_vietnamese_title(template_id: str) -> None:
    schema = vanban.schema(template_id)
    missing = []
    for model, body in _models(schema):
        for name, prop in body.get("properties", {}).items():
            title = prop.get("title")
            if not title or title in (_auto(name), name) or title.isascii() and len(title) > 3:
                missing.append(f"{model}.{name}: {title!r}")
    assert not missing, missing


@pytest.mark.parametrize("template_id", sorted(REGISTRY.specs))
def test_models_are_titled_in_vietnamese(template_id: str) -> None:
    for model, body in _models(vanban.schema(template_id))[1:]:
        assert body.get("title") and body["title"] != model, model


def test_guide_text_stays_as_description() -> None:
    props = vanban.schema("cong-van")["properties"]
    assert props["trich_yeu"]["title"] == "Trích yếu"
    assert props["trich_yeu"]["description"] == "Trích yếu nội dung."


def test_family_is_a_choice_of_the_family_table_with_labels() -> None:
    the_thuc = vanban.schema("cong-van")["properties"]["the_thuc"]
    assert the_thuc["enum"] == ["nha-nuoc", "dang", "cong-doan", "doan-thanh-nien"]
    assert the_thuc["x-nhan"] == {"nha-nuoc": "Nhà nước", "dang": "Đảng",
                                  "cong-doan": "Công đoàn", "doan-thanh-nien": "Đoàn TNCS"}


def test_tables_and_folded_fields_are_marked() -> None:
    schema = vanban.schema("bang-cham-diem")
    defs = schema["$defs"]
    assert defs["Nhom"]["properties"]["tieu_chi"]["x-bang"] is True
    assert defs["BangChamDiem"]["properties"]["diem_thuong"]["x-bang"] is True
    assert schema["properties"]["ky_hieu"]["x-nang-cao"] is True
    assert "x-nang-cao" not in schema["properties"]["trich_yeu"]
    votes = vanban.schema("bien-ban-hop-xet")["$defs"]["BienBanHopXet"]["properties"]
    assert votes["ket_qua"]["x-bang"] is True
    awards = vanban.schema("bao-cao-thi-dua")["$defs"]["BaoCaoThiDua"]["properties"]
    assert awards["khen_thuong"]["x-bang"] is True


def test_every_table_is_a_list_of_objects() -> None:
    for template_id in REGISTRY.specs:
        for model, body in _models(vanban.schema(template_id)):
            for name, prop in body.get("properties", {}).items():
                if prop.get("x-bang"):
                    inner = prop.get("items") or next(
                        (p.get("items") for p in prop.get("anyOf", []) if "items" in p), None)
                    assert inner and "$ref" in inner, f"{template_id} {model}.{name}"
