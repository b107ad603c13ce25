"""Build the body ``template.docx`` of the built-in types whose fixed wording is Word text.

In these bodies the headings, sentences, table headers and the closing are typed in the .docx
(styled with the ``VB …`` paragraph styles of the family shells); Jinja stands only over the
values the type's ``build_context`` computes and documents (docs/designer-eject.md). A designer
who runs ``vanban eject <id> DIR`` gets this file and rewords it in Word.

Conventions of these bodies (all docxtpl's):

* ``{{ x }}`` inside a sentence: a plain value (escaped by Jinja);
* ``{{r x }}`` alone in its paragraph: text the clerk typed, with its ``**bold**``/``*italic*``
  marks and footnotes already turned into runs;
* ``{%p for … %}`` / ``{%p if … %}``: a paragraph of its own that repeats or drops paragraphs.

    PYTHONPATH=service python tools/build_word_bodies.py [TEMPLATE_ID …]
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from build_docx_sources import (
    DEFAULT_FAMILY,
    FAMILIES,
    ROOT,
    new_document,
    para,
    save_body,
    set_body,
    tag,
)


def text(jinja: str, style: str = "VBNoiDung", keep_next: bool = False) -> str:
    """A paragraph of ``style`` holding ``jinja`` (Word text with ``{{ }}`` values) in one run."""
    return para(jinja, style=style, jc=None, raw=True, keep_next=keep_next)


def runs(name: str, style: str = "VBNoiDung", keep_next: bool = False) -> str:
    """A paragraph whose only content is the runs of ``name`` (``{{r name }}``)."""
    return text(f"{{{{r {name} }}}}", style, keep_next)


def each(item: str, items: str, *body: str) -> str:
    """``{%p for item in items %}`` … ``{%p endfor %}``."""
    return tag(f"for {item} in {items}") + "".join(body) + tag("endfor")


def when(condition: str, *body: str) -> str:
    return tag(f"if {condition}") + "".join(body) + tag("endif")


def closing(sentence: str) -> str:
    """The document's last paragraph, kept on the signature's page: the clerk's own closing
    (``ket_luan``, runs) or else the standard ``sentence`` (Word text)."""
    return (tag("if ket_luan") + runs("ket_luan", keep_next=True) + tag("else")
            + text(sentence, keep_next=True) + tag("endif"))


# --------------------------------------------------------------------------- tờ trình
def to_trinh_khen_thuong() -> tuple[str, str]:
    body = [
        each("c", "can_cu", runs("c", "VBCanCu")),
        each("d", "doan", runs("d")),
        text("{{ co_quan_trong_cau }} kính đề nghị {{ nguoi_quyet_dinh }} xem xét, "
             "{{ de_nghi_khen }}, đã có thành tích {{ thanh_tich }} (có danh sách và báo cáo "
             "thành tích kèm theo)."),
        text("Kính trình {{ nguoi_quyet_dinh }} xem xét, quyết định{{ ket_thuc }}",
             keep_next=True),
    ]
    return "".join(body), "Thân văn bản: tờ trình đề nghị khen thưởng"


# --------------------------------------------------------------------------- công văn
def section_headings() -> list[str]:
    """A free section's heading, one paragraph per level in its ``VB Mục`` style (``m.cap``
    1–5; ``m.tieu_de`` comes in capitals at level 1)."""
    out = []
    for level in range(1, 6):
        out.append(tag(("if" if level == 1 else "elif") + f" m.cap == {level}"))
        out.append(text("{{ m.so }} {{ m.tieu_de }}", f"VBMuc{level}", keep_next=True))
    out.append(tag("endif"))
    return out


def cong_van() -> tuple[str, str]:
    headings = section_headings()
    body = [
        each("c", "can_cu", runs("c", "VBCanCu")),
        each("d", "mo_dau", runs("d")),
        each("m", "muc", *headings,
             each("d", "m.doan", runs("d")),
             each("y", "m.y", runs("y", "VBGach"))),
        when("ket_luan", runs("ket_luan", keep_next=True)),
    ]
    return "".join(body), "Thân văn bản: công văn"


# --------------------------------------------------------------------------- kế hoạch
def heading(level: int, key: str, title: str) -> str:
    """A numbered heading of the plan, shown when its section has data (``so.<key>``)."""
    return when(f"so.{key}", text(f"{{{{ so.{key} }}}} {title}", f"VBMuc{level}",
                                  keep_next=True))


def bullets(name: str, style: str = "VBGach") -> str:
    return each("y", name, runs("y", style))


def ke_hoach_thi_dua() -> tuple[str, str]:
    award = [
        text("{{ h.so }} {{ h.ten }}", "VBMuc3", keep_next=True),
        each("d", "h.mo_ta", runs("d")),
        when("h.so_tap_the", text("{{ h.so_tap_the }} Tập thể", "VBMuc4", keep_next=True)),
        bullets("h.tap_the"),
        when("h.so_ca_nhan", text("{{ h.so_ca_nhan }} Cá nhân", "VBMuc4", keep_next=True)),
        bullets("h.ca_nhan"),
        when("h.chi_tieu", text(
            "- {% if h.chi_tieu_nhom %}{{ h.chi_tieu_nhom }}: {% endif %}"
            "{% for c in h.chi_tieu %}{{ c.don_vi }} trình không quá {{ c.so_luong }} "
            "{{ c.doi_tuong }}{% if not loop.last %}; {% endif %}{% endfor %}.", "VBGach")),
        each("g", "h.ghi_chu", runs("g")),
    ]

    def criteria(key: str, label: str) -> str:
        return (heading(3, f"tieu_chuan_{key}", label)
                + each("g", f"tieu_chuan.{key}",
                       text("{{ g.so }} {{ g.doi_tuong }}", "VBMuc4", keep_next=True),
                       bullets("g.y")))

    body = [
        each("c", "can_cu", runs("c", "VBCanCu")),
        each("d", "mo_dau", runs("d")),
        # I. Mục đích, yêu cầu (one of the two alone: its items straight under I.)
        heading(1, "muc_dich_yeu_cau", "MỤC ĐÍCH, YÊU CẦU"),
        heading(2, "muc_dich", "Mục đích"), bullets("muc_dich"),
        heading(2, "yeu_cau", "Yêu cầu"), bullets("yeu_cau"),
        # II. Nội dung, mục tiêu, thời gian
        heading(1, "noi_dung_muc_tieu", "NỘI DUNG, MỤC TIÊU, THỜI GIAN CỦA ĐỢT THI ĐUA"),
        heading(2, "noi_dung_thi_dua", "Nội dung thi đua"), bullets("noi_dung_thi_dua"),
        heading(2, "muc_tieu", "Mục tiêu thi đua"), bullets("muc_tieu", "VBNoiDung"),
        heading(2, "khau_hieu", "Khẩu hiệu thi đua"),
        when("khau_hieu", runs("khau_hieu")),
        heading(2, "thoi_gian", "Thời gian thi đua"),
        when("thoi_gian", text("Đợt thi đua được thực hiện {{ thoi_gian.tu }} "
                               "{{ thoi_gian.den }}.")),
        # III. Đối tượng, khen thưởng, tiêu chuẩn
        heading(1, "doi_tuong_tieu_chuan", "ĐỐI TƯỢNG THI ĐUA, TIÊU CHUẨN KHEN THƯỞNG"),
        heading(2, "doi_tuong", "Đối tượng thi đua"),
        when("doi_tuong.tap_the", text("- Tập thể: {{ doi_tuong.tap_the }}", "VBGach")),
        when("doi_tuong.ca_nhan", text("- Cá nhân: {{ doi_tuong.ca_nhan }}", "VBGach")),
        heading(2, "khen_thuong", "Danh hiệu thi đua, hình thức khen thưởng"),
        each("h", "khen_thuong", *award),
        heading(2, "tieu_chuan", "Tiêu chuẩn khen thưởng"),
        when("tieu_chuan.chung", runs("tieu_chuan.chung")),
        criteria("tap_the", "Tập thể"),
        criteria("ca_nhan", "Cá nhân"),
        # IV. Đăng ký, quy trình, hồ sơ, thời hạn, tổng kết
        heading(1, "dang_ky_quy_trinh", "ĐĂNG KÝ THI ĐUA VÀ QUY TRÌNH, THỜI GIAN, HỒ SƠ KHEN "
                "THƯỞNG, TỔNG KẾT ĐỢT THI ĐUA"),
        heading(2, "dang_ky", "Đăng ký thi đua"), bullets("dang_ky"),
        heading(2, "quy_trinh", "Quy trình bình xét và đề nghị khen thưởng"),
        bullets("quy_trinh"),
        heading(2, "ho_so", "Hồ sơ trình đề nghị khen thưởng"), bullets("ho_so"),
        heading(2, "thoi_han", "Thời gian trình khen thưởng"),
        each("t", "thoi_han", text("- {{ t.viec }} {{ t.han }}.", "VBGach")),
        heading(2, "tong_ket", "Công tác tổng kết đợt thi đua"), bullets("tong_ket"),
        # V. Tổ chức thực hiện
        heading(1, "to_chuc_thuc_hien", "TỔ CHỨC THỰC HIỆN"),
        each("u", "to_chuc_thuc_hien",
             text("{{ u.so }} {{ u.don_vi }}", "VBMuc2", keep_next=True),
             bullets("u.nhiem_vu")),
        # the closing, kept on the signature's page
        closing("Trên đây là Kế hoạch {{ ke_hoach_ve }} của {{ co_quan_trong_cau }}{{ ket_thuc }}"),
    ]
    return "".join(body), "Thân văn bản: kế hoạch phát động thi đua"


# --------------------------------------------------------------------------- báo cáo
def part(key: str, title: str) -> str:
    """``Phần I`` and, on the next line, the part's title in capitals (``VB Phần``), its lines
    broken where they read well (``ngat_dong``: never inside “khen thưởng”)."""
    return when(f"so.{key}", (
        '<w:p><w:pPr><w:pStyle w:val="VBPhan"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">Phần {{{{ so.{key} }}}}</w:t></w:r><w:r><w:br/></w:r>'
        f'<w:r><w:t xml:space="preserve">{{% filter ngat_dong %}}{title}{{% endfilter %}}'
        '</w:t></w:r></w:p>'))


def paragraphs(name: str) -> str:
    return each("d", name, runs("d"))


def bao_cao_thi_dua() -> tuple[str, str]:
    from build_docx_sources import awards_table

    movement = [
        text("{{ p.so }} {% if p.co_ten_loai %}{{ p.ten }}{% else %}Phong trào thi đua "
             "“{{ p.ten }}”{% endif %}", "VBMuc2", keep_next=True),
        tag("if p.don_vi and p.thoi_gian"),
        text("Đơn vị phát động: {{ p.don_vi }}; thời gian: {{ p.thoi_gian }}."),
        tag("elif p.don_vi"), text("Đơn vị phát động: {{ p.don_vi }}."),
        tag("elif p.thoi_gian"), text("Thời gian thực hiện: {{ p.thoi_gian }}."),
        tag("endif"),
        when("p.noi_dung", runs("p.noi_dung")),
        when("p.ket_qua", text("Kết quả: {{ p.ket_qua }}{{ p.ket_qua_cham }}")),
    ]
    free = section_headings()
    body = [
        part("phan_1", "KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA, CÔNG TÁC KHEN THƯỞNG "
                       "{{ ky_nay|upper }}"),
        heading(1, "dac_diem", "ĐẶC ĐIỂM TÌNH HÌNH"), paragraphs("gioi_thieu"),
        heading(2, "thuan_loi", "Thuận lợi"), paragraphs("thuan_loi"),
        heading(2, "kho_khan", "Khó khăn"), paragraphs("kho_khan"),
        heading(1, "chi_dao", "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN"),
        paragraphs("chi_dao"),
        heading(1, "phong_trao", "KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA"),
        each("p", "phong_trao", *movement),
        heading(1, "ket_qua_dang_ky", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA ĐÃ ĐĂNG KÝ"),
        heading(2, "dang_ky_tap_the", "Đối với tập thể"), bullets("ket_qua_dang_ky.tap_the"),
        heading(2, "dang_ky_ca_nhan", "Đối với cá nhân"), bullets("ket_qua_dang_ky.ca_nhan"),
        when("ket_qua_dang_ky.tong", text("{{ ket_qua_dang_ky.tong }}")),
        each("m", "muc", *free, paragraphs("m.doan")),
        heading(1, "khen_thuong", "CÔNG TÁC KHEN THƯỞNG"), paragraphs("khen_thuong_doan"),
        when("khen_thuong.da_nhan",
             text("Kết quả khen thưởng {{ ky_nay }}: {{ khen_thuong.da_nhan }}.")),
        when("khen_thuong.de_nghi",
             text("Đã trình cấp trên khen thưởng: {{ khen_thuong.de_nghi }}.")),
        when("bang_khen_thuong", awards_table().replace("b.rows", "bang_khen_thuong")),
        heading(1, "tuyen_truyen", "CÔNG TÁC TUYÊN TRUYỀN, PHÁT HIỆN, BỒI DƯỠNG VÀ NHÂN RỘNG "
                "ĐIỂN HÌNH TIÊN TIẾN"), paragraphs("tuyen_truyen"),
        heading(1, "danh_gia", "ĐÁNH GIÁ CHUNG"),
        heading(2, "uu_diem", "Ưu điểm"), paragraphs("uu_diem"),
        heading(2, "han_che", "Hạn chế, tồn tại"), paragraphs("han_che"),
        heading(2, "nguyen_nhan", "Nguyên nhân"), paragraphs("nguyen_nhan"),
        heading(2, "bai_hoc", "Bài học kinh nghiệm"), paragraphs("bai_hoc"),
        heading(1, "kien_nghi", "KIẾN NGHỊ, ĐỀ XUẤT"), paragraphs("kien_nghi"),
        part("phan_2", "PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN PHONG TRÀO THI ĐUA, CÔNG "
                       "TÁC KHEN THƯỞNG {{ ky_sau|upper }}"),
        heading(1, "phuong_huong", "PHƯƠNG HƯỚNG, NHIỆM VỤ"), paragraphs("phuong_huong"),
        heading(1, "giai_phap", "GIẢI PHÁP THỰC HIỆN"), paragraphs("giai_phap"),
        closing("Trên đây là báo cáo {{ bao_cao_ve }} của {{ co_quan_trong_cau }}{{ ket_thuc }}"),
    ]
    return "".join(body), "Thân văn bản: báo cáo thi đua, khen thưởng"


# --------------------------------------------------------------------------- quyết định
def article(label: str, rest: str, keep_next: bool = False) -> str:
    """``Điều n.`` in bold, then the article's text (``VB Nội dung``)."""
    keep = "<w:keepNext/>" if keep_next else ""
    return ('<w:p><w:pPr><w:pStyle w:val="VBNoiDung"/>' + keep + "</w:pPr>"
            f'<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">{label}</w:t></w:r>'
            f'<w:r><w:t xml:space="preserve"> {rest}</w:t></w:r></w:p>')


