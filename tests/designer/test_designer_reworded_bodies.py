"""Issue 18, item 1: the built-in bodies whose fixed wording is Word text.

For each such type, ``vanban eject`` writes a folder whose ``template.docx`` holds the document's
headings and sentences as text a designer rewords in Word; a sentence changed there (python-docx,
as Word would save it) changes that sentence of every document rendered with the folder on
``VANBAN_TEMPLATES_PATH``, and nothing else; the ejected template lints clean; the committed
bodies are what ``tools/build_word_bodies.py`` builds.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest

import vanban
from vanban.check.docx_facts import load
from vanban.designer.eject import eject
from vanban.designer.lint import lint_template
from vanban.templates import REGISTRY, builtin_templates_dir

ROOT = Path(__file__).resolve().parents[2]

#: type → (the fixed wording in its body .docx, what a designer types instead). Each pair
#: is one sentence or heading of the Word text; its new wording must show up in the output.
EDITS: dict[str, list[tuple[str, str]]] = {
    "to-trinh-khen-thuong": [
        (" kính đề nghị ", " trân trọng đề nghị "),
        ("Kính trình ", "Trân trọng kính trình "),
    ],
    "ke-hoach-thi-dua": [
        ("Đợt thi đua được thực hiện", "Đợt thi đua diễn ra"),
        ("Trên đây là Kế hoạch", "Trên đây là toàn văn Kế hoạch"),
        ("MỤC ĐÍCH, YÊU CẦU", "MỤC ĐÍCH VÀ YÊU CẦU"),
        (" trình không quá ", " được trình tối đa "),
    ],
    "bao-cao-thi-dua": [
        ("Trên đây là báo cáo", "Trên đây là toàn văn báo cáo"),
        ("Kết quả khen thưởng ", "Thành tích khen thưởng "),
        ("ĐÁNH GIÁ CHUNG", "ĐÁNH GIÁ, NHẬN XÉT CHUNG"),
        ("Hình thức khen thưởng, danh hiệu thi đua", "Danh hiệu, hình thức khen thưởng"),
    ],
    "quyet-dinh-khen-thuong": [
        ("chịu trách nhiệm thi hành Quyết định này", "thi hành Quyết định này"),
        ("Quyết định này có hiệu lực kể từ ngày ký.", "Quyết định có hiệu lực từ ngày ký."),
        ("(có danh sách kèm theo)", "(danh sách kèm theo)"),
    ],
    "dang-ky-thi-dua": [
        ("Phấn đấu ", "Quyết tâm phấn đấu "),
        ("Trên đây là đăng ký thi đua", "Trên đây là bản đăng ký thi đua"),
    ],
    "bien-ban-hop-xet": [
        ("Thời gian bắt đầu:", "Bắt đầu lúc"),
        ("Tỷ lệ đồng ý tính trên tổng số", "Tỷ lệ đồng ý tính theo tổng số"),
        ("Cuộc họp kết thúc vào", "Cuộc họp bế mạc vào"),
    ],
    "bao-cao-thanh-tich": [
        ("THÀNH TÍCH ĐẠT ĐƯỢC", "THÀNH TÍCH ĐÃ ĐẠT ĐƯỢC"),
        ("CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ NHẬN"),
        ("Số, ngày, tháng, năm của quyết định khen thưởng",
         "Số, ngày ban hành quyết định khen thưởng"),
    ],
    "xep-hang-khoi-thi-dua": [
        ("đơn vị được xét, chấm điểm và xếp hạng", "đơn vị được chấm điểm, xếp hạng"),
        ("Tổng điểm", "Cộng điểm"),
        ("Trên đây là kết quả chấm điểm", "Trên đây là toàn bộ kết quả chấm điểm"),
    ],
    "bao-cao-khoi-thi-dua": [
        ("KẾT QUẢ ĐẠT ĐƯỢC", "KẾT QUẢ ĐÃ ĐẠT ĐƯỢC"),
        ("đơn vị thành viên tham gia ký giao ước thi đua",
         "đơn vị thành viên đã ký giao ước thi đua"),
        ("Trên đây là báo cáo", "Trên đây là toàn văn báo cáo"),
    ],
    "bang-cham-diem": [
        ("Nội dung tiêu chí", "Nội dung, tiêu chí"),
        ("Tổng điểm tự chấm: ", "Tổng số điểm tự chấm: "),
        ("đơn vị tự chấm điểm vào cột", "đơn vị chấm điểm vào cột"),
    ],
    "cong-van": [
        ("{{ m.so }} {{ m.tieu_de }}", "{{ m.so }} Về việc: {{ m.tieu_de }}"),
    ],
}


def texts(data: bytes) -> list[str]:
    return [p.text for p in load(data).paragraphs]


def cases(template_id: str) -> list[dict]:
    folder = builtin_templates_dir() / template_id
    data = [json.loads(p.read_text("utf-8")) for p in sorted((folder / "fixtures").glob("*.json"))]
    return [*data, vanban.example(template_id)]


@pytest.fixture
def on_path() -> Iterator[Callable[[Path], None]]:
    saved = list(REGISTRY.roots)
    yield REGISTRY.add_root
    REGISTRY.set_roots(saved)


def paragraphs(document) -> list:
    """The body's paragraphs, those in table cells included (a table's header row)."""
    out = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                out.extend(cell.paragraphs)
    return out


def reword(path: Path, edits: list[tuple[str, str]]) -> None:
    """Change the wording in Word's way: the text of the runs, styles and tags left alone."""
    document = docx.Document(str(path))
    done = {old: 0 for old, _ in edits}
    for p in paragraphs(document):
        for run in p.runs:
            for old, new in edits:
                if old in run.text:
                    run.text = run.text.replace(old, new)
                    done[old] += 1
    assert all(done.values()), f"not in the Word body: {[o for o, n in done.items() if not n]}"
    document.save(str(path))


