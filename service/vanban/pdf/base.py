"""The converter interface."""

from __future__ import annotations

from abc import ABC, abstractmethod


class Converter(ABC):
    name: str = "?"

    @abstractmethod
    def available(self) -> bool:
        """Can this converter run on this machine?"""

    @abstractmethod
    def convert(self, docx: bytes) -> bytes:
        """.docx bytes → PDF bytes; raises :class:`vanban.errors.ConversionError`."""

    def status(self) -> dict[str, object]:
        return {"name": self.name, "available": self.available()}
