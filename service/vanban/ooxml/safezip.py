"""Read an untrusted .docx safely: bounded sizes, bounded ratio, sane part names.

    parts = read_docx_parts(data)          # {"word/document.xml": b"...", ...}

Refuses (``InputError`` with codes ``upload.*``) a file that is not a zip, too many parts,
a part name that is absolute, has ``..`` or a backslash, a part or a total that inflates past
the limits, a compression ratio typical of zip bombs, and a package without
``word/document.xml``. Inflation is streamed in chunks, so memory stays bounded by the limits
whatever the headers claim.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from vanban.errors import InputError, problem


@dataclass(frozen=True)
class Limits:
    max_parts: int = 1000
    max_part_bytes: int = 32 * 1024 * 1024
    max_total_bytes: int = 64 * 1024 * 1024
    max_ratio: float = 200.0  # inflated / compressed, for parts bigger than 1 MiB


def _refuse(code: str, message: str, message_en: str, **extra: object) -> InputError:
    return InputError(problem(code, "file", message, message_en, **extra))


def _bad_name(name: str) -> bool:
    return (name.startswith(("/", "\\")) or "\\" in name or ":" in name.split("/")[0]
            or any(seg == ".." for seg in name.split("/")))


def read_docx_parts(data: bytes, limits: Limits | None = None) -> dict[str, bytes]:
    """Every part of the package, checked; raises :class:`InputError` (``upload.*``)."""
    lim = limits or Limits()
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _refuse("upload.not-docx", "Tệp không phải .docx (không phải gói zip).",
                      f"not a zip file: {exc}") from exc
    infos = zf.infolist()
    if len(infos) > lim.max_parts:
        raise _refuse("upload.too-many-parts",
                      f"Tệp có quá nhiều phần ({len(infos)} > {lim.max_parts}).",
                      f"too many parts: {len(infos)}")
    out: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        if _bad_name(info.filename):
            raise _refuse("upload.part-name", f"Tên phần lạ trong tệp: “{info.filename}”.",
                          f"odd part name {info.filename!r}", part=info.filename)
        chunks: list[bytes] = []
        size = 0
        try:
            with zf.open(info) as fh:
                while chunk := fh.read(65536):
                    size += len(chunk)
                    total += len(chunk)
                    if size > lim.max_part_bytes or total > lim.max_total_bytes:
                        raise _refuse("upload.too-large",
                                      "Tệp giải nén ra quá lớn (nghi là “bom zip”).",
                                      f"inflated size over the limit in {info.filename}",
                                      part=info.filename)
                    if size > 1024 * 1024 and size > lim.max_ratio * max(info.compress_size, 1):
                        raise _refuse("upload.ratio", "Tỉ lệ nén bất thường (nghi là “bom zip”).",
                                      f"compression ratio over {lim.max_ratio} in "
                                      f"{info.filename}", part=info.filename)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError) as exc:
            raise _refuse("upload.corrupt", f"Phần “{info.filename}” của tệp bị hỏng.",
                          f"corrupt part {info.filename}: {exc}") from exc
        out[info.filename] = b"".join(chunks)
    if "word/document.xml" not in out:
        raise _refuse("upload.not-docx", "Tệp không phải văn bản Word .docx "
                      "(thiếu word/document.xml).", "no word/document.xml")
    return out
