"""Batch jobs on a Redis queue (RQ), so a large batch is spread over every ``vanban worker``.

* :mod:`.render` — THE function that turns items into documents and a zip (the place to swap in
  the batch engine of :mod:`vanban.batch`).
* :mod:`.queue` — submit a batch (split into chunks, one RQ job each, and a final job that
  assembles the zip), read its progress and its result.
* :mod:`.cli` — ``vanban worker``.
"""
