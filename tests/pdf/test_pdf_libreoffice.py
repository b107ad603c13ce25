"""PDF through the real LibreOffice: header, signature, Quốc hiệu on one line, page count."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from pdf_helpers import running

from conftest import FIXTURES, fixture_data
from vanban.errors import ConversionError, ConversionTimeout
from vanban.pdf import LibreOfficeConverter
from vanban.the_thuc.families import DANG_HIEU, QUOC_HIEU, TIEU_NGU

pytestmark = pytest.mark.skipif(
    not LibreOfficeConverter().available() or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler-utils are installed by .ci/run")


@pytest.fixture(scope="module")
def pdf_text(rendered, tmp_path_factory) -> dict[str, str]:
    out = {}
    conv = LibreOfficeConverter()
    for name in FIXTURES:
        pdf = conv.convert(rendered[name])
        assert pdf.startswith(b"%PDF-")
        path = tmp_path_factory.mktemp("pdf") / f"{name}.pdf"
        path.write_bytes(pdf)
        out[name] = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                                   capture_output=True, text=True).stdout
    return out


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_pdf_has_header_and_signature(pdf_text, name):
    data = fixture_data(name)
    text = pdf_text[name]
    lines = [line.strip() for line in text.splitlines()]
    if data["the_thuc"] == "dang":
        assert any(DANG_HIEU in line for line in lines)
        assert "T/M BAN THƯỜNG VỤ" in text
    else:
        # The Quốc hiệu stays on one line (not wrapped inside its column).
        assert any(QUOC_HIEU in line for line in lines), text[:600]
        assert any(TIEU_NGU in line for line in lines)
    assert data["nguoi_ky"]["chuc_vu"] in text
    if data["nguoi_ky"]["ho_ten"]:
        assert data["nguoi_ky"]["ho_ten"] in text
    assert "Nơi nhận:" in text
    # Page numbers: none on page 1, "2" on top of page 2.
    pages = text.split("\f")
    assert len(pages) >= 2
    assert pages[1].strip().splitlines()[0].strip() == "2"


def test_missing_soffice_is_a_clear_503():
    conv = LibreOfficeConverter(soffice="/nonexistent/soffice")
    assert not conv.available()
    with pytest.raises(ConversionError) as info:
        conv.convert(b"PK")
    assert info.value.status == 503 and "LibreOffice" in info.value.problems[0].message


def _processes_under(folder: Path) -> list[int]:
    """Live processes whose command line mentions ``folder``."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if str(folder) in proc.joinpath("cmdline").read_text(errors="replace"):
                    found.append(int(proc.name))
            except OSError:
                continue
    return [pid for pid in found if running(pid)]


def test_cold_timeout_is_504_and_kills_libreoffice(rendered, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    conv = LibreOfficeConverter(timeout=0.3)  # far below any cold start of LibreOffice
    with pytest.raises(ConversionTimeout) as info:
        conv.convert(rendered["nha-nuoc-mau-01-tong-ket-2021"])
    assert info.value.status == 504 and info.value.problems[0].code == "pdf.timeout"
    # The launcher and soffice.bin (its child, forked by then) are both gone at once: the
    # whole group was killed. (Killing only the launcher leaves soffice.bin running.)
    deadline = time.monotonic() + 0.3
    while _processes_under(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_under(tmp_path) == []
