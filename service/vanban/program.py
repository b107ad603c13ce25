"""The ``vanban`` program: what happens around a command (:func:`vanban.cli.main`) from the
process's start to its end. The console script ``vanban`` calls :func:`run`.

Start: the command line's modules (pydantic and vanban's models, Jinja, Babel …) are imported
with the garbage collector paused, and the ~40,000 objects that importing makes are then
frozen (:func:`gc.freeze`). They live as long as the process, so no collection needs to look
at them: while importing, the collector's passes over them took ~10 ms of every command's
start. A batch's pool processes, forked later, also leave the pages of those objects shared:
the collector would otherwise write to every one of them (copy-on-write). This module itself
imports nothing heavy (``vanban``'s ``__init__`` imports its names when first used), so the
pause covers the whole import.

End: without the interpreter's tear-down of every module and object (~6 ms): exit handlers
run (:mod:`atexit` — a PDF converter's LibreOffice is stopped, logs are flushed), standard
output and error are flushed, and the process ends. Every file vanban writes is closed by
then. While another thread still runs, the ordinary exit waits for it.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from typing import NoReturn


def run() -> NoReturn:
    """The ``vanban`` program: :func:`vanban.cli.main` with this process's arguments."""
    main = _import_main()
    finish(main())


def _import_main() -> Callable[[], int]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        from vanban.cli import main
    finally:
        gc.freeze()  # what importing made stays for the process's life: never scan it
        if collecting:
            gc.enable()
    return main


def finish(code: int) -> NoReturn:
    """End the process with ``code``: exit handlers and flushes, not the tear-down."""
    import threading

    if threading.active_count() > 1:
        gc.freeze()  # the interpreter's last collection then skips every object alive
        sys.exit(code)
    import atexit
    import contextlib

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed, or its reader gone
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
