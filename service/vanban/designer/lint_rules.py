"""vanban's own lint rules — what docxtpl-lint cannot know — and the shape of a finding.

Each check takes the paragraphs docxtpl-lint's reader yields (part, index, table cells, text)
and returns :class:`vanban.errors.Problem` objects built by :func:`finding`: the sandbox, unknown
filters past a block error, list items missing a field, ``VB …`` styles, the parts and elements
the family shell owns, and the fields never used.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from docxtpl_lint.reader import Paragraph
from lxml import etree

from vanban.designer import contract
from vanban.designer.lint_messages import DTL, OWN
from vanban.designer.places import locate_at
from vanban.designer.render import BODY
from vanban.errors import Problem, problem
from vanban.render.compile import DOCUMENT, _read_zip
from vanban.templates import content_blocks_dir
from vanban.the_thuc.families import DEFAULT_FAMILY

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_FILTER = re.compile(r"(?<!\|)\|\s*([A-Za-z_]\w*)")
_UNSAFE = re.compile(r"(?:\.\s*|\[\s*[\"']|attr\(\s*[\"'])(_\w*)")
_SHELL_TEXT = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": "Quốc hiệu",
               "ĐẢNG CỘNG SẢN VIỆT NAM": "tiêu đề của Đảng", "Nơi nhận": "Nơi nhận"}
#: The names the family shell's context defines (vanban.context.envelope.build).
SHELL_KEYS = {"the_thuc", "co_quan", "so_ky_hieu", "ky_hieu", "dia_danh_ngay", "du_thao",
               "loai_van_ban", "trich_yeu", "gach", "kinh_gui", "chu_ky", "noi_nhan",
               "co_quan_trong_cau"}
_SHELL_VARS = {"so_ky_hieu": "số, ký hiệu", "chu_ky": "chữ ký", "noi_nhan": "nơi nhận"}


def finding(code: str, severity: str, where: tuple[str, dict[str, Any]], message: str,
             message_en: str, fix: str, **extra: Any) -> Problem:
    path, loc = where
    return problem(code, path, message, message_en, severity=severity, **loc, **extra, fix=fix)


def fmt(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def own_entry(code: str, **params: Any) -> tuple[str, str]:
    entry = OWN[code]
    return fmt(entry.message, params), fmt(entry.fix, params)


def check_sandbox(paras: list[Paragraph]) -> list[Problem]:
    out = []
    for p in paras:
        for tag in TAG.findall(p.text):
            m = _UNSAFE.search(tag)
            if m:
                msg, fix = own_entry("lint.sandbox", tag=tag, attr=m.group(1))
                out.append(finding("lint.sandbox", "error", locate_at(p.part, p, p.index), msg,
                                    f"sandbox: internal attribute {m.group(1)!r} in {tag!r}",
                                    fix, tag=tag))
    return out


def check_filters(paras: list[Paragraph], filters: set[str]) -> list[Problem]:
    """Unknown filters when docxtpl-lint stopped at a block or syntax error (it skips its
    filter check then); so one run still shows every mistake."""
    out = []
    entry = DTL["DTL104"]
    for p in paras:
        for tag in TAG.findall(p.text):
            for name in _FILTER.findall(tag):
                if name not in filters:
                    out.append(finding(entry.code, "error", locate_at(p.part, p, p.index),
                                        fmt(entry.message, {"name": name}),
                                        f"unknown filter {name!r}", entry.fix, tag=tag))
    return out


def missing_in_some(data: Any, path: str) -> bool:
    """Some (not all) list items on ``path`` lack its last key: docxtpl-lint reports a path
    only when no item has it, but one missing item is enough for the render to fail."""
    head, _, last = path.rpartition(".")
    if "[]" not in head or not last or last.endswith("[]"):
        return False
    items = [v for v in contract.resolve(data, head.replace("[]", "[*]")) if isinstance(v, dict)]
    return any(last in v for v in items) and any(last not in v for v in items)


def guarded(var: str, at: Paragraph, paras: list[Paragraph]) -> bool:
    """An ``if``/``elif`` on ``var`` opened before ``at`` (so the tag may never run for the
    items that lack the field)."""
    test = re.compile(rf"\{{%\w?\s*(?:el)?if\b[^%]*\b{re.escape(var)}\.")
    return any(test.search(p.text) for p in paras
               if p.part == at.part and p.index < at.index)


def check_partial(data: Any, variables: list[str], paras: list[Paragraph]) -> list[Problem]:
    out = []
    for path in variables:
        if not missing_in_some(data, path):
            continue
        last = path.rsplit(".", 1)[1]
        near = re.compile(rf"\.{re.escape(last)}\b")
        hits = [p for p in paras for tag in TAG.findall(p.text) if near.search(tag)]
        if any(re.search(rf"{re.escape(last)}\s+is\s+defined|{re.escape(last)}\s*\|\s*default",
                         p.text) for p in paras):
            continue
        where = locate_at(hits[0].part, hits[0], hits[0].index) if hits else (path, {})
        tag = next((t for t in TAG.findall(hits[0].text) if near.search(t)), "") if hits else ""
        owner = re.search(rf"(\w+)\.{re.escape(last)}\b", tag)
        if owner and hits and guarded(owner.group(1), hits[0], paras):
            continue  # e.g. {%p elif b.loai == 'bang' %} … b.rows: only some items have rows
        out.append(finding(
            "lint.missing-in-some-items", "error", where,
            f"Biến “{path.replace('[]', '[*]')}” thiếu ở một số phần tử của danh sách trong dữ "
            "liệu: mẫu sẽ báo lỗi khi điền.",
            f"{path} is missing from some list items of the data",
            f"Bổ sung trường “{last}” cho mọi phần tử, hoặc viết {{{{ x.{last}|default('') }}}} "
            f"/ {{% if x.{last} is defined %}}.", tag=tag))
    return out


def paragraph_styles(document_xml: bytes) -> list[tuple[int, str]]:
    root = etree.fromstring(document_xml, PARSER)
    out = []
    for i, p in enumerate(root.iter(f"{W}p"), 1):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val"):
            out.append((i, style.get(f"{W}val")))
    return out


def style_ids(styles_xml: bytes | None) -> set[str]:
    if not styles_xml:
        return set()
    return {s.get(f"{W}styleId") for s in etree.fromstring(styles_xml, PARSER).iter(f"{W}style")}


@lru_cache(maxsize=8)
def _shell_styles(path: str) -> frozenset[str]:
    return frozenset(style_ids(_read_zip(Path(path)).get("word/styles.xml")))


def check_styles(parts: dict[str, bytes], kind: str, family: str | None,
                  paras: dict[tuple[str, int], Paragraph]) -> list[Problem]:
    out: list[Problem] = []
    used = paragraph_styles(parts[DOCUMENT])
    if kind == BODY:
        known = _shell_styles(str(content_blocks_dir() / f"{family or DEFAULT_FAMILY}.docx"))
        own = etree.fromstring(parts["word/styles.xml"], PARSER) \
            if "word/styles.xml" in parts else None
        names = {s.get(f"{W}styleId"): (s.find(f"{W}name").get(f"{W}val")
                                         if s.find(f"{W}name") is not None else "")
                 for s in own.iter(f"{W}style")} if own is not None else {}
        reported: set[str] = set()
        for index, style in used:
            if style in known or style in reported:
                continue
            reported.add(style)
            label = names.get(style) or style
            msg, fix = own_entry("lint.style-unknown", style=label)
            out.append(finding("lint.style-unknown", "error",
                                locate_at("body", paras.get(("body", index)), index), msg,
                                f"paragraph style {label!r} is not defined by the family shell",
                                fix, style=label))
        return out
    # A full document that uses the shells' styles is a body template with a header of its
    # own (or forced with --kind full): it renders without the official parts.
    for index, style in used:
        if style.startswith("VB"):
            msg, fix = own_entry("lint.needs-shell", style=style)
            out.append(finding("lint.needs-shell", "warning",
                                locate_at("body", paras.get(("body", index)), index), msg,
                                f"style {style!r} belongs to the family shell", fix, style=style))
            break
    return out


def check_shell(paras: list[Paragraph], variables: list[str]) -> list[Problem]:
    out: list[Problem] = []
    for p in paras:
        if p.part != "body":
            for tag in TAG.findall(p.text):
                msg, fix = own_entry("lint.shell-part", tag=tag, part=p.part)
                out.append(finding("lint.shell-part", "error", locate_at(p.part, p, p.index), msg,
                                    f"tag in {p.part}, a part the family shell owns", fix,
                                    tag=tag))
            continue
        for text, what in _SHELL_TEXT.items():
            if text.casefold() in p.text.casefold():
                msg, fix = own_entry("lint.shell-owned", what=what)
                out.append(finding("lint.shell-owned", "warning", locate_at(p.part, p, p.index),
                                    msg, f"the body prints {what!r}, which the shell prints", fix))
        for tag in TAG.findall(p.text):
            for var, what in _SHELL_VARS.items():
                if re.search(rf"\b{var}\b", tag):
                    msg, fix = own_entry("lint.shell-owned", what=what)
                    out.append(finding("lint.shell-owned", "warning",
                                        locate_at(p.part, p, p.index), msg,
                                        f"the body prints {var}, which the shell prints", fix,
                                        tag=tag))
    return out


def unused(fields: list[str], variables: list[str], source: str) -> list[Problem]:
    out = []
    for f in fields:
        if contract.is_used(f, variables):
            continue
        expr = f.replace("[]", "[0]")
        msg, fix = own_entry("lint.unused-field", path=f, source=source, expr=expr)
        out.append(finding("lint.unused-field", "warning", (f, {"part": source}), msg,
                            f"field {f} is never used by the template", fix, field=f))
    return out


