"""Ký số: the archival PDF ready for digital signatures (Nghị định 30/2020/NĐ-CP, Phụ lục I),
signing it with pyHanko (PAdES) and verifying it.

Along the data's path:

* :mod:`.layout` — text lines of the rendered pages (pdfium), where the fields are read from;
* :mod:`.fields` — which signature blocks a document has and where the decree puts the signer's
  and the agency's fields (and an attachment's);
* :mod:`.pdfa` — PDF/A-2b from the converter, the fields and the XMP identity added as an
  incremental update;
* :mod:`.prepare` — a template and its data → the PDF ready to sign; a hồ sơ → a zip of them;
* :mod:`.sign` / :mod:`.verify` — pyHanko signing (PKCS#12 or PKCS#11) and checking;
* :mod:`.cli` — ``vanban sign`` and ``vanban verify``.

See ``docs/ky-so.md`` for the rules and their sources.
"""

from __future__ import annotations

import logging
import warnings

# pyHanko imports cryptography's DSA support, which cryptography now flags as deprecated.
warnings.filterwarnings("ignore", message="DSA is deprecated", module="pyhanko")

# pyHanko and fontTools log tracebacks (an untrusted chain, a font table they skip) at WARNING;
# the reports carry that information. Without a handler of ours Python would print them.
for _name in ("pyhanko", "pyhanko_certvalidator", "fontTools"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
