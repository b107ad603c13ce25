"""Danh hiệu thi đua, hình thức khen thưởng and người tặng (Luật Thi đua, khen thưởng 2022).

The vocabulary itself lives in ``khen_thuong.toml`` next to this module (data, not code); this
module loads it once and answers three questions:

* which award does a user's text name (:func:`find_award`, tolerant of the spelling variants
  real documents use: "Chiến sỹ thi đua cấp cơ sở", "Gia đình văn hoá", "CSTĐ cơ sở", NFD text …);
* who conferred it and at which level (:func:`find_conferrer`, :attr:`AwardMatch.cap`);
* in which order a list of awards is printed, highest first (:attr:`AwardMatch.rank_key`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from vanban.errors import InputError, problem
from vanban.vocab.normalize import award_key, clean_name, normalize

LOAI = ("danh_hieu", "hinh_thuc")
DOI_TUONG = ("ca_nhan", "tap_the", "ho_gia_dinh")
#: Level used by :attr:`AwardMatch.rank_key` when the level cannot be known (a conferrer-dependent
#: form such as "Bằng khen" given without its conferrer): such awards sort last.
CAP_KHONG_RO = 9

_DATA_FILE = "khen_thuong.toml"


# ───────────────────────────── data classes ─────────────────────────────


@dataclass(frozen=True)
class Award:
    """One danh hiệu thi đua or hình thức khen thưởng of the vocabulary."""

    id: str
    ten: str
    loai: str  # "danh_hieu" | "hinh_thuc"
    doi_tuong: tuple[str, ...]  # of "ca_nhan", "tap_the", "ho_gia_dinh"
    cap: int | None  # 1..4, None when the level follows the conferrer
    thu_tu: int  # order within the level, smaller = higher
    nguoi_tang: str | None  # default conferrer (canonical name) or None
    aliases: tuple[str, ...] = field(default=(), compare=False, repr=False)
    dong_tu: str | None = field(default=None, compare=False, repr=False)  # verb override
    co_ten_rieng: bool = field(default=False, compare=False, repr=False)

    @property
    def theo_nguoi_tang(self) -> bool:
        """True when the level depends on the conferrer (Bằng khen, Giấy khen …)."""
        return self.cap is None


@dataclass(frozen=True)
class Conferrer:
    """Who confers an award: a canonical name when known, else the user's text (NFC)."""

    ten: str
    cap: int
    known: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class AwardMatch:
    """An award as named in the input, with its conferrer.

    ``nguoi_tang`` is the conferrer given by the user (or found in the text, "Bằng khen của Thủ
    tướng Chính phủ"), else the award's default conferrer (Huân chương → Chủ tịch nước), else None.
    ``cap_hint`` is a level stated in the text without a conferrer ("Bằng khen cấp tỉnh").
    ``ten_rieng`` is the proper name following a form such as Kỷ niệm chương
    ("Kỷ niệm chương “Vì sự nghiệp Giáo dục”" → "Vì sự nghiệp Giáo dục").
    """

    award: Award
    nguoi_tang: Conferrer | None = None
    cap_hint: int | None = None
    ten_rieng: str | None = None

    @property
    def cap(self) -> int | None:
        """Effective level: the award's own, else its conferrer's, else the level in the text."""
        if self.award.cap is not None:
            return self.award.cap
        if self.nguoi_tang is not None:
            return self.nguoi_tang.cap
        return self.cap_hint

    @property
    def rank_key(self) -> tuple[int, int, str]:
        """Sort key, highest award first: (level, order within the level, id)."""
        cap = self.cap
        return (CAP_KHONG_RO if cap is None else cap, self.award.thu_tu, self.award.id)

    @property
    def dong_tu(self) -> str:
        return dong_tu(self)

    @property
    def ten_day_du(self) -> str:
        """Display name: "Bằng khen của Thủ tướng Chính phủ", "Kỷ niệm chương “…”"."""
        text = self.award.ten
        if self.ten_rieng:
            text += f" “{self.ten_rieng}”"
        if self.award.cap is None and self.nguoi_tang is not None:
            text += f" của {self.nguoi_tang.ten}"
        return text


def rank_key(match: AwardMatch) -> tuple[int, int, str]:
    """``sorted(matches, key=rank_key)`` puts the highest award first."""
    return match.rank_key


