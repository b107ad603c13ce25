"""The list of proposed recipients (danh sách đề nghị khen thưởng), as a tờ trình or a quyết định
carries it: each line's award found in the vocabulary, the lines grouped by award (highest first)
and within an award tập thể before cá nhân, the counts computed from the lines.

Rules (each a :class:`~vanban.errors.Problem` with the line's JSON path):

* every award is in the vocabulary and can be given to that kind of recipient;
* one submission goes to ONE deciding authority (``vocab/ho_so/tham_quyen.toml``): a Thủ tướng
  award next to a Chủ tịch nước award is refused (``danh_sach.mixed-authority``);
* nobody is proposed twice for the same award.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from vanban.errors import InputError, Problem, problem
from vanban.ho_so.data import load
from vanban.model.ho_so import DeNghiKhenThuong
from vanban.vi.numbers import so_dem
from vanban.vocab import AwardMatch, dong_tu, find_award, find_conferrer, normalize

DOI_TUONG_VI = {"tap_the": "tập thể", "ca_nhan": "cá nhân", "ho_gia_dinh": "hộ gia đình"}


def tim(ten: str, nguoi_tang: str | None, mac_dinh: str | None, path: str) -> AwardMatch:
    """The award named ``ten``: its conferrer is ``nguoi_tang``, else the one written in the
    name ("Bằng khen của Thủ tướng Chính phủ"), else the award's own, else ``mac_dinh`` (the
    document's authority). Raises :class:`InputError` at ``path`` for an unknown award."""
    match = find_award(ten, nguoi_tang, path=path)
    if match.nguoi_tang is None and mac_dinh:
        match = find_award(ten, mac_dinh, path=path)
    return match


def tham_quyen(match: AwardMatch) -> str | None:
    """The authority that decides this award (its conferrer, merged by ``tham_quyen.toml``)."""
    if match.nguoi_tang is None:
        return None
    gop = load("tham_quyen").get("gop", {})
    return gop.get(match.nguoi_tang.ten, match.nguoi_tang.ten)


@dataclass(frozen=True)
class Dong:
    """One resolved line of the list."""

    vi_tri: int  # index in the input list
    de_nghi: DeNghiKhenThuong
    match: AwardMatch


@dataclass
class Nhom:
    """Every line proposed for one award."""

    match: AwardMatch
    tap_the: list[Dong] = field(default_factory=list)
    ca_nhan: list[Dong] = field(default_factory=list)

    @property
    def ten(self) -> str:
        return self.match.ten_day_du

    @property
    def ten_trong_cau(self) -> str:
        """The name as a sentence writes it: a title (danh hiệu) in quotes, as the law writes
        it (“Chiến sĩ thi đua bộ, ban, ngành, tỉnh”); a form (Bằng khen …) as it is."""
        return f"“{self.ten}”" if self.match.award.loai == "danh_hieu" else self.ten

    def cum(self) -> str:
        """"tặng Bằng khen của … cho 03 tập thể và 05 cá nhân"."""
        return (f"{dong_tu(self.match)} {self.ten_trong_cau} cho "
                f"{dem(len(self.tap_the), len(self.ca_nhan))}")


def dem(tap_the: int, ca_nhan: int) -> str:
    """"03 tập thể và 05 cá nhân", "02 cá nhân", "01 tập thể"."""
    parts = []
    if tap_the:
        parts.append(f"{so_dem(tap_the)} tập thể")
    if ca_nhan:
        parts.append(f"{so_dem(ca_nhan)} cá nhân")
    return " và ".join(parts)


@dataclass
class DanhSach:
    """The list, resolved and grouped."""

    nhom: list[Nhom]
    tham_quyen: str | None

    @property
    def so_tap_the(self) -> int:
        return sum(len(n.tap_the) for n in self.nhom)

    @property
    def so_ca_nhan(self) -> int:
        return sum(len(n.ca_nhan) for n in self.nhom)

    @property
    def dong(self) -> list[Dong]:
        """Every line in printed order (award by award, tập thể then cá nhân)."""
        return [d for n in self.nhom for d in (*n.tap_the, *n.ca_nhan)]

    def cau(self) -> str:
        """"tặng Bằng khen … cho 03 tập thể và 05 cá nhân; công nhận danh hiệu … cho 02 cá nhân"."""
        return "; ".join(n.cum() for n in self.nhom)


