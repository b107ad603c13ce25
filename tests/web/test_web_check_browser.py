"""The "Kiểm tra thể thức" page in headless Chromium (Debian's /usr/bin/chromium, same launch
settings as test_web_browser.py): a clerk uploads a wrong .docx and sees the findings without
a reload; without JavaScript the server shows the same text; keyboard and phone work.

``VANBAN_SCREENSHOTS=docs python -m pytest tests/web/test_web_check_browser.py`` writes
``docs/screenshot-kiem-tra.png``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from web_check_docs import PAGE, wrong_docx

from vanban.check import check_docx

sync_api = pytest.importorskip("playwright.sync_api")
Browser = sync_api.Browser
Page = sync_api.Page
expect = sync_api.expect


@pytest.fixture(scope="module")
def wrong_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kiem-tra") / "bao-cao-sai-the-thuc.docx"
    path.write_bytes(wrong_docx())
    return path


def _page(browser: Browser, width: int = 1280, height: int = 900, *,
          javascript: bool = True) -> Page:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN",
                                  java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def _text(page: Page) -> str:
    return " ".join(page.locator("#ket-qua").inner_text().split())


def test_upload_wrong_docx_shows_findings(browser: Browser, live_server: str,
                                          wrong_file: Path) -> None:
    report = check_docx(wrong_file.read_bytes())
    page = _page(browser)
    page.goto(live_server + "/")
    nav = page.get_by_role("navigation", name="Liên kết chính")
    nav.get_by_role("link", name="Kiểm tra thể thức").click()
    expect(page).to_have_url(live_server + PAGE)
    expect(page.get_by_role("heading", level=1)).to_have_text("Kiểm tra thể thức")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Tệp Word (.docx)").set_input_files(str(wrong_file))
    expect(page.locator("#trang-thai")).to_contain_text("Đã chọn “bao-cao-sai-the-thuc.docx”")
    page.get_by_role("button", name="Kiểm tra thể thức").click()

    cards = page.locator("#ket-qua .finding")
    expect(cards).to_have_count(len(report.findings))
    expect(page.locator("#trang-thai")).to_have_text(
        "Đã kiểm tra “bao-cao-sai-the-thuc.docx”: 6 lỗi, 1 cảnh báo.")
    assert page.evaluate("window.notReloaded") is True  # fetch, no navigation
    assert page.url == live_server + PAGE
    expect(page.locator(".verdict")).to_contain_text("Chưa đạt thể thức.")
    expect(page.locator(".stat--error dd")).to_have_text("6")
    expect(page.locator(".stat--warning dd")).to_have_text("1")
    expect(page.locator(".verdict")).to_contain_text("Nhà nước (Nghị định 30/2020/NĐ-CP)")
    first = cards.first
    expect(first.get_by_role("heading", level=3)).to_have_text(
        re.compile(r"LỖI\s+Khổ giấy A4, trang dọc\s+page\.size"))
    expect(first).to_contain_text("A4 210 × 297 mm")
    expect(first).to_contain_text("215,9 × 279,4 mm")
    expect(first).to_contain_text("Nghị định 30/2020/NĐ-CP, Phụ lục I")
    expect(page.locator(".finding--error")).to_have_count(6)
    warning = page.locator(".finding--warning")
    expect(warning.locator(".badge")).to_contain_text("CẢNH BÁO")
    expect(warning).to_contain_text("body.ending")
    number = page.locator(".finding", has_text="so-ky-hieu.padding")
    expect(number).to_contain_text(re.compile(r"Đoạn \d+: “Số: 5/BC-STNMT-VP”"))
    assert page.evaluate("document.activeElement.id") == "ket-qua-tom-tat"
    with_js = _text(page)

    # Without JavaScript the form posts to /kiem-tra and the server draws the same report.
    plain = _page(browser, javascript=False)
    plain.goto(live_server + PAGE)
    plain.get_by_label("Tệp Word (.docx)").set_input_files(str(wrong_file))
    plain.get_by_role("button", name="Kiểm tra thể thức").click()
    expect(plain.locator("#ket-qua .finding")).to_have_count(len(report.findings))
    assert plain.url == f"{live_server}{PAGE}#ket-qua-tieu-de"
    assert _text(plain) == with_js
    page.context.close()
    plain.context.close()


def test_keyboard_phone_and_screenshot(browser: Browser, live_server: str, wrong_file: Path,
                                       tmp_path: Path) -> None:
    target = Path(os.environ.get("VANBAN_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    page = _page(browser, 1280, 1440)
    page.goto(live_server + PAGE)
    page.get_by_label("Tệp Word (.docx)").set_input_files(str(wrong_file))
    page.get_by_label("Tự nhận biết từ văn bản").focus()
    page.keyboard.press("ArrowDown")  # radio group: the next family
    expect(page.get_by_label("Nhà nước (Nghị định 30/2020/NĐ-CP)")).to_be_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Kiểm tra thể thức"
    page.keyboard.press("Enter")
    expect(page.locator(".verdict")).to_contain_text("(theo lựa chọn)")
    expect(page.locator("#ket-qua .finding")).to_have_count(7)
    page.mouse.move(1, 1)
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    shot = target / "screenshot-kiem-tra.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size < 300_000
    page.context.close()

    phone = _page(browser, 390, 844)
    phone.goto(live_server + PAGE)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    phone.get_by_label("Tệp Word (.docx)").set_input_files(str(wrong_file))
    phone.get_by_role("button", name="Kiểm tra thể thức").click()
    expect(phone.locator("#ket-qua .finding")).to_have_count(7)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # The results come into view after the check (they are below the form on a phone).
    top = phone.evaluate("document.getElementById('ket-qua-tieu-de').getBoundingClientRect().top")
    assert 0 < top < 200, top
    phone.context.close()
