"""Footnote marks in body texts: split into references while collecting, checked with paths."""

from __future__ import annotations

from markupsafe import Markup

from vanban.context import chu_thich, inline
from vanban.context.inline import plain, runs
from vanban.render.footnotes import FIRST_DATA_ID


def test_outside_collecting_a_mark_stays_text():
    assert chu_thich.split("của tỉnh[^1].") == ["của tỉnh[^1]."]
    assert "[^1]" in runs("của tỉnh[^1].")


def test_marks_become_references_in_order():
    with chu_thich.collecting({"a": "Ghi chú A", "1": "Ghi chú một"}) as notes:
        pieces = chu_thich.split("Đầu[^1] giữa[^a] cuối[^1].")
    assert [p for p in pieces if not isinstance(p, Markup)] == ["Đầu", " giữa", " cuối", "."]
    refs = [p for p in pieces if isinstance(p, Markup)]
    assert [f'w:id="{FIRST_DATA_ID + n}"' in r for n, r in enumerate(refs)] == [True] * 3
    blocks = inline.notes(notes)
    assert [b["id"] for b in blocks] == [FIRST_DATA_ID, FIRST_DATA_ID + 1, FIRST_DATA_ID + 2]
    assert ["Ghi chú một" in blocks[0]["runs"], "Ghi chú A" in blocks[1]["runs"],
            "Ghi chú một" in blocks[2]["runs"]] == [True, True, True]


def test_marks_inside_bold_and_escaping():
    with chu_thich.collecting({"x": "a < b & c"}) as notes:
        xml = runs("**Đậm[^x]** <thường>")
    assert "<w:b/>" in xml and "w:footnoteReference" in xml and "&lt;thường&gt;" in xml
    assert "a &lt; b &amp; c" in inline.notes(notes)[0]["runs"]


def test_plain_drops_marks():
    assert plain("của *tỉnh*[^1].") == "của tỉnh."


def test_check_names_the_paths():
    body = {"muc": [{"doan": ["ok[^1]", "thiếu[^2]"]}]}
    problems = chu_thich.check(body, {"1": "có", "3": "thừa"})
    assert [(p.code, p.path) for p in problems] == [
        ("chu_thich.undefined", "noi_dung.muc[0].doan[1]"),
        ("chu_thich.unused", "chu_thich.3"),
    ]
    assert all(p.message and p.message_en for p in problems)
