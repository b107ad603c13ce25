"""``vanban lint`` and ``vanban preview``: the designer's two commands.

    vanban lint TEMPLATE.docx [--schema ID | --data DATA.json] [--json] [--annotate OUT.docx]
    vanban preview TEMPLATE.docx DATA.json -o out.pdf [--png DIR] [--family F] [--watch]

``lint`` exits 0 without errors, 1 with errors, 2 when the file cannot be read. ``preview``
never stops at a template mistake: it writes the preview (a missing variable printed as a
highlighted «name», a broken paragraph as text marked [Lỗi n]) and exits 1 when the template has
errors (all printed with their mark), 0 when it has none; 1 without a preview when the data is
wrong or nothing can render, 2 when a file cannot be read; with ``--watch`` it keeps running
until interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from vanban.errors import InputError, VanbanError
from vanban.streams import write_output
from vanban.the_thuc.families import FAMILY_IDS

FAMILIES = list(FAMILY_IDS)
KINDS = ["auto", "body", "full"]


def add_lint_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("template", help="tệp mẫu .docx")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--schema", metavar="TEMPLATE_ID",
                     help="kiểm tra theo hợp đồng dữ liệu (JSON Schema) của mẫu đã cài")
    src.add_argument("--data", metavar="DATA.json", help="kiểm tra theo một tệp dữ liệu")
    p.add_argument("--kind", choices=KINDS, default="auto",
                   help="mẫu nội dung (body) hay văn bản đầy đủ (full); mặc định tự nhận")
    p.add_argument("--family", choices=FAMILIES, help="thể thức (cho mẫu nội dung)")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.add_argument("--annotate", metavar="OUT.docx",
                   help="ghi bản sao của mẫu có chú thích (comment) Word ở từng lỗi")
    p.set_defaults(func=run_lint)


def add_preview_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("template", help="tệp mẫu .docx")
    p.add_argument("data", help="tệp dữ liệu JSON")
    p.add_argument("-o", "--output", required=True, help="tệp ra: .pdf (hoặc .docx)")
    p.add_argument("--png", metavar="DIR", help="ghi ảnh từng trang (trang-1.png …) vào DIR")
    p.add_argument("--family", choices=FAMILIES, help="thể thức bọc mẫu nội dung")
    p.add_argument("--kind", choices=KINDS, default="auto",
                   help="mẫu nội dung (body) hay văn bản đầy đủ (full); mặc định tự nhận")
    p.add_argument("--schema", metavar="TEMPLATE_ID",
                   help="mẫu đã cài mà dữ liệu theo (mặc định: tự tìm)")
    p.add_argument("--watch", action="store_true",
                   help="vẽ lại mỗi khi tệp mẫu hoặc tệp dữ liệu thay đổi")
    p.set_defaults(func=run_preview)


def _print_report(report: object) -> None:
    from vanban.designer.lint import LintReport

    assert isinstance(report, LintReport)
    kind = "mẫu nội dung, đặt trong khối thể thức" if report.kind == "body" else \
        "văn bản đầy đủ"
    print(f"{report.file} ({kind}): {len(report.errors)} lỗi, {len(report.warnings)} cảnh báo")
    for p in report.problems:
        label = "LỖI     " if p.extra.get("severity") == "error" else "CẢNH BÁO"
        print(f"  {label} {p.path}  [{p.code}]")
        print(f"           {p.message}")
        if p.extra.get("text"):
            print(f"           Đoạn: “{p.extra['text'][:120]}”")
        if p.extra.get("tag"):
            print(f"           Thẻ: {p.extra['tag']}")
        if p.extra.get("fix"):
            print(f"           Cách sửa: {p.extra['fix']}")


def run_lint(args: argparse.Namespace) -> int:
    from vanban.designer.lint import lint_template

    path = Path(args.template)
    template = path.read_bytes()
    data = Path(args.data).read_bytes() if args.data else None
    report = lint_template(template, name=path.name, schema_id=args.schema, data=data,
                           kind=args.kind, family=args.family)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    if args.annotate:
        from vanban.designer.annotate import annotate

        write_output(args.annotate, annotate(template, report))
        print(f"Đã ghi bản có chú thích: {args.annotate}", file=sys.stderr)
    return 1 if report.errors else 0


def _problems(exc: VanbanError) -> None:
    print(f"{exc.title}:", file=sys.stderr)
    for p in exc.problems:
        print(f"  {p.path or '(gốc)'}: {p.message}", file=sys.stderr)


def _one_preview(args: argparse.Namespace, changed: list[str]) -> int:
    from vanban.designer.preview import preview

    out = Path(args.output)
    as_pdf = out.suffix.lower() != ".docx"
    started = time.perf_counter()
    try:
        result = preview(Path(args.template).read_bytes(), Path(args.data).read_bytes(),
                         family=args.family, kind=args.kind, template_id=args.schema,
                         pdf=as_pdf, png=bool(args.png), name=Path(args.template).name)
    except InputError as exc:
        _problems(exc)
        return 2 if any(p.code.startswith("upload.") for p in exc.problems) else 1
    except VanbanError as exc:
        _problems(exc)
        return 1
    except OSError as exc:
        print(f"Không đọc được tệp: {exc}", file=sys.stderr)
        return 2
    # replaced whole: a PDF viewer watching the file never reloads half of it
    write_output(str(out), result.pdf if as_pdf and result.pdf else result.docx)
    if args.png:
        folder = Path(args.png)
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("trang-*.png"):
            old.unlink()
        for i, page in enumerate(result.pages, 1):
            (folder / f"trang-{i}.png").write_bytes(page)
    took = time.perf_counter() - started
    what = f"Thay đổi: {', '.join(changed)} — " if changed else ""
    steps = ", ".join(f"{k} {v:.2f} s" for k, v in result.seconds.items() if k != "total")
    pages = f", {len(result.pages)} trang" if result.pages else ""
    print(f"{what}đã ghi {out}{pages} trong {took:.2f} s ({steps})", flush=True)
    if result.errors:
        print(f"Mẫu còn {len(result.errors)} lỗi, mỗi lỗi được đánh dấu [Lỗi n] ở chỗ của nó "
              "trong bản xem trước:", file=sys.stderr)
        for p in result.errors:
            print(f"  [Lỗi {p.extra.get('mark', '-')}] {p.path}: {p.message}", file=sys.stderr)
            if p.extra.get("fix"):
                print(f"           Cách sửa: {p.extra['fix']}", file=sys.stderr)
        sys.stderr.flush()
        return 1
    return 0


def run_preview(args: argparse.Namespace) -> int:
    if not args.watch:
        return _one_preview(args, [])
    from vanban.designer.preview import watch

    print("Đang theo dõi tệp mẫu và tệp dữ liệu (Ctrl+C để dừng) …", flush=True)
    try:
        for _ in watch([Path(args.template), Path(args.data)],
                       lambda changed: _one_preview(args, changed)):
            pass
    except KeyboardInterrupt:
        pass
    return 0
