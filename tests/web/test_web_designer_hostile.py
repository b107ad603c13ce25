"""Issue 19 items 6 and 9 on the designer: deep expressions and DTDs in an uploaded template
are 422 with the template's place (never 500), and no Python text or memory address reaches
a problem body."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pytest
from flask.testing import FlaskClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "designer"))
from designer_docs import make_docx  # noqa: E402

API = "/api/v1/designer"
ROUTES = ["lint", "preview?format=docx", "annotate"]


def post(client: FlaskClient, route: str, template: bytes, data: str = '{"ten": "Lan"}'):
    return client.post(f"{API}/{route}", data={"template": (io.BytesIO(template), "mau.docx"),
                                                "kind": "full", "data": data})


def with_dtd(template: bytes, dtd: bytes, ref: bytes = b"") -> bytes:
    source = zipfile.ZipFile(io.BytesIO(template))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = data.replace(b"?>", b"?>" + dtd, 1).replace(b"XREF", ref)
            target.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("route", ROUTES)
def test_deep_expression_is_422_at_its_paragraph(client: FlaskClient, route: str):
    deep = "{{ " + "(" * 150 + "1" + ")" * 150 + " }}"
    r = post(client, route, make_docx("Kính gửi {{ ten }}", deep))
    assert r.status_code == 422, r.get_data(as_text=True)[:300]
    (item,) = r.get_json()["problems"]
    assert item["code"] == "template.too-deep"
    assert item["path"] == "body ¶2" and item["extra"]["paragraph"] == 2
    assert item["extra"]["text"].startswith("{{ ((((")


@pytest.mark.parametrize("dtd", [
    b'<!DOCTYPE w:document [<!ENTITY x "xyz">]>',
    b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
])
@pytest.mark.parametrize("route", ROUTES)
def test_dtd_in_a_template_is_422_naming_the_part(client: FlaskClient, route: str, dtd: bytes):
    r = post(client, route, with_dtd(make_docx("Kính gửi {{ ten }} XREF"), dtd, b"&x;"))
    assert r.status_code == 422, r.get_data(as_text=True)[:300]
    (item,) = r.get_json()["problems"]
    assert item["code"] == "upload.dtd" and item["extra"]["part"] == "word/document.xml"
    assert "word/document.xml dòng" in item["path"]
    assert "root:" not in r.get_data(as_text=True)


@pytest.mark.parametrize("expression", ["{{ [].append }}", "{{ ten.upper }}", "{{ cycler }}",
                                        "{{ lipsum }}", "{{ namespace }}"])
def test_no_memory_address_is_printed_nor_answered(client: FlaskClient, expression: str):
    r = post(client, "preview?format=docx", make_docx(expression))
    body = r.data if r.status_code != 200 else zipfile.ZipFile(io.BytesIO(r.data)).read(
        "word/document.xml")
    assert not re.search(rb"0x[0-9a-f]{6,}", body), body[:300]
    assert r.status_code == 422 and r.get_json()["problems"][0]["code"] == "sandbox.unsafe"


def test_crash_text_stays_in_the_log(client: FlaskClient, monkeypatch, caplog):
    """A failure the sandbox does not know (here: an error inside a filter) answers a
    generic sandbox.crashed; the exception text is logged, not sent."""
    import multiprocessing

    from vanban.designer import render, sandbox

    def broken(*args, **kwargs):
        raise KeyError("secret-internal-detail /srv/vanban/x.py")

    monkeypatch.setattr(render, "render_upload", broken)
    monkeypatch.setattr(sandbox, "_context", lambda: multiprocessing.get_context("fork"))
    with caplog.at_level("ERROR"):
        r = post(client, "preview?format=docx", make_docx("Kính gửi {{ ten }}"))
    assert r.status_code == 422
    assert r.get_json()["problems"][0]["code"] == "sandbox.crashed"
    assert "secret-internal-detail" not in r.get_data(as_text=True)
    assert "KeyError" not in r.get_data(as_text=True)
    assert "secret-internal-detail" in caplog.text
