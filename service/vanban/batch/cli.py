"""``vanban batch TEMPLATE inputs… -o out.zip``: many documents in one zip.

Inputs are JSON files (one document each), JSON Lines files (``.jsonl``/``.ndjson``, one per
line), folders (their ``.json``/``.jsonl`` files, recursively, sorted) or ``-`` (JSON Lines on
stdin). The zip holds the documents (named from số, ký hiệu and abstract, unique) and
``errors.json`` listing every input that could not be made, with its problems; those are
printed too. Exit status: 0 all made, 2 some inputs invalid (the zip still holds the others),
3 nothing could be converted (no PDF converter). A progress bar goes to stderr when it is a
terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vanban import outputs
from vanban.batch.archive import write_zip
from vanban.batch.engine import BatchItem, iter_batch
from vanban.batch.inputs import read_paths
from vanban.streams import new_file


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="tạo nhiều văn bản một lần (tệp .zip)")
    p.add_argument("template", help="mã mẫu văn bản, ví dụ bao-cao-thi-dua (xem: vanban "
                   "templates)")
    p.add_argument("inputs", nargs="+",
                   help="tệp .json, tệp .jsonl (mỗi dòng một văn bản), thư mục, hoặc - (JSON "
                   "Lines từ stdin)")
    p.add_argument("-o", "--output", required=True, help="tệp .zip ra, hoặc - cho stdout")
    p.add_argument("--format", choices=outputs.NAMES, default=outputs.DEFAULT.name,
                   help="định dạng từng văn bản trong tệp .zip (mặc định docx; pdf, odt qua "
                   "LibreOffice)")
    p.add_argument("--workers", type=int, default=None,
                   help="số tiến trình tạo văn bản: tiến trình này cùng WORKERS − 1 tiến "
                   "trình phụ (mặc định: mọi nhân CPU; 1 = chỉ tiến trình này)")
    p.add_argument("--no-progress", action="store_true", help="không hiện thanh tiến độ")
    p.set_defaults(func=run)


class _NoBar:
    """What :func:`run` uses of a progress bar, when none is shown (stderr is not a terminal,
    or ``--no-progress``): tqdm is then not even imported (start-up counts in a batch)."""

    def update(self, n: int = 1) -> None:
        pass

    def write(self, text: str, file: Any = None) -> None:
        print(text, file=file or sys.stderr)

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(args: argparse.Namespace, total: int | None):  # noqa: ANN202
    if args.no_progress or not sys.stderr.isatty():
        return _NoBar()
    from tqdm import tqdm

    # No monitor thread: a second thread would make the batch pool start through a fork server
    # (which compiles every installed template first) instead of a plain fork.
    tqdm.monitor_interval = 0
    return tqdm(total=total, unit=" văn bản", file=sys.stderr, dynamic_ncols=True)


def _count(inputs: list[str]) -> int | None:
    """How many documents, when that is cheap to know (only .json files and folders)."""
    from vanban.batch.inputs import JSONL_SUFFIXES

    n = 0
    for raw in inputs:
        path = Path(raw)
        if raw == "-" or path.suffix.lower() in JSONL_SUFFIXES:
            return None
        if path.is_dir():
            files = [p for p in path.rglob("*") if p.is_file()]
            if any(p.suffix.lower() in JSONL_SUFFIXES for p in files):
                return None
            n += sum(p.suffix.lower() == ".json" for p in files)
        else:
            n += 1
    return n


def run(args: argparse.Namespace) -> int:
    from vanban.templates import REGISTRY

    REGISTRY.get(args.template)  # unknown template: exit 2 before reading anything
    for raw in args.inputs:
        if raw != "-" and not Path(raw).exists():
            raise FileNotFoundError(2, "không có tệp hoặc thư mục", raw)
    if outputs.get(args.format).converted:
        from vanban.pdf import converter

        if not outputs.get(args.format).available(converter()):
            print(f"Không có bộ chuyển sang {args.format.upper()} (cài LibreOffice).",
                  file=sys.stderr)
            return 3
    items = iter_batch(args.template, read_paths(args.inputs, sys.stdin.buffer),
                       fmt=args.format, workers=args.workers)
    bar = _progress(args, _count(args.inputs))

    def tick(item: BatchItem) -> None:
        bar.update(1)
        if not item.ok:
            bar.write(f"✗ {item.source}:", file=sys.stderr)
            for p in item.problems:
                bar.write(f"    {p.path or '(gốc)'}: {p.message}", file=sys.stderr)

    with bar:
        if args.output == "-":
            summary = write_zip(items, sys.stdout.buffer, args.template, args.format, tick)
            sys.stdout.buffer.flush()
        else:
            with new_file(args.output) as out:  # a batch cut short keeps the old zip
                summary = write_zip(items, out, args.template, args.format, tick)
    where = "" if args.output == "-" else f" vào {args.output}"
    print(f"Đã tạo {summary.ok}/{summary.total} văn bản{where}"
          + (f"; {summary.failed} dữ liệu lỗi (xem errors.json)." if summary.failed else "."),
          file=sys.stderr)
    return 2 if summary.failed else 0
