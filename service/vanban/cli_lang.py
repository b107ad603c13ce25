"""The language of the command line's help and usage errors: Vietnamese, or English.

Vietnamese unless asked otherwise: ``VANBAN_LANG=en`` (or ``vi``) decides; without it, the
locale does — the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set, English when it
starts with ``en`` (``en_US.UTF-8``), Vietnamese for anything else (``vi_VN``, ``C``, unset).

argparse writes its own words ("usage:", "positional arguments", "options", "show this help
message and exit", "the following arguments are required", "invalid choice" …) through
``gettext``; :func:`argparse_speaking` puts the Vietnamese of each in for the time a parser is
built and used. The help texts of vanban's arguments are written in Vietnamese where they are
declared; :data:`HELP_EN` holds their English, applied by :func:`localize` (a help text missing
from it is a test failure, ``tests/test_cli_help.py``).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager

from vanban.the_thuc.families import FAMILY_IDS

LANGUAGES = ("vi", "en")


def language(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    chosen = env.get("VANBAN_LANG", "").strip().lower()[:2]
    if chosen in LANGUAGES:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return "vi"


#: argparse's own messages (``gettext`` message ids of CPython's argparse) in Vietnamese.
ARGPARSE_VI: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "positional arguments": "đối số vị trí",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "in trợ giúp này rồi thoát",
    "show program's version number and exit": "in số phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu các đối số bắt buộc: %s",
    "unrecognized arguments: %s": "đối số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "expected one argument": "cần đúng một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn mơ hồ: %(option)s có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng đối số %s",
    "one of the arguments %s is required": "cần một trong các đối số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r (tùy chọn này không nhận giá trị)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    # Mistakes of a program declaring arguments, not of its user; translated all the same.
    "%r is not callable": "%r không gọi được",
    ".__call__() not defined": ".__call__() chưa định nghĩa",
    "'required' is an invalid argument for positionals":
        "'required' không dùng được cho đối số vị trí",
    'argument "-" with mode %r': 'đối số "-" với chế độ %r',
    "cannot have multiple subparser arguments": "không được có nhiều nhóm lệnh con",
    "cannot merge actions - two groups are named %r":
        "không gộp được: hai nhóm cùng tên %r",
    "conflicting option string: %s": "tùy chọn trùng: %s",
    "conflicting option strings: %s": "các tùy chọn trùng: %s",
    "conflicting subparser: %s": "lệnh con trùng: %s",
    "conflicting subparser alias: %s": "tên khác của lệnh con trùng: %s",
    "dest= is required for options like %r": "cần dest= cho tùy chọn như %r",
    "invalid conflict_resolution value: %r": "giá trị conflict_resolution không hợp lệ: %r",
    "mutually exclusive arguments must be optional":
        "các đối số loại trừ nhau phải là tùy chọn",
}


def _vi(message: str) -> str:
    return ARGPARSE_VI.get(message, message)


def _vi_plural(singular: str, plural: str, n: int) -> str:
    return _vi(singular if n == 1 else plural)


@contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """argparse's own words in ``lang`` while parsers are built, print help and report
    usage errors inside the block (argparse looks ``_``/``ngettext`` up when it writes)."""
    if lang != "vi":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _vi, _vi_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def help_texts(parser: argparse.ArgumentParser) -> Iterator[tuple[str, object, str]]:
    """Every help text of ``parser`` and its subcommands: (command, owner, attribute)."""
    yield parser.prog, parser, "description"
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield parser.prog, choice, "help"
            for sub in action.choices.values():
                yield from help_texts(sub)
            yield parser.prog, action, "help"
        elif action.help != argparse.SUPPRESS:
            yield parser.prog, action, "help"


def localize(parser: argparse.ArgumentParser, lang: str) -> argparse.ArgumentParser:
    """Each subcommand describes itself in its own ``--help`` (its one-line help), and every
    text is put in ``lang`` (English from :data:`HELP_EN`; argparse's own ``-h`` line is
    already in the language of :func:`argparse_speaking`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                sub = action.choices[choice.dest]
                if sub.description is None:
                    sub.description = choice.help
    if lang == "en":
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction) and action.metavar == "LỆNH":
                action.metavar = "COMMAND"
        for _prog, owner, attr in help_texts(parser):
            text = getattr(owner, attr)
            if text:
                setattr(owner, attr, HELP_EN.get(text, text))
    return parser


