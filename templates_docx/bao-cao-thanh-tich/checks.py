"""Rules of the achievement report (báo cáo thành tích): the award proposed and the two tables of
awards already received (III. danh hiệu thi đua · hình thức khen thưởng).

* every award name is in the vocabulary, and sits in the right table (a danh hiệu in the first,
  a hình thức in the second);
* the award proposed suits the report's kind (tập thể / cá nhân);
* years run in order (oldest first) and none lies after the report's year;
* a title claimed twice for one year is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from vanban.errors import InputError, Problem, problem
from vanban.ho_so.danh_sach import DOI_TUONG_VI
from vanban.vocab import AwardMatch, find_award

BANG = {
    "danh_hieu": ("danh_hieu", "danh hiệu thi đua"),
    "hinh_thuc": ("hinh_thuc", "hình thức khen thưởng"),
}


class DongKhenThuong(Protocol):
    nam: int
    ten: str
    nguoi_tang: str | None


@dataclass(frozen=True)
class DongDaNhan:
    """One resolved row of a table of awards already received."""

    row: DongKhenThuong
    match: AwardMatch


def award(ten: str, nguoi_tang: str | None, path: str) -> tuple[AwardMatch | None, list[Problem]]:
    try:
        return find_award(ten, nguoi_tang, path=path), []
    except InputError as exc:
        return None, exc.problems


def de_nghi(ten: str, nguoi_tang: str | None, doi_tuong: str, path: str
            ) -> tuple[AwardMatch | None, list[Problem]]:
    """The proposed award, checked against the report's kind of recipient."""
    match, problems = award(ten, nguoi_tang, f"{path}.khen_thuong")
    if match is not None and doi_tuong not in match.award.doi_tuong:
        problems.append(problem(
            "bao_cao.doi-tuong", f"{path}.khen_thuong",
            f"“{match.ten_day_du}” không tặng cho {DOI_TUONG_VI[doi_tuong]}.",
            f"{match.award.id} is not given to {doi_tuong}"))
    return match, problems


def bang(rows: Sequence[DongKhenThuong], loai: str, path: str, nam_bao_cao: int | None
         ) -> tuple[list[DongDaNhan], list[Problem]]:
    """Check one table; ``loai`` is "danh_hieu" or "hinh_thuc"."""
    problems: list[Problem] = []
    out: list[DongDaNhan] = []
    seen: dict[tuple[int, str, int | None, str | None], int] = {}
    previous: int | None = None
    for i, row in enumerate(rows):
        here = f"{path}[{i}]"
        if previous is not None and row.nam < previous:
            problems.append(problem(
                "bao_cao.nam-thu-tu", f"{here}.nam",
                f"Năm {row.nam} đứng sau năm {previous}: ghi các năm theo thứ tự tăng dần.",
                "years must be in ascending order"))
        previous = row.nam
        if nam_bao_cao is not None and row.nam > nam_bao_cao:
            problems.append(problem(
                "bao_cao.nam-tuong-lai", f"{here}.nam",
                f"Năm {row.nam} sau năm của báo cáo ({nam_bao_cao}).",
                "a year after the report's date"))
        match, found = award(row.ten, row.nguoi_tang, f"{here}.ten")
        problems.extend(found)
        if match is None:
            continue
        if match.award.loai != loai:
            wrong, right = BANG[loai][1], BANG[match.award.loai][1]
            problems.append(problem(
                "bao_cao.sai-bang", f"{here}.ten",
                f"“{match.ten_day_du}” là {right}, không phải {wrong}: chuyển sang bảng "
                f"{right}.", f"{match.award.id} belongs to the {match.award.loai} table"))
        key = (row.nam, match.award.id, match.cap, match.ten_rieng)
        if key in seen:
            problems.append(problem(
                "bao_cao.trung-nam", f"{here}.ten",
                f"“{match.ten_day_du}” năm {row.nam} đã ghi ở dòng {seen[key] + 1}: mỗi danh "
                "hiệu, hình thức chỉ được ghi một lần trong một năm.",
                "the same award is claimed twice for one year"))
        else:
            seen[key] = i
        out.append(DongDaNhan(row, match))
    return out, problems
