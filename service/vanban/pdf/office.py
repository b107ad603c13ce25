"""One running LibreOffice and the UNO helper that talks to it, watched from vanban.

:class:`OfficeProcess` starts ``soffice.bin`` headless, listening on a private named pipe
(no TCP port), with its own user profile in a temporary folder, then starts
:mod:`vanban.pdf.uno_worker` under an interpreter that can ``import uno``
(:func:`find_uno_python`). Documents travel as files in the same folder; requests and replies
are JSON lines over the helper's stdin/stdout, read by a thread so every wait has a deadline.

The watchdog is here: :meth:`OfficeProcess.convert` waits at most ``timeout`` seconds, then
kills both processes and raises :class:`OfficeHung`; a LibreOffice that died (crash, SIGKILL)
raises :class:`OfficeDied`, which the pool answers by starting a new one and retrying.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from functools import lru_cache
from pathlib import Path

from vanban.pdf.libreoffice import kill_group

log = logging.getLogger("vanban.pdf")

WORKER = Path(__file__).with_name("uno_worker.py")
#: LibreOffice's export filter for each format the warm converter writes.
FILTERS = {"pdf": "writer_pdf_Export", "odt": "writer8"}
#: LibreOffice's exit code for "restart me" (it uses it once, after creating a new profile).
RESTART_CODE = 81
_OPTIONS = ["--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
            "--nofirststartwizard", "--nocrashreport", "--nolockcheck"]


class OfficeError(Exception):
    """Base of the failures the pool handles (never shown to users as such)."""


class OfficeDied(OfficeError):
    """LibreOffice or its helper exited; a new one may well succeed."""


class OfficeHung(OfficeError):
    """No answer within the deadline; both processes have been killed."""


class OfficeStartError(OfficeError):
    """LibreOffice or the UNO helper could not be started."""


def _imports_uno(python: str) -> bool:
    try:
        done = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30,
                              env=_worker_env(python), check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@lru_cache(maxsize=8)
def find_uno_python(explicit: str = "", soffice: str = "") -> str | None:
    """An interpreter that can ``import uno``: ``explicit`` (``VANBAN_UNO_PYTHON``) if set,
    else this one, LibreOffice's bundled ``program/python``, or Debian's ``/usr/bin/python3``
    (with the ``python3-uno`` package)."""
    if explicit:
        return explicit if _imports_uno(explicit) else None
    candidates = [sys.executable]
    if soffice:
        program = Path(soffice).resolve().parent
        candidates += [str(program / "python"), str(program / "python.exe"),
                       str(program.parent / "Resources" / "python")]  # macOS app bundle
    candidates += ["/usr/bin/python3", "/usr/local/bin/python3"]
    seen: set[str] = set()
    for python in candidates:
        if python in seen or not Path(python).is_file():
            continue
        seen.add(python)
        if _imports_uno(python):
            return python
    return None


def office_binary(soffice: str) -> str:
    """The program that *is* LibreOffice: ``soffice.bin`` next to the ``soffice`` launcher
    when there is one (Linux: the launcher forks it, and its pid is the one to watch)."""
    real = Path(soffice).resolve()
    for name in ("soffice.bin", "soffice.bin.exe"):
        if (real.parent / name).is_file():
            return str(real.parent / name)
    return soffice


def _worker_env(python: str) -> dict[str, str]:
    """The environment for a foreign interpreter: without this process's Python settings."""
    env = dict(os.environ)
    if Path(python).resolve() != Path(sys.executable).resolve():
        for name in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE"):
            env.pop(name, None)
    return env


def _innermost(pid: int) -> int:
    """The program a ``bwrap`` wrapper runs (its only child), else ``pid`` itself."""
    for _ in range(4):
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() != "bwrap":
                return pid
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return pid
        if len(children) != 1:
            return pid
        pid = int(children[0])
    return pid


