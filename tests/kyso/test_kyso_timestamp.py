"""PAdES B-T: ``vanban sign --tsa-url`` asks a time-stamping authority over HTTP (RFC 3161) for
a signature time-stamp. The authority here is a real HTTP server on loopback answering with
pyHanko's test time-stamper under a certificate of the test CA."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from asn1crypto import keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from flask import Flask, Response, request
from kyso_pages import example
from pki import PASSWORD, Pki, issue_tsa
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from waitress.server import create_server

from vanban import pipeline
from vanban.cli import main
from vanban.kyso.prepare import prepare


@pytest.fixture(scope="module")
def tsa(pki: Pki) -> Iterator[str]:
    cert, key = issue_tsa(pki)
    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())))
    app = Flask("tsa-thu")

    @app.post("/")
    def stamp() -> Response:
        reply = stamper.request_tsa_response(tsp.TimeStampReq.load(request.get_data()))
        return Response(reply.dump(), mimetype="application/timestamp-reply")

    server = create_server(app, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}/"
    server.trigger.pull_trigger(server.close)
    thread.join(timeout=10)


def test_signature_timestamp(tsa: str, pki: Pki, warm, tmp_path: Path, monkeypatch,
                             capsys) -> None:
    import json

    ready = tmp_path / "de-ky.pdf"
    ready.write_bytes(prepare(pipeline.run("cong-van", example("cong-van")), warm).pdf)
    monkeypatch.setenv("P12_PASS", PASSWORD)
    out = tmp_path / "da-ky.pdf"
    assert main(["sign", str(ready), "--p12", str(pki.signer_p12), "--password-env",
                 "P12_PASS", "--tsa-url", tsa, "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["verify", str(out), "--trust", str(pki.ca_pem), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["signatures"][0]
    assert report["timestamped"] is True and report["ok"] is True


def test_unreachable_tsa_is_an_error(pki: Pki, warm, tmp_path: Path, monkeypatch,
                                     capsys) -> None:
    import json
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    ready = tmp_path / "de-ky.pdf"
    ready.write_bytes(prepare(pipeline.run("cong-van", example("cong-van")), warm).pdf)
    monkeypatch.setenv("P12_PASS", PASSWORD)
    assert main(["--json-errors", "sign", str(ready), "--p12", str(pki.signer_p12),
                 "--password-env", "P12_PASS", "--tsa-url", f"http://127.0.0.1:{port}/",
                 "-o", str(tmp_path / "x.pdf")]) == 2
    problem = json.loads(capsys.readouterr().err)["problems"][0]
    assert problem["code"] == "kyso.tsa" and problem["message_en"]
