"""A body's empty section break takes the shell's page set-up at compile time; the shell's
"different first page" then holds only when the landscape slot is empty."""

from __future__ import annotations

import zipfile

from vanban.context.landscape import END_LANDSCAPE, END_PORTRAIT, slot
from vanban.render.compile import merge_body
from vanban.templates import content_blocks_dir

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _shell() -> bytes:
    with zipfile.ZipFile(content_blocks_dir() / "nha-nuoc.docx") as z:
        return z.read("word/document.xml")


def _body(inner: str) -> bytes:
    return f"<w:document {W_NS}><w:body>{inner}</w:body></w:document>".encode()


def test_empty_break_copies_the_shell_setup_and_first_page_rule_follows_the_slot():
    merged = merge_body(_shell(), _body(slot("ngang")), "shell", "body").decode()
    first, final = merged.split("<w:sectPr", 2)[1:3]
    assert "<w:titlePg/>" in first and 'w:type="first"' in first and "w:pgMar" in first
    assert "{% if not ngang %}<w:titlePg/>{% endif %}" in final
    # the copied set-up (with its first-page rule) lives inside the slot: gone when it is empty
    start = merged.index("{%p if ngang %}")
    end = merged.index("{%p endif %}", start)
    assert start < merged.index("<w:titlePg/>") < end


def test_body_without_breaks_is_untouched():
    merged = merge_body(_shell(), _body("<w:p/>"), "shell", "body").decode()
    assert "{% if" not in merged and merged.count("<w:titlePg/>") == 1


def test_landscape_break_is_a4_turned():
    assert 'w:orient="landscape"' in END_LANDSCAPE and 'w:w="16838" w:h="11906"' in END_LANDSCAPE
    assert END_PORTRAIT == "<w:p><w:pPr><w:sectPr/></w:pPr></w:p>"
