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
    if getattr(args, "for_signing", False):
        return _render_for_signing(data, out, getattr(args, "seal_mm", 36.0))
    if out == "-" or out.lower().endswith(".zip"):
        write_output(out, chain.render_zip(data))
        written = out
    else:
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in chain.render(data).items():
            write_output(str(folder / name), content)
        written = f"{folder}/ ({', '.join(sorted(p.name for p in folder.glob('*.docx')))})"
    if out != "-":
        print(f"Đã ghi {written}", file=sys.stderr)
    return 0


def _render_for_signing(data: bytes, out: str, seal_mm: float) -> int:
    """Every document as PDF/A ready to sign; each danh sách annex as its own attachment."""
    from vanban.kyso.prepare import ho_so_documents, ho_so_for_signing
    from vanban.pdf import converter

    if out == "-" or out.lower().endswith(".zip"):
        write_output(out, ho_so_for_signing(data, converter(), seal_mm=seal_mm))
        written = out
    else:
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        files = ho_so_documents(data, converter(), seal_mm=seal_mm)
        for name, content in files.items():
            write_output(str(folder / name), content)
        written = f"{folder}/ ({', '.join(files)})"
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
    p.add_argument("--for-signing", action="store_true",
                   help="các tệp PDF/A sẵn ô chữ ký số (danh sách kèm theo thành tệp riêng)")
    p.set_defaults(func=cmd_render_file)
