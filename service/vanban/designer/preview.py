"""Preview a template with data: lint, sandboxed render → .docx → PDF (LibreOffice) → page images.

:func:`preview` does one round (the designer page's) and says how long each step took;
:func:`watch` repeats it whenever the template or the data file changes (watchfiles), reporting
what changed. The folders are watched, not the files, because Word saves by writing a new file
and renaming it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.errors import Problem


@dataclass
class Preview:
    docx: bytes
    kind: str
    family: str | None
    pdf: bytes | None = None
    pages: list[bytes] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    findings: list[Problem] = field(default_factory=list)  # lint + render, marked [Lỗi n]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.findings if p.extra.get("severity") == "error"]


def preview(template: bytes, data: Any, *, family: str | None = None, kind: str = "auto",
            template_id: str | None = None, pdf: bool = True, png: bool = False,
            dpi: int = 80, name: str = "mau.docx") -> Preview:
    """One preview, the designer page's (:func:`vanban.designer.workbench.run`): it never
    stops at a template mistake (missing variables print as «placeholders», broken paragraphs
    as marked text, every finding in ``findings``); raises :class:`VanbanError` only when the
    data is wrong or nothing can be rendered."""
    from vanban.designer.workbench import Job, run

    want = "preview" if png else "pdf" if pdf else "docx"
    out = run(Job(template=template, data=data, family=family, kind=kind,
                  schema_id=template_id, want=want, filename=name, dpi=dpi))
    if out.error is not None:
        raise out.error
    if out.pdf_error is not None:
        raise out.pdf_error
    assert out.docx is not None
    return Preview(docx=out.docx, kind=out.kind, family=out.family, pdf=out.pdf,
                   pages=out.pages, seconds=dict(out.seconds),
                   findings=list(out.report.problems) if out.report else [])


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
