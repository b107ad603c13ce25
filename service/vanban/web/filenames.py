"""Download file names: ``05-BC-SNV Tổng kết công tác thi đua năm 2022.docx``.

The name comes from the number, the ký hiệu and the abstract (trích yếu) —
:func:`vanban.naming.document_stem`. Vietnamese is kept
through RFC 5987/6266 ``filename*=UTF-8''…``; ``filename="…"`` carries an ASCII fallback
with the diacritics removed (đ → d) for old clients.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from vanban.naming import MAX_BYTES, clean_filename, document_stem

__all__ = ["MAX_BYTES", "ascii_fallback", "clean_filename", "content_disposition",
           "document_stem"]

_ASCII_LOOKALIKE = str.maketrans({"đ": "d", "Đ": "D", "–": "-", "—": "-", "“": "'", "”": "'",
                                  "‘": "'", "’": "'", "…": "..."})

def ascii_fallback(name: str) -> str:
    """``Tổng kết đợt 1.docx`` → ``Tong ket dot 1.docx`` (printable ASCII, no quotes)."""
    name = name.translate(_ASCII_LOOKALIKE)
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_only = stripped.encode("ascii", "ignore").decode("ascii")
    ascii_only = re.sub(r'["\\%]', "_", ascii_only)
    ascii_only = re.sub(r"[^\x20-\x7e]", "_", ascii_only)
    return " ".join(ascii_only.split()) or "van-ban"


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    """``attachment; filename="ascii"; filename*=UTF-8''percent-encoded``; both forms without
    bidi controls, look-alike slashes nor path separators (:func:`clean_filename`)."""
    filename = re.sub(r"[\x00-\x1f\x7f/\\]", "-", clean_filename(filename)) or "van-ban"
    fallback = ascii_fallback(filename)
    encoded = quote(filename, safe="")
    if fallback == filename:
        return f'{disposition}; filename="{fallback}"'
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"
