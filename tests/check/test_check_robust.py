"""The checker never crashes: damaged documents (paragraphs removed, moved, emptied; parts
without styles, theme or headers) always give a report."""

from __future__ import annotations

import random

import pytest
from check_corpus import NATIVE, Package, edit, render, w

from vanban.check.engine import check_docx


def _damage(seed: int):
    def change(pkg: Package) -> None:
        rnd = random.Random(seed)
        paras = pkg.paragraphs()
        for _ in range(rnd.randint(1, 25)):
            p = rnd.choice(paras)
            action = rnd.choice(["drop", "empty", "move", "tab"])
            parent = p.getparent()
            if parent is None:
                continue
            if action == "drop" and len(parent.findall(w("p"))) > 1:
                parent.remove(p)
            elif action == "empty":
                for t in p.iter(w("t")):
                    t.text = ""
            elif action == "move":
                rnd.choice(paras).addnext(p)
            else:
                for t in p.iter(w("t")):
                    t.text = "\t" + (t.text or "") + "\n"

    return change


@pytest.mark.parametrize("family", list(NATIVE))
@pytest.mark.parametrize("seed", range(12))
def test_damaged_documents_still_give_a_report(family: str, seed: int) -> None:
    report = check_docx(edit(render(NATIVE[family]), _damage(seed * 7 + len(family))))
    assert report.family in NATIVE
    for f in report.findings:
        assert f.rule_id and f.severity in ("error", "warning") and f.message


def test_a_package_with_only_a_document_part() -> None:
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(render(NATIVE["nha-nuoc"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        dst.writestr("word/document.xml", src.read("word/document.xml"))
    report = check_docx(out.getvalue())
    assert "font.family" not in report.rule_ids()  # Word's default is Times New Roman
    assert "header.quoc-hieu" not in report.rule_ids()
