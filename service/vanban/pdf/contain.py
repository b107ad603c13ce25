"""Containing LibreOffice: no network, nothing to read outside its working folder.

:mod:`vanban.ooxml.untrusted` removes every known way a document asks the renderer to fetch a
URL or read a file. This is the second layer, for whatever slips through: each ``soffice``
(cold conversions) and each warm LibreOffice with its UNO helper runs behind
:func:`command_prefix`, chosen by ``VANBAN_PDF_CONTAIN``:

* ``bwrap`` — bubblewrap (Debian package ``bubblewrap``): a new network namespace (only a
  loopback of its own, so ``http://127.0.0.1:…`` on the host is unreachable), and a file
  system made of ``/usr`` (read-only), the font configuration, ``/proc``, ``/dev``, an empty
  ``/tmp`` and the conversion's own folder — a ``file:///home/…`` or ``/etc/…`` reference
  finds nothing;
* ``unshare`` — ``unshare --net`` (util-linux; needs root or CAP_SYS_ADMIN): the network only,
  files stay readable;
* ``auto`` (default) — ``bwrap`` when it works here, else ``unshare``, else nothing (the
  choice is logged once, a warning when nothing works);
* ``off`` — nothing (a machine where LibreOffice already runs in a locked-down container).

A mode that was asked for but cannot run here makes conversions fail with ``pdf.unavailable``
(503) rather than run uncontained. Which one works is probed once (``<prefix> true``).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from vanban.config import get_settings
from vanban.pdf.base import unavailable

log = logging.getLogger("vanban.pdf")

MODES = ("auto", "bwrap", "unshare", "off")
#: Read-only paths LibreOffice needs besides /usr (bound when they exist).
_READ_ONLY = ("/etc/fonts", "/etc/ld.so.cache", "/etc/libreoffice", "/etc/alternatives",
              "/var/cache/fontconfig", "/etc/localtime")
_ROOT_LINKS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


def _bwrap(folder: Path, tmp_is_folder: bool, extra_read_only: tuple[str, ...]) -> list[str]:
    # No --die-with-parent: it is tied to the *thread* that started bwrap, and a warm
    # LibreOffice outlives the request thread that started it. Killing is done by process
    # group (vanban) and by the UNO helper when vanban disappears.
    cmd = ["bwrap", "--unshare-net", "--unshare-ipc", "--unshare-uts",
           "--ro-bind", "/usr", "/usr"]
    for path in _ROOT_LINKS:
        if os.path.islink(path):
            cmd += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            cmd += ["--ro-bind", path, path]
    for path in (*_READ_ONLY, *extra_read_only):
        if path and not path.startswith("/usr/") and os.path.exists(path):
            cmd += ["--ro-bind", path, path]
    cmd += ["--proc", "/proc", "--dev", "/dev"]
    # The warm LibreOffice listens on /tmp/OSL_PIPE_…: its folder *is* /tmp, for the office
    # and for its UNO helper alike, so both find the pipe.
    cmd += ["--bind", str(folder), "/tmp"] if tmp_is_folder else ["--tmpfs", "/tmp"]
    cmd += ["--bind", str(folder), str(folder), "--chdir", str(folder), "--"]
    return cmd


def _install_root(program: str) -> str:
    """The folder holding a program installed outside /usr (``/opt/libreoffice7.6``)."""
    if not program:
        return ""
    real = Path(program).resolve()
    if str(real).startswith("/usr/"):
        return ""
    parts = real.parts
    return str(Path(*parts[:3])) if len(parts) > 3 else str(real.parent)


def _prefix(mode: str, folder: Path, tmp_is_folder: bool,
            extra: tuple[str, ...]) -> list[str]:
    if mode == "bwrap":
        return _bwrap(folder, tmp_is_folder, extra)
    if mode == "unshare":
        return ["unshare", "--net", "--"]
    return []


@lru_cache(maxsize=4)
def works(mode: str) -> bool:
    """Can ``mode`` start a program here (probed once)?"""
    if mode == "off":
        return True
    if shutil.which(mode) is None:
        return False
    with tempfile.TemporaryDirectory(prefix="vanban-contain-") as tmp:
        try:
            done = subprocess.run([*_prefix(mode, Path(tmp), False, ()), "true"],
                                  capture_output=True, timeout=20, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return False
    return done.returncode == 0


@lru_cache(maxsize=4)
def effective_mode(choice: str | None = None) -> str:
    """The containment in use: the configured one, or for ``auto`` the best that works."""
    choice = (choice or get_settings().pdf_contain).strip().lower()
    if choice != "auto":
        log.info("LibreOffice containment: %s (VANBAN_PDF_CONTAIN)", choice)
        return choice
    for mode in ("bwrap", "unshare"):
        if works(mode):
            log.info("LibreOffice containment: %s (VANBAN_PDF_CONTAIN=auto)", mode)
            return mode
    log.warning("LibreOffice runs without network or file containment: neither bwrap nor "
                "'unshare --net' works here (VANBAN_PDF_CONTAIN=auto)")
    return "off"


def command_prefix(folder: Path, *, tmp_is_folder: bool = False,
                   programs: tuple[str, ...] = ()) -> list[str]:
    """What to put before a LibreOffice command working in ``folder`` (empty for ``off``).

    ``programs`` are the executables to run (soffice, the UNO interpreter): one installed
    outside ``/usr`` has its folder bound read-only. Raises ``pdf.unavailable`` when the mode
    configured cannot run here."""
    mode = effective_mode()
    if mode not in MODES:
        raise unavailable(f"VANBAN_PDF_CONTAIN=“{mode}” không hợp lệ.",
                          f"VANBAN_PDF_CONTAIN={mode!r} is not one of {', '.join(MODES)}")
    if not works(mode):
        raise unavailable(
            f"Không chạy được LibreOffice trong vùng cách ly “{mode}” (VANBAN_PDF_CONTAIN) trên "
            "máy chủ này; quản trị cần cài bubblewrap hoặc chọn chế độ khác.",
            f"containment {mode!r} (VANBAN_PDF_CONTAIN) does not work on this machine")
    extra = tuple(r for r in (_install_root(p) for p in programs) if r)
    return _prefix(mode, folder, tmp_is_folder, extra)


def _cache_clear() -> None:
    works.cache_clear()
    effective_mode.cache_clear()
