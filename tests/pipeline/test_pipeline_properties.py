"""Property-based tests (hypothesis) of the library: whatever Unicode a clerk or a program
sends — NFD and NFC Vietnamese, emoji, RTL and zero-width marks, XML specials, ``{{ }}`` and
``{% %}``, long strings, empty lists, huge counts — the result is either a valid document in
which every string appears where it belongs (never run as template code), or an
:class:`~vanban.InputError` naming the field. Bounded by the ``ci`` profile (tests/conftest.py).
"""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import unicodedata

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import vanban  # noqa: E402
from conftest import TEMPLATE, fixture_data  # noqa: E402
from vanban.check import check_docx  # noqa: E402
from vanban.ooxml import validate_docx  # noqa: E402

BASE = "nha-nuoc-mau-01-tong-ket-2021"
PIECES = ["Thi đua", "khen thưởng", "Nguyễn Thị Ánh", unicodedata.normalize("NFD", "Phạm Vĩnh"),
          "🎉", "👩🏽‍💼", "\u200f", "\u200b", "\u202e", "עברית", "العربية", "<w:p>", "&amp;", "&",
          "<", ">", '"', "'", "{{ 7+7 }}", "{% if true %}X{% endif %}", "{%p for x in y %}",
          "{{r x }}", "]]>", "<![CDATA[", "\\", "%", "$", "\u00a0", "\ufeff", "𝔘", "ﬁ"]
#: Text a clerk might type: pieces above mixed with any printable character (no '*', which is
#: bold/italic markup, no line breaks, which become w:br).
CHUNK = st.one_of(st.sampled_from(PIECES), st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="*"),
    min_size=1, max_size=40))
TEXT = st.lists(CHUNK, min_size=1, max_size=6).map("".join).filter(lambda s: s.strip())
LONG = st.builds(lambda s, n: (s + " ") * n, TEXT, st.integers(50, 200))
#: Text that must be refused: a control character somewhere.
BAD = st.builds(lambda a, c, b: a + c + b, TEXT, st.sampled_from(["\x00", "\x07", "\x1b",
                                                                   "\ufffe"]), TEXT)


#: Checker rules that judge the wording the user typed rather than vanban's layout: the
#: signer's name in capitals, a place name the date line cannot be read with ("Hà Nội, 5").
USER_TEXT = {"signature.name", "date.form"}


def doc_text(data: bytes) -> str:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    parts = [document.element.body] + [s.header._element for s in document.sections]
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                     for part in parts for p in part.iter(qn("w:p")))


