"""Page flow: the signature band never stands alone on a page and never splits.

The rule lives in the shell, so it holds for any body:

* at compile time (:func:`keep_shell_tail`) the shell's paragraphs between the body and the
  signature band (the spacer) are kept with the next paragraph, and the band's rows cannot
  split across pages and stay together;
* at render time (:func:`keep_with_band`) the last body paragraph with text — whatever the body
  template produced — is kept with the next one, so Word and LibreOffice move it (or at least
  its last lines) onto the page of the signature. When the body ends with a table, its last
  row is kept with the band instead.

LibreOffice does not carry a keep-with-next chain over the shell's empty spacer paragraph
onto the band (the closing line stayed on the page before a band left alone: issue 17, the union
bloc ranking). So when the body ends with a paragraph, :func:`keep_with_band` folds the empty
spacer paragraph(s) into that paragraph's space after (the same gap, measured from the spacer's
font size) and the paragraph sits right before the band.

A lead-in — a body paragraph ending with ":" ("Kết luận:", "Kết quả biểu quyết:", "… như
sau:") — is kept with what it introduces (:func:`keep_lead_ins`), so no page ends on it.

The compiled template marks where the body ends with the XML comment :data:`BODY_END`; the
render step finds the paragraph before it with a few string searches (no parse) and removes
the marker.
"""

from __future__ import annotations

import re

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY_END_TEXT = "vanban:body-end"
BODY_END = f"<!--{BODY_END_TEXT}-->"
_P = re.compile(r"<w:p(?=[ >])[^>]*>.*?</w:p>", re.S)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>[^<]*\S[^<]*</w:t>")


# --------------------------------------------------------------------------- compile time
def _keep_next(p: etree._Element) -> None:
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{W}pPr")
        p.insert(0, ppr)
    if ppr.find(f"{W}keepNext") is None:
        style = ppr.find(f"{W}pStyle")
        ppr.insert(0 if style is None else 1, etree.Element(f"{W}keepNext"))


def keep_shell_tail(holder: etree._Element) -> None:
    """Keep the shell's paragraphs after the body (``holder``'s following siblings, up to the
    first table: the signature band) with what follows; make the band's rows unsplittable and
    keep each row with the next."""
    for sibling in holder.itersiblings():
        if sibling.tag == f"{W}p":
            _keep_next(sibling)
        elif sibling.tag == f"{W}tbl":
            rows = sibling.findall(f"{W}tr")
            for n, row in enumerate(rows):
                trpr = row.find(f"{W}trPr")
                if trpr is None:
                    trpr = etree.Element(f"{W}trPr")
                    row.insert(1 if row.find(f"{W}tblPrEx") is not None else 0, trpr)
                if trpr.find(f"{W}cantSplit") is None:
                    trpr.append(etree.Element(f"{W}cantSplit"))
                if n < len(rows) - 1:
                    for p in row.iter(f"{W}p"):
                        _keep_next(p)
            return


# --------------------------------------------------------------------------- render time
def _with_keep_next(p: str) -> str:
    """Paragraph XML ``p`` (one ``<w:p …>…</w:p>``) with ``<w:keepNext/>`` in its properties."""
    head = p[:p.index(">") + 1]
    rest = p[len(head):]
    if rest.startswith("<w:pPr/>"):
        return head + "<w:pPr><w:keepNext/></w:pPr>" + rest[len("<w:pPr/>"):]
    if not rest.startswith("<w:pPr>"):
        return head + "<w:pPr><w:keepNext/></w:pPr>" + rest
    ppr_end = rest.find("</w:pPr>")
    if ppr_end < 0 or "<w:keepNext/>" in rest[:ppr_end]:  # odd XML: leave the paragraph be
        return p
    at = len("<w:pPr>")
    style = re.match(r"<w:pStyle [^>]*/>", rest[at:])
    if style:
        at += style.end()
    return head + rest[:at] + "<w:keepNext/>" + rest[at:]


def _last_open(text: str, tag: str) -> int:
    """Where the last ``<tag>`` / ``<tag …>`` element of ``text`` opens (-1: none)."""
    return max(text.rfind(f"<{tag}>"), text.rfind(f"<{tag} "))


#: Space after a body paragraph (style VB Nội dung: 6 pt) and the height of a single line as a
#: share of the font size (Times New Roman / Liberation Serif: ascent + descent ≈ 1.15 em).
BODY_AFTER_TWIPS = 120
LINE_EM = 1.15
_SPACER = re.compile(r"\s*(<w:p(?=[ >/])(?:[^>]*/>|[^>]*>.*?</w:p>))", re.S)
_AFTER_SPACING = ("<w:ind", "<w:contextualSpacing", "<w:mirrorIndents", "<w:suppressOverlap",
                  "<w:jc", "<w:textDirection", "<w:textAlignment", "<w:textboxTightWrap",
                  "<w:outlineLvl", "<w:divId", "<w:cnfStyle", "<w:rPr", "<w:sectPr",
                  "<w:pPrChange", "</w:pPr>")


