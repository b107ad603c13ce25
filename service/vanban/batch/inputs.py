"""Where batch inputs come from: JSON files, folders of them, JSON Lines (files or stdin).

Everything is read lazily, one input at a time, so a batch of any size never sits in memory.
A line or file that is not valid JSON is still an input: the worker reports it as that item's
problem (with its source, ``tệp.json`` or ``tệp.jsonl dòng 12``) and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from vanban.batch.engine import BatchInput
from vanban.errors import InputError, Problem, problem

#: How many bad items a refusal names (the first ones, in order).
REPORTED_ITEMS = 10


def invalid_items(template_id: str, items: Iterable[object],
                  most: int = REPORTED_ITEMS) -> list[Problem]:
    """The problems of the first ``most`` items that would not render, each path prefixed with
    the item's index (``[3].trich_yeu``) and ``extra.index`` set: what a queue checks at
    submission, so a bad item is refused then and not found hours later by a worker."""
    from vanban import pipeline

    out: list[Problem] = []
    bad = 0
    for index, item in enumerate(items):
        try:
            pipeline.validate(template_id, item)
        except InputError as exc:
            bad += 1
            out += [problem(p.code, f"[{index}]" + (f".{p.path}" if p.path else ""),
                            f"Văn bản thứ {index + 1}: {p.message}",
                            f"item {index}: {p.message_en or p.message}", index=index, **p.extra)
                    for p in exc.problems]
            if bad >= most:
                break
    return out

JSONL_SUFFIXES = (".jsonl", ".ndjson")


def read_jsonl(stream: Iterable[bytes], name: str = "") -> Iterator[BatchInput]:
    """One input per non-blank line of a JSON Lines stream."""
    prefix = f"{name} " if name else ""
    for lineno, line in enumerate(stream, 1):
        if line.strip():
            yield BatchInput(f"{prefix}dòng {lineno}", bytes(line))


def _folder(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in (".json", *JSONL_SUFFIXES))


def read_paths(paths: Iterable[str | Path], stdin: BinaryIO | None = None,
               ) -> Iterator[BatchInput]:
    """Files (``.json`` = one input, ``.jsonl``/``.ndjson`` = one per line), folders (their
    ``.json``/``.jsonl`` files, sorted, recursively) and ``-`` (JSON Lines on ``stdin``)."""
    for raw in paths:
        if str(raw) == "-":
            if stdin is None:
                raise ValueError("'-' needs a stdin stream")
            yield from read_jsonl(stdin, "stdin")
            continue
        path = Path(raw)
        files = _folder(path) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                with file.open("rb") as fh:
                    yield from read_jsonl(fh, str(file))
            else:
                yield BatchInput(str(file), file.read_bytes())
