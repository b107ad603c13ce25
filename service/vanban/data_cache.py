"""Data files parsed once and kept on disk between processes, beside the compiled templates
(:mod:`vanban.render.cache`: same folder, same ``VANBAN_TEMPLATE_CACHE`` setting, same entry
format with its digest).

Reading the award vocabulary means parsing ~23 KB of TOML and indexing every name: ~9 ms that
each new process (a ``vanban`` command, every process of a batch) paid before its first
document. Its built form, pickled, loads in ~0.5 ms. An entry is named by a SHA-256 of the
data's name, vanban's version, the Python bytecode tag and the bytes of every source given —
the data file and the modules that build it — so an edit to any of them builds it anew.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from vanban.render import cache

T = TypeVar("T")


def entry_name(name: str, sources: Sequence[Path]) -> str:
    h = hashlib.sha256(cache.FORMAT + b"data\0" + name.encode() + b"\0")
    vanban = sys.modules.get("vanban")
    for text in (getattr(vanban, "__version__", ""), sys.implementation.cache_tag or ""):
        h.update(text.encode() + b"\0")
    for path in sources:
        data = path.read_bytes()
        h.update(len(data).to_bytes(8, "little") + data)
    return f"data-{name}-{h.hexdigest()}.bin"


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
