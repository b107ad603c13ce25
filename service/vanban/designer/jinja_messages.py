"""Jinja's (and Python's) error messages in Vietnamese, each with what to do.

    vi, fix = jinja_messages.translate("'nguoi_lap' is undefined")
    # ("Biến “nguoi_lap” không có trong dữ liệu.", "Thêm trường “nguoi_lap” …")

The English original stays in the problem's ``message_en``. The table covers the messages a
template author meets (Jinja 3.1's lexer, parser and runtime, and the TypeErrors a wrong value
type gives); anything else says so in Vietnamese and keeps the English beside it.
"""

from __future__ import annotations

import re

_TAGS = {"endfor": "{% endfor %}", "endif": "{% endif %}", "else": "{% else %}",
         "elif": "{% elif … %}", "endset": "{% endset %}", "endmacro": "{% endmacro %}"}


#: Jinja's names of tokens, as the designer types them.
_TOKENS = {"end of print statement": "}}", "end of statement block": "%}",
           "begin of print statement": "{{", "begin of statement block": "{%",
           "end of template": "hết mẫu", "name": "tên biến", "integer": "số", "string": "chuỗi"}


def _token(name: str) -> str:
    return _TOKENS.get(name, name)


def _tags(text: str) -> str:
    names = re.findall(r"'(\w+)'", text)
    return " hoặc ".join(f"“{_TAGS.get(n, '{% ' + n + ' %}')}”" for n in names)


