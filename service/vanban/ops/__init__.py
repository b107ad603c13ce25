"""Running vanban as a service: configuration checks and ``vanban config`` (:mod:`.config_cli`),
structured logs with request ids (:mod:`.logs`), Prometheus metrics (:mod:`.metrics`)."""
