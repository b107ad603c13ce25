"""Vocabulary of thi đua – khen thưởng: awards, conferrers, levels and rank.

The data lives in ``khen_thuong.toml`` (edit it, not the code); see :mod:`vanban.vocab.awards`.
"""

from vanban.vocab.awards import (
    CAP_KHONG_RO,
    DOI_TUONG,
    LOAI,
    Award,
    AwardMatch,
    Conferrer,
    all_awards,
    all_conferrers,
    award_by_id,
    dong_tu,
    find_award,
    find_conferrer,
    guess_cap,
    normalize,
    rank_key,
)

__all__ = [
    "CAP_KHONG_RO",
    "DOI_TUONG",
    "LOAI",
    "Award",
    "AwardMatch",
    "Conferrer",
    "all_awards",
    "all_conferrers",
    "award_by_id",
    "dong_tu",
    "find_award",
    "find_conferrer",
    "guess_cap",
    "normalize",
    "rank_key",
]
