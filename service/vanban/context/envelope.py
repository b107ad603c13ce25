"""Envelope → the official elements' texts, as the family shells expect them."""

from __future__ import annotations

from vanban.model.envelope import Envelope
from vanban.the_thuc import blocks
from vanban.the_thuc.families import (
    HEADER_LEFT_TWIPS,
    SIGN_RIGHT_TWIPS,
    TEXT_WIDTH_TWIPS,
    Family,
    get_family,
)
from vanban.the_thuc.line_breaks import break_name, break_title
from vanban.vi.dates import NgayThang


def ten_trong_cau(ten: str) -> str:
    """An agency name in running text: ``ĐẢNG ỦY KHỐI …`` → ``Đảng ủy khối …`` (best effort)."""
    if ten != ten.upper():
        return ten
    lowered = ten.lower()
    return lowered[:1].upper() + lowered[1:]


def cong_van_lines(family: Family, lines: list[str]) -> list[str]:
    """The công văn abstract: ``V/v`` added in front (State, union) unless typed; Party
    documents drop it (36-HD/VPTW)."""
    if not lines:
        return []
    first = lines[0]
    has_vv = first[:3].lower() == "v/v"
    if family.id == "dang":
        first = first[3:].lstrip() if has_vv else first
        first = first[:1].upper() + first[1:]
    elif not has_vv:
        first = f"V/v {first[:1].lower()}{first[1:]}"
    return [first, *lines[1:]]


def noi_nhan_items(env: Envelope, loai_van_ban: str) -> list[str]:
    """A công văn sent to the recipients of its kính gửi lists them first as "Như trên"."""
    items = list(env.noi_nhan)
    if not loai_van_ban and env.kinh_gui and not any(
            " ".join(i.lower().strip(" -–;.,").split()) == "như trên" for i in items):
        items.insert(0, "Như trên")
    return items


def header_name(family: Family, name: str, *, parent: bool = False) -> str:
    """An agency name in capitals, broken by vanban where it must wrap in the header column
    (``ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI``)."""
    size = family.sizes.co_quan_cap_tren if parent else family.sizes.co_quan
    return "\n".join(break_name(blocks.upper(name), HEADER_LEFT_TWIPS / 20, size,
                                 bold=not parent))


def title_lines(family: Family, text: str) -> list[str]:
    """The abstract's lines as vanban breaks them (balanced, no lone last word)."""
    return break_title(text, TEXT_WIDTH_TWIPS / 20, family.sizes.trich_yeu)


def title_text(family: Family, text: str) -> str:
    """The document type's title, broken by vanban when it cannot stand on one line."""
    return "\n".join(break_title(text, TEXT_WIDTH_TWIPS / 20, family.sizes.loai_van_ban))


def authority_lines(family: Family, lines: list[str]) -> list[str]:
    """Authority lines of the signature (``T/M BAN THƯỜNG VỤ …``) broken in the signer's
    column."""
    width = SIGN_RIGHT_TWIPS / 20
    return ["\n".join(break_name(line, width, family.sizes.chu_ky_quyen_han)) for line in lines]


def build(env: Envelope, loai_van_ban: str, loai_viet_tat: str) -> dict:
    family: Family = get_family(env.the_thuc)
    trich_yeu_lines = [part for line in env.trich_yeu.splitlines() if line.strip()
                       for part in title_lines(family, line.strip())]
    co_quan_ten = header_name(family, env.co_quan.ten)
    kh = env.ky_hieu or blocks.ky_hieu(
        family, loai_viet_tat, env.co_quan.viet_tat or "", env.don_vi_soan_thao)
    nguoi_ky = env.nguoi_ky
    return {
        "the_thuc": family.id,
        "co_quan": {
            "cap_tren": blocks.upper(env.co_quan.cap_tren) if env.co_quan.cap_tren else "",
            "ten": blocks.upper(env.co_quan.ten),
            # as the header prints them: broken by vanban where they must wrap
            "cap_tren_dong": (header_name(family, env.co_quan.cap_tren, parent=True)
                              if env.co_quan.cap_tren else ""),
            "ten_dong": co_quan_ten,
        },
        "so_ky_hieu": blocks.so_ky_hieu(family, env.so, kh),
        "ky_hieu": kh,
        "dia_danh_ngay": blocks.dia_danh_ngay(env.dia_danh, NgayThang.parse(env.ngay, "ngay")),
        "du_thao": env.du_thao,
        "loai_van_ban": title_text(family, loai_van_ban) if loai_van_ban else loai_van_ban,
        # Công văn (no type title): the abstract stands under số/ký hiệu, "V/v …" in State and
        # union documents, without "V/v" in Party documents.
        "cong_van": not loai_van_ban,
        "trich_yeu_cv": cong_van_lines(family, trich_yeu_lines),
        "trich_yeu": trich_yeu_lines,
        "gach": blocks.rules(family, co_quan_ten, trich_yeu_lines),
        "kinh_gui": blocks.kinh_gui_lines(env.kinh_gui),
        "chu_ky": {
            "quyen_han": authority_lines(family, blocks.quyen_han_lines(
                family, nguoi_ky.quyen_han, nguoi_ky.thay_cho, nguoi_ky.ky_thay)),
            "chuc_vu": blocks.upper(nguoi_ky.chuc_vu),
            "ho_ten": nguoi_ky.ho_ten or "",
        },
        "noi_nhan": blocks.noi_nhan_lines(
            family, blocks.with_filing_line(noi_nhan_items(env, loai_van_ban),
                                            env.don_vi_soan_thao)),
        "co_quan_trong_cau": env.co_quan.ten_trong_cau or ten_trong_cau(env.co_quan.ten),
    }
