"""One wording for JSON that cannot be read — library/CLI, API and page say the same thing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import vanban
from conftest import ROOT, TEMPLATE

CASES = {
    # text → (line, column, words the message must contain)
    "plain text": ("Báo cáo tổng kết năm 2021", 1, 1, "đây không phải JSON"),
    "bare date": ('{\n  "dia_danh": "Hà Nội",\n  "ngay": 2022-06-15\n}', 3, 15,
                  "ngày phải đặt trong dấu ngoặc kép"),
    "trailing comma in object": ('{\n  "so": 1,\n}', 3, 1, "thừa dấu phẩy"),
    "trailing comma in list": ('{"noi_nhan": ["Lưu: VT",]}', 1, 25, "thừa dấu phẩy"),
    "missing comma": ('{"so": 1\n "dia_danh": "Hà Nội"}', 2, 2, "thiếu dấu phẩy"),
    "unclosed string": ('{"dia_danh": "Hà Nội}', 1, 14, "chưa đóng dấu ngoặc kép"),
}


def _library_problem(text: str) -> vanban.Problem:
    with pytest.raises(vanban.InputError) as info:
        vanban.validate(TEMPLATE, text)
    (found,) = info.value.problems
    return found


@pytest.mark.parametrize("name", sorted(CASES))
def test_library_wording(name: str) -> None:
    text, line, column, words = CASES[name]
    found = _library_problem(text)
    assert found.code == "input.json"
    assert found.message.startswith(f"JSON sai cú pháp ở dòng {line}, cột {column}: ")
    assert words in found.message
    assert found.extra == {"line": line, "column": column}
    assert "Expecting" not in found.message
    assert found.message_en  # English for logs


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_api_and_page_say_the_same(name: str, tmp_path: Path) -> None:
    from vanban.web import create_app

    text = CASES[name][0]
    expected = _library_problem(text).message
    source = tmp_path / "input.json"
    source.write_text(text, "utf-8")
    cli = subprocess.run([sys.executable, "-m", "vanban.cli", "validate", TEMPLATE, str(source)],
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "service")})
    assert cli.returncode == 2
    assert expected in cli.stderr
    line, column = CASES[name][1:3]
    assert cli.stderr.count(f"dòng {line}, cột {column}") == 1  # said once, not path + text
    client = create_app({"WARM_TEMPLATES": False}).test_client()
    api = client.post(f"/api/v1/validate/{TEMPLATE}", data=text.encode(),
                      content_type="application/json")
    assert api.status_code == 400
    assert api.get_json()["problems"][0]["message"] == expected
    page = client.post(f"/mau/{TEMPLATE}", data={"data": text, "action": "kiem-tra"})
    html = page.get_data(as_text=True)
    from markupsafe import escape

    assert str(escape(expected)) in html
    assert "Yêu cầu không hợp lệ" not in html


DUPLICATED = '{"so": 1, "noi_dung": {"chi_dao": ["a"], "chi_dao": ["b"]}, "so": 2}'


def test_duplicate_keys_are_named_with_their_path_everywhere(tmp_path: Path) -> None:
    """Issue 19: a repeated key is a problem (not the last one winning in silence), the same
    in the library, the CLI, the API and the page."""
    from markupsafe import escape

    from vanban.web import create_app

    with pytest.raises(vanban.InputError) as info:
        vanban.validate(TEMPLATE, DUPLICATED)
    found = info.value.problems
    assert [(p.code, p.path, p.extra["key"]) for p in found] == [
        ("input.duplicate-key", "so", "so"), ("input.duplicate-key", "noi_dung.chi_dao",
                                              "chi_dao")]
    assert "“chi_dao”" in found[1].message and found[1].message_en
    source = tmp_path / "input.json"
    source.write_text(DUPLICATED, "utf-8")
    cli = subprocess.run([sys.executable, "-m", "vanban.cli", "validate", TEMPLATE, str(source)],
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "service")})
    assert cli.returncode == 2 and "noi_dung.chi_dao" in cli.stderr and "“so”" in cli.stderr
    client = create_app({"WARM_TEMPLATES": False}).test_client()
    for url in (f"/api/v1/validate/{TEMPLATE}", f"/api/v1/documents/{TEMPLATE}"):
        api = client.post(url, data=DUPLICATED.encode(), content_type="application/json")
        assert api.status_code == 400
        assert [p["path"] for p in api.get_json()["problems"]] == ["so", "noi_dung.chi_dao"]
    page = client.post(f"/mau/{TEMPLATE}", data={"data": DUPLICATED, "action": "kiem-tra"})
    assert str(escape(found[1].message)) in page.get_data(as_text=True)
