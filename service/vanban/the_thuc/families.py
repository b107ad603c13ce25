"""The three families of official layout (thể thức) and their numbers, in one table.

* ``nha-nuoc`` — State documents, Nghị định 30/2020/NĐ-CP, Phụ lục I.
* ``dang`` — Party documents, Hướng dẫn 36-HD/VPTW (typography) and Quy định 399-QĐ/TW.
* ``cong-doan`` — trade-union documents, Quyết định 933/QĐ-TLĐ: State components and
  punctuation; sizes as State (◐ in the spec).

Everything a family decides — sizes in points, punctuation of the number line, authority
prefixes, labels, margins — lives in :data:`FAMILIES`. The content blocks
(``content_blocks/<family>.docx``) are built from these numbers by
``tools/build_docx_sources.py`` and the tests check the rendered output against them, so a
correction to the spec is a one-line change here followed by a rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

FamilyId = Literal["nha-nuoc", "dang", "cong-doan"]
FAMILY_IDS: tuple[str, ...] = ("nha-nuoc", "dang", "cong-doan")

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
DANG_HIEU = "ĐẢNG CỘNG SẢN VIỆT NAM"


@dataclass(frozen=True)
class Sizes:
    """Font sizes in points of each official element."""

    quoc_hieu: float
    tieu_ngu: float
    co_quan_cap_tren: float
    co_quan: float
    so_ky_hieu: float
    dia_danh_ngay: float
    loai_van_ban: float
    trich_yeu: float
    kinh_gui: float
    noi_dung: float
    chu_ky_quyen_han: float
    chu_ky_chuc_vu: float
    chu_ky_ho_ten: float
    noi_nhan_nhan: float
    noi_nhan_ds: float
    so_trang: float
    du_thao: float
    bang: float


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class Family:
    id: str
    ten: str
    can_cu: str
    sizes: Sizes
    margins: Margins
    #: Text on the right of the header (Quốc hiệu or the Party's name).
    header_right: tuple[str, ...]
    #: What stands under the issuing agency: a short line, or "*".
    duoi_co_quan: Literal["line", "*"]
    #: "Số: 12/BC-SNV" (State) or "Số 12-BC/ĐUK" (Party).
    so_prefix: str
    #: Authority prefixes as printed.
    quyen_han: dict[str, str] = field(default_factory=dict)
    #: Default collective named after TM when none is given.
    noi_nhan_label: str = "Nơi nhận:"
    #: Does the signer's title stand in bold? (Party: not bold ◐)
    chuc_vu_bold: bool = True
    #: Does the body end with "./."?
    ket_thuc: str = "./."
    #: Word for individuals in award sentences.
    tu_ca_nhan: str = "cá nhân"
    #: First-line indent of body paragraphs in twips (1 cm = 567).
    thut_dau_dong: int = 567


_STATE_SIZES = Sizes(
    quoc_hieu=13, tieu_ngu=14, co_quan_cap_tren=13, co_quan=13, so_ky_hieu=13,
    dia_danh_ngay=14, loai_van_ban=14, trich_yeu=14, kinh_gui=14, noi_dung=14,
    chu_ky_quyen_han=14, chu_ky_chuc_vu=14, chu_ky_ho_ten=14, noi_nhan_nhan=12,
    noi_nhan_ds=11, so_trang=13, du_thao=13, bang=13,
)

_STATE_QUYEN_HAN = {"TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ.", "Q": "Q."}

FAMILIES: dict[str, Family] = {
    "nha-nuoc": Family(
        id="nha-nuoc",
        ten="Nhà nước (Nghị định 30/2020/NĐ-CP)",
        can_cu="Nghị định 30/2020/NĐ-CP, Phụ lục I",
        sizes=_STATE_SIZES,
        margins=Margins(top=20, bottom=20, left=30, right=15),
        header_right=(QUOC_HIEU, TIEU_NGU),
        duoi_co_quan="line",
        so_prefix="Số:",
        quyen_han=_STATE_QUYEN_HAN,
    ),
    "dang": Family(
        id="dang",
        ten="Đảng (Hướng dẫn 36-HD/VPTW, Quy định 399-QĐ/TW)",
        can_cu="Hướng dẫn 36-HD/VPTW",
        sizes=Sizes(
            quoc_hieu=15, tieu_ngu=15, co_quan_cap_tren=14, co_quan=14, so_ky_hieu=14,
            dia_danh_ngay=14, loai_van_ban=16, trich_yeu=14, kinh_gui=14, noi_dung=14,
            chu_ky_quyen_han=14, chu_ky_chuc_vu=14, chu_ky_ho_ten=14, noi_nhan_nhan=14,
            noi_nhan_ds=12, so_trang=14, du_thao=14, bang=13,
        ),
        margins=Margins(top=20, bottom=20, left=30, right=15),
        header_right=(DANG_HIEU,),
        duoi_co_quan="*",
        so_prefix="Số",
        quyen_han={"TM": "T/M", "KT": "K/T", "TL": "T/L", "TUQ": "TUQ.", "Q": "Q."},
        chuc_vu_bold=False,
        ket_thuc="",
        tu_ca_nhan="đồng chí",
    ),
}


# The trade union uses the State components, punctuation and (◐) sizes: Quyết định 933/QĐ-TLĐ.
FAMILIES["cong-doan"] = replace(
    FAMILIES["nha-nuoc"], id="cong-doan", ten="Công đoàn (Quyết định 933/QĐ-TLĐ)",
    can_cu="Quyết định 933/QĐ-TLĐ",
)
FAMILIES = {family_id: FAMILIES[family_id] for family_id in FAMILY_IDS}


def get_family(family_id: str) -> Family:
    return FAMILIES[family_id]


def mm_to_twips(mm: float) -> int:
    """Millimetres to twentieths of a point (1 inch = 25.4 mm = 1440 twips)."""
    return round(mm * 1440 / 25.4)


#: Text width of an A4 page with the 30 mm / 15 mm side margins, in twips.
TEXT_WIDTH_TWIPS = mm_to_twips(210 - 30 - 15)
#: The header table: agency block left (40 %), Quốc hiệu right (wide enough to keep the
#: Quốc hiệu on one line at 13 pt bold: 271 pt of text in a 280 pt cell).
HEADER_LEFT_TWIPS = round(TEXT_WIDTH_TWIPS * 0.40)
HEADER_RIGHT_TWIPS = TEXT_WIDTH_TWIPS - HEADER_LEFT_TWIPS
#: The signature band: nơi nhận left, signature right.
SIGN_LEFT_TWIPS = round(TEXT_WIDTH_TWIPS * 0.42)
SIGN_RIGHT_TWIPS = TEXT_WIDTH_TWIPS - SIGN_LEFT_TWIPS
