"""``vanban.streams.new_file``: the command line's output file appears whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vanban.streams import new_file, write_output


def test_a_new_file_appears_only_when_complete(tmp_path: Path) -> None:
    out = tmp_path / "lo.zip"
    with new_file(out) as fh:
        fh.write(b"part")
        assert not out.exists()  # still under its temporary name
        fh.write(b" two")
    assert out.read_bytes() == b"part two"
    assert [p.name for p in tmp_path.iterdir()] == ["lo.zip"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "lo.zip"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError), new_file(out) as fh:
        fh.write(b"half")
        raise RuntimeError("disk full")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["lo.zip"]


def test_mode_is_the_old_files_or_the_umasks(tmp_path: Path) -> None:
    old = tmp_path / "old.zip"
    old.write_bytes(b"old")
    old.chmod(0o604)
    with new_file(old) as fh:
        fh.write(b"new")
    assert old.stat().st_mode & 0o777 == 0o604
    mask = os.umask(0o027)
    try:
        with new_file(tmp_path / "fresh.zip") as fh:
            fh.write(b"new")
    finally:
        os.umask(mask)
    assert (tmp_path / "fresh.zip").stat().st_mode & 0o777 == 0o640


def test_a_symbolic_link_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.zip"
    real.write_bytes(b"old")
    link = tmp_path / "link.zip"
    link.symlink_to(real)
    with new_file(link) as fh:
        fh.write(b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_device_is_written_in_place() -> None:
    with new_file(os.devnull) as fh:
        fh.write(b"nothing")
    assert Path(os.devnull).exists()


def test_render_output_that_fails_to_write_keeps_the_old_document(tmp_path: Path,
                                                                    monkeypatch) -> None:
    """``vanban render -o ban.docx`` (:func:`write_output`): a disk that fills up mid-write
    left last time's document truncated; now it stays whole and no partial file is left."""
    out = tmp_path / "ban.docx"
    out.write_bytes(b"old document")
    out.chmod(0o640)
    write_output(str(out), b"new document")
    assert out.read_bytes() == b"new document" and (out.stat().st_mode & 0o777) == 0o640

    real_fdopen = os.fdopen

    class FullDisk:  # the file new_file writes to, on a disk that fills up
        def __init__(self, fh) -> None:  # noqa: ANN001
            self.fh = fh

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            self.fh.write(data[:4])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(OSError, match="No space"):
        write_output(str(out), b"newer document")
    monkeypatch.undo()
    assert out.read_bytes() == b"new document"
    assert [p.name for p in tmp_path.iterdir()] == ["ban.docx"]
