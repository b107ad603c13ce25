"""The commendation file's data: vote thresholds, reward multiples and base salaries, authorities,
legal bases and the wording shared by several forms — read from ``vanban/vocab/ho_so/*.toml``, once;
a form's own wording is the ``wording.toml`` of its template folder (:func:`wording`).

Nothing here is a constant in code: every figure and every unconfirmed wording lives in a TOML
file of that folder, so it can be corrected (when the NĐ 152/2025 appendix is read) without
touching Python. This module only loads and checks the files and answers "which rule applies to
this award" (:func:`award_matches`).
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from vanban.vocab import AwardMatch, award_by_id

_PACKAGE = "vanban.vocab"
_FOLDER = "ho_so"


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``vocab/ho_so/<name>.toml`` (cached for the process)."""
    text = resources.files(_PACKAGE).joinpath(_FOLDER, f"{name}.toml").read_text(encoding="utf-8")
    return _parse(text, f"vocab/ho_so/{name}.toml")


@cache
def _load_file(path: Path) -> dict[str, Any]:
    return _parse(path.read_text(encoding="utf-8"), str(path))


def wording(form: str | Path) -> dict[str, Any]:
    """A wording table: a form's own ``wording.toml`` (a path, next to the template's code) or a
    shared table of ``vocab/ho_so`` by name (``danh_sach``)."""
    return _load_file(Path(form)) if isinstance(form, Path) else load(form)


def _parse(text: str, where: str) -> dict[str, Any]:
    data = tomllib.loads(text)
    _check_award_keys(where, data)
    return data


def _award_keys(data: Any) -> list[str]:
    """Every ``khen_thuong = [...]`` list found anywhere in a TOML document."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "khen_thuong" and isinstance(value, list):
                found.extend(value)
            else:
                found.extend(_award_keys(value))
    elif isinstance(data, list):
        for item in data:
            found.extend(_award_keys(item))
    return found


def _check_award_keys(where: str, data: dict[str, Any]) -> None:
    for key in _award_keys(data):
        award_id, _, cap = key.partition("@")
        try:
            award_by_id(award_id)
        except KeyError:
            raise ValueError(f"{where}: unknown award id {award_id!r}") from None
        if cap and cap not in "1234":
            raise ValueError(f"{where}: bad level in {key!r}")


def award_matches(match: AwardMatch, key: str) -> bool:
    """Does ``key`` ("chien-si-thi-dua-co-so", "co-thi-dua@3") name this award?"""
    award_id, _, cap = key.partition("@")
    if match.award.id != award_id:
        return False
    return not cap or match.cap == int(cap)


def find_row(rows: list[dict[str, Any]], match: AwardMatch) -> dict[str, Any] | None:
    """The first row whose ``khen_thuong`` list names this award (a level-specific key wins)."""
    best: dict[str, Any] | None = None
    for row in rows:
        for key in row.get("khen_thuong", []):
            if award_matches(match, key):
                if "@" in key:
                    return row
                best = best or row
    return best


def iso(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def legal_bases(on: date) -> list[str]:
    """The căn cứ lines of ``can_cu.toml`` in force on ``on`` (without "Căn cứ" and ";")."""
    out = []
    for row in load("can_cu")["van_ban"]:
        start = iso(row["tu_ngay"])
        end = iso(row["den_ngay"]) if "den_ngay" in row else None
        if start <= on and (end is None or on <= end):
            out.append(row["cau"])
    return out