def resolve(
    items: Sequence[DeNghiKhenThuong], path: str, nguoi_tang_mac_dinh: str | None = None
) -> tuple[DanhSach | None, list[Problem]]:
    """Resolve and group the list; returns the list (None when a line is unreadable) and every
    problem found. ``path`` is the list's JSON path (``noi_dung.danh_sach``)."""
    problems: list[Problem] = []
    lines: list[Dong] = []
    for i, item in enumerate(items):
        here = f"{path}[{i}]"
        try:
            match = tim(item.khen_thuong, item.nguoi_tang, nguoi_tang_mac_dinh,
                        f"{here}.khen_thuong")
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if item.doi_tuong not in match.award.doi_tuong:
            allowed = ", ".join(DOI_TUONG_VI[d] for d in match.award.doi_tuong)
            problems.append(problem(
                "danh_sach.doi-tuong", f"{here}.doi_tuong",
                f"“{match.ten_day_du}” không tặng cho {DOI_TUONG_VI[item.doi_tuong]} "
                f"(chỉ cho: {allowed}).",
                f"{match.award.id} is not given to {item.doi_tuong}"))
        lines.append(Dong(i, item, match))

    authority: str | None = None
    source = ""
    if nguoi_tang_mac_dinh and nguoi_tang_mac_dinh.strip():
        conferrer = find_conferrer(nguoi_tang_mac_dinh)
        authority = load("tham_quyen").get("gop", {}).get(conferrer.ten, conferrer.ten)
        source = "cấp có thẩm quyền của văn bản"
    for line in lines:
        this = tham_quyen(line.match)
        if this is None:
            continue
        if authority is None:
            authority, source = this, f"dòng {line.vi_tri + 1}"
        elif normalize(this) != normalize(authority):
            problems.append(problem(
                "danh_sach.mixed-authority", f"{path}[{line.vi_tri}].khen_thuong",
                f"“{line.match.ten_day_du}” thuộc thẩm quyền của {this}, khác với "
                f"{authority} ({source}). Mỗi tờ trình, quyết định chỉ thuộc một cấp có thẩm "
                "quyền: hãy lập văn bản riêng.",
                f"mixed authorities in one document: {this!r} vs {authority!r}",
                tham_quyen=[authority, this]))

    seen: dict[tuple[str, str, int | None], int] = {}
    for line in lines:
        key = (normalize(line.de_nghi.ten), line.match.award.id, line.match.cap)
        if key in seen:
            problems.append(problem(
                "danh_sach.duplicate", f"{path}[{line.vi_tri}].ten",
                f"“{line.de_nghi.ten}” đã được đề nghị “{line.match.ten_day_du}” ở dòng "
                f"{seen[key] + 1}.", "the same recipient is proposed twice for one award"))
        else:
            seen[key] = line.vi_tri

    if len(lines) != len(items):
        return None, problems
    groups: dict[tuple[str, int | None, str | None], Nhom] = {}
    for line in sorted(lines, key=lambda d: d.match.rank_key):
        m = line.match
        key = (m.award.id, m.cap, m.ten_rieng)
        group = groups.setdefault(key, Nhom(m))
        (group.tap_the if line.de_nghi.doi_tuong == "tap_the" else group.ca_nhan).append(line)
    return DanhSach(list(groups.values()), authority), problems


def award_problems_raw(data: dict, list_key: str, field: str = "khen_thuong") -> list[Problem]:
    """Unknown award names in input that failed its model (so one round trip shows every
    mistake): ``noi_dung.<list_key>[i].<field>`` strings looked up in the vocabulary."""
    body = data.get("noi_dung") if isinstance(data, dict) else None
    items = body.get(list_key) if isinstance(body, dict) else None
    out: list[Problem] = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        ten = item.get(field) if isinstance(item, dict) else None
        if isinstance(ten, str) and ten.strip():
            try:
                find_award(ten, path=f"noi_dung.{list_key}[{i}].{field}")
            except InputError as exc:
                out.extend(exc.problems)
    return out
