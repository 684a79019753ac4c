"""Minimal PDF files written byte by byte for the document-reading tests: text placed at
given positions (Helvetica), optional ruling lines, image-only pages (a scan), and the
standard RC4 40-bit encryption (PDF 1.4, revision 2), so that no PDF library is needed to
make them."""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass, field

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
WIDTH, HEIGHT = 595, 842  # A4 in points


@dataclass
class Page:
    texts: list[tuple[float, float, str]] = field(default_factory=list)  # x, y from the top
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0 y0 x1 y1
    image: bool = False  # the whole page is one picture, no text (a scan)
    raw: str = ""  # content-stream operators added as they are (a damaged file's oddities)

    def content(self) -> bytes:
        out: list[str] = []
        if self.image:
            out.append(f"q {WIDTH} 0 0 {HEIGHT} 0 0 cm /Im1 Do Q")
        for x0, y0, x1, y1 in self.lines:
            out.append(f"{x0} {HEIGHT - y0} m {x1} {HEIGHT - y1} l S")
        for x, y, text in self.texts:
            safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            out.append(f"BT /F1 10 Tf {x} {HEIGHT - y - 10} Td ({safe}) Tj ET")
        if self.raw:
            out.append(self.raw)
        return "\n".join(out).encode("latin-1")


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _pad(password: str) -> bytes:
    return (password.encode("latin-1") + PAD)[:32]


def build_pdf(pages: list[Page], user_password: str | None = None,
              owner_password: str = "pemilik") -> bytes:
    """The PDF bytes. With `user_password` (may be "": opens without asking, printing and
    copying restricted only) the file is encrypted with RC4 40-bit."""
    doc_id = hashlib.md5(b"lkjip-xl test").digest()
    key = None
    encrypt = ""
    if user_password is not None:
        perms = -44  # no printing, no copying
        o_value = rc4(hashlib.md5(_pad(owner_password)).digest()[:5], _pad(user_password))
        key = hashlib.md5(_pad(user_password) + o_value + struct.pack("<i", perms)
                          + doc_id).digest()[:5]
        u_value = rc4(key, PAD)
        encrypt = (f"<< /Filter /Standard /V 1 /R 2 /O <{o_value.hex()}> /U <{u_value.hex()}>"
                   f" /P {perms} >>")
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(num: int, data: bytes, extra: str = "") -> bytes:
        data = zlib.compress(data)
        if key is not None:
            obj_key = hashlib.md5(key + struct.pack("<i", num)[:3] + b"\0\0").digest()[:10]
            data = rc4(obj_key, data)
        return (f"<< /Length {len(data)} /Filter /FlateDecode {extra}>>\nstream\n".encode()
                + data + b"\nendstream")

    catalog = add(b"")
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    image = add(b"")
    objects[image - 1] = stream(image, bytes([200]) * 4,
                                "/Type /XObject /Subtype /Image /Width 2 /Height 2 "
                                "/ColorSpace /DeviceGray /BitsPerComponent 8 ")
    kids = []
    for page in pages:
        content = add(b"")
        objects[content - 1] = stream(content, page.content())
        kids.append(add(
            f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] "
            f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> "
            f"/Contents {content} 0 R >>".encode()))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objects[pages_obj - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                              f"/Count {len(kids)} >>").encode()
    encrypt_ref = ""
    if encrypt:
        encrypt_ref = f" /Encrypt {add(encrypt.encode())} 0 R"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R{encrypt_ref} "
            f"/ID [<{doc_id.hex()}> <{doc_id.hex()}>] >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)
