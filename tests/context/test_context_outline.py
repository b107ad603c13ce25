"""Section numbering and inline marks."""

from __future__ import annotations

import re

from vanban.context.inline import plain, runs
from vanban.context.outline import Outline


def texts(o: Outline) -> list[str]:
    return [re.sub(r"<[^>]+>", "", str(b["runs"])) for b in o.blocks]


def test_numbering_levels_and_restart():
    o = Outline()
    o.heading(1, "Đặc điểm")
    o.heading(2, "Thuận lợi")
    o.heading(3, "Chi tiết")
    o.heading(3, "Chi tiết nữa")
    o.heading(4, "Sâu hơn")
    o.heading(5, "Ý một")
    o.heading(5, "Ý hai")
    o.heading(2, "Khó khăn")
    o.heading(3, "Một")
    o.heading(1, "Đánh giá")
    o.heading(2, "Ưu điểm")
    assert texts(o) == ["I. ĐẶC ĐIỂM", "1. Thuận lợi", "1.1. Chi tiết", "1.2. Chi tiết nữa",
                        "1.2.1. Sâu hơn", "a) Ý một", "b) Ý hai", "2. Khó khăn", "2.1. Một",
                        "II. ĐÁNH GIÁ", "1. Ưu điểm"]


def test_parts_restart_top_level_numbers():
    o = Outline()
    o.phan("Kết quả")
    o.heading(1, "A")
    o.heading(1, "B")
    o.phan("Phương hướng")
    o.heading(1, "C")
    assert texts(o) == ["Phần IKẾT QUẢ", "I. A", "II. B", "Phần IIPHƯƠNG HƯỚNG", "I. C"]


def test_vietnamese_letters_skip_f_j_w_z():
    o = Outline()
    o.heading(2, "x")
    for n in range(7):
        o.heading(5, str(n))
    assert [t.split(")")[0] for t in texts(o)[1:]] == ["a", "b", "c", "d", "đ", "e", "g"]


def test_inline_marks():
    xml = str(runs("Phong trào **Dân vận khéo** và *“Học tập”* 5 * 3"))
    assert "<w:b/>" in xml and "<w:i/>" in xml
    assert plain("Phong trào **Dân vận khéo** và *“Học tập”* 5 * 3") == (
        "Phong trào Dân vận khéo và “Học tập” 5 * 3")
    assert "&lt;b&gt;" in str(runs("<b>"))


def test_a_level_follows_any_heading_and_restarts_under_the_next():
    o = Outline()
    o.heading(2, "Một")
    o.heading(5, "x")
    o.heading(5, "y")
    o.heading(2, "Hai")
    o.heading(5, "z")
    assert texts(o) == ["1. Một", "a) x", "b) y", "2. Hai", "a) z"]


def test_bullets_can_cu_and_closing_are_declared_kinds():
    from vanban.context.blocks import KIND_NAMES

    o = Outline()
    o.can_cu(["Luật Thi đua, khen thưởng ngày 15/6/2022;", "Căn cứ Nghị định 98/2023/NĐ-CP,"])
    o.bullets(["- Một", "Hai"])
    o.bullets(["+ con"], plus=True)
    o.closing("Trên đây là kế hoạch./.")
    assert [b["loai"] for b in o.blocks] == ["can_cu", "can_cu", "gach", "gach", "cong",
                                            "ket_luan"]
    assert all(b["loai"] in KIND_NAMES for b in o.blocks)
    assert texts(o) == ["Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;",
                        "Căn cứ Nghị định 98/2023/NĐ-CP.", "- Một", "- Hai", "+ con",
                        "Trên đây là kế hoạch./."]
    assert "<w:i/>" in str(o.blocks[0]["runs"])
