"""The page for a whole commendation file, in headless Chromium, its JSON tab (the form tab:
test_web_form_browser.py): start from the example, check it, download the .zip; a mistake is
shown with its path in the file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from web_helpers import docx_text

sync_api = pytest.importorskip("playwright.sync_api")
Browser = sync_api.Browser
Page = sync_api.Page
expect = sync_api.expect


@pytest.fixture
def page(page: Page) -> Page:
    """The shared page, with more time per action: a whole file renders several documents."""
    page.set_default_timeout(30_000)
    return page



def test_example_checked_and_downloaded_as_a_zip(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    page.get_by_role("link", name="Lập hồ sơ khen thưởng").click()
    expect(page).to_have_url(f"{live_server}/ho-so")
    page.get_by_role("tab", name="JSON").click()
    page.get_by_role("button", name="Dùng hồ sơ mẫu").click()
    page.get_by_role("button", name="Kiểm tra").click()
    expect(page.locator(".summary--ok")).to_be_visible()
    expect(page.locator(".documents li")).to_have_count(5)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Tải cả hồ sơ (.zip)").click()
    download = info.value
    assert download.suggested_filename == "ho-so-khen-thuong.zip"
    with zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes())) as zf:
        names = zf.namelist()
        assert names[0] == "01-bien-ban-hop-xet.docx"
        assert "Trần Văn Hải" not in docx_text(zf.read("03-to-trinh-khen-thuong.docx"))


def test_a_mistake_is_shown_with_its_path(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/ho-so?mau=1")
    page.get_by_role("tab", name="JSON").click()
    area = page.locator("#du-lieu")
    area.fill(area.input_value().replace('"so_thanh_vien": 9', '"so_thanh_vien": 12'))
    page.get_by_role("button", name="Kiểm tra").click()
    expect(page.locator(".problem__path").first).to_have_text("bien_ban.noi_dung.so_thanh_vien")
