"""Many documents from one template in one go: a zip, streamed as it is produced.

    from vanban.batch import iter_batch, read_paths, write_zip
    items = iter_batch("bao-cao-thi-dua", read_paths(["inputs/"]), fmt="docx", workers=None)
    with open("out.zip", "wb") as f:
        summary = write_zip(items, f)          # documents + errors.json

:func:`iter_batch` renders each input in a process pool (each worker compiles the template
once, in its initializer) with a bounded number of items in flight, and yields a
:class:`BatchItem` per input in input order — the document, or the problems that stopped it.
:func:`write_zip` writes them into a zip as they come (names from số, ký hiệu and abstract,
made unique) and ends it with ``errors.json``. The CLI (``vanban batch``), the HTTP route
(``POST /api/v1/batch/<template_id>``) and queue workers all call these two functions.
"""

from vanban.batch.archive import ERRORS_NAME, BatchSummary, iter_zip_chunks, write_zip
from vanban.batch.engine import BatchInput, BatchItem, iter_batch
from vanban.batch.inputs import read_jsonl, read_paths

__all__ = ["ERRORS_NAME", "BatchInput", "BatchItem", "BatchSummary", "iter_batch",
           "iter_zip_chunks", "read_jsonl", "read_paths", "write_zip"]
