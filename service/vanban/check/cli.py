"""``vanban check-format FILE.docx [--the-thuc nha-nuoc|dang|cong-doan] [--json]``.

Prints one finding per line, in Vietnamese::

    LỖI header.tieu-ngu: Tiêu ngữ phải in đậm (đoạn 6: “Độc lập - Tự do - Hạnh phúc”)
      — cần: chữ đậm; thấy: chữ thường [Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.1]

(on one line; wrapped here),
then a summary line. ``--json`` prints :meth:`Report.to_dict`. Exit codes: 0 no errors
(warnings allowed), 1 errors, 2 the file is not a readable .docx.

``--pages`` also converts the file through the configured converter and checks the printed
pages (:mod:`vanban.check.pages`); their findings follow (``pages`` in the JSON) and count as
errors; 2 when no converter can run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vanban.check.engine import check_docx
from vanban.check.report import Finding, Report
from vanban.errors import InputError, Problem

LABELS = {"error": "LỖI", "warning": "CẢNH BÁO"}


def format_finding(f: Finding) -> str:
    """One human line for a finding."""
    line = f"{LABELS.get(f.severity, f.severity.upper())} {f.rule_id}: {f.message}"
    loc = f.location
    more = f"; và {f.count - 1} chỗ khác" if f.count > 1 else ""
    if loc.paragraph_index is not None:
        where = "đầu/chân trang" if loc.part != "document" else f"đoạn {loc.paragraph_index + 1}"
        line += f" ({where}: “{loc.text}”{more})" if loc.text else f" ({where}{more})"
    elif loc.part != "document":
        line += f" (đầu/chân trang{more})"
    elif more:
        line += f" ({more[2:]})"
    parts = []
    if f.expected:
        parts.append(f"cần: {f.expected}")
    if f.found:
        parts.append(f"thấy: {f.found}")
    if parts:
        line += " — " + "; ".join(parts)
    return f"{line} [{f.source}]"


def format_report(report: Report, name: str = "") -> str:
    lines = [format_finding(f) for f in report.findings]
    how = "tự nhận biết" if report.detected else "theo lựa chọn"
    head = f"{name}: " if name else ""
    errors, warnings = len(report.errors), len(report.warnings)
    verdict = "đạt thể thức" if not errors else "chưa đạt thể thức"
    lines.append(
        f"{head}thể thức {report.family_name or report.family} ({how}) — {errors} lỗi, "
        f"{warnings} cảnh báo: {verdict}."
    )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Entry point of the ``check-format`` subcommand."""
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        print(f"Không đọc được tệp {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        report = check_docx(data, getattr(args, "the_thuc", None))
    except InputError as exc:
        if getattr(args, "json", False):
            print(json.dumps(exc.to_dict(), ensure_ascii=False, indent=2))
        else:
            for p in exc.problems:
                print(f"{args.file}: {p.message}", file=sys.stderr)
        return 2
    pages: list[Problem] | None = None
    if getattr(args, "pages", False):
        from vanban.check.pages import check_pages
        from vanban.errors import ConversionError

        try:
            pages = check_pages(data)
        except ConversionError as exc:
            for p in exc.problems:
                print(f"{args.file}: {p.message}", file=sys.stderr)
            return 2
    if getattr(args, "json", False):
        out = report.to_dict()
        if pages is not None:
            out["pages"] = [p.to_dict() for p in pages]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(format_report(report, args.file))
        if pages is not None:
            print(format_pages(pages, args.file))
    return 0 if report.ok and not pages else 1


def format_pages(problems: list[Problem], name: str = "") -> str:
    """The page checker's findings, one line each, then a summary line."""
    lines = [f"LỖI {p.code}: {p.message} ({p.path})" for p in problems]
    head = f"{name}: " if name else ""
    verdict = "các trang in đạt" if not problems else "các trang in chưa đạt"
    lines.append(f"{head}kiểm tra trang in — {len(problems)} lỗi: {verdict}.")
    return "\n".join(lines)
