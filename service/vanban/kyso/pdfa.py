"""The archival PDF that ký số starts from: PDF/A-2b with its fields and its metadata.

* :func:`archival` — .docx → PDF/A through the configured converter (LibreOffice's
  ``SelectPdfVersion``: fonts embedded, XMP with ``pdfaid:part``/``conformance``).
* :func:`add_fields` — the empty ``/Sig`` fields and the document's identity in XMP
  (``dc:title``, ``dc:identifier`` = số/ký hiệu, ``dc:publisher`` = the agency), written as an
  **incremental update** with pyHanko: PDF/A (ISO 19005-2, 6.x) allows incremental updates, the
  widgets get the print flag and an appearance stream, the metadata stream stays unfiltered, and
  pyHanko keeps the Info dictionary and XMP in step — the file stays PDF/A.
* :func:`pdfa_part` / :func:`xmp` — read back what the file claims.

Part 2 by default: PDF/A-1 forbids transparency, and the decree's signature and seal images are
PNGs with a transparent background (``docs/ky-so.md``).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata import model as xmp_model
from pyhanko.pdf_utils.metadata import xmp_xml
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import SigFieldSpec, append_signature_field

from vanban.kyso.errors import error
from vanban.kyso.fields import Place
from vanban.pdf.base import Converter

PDFA_PART = 2

DC_IDENTIFIER = xmp_model.ExpandedName(ns=xmp_model.NS["dc"], local_name="identifier")
DC_PUBLISHER = xmp_model.ExpandedName(ns=xmp_model.NS["dc"], local_name="publisher")


@dataclass(frozen=True, slots=True)
class Identity:
    """What the XMP says the document is."""

    title: str
    so_ky_hieu: str
    co_quan: str


def archival(docx: bytes, converter: Converter, part: int = PDFA_PART) -> bytes:
    return converter.convert_pdfa(docx, part)


def reader(pdf: bytes, path: str = "") -> PdfFileReader:
    try:
        return PdfFileReader(io.BytesIO(pdf), strict=False)
    except Exception as exc:  # pyHanko raises several kinds for a broken file
        raise error("kyso.unreadable", path, "Tệp PDF không đọc được (hỏng hoặc không phải PDF).",
                    f"unreadable PDF: {exc}") from exc


def xmp(pdf: bytes) -> str:
    """The XMP packet of the document's catalog ("" when there is none)."""
    root = reader(pdf).root
    if "/Metadata" not in root:
        return ""
    return root["/Metadata"].get_object().data.decode("utf-8", "replace")


def pdfa_part(pdf: bytes) -> int | None:
    """The PDF/A part the file claims in its XMP (``pdfaid:part``), or ``None``."""
    found = re.search(r"pdfaid:part(?:>|=\")\s*(\d)", xmp(pdf))
    return int(found.group(1)) if found else None


def _set_identity(writer: IncrementalPdfFileWriter, identity: Identity) -> None:
    """Put số/ký hiệu and the agency into the XMP packet, next to what LibreOffice wrote
    (``pdfaid``, title, dates). Both are Dublin Core properties, predefined in XMP, so PDF/A
    needs no extension schema for them. A new stream replaces the packet: pyHanko then merges
    its own updates (producer, dates) into it once."""
    fields: dict = {}
    if "/Metadata" in writer.root:
        old = writer.root["/Metadata"].get_object()
        for root in xmp_xml.parse_xmp(io.BytesIO(old.data)):
            fields.update(dict(root))
    if identity.so_ky_hieu:
        fields[DC_IDENTIFIER] = xmp_model.XmpValue(identity.so_ky_hieu)
    if identity.co_quan:
        fields[DC_PUBLISHER] = xmp_model.XmpValue(xmp_model.XmpArray(
            xmp_model.XmpArrayType.UNORDERED, [xmp_model.XmpValue(identity.co_quan)]))
    stream = xmp_xml.MetadataStream.from_xmp([xmp_model.XmpStructure(fields)])
    writer.root["/Metadata"] = writer.add_object(stream)
    writer.update_root()


def add_fields(pdf: bytes, places: list[Place], identity: Identity | None = None) -> bytes:
    """``pdf`` with an empty signature field per place (and the identity in XMP), appended as
    one incremental update."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    for place in places:
        append_signature_field(writer, SigFieldSpec(
            place.name, on_page=place.page, box=place.box,  # type: ignore[arg-type]
            readable_field_name=place.tooltip))
    if identity is not None:
        writer.document_meta.title = identity.title
        _set_identity(writer, identity)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
