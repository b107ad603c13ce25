"""``vanban sign`` and ``vanban verify`` (and ``render … --for-signing``, wired in
:mod:`vanban.cli` and :mod:`vanban.ho_so.cli`).

    vanban sign in.pdf --p12 nguoi-ky.p12 --password-env P12_PASS --image chu-ky.png -o 1.pdf
    vanban sign 1.pdf --seal --p12 co-quan.p12 --password-env P12_PASS --image dau.png -o 2.pdf
    vanban sign phu-luc.pdf --attachment --so-ky-hieu 12/BC-SNV --p12 co-quan.p12 -o 3.pdf
    vanban sign in.pdf --pkcs11-lib /usr/lib/softhsm/libsofthsm2.so --token T --pin-env PIN …
    vanban verify 2.pdf --trust ca.pem [--json]

``verify`` exits 0 when the file has signatures and every one is intact, valid and trusted,
1 otherwise, 2 when the file cannot be read — like ``openssl verify``. Passwords and PINs are
read from environment variables (or asked on the terminal), never from the command line.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from vanban.kyso.errors import KySoError, error


def _secret(env: str | None, what: str, flag: str) -> str | None:
    if env:
        if env not in os.environ:
            raise error("kyso.secret-env", flag, f"Biến môi trường {env} (chứa {what}) chưa đặt.",
                        f"environment variable {env} ({what}) is not set")
        return os.environ[env]
    if sys.stdin.isatty():
        return getpass.getpass(f"{what.capitalize()}: ")
    return None


def _read(path: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise error("kyso.unreadable", path, f"Không đọc được tệp “{path}”.",
                    f"cannot read {path}: {exc.strerror}") from exc


def _so_ky_hieu_from(pdf: bytes) -> str | None:
    """The main document's số/ký hiệu an attachment prepared by vanban carries (XMP)."""
    import re

    from vanban.kyso.pdfa import xmp

    found = re.search(r'dc:identifier(?:="|>)([^"<]+)', xmp(pdf))
    return found.group(1).strip() if found else None


