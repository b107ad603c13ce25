"""One mistake, one finding: what follows from a broken block is folded under it.

An unclosed ``{% for x in ds %}`` makes docxtpl-lint also report ``x.ten`` as missing from the
data (the loop never binds ``x``) and ``ds[].ten`` as unused (the loop never reads it): three
findings for one mistake. :func:`fold` keeps the structural finding (an unclosed or stray
block, a broken tag, a syntax error) and moves the findings about the variables of its loop —
missing, used outside the loop, or never used — into its ``extra["folded"]`` (their messages),
so the designer fixes the one real mistake first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from vanban.errors import Problem

STRUCTURAL = {"lint.tag-unclosed", "lint.block-unclosed", "lint.block-stray", "lint.syntax",
              "lint.docxtpl-prefix-mismatch", "lint.tr-two-tables", "lint.tr-same-row",
              "lint.tc-rows", "lint.p-same-paragraph", "lint.tag-spans-paragraphs"}
_VARIABLE = {"lint.missing-in-data", "lint.missing-in-schema", "lint.missing-in-some-items",
             "lint.loop-variable-outside", "lint.loop-not-list"}
_LOOP = re.compile(r"\bfor\s+(\w+(?:\s*,\s*\w+)*)\s+in\s+([\w.]+)")


def _root(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def _names(text: str) -> tuple[set[str], set[str]]:
    loops = _LOOP.findall(text)
    return ({v.strip() for group, _ in loops for v in group.split(",")},
            {lst.replace("[*]", "[]") for _, lst in loops})


def fold(problems: list[Problem], texts: Iterable[str] = ()) -> list[Problem]:
    """``texts``: the template's paragraphs. Once blocks do not balance, docxtpl-lint cannot
    tell which loop a tag is in, so a variable bound by *any* loop of the template that it
    reports missing follows from the broken block too (folded under the first one)."""
    owners: list[tuple[Problem, set[str], set[str]]] = []
    for p in problems:
        if p.code not in STRUCTURAL:
            continue
        names, lists = _names(f"{p.extra.get('tag', '')} {p.extra.get('text', '')}")
        owners.append((p, names, lists))
    if not owners:
        return problems
    bound, _ = _names(" ".join(texts))
    owners.append((owners[0][0], bound, set()))
    out = []
    for p in problems:
        owner = None
        if p.code in _VARIABLE:
            root = _root(str(p.extra.get("variable", "")))
            owner = next((o for o, names, _ in owners if root and root in names), None)
        elif p.code == "lint.unused-field":
            field = str(p.extra.get("field", ""))
            owner = next((o for o, _, lists in owners
                          if any(field.startswith(f"{lst}[]") for lst in lists)), None)
        if owner is None:
            out.append(p)
        else:
            owner.extra.setdefault("folded", []).append(p.message)
    return out