def quyet_dinh_khen_thuong() -> tuple[str, str]:
    f = FAMILIES[DEFAULT_FAMILY]
    body = [
        each("c", "can_cu", runs("c", "VBCanCu")),
        para("QUYẾT ĐỊNH:", sz=f.sizes.loai_van_ban, b=True, keep_next=True, before=120,
             after=120),
        article("Điều 1.", "{{ khen_thuong }} (có danh sách kèm theo), đã có thành tích "
                "{{ thanh_tich }}."),
        when("tien_thuong", article(
            "Điều 2.", "Mỗi tập thể, cá nhân được khen thưởng tại Điều 1 được hưởng tiền thưởng "
            "theo quy định: {% for m in tien_thuong.muc %}{{ m.ten }}: {{ m.doi_tuong }} "
            "{{ m.so_tien }} ({{ m.he_so }} lần mức lương cơ sở {{ m.luong }})"
            "{% if not loop.last %}; {% endif %}{% endfor %}. Tổng số tiền thưởng là "
            "{{ tien_thuong.tong }} (bằng chữ: {{ tien_thuong.bang_chu }}), chi từ "
            "{% if tien_thuong.nguon %}{{ tien_thuong.nguon }}{% else %}nguồn kinh phí thi "
            "đua, khen thưởng theo quy định{% endif %}.")),
        article("Điều {{ dieu_thi_hanh }}.", "{% if hieu_luc %}{{ hieu_luc }}{% else %}Quyết "
                "định này có hiệu lực kể từ ngày ký.{% endif %} {{ thi_hanh }} và các tập thể, "
                "cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này"
                "{{ ket_thuc }}", keep_next=True),
    ]
    return "".join(body), "Thân văn bản: quyết định khen thưởng"


