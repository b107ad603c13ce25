"""Where the command line reads its input and writes its output: a path, or ``-`` for stdin /
stdout. Shared by ``vanban`` (:mod:`vanban.cli`) and its sub-commands that live with their
package (:mod:`vanban.ho_so.cli`), so neither imports the other's module for it."""

from __future__ import annotations

import sys
from pathlib import Path


def read_input(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    return Path(source).read_bytes()


def write_output(out: str, data: bytes) -> None:
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        Path(out).write_bytes(data)
