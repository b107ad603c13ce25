"""Normalising award and conferrer names before matching them against the vocabulary.

Case folding, NFC, old and new tone placement ("hoà"/"hòa", "uỷ"/"ủy"), "sỹ" → "sĩ", quotes and
separators dropped, common abbreviations expanded ("UBND" → "ủy ban nhân dân").
"""

from __future__ import annotations

import re
import unicodedata

from vanban.vi.tones import new_style_tones

_QUOTES = str.maketrans("", "", "“”\"'‘’«»„‟`")
_PUNCT = re.compile(r"[,.;:!?()\[\]{}\-–—/\\&+*|]")
_SPACES = re.compile(r"\s+")

# Abbreviations expanded word by word (after case folding).
_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "ttg": "thủ tướng",
    "ttgcp": "thủ tướng chính phủ",
    "ttcp": "thủ tướng chính phủ",
    "ct": "chủ tịch",
    "cstđ": "chiến sĩ thi đua",
    "cstđcs": "chiến sĩ thi đua cơ sở",
    "lđtt": "lao động tiên tiến",
    "ttlđtt": "tập thể lao động tiên tiến",
    "ttlđxs": "tập thể lao động xuất sắc",
    "lđlđ": "liên đoàn lao động",
    "tlđlđvn": "tổng liên đoàn lao động việt nam",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
    "cđcs": "công đoàn cơ sở",
    "knc": "kỷ niệm chương",
    "hclđ": "huân chương lao động",
    "llvt": "lực lượng vũ trang",
    "llvtnd": "lực lượng vũ trang nhân dân",
    "hcm": "hồ chí minh",
    "chxhcn": "cộng hòa xã hội chủ nghĩa",
    "tp": "thành phố",
    "vn": "việt nam",
}
_ABBREV_RE = re.compile(r"\b(" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")\b")

_HANG = [
    (re.compile(r"\bhạng (?:iii|3)\b"), "hạng ba"),
    (re.compile(r"\bhạng (?:ii|2)\b"), "hạng nhì"),
    (re.compile(r"\bhạng (?:i|1|nhứt)\b"), "hạng nhất"),
]

# "sỹ"/"sĩ", "kỷ"/"kỉ", "lý"/"lí": a final y right after consonants → i.
_FINAL_Y = re.compile(r"\b([bcdđghklmnpqrstvx]{1,3})([yýỳỷỹỵ])\b")
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")

_AWARD_PREFIXES = ("danh hiệu vinh dự nhà nước ", "danh hiệu thi đua ", "danh hiệu ")


def normalize(text: str) -> str:
    """Matching key for a Vietnamese name.

    NFC, case-folded, quotes dropped, punctuation turned into spaces, abbreviations expanded
    ("UBND" → "ủy ban nhân dân", "TTg" → "thủ tướng", "CSTĐ" → "chiến sĩ thi đua" …),
    "hạng III" → "hạng ba", tone placement unified ("hoà" = "hòa", "uỷ" = "ủy"), "sỹ" → "sĩ",
    spaces collapsed.
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).casefold()
    text = _PUNCT.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    text = _ABBREV_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)], text)
    for pattern, replacement in _HANG:
        text = pattern.sub(replacement, text)
    text = new_style_tones(text)
    text = _FINAL_Y.sub(lambda m: m.group(1) + m.group(2).translate(_Y_TO_I), text)
    return text


def award_key(text: str) -> str:
    key = normalize(text)
    for prefix in _AWARD_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def clean_name(text: str) -> str:
    """The user's text, NFC, single-spaced, without surrounding quotes and separators."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return text.strip(" “”\"'‘’«»,;:-–—()[]")
