"""Download file names: ``05-BC-SNV Tổng kết công tác thi đua năm 2022.docx``.

The name comes from the number, the ký hiệu and the abstract (trích yếu). Vietnamese is kept
through RFC 5987/6266 ``filename*=UTF-8''…``; ``filename="…"`` carries an ASCII fallback
with the diacritics removed (đ → d) for old clients.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

#: File systems allow 255 bytes per name; leave room for the extension and a " (2)".
MAX_BYTES = 200
_ASCII_LOOKALIKE = str.maketrans({"đ": "d", "Đ": "D", "–": "-", "—": "-", "“": "'", "”": "'",
                                  "‘": "'", "’": "'", "…": "..."})
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


def document_stem(so: int | None, ky_hieu: str, trich_yeu: str) -> str:
    """Number, ký hiệu and abstract → a file name without extension, safe on every OS."""
    number = f"{so:02d}-" if so is not None else ""
    head = _UNSAFE.sub("-", f"{number}{ky_hieu}".strip()).strip("-. ")
    abstract = " ".join(_UNSAFE.sub(" ", trich_yeu).split())
    stem = f"{head} {abstract}".strip() if head else abstract
    stem = unicodedata.normalize("NFC", stem)
    encoded = stem.encode("utf-8")
    if len(encoded) > MAX_BYTES:
        cut = encoded[:MAX_BYTES].decode("utf-8", "ignore")
        stem = cut.rsplit(" ", 1)[0] if " " in cut[len(head) + 1:] else cut
    return stem.rstrip(" .,;-") or "van-ban"


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
    """``attachment; filename="ascii"; filename*=UTF-8''percent-encoded``."""
    fallback = ascii_fallback(filename)
    encoded = quote(filename, safe="")
    if fallback == filename:
        return f'{disposition}; filename="{fallback}"'
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"
