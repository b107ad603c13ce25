"""Reading an uploaded .docx safely: the one place vanban opens a zip package it did not make.

    parts = read_docx_parts(data)                 # {"word/document.xml": b"...", ...}
    root = parse_xml(parts["word/document.xml"])  # lxml, entities never resolved

A .docx is a zip of XML parts. A hostile one can be a *zip bomb* (650 KB that inflates to
600 MiB), hold thousands of parts, name a part ``../../etc/passwd`` or ``/abs``, nest XML
thousands of levels deep, or declare external entities. :func:`read_docx_parts` refuses all of
these before the checker (or the template designer) sees a byte, with bounded memory:

* declared sizes and ratios are checked from the central directory, before inflating anything;
* parts are then inflated in chunks, and the real byte count is checked against the same
  limits (a package may lie about its sizes);
* only limits from :class:`ZipLimits` apply (defaults: :mod:`vanban.config`,
  ``VANBAN_UPLOAD_MAX_*``).

Errors are :class:`~vanban.errors.InputError` (422) with codes ``upload.not-docx`` and
``upload.bad-part-name``, or :class:`~vanban.errors.LimitError` (an ``InputError``, 413) with
``upload.too-large``, ``upload.ratio``, ``upload.too-many-parts`` and ``upload.xml-depth``;
each problem names the limit (``extra["limit"]``) and its value (``extra["max"]``).
"""

from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from vanban.config import get_settings
from vanban.errors import InputError, LimitError, problem

__all__ = ["ZipLimits", "parse_xml", "read_docx_parts", "read_package_parts", "read_xlsx_parts",
           "safe_xml_parser"]

_CHUNK = 64 * 1024
#: A part smaller than this is never refused for its ratio (tiny parts compress oddly).
_RATIO_FLOOR = 1024 * 1024
_BAD_NAME = re.compile(r"(^|/)\.\.(/|$)|^/|\\|^[A-Za-z]:|\x00|//")
#: Reading a damaged package can raise any of these (zipfile lets zlib, lzma and EOF errors
#: through, RuntimeError for an encrypted entry, NotImplementedError for odd compression).
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, EOFError,
               RuntimeError, NotImplementedError, ValueError, OSError, KeyError)


def _setting(name: str) -> int:
    return int(getattr(get_settings(), name))


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """Limits of one uploaded package; defaults come from :func:`vanban.config.get_settings`."""

    max_inflated_bytes: int = field(
        default_factory=lambda: _setting("upload_max_inflated_bytes"))
    max_ratio: int = field(default_factory=lambda: _setting("upload_max_ratio"))
    max_parts: int = field(default_factory=lambda: _setting("upload_max_parts"))
    max_xml_depth: int = field(default_factory=lambda: _setting("upload_max_xml_depth"))


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MiB"
    return f"{n / 1024:g} KiB"


def _not_docx(message_en: str, message: str = "", **extra: object) -> InputError:
    return InputError(problem(
        "upload.not-docx", "file",
        message or "Không đọc được tệp: đây không phải là tệp Word .docx hợp lệ.",
        message_en, **extra))


def _sniff(data: bytes) -> InputError:
    """A clearer message for the files people upload by mistake."""
    if not data:
        return _not_docx("empty file", "Tệp rỗng: không có nội dung để đọc.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return _not_docx("legacy .doc (OLE) file", "Đây là tệp Word 97–2003 (.doc). Hãy mở "
                         "bằng Word rồi lưu lại dạng .docx.", detected="doc")
    if data.startswith(b"%PDF"):
        return _not_docx("PDF file", "Đây là tệp PDF. Hãy gửi tệp Word .docx của văn bản.",
                         detected="pdf")
    return _not_docx("not a zip package")


