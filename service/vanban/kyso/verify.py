"""Checking every signature of a PDF with pyHanko: who signed, when, whether the signed bytes
are intact, whether the chain reaches a trusted root, whether later changes were allowed.

``ok`` for a signature = pyHanko's bottom line: intact, cryptographically valid, trusted chain,
permitted modifications afterwards (another signature, filling a field), valid time-stamp if
any. The file is good only when it has signatures and every one is ``ok``.
"""

from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

from vanban.kyso.errors import error
from vanban.kyso.pdfa import reader
from vanban.kyso.sign import VIETNAM


@dataclass(frozen=True, slots=True)
class SignatureReport:
    field: str
    signer: str
    time: str | None
    intact: bool
    valid: bool
    trusted: bool
    modifications_ok: bool
    timestamped: bool
    ok: bool
    summary: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def load_roots(paths: list[str]) -> list[asn1_x509.Certificate]:
    """Certificates (PEM, possibly several per file, or DER) to trust."""
    roots = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise error("kyso.trust-unreadable", "--trust", f"Không đọc được tệp “{path}”.",
                        f"cannot read {path}: {exc.strerror}") from exc
        try:
            if pem.detect(data):
                roots += [asn1_x509.Certificate.load(der)
                          for _, _, der in pem.unarmor(data, multiple=True)]
            else:
                roots.append(asn1_x509.Certificate.load(data))
                roots[-1].native  # noqa: B018 (parse now, fail here)
        except (ValueError, TypeError) as exc:
            raise error("kyso.trust", "--trust",
                        f"Tệp “{path}” không phải chứng thư số (PEM hoặc DER).",
                        f"{path} is not a PEM/DER certificate") from exc
    return roots


def _summary(r: dict[str, bool]) -> str:
    if not r["intact"]:
        return "Nội dung đã bị thay đổi sau khi ký."
    if not r["valid"]:
        return "Chữ ký không hợp lệ về mật mã."
    if not r["trusted"]:
        return "Chuỗi chứng thư không dẫn tới nơi cấp tin cậy."
    if not r["modifications_ok"]:
        return "Tệp bị sửa đổi không được phép sau khi ký."
    return "Hợp lệ."


def verify(pdf: bytes, trust: list[str] | None = None, path: str = "") -> list[SignatureReport]:
    """Every signature of ``pdf``, checked against ``trust`` (certificate files) or, without
    them, the system's trusted roots."""
    roots = load_roots(trust) if trust else None
    document = reader(pdf, path)
    try:
        embedded = list(document.embedded_signatures)
    except Exception as exc:  # a broken signature dictionary
        raise error("kyso.unreadable", path, "Không đọc được chữ ký trong tệp PDF.",
                    f"cannot read the signatures: {exc}") from exc
    reports = []
    for sig in embedded:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            status = validate_pdf_signature(sig, context)
        when = status.signer_reported_dt
        checks = {"intact": bool(status.intact), "valid": bool(status.valid),
                  "trusted": bool(status.trusted),
                  "modifications_ok": bool(status.docmdp_ok or status.modification_level is None)}
        cert = status.signing_cert
        reports.append(SignatureReport(
            field=sig.field_name,
            signer=cert.subject.human_friendly if cert is not None else "",
            time=when.astimezone(VIETNAM).isoformat() if when else None,
            timestamped=status.timestamp_validity is not None,
            ok=bool(status.bottom_line), summary=_summary(checks), **checks))
    return reports
