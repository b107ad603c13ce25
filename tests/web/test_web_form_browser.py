"""The clerk's form in headless Chromium (Debian's /usr/bin/chromium via Python Playwright):
documents made through the form alone — dates typed ``20/06/2024``, scores ``8,5`` — checked
in the downloaded .docx; edits kept over a reload; an emptied required field marked at the
field; spreadsheet keys in the grids; a phone-sized screen without horizontal scroll.

``VANBAN_SCREENSHOTS=docs python -m pytest tests/web/test_web_form_browser.py -k phone``
writes docs/screenshot-bieu-mau.png.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from web_helpers import docx_text

import vanban

sync_api = pytest.importorskip("playwright.sync_api")
Browser = sync_api.Browser
Page = sync_api.Page
Route = sync_api.Route
expect = sync_api.expect

VALID = "Dữ liệu hợp lệ. Bạn có thể tải văn bản."


def at(page: Page, path: str):  # noqa: ANN201 - a Playwright Locator
    """The control of the field at a JSON path (``noi_dung.nhom[0].ten``)."""
    return page.locator(f'[id="f:{path}"]')


def download_docx(page: Page, keep: Path | None = None) -> str:
    """Download the document; its text (and a copy at ``keep``)."""
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="Tải văn bản .docx").click()
    assert info.value.suggested_filename.endswith(".docx")
    if keep is not None:
        info.value.save_as(keep)
    return docx_text(Path(info.value.path()).read_bytes())


def open_form(page: Page, base: str, template: str) -> None:
    page.goto(f"{base}/mau/{template}")
    expect(page.get_by_role("tab", name="Biểu mẫu")).to_have_attribute("aria-selected", "true")
    expect(at(page, "trich_yeu")).to_be_visible()


def load_example(page: Page) -> None:
    page.get_by_role("button", name="Dùng dữ liệu mẫu").click()
    expect(page.locator("#bm-trang-thai")).to_have_text(VALID)


def test_cong_van_from_an_empty_form(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    page.get_by_role("link", name="Soạn Công văn").first.click()
    expect(page).to_have_url(f"{live_server}/mau/cong-van")
    expect(at(page, "trich_yeu")).to_be_visible()
    expect(page.get_by_role("radio", name="Đảng")).to_be_visible()  # the family, in words
    at(page, "co_quan.ten").fill("SỞ NỘI VỤ")
    at(page, "co_quan.viet_tat").fill("SNV")
    at(page, "dia_danh").fill("Yên Bái")
    # The calendar writes the date the way a clerk types it; typing works as well.
    page.get_by_label("Chọn ngày trên lịch: Ngày ban hành").fill("2024-06-21")
    expect(at(page, "ngay")).to_have_value("21/06/2024")
    at(page, "ngay").fill("20/06/2024")
    at(page, "trich_yeu").fill("V/v gửi hồ sơ đề nghị khen thưởng năm 2024")
    at(page, "nguoi_ky.chuc_vu").fill("GIÁM ĐỐC")
    page.click('[id="add:noi_dung.mo_dau"]')  # a new row takes the focus
    page.keyboard.type("Đề nghị các đơn vị gửi hồ sơ trước ngày 30 tháng 6.")
    # Rows are added, moved and removed.
    page.click('[id="add:noi_dung.mo_dau"]')
    page.keyboard.type("Căn cứ Kế hoạch số 15/KH-SNV.")
    page.click('[id="add:noi_dung.mo_dau"]')
    page.keyboard.type("Dòng thừa.")
    page.get_by_role("button", name="Xóa dòng 3").click()
    page.get_by_role("button", name="Chuyển dòng 2 lên").click()
    expect(at(page, "noi_dung.mo_dau[0]")).to_have_value("Căn cứ Kế hoạch số 15/KH-SNV.")
    expect(at(page, "noi_dung.mo_dau[2]")).to_have_count(0)
    expect(page.locator("#bm-trang-thai")).to_have_text(VALID)
    # How the date was understood is shown at the field.
    expect(page.locator('[id="n:ngay"]')).to_contain_text("20/06/2024")
    expect(page.locator('[id="n:ngay"]')).to_be_visible()
    # A reload keeps the edits.
    page.reload()
    expect(at(page, "trich_yeu")).to_have_value("V/v gửi hồ sơ đề nghị khen thưởng năm 2024")
    expect(at(page, "noi_dung.mo_dau[1]")).to_have_value(
        "Đề nghị các đơn vị gửi hồ sơ trước ngày 30 tháng 6.")
    expect(page.locator("#bm-trang-thai")).to_have_text(VALID)
    text = download_docx(page)
    assert "SỞ NỘI VỤ" in text
    assert "ngày 20 tháng 6 năm 2024" in text
    assert "gửi hồ sơ đề nghị khen thưởng năm 2024" in text
    assert "Đề nghị các đơn vị gửi hồ sơ trước ngày 30 tháng 6." in text
    assert text.index("Căn cứ Kế hoạch số 15/KH-SNV.") < text.index("Đề nghị các đơn vị")
    assert "Dòng thừa." not in text


def test_bang_cham_diem_scores_in_the_grid(page: Page, live_server: str) -> None:
    before = docx_text(vanban.render("bang-cham-diem", vanban.example("bang-cham-diem")))
    assert "8,5" not in before
    open_form(page, live_server, "bang-cham-diem")
    load_example(page)
    first = at(page, "noi_dung.nhom[0].tieu_chi[0].tu_cham")
    first.fill("8,5")
    first.press("Enter")  # like a spreadsheet: the same column, one row down
    second = "noi_dung.nhom[0].tieu_chi[1].tu_cham"
    assert page.evaluate("document.activeElement.id") == f"f:{second}"
    page.keyboard.press("Shift+Enter")
    assert page.evaluate("document.activeElement.id") == f"f:{first.get_attribute('id')[2:]}"
    at(page, "noi_dung.nhom[0].tieu_chi[0].xep_loai").focus()  # the row's last cell
    page.keyboard.press("Tab")  # goes on to the next row's first cell
    assert page.evaluate("document.activeElement.id") == "f:noi_dung.nhom[0].tieu_chi[1].ma"
    at(page, "ngay").fill("20/06/2024")
    expect(page.locator("#bm-trang-thai")).to_have_text(VALID)
    text = download_docx(page)
    assert "8,5" in text
    assert "ngày 20 tháng 6 năm 2024" in text
    if shutil.which("soffice"):  # the pages before downloading, from the warm converter
        page.get_by_role("button", name="Xem trước các trang").click()
        expect(page.locator("#bm-xem-truoc img.page__image").first).to_be_visible(
            timeout=60_000)


def test_excel_out_and_back_into_the_form(page: Page, live_server: str,
                                          tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    open_form(page, live_server, "bang-cham-diem")
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải mẫu Excel").click()
    book = tmp_path / "bang-cham-diem.xlsx"
    info.value.save_as(book)
    workbook = openpyxl.load_workbook(book)
    general = workbook["Thông tin chung"]
    next(r for r in general.iter_rows(min_row=2) if r[3].value == "ngay")[1].value = "20/06/2024"
    scores = workbook["Các tiêu chí"]
    column = [c.value for c in scores[1]].index("Tự chấm")
    scores.cell(row=2, column=column + 1).value = "8,5"  # typed as text, the Vietnamese way
    workbook.save(book)
    page.set_input_files("#bm-excel", str(book))  # nothing typed yet: no question
    expect(page.locator("#bm-trang-thai")).to_contain_text("Đã nhập dữ liệu từ tệp Excel")
    expect(at(page, "ngay")).to_have_value("2024-06-20")
    expect(at(page, "noi_dung.nhom[0].tieu_chi[0].tu_cham")).to_have_value("8,5")
    # What is in the form goes back out to Excel.
    at(page, "noi_dung.nhom[0].tieu_chi[1].tu_cham").fill("12,5")
    expect(page.locator("#bm-trang-thai")).to_have_text(VALID)
    with page.expect_download() as info:
        page.get_by_role("button", name="Xuất dữ liệu ra Excel").click()
    assert info.value.suggested_filename == "bang-cham-diem.xlsx"
    info.value.save_as(tmp_path / "xuat.xlsx")
    out = openpyxl.load_workbook(tmp_path / "xuat.xlsx")["Các tiêu chí"]
    assert [out.cell(row=r, column=column + 1).value for r in (2, 3)] == [8.5, 12.5]
    # A cell that cannot be read is named by sheet, row and column, nothing is replaced.
    scores.cell(row=3, column=column + 1).value = "mười"
    workbook.save(book)
    page.once("dialog", lambda dialog: dialog.accept())
    at(page, "dia_danh").fill("Yên Bái")

    def slow_upload(route: Route) -> None:  # a slow link: the check that typing scheduled
        time.sleep(1.5)  # (500 ms) answers before the upload does
        route.continue_()

    page.route("**/api/v1/import/**", slow_upload)
    page.set_input_files("#bm-excel", str(book))
    summary = page.locator("#bm-tom-tat")
    expect(summary).to_contain_text("Các tiêu chí")
    expect(summary).to_contain_text("dòng 3")
    expect(at(page, "dia_danh")).to_have_value("Yên Bái")
    # The status line says the file was not taken, then gives the form's own verdict — last,
    # whatever answers first: the check that typing scheduled, or the upload (under load the
    # upload answered last and its message stood alone; CI saw it once).
    expect(page.locator("#bm-trang-thai")).to_have_text(
        f"Tệp “{book.name}” chưa nhập được (1 lỗi, xem đầu biểu mẫu). {VALID}")
    expect(page.locator("#bm-tom-tat-tieu-de")).to_be_focused()  # the keyboard is at the list
    expect(summary).to_contain_text("chưa đọc được")


def test_bao_cao_errors_at_the_field_and_nothing_lost(page: Page, live_server: str,
                                                     tmp_path: Path) -> None:
    open_form(page, live_server, "bao-cao-thi-dua")
    load_example(page)
    title = at(page, "trich_yeu")
    title.fill("")
    expect(title).to_have_attribute("aria-invalid", "true")
    described = title.get_attribute("aria-describedby") or ""
    message = page.locator(f'[id="{described.split()[0]}"]')
    expect(message).to_have_class("field__error")
    expect(message).to_contain_text("bắt buộc")
    summary = page.locator("#bm-tom-tat")
    expect(summary).to_contain_text("Cần sửa 1 lỗi")
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "f:trich_yeu"
    page.keyboard.type("Tổng kết công tác thi đua, khen thưởng năm 2024")
    at(page, "ngay").fill("20/06/2024")
    expect(title).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#bm-trang-thai")).to_have_text(VALID)
    # The example over unsaved edits asks first; saying no keeps the work.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Dùng dữ liệu mẫu").click()
    expect(title).to_have_value("Tổng kết công tác thi đua, khen thưởng năm 2024")
    # The JSON tab shows the same data, the dates as the API wants them.
    page.get_by_role("tab", name="JSON").click()
    expect(page.locator("#du-lieu")).to_have_value(re.compile(r'"ngay": "2024-06-20"'))
    page.get_by_role("tab", name="Biểu mẫu").click()
    made = tmp_path / "bao-cao.docx"
    text = download_docx(page, made)
    assert "Tổng kết công tác thi đua, khen thưởng năm 2024".upper() in text.upper()
    assert "ngày 20 tháng 6 năm 2024" in text
    # "Lưu dữ liệu" downloads the JSON the API takes.
    with page.expect_download() as info:
        page.get_by_role("button", name="Lưu dữ liệu").click()
    saved = json.loads(Path(info.value.path()).read_text("utf-8"))
    assert saved["ngay"] == "2024-06-20"
    # Back to the example (asked, accepted), then the document made above reopens in the form.
    page.once("dialog", lambda dialog: dialog.accept())
    at(page, "dia_danh").fill("Hà Nội")
    page.get_by_role("button", name="Dùng dữ liệu mẫu").click()
    expect(title).to_have_value(vanban.example("bao-cao-thi-dua")["trich_yeu"])
    page.set_input_files("#bm-mo-lai", str(made))
    expect(title).to_have_value("Tổng kết công tác thi đua, khen thưởng năm 2024")
    expect(at(page, "ngay")).to_have_value("2024-06-20")
    # "Mở dữ liệu" loads a saved JSON file.
    saved["trich_yeu"] = "Sơ kết công tác thi đua 6 tháng đầu năm 2025"
    again = tmp_path / "bao-cao.json"
    again.write_text(json.dumps(saved, ensure_ascii=False), "utf-8")
    page.set_input_files("#bm-mo", str(again))
    expect(title).to_have_value("Sơ kết công tác thi đua 6 tháng đầu năm 2025")


def test_a_document_of_another_type_reopens_on_its_own_page(page: Page, live_server: str,
                                                            tmp_path: Path) -> None:
    data = vanban.example("bang-cham-diem")
    data["noi_dung"]["don_vi"] = "Sở Tư pháp tỉnh Yên Bái"
    made = tmp_path / "bang-cham-diem.docx"
    made.write_bytes(vanban.render("bang-cham-diem", data))
    open_form(page, live_server, "cong-van")
    page.once("dialog", lambda dialog: dialog.accept())  # "another type: open its page?"
    page.set_input_files("#bm-mo-lai", str(made))
    expect(page).to_have_url(f"{live_server}/mau/bang-cham-diem")
    expect(at(page, "noi_dung.don_vi")).to_have_value("Sở Tư pháp tỉnh Yên Bái")


def test_ho_so_khen_thuong_through_the_form(page: Page, live_server: str) -> None:
    page.set_default_timeout(30_000)  # a whole file renders several documents
    page.goto(f"{live_server}/ho-so")
    expect(at(page, "bien_ban.noi_dung.dia_diem")).to_be_visible()
    load_example(page)
    at(page, "to_trinh.ngay").fill("15/12/2025")
    at(page, "bien_ban.noi_dung.dia_diem").fill("Hội trường tầng 2, Sở Nội vụ")
    expect(page.locator('[id="n:to_trinh.ngay"]')).to_contain_text("15/12/2025")
    expect(page.locator("#bm-trang-thai")).to_have_text(VALID)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Tải cả hồ sơ (.zip)").click()
    with zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes())) as zf:
        minutes = docx_text(zf.read("01-bien-ban-hop-xet.docx"))
        submission = docx_text(zf.read("03-to-trinh-khen-thuong.docx"))
    assert "Hội trường tầng 2, Sở Nội vụ" in minutes
    assert "ngày 15 tháng 12 năm 2025" in submission
    if shutil.which("soffice"):  # each document's pages, and its PDF
        page.get_by_role("button", name="Xem trước các trang").click()
        expect(page.locator("#bm-xem-truoc .preview__doc")).to_have_count(5, timeout=90_000)
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name="Tải PDF: 03-to-trinh-khen-thuong").click()
        assert info.value.suggested_filename == "03-to-trinh-khen-thuong.pdf"
        assert Path(info.value.path()).read_bytes().startswith(b"%PDF-")


def test_every_example_goes_through_the_form_unchanged(page: Page, live_server: str) -> None:
    """The form draws every schema of the registry and gives back exactly what it was given."""
    from vanban.templates import REGISTRY

    for template in REGISTRY.specs:
        open_form(page, live_server, template)
        load_example(page)
        page.get_by_role("tab", name="JSON").click()
        shown = json.loads(page.locator("#du-lieu").input_value())
        assert shown == vanban.example(template), template


def test_phone_width_keyboard_and_screenshot(browser: Browser, live_server: str,
                                            tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for url in ("/", "/api/v1/docs", "/ho-so"):
            page.goto(live_server + url)
            assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), url
        open_form(page, live_server, "bang-cham-diem")
        load_example(page)
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        # Keyboard only: Tab from the form's first field goes through the form's controls.
        page.get_by_role("radio", name="Nhà nước").focus()
        seen = set()
        for _ in range(12):
            page.keyboard.press("Tab")
            seen.add(page.evaluate("document.activeElement.id"))
        assert {"f:co_quan.cap_tren", "f:co_quan.ten"} <= seen
    finally:
        context.close()
    target = Path(os.environ.get("VANBAN_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1100, "height": 1650}, locale="vi-VN")
    page = context.new_page()
    try:
        open_form(page, live_server, "bang-cham-diem")
        load_example(page)
        at(page, "noi_dung.nhom[0].tieu_chi[0].tu_cham").fill("8,5")
        at(page, "ngay").fill("20/06/2024")
        at(page, "dia_danh").fill("")
        expect(at(page, "dia_danh")).to_have_attribute("aria-invalid", "true")
        page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
        shot = target / "screenshot-bieu-mau.png"
        page.screenshot(path=str(shot), type="png")
    finally:
        context.close()
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert shot.stat().st_size < 300_000