# --------------------------------------------------------------------------- đăng ký
TARGET = (
    "- {% if t.noi_dung %}{{ t.noi_dung }}"
    "{% elif t.muc == 'tu' %}Phấn đấu {% if t.ty_le %}từ{% else %}có{% endif %} {{ t.so }} "
    "{{ t.doi_tuong }} trở lên {{ t.dat }}."
    "{% elif t.muc == 'tren' %}Phấn đấu {% if not t.ty_le %}có {% endif %}trên {{ t.so }} "
    "{{ t.doi_tuong }} {{ t.dat }}."
    "{% else %}Phấn đấu {{ t.so }} {{ t.doi_tuong }} {{ t.dat }}.{% endif %}")


def dang_ky_thi_dua() -> tuple[str, str]:
    body = [
        each("d", "mo_dau", runs("d")),
        heading(1, "noi_dung", "NỘI DUNG THI ĐUA"),
        each("d", "noi_dung_thi_dua", text("{{ loop.index }}. {{ d }}")),
        text("{{ so.chi_tieu }} CHỈ TIÊU THI ĐUA CỤ THỂ NĂM {{ nam }}", "VBMuc1", keep_next=True),
        heading(2, "tap_the", "Đối với tập thể"),
        each("t", "chi_tieu_tap_the", text(TARGET, "VBGach")),
        heading(2, "ca_nhan", "Đối với cá nhân"),
        each("t", "chi_tieu_ca_nhan", text(TARGET, "VBGach")),
        closing("Trên đây là đăng ký thi đua năm {{ nam }} của {{ co_quan_trong_cau }}"
             "{{ ket_thuc }}"),
    ]
    return "".join(body), "Thân văn bản: đăng ký thi đua"