def body_words(path: Path) -> str:
    return "\n".join(p.text for p in paragraphs(docx.Document(str(path))))


@pytest.mark.parametrize("template_id", sorted(EDITS))
def test_the_fixed_wording_is_word_text(template_id: str):
    """The body .docx holds the sentences and headings, not a generic block loop."""
    words = body_words(builtin_templates_dir() / template_id / "template.docx")
    assert "b.loai" not in words and "khoi" not in words
    for old, _ in EDITS[template_id]:
        assert old in words


@pytest.mark.parametrize("template_id", sorted(EDITS))
def test_a_reworded_sentence_changes_only_that_sentence(template_id: str, tmp_path: Path,
                                                        on_path):
    data = cases(template_id)
    before = [texts(vanban.render(template_id, d)) for d in data]
    folder = eject(template_id, tmp_path)
    report = lint_template((folder / "template.docx").read_bytes(), name="template.docx",
                           schema_id=template_id)
    assert report.problems == [], report.problems
    reword(folder / "template.docx", EDITS[template_id])
    report = lint_template((folder / "template.docx").read_bytes(), name="template.docx",
                           schema_id=template_id)
    assert report.problems == [], report.problems
    on_path(tmp_path)
    assert REGISTRY.get(template_id).folder == folder
    after = [texts(vanban.render(template_id, d)) for d in data]
    changed = 0
    for old_doc, new_doc in zip(before, after, strict=True):
        assert len(old_doc) == len(new_doc)
        for old, new in zip(old_doc, new_doc, strict=True):
            if old == new:
                continue
            changed += 1
            expected = old
            for was, now in EDITS[template_id]:
                if template_id == "cong-van":  # the heading "1. Title" → "1. Về việc: Title"
                    number, _, title = old.partition(" ")
                    expected = f"{number} Về việc: {title}"
                else:
                    expected = expected.replace(was.strip(), now.strip())
            assert new == expected
    assert changed >= len(data)  # every document shows the new wording


@pytest.mark.parametrize("template_id", sorted(EDITS))
def test_the_bodies_are_what_the_tool_builds(template_id: str, tmp_path: Path):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from build_word_bodies import build
    finally:
        sys.path.remove(str(ROOT / "tools"))
    built = build(template_id, tmp_path / "template.docx")
    committed = builtin_templates_dir() / template_id / "template.docx"
    assert body_words(built) == body_words(committed)
    styles = [p.style.style_id for p in docx.Document(str(built)).paragraphs]
    assert styles == [p.style.style_id for p in docx.Document(str(committed)).paragraphs]


def test_the_command_line_loop_eject_reword_lint_render(tmp_path: Path):
    """As the README shows it: ``vanban eject``, a sentence changed in Word, ``vanban lint``
    clean, ``VANBAN_TEMPLATES_PATH=… vanban render`` prints the new sentence."""
    def cli(*args: str, **env: str) -> subprocess.CompletedProcess:
        base = {k: v for k, v in os.environ.items() if k != "VANBAN_TEMPLATES_PATH"}
        base.update({"PYTHONPATH": str(ROOT / "service"), **env})
        return subprocess.run([sys.executable, "-m", "vanban.cli", *args], capture_output=True,
                              text=True, env=base, timeout=180, check=False)

    done = cli("eject", "ke-hoach-thi-dua", str(tmp_path))
    assert done.returncode == 0, done.stderr
    body = tmp_path / "ke-hoach-thi-dua" / "template.docx"
    reword(body, [("Đợt thi đua được thực hiện", "Đợt thi đua diễn ra")])
    done = cli("lint", str(body), "--schema", "ke-hoach-thi-dua")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 lỗi, 0 cảnh báo" in done.stdout
    data = tmp_path / "ke-hoach.json"
    data.write_text(json.dumps(vanban.example("ke-hoach-thi-dua"), ensure_ascii=False), "utf-8")
    out = tmp_path / "kh.docx"
    done = cli("render", "ke-hoach-thi-dua", str(data), "-o", str(out),
               VANBAN_TEMPLATES_PATH=str(tmp_path))
    assert done.returncode == 0, done.stderr
    words = texts(out.read_bytes())
    assert "Đợt thi đua diễn ra từ ngày 15/01/2025 đến hết tháng 12/2025." in words
    assert not any("được thực hiện từ" in t for t in words)
    builtin = texts(vanban.render("ke-hoach-thi-dua", vanban.example("ke-hoach-thi-dua")))
    assert [t.replace("được thực hiện", "diễn ra") for t in builtin] == words