def squash(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def fill(ho_ten: str, dia_danh: str, han_che: list[str], noi_nhan: list[str],
         counts: tuple[int, int]) -> dict:
    data = copy.deepcopy(fixture_data(BASE))
    data["nguoi_ky"]["ho_ten"] = ho_ten
    data["dia_danh"] = dia_danh
    data["noi_dung"]["han_che"] = han_che
    data["noi_nhan"] = noi_nhan
    data["noi_dung"]["khen_thuong"][0].update(tap_the=counts[0], ca_nhan=counts[1])
    return data


@given(ho_ten=TEXT, dia_danh=TEXT, han_che=st.lists(st.one_of(TEXT, LONG), max_size=4),
       noi_nhan=st.lists(TEXT, max_size=4),
       counts=st.tuples(st.integers(0, 10**6), st.integers(1, 10**6)))
def test_any_text_appears_where_it_belongs(ho_ten, dia_danh, han_che, noi_nhan, counts):
    data = fill(ho_ten, dia_danh, han_che, noi_nhan, counts)
    try:
        docx_bytes = vanban.render(TEMPLATE, data)
    except vanban.InputError as exc:
        pytest.fail(f"valid text refused: {[str(p) for p in exc.problems]}")
    assert validate_docx(docx_bytes) == []
    # vanban's layout is right whatever the text; only the signer's name is judged on the
    # user's own spelling (a name typed in capitals is the clerk's to fix, and is kept).
    errors = [f.rule_id for f in check_docx(docx_bytes).errors if f.rule_id not in USER_TEXT]
    assert errors == []
    text = squash(doc_text(docx_bytes))
    for value in [ho_ten, dia_danh, *han_che]:
        assert squash(value) in text, value
    for item in noi_nhan:  # set as "- …;": a dash or end punctuation typed by the user is
        words = squash(item)  # replaced by the list's own; the words themselves are kept
        words = words[1:].lstrip() if words[:1] in "-–" else words
        assert words.rstrip(";,. ") in text, item
    assert "49" not in text.replace("{{ 7+7 }}", "") or "{{ 7+7 }}" not in " ".join(han_che)


@given(field=st.sampled_from(["dia_danh", "trich_yeu", "ho_ten", "han_che", "noi_nhan"]),
       bad=BAD)
def test_control_characters_are_refused_with_their_field(field, bad):
    data = copy.deepcopy(fixture_data(BASE))
    where = {"dia_danh": (data, "dia_danh", "dia_danh"),
             "trich_yeu": (data, "trich_yeu", "trich_yeu"),
             "ho_ten": (data["nguoi_ky"], "ho_ten", "nguoi_ky.ho_ten")}
    if field in where:
        holder, key, path = where[field]
        holder[key] = bad
    elif field == "han_che":
        data["noi_dung"]["han_che"] = ["Đúng", bad]
        path = "noi_dung.han_che[1]"
    else:
        data["noi_nhan"] = [bad]
        path = "noi_nhan[0]"
    with pytest.raises(vanban.InputError) as info:
        vanban.render(TEMPLATE, data)
    found = {p.path: p for p in info.value.problems}
    assert path in found, found
    assert found[path].code == "text.control-char"
    assert "{" not in found[path].message


@given(counts=st.tuples(st.integers(-10**12, 10**15), st.integers(-10**12, 10**15)),
       nam=st.integers(-5, 10**6))
def test_huge_and_negative_counts(counts, nam):
    data = copy.deepcopy(fixture_data(BASE))
    data["noi_dung"]["khen_thuong"][0].update(tap_the=counts[0], ca_nhan=counts[1])
    data["noi_dung"]["ky"]["nam"] = nam
    try:
        docx_bytes = vanban.render(TEMPLATE, data)
    except vanban.InputError as exc:
        paths = {p.path for p in exc.problems}
        assert paths <= {"noi_dung.khen_thuong[0].tap_the", "noi_dung.khen_thuong[0].ca_nhan",
                         "noi_dung.khen_thuong[0]", "noi_dung.ky.nam"}, paths
        return
    assert validate_docx(docx_bytes) == []


NASTY = fill("Nguyễn Văn {{ A }} 🎉", "Hà Nội <&>", ["{% if x %}giữ nguyên{% endif %} \u200f"
                                                     "עברית \u200b", "Ø" * 3000],
             ["Sở \"Nội vụ\" & 'Tài chính'"], (3, 12))


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is absent (CI installs libreoffice-writer-nogui)")
def test_a_nasty_sample_converts_with_libreoffice(tmp_path):
    from vanban.pdf import converter

    pdf = converter().convert(vanban.render(TEMPLATE, NASTY))
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        path = tmp_path / "out.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "{% if x %}giữ nguyên{% endif %}" in text
        assert "Hà Nội <&>" in text


@hypothesis.settings(max_examples=10)
@given(depth=st.integers(1, 20), titles=st.lists(TEXT, min_size=20, max_size=20),
       empty=st.booleans())
def test_nested_sections_keep_every_title_and_paragraph(depth, titles, empty):
    data = copy.deepcopy(fixture_data(BASE))
    top: dict = {}
    node = top
    for i in range(depth):
        node.update(tieu_de=titles[i], doan=[] if empty else [f"Đoạn {i}: {titles[i]}"])
        if i + 1 < depth:
            node["muc"] = [{}]
            node = node["muc"][0]
    data["noi_dung"]["muc"] = [top]
    try:
        docx_bytes = vanban.render(TEMPLATE, data)
    except vanban.LimitError as exc:  # deeper than json_max_depth: named, never dropped
        assert all(p.path.startswith("noi_dung.muc[0]") for p in exc.problems)
        return
    assert validate_docx(docx_bytes) == []
    text = squash(doc_text(docx_bytes))
    folded = text.casefold()
    for i in range(depth):  # headings may be upper-cased by the decree's rules
        assert squash(titles[i]).casefold() in folded or squash(titles[i]).upper() in text
        if not empty:
            assert squash(f"Đoạn {i}: {titles[i]}") in text
