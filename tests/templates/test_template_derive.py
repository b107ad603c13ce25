"""A type that computes something from its input (the resolved award list, the reward money)
computes it once per document: ``check``, ``compute`` and ``build_context`` read the result of
its ``derive`` step (before: the quyết định resolved its list twice and its money three times)."""

from __future__ import annotations

import pytest

import vanban
from conftest import count_calls
from vanban.ho_so import danh_sach, tien_thuong


@pytest.mark.parametrize(("template", "money_lines"), [("quyet-dinh-khen-thuong", 1),
                                                        ("to-trinh-khen-thuong", 0)])
def test_the_list_and_the_money_are_computed_once(template, money_lines, monkeypatch):
    calls = {"resolve": 0, "money": 0}
    count_calls(monkeypatch, danh_sach, "resolve", calls, "resolve")
    code = vanban.templates.REGISTRY.get(template).module
    if hasattr(code, "cho_danh_sach"):
        assert code.cho_danh_sach is tien_thuong.cho_danh_sach
        count_calls(monkeypatch, code, "cho_danh_sach", calls, "money")
    data = vanban.example(template)
    result = vanban.render_result(template, data)
    assert result.docx[:2] == b"PK"
    assert calls["resolve"] == 1, calls
    assert calls["money"] == money_lines


def test_each_document_derives_its_own():
    """The result is kept on the envelope: two documents never share it."""
    data = vanban.example("to-trinh-khen-thuong")
    first = vanban.render_result("to-trinh-khen-thuong", data)
    data["noi_dung"]["danh_sach"] = data["noi_dung"]["danh_sach"][:1]
    second = vanban.render_result("to-trinh-khen-thuong", data)
    code = vanban.templates.REGISTRY.get("to-trinh-khen-thuong").module
    assert code.derive(first.envelope)[0] is not code.derive(second.envelope)[0]
    assert len(code.derive(second.envelope)[0].dong) == 1