#: (pattern over the English message, Vietnamese message, what to do); groups by name.
TABLE: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"^'(?P<name>[^']+)' is undefined"),
     "Biến “{name}” không có trong dữ liệu.",
     "Thêm trường “{name}” vào dữ liệu JSON, sửa tên biến trong mẫu, hoặc viết "
     "{{{{ {name}|default('') }}}}."),
    (re.compile(r"^'(?P<obj>[^']+)' has no attribute '(?P<name>[^']+)'"),
     "Giá trị ({obj}) không có trường “{name}”.",
     "Kiểm tra tên trường “{name}” theo dữ liệu, hoặc viết …|default('')."),
    (re.compile(r"^Unexpected end of template\. Jinja was looking for the following tags: "
                r"(?P<tags>.*?)\. The innermost block that needs to be closed is '(?P<kw>\w+)'"),
     "Khối “{{% {kw} %}}” không được đóng: mẫu hết mà chưa gặp {tags_vi}.",
     "Thêm thẻ đóng “{{% end{kw} %}}” (cùng tiền tố p/tr/tc với thẻ mở) ở đúng chỗ."),
    (re.compile(r"^Encountered unknown tag '(?P<tag>\w+)'\. Jinja was looking for the "
                r"following tags: (?P<tags>.*?)\. The innermost block that needs to be closed "
                r"is '(?P<kw>\w+)'"),
     "Thẻ “{{% {tag} %}}” không đúng chỗ: khối “{{% {kw} %}}” đang mở cần {tags_vi} trước.",
     "Đóng khối “{{% {kw} %}}” trước, hoặc sửa thứ tự các thẻ lồng nhau."),
    (re.compile(r"^Encountered unknown tag '(?P<tag>end\w+|else|elif)'"),
     "Thẻ “{{% {tag} %}}” không có thẻ mở tương ứng.",
     "Xóa thẻ thừa hoặc thêm thẻ mở (for/if) trước nó."),
    (re.compile(r"^Encountered unknown tag '(?P<tag>\w+)'"),
     "Jinja không có thẻ “{{% {tag} %}}”.",
     "Sửa từ khóa (for, if, elif, else, set, endfor, endif …); với docxtpl viết liền "
     "tiền tố: {{%p …%}}, {{%tr …%}}."),
    (re.compile(r"^unexpected '(?P<char>[^']+)'"),
     "Gặp “{char}” không đúng chỗ: thẻ chưa viết xong hoặc thừa ký tự.",
     "Xem lại ngoặc của thẻ: {{{{ … }}}} cho giá trị, {{% … %}} cho lệnh."),
    (re.compile(r"^unexpected char (?P<char>.+) at (?P<pos>\d+)"),
     "Ký tự {char} không được dùng trong thẻ.",
     "Xóa ký tự đó; trong Word, tắt tự động đổi dấu nháy (“ ” thành \" \")."),
    (re.compile(r"^expected token 'end of print statement', got '(?P<got>[^']+)'"),
     "Thẻ {{{{ … }}}} chưa đóng trước “{got}” (thiếu “}}}}” hoặc thừa chữ).",
     "Đóng thẻ bằng “}}}}” ngay sau tên biến; mỗi thẻ chỉ chứa một biểu thức."),
    (re.compile(r"^expected token 'end of statement block', got '(?P<got>[^']+)'"),
     "Thẻ {{% … %}} chưa đóng trước “{got}” (thiếu “%}}” hoặc thừa chữ).",
     "Đóng thẻ bằng “%}}”; kiểm tra cú pháp lệnh (ví dụ {{% for x in ds %}})."),
    (re.compile(r"^expected token '(?P<want>[^']+)', got '(?P<got>[^']+)'"),
     "Thẻ sai cú pháp: cần “{want}” nhưng gặp “{got}”.",
     "Sửa biểu thức trong thẻ (ngoặc, dấu nháy, từ khóa)."),
    (re.compile(r"^Expected an expression, got '(?P<got>[^']+)'"),
     "Thẻ thiếu biểu thức (gặp “{got}”), ví dụ {{% if %}} không có điều kiện.",
     "Viết biểu thức sau từ khóa, ví dụ {{% if x %}} hoặc {{{{ ten }}}}."),
    (re.compile(r"^unexpected end of template, expected '(?P<want>[^']+)'"),
     "Mẫu hết giữa chừng một thẻ (cần “{want}”).",
     "Đóng thẻ cho đủ cặp ngoặc."),
    (re.compile(r"^Missing end of comment tag"),
     "Chú thích “{{#” không được đóng bằng “#}}”.", "Thêm “#}}” hoặc xóa “{{#”."),
    (re.compile(r"^unexpected end of template"),
     "Mẫu hết giữa chừng một thẻ.", "Đóng thẻ cho đủ cặp ngoặc."),
    (re.compile(r"^tag name expected"),
     "Thẻ “{{% %}}” không có tên lệnh.", "Viết lệnh sau “{{%”, ví dụ {{% if x %}}."),
    (re.compile(r"^No filter named '(?P<name>[^']+)'"),
     "Bộ lọc “|{name}” không tồn tại.",
     "Dùng bộ lọc có sẵn của Jinja (upper, lower, default, join, length …)."),
    (re.compile(r"^No test named '(?P<name>[^']+)'"),
     "Phép thử “is {name}” không tồn tại.",
     "Dùng phép thử có sẵn của Jinja (defined, none, number, string …)."),
    (re.compile(r"^'(?P<obj>[^']+)' object is not iterable"),
     "Vòng lặp duyệt một giá trị không phải danh sách ({obj}).",
     "Vòng lặp for cần một danh sách; kiểm tra tên biến."),
    (re.compile(r"^'(?P<obj>[^']+)' object is not callable"),
     "Mẫu gọi một giá trị không phải hàm ({obj}).", "Bỏ dấu ngoặc “()” sau tên biến."),
    (re.compile(r"^unsupported operand type\(s\) for (?P<op>\S+): '(?P<a>[^']+)' and "
                r"'(?P<b>[^']+)'"),
     "Phép “{op}” không làm được giữa {a} và {b}.",
     "Kiểm tra kiểu dữ liệu (số hay chữ), hoặc dùng bộ lọc |int, |string."),
    (re.compile(r"^'(?P<op>[<>]=?)' not supported between instances of '(?P<a>[^']+)' and "
                r"'(?P<b>[^']+)'"),
     "Không so sánh “{op}” được giữa {a} và {b}.",
     "Kiểm tra kiểu dữ liệu (số hay chữ), hoặc dùng bộ lọc |int."),
    (re.compile(r'^can only concatenate (?P<a>\w+) \(not "(?P<b>\w+)"\) to'),
     "Không nối được {a} với {b} bằng “+”.",
     "Dùng “~” để nối chữ ({{{{ a ~ b }}}}), hoặc đổi kiểu bằng |int, |string."),
    (re.compile(r"^(?:list|string|tuple) index out of range"),
     "Chỉ số vượt quá số phần tử của danh sách.",
     "Kiểm tra độ dài danh sách (|length) trước khi lấy phần tử."),
    (re.compile(r"^division by zero"),
     "Phép chia cho 0.", "Kiểm tra số chia trước khi chia ({{% if n %}} …)."),
]


def translate(message: str) -> tuple[str, str]:
    """(Vietnamese message, what to do) for a Jinja or Python error message."""
    text = re.sub(r"^\w+(?:Error|Exception): ", "", (message or "").strip())
    for pattern, vi, fix in TABLE:
        m = pattern.search(text)
        if m:
            params = {k: _token(v or "") for k, v in m.groupdict().items()}
            if "tags" in params:
                params["tags_vi"] = _tags(params["tags"])
            return vi.format(**params), fix.format(**params)
    return (f"Mẫu không điền được (thông báo gốc của Jinja: “{text}”).",
            "Sửa thẻ ở đoạn được chỉ ra rồi thử lại.")
