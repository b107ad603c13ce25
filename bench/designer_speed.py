"""Benchmark: what the designer's safety and checks cost, against baselines in the same run.

* lint: vanban's lint (docxtpl-lint + vanban's own rules + the translation) against plain
  docxtpl-lint on the same template and data;
* sandboxed render of an uploaded body template (worker process, Jinja sandbox, compile on
  every call) against the same template through the installed pipeline (compiled once, no
  worker) — the price of rendering a template nobody has vetted;
* the docxtpl compatibility corpus: vanban's sandboxed render against docxtpl's own render.

    python bench/designer_speed.py [--n 10]

PDF conversion is not measured here (see the PDF benchmarks); the preview adds it.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
from pathlib import Path

import docxtpl_lint
from docxtpl import DocxTemplate
from timing import timed

import vanban
from vanban.designer.lint import lint_template
from vanban.designer.render import render_sandboxed
from vanban.templates import REGISTRY

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"


def line(label: str, ours: list[float], base: list[float], base_label: str) -> None:
    o, b = statistics.median(ours), statistics.median(base)
    print(f"{label}: vanban {o:.1f} ms | {base_label} {b:.1f} ms | ratio {o / b:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10)
    args = parser.parse_args()
    spec = REGISTRY.get(TEMPLATE)
    template, example = spec.docx_path.read_bytes(), spec.example()

    lint_template(template, data=example)
    line("lint (--data)", timed(lambda: lint_template(template, data=example), args.n),
         timed(lambda: docxtpl_lint.lint(template, example), args.n), "docxtpl-lint alone")

    render_sandboxed(template, example)  # start the worker server
    line("render an upload", timed(lambda: render_sandboxed(template, example), args.n),
         timed(lambda: vanban.render(TEMPLATE, example), args.n), "installed template")

    sys.path.insert(0, str(ROOT / "tests" / "designer" / "corpus"))
    from build_corpus import build

    cases = build()

    def ours() -> None:
        for _, t, d in cases:
            render_sandboxed(t, d, kind="full")

    def docxtpl() -> None:
        for _, t, d in cases:
            tpl = DocxTemplate(io.BytesIO(t))
            tpl.render(dict(d), autoescape=True)
            tpl.save(io.BytesIO())

    n = max(1, args.n // 5)
    line(f"corpus ({len(cases)} templates)", timed(ours, n), timed(docxtpl, n), "docxtpl")


if __name__ == "__main__":
    main()
