"""Rules of particular document types (NĐ 30/2020 Phụ lục III layouts, the-thuc.md §1):

* a **biên bản** is signed by THƯ KÝ on the left and CHỦ TỌA on the right (no nơi nhận needed);
* a **quyết định** has the issuing authority's line under its title (capitals, bold, centred),
  the căn cứ, ``QUYẾT ĐỊNH:`` (bold, centred) before ``Điều 1.``, and its articles ``Điều 1.``,
  ``Điều 2.`` … numbered without gaps with the label in bold.
"""

from __future__ import annotations

import re

from vanban.check.layout import Signature
from vanban.check.rules_api import Ctx, rule
from vanban.check.rules_common import check_centred
from vanban.check.spans import Span, whole
from vanban.check.text import fold, is_all_caps_words

_DIEU = re.compile(r"^Điều\s+(\d+)\s*\.")
_QUYET_DINH = re.compile(r"^quyết\s+định\s*:$")


def _title_text(sig: Signature | None) -> str:
    return " ".join(fold(s.display) for s in sig.titles) if sig is not None else ""


@rule("kind.bien-ban")
def bien_ban(ctx: Ctx) -> None:
    lay = ctx.lay
    if lay.type_key != "biên bản" or lay.signature is None:
        return
    left, right = _title_text(lay.countersign), _title_text(lay.signature)
    if lay.countersign is None or "thư ký" not in left:
        ctx.emit("kind.bien-ban", lay.signature.titles[0] if lay.signature.titles else None,
                 "Biên bản: THƯ KÝ ký bên trái, CHỦ TỌA ký bên phải", "THƯ KÝ | CHỦ TỌA",
                 f"{left.upper() or 'không có'} | {right.upper()}")
    elif "chủ tọa" not in right and "chủ trì" not in right:
        ctx.emit("kind.bien-ban", lay.signature.titles[0] if lay.signature.titles else None,
                 "Biên bản: CHỦ TỌA ký bên phải", "CHỦ TỌA", right.upper())


@rule("kind.quyet-dinh")
def quyet_dinh(ctx: Ctx) -> None:
    lay = ctx.lay
    if lay.type_key != "quyết định":
        return
    rid = "kind.quyet-dinh"
    body = [whole(ctx.facts, p) for p in lay.body]
    if body and is_all_caps_words(body[0].display):
        authority = body[0]
        if not authority.bold:
            ctx.emit(rid, authority, "Thẩm quyền ban hành quyết định in đậm", "chữ đậm",
                     "chữ thường")
        check_centred(ctx, rid, authority, "Thẩm quyền ban hành quyết định")
    else:
        ctx.emit(rid, body[0] if body else lay.title,
                 "Thiếu dòng thẩm quyền ban hành dưới tên loại quyết định",
                 "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH … (in hoa, đậm, canh giữa)",
                 body[0].display[:40] if body else "không có")
    marker = next((s for s in body if _QUYET_DINH.match(fold(s.display))), None)
    articles = [s for s in body if _DIEU.match(s.display)]
    if marker is None:
        ctx.emit(rid, articles[0] if articles else None, "Thiếu dòng “QUYẾT ĐỊNH:” trước Điều 1",
                 "QUYẾT ĐỊNH:", "không có")
    else:
        if not marker.bold:
            ctx.emit(rid, marker, "“QUYẾT ĐỊNH:” in đậm", "chữ đậm", "chữ thường")
        check_centred(ctx, rid, marker, "“QUYẾT ĐỊNH:”")
        if articles and articles[0].index < marker.index:
            ctx.emit(rid, articles[0], "“QUYẾT ĐỊNH:” đứng trước Điều 1", "QUYẾT ĐỊNH: / Điều 1.",
                     articles[0].display[:20])
    for n, span in enumerate(articles, 1):
        m = _DIEU.match(span.display)
        assert m is not None
        if int(m.group(1)) != n:
            ctx.emit(rid, span, "Các điều đánh số liên tục từ Điều 1", f"Điều {n}.",
                     m.group(0))
        label = Span(span.p, span.start, span.start + m.end())
        if not label.bold:
            ctx.emit(rid, label, "Chữ “Điều …” in đậm", "chữ đậm", "chữ thường")
