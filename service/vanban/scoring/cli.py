"""``vanban compute TEMPLATE INPUT.json``: the computed figures as JSON on stdout.

Exit 0 with the JSON; 2 when the input is invalid (every problem as ``path: message``) or the
template computes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser("compute", help="tính điểm, xếp hạng … của mẫu có tính toán (in JSON)")
    p.add_argument("template", help="mã mẫu, ví dụ bang-cham-diem, xep-hang-khoi-thi-dua")
    p.add_argument("input", help="tệp JSON, hoặc - để đọc từ stdin")
    p.add_argument("-o", "--output", default="-", help="tệp JSON ra (mặc định stdout)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from vanban.computed import compute

    data = sys.stdin.buffer.read() if args.input == "-" else Path(args.input).read_bytes()
    text = json.dumps(compute(args.template, data), ensure_ascii=False, indent=2) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, "utf-8")
        print(f"Đã ghi {args.output}", file=sys.stderr)
    return 0