# --------------------------------------------------------------------------- biên bản
def bien_ban_hop_xet() -> tuple[str, str]:
    body = [
        text("Thời gian bắt đầu: {{ gio_bat_dau.gio }} giờ {{ gio_bat_dau.phut }} phút, "
             "{{ ngay_hop }}."),
        text("Địa điểm: {{ dia_diem }}."),
        text("Thành phần tham dự:"),
        text("- Chủ trì: {{ chu_tri }}.", "VBGach"),
        text("- Thư ký: {{ thu_ky }}.", "VBGach"),
        text("- Thành viên có mặt: {{ so_co_mat }}/{{ so_thanh_vien }} thành viên:", "VBGach"),
        each("p", "co_mat", text("+ {{ p }}", "VBCong")),
        tag("if vang_mat"),
        text("- Thành viên vắng mặt: {{ so_vang_mat }}/{{ so_thanh_vien }} thành viên:",
             "VBGach"),
        each("v", "vang_mat", text("+ {{ v.nguoi }}{% if v.ly_do %} (lý do: {{ v.ly_do }})"
                                   "{% endif %}", "VBCong")),
        tag("else"),
        text("- Thành viên vắng mặt: không.", "VBGach"),
        tag("endif"),
        when("khach_moi", text("- Đại biểu mời dự:", "VBGach"),
             each("p", "khach_moi", text("+ {{ p }}", "VBCong"))),
        text("Nội dung: {{ hoi_dong }} họp xét, đề nghị khen thưởng {{ noi_dung_xet }}."),
        when("dien_bien", text("Diễn biến cuộc họp:"), paragraphs("dien_bien")),
        when("y_kien", text("Ý kiến bằng văn bản của thành viên vắng mặt:"),
             each("y", "y_kien", text("- {{ y.ho_ten }}: {{ y.y_kien }}", "VBGach"))),
        text("Hình thức xét: {{ hinh_thuc }}. Tỷ lệ đồng ý tính trên tổng số "
             "{{ so_thanh_vien }} thành viên {{ tap_the }} (kể cả thành viên vắng mặt)."),
        text("Kết quả {{ hinh_thuc }}:"),
        # the table of votes: computed (shares, threshold, reached); its columns: wording.toml
        '<w:p><w:r><w:t xml:space="preserve">{{p bang_ket_qua }}</w:t></w:r></w:p>',
        text("Có {{ so_dat }}/{{ so_truong_hop }} trường hợp đạt tỷ lệ đồng ý theo quy định và "
             "được đề nghị khen thưởng."),
        when("ket_luan", text("Kết luận:"), paragraphs("ket_luan")),
        text("Cuộc họp kết thúc vào {{ gio_ket_thuc.gio }} giờ {{ gio_ket_thuc.phut }} phút "
             "cùng ngày{{ ket_thuc }}", keep_next=True),
    ]
    return "".join(body), "Thân văn bản: biên bản họp xét khen thưởng"


