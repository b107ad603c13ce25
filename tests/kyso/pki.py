"""A throw-away PKI for the ký số tests: a root CA, a signer and an agency seal certificate,
written as .p12 files at test time (never committed), plus the two images of the decree —
a blue handwritten-looking signature and a red round seal, PNGs with transparent backgrounds."""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from PIL import Image, ImageDraw

PASSWORD = "mat-khau-thu"


def _name(cn: str, org: str = "Sở Nội vụ tỉnh Thử") -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


@dataclass
class Pki:
    ca_pem: Path
    signer_p12: Path
    seal_p12: Path
    other_ca_pem: Path
    ca_cert: x509.Certificate
    ca_key: ec.EllipticCurvePrivateKey

    def issue(self, cn: str, path: Path, password: str = PASSWORD) -> Path:
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        cert = (x509.CertificateBuilder()
                .subject_name(_name(cn)).issuer_name(self.ca_cert.subject)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(days=1))
                .not_valid_after(now + dt.timedelta(days=30))
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(
                    digital_signature=True, content_commitment=True, key_encipherment=False,
                    data_encipherment=False, key_agreement=False, key_cert_sign=False,
                    crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                               critical=False)
                .sign(self.ca_key, hashes.SHA256()))
        path.write_bytes(pkcs12.serialize_key_and_certificates(
            cn.encode(), key, cert, [self.ca_cert],
            serialization.BestAvailableEncryption(password.encode())))
        return path


def issue_tsa(pki: Pki) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    """A time-stamping authority's certificate (RSA, EKU timeStamping, critical) from the CA."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder()
            .subject_name(_name("TSA thử nghiệm vanban")).issuer_name(pki.ca_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
                           critical=True)
            .sign(pki.ca_key, hashes.SHA256()))
    return cert, key


def _ca(cn: str) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder()
            .subject_name(_name(cn, "CA thử nghiệm")).issuer_name(_name(cn, "CA thử nghiệm"))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=2))
            .not_valid_after(now + dt.timedelta(days=60))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    return cert, key


def make_pki(folder: Path) -> Pki:
    cert, key = _ca("CA thử nghiệm vanban")
    other, _ = _ca("CA khác")
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    other_pem = folder / "ca-khac.pem"
    other_pem.write_bytes(other.public_bytes(serialization.Encoding.PEM))
    pki = Pki(ca_pem, folder / "nguoi-ky.p12", folder / "co-quan.p12", other_pem, cert, key)
    pki.issue("Nguyễn Thành Sinh", pki.signer_p12)
    pki.issue("Ủy ban nhân dân tỉnh Thử", pki.seal_p12)
    return pki


def signature_png() -> bytes:
    """A blue scribble on a transparent background (the decree: blue, PNG, transparent)."""
    img = Image.new("RGBA", (480, 220), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    points = [(12 + x, 110 + 70 * math.sin(x / 23) * math.cos(x / 71)) for x in range(0, 456, 4)]
    d.line(points, fill=(20, 40, 200, 255), width=9, joint="curve")
    d.line([(20, 190), (460, 160)], fill=(20, 40, 200, 255), width=7)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def seal_png() -> bytes:
    """A red round seal on a transparent background (the decree: red, real size, PNG)."""
    size = 600
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    red = (220, 20, 30, 235)
    d.ellipse([8, 8, size - 8, size - 8], outline=red, width=16)
    d.ellipse([70, 70, size - 70, size - 70], outline=red, width=6)
    cx = cy = size // 2
    d.regular_polygon((cx, cy, 70), 5, rotation=0, fill=red)
    for i in range(24):
        a = 2 * math.pi * i / 24
        r0, r1 = 205, 225
        d.line([(cx + r0 * math.cos(a), cy + r0 * math.sin(a)),
                (cx + r1 * math.cos(a), cy + r1 * math.sin(a))], fill=red, width=10)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()
