"""``vanban render-file FILE.json -o hoso.zip`` (or ``-o thu-muc/``): every document of a
commendation file at once — a .zip, or one .docx per document in a folder. ``vanban render
ho-so-khen-thuong FILE.json -o hoso.zip`` does the same."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vanban.streams import read_input, write_output

#: The id under which ``vanban render`` and the API accept a whole file.
FILE_ID = "ho-so-khen-thuong"


def cmd_render_file(args: argparse.Namespace) -> int:
    from vanban.ho_so import chain

    data = read_input(args.input)
    out: str = args.output
    if out == "-" or out.lower().endswith(".zip"):
        write_output(out, chain.render_zip(data))
        written = out
    else:
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in chain.render(data).items():
            (folder / name).write_bytes(content)
        written = f"{folder}/ ({', '.join(sorted(p.name for p in folder.glob('*.docx')))})"
    if out != "-":
        print(f"Đã ghi {written}", file=sys.stderr)
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "render-file",
        help="lập cả hồ sơ khen thưởng (biên bản, báo cáo thành tích, tờ trình, quyết định) "
        "từ một tệp JSON")
    p.add_argument("input", help="tệp JSON của hồ sơ, hoặc - để đọc từ stdin")
    p.add_argument("-o", "--output", required=True,
                   help="tệp .zip, hoặc thư mục để ghi từng tệp .docx, hoặc - (zip ra stdout)")
    p.set_defaults(func=cmd_render_file)
