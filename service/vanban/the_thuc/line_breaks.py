"""Line breaks written by vanban: agency names, titles and abstracts broken at meaningful points.

A văn thư breaks "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" as "ỦY BAN NHÂN DÂN / TỈNH LÀO CAI", never
"… LÀO / CAI"; Word and LibreOffice wrap a too-long line at different words, so only a break
written into the document prints the same everywhere. The widths come from the font's advance
widths (:func:`vanban.the_thuc.metrics.text_width_pt`, Liberation Serif = Times New Roman
metrics), with a margin for the renderers' rounding (:data:`SAFETY`).

    break_name("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", width_pt=187, size_pt=13)
    # ['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI']
    break_title("Về việc khen thưởng … năm 2022", width_pt=467, size_pt=14)
    # balanced lines, the last one never a single word

Lines already broken by the input (``\\n``) are kept and each is broken further if too long.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, combinations

from vanban.the_thuc.metrics import text_width_pt

#: Share of the column a line may fill: metrics and renderers differ by a few per cent.
SAFETY = 0.96
#: Words opening the name of a place level: a line break before them reads naturally.
_PLACE = {"TỈNH", "THÀNH", "HUYỆN", "QUẬN", "THỊ", "XÃ", "PHƯỜNG"}
#: Words opening an organisation's name inside a longer one.
_ORG = {"KHỐI", "BAN", "PHÒNG", "CHI", "SỞ", "TRƯỜNG", "TRUNG", "CÔNG", "ĐẢNG", "VĂN", "CỤC",
        "CHI CỤC"}
#: Two-syllable words (and fixed pairs) a break must not split.
_BOUND = {tuple(pair.split()) for pair in (
    "cơ quan", "nhân dân", "doanh nghiệp", "đảng ủy", "đảng bộ", "công đoàn", "chấp hành",
    "thường vụ", "tổng hợp", "tài nguyên", "môi trường", "viên chức", "dân tộc", "văn hóa",
    "thể thao", "du lịch", "nội vụ", "tài chính", "tư pháp", "thành lập", "đại hội", "kỷ niệm",
    "thi đua", "khen thưởng", "tập thể", "cá nhân", "thành tích", "chào mừng", "ủy ban",
    "đánh giá", "chấm điểm", "tiêu chí", "nhiệm vụ", "xuất sắc", "tiêu biểu", "đề nghị",
    "biểu quyết", "hoạt động", "phương hướng", "tổng kết", "sơ kết", "nhà nước", "quản lý",
    "các cấp", "xếp hạng", "kết quả", "bằng khen", "giấy khen", "chiến sĩ", "lao động",
    "tiên tiến", "hội đồng", "thành phố", "thị xã", "thị trấn", "chính phủ", "thủ tướng",
    "chủ tịch", "bí thư", "lào cai", "yên bái", "bình phước", "bà rịa", "vũng tàu")}
#: Longest search: names and titles have few words; beyond this we break greedily.
_MAX_WORDS = 40


def _name_weight(words: list[str], i: int) -> float:
    """How good a break before ``words[i]`` is in an agency name (negative: avoid)."""
    before, after = words[i - 1], words[i]
    up_before, up_after = before.upper(), after.upper()
    if "-" in (before, after) or before.endswith("-") or after.startswith("-"):
        return -10.0
    if (before.lower().strip(","), after.lower()) in _BOUND or up_before in {"CÁC", "CƠ"}:
        return -5.0
    w = 0.0
    if up_after in _PLACE and not (up_before == "THỊ" or up_after == "THỊ" and i + 1 < len(
            words) and words[i + 1].upper() not in {"XÃ", "TRẤN"}):
        w += 4
    head = " ".join(x.upper() for x in words[:i])
    if head.endswith(("NHÂN DÂN", "CÔNG ĐOÀN CƠ SỞ", "ĐẢNG ỦY", "ĐẢNG BỘ")):
        w += 3
    if up_after == "VÀ":
        w += 3
    if before.endswith(","):
        w += 2
    if up_after in _ORG and up_before not in {"CƠ", "ĐẢNG", "ỦY", "CÔNG"}:
        w += 2
    return w


def _title_weight(words: list[str], i: int) -> float:
    """How good a break before ``words[i]`` is in a title or abstract."""
    before, after = words[i - 1], words[i]
    if "-" in (before, after) or after[:1].isdigit() or after[:1] == "/":
        return -10.0
    if (before.lower().strip(","), after.lower().strip(",")) in _BOUND:
        return -5.0
    if before[:1].isupper() and after[:1].islower() and i > 1 and words[i - 2][:1].isupper():
        return -4.0  # inside a proper name: "Sở Tư / pháp"
    if before.lower() in {"năm", "tháng", "ngày", "số", "khóa", "nhiệm", "kỳ", "đợt", "giai"}:
        return -3.0
    w = 0.0
    if before.endswith((",", ";", ":")):
        w += 2
    if after[:1] == "(":
        w += 3
    if after.lower() in {"và", "của", "trong", "về", "tại", "cho", "gắn", "giai", "nhằm"}:
        w += 1
    return w


def _best(words: list[str], measure: Callable[[str], float], limit: float,
          weight: Callable[[list[str], int], float], balance: float) -> list[str]:
    n = len(words)
    if n <= 1 or measure(" ".join(words)) <= limit:
        return [" ".join(words)]
    if n > _MAX_WORDS:
        return _greedy(words, measure, limit)
    # A line's width is its words' widths plus one space between each two (advance widths
    # add up: no kerning), so every candidate line is measured by two lookups.
    space = measure(" ")
    upto = [0.0, *accumulate(measure(w) for w in words)]

    def width(a: int, b: int) -> float:
        return upto[b] - upto[a] + (b - a - 1) * space

    good = [0.0, *(weight(words, i) for i in range(1, n))]
    for k in range(1, min(n - 1, 4) + 1):  # k cuts → k + 1 lines
        best: tuple[float, tuple[int, ...]] | None = None
        for cuts in combinations(range(1, n), k):
            bounds = (0, *cuts, n)
            spans = list(zip(bounds, bounds[1:], strict=False))
            widths = [width(a, b) for a, b in spans]
            if max(widths) > limit:
                continue
            lone = sum(1 for a, b in spans if b - a == 1)
            score = (sum(good[c] for c in cuts) - 6 * lone
                     - balance * (max(widths) - min(widths)) / limit)
            if best is None or score > best[0]:
                best = (score, cuts)
        if best is not None:
            bounds = (0, *best[1], n)
            return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return _greedy(words, measure, limit)


def _greedy(words: list[str], measure: Callable[[str], float], limit: float) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and measure(f"{lines[-1]} {word}") <= limit:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _each_line(text: str, fn: Callable[[list[str]], list[str]]) -> list[str]:
    out: list[str] = []
    for line in text.splitlines() or [text]:
        words = line.split()
        if words:
            out += fn(words)
    return out


def break_name(text: str, width_pt: float, size_pt: float, *, bold: bool = True) -> list[str]:
    """An agency name (or an authority line) as lines that fit ``width_pt``, broken where a
    clerk breaks it: before the place level, after ``ỦY BAN NHÂN DÂN``, before ``VÀ``…"""
    return list(_broken(text, width_pt, size_pt, bold, _name_weight, 1.0))


@lru_cache(maxsize=4096)  # the same names and titles come back in every document of a batch
def _broken(text: str, width_pt: float, size_pt: float, bold: bool,
            weight: Callable[[list[str], int], float], balance: float) -> tuple[str, ...]:
    def measure(s: str) -> float:
        return text_width_pt(s, size_pt, bold=bold)

    return tuple(_each_line(text, lambda ws: _best(ws, measure, width_pt * SAFETY, weight,
                                                   balance)))


def break_title(text: str, width_pt: float, size_pt: float, *, bold: bool = True) -> list[str]:
    """A title or abstract as the fewest lines that fit, balanced, never ending on one word
    nor breaking inside "năm 2022" or a number."""
    return list(_broken(text, width_pt, size_pt, bold, _title_weight, 3.0))