# --------------------------------------------------------------------------- báo cáo thành tích
def received_table(items: str, name_col: str, decision_col: str) -> str:
    """A table of awards already received, laid out in Word: its header row (repeated on every
    page), then one row per ``r`` of ``items`` (``r.nam``, ``r.ten``, ``r.quyet_dinh``); the
    columns' widths are the weights 1.2 : 5 : 7 of the text width, widened to the header's
    longest word and a year's four figures."""
    from vanban.context.tables import Cell, fit_widths, min_widths, twips

    header = [["Năm", name_col, decision_col]]
    need = [max(a, b) for a, b in zip(min_widths(header, 3, bold=True),
                                      min_widths([["2025", "", ""]], 3), strict=True)]
    cols = fit_widths(twips([1.2, 5, 7]), need)
    rows = [tag_row(f"for r in {items}"),
            [Cell("{{ r.nam }}", align="center"), Cell("{{ r.ten }}", align="left"),
             Cell("{{ r.quyet_dinh }}", align="left")],
            tag_row("endfor")]
    return laid_table(cols, header[0], rows)


def bao_cao_thanh_tich() -> tuple[str, str]:
    def sub(key: str, tap_the: str, ca_nhan: str | None = None) -> str:
        """A level-2 heading; its wording differs for a cá nhân when ``ca_nhan`` is given."""
        title = tap_the if ca_nhan is None else (
            f"{{% if loai == 'ca_nhan' %}}{ca_nhan}{{% else %}}{tap_the}{{% endif %}}")
        return heading(2, key, title)

    def line(label: str, value: str) -> str:
        return when(value, text(f"- {label}: {{{{ {value} }}}}", "VBGach"))

    ly_lich = [
        ("Họ tên (ghi đầy đủ bằng chữ in thường, không viết tắt)", "ho_ten"),
        ("Sinh ngày, tháng, năm", "ngay_sinh"), ("Giới tính", "gioi_tinh"),
        ("Điện thoại liên hệ", "dien_thoai"), ("Quê quán", "que_quan"),
        ("Trú quán", "tru_quan"), ("Đơn vị công tác", "don_vi"),
        ("Chức vụ (Đảng, chính quyền, đoàn thể)", "chuc_vu"),
        ("Trình độ chuyên môn, nghiệp vụ", "trinh_do"),
        ("Học hàm, học vị, danh hiệu, giải thưởng", "hoc_ham_hoc_vi"),
    ]
    khong = text("Không.")
    body = [
        # I. Sơ lược lý lịch (cá nhân) / đặc điểm, tình hình (tập thể)
        tag("if loai == 'ca_nhan'"),
        text("{{ so.muc_1 }} SƠ LƯỢC LÝ LỊCH", "VBMuc1", keep_next=True),
        *[line(label, f"ly_lich.{key}") for label, key in ly_lich],
        tag("else"),
        text("{{ so.muc_1 }} SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", "VBMuc1", keep_next=True),
        heading(2, "dac_diem", "Đặc điểm, tình hình"),
        text("- Địa điểm trụ sở chính: {{ dac_diem.tru_so }}", "VBGach"),
        line("Điện thoại, fax", "dac_diem.dien_thoai"),
        line("Địa chỉ trang tin điện tử", "dac_diem.trang_tin"),
        when("dac_diem.thanh_lap", text("- Quá trình thành lập và phát triển:", "VBGach"),
             paragraphs("dac_diem.thanh_lap")),
        when("dac_diem.dac_diem", text("- Những đặc điểm chính của đơn vị:", "VBGach"),
             paragraphs("dac_diem.dac_diem")),
        heading(2, "chuc_nang", "Chức năng, nhiệm vụ"), paragraphs("dac_diem.chuc_nang"),
        tag("endif"),
        # II. Thành tích đạt được
        text("{{ so.muc_2 }} THÀNH TÍCH ĐẠT ĐƯỢC", "VBMuc1", keep_next=True),
        sub("nhiem_vu", "Nhiệm vụ được giao", "Quyền hạn, nhiệm vụ được giao hoặc đảm nhận"),
        paragraphs("nhiem_vu"),
        sub("thanh_tich", "Kết quả thực hiện nhiệm vụ", "Thành tích đạt được của cá nhân"),
        paragraphs("thanh_tich"),
        sub("so_lieu", "Một số chỉ tiêu chủ yếu qua các năm"),
        # the figures: one column per year, computed (its columns' names: wording.toml)
        when("bang_so_lieu",
             '<w:p><w:r><w:t xml:space="preserve">{{p bang_so_lieu }}</w:t></w:r></w:p>'),
        sub("bien_phap", "Những biện pháp hoặc nguyên nhân đạt được thành tích"),
        paragraphs("bien_phap"),
        # III. Các hình thức đã được khen thưởng
        text("{{ so.muc_3 }} CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "VBMuc1", keep_next=True),
        heading(2, "danh_hieu", "Danh hiệu thi đua"),
        tag("if danh_hieu"),
        received_table("danh_hieu", "Danh hiệu thi đua", "Số, ngày, tháng, năm của quyết định "
                       "công nhận danh hiệu thi đua; cơ quan ban hành quyết định"),
        tag("else"), khong, tag("endif"),
        heading(2, "hinh_thuc", "Hình thức khen thưởng"),
        tag("if hinh_thuc"),
        received_table("hinh_thuc", "Hình thức khen thưởng", "Số, ngày, tháng, năm của quyết "
                       "định khen thưởng; cơ quan ban hành quyết định"),
        tag("else"), khong, tag("endif"),
    ]
    return "".join(body), "Thân văn bản: báo cáo thành tích"


# --------------------------------------------------------------------------- xếp hạng khối
def laid_table(cols: list[int], heads: list[str], rows: list[list], fit: str | None = None
               ) -> str:
    """A bordered table laid out in Word: ``heads`` as its header row (repeated on every
    page), then ``rows`` (``{%tr %}`` tag rows and the rows they repeat), marked ``fit`` in its
    Alt Text when given (:mod:`vanban.render.fit_columns`), followed by an empty small
    paragraph."""
    from vanban.context.tables import _rows, table_properties

    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in cols)
    body = _rows([heads], cols, "VBBangDau", True) + _rows(rows, cols, "VBBang", False)
    return (f"<w:tbl>{table_properties(sum(cols), fit)}<w:tblGrid>{grid}</w:tblGrid>"
            f"{''.join(body)}</w:tbl>"
            '<w:p><w:pPr><w:pStyle w:val="VBBang"/></w:pPr></w:p>')


