"""Page images of a real vanban PDF: count, size at a resolution, page ranges, ink where the
header is, and clear errors for what is not a PDF."""

from __future__ import annotations

import io
import subprocess

import pytest
from pdf_helpers import needs_soffice
from PIL import Image

from vanban.errors import ConversionError
from vanban.pdf import LibreOfficeConverter
from vanban.pdf.images import page_count, pdf_pages_png

A4_INCHES = (210 / 25.4, 297 / 25.4)


@pytest.fixture(scope="module")
def pdf(rendered: dict[str, bytes]) -> bytes:
    if not LibreOfficeConverter().available():
        pytest.skip("LibreOffice is installed by .ci/run")
    return LibreOfficeConverter(timeout=120).convert(rendered["nha-nuoc-mau-01-tong-ket-2021"])


def poppler_pages(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout
    line = next(x for x in info.decode().splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


@needs_soffice
def test_page_count_agrees_with_poppler(pdf):
    assert page_count(pdf) == poppler_pages(pdf) >= 2


@needs_soffice
@pytest.mark.parametrize("dpi", [40, 80, 150])
def test_one_a4_png_per_page(pdf, dpi):
    pngs = pdf_pages_png(pdf, dpi=dpi)
    assert len(pngs) == page_count(pdf)
    for png in pngs:
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        image = Image.open(io.BytesIO(png))
        assert image.mode == "L"  # black on white: written as grayscale (same pixels)
        for got, inches in zip(image.size, A4_INCHES, strict=True):
            assert abs(got - inches * dpi) <= 1


@needs_soffice
def test_first_page_has_ink_in_the_header_and_white_margins(pdf):
    image = Image.open(io.BytesIO(pdf_pages_png(pdf, dpi=80)[0])).convert("L")
    width, height = image.size
    header = image.crop((0, int(height * 0.05), width, int(height * 0.15)))
    assert header.getextrema()[0] < 100  # dark text: the agency and the Quốc hiệu
    corner = image.crop((0, 0, int(width * 0.05), int(height * 0.03)))
    assert corner.getextrema() == (255, 255)  # white paper, not a transparent/black page


@needs_soffice
def test_page_ranges_are_one_based_inclusive_and_clamped(pdf):
    pages = pdf_pages_png(pdf)
    count = len(pages)
    assert pdf_pages_png(pdf, first=2, last=2) == [pages[1]]
    assert pdf_pages_png(pdf, first=2) == pages[1:]
    assert pdf_pages_png(pdf, last=1) == pages[:1]
    assert pdf_pages_png(pdf, first=0, last=count + 5) == pages
    assert pdf_pages_png(pdf, first=count + 1) == []


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 not a pdf", b"%PDF-1.7\n%%EOF"])
def test_not_a_pdf_is_a_clear_error(data):
    for call in (page_count, pdf_pages_png):
        with pytest.raises(ConversionError) as info:
            call(data)
        problem = info.value.problems[0]
        assert problem.code == "pdf.unreadable" and "PDF" in problem.message


@pytest.mark.parametrize("dpi", [0, 9, 601])
def test_dpi_out_of_range(dpi):
    with pytest.raises(ValueError, match="dpi"):
        pdf_pages_png(b"%PDF-1.7", dpi=dpi)


@needs_soffice
def test_a_colourless_page_is_grayscale_with_the_same_pixels(pdf):
    import pypdfium2 as pdfium
    from PIL import ImageChops

    document = pdfium.PdfDocument(pdf)
    rgb = document[0].render(scale=80 / 72).to_pil()
    document.close()
    gray = Image.open(io.BytesIO(pdf_pages_png(pdf, dpi=80)[0]))
    assert gray.mode == "L"
    assert ImageChops.difference(gray.convert("RGB"), rgb.convert("RGB")).getbbox() is None
