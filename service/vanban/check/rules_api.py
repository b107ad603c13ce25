"""The rule API of the format checker: :func:`rule` registers a rule function, :class:`Ctx` is
what it receives. The rule modules (``rules_*``) import this module and the engine imports them:
the API is not inside the engine, so no import goes both ways."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from vanban.check.catalog import CONFIRMED, ERROR, RULES, WARNING, size_range
from vanban.check.docx_model import DocFacts, ParagraphFacts
from vanban.check.layout import Layout
from vanban.check.report import Finding, Location, excerpt
from vanban.check.spans import Span
from vanban.check.text import fmt_num
from vanban.the_thuc.families import Family

RuleFunc = Callable[["Ctx"], None]
REGISTRY: list[tuple[tuple[str, ...], RuleFunc]] = []



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
