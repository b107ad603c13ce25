"""Attachments: in a hồ sơ the danh sách annex becomes its own file, ready for the agency's
signature at the top right of its first page; ``vanban sign --attachment`` writes the số/ký hiệu
and the signing time (ISO 8601, +07:00) there in Times New Roman 10, with no image."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from kyso_pages import bbox_lines, page_text
from pki import PASSWORD, Pki
from readback import appearance_texts, appearance_widths, fields, fonts_not_embedded, ink_box, xmp

from vanban.cli import main
from vanban.kyso.fields import ATTACHMENT_FIELD
from vanban.kyso.prepare import ho_so_for_signing

ROOT = Path(__file__).resolve().parents[2]
HO_SO = ROOT / "service" / "vanban" / "ho_so" / "vi_du.json"


@pytest.fixture(scope="module")
def ho_so(tmp_path_factory: pytest.TempPathFactory, warm) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ho-so")
    with zipfile.ZipFile(io.BytesIO(ho_so_for_signing(HO_SO.read_bytes(), warm))) as zf:
        for name in zf.namelist():
            (folder / name).write_bytes(zf.read(name))
        return {name: folder / name for name in zf.namelist()}


def test_zip_of_pdfs_ready_to_sign(ho_so: dict[str, Path]) -> None:
    assert list(ho_so) == [
        "01-bien-ban-hop-xet.pdf", "02-bao-cao-thanh-tich-01.pdf",
        "02-bao-cao-thanh-tich-02.pdf", "03-to-trinh-khen-thuong.pdf",
        "03-to-trinh-khen-thuong-danh-sach.pdf", "04-quyet-dinh-khen-thuong.pdf",
        "04-quyet-dinh-khen-thuong-danh-sach.pdf"]
    for name, path in ho_so.items():
        pdf = path.read_bytes()
        assert 'pdfaid:part="2"' in xmp(pdf), name
        assert fonts_not_embedded(pdf) == [], name
        found = fields(pdf)
        if name.endswith("-danh-sach.pdf"):
            assert set(found) == {ATTACHMENT_FIELD}, name
        else:
            assert {"NguoiKy"} <= set(found) and ATTACHMENT_FIELD not in found, name


def test_annex_moved_out_of_the_submission(ho_so: dict[str, Path]) -> None:
    main_text = page_text(ho_so["03-to-trinh-khen-thuong.pdf"])
    annex_text = page_text(ho_so["03-to-trinh-khen-thuong-danh-sach.pdf"])
    assert "TỜ TRÌNH" in main_text and "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" not in main_text
    assert annex_text.lstrip().startswith("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")
    number = re.search(r"Số: (\S+)", main_text).group(1)
    assert number in xmp(ho_so["03-to-trinh-khen-thuong-danh-sach.pdf"].read_bytes())


def test_attachment_field_top_right_of_page_one(ho_so: dict[str, Path]) -> None:
    path = ho_so["03-to-trinh-khen-thuong-danh-sach.pdf"]
    page, (left, bottom, right, top), _ = fields(path.read_bytes())[ATTACHMENT_FIELD]
    lines = bbox_lines(path, 1)
    assert page == 0
    assert bottom >= max(x[4] for x in lines) - 0.5, "above every line of text"
    assert right == pytest.approx(max(x[3] for x in lines), abs=1.5), "aligned on the right"
    assert left > 595 / 2, "in the right half"


def test_sign_attachment_prints_number_and_time(ho_so: dict[str, Path], pki: Pki,
                                                tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("P12_PASS", PASSWORD)
    path = ho_so["03-to-trinh-khen-thuong-danh-sach.pdf"]
    out = tmp_path / "danh-sach-da-ky.pdf"
    # no --so-ky-hieu: the prepared attachment carries the submission's number in its XMP
    assert main(["sign", str(path), "--attachment", "--p12", str(pki.seal_p12),
                 "--password-env", "P12_PASS", "-o", str(out)]) == 0
    assert main(["verify", str(out), "--trust", str(pki.ca_pem)]) == 0
    capsys.readouterr()
    number = re.search(r"Số: (\S+)", page_text(ho_so["03-to-trinh-khen-thuong.pdf"])).group(1)
    texts = appearance_texts(out.read_bytes(), ATTACHMENT_FIELD)
    assert texts[0] == number
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", texts[1]), texts
    # drawn at 10 pt: two lines about 22 pt high; the time (25 characters of Times) about
    # 117 pt wide — pyHanko's own TrueType widths drew it twice as wide, then shrank it
    _, box, _ = fields(out.read_bytes())[ATTACHMENT_FIELD]
    left, bottom, right, top = ink_box(out, 0, box)
    assert 105 < right - left < 130, right - left
    assert 18 < top - bottom < 26, top - bottom
    assert right == pytest.approx(box[2], abs=2.5), "right-aligned in the top right corner"
    digit = 500  # Times New Roman's digits are half an em wide
    assert digit in appearance_widths(out.read_bytes(), ATTACHMENT_FIELD)
    assert max(appearance_widths(out.read_bytes(), ATTACHMENT_FIELD)) <= 1000
    assert fonts_not_embedded(out.read_bytes()) == []
    fonts = __import__("subprocess").run(["pdffonts", str(out)], capture_output=True,
                                         text=True).stdout
    assert re.search(r"(TimesNewRoman|LiberationSerif)\S*\s+CID TrueType", fonts), fonts
    assert 'pdfaid:part="2"' in xmp(out.read_bytes())


def test_attachment_with_explicit_number_on_any_pdf(ho_so: dict[str, Path], pki: Pki,
                                                    tmp_path: Path, monkeypatch,
                                                    capsys) -> None:
    """A PDF without a prepared field gets one at the top right when signing."""
    monkeypatch.setenv("P12_PASS", PASSWORD)
    plain = tmp_path / "bao-cao.pdf"
    plain.write_bytes(ho_so["01-bien-ban-hop-xet.pdf"].read_bytes())
    out = tmp_path / "bao-cao-da-ky.pdf"
    assert main(["sign", str(plain), "--attachment", "--so-ky-hieu", "12/BC-SNV", "--p12",
                 str(pki.seal_p12), "--password-env", "P12_PASS", "-o", str(out)]) == 0
    assert appearance_texts(out.read_bytes(), ATTACHMENT_FIELD)[0] == "12/BC-SNV"
    assert main(["--json-errors", "sign", str(plain), "--attachment", "--so-ky-hieu", "1/BC",
                 "--image", str(plain), "--p12", str(pki.seal_p12), "--password-env",
                 "P12_PASS", "-o", str(out)]) == 2
    assert "kyso.attachment-image" in capsys.readouterr().err
