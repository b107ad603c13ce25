"""The whole commendation file (hồ sơ khen thưởng) from one input: the minutes, the achievement
reports, the submission with its list and, optionally, the decision — rendered at once.

The input (``vanban render-file``, ``POST /api/v1/ho-so``)::

    {"the_thuc": …, "co_quan": …, "dia_danh": …, "du_thao": …,   # shared by every document
     "bien_ban":   {envelope of bien-ban-hop-xet without the shared keys},
     "bao_cao":    [{envelope of bao-cao-thanh-tich, noi_dung without loai / de_nghi}, …],
     "to_trinh":   {envelope of to-trinh-khen-thuong, noi_dung without danh_sach},
     "quyet_dinh": {envelope of quyet-dinh-khen-thuong (its own co_quan), noi_dung without
                    danh_sach / theo_de_nghi}}                      # optional

Consistent by construction: the submission's list is the minutes' candidates who REACHED their
threshold (computed), with the minutes' names, positions and awards; each report is linked to a
candidate by name and takes its kind and award from the minutes (a report for a candidate who
missed the threshold is refused); the decision takes the submission's list, its number and date.
Fields that the chain fills may not be typed (``ho_so.filled``), so nothing can disagree.
Every problem carries the path of the file's field (``to_trinh.noi_dung.can_cu[0]``).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from vanban.errors import InputError, Problem, problem
from vanban.ho_so import bien_ban as minutes_rules
from vanban.ho_so.bien_ban import KetQuaXet
from vanban.model.bien_ban_hop_xet import BienBanHopXet
from vanban.pipeline import _load
from vanban.pipeline import context as build_context
from vanban.pipeline import render as render_one
from vanban.pipeline import validate as validate_one
from vanban.vi.dates import zip_time
from vanban.vocab import normalize

SHARED = ("the_thuc", "co_quan", "dia_danh", "du_thao")
PARTS = ("bien_ban", "bao_cao", "to_trinh", "quyet_dinh")
TEMPLATES = {"bien_ban": "bien-ban-hop-xet", "bao_cao": "bao-cao-thanh-tich",
             "to_trinh": "to-trinh-khen-thuong", "quyet_dinh": "quyet-dinh-khen-thuong"}


@dataclass(frozen=True)
class VanBan:
    """One document of the file: its template, file name, input (as sent to the template),
    the path of that input inside the file and the part of the file it came from."""

    template: str
    ten_tep: str
    data: dict[str, Any]
    path: str
    own: dict[str, Any]


def _prefix(problems: list[Problem], prefix: str, remap: dict[str, str] | None = None,
            own: dict[str, Any] | None = None) -> list[Problem]:
    """Paths of a document's problems → paths in the file: under ``prefix``, except filled
    parts (``remap``) and shared keys the document did not set itself (``own`` = its input)."""
    out = []
    for p in problems:
        path = p.path
        head = path.split(".")[0].split("[")[0]
        for old, new in (remap or {}).items():
            if path == old or path.startswith((old + ".", old + "[")):
                path = new + path[len(old):]
                break
        else:
            if not (own is not None and head in SHARED and head not in own):
                path = f"{prefix}.{path}" if path else prefix
        out.append(problem(p.code, path, p.message, p.message_en, **p.extra))
    return out


def _filled(where: str, key: str, what: str) -> Problem:
    return problem("ho_so.filled", f"{where}.{key}",
                   f"Trường này được lập tự động từ {what}; hãy bỏ nó khỏi dữ liệu để các văn "
                   "bản luôn khớp nhau.", f"{key} is filled by the chain from {what}")


def _part(data: dict[str, Any], name: str, problems: list[Problem]) -> dict[str, Any] | None:
    value = data.get(name)
    if not isinstance(value, dict):
        problems.append(problem("input.missing" if value is None else "input.dict_type", name,
                                "Thiếu phần này của hồ sơ." if value is None else
                                "Phải là một đối tượng JSON {…}.", f"{name} must be an object"))
        return None
    return value


def _with_shared(data: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    out = {k: copy.deepcopy(data[k]) for k in SHARED if k in data}
    out.update(copy.deepcopy(part))
    return out


def _noi_dung(doc: dict[str, Any]) -> dict[str, Any]:
    body = doc.get("noi_dung")
    if not isinstance(body, dict):
        body = {}
        doc["noi_dung"] = body
    return body


def plan(data: Any) -> list[VanBan]:
    """Validate the whole file and return its documents, in filing order (minutes, reports,
    submission, decision). Raises :class:`InputError` with every problem, paths in the file."""
    data = _load(data)
    problems: list[Problem] = []
    unknown = [k for k in data if k not in (*SHARED, *PARTS)]
    problems += [problem("input.extra_forbidden", k, "Trường này không có trong hồ sơ (kiểm tra "
                         "lại chính tả tên trường).", "unknown key") for k in unknown]

    # 1. the minutes decide who is proposed
    bb_in = _part(data, "bien_ban", problems)
    reached: list[KetQuaXet] = []
    bb_body: BienBanHopXet | None = None
    docs: list[VanBan] = []
    if bb_in is not None:
        bb_doc = _with_shared(data, bb_in)
        try:
            env = validate_one("bien-ban-hop-xet", bb_doc)
            bb_body = env.noi_dung
            reached = minutes_rules.dat_nguong(bb_body)
            docs.append(VanBan("bien-ban-hop-xet", "01-bien-ban-hop-xet", bb_doc, "bien_ban",
                               bb_in))
        except InputError as exc:
            problems += _prefix(exc.problems, "bien_ban", own=bb_in)
    if bb_body is None:
        raise InputError(problems)
    if not reached:
        problems.append(problem("ho_so.khong-dat", "bien_ban.noi_dung.ket_qua",
                                "Không có trường hợp nào đạt tỷ lệ đồng ý: không lập được tờ "
                                "trình.", "no candidate reached the threshold"))
        raise InputError(problems)
    by_name = {normalize(k.phieu.ten): k for k in reached}
    all_votes = {normalize(p.ten): i for i, p in enumerate(bb_body.ket_qua)}

    # 2. one achievement report per proposed candidate (linked by name)
    reports = data.get("bao_cao", [])
    if not isinstance(reports, list):
        problems.append(problem("input.list_type", "bao_cao", "Phải là danh sách (mảng JSON […]).",
                                "bao_cao must be a list"))
        reports = []
    for i, item in enumerate(reports):
        where = f"bao_cao[{i}]"
        if not isinstance(item, dict):
            problems.append(problem("input.dict_type", where, "Phải là một đối tượng JSON {…}.",
                                    "not an object"))
            continue
        doc = _with_shared(data, item)
        body = _noi_dung(doc)
        person = body.get("ly_lich") if isinstance(body.get("ly_lich"), dict) else None
        group = body.get("dac_diem") if isinstance(body.get("dac_diem"), dict) else None
        name = (person or {}).get("ho_ten") or (group or {}).get("ten_tap_the")
        for key in ("loai", "de_nghi"):
            if key in body:
                problems.append(_filled(f"{where}.noi_dung", key, "biên bản họp xét"))
        if "trich_yeu" in item:
            problems.append(_filled(where, "trich_yeu", "tên trong lý lịch / đặc điểm"))
        if not isinstance(name, str) or not name.strip():
            problems.append(problem("ho_so.bao-cao-ten", f"{where}.noi_dung",
                                    "Cần “ly_lich.ho_ten” (cá nhân) hoặc “dac_diem.ten_tap_the” "
                                    "(tập thể) để gắn báo cáo với người trong biên bản.",
                                    "a report needs the candidate's name"))
            continue
        k = by_name.get(normalize(name))
        if k is None:
            voted = normalize(name) in all_votes
            problems.append(problem(
                "ho_so.khong-dat" if voted else "ho_so.khong-co-ten",
                f"{where}.noi_dung.{'ly_lich.ho_ten' if person else 'dac_diem.ten_tap_the'}",
                f"“{name}” không đạt tỷ lệ đồng ý trong biên bản nên không được đưa vào hồ sơ "
                "đề nghị." if voted else f"“{name}” không có trong kết quả họp xét (biên bản).",
                "candidate below threshold" if voted else "not in the minutes"))
            continue
        body["loai"] = k.phieu.doi_tuong
        body["de_nghi"] = _award(k)
        doc["trich_yeu"] = name
        docs.append(VanBan("bao-cao-thanh-tich", f"02-bao-cao-thanh-tich-{i + 1:02d}", doc, where,
                           item))

    # 3. the submission carries exactly the candidates who reached their threshold
    tt_in = _part(data, "to_trinh", problems)
    tt_doc: dict[str, Any] | None = None
    remap: dict[str, str] = {}
    if tt_in is not None:
        tt_doc = _with_shared(data, tt_in)
        body = _noi_dung(tt_doc)
        for key in ("danh_sach", "bien_ban_ngay", "hoi_dong"):
            if key in body:
                problems.append(_filled("to_trinh.noi_dung", key, "biên bản họp xét"))
        body.setdefault("nguoi_quyet_dinh", bb_body.nguoi_tang)
        body["bien_ban_ngay"] = bb_body.ngay_hop
        body["hoi_dong"] = bb_body.hoi_dong
        body["danh_sach"] = [
            {"ten": k.phieu.ten, "doi_tuong": k.phieu.doi_tuong, **_award(k),
             **({"chuc_vu_don_vi": k.phieu.chuc_vu_don_vi} if k.phieu.chuc_vu_don_vi else {})}
            for k in reached]
        remap = {f"noi_dung.danh_sach[{n}]": f"bien_ban.noi_dung.ket_qua[{k.vi_tri}]"
                 for n, k in enumerate(reached)}
        docs.append(VanBan("to-trinh-khen-thuong", "03-to-trinh-khen-thuong", tt_doc,
                           "to_trinh", tt_in))

    # 4. the decision answers the submission
    qd_in = data.get("quyet_dinh")
    if qd_in is not None and tt_doc is not None:
        if not isinstance(qd_in, dict):
            problems.append(problem("input.dict_type", "quyet_dinh",
                                    "Phải là một đối tượng JSON {…}.", "not an object"))
        else:
            problems += _decision(data, qd_in, tt_doc, docs)

    # every document validated in its own template, paths mapped back into the file
    for doc in docs:
        if doc.template == "bien-ban-hop-xet":
            continue
        try:
            validate_one(doc.template, doc.data)
        except InputError as exc:
            problems += _prefix(exc.problems, doc.path,
                                remap if doc.template != "bao-cao-thanh-tich" else None,
                                own=doc.own)
    if problems:
        raise InputError(_unique(problems))
    return docs


def _decision(data: dict[str, Any], qd_in: dict[str, Any], tt_doc: dict[str, Any],
              docs: list[VanBan]) -> list[Problem]:
    problems: list[Problem] = []
    if "co_quan" not in qd_in:
        problems.append(problem(
            "input.missing", "quyet_dinh.co_quan",
            "Cần ghi cơ quan ban hành quyết định (cấp có thẩm quyền khen thưởng).",
            "the decision needs its issuing agency"))
    qd_doc = _with_shared(data, qd_in)
    body = _noi_dung(qd_doc)
    tt_body = tt_doc["noi_dung"]
    for key in ("danh_sach", "theo_de_nghi"):
        if key in body:
            problems.append(_filled("quyet_dinh.noi_dung", key, "tờ trình"))
    number = tt_doc.get("so")
    if not isinstance(number, int):
        problems.append(problem(
            "ho_so.so-to-trinh", "to_trinh.so",
            "Quyết định trích dẫn “Tờ trình số … ngày …”: cần ghi số tờ trình.",
            "the decision needs the submission's number"))
        return problems
    try:
        tt_env = validate_one("to-trinh-khen-thuong", tt_doc)
    except InputError:
        return problems  # reported with the submission
    ctx = build_context("to-trinh-khen-thuong", tt_env)
    signer = tt_env.nguoi_ky.thay_cho if tt_env.nguoi_ky.quyen_han else tt_env.nguoi_ky.chuc_vu
    body["theo_de_nghi"] = {
        "nguoi_de_nghi": proposer(signer or "", ctx["co_quan_trong_cau"]),
        "so": f"{number:02d}/{ctx['ky_hieu']}" if tt_env.the_thuc != "dang"
        else f"{number:02d}-{ctx['ky_hieu']}",
        "ngay": tt_env.ngay,
    }
    body["danh_sach"] = copy.deepcopy(tt_body["danh_sach"])
    body.setdefault("nguoi_tang", tt_body.get("nguoi_quyet_dinh"))
    body.setdefault("thanh_tich", tt_body.get("thanh_tich"))
    docs.append(VanBan("quyet-dinh-khen-thuong", "04-quyet-dinh-khen-thuong", qd_doc,
                       "quyet_dinh", qd_in))
    return problems


def proposer(signer: str, agency: str) -> str:
    """Who proposes, as the decision cites it: the signer's collective or title and the
    agency ("Giám đốc Sở Nội vụ"), without repeating a name the agency already starts with
    (T/M ĐẢNG ỦY of "Đảng ủy Sở Tài chính" is "Đảng ủy Sở Tài chính", not "Đảng ủy Đảng ủy …")."""
    signer = " ".join(signer.split())
    if not signer or agency.casefold().startswith(signer.casefold()):
        return agency.strip()
    return f"{_COLLECTIVE.get(signer.upper(), signer.capitalize())} {agency}".strip()


#: Collective bodies in running text, as they are capitalised ("Ban Chấp hành", not "Ban chấp
#: hành").
_COLLECTIVE = {"BAN CHẤP HÀNH": "Ban Chấp hành", "BAN THƯỜNG VỤ": "Ban Thường vụ",
               "BAN THƯỜNG TRỰC": "Ban Thường trực", "ĐẢNG ỦY": "Đảng ủy"}


def _award(k: KetQuaXet) -> dict[str, str]:
    """The award as the minutes resolved it: canonical name (+ proper name) and conferrer."""
    name = k.match.award.ten + (f" “{k.match.ten_rieng}”" if k.match.ten_rieng else "")
    out = {"khen_thuong": name}
    if k.match.nguoi_tang is not None:
        out["nguoi_tang"] = k.match.nguoi_tang.ten
    return out


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.code, p.path)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def render(data: Any) -> dict[str, bytes]:
    """Every document of the file: ``{"01-bien-ban-hop-xet.docx": bytes, …}``."""
    return {f"{d.ten_tep}.docx": render_one(d.template, d.data) for d in plan(data)}


def render_zip(data: Any, now: dt.datetime | None = None) -> bytes:
    """The whole file as one .zip of .docx documents, in filing order; each entry is dated
    when it was made (Vietnam time), as a file saved by hand would be."""
    files = render(data)
    stamp = zip_time(now)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, content)
    return buf.getvalue()