def _too_large(limit: int) -> LimitError:
    return LimitError(problem(
        "upload.too-large", "file",
        f"Tệp .docx sau khi giải nén vượt giới hạn {_size(limit)} "
        "(upload_max_inflated_bytes); không đọc tiếp.",
        f"inflated size exceeds upload_max_inflated_bytes = {limit}",
        limit="upload_max_inflated_bytes", max=limit))


def _check_entries(entries: list[zipfile.ZipInfo], limits: ZipLimits) -> None:
    if len(entries) > limits.max_parts:
        raise LimitError(problem(
            "upload.too-many-parts", "file",
            f"Tệp .docx có {len(entries)} phần, vượt giới hạn {limits.max_parts} "
            "(upload_max_parts).",
            f"{len(entries)} parts exceed upload_max_parts = {limits.max_parts}",
            limit="upload_max_parts", max=limits.max_parts, found=len(entries)))
    seen: set[str] = set()
    declared = 0
    for entry in entries:
        name = entry.filename
        if _BAD_NAME.search(name) or name.lower() in seen:
            raise InputError(problem(
                "upload.bad-part-name", "file",
                f"Tệp .docx có phần mang tên bất thường “{name[:200]}” (đường dẫn tuyệt đối, "
                "“../” hoặc trùng tên); tệp bị từ chối.",
                f"odd part name {name[:200]!r} (absolute, '..', backslash or duplicate)",
                part=name[:200]))
        seen.add(name.lower())
        declared += entry.file_size
        if declared > limits.max_inflated_bytes:
            raise _too_large(limits.max_inflated_bytes)
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > _RATIO_FLOOR and ratio > limits.max_ratio:
            raise LimitError(problem(
                "upload.ratio", "file",
                f"Phần “{name[:200]}” của tệp nén tới {ratio:.0f} lần, vượt giới hạn "
                f"{limits.max_ratio} lần (upload_max_ratio): dấu hiệu của “bom nén”.",
                f"part {name[:200]!r} compression ratio {ratio:.0f} exceeds upload_max_ratio = "
                f"{limits.max_ratio}", limit="upload_max_ratio", max=limits.max_ratio,
                part=name[:200]))


def _inflate(package: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: int,
             limits: ZipLimits) -> bytes:
    """One part, inflated in chunks; never more than ``budget`` bytes nor its declared size
    times the ratio limit (a package may lie about its sizes)."""
    out = io.BytesIO()
    allowed = min(budget, max(entry.compress_size * limits.max_ratio, _RATIO_FLOOR))
    with package.open(entry) as part:
        while chunk := part.read(_CHUNK):
            out.write(chunk)
            if out.tell() > allowed:
                if out.tell() > budget:
                    raise _too_large(limits.max_inflated_bytes)
                raise LimitError(problem(
                    "upload.ratio", "file",
                    f"Phần “{entry.filename[:200]}” của tệp nén quá mức, vượt giới hạn "
                    f"{limits.max_ratio} lần (upload_max_ratio): dấu hiệu của “bom nén”.",
                    f"part {entry.filename[:200]!r} inflates beyond upload_max_ratio = "
                    f"{limits.max_ratio}", limit="upload_max_ratio", max=limits.max_ratio,
                    part=entry.filename[:200]))
    return out.getvalue()


def read_docx_parts(data: bytes | Path, limits: ZipLimits | None = None) -> dict[str, bytes]:
    """Every part of a .docx package, name → bytes, within ``limits``.

    :raises InputError: ``upload.not-docx`` (not a readable zip with ``word/document.xml``,
        encrypted, damaged), ``upload.bad-part-name``; as :class:`LimitError` (413)
        ``upload.too-large``, ``upload.ratio``, ``upload.too-many-parts``."""
    return read_package_parts(data, limits)


def read_xlsx_parts(data: bytes | Path, limits: ZipLimits | None = None) -> dict[str, bytes]:
    """Every part of an Excel .xlsx package within the same ``limits`` as a .docx (an .xlsx
    is an OOXML zip too); ``upload.not-xlsx`` when it is not one."""
    try:
        return read_package_parts(data, limits, required="xl/workbook.xml")
    except InputError as exc:
        raise _as_xlsx(exc) from None