def cmd_sign(args: argparse.Namespace) -> int:
    from vanban.kyso import fields, sign
    from vanban.streams import write_output as _write

    pdf = _read(args.input)
    image = _read(args.image) if args.image else None
    field = args.field or (fields.SEAL_FIELD if args.seal else
                           fields.ATTACHMENT_FIELD if args.attachment else fields.SIGNER_FIELD)
    so_ky_hieu = None
    if args.attachment:
        so_ky_hieu = args.so_ky_hieu or _so_ky_hieu_from(pdf)
        if not so_ky_hieu:
            raise error("kyso.so-ky-hieu", "--so-ky-hieu",
                        "Ký văn bản kèm theo cần số, ký hiệu của văn bản chính (--so-ky-hieu, "
                        "ví dụ 12/BC-SNV).", "--attachment needs --so-ky-hieu")
        if image is not None:
            raise error("kyso.attachment-image", "--image",
                        "Chữ ký số trên văn bản kèm theo không hiển thị hình ảnh (Nghị định "
                        "30/2020/NĐ-CP, Phụ lục I); bỏ --image.",
                        "the attachment signature shows no image; drop --image")
    if bool(args.p12) == bool(args.pkcs11_lib):
        raise error("kyso.key-source", "--p12", "Chọn đúng một nguồn khóa: --p12 TỆP hoặc "
                    "--pkcs11-lib THƯ-VIỆN.", "give exactly one of --p12 and --pkcs11-lib")
    if args.p12:
        signer = sign.load_p12(args.p12, _secret(args.password_env, "mật khẩu tệp khóa",
                                                 "--password-env"))
        signed = sign.sign(pdf, signer, field=field, image=image, tsa_url=args.tsa_url,
                           so_ky_hieu=so_ky_hieu)
    else:
        pin = _secret(args.pin_env, "mã PIN của token", "--pin-env")
        with sign.pkcs11_signer(args.pkcs11_lib, pin, args.token, args.key_label) as signer:
            signed = sign.sign(pdf, signer, field=field, image=image, tsa_url=args.tsa_url,
                               so_ky_hieu=so_ky_hieu)
    _write(args.output, signed.pdf)
    if args.output != "-":
        print(f"Đã ký ô “{signed.field}” lúc {signed.time.isoformat()} ({signed.signer}); "
              f"đã ghi {args.output}", file=sys.stderr)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from vanban.kyso.verify import verify

    try:
        pdf = _read(args.input)
        reports = verify(pdf, args.trust, path=args.input)
    except KySoError as exc:
        if args.json:
            print(json.dumps(exc.to_dict(), ensure_ascii=False, indent=2))
        else:
            for p in exc.problems:
                print(f"{p.message}", file=sys.stderr)
        return 2
    good = bool(reports) and all(r.ok for r in reports)
    if args.json:
        print(json.dumps({"ok": good, "signatures": [r.to_dict() for r in reports]},
                         ensure_ascii=False, indent=2))
        return 0 if good else 1
    if not reports:
        print("Tệp không có chữ ký số nào.")
    yes = {True: "có", False: "KHÔNG"}
    for r in reports:
        print(f"{r.field}: {r.signer}")
        print(f"  thời gian ký: {r.time or '(không ghi)'}"
              f"{' (có dấu thời gian)' if r.timestamped else ''}")
        print(f"  nguyên vẹn: {yes[r.intact]}; hợp lệ: {yes[r.valid]}; chuỗi tin cậy: "
              f"{yes[r.trusted]}; sửa đổi sau khi ký được phép: {yes[r.modifications_ok]}")
        print(f"  → {r.summary}")
    print("Kết quả: HỢP LỆ" if good else "Kết quả: KHÔNG HỢP LỆ")
    return 0 if good else 1


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sign", help="ký số tệp PDF (PAdES) vào ô chữ ký theo Nghị định 30")
    p.add_argument("input", help="tệp PDF (xuất bằng render … --for-signing), hoặc -")
    p.add_argument("-o", "--output", required=True, help="tệp PDF đã ký, hoặc -")
    role = p.add_mutually_exclusive_group()
    role.add_argument("--seal", action="store_true",
                      help="chữ ký số của cơ quan (ô DauCoQuan, ảnh con dấu)")
    role.add_argument("--attachment", action="store_true",
                      help="chữ ký số của cơ quan trên văn bản kèm theo (góc trên bên phải "
                      "trang đầu, không hình ảnh)")
    p.add_argument("--so-ky-hieu", help="số, ký hiệu văn bản chính (với --attachment; mặc định "
                   "lấy từ siêu dữ liệu tệp)")
    p.add_argument("--field", help="tên ô chữ ký (mặc định NguoiKy, DauCoQuan hoặc "
                   "DauCoQuan_VanBanKem)")
    p.add_argument("--image", help="ảnh PNG nền trong suốt: chữ ký (màu xanh) hoặc con dấu "
                   "(màu đỏ, kích thước thật)")
    p.add_argument("--p12", help="tệp khóa PKCS#12 (.p12/.pfx)")
    p.add_argument("--password-env", metavar="VAR",
                   help="tên biến môi trường chứa mật khẩu tệp .p12 (không ghi mật khẩu lên "
                   "dòng lệnh)")
    p.add_argument("--pkcs11-lib", help="thư viện PKCS#11 của token/HSM, ví dụ "
                   "/usr/lib/softhsm/libsofthsm2.so")
    p.add_argument("--token", help="nhãn token PKCS#11")
    p.add_argument("--key-label", help="nhãn khóa và chứng thư trên token")
    p.add_argument("--pin-env", metavar="VAR", help="tên biến môi trường chứa mã PIN token")
    p.add_argument("--tsa-url", help="địa chỉ dịch vụ cấp dấu thời gian (PAdES B-T)")
    p.set_defaults(func=cmd_sign)

    p = sub.add_parser("verify", help="kiểm tra mọi chữ ký số trong tệp PDF")
    p.add_argument("input", help="tệp PDF đã ký, hoặc -")
    p.add_argument("--trust", action="append", metavar="CA.pem",
                   help="chứng thư gốc tin cậy (lặp lại được); mặc định: kho của hệ thống")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.set_defaults(func=cmd_verify)
