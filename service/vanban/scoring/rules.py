"""Rules of a scoring table that the pydantic model alone cannot see, as located problems.

Every rule broken is reported (not only the first), each with the JSON path of the field that
breaks it and the rule in Vietnamese: a self-score above the standard, an unknown level, a bonus
for a target not exceeded, a bonus above the per-target ceiling, group ceilings above the scale.
A cap that *applies* (a group or the bonus total above its ceiling) is not an error: the
computation caps it and the table shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from vanban.errors import Problem, problem
from vanban.model.bang_cham_diem import BangChamDiem, TieuChi
from vanban.vi.numbers import so


def _criterion(c: TieuChi, path: str, out: list[Problem]) -> None:
    if c.muc is not None and c.diem_chuan is not None:
        out.append(problem(
            "bang-cham-diem.hai-cach-cham", path,
            "Tiêu chí chỉ chấm theo một cách: theo điểm (diem_chuan, tu_cham) hoặc theo mức "
            "(muc, xep_loai), không cả hai.",
            "a criterion is scored either by points or by level, not both"))
    if c.muc is None and c.diem_chuan is None and not c.tieu_chi:
        out.append(problem(
            "bang-cham-diem.khong-diem-chuan", f"{path}.diem_chuan",
            "Tiêu chí cần điểm chuẩn (diem_chuan), các mức điểm (muc) hoặc tiêu chí con.",
            "a criterion needs diem_chuan, muc or sub-criteria"))
    if c.muc is not None:
        if not c.muc:
            out.append(problem("bang-cham-diem.muc-rong", f"{path}.muc",
                               "“muc” cần ít nhất một mức điểm, ví dụ {\"Tốt\": 10}.",
                               "muc needs at least one level"))
        if c.tu_cham is not None:
            out.append(problem(
                "bang-cham-diem.tu-cham-theo-muc", f"{path}.tu_cham",
                "Tiêu chí chấm theo mức: ghi mức đạt được ở “xep_loai”, không ghi “tu_cham” "
                "(điểm lấy theo mức).",
                "a level-scored criterion takes xep_loai, not tu_cham"))
        if c.muc and c.xep_loai is not None and c.xep_loai not in c.muc:
            levels = ", ".join(c.muc)
            out.append(problem(
                "bang-cham-diem.muc-khong-co", f"{path}.xep_loai",
                f"Mức “{c.xep_loai}” không có trong các mức của tiêu chí; chỉ nhận: {levels}.",
                f"unknown level {c.xep_loai!r}; known: {levels}", known=list(c.muc)))
    else:
        if c.xep_loai is not None:
            out.append(problem(
                "bang-cham-diem.xep-loai-khong-muc", f"{path}.xep_loai",
                "Chỉ ghi “xep_loai” cho tiêu chí chấm theo mức (có “muc”).",
                "xep_loai only for level-scored criteria"))
        if c.tu_cham is not None and c.diem_chuan is None:
            out.append(problem(
                "bang-cham-diem.tu-cham-khong-diem-chuan", f"{path}.tu_cham",
                "Tiêu chí không có điểm chuẩn riêng: chấm ở các tiêu chí con, bỏ “tu_cham”.",
                "tu_cham without diem_chuan"))
        elif c.tu_cham is not None and c.diem_chuan is not None and c.tu_cham > c.diem_chuan:
            out.append(problem(
                "bang-cham-diem.vuot-diem-chuan", f"{path}.tu_cham",
                f"Điểm tự chấm {so(c.tu_cham)} vượt điểm chuẩn {so(c.diem_chuan)} của tiêu chí.",
                f"self-score {c.tu_cham} above the standard {c.diem_chuan}"))
    for k, child in enumerate(c.tieu_chi):
        _criterion(child, f"{path}.tieu_chi[{k}]", out)


def _walk(criteria: list[TieuChi], path: str) -> list[tuple[str, TieuChi]]:
    out = []
    for j, c in enumerate(criteria):
        where = f"{path}.tieu_chi[{j}]"
        out.append((where, c))
        out.extend(_walk(c.tieu_chi, where))
    return out


def criterion_codes(body: BangChamDiem, path: str = "noi_dung") -> dict[str, list[str]]:
    """Code → paths of the criteria it names: ``"1"`` and, qualified by its group, ``"I.1"``.

    Codes often restart in each group (seed 002); a bonus names its criterion by a code that
    must be unique (qualify it with the group's code when it is not).
    """
    out: dict[str, list[str]] = {}
    for i, group in enumerate(body.nhom):
        for where, c in _walk(group.tieu_chi, f"{path}.nhom[{i}]"):
            if not c.ma:
                continue
            code = c.ma.strip()
            out.setdefault(code, []).append(where)
            if group.ma and not code.startswith(f"{group.ma.strip()}."):
                out.setdefault(f"{group.ma.strip()}.{code}", []).append(where)
    return out


def check_bang(body: BangChamDiem, path: str = "noi_dung") -> list[Problem]:
    """Every rule ``body`` breaks, located under ``path`` (the body's own JSON path)."""
    out: list[Problem] = []
    scale = body.thang_diem
    total = sum(n.diem_toi_da for n in body.nhom)
    if total > scale.diem_toi_da + 1e-9:
        out.append(problem(
            "bang-cham-diem.nhom-vuot-thang-diem", f"{path}.thang_diem.diem_toi_da",
            f"Tổng điểm tối đa của các nhóm ({so(total)}) vượt thang điểm "
            f"({so(scale.diem_toi_da)}).",
            f"group ceilings add up to {total}, above the scale {scale.diem_toi_da}"))
    for i, group in enumerate(body.nhom):
        for j, c in enumerate(group.tieu_chi):
            _criterion(c, f"{path}.nhom[{i}].tieu_chi[{j}]", out)
    if body.khong_co_dang_cong_doan and not any(g.to_chuc_dang_doan_the for g in body.nhom):
        out.append(problem(
            "bang-cham-diem.thieu-nhom-to-chuc", f"{path}.khong_co_dang_cong_doan",
            "Đơn vị không có tổ chức đảng và công đoàn chỉ được tối đa 50% điểm nhóm chấm tổ "
            "chức đảng, đoàn thể: hãy đánh dấu nhóm đó (nhom[…].to_chuc_dang_doan_the = true).",
            "mark the Party/union group (to_chuc_dang_doan_the) for the 50 % ceiling"))
    codes = criterion_codes(body, path)
    for k, b in enumerate(body.diem_thuong):
        where = f"{path}.diem_thuong[{k}]"
        if b.thuc_hien <= b.ke_hoach:
            out.append(problem(
                "bang-cham-diem.thuong-khong-vuot", f"{where}.thuc_hien",
                f"Chỉ thưởng điểm cho chỉ tiêu vượt kế hoạch: thực hiện {so(b.thuc_hien)} không "
                f"vượt kế hoạch {so(b.ke_hoach)}.",
                f"bonus for a target not exceeded ({b.thuc_hien} <= {b.ke_hoach})"))
        if b.diem > scale.thuong_moi_chi_tieu:
            out.append(problem(
                "bang-cham-diem.thuong-vuot-muc", f"{where}.diem",
                f"Mỗi chỉ tiêu vượt kế hoạch được thưởng không quá "
                f"{so(scale.thuong_moi_chi_tieu)} điểm; đang ghi {so(b.diem)}.",
                f"bonus {b.diem} above {scale.thuong_moi_chi_tieu} per target"))
        if b.tieu_chi is not None and b.tieu_chi.strip() not in codes:
            out.append(problem(
                "bang-cham-diem.tieu-chi-khong-co", f"{where}.tieu_chi",
                f"Không có tiêu chí mã “{b.tieu_chi}” trong bảng.",
                f"no criterion with code {b.tieu_chi!r}"))
        elif b.tieu_chi is not None and len(codes[b.tieu_chi.strip()]) > 1:
            out.append(problem(
                "bang-cham-diem.tieu-chi-trung-ma", f"{where}.tieu_chi",
                f"Nhiều tiêu chí cùng mã “{b.tieu_chi}”; ghi kèm mã nhóm, ví dụ “I.1”.",
                f"criterion code {b.tieu_chi!r} is ambiguous"))
    return out


def body_rules_raw(data: Any, model: type[BaseModel],
                   rules: Callable[[Any, str], list[Problem]]) -> list[Problem]:
    """A template's ``check_raw``: when the envelope fails but ``noi_dung`` alone is a valid
    body, its rules are still reported, so one round trip shows every mistake."""
    body = data.get("noi_dung") if isinstance(data, dict) else None
    try:
        valid = model.model_validate(body)
    except ValidationError:
        return []
    return rules(valid, "noi_dung")
