"""The "Thiết kế mẫu" page in headless Chromium (Debian's /usr/bin/chromium, shared launch):
a designer uploads a template, sees the pages and the lint findings side by side without a
reload, downloads the .docx, fixes nothing and sees a broken tag located; without JavaScript
the server shows the same.

``VANBAN_SCREENSHOTS=docs python -m pytest tests/web/test_web_designer_browser.py`` writes
``docs/screenshot-thiet-ke.png`` and ``docs/screenshot-thiet-ke-loi.png`` (a template with
mistakes, previewed with each one marked).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "designer"))
from designer_docs import body_template, make_docx  # noqa: E402

from vanban.check.docx_facts import load  # noqa: E402
from vanban.pdf import converter  # noqa: E402

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
expect.set_options(timeout=60_000)  # a cold LibreOffice start is part of the first preview
pytestmark = pytest.mark.skipif(not converter().available(),
                                reason="LibreOffice is installed by .ci/run")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("thiet-ke")
    good = folder / "khen-thuong.docx"
    good.write_bytes(body_template(
        "Năm {{ noi_dung.ky.nam }}, đơn vị đã được các hình thức khen thưởng sau:",
        "{%p for k in noi_dung.khen_thuong %}",
        "- {{ k.ten }} ({{ k.nguoi_tang }}): {{ k.tap_the|default(0) }} tập thể, "
        "{{ k.ca_nhan|default(0) }} cá nhân.",
        "{%p endfor %}"))
    broken = folder / "mau-loi.docx"
    broken.write_bytes(make_docx("Kính gửi: {{ co_quan.ten }", "Nội dung {{ noi_dung|khong_co }}"))
    return {"good": good, "broken": broken}


def _page(browser, javascript: bool = True):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN",
                                  java_script_enabled=javascript, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    return page


def test_upload_preview_findings_and_download(browser, live_server: str,
                                              files: dict[str, Path]) -> None:
    page = _page(browser)
    page.goto(live_server + "/")
    page.get_by_role("navigation", name="Liên kết chính").get_by_role(
        "link", name="Thiết kế mẫu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thiết kế mẫu")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Tệp mẫu Word (.docx)").set_input_files(str(files["good"]))
    page.get_by_role("button", name="Xem trước").click()
    images = page.locator("#cac-trang img.page__image")
    expect(images.first).to_be_visible()
    expect(page.locator("#trang-tom-tat")).to_contain_text("dữ liệu mẫu của bao-cao-thi-dua")
    assert page.evaluate("window.notReloaded") is True
    assert images.first.evaluate("img => img.naturalWidth") > 300
    expect(page.locator("#loi-tom-tat")).to_contain_text("Mẫu không có lỗi")
    expect(page.locator("#loi-mau .finding").first).to_contain_text("lint.unused-field")
    if os.environ.get("VANBAN_SCREENSHOTS"):
        page.screenshot(path=str(Path(os.environ["VANBAN_SCREENSHOTS"]) /
                                 "screenshot-thiet-ke.png"), full_page=True)
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải .docx").click()
    download = info.value
    assert download.suggested_filename == "khen-thuong-xem-truoc.docx"
    text = "\n".join(p.text for p in load(Path(download.path()).read_bytes()).paragraphs)
    assert "Năm 2024, đơn vị đã được" in text and "CỘNG HÒA XÃ HỘI" in text

    page.get_by_label("Tệp mẫu Word (.docx)").set_input_files(str(files["broken"]))
    page.get_by_role("button", name="Xem trước").click()
    expect(page.locator("#loi-tom-tat")).to_contain_text("Mẫu có lỗi cần sửa")
    first = page.locator("#loi-mau .finding").first
    expect(first).to_contain_text("lint.tag-unclosed")
    expect(first).to_contain_text("Kính gửi: {{ co_quan.ten }")
    expect(page.locator("#loi-mau")).to_contain_text("lint.unknown-filter")
    # the preview does not block: the pages show, each broken paragraph marked
    expect(page.locator("#trang-tom-tat")).to_contain_text("mẫu còn 2 lỗi")
    expect(page.locator("#cac-trang img.page__image").first).to_be_visible()
    expect(first).to_contain_text("[Lỗi 1]")


def test_missing_variable_and_broken_loop_show_pages_and_one_finding_each(
        page, live_server: str, tmp_path: Path) -> None:
    """Issue 18: a designer's template with a variable the data lacks and an unclosed loop
    still previews; each mistake is one finding, in Vietnamese, at its paragraph, marked on
    the page; the messages name the uploaded file."""
    page.set_default_timeout(60_000)
    template = tmp_path / "mau-cua-toi.docx"
    template.write_bytes(make_docx("Kính gửi: {{ noi_gui }}", "Người lập: {{ nguoi_lap }}",
                                   "{% for x in ds %}", "- {{ x.ten }}", "Tổng: {{ so + 1 }}"))
    page.goto(live_server + "/thiet-ke")
    page.get_by_label("Tệp mẫu Word (.docx)").set_input_files(str(template))
    page.get_by_role("textbox", name="Dữ liệu JSON").fill('{"noi_gui": "Sở Nội vụ", "so": "ba", '
                                          '"ds": [{"ten": "An"}]}')
    page.get_by_role("button", name="Xem trước").click()
    expect(page.locator("#cac-trang img.page__image").first).to_be_visible()
    expect(page.locator("#trang-tom-tat")).to_contain_text("mẫu còn 3 lỗi")
    findings = page.locator("#loi-mau .finding")
    expect(findings).to_have_count(3)
    expect(findings.nth(0)).to_contain_text("“nguoi_lap”")
    expect(findings.nth(0)).to_contain_text("«nguoi_lap»")
    expect(findings.nth(1)).to_contain_text("Khối “{% for %}” không được đóng")
    expect(findings.nth(1)).to_contain_text("body ¶3")
    expect(findings.nth(1)).to_contain_text("Kéo theo")
    expect(findings.nth(2)).to_contain_text("body ¶5")
    expect(findings.nth(2)).to_contain_text("mau-cua-toi.docx")
    expect(findings.nth(2)).to_contain_text("Không nối được")
    assert "template.docx" not in page.locator("#loi-mau").inner_text()
    assert "dòng" not in page.locator("#loi-mau").inner_text()
    if os.environ.get("VANBAN_SCREENSHOTS"):
        page.screenshot(path=str(Path(os.environ["VANBAN_SCREENSHOTS"]) /
                                 "screenshot-thiet-ke-loi.png"), full_page=True)


def test_full_template_without_data_previews_with_the_example(page, live_server: str,
                                                               tmp_path: Path) -> None:
    page.set_default_timeout(60_000)
    template = tmp_path / "day-du.docx"
    template.write_bytes(make_docx("Kính gửi {{ co_quan.ten }}", "Năm {{ noi_dung.ky.nam }}"))
    page.goto(live_server + "/thiet-ke")
    page.get_by_label("Tệp mẫu Word (.docx)").set_input_files(str(template))
    page.get_by_role("button", name="Xem trước").click()
    expect(page.locator("#cac-trang img.page__image").first).to_be_visible()
    expect(page.locator("#trang-tom-tat")).to_contain_text("dữ liệu mẫu của bao-cao-thi-dua")
    expect(page.locator("#loi-tom-tat")).to_contain_text("Mẫu không có lỗi")


def test_without_javascript_the_server_draws_the_same(browser, live_server: str,
                                                      files: dict[str, Path]) -> None:
    page = _page(browser, javascript=False)
    page.goto(live_server + "/thiet-ke")
    page.get_by_label("Tệp mẫu Word (.docx)").set_input_files(str(files["good"]))
    page.get_by_role("button", name="Xem trước").click()
    expect(page.locator("#cac-trang img.page__image").first).to_be_visible()
    expect(page.locator("#loi-mau .finding").first).to_contain_text("lint.unused-field")
    expect(page.locator("#tep-dang-dung")).to_have_text("khen-thuong.docx")


def test_download_a_builtin_as_word_edit_it_and_preview(page, live_server: str,
                                                       tmp_path: Path) -> None:
    """Issue 18: the page offers the Word file of a built-in; an edited copy uploaded back
    previews with that template's example, the new sentence on the page's .docx."""
    import docx
    from docx.oxml.ns import qn

    page.set_default_timeout(60_000)
    page.goto(live_server + "/thiet-ke")
    page.get_by_label("hoặc mẫu có sẵn").select_option("bao-cao-thi-dua")
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải mẫu Word").click()
    download = info.value
    assert download.suggested_filename == "bao-cao-thi-dua.docx"
    document = docx.Document(download.path())
    added = document.add_paragraph("Đơn vị chúng tôi viết thêm câu này trong Word.")
    added._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), "VBNoiDung")
    edited = tmp_path / "bao-cao-cua-don-vi.docx"
    document.save(str(edited))

    page.get_by_label("hoặc mẫu có sẵn").select_option("")
    page.get_by_label("Tệp mẫu Word (.docx)").set_input_files(str(edited))
    page.get_by_role("button", name="Xem trước").click()
    expect(page.locator("#cac-trang img.page__image").first).to_be_visible()
    expect(page.locator("#trang-tom-tat")).to_contain_text("dữ liệu mẫu của bao-cao-thi-dua")
    expect(page.locator("#loi-tom-tat")).to_contain_text("Mẫu không có lỗi")
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải .docx").click()
    text = [p.text for p in load(Path(info.value.path()).read_bytes()).paragraphs]
    assert "Đơn vị chúng tôi viết thêm câu này trong Word." in text
