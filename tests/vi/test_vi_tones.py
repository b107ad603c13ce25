"""One tone normaliser for the whole code base (vocabulary matching and the layout checker)."""

from __future__ import annotations

import pytest

from vanban.check.text import fold
from vanban.vi.tones import new_style_tones
from vanban.vocab.normalize import normalize


@pytest.mark.parametrize(("old", "new"), [
    ("hoà", "hòa"), ("Hoà Bình", "Hòa Bình"), ("uỷ ban", "ủy ban"), ("khoẻ", "khỏe"),
    ("THUỶ", "THỦY"), ("HOÀ", "HÒA"), ("toà án", "tòa án"),
])
def test_open_syllables_move_their_mark(old, new):
    assert new_style_tones(old) == new


@pytest.mark.parametrize("word", ["KẾ HOẠCH", "kế hoạch", "hoàn thành", "khuyến khích",
                                  "hoạt động", "quyết định", "Hòa"])
def test_closed_syllables_and_new_style_unchanged(word):
    assert new_style_tones(word) == word


def test_checker_and_vocabulary_agree_on_ke_hoach():
    """The checker's fold used to rewrite "oạ" inside "HOẠCH" so a KẾ HOẠCH title never matched."""
    assert fold("KẾ HOẠCH") == "kế hoạch"
    assert normalize("Kế hoạch") == "kế hoạch"
    assert fold("Uỷ ban nhân dân") == fold("Ủy ban nhân dân")
