"""The lint catalogue: docxtpl-lint's rule ids → vanban's stable ``lint.*`` codes, with the
Vietnamese message (``str.format`` over the rule's parameters) and what to do.

vanban's own rules (those docxtpl-lint cannot know) are in the same table under their codes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    code: str
    message: str  # Vietnamese, formatted with the finding's parameters
    fix: str  # what to do, Vietnamese


DTL: dict[str, Entry] = {
    "DTL001": Entry("lint.tag-unclosed", "Thẻ “{open}” không được đóng bằng “{close}”.",
                    "Gõ lại thẻ cho đủ cặp ngoặc, ví dụ {{{{ ten }}}} hoặc {{% if x %}}."),
    "DTL002": Entry("lint.tag-spans-paragraphs",
                    "Thẻ “{open}” chỉ được đóng ở đoạn ¶{end_para}: docxtpl sẽ gộp các đoạn này.",
                    "Viết trọn thẻ trong một đoạn (không nhấn Enter giữa thẻ)."),
    "DTL003": Entry("lint.tracked-deletion",
                    "Đoạn có thẻ mẫu nằm trong phần “theo dõi thay đổi” chưa chấp nhận.",
                    "Trong Word: Review → Accept/Reject tất cả thay đổi, rồi lưu lại."),
    "DTL005": Entry("lint.suppression-unused", "Chú thích tắt kiểm tra “{directive}” không "
                    "khớp lỗi nào: {rules}.", "Xóa chú thích này."),
    "DTL101": Entry("lint.block-unclosed", "Khối “{{% {kw} %}}” không được đóng: thiếu "
                    "“{{% end{kw} %}}”.", "Thêm thẻ đóng “{{% end{kw} %}}” (cùng tiền tố p/tr/tc) "
                    "ở đúng chỗ."),
    "DTL102": Entry("lint.block-stray", "Thẻ “{raw}” không có thẻ mở tương ứng.",
                    "Xóa thẻ thừa hoặc thêm thẻ mở (for/if) trước nó."),
    "DTL103": Entry("lint.syntax", "Thẻ Jinja sai cú pháp: {msg}.",
                    "Sửa biểu thức trong thẻ (ngoặc, dấu nháy, tên từ khóa)."),
    "DTL104": Entry("lint.unknown-filter", "Bộ lọc “|{name}” không tồn tại.",
                    "Dùng bộ lọc có sẵn của Jinja (upper, lower, default, join, length …)."),
    "DTL105": Entry("lint.unknown-test", "Phép thử “is {name}” không tồn tại.",
                    "Dùng phép thử có sẵn của Jinja (defined, none, number, string …)."),
    "DTL106": Entry("lint.loop-variable-outside", "“{name}” chỉ có trong vòng lặp for nhưng "
                    "được dùng sau vòng lặp.", "Dời thẻ vào trong vòng lặp, hoặc dùng biến khác."),
    "DTL201": Entry("lint.docxtpl-tag-expression", "Thẻ “{prefix}” chứa “%” hoặc “}}”: "
                    "docxtpl không đọc được.", "Tính giá trị trước bằng {{% set %}} rồi dùng tên "
                    "biến trong thẻ."),
    "DTL202": Entry("lint.docxtpl-tag-space", "Viết “{{%{prefix} …” liền nhau, không có "
                    "khoảng trắng sau “{{%”.", "Xóa khoảng trắng giữa “{{%” và “{prefix}”."),
    "DTL203": Entry("lint.docxtpl-tag-outside-table", "Thẻ “{raw}” dùng tiền tố “{prefix}” "
                    "nhưng không nằm trong ô bảng.", "Đặt thẻ trong một ô của bảng, hoặc dùng "
                    "{{%p …%}} cho đoạn văn."),
    "DTL204": Entry("lint.docxtpl-prefix-mismatch", "Thẻ đóng “{close_raw}” và thẻ mở "
                    "“{open_raw}” khác tiền tố ({open_prefix} / {close_prefix}).",
                    "Dùng cùng tiền tố (p, tr, tc hoặc r) cho thẻ mở và thẻ đóng."),
    "DTL205": Entry("lint.tr-two-tables", "“{open_raw}” ở bảng {t1} nhưng “{close_raw}” ở bảng "
                    "{t2}: các dòng sẽ mất.", "Đặt thẻ mở và đóng {{%tr %}} trong cùng một bảng."),
    "DTL206": Entry("lint.tr-same-row", "“{open_raw}” và “{close_raw}” nằm cùng một dòng "
                    "(bảng {table}, dòng {row}).", "Đặt thẻ mở và thẻ đóng {{%tr %}} ở hai dòng "
                    "riêng, dòng dữ liệu ở giữa."),
    "DTL207": Entry("lint.tc-rows", "Khối {{%tc %}} “{open_raw}” … “{close_raw}” phải nằm "
                    "trong một dòng.", "Đặt thẻ mở và đóng {{%tc %}} trong cùng một dòng bảng."),
    "DTL208": Entry("lint.cell-tag-outside-table", "Thẻ “{raw}” chỉ dùng được trong ô bảng.",
                    "Đặt thẻ colspan/cellbg/vm/hm trong ô bảng cần định dạng."),
    "DTL209": Entry("lint.content-dropped", "“{raw}” thay cả {unit} bằng thẻ, nên “{rest}” "
                    "bên cạnh sẽ mất khỏi văn bản.", "Chuyển phần “{rest}” sang đoạn (hoặc dòng) "
                    "riêng."),
    "DTL210": Entry("lint.p-same-paragraph", "“{open_raw}” và “{close_raw}” nằm trong cùng "
                    "một đoạn.", "Đặt thẻ mở và thẻ đóng {{%p %}} ở hai đoạn riêng."),
    "DTL301": Entry("lint.missing-in-data", "Biến “{path}” không có trong dữ liệu.",
                    "Thêm trường này vào dữ liệu JSON, hoặc sửa tên biến trong mẫu."),
    "DTL302": Entry("lint.unused-field", "Trường “{key}” của dữ liệu không được mẫu dùng.",
                    "Bỏ trường thừa khỏi dữ liệu, hoặc đưa nó vào mẫu."),
    "DTL303": Entry("lint.loop-not-list", "Vòng lặp duyệt “{path}” nhưng trong dữ liệu đó là "
                    "{type}.", "Vòng lặp for cần một danh sách; kiểm tra tên biến."),
    "DTL304": Entry("lint.missing-in-schema", "Biến “{path}” không có trong hợp đồng dữ liệu "
                    "(JSON Schema) của mẫu.", "Sửa tên biến theo “vanban schema …”, hoặc bổ sung "
                    "trường vào mô hình dữ liệu."),
    "DTL305": Entry("lint.loop-not-list", "Vòng lặp duyệt “{path}” nhưng hợp đồng dữ liệu khai "
                    "báo kiểu {type}.", "Vòng lặp for cần một danh sách; kiểm tra tên biến."),
    "DTL306": Entry("lint.filter-not-list", "“{path}” là {type} nhưng bộ lọc “|{filter}” cần "
                    "danh sách.", "Kiểm tra tên biến hoặc bỏ bộ lọc."),
    "DTL307": Entry("lint.plain-value-rich-tag", "Thẻ “{raw}” cần đối tượng {object} nhưng "
                    "“{path}” là giá trị thường: docxtpl in ra rỗng.",
                    "Dùng {{{{ {path} }}}} thay cho {{{{r …}}}} / {{{{p …}}}}."),
    "DTL308": Entry("lint.unescaped", "“{path}” chứa “{char}” và được in mà không thoát ký tự.",
                    "vanban luôn bật autoescape; bỏ qua nếu chỉ dùng mẫu trong vanban."),
    "DTL401": Entry("lint.output-lost", "docxtpl điền “{raw}” nhưng giá trị không có trong "
                    "văn bản kết quả.", "Kiểm tra vị trí thẻ (đoạn, dòng bảng)."),
    "DTL402": Entry("lint.render-failed", "docxtpl không điền được mẫu: {error}.",
                    "Sửa lỗi được nêu rồi thử lại."),
}

#: vanban's own findings.
OWN: dict[str, Entry] = {
    "lint.sandbox": Entry("lint.sandbox", "Thẻ “{tag}” truy cập thuộc tính nội bộ (“{attr}”): "
                          "vanban chặn thao tác này và không bao giờ điền mẫu có nó.",
                          "Xóa thẻ; mẫu chỉ được đọc các trường dữ liệu."),
    "lint.style-unknown": Entry("lint.style-unknown", "Kiểu đoạn “{style}” không có trong khối "
                                "thể thức của vanban.", "Dùng một kiểu “VB …” có sẵn (VB Nội "
                                "dung, VB Mục I, VB Mục 1, VB Mục 1.1, VB Mục a, VB Bảng …)."),
    "lint.shell-part": Entry("lint.shell-part", "Thẻ “{tag}” nằm ở {part}, phần do khối thể "
                             "thức quản lý: mẫu nội dung bị đặt vào khối thể thức nên thẻ này "
                             "không bao giờ chạy.", "Xóa đầu trang/chân trang khỏi mẫu nội dung; "
                             "vanban tự in quốc hiệu, số trang …"),
    "lint.shell-owned": Entry("lint.shell-owned", "Mẫu nội dung tự in “{what}”, phần khối thể "
                              "thức đã in sẵn: văn bản sẽ có hai lần.",
                              "Xóa đoạn này khỏi mẫu nội dung."),
    "lint.needs-shell": Entry("lint.needs-shell", "Mẫu dùng kiểu “{style}” của khối thể thức "
                              "nhưng được điền như văn bản đầy đủ (có đầu trang riêng): văn bản "
                              "sẽ thiếu quốc hiệu, tên cơ quan, chữ ký, nơi nhận của khối thể "
                              "thức.",
                              "Bỏ đầu trang/chân trang để vanban đặt mẫu vào khối thể thức, "
                              "hoặc chọn --kind body."),
    "lint.unused-field": Entry("lint.unused-field", "Trường “{path}” có trong {source} nhưng "
                               "mẫu không dùng.", "Bỏ qua nếu cố ý; nếu không, thêm thẻ "
                               "{{{{ {expr} }}}} vào mẫu."),
}
