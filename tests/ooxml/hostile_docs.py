"""Packages that ask a renderer to fetch URLs or read files (issue 19), and a listener that
counts the requests reaching it.

    with Listener() as listener:            # a real HTTP server on 127.0.0.1
        docx = hostile_docx(listener.url, secret_svg)
        … convert …
        assert listener.hits == []
"""

from __future__ import annotations

import io
import re
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import docx
from docx.shared import Cm

#: 1×1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000200d6e6a2a90000000049454e44ae426082")
EXTERNAL = 'TargetMode="External"'
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class Listener:
    """A loopback HTTP server that answers every GET with a PNG and records the path."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(PNG)))
                self.end_headers()
                self.wfile.write(PNG)

            do_HEAD = do_GET  # noqa: N815
            do_OPTIONS = do_GET  # noqa: N815
            do_PROPFIND = do_GET  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> Listener:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def secret_files(folder: Path, marker: str) -> dict[str, Path]:
    """Local files whose text must never appear in a PDF: an SVG and a plain text file."""
    folder.mkdir(parents=True, exist_ok=True)
    svg = folder / "secret.svg"
    svg.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60">'
                   f'<text x="5" y="40" font-size="30">{marker}</text></svg>')
    txt = folder / "secret.txt"
    txt.write_text(f"{marker}\n")
    return {"svg": svg, "txt": txt}


def _base(text: str = "Van ban thu") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    stream = io.BytesIO()
    document.add_picture(io.BytesIO(PNG), width=Cm(6))
    document.add_picture(io.BytesIO(PNG), width=Cm(6))
    document.save(stream)
    return stream.getvalue()


def _rewrite(package: bytes, change: dict[str, callable]) -> bytes:  # type: ignore[valid-type]
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in names:
            data = source.read(name)
            if name in change:
                data = change.pop(name)(data)
            target.writestr(name, data)
        for name, make in change.items():  # new parts
            target.writestr(name, make(b""))
    return out.getvalue()


def hostile_docx(listener: str, secret: dict[str, Path], body: str = "Van ban thu") -> bytes:
    """A .docx with: picture 1 linked (``r:link``) to the listener, picture 2 an embedded SVG
    whose ``<image>`` points at ``file:///…/secret.svg`` and the listener, a linked OLE object
    to the listener, an INCLUDEPICTURE and an INCLUDETEXT field, an attached template."""
    svg_part = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="400" height="200">'
        f'<image x="0" y="0" width="400" height="60" xlink:href="{secret["svg"].as_uri()}"/>'
        f'<image x="0" y="80" width="10" height="10" xlink:href="{listener}/svg-image.png"/>'
        f'<rect width="5" height="5" style="fill:url({listener}/svg-css.png)"/>'
        '</svg>')
    ole = (
        '<w:p><w:r><w:object w:dxaOrig="1440" w:dyaOrig="1440">'
        '<v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:72pt;height:72pt" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<v:imagedata r:id="rIdOleImg" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'o:title=""/></v:shape>'
        '<o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Link" '
        'ProgID="Word.Document.12" ShapeID="_x0000_i1025" DrawAspect="Content" '
        'r:id="rIdOle" UpdateMode="Always"><o:LinkType>EnhancedMetaFile</o:LinkType>'
        '<o:LockedField>false</o:LockedField></o:OLEObject></w:object></w:r></w:p>')
    fields = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "{listener}/field.png" '
        '\\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>anh</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        f'<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;{secret["txt"]}&quot; ">'
        '<w:r><w:t>van ban</w:t></w:r></w:fldSimple></w:p>')

    def document(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        ids = re.findall(r'r:embed="(rId\d+)"', text)
        text = text.replace(f'r:embed="{ids[0]}"', 'r:link="rIdExtImg"', 1)
        text = text.replace(f'r:embed="{ids[1]}"', 'r:embed="rIdSvg"', 1)
        return text.replace("<w:sectPr", ole + fields + "<w:sectPr", 1).encode("utf-8")

    def rels(xml: bytes) -> bytes:
        extra = (
            f'<Relationship Id="rIdExtImg" Type="{R}/image" Target="{listener}/blip.png" '
            f'{EXTERNAL}/>'
            f'<Relationship Id="rIdSvg" Type="{R}/image" Target="media/drawing.svg"/>'
            f'<Relationship Id="rIdOleImg" Type="{R}/image" Target="{listener}/ole-img.png" '
            f'{EXTERNAL}/>'
            f'<Relationship Id="rIdOle" Type="{R}/oleObject" Target="{listener}/ole.docx" '
            f'{EXTERNAL}/>'
            f'<Relationship Id="rIdLink" Type="{R}/hyperlink" Target="https://vanban.example/" '
            f'{EXTERNAL}/>')
        return xml.replace(b"</Relationships>", extra.encode() + b"</Relationships>")

    def settings_rels(_: bytes) -> bytes:
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                f'relationships"><Relationship Id="rIdTpl" Type="{R}/attachedTemplate" '
                f'Target="{listener}/template.dotx" {EXTERNAL}/></Relationships>').encode()

    def settings(xml: bytes) -> bytes:
        return re.sub(rb"(<w:settings[^>]*>)",
                      rb'\1<w:attachedTemplate r:id="rIdTpl"/>', xml, count=1)

    def types(xml: bytes) -> bytes:
        return xml.replace(b"<Default ", b'<Default Extension="svg" '
                           b'ContentType="image/svg+xml"/><Default ', 1)

    package = _base(body)
    return _rewrite(package, {
        "word/document.xml": document, "word/_rels/document.xml.rels": rels,
        "word/settings.xml": settings, "word/_rels/settings.xml.rels": settings_rels,
        "[Content_Types].xml": types, "word/media/drawing.svg": lambda _: svg_part.encode(),
    })
