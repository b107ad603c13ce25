"""Lint a .docx template: every mistake at once, each with its place, in vanban's problems.

Built on docxtpl-lint (pinned in pyproject.toml): its findings (Jinja syntax, unknown filters
and tests, unbalanced ``{%p``/``{%tr``/``{%tc``/``{%r`` blocks, content docxtpl drops, variables
missing from the data or the JSON Schema, nested and through loop variables) are translated by
:mod:`vanban.designer.lint_messages` into stable ``lint.*`` codes with Vietnamese messages.
vanban adds what docxtpl-lint cannot know: the sandbox (``lint.sandbox``), the ``VB …`` styles of
the family shells (``lint.style-unknown``, ``lint.needs-shell``), the parts and elements the
official shell owns (``lint.shell-part``, ``lint.shell-owned``) and the fields of the contract
the template never uses (``lint.unused-field``, warnings).

Each problem's ``path`` is the part, paragraph and table cell (``body ¶12 [T1 R2 C2 ¶1]``);
``extra`` holds ``severity``, ``rule``, ``part``, ``paragraph``, ``text`` (the paragraph as the
designer sees it), ``tag`` and ``fix`` (what to do).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

import docxtpl_lint
from docxtpl_lint.reader import Paragraph, iter_paragraphs
from lxml import etree

from vanban.designer import contract
from vanban.designer.lint_messages import DTL, OWN
from vanban.designer.render import BODY, FULL, body_context, repackage, template_kind
from vanban.designer.sandbox import SafeEnvironment
from vanban.errors import InputError, Problem, problem
from vanban.ooxml.safezip import read_docx_parts
from vanban.pipeline import _load
from vanban.render.compile import DOCUMENT, _read_zip
from vanban.templates import content_blocks_dir

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_FILTER = re.compile(r"(?<!\|)\|\s*([A-Za-z_]\w*)")
_UNSAFE = re.compile(r"(?:\.\s*|\[\s*[\"']|attr\(\s*[\"'])(_\w*)")
_SHELL_TEXT = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": "Quốc hiệu",
               "ĐẢNG CỘNG SẢN VIỆT NAM": "tiêu đề của Đảng", "Nơi nhận": "Nơi nhận"}
#: The names the family shell's context defines (vanban.context.envelope.build).
_SHELL_KEYS = {"the_thuc", "co_quan", "so_ky_hieu", "ky_hieu", "dia_danh_ngay", "du_thao",
               "loai_van_ban", "trich_yeu", "gach", "kinh_gui", "chu_ky", "noi_nhan",
               "co_quan_trong_cau"}
_SHELL_VARS = {"so_ky_hieu": "số, ký hiệu", "chu_ky": "chữ ký", "noi_nhan": "nơi nhận"}


@dataclass
class LintReport:
    file: str
    kind: str
    problems: list[Problem] = field(default_factory=list)
    variables: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.extra.get("severity") == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.extra.get("severity") != "error"]

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "kind": self.kind, "errors": len(self.errors),
                "warnings": len(self.warnings), "variables": self.variables,
                "problems": [p.to_dict() for p in self.problems]}


def _where(part: str, para: Paragraph | None, index: int) -> tuple[str, dict[str, Any]]:
    if para is None:
        return (f"{part} ¶{index}" if index else part), {"part": part, "paragraph": index}
    cells = " ".join(f"T{c.table} R{c.row} C{c.col}" for c in para.cells)
    path = f"{part} ¶{index}" + (f" [{cells} ¶{para.cell_para}]" if cells else "")
    extra: dict[str, Any] = {"part": part, "paragraph": index, "text": para.text[:300]}
    if cells:
        extra["cell"] = cells
    return path, extra


def _finding(code: str, severity: str, where: tuple[str, dict[str, Any]], message: str,
             message_en: str, fix: str, **extra: Any) -> Problem:
    path, loc = where
    return problem(code, path, message, message_en, severity=severity, **loc, **extra, fix=fix)


def _fmt(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def _translate(issue: Any, paras: dict[tuple[str, int], Paragraph]) -> Problem:
    loc = issue.location
    entry = DTL.get(issue.rule)
    where = _where(loc.part, paras.get((loc.part, loc.paragraph)), loc.paragraph)
    if entry is None:
        return _finding(f"lint.{issue.rule.lower()}", issue.severity, where, issue.message,
                        issue.message, "", rule=issue.rule, tag=issue.snippet)
    return _finding(entry.code, issue.severity, where, _fmt(entry.message, issue.params),
                    issue.message, _fmt(entry.fix, issue.params), rule=issue.rule,
                    tag=issue.snippet)


def _markup_in_rich_tag(issue: Any, data: Any) -> bool:
    """docxtpl-lint's DTL307 assumes a plain value in ``{{r x}}`` prints nothing; with
    autoescape a ``Markup`` value (vanban's pre-rendered runs) is inserted as XML, as docxtpl
    does with RichText."""
    if issue.rule != "DTL307" or data is None:
        return False
    values = contract.resolve(data, issue.params.get("path", ""))
    return bool(values) and all(hasattr(v, "__html__") for v in values)


def _inside_derived(issue: Any, derived: set[str]) -> bool:
    """A path inside what an installed template's module builds (``khoi[*].xml``): its shape
    depends on the data (a block type the example lacks), so the example cannot decide it."""
    if issue.rule != "DTL304":
        return False
    root = issue.params.get("path", "").split(".")[0].split("[")[0]
    return root in derived and "." in issue.params.get("path", "")


def _unreached(issue: Any, paras: list[Paragraph]) -> bool:
    """docxtpl-lint reports ``khoi[*].xml`` missing from the data although the tag sits under
    ``{%p elif b.loai == 'bang' %}`` and no item of that kind is in the data: the branch never
    runs, so the render cannot fail there."""
    if issue.rule != "DTL301" or "[*]" not in issue.params.get("path", ""):
        return False
    last = issue.params["path"].rsplit(".", 1)[-1]
    owner = re.search(rf"(\w+)\.{re.escape(last)}\b", issue.snippet or "")
    at = next((p for p in paras if p.part == issue.location.part
               and p.index == issue.location.paragraph), None)
    return bool(owner and at and _guarded(owner.group(1), at, paras))


def _own_entry(code: str, **params: Any) -> tuple[str, str]:
    entry = OWN[code]
    return _fmt(entry.message, params), _fmt(entry.fix, params)


def _check_sandbox(paras: list[Paragraph]) -> list[Problem]:
    out = []
    for p in paras:
        for tag in _TAG.findall(p.text):
            m = _UNSAFE.search(tag)
            if m:
                msg, fix = _own_entry("lint.sandbox", tag=tag, attr=m.group(1))
                out.append(_finding("lint.sandbox", "error", _where(p.part, p, p.index), msg,
                                    f"sandbox: internal attribute {m.group(1)!r} in {tag!r}",
                                    fix, tag=tag))
    return out


def _check_filters(paras: list[Paragraph], filters: set[str]) -> list[Problem]:
    """Unknown filters when docxtpl-lint stopped at a block or syntax error (it skips its
    filter check then); so one run still shows every mistake."""
    out = []
    entry = DTL["DTL104"]
    for p in paras:
        for tag in _TAG.findall(p.text):
            for name in _FILTER.findall(tag):
                if name not in filters:
                    out.append(_finding(entry.code, "error", _where(p.part, p, p.index),
                                        _fmt(entry.message, {"name": name}),
                                        f"unknown filter {name!r}", entry.fix, tag=tag))
    return out


def _missing_in_some(data: Any, path: str) -> bool:
    """Some (not all) list items on ``path`` lack its last key: docxtpl-lint reports a path
    only when no item has it, but one missing item is enough for the render to fail."""
    head, _, last = path.rpartition(".")
    if "[]" not in head or not last or last.endswith("[]"):
        return False
    items = [v for v in contract.resolve(data, head.replace("[]", "[*]")) if isinstance(v, dict)]
    return any(last in v for v in items) and any(last not in v for v in items)


def _guarded(var: str, at: Paragraph, paras: list[Paragraph]) -> bool:
    """An ``if``/``elif`` on ``var`` opened before ``at`` (so the tag may never run for the
    items that lack the field)."""
    test = re.compile(rf"\{{%\w?\s*(?:el)?if\b[^%]*\b{re.escape(var)}\.")
    return any(test.search(p.text) for p in paras
               if p.part == at.part and p.index < at.index)


def _check_partial(data: Any, variables: list[str], paras: list[Paragraph]) -> list[Problem]:
    out = []
    for path in variables:
        if not _missing_in_some(data, path):
            continue
        last = path.rsplit(".", 1)[1]
        near = re.compile(rf"\.{re.escape(last)}\b")
        hits = [p for p in paras for tag in _TAG.findall(p.text) if near.search(tag)]
        if any(re.search(rf"{re.escape(last)}\s+is\s+defined|{re.escape(last)}\s*\|\s*default",
                         p.text) for p in paras):
            continue
        where = _where(hits[0].part, hits[0], hits[0].index) if hits else (path, {})
        tag = next((t for t in _TAG.findall(hits[0].text) if near.search(t)), "") if hits else ""
        owner = re.search(rf"(\w+)\.{re.escape(last)}\b", tag)
        if owner and hits and _guarded(owner.group(1), hits[0], paras):
            continue  # e.g. {%p elif b.loai == 'bang' %} … b.rows: only some items have rows
        out.append(_finding(
            "lint.missing-in-some-items", "error", where,
            f"Biến “{path.replace('[]', '[*]')}” thiếu ở một số phần tử của danh sách trong dữ "
            "liệu: mẫu sẽ báo lỗi khi điền.",
            f"{path} is missing from some list items of the data",
            f"Bổ sung trường “{last}” cho mọi phần tử, hoặc viết {{{{ x.{last}|default('') }}}} "
            f"/ {{% if x.{last} is defined %}}.", tag=tag))
    return out


def _paragraph_styles(document_xml: bytes) -> list[tuple[int, str]]:
    root = etree.fromstring(document_xml, _PARSER)
    out = []
    for i, p in enumerate(root.iter(f"{W}p"), 1):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val"):
            out.append((i, style.get(f"{W}val")))
    return out


def _style_ids(styles_xml: bytes | None) -> set[str]:
    if not styles_xml:
        return set()
    return {s.get(f"{W}styleId") for s in etree.fromstring(styles_xml, _PARSER).iter(f"{W}style")}


def _check_styles(parts: dict[str, bytes], kind: str, family: str | None,
                  paras: dict[tuple[str, int], Paragraph]) -> list[Problem]:
    out: list[Problem] = []
    used = _paragraph_styles(parts[DOCUMENT])
    if kind == BODY:
        shell = _read_zip(content_blocks_dir() / f"{family or 'nha-nuoc'}.docx")
        known = _style_ids(shell.get("word/styles.xml"))
        own = etree.fromstring(parts["word/styles.xml"], _PARSER) \
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
            msg, fix = _own_entry("lint.style-unknown", style=label)
            out.append(_finding("lint.style-unknown", "error",
                                _where("body", paras.get(("body", index)), index), msg,
                                f"paragraph style {label!r} is not defined by the family shell",
                                fix, style=label))
        return out
    own_ids = _style_ids(parts.get("word/styles.xml"))
    for index, style in used:
        if style.startswith("VB") and style not in own_ids:
            msg, fix = _own_entry("lint.needs-shell", style=style)
            out.append(_finding("lint.needs-shell", "warning",
                                _where("body", paras.get(("body", index)), index), msg,
                                f"style {style!r} belongs to the family shell", fix, style=style))
            break
    return out


def _check_shell(paras: list[Paragraph], variables: list[str]) -> list[Problem]:
    out: list[Problem] = []
    for p in paras:
        if p.part != "body":
            for tag in _TAG.findall(p.text):
                msg, fix = _own_entry("lint.shell-part", tag=tag, part=p.part)
                out.append(_finding("lint.shell-part", "error", _where(p.part, p, p.index), msg,
                                    f"tag in {p.part}, a part the family shell owns", fix,
                                    tag=tag))
            continue
        for text, what in _SHELL_TEXT.items():
            if text.casefold() in p.text.casefold():
                msg, fix = _own_entry("lint.shell-owned", what=what)
                out.append(_finding("lint.shell-owned", "warning", _where(p.part, p, p.index),
                                    msg, f"the body prints {what!r}, which the shell prints", fix))
        for tag in _TAG.findall(p.text):
            for var, what in _SHELL_VARS.items():
                if re.search(rf"\b{var}\b", tag):
                    msg, fix = _own_entry("lint.shell-owned", what=what)
                    out.append(_finding("lint.shell-owned", "warning",
                                        _where(p.part, p, p.index), msg,
                                        f"the body prints {var}, which the shell prints", fix,
                                        tag=tag))
    return out


def _unused(fields: list[str], variables: list[str], source: str) -> list[Problem]:
    out = []
    for f in fields:
        if contract.is_used(f, variables):
            continue
        expr = f.replace("[]", "[0]")
        msg, fix = _own_entry("lint.unused-field", path=f, source=source, expr=expr)
        out.append(_finding("lint.unused-field", "warning", (f, {"part": source}), msg,
                            f"field {f} is never used by the template", fix, field=f))
    return out


def _readable(parts: dict[str, bytes]) -> None:
    for name, data in parts.items():
        if name.endswith(".xml") and name.startswith("word/"):
            try:
                etree.fromstring(data, _PARSER)
            except etree.XMLSyntaxError as exc:
                raise InputError(problem("upload.xml", name, f"Phần “{name}” của tệp .docx "
                                         f"không phải XML hợp lệ: {exc}.", str(exc))) from exc


def lint_template(template: bytes, *, name: str = "template.docx", schema_id: str | None = None,
                  data: Any = None, kind: str = "auto", family: str | None = None) -> LintReport:
    """Lint; raises :class:`InputError` (``upload.*``) only when the file is unreadable."""
    parts = read_docx_parts(template)
    _readable(parts)
    kind = template_kind(parts) if kind == "auto" else kind
    packaged = repackage(parts)
    paras_list = list(iter_paragraphs(io.BytesIO(packaged)))
    paras = {(p.part, p.index): p for p in paras_list}
    report = LintReport(file=name, kind=kind)
    lint_data: Any = None
    lint_schema: dict[str, Any] | None = None
    fields: list[str] = []
    source = ""
    if data is not None:
        data = _load(data)
        source = "dữ liệu"
        if kind == BODY:
            try:
                merged = {**data, "the_thuc": family} if family else data
                lint_data, _, _ = body_context(merged, schema_id)
            except InputError as exc:
                report.problems += [problem(p.code, p.path, p.message, p.message_en,
                                            severity="error", part="data", **p.extra)
                                    for p in exc.problems]
                lint_data = data
            fields = ["noi_dung." + f for f in contract.data_leaves(data.get("noi_dung", {}))]
        else:
            lint_data = data
            fields = contract.data_leaves(data)
    elif schema_id:
        source = f"hợp đồng dữ liệu “{schema_id}”"
        if kind == BODY:
            lint_schema = contract.body_schema(schema_id)
            fields = ["noi_dung." + f for f in
                      contract.leaves(lint_schema["properties"].get("noi_dung", {}))]
        else:
            lint_schema = contract.input_schema(schema_id)
            fields = contract.leaves(lint_schema)
    env = SafeEnvironment()
    result = docxtpl_lint.lint(packaged, lint_data, schema=lint_schema, jinja_env=env,
                               autoescape=True)
    report.variables = list(result.variables)
    derived = set(lint_schema.get("properties", {})) - _SHELL_KEYS - {"noi_dung"} \
        if lint_schema and kind == BODY else set()
    report.problems += [_translate(i, paras) for i in result.issues
                        if not _markup_in_rich_tag(i, lint_data)
                        and not _inside_derived(i, derived)
                        and not _unreached(i, paras_list)]
    if any(i.rule in ("DTL101", "DTL102", "DTL103") for i in result.issues):
        report.problems += _check_filters(paras_list, set(env.filters))
    if lint_data is not None:
        report.problems += _check_partial(lint_data, report.variables, paras_list)
    report.problems += _check_sandbox(paras_list)
    report.problems += _check_styles(parts, kind, family, paras)
    if kind == BODY:
        report.problems += _check_shell(paras_list, report.variables)
        # A body read through an installed template's context (``khoi`` …) uses noi_dung via
        # that template's module, not directly: only direct readers get unused warnings.
        roots = {v.split(".")[0].split("[")[0] for v in report.variables}
        if roots - _SHELL_KEYS - {"noi_dung"} and "noi_dung" not in roots:
            fields = []
    if fields and source:
        report.problems += _unused(fields, report.variables, source)
    return report


__all__ = ["BODY", "FULL", "LintReport", "lint_template"]
