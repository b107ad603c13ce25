"""The helper that drives one running LibreOffice through UNO (run as a script, not imported).

vanban's own interpreter usually cannot ``import uno``: the UNO bridge ships with LibreOffice
(Debian: the ``python3-uno`` package for ``/usr/bin/python3``; Windows and macOS: LibreOffice's
bundled ``program/python``). :mod:`vanban.pdf.office` therefore starts this file under an
interpreter that can, with only the standard library and ``uno`` on its path — it must not
import vanban.

    python3 uno_worker.py --pipe NAME --office-pid PID

Protocol, one JSON object per line. Stdout: ``{"ready": true}`` once connected to the office
listening on the named pipe ``NAME`` (or ``{"ready": false, "error": …}``), then one reply per
request. Stdin, requests:

* ``{"op": "convert", "src": PATH, "dst": PATH, "filter": NAME}`` → ``{"ok": true}`` after
  ``dst`` is written with the export filter ``NAME`` (default ``writer_pdf_Export``; ODT is
  ``writer8``), or ``{"ok": false, "error": TEXT}``; an optional ``"filter_data"`` carries
  export options (``{"SelectPdfVersion": {"type": "long", "value": "2"}}`` for PDF/A-2b);
* ``{"op": "ping"}`` → ``{"ok": true}`` when the office answers a call over the bridge.

When stdin closes (vanban exited, even by SIGKILL) the worker kills the office ``PID`` and
exits, so no LibreOffice outlives the process that started it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import queue
import signal
import sys
import threading
import time

import uno  # noqa: I001  (LibreOffice's bridge; must come before the com.sun.star imports)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

_KILL = getattr(signal, "SIGKILL", signal.SIGTERM)


def _prop(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _watch_stdin(requests: queue.Queue, office_pid: int) -> None:
    """Read requests; on end of input kill the office and leave (even mid-conversion)."""
    for line in sys.stdin:
        requests.put(line)
    # The office may run inside a containment wrapper (bwrap): its children go first.
    with contextlib.suppress(OSError), \
            open(f"/proc/{office_pid}/task/{office_pid}/children") as children:
        for child in children.read().split():
            with contextlib.suppress(OSError):
                os.kill(int(child), _KILL)
    with contextlib.suppress(OSError):
        os.kill(office_pid, _KILL)
    os._exit(0)


def _connect(pipe: str, timeout: float):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            remote = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    return remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)


def _filter_data(options: dict | None) -> tuple:
    """``{"SelectPdfVersion": {"type": "long", "value": "2"}}`` → the export filter's
    ``FilterData`` property (empty when there are no options)."""
    if not options:
        return ()
    values = tuple(_prop(name, int(o["value"]) if o.get("type") == "long" else
                         o["value"] == "true" if o.get("type") == "boolean" else o["value"])
                   for name, o in options.items())
    return (_prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", values)),)


def _convert(desktop, src: str, dst: str, filter_name: str = "writer_pdf_Export",
             options: dict | None = None) -> None:
    load = (_prop("Hidden", True), _prop("ReadOnly", True))
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, load)
    if document is None:
        raise RuntimeError("LibreOffice could not open the document")
    try:
        uno.invoke(document, "storeToURL", (
            uno.systemPathToFileUrl(dst),
            (_prop("FilterName", filter_name), *_filter_data(options))))
    finally:
        document.close(True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pipe", required=True)
    parser.add_argument("--office-pid", type=int, required=True)
    parser.add_argument("--connect-timeout", type=float, default=60.0)
    args = parser.parse_args()

    # Replies go to a private copy of stdout; anything else printed lands on stderr.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)

    def reply(**data: object) -> None:
        out.write(json.dumps(data) + "\n")
        out.flush()

    requests: queue.Queue = queue.Queue()
    threading.Thread(target=_watch_stdin, args=(requests, args.office_pid), daemon=True).start()
    try:
        desktop = _connect(args.pipe, args.connect_timeout)
    except Exception as exc:  # any UNO failure: report it, the parent decides
        reply(ready=False, error=f"{type(exc).__name__}: {exc}")
        return 1
    reply(ready=True)
    while True:
        request = json.loads(requests.get())
        try:
            if request["op"] == "convert":
                _convert(desktop, request["src"], request["dst"],
                         request.get("filter", "writer_pdf_Export"), request.get("filter_data"))
            else:
                desktop.getComponents().hasElements()
        except Exception as exc:  # UNO exceptions do not share a useful base class
            reply(ok=False, error=f"{type(exc).__name__}: {exc}")
        else:
            reply(ok=True)


if __name__ == "__main__":
    sys.exit(main())
