"""Build the docxtpl compatibility corpus: small templates, each exercising docxtpl features.

    python tests/designer/corpus/build_corpus.py OUT_DIR     # writes NN-name.docx (+ .json)

Written for vanban with python-docx (nothing copied from docxtpl's own tests). Each case is
(name, template bytes, data); data holding docxtpl objects (RichText, RichTextParagraph) has
no .json twin. ``tests/designer/test_designer_corpus.py`` builds them into a temporary folder.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_BREAK
from docxtpl import RichText, RichTextParagraph

Case = tuple[str, bytes, dict[str, Any]]
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _save(document: Any) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _doc(*paragraphs: str) -> Any:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return document


def _table(document: Any, rows: list[list[str]]) -> Any:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def paragraph_loop() -> Case:
    d = _doc("Danh sách đơn vị:", "{%p for dv in don_vi %}", "{{ loop.index }}. {{ dv }}",
             "{%p endfor %}", "Hết danh sách.")
    return "p-loop", _save(d), {"don_vi": ["Sở Nội vụ", "Sở Tài chính", "Công an tỉnh"]}


def paragraph_if_else() -> Case:
    d = _doc("{%p if tap_the %}", "Khen thưởng tập thể.", "{%p else %}",
             "Khen thưởng cá nhân.", "{%p endif %}", "{%p if not tap_the %}",
             "Không hiện.", "{%p endif %}")
    return "p-if-else", _save(d), {"tap_the": True}


def table_rows() -> Case:
    d = _doc("Bảng tổng hợp")
    _table(d, [["TT", "Hình thức", "Số lượng"],
               ["{%tr for r in hang %}", "", ""],
               ["{{ loop.index }}", "{{ r.ten }}", "{{ r.so }}"],
               ["{%tr endfor %}", "", ""],
               ["", "Cộng", "{{ hang|sum(attribute='so') }}"]])
    return "tr-rows", _save(d), {"hang": [{"ten": "Bằng khen", "so": 3},
                                          {"ten": "Giấy khen", "so": 12}]}


def table_columns() -> Case:
    d = _doc("Theo quý")
    _table(d, [["Quý", "{%tc for q in quy %}", "{{ q.ten }}", "{%tc endfor %}"],
               ["Số", "{%tc for q in quy %}", "{{ q.so }}", "{%tc endfor %}"]])
    return "tc-columns", _save(d), {"quy": [{"ten": "I", "so": 4}, {"ten": "II", "so": 7},
                                            {"ten": "III", "so": 2}]}


def run_tags() -> Case:
    d = docx.Document()
    p = d.add_paragraph()
    for text in ("Kính mời ", "{%r if trang_trong %}", "quý ", "{%r endif %}", "đại biểu ",
                 "{{ ten }}", " dự hội nghị."):
        p.add_run(text)
    return "r-runs", _save(d), {"trang_trong": True, "ten": "Nguyễn Văn An"}


def rich_text() -> Case:
    d = _doc("Người nhận: {{r nguoi }}", "{{p doan }}")
    rt = RichText()
    rt.add("Bà ", italic=True)
    rt.add("Trần Thị Bình", bold=True)
    para = RichTextParagraph()
    para.add("Đoạn văn dựng bằng RichTextParagraph.")
    return "r-p-rich", _save(d), {"nguoi": rt, "doan": para}


def comments() -> Case:
    d = _doc("{#p Ghi chú cho người soạn mẫu: đoạn này biến mất #}",
             "Trước{# ghi chú giữa dòng #} sau: {{ x }}", "Cuối.")
    return "comments", _save(d), {"x": "giá trị"}


def whitespace_control() -> Case:
    d = _doc("Các danh hiệu: {%- for t in ds %} {{ t }}{% if not loop.last %},{% endif %}"
             "{%- endfor %}.", "[{{- ' gọn ' -}}]", "Có {%- if ds -%} danh sách {%- endif %}.")
    return "whitespace", _save(d), {"ds": ["Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"]}


def merged_cells() -> Case:
    d = _doc("Ô gộp")
    head = _table(d, [["{% colspan n %}Tiêu đề gộp {{ n }} cột", "", ""],
                      ["{% cellbg mau %}Nền màu", "B", "C"]])
    first_row = head.rows[0]._tr
    for tc in first_row.findall(f"{_W}tc")[1:]:
        first_row.remove(tc)  # one cell that the colspan tag widens to n columns
    d.add_paragraph("Gộp dọc")
    _table(d, [["Nhóm", "Tên"], ["{%tr for r in hang %}", ""],
               ["{% vm %}{{ r.nhom }}", "{{ r.ten }}"], ["{%tr endfor %}", ""]])
    d.add_paragraph("Gộp ngang")
    _table(d, [["Đầu", "{%tc for c in cot %}", "{% hm %}{{ c }}", "{%tc endfor %}"]])
    return "cells", _save(d), {"n": 3, "mau": "FFF2CC", "cot": ["x", "y", "z"],
                               "hang": [{"nhom": "Nhóm 1", "ten": "A"},
                                        {"nhom": "Nhóm 1", "ten": "B"},
                                        {"nhom": "Nhóm 2", "ten": "C"}]}


def special_characters() -> Case:
    d = _doc("Dòng: {{ nhieu_dong }}", "Tab: {{ co_tab }}", "Đoạn mới: {{ doan_moi }}",
             "Trang mới: {{ trang_moi }}")
    return "special-chars", _save(d), {"nhieu_dong": "một\nhai", "co_tab": "a\tb",
                                       "doan_moi": "trước\asau", "trang_moi": "trang 1\ftrang 2"}


def headers_footers() -> Case:
    d = _doc("Thân văn bản: {{ than }}")
    section = d.sections[0]
    section.header.paragraphs[0].text = "Đầu trang: {{ dau }}"
    section.footer.paragraphs[0].text = "{%p if chan %}"
    section.footer.add_paragraph("Chân trang: {{ chan }}")
    section.footer.add_paragraph("{%p endif %}")
    return "headers-footers", _save(d), {"than": "nội dung", "dau": "UBND TỈNH",
                                         "chan": "Trang cuối"}


def core_properties() -> Case:
    d = _doc("Văn bản {{ so }}")
    d.core_properties.title = "Báo cáo {{ so }}"
    d.core_properties.subject = "{{ chu_de }}"
    d.core_properties.author = "{{ tac_gia }}"
    return "core-properties", _save(d), {"so": "12/BC", "chu_de": "Thi đua",
                                         "tac_gia": "Văn phòng"}


def filters_and_set() -> Case:
    d = _doc("{% set tong = ds|sum(attribute='n') %}Tổng: {{ tong }} ({{ ds|length }} mục)",
             "{{ ten|upper }} — {{ ghi_chu|default('không có') }}",
             "{{ ds|map(attribute='ten')|join('; ') }}",
             "{% if tong > 10 %}Nhiều{% else %}Ít{% endif %}: {{ '%05.1f'|format(ti_le) }}")
    return "filters", _save(d), {"ds": [{"ten": "A", "n": 4}, {"ten": "B", "n": 9}],
                                 "ten": "sở nội vụ", "ti_le": 3.14159}


def nested_loops() -> Case:
    d = _doc("{%p for k in khoi %}", "{{ k.ten }}", "{%p for m in k.muc %}",
             "{{ loop.index }}. {{ m }}{% if loop.last %}.{% else %};{% endif %}",
             "{%p endfor %}", "{%p endfor %}")
    return "nested", _save(d), {"khoi": [{"ten": "Khối I", "muc": ["a", "b"]},
                                         {"ten": "Khối II", "muc": ["c"]}]}


def page_break_and_macro() -> Case:
    d = _doc("{% macro ten_day_du(x) %}{{ x.ho }} {{ x.ten }}{% endmacro %}"
             "Người ký: {{ ten_day_du(nguoi) }}")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("Trang hai: {{ nguoi.ten }}")
    return "macro-page-break", _save(d), {"nguoi": {"ho": "Lê", "ten": "Cường"}}


_FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    '</w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Căn cứ: {{ can_cu }}</w:t></w:r>'
    '</w:p></w:footnote></w:footnotes>')


def footnotes() -> Case:
    """python-docx cannot write footnotes: add the part to the package by hand."""
    base = _save(_doc("Theo quy định{{ dau_cham }}"))
    src = zipfile.ZipFile(io.BytesIO(base))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            data = src.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                    b"</Types>"))
            elif name == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>"))
            elif name == "word/document.xml":
                data = re.sub(rb"(\{\{ dau_cham \}\}</w:t></w:r>)",
                              rb'\1<w:r><w:footnoteReference w:id="1"/></w:r>', data)
            out.writestr(name, data)
        out.writestr("word/footnotes.xml", _FOOTNOTES)
    return "footnotes", buf.getvalue(), {"dau_cham": ".", "can_cu": "Luật Thi đua 2022"}


CASES: list[Callable[[], Case]] = [
    paragraph_loop, paragraph_if_else, table_rows, table_columns, run_tags, rich_text, comments,
    whitespace_control, merged_cells, special_characters, headers_footers, core_properties,
    filters_and_set, nested_loops, page_break_and_macro, footnotes,
]


def build() -> list[Case]:
    return [make() for make in CASES]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for n, (name, template, data) in enumerate(build(), 1):
        (out / f"{n:02d}-{name}.docx").write_bytes(template)
        with contextlib.suppress(TypeError):  # docxtpl objects: Python-only data
            (out / f"{n:02d}-{name}.json").write_text(json.dumps(data, ensure_ascii=False),
                                                      "utf-8")
    print(f"{len(CASES)} templates in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-out"))
