"""Reading a prepared or signed PDF back, independently of the code that wrote it."""

from __future__ import annotations

import io
import re
import subprocess
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields


def fields(pdf: bytes) -> dict[str, tuple[int, tuple[float, float, float, float], bool]]:
    """Signature field name → (page index, /Rect, signed?)."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    count = int(reader.root["/Pages"]["/Count"])
    pages = {reader.find_page_for_modification(i)[0].idnum: i for i in range(count)}
    out = {}
    for name, value, ref in enumerate_sig_fields(reader):
        widget = ref.get_object()
        if "/Kids" in widget:
            widget = widget["/Kids"][0].get_object()
        rect = tuple(float(v) for v in widget["/Rect"])
        out[name] = (pages[widget.raw_get("/P").idnum], rect, value is not None)
    return out


def xmp(pdf: bytes) -> str:
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    return reader.root["/Metadata"].get_object().data.decode("utf-8")


def _fonts_in(resources, seen: set[int], missing: list[str]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    for font in resources.get("/Font", {}).get_object().values() if "/Font" in resources else ():
        font = font.get_object()
        target = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = target.get("/FontDescriptor")
        if descriptor is None or not any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            missing.append(str(font.get("/BaseFont")))
    xobjects = resources["/XObject"].get_object() if "/XObject" in resources else {}
    for xobject in xobjects.values():
        ref = getattr(xobject, "idnum", None)
        if ref in seen:
            continue
        seen.add(ref)
        _fonts_in(xobject.get_object().get("/Resources"), seen, missing)


def fonts_not_embedded(pdf: bytes) -> list[str]:
    """Base names of fonts used on pages or in annotation appearances that have NO embedded
    font program (PDF/A requires every one embedded): empty when all are."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    count = int(reader.root["/Pages"]["/Count"])
    missing: list[str] = []
    seen: set[int] = set()
    for i in range(count):
        page = reader.find_page_for_modification(i)[0].get_object()
        _fonts_in(page.get("/Resources"), seen, missing)
        for annot in page.get("/Annots", []):
            appearance = annot.get_object().get("/AP")
            if appearance is not None and "/N" in appearance:
                normal = appearance["/N"].get_object()
                _fonts_in(normal.get("/Resources"), seen, missing)
    return missing


def appearance_texts(pdf: bytes, field: str) -> list[str]:
    """The lines of text a signature's appearance draws (its /ActualText spans)."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    for name, _, ref in enumerate_sig_fields(reader):
        if name == field:
            stream = ref.get_object()["/AP"]["/N"].get_object()
            data = stream.data.decode("latin-1")
            raw = re.findall(r"/ActualText \((.*?)\)\s*>>", data, re.S)
            return [re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), t)
                    .encode("latin-1").decode("utf-8") for t in raw]
    raise KeyError(field)


def ink_box(path, page: int, box: tuple) -> tuple[float, float, float, float]:
    """The extent (PDF points) of dark pixels inside ``box`` on the page poppler draws."""
    from PIL import Image

    png = subprocess.run(["pdftoppm", "-r", "144", "-f", str(page + 1), "-l", str(page + 1),
                          "-png", str(path)], capture_output=True, check=True).stdout
    image = Image.open(io.BytesIO(png)).convert("L")
    height = image.height / 2
    left, bottom, right, top = box
    crop = image.crop((int(left * 2), int((height - top) * 2), int(right * 2) + 1,
                       int((height - bottom) * 2) + 1))
    dark = crop.point(lambda v: 255 if v < 128 else 0).getbbox()
    assert dark is not None, "nothing drawn in the box"
    x0, y0, x1, y1 = dark
    return (int(left * 2) / 2 + x0 / 2, height - (int((height - top) * 2) + y1) / 2,
            int(left * 2) / 2 + x1 / 2, height - (int((height - top) * 2) + y0) / 2)


def appearance_widths(pdf: bytes, field: str) -> list[float]:
    """The /W glyph widths of the fonts a signature's appearance uses (thousandths of an em
    in PDF; a TrueType font's own units would be about twice as large)."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    widths: list[float] = []
    for name, _, ref in enumerate_sig_fields(reader):
        if name != field:
            continue
        normal = ref.get_object()["/AP"]["/N"].get_object()
        fonts = normal["/Resources"].get_object()["/Font"].get_object()
        for font in fonts.values():
            cid_font = font.get_object()["/DescendantFonts"][0].get_object()
            descriptor = cid_font["/FontDescriptor"].get_object()
            widths.append(float(descriptor["/Ascent"]))  # glyph space as well
            for item in cid_font["/W"]:
                if isinstance(item, list):
                    widths += [float(w) for w in item]
    return widths
