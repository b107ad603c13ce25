"""The whole commendation file: one input, every document, consistent across documents.

The cross-check opens every produced .docx and compares names, awards and counts between the
minutes, the reports, the submission (and its annexed list) and the decision."""

from __future__ import annotations

import copy
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from vanban.check.docx_facts import load
from vanban.check.engine import check_docx
from vanban.errors import InputError
from vanban.ho_so import chain
from vanban.ooxml import validate_docx

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "fixtures" / "ho-so-khen-thuong").glob("*.json"))
STATE = ROOT / "fixtures" / "ho-so-khen-thuong" / "nha-nuoc-so-noi-vu-lao-cai-2025.json"


def data(path: Path = STATE) -> dict:
    return json.loads(path.read_text("utf-8"))


def text(docx: bytes) -> str:
    """The paragraphs' text; vanban's own line breaks in titles and names read as spaces."""
    return "\n".join(" ".join(p.text.split()) for p in load(docx).paragraphs)


def problems(d: dict) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as exc:
        chain.plan(d)
    return [(p.code, p.path) for p in exc.value.problems]


@pytest.fixture(scope="module")
def rendered() -> dict[str, dict[str, bytes]]:
    return {p.stem: chain.render(data(p)) for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_document_is_valid_and_passes_the_checker(path, rendered):
    files = rendered[path.stem]
    assert "01-bien-ban-hop-xet.docx" in files and "03-to-trinh-khen-thuong.docx" in files
    family = data(path)["the_thuc"]
    for name, docx in files.items():
        assert validate_docx(docx) == [], name
        report = check_docx(docx, the_thuc=family)
        assert not report.errors, (name, [f.message for f in report.errors])


def test_names_awards_and_counts_agree_across_the_documents(rendered):
    d = data()
    files = rendered[STATE.stem]
    minutes = text(files["01-bien-ban-hop-xet.docx"])
    submission = text(files["03-to-trinh-khen-thuong.docx"])
    decision = text(files["04-quyet-dinh-khen-thuong.docx"])
    votes = d["bien_ban"]["noi_dung"]["ket_qua"]
    members = d["bien_ban"]["noi_dung"]["so_thanh_vien"]
    reached = [v for v in votes if v["dong_y"] * 100 >= (90 if "cấp tỉnh" in v["khen_thuong"]
                                                         else 50.01) * members]
    missed = [v for v in votes if v not in reached]
    assert [v["ten"] for v in missed] == ["Trần Văn Hải"]  # 8/9 = 88,89 % (printed) < 90 %
    for v in votes:
        assert v["ten"] in minutes
    for v in reached:  # every reached candidate is in the submission's list and the decision's
        assert v["ten"] in submission and v["ten"] in decision
    for v in missed:
        assert v["ten"] not in submission and v["ten"] not in decision
    # the counts the sentences state are the lists' counts
    tap_the = sum(1 for v in reached if v["doi_tuong"] == "tap_the"
                  and v["khen_thuong"] == "Bằng khen")
    ca_nhan = sum(1 for v in reached if v["doi_tuong"] == "ca_nhan"
                  and v["khen_thuong"] == "Bằng khen")
    sentence = (f"tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho {tap_the:02d} tập thể và "
                f"{ca_nhan:02d} cá nhân; công nhận danh hiệu “Chiến sĩ thi đua bộ, ban, ngành, "
                "tỉnh” cho 01 cá nhân")
    assert sentence in submission
    assert sentence[0].upper() + sentence[1:] in decision
    assert f"Tập thể ({tap_the:02d})" in submission and f"Cá nhân ({ca_nhan:02d})" in submission
    assert f"Có {len(reached):02d}/{len(votes):02d} trường hợp đạt" in minutes
    # the decision cites the submission by its number and date, the submission the minutes
    assert "Tờ trình số 152/TTr-SNV ngày 12/12/2025" in decision
    assert "Biên bản họp Hội đồng Thi đua - Khen thưởng Sở Nội vụ ngày 10 tháng 12 năm 2025" \
        in submission
    # each report proposes the award the minutes voted for its subject
    report = text(files["02-bao-cao-thanh-tich-01.docx"])
    assert "ĐỀ NGHỊ TẶNG CHIẾN SĨ THI ĐUA BỘ, BAN, NGÀNH, TỈNH" in " ".join(report.split())
    assert "Nguyễn Thị Hồng Nhung" in report
    report = text(files["02-bao-cao-thanh-tich-02.docx"])
    # (the title is broken over lines by vanban)
    assert "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" in " ".join(report.split())
    # Điều 2: 2 collectives × 7.020.000 + 2 persons × 3.510.000 + 1 × 7.020.000
    assert "Tổng số tiền thưởng là 28.080.000 đồng" in decision
    assert "Hai mươi tám triệu không trăm tám mươi nghìn đồng" in decision


def test_the_decision_annex_is_on_its_own_page_with_its_heading(rendered):
    facts = load(rendered[STATE.stem]["04-quyet-dinh-khen-thuong.docx"])
    heading = next(p for p in facts.paragraphs if p.text == "DANH SÁCH KHEN THƯỞNG")
    # its own page: a section of its own (numbered apart), the break just before the heading
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(
        rendered[STATE.stem]["04-quyet-dinh-khen-thuong.docx"])).read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    title = next(p for p in root.iter(f"{w}p") if "".join(p.itertext()) == heading.text)
    assert title.getprevious().find(f"{w}pPr/{w}sectPr") is not None
    follows = facts.paragraphs[heading.index + 1].text
    assert re.fullmatch(r"\(Kèm theo Quyết định số 2150/QĐ-UBND ngày 26 tháng 12 năm 2025 của "
                        r"Chủ tịch Ủy ban nhân dân tỉnh\)", follows)


