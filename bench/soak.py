"""Soak test: a real ``vanban serve`` (waitress) on loopback under sustained mixed load.

    python bench/soak.py                      # about 2.5 minutes, 8 clients
    python bench/soak.py --seconds 30 --clients 4

The script starts the server itself on 127.0.0.1 (a free port) and never sends traffic
anywhere else. Concurrent clients mix valid documents (.docx), invalid data (422 expected),
malformed JSON (400), format checks of a .docx, and PDF requests when LibreOffice is
installed. Every document request carries a unique marker string; each returned document
must contain its own marker and no other request's.

Prints: requests and status codes per kind, the 5xx count (must be 0), latency percentiles,
the server's RSS over time (must stay flat) and a verdict; exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"
MARKER = re.compile(r"SOAK-[0-9a-f]{12}")
FIXTURES = sorted((ROOT / "templates_docx" / TEMPLATE / "fixtures").glob("*.json"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)


def pdf_text(data: bytes) -> str | None:
    if not shutil.which("pdftotext"):
        return None
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=False)
    return done.stdout.decode("utf-8", "replace")


class Soak:
    def __init__(self, base: str, pdf: bool) -> None:
        self.base = base
        self.pdf = pdf
        self.fixtures = [json.loads(p.read_text("utf-8")) for p in FIXTURES]
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, Counter[int]] = defaultdict(Counter)
        self.failures: list[str] = []
        self.sample_docx = b""

    def record(self, kind: str, status: int, seconds: float, failure: str = "") -> None:
        with self.lock:
            self.latency[kind].append(seconds)
            self.statuses[kind][status] += 1
            if failure and len(self.failures) < 50:
                self.failures.append(f"{kind}: {failure}")

    def marked(self, rng: random.Random) -> tuple[dict, str]:
        data = copy.deepcopy(rng.choice(self.fixtures))
        marker = f"SOAK-{uuid.uuid4().hex[:12]}"
        data["noi_dung"].setdefault("han_che", []).append(f"Dấu riêng {marker} của yêu cầu.")
        data["nguoi_ky"]["ho_ten"] = f"Người ký {marker}"
        return data, marker

    def one(self, session: requests.Session, rng: random.Random) -> None:
        roll = rng.random()
        if self.pdf and roll < 0.05:
            kind = "pdf"
        elif roll < 0.65:
            kind = "docx"
        elif roll < 0.80:
            kind = "invalid"
        elif roll < 0.90:
            kind = "malformed"
        else:
            kind = "check"
        url = f"{self.base}/api/v1/documents/{TEMPLATE}"
        start = time.perf_counter()
        marker = ""
        if kind in ("docx", "pdf"):
            data, marker = self.marked(rng)
            response = session.post(url, params={"format": kind}, json=data, timeout=120)
        elif kind == "invalid":
            data, _ = self.marked(rng)
            data["ngay"] = "2022-02-30"
            data["noi_dung"]["khen_thuong"] = [{"ten": "Huân chương không có", "ca_nhan": 1}]
            response = session.post(url, json=data, timeout=60)
        elif kind == "malformed":
            response = session.post(url, data=b'{"ngay": 2022-06-15,}',
                                    headers={"Content-Type": "application/json"}, timeout=60)
        else:
            response = session.post(f"{self.base}/api/v1/check-format",
                                    files={"file": ("a.docx", self.sample_docx)}, timeout=60)
        seconds = time.perf_counter() - start
        expected = {"docx": 200, "pdf": 200, "invalid": 422, "malformed": 400, "check": 200}
        failure = ""
        busy = (kind in ("pdf", "check") and response.status_code == 503
                and response.headers.get("Retry-After") and b"server.busy" in response.content)
        if busy:  # every heavy-work slot taken (VANBAN_HEAVY_CONCURRENCY): a fair answer
            marker = ""
        elif response.status_code != expected[kind]:
            failure = f"status {response.status_code}: {response.text[:200]}"
        elif marker:
            text = (docx_text(response.content) if kind == "docx"
                    else pdf_text(response.content))
            if text is not None:
                found = set(MARKER.findall(text))
                if found != {marker}:
                    failure = f"markers {sorted(found)} in the document of {marker}"
        self.record(kind, response.status_code, seconds, failure)

    def client(self, deadline: float, seed: int) -> None:
        rng = random.Random(seed)
        with requests.Session() as session:
            while time.monotonic() < deadline:
                try:
                    self.one(session, rng)
                except requests.RequestException as exc:
                    self.record("connection", 0, 0.0, f"{type(exc).__name__}: {exc}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=150)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--no-pdf", action="store_true", help="skip PDF requests")
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "service")}
    log = Path(tempfile.mkdtemp(prefix="vanban-soak-")) / "server.log"
    with log.open("wb") as sink:
        server = subprocess.Popen([sys.executable, "-m", "vanban.cli", "serve", "--host",
                                   "127.0.0.1", "--port", str(port)], env=env, stdout=sink,
                                  stderr=sink)
    try:
        for _ in range(300):
            try:
                if requests.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if server.poll() is not None:
                print(f"the server did not start:\n{log.read_text()[-2000:]}", file=sys.stderr)
                return 1
            time.sleep(0.1)
        ready = requests.get(f"{base}/readyz", timeout=5).json()
        pdf = not args.no_pdf and bool(shutil.which("soffice") or shutil.which("libreoffice"))
        soak = Soak(base, pdf)
        soak.sample_docx = requests.post(f"{base}/api/v1/documents/{TEMPLATE}",
                                         json=soak.fixtures[0], timeout=60).content
        print(f"vanban soak: {base}, {args.clients} clients, {args.seconds:g} s, PDF "
              f"{'on' if pdf else 'off'}; ready: {json.dumps(ready, ensure_ascii=False)[:120]}")
        deadline = time.monotonic() + args.seconds
        threads = [threading.Thread(target=soak.client, args=(deadline, i), daemon=True)
                   for i in range(args.clients)]
        began = time.monotonic()
        for t in threads:
            t.start()
        rss: list[tuple[float, float]] = []
        step = max(args.seconds / 15, 1.0)
        while any(t.is_alive() for t in threads):
            rss.append((time.monotonic() - began, rss_mib(server.pid)))
            time.sleep(step)
        for t in threads:
            t.join()
        rss.append((time.monotonic() - began, rss_mib(server.pid)))
        elapsed = time.monotonic() - began
    finally:
        server.terminate()
        server.wait(timeout=30)

    total = sum(sum(c.values()) for c in soak.statuses.values())
    server_errors = sum(n for c in soak.statuses.values() for s, n in c.items() if s >= 500)
    print(f"\n{total} requests in {elapsed:.0f} s ({total / elapsed:.1f}/s)")
    print(f"{'kind':<10} {'n':>6} {'statuses':<22} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8}")
    for kind in sorted(soak.latency):
        lat = soak.latency[kind]
        codes = ", ".join(f"{s}×{n}" for s, n in sorted(soak.statuses[kind].items()))
        print(f"{kind:<10} {len(lat):>6} {codes:<22} {percentile(lat, .5) * 1e3:>8.0f} "
              f"{percentile(lat, .9) * 1e3:>8.0f} {percentile(lat, .99) * 1e3:>8.0f} "
              f"{max(lat) * 1e3:>8.0f}")
    print(f"\n5xx responses: {server_errors}")
    print("server RSS over time:")
    for t, mib in rss:
        print(f"  {t:6.0f} s  {mib:7.1f} MiB")
    warm = [m for t, m in rss if t >= elapsed * 0.3]
    growth = (max(warm) - min(warm)) / min(warm) * 100 if warm else 0.0
    print(f"RSS after warm-up: {min(warm):.1f}–{max(warm):.1f} MiB "
          f"(spread {growth:.1f} %; flat means under 15 %)")
    print(f"mismatched markers or statuses: {len(soak.failures)}")
    for failure in soak.failures[:10]:
        print(f"  {failure}")
    ok = server_errors == 0 and not soak.failures and growth < 15
    errors = [line for line in log.read_text("utf-8", "replace").splitlines() if " ERROR " in line]
    print(f"server log: {log} ({len(errors)} ERROR lines)")
    print(f"\nverdict: {'OK' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
