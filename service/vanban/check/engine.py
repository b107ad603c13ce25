"""The checker's engine: family detection, the rule registry, and the entry points.

    report = check_docx(data)                     # bytes of a .docx; family detected
    report = check_docx(data, the_thuc="dang")    # family given
    report.errors, report.warnings, report.to_dict()

Rules are plain functions registered with :func:`rule`; each receives a :class:`Ctx` and calls
:meth:`Ctx.emit` for every problem. Severity and source come from the rule table
(:mod:`vanban.check.catalog`), numeric checks may pass the mark of their range. Findings
that repeat (same rule, message, expected and found) are merged into one with a count.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml import etree

from vanban.check.catalog import CONFIRMED, ERROR, RULES, WARNING, size_range
from vanban.check.docx_facts import load
from vanban.check.docx_model import DocFacts, ParagraphFacts
from vanban.check.layout import Layout, Types, locate
from vanban.check.report import Finding, Location, Report, excerpt
from vanban.check.spans import Span
from vanban.check.text import fmt_num, fold
from vanban.errors import InputError, problem
from vanban.ooxml.safezip import ZipLimits
from vanban.the_thuc.families import FAMILIES, Family

RuleFunc = Callable[["Ctx"], None]
REGISTRY: list[tuple[tuple[str, ...], RuleFunc]] = []

_UNION = re.compile(r"\bcông đoàn\b|\bcđ[a-zđ]*\b|\bliên đoàn lao động\b|\blđlđ\b")
_PARTY_NUMBER = re.compile(r"^số\s+[\d\s\u00a0]*-[^/]+/")


def rule(*rule_ids: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register a function that checks (and may report) the given rule ids."""
    unknown = [r for r in rule_ids if r not in RULES]
    if unknown:
        raise ValueError(f"rule ids missing from the catalogue: {unknown}")

    def register(func: RuleFunc) -> RuleFunc:
        REGISTRY.append((rule_ids, func))
        return func

    return register


@dataclass
class Ctx:
    """What a rule function sees: the facts, the located elements, the family."""

    facts: DocFacts
    lay: Layout
    family: Family
    findings: list[Finding] = field(default_factory=list)

    @property
    def fid(self) -> str:
        return self.family.id

    @property
    def party(self) -> bool:
        return self.family.id == "dang"

    def applies(self, rule_id: str) -> bool:
        return RULES[rule_id].applies(self.fid)

    def emit(
        self,
        rule_id: str,
        where: Span | ParagraphFacts | None,
        message: str,
        expected: str = "",
        found: str = "",
        *,
        mark: str | None = None,
        part: str = "document",
    ) -> None:
        spec = RULES[rule_id]
        if not spec.applies(self.fid):
            return
        severity = spec.severity(self.fid)
        if mark is not None:
            severity = ERROR if mark == CONFIRMED and severity == ERROR else WARNING
        if where is not None:
            location = Location(where.index, excerpt(where.text), part)
        else:
            location = Location(None, "", part)
        self.findings.append(
            Finding(rule_id, severity, spec.source(self.fid), message, expected, found, location)
        )

    def check_size(self, rule_id: str, span: Span, element: str, label: str) -> None:
        """Report ``span`` when its font size is outside the element's range."""
        lo, hi, mark = size_range(element, self.fid)
        sizes = span.sizes
        if all(lo - 0.25 <= s <= hi + 0.25 for s in sizes):
            return
        expected = f"{fmt_num(lo)}–{fmt_num(hi)} pt" if hi > lo else f"{fmt_num(lo)} pt"
        found = ", ".join(f"{fmt_num(s)} pt" for s in sizes)
        self.emit(rule_id, span, f"{label}: cỡ chữ chưa đúng", expected, found, mark=mark)