def tag_row(jinja: str) -> list:
    """A table row holding only a docxtpl row tag (``{%tr … %}``)."""
    from vanban.context.tables import Cell

    return [Cell(f"{{%tr {jinja} %}}", align="left")]


def fitted_table(heads: list[str], weights: list[float], items: str,
                 cells: list[tuple[str, str, bool]]) -> str:
    """A table laid out in Word: its header row, then one row per ``r`` of ``items``
    (``cells``: the value, its alignment, bold). Its columns are the ``weights`` of the text
    width; marked ``vanban:fit``, they are widened after rendering to the longest word each
    holds (:mod:`vanban.render.fit_columns`), as vanban's own tables."""
    from vanban.context.tables import Cell, twips
    from vanban.render.fit_columns import FIT

    rows = [tag_row(f"for r in {items}"),
            [Cell(v, align=a, bold=b) for v, a, b in cells],  # type: ignore[arg-type]
            tag_row("endfor")]
    return laid_table(twips(weights), heads, rows, FIT)


PROPOSAL = ("Đề nghị {% if d.nguoi_tang %}{{ d.nguoi_tang }} tặng {% endif %}{{ d.hinh_thuc }} "
            "({{ d.so }} đơn vị): {{ d.don_vi }}.")


def ranking(items: str) -> str:
    """The bloc's ranking table: header row in Word over the rows of ``items``."""
    return fitted_table(
        ["Hạng", "Đơn vị", "Điểm các nội dung", "Điểm thưởng", "Điểm trừ", "Tổng điểm",
         "Ghi chú"], [15, 47, 17, 16, 15, 16, 39], items,
        [("{{ r.hang }}", "center", False), ("{{ r.ten }}", "left", False),
         ("{{ r.diem }}", "center", False), ("{{ r.diem_thuong }}", "center", False),
         ("{{ r.diem_tru }}", "center", False), ("{{ r.tong }}", "center", True),
         ("{{ r.ghi_chu }}", "left", False)])


def xep_hang_khoi_thi_dua() -> tuple[str, str]:
    body = [
        each("c", "can_cu", runs("c", "VBCanCu")),
        text("{{ ten }} gồm {{ so_thanh_vien }} đơn vị thành viên; {{ so_xep_hang }} đơn vị "
             "được xét, chấm điểm và xếp hạng thi đua năm {{ nam }} như sau:"),
        ranking("xep_hang"),
        each("d", "de_nghi", text(PROPOSAL)),
        each("c", "canh_bao", text("{{ c }}")),
        when("khong_xet", text("Không xét thi đua năm {{ nam }}: {{ khong_xet }}.")),
        when("bang_cham_diem_kem", text("(Bảng chấm điểm của {{ bang_cham_diem_kem }} tại Phụ "
                                        "lục kèm theo Báo cáo này.)")),
        text("Trên đây là kết quả chấm điểm, xếp hạng thi đua năm {{ nam }} của {{ ten }}"
             "{{ ket_thuc }}", keep_next=True),
    ]
    return "".join(body), "Thân văn bản: kết quả chấm điểm, xếp hạng khối thi đua"


