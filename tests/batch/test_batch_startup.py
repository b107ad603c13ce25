"""``vanban batch`` starts with only what the batch needs (issue 21, item 4: start-up counts).

A new process imports vanban and the one template asked for, loads that template's compiled
families from the on-disk cache (:mod:`vanban.render.cache`) and renders: no web framework, no
workbook, signing, PDF or designer code, no docxtpl / python-docx (only compiling needs them),
no other template's model or context module."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import FIXTURES, fixture_data
from vanban.templates import REGISTRY

TEMPLATE = "bao-cao-thi-dua"

#: Imported by the command, the modules it ends with are printed as JSON on stdout.
PROBE = """
import json, sys
from vanban.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

#: Nothing the batch of .docx files needs (top-level names, or vanban packages).
HEAVY = ("flask", "werkzeug", "gunicorn", "openpyxl", "pyhanko", "pypdfium2", "redis", "rq",
         "docxtpl", "docx", "PIL", "playwright", "requests", "num2words", "tqdm", "vanban.web",
         "vanban.workbook.", "vanban.kyso.", "vanban.pdf", "vanban.designer.", "vanban.check",
         "vanban.jobs.", "pydantic_settings")
#: The template rendered: its own code is ``vanban_templates.bao_cao_thi_dua.*``; any other
#: ``vanban_templates.*`` module is another template's.
OWN = "vanban_templates.bao_cao_thi_dua"
#: What the argument parser itself needs of the other commands (their parser definitions).
PARSERS = {"vanban.designer.cli", "vanban.workbook.cli", "vanban.kyso.cli", "vanban.kyso.errors",
           "vanban.jobs.cli"}


def batch(tmp_path: Path, cache: Path, out: Path) -> dict:
    inputs = tmp_path / "all.jsonl"
    inputs.write_text("\n".join(json.dumps(fixture_data(n), ensure_ascii=False)
                                for n in sorted(FIXTURES)) + "\n", "utf-8")
    env = {**os.environ, "VANBAN_TEMPLATE_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE, "batch", TEMPLATE, str(inputs), "-o",
                           str(out), "--no-progress", "--workers", "1"], env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, done.stderr
    return result


def heavy(modules: list[str]) -> list[str]:
    def is_heavy(name: str) -> bool:
        if name in PARSERS:
            return False
        if name.startswith("vanban_templates.") and not name.startswith(OWN):
            return True
        for h in HEAVY:  # "pkg." means its submodules (the package itself may be there)
            if name.startswith(h) if h.endswith(".") else name == h or name.startswith(h + "."):
                return True
        return False
    return [m for m in modules if is_heavy(m)]


def documents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        out = {}
        for name in zf.namelist():
            if name.endswith(".docx"):
                with zipfile.ZipFile(io.BytesIO(zf.read(name))) as doc:
                    out[name] = doc.read("word/document.xml")
        return out


def test_a_batch_imports_only_what_it_renders_with(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = batch(tmp_path, cache, tmp_path / "first.zip")  # compiles, fills the cache
    second = batch(tmp_path, cache, tmp_path / "second.zip")
    assert heavy(second["modules"]) == []
    # one entry per family the template offers, and the award vocabulary as built
    entries = sorted(p.name for p in cache.glob("*.bin"))
    assert len([n for n in entries if not n.startswith("data-")]) == len(
        REGISTRY.get(TEMPLATE).families)
    assert [n for n in entries if n.startswith("data-")][0].startswith("data-awards-")
    assert f"{OWN}.model" in second["modules"]
    # the cached templates make the same documents as freshly compiled ones
    made = documents(tmp_path / "second.zip")
    assert len(made) == len(FIXTURES)
    assert made == documents(tmp_path / "first.zip")
    assert "docxtpl" in first["modules"]  # compiling does use it


def test_a_damaged_cache_entry_is_compiled_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    batch(tmp_path, cache, tmp_path / "first.zip")
    entries = sorted(cache.glob("*.bin"))
    whole = entries[0].read_bytes()
    entries[0].write_bytes(whole[: len(whole) // 2])  # a write cut short
    entries[1].write_bytes(b"not an entry")
    result = batch(tmp_path, cache, tmp_path / "second.zip")
    assert "docxtpl" in result["modules"]  # compiled again, not read
    assert documents(tmp_path / "second.zip") == documents(tmp_path / "first.zip")
    assert entries[0].read_bytes() == whole  # and saved whole again
