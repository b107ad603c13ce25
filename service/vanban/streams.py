"""Where the command line reads its input and writes its output: a path, or ``-`` for stdin /
stdout. Shared by ``vanban`` (:mod:`vanban.cli`) and its sub-commands that live with their
package (:mod:`vanban.ho_so.cli`, :mod:`vanban.batch.cli`), so neither imports the other's
module for it."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def read_input(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    return Path(source).read_bytes()


def write_output(out: str, data: bytes) -> None:
    """``data`` to standard output (``-``) or to the file ``out``, which keeps its old content
    if the write fails or is interrupted (:func:`new_file`)."""
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    with new_file(out) as fh:
        fh.write(data)


@contextmanager
def new_file(path: str | Path) -> Iterator[BinaryIO]:
    """A file written beside ``path`` that takes its name only once complete.

    An interrupted or failed write (Ctrl-C, a full disk, an exception) leaves ``path`` as it
    was — the previous run's file, or none — and no partial file behind. An existing file's
    permission bits carry over. The old file is removed and the new one renamed into its place,
    rather than renamed over it or truncated and rewritten: on ext4 both of those make the
    kernel write the new file's blocks out at once (``auto_da_alloc``), ~20 ms for a 45 MB zip.
    Anything that is not a regular file (``/dev/null``, a pipe, a symbolic link) is written in
    place, as :func:`open` would, and so is a writable file in a folder where no file can be
    added.
    """
    target = Path(path)
    try:
        old = os.lstat(target)
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):
        with open(target, "wb") as fh:
            yield fh
        return
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # mode as open()'s
    except PermissionError:
        if old is None:
            raise
        with open(target, "wb") as fh:  # a writable file in a folder we may not add to
            yield fh
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        if old is not None:
            os.chmod(temp, stat.S_IMODE(old.st_mode))
            if os.name == "nt":
                os.replace(temp, target)
                return
            target.unlink(missing_ok=True)
        os.rename(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
