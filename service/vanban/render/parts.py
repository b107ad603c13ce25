"""Carry what a body template needs besides its text into the family shell's package.

A body template (``templates_docx/<id>/template.docx``) is a whole Word package: its paragraphs
may point at other parts through ids that only mean something inside that package —
relationships (``r:embed`` of an image, ``r:id`` of a hyperlink), list definitions (``w:numId``
into ``numbering.xml``), notes (``w:footnoteReference`` into ``footnotes.xml``) and styles.
:class:`Package` is a mutable view of the shell's parts during compilation; the functions here
copy what the body's elements refer to into it with fresh ids and rewrite the references in the
elements, so the merged document points only at parts of the shell's package.

Notes themselves are merged by :mod:`vanban.render.footnotes`, which uses these helpers.
"""

from __future__ import annotations

import copy
import posixpath
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from vanban.errors import TemplateError, problem

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
W = f"{{{W_NS}}}"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOCUMENT = "word/document.xml"
CONTENT_TYPES = "[Content_Types].xml"
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


@dataclass
class Package:
    """The parts of a .docx as a dict, with parsed XML parts cached until :meth:`to_parts`."""

    parts: dict[str, bytes]
    _trees: dict[str, etree._Element] = field(default_factory=dict)
    #: ids already given to this (source) package's lists: kind → old id → new id, so a list
    #: used by a paragraph and by a style is copied once
    carried: dict[str, dict[str, str]] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return name in self.parts or name in self._trees

    def xml(self, name: str) -> etree._Element:
        if name not in self._trees:
            self._trees[name] = etree.fromstring(self.parts[name], _PARSER)
        return self._trees[name]

    def put_xml(self, name: str, root: etree._Element) -> None:
        self._trees[name] = root
        self.parts[name] = b""  # keeps the part's place in the order; written by to_parts

    def put(self, name: str, data: bytes) -> None:
        self._trees.pop(name, None)
        self.parts[name] = data

    def parsed(self, name: str) -> etree._Element:
        """Part ``name``'s XML for reading: the tree kept by :meth:`xml` if there is one, else
        a fresh parse that is not kept (the part's bytes stay as they are)."""
        if name in self._trees:
            return self._trees[name]
        return etree.fromstring(self.parts[name], _PARSER)

    def remove(self, name: str) -> None:
        """Drop part ``name`` and its content type override."""
        self.parts.pop(name, None)
        self._trees.pop(name, None)
        types = self.xml(CONTENT_TYPES)
        for o in list(types.iter(f"{{{CT_NS}}}Override")):
            if o.get("PartName") == "/" + name:
                types.remove(o)

    def to_parts(self) -> dict[str, bytes]:
        for name, root in self._trees.items():
            self.parts[name] = xml_bytes(root)
        self._trees.clear()
        return self.parts

    # -- relationships
    def rels(self, part: str) -> etree._Element:
        name = rels_name(part)
        if not self.has(name):
            self.put_xml(name, etree.Element(f"{{{PR_NS}}}Relationships", nsmap={None: PR_NS}))
        return self.xml(name)

    def related(self, part: str, rel_type: str) -> str | None:
        """The part that ``part`` points at with a relationship of ``rel_type`` (first one)."""
        if not self.has(rels_name(part)):
            return None
        for rel in self.rels(part):
            if rel.get("Type") == RT + rel_type and rel.get("TargetMode") != "External":
                return resolve(part, rel.get("Target"))
        return None

    def add_rel(self, part: str, rel_type: str, target: str, external: bool = False) -> str:
        rels = self.rels(part)
        used = {r.get("Id") for r in rels}
        n = len(used) + 1
        while f"rId{n}" in used:
            n += 1
        rel = etree.SubElement(rels, f"{{{PR_NS}}}Relationship", Id=f"rId{n}",
                               Type=rel_type, Target=target)
        if external:
            rel.set("TargetMode", "External")
        return f"rId{n}"

    # -- content types
    def content_type(self, name: str) -> str | None:
        types = self.xml(CONTENT_TYPES)
        for o in types.iter(f"{{{CT_NS}}}Override"):
            if o.get("PartName") == "/" + name:
                return o.get("ContentType")
        ext = posixpath.splitext(name)[1][1:].lower()
        for d in types.iter(f"{{{CT_NS}}}Default"):
            if d.get("Extension", "").lower() == ext:
                return d.get("ContentType")
        return None

    def declare(self, name: str, content_type: str) -> None:
        """Make ``name`` have ``content_type`` (a Default for media, else an Override)."""
        if self.content_type(name) == content_type:
            return
        types = self.xml(CONTENT_TYPES)
        ext = posixpath.splitext(name)[1][1:].lower()
        has_default = any(d.get("Extension", "").lower() == ext
                          for d in types.iter(f"{{{CT_NS}}}Default"))
        if not name.endswith(".xml") and not has_default:
            el = etree.Element(f"{{{CT_NS}}}Default", Extension=ext, ContentType=content_type)
            types.insert(0, el)
        else:
            etree.SubElement(types, f"{{{CT_NS}}}Override", PartName="/" + name,
                             ContentType=content_type)

    def free_name(self, wanted: str) -> str:
        stem, ext = posixpath.splitext(wanted)
        name, n = wanted, 1
        while self.has(name):
            name = f"{stem}_{n}{ext}"
            n += 1
        return name


def resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def relative(source_part: str, target_part: str) -> str:
    return posixpath.relpath(target_part, posixpath.dirname(source_part))


# --------------------------------------------------------------------------- relationships
def carry_relationships(elements: list[etree._Element], src: Package, src_part: str,
                        dst: Package, dst_part: str) -> None:
    """Rewrite every ``r:…`` id in ``elements`` to a relationship of ``dst_part``, copying
    external targets (hyperlinks) as they are and internal parts (media …) into ``dst``."""
    if not src.has(rels_name(src_part)):
        return
    by_id = {r.get("Id"): r for r in src.rels(src_part)}
    mapped: dict[str, str] = {}
    for el in elements:
        for node in el.iter():
            for attr, value in node.attrib.items():
                if not attr.startswith(f"{{{R_NS}}}") or value not in by_id:
                    continue
                if value not in mapped:
                    mapped[value] = _copy_rel(by_id[value], src, src_part, dst, dst_part)
                node.set(attr, mapped[value])


def _copy_rel(rel: etree._Element, src: Package, src_part: str, dst: Package,
              dst_part: str) -> str:
    rel_type, target = rel.get("Type"), rel.get("Target")
    if rel.get("TargetMode") == "External":
        return dst.add_rel(dst_part, rel_type, target, external=True)
    name = resolve(src_part, target)
    if not src.has(name):
        raise TemplateError(problem(
            "template.missing-part", f"{src_part} → {target}",
            f"Mẫu trỏ tới phần “{name}” (ảnh, tệp nhúng …) không có trong tệp .docx; hãy chèn "
            "lại đối tượng đó trong Word rồi lưu mẫu.",
            f"relationship {rel.get('Id')} of {src_part} targets missing part {name}"))
    return dst.add_rel(dst_part, rel_type, relative(dst_part, copy_part(name, src, dst)))


def copy_part(name: str, src: Package, dst: Package) -> str:
    """Copy part ``name`` (and, for XML parts, what it refers to) into ``dst``; its new name."""
    new = dst.free_name(name)
    ctype = src.content_type(name) or "application/octet-stream"
    if src.has(rels_name(name)):
        root = copy.deepcopy(src.xml(name))
        dst.put_xml(new, root)
        carry_relationships([root], src, name, dst, new)
    else:
        dst.put(new, src.parts[name])
    dst.declare(new, ctype)
    return new


