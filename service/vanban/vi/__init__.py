"""Vietnamese text: NFC and XML safety, numbers, dates, amounts in words.

Everything a template needs to write Vietnamese the way official documents do:

* :mod:`.text` — :func:`nfc`, :func:`illegal_xml_chars`, :func:`clean_text`;
* :mod:`.numbers` — :func:`so` (``4.957``, ``0,5``), :func:`so_dem` (``03``),
  :func:`so_thu_tu_la_ma` (``IV``), :func:`chu_cai_muc` (``đ``);
* :mod:`.dates` — :class:`NgayThang`, :func:`dong_ngay` (``ngày 05 tháng 01 năm 2022``),
  :func:`ngay_ngan` (``15/3/2022``);
* :mod:`.words` — :func:`doc_so`, :func:`so_tien_bang_chu` (``Một triệu hai trăm nghìn đồng``).
"""

from vanban.vi.dates import KHOANG_TRONG, NgayThang, dong_ngay, ngay_ngan
from vanban.vi.numbers import CHU_CAI_MUC, chu_cai_muc, so, so_dem, so_thu_tu_la_ma
from vanban.vi.text import clean_text, illegal_xml_chars, nfc
from vanban.vi.words import doc_so, so_tien_bang_chu

__all__ = [
    "CHU_CAI_MUC",
    "KHOANG_TRONG",
    "NgayThang",
    "chu_cai_muc",
    "clean_text",
    "doc_so",
    "dong_ngay",
    "illegal_xml_chars",
    "ngay_ngan",
    "nfc",
    "so",
    "so_dem",
    "so_thu_tu_la_ma",
    "so_tien_bang_chu",
]
