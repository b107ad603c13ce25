"""Footnotes from the data (chú thích): ``[^label]`` in a body text, the note in ``chu_thich``.

A clerk writes the note's mark where the superscript number goes and the note's text once, at
the envelope's top level (labels are free: the seeds number them, Word renumbers in reading
order)::

    "noi_dung": {… "doan": ["… các nghị quyết của Trung ương, của tỉnh[^1]."] …},
    "chu_thich": {"1": "Kế hoạch thực hiện Chỉ thị số 05-CT/TW …"}

Every mark needs its note and every note its mark (:func:`check`, with the JSON path of the
text or the note). While a template builds its context, :func:`collecting` makes
:func:`vanban.context.inline.runs` turn each mark into a footnote reference; the collector then
gives the context its footnote blocks (``chu_thich``: ``{"id", "runs"}``), which the renderer
writes into ``footnotes.xml`` (:mod:`vanban.render.footnotes`). A text with the same mark twice
gets two notes with the same text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from vanban.errors import Problem, problem
from vanban.render.footnotes import FIRST_DATA_ID, reference_run

#: ``[^1]``, ``[^nguon-so-lieu]``: a label without spaces or brackets.
MARKER = re.compile(r"\[\^([^\[\]\s]+)\]")
LABEL_PATTERN = r"^[^\[\]\s]+$"


@dataclass
class Collector:
    """The notes of one document, in the order their marks are met."""

    texts: dict[str, str]
    notes: list[tuple[int, str]] = field(default_factory=list)  # (id, text)

    def reference(self, label: str) -> Markup | None:
        if label not in self.texts:  # a heading set in capitals upper-cases its marks too
            label = next((k for k in self.texts if k.upper() == label.upper()), "")
            if not label:
                return None
        note_id = FIRST_DATA_ID + len(self.notes)
        self.notes.append((note_id, self.texts[label]))
        return reference_run(note_id)

    # The footnote blocks the renderer writes are made by :func:`vanban.context.inline.notes`
    # (inline turns text into runs and uses this module to do it: one direction only).


_ACTIVE: ContextVar[Collector | None] = ContextVar("vanban_chu_thich", default=None)


@contextmanager
def collecting(texts: dict[str, str]) -> Iterator[Collector]:
    """While the block is running, marks in texts made into runs become footnote references."""
    collector = Collector(dict(texts))
    token = _ACTIVE.set(collector)
    try:
        yield collector
    finally:
        _ACTIVE.reset(token)


def split(text: str) -> list[str | Markup]:
    """``text`` cut at its marks: plain pieces, and a reference run (Markup) for each mark
    whose note exists while :func:`collecting`; outside it (or for an unknown label) the mark
    stays as text."""
    collector = _ACTIVE.get()
    if collector is None or "[^" not in text:
        return [text]
    out: list[str | Markup] = []
    pos = 0
    for m in MARKER.finditer(text):
        ref = collector.reference(m.group(1))
        if ref is None:
            continue
        if m.start() > pos:
            out.append(text[pos:m.start()])
        out.append(ref)
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def strip(text: str) -> str:
    """``text`` without its marks (what a reader sees in the line, the number aside)."""
    return MARKER.sub("", text)


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _strings(item, f"{path}[{n}]")


def check(noi_dung: Any, texts: dict[str, str]) -> list[Problem]:
    """Every mark in the body has its note in ``chu_thich``, every note is marked somewhere."""
    problems: list[Problem] = []
    used: set[str] = set()
    for path, text in _strings(noi_dung, "noi_dung"):
        for label in MARKER.findall(text):
            used.add(label)
            if label not in texts:
                problems.append(problem(
                    "chu_thich.undefined", path,
                    f"Có dấu chú thích [^{label}] nhưng “chu_thich” không có mục “{label}”: "
                    f"thêm \"chu_thich\": {{\"{label}\": \"nội dung chú thích\"}}.",
                    f"footnote mark [^{label}] has no text in chu_thich"))
    for label in texts:
        if label not in used:
            problems.append(problem(
                "chu_thich.unused", f"chu_thich.{label}",
                f"Chú thích “{label}” không được đánh dấu ở đoạn nào: thêm [^{label}] vào cuối "
                "câu cần chú thích, hoặc bỏ chú thích này.",
                f"footnote {label!r} is never marked with [^{label}] in the body"))
    return problems
