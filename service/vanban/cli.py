"""Command line: ``vanban render | validate | schema | example | templates | serve | check-format |
batch | compute | config | worker | sign | verify | xlsx | import | reopen`` (and the
designer's ``lint`` / ``preview``, in :mod:`vanban.designer.cli`; the clerk's files in
:mod:`vanban.workbook.cli`).

Help (``-h``) and usage errors are in Vietnamese — argparse's own words too — or in English
with ``VANBAN_LANG=en`` or an English locale (see :mod:`vanban.cli_lang`).

Exit codes: 0 success; 1 the checked document has layout errors (check-format); 2 invalid
input or unreadable file — every problem is printed as ``path: message``, nothing written;
130 stopped with Ctrl+C (a file being written keeps its old content).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from vanban import outputs
from vanban.cli_lang import CHECK_FAMILY_HELP, FAMILIES_HELP
from vanban.config import ConfigError
from vanban.errors import InputError, VanbanError
from vanban.streams import read_input as _read_input
from vanban.streams import write_output as _write
from vanban.the_thuc.families import FAMILY_IDS


def _print_problems(exc: VanbanError, as_json: bool) -> None:
    if as_json:
        print(json.dumps(exc.to_dict(), ensure_ascii=False, indent=2), file=sys.stderr)
        return
    print(f"{exc.title}:", file=sys.stderr)
    for p in exc.problems:
        if p.path and p.path in p.message:  # "dòng 3, cột 15" is already in the sentence
            print(f"  {p.message}", file=sys.stderr)
        else:
            print(f"  {p.path or '(gốc)'}: {p.message}", file=sys.stderr)


def cmd_render(args: argparse.Namespace) -> int:
    from vanban import pipeline
    from vanban.ho_so.cli import FILE_ID, cmd_render_file

    if args.template == FILE_ID:  # a whole commendation file → .zip or a folder
        return cmd_render_file(args)
    if args.for_signing:
        return cmd_render_for_signing(args)
    out = args.output
    folder = out != "-" and Path(out).is_dir()
    output = outputs.get(args.format) if folder or out == "-" else outputs.for_path(
        out, args.format)  # before rendering: a wrong extension costs nothing
    result = pipeline.run(args.template, _read_input(args.input))
    if folder:  # name the file from số, ký hiệu, abstract
        out = str(Path(out) / output.filename(result.stem))
    if output.converted:
        from vanban.pdf import one_shot

        _write(out, output.convert(result.docx, one_shot()))
    else:
        _write(out, result.docx)
    if out != "-":
        print(f"Đã ghi {out}", file=sys.stderr)
    return 0


def cmd_render_for_signing(args: argparse.Namespace) -> int:
    """``render … --for-signing``: PDF/A with the empty signature fields of Nghị định 30."""
    from vanban.kyso.errors import error
    from vanban.kyso.prepare import for_signing
    from vanban.pdf import one_shot

    if args.format == "docx":
        raise error("kyso.format", "--format", "Bản để ký số là tệp PDF; bỏ --format docx.",
                    "--for-signing makes a PDF; drop --format docx")
    ready = for_signing(args.template, _read_input(args.input), one_shot(),
                        seal_mm=args.seal_mm)
    out = args.output
    if out != "-" and Path(out).is_dir():
        out = str(Path(out) / ready.filename)
    _write(out, ready.pdf)
    if out != "-":
        names = ", ".join(f"{p.name} (trang {p.page + 1})" for p in ready.places)
        print(f"Đã ghi {out} (PDF/A, ô chữ ký: {names})", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    import vanban

    vanban.validate(args.template, _read_input(args.input))
    print("Dữ liệu hợp lệ.", file=sys.stderr)
    return 0


def _dump(obj: Any) -> int:
    print(json.dumps(obj, ensure_ascii=False, indent=2))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    import vanban

    return _dump(vanban.schema(args.template))


def cmd_example(args: argparse.Namespace) -> int:
    import vanban

    return _dump(vanban.example(args.template))


def cmd_errors(args: argparse.Namespace) -> int:
    """The error-code catalogue: a table, or with ``--json`` a list of
    ``{code, vi, en, http, lam_gi}``."""
    from vanban.error_codes import catalogue

    entries = list(catalogue().values())
    if args.json:
        return _dump([e.to_dict() for e in entries])
    width = max(len(e.code) for e in entries)
    for e in entries:
        print(f"{e.code:<{width}}  {e.vi}" + (f" — {e.lam_gi}" if e.lam_gi else ""))
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    import vanban
    from vanban.templates import REGISTRY

    for p in REGISTRY.problems:  # broken folders: said, and the others still listed
        print(f"Cảnh báo: {p.message}", file=sys.stderr)
    for tid, builtin in REGISTRY.overridden.items():
        print(f"Mẫu “{tid}” ở “{REGISTRY.get(tid).folder}” thay cho mẫu có sẵn "
              f"(“{builtin.folder}”).", file=sys.stderr)
    return _dump(vanban.list_templates())


def cmd_new_template(args: argparse.Namespace) -> int:
    from vanban.scaffold import new_template

    folder = new_template(Path(args.dir), args.template_id, title=args.title,
                          loai_van_ban=args.loai, viet_tat=args.viet_tat,
                          families=args.families or None)
    print(f"Đã tạo mẫu “{args.template_id}” ở {folder}. Dùng: vanban --templates-dir "
          f"{folder.parent} render {args.template_id} {folder / 'example.json'} -o thu.docx",
          file=sys.stderr)
    return 0


def cmd_eject(args: argparse.Namespace) -> int:
    from vanban.designer.eject import eject

    folder = eject(args.template_id, Path(args.dir), args.id)
    what = f"mẫu mới “{args.id}”" if args.id else f"thay cho mẫu có sẵn “{args.template_id}”"
    print(f"Đã ghi {folder} ({what}). Sửa {folder / 'template.docx'} trong Word, rồi: "
          f"VANBAN_TEMPLATES_PATH={folder.parent} vanban templates", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from vanban.ops.config_cli import require_settings
    from vanban.web import serve

    settings = require_settings()
    host, _, port = settings.bind.split(",")[0].strip().rpartition(":")
    serve(host=args.host or host.strip("[]") or "127.0.0.1",
          port=args.port if args.port is not None else int(port or 8000))
    return 0


def cmd_check_format(args: argparse.Namespace) -> int:
    from vanban.check.cli import run

    return run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vanban",
        description="Dữ liệu thi đua, khen thưởng (JSON) → văn bản Word đúng thể thức.")
    parser.add_argument("--templates-dir", action="append", default=[], metavar="DIR",
                        help="thư mục chứa thêm mẫu văn bản (lặp lại được; cộng với "
                        "VANBAN_TEMPLATES_PATH)")
    parser.add_argument("--json-errors", action="store_true",
                        help="in lỗi dạng JSON (cho chương trình khác đọc)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH",
                                help="một trong các lệnh dưới đây; trợ giúp của từng lệnh: "
                                "vanban LỆNH -h")

    p = sub.add_parser("render", help="điền dữ liệu vào mẫu, ghi .docx (hoặc .pdf)")
    p.add_argument("template", help="mã mẫu văn bản, ví dụ bao-cao-thi-dua (xem: vanban "
                   "templates); ho-so-khen-thuong cho cả một hồ sơ")
    p.add_argument("input", help="tệp JSON, hoặc - để đọc từ stdin")
    p.add_argument("-o", "--output", required=True,
                   help="tệp ra (.docx/.pdf), thư mục (tên tệp theo số, ký hiệu, trích yếu), "
                   "hoặc - cho stdout")
    p.add_argument("--format", choices=outputs.NAMES, help="mặc định theo đuôi tệp ra")
    p.add_argument("--for-signing", action="store_true",
                   help="xuất PDF/A để ký số, có sẵn ô chữ ký người ký và ô con dấu đặt theo "
                   "Nghị định 30 (với ho-so-khen-thuong: tệp .zip các PDF)")
    p.add_argument("--seal-mm", type=float, default=36.0, metavar="MM",
                   help="đường kính thật của con dấu, mm (mặc định 36; với --for-signing)")
    p.set_defaults(func=cmd_render)

    from vanban.ho_so.cli import add_parser as add_render_file
    add_render_file(sub)

    p = sub.add_parser("validate", help="chỉ kiểm tra dữ liệu")
    p.add_argument("template", help="mã mẫu văn bản, ví dụ bao-cao-thi-dua (xem: vanban templates)")
    p.add_argument("input", help="tệp JSON cần kiểm tra, hoặc - để đọc từ stdin")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="JSON Schema của dữ liệu đầu vào")
    p.add_argument("template", help="mã mẫu văn bản, ví dụ bao-cao-thi-dua (xem: vanban templates)")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("example", help="dữ liệu mẫu hợp lệ")
    p.add_argument("template", help="mã mẫu văn bản, ví dụ bao-cao-thi-dua (xem: vanban templates)")
    p.set_defaults(func=cmd_example)

    p = sub.add_parser("templates", help="danh sách mẫu văn bản")
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("eject", help="chép một mẫu có sẵn ra thư mục của đơn vị để sửa trong "
                       "Word (đặt thư mục vào VANBAN_TEMPLATES_PATH: thay mẫu có sẵn)")
    p.add_argument("template_id", help="mã mẫu có sẵn, ví dụ bao-cao-thi-dua")
    p.add_argument("dir", help="thư mục cha (sẽ tạo DIR/<mã mẫu>)")
    p.add_argument("--id", help="mã mới: thêm mẫu bên cạnh thay vì thay mẫu có sẵn")
    p.set_defaults(func=cmd_eject)

    p = sub.add_parser("new-template", help="tạo thư mục mẫu văn bản mới (chạy được ngay)")
    p.add_argument("template_id", help="mã mẫu, ví dụ thong-bao-ket-qua")
    p.add_argument("-d", "--dir", required=True, help="thư mục cha (sẽ tạo DIR/<mã mẫu>)")
    p.add_argument("--title", required=True, help="tên mẫu hiển thị cho người dùng")
    p.add_argument("--loai", required=True, help="tên loại văn bản in hoa, ví dụ “THÔNG BÁO”")
    p.add_argument("--viet-tat", default="", help="chữ viết tắt loại văn bản, ví dụ TB")
    p.add_argument("--families", nargs="+", choices=FAMILY_IDS,
                   help=FAMILIES_HELP)
    p.set_defaults(func=cmd_new_template)

    p = sub.add_parser("serve", help="chạy dịch vụ web (mặc định 127.0.0.1:8000; "
                       "Ctrl+C để dừng)")
    p.add_argument("--host", help="địa chỉ lắng nghe; mặc định theo VANBAN_BIND (127.0.0.1)")
    p.add_argument("--port", type=int, help="cổng; mặc định theo VANBAN_BIND (8000)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("errors", help="danh mục mã lỗi (mã, tiêu đề Việt/Anh, cách sửa)")
    p.add_argument("--json", action="store_true", help="danh sách JSON {code, vi, en, …}")
    p.set_defaults(func=cmd_errors)

    p = sub.add_parser("check-format", help="kiểm tra thể thức một tệp .docx")
    p.add_argument("file", help="tệp .docx cần kiểm tra")
    p.add_argument("--the-thuc", choices=FAMILY_IDS,
                   help=CHECK_FAMILY_HELP)
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.add_argument("--pages", action="store_true",
                   help="chuyển sang PDF (bộ chuyển đang cấu hình) và kiểm tra các trang in")
    p.set_defaults(func=cmd_check_format)

    from vanban.batch.cli import add_parser as add_batch_parser
    from vanban.jobs.cli import add_parser as add_worker
    from vanban.ops.config_cli import add_parser as add_config

    add_batch_parser(sub)
    add_config(sub)
    add_worker(sub)

    from vanban.scoring.cli import add_parser as add_compute

    add_compute(sub)

    from vanban.kyso.cli import add_parsers as add_kyso

    add_kyso(sub)

    from vanban.workbook.cli import add_parsers as add_clerk_files

    add_clerk_files(sub)

    from vanban.designer.cli import add_lint_args, add_preview_args

    add_lint_args(sub.add_parser("lint", help="tìm mọi lỗi trong một mẫu .docx (docxtpl)"))
    add_preview_args(sub.add_parser("preview", help="xem trước mẫu .docx với dữ liệu (PDF, ảnh)"))
    return parser


def _quiet_closed_stdout() -> int:
    """The reader of our output went away (``vanban … | head``): stop without a word.

    Later writes (and the interpreter's final flush) go to /dev/null instead of raising."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141  # 128 + SIGPIPE, what a shell reports for a writer cut off by `head`


def parse(argv: list[str] | None = None, lang: str | None = None) -> argparse.Namespace:
    """Parse the command line; help and usage errors in Vietnamese, or in English with
    ``VANBAN_LANG=en`` or an English locale (:mod:`vanban.cli_lang`)."""
    from vanban.cli_lang import argparse_speaking, language, localize

    lang = lang or language()
    with argparse_speaking(lang):
        return localize(build_parser(), lang).parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.templates_dir:
        from vanban.templates import REGISTRY

        for folder in args.templates_dir:
            REGISTRY.add_root(Path(folder))
    try:
        code = _run(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _quiet_closed_stdout()
    except KeyboardInterrupt:  # Ctrl+C: files being written are left as they were
        print("\nĐã dừng (Ctrl+C).", file=sys.stderr)
        return 130  # 128 + SIGINT, what a shell reports


def _run(args: argparse.Namespace) -> int:
    try:
        return args.func(args)
    except BrokenPipeError:
        raise
    except InputError as exc:
        _print_problems(exc, args.json_errors)
        return 2
    except ConfigError as exc:
        from vanban.ops.config_cli import print_config_error

        print_config_error(exc)
        return 2
    except VanbanError as exc:
        _print_problems(exc, args.json_errors)
        return 2 if exc.status < 500 else 3
    except OSError as exc:
        print(f"Không đọc/ghi được tệp: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # python -m vanban.cli; the console script is vanban.program:run
    sys.exit(main())
