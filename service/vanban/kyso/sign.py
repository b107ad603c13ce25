"""Signing with pyHanko: PAdES baseline B-B (or B-T with a time-stamp authority), into the
fields :mod:`vanban.kyso.fields` placed.

* the signer (``NguoiKy``) — the image is the handwritten signature (blue PNG, transparent);
* the agency (``DauCoQuan``, ``--seal``) — the image is the seal (red PNG, real size);
* an attachment in its own file (``DauCoQuan_VanBanKem``, ``--attachment``) — no image: the
  số/ký hiệu and the signing time (ISO 8601, +07:00) in Times New Roman 10, top right of page 1.

Keys come from a PKCS#12 file (its password from an environment variable) or from a PKCS#11
token (``--pkcs11-lib``; the PIN likewise). Neither password nor PIN is ever printed, logged or
put in an error. The signing time is Vietnam's (UTC+07:00), the same instant in the CMS
``signingTime``, the signature dictionary's ``/M`` and the attachment's text.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

with warnings.catch_warnings():  # pyHanko imports cryptography's DSA, deprecated there
    warnings.simplefilter("ignore")
    from pyhanko.pdf_utils import generic, layout
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter, enumerate_sig_fields
    from pyhanko.sign.timestamps import HTTPTimeStamper
    from pyhanko.stamp import StaticStampStyle, TextStampStyle

from PIL import Image, UnidentifiedImageError

from vanban.kyso import fields as F
from vanban.kyso.errors import error
from vanban.kyso.layout import read_pages
from vanban.kyso.pdfa import reader

#: Vietnam's time zone (no daylight saving): ISO 8601 offset +07:00.
VIETNAM = timezone(timedelta(hours=7), "ICT")

#: Where Times New Roman (or its metric twin) is looked for when fontconfig cannot say.
SERIF_FONTS = (
    "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
    "/usr/share/fonts/truetype/msttcorefonts/times.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "C:/Windows/Fonts/times.ttf",
    "/System/Library/Fonts/Supplemental/Times New Roman.ttf",
)


@dataclass(frozen=True, slots=True)
class Signed:
    pdf: bytes
    field: str
    time: datetime
    signer: str


def times_new_roman() -> str:
    """A TrueType file for Times New Roman: the real one when installed, else the metric
    twin fontconfig substitutes (Liberation Serif). It is embedded (subset) in the PDF."""
    if shutil.which("fc-match"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            found = subprocess.run(["fc-match", "-f", "%{file}", "Times New Roman:style=Regular"],
                                   capture_output=True, text=True, timeout=10).stdout.strip()
            if found.lower().endswith((".ttf", ".otf")) and Path(found).is_file():
                return found
    for path in SERIF_FONTS:
        if Path(path).is_file():
            return path
    raise error("kyso.font", "--attachment",
                "Máy chưa có phông Times New Roman (hoặc Liberation Serif) để ghi thông tin "
                "chữ ký trên văn bản kèm theo; hãy cài gói fonts-liberation2.",
                "no Times New Roman / Liberation Serif TrueType font found")


class _ScaledWidths(GlyphAccumulator):
    """pyHanko's embedded TrueType font mixes the font's own units (2048 per em for Times New
    Roman and Liberation Serif) with PDF's thousandths: the ``/W`` widths come out twice too
    wide, and PDF/A wants them to match the font program. Here shaping, widths, TJ
    adjustments and the descriptor's metrics all work in thousandths of an em."""

    _font_units: int

    def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
        if glyph_id not in self._glyphs:
            cid, width = super()._get_cid_and_width(glyph_id)
            self._glyphs[glyph_id] = cid, round(width * 1000 / self._font_units)
        return self._glyphs[glyph_id]


