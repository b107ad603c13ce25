"""``vanban.pdf.converter()``: the backend named by ``VANBAN_PDF``, a clear 503 for a name that
is none, ``auto`` preferring Gotenberg when configured, and clearing that stops LibreOffice."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pdf_helpers import needs_uno, wait_gone

from vanban.errors import ConversionError
from vanban.pdf import (
    GotenbergConverter,
    LibreOfficeConverter,
    WarmConverter,
    WordConverter,
    converter,
    one_shot,
)


@pytest.fixture
def configure(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    def set_env(**values: str) -> None:
        for name, value in values.items():
            monkeypatch.setenv(f"VANBAN_{name.upper()}", value)
        converter.cache_clear()

    yield set_env
    converter.cache_clear()


@pytest.mark.parametrize(("choice", "kind"), [
    ("warm", WarmConverter), ("libreoffice", LibreOfficeConverter), ("word", WordConverter),
    ("gotenberg", GotenbergConverter), (" Warm ", WarmConverter)])
def test_choice_names_the_backend(configure, choice, kind):
    configure(pdf=choice)
    assert type(converter()) is kind
    assert converter() is converter()  # one per process


def test_auto_prefers_gotenberg_when_configured(configure):
    configure(pdf="auto", gotenberg_url="http://127.0.0.1:9/")
    assert isinstance(converter(), GotenbergConverter)
    assert converter().url == "http://127.0.0.1:9"


def test_auto_on_linux_is_warm(configure):
    configure(pdf="auto", gotenberg_url="")
    assert isinstance(converter(), WarmConverter)
    assert isinstance(one_shot(), LibreOfficeConverter)  # `vanban render -o x.pdf` stays cold


def test_unknown_backend_is_a_clear_503(configure):
    configure(pdf="acrobat")
    conv = converter()
    assert conv.status() == {"name": "?", "available": False}
    with pytest.raises(ConversionError) as info:
        conv.convert(b"PK")
    problem = info.value.problems[0]
    assert info.value.status == 503 and problem.code == "pdf.unavailable"
    assert "VANBAN_PDF" in problem.message and "acrobat" in problem.message
    assert "gotenberg" in problem.message and "acrobat" in problem.message_en


def test_settings_reach_the_backend(configure):
    configure(pdf="warm", pdf_timeout="7.5", pdf_concurrency="3", soffice="/x/soffice")
    conv = converter()
    assert (conv.timeout, conv.size, conv.soffice) == (7.5, 3, None)
    assert not conv.available()  # VANBAN_SOFFICE points nowhere


@needs_uno
def test_clearing_stops_the_warm_libreoffice(configure):
    configure(pdf="warm")
    conv = converter()
    conv.start()
    (pid,) = conv.pids()
    converter.cache_clear()
    assert wait_gone(pid)
    assert converter() is not conv
