"""The checker's engine: family detection, the rule registry, and the entry points.

    report = check_docx(data)                     # bytes of a .docx; family detected
    report = check_docx(data, the_thuc=family_id) # family given (vanban.the_thuc.families)
    report.errors, report.warnings, report.to_dict()

Rules are plain functions registered with :func:`rule`; each receives a :class:`Ctx` and calls
:meth:`Ctx.emit` for every problem. Severity and source come from the rule table
(:mod:`vanban.check.catalog`), numeric checks may pass the mark of their range. Findings
that repeat (same rule, message, expected and found) are merged into one with a count.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable

from lxml import etree

from vanban.check.catalog import RULES
from vanban.check.docx_facts import load
from vanban.check.docx_model import DocFacts
from vanban.check.layout import Layout, Types, locate
from vanban.check.report import Finding, Report
from vanban.check.rules_api import REGISTRY, Ctx, RuleFunc, rule  # noqa: F401 — the API
from vanban.check.text import fold
from vanban.errors import InputError, problem
from vanban.ooxml.safezip import ZipLimits
from vanban.the_thuc.families import DEFAULT_FAMILY, FAMILIES, Family


def _number_form(family: Family) -> re.Pattern[str]:
    """The family's number line, folded: ``số 05-bc/đuk`` (Party), ``số: 05-hd/twđtn``."""
    prefix = re.escape(fold(family.so_prefix).rstrip(":")) + (
        r"\s*:" if family.so_prefix.endswith(":") else r"(?!\s*:)")
    joint, between = re.escape(family.noi_so), re.escape(family.noi_loai)
    return re.compile(rf"^{prefix}\s*[\d\s\u00a0]*{joint}[^/\-]+{between}")


def detect_family(facts: DocFacts, lay: Layout | None = None) -> str:
    """The family, from the family table: the one whose own heading the header shows
    (ĐẢNG CỘNG SẢN VIỆT NAM, ĐOÀN TNCS HỒ CHÍ MINH), else — no Quốc hiệu — the one whose number
    form the number line has, else the one whose agency names match (trade union), else the
    default."""
    lay = lay or locate(facts)
    if lay.heading_family is not None:
        return lay.heading_family
    own = [f for f in FAMILIES.values() if f.tieu_de_rieng]
    if lay.quoc_hieu is None and lay.so is not None:
        text = fold(lay.so.text)
        for family in own:
            if _number_form(family).match(text):
                return family.id
    names = " ".join(fold(s.text) for s in (*lay.agency_parent, *lay.agency))
    if lay.signature is not None:
        names += " " + " ".join(fold(s.text) for s in lay.signature.authority)
    for family in FAMILIES.values():
        if family.nhan_dien_co_quan and re.search(family.nhan_dien_co_quan, names):
            return family.id
    return DEFAULT_FAMILY


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
