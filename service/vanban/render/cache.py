"""Compiled templates kept on disk between processes, so a command starts without compiling.

Compiling a (template, family) pair — merging the family shell with the body, Jinja's parse
and code generation, deflating the static parts at level 9 — costs ~0.13 s; a new ``vanban
batch`` process used to pay it for each family its inputs use before the first document. The
result (:class:`~vanban.render.compile.Compiled`: the parts, their deflated form, the Jinja
template's generated code) is saved here after the first compilation and loaded by the next
process in a few milliseconds.

An entry is named by a SHA-256 of everything the result depends on: the shell and body files'
bytes, the pair's key, the source of the compiling code (every module of :mod:`vanban.render`),
vanban's version, the Python bytecode tag and the Jinja, lxml and docxtpl versions. Any change
to one of them names another entry, so a stale entry is never read (old ones are simply no
longer used). Each file carries a digest of its content: a truncated or damaged file is
ignored (compiled again and rewritten), never used. Files are written to a temporary name and
renamed, so concurrent processes see a whole entry or none.

Where: ``VANBAN_TEMPLATE_CACHE`` — ``auto`` (default: ``$XDG_CACHE_HOME/vanban/templates``,
else ``~/.cache/vanban/templates``), a folder, or ``off``. A cache folder that cannot be
created or written is skipped silently: compiling in memory still works.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from lxml import etree

from vanban.config import get_settings

#: Bumped when the layout of an entry changes.
FORMAT = b"vanban-compiled-1\n"
_DIGEST = hashlib.sha256().digest_size


def cache_dir() -> Path | None:
    """The folder of the cache, or ``None`` when it is off."""
    setting = get_settings().template_cache.strip()
    if setting.lower() == "off":
        return None
    if setting and setting.lower() != "auto":
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vanban" / "templates"


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    """What the compiled result depends on besides the input files (computed once)."""
    h = hashlib.sha256(FORMAT)
    vanban = sys.modules.get("vanban")
    for text in (getattr(vanban, "__version__", ""), sys.implementation.cache_tag or "",
                 jinja2.__version__, etree.__version__):
        h.update(text.encode() + b"\0")
    render = Path(__file__).resolve().parent
    for path in sorted(render.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    spec = importlib.util.find_spec("docxtpl")  # found, not imported
    if spec is not None and spec.origin:
        for path in sorted(Path(spec.origin).parent.glob("*.py")):
            stat = path.stat()
            h.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return h.digest()


def entry_name(key: str, *sources: bytes) -> str:
    h = hashlib.sha256(_code_fingerprint())
    h.update(key.encode() + b"\0")
    for data in sources:
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest() + ".bin"


def read_payload(folder: Path, name: str) -> bytes | None:
    """The payload of a saved entry, its digest checked; ``None`` when there is none or it is
    damaged."""
    try:
        blob = (folder / name).read_bytes()
    except OSError:
        return None
    head = len(FORMAT)
    if blob[:head] != FORMAT or len(blob) < head + _DIGEST:
        return None
    digest, payload = blob[head:head + _DIGEST], blob[head + _DIGEST:]
    if hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def write_payload(folder: Path, name: str, payload: bytes) -> bool:
    """Write an entry (atomically); ``False`` when the folder cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".bin")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(FORMAT + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def load(folder: Path, name: str) -> tuple[CodeType, dict[str, Any]] | None:
    """The Jinja code and the other fields of a saved entry; ``None`` when there is none or it
    is damaged."""
    payload = read_payload(folder, name)
    if payload is None:
        return None
    try:
        code_bytes, fields = pickle.loads(payload)
        code = marshal.loads(code_bytes)
    except Exception:  # noqa: BLE001 — a damaged entry is a miss, whatever broke
        return None
    if not isinstance(code, CodeType) or not isinstance(fields, dict):
        return None
    return code, fields


def save(folder: Path, name: str, code: CodeType, fields: dict[str, Any]) -> bool:
    """Write an entry (atomically); ``False`` when the folder cannot be written."""
    return write_payload(folder, name, pickle.dumps((marshal.dumps(code), fields),
                                                    protocol=pickle.HIGHEST_PROTOCOL))
