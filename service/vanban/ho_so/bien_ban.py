"""The minutes' rules and computed results: who was there, each vote's percentage of the whole
membership, the threshold of its award and whether it is reached.

:func:`kiem_tra` returns every problem with its JSON path; :func:`ket_qua_xet` the computed
results (used by the biên bản, and by the file to carry only reached candidates into the tờ
trình — :func:`dat_nguong`).
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.errors import InputError, Problem, problem
from vanban.ho_so.bieu_quyet import KetQua, ket_qua
from vanban.ho_so.danh_sach import tim
from vanban.model.bien_ban_hop_xet import BienBanHopXet, PhieuXet
from vanban.vocab import AwardMatch, normalize

HINH_THUC_VI = {"bieu-quyet": "biểu quyết", "bo-phieu-kin": "bỏ phiếu kín"}


@dataclass(frozen=True)
class KetQuaXet:
    """One candidate's vote, resolved and computed."""

    vi_tri: int
    phieu: PhieuXet
    match: AwardMatch
    ket_qua: KetQua

    @property
    def dat(self) -> bool:
        return self.ket_qua.dat


def _match(bb: BienBanHopXet, p: PhieuXet, path: str) -> AwardMatch:
    return tim(p.khen_thuong, p.nguoi_tang, bb.nguoi_tang, path)


def kiem_tra(bb: BienBanHopXet, path: str = "noi_dung") -> list[Problem]:
    """Every rule the model alone cannot see, each problem at its path."""
    out: list[Problem] = []
    present, absent = len(bb.co_mat), len(bb.vang_mat)
    if present + absent != bb.so_thanh_vien:
        out.append(problem(
            "bien_ban.thanh-vien", f"{path}.so_thanh_vien",
            f"Số thành viên có mặt ({present}) cộng vắng mặt ({absent}) phải bằng tổng số thành "
            f"viên hội đồng ({bb.so_thanh_vien}).",
            f"present ({present}) + absent ({absent}) != members ({bb.so_thanh_vien})"))
    names = [normalize(p.ho_ten) for p in [*bb.co_mat, *bb.vang_mat]]
    for i, person in enumerate(bb.vang_mat):
        if names.count(normalize(person.ho_ten)) > 1:
            out.append(problem(
                "bien_ban.trung-ten", f"{path}.vang_mat[{i}].ho_ten",
                f"“{person.ho_ten}” có tên cả trong danh sách có mặt và vắng mặt (hoặc ghi hai "
                "lần).", "a member is listed twice"))
    if normalize(bb.chu_toa.ho_ten) not in {normalize(p.ho_ten) for p in bb.co_mat}:
        out.append(problem(
            "bien_ban.chu-toa", f"{path}.chu_toa.ho_ten",
            f"Chủ tọa “{bb.chu_toa.ho_ten}” phải có tên trong danh sách thành viên có mặt "
            "(co_mat).", "the chair is not among the members present"))
    if bb.bat_dau >= bb.ket_thuc:
        out.append(problem(
            "bien_ban.gio", f"{path}.ket_thuc",
            f"Giờ kết thúc ({bb.ket_thuc}) phải sau giờ bắt đầu ({bb.bat_dau}).",
            "the meeting ends before it starts"))

    voters = bb.so_y_kien
    seen: dict[tuple[str, str, int | None], int] = {}
    for i, p in enumerate(bb.ket_qua):
        here = f"{path}.ket_qua[{i}]"
        total = p.dong_y + p.khong_dong_y
        if total > bb.so_thanh_vien:
            out.append(problem(
                "bien_ban.phieu-vuot", f"{here}.dong_y",
                f"Đồng ý ({p.dong_y}) cộng không đồng ý ({p.khong_dong_y}) vượt tổng số thành "
                f"viên hội đồng ({bb.so_thanh_vien}).", "votes exceed the membership"))
        elif total > voters:
            out.append(problem(
                "bien_ban.phieu-vuot-co-mat", f"{here}.dong_y",
                f"Đồng ý ({p.dong_y}) cộng không đồng ý ({p.khong_dong_y}) vượt số thành viên "
                f"có ý kiến ({voters}: có mặt, hoặc vắng mặt có ý kiến bằng văn bản).",
                "votes exceed the members who gave an opinion"))
        try:
            match = _match(bb, p, f"{here}.khen_thuong")
        except InputError as exc:
            out.extend(exc.problems)
            continue
        result = ket_qua(match, p.dong_y, p.khong_dong_y, bb.so_thanh_vien)
        if result.nguong.bo_phieu and bb.hinh_thuc != "bo-phieu-kin":
            out.append(problem(
                "bien_ban.phai-bo-phieu", f"{path}.hinh_thuc",
                f"Xét “{match.ten_day_du}” phải bỏ phiếu kín ({result.nguong.can_cu}).",
                f"{match.award.id} requires a secret ballot"))
        key = (normalize(p.ten), match.award.id, match.cap)
        if key in seen:
            out.append(problem(
                "bien_ban.trung", f"{here}.ten",
                f"“{p.ten}” đã được xét “{match.ten_day_du}” ở dòng {seen[key] + 1}.",
                "the same candidate is voted twice for one award"))
        seen.setdefault(key, i)
    return out


def ket_qua_xet(bb: BienBanHopXet) -> list[KetQuaXet]:
    """The computed result of every vote (call after :func:`kiem_tra` found nothing)."""
    out = []
    for i, p in enumerate(bb.ket_qua):
        match = _match(bb, p, f"noi_dung.ket_qua[{i}].khen_thuong")
        out.append(KetQuaXet(i, p, match, ket_qua(match, p.dong_y, p.khong_dong_y,
                                                  bb.so_thanh_vien)))
    return out


def dat_nguong(bb: BienBanHopXet) -> list[KetQuaXet]:
    """Only the candidates who reached their threshold (the ones a tờ trình may carry)."""
    return [k for k in ket_qua_xet(bb) if k.dat]
