"""The block kinds a body may contain — declared once, here.

A template's body is a list of blocks (``{"loai": kind, …}``) that its ``template.docx`` loops
over. Every kind below is drawn the same way in every template: the body template's loop is
generated from :data:`KINDS` (``tools/build_docx_sources.py``), and each kind's paragraph style is
one of the ``VB …`` styles of the family shells. Templates add their own kinds (a table laid out
in Word, say) after these.

=========  ============================  ======================================================
loai       style                         what
=========  ============================  ======================================================
phan       VB Phần                       ``Phần I`` + title in capitals, centred
muc1       VB Mục I                      ``I. TITLE``
muc2       VB Mục 1                      ``1. Title``
muc3       VB Mục 1.1                    ``1.1. Title``
muc4       VB Mục 1.1.1                  ``1.1.1. Title``
muc5       VB Mục a                      ``a) Title``
doan       VB Nội dung                   a paragraph; ``**bold**`` and ``*italic*`` marks
gach       VB Gạch đầu dòng              ``- item``
cong       VB Dấu cộng                   ``+ item``
can_cu     VB Căn cứ                     ``Căn cứ …;`` in italics (the last ends with ``.``)
bang       (the table's own)             a table: header rows repeated on every page, merged
                                         cells (see :mod:`vanban.context.tables`)
ket_luan   VB Nội dung, kept with next   the closing paragraph, kept on the signature's page
=========  ============================  ======================================================

Paragraph kinds carry ``runs`` (escaped ``<w:r>`` XML made by :func:`vanban.context.inline.runs`);
``bang`` carries ``xml`` (a whole ``<w:tbl>``).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from vanban.context.inline import runs


@dataclass(frozen=True)
class Kind:
    loai: str
    style: str  # the w:styleId of the VB … style ("" when the block brings its own XML)
    description: str


KINDS: tuple[Kind, ...] = (
    Kind("phan", "VBPhan", "Phần I + tên phần, in hoa, căn giữa"),
    Kind("muc1", "VBMuc1", "Mục cấp I. (số La Mã), in hoa, đậm"),
    Kind("muc2", "VBMuc2", "Mục cấp 1., đậm"),
    Kind("muc3", "VBMuc3", "Mục cấp 1.1., đậm nghiêng"),
    Kind("muc4", "VBMuc4", "Mục cấp 1.1.1., nghiêng"),
    Kind("muc5", "VBMuc5", "Mục cấp a), nghiêng"),
    Kind("doan", "VBNoiDung", "Đoạn văn; **đậm**, *nghiêng*"),
    Kind("gach", "VBGach", "Ý gạch đầu dòng “- ”"),
    Kind("cong", "VBCong", "Ý có dấu “+ ”"),
    Kind("can_cu", "VBCanCu", "Dòng căn cứ, in nghiêng"),
    Kind("bang", "", "Bảng: hàng tiêu đề lặp lại ở mỗi trang, ô gộp"),
    Kind("ket_luan", "VBNoiDung", "Câu kết, giữ cùng trang với chữ ký"),
)
KIND_NAMES = tuple(k.loai for k in KINDS)


def _strip_bullet(text: str, marks: str) -> str:
    text = text.strip()
    return text[1:].lstrip() if text[:1] in marks else text


def doan(text: str) -> dict:
    return {"loai": "doan", "runs": runs(text)}


def gach(text: str) -> dict:
    """``- item`` (a dash the user typed is not doubled)."""
    return {"loai": "gach", "runs": runs("- " + _strip_bullet(text, "-–•"))}


def cong(text: str) -> dict:
    """``+ item``."""
    return {"loai": "cong", "runs": runs("+ " + _strip_bullet(text, "+"))}


def auto(text: str) -> dict:
    """A line as the clerk typed it: ``- …`` a dash bullet, ``+ …`` a plus bullet, else a
    paragraph."""
    stripped = text.lstrip()
    if stripped[:2] in ("- ", "– "):
        return gach(stripped)
    if stripped[:2] == "+ ":
        return cong(stripped)
    return doan(text)


def can_cu_lines(items: list[str]) -> list[dict]:
    """Căn cứ lines in italics: each ends with ``;``, the last with ``.``; a line that starts
    with neither ``Căn cứ``, ``Xét`` nor ``Theo`` gets ``Căn cứ`` in front (the rest as typed)."""
    out = []
    for n, item in enumerate(items):
        text = item.strip().rstrip(";,.").rstrip()
        if not text.lower().startswith(("căn cứ", "xét", "theo")):
            text = f"Căn cứ {text}"
        end = "." if n == len(items) - 1 else ";"
        out.append({"loai": "can_cu", "runs": runs(text + end, marks=False, italic=True)})
    return out


def ket_luan(text: str) -> dict:
    return {"loai": "ket_luan", "runs": runs(text)}


def bang(xml: Markup) -> dict:
    return {"loai": "bang", "xml": xml}
