"""Vietnamese alphabetical order: letters (a ă â … d đ …) first, tones after, case last."""

from __future__ import annotations

import random

from vanban.vi.collate import khoa, sap_xep


def test_d_before_dd_and_dd_before_e():
    assert sap_xep(["Đoàn", "Em", "Dân"]) == ["Dân", "Đoàn", "Em"]
    assert sorted(["Đoàn", "Em", "Dân"]) != ["Dân", "Đoàn", "Em"]  # code points get it wrong


def test_a_breve_circumflex_order():
    assert sap_xep(["Âu", "Ăn", "Anh", "Bình"]) == ["Anh", "Ăn", "Âu", "Bình"]


def test_o_and_u_with_marks():
    assert sap_xep(["Ơn", "Ôn", "On", "Ưu", "Uy", "Vân"]) == ["On", "Ôn", "Ơn", "Uy", "Ưu", "Vân"]


def test_tones_only_decide_between_equal_letters():
    assert sap_xep(["bạ", "bá", "bã", "bả", "bà", "ba"]) == ["ba", "bà", "bả", "bã", "bá", "bạ"]
    # letters first: "bán" (b-a-n) comes after "bạ" (b-a) whatever the tones
    assert sap_xep(["bán", "bạ"]) == ["bạ", "bán"]
    assert sap_xep(["Sở Tư pháp", "Sở Tài chính"]) == ["Sở Tài chính", "Sở Tư pháp"]


def test_words_compare_word_by_word_space_first():
    assert sap_xep(["Sở Y tế", "Sở Xây dựng", "Sở"]) == ["Sở", "Sở Xây dựng", "Sở Y tế"]


def test_case_and_decomposed_input_do_not_change_letter_order():
    assert khoa("đoàn")[0] == khoa("ĐOÀN")[0]
    assert khoa("Ho\u0302\u0300ng")[:2] == khoa("Hồng")[:2]


def test_full_alphabet_shuffled_comes_back():
    letters = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    shuffled = letters[:]
    random.Random(8).shuffle(shuffled)
    assert sap_xep(shuffled) == letters
