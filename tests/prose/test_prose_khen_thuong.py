"""Award sentences and table rows: rank order whatever the input order, verbs, counts."""

from __future__ import annotations

import random

from vanban.model.khen_thuong import KhenThuong
from vanban.prose import khen_thuong as kt
from vanban.vocab import find_award

ITEMS = [
    {"ten": "Giấy khen", "nguoi_tang": "Giám đốc Sở", "ca_nhan": 12},
    {"ten": "Lao động tiên tiến", "ca_nhan": 40},
    {"ten": "Chiến sĩ thi đua cơ sở", "ca_nhan": 4},
    {"ten": "Bằng khen", "nguoi_tang": "Chủ tịch UBND tỉnh", "tap_the": 2},
    {"ten": "Bằng khen", "nguoi_tang": "Thủ tướng Chính phủ", "tap_the": 3, "ca_nhan": 1},
    {"ten": "Huân chương Lao động hạng Nhì", "tap_the": 1},
]
EXPECTED = ["Huân chương Lao động hạng Nhì", "Bằng khen", "Bằng khen",
            "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Giấy khen"]


def awards(items):
    out = []
    for n, raw in enumerate(items):
        item = KhenThuong(**raw)
        out.append(kt.Award(item=item, match=find_award(item.ten, item.nguoi_tang), index=n))
    return out


def test_rank_order_is_independent_of_input_order():
    rng = random.Random(7)
    for _ in range(10):
        shuffled = ITEMS[:]
        rng.shuffle(shuffled)
        ranked = kt.ranked(awards(shuffled))
        assert [a.ten for a in ranked] == EXPECTED
        assert ranked[1].nguoi_tang == "Thủ tướng Chính phủ"


def test_sentence_wording():
    (sentence,) = kt.sentences(awards(ITEMS), "năm 2024", "cá nhân")
    assert sentence.startswith(
        "Kết quả khen thưởng năm 2024: 01 tập thể được Chủ tịch nước tặng Huân chương Lao động "
        "hạng Nhì; 03 tập thể và 01 cá nhân được Thủ tướng Chính phủ tặng Bằng khen; 02 tập thể "
        "được Chủ tịch UBND tỉnh tặng Bằng khen; 04 cá nhân được công nhận danh hiệu “Chiến sĩ "
        "thi đua cơ sở”; 40 cá nhân được công nhận danh hiệu “Lao động tiên tiến”; 12 cá nhân "
        "được Giám đốc Sở tặng Giấy khen.")


def test_party_counts_people_as_dong_chi_and_proposals_are_separate():
    items = [{"ten": "Bằng khen", "nguoi_tang": "Ban Thường vụ Tỉnh ủy", "ca_nhan": 3,
              "trang_thai": "de_nghi", "danh_sach": ["Nguyễn Văn A", "Lê Thị B"]},
             {"ten": "Lao động tiên tiến", "ca_nhan": 9}]
    received, proposed = kt.sentences(awards(items), "6 tháng đầu năm 2022", "đồng chí")
    assert received == ("Kết quả khen thưởng 6 tháng đầu năm 2022: 09 đồng chí được công nhận "
                        "danh hiệu “Lao động tiên tiến”.")
    assert proposed == ("Đã trình cấp trên khen thưởng: đề nghị Ban Thường vụ Tỉnh ủy tặng Bằng "
                        "khen cho 03 đồng chí (gồm: Nguyễn Văn A; Lê Thị B).")


def test_table_rows():
    rows = kt.table_rows(awards(ITEMS))
    assert [r["tt"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert rows[0] == {"tt": "1", "ten": "Huân chương Lao động hạng Nhì",
                       "nguoi_tang": "Chủ tịch nước", "tap_the": "01", "ca_nhan": "",
                       "ghi_chu": ""}