# --------------------------------------------------------------------------- numbering
def carry_numbering(elements: list[etree._Element], src: Package, dst: Package) -> None:
    """Copy the list definitions ``elements`` use (``w:numId``) into the shell's numbering part,
    with fresh ``numId``/``abstractNumId`` (and ``nsid``, so Word never joins two lists)."""
    refs = [n for el in elements for n in el.iter(f"{W}numId")
            if n.getparent().tag == f"{W}numPr" and n.get(f"{W}val") not in (None, "0")]
    src_name = src.related(DOCUMENT, "numbering")
    if not refs or src_name is None:
        return
    src_root = src.xml(src_name)
    nums = {n.get(f"{W}numId"): n for n in src_root.iter(f"{W}num")}
    abstracts = {a.get(f"{W}abstractNumId"): a for a in src_root.iter(f"{W}abstractNum")}
    dst_root = _numbering_part(dst)
    next_num = 1 + max((int(n.get(f"{W}numId")) for n in dst_root.iter(f"{W}num")), default=0)
    next_abs = 1 + max((int(a.get(f"{W}abstractNumId"))
                        for a in dst_root.iter(f"{W}abstractNum")), default=-1)
    num_map = src.carried.setdefault("numId", {})
    abs_map = src.carried.setdefault("abstractNumId", {})
    for ref in refs:
        old = ref.get(f"{W}val")
        if old not in num_map and old in nums:
            num = copy.deepcopy(nums[old])
            old_abs = num.find(f"{W}abstractNumId").get(f"{W}val")
            if old_abs not in abs_map and old_abs in abstracts:
                abstract = copy.deepcopy(abstracts[old_abs])
                abstract.set(f"{W}abstractNumId", str(next_abs))
                nsid = abstract.find(f"{W}nsid")
                if nsid is not None:
                    nsid.set(f"{W}val", f"{zlib.crc32(f'vanban-{next_abs}'.encode()):08X}")
                _insert_abstract(dst_root, abstract)
                abs_map[old_abs] = str(next_abs)
                next_abs += 1
            num.set(f"{W}numId", str(next_num))
            num.find(f"{W}abstractNumId").set(f"{W}val", abs_map.get(old_abs, old_abs))
            _insert_num(dst_root, num)
            num_map[old] = str(next_num)
            next_num += 1
        if old in num_map:
            ref.set(f"{W}val", num_map[old])


def _numbering_part(dst: Package) -> etree._Element:
    name = dst.related(DOCUMENT, "numbering")
    if name is None:
        name = dst.free_name("word/numbering.xml")
        dst.put_xml(name, etree.Element(f"{W}numbering", nsmap={"w": W_NS}))
        dst.add_rel(DOCUMENT, RT + "numbering", relative(DOCUMENT, name))
        dst.declare(name, "application/vnd.openxmlformats-officedocument."
                          "wordprocessingml.numbering+xml")
    return dst.xml(name)


