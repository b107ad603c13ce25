"""Render figures for bench/run.py: vanban against plain docxtpl and the re-zip floor.

For each fixture, in one run and on the same merged template and data:

* **vanban** — ``pipeline.run`` (validate, context, render, package: what a request costs)
  and ``engine.render`` alone (render + package from a ready context);
* **docxtpl** — ``DocxTemplate(path).render(ctx)`` then ``save`` (what a plain docxtpl
  service does per document);
* **floor** — unzip the produced .docx and zip it again unchanged with ``zipfile``
  (deflate, default level): the cost of merely packaging that output.

Also the stages of one render, and the document part's deflate levels (how DOCUMENT_LEVEL
was chosen).
"""

from __future__ import annotations

import io
import json
import statistics
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from timing import timed

from vanban import pipeline
from vanban.render import engine
from vanban.render.packaging import DOCUMENT_LEVEL
from vanban.templates import REGISTRY

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"


def stats(xs: list[float]) -> dict[str, float]:
    return {"median": statistics.median(xs), "p90": statistics.quantiles(xs, n=10)[8]}


def merged_docx(compiled: Any) -> bytes:
    """The compiled template's source XML packaged as a .docx docxtpl can load."""
    xml = "".join(compiled.source_lines).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in compiled.parts:
            zf.writestr(name, data)
            if name == "[Content_Types].xml":
                zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def rezip(docx: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info.filename))
    return buf.getvalue()


def zipfile_package(compiled: Any, document_xml: bytes) -> bytes:
    """The packaging vanban had before: every part deflated again by zipfile (level 6)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, data in compiled.parts:
            zf.writestr(name, data)
            if name == "[Content_Types].xml":
                zf.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def fixture(path: Path, n: int) -> dict[str, Any]:
    data = json.loads(path.read_text("utf-8"))
    result = pipeline.run(TEMPLATE, data)
    ctx = result.context
    compiled = REGISTRY.compiled(TEMPLATE, result.envelope.the_thuc)
    with tempfile.NamedTemporaryFile(suffix=".docx", delete=False) as tmp:
        tmp.write(merged_docx(compiled))
    merged = tmp.name

    def docxtpl() -> bytes:
        tpl = DocxTemplate(merged)
        tpl.render(ctx, autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
        return buf.getvalue()

    xml = engine.render_xml(compiled, ctx)
    env = result.envelope
    docxtpl()
    out = {
        "fixture": path.stem, "bytes": len(result.docx),
        "vanban": stats(timed(lambda: pipeline.run(TEMPLATE, data), n)),
        "render_package": stats(timed(lambda: engine.render(compiled, ctx), n)),
        "docxtpl": stats(timed(docxtpl, max(n // 4, 20))),
        "floor": stats(timed(lambda: rezip(result.docx), n)),
        "stages": {
            "validate": statistics.median(timed(lambda: pipeline.validate(TEMPLATE, data), n)),
            "context": statistics.median(timed(lambda: pipeline.context(TEMPLATE, env), n)),
            "jinja": statistics.median(timed(lambda: compiled.template.render(ctx), n)),
            "well_formed": statistics.median(
                timed(lambda: engine.check_well_formed(xml, "x"), n)),
            "package": statistics.median(timed(lambda: engine.package(compiled, xml), n)),
            "package_zipfile": statistics.median(
                timed(lambda: zipfile_package(compiled, xml), max(n // 4, 20))),
        },
    }
    Path(merged).unlink()
    levels = {}
    for level in (1, 3, 6, 9):
        ms = statistics.median(timed(lambda level=level: zlib.compress(xml, level), n))
        levels[level] = (ms, len(zlib.compress(xml, level)))
    out["deflate_levels"] = levels
    return out


def run(n: int) -> list[dict[str, Any]]:
    paths = sorted((ROOT / "templates_docx" / TEMPLATE / "fixtures").glob("*.json"))
    return [fixture(p, n) for p in paths]


def report(rows: list[dict[str, Any]]) -> list[str]:
    lines = [f"Render, ms per document (n per fixture; document part deflated at level "
             f"{DOCUMENT_LEVEL}):",
             f"  {'fixture':36} {'vanban med/p90':>15} {'render+zip':>10} {'docxtpl':>8} "
             f"{'floor':>6} {'×docxtpl':>8} {'×floor':>7}"]
    for r in rows:
        v, b, f = r["vanban"]["median"], r["docxtpl"]["median"], r["floor"]["median"]
        lines.append(f"  {r['fixture'][:36]:36} {v:6.2f} / {r['vanban']['p90']:5.2f} "
                     f"{r['render_package']['median']:10.2f} {b:8.1f} {f:6.2f} "
                     f"{b / v:7.1f}x {f / v:6.1f}x")
    s = rows[0]["stages"]
    lines.append("  stages (first fixture, median ms): " + ", ".join(
        f"{k} {v:.3f}" for k, v in s.items()))
    lv = rows[0]["deflate_levels"]
    lines.append("  document.xml deflate: " + ", ".join(
        f"level {k} {ms:.3f} ms → {size} B" for k, (ms, size) in lv.items()))
    return lines
