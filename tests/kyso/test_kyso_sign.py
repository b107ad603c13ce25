"""Sign then verify, through the command line a clerk uses: the signer's image in its field,
the seal over it, each signature intact and valid; a changed byte, an untrusted chain and a
broken file are told apart by the exit code (0 / 1 / 2, like ``openssl verify``). The signed
file stays PDF/A, its page text is unchanged, and no password reaches the output."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from kyso_pages import example, page_text
from PIL import Image
from pki import PASSWORD, Pki
from readback import fields, fonts_not_embedded, xmp

from vanban import pipeline
from vanban.cli import main
from vanban.kyso.prepare import prepare

TEMPLATE = "quyet-dinh-khen-thuong"


@pytest.fixture(scope="module")
def ready(tmp_path_factory: pytest.TempPathFactory, warm) -> Path:
    path = tmp_path_factory.mktemp("ky") / "qd-de-ky.pdf"
    path.write_bytes(prepare(pipeline.run(TEMPLATE, example(TEMPLATE)), warm).pdf)
    return path


@pytest.fixture(scope="module")
def signed(ready: Path, pki: Pki, images: dict[str, Path]) -> Path:
    """Signer, then seal — two incremental signatures, as the office does it."""
    mp = pytest.MonkeyPatch()
    mp.setenv("P12_PASS", PASSWORD)
    try:
        first = ready.with_name("1-nguoi-ky.pdf")
        assert main(["sign", str(ready), "--p12", str(pki.signer_p12), "--password-env",
                     "P12_PASS", "--image", str(images["chu_ky"]), "-o", str(first)]) == 0
        second = ready.with_name("2-dau.pdf")
        assert main(["sign", str(first), "--seal", "--p12", str(pki.seal_p12),
                     "--password-env", "P12_PASS", "--image", str(images["dau"]),
                     "-o", str(second)]) == 0
    finally:
        mp.undo()
    return second


def _verify(path: Path, *extra: str) -> tuple[int, str]:
    out = subprocess.run([sys.executable, "-m", "vanban.cli", "verify", str(path),
                          *extra], capture_output=True, text=True)
    return out.returncode, out.stdout + out.stderr


def test_signer_and_seal_verify(signed: Path, pki: Pki, capsys) -> None:
    assert main(["verify", str(signed), "--trust", str(pki.ca_pem), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    by_field = {s["field"]: s for s in report["signatures"]}
    assert set(by_field) == {"NguoiKy", "DauCoQuan"}
    assert "Nguyễn Thành Sinh" in by_field["NguoiKy"]["signer"]
    assert "Ủy ban nhân dân tỉnh Thử" in by_field["DauCoQuan"]["signer"]
    for s in by_field.values():
        assert s["intact"] and s["valid"] and s["trusted"] and s["modifications_ok"]
        assert s["time"].endswith("+07:00")
    assert all(signed for _, _, signed in fields(signed.read_bytes()).values())


def test_untrusted_chain_exits_1(signed: Path, pki: Pki, capsys) -> None:
    assert main(["verify", str(signed), "--trust", str(pki.other_ca_pem)]) == 1
    out = capsys.readouterr().out
    assert "chuỗi tin cậy: KHÔNG" in out and "KHÔNG HỢP LỆ" in out


def test_changed_byte_exits_1(signed: Path, pki: Pki, tmp_path: Path, capsys) -> None:
    data = bytearray(signed.read_bytes())
    at = data.index(b"<rdf:li>vanban</rdf:li>") + len(b"<rdf:li>")  # inside the signed range
    data[at] = ord("V")
    tampered = tmp_path / "sua.pdf"
    tampered.write_bytes(bytes(data))
    assert main(["verify", str(tampered), "--trust", str(pki.ca_pem), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert not all(s["intact"] for s in report["signatures"])


def test_unreadable_file_exits_2(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really")
    assert main(["verify", str(bad)]) == 2
    assert main(["verify", str(tmp_path / "khong-co.pdf")]) == 2


def test_unsigned_file_is_not_valid(ready: Path, capsys) -> None:
    assert main(["verify", str(ready)]) == 1
    assert "không có chữ ký" in capsys.readouterr().out


def test_signed_file_stays_pdfa_with_same_text(ready: Path, signed: Path) -> None:
    packet = xmp(signed.read_bytes())
    assert 'pdfaid:part="2"' in packet or "<pdfaid:part>2</pdfaid:part>" in packet
    assert "QĐ-UBND" in packet
    assert fonts_not_embedded(signed.read_bytes()) == []
    assert page_text(signed) == page_text(ready)
    assert signed.read_bytes().startswith(ready.read_bytes()), "incremental updates only"


def _colour_share(path: Path, page: int, box: tuple, colour: str) -> float:
    """Share of the pixels inside ``box`` (PDF points) that are blue-ish or red-ish, on the page
    as poppler draws it (with the signature appearances)."""
    png = subprocess.run(["pdftoppm", "-r", "144", "-f", str(page + 1), "-l", str(page + 1),
                          "-png", str(path)], capture_output=True, check=True).stdout
    image = Image.open(io.BytesIO(png)).convert("RGB")
    height = image.height / 2
    left, bottom, right, top = box
    crop = image.crop((int(left * 2), int((height - top) * 2), int(right * 2),
                       int((height - bottom) * 2)))
    pixels = [crop.getpixel((x, y)) for x in range(crop.width) for y in range(crop.height)]
    if colour == "blue":
        hits = [p for p in pixels if p[2] > 120 and p[2] > p[0] + 60]
    else:
        hits = [p for p in pixels if p[0] > 150 and p[0] > p[2] + 60 and p[0] > p[1] + 60]
    return len(hits) / len(pixels)


def test_images_show_in_their_fields(signed: Path, ready: Path) -> None:
    found = fields(signed.read_bytes())
    page, signer_box, _ = found["NguoiKy"]
    _, seal_box, _ = found["DauCoQuan"]
    assert _colour_share(signed, page, signer_box, "blue") > 0.02
    assert _colour_share(signed, page, seal_box, "red") > 0.02
    assert _colour_share(ready, page, signer_box, "blue") == 0  # nothing there before signing


def test_passwords_stay_out_of_output(ready: Path, pki: Pki, tmp_path: Path,
                                      monkeypatch, capsys) -> None:
    monkeypatch.setenv("P12_PASS", "sai-" + PASSWORD)
    assert main(["--json-errors", "sign", str(ready), "--p12", str(pki.signer_p12),
                 "--password-env", "P12_PASS", "-o", str(tmp_path / "x.pdf")]) == 2
    captured = capsys.readouterr()
    problem = json.loads(captured.err)["problems"][0]
    assert problem["code"] == "kyso.p12" and problem["message_en"]
    assert PASSWORD not in captured.out + captured.err
    monkeypatch.setenv("P12_PASS", PASSWORD)
    out = tmp_path / "ok.pdf"
    assert main(["sign", str(ready), "--p12", str(pki.signer_p12), "--password-env",
                 "P12_PASS", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert PASSWORD not in captured.out + captured.err
    assert PASSWORD.encode() not in out.read_bytes()


def test_signing_a_missing_or_signed_field_is_an_error(ready: Path, signed: Path, pki: Pki,
                                                       tmp_path: Path, monkeypatch,
                                                       capsys) -> None:
    monkeypatch.setenv("P12_PASS", PASSWORD)
    base = ["--json-errors", "sign", "--p12", str(pki.signer_p12), "--password-env",
            "P12_PASS", "-o", str(tmp_path / "x.pdf")]
    assert main([*base, str(ready), "--field", "KhongCo"]) == 2
    problem = json.loads(capsys.readouterr().err)["problems"][0]
    assert problem["code"] == "kyso.no-field" and "NguoiKy" in problem["message"]
    assert main([*base, str(signed)]) == 2
    assert json.loads(capsys.readouterr().err)["problems"][0]["code"] == "kyso.already-signed"


def test_opaque_image_is_refused(ready: Path, pki: Pki, tmp_path: Path, monkeypatch,
                                 capsys) -> None:
    """The decree asks for PNGs with a transparent background: a photo of a signature on
    white paper would hide the chức vụ line under the seal."""
    opaque = tmp_path / "chu-ky.jpg"
    Image.new("RGB", (300, 120), "white").save(opaque, "JPEG")
    monkeypatch.setenv("P12_PASS", PASSWORD)
    assert main(["--json-errors", "sign", str(ready), "--p12", str(pki.signer_p12),
                 "--password-env", "P12_PASS", "--image", str(opaque),
                 "-o", str(tmp_path / "x.pdf")]) == 2
    problem = json.loads(capsys.readouterr().err)["problems"][0]
    assert problem["code"] == "kyso.image-opaque" and "trong suốt" in problem["message"]
