"""``vanban xlsx | import | reopen``: the clerk's files on the command line.

* ``vanban xlsx <id> [data.json] -o file.xlsx`` — the Excel workbook of a template, filled with
  the data (default: the template's example);
* ``vanban import <id> file.xlsx -o data.json`` — the workbook (or a .csv of one list) read
  back into JSON; every problem is printed with its sheet, row and column;
* ``vanban reopen file.docx [-o data.json]`` — the input a vanban .docx was made from, as
  ``{"template", "version", "data"}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from vanban.streams import write_output


def _write_json(out: str, value: Any) -> None:
    write_output(out, (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode())


def cmd_reopen(args: argparse.Namespace) -> int:
    from vanban.render import embed

    found = embed.read(Path(args.file).read_bytes())
    _write_json(args.output, found if not args.data_only else found["data"])
    return 0


def cmd_xlsx(args: argparse.Namespace) -> int:
    import vanban
    from vanban.model import json_input
    from vanban.workbook import write

    vanban.templates.REGISTRY.get(args.template)
    if args.input:
        raw = sys.stdin.buffer.read() if args.input == "-" else Path(args.input).read_bytes()
        data = json_input.loads(raw)
    else:
        data = vanban.example(args.template)
    content = write.workbook_bytes(args.template, data)
    write_output(args.output, content)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    import vanban
    from vanban.workbook import read

    vanban.templates.REGISTRY.get(args.template)
    path = Path(args.file)
    data = read.read_upload(args.template, path.read_bytes(), path.name)
    _write_json(args.output, data)
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("xlsx", help="tệp Excel của một mẫu, điền dữ liệu (mặc định: dữ liệu mẫu)")
    p.add_argument("template", help="mã mẫu văn bản, ví dụ bao-cao-thi-dua (xem: vanban templates)")
    p.add_argument("input", nargs="?", help="tệp JSON dữ liệu (- để đọc stdin)")
    p.add_argument("-o", "--output", required=True, help="tệp .xlsx ghi ra (- cho stdout)")
    p.set_defaults(func=cmd_xlsx)

    p = sub.add_parser("import", help="đọc tệp Excel (.xlsx) hoặc .csv thành dữ liệu JSON")
    p.add_argument("template", help="mã mẫu văn bản, ví dụ bao-cao-thi-dua (xem: vanban templates)")
    p.add_argument("file", help="tệp .xlsx hoặc .csv cần đọc")
    p.add_argument("-o", "--output", default="-", help="tệp JSON ghi ra (mặc định stdout)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("reopen", help="lấy lại dữ liệu đã dùng để tạo một tệp .docx của vanban")
    p.add_argument("file", help="tệp .docx do vanban tạo")
    p.add_argument("-o", "--output", default="-", help="tệp JSON ghi ra (mặc định stdout)")
    p.add_argument("--data-only", action="store_true",
                   help="chỉ ghi phần dữ liệu (dùng ngay cho vanban render)")
    p.set_defaults(func=cmd_reopen)
