"""The format checker's rule table: every rule id, its Vietnamese title, its source per family
and its severity per family, plus the one table of numeric ranges the spec gives.

Severity follows the confidence marks of ``shared/spec/the-thuc.md``: what the spec marks ✅
(read in the official text) is an **error**, what it marks ◐ (secondary sources only) is a
**warning**. Marks are per column, written ``(state, union, party)``; each family reads the
column its row of the family table names (``cot_quy_tac``: the Đoàn reads the Party's, every
mark as a warning since its rules are known from secondary sources); ``None`` means the rule
does not apply. The trade union follows the State components and
punctuation (✅) with sizes only ◐ "as State", so numeric checks of the union are warnings.

Expected *values* come from :mod:`vanban.the_thuc.families` (the single source of the numbers
the generator uses); where the spec allows a range, :data:`SIZE_RANGES` and
:data:`RANGES` hold it, and the family's number must lie inside it (a test checks that).
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.the_thuc.families import FAMILIES, Family

ERROR = "error"
WARNING = "warning"
CONFIRMED = "✅"
SECONDARY = "◐"

ND30 = "Nghị định 30/2020/NĐ-CP"
PL1 = f"{ND30}, Phụ lục I"
PL3 = f"{ND30}, Phụ lục III"
HD36 = "Hướng dẫn 36-HD/VPTW"
QD399 = "Quy định 399-QĐ/TW"
QD933 = "Quyết định 933/QĐ-TLĐ"


@dataclass(frozen=True)
class RuleSpec:
    """One rule: id, title, where it comes from, and how sure the spec is, per family."""

    id: str
    title: str
    state_source: str
    party_source: str
    marks: tuple[str | None, str | None, str | None]

    def mark(self, family: str) -> str | None:
        f = FAMILIES[family]
        found = self.marks[COLUMNS.index(f.cot_quy_tac)]
        return SECONDARY if found is not None and f.chi_canh_bao else found

    def applies(self, family: str) -> bool:
        return self.mark(family) is not None

    def severity(self, family: str) -> str:
        return ERROR if self.mark(family) == CONFIRMED else WARNING

    def source(self, family: str) -> str:
        f = FAMILIES[family]
        if f.nguon_quy_tac:
            return f.nguon_quy_tac
        if f.cot_quy_tac == "party":
            return self.party_source
        if f.cot_quy_tac == "union":
            return f"{QD933}; {self.state_source}"
        return self.state_source


Y, H = CONFIRMED, SECONDARY  # short names for the table below
#: The columns of ``marks``; a family reads the one its ``cot_quy_tac`` names.
COLUMNS = ("state", "union", "party")

_RULES = [
    RuleSpec("page.size", "Khổ giấy A4, trang dọc",
             f"{PL1}, mục I (khổ giấy, kiểu trình bày)", HD36, (Y, Y, H)),
    RuleSpec("page.margins", "Lề trang",
             f"{PL1}, mục I (định lề trang văn bản)", HD36, (Y, H, H)),
    RuleSpec("font.family", "Phông chữ Times New Roman (Unicode)",
             f"{PL1}, mục I (phông chữ)", HD36, (Y, Y, H)),
    RuleSpec("font.color", "Chữ màu đen", f"{PL1}, mục I (phông chữ)", HD36, (Y, Y, H)),
    RuleSpec("header.layout", "Bố cục phần đầu văn bản",
             f"{PL1}, mục I (vị trí trình bày các thành phần thể thức)", HD36, (Y, Y, Y)),
    RuleSpec("header.quoc-hieu", "Quốc hiệu", f"{PL1}, mục II.1", QD399, (Y, Y, Y)),
    RuleSpec("header.tieu-ngu", "Tiêu ngữ", f"{PL1}, mục II.1", QD399, (Y, Y, Y)),
    RuleSpec("header.rule-under-tieu-ngu", "Đường kẻ dưới Tiêu ngữ",
             f"{PL1}, mục II.1", HD36, (Y, Y, None)),
    RuleSpec("header.dang-hieu", "Tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”", PL1, HD36, (None, None, Y)),
    RuleSpec("header.rule-under-dang-hieu", "Đường kẻ dưới “ĐẢNG CỘNG SẢN VIỆT NAM”",
             PL1, HD36, (None, None, Y)),
    RuleSpec("header.agency", "Tên cơ quan ban hành, cơ quan chủ quản",
             f"{PL1}, mục II.2", HD36, (Y, Y, Y)),
    RuleSpec("header.rule-under-agency", "Đường kẻ (hoặc dấu *) dưới tên cơ quan",
             f"{PL1}, mục II.2", HD36, (Y, Y, Y)),
    RuleSpec("so-ky-hieu.form", "Số, ký hiệu văn bản", f"{PL1}, mục II.3 và Phụ lục III",
             f"{HD36}; {QD399}", (Y, Y, Y)),
    RuleSpec("so-ky-hieu.padding", "Số nhỏ hơn 10 ghi thêm số 0", f"{PL1}, mục II.3",
             HD36, (Y, Y, H)),
    RuleSpec("date.form", "Địa danh và thời gian ban hành", f"{PL1}, mục II.4", HD36, (Y, Y, Y)),
    RuleSpec("date.padding", "Ngày nhỏ hơn 10, tháng 1, 2 ghi thêm số 0",
             f"{PL1}, mục II.4", HD36, (Y, Y, Y)),
    RuleSpec("title.type", "Tên loại văn bản", f"{PL1}, mục II.5", HD36, (Y, Y, Y)),
    RuleSpec("title.abstract", "Trích yếu nội dung", f"{PL1}, mục II.5", HD36, (Y, Y, Y)),
    RuleSpec("title.rule-under-abstract", "Đường kẻ dưới trích yếu",
             f"{PL1}, mục II.5", HD36, (Y, Y, H)),
    RuleSpec("kinh-gui.form", "Kính gửi", f"{PL1}, mục II.6", HD36, (Y, Y, H)),
    RuleSpec("body.alignment", "Nội dung căn đều hai lề", f"{PL1}, mục II.6", HD36, (Y, Y, H)),
    RuleSpec("body.indent", "Lùi đầu dòng 1–1,27 cm", f"{PL1}, mục II.6", HD36, (Y, H, H)),
    RuleSpec("body.spacing", "Khoảng cách giữa các đoạn tối thiểu 6 pt",
             f"{PL1}, mục II.6", HD36, (Y, H, H)),
    RuleSpec("body.line-spacing", "Khoảng cách dòng từ đơn đến 1,5 dòng",
             f"{PL1}, mục II.6", HD36, (Y, H, H)),
    RuleSpec("body.size", "Cỡ chữ phần nội dung", f"{PL1}, mục II.6", HD36, (Y, H, Y)),
    RuleSpec("body.ending", "Kết thúc nội dung bằng “./.”",
             f"{PL3} (mẫu trình bày)", HD36, (H, H, None)),
    RuleSpec("heading.sequence", "Thứ tự đánh số đề mục", f"{PL1}, mục II.6", HD36, (Y, Y, H)),
    RuleSpec("heading.format", "Trình bày đề mục (Phần, I., …)", f"{PL1}, mục II.6",
             HD36, (Y, Y, H)),
    RuleSpec("signature.prefix", "Quyền hạn người ký (TM., KT., TL., TUQ., Q.)",
             f"{ND30}, Điều 13 và Phụ lục I, mục II.7", f"{QD399}; {HD36}", (Y, Y, H)),
    RuleSpec("signature.format", "Trình bày quyền hạn, chức vụ người ký",
             f"{PL1}, mục II.7", HD36, (Y, Y, H)),
    RuleSpec("signature.consistency", "Quyền hạn khớp chức vụ người ký",
             f"{ND30}, Điều 13", f"{QD399}; {HD36}", (Y, Y, H)),
    RuleSpec("signature.name", "Họ tên người ký", f"{PL1}, mục II.7", HD36, (Y, Y, H)),
    RuleSpec("noi-nhan.label", "Chữ “Nơi nhận:”", f"{PL1}, mục II.9", HD36, (Y, Y, H)),
    RuleSpec("noi-nhan.items", "Danh sách nơi nhận", f"{PL1}, mục II.9", HD36, (Y, Y, H)),
    RuleSpec("noi-nhan.luu", "Dòng “Lưu”", f"{PL1}, mục II.9", HD36, (Y, Y, H)),
    RuleSpec("kind.bien-ban", "Biên bản: THƯ KÝ ký bên trái, CHỦ TỌA ký bên phải",
             f"{PL3} (mẫu biên bản)", HD36, (Y, Y, H)),
    RuleSpec("kind.quyet-dinh", "Quyết định: thẩm quyền ban hành, “QUYẾT ĐỊNH:”, Điều in đậm",
             f"{PL3} (mẫu quyết định)", HD36, (Y, Y, H)),
    RuleSpec("page-number.position", "Số trang: giữa lề trên, chữ số Ả Rập",
             f"{PL1}, mục I (số trang văn bản)", HD36, (Y, Y, H)),
    RuleSpec("page-number.first-page", "Không hiển thị số trang thứ nhất",
             f"{PL1}, mục I (số trang văn bản)", HD36, (Y, Y, H)),
]  # fmt: skip

RULES: dict[str, RuleSpec] = {r.id: r for r in _RULES}

# ------------------------------------------------------------------ numeric ranges (one table)

#: Element → (State range in pt, Party range or None = the family's own number, Party mark).
#: State sizes are ✅ for nha-nuoc and ◐ for cong-doan ("sizes ◐ as State").
SIZE_RANGES: dict[str, tuple[tuple[float, float], tuple[float, float] | None, str]] = {
    "quoc_hieu": ((12, 13), None, Y),
    "tieu_ngu": ((13, 14), None, Y),
    "co_quan_cap_tren": ((12, 13), None, Y),
    "co_quan": ((12, 13), None, Y),
    "so_ky_hieu": ((13, 13), None, Y),
    "dia_danh_ngay": ((13, 14), None, Y),
    "loai_van_ban": ((13, 14), (15, 16), Y),
    "trich_yeu": ((13, 14), (14, 15), Y),
    "trich_yeu_cong_van": ((12, 13), (12, 12), Y),
    "kinh_gui": ((13, 14), (14, 15), H),
    "noi_dung": ((13, 14), (14, 15), Y),
    "chu_ky_quyen_han": ((13, 14), None, H),
    "chu_ky_chuc_vu": ((13, 14), None, H),
    "chu_ky_ho_ten": ((13, 14), None, H),
    "noi_nhan_nhan": ((12, 12), None, H),
    "noi_nhan_ds": ((11, 11), None, H),
    "so_trang": ((13, 14), None, H),
}

#: Other ranges of the spec. Lengths in mm / cm / pt as named; ratios are rule length ÷ text.
RANGES: dict[str, dict[str, tuple[float, float]]] = {
    "margin_top_mm": {"state": (20, 25)},
    "margin_bottom_mm": {"state": (20, 25)},
    "margin_left_mm": {"state": (30, 35)},
    "margin_right_mm": {"state": (15, 20)},
    "first_line_indent_cm": {"state": (1.0, 1.27), "party": (1.0, 1.27)},
    "paragraph_gap_pt": {"state": (6, 1000), "party": (6, 1000)},
    "line_spacing_lines": {"state": (1.0, 1.5), "party": (1.0, 1.5)},
    "rule_under_agency_ratio": {"state": (1 / 3, 1 / 2)},
    "rule_under_tieu_ngu_ratio": {"state": (1.0, 1.0), "party": (1.0, 1.0)},
    "rule_under_abstract_ratio": {"state": (1 / 3, 1 / 2), "party": (1 / 3, 1 / 2)},
}

#: Measurement slack: paper size ±1 mm, margins ±0.5 mm, sizes ±0.25 pt, indents ±0.05 cm,
#: rule lengths ±15 % (our advance widths are Liberation Serif's; Word's line breaking and
#: kerning differ a little).
TOLERANCE = {"paper_mm": 1.0, "margin_mm": 0.5, "size_pt": 0.25, "indent_cm": 0.05,
             "ratio": 0.15, "lines": 0.02}  # fmt: skip

#: Times New Roman's line height as a multiple of the font size (ascent + descent).
TNR_LINE_HEIGHT = 1.15


def family_of(family_id: str) -> Family:
    return FAMILIES[family_id]


def describe(family_id: str) -> list[dict[str, str]]:
    """The rules that apply to a family: id, title, severity, source (for docs and the UI)."""
    return [
        {"id": r.id, "title": r.title, "severity": r.severity(family_id),
         "source": r.source(family_id)}
        for r in RULES.values()
        if r.applies(family_id)
    ]  # fmt: skip


def size_range(element: str, family_id: str) -> tuple[float, float, str]:
    """(lowest, highest, mark) font size in points of an element for a family."""
    state, party, party_mark = SIZE_RANGES[element]
    f = FAMILIES[family_id]
    if f.cot_quy_tac == "party":
        mark = H if f.chi_canh_bao else party_mark
        if party is not None:
            return party[0], party[1], mark
        value = getattr(f.sizes, element)
        return value, value, mark
    return state[0], state[1], Y if f.co_rieng_chac else H


def value_range(name: str, family_id: str) -> tuple[float, float] | None:
    """A range of :data:`RANGES` for a family (Party falls back to the family's margins)."""
    entry = RANGES[name]
    f = FAMILIES[family_id]
    if f.cot_quy_tac == "party":
        if "party" in entry:
            return entry["party"]
        if name.startswith("margin_"):
            side = name.split("_")[1]
            value = getattr(f.margins, side)
            return value, value
        return None
    return entry.get("state")


def fmt_range(lo: float, hi: float, unit: str = "") -> str:
    """``13–14 pt`` or ``13 pt``; numbers with a decimal comma."""

    def num(x: float) -> str:
        return (f"{x:.2f}".rstrip("0").rstrip(".")).replace(".", ",")

    text = num(lo) if abs(hi - lo) < 1e-9 else f"{num(lo)}–{num(hi)}"
    return f"{text} {unit}".strip()