def dong_tu(match: AwardMatch | Award) -> str:
    """Verb used with the award: "công nhận danh hiệu" (danh hiệu) or "tặng" (hình thức).

    A few entries override it in the data: flags (Cờ thi đua) are "tặng", State honorary titles
    (Anh hùng Lao động, Nhà giáo nhân dân …) are "phong tặng danh hiệu".
    """
    award = match.award if isinstance(match, AwardMatch) else match
    if award.dong_tu:
        return award.dong_tu
    return "công nhận danh hiệu" if award.loai == "danh_hieu" else "tặng"


# ───────────────────────────── loading ─────────────────────────────


@dataclass(frozen=True)
class _Vocab:
    awards: tuple[Award, ...]
    by_id: dict[str, Award]
    award_index: dict[str, Award]  # normalised name or alias → award
    conferrers: tuple[Conferrer, ...]
    conferrer_index: dict[str, Conferrer]
    level_phrases: dict[str, int]


def _fail(msg: str) -> None:
    raise ValueError(f"{_DATA_FILE}: {msg}")


def _index(index: dict[str, Any], key: str, value: Any, what: str) -> None:
    if not key:
        _fail(f"empty name in {what}")
    other = index.get(key)
    if other is not None and other != value:
        _fail(f"{what}: {key!r} also names {other!r}")
    index[key] = value


def _build(data: dict[str, Any]) -> _Vocab:
    conferrers: list[Conferrer] = []
    conferrer_index: dict[str, Conferrer] = {}
    for row in data.get("nguoi_tang", []):
        cap = row.get("cap")
        if cap not in (1, 2, 3, 4):
            _fail(f"nguoi_tang {row.get('ten')!r}: cap must be 1..4")
        conferrer = Conferrer(ten=row["ten"], cap=cap, known=True)
        conferrers.append(conferrer)
        for name in [row["ten"], *row.get("aliases", [])]:
            _index(conferrer_index, normalize(name), conferrer, f"nguoi_tang {row['ten']!r}")

    awards: list[Award] = []
    by_id: dict[str, Award] = {}
    award_index: dict[str, Award] = {}
    for row in data.get("khen_thuong", []):
        award_id = row.get("id", "")
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", award_id) or award_id in by_id:
            _fail(f"bad or duplicate id {award_id!r}")
        if row.get("loai") not in LOAI:
            _fail(f"{award_id}: loai must be one of {LOAI}")
        doi_tuong = tuple(row.get("doi_tuong", ()))
        if not doi_tuong or any(d not in DOI_TUONG for d in doi_tuong):
            _fail(f"{award_id}: doi_tuong must be a non-empty list of {DOI_TUONG}")
        cap = row.get("cap")
        if cap not in (None, 1, 2, 3, 4):
            _fail(f"{award_id}: cap must be 1..4 or absent")
        nguoi_tang = row.get("nguoi_tang")
        if nguoi_tang is not None and normalize(nguoi_tang) not in conferrer_index:
            _fail(f"{award_id}: nguoi_tang {nguoi_tang!r} is not a [[nguoi_tang]]")
        award = Award(
            id=award_id,
            ten=row["ten"],
            loai=row["loai"],
            doi_tuong=doi_tuong,
            cap=cap,
            thu_tu=int(row["thu_tu"]),
            nguoi_tang=nguoi_tang,
            aliases=tuple(row.get("aliases", ())),
            dong_tu=row.get("dong_tu"),
            co_ten_rieng=bool(row.get("co_ten_rieng", False)),
        )
        awards.append(award)
        by_id[award_id] = award
        for name in [award.ten, *award.aliases]:
            _index(award_index, award_key(name), award, f"khen_thuong {award_id!r}")

    level_phrases = {normalize(k): int(v) for k, v in data.get("cap_ghi_trong_ten", {}).items()}
    return _Vocab(
        awards=tuple(awards),
        by_id=by_id,
        award_index=award_index,
        conferrers=tuple(conferrers),
        conferrer_index=conferrer_index,
        level_phrases=level_phrases,
    )


