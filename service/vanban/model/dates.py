"""Date fields of body models: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, checked on input."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from vanban.errors import InputError
from vanban.vi.dates import NgayThang


def _check(value: str) -> str:
    try:
        NgayThang.parse(value, "")
    except InputError as exc:
        found = exc.problems[0]
        raise PydanticCustomError("date.invalid", "{message}", {
            "message_en": found.message_en, "message": found.message}) from None
    return value.strip()


def _full(value: str) -> str:
    if NgayThang.parse(value, "").to_date() is None:
        raise PydanticCustomError(
            "date.partial", "Cần ngày đầy đủ dạng YYYY-MM-DD (ví dụ 2024-10-01).")
    return value


#: A date, possibly partial (year, or year and month).
Ngay = Annotated[str, AfterValidator(_check)]
#: A full date (YYYY-MM-DD).
NgayDu = Annotated[str, AfterValidator(_check), AfterValidator(_full)]


def parse(value: str) -> NgayThang:
    """A validated date field as :class:`NgayThang`."""
    return NgayThang.parse(value, "")