@pytest.mark.parametrize("target", [
    {"so_luong": 4, "doi_tuong": "phòng, đơn vị", "danh_hieu": "Tập thể lao động xuất sắc"},
    {"so_luong": 4, "muc": "tu", "doi_tuong": "phòng", "danh_hieu": "Tập thể lao động tiên tiến"},
    {"so_luong": 2, "muc": "tren", "doi_tuong": "phòng", "danh_hieu": "Giấy khen",
     "nguoi_tang": "Giám đốc Sở"},
    {"ty_le": 80, "doi_tuong": "phòng", "danh_hieu": "Tập thể lao động tiên tiến"},
    {"ty_le": 85.5, "muc": "tu", "doi_tuong": "phòng", "danh_hieu": "Tập thể lao động tiên tiến"},
    {"ty_le": 90, "muc": "tren", "doi_tuong": "phòng", "danh_hieu": "Tập thể lao động tiên tiến"},
    {"noi_dung": "Cơ quan đạt danh hiệu “Cơ quan đạt chuẩn văn hóa”"},
    {"noi_dung": "- Công đoàn *vững mạnh*."},
])
def test_every_form_of_the_target_sentence_reads_as_the_prose_module_writes_it(target: dict):
    """dang-ky-thi-dua's "Phấn đấu …" is Word text with branches (đúng / từ … trở lên / trên,
    count or share, the clerk's own sentence): each reads as vanban.prose.chi_tieu says."""
    from vanban.context.inline import plain
    from vanban.model.chi_tieu import ChiTieu
    from vanban.prose import chi_tieu as ct

    data = vanban.example("dang-ky-thi-dua")
    data["noi_dung"]["tap_the"] = [target]
    words = texts(vanban.render("dang-ky-thi-dua", data))
    t = ChiTieu.model_validate(target)
    [match] = ct.awards([t], "t", [])
    expected = "- " + plain(ct.target_text(t, match)).lstrip("- ")
    assert expected in words


def test_the_minutes_name_their_guests():
    """bien-ban-hop-xet's "Đại biểu mời dự:" (no fixture has guests): its line and one "+ "
    line per guest, before the meeting's contents."""
    data = vanban.example("bien-ban-hop-xet")
    data["noi_dung"]["khach_moi"] = [{"ho_ten": "Trần Văn Khách", "chuc_vu": "Chuyên viên Sở"},
                                     {"ho_ten": "Lê Thị *Mời*"}]
    words = texts(vanban.render("bien-ban-hop-xet", data))
    at = words.index("- Đại biểu mời dự:")
    assert words[at + 1:at + 3] == ["+ Trần Văn Khách, Chuyên viên Sở", "+ Lê Thị Mời"]
    assert words[at + 3].startswith("Nội dung: ")


def test_the_achievement_report_prints_every_optional_line_in_its_place():
    """bao-cao-thanh-tich's lines no fixture reaches all at once (a tập thể with a website, a
    biện pháp section, the table of figures and of forms received, no titles received): each in
    its place, the headings numbered without gaps."""
    folder = builtin_templates_dir() / "bao-cao-thanh-tich" / "fixtures"
    data = json.loads((folder / "nha-nuoc-so-noi-vu-lao-cai-2025-02.json").read_text("utf-8"))
    example = vanban.example("bao-cao-thanh-tich")["noi_dung"]
    body = data["noi_dung"]
    body["dac_diem"]["trang_tin"] = "https://sonoivu.laocai.gov.vn"
    body["nhiem_vu"] = ["Tham mưu công tác **thi đua**."]
    body["bien_phap"] = ["Đổi mới phương pháp làm việc."]
    body["so_lieu"], body["hinh_thuc"], body["danh_hieu"] = (
        example["so_lieu"], example["hinh_thuc"], [])
    words = texts(vanban.render("bao-cao-thanh-tich", data))

    def after(line: str) -> str:
        return words[words.index(line) + 1]

    assert "- Địa chỉ trang tin điện tử: https://sonoivu.laocai.gov.vn" in words
    assert after("1. Nhiệm vụ được giao") == "Tham mưu công tác thi đua."
    assert after("3. Một số chỉ tiêu chủ yếu qua các năm") == "Chỉ tiêu"
    assert after("4. Những biện pháp hoặc nguyên nhân đạt được thành tích") == (
        "Đổi mới phương pháp làm việc.")
    assert after("1. Danh hiệu thi đua") == "Không."
    assert after("2. Hình thức khen thưởng") == "Năm"
    at = words.index("2. Hình thức khen thưởng")  # the header row, then one row a form
    assert words[at + 4:at + 6] == [str(example["hinh_thuc"][0]["nam"]),
                                    "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"]
    assert words[at + 6].startswith("Quyết định số ")