def detect_family(facts: DocFacts, lay: Layout | None = None) -> str:
    """``dang`` when the header says ĐẢNG CỘNG SẢN VIỆT NAM (or the Party number form),
    ``cong-doan`` when the agency is a trade union, else ``nha-nuoc``."""
    lay = lay or locate(facts)
    if lay.dang_hieu is not None:
        return "dang"
    if lay.quoc_hieu is None and lay.so is not None and _PARTY_NUMBER.match(fold(lay.so.text)):
        return "dang"
    names = " ".join(fold(s.text) for s in (*lay.agency_parent, *lay.agency))
    if lay.signature is not None:
        names += " " + " ".join(fold(s.text) for s in lay.signature.authority)
    return "cong-doan" if _UNION.search(names) else "nha-nuoc"


def check_facts(facts: DocFacts, the_thuc: str | None = None,
                types: Types | None = None) -> Report:
    """Run every rule on already loaded facts. ``types``: the document types known by name
    (:func:`vanban.check.layout.types_table`; by default the template registry's)."""
    _load_rules()
    lay = locate(facts, types)
    detected = the_thuc is None
    family_id = detect_family(facts, lay) if the_thuc is None else the_thuc
    if family_id not in FAMILIES:
        raise InputError(
            problem(
                "the_thuc.unknown",
                "the_thuc",
                f"Không có thể thức “{family_id}”. Chọn: {', '.join(FAMILIES)}.",
                f"unknown family {family_id!r}",
            )
        )
    ctx = Ctx(facts, lay, FAMILIES[family_id])
    checked: list[str] = []
    for rule_ids, func in REGISTRY:
        if any(ctx.applies(r) for r in rule_ids):
            func(ctx)
            checked += [r for r in rule_ids if ctx.applies(r) and r not in checked]
    return Report(
        family_id,
        detected,
        _merge(ctx.findings),
        FAMILIES[family_id].ten,
        tuple(checked),
    )


def check_docx(data: bytes, the_thuc: str | None = None,
               limits: ZipLimits | None = None, types: Types | None = None) -> Report:
    """Check a .docx (bytes). Raises :class:`InputError`: ``upload.*`` from
    :mod:`vanban.ooxml.safezip` (not a .docx, over a limit), ``docx.unreadable`` when its
    XML cannot be read."""
    try:
        facts = load(data, limits)
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError) as exc:
        raise InputError(
            problem(
                "docx.unreadable",
                "file",
                "Không đọc được tệp: đây không phải là tệp Word .docx hợp lệ.",
                "not a readable .docx" + (f" (XML error at line {exc.lineno})"
                                          if isinstance(exc, etree.XMLSyntaxError) else ""),
            )
        ) from exc
    return check_facts(facts, the_thuc, types)


def _merge(findings: Iterable[Finding]) -> list[Finding]:
    groups: dict[tuple[str, ...], list[Finding]] = {}
    for f in findings:
        key = (f.rule_id, f.severity, f.message, f.expected, f.found, f.location.part)
        groups.setdefault(key, []).append(f)
    out = []
    for group in groups.values():
        first = group[0]
        indexes = tuple(
            dict.fromkeys(
                f.location.paragraph_index for f in group if f.location.paragraph_index is not None
            )
        )
        out.append(
            Finding(
                first.rule_id,
                first.severity,
                first.source,
                first.message,
                first.expected,
                first.found,
                first.location,
                len(group),
                indexes,
            )
        )
    order = {rule_id: n for n, rule_id in enumerate(RULES)}
    out.sort(key=lambda f: (_position(f), order[f.rule_id]))
    return out


def _position(f: Finding) -> int:
    """Reading order: page-level findings first, then by paragraph."""
    index = f.location.paragraph_index
    return -1 if index is None or f.location.part != "document" else index


def _load_rules() -> None:
    """Import the rule modules (they register themselves) once."""
    if REGISTRY:
        return
    from vanban.check import (  # noqa: F401
        rules_body,
        rules_header,
        rules_kinds,
        rules_numbers,
        rules_page,
        rules_signature,
    )
