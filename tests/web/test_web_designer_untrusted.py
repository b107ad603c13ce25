"""Issue 19 item 1 through the service: a template uploaded to the designer with an external
image link, an SVG file reference and a linked OLE object previews without a request reaching
a listener on 127.0.0.1 and without local file text in the PDF (real server, real
LibreOffice, pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ooxml"))
from hostile_docs import Listener, hostile_docx, secret_files  # noqa: E402

from vanban.pdf import converter  # noqa: E402

MARK = "SECRETMARK19WEB"
API = "/api/v1/designer/preview"

pytestmark = pytest.mark.skipif(not converter().available() or not shutil.which("pdftotext"),
                                reason="LibreOffice and poppler-utils are installed by .ci/run")


def test_uploaded_template_fetches_nothing_and_reads_no_file(live_server, tmp_path):
    secret = secret_files(tmp_path / "s", MARK)
    with Listener() as listener:
        template = hostile_docx(listener.url, secret, body="Mau tai len {{ ten }}")
        files = {"template": ("mau.docx", template)}
        r = requests.post(f"{live_server}{API}?format=pdf", files=files,
                          data={"kind": "full", "data": '{"ten": "Lan"}'}, timeout=120)
        assert r.status_code == 200, r.text[:500]
        (tmp_path / "p.pdf").write_bytes(r.content)
        text = subprocess.run(["pdftotext", str(tmp_path / "p.pdf"), "-"], check=True,
                              capture_output=True, text=True).stdout
        assert "Mau tai len Lan" in text
        assert MARK not in text
        r = requests.post(f"{live_server}{API}?format=json", files=files,
                          data={"kind": "full", "data": '{"ten": "Lan"}'}, timeout=120)
        assert r.status_code == 200, r.text[:500]
        assert r.json()["page_count"] >= 1
        assert listener.hits == []
