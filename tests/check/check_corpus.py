"""Helpers for the format-checker tests: render the seed fixtures in any family, and edit the
rendered package with lxml to build deliberately wrong documents, one rule at a time."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

import vanban

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = "bao-cao-thi-dua"
FIXTURES = {p.stem: p for p in sorted(
        (ROOT / "templates_docx" / TEMPLATE / "fixtures").glob("*.json"))}
FAMILY_IDS = ("nha-nuoc", "dang", "cong-doan")
#: The fixture written for each family.
NATIVE = {
    "nha-nuoc": "nha-nuoc-mau-01-tong-ket-2021",
    "dang": "dang-yen-bai-so-ket-6-thang-2022",
    "cong-doan": "cong-doan-binh-phuoc-tong-ket-2022",
}

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"

_cache: dict[tuple[str, str], bytes] = {}


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def fixture_data(name: str) -> dict:
    return json.loads(FIXTURES[name].read_text("utf-8"))


def render(fixture: str, family: str | None = None) -> bytes:
    """A fixture rendered with ``the_thuc`` replaced by ``family`` (cached)."""
    family = family or fixture_data(fixture)["the_thuc"]
    key = (fixture, family)
    if key not in _cache:
        data = fixture_data(fixture)
        data["the_thuc"] = family
        _cache[key] = vanban.render(TEMPLATE, data)
    return _cache[key]


class Package:
    """A .docx opened for editing: parts parsed on demand, written back by :meth:`bytes`."""

    def __init__(self, data: bytes):
        self.data = data
        self.trees: dict[str, etree._Element] = {}
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.names = z.namelist()

    def xml(self, part: str = DOCUMENT) -> etree._Element:
        if part not in self.trees:
            with zipfile.ZipFile(io.BytesIO(self.data)) as z:
                self.trees[part] = etree.fromstring(z.read(part))
        return self.trees[part]

    def bytes(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(self.data)) as src, zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                content = src.read(item.filename)
                if item.filename in self.trees:
                    content = etree.tostring(
                        self.trees[item.filename], xml_declaration=True, encoding="UTF-8",
                        standalone=True,
                    )  # fmt: skip
                dst.writestr(item, content)
        return out.getvalue()

    # -------------------------------------------------------------- paragraphs

    def paragraphs(self, part: str = DOCUMENT) -> list[etree._Element]:
        return list(self.xml(part).iter(w("p")))

    def para(self, needle: str, part: str = DOCUMENT, nth: int = 0) -> etree._Element:
        """The ``nth`` paragraph whose text contains ``needle``."""
        hits = [p for p in self.paragraphs(part) if needle in text_of(p)]
        if len(hits) <= nth:
            raise LookupError(f"no paragraph with {needle!r} in {part}")
        return hits[nth]

    def after(self, p: etree._Element) -> etree._Element:
        """The paragraph right after ``p`` (same container)."""
        nxt = p.getnext()
        while nxt is not None and nxt.tag != w("p"):
            nxt = nxt.getnext()
        assert nxt is not None
        return nxt


def edit(data: bytes, change: Callable[[Package], None]) -> bytes:
    pkg = Package(data)
    change(pkg)
    return pkg.bytes()


def text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def set_text(p: etree._Element, text: str) -> None:
    """Replace the paragraph's text, keeping the first run's formatting."""
    runs = list(p.iter(w("r")))
    for r in runs[1:]:
        r.getparent().remove(r)
    t = runs[0].find(w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def ppr(p: etree._Element) -> etree._Element:
    el = p.find(w("pPr"))
    if el is None:
        el = etree.SubElement(p, w("pPr"))
        p.insert(0, el)
    return el


def rprs(p: etree._Element) -> list[etree._Element]:
    """The ``w:rPr`` of every run and of the paragraph mark (created when missing)."""
    out = []
    for r in p.iter(w("r")):
        rpr = r.find(w("rPr"))
        if rpr is None:
            rpr = etree.Element(w("rPr"))
            r.insert(0, rpr)
        out.append(rpr)
    mark = ppr(p).find(w("rPr"))
    if mark is not None:
        out.append(mark)
    return out


def set_prop(p: etree._Element, tag: str, **attrs: str) -> None:
    """Set (replace) a run property on every run of the paragraph, e.g. ``sz val=22``."""
    for rpr in rprs(p):
        for old in rpr.findall(w(tag)):
            rpr.remove(old)
        el = etree.SubElement(rpr, w(tag))
        for k, v in attrs.items():
            el.set(w(k), v)


def set_size(p: etree._Element, pt: float) -> None:
    set_prop(p, "sz", val=str(int(pt * 2)))
    set_prop(p, "szCs", val=str(int(pt * 2)))


def set_toggle(p: etree._Element, tag: str, on: bool) -> None:
    set_prop(p, tag, val="1" if on else "0")


def set_ppr(p: etree._Element, tag: str, **attrs: str) -> None:
    """Set attributes of a paragraph property (``jc``, ``ind``, ``spacing``, ``pBdr``…)."""
    props = ppr(p)
    el = props.find(w(tag))
    if el is None:
        el = etree.SubElement(props, w(tag))
    for k, v in attrs.items():
        if v is None:
            el.attrib.pop(w(k), None)
        else:
            el.set(w(k), v)


def remove_ppr(p: etree._Element, tag: str) -> None:
    el = ppr(p).find(w(tag))
    if el is not None:
        ppr(p).remove(el)


def style(pkg: Package, style_id: str) -> etree._Element:
    for el in pkg.xml(STYLES).iter(w("style")):
        if el.get(w("styleId")) == style_id:
            return el
    raise LookupError(style_id)


def sect_pr(pkg: Package) -> etree._Element:
    return pkg.xml().find(f"{w('body')}/{w('sectPr')}")
