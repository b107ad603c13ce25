"""In headless Chromium: the status line under the buttons always agrees with the result
panel, and the format check's file button is Vietnamese, with and without JavaScript."""

from __future__ import annotations

import pytest
from web_helpers import TEMPLATE, fixture_named

sync_api = pytest.importorskip("playwright.sync_api")
Browser = sync_api.Browser
Page = sync_api.Page
expect = sync_api.expect



def test_status_line_follows_the_result_panel(page: Page, live_server: str) -> None:
    fixture = fixture_named("nha-nuoc")
    page.goto(f"{live_server}/mau/{TEMPLATE}")
    page.get_by_role("tab", name="JSON").click()  # the JSON view is the page's second tab
    status, panel = page.locator("#trang-thai"), page.locator("#ket-qua")
    page.set_input_files("#tep", str(fixture))
    expect(page.locator(".summary--ok")).to_be_visible()
    expect(status).to_have_text(f"Đã đọc tệp “{fixture.name}”: dữ liệu hợp lệ.")
    with page.expect_download():
        page.get_by_role("button", name="Tải văn bản .docx").click()
    expect(status).to_contain_text("Đã tạo tệp")
    # Broken JSON: the panel shows the syntax error, the status line no longer says "created".
    page.fill("#du-lieu", '{"so": 1,}')
    expect(panel).to_contain_text("JSON sai cú pháp")
    expect(status).not_to_contain_text("Đã tạo")
    expect(status).to_contain_text("Dữ liệu chưa đúng cú pháp JSON")
    # Fixed data: both say valid.
    page.fill("#du-lieu", fixture.read_text("utf-8"))
    expect(page.locator(".summary--ok")).to_be_visible()
    expect(status).to_contain_text("hợp lệ")
    # Emptied box: the panel says there is no data; so do the status line and the file name.
    page.fill("#du-lieu", "")
    expect(panel).to_contain_text("Chưa có dữ liệu")
    expect(status).not_to_contain_text("hợp lệ")
    expect(status).not_to_contain_text("lỗi")
    expect(page.locator("#tep-ten")).to_have_text("Chưa chọn tệp")
    # Downloading with nothing in the box: the panel and the status line say the same.
    page.get_by_role("button", name="Tải văn bản .docx").click()
    expect(status).to_have_text("Chưa có dữ liệu để tạo văn bản.")
    expect(panel).to_contain_text("Chưa có dữ liệu")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_check_page_file_button(browser: Browser, live_server: str, javascript: bool,
                                tmp_path) -> None:
    from web_helpers import load_fixture

    import vanban

    docx = tmp_path / "bao-cao.docx"
    docx.write_bytes(vanban.render(TEMPLATE, load_fixture(fixture_named("nha-nuoc"))))
    context = browser.new_context(locale="vi-VN", java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"{live_server}/kiem-tra")
        button = page.locator('label[for="tep-docx"]')
        expect(button).to_be_visible()
        expect(button).to_have_text("Chọn tệp .docx…")
        box = page.locator("#tep-docx").bounding_box()
        assert box is None or box["width"] <= 1  # the browser's English button is not shown
        # Clicking the Vietnamese button opens the file chooser (no script involved).
        with page.expect_file_chooser() as chooser:
            button.click()
        chooser.value.set_files(str(docx))
        if javascript:
            expect(page.locator("#tep-docx-ten")).to_have_text("bao-cao.docx")
        page.get_by_role("button", name="Kiểm tra thể thức").click()
        expect(page.locator("#ket-qua")).to_contain_text("Đạt thể thức")
    finally:
        context.close()
