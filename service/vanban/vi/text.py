"""Vietnamese text hygiene: Unicode NFC and XML 1.0 safety.

Vietnamese can be typed in two Unicode forms: precomposed (NFC, "ệ" = U+1EC7) and
decomposed (NFD, "e" + U+0302 + U+0323). Both look the same, but Word's spell checker, font
fallback, search and sorting only behave with NFC, and some fonts render the combining marks
misplaced. Every piece of user text therefore goes through :func:`nfc`.

A .docx is XML 1.0, which forbids most C0 control characters, the non-characters U+FFFE and
U+FFFF, and surrogate code points. Text copied out of other programs sometimes carries them
(U+0007 from old Word tables, U+000B vertical tab, U+000C page break …); written into
``document.xml`` they make Word refuse to open the file. :func:`clean_text` rejects such text
with an :class:`~vanban.errors.InputError` that says where the character is, instead of
producing a corrupt document.

Positions: :func:`illegal_xml_chars` returns 0-based Python indices into the string it is
given; the Vietnamese message in :func:`clean_text` counts from 1 ("vị trí 1" is the first
character), as people do. Both refer to the text as the user sent it, before normalisation.
"""

from __future__ import annotations

import re
import unicodedata

from vanban.errors import InputError, problem

__all__ = ["clean_text", "illegal_xml_chars", "join_lines", "nfc"]

# XML 1.0 (5th ed.) §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD]
#                                | [#x10000-#x10FFFF]
# Everything outside that, as it can occur in a Python str:
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# How many offending characters are listed in a problem's ``extra`` (the message names one).
_MAX_LISTED = 50


def nfc(s: str) -> str:
    """Return ``s`` in Unicode Normalisation Form C (precomposed Vietnamese letters)."""
    return unicodedata.normalize("NFC", s)


def illegal_xml_chars(s: str) -> list[tuple[int, str]]:
    """List ``(index, char)`` for every character XML 1.0 forbids, in order.

    Forbidden: C0 controls except tab, line feed and carriage return; U+FFFE, U+FFFF; surrogate
    code points (a Python ``str`` only contains them when they are unpaired, e.g. from a JSON
    ``"\\ud800"`` escape). Indices are 0-based.
    """
    return [(m.start(), m.group()) for m in _ILLEGAL_XML.finditer(s)]


def _describe(ch: str) -> tuple[str, str]:
    """Vietnamese and English name for a forbidden character's kind."""
    cp = ord(ch)
    if cp < 0x20:
        return "ký tự điều khiển", "control character"
    if 0xD800 <= cp <= 0xDFFF:
        return "ký tự đại diện (surrogate) đứng lẻ", "lone surrogate"
    return "ký tự không dùng được trong XML", "XML-forbidden non-character"


def clean_text(s: str, path: str) -> str:
    """NFC-normalise ``s``; raise if it contains characters a .docx cannot hold.

    :param s: text from the user's JSON.
    :param path: JSON path of that text (e.g. ``noi_dung.trich_yeu``), used in the error.
    :raises InputError: one problem with code ``text.control-char`` naming the first forbidden
        character (position counted from 1, code point as ``U+XXXX``) and how many others there
        are; ``extra`` lists up to 50 ``positions`` (0-based) and ``code_points``.
    """
    bad = illegal_xml_chars(s)
    if bad:
        first_index, first_char = bad[0]
        code_point = f"U+{ord(first_char):04X}"
        kind_vi, kind_en = _describe(first_char)
        others = len(bad) - 1
        more_vi = f" (và {others} ký tự không hợp lệ khác)" if others else ""
        more_en = f" (and {others} more)" if others else ""
        fix_vi = "hãy xoá các ký tự này" if others else "hãy xoá ký tự này"
        message_vi = (
            f"Văn bản chứa {kind_vi} {code_point} ở vị trí {first_index + 1}{more_vi}; {fix_vi}."
        )
        message_en = (
            f"text contains {kind_en} {code_point} at position {first_index + 1}{more_en}; "
            "XML 1.0 (and so Word) cannot hold it"
        )
        listed = bad[:_MAX_LISTED]
        raise InputError(
            [
                problem(
                    "text.control-char",
                    path,
                    message_vi,
                    message_en,
                    positions=[i for i, _ in listed],
                    code_points=[f"U+{ord(c):04X}" for _, c in listed],
                )
            ]
        )
    return nfc(s)


def _lower_first(line: str) -> str:
    """Lower-case the first letter of a sentence-start word, but not of an acronym (UBND)."""
    if len(line) > 1 and line[0].isupper() and not line[1].isupper():
        return line[0].lower() + line[1:]
    return line


def join_lines(text: str) -> str:
    """Lines typed on their own (an abstract laid out in two lines) → one running phrase.

    A line that continues in lower case is joined with a space; after ``,``/``;``/``:`` the
    next line is joined with a space and its first letter lowered; a line that stops without
    punctuation before a capitalised line gets ``;``. ``"… năm 2021\\nPhương hướng …"`` →
    ``"… năm 2021; phương hướng …"``."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    out = lines[0]
    for line in lines[1:]:
        if line[0].islower():
            out += " " + line
        elif out[-1] in ",;:":
            out += " " + _lower_first(line)
        else:
            out += "; " + _lower_first(line)
    return out
