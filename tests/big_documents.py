"""Large .docx uploads built on the fly, for the tests and the benchmarks of size limits
(``tests/web/test_web_bounded.py``, ``bench/check_large.py``)."""

from __future__ import annotations

import io
import zipfile

import docx


def many_paragraphs(n: int) -> bytes:
    """A .docx of ``n`` short paragraphs (100 000 → about 300 KB, 5 MiB unpacked)."""
    base = io.BytesIO()
    docx.Document().save(base)
    source = zipfile.ZipFile(io.BytesIO(base.getvalue()))
    out = io.BytesIO()
    body = "".join(f"<w:p><w:r><w:t>Đoạn {i} nội dung</w:t></w:r></w:p>" for i in range(n))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + body.encode(), 1)
            target.writestr(name, data)
    return out.getvalue()