def _insert_abstract(root: etree._Element, abstract: etree._Element) -> None:
    # CT_Numbering: numPicBullet*, abstractNum*, num*, numIdMacAtCleanup?
    first_num = root.find(f"{W}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        _insert_num(root, abstract)


def _insert_num(root: etree._Element, num: etree._Element) -> None:
    cleanup = root.find(f"{W}numIdMacAtCleanup")
    if cleanup is not None:
        cleanup.addprevious(num)
    else:
        root.append(num)


# --------------------------------------------------------------------------- comments
_COMMENT_MARKS = tuple(f"{W}{t}" for t in ("commentRangeStart", "commentRangeEnd",
                                           "commentReference"))


def drop_comments(elements: list[etree._Element]) -> None:
    """Remove the designer's review comments (their part is not carried: a reference to a
    missing comment makes Word refuse the file)."""
    for el in elements:
        for mark in list(el.iter(*_COMMENT_MARKS)):
            parent = mark.getparent()
            if mark.tag == f"{W}commentReference" and parent.tag == f"{W}r" and all(
                    c.tag in (f"{W}rPr", mark.tag) for c in parent):
                parent.getparent().remove(parent)
            else:
                parent.remove(mark)


# --------------------------------------------------------------------------- styles
_STYLE_REFS = ("pStyle", "rStyle", "tblStyle")


def carry_styles(elements: list[etree._Element], src: Package, dst: Package) -> list[str]:
    """Copy the styles ``elements`` use that the shell lacks (with the styles they are based
    on or linked to, and the lists they number with) from the body; returns the ids copied."""
    src_name, dst_name = "word/styles.xml", "word/styles.xml"
    if not src.has(src_name) or not dst.has(dst_name):
        return []
    src_styles = {s.get(f"{W}styleId"): s for s in src.xml(src_name).iter(f"{W}style")}
    dst_root = dst.xml(dst_name)
    have = {s.get(f"{W}styleId") for s in dst_root.iter(f"{W}style")}
    wanted = [r.get(f"{W}val") for el in elements for tag in _STYLE_REFS
              for r in el.iter(f"{W}{tag}")]
    copied: list[etree._Element] = []
    while wanted:
        sid = wanted.pop()
        if sid in have or sid not in src_styles:
            continue
        style = copy.deepcopy(src_styles[sid])
        dst_root.append(style)
        copied.append(style)
        have.add(sid)
        wanted += [r.get(f"{W}val") for tag in ("basedOn", "link", "next")
                   for r in style.iter(f"{W}{tag}")]
    carry_numbering(copied, src, dst)
    return [s.get(f"{W}styleId") for s in copied]


# --------------------------------------------------------------------------- unneeded parts
#: Relationships whose parts a produced document does without: Word 2010's second copy of the
#: styles (``stylesWithEffects.xml``, ~440 KB; Word 2013 and later neither write nor need it,
#: Word 2010 rebuilds it from ``styles.xml``) and the package's preview picture (a picture of
#: the *template*, so a file browser would show the wrong page).
UNNEEDED_RELS = frozenset({
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
})


def drop_unneeded(package: Package, elements: Iterable[etree._Element] = ()) -> list[str]:
    """Remove the parts of :data:`UNNEEDED_RELS` (with their relationships and content types)
    and the table styles nothing uses (:func:`drop_unused_table_styles`; ``elements``: the
    body about to be put into the package's document); the parts removed."""
    dropped: list[str] = []
    for rels in [n for n in list(package.parts) if n.endswith(".rels")]:
        folder = posixpath.dirname(posixpath.dirname(rels))
        source = posixpath.join(folder, posixpath.basename(rels)[:-len(".rels")])
        root = package.xml(rels)
        for rel in list(root):
            if rel.get("Type") not in UNNEEDED_RELS or rel.get("TargetMode") == "External":
                continue
            root.remove(rel)
            name = resolve(source, rel.get("Target"))
            for gone in (name, rels_name(name)):
                if package.has(gone):
                    package.remove(gone)
            dropped.append(name)
    drop_unused_table_styles(package, elements)
    return dropped


def drop_unused_table_styles(package: Package,
                             elements: Iterable[etree._Element] = ()) -> list[str]:
    """Remove the table styles (``w:type="table"``) that no part's table, and no kept style,
    refers to — python-docx's blank document, which Word sources start from, defines 100 of
    them (340 KB of the 350 KB ``styles.xml``); the default table style is kept. Word still
    offers every built-in table style after the removal: it knows them itself. Nothing is
    removed when a template chooses a table style with a Jinja tag. Returns the ids removed."""
    name = "word/styles.xml"
    if not package.has(name):
        return []
    root = package.xml(name)
    trees = list(elements)
    trees += [package.parsed(part) for part, data in package.parts.items()
              if part != name and part.endswith(".xml")
              and (part in package._trees or b"tblStyle" in data)]
    used: set[str] = set()
    for tree in trees:
        for el in tree.iter(f"{W}tblStyle"):
            value = el.get(f"{W}val") or ""
            if "{" in value or "%" in value:  # chosen at render time: keep them all
                return []
            used.add(value)
    styles = {s.get(f"{W}styleId"): s for s in root.iter(f"{W}style")}
    keep = {sid for sid, s in styles.items()
            if s.get(f"{W}type") != "table" or s.get(f"{W}default") in ("1", "true", "on")}
    keep |= used
    todo = list(keep)
    while todo:  # what kept styles are based on, linked to or followed by
        style = styles.get(todo.pop())
        if style is None:
            continue
        for tag in ("basedOn", "link", "next"):
            for ref in style.iter(f"{W}{tag}"):
                sid = ref.get(f"{W}val")
                if sid not in keep:
                    keep.add(sid)
                    todo.append(sid)
    removed = [sid for sid in styles if sid not in keep]
    for sid in removed:
        root.remove(styles[sid])
    return removed
