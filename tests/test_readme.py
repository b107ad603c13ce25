"""The README's library section runs as written (copied into a file, from the checkout)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def section_code(title: str, language: str) -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(rf"```{language}\n(.*?)```", section, re.S)
    assert blocks, f"no {language} block under “{title}”"
    return blocks[0]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="the snippet converts to PDF")
def test_library_section_runs_as_written(tmp_path):
    """Before: ``vanban.compute("bang-cham-diem", table)`` — ``table`` was never defined, and
    the table alone was refused."""
    code = section_code("Library", "python")
    assert 'vanban.compute("bang-cham-diem", table)' in code
    for folder in ("fixtures", "templates_docx"):  # the README runs from the checkout
        (tmp_path / folder).symlink_to(ROOT / folder)
    (tmp_path / "snippet.py").write_text(code, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "service")}
    done = subprocess.run([sys.executable, "snippet.py"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "bao-cao.docx").read_bytes()[:2] == b"PK"
    lines = done.stdout.splitlines()
    assert any(line.startswith("input.missing") for line in lines)  # the validate example
    assert lines[-1] == "92"  # the scoring table's total
