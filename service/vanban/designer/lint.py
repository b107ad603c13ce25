"""Lint a .docx template: every mistake at once, each with its place, in vanban's problems.

Built on docxtpl-lint (pinned in pyproject.toml): its findings (Jinja syntax, unknown filters
and tests, unbalanced ``{%p``/``{%tr``/``{%tc``/``{%r`` blocks, content docxtpl drops, variables
missing from the data or the JSON Schema, nested and through loop variables) are translated by
:mod:`vanban.designer.lint_messages` into stable ``lint.*`` codes with Vietnamese messages.
vanban adds what docxtpl-lint cannot know (:mod:`vanban.designer.lint_rules`): the sandbox
(``lint.sandbox``), the ``VB …`` styles of the family shells (``lint.style-unknown``,
``lint.needs-shell``), the parts and elements the official shell owns (``lint.shell-part``,
``lint.shell-owned``), list items lacking a field (``lint.missing-in-some-items``) and the
fields of the contract the template never uses (``lint.unused-field``, warnings).

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

from vanban.designer import contract, jinja_messages
from vanban.designer.cascade import fold
from vanban.designer.lint_messages import DTL
from vanban.designer.lint_rules import (
    PARSER,
    SHELL_KEYS,
    check_filters,
    check_partial,
    check_sandbox,
    check_shell,
    check_styles,
    finding,
    fmt,
    guarded,
    locate_at,
    unused,
)
from vanban.designer.render import BODY, FULL, body_context, repackage, template_kind
from vanban.designer.sandbox import SafeEnvironment
from vanban.errors import InputError, Problem, problem
from vanban.ooxml.safezip import read_docx_parts, refuse_dtd
from vanban.pipeline import load as load_input


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


def _translate(issue: Any, paras: dict[tuple[str, int], Paragraph]) -> Problem:
    loc = issue.location
    entry = DTL.get(issue.rule)
    para = paras.get((loc.part, loc.paragraph))
    where = locate_at(loc.part, para, loc.paragraph)
    tag = issue.snippet or ""
    if para is not None and tag and tag not in para.text:
        # an unclosed tag's snippet runs on into the next paragraphs: keep what this one shows
        tag = next((tag[:n] for n in range(len(tag), 0, -1) if tag[:n] in para.text), tag)
    if entry is None:
        return finding(f"lint.{issue.rule.lower()}", issue.severity, where, issue.message,
                       issue.message, "", rule=issue.rule, tag=tag)
    if issue.rule in _JINJA_PARAM:  # Jinja's own English inside: said in Vietnamese
        vi, fix = jinja_messages.translate(str(issue.params.get(_JINJA_PARAM[issue.rule], "")))
        return finding(entry.code, issue.severity, where, f"{entry.message.split(':')[0]}: {vi}",
                       issue.message, fix, rule=issue.rule, tag=tag)
    variable = issue.params.get("path") or issue.params.get("name")
    more = {"variable": str(variable)} if variable and issue.rule.startswith("DTL3") \
        or issue.rule == "DTL106" else {}
    return finding(entry.code, issue.severity, where, fmt(entry.message, issue.params),
                   issue.message, fmt(entry.fix, issue.params), rule=issue.rule, tag=tag,
                   **more)


#: The rules whose parameter is a message of Jinja's (translated by :mod:`jinja_messages`).
_JINJA_PARAM = {"DTL103": "msg", "DTL402": "error"}


def _markup_in_rich_tag(issue: Any, data: Any) -> bool:
    """docxtpl-lint's DTL307 assumes a plain value in ``{{r x}}`` prints nothing; with
    autoescape a ``Markup`` value (vanban's pre-rendered runs) is inserted as XML, as docxtpl
    does with RichText; an empty string prints nothing, which is what it is for."""
    if issue.rule != "DTL307" or data is None:
        return False
    values = contract.resolve(data, issue.params.get("path", ""))
    # "" in a {{p }} tag removes the paragraph (an optional section break, say)
    return bool(values) and all(hasattr(v, "__html__") or v == "" for v in values)


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
    return bool(owner and at and guarded(owner.group(1), at, paras))


_RENDERED = re.compile(r"word/(document|header\d*|footer\d*|footnotes|styles)\.xml$")


def _readable(parts: dict[str, bytes], file: str) -> None:
    for name, data in parts.items():
        if _RENDERED.match(name):
            try:
                etree.fromstring(data, PARSER)
            except etree.XMLSyntaxError as exc:
                raise InputError(problem("upload.xml", f"{file}:{name}",
                                         f"Phần “{name}” của tệp “{file}” không phải XML hợp "
                                         "lệ (tệp hỏng?): mở lại trong Word và lưu lại.",
                                         str(exc), file=file)) from exc


_OPENERS, _CLOSERS = "([{", ")]}"


def _nesting(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        if ch in _OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif ch in _CLOSERS:
            depth = max(depth - 1, 0)
    return deepest


def too_deep(paras_list: list[Paragraph]) -> Problem:
    """Jinja's parser recursed too deep: the paragraph whose tags nest deepest is the place."""
    worst = max(paras_list, key=lambda p: _nesting(p.text), default=None)
    where = locate_at(worst.part, worst, worst.index) if worst is not None else ("template", {})
    depth = _nesting(worst.text) if worst is not None else 0
    return finding(
        "template.too-deep", "error", where,
        f"Biểu thức lồng nhau quá sâu ({depth} tầng ngoặc) nên không dịch được mẫu; hãy tách "
        "thành nhiều bước, ví dụ {% set x = … %}.",
        f"expression nested too deep ({depth} levels of brackets)", "", depth=depth)


def lint_template(template: bytes, *, name: str = "mau.docx", schema_id: str | None = None,
                  data: Any = None, kind: str = "auto", family: str | None = None) -> LintReport:
    """Lint; raises :class:`InputError` (``upload.*``) only when the file is unreadable."""
    parts = read_docx_parts(template)
    refuse_dtd(parts, name)
    _readable(parts, name)
    kind = template_kind(parts) if kind == "auto" else kind
    packaged = repackage(parts, compress=False)
    paras_list = list(iter_paragraphs(io.BytesIO(packaged)))
    paras = {(p.part, p.index): p for p in paras_list}
    report = LintReport(file=name, kind=kind)
    lint_data: Any = None
    lint_schema: dict[str, Any] | None = None
    fields: list[str] = []
    source = ""
    if data is not None:
        data = load_input(data)
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
    try:
        result = docxtpl_lint.lint(packaged, lint_data, schema=lint_schema, jinja_env=env,
                                   autoescape=True)
    except RecursionError:
        raise InputError(too_deep(paras_list)) from None
    report.variables = list(result.variables)
    derived = set(lint_schema.get("properties", {})) - SHELL_KEYS - {"noi_dung"} \
        if lint_schema and kind == BODY else set()
    report.problems += [_translate(i, paras) for i in result.issues
                        if not _markup_in_rich_tag(i, lint_data)
                        and not _inside_derived(i, derived)
                        and not _unreached(i, paras_list)]
    if any(i.rule in ("DTL101", "DTL102", "DTL103") for i in result.issues):
        report.problems += check_filters(paras_list, set(env.filters))
    if lint_data is not None:
        report.problems += check_partial(lint_data, report.variables, paras_list)
    report.problems += check_sandbox(paras_list)
    report.problems += check_styles(parts, kind, family, paras)
    if kind == BODY:
        report.problems += check_shell(paras_list, report.variables)
        # A body read through an installed template's context (``khoi`` …) uses noi_dung via
        # that template's module, not directly: only direct readers get unused warnings.
        roots = {v.split(".")[0].split("[")[0] for v in report.variables}
        if roots - SHELL_KEYS - {"noi_dung"} and "noi_dung" not in roots:
            fields = []
    if fields and source:
        report.problems += unused(fields, report.variables, source)
    report.problems = fold(report.problems, [p.text for p in paras_list])
    return report


__all__ = ["BODY", "FULL", "LintReport", "lint_template"]
