"""Footnotes and endnotes: the notes part of a compiled template, and the notes of the data.

At compile time (:func:`carry_notes`, :func:`ensure_footnotes`) the notes a body template's
designer wrote are copied into the shell's ``footnotes.xml`` / ``endnotes.xml`` with fresh ids
(the separator notes are kept), their references in the body rewritten; every compiled template
then has a footnotes part, its relationship and content type, so a document whose data carries
notes needs nothing but that part rewritten.

At render time (:func:`with_notes`) the notes the context produced (``chu_thich``: blocks of
``{"id": int, "runs": Markup}``, see :mod:`vanban.context.chu_thich`) are appended to that
part. Template notes take ids below :data:`FIRST_DATA_ID`; notes from data take ids from it, so
the two never meet whatever the template holds.
"""

from __future__ import annotations

import copy

from lxml import etree
from markupsafe import Markup

from vanban.errors import TemplateError, problem
from vanban.render.parts import (
    DOCUMENT,
    RT,
    W_NS,
    Package,
    W,
    carry_relationships,
    carry_styles,
    relative,
)

#: Notes from data are numbered from here; a template's own notes stay below.
FIRST_DATA_ID = 1000
#: Size of footnote text in half-points (12 pt; the body is 13–14 pt).
NOTE_SIZE = 24
_TYPES = {
    "footnote": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnote": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
}


def _separators(kind: str) -> list[etree._Element]:
    out = []
    for nid, typ, mark in ((-1, "separator", "separator"),
                           (0, "continuationSeparator", "continuationSeparator")):
        out.append(etree.fromstring(
            f'<w:{kind} xmlns:w="{W_NS}" w:type="{typ}" w:id="{nid}"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f"<w:r><w:{mark}/></w:r></w:p></w:{kind}>"))
    return out


def notes_part(dst: Package, kind: str, src: Package | None = None) -> str:
    """The shell's footnotes (endnotes) part, created with its separators when missing."""
    name = dst.related(DOCUMENT, f"{kind}s")
    if name is not None:
        return name
    name = dst.free_name(f"word/{kind}s.xml")
    root = etree.Element(f"{W}{kind}s", nsmap={"w": W_NS})
    src_name = src.related(DOCUMENT, f"{kind}s") if src is not None else None
    seps = [n for n in src.xml(src_name) if n.get(f"{W}type")] if src_name else []
    for sep in [copy.deepcopy(n) for n in seps] or _separators(kind):
        root.append(sep)
    dst.put_xml(name, root)
    dst.add_rel(DOCUMENT, RT + f"{kind}s", relative(DOCUMENT, name))
    dst.declare(name, _TYPES[kind])
    _declare_separators(dst, kind, root)
    return name


#: What follows ``w:footnotePr`` in ``w:settings`` (CT_Settings is a sequence).
_SETTINGS_AFTER = ("endnotePr", "compat", "docVars", "rsids", "attachedSchema", "themeFontLang",
                   "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
                   "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                   "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def _declare_separators(dst: Package, kind: str, notes: etree._Element) -> None:
    """Name the separator notes in the settings (``w:footnotePr``), as Word does."""
    settings_name = dst.related(DOCUMENT, "settings")
    if settings_name is None:
        return
    settings = dst.xml(settings_name)
    if settings.find(f"{W}{kind}Pr") is not None:
        return
    pr = etree.Element(f"{W}{kind}Pr")
    for note in notes:
        if note.get(f"{W}type") in ("separator", "continuationSeparator"):
            etree.SubElement(pr, f"{W}{kind}").set(f"{W}id", note.get(f"{W}id"))
    after = {f"{W}{t}" for t in _SETTINGS_AFTER[1 if kind == "endnote" else 0:]}
    following = next((c for c in settings if c.tag in after), None)
    if following is not None:
        following.addprevious(pr)
    else:
        settings.append(pr)


def carry_notes(elements: list[etree._Element], src: Package, dst: Package) -> None:
    """Copy the notes ``elements`` refer to into the shell, renumbered, references rewritten."""
    for kind in ("footnote", "endnote"):
        refs = [r for el in elements for r in el.iter(f"{W}{kind}Reference")]
        src_name = src.related(DOCUMENT, f"{kind}s")
        if not refs or src_name is None:
            continue
        by_id = {n.get(f"{W}id"): n for n in src.xml(src_name).iter(f"{W}{kind}")}
        dst_name = notes_part(dst, kind, src)
        dst_root = dst.xml(dst_name)
        next_id = 1 + max((int(n.get(f"{W}id")) for n in dst_root.iter(f"{W}{kind}")),
                          default=0)
        new_notes = []
        for ref in refs:
            note = by_id.get(ref.get(f"{W}id"))
            if note is None:
                continue
            note = copy.deepcopy(note)
            note.set(f"{W}id", str(next_id))
            ref.set(f"{W}id", str(next_id))
            dst_root.append(note)
            new_notes.append(note)
            next_id += 1
        if next_id > FIRST_DATA_ID:
            raise TemplateError(problem(
                "template.too-many-notes", src_name,
                f"Mẫu có quá nhiều chú thích (tối đa {FIRST_DATA_ID - 1}).",
                f"more than {FIRST_DATA_ID - 1} notes in the template"))
        carry_relationships(new_notes, src, src_name, dst, dst_name)
        carry_styles(new_notes, src, dst)


def ensure_footnotes(dst: Package) -> str:
    """Every compiled template has a footnotes part (notes from data go there)."""
    return notes_part(dst, "footnote")


# --------------------------------------------------------------------------- render time
def reference_run(note_id: int) -> Markup:
    """The superscript number in the text that points at note ``note_id``."""
    return Markup('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                  f'<w:footnoteReference w:id="{int(note_id)}"/></w:r>')


def note_xml(note_id: int, runs: Markup) -> str:
    """One footnote: its own number, a space, the text (12 pt, justified, single spacing)."""
    size = f'<w:sz w:val="{NOTE_SIZE}"/><w:szCs w:val="{NOTE_SIZE}"/>'
    body = str(runs).replace("</w:rPr>", f"{size}</w:rPr>").replace(
        "<w:r><w:t", f"<w:r><w:rPr>{size}</w:rPr><w:t")
    return (f'<w:footnote w:id="{int(note_id)}"><w:p><w:pPr>'
            '<w:spacing w:before="0" w:after="40" w:line="240" w:lineRule="auto"/>'
            f'<w:jc w:val="both"/><w:rPr>{size}</w:rPr></w:pPr>'
            f'<w:r><w:rPr>{size}<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr>{size}</w:rPr><w:t xml:space="preserve"> </w:t></w:r>'
            f"{body}</w:p></w:footnote>")


def with_notes(part: bytes, notes: list[dict]) -> bytes:
    """The compiled footnotes part with the data's notes appended (no parse: one splice)."""
    if not notes:
        return part
    text = part.decode("utf-8")
    end = text.rindex("</w:footnotes>")
    added = "".join(note_xml(n["id"], n["runs"]) for n in notes)
    return (text[:end] + added + text[end:]).encode("utf-8")
