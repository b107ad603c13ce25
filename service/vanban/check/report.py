"""Result types of the format checker: :class:`Finding` and :class:`Report`.

A finding names the rule (stable id from :mod:`vanban.check.catalog`), its severity
(``error`` / ``warning``), the rule's source, where it happens (paragraph index in document
order — table cells included — and a text excerpt; ``part`` names a header part for page
numbers), a Vietnamese message, and what was expected vs found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vanban.check.catalog import ERROR, RULES, WARNING

EXCERPT_CHARS = 60


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """One line of at most ``limit`` characters, ``…`` when cut."""
    flat = " ".join(text.replace("\u00a0", " ").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Location:
    """Where a finding happens: ``paragraph_index`` (0-based, as in ``DocFacts.paragraphs``)
    or None for page-level facts; ``part`` is ``document`` or a header/footer part name."""

    paragraph_index: int | None = None
    text: str = ""
    part: str = "document"

    def to_dict(self) -> dict[str, Any]:
        return {"paragraph_index": self.paragraph_index, "text": self.text, "part": self.part}


@dataclass(frozen=True)
class Finding:
    """One broken rule."""

    rule_id: str
    severity: str
    source: str
    message: str
    expected: str = ""
    found: str = ""
    location: Location = field(default_factory=Location)
    #: How many places share this finding (same rule, same expected/found); the location is
    #: the first of them and ``paragraphs`` lists them all.
    count: int = 1
    paragraphs: tuple[int, ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self) -> dict[str, Any]:
        spec = RULES.get(self.rule_id)
        return {
            "rule_id": self.rule_id,
            "title": spec.title if spec else "",
            "severity": self.severity,
            "source": self.source,
            "message": self.message,
            "expected": self.expected,
            "found": self.found,
            "location": self.location.to_dict(),
            "count": self.count,
            "paragraphs": list(self.paragraphs),
        }


@dataclass(frozen=True)
class Report:
    """Everything the checker found in one document."""

    family: str
    detected: bool
    findings: list[Finding]
    family_name: str = ""
    rules_checked: tuple[str, ...] = ()

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def rule_ids(self, severity: str | None = None) -> set[str]:
        return {f.rule_id for f in self.findings if severity in (None, f.severity)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "family": self.family,
            "family_name": self.family_name,
            "detected": self.detected,
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "rules_checked": list(self.rules_checked),
            "findings": [f.to_dict() for f in self.findings],
        }
