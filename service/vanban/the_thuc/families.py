"""The families of official layout (thể thức) and everything they decide, in one table.

* ``nha-nuoc`` — State documents, Nghị định 30/2020/NĐ-CP, Phụ lục I.
* ``dang`` — Party documents, Hướng dẫn 36-HD/VPTW (typography) and Quy định 399-QĐ/TW.
* ``cong-doan`` — trade-union documents, Quyết định 933/QĐ-TLĐ: State components and
  punctuation; sizes as State (◐ in the spec).
* ``doan-thanh-nien`` — Đoàn TNCS Hồ Chí Minh, Hướng dẫn 29-HD/TWĐTN-VP (see
  ``docs/the-thuc-doan.md``: mostly ◐, every finding of the checker is a warning).

Everything a family decides — sizes in points, the number line and the ký hiệu, the heading,
what stands under the agency, authority prefixes, signature rules, nơi nhận punctuation,
labels, margins, which column of the checker's rule table applies — lives in :data:`FAMILIES`.
This is the only module that names a family: every ``Literal``, ``choices``, enum, label and
detection is generated from it (``tests/the_thuc/test_the_thuc_family_data.py`` fails on a
family id written anywhere else). The content blocks
(``content_blocks/<family>.docx``) are built from these numbers by
``tools/build_docx_sources.py`` and the tests check the rendered output against them, so a
correction to the spec is a one-line change here followed by a rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
DANG_HIEU = "ĐẢNG CỘNG SẢN VIỆT NAM"
DOAN_HIEU = "ĐOÀN TNCS HỒ CHÍ MINH"


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
    #: What stands under the issuing agency: a short line, or "*" (Party), "***" (Đoàn).
    duoi_co_quan: str
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
    #: Short name for pages and menus ("Nhà nước").
    nhan: str = ""
    #: Between the number and the ký hiệu: "/" (``Số: 05/BC-SNV``) or "-" (``Số 05-BC/ĐUK``).
    noi_so: str = "/"
    #: Between the type abbreviation and the agency: "-" (``BC-SNV``) or "/" (``BC/ĐUK``).
    noi_loai: str = "-"
    #: Does the drafting unit close the ký hiệu (``BC-SNV-TĐKT``, ``HD/TWĐTN-VP``)?
    don_vi_trong_ky_hieu: bool = True
    #: Type abbreviations written otherwise in this family ("" → "CV": công văn numbered CV).
    viet_tat_rieng: dict[str, str] = field(default_factory=dict)
    #: After "Lưu" in the filing line: ": " (``Lưu: VT``) or " " (``Lưu Văn phòng``).
    luu_sau: str = ": "
    #: After each nơi nhận line but the last (which ends with "."): ";" (Nghị định 30), ","
    #: (Party offices applying Hướng dẫn 36: seeds 000 and 001, spec/the-thuc.md §2).
    noi_nhan_cuoi_dong: str = ";"
    #: The line under the abstract: "single" or "dashed".
    gach_trich_yeu: Literal["single", "dashed"] = "single"
    #: Công văn abstract without ``V/v``, italic 12 pt (Party), instead of ``V/v …`` upright.
    cong_van_nghieng: bool = False
    #: "Nơi nhận:" underlined, not bold (Party), instead of bold italic.
    noi_nhan_gach_chan: bool = False
    #: A deputy signing for the collective adds ``KT. <head>`` under ``TM.`` (State); False:
    #: the deputy signs ``T/M`` with their own title and no K/T line (Party).
    kt_duoi_tm: bool = True
    #: Agency names (regex on folded text) that identify this family when its heading is the
    #: Quốc hiệu of another (the trade union's).
    nhan_dien_co_quan: str | None = None
    #: The checker's rule table has three columns of marks; the one this family reads.
    cot_quy_tac: Literal["state", "union", "party"] = "state"
    #: Every finding a warning: the family's rules are known only from secondary sources.
    chi_canh_bao: bool = False
    #: The source the checker cites for this family's rules (None: the column's).
    nguon_quy_tac: str | None = None
    #: Its own sizes are confirmed (✅) rather than "as State" (◐).
    co_rieng_chac: bool = True

    @property
    def tieu_de(self) -> str:
        """The heading that identifies the family (Quốc hiệu, ĐẢNG CỘNG SẢN VIỆT NAM …)."""
        return self.header_right[0]

    @property
    def tieu_de_rieng(self) -> bool:
        """A heading of its own instead of the Quốc hiệu (Party, Đoàn)."""
        return self.tieu_de != QUOC_HIEU

    @property
    def dau_ket(self) -> str:
        """The mark the body's last sentence ends with: ``ket_thuc`` (``./.``), or a full stop
        where the family prescribes none (the Party)."""
        return self.ket_thuc or "."

    def viet_tat(self, loai_viet_tat: str) -> str:
        """The type abbreviation as this family writes it."""
        return self.viet_tat_rieng.get(loai_viet_tat, loai_viet_tat)


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
        nhan="Nhà nước",
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
        nhan="Đảng",
        noi_so="-",
        noi_loai="/",
        don_vi_trong_ky_hieu=False,
        viet_tat_rieng={"": "CV", "QyĐ": "QĐ"},
        luu_sau=" ",
        noi_nhan_cuoi_dong=",",
        gach_trich_yeu="dashed",
        cong_van_nghieng=True,
        noi_nhan_gach_chan=True,
        kt_duoi_tm=False,
        cot_quy_tac="party",
    ),
}


# The trade union uses the State components, punctuation and (◐) sizes: Quyết định 933/QĐ-TLĐ.
FAMILIES["cong-doan"] = replace(
    FAMILIES["nha-nuoc"], id="cong-doan", ten="Công đoàn (Quyết định 933/QĐ-TLĐ)",
    can_cu="Quyết định 933/QĐ-TLĐ", nhan="Công đoàn", cot_quy_tac="union",
    nhan_dien_co_quan=r"\bcông đoàn\b|\bcđ[a-zđ]*\b|\bliên đoàn lao động\b|\blđlđ\b",
    co_rieng_chac=False,
)

# Đoàn TNCS Hồ Chí Minh: Hướng dẫn 29-HD/TWĐTN-VP (29/10/2013). The heading and its rule, the
# agency with "***" under it and "Số: 29-HD/TWĐTN-VP" are read in documents as issued (◐);
# the rest follows the Party's typography, which the Đoàn's guidance is modelled on (◐ / ❌ —
# docs/the-thuc-doan.md lists each). The checker reads the Party's column of marks, as warnings.
FAMILIES["doan-thanh-nien"] = replace(
    FAMILIES["dang"], id="doan-thanh-nien",
    ten="Đoàn TNCS Hồ Chí Minh (Hướng dẫn 29-HD/TWĐTN-VP)",
    can_cu="Hướng dẫn 29-HD/TWĐTN-VP", nhan="Đoàn TNCS",
    header_right=(DOAN_HIEU,), duoi_co_quan="***", so_prefix="Số:",
    quyen_han=_STATE_QUYEN_HAN, chuc_vu_bold=True, ket_thuc="./.", tu_ca_nhan="cá nhân",
    don_vi_trong_ky_hieu=True, viet_tat_rieng={"": "CV"}, luu_sau=" ",
    cong_van_nghieng=False, chi_canh_bao=True,
    nguon_quy_tac="Hướng dẫn 29-HD/TWĐTN-VP (◐ nguồn thứ cấp, xem docs/the-thuc-doan.md)",
    co_rieng_chac=False,
)

#: Every family id, the default first.
FAMILY_IDS: tuple[str, ...] = tuple(FAMILIES)
#: ``Literal`` of the family ids, for models (generated, never written out).
FamilyId = Literal[FAMILY_IDS]  # type: ignore[valid-type]
DEFAULT_FAMILY = FAMILY_IDS[0]
#: Short names for pages: id → "Nhà nước", "Đảng" …
LABELS: dict[str, str] = {f.id: f.nhan for f in FAMILIES.values()}


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