@cache
def _vocab() -> _Vocab:
    """The vocabulary, built from the data file — or loaded as built by an earlier process
    (:mod:`vanban.data_cache`: ~0.5 ms instead of ~9 ms)."""
    from vanban import data_cache

    here = Path(__file__).parent
    data = here / _DATA_FILE
    return data_cache.built("awards", [data, here / "awards.py", here / "normalize.py"],
                            lambda: _build(tomllib.loads(data.read_text(encoding="utf-8"))))


def all_awards() -> list[Award]:
    """Every award of the vocabulary, in the data file's order."""
    return list(_vocab().awards)


def all_conferrers() -> list[Conferrer]:
    """Every known conferrer, in the data file's order."""
    return list(_vocab().conferrers)


def award_by_id(award_id: str) -> Award:
    """The award with this id (KeyError when there is none)."""
    return _vocab().by_id[award_id]


# ───────────────────────────── conferrers ─────────────────────────────

_BO_WORD = re.compile(r"(?<!đảng )(?<!chi )(?<!cán )(?<!toàn )\bbộ\b(?! phận)")
_CAP3_WORDS = ("tỉnh", "thành phố", "trung ương", "tổng liên đoàn", "quốc hội", "tối cao")


def guess_cap(text: str) -> int:
    """Level of a free-text conferrer, from keywords.

    "Chủ tịch nước" → 1; "Thủ tướng" / "Chính phủ" → 2 (but "Văn phòng Chính phủ" → 3);
    "tỉnh", "thành phố", "Bộ …", "Trung ương", "Tổng Liên đoàn", "Quốc hội", "tối cao" → 3;
    anything else → 4 (cơ sở).
    """
    key = normalize(text)
    if "chủ tịch nước" in key:
        return 1
    if "văn phòng chính phủ" in key:
        return 3
    if "thủ tướng" in key or "chính phủ" in key:
        return 2
    if any(word in key for word in _CAP3_WORDS) or _BO_WORD.search(key):
        return 3
    return 4


def _known_conferrer(text: str) -> Conferrer | None:
    return _vocab().conferrer_index.get(normalize(text))


def find_conferrer(text: str, path: str = "nguoi_tang") -> Conferrer:
    """The canonical conferrer for ``text``, or ``text`` itself (NFC) with a guessed level."""
    cleaned = clean_name(text) if isinstance(text, str) else ""
    if not cleaned:
        raise InputError(
            [
                problem(
                    "conferrer.empty",
                    path,
                    "Chưa ghi người (cơ quan) tặng khen thưởng.",
                    "empty conferrer",
                )
            ]
        )
    known = _known_conferrer(cleaned)
    if known is not None:
        return known
    return Conferrer(ten=cleaned, cap=guess_cap(cleaned), known=False)


# ───────────────────────────── awards ─────────────────────────────

_LINK_WORDS = ("của", "do")


def _read_rest(award: Award, rest: str) -> AwardMatch | None:
    """Interpret what follows a form's name ("của Thủ tướng Chính phủ", "cấp tỉnh" …)."""
    rest = clean_name(rest)
    if not rest:
        return None
    vocab = _vocab()
    words = rest.split(" ", 1)
    linked = normalize(words[0]) in _LINK_WORDS
    if linked:
        rest = clean_name(words[1]) if len(words) > 1 else ""
        if not rest:
            return None
    key = normalize(rest)
    if award.cap is None and key in vocab.level_phrases:
        return AwardMatch(award, cap_hint=vocab.level_phrases[key])
    known = vocab.conferrer_index.get(key)
    if known is not None:
        return AwardMatch(award, nguoi_tang=known)
    if award.co_ten_rieng and not linked:
        # "Kỷ niệm chương Vì sự nghiệp Giáo dục [của Bộ Giáo dục và Đào tạo]"
        name, sep, by = rest.rpartition(" của ")
        if not sep:
            name, by = rest, ""
        name = clean_name(name)
        if not name:
            return None
        return AwardMatch(
            award, nguoi_tang=find_conferrer(by) if clean_name(by) else None, ten_rieng=name
        )
    if linked or (award.cap is None and (rest[0].isupper() or guess_cap(rest) <= 3)):
        return AwardMatch(award, nguoi_tang=find_conferrer(rest))
    return None


