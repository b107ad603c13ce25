"""Preview a template with data: sandboxed render → .docx → PDF (LibreOffice) → page images.

:func:`preview` does one round and says how long each step took; :func:`watch` repeats it
whenever the template or the data file changes (watchfiles), reporting what changed. The
folders are watched, not the files, because Word saves by writing a new file and renaming it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.designer.render import render_sandboxed


@dataclass
class Preview:
    docx: bytes
    kind: str
    family: str | None
    pdf: bytes | None = None
    pages: list[bytes] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def preview(template: bytes, data: Any, *, family: str | None = None, kind: str = "auto",
            template_id: str | None = None, pdf: bool = True, png: bool = False,
            dpi: int = 80) -> Preview:
    """One preview; raises :class:`vanban.errors.VanbanError` with every problem."""
    t0 = time.perf_counter()
    rendered = render_sandboxed(template, data, family=family, kind=kind,
                                template_id=template_id)
    out = Preview(docx=rendered.docx, kind=rendered.kind, family=rendered.family)
    out.seconds["render"] = time.perf_counter() - t0
    if pdf or png:
        from vanban.pdf import converter

        t1 = time.perf_counter()
        out.pdf = converter().convert(rendered.docx)
        out.seconds["pdf"] = time.perf_counter() - t1
    if png and out.pdf:
        from vanban.pdf.images import pdf_pages_png

        t2 = time.perf_counter()
        out.pages = pdf_pages_png(out.pdf, dpi=dpi)
        out.seconds["png"] = time.perf_counter() - t2
    out.seconds["total"] = time.perf_counter() - t0
    return out


def watch(paths: list[Path], run: Callable[[list[str]], None],
          stop: Callable[[], bool] | None = None) -> Iterator[list[str]]:
    """Call ``run(changed_names)`` after each change of one of ``paths``; yields the names.

    The first call happens at once with an empty list (the initial render)."""
    from watchfiles import watch as watch_files

    targets = {p.resolve() for p in paths}
    folders = sorted({str(p.parent) for p in targets})
    run([])
    for changes in watch_files(*folders, debounce=300, step=100,
                               stop_event=None, rust_timeout=1000, yield_on_timeout=True):
        if stop is not None and stop():
            return
        changed = sorted({Path(c[1]).name for c in changes if Path(c[1]).resolve() in targets})
        if changed:
            run(changed)
            yield changed
