"""Signing with a key on a PKCS#11 token (``--pkcs11-lib``), as with a USB token or an HSM:
SoftHSM2 plays the token; its key and certificate are loaded with pkcs11-tool (OpenSC). The
PIN comes from an environment variable and never reaches the output."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from kyso_pages import example
from pki import PASSWORD, Pki

from vanban import pipeline
from vanban.cli import main
from vanban.kyso.prepare import prepare

LIBS = ["/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"]
LIB = next((p for p in LIBS if Path(p).is_file()), None)
PIN = "123456"

pytestmark = pytest.mark.skipif(
    LIB is None or not shutil.which("softhsm2-util") or not shutil.which("pkcs11-tool"),
    reason="SoftHSM2 / OpenSC not installed (deploy/install-system.sh --tests installs them)")


@pytest.fixture
def token(tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch) -> str:
    (tmp_path / "tokens").mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "vanban-thu",
                    "--pin", PIN, "--so-pin", "654321"], check=True, env=env,
                   capture_output=True)
    key, cert, _ = pkcs12.load_key_and_certificates(pki.signer_p12.read_bytes(),
                                                    PASSWORD.encode())
    key_der = tmp_path / "key.der"
    key_der.write_bytes(key.private_bytes(serialization.Encoding.DER,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    cert_der = tmp_path / "cert.der"
    cert_der.write_bytes(cert.public_bytes(serialization.Encoding.DER))
    for path, kind in ((key_der, "privkey"), (cert_der, "cert")):
        subprocess.run(["pkcs11-tool", "--module", LIB, "--token-label", "vanban-thu",
                        "--login", "--pin", PIN, "--write-object", str(path), "--type", kind,
                        "--id", "01", "--label", "nguoi-ky"], check=True, env=env,
                       capture_output=True)
    key_der.unlink()
    return "vanban-thu"


def test_sign_with_a_token(token: str, pki: Pki, warm, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    ready = tmp_path / "de-ky.pdf"
    ready.write_bytes(prepare(pipeline.run("cong-van", example("cong-van")), warm).pdf)
    monkeypatch.setenv("TOKEN_PIN", PIN)
    out = tmp_path / "da-ky.pdf"
    assert main(["--json-errors", "sign", str(ready), "--pkcs11-lib", LIB, "--token", token,
                 "--key-label", "nguoi-ky", "--pin-env", "TOKEN_PIN", "-o", str(out)]) == 0
    assert main(["verify", str(out), "--trust", str(pki.ca_pem)]) == 0
    captured = capsys.readouterr()
    assert "Nguyễn Thành Sinh" in captured.out
    assert PIN not in captured.out + captured.err

    monkeypatch.setenv("TOKEN_PIN", "000000")
    assert main(["--json-errors", "sign", str(ready), "--pkcs11-lib", LIB, "--token", token,
                 "--key-label", "nguoi-ky", "--pin-env", "TOKEN_PIN",
                 "-o", str(tmp_path / "x.pdf")]) == 2
    captured = capsys.readouterr()
    assert "kyso.pkcs11" in captured.err and "000000" not in captured.err + captured.out