class _ScaledWidthsFactory(GlyphAccumulatorFactory):
    def create_font_engine(self, writer, obj_stream=None):  # type: ignore[override]
        engine = super().create_font_engine(writer, obj_stream)
        engine.__class__ = _ScaledWidths
        engine._font_units = units = engine.units_per_em
        engine.units_per_em = 1000
        engine.hb_font.scale = (1000, 1000)
        descriptor = engine.cidfont_obj._font_descriptor  # metrics: glyph space too
        for key in ("/Ascent", "/Descent", "/CapHeight"):
            descriptor[key] = generic.NumberObject(round(int(descriptor[key]) * 1000 / units))
        descriptor["/FontBBox"] = generic.ArrayObject(
            generic.NumberObject(round(int(v) * 1000 / units)) for v in descriptor["/FontBBox"])
        return engine


#: The attachment's two lines sit in the field's top right corner, at their own size.
_CORNER = layout.SimpleBoxLayoutRule(
    x_align=layout.AxisAlignment.ALIGN_MAX, y_align=layout.AxisAlignment.ALIGN_MAX,
    margins=layout.Margins(0, 0, 0, 0), inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT)


def load_p12(path: str, password: str | None) -> signers.SimpleSigner:
    """The key and certificates of a PKCS#12 (.p12/.pfx) file."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise error("kyso.p12-unreadable", "--p12", f"Không đọc được tệp khóa “{path}”.",
                    f"cannot read the PKCS#12 file {path}: {exc.strerror}") from exc
    try:
        return signers.SimpleSigner.load_pkcs12_data(
            data, (), passphrase=password.encode() if password is not None else None)
    except (ValueError, TypeError) as exc:
        raise error("kyso.p12", "--p12",
                    f"Không mở được tệp khóa “{path}”: sai mật khẩu hoặc không phải tệp PKCS#12.",
                    f"cannot open the PKCS#12 file {path}: wrong password or not PKCS#12"
                    ) from exc


@contextlib.contextmanager
def pkcs11_signer(lib: str, pin: str | None, token: str | None = None,
                  key_label: str | None = None) -> Iterator[signers.Signer]:
    """A signer on a PKCS#11 token (USB token, HSM, SoftHSM) through pyHanko.

    The digest is computed here and the token signs it with its raw mechanism (``CKM_RSA_PKCS``
    or ``CKM_ECDSA``): every token has those, while hash-and-sign mechanisms vary (SoftHSM has
    no ``CKM_ECDSA_SHA256``)."""
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    try:
        session = open_pkcs11_session(lib, token_criteria=TokenCriteria(label=token),
                                      user_pin=pin)
    except Exception as exc:  # python-pkcs11 raises many kinds (no token, wrong PIN, …)
        raise error("kyso.pkcs11", "--pkcs11-lib",
                    f"Không mở được token qua thư viện PKCS#11 “{lib}” (chưa cắm token, sai tên "
                    "token hoặc sai mã PIN).",
                    f"cannot open a PKCS#11 session with {lib}: {type(exc).__name__}") from exc
    try:
        yield PKCS11Signer(session, key_label=key_label, cert_label=key_label,
                           use_raw_mechanism=True)
    finally:
        session.close()


def _image(data: bytes, what: str) -> PdfImage:
    try:
        picture = Image.open(io.BytesIO(data))
        picture.load()
    except (UnidentifiedImageError, OSError) as exc:
        raise error("kyso.image", "--image", f"Không đọc được ảnh {what}; hãy dùng tệp PNG.",
                    f"cannot read the {what} image") from exc
    picture = picture.convert("RGBA")
    if picture.getchannel("A").getextrema()[0] == 255:
        raise error("kyso.image-opaque", "--image",
                    f"Ảnh {what} phải là PNG nền trong suốt (Nghị định 30/2020/NĐ-CP, Phụ lục I): "
                    "ảnh nền đặc sẽ che chữ của văn bản.",
                    f"the {what} image has no transparent background")
    return PdfImage(picture)


class _VietnamTimeSigner(signers.PdfSigner):
    """pyHanko's signer with the signing time fixed beforehand (Vietnam's offset), so the
    same instant is in the signature and in the attachment's printed text."""

    def __init__(self, *args: object, when: datetime, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._when = when

    def init_signing_session(self, pdf_out, existing_fields_only=False):  # type: ignore[override]
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._when
        return session


def field_names(pdf: bytes) -> list[tuple[str, bool]]:
    """(name, already signed) of every signature field."""
    return [(name, value is not None) for name, value, _ in enumerate_sig_fields(reader(pdf))]


def sign(pdf: bytes, signer: signers.Signer, *, field: str = F.SIGNER_FIELD,
         image: bytes | None = None, tsa_url: str | None = None,
         so_ky_hieu: str | None = None, when: datetime | None = None) -> Signed:
    """Sign ``pdf`` in ``field`` (PAdES B-B, or B-T with ``tsa_url``).

    ``image`` fills the field's box (signature or seal image). ``so_ky_hieu`` makes the
    attachment signature: the field is created at the top right of page 1 when missing and
    shows the number and the signing time in Times New Roman 10."""
    when = (when or datetime.now(UTC)).astimezone(VIETNAM).replace(microsecond=0)
    existing = dict(field_names(pdf))
    new_field = None
    if so_ky_hieu is not None:
        field = F.ATTACHMENT_FIELD if field == F.SIGNER_FIELD else field
        if field not in existing:
            place = F.attachment_place(read_pages(pdf))
            new_field = SigFieldSpec(field, on_page=0, box=place.box,  # type: ignore[arg-type]
                                     readable_field_name=place.tooltip)
    elif field not in existing:
        have = ", ".join(existing) or "không có"
        raise error("kyso.no-field", "--field",
                    f"Tệp PDF không có ô chữ ký “{field}” (các ô hiện có: {have}); hãy xuất "
                    "bản PDF để ký bằng vanban render … --for-signing.",
                    f"no signature field {field!r} (fields: {', '.join(existing) or 'none'})",
                    fields=list(existing))
    if existing.get(field):
        raise error("kyso.already-signed", "--field", f"Ô chữ ký “{field}” đã được ký.",
                    f"field {field!r} is already signed")
    if so_ky_hieu is not None:
        style = TextStampStyle(
            stamp_text="%(so_ky_hieu)s\n%(thoi_gian)s", border_width=0, background=None,
            inner_content_layout=_CORNER,
            text_box_style=TextBoxStyle(font=_ScaledWidthsFactory(times_new_roman()),
                                        font_size=10, leading=12, box_layout_rule=_CORNER))
        params = {"so_ky_hieu": so_ky_hieu, "thoi_gian": when.isoformat()}
    elif image is not None:
        what = "con dấu" if field.startswith(F.SEAL_FIELD) else "chữ ký"
        style = StaticStampStyle(background=_image(image, what), border_width=0,
                                 background_opacity=1.0)
        params = None
    else:
        style = StaticStampStyle(background=None, border_width=0)
        params = None
    meta = signers.PdfSignatureMetadata(field_name=field, md_algorithm="sha256",
                                        subfilter=SigSeedSubFilter.PADES)
    timestamper = HTTPTimeStamper(tsa_url) if tsa_url else None
    pdf_signer = _VietnamTimeSigner(meta, signer=signer, timestamper=timestamper,
                                    stamp_style=style, new_field_spec=new_field, when=when)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    out = io.BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=out, appearance_text_params=params)
    except Exception as exc:  # pyHanko: SigningError, TSA errors, token errors
        if tsa_url and "timestamp" in f"{type(exc).__name__} {exc}".lower():
            raise error("kyso.tsa", "--tsa-url",
                        f"Không lấy được dấu thời gian từ “{tsa_url}”.",
                        f"time-stamp authority {tsa_url} failed: {type(exc).__name__}") from exc
        raise error("kyso.sign", "", "Không ký được tệp PDF.",
                    f"signing failed: {type(exc).__name__}: {exc}") from exc
    subject = signer.signing_cert.subject.human_friendly if signer.signing_cert else ""
    return Signed(out.getvalue(), field, when, subject)