def _split(text: str) -> AwardMatch | None:
    """Split "Bằng khen của Thủ tướng Chính phủ" into form and conferrer (longest name first)."""
    index = _vocab().award_index
    words = text.split(" ")
    for k in range(len(words) - 1, 0, -1):
        award = index.get(award_key(" ".join(words[:k])))
        if award is None:
            continue
        match = _read_rest(award, " ".join(words[k:]))
        if match is not None:
            return match
    return None


def _suggestions(key: str, limit: int = 3) -> list[str]:
    import difflib  # only for a name the vocabulary does not know: not at every start

    vocab = _vocab()
    # A level written in the name ("Chiến sĩ thi đua cấp xã") favours awards of that level.
    stated = next(
        (
            cap
            for phrase, cap in sorted(vocab.level_phrases.items(), key=lambda i: -len(i[0]))
            if key.endswith(" " + phrase)
        ),
        None,
    )
    scored: list[tuple[float, str]] = []
    for name_key, award in vocab.award_index.items():
        if key.startswith(name_key + " "):
            score = 1.0 + len(name_key) / 1000  # the input starts with this name
        else:
            score = difflib.SequenceMatcher(None, key, name_key).ratio()
            if stated is not None and award.cap == stated:
                score += 0.2
        scored.append((score, award.ten))
    scored.sort(key=lambda item: -item[0])
    result: list[str] = []
    for score, ten in scored:
        if score < 0.5 or len(result) >= limit:
            break
        if ten not in result:
            result.append(ten)
    return result


def _unknown(ten: Any, path: str) -> InputError:
    shown = clean_name(ten) if isinstance(ten, str) else ("" if ten is None else str(ten))
    if not shown:
        return InputError(
            [
                problem(
                    "award.empty",
                    path,
                    "Chưa ghi tên danh hiệu thi đua hoặc hình thức khen thưởng.",
                    "empty award name",
                )
            ]
        )
    suggestions = _suggestions(award_key(shown)) if shown else []
    message = f"Không có danh hiệu hoặc hình thức khen thưởng “{shown}”."
    message_en = f"unknown award {shown!r}"
    if suggestions:
        message += " Có phải: " + ", ".join(f"“{s}”" for s in suggestions) + "?"
        message_en += "; did you mean: " + ", ".join(suggestions) + "?"
    return InputError(
        [problem("award.unknown", path, message, message_en, suggestions=suggestions)]
    )


@lru_cache(maxsize=4096)  # pure and hot: each request looks its awards up twice (check, build)
def find_award(ten: str, nguoi_tang: str | None = None, path: str = "ten") -> AwardMatch:
    """Find the award named ``ten`` (any spelling variant), conferred by ``nguoi_tang``.

    When ``nguoi_tang`` is not given, a conferrer or level written after a form is used
    ("Bằng khen của Thủ tướng Chính phủ", "Bằng khen Chủ tịch UBND tỉnh", "Bằng khen cấp tỉnh");
    otherwise the award's default conferrer (Huân chương → Chủ tịch nước). "Cờ thi đua" conferred
    by the "Chính phủ" becomes "Cờ thi đua của Chính phủ".

    Raises :class:`~vanban.errors.InputError` (code ``award.unknown`` at ``path``, with up to
    three ``suggestions``) when no award has that name.
    """
    if not isinstance(ten, str) or not clean_name(ten):
        raise _unknown(ten, path)
    text = clean_name(ten)
    vocab = _vocab()
    award = vocab.award_index.get(award_key(text))
    match = AwardMatch(award) if award is not None else _split(text)
    if match is None:
        raise _unknown(text, path)

    if isinstance(nguoi_tang, str) and clean_name(nguoi_tang):
        match = AwardMatch(match.award, find_conferrer(nguoi_tang), match.cap_hint, match.ten_rieng)

    conferrer = match.nguoi_tang
    if match.award.cap is None and conferrer is not None and conferrer.known:
        # "Cờ thi đua" + "Chính phủ" → "Cờ thi đua của Chính phủ"
        specific = vocab.award_index.get(award_key(f"{match.award.ten} của {conferrer.ten}"))
        if specific is not None and specific.cap is not None:
            match = AwardMatch(specific, conferrer, None, match.ten_rieng)

    if match.nguoi_tang is None and match.award.nguoi_tang is not None:
        match = AwardMatch(
            match.award, find_conferrer(match.award.nguoi_tang), match.cap_hint, match.ten_rieng
        )
    return match