def read_package_parts(data: bytes | Path, limits: ZipLimits | None = None,
                       required: str = "word/document.xml") -> dict[str, bytes]:
    """Every part of an OOXML package holding ``required``, within ``limits``."""
    limits = limits or ZipLimits()
    if isinstance(data, Path):
        data = data.read_bytes()
    if not data.startswith(b"PK"):
        raise _sniff(data)
    parts: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            entries = [e for e in package.infolist() if not e.is_dir()]
            _check_entries(entries, limits)
            if required not in {e.filename for e in entries}:
                what = "của Word" if required == "word/document.xml" else "của Excel"
                raise _not_docx(f"{required} is missing", "Không đọc được tệp: gói nén "
                                f"không có phần nội dung {what} ({required}).")
            total = 0
            for entry in entries:
                content = _inflate(package, entry, limits.max_inflated_bytes - total, limits)
                total += len(content)
                parts[entry.filename] = content
    except InputError:
        raise
    except _ZIP_ERRORS as exc:
        raise _not_docx(f"not a readable .docx: {type(exc).__name__}: {exc}") from None
    return parts


def _as_xlsx(exc: InputError) -> InputError:
    """The same problem worded for an Excel workbook."""
    found = exc.problems[0]
    if found.code != "upload.not-docx":
        for p in exc.problems:
            object.__setattr__(p, "message", p.message.replace("Tệp .docx", "Tệp Excel .xlsx")
                               .replace("tệp .docx", "tệp Excel .xlsx"))
        return exc
    detected = found.extra.get("detected")
    message = {"doc": "Đây là tệp Excel 97–2003 (.xls) hoặc Word cũ. Hãy mở bằng Excel rồi lưu "
                      "lại dạng .xlsx.",
               "pdf": "Đây là tệp PDF. Hãy gửi tệp Excel .xlsx."}.get(
        str(detected), "Không đọc được tệp: đây không phải là tệp Excel .xlsx hợp lệ (hãy mở "
                       "bằng Excel rồi lưu lại dạng .xlsx).")
    if found.message_en == "empty file":
        message = found.message
    return InputError(problem("upload.not-xlsx", "file", message, found.message_en,
                              **found.extra))


def safe_xml_parser() -> etree.XMLParser:
    """An lxml parser for XML from outside: no entity resolution, no network, no DTD loading,
    libxml2's own size and depth caps left on (``huge_tree=False``)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, dtd_validation=False)


def parse_xml(data: bytes, limits: ZipLimits | None = None,
              part: str = "") -> etree._Element:
    """Parse one part with :func:`safe_xml_parser` and refuse nesting deeper than
    ``limits.max_xml_depth`` (``upload.xml-depth``, 413). Syntax errors propagate as
    :class:`lxml.etree.XMLSyntaxError`."""
    limits = limits or ZipLimits()
    try:
        root = etree.fromstring(data, safe_xml_parser())
    except etree.XMLSyntaxError as exc:
        if "depth" not in str(exc).lower():
            raise
        depth = None
    else:
        depth = 0
        for event, _ in etree.iterwalk(root, events=("start", "end")):
            depth += 1 if event == "start" else -1
            if depth > limits.max_xml_depth:
                depth = None
                break
    if depth is None:
        raise LimitError(problem(
            "upload.xml-depth", "file",
            f"XML trong tệp .docx{f' ({part})' if part else ''} lồng nhau quá sâu, vượt giới "
            f"hạn {limits.max_xml_depth} tầng (upload_max_xml_depth).",
            f"XML nesting of {part or 'a part'} exceeds upload_max_xml_depth = "
            f"{limits.max_xml_depth}", limit="upload_max_xml_depth", max=limits.max_xml_depth))
    return root
