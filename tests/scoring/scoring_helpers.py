"""Small scoring bodies for the scoring tests: one group, point- and level-scored criteria."""

from __future__ import annotations

import copy
from typing import Any

from vanban.model.bang_cham_diem import BangChamDiem

BASE: dict[str, Any] = {
    "nam": 2021,
    "don_vi": "Sở Nội vụ",
    "thang_diem": {"diem_toi_da": 95, "diem_thuong_toi_da": 5},
    "nhom": [
        {"ma": "I", "ten": "Thực hiện nhiệm vụ chính trị", "diem_toi_da": 40, "tieu_chi": [
            {"ma": "1", "ten": "Tỷ lệ giải quyết hồ sơ đúng hạn", "don_vi_tinh": "%",
             "ke_hoach": 100, "thuc_hien": 104, "diem_chuan": 10, "tu_cham": 9.5},
            {"ma": "2", "ten": "Cải cách hành chính", "muc": {"Tốt": 30, "Khá": 24, "TB": 18,
                                                              "Yếu": 0}, "xep_loai": "Khá"},
        ]},
        {"ma": "II", "ten": "Xây dựng tổ chức đảng, đoàn thể", "diem_toi_da": 30, "tieu_chi": [
            {"ma": "1", "ten": "Tổ chức đảng", "diem_chuan": 30, "tu_cham": 28},
        ]},
        {"ma": "III", "ten": "Công tác thi đua, khen thưởng", "diem_toi_da": 25, "tieu_chi": [
            {"ma": "1", "ten": "Đăng ký thi đua", "diem_chuan": 25, "tu_cham": 25},
        ]},
    ],
    "diem_thuong": [],
    "diem_tru": {},
}


def body(**changes: Any) -> dict[str, Any]:
    """A copy of :data:`BASE` with top-level keys replaced."""
    out = copy.deepcopy(BASE)
    out.update(copy.deepcopy(changes))
    return out


def model(data: dict[str, Any] | None = None, **changes: Any) -> BangChamDiem:
    return BangChamDiem.model_validate(data if data is not None else body(**changes))


def bonus(n: int, diem: float = 1, ke_hoach: float = 100, thuc_hien: float = 110) -> list[dict]:
    return [{"chi_tieu": f"Chỉ tiêu {k + 1}", "ke_hoach": ke_hoach, "thuc_hien": thuc_hien,
             "diem": diem} for k in range(n)]
