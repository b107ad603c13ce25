"""The layouts of particular document types, one deliberately wrong document per rule: the
biên bản (THƯ KÝ left, CHỦ TỌA right, no nơi nhận), the quyết định (authority line,
``QUYẾT ĐỊNH:``, Điều in bold and numbered), the unnumbered báo cáo thành tích."""

from __future__ import annotations

import pytest
from check_corpus import Package, edit, set_text, set_toggle, text_of, w

import vanban
from vanban.check.cli import format_finding
from vanban.check.engine import check_docx
from vanban.check.report import Finding
from vanban.templates import REGISTRY


def _render(template: str, family: str = "nha-nuoc") -> bytes:
    data = REGISTRY.get(template).example()
    data["the_thuc"] = family
    return vanban.render(template, data)


def _key(f: Finding) -> tuple:
    return (f.rule_id, f.message, f.expected, f.found, f.location.paragraph_index)


def added(template: str, mutate) -> list[Finding]:
    original = _render(template)
    assert not check_docx(original, "nha-nuoc").errors
    before = {_key(f) for f in check_docx(original, "nha-nuoc").findings}
    return [f for f in check_docx(edit(original, mutate), "nha-nuoc").findings
            if _key(f) not in before]


def _runs_of(pkg: Package, starts: str):
    """The paragraph starting with ``starts`` and its runs that hold text."""
    p = next(p for p in pkg.paragraphs() if text_of(p).startswith(starts))
    return p, [r for r in p.iter(w("r")) if "".join(t.text or "" for t in r.iter(w("t")))]


def _unbold_label(pkg: Package) -> None:
    _, runs = _runs_of(pkg, "Điều 2.")
    rpr = runs[0].find(w("rPr"))
    for b in rpr.findall(w("b")):
        rpr.remove(b)


def _renumber(pkg: Package) -> None:
    p, runs = _runs_of(pkg, "Điều 2.")
    runs[0].find(w("t")).text = "Điều 4."


def _drop(starts: str):
    def change(pkg: Package) -> None:
        p, _ = _runs_of(pkg, starts)
        p.getparent().remove(p)
    return change


def _plain(starts: str):
    def change(pkg: Package) -> None:
        p, _ = _runs_of(pkg, starts)
        set_toggle(p, "b", False)
    return change


def _retitle(old: str, new: str):
    def change(pkg: Package) -> None:
        set_text(next(p for p in pkg.paragraphs() if text_of(p) == old), new)
    return change


CASES = [
    ("qd-dieu-not-bold", "quyet-dinh-khen-thuong", _unbold_label, "Chữ “Điều …” in đậm"),
    ("qd-dieu-gap", "quyet-dinh-khen-thuong", _renumber, "Các điều đánh số liên tục"),
    ("qd-no-marker", "quyet-dinh-khen-thuong", _drop("QUYẾT ĐỊNH:"), "Thiếu dòng “QUYẾT ĐỊNH:”"),
    ("qd-marker-plain", "quyet-dinh-khen-thuong", _plain("QUYẾT ĐỊNH:"),
     "“QUYẾT ĐỊNH:” in đậm"),
    ("qd-no-authority", "quyet-dinh-khen-thuong", _drop("CHỦ TỊCH ỦY BAN"),
     "Thiếu dòng thẩm quyền ban hành"),
    ("qd-authority-plain", "quyet-dinh-khen-thuong", _plain("CHỦ TỊCH ỦY BAN"),
     "Thẩm quyền ban hành quyết định in đậm"),
    ("bb-no-thu-ky", "bien-ban-hop-xet", _retitle("THƯ KÝ", "NGƯỜI GHI"),
     "Biên bản: THƯ KÝ ký bên trái"),
    ("bb-no-chu-toa", "bien-ban-hop-xet", _retitle("CHỦ TỌA", "TRƯỞNG BAN"),
     "Biên bản: CHỦ TỌA ký bên phải"),
]


@pytest.mark.parametrize(("template", "mutate", "message"), [pytest.param(*c[1:], id=c[0])
                                                             for c in CASES])
def test_each_wrong_document_breaks_its_rule(template, mutate, message):
    found = added(template, mutate)
    shown = "\n".join(format_finding(f) for f in found) or "(no new finding)"
    rule_id = "kind.quyet-dinh" if template.startswith("quyet") else "kind.bien-ban"
    assert {f.rule_id for f in found} == {rule_id}, shown
    assert any(f.message.startswith(message) for f in found), shown
    assert {f.severity for f in found} == {"error"}


def test_minutes_without_a_countersignature_need_a_noi_nhan():
    def drop_left(pkg: Package) -> None:
        for p in pkg.paragraphs():
            if text_of(p) in ("THƯ KÝ", "Hà Thị Lan"):
                set_text(p, "")
    found = {f.rule_id for f in added("bien-ban-hop-xet", drop_left)}
    assert {"noi-nhan.label", "kind.bien-ban"} <= found


def test_only_the_achievement_report_goes_without_a_number():
    report = check_docx(_render("bao-cao-thanh-tich"), "nha-nuoc")
    assert not report.errors
    renamed = edit(_render("bao-cao-thanh-tich"),
                   _retitle("BÁO CÁO THÀNH TÍCH", "BÁO CÁO"))
    assert "so-ky-hieu.form" in {f.rule_id for f in check_docx(renamed, "nha-nuoc").errors}
