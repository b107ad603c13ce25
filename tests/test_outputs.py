"""Outputs are one table (``vanban.outputs``): docx, pdf, odt. ``vanban render -o x.odt`` gives a
real OpenDocument file (before: the .docx bytes under an .odt name), and an extension that
names no format is refused before anything is written."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from vanban import outputs
from vanban.errors import InputError
from vanban.pdf.libreoffice import find_soffice

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "templates_docx" / "bao-cao-thi-dua" / "example.json"
ODT_MIME = "application/vnd.oasis.opendocument.text"

needs_soffice = pytest.mark.skipif(find_soffice("") is None,
                                   reason="LibreOffice is installed by .ci/run")


def odt_text(data: bytes) -> str:
    """The text of an ODT, after checking that it is one (its ``mimetype`` entry)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.read("mimetype").decode() == ODT_MIME
        root = etree.fromstring(zf.read("content.xml"))
    return " ".join("".join(root.itertext()).split())


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "service"), "VANBAN_PDF": "libreoffice"}
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], capture_output=True,
                          env=env, cwd=cwd, timeout=300, check=False)


def test_the_table():
    assert outputs.NAMES == ("docx", "pdf", "odt")
    assert outputs.get("ODT") is outputs.ODT and outputs.get(None) is outputs.DOCX
    assert outputs.ODT.media_type == ODT_MIME and outputs.ODT.converted
    assert outputs.by_media_type("application/pdf") is outputs.PDF


@pytest.mark.parametrize(("path", "fmt", "want"), [
    ("a.odt", None, "odt"), ("A.PDF", None, "pdf"), ("a.docx", None, "docx"),
    ("a", None, "docx"), ("a", "odt", "odt"), ("a.odt", "odt", "odt")])
def test_format_of_a_path(path, fmt, want):
    assert outputs.for_path(path, fmt).name == want


@pytest.mark.parametrize(("path", "fmt"), [("a.txt", None), ("a.doc", None),
                                           ("a.docx", "pdf"), ("a.odt", "docx")])
def test_a_mislabelled_file_is_refused(path, fmt):
    with pytest.raises(InputError) as caught:
        outputs.for_path(path, fmt)
    (found,) = caught.value.problems
    assert found.code == "output.extension" and found.extra["accepted"] == list(outputs.NAMES)


def test_unknown_format_name():
    with pytest.raises(InputError) as caught:
        outputs.get("rtf")
    assert caught.value.problems[0].code == "output.unknown"
    assert "odt" in caught.value.problems[0].message


@needs_soffice
def test_cli_writes_a_real_odt(tmp_path):
    done = run_cli("render", "bao-cao-thi-dua", str(EXAMPLE), "-o", "bao-cao.odt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    text = odt_text((tmp_path / "bao-cao.odt").read_bytes())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    # into a folder with --format: named from số, ký hiệu and abstract, with .odt
    (tmp_path / "ra").mkdir()
    done = run_cli("render", "bao-cao-thi-dua", str(EXAMPLE), "-o", "ra", "--format", "odt",
                   cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    (made,) = (tmp_path / "ra").iterdir()
    assert made.suffix == ".odt" and odt_text(made.read_bytes())


def test_cli_refuses_an_unknown_extension(tmp_path):
    done = run_cli("render", "bao-cao-thi-dua", str(EXAMPLE), "-o", "bao-cao.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert ".txt" in done.stderr.decode() and ".odt" in done.stderr.decode()
    assert list(tmp_path.iterdir()) == []
    done = run_cli("render", "bao-cao-thi-dua", str(EXAMPLE), "-o", "bao-cao.docx",
                   "--format", "pdf", cwd=tmp_path)
    assert done.returncode == 2 and list(tmp_path.iterdir()) == []


def test_cli_choices_come_from_the_table(tmp_path):
    done = run_cli("render", "--help", cwd=tmp_path)
    assert "{docx,pdf,odt}" in done.stdout.decode()
