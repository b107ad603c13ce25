"""The achievement report's tables: vocabulary, right table, years in order, no title twice."""

from __future__ import annotations

from vanban_templates.bao_cao_thanh_tich.checks import bang, de_nghi
from vanban_templates.bao_cao_thanh_tich.model import DaKhenThuong


def row(nam, ten, nguoi_tang=None):
    return DaKhenThuong(nam=nam, ten=ten, nguoi_tang=nguoi_tang)


def test_a_clean_table():
    rows = [row(2022, "Lao động tiên tiến"), row(2023, "Chiến sỹ thi đua cấp cơ sở"),
            row(2023, "Lao động tiên tiến"), row(2024, "Chiến sĩ thi đua cơ sở")]
    out, problems = bang(rows, "danh_hieu", "noi_dung.danh_hieu", 2025)
    assert problems == []
    assert [d.match.ten_day_du for d in out][1] == "Chiến sĩ thi đua cơ sở"  # canonical name


def test_a_title_claimed_twice_for_one_year():
    rows = [row(2023, "Chiến sĩ thi đua cơ sở"), row(2023, "CSTĐ cơ sở")]
    _, problems = bang(rows, "danh_hieu", "noi_dung.danh_hieu", 2025)
    assert [(p.code, p.path) for p in problems] == [
        ("bao_cao.trung-nam", "noi_dung.danh_hieu[1].ten")]


def test_years_out_of_order_and_in_the_future():
    rows = [row(2023, "Lao động tiên tiến"), row(2022, "Lao động tiên tiến"),
            row(2026, "Lao động tiên tiến")]
    _, problems = bang(rows, "danh_hieu", "d", 2025)
    assert [(p.code, p.path) for p in problems] == [
        ("bao_cao.nam-thu-tu", "d[1].nam"), ("bao_cao.nam-tuong-lai", "d[2].nam")]


def test_names_from_the_vocabulary_in_the_right_table():
    rows = [row(2023, "Bằng khen", "Chủ tịch UBND tỉnh"), row(2024, "Giấy khen hạng vàng")]
    _, problems = bang(rows, "danh_hieu", "d", 2025)
    assert [(p.code, p.path) for p in problems] == [
        ("bao_cao.sai-bang", "d[0].ten"), ("award.unknown", "d[1].ten")]


def test_proposed_award_must_suit_the_kind_of_report():
    match, problems = de_nghi("Tập thể lao động xuất sắc", None, "ca_nhan", "noi_dung.de_nghi")
    assert match is not None
    assert [(p.code, p.path) for p in problems] == [
        ("bao_cao.doi-tuong", "noi_dung.de_nghi.khen_thuong")]
    _, problems = de_nghi("Bằng khen", "Chủ tịch Ủy ban nhân dân tỉnh", "tap_the", "x")
    assert problems == []
