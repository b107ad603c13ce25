"""Logs: plain text for people (``VANBAN_LOG_FORMAT=text``) or one JSON object per line for
log collectors (``json``), and the one access line per request.

    configure(settings)            # vanban serve / worker: install the handler on the root logger
    logging_dict(settings)         # gunicorn's logconfig_dict: the same format for its own logs

A request's line (logger ``vanban.access``) carries ``method``, ``path``, ``status``,
``duration_ms``, ``template``, ``format`` and ``request_id`` as fields of the JSON object.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from vanban.config import Settings

ACCESS = logging.getLogger("vanban.access")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Attributes every LogRecord has; anything else was passed in ``extra=`` and is a field.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the ``extra`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        out.update({k: v for k, v in vars(record).items()
                    if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def formatter(settings: Settings) -> logging.Formatter:
    return JsonFormatter() if settings.log_format == "json" else logging.Formatter(TEXT_FORMAT)


def configure(settings: Settings) -> None:
    """Install one stderr handler on the root logger unless logging is already set up (by
    gunicorn's ``logconfig_dict``, or a test runner)."""
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter(settings))
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())


def logging_dict(settings: Settings) -> dict[str, Any]:
    """``logging.config.dictConfig`` for gunicorn: its logs and ours, in one format."""
    fmt: dict[str, Any] = ({"()": f"{__name__}.JsonFormatter"} if settings.log_format == "json"
                           else {"format": TEXT_FORMAT})
    level = settings.log_level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"vanban": fmt},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "vanban",
                                "stream": "ext://sys.stderr"}},
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {
            "gunicorn.error": {"level": level, "handlers": [], "propagate": True},
            "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
        },
    }


def access(method: str, path: str, status: int, duration_ms: float, request_id: str,
           template: str | None = None, fmt: str | None = None) -> None:
    """The request's one line."""
    fields = {"method": method, "path": path, "status": status,
              "duration_ms": round(duration_ms, 1), "template": template, "format": fmt,
              "request_id": request_id}
    shown = "".join(f" {k}={v}" for k, v in (("template", template), ("format", fmt)) if v)
    ACCESS.info("%s %s %s %.1fms%s rid=%s", method, path, status, duration_ms, shown,
                request_id, extra=fields)
