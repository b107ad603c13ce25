"""Data built once and kept on disk (:mod:`vanban.data_cache`): a later process loads what an
earlier one built, an edited source builds anew, a damaged entry or a cache turned off only
means building in memory — and the award vocabulary loaded from it is the one built."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vanban import data_cache
from vanban.config import reload_settings
from vanban.vocab import awards


@pytest.fixture
def folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setenv("VANBAN_TEMPLATE_CACHE", str(tmp_path / "cache"))
    reload_settings()
    yield tmp_path / "cache"
    monkeypatch.undo()
    reload_settings()


def _builder(calls: list[str], value: object):  # noqa: ANN202
    return lambda: calls.append("built") or value


def test_built_once_then_loaded(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "danh-muc.toml"
    source.write_text("a = 1\n")
    calls: list[str] = []
    first = data_cache.built("danh-muc", [source], _builder(calls, {"a": [1, "một"]}))
    again = data_cache.built("danh-muc", [source], _builder(calls, {"other": 2}))
    assert calls == ["built"]
    assert first == again == {"a": [1, "một"]}
    assert [p.name.startswith("data-danh-muc-") for p in folder.iterdir()] == [True]


def test_an_edited_source_builds_anew(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "danh-muc.toml"
    source.write_text("a = 1\n")
    calls: list[str] = []
    data_cache.built("danh-muc", [source], _builder(calls, 1))
    source.write_text("a = 2\n")
    assert data_cache.built("danh-muc", [source], _builder(calls, 2)) == 2
    assert calls == ["built", "built"]


def test_a_damaged_entry_is_built_again_and_rewritten(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "danh-muc.toml"
    source.write_text("a = 1\n")
    calls: list[str] = []
    data_cache.built("danh-muc", [source], _builder(calls, "đúng"))
    (entry,) = folder.iterdir()
    entry.write_bytes(entry.read_bytes()[:-3])
    assert data_cache.built("danh-muc", [source], _builder(calls, "đúng")) == "đúng"
    assert data_cache.built("danh-muc", [source], _builder(calls, "sai")) == "đúng"
    assert calls == ["built", "built"]


def test_cache_off_builds_every_time_and_writes_nothing(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    monkeypatch.setenv("VANBAN_TEMPLATE_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    reload_settings()
    try:
        source = tmp_path / "danh-muc.toml"
        source.write_text("a = 1\n")
        calls: list[str] = []
        data_cache.built("danh-muc", [source], _builder(calls, 1))
        data_cache.built("danh-muc", [source], _builder(calls, 1))
        assert calls == ["built", "built"]
        assert not (tmp_path / "xdg").exists()
    finally:
        monkeypatch.undo()
        reload_settings()


def test_the_vocabulary_loaded_from_the_cache_is_the_one_built(folder: Path) -> None:
    awards._vocab.cache_clear()
    try:
        built = awards._vocab()
        awards._vocab.cache_clear()
        loaded = awards._vocab()  # from the entry just written
        assert loaded is not built and loaded == built
        assert any(p.name.startswith("data-awards-") for p in folder.iterdir())
        chien_si = loaded.by_id["chien-si-thi-dua-co-so"]
        assert loaded.award_index[next(k for k, v in loaded.award_index.items()
                                       if v == chien_si)] is chien_si  # one object, as built
    finally:
        awards._vocab.cache_clear()