# --------------------------------------------------------------------------- báo cáo khối
def bao_cao_khoi_thi_dua() -> tuple[str, str]:
    awards = fitted_table(
        ["TT", "Hình thức khen thưởng, danh hiệu thi đua", "Cấp tặng, công nhận", "Tập thể",
         "Cá nhân", "Đơn vị"], [10, 44, 30, 13, 14, 34], "bang_khen_thuong",
        [("{{ r.tt }}", "center", False), ("{{ r.ten }}", "left", False),
         ("{{ r.nguoi_tang }}", "left", False), ("{{ r.tap_the }}", "center", False),
         ("{{ r.ca_nhan }}", "center", False), ("{{ r.don_vi }}", "left", False)])
    xh = [
        text("{% if xep_hang.can_cu %}{{ xep_hang.can_cu }}, kết{% else %}Kết{% endif %} quả "
             "chấm điểm, xếp hạng thi đua năm {{ xep_hang.nam }} của {{ xep_hang.ten }} như "
             "sau:"),
        ranking("xep_hang.bang"),
        each("d", "xep_hang.de_nghi", text(PROPOSAL)),
        each("c", "xep_hang.canh_bao", text("{{ c }}")),
        when("xep_hang.bang_cham_diem_kem", text(
            "(Bảng chấm điểm của {{ xep_hang.bang_cham_diem_kem }} tại Phụ lục kèm theo Báo cáo "
            "này.)")),
    ]
    body = [
        heading(1, "tinh_hinh", "TÌNH HÌNH TỔ CHỨC TRIỂN KHAI HOẠT ĐỘNG KHỐI"),
        heading(2, "dac_diem", "Đặc điểm tình hình khối thi đua"),
        when("thanh_vien", text("{{ ten }} gồm {{ so_thanh_vien }} đơn vị thành viên: "
                                "{{ thanh_vien }}.")),
        paragraphs("dac_diem"),
        heading(2, "trien_khai", "Tình hình triển khai hoạt động khối thi đua {{ ky }}"),
        heading(3, "hoat_dong", "Triển khai thực hiện các hoạt động của khối"),
        bullets("hoat_dong"),
        heading(3, "giao_uoc", "Việc tổ chức ký giao ước thi đua của khối"),
        when("thanh_vien", text(
            "Có {{ so_ky_giao_uoc }}/{{ so_thanh_vien }} đơn vị thành viên tham gia ký giao ước "
            "thi đua{% if khong_ky_giao_uoc %}; các đơn vị không ký giao ước: "
            "{{ khong_ky_giao_uoc }}{% endif %}.")),
        paragraphs("giao_uoc"),
        heading(1, "ket_qua", "KẾT QUẢ ĐẠT ĐƯỢC"),
        heading(2, "thi_dua_khen_thuong", "Kết quả đạt được trong phong trào thi đua, công tác "
                "khen thưởng"),
        heading(3, "phong_trao", "Phong trào thi đua của khối và các đơn vị thành viên"),
        paragraphs("phong_trao"),
        heading(3, "nhiem_vu_chinh_tri", "Kết quả thực hiện nhiệm vụ chính trị của các thành "
                "viên trong khối"),
        paragraphs("ket_qua_nhiem_vu"),
        # the comparison: its columns come from the data (three a target), computed; a wide
        # one goes to the landscape annex
        when("so_sanh.bang",
             '<w:p><w:r><w:t xml:space="preserve">{{p so_sanh.bang }}</w:t></w:r></w:p>'),
        when("so_sanh.tom_tat", runs("so_sanh.tom_tat")),
        bullets("so_sanh.y"),
        paragraphs("so_sanh.nhan_xet"),
        when("so_sanh.phu_luc", text("(Số liệu chi tiết tại Phụ lục kèm theo Báo cáo này.)")),
        heading(2, "khen_thuong", "Công tác khen thưởng"),
        paragraphs("khen_thuong_doan"),
        paragraphs("khen_thuong_cau"),
        when("bang_khen_thuong", awards),
        when("xep_hang", *xh),
        heading(2, "dien_hinh", "Công tác tuyên truyền, nhân rộng các gương điển hình tiên tiến"),
        paragraphs("dien_hinh"),
        heading(1, "danh_gia", "ĐÁNH GIÁ TỔNG QUÁT"), paragraphs("danh_gia"),
        heading(2, "uu_diem", "Ưu điểm"), paragraphs("uu_diem"),
        heading(2, "han_che", "Hạn chế, tồn tại"), paragraphs("han_che"),
        heading(2, "nguyen_nhan", "Nguyên nhân"), paragraphs("nguyen_nhan"),
        heading(1, "phuong_huong", "PHƯƠNG HƯỚNG NHIỆM VỤ"),
        heading(2, "nhiem_vu", "Nhiệm vụ chủ yếu trong hoạt động của khối"),
        paragraphs("nhiem_vu"),
        heading(2, "giai_phap", "Những giải pháp để nâng cao chất lượng hoạt động của khối"),
        paragraphs("giai_phap"),
        heading(2, "kien_nghi", "Kiến nghị, đề xuất của khối thi đua"), paragraphs("kien_nghi"),
        closing("Trên đây là báo cáo {{ bao_cao_ve }} của {{ co_quan_trong_cau }}{{ ket_thuc }}"),
    ]
    return "".join(body), "Thân văn bản: báo cáo hoạt động khối thi đua"


