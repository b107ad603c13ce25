"""End to end in headless Chromium (Debian's /usr/bin/chromium via Python Playwright), the
JSON tab of a type's page (the form tab: test_web_form_browser.py): a clerk uploads a
fixture, sees it validated, downloads the .docx (opened with python-docx), fixes mistakes
shown live, works by keyboard and on a phone-sized screen.

Screenshots for docs/ are written when ``VANBAN_SCREENSHOTS`` names a folder, e.g.
``VANBAN_SCREENSHOTS=docs python -m pytest tests/web/test_web_browser.py``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from web_helpers import (
    TEMPLATE,
    docx_text,
    fixture_named,
    load_fixture,
)

import vanban
from vanban.templates import REGISTRY

sync_api = pytest.importorskip("playwright.sync_api")
Browser = sync_api.Browser
Page = sync_api.Page
expect = sync_api.expect

def json_tab(page: Page) -> None:
    """The JSON view is the page's second tab (the form is the first)."""
    page.get_by_role("tab", name="JSON").click()
    expect(page.locator("#du-lieu")).to_be_visible()


def test_upload_fixture_and_download_docx(page: Page, live_server: str) -> None:
    fixture = fixture_named("nha-nuoc")
    data = load_fixture(fixture)
    page.goto(live_server + "/")
    page.get_by_role("link", name=f"Soạn {REGISTRY.get(TEMPLATE).title}").click()
    expect(page).to_have_url(f"{live_server}/mau/{TEMPLATE}")
    json_tab(page)
    page.set_input_files("#tep", str(fixture))
    expect(page.locator(".summary--ok")).to_have_text("Dữ liệu hợp lệ. Bạn có thể tải văn bản.")
    expect(page.locator("#tep-ten")).to_have_text(fixture.name)
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải văn bản .docx").click()
    download = info.value
    assert download.suggested_filename.startswith("05-BC-STNMT-VP Tổng kết phong trào")
    assert download.suggested_filename.endswith(".docx")
    text = docx_text(Path(download.path()).read_bytes())
    assert data["co_quan"]["ten"] in text
    assert data["nguoi_ky"]["ho_ten"] in text
    expect(page.locator("#trang-thai")).to_contain_text("Đã tạo tệp")


def test_mistakes_are_listed_live_with_paths(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/mau/{TEMPLATE}")
    json_tab(page)
    page.get_by_role("button", name="Dùng dữ liệu mẫu").click()
    expect(page.locator(".summary--ok")).to_be_visible()
    data = vanban.example(TEMPLATE)
    del data["nguoi_ky"]["chuc_vu"]
    data["ngay"] = "2024-02-30"
    page.fill("#du-lieu", json.dumps(data, ensure_ascii=False, indent=2))
    problems = page.locator("#ket-qua .problem")
    expect(problems).to_have_count(2)
    expect(page.locator("#ket-qua")).to_contain_text("nguoi_ky.chuc_vu")
    expect(page.locator("#ket-qua")).to_contain_text("Thiếu trường bắt buộc.")
    expect(page.locator("#ket-qua")).to_contain_text("ngay")
    expect(page.locator("#du-lieu")).to_have_attribute("aria-invalid", "true")
    # A syntax error points at its place in the editor.
    page.fill("#du-lieu", '{\n  "so": 1,\n}')
    expect(page.locator("#ket-qua")).to_contain_text("JSON sai cú pháp ở dòng 3, cột 1")
    page.get_by_role("button", name="Đến chỗ lỗi").click()
    assert page.evaluate("document.activeElement.id") == "du-lieu"
    assert page.evaluate("document.getElementById('du-lieu').selectionStart") == 13
    # Downloading invalid data shows the problems instead of a file.
    page.get_by_role("button", name="Tải văn bản .docx").click()
    expect(page.locator("#trang-thai")).to_contain_text("Dữ liệu chưa đúng cú pháp JSON")


def test_keyboard_only(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/mau/{TEMPLATE}")
    page.get_by_role("tab", name="Biểu mẫu").focus()
    page.keyboard.press("ArrowRight")  # the tabs follow the ARIA keys
    expect(page.locator("#du-lieu")).to_be_visible()
    page.get_by_role("button", name="Dùng dữ liệu mẫu").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".summary--ok")).to_be_visible()
    page.focus("#du-lieu")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Tải văn bản .docx"
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.startswith("12-BC-SNV-TĐKT ")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_download(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/mau/{TEMPLATE}")
    json_tab(page)
    page.set_input_files("#tep", str(fixture_named("dang")))
    expect(page.locator(".summary--ok")).to_be_visible()
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Tải PDF", exact=True).click()
    assert info.value.suggested_filename.endswith(".pdf")
    assert Path(info.value.path()).read_bytes().startswith(b"%PDF-")


def test_phone_layout_and_screenshots(browser: Browser, live_server: str,
                                      tmp_path: Path) -> None:
    target = Path(os.environ.get("VANBAN_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    shots = []
    for name, viewport in (("trang-mau", {"width": 1280, "height": 1040}),
                           ("dien-thoai", {"width": 390, "height": 844})):
        context = browser.new_context(viewport=viewport, locale="vi-VN")
        page = context.new_page()
        page.goto(live_server + "/")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.goto(f"{live_server}/mau/{TEMPLATE}")
        json_tab(page)
        page.get_by_role("button", name="Dùng dữ liệu mẫu").click()
        expect(page.locator(".summary--ok")).to_be_visible()
        data = vanban.example(TEMPLATE)
        data["dia_danh"] = ""
        data["ngay"] = "2024-06-31"
        del data["nguoi_ky"]["chuc_vu"]
        page.fill("#du-lieu", json.dumps(data, ensure_ascii=False, indent=2))
        expect(page.locator("#ket-qua .problem")).to_have_count(3)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.mouse.move(1, 1)
        page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0);"
                      "document.getElementById('du-lieu').scrollTop = 0")
        if name == "dien-thoai":
            expect(page.locator("#xem-loi")).to_be_visible()
        shot = target / f"screenshot-{name}.png"
        page.screenshot(path=str(shot), full_page=False)
        shots.append(shot)
        context.close()
    for shot in shots:
        assert shot.read_bytes().startswith(b"\x89PNG")
        assert shot.stat().st_size < 300_000
