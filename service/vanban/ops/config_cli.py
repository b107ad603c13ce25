"""``vanban config`` and the start-up check shared by ``vanban serve``, ``vanban worker`` and
gunicorn: a bad ``VANBAN_*`` value stops the process with exit code 2 and a message, in
Vietnamese and English, naming the variable.

    vanban config            # every variable, its effective value and where it came from
    vanban config --json     # the same as JSON ({"VANBAN_BIND": {"value": …, "source": …}})
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from vanban.config import ConfigError, Settings, env_name, load_settings, reload_settings

EXIT_CONFIG = 2


def print_config_error(exc: ConfigError, stream: Any = None) -> None:
    """Each bad variable on two lines: Vietnamese for people, English for logs."""
    stream = stream or sys.stderr
    print("Cấu hình sai, dịch vụ không khởi động / Invalid configuration, not starting:",
          file=stream)
    for p in exc.problems:
        print(f"  {p.message}\n  {p.message_en}", file=stream)


def require_settings() -> Settings:
    """Read the configuration afresh or exit with code 2 (for process start-up)."""
    try:
        return reload_settings()
    except ConfigError as exc:
        print_config_error(exc)
        sys.stdout.flush()
        sys.stderr.flush()
        raise SystemExit(EXIT_CONFIG) from None


def effective(settings: Settings) -> dict[str, dict[str, Any]]:
    """``VANBAN_X`` → value, default, source (``env`` or ``default``) and description."""
    out = {}
    for name, info in Settings.model_fields.items():
        var = env_name(name)
        out[var] = {"value": getattr(settings, name), "default": info.default,
                    "source": "env" if var in os.environ else "default",
                    "description": info.description or ""}
    return out


def run(args: argparse.Namespace) -> int:
    try:
        settings = load_settings()
    except ConfigError as exc:
        if args.json:
            print(json.dumps(exc.to_dict(), ensure_ascii=False, indent=2))
        else:
            print_config_error(exc)
        return EXIT_CONFIG
    table = effective(settings)
    if args.json:
        print(json.dumps({k: {"value": v["value"], "source": v["source"]}
                          for k, v in table.items()}, ensure_ascii=False, indent=2))
        return 0
    width = max(map(len, table))
    for var, row in table.items():
        mark = "" if row["source"] == "default" else "   (môi trường / env)"
        print(f"{var:<{width}}  {json.dumps(row['value'], ensure_ascii=False)}{mark}")
    return 0


def add_parser(sub: Any) -> None:
    p = sub.add_parser("config", help="in cấu hình đang dùng (các biến VANBAN_*)")
    p.add_argument("--json", action="store_true", help="dạng JSON")
    p.set_defaults(func=run)
