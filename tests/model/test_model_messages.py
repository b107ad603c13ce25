"""Our own validation errors: every placeholder filled, ``message_en`` in English."""

from __future__ import annotations

import copy
import re

import pytest

import vanban
from conftest import TEMPLATE, fixture_data

BASE = "nha-nuoc-mau-01-tong-ket-2021"
#: Letters that only Vietnamese uses: an English message never contains them.
VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯạ-ỹÀ-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúý]")


def base() -> dict:
    return copy.deepcopy(fixture_data(BASE))


def problems_of(data: dict) -> list[vanban.Problem]:
    with pytest.raises(vanban.InputError) as info:
        vanban.validate(TEMPLATE, data)
    return info.value.problems


def _bad_control(data: dict) -> None:
    data["dia_danh"] = "Hà Nội\x1b"


def _bad_empty(data: dict) -> None:
    data["trich_yeu"] = "   "


def _bad_date(data: dict) -> None:
    data["ngay"] = "2022-02-30"


def _bad_date_form(data: dict) -> None:
    data["ngay"] = "15/06/2022"


def _bad_count(data: dict) -> None:
    data["noi_dung"]["khen_thuong"][0].update(tap_the=0, ca_nhan=0)


def _bad_dot(data: dict) -> None:
    data["noi_dung"]["ky"] = {"loai": "so-ket-dot", "nam": 2022}


def _bad_label(data: dict) -> None:
    data["chu_thich"] = {"nhãn sai": "Chú thích."}


CASES = {
    "text.control-char": _bad_control,
    "text.empty": _bad_empty,
    "date.invalid": _bad_date,
    "date.form": _bad_date_form,
    "award.no-count": _bad_count,
    "ky.ten-dot": _bad_dot,
    "chu_thich.label": _bad_label,
}


def test_control_character_code_point_is_filled() -> None:
    data = base()
    _bad_control(data)
    (found,) = problems_of(data)
    assert found.code == "text.control-char"
    assert "{" not in found.message and "}" not in found.message
    assert "U+001B" in found.message and "vị trí 7" in found.message
    assert "U+001B" in found.message_en and "position 7" in found.message_en


@pytest.mark.parametrize("name", sorted(CASES))
def test_custom_errors_have_english_message_en(name: str) -> None:
    data = base()
    CASES[name](data)
    found = problems_of(data)
    assert found
    for p in found:
        assert p.message and p.message_en and p.message != p.message_en
        assert "{" not in p.message + p.message_en, p
        # The user's own value may be quoted; the rest of the English message is English.
        unquoted = re.sub(r"'[^']*'|“[^”]*”|\"[^\"]*\"", "", p.message_en)
        assert not VIETNAMESE.search(unquoted), p.message_en


def test_every_custom_code_has_an_english_template() -> None:
    """A new PydanticCustomError code without English would leak Vietnamese into message_en."""
    import re as _re
    from pathlib import Path

    from vanban.model.problems import CUSTOM_EN
    from vanban.templates import builtin_templates_dir

    files = [*(Path(vanban.__file__).parent / "model").glob("*.py"),
             *builtin_templates_dir().glob("*/*.py")]  # each type's own model.py
    source = "".join(p.read_text("utf-8") for p in files)
    codes = set(_re.findall(r'PydanticCustomError\(\s*"([a-z_.-]+)"', source))
    assert codes and codes <= set(CUSTOM_EN), sorted(codes - set(CUSTOM_EN))
