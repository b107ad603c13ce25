"""File names of produced documents: ``05-BC-SNV Tổng kết công tác thi đua năm 2022``.

:func:`document_stem` builds a name from the number, the ký hiệu and the abstract (used for
HTTP downloads, the CLI and the files inside a batch zip); :class:`UniqueNames` makes the
names of one batch distinct (``… (2).docx``).
"""

from __future__ import annotations

import re
import unicodedata

#: File systems allow 255 bytes per name; leave room for the extension and a " (2)".
MAX_BYTES = 200
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
#: Characters that look like a slash or a backslash (fullwidth, division, fraction slash …):
#: a browser or an ASCII fallback may turn them into real path separators.
LOOKALIKE_SLASHES = "\u2215\u2044\uff0f\u29f8\u2571\u2afd\u1735\u0338\u2f03\u3033" \
                    "\uff3c\u29f5\u2216\ufe68\u29f9\u2572\u20e5"
_SLASHES = str.maketrans({c: "-" for c in LOOKALIKE_SLASHES})


def clean_filename(name: str) -> str:
    """``name`` without what can disguise a file name: format characters (category Cf: the
    bidi controls U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C, zero-width characters) are
    removed, look-alike slashes become ``-``. For every name vanban hands out (downloads, the
    entries of a zip), whatever its source (an upload's own name included)."""
    name = name.translate(_SLASHES)
    return "".join(c for c in name if unicodedata.category(c) != "Cf")


def document_stem(so: int | None, ky_hieu: str, trich_yeu: str) -> str:
    """Number, ký hiệu and abstract → a file name without extension, safe on every OS."""
    number = f"{so:02d}-" if so is not None else ""
    head = _UNSAFE.sub("-", clean_filename(f"{number}{ky_hieu}").strip()).strip("-. ")
    # only what can fit is cleaned (an abstract of megabytes stays fast)
    abstract = " ".join(_UNSAFE.sub(" ", clean_filename(trich_yeu[:4 * MAX_BYTES])).split())
    stem = f"{head} {abstract}".strip() if head else abstract
    stem = unicodedata.normalize("NFC", stem)
    encoded = stem.encode("utf-8")
    if len(encoded) > MAX_BYTES:
        cut = encoded[:MAX_BYTES].decode("utf-8", "ignore")
        stem = cut.rsplit(" ", 1)[0] if " " in cut[len(head) + 1:] else cut
    return stem.rstrip(" .,;-") or "van-ban"


class UniqueNames:
    """Hands out distinct file names: the second ``a.docx`` becomes ``a (2).docx``.

    Names are compared without case and Unicode-normalised, as file systems on Windows and
    macOS would (two entries differing only in case would overwrite each other there)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}  # stem → the next number to try (no rescan from 2)

    def take(self, stem: str, ext: str) -> str:
        base = unicodedata.normalize("NFC", f"{stem}.{ext}").casefold()
        n = self._next.get(base, 1)
        while True:
            name = f"{stem}.{ext}" if n == 1 else f"{stem} ({n}).{ext}"
            key = unicodedata.normalize("NFC", name).casefold()
            if key not in self._taken:
                self._taken.add(key)
                self._next[base] = n + 1
                return name
            n += 1
