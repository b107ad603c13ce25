"""The batch zip: each document as it arrives, then ``errors.json``.

Documents are stored, not deflated again (a .docx is a zip already and a PDF is compressed),
so writing costs a CRC and a copy. :func:`iter_zip_chunks` yields the bytes of each entry as
soon as it is written (for an HTTP response); :func:`write_zip` writes them to any file
object, seekable or not (a file, stdout). Names come from số, ký hiệu and abstract
(:mod:`vanban.naming`) and are unique inside the zip. Memory: one document at a time, plus a
few hundred bytes per entry for the zip's central directory and the names already used.

``errors.json`` is always the last entry::

    {"template": "bao-cao-thi-dua", "format": "docx", "total": 3, "ok": 2, "failed": 1,
     "errors": [{"index": 1, "source": "b.json", "problems": [{code, path, message, …}]}]}
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from vanban.batch.engine import BatchItem
from vanban.naming import UniqueNames
from vanban.vi.dates import zip_time

ERRORS_NAME = "errors.json"


@dataclass
class BatchSummary:
    template: str
    fmt: str
    total: int = 0
    ok: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def to_dict(self) -> dict[str, Any]:
        return {"template": self.template, "format": self.fmt, "total": self.total,
                "ok": self.ok, "failed": self.failed, "errors": self.errors}


def iter_zip_chunks(items: Iterable[BatchItem], summary: BatchSummary,
                    on_item: Callable[[BatchItem], None] | None = None) -> Iterator[bytes]:
    """The batch zip as byte chunks: one chunk as soon as each item is written, then the
    end (``errors.json`` and the central directory). ``summary`` is filled in as it goes."""
    sink = _Chunks()
    names = UniqueNames()
    stamp = zip_time()  # when the batch was made (Vietnam time), not 1980
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        for item in items:
            summary.total += 1
            if item.ok:
                name = names.take(item.stem, item.fmt)
                zf.writestr(zipfile.ZipInfo(name, date_time=stamp), item.content or b"")
                summary.ok += 1
            else:
                summary.errors.append({"index": item.index, "source": item.source,
                                       "problems": [p.to_dict() for p in item.problems]})
            if on_item:
                on_item(item)
            chunk = sink.drain()
            if chunk:
                yield chunk
        report = json.dumps(summary.to_dict(), ensure_ascii=False, indent=2).encode()
        info = zipfile.ZipInfo(ERRORS_NAME, date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, report)
    yield sink.drain()


def write_zip(items: Iterable[BatchItem], fileobj: IO[bytes], template: str = "",
              fmt: str = "docx", on_item: Callable[[BatchItem], None] | None = None,
              ) -> BatchSummary:
    """Write every item into a zip on ``fileobj`` as it comes; returns the summary that
    ``errors.json`` holds. ``on_item`` is called after each item is written."""
    summary = BatchSummary(template, fmt)
    for chunk in iter_zip_chunks(items, summary, on_item):
        fileobj.write(chunk)
    return summary


class _Chunks(io.RawIOBase):
    """A file that hands out what is written, chunk by chunk (:meth:`drain`).

    It is seekable within the part not yet drained, so :mod:`zipfile` goes back and fills in
    each entry's CRC and sizes in its local header (a streaming reader can then walk the zip
    entry by entry as it arrives) instead of writing data descriptors after the data."""

    def __init__(self) -> None:
        super().__init__()
        self._buf = io.BytesIO()
        self._base = 0

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return self._buf.write(data)

    def tell(self) -> int:
        return self._base + self._buf.tell()

    def seek(self, pos: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_END:
            pos = self._base + len(self._buf.getbuffer()) + pos
        elif whence == io.SEEK_CUR:
            pos = self.tell() + pos
        if pos < self._base:
            raise io.UnsupportedOperation("cannot seek into bytes already sent")
        self._buf.seek(pos - self._base)
        return pos

    def drain(self) -> bytes:
        out = self._buf.getvalue()
        self._base += len(out)
        self._buf = io.BytesIO()
        return out