def test_the_bloc_report_names_who_did_not_sign_and_leads_the_ranking_without_bases():
    """bao-cao-khoi-thi-dua's sentences in the forms no fixture reaches: members who did not
    sign the covenant after “;”, the ranking's lead sentence without bases (“Kết quả …”, not
    “…, kết quả …”), the clerk's own closing instead of “Trên đây là báo cáo …”."""
    data = vanban.example("bao-cao-khoi-thi-dua")
    body = data["noi_dung"]
    body["khong_ky_giao_uoc"] = ["Văn phòng UBND tỉnh"]
    body["xep_hang"]["can_cu"] = []
    body["ket_luan"] = "Khối thi đua cam kết **tiếp tục** đổi mới."
    words = texts(vanban.render("bao-cao-khoi-thi-dua", data))
    signed = [t for t in words if "ký giao ước thi đua;" in t]
    assert signed and signed[0].endswith(
        "đơn vị thành viên tham gia ký giao ước thi đua; các đơn vị không ký giao ước: "
        "Văn phòng UBND tỉnh.")
    assert ("Kết quả chấm điểm, xếp hạng thi đua năm 2021 của Khối các cơ quan tổng hợp như "
            "sau:") in words
    assert "Khối thi đua cam kết tiếp tục đổi mới./." in words
    assert not any(t.startswith("Trên đây là báo cáo") for t in words)


def test_the_scoring_table_prints_each_row_kind_in_its_word_layout():
    """bang-cham-diem's rows come in three Word layouts: bold (a group, a subtotal, the bonus,
    the deductions, the total), a criterion below the second level in italics, plain; a unit
    not considered gets its sentence after the total, and the document's last mark moves
    there."""
    from docx import Document

    folder = builtin_templates_dir() / "bang-cham-diem" / "fixtures"
    data = json.loads((folder / "nha-nuoc-lao-cai-so-tu-phap-2021.json").read_text("utf-8"))
    data["noi_dung"]["diem_tru"]["phe_binh_sai_pham_nghiem_trong"] = True
    first = data["noi_dung"]["nhom"][0]["tieu_chi"][0]
    score = first.pop("tu_cham")
    standard = first["diem_chuan"]
    first["tieu_chi"] = [{"ma": "1.1", "ten": "Văn bản triển khai", "diem_chuan": standard,
                          "tieu_chi": [{"ma": "a", "ten": "Ban hành đúng hạn",
                                        "diem_chuan": standard, "tu_cham": score}]}]
    doc = Document(io.BytesIO(vanban.render("bang-cham-diem", data)))
    [table] = [t for t in doc.tables if t.rows[0].cells[0].text == "TT"]
    looks = {}
    for row in table.rows[1:]:
        name = row.cells[1].paragraphs[0].runs[0]
        looks.setdefault(row.cells[1].text.split(" (")[0], (bool(name.bold), bool(name.italic)))
    assert looks["Thực hiện các chỉ tiêu, nhiệm vụ chính trị được giao"] == (True, False)
    assert looks["Cộng mục I"] == (True, False)
    assert looks["TỔNG ĐIỂM"] == (True, False)
    assert looks["Tỷ lệ thủ tục hành chính giải quyết đúng hạn"] == (False, False)
    assert looks["Văn bản triển khai"] == (False, False)  # the second level
    assert looks["Ban hành đúng hạn"] == (False, True)  # the third, in italics
    words = [p.text for p in doc.paragraphs]
    at = next(i for i, t in enumerate(words) if t.startswith("Tổng điểm tự chấm: "))
    assert words[at].endswith("điểm trừ 1,5).")
    assert words[at + 1] == ("Đơn vị không được xét thi đua năm 2021: có văn bản phê bình về "
                             "sai phạm nghiêm trọng./.")