class OfficeProcess:
    """One warm LibreOffice. Not thread-safe: the pool gives it to one caller at a time."""

    _serial = itertools.count()

    def __init__(self, soffice: str, python: str, start_timeout: float = 60.0) -> None:
        self.soffice, self.python, self.start_timeout = soffice, python, start_timeout
        self.folder = Path(tempfile.mkdtemp(prefix="vanban-office-"))
        self.office: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self._replies: queue.Queue[str | None] = queue.Queue()
        self.conversions = 0
        self.last_used = 0.0

    # -- life cycle --------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        """The LibreOffice process id (``soffice.bin``), while it runs — inside a containment
        wrapper (:mod:`vanban.pdf.contain`) the wrapper's only descendant."""
        if not self.alive():
            return None
        assert self.office is not None
        return _innermost(self.office.pid)

    def alive(self) -> bool:
        return (self.office is not None and self.office.poll() is None
                and self.worker is not None and self.worker.poll() is None)

    def start(self) -> None:
        """Start LibreOffice and connect; raises :class:`OfficeStartError`.

        The profile folder is reused across restarts (no first-start cost); a profile that
        LibreOffice cannot start with (left half-written by a killed process) is replaced."""
        deadline = time.monotonic() + self.start_timeout
        fresh = not (self.folder / "profile").exists()
        for _ in range(3):  # a new profile makes LibreOffice ask for one restart (exit 81)
            self._launch()
            reply = self._ready(deadline)
            if reply.get("ready"):
                self.conversions = 0
                self.last_used = time.monotonic()
                log.info("LibreOffice started (pid %s)", self.pid)
                return
            code = self.office.poll() if self.office else None
            self.stop()
            if code == RESTART_CODE:
                continue
            if not fresh and time.monotonic() < deadline:
                shutil.rmtree(self.folder / "profile", ignore_errors=True)
                fresh = True
                continue
            raise OfficeStartError(f"LibreOffice did not start: {reply.get('error')}")
        raise OfficeStartError("LibreOffice kept asking for a restart")

    def _launch(self) -> None:
        profile = self.folder / "profile"
        (profile / ".lock").unlink(missing_ok=True)  # left by a killed predecessor
        pipe = f"vanban-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        env = {**os.environ, "HOME": str(self.folder)}
        from vanban.pdf.contain import command_prefix

        try:
            prefix = command_prefix(self.folder, tmp_is_folder=True,
                                    programs=(self.soffice, self.python))
        except Exception as exc:  # the containment asked for cannot run here
            raise OfficeStartError(str(exc)) from exc
        worker = self.folder / WORKER.name  # inside the folder: the contained helper sees it
        shutil.copyfile(WORKER, worker)
        self.office = subprocess.Popen(
            [*prefix, office_binary(self.soffice), f"-env:UserInstallation={profile.as_uri()}",
             *_OPTIONS, f"--accept=pipe,name={pipe};urp;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, env=env, cwd=self.folder)
        self.worker = subprocess.Popen(
            [*prefix, self.python, str(worker), "--pipe", pipe,
             "--office-pid", str(self.office.pid), "--connect-timeout", str(self.start_timeout)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            start_new_session=True, env=_worker_env(self.python), cwd=self.folder,
            text=True, encoding="utf-8")
        self._replies = queue.Queue()
        threading.Thread(target=self._read, args=(self.worker, self._replies),
                         name="vanban-uno-reader", daemon=True).start()

    @staticmethod
    def _read(worker: subprocess.Popen, replies: queue.Queue[str | None]) -> None:
        assert worker.stdout is not None
        for line in worker.stdout:
            replies.put(line)
        replies.put(None)  # the helper exited

    def _ready(self, deadline: float) -> dict:
        """The helper's first line, or why there is none (LibreOffice exited, time ran out)."""
        while time.monotonic() < deadline:
            try:
                line = self._replies.get(timeout=0.1)
            except queue.Empty:
                code = self.office.poll() if self.office is not None else None
                if code is not None:
                    return {"ready": False, "error": f"soffice exited with code {code}"}
                continue
            if line is None:
                return {"ready": False, "error": "the UNO helper exited"}
            return json.loads(line)
        return {"ready": False, "error": f"no answer within {self.start_timeout:g} s"}

    def stop(self) -> None:
        """Kill LibreOffice and the helper (both process groups); idempotent."""
        for process in (self.worker, self.office):
            if process is not None and process.poll() is None:
                kill_group(process)
            elif process is not None:
                process.wait()
        if self.worker is not None and self.worker.stdin is not None:
            with contextlib.suppress(OSError):
                self.worker.stdin.close()

    def close(self) -> None:
        """Stop and remove the profile folder."""
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- requests ----------------------------------------------------------------------

    def _ask(self, request: dict, timeout: float) -> dict:
        if not self.alive():
            raise OfficeDied("LibreOffice is not running")
        assert self.worker is not None and self.worker.stdin is not None
        try:
            self.worker.stdin.write(json.dumps(request) + "\n")
            self.worker.stdin.flush()
        except OSError as exc:
            raise OfficeDied(f"UNO helper gone: {exc}") from exc
        try:
            line = self._replies.get(timeout=timeout)
        except queue.Empty:
            self.stop()
            raise OfficeHung(f"no answer within {timeout:g} s") from None
        if line is None:
            raise OfficeDied("the UNO helper exited")
        reply = json.loads(line)
        if not reply.get("ok"):
            # A killed LibreOffice closes the bridge a moment before it can be reaped: give it
            # that moment, so a crash is told apart from a document it refused.
            assert self.office is not None
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.office.wait(timeout=1)
            if not self.alive():
                raise OfficeDied(reply.get("error", "LibreOffice exited"))
        self.last_used = time.monotonic()
        return reply

    def ping(self, timeout: float = 5.0) -> bool:
        """Health check: does LibreOffice answer a call over the bridge in time?"""
        try:
            return bool(self._ask({"op": "ping"}, timeout).get("ok"))
        except OfficeError:
            return False

    def convert(self, docx: bytes, timeout: float, target: str = "pdf",
                filter_data: dict[str, dict[str, str]] | None = None) -> bytes:
        """Convert to ``target`` (a key of :data:`FILTERS`), with optional export options;
        raises :class:`OfficeHung`, :class:`OfficeDied`, or :class:`OfficeError` with
        LibreOffice's message when it refused the document."""
        job = next(self._serial)
        src, dst = self.folder / f"job-{job}.docx", self.folder / f"job-{job}.{target}"
        src.write_bytes(docx)
        try:
            request: dict = {"op": "convert", "src": str(src), "dst": str(dst),
                             "filter": FILTERS[target]}
            if filter_data:
                request["filter_data"] = filter_data
            reply = self._ask(request, timeout)
            if not reply.get("ok") or not dst.is_file():
                raise OfficeError(reply.get("error", f"no {target} written"))
            self.conversions += 1
            return dst.read_bytes()
        finally:
            src.unlink(missing_ok=True)
            dst.unlink(missing_ok=True)
