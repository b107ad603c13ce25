"""Inline marks in paragraphs: ``**bold**`` and ``*italic*`` become Word runs; ``\\*`` is a
literal asterisk (``2\\*3\\*4`` prints ``2*3*4``, nothing in italics).

Text is escaped for XML here, always: the result is :class:`markupsafe.Markup` holding
``<w:r>`` elements, inserted by the templates with docxtpl's ``{{r … }}`` form. A mark without
its closing partner is kept as a literal asterisk, so no character the user typed is lost
except the pairs of marks themselves. A footnote mark ``[^label]`` becomes a footnote
reference while :func:`vanban.context.chu_thich.collecting` runs (the pipeline does this around
a template's ``build_context``).
"""

from __future__ import annotations

import re

from markupsafe import Markup

from vanban.context import chu_thich
from vanban.xml_text import escape

#: ``\*`` stands for a literal ``*``: hidden from the mark pattern behind a character that
#: validated text never holds (control characters are refused), put back in every span.
_ESCAPED = "\\*"
_HIDDEN = "\x00"
_MARK = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=[^\s*])(.+?)(?<=[^\s*])\*", re.S)


def run(text: str, *, bold: bool = False, italic: bool = False) -> str:
    props = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def spans(text: str) -> list[tuple[str, bool, bool]]:
    """Split ``text`` into (piece, bold, italic) spans (``\\*`` is a literal asterisk)."""
    if _ESCAPED in text:
        return [(piece.replace(_HIDDEN, "*"), b, i)
                for piece, b, i in spans(text.replace(_ESCAPED, _HIDDEN))]
    out: list[tuple[str, bool, bool]] = []
    pos = 0
    for m in _MARK.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False, False))
        if m.group(1) is not None:
            out.append((m.group(1), True, False))
        else:
            out.append((m.group(2), False, True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False, False))
    return out


def runs(text: str, *, marks: bool = True, bold: bool = False, italic: bool = False) -> Markup:
    """Runs for one paragraph; ``bold``/``italic`` apply to the whole text."""
    pieces = spans(text) if marks else [(text, False, False)]
    return Markup("".join(
        piece if isinstance(piece, Markup) else run(piece, bold=b or bold, italic=i or italic)
        for t, b, i in pieces for piece in chu_thich.split(t)))


def plain(text: str) -> str:
    """The text a reader sees once the marks are applied (footnote marks removed)."""
    return chu_thich.strip("".join(t for t, _, _ in spans(text)))


def notes(collector: chu_thich.Collector) -> list[dict]:
    """The footnotes collected while a document's text became runs, as the renderer writes
    them: ``{"id": int, "runs": Markup}`` (their own text may carry bold and italic)."""
    return [{"id": note_id, "runs": runs(text)} for note_id, text in collector.notes]


#: Where a value inside a sentence of a Word body leaves the run it stands in, and where the
#: sentence goes on in a new run (see :func:`in_sentence`).
_LEAVE_RUN = '</w:t></w:r>'
_BACK_IN_RUN = '<w:r><w:t xml:space="preserve">'


def in_sentence(text: str, *, marks: bool = True) -> str | Markup:
    """A clerk's text for ``{{ x }}`` inside a sentence of a Word body (not a whole paragraph).

    Plain text stays a ``str`` (Jinja escapes it; it takes the formatting of the run it stands
    in). Text with ``**bold**``/``*italic*`` marks (when ``marks``) or a footnote mark becomes
    its runs, closing the run around the tag before them and opening a plain one after: the
    sentence reads the same, the marks and footnotes work."""
    if not text:
        return ""
    made = runs(text, marks=marks)
    if made == Markup(run(text)):
        return text
    return Markup(_LEAVE_RUN) + made + Markup(_BACK_IN_RUN)