def test_a_report_for_a_candidate_below_the_threshold_is_refused():
    d = data()
    report = copy.deepcopy(d["bao_cao"][0])
    report["noi_dung"]["ly_lich"]["ho_ten"] = "Trần Văn Hải"
    d["bao_cao"].append(report)
    assert problems(d) == [("ho_so.khong-dat", "bao_cao[2].noi_dung.ly_lich.ho_ten")]


def test_fields_the_chain_fills_cannot_be_typed():
    d = data()
    d["to_trinh"]["noi_dung"]["danh_sach"] = []
    d["bao_cao"][0]["noi_dung"]["de_nghi"] = {"khen_thuong": "Bằng khen"}
    assert set(problems(d)) == {("ho_so.filled", "to_trinh.noi_dung.danh_sach"),
                                ("ho_so.filled", "bao_cao[0].noi_dung.de_nghi")}


def test_a_mixed_authority_is_reported_at_the_minutes_line():
    d = data()
    d["bien_ban"]["noi_dung"]["ket_qua"][4]["khen_thuong"] = "Bằng khen của Thủ tướng Chính phủ"
    assert ("danh_sach.mixed-authority", "bien_ban.noi_dung.ket_qua[4].khen_thuong") \
        in problems(d)


def test_errors_inside_a_document_keep_their_path_in_the_file():
    d = data()
    del d["co_quan"]
    d["to_trinh"]["noi_dung"]["can_cu"] = [""]
    d["quyet_dinh"]["so"] = 0
    found = problems(d)
    assert ("input.missing", "co_quan") in found  # shared key: reported once, at the top
    d = data()
    d["to_trinh"]["noi_dung"]["can_cu"] = [""]
    d["bao_cao"][1]["noi_dung"]["thanh_tich"] = []
    found = problems(d)
    assert ("text.empty", "to_trinh.noi_dung.can_cu[0]") in found
    assert ("input.too_short", "bao_cao[1].noi_dung.thanh_tich") in found
    d = data()
    d["quyet_dinh"]["noi_dung"]["thi_hanh"] = []
    assert problems(d) == [("input.too_short", "quyet_dinh.noi_dung.thi_hanh")]


def test_the_decision_needs_the_submission_number():
    d = data()
    d["to_trinh"]["so"] = None
    assert ("ho_so.so-to-trinh", "to_trinh.so") in problems(d)


def test_zip_holds_every_document_in_filing_order():
    with zipfile.ZipFile(io.BytesIO(chain.render_zip(data()))) as zf:
        assert zf.namelist() == ["01-bien-ban-hop-xet.docx", "02-bao-cao-thanh-tich-01.docx",
                                 "02-bao-cao-thanh-tich-02.docx", "03-to-trinh-khen-thuong.docx",
                                 "04-quyet-dinh-khen-thuong.docx"]
        for name in zf.namelist():
            assert validate_docx(zf.read(name)) == [], name


def test_zip_entries_carry_the_real_date():
    """Not 1980 or 2000: a clerk sorting files by date sees when the file was made."""
    import datetime as dt

    from vanban.vi.dates import GIO_VIET_NAM

    made = dt.datetime(2026, 3, 9, 14, 5, 30, tzinfo=dt.UTC)
    with zipfile.ZipFile(io.BytesIO(chain.render_zip(data(), now=made))) as zf:
        stamps = {info.date_time for info in zf.infolist()}
    assert stamps == {(2026, 3, 9, 21, 5, 30)}  # Vietnam time, UTC+7
    before = dt.datetime.now(GIO_VIET_NAM).replace(microsecond=0, tzinfo=None)
    with zipfile.ZipFile(io.BytesIO(chain.render_zip(data()))) as zf:
        stamp = dt.datetime(*zf.infolist()[0].date_time)
    assert abs((stamp - before).total_seconds()) < 3600
