"""The home page's groups: every installed type in exactly one stage, in plain words."""

from __future__ import annotations

from vanban.templates import REGISTRY
from vanban.web import home


def test_every_type_in_one_stage_with_plain_words() -> None:
    placed = [s.id for group in home.stages() for s in group["specs"]]
    assert sorted(placed) == sorted(REGISTRY.specs)
    for tid in (t for _, _, ids in home.STAGES for t in ids):
        text = home.PLAIN.get(tid, "")
        assert text and "`" not in text and tid not in text, tid
