"""The page checker: what a văn thư sees on the printed pages, not what the .docx says.

    from vanban.check.pages import check_pages
    problems = check_pages(docx_bytes)            # converts through the configured converter
    problems = check_pages(docx_bytes, pdf=pdf)   # or checks a PDF already made from it

It converts the document (``vanban.pdf.converter()``: warm LibreOffice by default), reads the
printed lines of every page (:mod:`vanban.check.pdf_lines`) and reports, as
:class:`~vanban.errors.Problem` (code, Vietnamese message, ``message_en``, ``path`` =
``trang N``, ``extra`` with the page and the text):

* ``pages.word-broken`` — a word of the document does not print whole: it was split over
  lines, as "STT" in a column too narrow for it (S / T / T);
* ``pages.line-wrapped`` — a line of the agency block, the title, the abstract or a centred
  capitalised line (the authority of a quyết định, an annex title, a báo cáo's part title)
  wraps where vanban did not
  break it: Word and LibreOffice wrap differently, only a break written in the document is the
  same everywhere;
* ``pages.lone-word`` — the last written line of a title or abstract holds one word;
* ``pages.half-empty`` — a page other than the last is less than half full, and the next does
  not begin an annex (a forced break after the header, a table pushed to the next page);
* ``pages.colon-at-foot`` — a page ends on a lead-in ("Kết luận:", "… như sau:") whose table or
  list starts on the next page;
* ``pages.signature-alone`` — a page holds nothing but the signature band and nơi nhận.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from vanban.check.docx_facts import load
from vanban.check.docx_model import DocFacts, ParagraphFacts
from vanban.check.layout import Layout, locate
from vanban.check.pdf_lines import Line, Page, read_pages
from vanban.check.report import excerpt
from vanban.check.text import fold
from vanban.errors import Problem, problem

#: A page other than the last must be at least this full (share of the text height).
MIN_FILL = 0.5
#: The first lines of a page that begins an annex.
_ANNEX = re.compile(r"^(phụ lục|danh sách|bảng)\b|\bkèm theo\b")
#: Splits words into the pieces compared: letters and digits only; hyphens and slashes (where a
#: renderer may legitimately wrap "2020-2025", "45-TTr/ĐU") separate pieces.
_PIECE = re.compile(r"[^\W_]+")

CODES = ("pages.word-broken", "pages.line-wrapped", "pages.lone-word", "pages.half-empty",
         "pages.colon-at-foot", "pages.signature-alone")


def pieces(text: str) -> list[str]:
    """The comparable pieces of a text: NFC, case-folded runs of letters and digits."""
    return _PIECE.findall(unicodedata.normalize("NFC", text).casefold())


def _found(page: int | None, code: str, message: str, message_en: str, text: str = "",
           **extra: object) -> Problem:
    where = f"trang {page}" if page else "tài liệu"
    return problem(code, where, message, message_en, page=page, text=excerpt(text), **extra)


# ----------------------------------------------------------------------------- the document
@dataclass
class _Doc:
    facts: DocFacts
    lay: Layout

    @property
    def top_pt(self) -> float:
        return self.facts.page.margins.top_twips / 20

    @property
    def bottom_pt(self) -> float:
        return self.facts.page.margins.bottom_twips / 20


def _caps(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 12 and all(ch.isupper() for ch in letters)


def _centred_caps(p: ParagraphFacts) -> list[str]:
    """The capitalised lines of a centred paragraph outside tables (a quyết định's authority,
    an annex title, a part's title under its "Phần I" line)."""
    if p.in_table is not None or p.alignment != "center":
        return []
    return [line for line in p.text.split("\n") if _caps(line.strip())]


def _guarded_lines(doc: _Doc) -> list[tuple[str, str]]:
    """(kind, line) for every line vanban writes that must print unwrapped."""
    lay = doc.lay
    out: list[tuple[str, str]] = []
    for span in [*lay.agency_parent, *lay.agency]:
        out += [("agency", line) for line in span.text.split("\n")]
    for span in [lay.title, *lay.abstract]:
        if span is not None:
            out += [("title", line) for line in span.text.split("\n")]
    seen = {id(s.p) for s in [*lay.agency_parent, *lay.agency, *lay.abstract] if s}
    if lay.title is not None:
        seen.add(id(lay.title.p))
    for p in doc.facts.paragraphs:
        if id(p) not in seen:
            out += [("caps", line) for line in _centred_caps(p)]
    return [(k, line) for k, line in out if pieces(line)]


def _band_words(doc: _Doc) -> Counter[str]:
    """The words of the signature band(s) and nơi nhận: every paragraph of the tables that hold
    the signer, the countersigner or nơi nhận (or those paragraphs themselves)."""
    lay = doc.lay
    spans = []
    for sig in (lay.signature, lay.countersign):
        if sig is not None:
            spans += sig.spans
    if lay.noi_nhan is not None:
        spans += [lay.noi_nhan, *lay.noi_nhan_items]
    tables = {s.p.in_table.table for s in spans if s.p.in_table is not None}
    paras = {id(s.p): s.p for s in spans}
    for p in doc.facts.paragraphs:
        if p.in_table is not None and p.in_table.table in tables:
            paras[id(p)] = p
    return Counter(w for p in paras.values() for w in pieces(p.text))


# ----------------------------------------------------------------------------- the pages
def _body_lines(page: Page, doc: _Doc) -> list[Line]:
    """The lines inside the text area (the page number in the header left out)."""
    top = doc.top_pt - 4
    bottom = page.height - doc.bottom_pt + 4
    return [line for line in page.lines if line.y0 >= top and line.y1 <= bottom]


def _words_broken(doc: _Doc, pages: list[Page]) -> Iterable[Problem]:
    want: Counter[str] = Counter()
    where: dict[str, str] = {}
    for p in doc.facts.paragraphs:
        for w in pieces(p.text):
            want[w] += 1
            where.setdefault(w, p.text)
    have: Counter[str] = Counter()
    first_page: dict[str, int] = {}
    for page in pages:
        for line in page.lines:
            for w in pieces(line.text):
                have[w] += 1
                first_page.setdefault(w, page.number)
    for word, n in want.items():
        if have[word] >= n:
            continue
        page = _page_of_fragment(word, pages)
        yield _found(page, "pages.word-broken",
                     f"Chữ “{word}” không in liền trên trang: bị ngắt giữa chữ sang dòng khác "
                     f"(cột bảng hoặc ô quá hẹp) — trong “{excerpt(where[word], 50)}”.",
                     f"the word '{word}' does not print whole: it is split across lines "
                     "(a table column or cell too narrow for it)",
                     where[word], word=word, expected=n, printed=have[word])


def _page_of_fragment(word: str, pages: list[Page]) -> int | None:
    """The page where the pieces of a broken word stand on consecutive lines."""
    for page in pages:
        tokens = [t for line in page.lines for t in pieces(line.text)]
        for i in range(len(tokens)):
            joined = ""
            for t in tokens[i:i + len(word)]:
                joined += t
                if joined == word and t != word:
                    return page.number
                if not word.startswith(joined):
                    break
    return None


def _contains(seq: list[str], sub: list[str]) -> bool:
    n = len(sub)
    return any(seq[i:i + n] == sub for i in range(len(seq) - n + 1))


def _lines_wrapped(doc: _Doc, pages: list[Page]) -> Iterable[Problem]:
    printed = [(page.number, pieces(line.text)) for page in pages for line in page.lines]
    for kind, line in _guarded_lines(doc):
        want = pieces(line)
        if any(_contains(seq, want) for _, seq in printed):
            continue
        page = next((n for n, seq in printed if seq and _contains(want, seq)), None)
        what = {"agency": "Tên cơ quan", "title": "Tên loại / trích yếu",
                "caps": "Dòng chữ in hoa"}[kind]
        yield _found(page, "pages.line-wrapped",
                     f"{what} “{line.strip()}” bị xuống dòng ở chỗ vanban không ngắt (chỗ ngắt "
                     "do phần mềm in tự chọn, Word và LibreOffice ngắt khác nhau).",
                     f"the {kind} line '{line.strip()}' wraps where vanban did not break it",
                     line, kind=kind)


def _lone_words(doc: _Doc) -> Iterable[Problem]:
    lay = doc.lay
    blocks = [[line for s in [lay.title] if s for line in s.text.split("\n")],
              [line for s in lay.abstract for line in s.text.split("\n")]]
    for lines in blocks:
        lines = [line for line in lines if line.strip()]
        if len(lines) >= 2 and len(lines[-1].split()) == 1 and len(lines[-2].split()) > 1:
            yield _found(1, "pages.lone-word",
                         f"Dòng cuối của tên loại / trích yếu chỉ còn một chữ “{lines[-1]}”.",
                         f"the last line of the title or abstract holds one word: "
                         f"'{lines[-1]}'", " / ".join(lines))


def _fill(page: Page, doc: _Doc) -> float:
    lines = _body_lines(page, doc)
    if not lines:
        return 0.0
    height = page.height - doc.top_pt - doc.bottom_pt
    return (max(line.y1 for line in lines) - doc.top_pt) / height


def _begins_annex(page: Page, doc: _Doc) -> bool:
    lines = sorted(_body_lines(page, doc), key=lambda line: (line.y0, line.x0))[:3]
    return any(_ANNEX.search(fold(line.text)) for line in lines)


def _half_empty(doc: _Doc, pages: list[Page]) -> Iterable[Problem]:
    for page, nxt in zip(pages, pages[1:], strict=False):
        fill = _fill(page, doc)
        if fill >= MIN_FILL or _begins_annex(nxt, doc):
            continue
        pct = round(fill * 100)
        yield _found(page.number, "pages.half-empty",
                     f"Trang {page.number} chỉ in {pct} % chiều cao phần chữ rồi sang trang "
                     f"(trang sau không mở đầu một phụ lục): trang nửa trống.",
                     f"page {page.number} is only {pct} % full before the next page, which "
                     "does not begin an annex", _last_line(page, doc), fill=round(fill, 3))


def _last_line(page: Page, doc: _Doc) -> str:
    lines = _body_lines(page, doc)
    if not lines:
        return ""
    return max(lines, key=lambda line: (round(line.y1), line.x0)).text


def _colon_at_foot(doc: _Doc, pages: list[Page]) -> Iterable[Problem]:
    for page in pages[:-1]:
        lines = _body_lines(page, doc)
        if not lines:
            continue
        bottom = max(line.y1 for line in lines)
        last = [line for line in lines if line.y1 >= bottom - 2]
        ends = [line.text for line in last if line.text.rstrip().endswith(":")]
        if ends:
            yield _found(page.number, "pages.colon-at-foot",
                         f"Trang {page.number} kết thúc bằng câu dẫn “{ends[0]}”, còn phần nó "
                         "dẫn (bảng, danh sách) sang trang sau.",
                         f"page {page.number} ends on the lead-in '{ends[0]}'; what it "
                         "introduces starts on the next page", ends[0])


def _signature_alone(doc: _Doc, pages: list[Page]) -> Iterable[Problem]:
    band = _band_words(doc)
    if not band:
        return
    for page in pages[1:]:
        words = [w for line in _body_lines(page, doc) for w in pieces(line.text)]
        if words and all(w in band for w in words):
            yield _found(page.number, "pages.signature-alone",
                         f"Trang {page.number} chỉ có phần chữ ký và nơi nhận, không có dòng "
                         "nào của nội dung.",
                         f"page {page.number} holds only the signature band and nơi nhận",
                         " ".join(words[:12]))


# ----------------------------------------------------------------------------- entry points
def check_pdf(docx: bytes | DocFacts, pdf: bytes) -> list[Problem]:
    """The problems of the printed pages of ``pdf``, made from ``docx``."""
    facts = docx if isinstance(docx, DocFacts) else load(docx)
    doc = _Doc(facts, locate(facts))
    pages = read_pages(pdf)
    out: list[Problem] = []
    out += _words_broken(doc, pages)
    out += _lines_wrapped(doc, pages)
    out += _lone_words(doc)
    out += _half_empty(doc, pages)
    out += _colon_at_foot(doc, pages)
    out += _signature_alone(doc, pages)
    return out


def check_pages(docx: bytes, pdf: bytes | None = None) -> list[Problem]:
    """Convert ``docx`` through the configured converter (unless ``pdf`` is given) and check
    its pages. :class:`~vanban.errors.ConversionError` when no converter can run."""
    if pdf is None:
        from vanban.pdf import converter

        pdf = converter().convert(docx)
    return check_pdf(docx, pdf)