def _spacer_twips(p: str) -> int:
    """The vertical room an empty paragraph takes: one line of its font size and its spacing."""
    size = re.search(r'<w:sz w:val="(\d+)"', p)
    half_points = int(size.group(1)) if size else 24
    room = round(half_points / 2 * LINE_EM * 20)
    for side in ("before", "after"):
        m = re.search(rf'<w:spacing [^>]*w:{side}="(\d+)"', p)
        room += int(m.group(1)) if m else 0
    return room


def _with_space_after(p: str, twips: int) -> str:
    """Paragraph ``p`` (with a ``<w:pPr>``) with ``twips`` more space after it."""
    ppr = re.search(r"<w:pPr>(.*?)</w:pPr>", p, re.S)
    if ppr is None:
        return p
    inner = ppr.group(1)
    spacing = re.search(r"<w:spacing\b[^>]*/>", inner)
    if spacing:
        old = re.search(r'w:after="(\d+)"', spacing.group(0))
        value = (int(old.group(1)) if old else BODY_AFTER_TWIPS) + twips
        tag = (re.sub(r'w:after="\d+"', f'w:after="{value}"', spacing.group(0)) if old
               else spacing.group(0).replace("<w:spacing", f'<w:spacing w:after="{value}"', 1))
        inner = inner.replace(spacing.group(0), tag, 1)
    else:
        tag = f'<w:spacing w:after="{BODY_AFTER_TWIPS + twips}"/>'
        cut = min((i for i in (inner.find(t) for t in _AFTER_SPACING) if i >= 0),
                  default=len(inner))
        inner = inner[:cut] + tag + inner[cut:]
    return p[:ppr.start(1)] + inner + p[ppr.end(1):]


def _fold_spacers(after: str) -> tuple[str, int]:
    """``after`` without the empty paragraphs that stand right before the band (a table), and
    the room they took; ``after`` unchanged when something else comes first."""
    rest, room = after, 0
    while (m := _SPACER.match(rest)) and not _TEXT.search(m.group(1)):
        room += _spacer_twips(m.group(1))
        rest = rest[m.end():]
    if not room or not rest.lstrip().startswith("<w:tbl"):
        return after, 0
    return rest, room


def keep_with_band(xml: str) -> str:
    """Keep the body's last paragraph with text (and any empty ones after it) — or the last
    row of a closing table — with the signature band; remove the body-end marker."""
    end = xml.find(BODY_END)
    if end < 0:
        return xml
    before, after = xml[:end], xml[end + len(BODY_END):]
    edits: list[tuple[int, int, str]] = []  # (start, stop, replacement), last first
    stop = len(before.rstrip())
    while stop > 0:
        tail = before[:stop]
        if tail.endswith("</w:tbl>"):
            start = _last_open(tail, "w:tr")
            if start >= 0:
                row = _P.sub(lambda m: _with_keep_next(m.group(0)), tail[start:])
                edits.append((start, stop, row))
            break
        start = _last_open(tail, "w:p") if tail.endswith("</w:p>") else -1
        if start < 0:
            break
        paragraph = _with_keep_next(tail[start:])
        if not edits:  # the body's last paragraph: the spacer's room goes after it
            after, room = _fold_spacers(after)
            if room:
                paragraph = _with_space_after(paragraph, room)
        edits.append((start, stop, paragraph))
        if _TEXT.search(paragraph):
            break
        stop = len(before[:start].rstrip())
    for start, stop, new in edits:
        before = before[:start] + new + before[stop:]
    return before + after


_LEAD_IN = re.compile(r":\s*$")
_ALL_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def keep_lead_ins(xml: str) -> str:
    """Every paragraph of the body — and of an annex after the signature band — whose text
    ends with ":" is kept with the next paragraph or table (what it introduces); paragraphs
    inside tables (the band's "Nơi nhận:") are left as they are."""
    body, tail = xml, ""
    out, pos = [], 0
    depth_marks = [(m.start(), m.group(0)) for m in re.finditer(r"<w:tbl>|</w:tbl>", body)]
    tables = []  # (start, stop) spans of top-level tables
    depth, start = 0, 0
    for at, tag in depth_marks:
        if tag == "<w:tbl>":
            if depth == 0:
                start = at
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                tables.append((start, at))
    for m in _P.finditer(body):
        if any(a <= m.start() < b for a, b in tables):
            continue
        text = "".join(_ALL_TEXT.findall(m.group(0)))
        if _LEAD_IN.search(text):
            out.append(body[pos:m.start()])
            out.append(_with_keep_next(m.group(0)))
            pos = m.end()
    out.append(body[pos:])
    return "".join(out) + tail
