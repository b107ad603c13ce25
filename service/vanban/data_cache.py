"""Data files parsed once and kept on disk between processes, beside the compiled templates
(:mod:`vanban.render.cache`: same folder, same ``VANBAN_TEMPLATE_CACHE`` setting, same entry
format with its digest).

Reading the award vocabulary means parsing ~23 KB of TOML and indexing every name: ~9 ms that
each new process (a ``vanban`` command, every process of a batch) paid before its first
document. Its built form, pickled, loads in ~0.5 ms. An entry is named as a compiled
template's is (:func:`vanban.render.cache.entry_name`), over the data's name and the bytes of
every source given — the data file and the modules that build it — so an edit to any of them
builds it anew.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from vanban.render import cache

T = TypeVar("T")


def entry_name(name: str, sources: Sequence[Path]) -> str:
    """The entry's file name: :func:`vanban.render.cache.entry_name` (vanban's version, the
    bytecode tag, the library versions, the compiling code) over ``name`` and the sources'
    bytes, marked ``data-<name>-``."""
    return f"data-{name}-" + cache.entry_name(f"data:{name}",
                                              *(path.read_bytes() for path in sources))


def built(name: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when an entry for these ``sources`` is there
    (written after building otherwise). A missing, damaged or unreadable entry, or a cache
    that is off or cannot be written, only means building in memory."""
    folder = cache.cache_dir()
    if folder is None:
        return build()
    entry = entry_name(name, sources)
    payload = cache.read_payload(folder, entry)
    if payload is not None:
        try:
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 — a damaged entry is a miss, whatever broke
            pass
    value = build()
    cache.write_payload(folder, entry, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value