#: The English of every Vietnamese help text of the ``vanban`` command.
#: Help of the options that take a family: the ids come from the family table.
FAMILIES_HELP = "các thể thức mẫu dùng được (" + ", ".join(FAMILY_IDS) + "); mặc định tất cả"
CHECK_FAMILY_HELP = ("kiểm tra theo thể thức này (" + ", ".join(FAMILY_IDS)
                     + "); mặc định tự nhận")

HELP_EN: dict[str, str] = {
    "một trong các lệnh dưới đây; trợ giúp của từng lệnh: vanban LỆNH -h":
        "one of the commands below; each command's help: vanban COMMAND -h",
    "Dữ liệu thi đua, khen thưởng (JSON) → văn bản Word đúng thể thức.":
        "Emulation and commendation data (JSON) → Word documents in the official layout "
        "(thể thức).",
    "thư mục chứa thêm mẫu văn bản (lặp lại được; cộng với VANBAN_TEMPLATES_PATH)":
        "a folder of more document templates (repeatable; added to VANBAN_TEMPLATES_PATH)",
    "in lỗi dạng JSON (cho chương trình khác đọc)":
        "print errors as JSON (for other programs to read)",
    "điền dữ liệu vào mẫu, ghi .docx (hoặc .pdf)":
        "fill a template with data, write a .docx (or .pdf)",
    "lập cả hồ sơ khen thưởng (biên bản, báo cáo thành tích, tờ trình, quyết định) từ một "
    "tệp JSON":
        "make a whole commendation file (minutes, achievement reports, submission, decision) "
        "from one JSON file",
    "chỉ kiểm tra dữ liệu": "only check the data",
    "JSON Schema của dữ liệu đầu vào": "the JSON Schema of a template's input",
    "dữ liệu mẫu hợp lệ": "a valid sample input",
    "danh sách mẫu văn bản": "list the document templates",
    "tạo thư mục mẫu văn bản mới (chạy được ngay)":
        "create a new template folder (works at once)",
    "chạy dịch vụ web (mặc định 127.0.0.1:8000; Ctrl+C để dừng)":
        "run the web service (default 127.0.0.1:8000; Ctrl+C stops it)",
    "kiểm tra thể thức một tệp .docx": "check the layout (thể thức) of a .docx file",
    "tạo nhiều văn bản một lần (tệp .zip)": "make many documents at once (a .zip file)",
    "in cấu hình đang dùng (các biến VANBAN_*)":
        "print the settings in effect (the VANBAN_* variables)",
    "xử lý các lô văn bản từ hàng đợi Redis (VANBAN_REDIS_URL; Redis phải đang chạy: make "
    "worker)":
        "render queued batches from Redis (VANBAN_REDIS_URL; Redis must be running: make "
        "worker)",
    "tính điểm, xếp hạng … của mẫu có tính toán (in JSON)":
        "compute scores, rankings … of a computing template (prints JSON)",
    "tìm mọi lỗi trong một mẫu .docx (docxtpl)": "find every mistake in a .docx template "
                                                 "(docxtpl)",
    "xem trước mẫu .docx với dữ liệu (PDF, ảnh)":
        "preview a .docx template with data (PDF, images)",
    "mã mẫu văn bản, ví dụ bao-cao-thi-dua (xem: vanban templates); ho-so-khen-thuong cho "
    "cả một hồ sơ":
        "template id, e.g. bao-cao-thi-dua (see: vanban templates); ho-so-khen-thuong for a "
        "whole commendation file",
    "tệp JSON, hoặc - để đọc từ stdin": "a JSON file, or - to read stdin",
    "tệp ra (.docx/.pdf), thư mục (tên tệp theo số, ký hiệu, trích yếu), hoặc - cho stdout":
        "output file (.docx/.pdf), a folder (file named from number, ký hiệu, abstract), "
        "or - for stdout",
    "mặc định theo đuôi tệp ra": "default: from the output file's extension",
    "tệp JSON của hồ sơ, hoặc - để đọc từ stdin":
        "the commendation file's JSON, or - to read stdin",
    "tệp .zip, hoặc thư mục để ghi từng tệp .docx, hoặc - (zip ra stdout)":
        "a .zip file, or a folder for one .docx per document, or - (zip to stdout)",
    "mã mẫu văn bản, ví dụ bao-cao-thi-dua (xem: vanban templates)":
        "template id, e.g. bao-cao-thi-dua (see: vanban templates)",
    "tệp JSON cần kiểm tra, hoặc - để đọc từ stdin":
        "the JSON file to check, or - to read stdin",
    "mã mẫu, ví dụ thong-bao-ket-qua": "the new template's id, e.g. thong-bao-ket-qua",
    "thư mục cha (sẽ tạo DIR/<mã mẫu>)": "parent folder (DIR/<template id> is created)",
    "tên mẫu hiển thị cho người dùng": "the template's title shown to users",
    "tên loại văn bản in hoa, ví dụ “THÔNG BÁO”":
        "the document type's title in capitals, e.g. “THÔNG BÁO”",
    "chữ viết tắt loại văn bản, ví dụ TB": "the document type's abbreviation, e.g. TB",
    "địa chỉ lắng nghe; mặc định theo VANBAN_BIND (127.0.0.1)":
        "address to listen on; default from VANBAN_BIND (127.0.0.1)",
    "cổng; mặc định theo VANBAN_BIND (8000)": "port; default from VANBAN_BIND (8000)",
    "tệp .docx cần kiểm tra": "the .docx file to check",
    FAMILIES_HELP: "the layouts the template supports (" + ", ".join(FAMILY_IDS)
        + "); default all",
    CHECK_FAMILY_HELP: "check against this layout (" + ", ".join(FAMILY_IDS)
        + "); default: detected",
    "chuyển sang PDF (bộ chuyển đang cấu hình) và kiểm tra các trang in":
        "convert to PDF (the configured converter) and check the printed pages",
    "danh mục mã lỗi (mã, tiêu đề Việt/Anh, cách sửa)":
        "the catalogue of error codes (code, Vietnamese/English title, what to do)",
    "danh sách JSON {code, vi, en, …}": "a JSON list {code, vi, en, …}",
    "kết quả dạng JSON": "results as JSON",
    "tệp .json, tệp .jsonl (mỗi dòng một văn bản), thư mục, hoặc - (JSON Lines từ stdin)":
        ".json files, .jsonl files (one document per line), folders, or - (JSON Lines on "
        "stdin)",
    "tệp .zip ra, hoặc - cho stdout": "the output .zip, or - for stdout",
    "định dạng từng văn bản trong tệp .zip (mặc định docx; pdf, odt qua LibreOffice)":
        "format of each document in the .zip (default docx; pdf, odt through LibreOffice)",
    "số tiến trình tạo văn bản: tiến trình này cùng WORKERS − 1 tiến trình phụ (mặc định: "
    "mọi nhân CPU; 1 = chỉ tiến trình này)":
        "processes rendering: this one and WORKERS − 1 helpers (default: every CPU core; "
        "1 = this process only)",
    "không hiện thanh tiến độ": "no progress bar",
    "dạng JSON": "as JSON",
    "dừng khi hàng đợi trống": "stop when the queue is empty",
    "tên worker (mặc định: tự sinh)": "the worker's name (default: generated)",
    "mã mẫu, ví dụ bang-cham-diem, xep-hang-khoi-thi-dua":
        "template id, e.g. bang-cham-diem, xep-hang-khoi-thi-dua",
    "tệp JSON ra (mặc định stdout)": "output JSON file (default stdout)",
    "tệp mẫu .docx": "the .docx template file",
    "kiểm tra theo hợp đồng dữ liệu (JSON Schema) của mẫu đã cài":
        "check against the data contract (JSON Schema) of an installed template",
    "kiểm tra theo một tệp dữ liệu": "check against a data file",
    "mẫu nội dung (body) hay văn bản đầy đủ (full); mặc định tự nhận":
        "a body template (body) or a whole document (full); default: detected",
    "thể thức (cho mẫu nội dung)": "the layout (for a body template)",
    "ghi bản sao của mẫu có chú thích (comment) Word ở từng lỗi":
        "write a copy of the template with a Word comment at each mistake",
    "tệp dữ liệu JSON": "the JSON data file",
    "tệp ra: .pdf (hoặc .docx)": "output file: .pdf (or .docx)",
    "ghi ảnh từng trang (trang-1.png …) vào DIR": "write each page as an image "
                                                 "(trang-1.png …) into DIR",
    "thể thức bọc mẫu nội dung": "the layout around a body template",
    "mẫu đã cài mà dữ liệu theo (mặc định: tự tìm)":
        "the installed template the data follows (default: found)",
    "vẽ lại mỗi khi tệp mẫu hoặc tệp dữ liệu thay đổi":
        "redraw whenever the template or the data file changes",
    "chép một mẫu có sẵn ra thư mục của đơn vị để sửa trong Word (đặt thư mục vào "
    "VANBAN_TEMPLATES_PATH: thay mẫu có sẵn)":
        "copy a built-in template into the unit's folder to edit in Word (put the folder in "
        "VANBAN_TEMPLATES_PATH: it replaces the built-in one)",
    "ký số tệp PDF (PAdES) vào ô chữ ký theo Nghị định 30":
        "digitally sign a PDF (PAdES) in its signature field, as Decree 30 places it",
    "kiểm tra mọi chữ ký số trong tệp PDF": "verify every digital signature in a PDF",
    "tệp Excel của một mẫu, điền dữ liệu (mặc định: dữ liệu mẫu)":
        "a template's Excel workbook, filled with data (default: the sample data)",
    "đọc tệp Excel (.xlsx) hoặc .csv thành dữ liệu JSON":
        "read an Excel (.xlsx) or .csv file into JSON data",
    "lấy lại dữ liệu đã dùng để tạo một tệp .docx của vanban":
        "get back the data a vanban .docx was made from",
    "xuất PDF/A để ký số, có sẵn ô chữ ký người ký và ô con dấu đặt theo Nghị định 30 (với "
    "ho-so-khen-thuong: tệp .zip các PDF)":
        "write a PDF/A to be signed, with the signer's and the seal's signature fields placed "
        "as Decree 30 says (ho-so-khen-thuong: a .zip of PDFs)",
    "đường kính thật của con dấu, mm (mặc định 36; với --for-signing)":
        "the seal's real diameter, mm (default 36; with --for-signing)",
    "các tệp PDF/A sẵn ô chữ ký số (danh sách kèm theo thành tệp riêng)":
        "PDF/A files with their signature fields (the annexed list as a file of its own)",
    "mã mẫu có sẵn, ví dụ bao-cao-thi-dua": "a built-in template's id, e.g. bao-cao-thi-dua",
    "mã mới: thêm mẫu bên cạnh thay vì thay mẫu có sẵn":
        "a new id: add the template beside the built-in one instead of replacing it",
    "tệp PDF (xuất bằng render … --for-signing), hoặc -":
        "the PDF (written by render … --for-signing), or -",
    "tệp PDF đã ký, hoặc -": "the signed PDF, or -",
    "chữ ký số của cơ quan (ô DauCoQuan, ảnh con dấu)":
        "the agency's digital signature (field DauCoQuan, image of the seal)",
    "chữ ký số của cơ quan trên văn bản kèm theo (góc trên bên phải trang đầu, không hình "
    "ảnh)":
        "the agency's digital signature on an annexed document (top right of the first page, "
        "no image)",
    "số, ký hiệu văn bản chính (với --attachment; mặc định lấy từ siêu dữ liệu tệp)":
        "number and ký hiệu of the main document (with --attachment; default: from the file's "
        "metadata)",
    "tên ô chữ ký (mặc định NguoiKy, DauCoQuan hoặc DauCoQuan_VanBanKem)":
        "the signature field's name (default NguoiKy, DauCoQuan or DauCoQuan_VanBanKem)",
    "ảnh PNG nền trong suốt: chữ ký (màu xanh) hoặc con dấu (màu đỏ, kích thước thật)":
        "a PNG with a transparent background: the signature (blue) or the seal (red, real "
        "size)",
    "tệp khóa PKCS#12 (.p12/.pfx)": "the PKCS#12 key file (.p12/.pfx)",
    "tên biến môi trường chứa mật khẩu tệp .p12 (không ghi mật khẩu lên dòng lệnh)":
        "name of the environment variable holding the .p12 password (never on the command "
        "line)",
    "thư viện PKCS#11 của token/HSM, ví dụ /usr/lib/softhsm/libsofthsm2.so":
        "the token's/HSM's PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so",
    "nhãn token PKCS#11": "the PKCS#11 token's label",
    "nhãn khóa và chứng thư trên token": "label of the key and certificate on the token",
    "tên biến môi trường chứa mã PIN token":
        "name of the environment variable holding the token's PIN",
    "địa chỉ dịch vụ cấp dấu thời gian (PAdES B-T)": "URL of the time-stamping service "
                                                     "(PAdES B-T)",
    "chứng thư gốc tin cậy (lặp lại được); mặc định: kho của hệ thống":
        "a trusted root certificate (repeatable); default: the system's store",
    "tệp JSON dữ liệu (- để đọc stdin)": "the JSON data file (- to read stdin)",
    "tệp .xlsx ghi ra (- cho stdout)": "the .xlsx to write (- for stdout)",
    "tệp JSON ghi ra (mặc định stdout)": "the JSON file to write (default stdout)",
    "chỉ ghi phần dữ liệu (dùng ngay cho vanban render)":
        "write only the data (ready for vanban render)",
    "tệp .xlsx hoặc .csv cần đọc": "the .xlsx or .csv file to read",
    "tệp .docx do vanban tạo": "a .docx made by vanban",
}
