"""The rule table and the range table agree with the family numbers the generator uses."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from vanban.check.catalog import (
    CONFIRMED,
    ERROR,
    RULES,
    SECONDARY,
    SIZE_RANGES,
    WARNING,
    describe,
    size_range,
    value_range,
)
from vanban.check.engine import REGISTRY, _load_rules
from vanban.the_thuc.families import FAMILIES, Sizes

FAMILY_IDS = list(FAMILIES)


@pytest.mark.parametrize("family", FAMILY_IDS)
def test_family_sizes_lie_in_the_spec_ranges(family: str) -> None:
    sizes = FAMILIES[family].sizes
    for element in SIZE_RANGES:
        if element not in {f.name for f in fields(Sizes)}:
            continue
        if family == "dang" and element == "tieu_ngu":
            continue  # no Tiêu ngữ in Party documents
        lo, hi, _ = size_range(element, family)
        assert lo <= getattr(sizes, element) <= hi, element


@pytest.mark.parametrize("family", FAMILY_IDS)
def test_family_margins_and_indent_lie_in_the_spec_ranges(family: str) -> None:
    fam = FAMILIES[family]
    for side in ("top", "bottom", "left", "right"):
        lo, hi = value_range(f"margin_{side}_mm", family)
        assert lo <= getattr(fam.margins, side) <= hi
    lo, hi = value_range("first_line_indent_cm", family)
    assert lo <= fam.thut_dau_dong / (1440 / 2.54) + 1e-6 <= hi + 1e-6


def test_severity_follows_the_confidence_marks() -> None:
    for spec in RULES.values():
        assert re.fullmatch(r"[a-z-]+\.[a-z-]+", spec.id)
        assert len(spec.marks) == 3 and set(spec.marks) <= {CONFIRMED, SECONDARY, None}
        for family in FAMILY_IDS:
            if spec.applies(family):
                want = ERROR if spec.mark(family) == CONFIRMED else WARNING
                assert spec.severity(family) == want
                assert spec.source(family)
    assert RULES["page.margins"].severity("dang") == WARNING
    assert RULES["page.margins"].severity("nha-nuoc") == ERROR
    assert "Quyết định 933/QĐ-TLĐ" in RULES["so-ky-hieu.form"].source("cong-doan")
    assert RULES["signature.prefix"].source("dang").startswith("Quy định 399-QĐ/TW")


def test_every_rule_is_checked_by_a_registered_function() -> None:
    _load_rules()
    registered = [r for ids, _ in REGISTRY for r in ids]
    assert sorted(registered) == sorted(RULES)


def test_describe_lists_the_rules_of_a_family() -> None:
    party = {r["id"]: r for r in describe("dang")}
    assert "header.tieu-ngu" in party and "header.rule-under-tieu-ngu" not in party
    assert party["header.dang-hieu"]["severity"] == ERROR
    assert party["signature.prefix"]["severity"] == WARNING
    state = {r["id"] for r in describe("nha-nuoc")}
    assert "header.dang-hieu" not in state and "body.ending" in state
