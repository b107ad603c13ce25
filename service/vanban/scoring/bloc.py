"""A bloc's ranking body → located problems, and → the ranked table (:class:`XepHang`)."""

from __future__ import annotations

from vanban.errors import Problem, problem
from vanban.model.xep_hang_khoi_thi_dua import DonViKhoi, XepHangKhoiThiDua
from vanban.scoring.compute import cham_diem, dec
from vanban.scoring.ranking import DonViDiem, XepHang, xep_hang
from vanban.scoring.rules import check_bang
from vanban.vi.numbers import so


def _unit(u: DonViKhoi, path: str, body: XepHangKhoiThiDua) -> list[Problem]:
    if u.bang_cham_diem is not None and u.tong_diem is not None:
        return [problem("xep-hang.hai-nguon-diem", f"{path}.tong_diem",
                        "Ghi bảng chấm điểm (bang_cham_diem) hoặc tổng điểm (tong_diem), không "
                        "cả hai: điểm được tính từ bảng chấm điểm.",
                        "give bang_cham_diem or tong_diem, not both")]
    if u.bang_cham_diem is None and u.tong_diem is None:
        return [problem("xep-hang.thieu-diem", f"{path}.tong_diem",
                        "Cần bảng chấm điểm (bang_cham_diem) hoặc tổng điểm (tong_diem) của đơn "
                        "vị.", "a member needs bang_cham_diem or tong_diem")]
    if u.bang_cham_diem is not None:
        where = f"{path}.bang_cham_diem"
        out = check_bang(u.bang_cham_diem, where)
        if out:
            return out
        if u.bang_cham_diem.nam != body.nam:
            out.append(problem("xep-hang.nam-khac", f"{where}.nam",
                               f"Bảng chấm điểm năm {u.bang_cham_diem.nam}, khác năm xếp hạng "
                               f"{body.nam}.", "scoring table of another year"))
        missing = cham_diem(u.bang_cham_diem, where).chua_cham
        if missing:
            out.append(problem("xep-hang.chua-cham-du", missing[0],
                               f"Bảng chấm điểm của “{u.ten}” chưa chấm đủ: còn {len(missing)} "
                               "tiêu chí chưa có điểm tự chấm (tu_cham) hoặc mức (xep_loai).",
                               f"{len(missing)} criteria not scored", chua_cham=missing))
        return out
    out = []
    assert u.tong_diem is not None
    if u.tong_diem - u.diem_thuong + u.diem_tru < 0:
        out.append(problem("xep-hang.diem-am", f"{path}.diem_thuong",
                           "Điểm thưởng lớn hơn tổng điểm cộng điểm trừ: điểm các nội dung "
                           "sẽ âm.", "bonus larger than total plus deductions"))
    scale = body.thang_diem
    if scale is not None:
        top = scale.diem_toi_da + scale.diem_thuong_toi_da
        if u.tong_diem > top:
            out.append(problem("xep-hang.vuot-thang-diem", f"{path}.tong_diem",
                               f"Tổng điểm {so(u.tong_diem)} vượt thang điểm {so(top)}.",
                               f"total {u.tong_diem} above the scale {top}"))
        if u.diem_thuong > scale.diem_thuong_toi_da:
            out.append(problem("xep-hang.thuong-vuot-tran", f"{path}.diem_thuong",
                               f"Điểm thưởng {so(u.diem_thuong)} vượt mức tối đa "
                               f"{so(scale.diem_thuong_toi_da)}.",
                               "bonus above the ceiling"))
    return out


def check_xep_hang(body: XepHangKhoiThiDua, path: str = "noi_dung") -> list[Problem]:
    """Every problem of a ranking body, located under ``path``."""
    out: list[Problem] = []
    seen: dict[str, int] = {}
    for i, u in enumerate(body.don_vi):
        where = f"{path}.don_vi[{i}]"
        key = " ".join(u.ten.lower().split())
        if key in seen:
            out.append(problem("xep-hang.trung-ten", f"{where}.ten",
                               f"Đơn vị “{u.ten}” đã có ở don_vi[{seen[key]}].",
                               "duplicate member"))
        seen.setdefault(key, i)
        out.extend(_unit(u, where, body))
    if not out:
        eligible = sum(1 for u in _members(body) if not u.khong_xet)
        asked = 0
        for k, d in enumerate(body.de_nghi):
            asked += d.so_luong
            if asked > eligible:
                out.append(problem(
                    "xep-hang.de-nghi-qua-so-don-vi", f"{path}.de_nghi[{k}].so_luong",
                    f"Đề nghị {asked} đơn vị nhưng khối chỉ có {eligible} đơn vị được xét.",
                    f"{asked} proposals for {eligible} eligible members"))
                break
    return out


def _members(body: XepHangKhoiThiDua, path: str = "noi_dung") -> list[DonViDiem]:
    units = []
    for i, u in enumerate(body.don_vi):
        if u.bang_cham_diem is not None:
            r = cham_diem(u.bang_cham_diem, f"{path}.don_vi[{i}].bang_cham_diem")
            units.append(DonViDiem(ten=u.ten, diem=r.diem_nhom or dec(0),
                                   diem_thuong=r.diem_thuong, diem_tru=r.tru.tong,
                                   khong_xet=u.khong_xet or r.khong_xet, ghi_chu=u.ghi_chu,
                                   bang_cham_diem=r.to_dict()))
        else:
            total, bonus, minus = dec(u.tong_diem or 0), dec(u.diem_thuong), dec(u.diem_tru)
            units.append(DonViDiem(ten=u.ten, diem=total - bonus + minus, diem_thuong=bonus,
                                   diem_tru=minus, khong_xet=u.khong_xet, ghi_chu=u.ghi_chu))
    return units


def tinh_xep_hang(body: XepHangKhoiThiDua) -> XepHang:
    """The ranking of a body :func:`check_xep_hang` accepted."""
    return xep_hang(_members(body), [(d.hinh_thuc, d.so_luong) for d in body.de_nghi])
