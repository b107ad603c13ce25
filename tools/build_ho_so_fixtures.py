"""Write fixtures/<template>/<file>.json for the four commendation templates from the whole-file
fixtures in fixtures/ho-so-khen-thuong/: each document's input exactly as the chain sends it,
so the per-template fixtures stay consistent with the files they come from.

    PYTHONPATH=service python3 tools/build_ho_so_fixtures.py
"""

from __future__ import annotations

import json
import pathlib

from vanban.ho_so import chain

ROOT = pathlib.Path(__file__).resolve().parents[1]


def main() -> None:
    for source in sorted((ROOT / "fixtures" / "ho-so-khen-thuong").glob("*.json")):
        docs = chain.plan(json.loads(source.read_text("utf-8")))
        for doc in docs:
            suffix = doc.ten_tep.rsplit("-", 1)[-1] if doc.template == "bao-cao-thanh-tich" else ""
            name = source.stem + (f"-{suffix}" if suffix else "")
            out = ROOT / "templates_docx" / doc.template / "fixtures" / f"{name}.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(doc.data, ensure_ascii=False, indent=2) + "\n", "utf-8")
            print(out.relative_to(ROOT))


if __name__ == "__main__":
    main()
