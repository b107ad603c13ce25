"""``vanban worker``: take batch jobs from the Redis queue (``VANBAN_REDIS_URL``) and render them.

    VANBAN_REDIS_URL=redis://127.0.0.1:6379/0 vanban worker          # until stopped
    vanban worker --burst                                             # until the queue is empty

Start as many as the machines have cores, on as many machines as needed: each takes the next
chunk of the next batch. Exit codes: 0 stopped, 1 Redis unreachable, 2 bad configuration.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def run(args: argparse.Namespace) -> int:
    from redis.exceptions import RedisError

    from vanban.config import ConfigError
    from vanban.jobs.queue import QueueError, connection
    from vanban.jobs.worker import Worker
    from vanban.ops import logs
    from vanban.ops.config_cli import EXIT_CONFIG, print_config_error, require_settings
    from vanban.templates import REGISTRY

    settings = require_settings()
    logs.configure(settings)
    try:
        conn = connection(settings)
        conn.ping()
    except QueueError as exc:
        print_config_error(ConfigError(exc.problems))
        return EXIT_CONFIG
    except RedisError as exc:
        print(f"Không kết nối được Redis {settings.redis_url}: {exc}\n"
              f"Redis unreachable at {settings.redis_url}: {exc}", file=sys.stderr)
        return 1
    compiled = REGISTRY.warm()  # forked job processes inherit the compiled templates
    worker = Worker([settings.queue_name], connection=conn, name=args.name)
    print(f"vanban worker {worker.name}: hàng đợi “{settings.queue_name}”, {compiled} mẫu "
          "đã biên dịch", file=sys.stderr, flush=True)
    worker.work(burst=args.burst, logging_level=settings.log_level.upper())
    return 0


def add_parser(sub: Any) -> None:
    p = sub.add_parser("worker", help="xử lý các lô văn bản từ hàng đợi Redis "
                       "(VANBAN_REDIS_URL; Redis phải đang chạy: make worker)")
    p.add_argument("--burst", action="store_true", help="dừng khi hàng đợi trống")
    p.add_argument("--name", help="tên worker (mặc định: tự sinh)")
    p.set_defaults(func=run)