# --------------------------------------------------------------------------- bảng chấm điểm
def sentence(parts: list[tuple[str, bool]], style: str = "VBNoiDung",
             keep_next: bool = False) -> str:
    """A paragraph of several runs: ``parts`` are (Word text with ``{{ }}`` values, bold)."""
    from build_docx_sources import ppr, rpr

    body = "".join(f'<w:r>{rpr(b=bold)}<w:t xml:space="preserve">{jinja}</w:t></w:r>'
                   for jinja, bold in parts)
    return f"<w:p>{ppr(style, None, keep_next)}{body}</w:p>"


def scoring_table() -> str:
    """The scoring table: the header row in Word (repeated on every page), then one row per
    ``d`` of ``dong`` in one of three layouts — bold (a group, a subtotal, the bonus, the
    deductions, the total), a criterion whose name is in italics (below the second level),
    a plain row. The columns come from ``cot`` (``vanban:fit cot``), then are widened to the
    longest word each holds."""
    from vanban_templates.bang_cham_diem.context import COLUMNS, WIDTHS

    from vanban.context.tables import Cell, twips
    from vanban.render.fit_columns import FIT
    from vanban.the_thuc.families import TEXT_WIDTH_TWIPS

    heads = ["TT", "Nội dung tiêu chí", "ĐVT", "Kế hoạch {{ nam }}", "Thực hiện {{ nam }}",
             "Điểm chuẩn", "Điểm thưởng", "Điểm tự chấm"]

    def row(bold: bool = False, italic_name: bool = False) -> list[Cell]:
        return [Cell(f"{{{{ d.{c} }}}}", align="left" if c == "noi_dung" else "center",
                     bold=bold, italic=italic_name and c == "noi_dung") for c in COLUMNS]

    rows = [tag_row("for d in dong"),
            tag_row("if d.dam"), row(bold=True),
            tag_row("elif d.nghieng"), row(italic_name=True),
            tag_row("else"), row(),
            tag_row("endif"),
            tag_row("endfor")]
    return laid_table(twips(WIDTHS, TEXT_WIDTH_TWIPS), heads, rows, f"{FIT} cot")


def bang_cham_diem() -> tuple[str, str]:
    total = ("Tổng điểm tự chấm: ", False), ("{{ tong }} điểm", True), (
        " (điểm các mục {{ diem_nhom }}; điểm thưởng {{ diem_thuong }}; điểm trừ "
        "{{ diem_tru }}){% if khong_xet %}.{% else %}{{ ket_thuc }}{% endif %}", False)
    body = [
        when("don_vi", sentence([("Đơn vị: ", False), ("{{ don_vi }}", True)])),
        scoring_table(),
        tag("if day_du"),
        sentence(list(total), keep_next=True),
        when("khong_xet", sentence([("Đơn vị ", False), ("không được xét thi đua", True),
                                    (" năm {{ nam }}: có văn bản phê bình về sai phạm nghiêm "
                                     "trọng{{ ket_thuc }}", False)], keep_next=True)),
        tag("else"),
        text("Bảng tiêu chí gồm {{ so_muc }} mục, tổng điểm chuẩn {{ diem_chuan }} điểm, điểm "
             "thưởng tối đa {{ thuong_toi_da }} điểm; đơn vị tự chấm điểm vào cột “Điểm tự "
             "chấm”{{ ket_thuc }}", keep_next=True),
        tag("endif"),
    ]
    return "".join(body), "Thân văn bản: bảng chấm điểm thi đua"


BUILDERS: dict[str, Callable[[], tuple[str, str]]] = {
    "to-trinh-khen-thuong": to_trinh_khen_thuong,
    "cong-van": cong_van,
    "ke-hoach-thi-dua": ke_hoach_thi_dua,
    "bao-cao-thi-dua": bao_cao_thi_dua,
    "quyet-dinh-khen-thuong": quyet_dinh_khen_thuong,
    "dang-ky-thi-dua": dang_ky_thi_dua,
    "bien-ban-hop-xet": bien_ban_hop_xet,
    "bao-cao-thanh-tich": bao_cao_thanh_tich,
    "xep-hang-khoi-thi-dua": xep_hang_khoi_thi_dua,
    "bao-cao-khoi-thi-dua": bao_cao_khoi_thi_dua,
    "bang-cham-diem": bang_cham_diem,
}


def build(template_id: str, out: Path | None = None) -> Path:
    """Write the body of ``template_id`` to ``out`` (default: its ``templates_docx`` folder)."""
    xml, title = BUILDERS[template_id]()
    doc = new_document(FAMILIES[DEFAULT_FAMILY])
    set_body(doc, xml)
    if out is None:
        save_body(doc, template_id, title)
        return ROOT / "templates_docx" / template_id / "template.docx"
    doc.core_properties.title = title
    doc.core_properties.author = "vanban"
    doc.save(out)
    return out


def main() -> None:
    for template_id in sys.argv[1:] or list(BUILDERS):
        build(template_id)
        print(f"built templates_docx/{template_id}/template.docx")


if __name__ == "__main__":
    main()
