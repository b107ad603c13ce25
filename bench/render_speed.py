"""Benchmark: vanban's compile-once render path against plain docxtpl, measured in one run.

Plain docxtpl re-reads the template, re-patches and re-compiles its XML and re-packages the
whole document for every render. vanban compiles each (template, family) once and per
document only runs the compiled Jinja template and writes the zip. Both render the same
merged template with the same context, so the ratio isolates the render path.

    python bench/render_speed.py [--n 50]

Prints milliseconds per document and the ratio baseline / vanban (higher is better).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import tempfile
import tracemalloc
import zipfile
from pathlib import Path

from docxtpl import DocxTemplate
from timing import timed

import vanban
from vanban.pipeline import context, validate
from vanban.render import engine
from vanban.templates import REGISTRY

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"


def merged_docx(compiled) -> bytes:
    """The compiled template's source XML packaged as a .docx docxtpl can load."""
    xml = "".join(compiled.source_lines).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in compiled.parts:
            zf.writestr(name, data)
            if name == "[Content_Types].xml":
                zf.writestr("word/document.xml", xml)
    return buf.getvalue()



def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50)
    args = parser.parse_args()

    for fixture in sorted((ROOT / "fixtures" / TEMPLATE).glob("*.json")):
        data = json.loads(fixture.read_text("utf-8"))
        env = validate(TEMPLATE, data)
        ctx = context(TEMPLATE, env)
        compiled = REGISTRY.compiled(TEMPLATE, env.the_thuc)
        with tempfile.NamedTemporaryFile(suffix=".docx", delete=False) as tmp:
            tmp.write(merged_docx(compiled))
            path = tmp.name

        def baseline(path: str = path, ctx: dict = ctx) -> bytes:
            tpl = DocxTemplate(path)
            tpl.render(ctx, autoescape=True)
            buf = io.BytesIO()
            tpl.save(buf)
            return buf.getvalue()

        def ours(data: dict = data) -> bytes:
            return vanban.render(TEMPLATE, data)

        def ours_render_only(compiled=compiled, ctx: dict = ctx) -> bytes:
            return engine.render(compiled, ctx)

        baseline(), ours()  # warm both
        b = statistics.median(timed(baseline, args.n))
        o = statistics.median(timed(ours, args.n))
        r = statistics.median(timed(ours_render_only, args.n))
        tracemalloc.start()
        ours()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"{fixture.stem}: docxtpl {b:.1f} ms | vanban full pipeline {o:.1f} ms "
              f"(render+zip {r:.1f} ms) | ratio {b / o:.1f}x | peak {peak:.1f} MiB")


if __name__ == "__main__":
    main()
