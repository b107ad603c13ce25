"""Targets as sentences, and results computed from the numbers (never typed).

    target_text(t)            "Phấn đấu có trên 02 cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”."
    evaluate(r)               Evaluation(status="vuot", excess=1)
    result_text(r, "Nghị quyết năm 2022")
                              "Có 03 cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”, vượt 01 chỉ
                               tiêu Nghị quyết năm 2022."
    totals([...])             {"tong": 12, "vuot": 1, "dat": 9, "chua_dat": 1, "chua_co": 1}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from vanban.errors import InputError
from vanban.model.chi_tieu import ChiTieu, KetQuaChiTieu
from vanban.vi.numbers import so, so_dem
from vanban.vocab import AwardMatch, find_award

Status = Literal["vuot", "dat", "chua_dat", "chua_co"]
STATUS_WORDS = {"vuot": "vượt", "dat": "đạt", "chua_dat": "chưa đạt",
                "chua_co": "chưa có kết quả"}


@dataclass(frozen=True)
class Evaluation:
    status: Status
    excess: int = 0  # how far a counted target was exceeded

    def phrase(self, nghi_quyet: str, t: KetQuaChiTieu) -> str:
        tail = f" {nghi_quyet}" if nghi_quyet else ""
        if self.status == "vuot" and self.excess:
            return f"vượt {so_dem(self.excess)} chỉ tiêu{tail}"
        if self.status == "vuot":
            return f"vượt chỉ tiêu{tail}"
        if self.status == "dat":
            return f"đạt chỉ tiêu{tail}"
        if self.status == "chua_dat":
            reached = ""
            if t.thuc_hien is not None and t.so_luong is not None:
                reached = f" (đạt {so_dem(int(t.thuc_hien))}/{so_dem(t.so_luong)})"
            elif t.thuc_hien is not None and t.ty_le is not None:
                reached = f" (đạt {so(t.thuc_hien)}%/{so(t.ty_le)}%)"
            return f"chưa đạt chỉ tiêu{tail}{reached}"
        return f"chưa có kết quả đánh giá chỉ tiêu{tail}"


def award(t: ChiTieu, path: str) -> AwardMatch | None:
    """The vocabulary entry of the target's award (raises InputError with ``path``)."""
    return find_award(t.danh_hieu, t.nguoi_tang, path=path) if t.danh_hieu else None


def awards(items: list[ChiTieu], path: str, problems: list) -> list[AwardMatch | None]:
    """Each target's award (``path[n].danh_hieu``); an unknown name adds its problem to
    ``problems`` and stands as None."""
    out: list[AwardMatch | None] = []
    for n, t in enumerate(items):
        try:
            out.append(award(t, f"{path}[{n}].danh_hieu"))
        except InputError as exc:
            problems.extend(exc.problems)
            out.append(None)
    return out


def _what(t: ChiTieu, match: AwardMatch | None) -> str:
    if match is None:
        return ""
    if match.award.loai == "danh_hieu":
        return f"đạt danh hiệu “{match.award.ten}”"
    giver = t.nguoi_tang or (match.nguoi_tang.ten if match.nguoi_tang else "")
    return f"được {giver} tặng {match.award.ten}" if giver else f"được tặng {match.award.ten}"


def _end(text: str) -> str:
    return text if text.rstrip().endswith((".", "!", "?", "…")) else text.rstrip() + "."


#: Public names for the Word bodies (``dang-ky-thi-dua``): what a target wins ("đạt danh hiệu
#: “…”", "được … tặng …"), and the clerk's own sentence with its final mark.
what = _what
own_sentence = _end


def target_text(t: ChiTieu, match: AwardMatch | None) -> str:
    if t.noi_dung:
        return _end(t.noi_dung)
    what, who = _what(t, match), t.doi_tuong
    if t.so_luong is not None:
        n = so_dem(t.so_luong)
        if t.muc == "tu":
            return f"Phấn đấu có {n} {who} trở lên {what}."
        if t.muc == "tren":
            return f"Phấn đấu có trên {n} {who} {what}."
        return f"Phấn đấu {n} {who} {what}."
    pct = f"{so(t.ty_le)}%"
    if t.muc == "tu":
        return f"Phấn đấu từ {pct} {who} trở lên {what}."
    if t.muc == "tren":
        return f"Phấn đấu trên {pct} {who} {what}."
    return f"Phấn đấu {pct} {who} {what}."


def evaluate(t: KetQuaChiTieu) -> Evaluation:
    if t.so_luong is None and t.ty_le is None:
        return Evaluation(t.danh_gia or "chua_co")
    if t.thuc_hien is None:
        return Evaluation("chua_co")
    goal = t.so_luong if t.so_luong is not None else t.ty_le
    assert goal is not None
    reached = t.thuc_hien > goal if t.muc == "tren" else t.thuc_hien >= goal
    if not reached:
        return Evaluation("chua_dat")
    if t.so_luong is not None and t.thuc_hien > t.so_luong:
        return Evaluation("vuot", int(t.thuc_hien) - t.so_luong)
    return Evaluation("dat")


def result_text(t: KetQuaChiTieu, match: AwardMatch | None, nghi_quyet: str) -> str:
    ev = evaluate(t)
    note = f" ({t.ghi_chu})" if t.ghi_chu else ""
    if t.ket_qua:
        head = t.ket_qua.rstrip(" .")
    elif t.so_luong is not None and t.thuc_hien is not None:
        head = f"Có {so_dem(int(t.thuc_hien))} {t.doi_tuong or ''} {_what(t, match)}".replace(
            "  ", " ") if not t.noi_dung else t.noi_dung.rstrip(" .")
    elif t.ty_le is not None and t.thuc_hien is not None and not t.noi_dung:
        head = f"{so(t.thuc_hien)}% {t.doi_tuong} {_what(t, match)}"
    else:
        head = (t.noi_dung or target_text(t, match)).rstrip(" .")
    # the registered wording is kept when the result is written in other words
    registered = (f" (chỉ tiêu đăng ký: {t.noi_dung.rstrip(' .')})"
                  if t.ket_qua and t.noi_dung else "")
    return f"{head}{note}, {ev.phrase(nghi_quyet, t)}{registered}."


def totals(items: list[KetQuaChiTieu]) -> dict[str, int]:
    out = {"tong": len(items), "vuot": 0, "dat": 0, "chua_dat": 0, "chua_co": 0}
    for t in items:
        out[evaluate(t).status] += 1
    return out


def totals_text(counts: dict[str, int]) -> str:
    """"Tổng số 12 chỉ tiêu đã đăng ký: vượt 01, đạt 09, chưa đạt 01, chưa có kết quả 01."."""
    parts = [f"{STATUS_WORDS[k]} {so_dem(counts[k])}" for k in ("vuot", "dat", "chua_dat",
                                                                "chua_co") if counts[k]]
    return f"Tổng số {so_dem(counts['tong'])} chỉ tiêu đã đăng ký: {', '.join(parts)}."
