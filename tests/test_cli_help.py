"""``vanban … --help``: all Vietnamese — argparse's own words too — or all English
(``VANBAN_LANG=en``, or an English locale), and every argument of every command explained."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys

import pytest

from conftest import ROOT
from vanban.cli import build_parser, parse
from vanban.cli_lang import ARGPARSE_VI, HELP_EN, argparse_speaking, help_texts, language

ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "show this help message",
                    "error:", "the following arguments are required", "invalid choice")


def commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def help_of(argv: list[str], lang: str, capsys) -> str:
    with pytest.raises(SystemExit) as exit_:
        parse([*argv, "--help"], lang)
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_every_argument_of_every_command_is_explained() -> None:
    """Before: template, input, file, --the-thuc, --families, batch --format, preview --kind …
    had no help text at all."""
    with argparse_speaking("vi"):
        parser = build_parser()
    missing = [f"{prog}: {getattr(owner, 'dest', '')} {getattr(owner, 'option_strings', '')}"
               for prog, owner, attr in help_texts(parser)
               if attr == "help" and not getattr(owner, attr)]
    assert missing == []


@pytest.mark.parametrize("command", [None, *commands()])
def test_vietnamese_help_has_no_english_of_argparse(command, capsys) -> None:
    text = help_of([command] if command else [], "vi", capsys)
    assert text.startswith("cách dùng: vanban")
    assert "tùy chọn:" in text and "in trợ giúp này rồi thoát" in text
    for english in ARGPARSE_ENGLISH:  # before: "positional arguments", "show this help …"
        assert english not in text, english
    if command:  # each command says what it does at the top of its own help
        assert text.split("\n\n")[1].strip()


@pytest.mark.parametrize("command", [None, *commands()])
def test_english_help_is_english_throughout(command, capsys) -> None:
    text = help_of([command] if command else [], "en", capsys)
    assert text.startswith("usage: vanban") and "show this help message and exit" in text
    assert "cách dùng" not in text and "tùy chọn:" not in text


def test_every_help_text_has_its_english() -> None:
    with argparse_speaking("vi"):
        parser = build_parser()
    texts = {getattr(owner, attr) for _, owner, attr in help_texts(parser)}
    untranslated = sorted(t for t in texts if t and t not in HELP_EN
                          and t not in ARGPARSE_VI.values())
    assert untranslated == []


def test_every_message_of_this_pythons_argparse_is_translated() -> None:
    with open(argparse.__file__, encoding="utf-8") as fh:
        source = fh.read()
    ids = {eval(m) for m in re.findall(  # noqa: S307 — string literals of argparse's source
        r"""\b_\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*\)""", source)}
    for single, plural in re.findall(r"ngettext\(\s*('[^']*'),\s*('[^']*')", source):
        ids |= {eval(single), eval(plural)}  # noqa: S307
    assert ids and sorted(ids - set(ARGPARSE_VI)) == []


def test_usage_errors_are_vietnamese(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        parse(["check-format", "--the-thuc", "tinh", "a.docx"], "vi")
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert "vanban check-format: lỗi: đối số --the-thuc: lựa chọn không hợp lệ: 'tinh'" in err
    with pytest.raises(SystemExit):
        parse(["batch", "bao-cao-thi-dua"], "vi")
    assert "lỗi: thiếu các đối số bắt buộc: inputs, -o/--output" in capsys.readouterr().err


def test_argparse_is_left_as_it_was_after_parsing() -> None:
    before = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    parse(["templates"], "vi")
    assert (argparse._, argparse.ngettext) == before  # type: ignore[attr-defined]


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "vi"), ({"LANG": "C.UTF-8"}, "vi"), ({"LANG": "vi_VN.UTF-8"}, "vi"),
    ({"LANG": "en_US.UTF-8"}, "en"), ({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN"}, "en"),
    ({"LANG": "en_US.UTF-8", "VANBAN_LANG": "vi"}, "vi"), ({"VANBAN_LANG": "en"}, "en"),
])
def test_the_language_is_chosen_by_vanban_lang_then_the_locale(environ, expected) -> None:
    assert language(environ) == expected


def test_the_installed_command_speaks_english_on_request() -> None:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "service"), "VANBAN_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "vanban.cli", "render", "--help"], env=env,
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("usage: vanban render")
    assert "template id, e.g. bao-cao-thi-dua" in done.stdout
    env.pop("VANBAN_LANG")
    done = subprocess.run([sys.executable, "-m", "vanban.cli", "render", "--help"], env=env,
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("cách dùng: vanban render") and "đối số vị trí" in done.stdout
