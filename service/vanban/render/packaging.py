"""Write a .docx (a zip) from parts that are mostly compressed already.

A template's unchanged parts (styles, theme, fonts, settings, numbering, headers, media) are
deflated once, when the template is compiled (:func:`pack`, at :data:`STATIC_LEVEL`); each
document then only deflates the parts that depend on its data (``word/document.xml``,
``docProps/core.xml``) at :data:`DOCUMENT_LEVEL` and copies the rest into the zip as raw
deflate bytes with their CRC and sizes (:func:`write_zip`).

The zip is written here with :mod:`struct` (local headers, central directory, end record, as
APPNOTE 4.3 describes) because :mod:`zipfile` has no public way to add bytes that are
already deflated. ``bench/run.py`` compares this with ``zipfile`` re-compressing every part.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

#: Parts compressed once per template: compile time is paid once, so take the smallest output.
STATIC_LEVEL = 9
#: Per-document parts. Measured on the report's 30 KB document.xml (bench/run.py): level 1
#: takes ~0.1 ms and gives 4.8 KB, level 6 ~0.23 ms for 4.0 KB, level 9 ~0.47 ms for 3.9 KB.
#: Level 1 keeps the whole render under the re-zip floor; 800 bytes more per file is nothing.
DOCUMENT_LEVEL = 1

STORED, DEFLATED = 0, 8
_DOS_TIME, _DOS_DATE = 0, (1980 - 1980) << 9 | 1 << 5 | 1  # 1980-01-01 00:00, as Word writes
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_LIMIT = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class PackedPart:
    """One zip entry, ready to copy: name, compression method, CRC-32, sizes, bytes."""

    name: str
    method: int
    crc: int
    size: int
    data: bytes  # compressed (raw deflate) when method is DEFLATED
    local_header: bytes = b""  # filled in from the fields above

    def __post_init__(self) -> None:
        name = self.name.encode("utf-8")
        object.__setattr__(self, "local_header", _LOCAL.pack(
            0x04034B50, 20, _flags(self.name), self.method, _DOS_TIME, _DOS_DATE, self.crc,
            len(self.data), self.size, len(name), 0) + name)


def _flags(name: str) -> int:
    return 0 if name.isascii() else 0x0800  # bit 11: the name is UTF-8


def pack(name: str, data: bytes, level: int = STATIC_LEVEL) -> PackedPart:
    """Deflate ``data`` (raw deflate, no zlib header) unless that makes it larger."""
    if len(data) > _LIMIT:
        raise ValueError(f"{name}: parts over 4 GiB need zip64")
    crc = zlib.crc32(data)
    if level == 0:
        return PackedPart(name, STORED, crc, len(data), data)
    comp = zlib.compressobj(level, zlib.DEFLATED, -15)
    deflated = comp.compress(data) + comp.flush()
    if len(deflated) >= len(data):
        return PackedPart(name, STORED, crc, len(data), data)
    return PackedPart(name, DEFLATED, crc, len(data), deflated)


def write_zip(parts: list[PackedPart]) -> bytes:
    """The zip holding ``parts`` in order."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for part in parts:
        header = part.local_header
        chunks.append(header)
        chunks.append(part.data)
        name = part.name.encode("utf-8")
        central.append(_CENTRAL.pack(
            0x02014B50, 20, 20, _flags(part.name), part.method, _DOS_TIME, _DOS_DATE, part.crc,
            len(part.data), part.size, len(name), 0, 0, 0, 0, 0, offset) + name)
        offset += len(header) + len(part.data)
    directory = b"".join(central)
    if offset > _LIMIT or len(parts) > 0xFFFF:
        raise ValueError("package too large for a zip without zip64")
    end = _END.pack(0x06054B50, 0, 0, len(parts), len(parts), len(directory), offset, 0)
    return b"".join(chunks) + directory + end
