"""A document ready to sign: rendered, exported as PDF/A-2b, its signature fields placed
where Nghị định 30 puts them (from the real positions on the page) and its identity in XMP.

    from vanban.kyso.prepare import for_signing, ho_so_for_signing
    ready = for_signing("quyet-dinh-khen-thuong", data)      # .pdf, .places, .filename
    zip_bytes = ho_so_for_signing(file_data)                 # every document of a hồ sơ

In a hồ sơ the danh sách annex of the tờ trình and of the quyết định becomes an attachment in
its own file (``…-danh-sach.pdf``): it carries the agency's attachment field at the top right of
page 1 and the main document's số/ký hiệu in its XMP, which ``vanban sign --attachment`` prints.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from vanban import pipeline
from vanban.kyso import annex
from vanban.kyso.fields import SEAL_MM, Place, attachment_place, places
from vanban.kyso.layout import read_pages
from vanban.kyso.pdfa import PDFA_PART, Identity, add_fields, archival
from vanban.pdf.base import Converter
from vanban.templates import REGISTRY
from vanban.the_thuc.families import get_family


@dataclass(frozen=True, slots=True)
class Prepared:
    pdf: bytes
    places: list[Place]
    stem: str

    @property
    def filename(self) -> str:
        return f"{self.stem}.pdf"


def _converter(converter: Converter | None) -> Converter:
    if converter is not None:
        return converter
    from vanban.pdf import converter as configured

    return configured()


def identity(result: pipeline.Result) -> Identity:
    """Title, số/ký hiệu (``2150/QĐ-UBND``, Party ``12-BC/ĐUK``; empty while unnumbered)
    and the issuing agency, for the XMP."""
    loai = REGISTRY.get(result.template_id).loai_van_ban.capitalize() or "Công văn"
    so = result.envelope.so
    joiner = get_family(result.envelope.the_thuc).noi_so  # the family's number joint
    number = f"{so:02d}{joiner}{result.ky_hieu}" if so else ""
    return Identity(" ".join(f"{loai}: {result.envelope.trich_yeu}".split()), number,
                    result.context["co_quan"]["ten"])


def prepare(result: pipeline.Result, converter: Converter | None = None, *,
            part: int = PDFA_PART, seal_mm: float = SEAL_MM) -> Prepared:
    """A rendered document → its PDF/A with the decree's empty signature fields."""
    pdf = archival(result.docx, _converter(converter), part)
    found = places(result.context, read_pages(pdf), seal_mm)
    return Prepared(add_fields(pdf, found, identity(result)), found, result.stem)


def prepare_attachment(docx: bytes, ident: Identity, stem: str,
                       converter: Converter | None = None, *, part: int = PDFA_PART
                       ) -> Prepared:
    """An attachment in its own file: PDF/A with the agency's field at the top right of page 1
    and the main document's identity (its số/ký hiệu) in XMP."""
    pdf = archival(docx, _converter(converter), part)
    place = attachment_place(read_pages(pdf))
    return Prepared(add_fields(pdf, [place], ident), [place], stem)


def for_signing(template_id: str, data: Any, converter: Converter | None = None, *,
                part: int = PDFA_PART, seal_mm: float = SEAL_MM) -> Prepared:
    return prepare(pipeline.run(template_id, data), converter, part=part, seal_mm=seal_mm)


def ho_so_documents(data: Any, converter: Converter | None = None, *,
                    part: int = PDFA_PART, seal_mm: float = SEAL_MM) -> dict[str, bytes]:
    """Every document of a hồ sơ ready to sign, in filing order; each danh sách annex as an
    attachment file of its own right after its document."""
    from vanban.ho_so.chain import plan

    conv = _converter(converter)
    files: dict[str, bytes] = {}
    for doc in plan(data):
        result = pipeline.run(doc.template, doc.data)
        main, attached = annex.split(result.docx)
        if attached is not None:
            result = pipeline.Result(result.template_id, main, result.envelope, result.context)
        ready = prepare(result, conv, part=part, seal_mm=seal_mm)
        files[f"{doc.ten_tep}.pdf"] = ready.pdf
        if attached is not None:
            extra = prepare_attachment(attached, identity(result), f"{doc.ten_tep}-danh-sach",
                                       conv, part=part)
            files[extra.filename] = extra.pdf
    return files


def ho_so_for_signing(data: Any, converter: Converter | None = None, **options: Any) -> bytes:
    """The hồ sơ as one .zip of PDFs ready to sign."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in ho_so_documents(data, converter, **options).items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, content)
    return buf.getvalue()
