"""Small PDFs written byte by byte for the file tests: a readable one and a bomb."""

from __future__ import annotations

import zlib


def pdf_with_content(stream: bytes, compress: bool = False) -> bytes:
    """A one-page PDF drawing `stream` (its content stream) in Helvetica."""
    data = zlib.compress(stream, 1) if compress else stream
    flate = b"/Filter /FlateDecode " if compress else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< "
        + flate
        + b"/Length "
        + str(len(data)).encode()
        + b" >>\nstream\n"
        + data
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def text_pdf(text: str) -> bytes:
    return pdf_with_content(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))


def pdf_bomb() -> bytes:
    """Under a megabyte that unpacks to 100 million characters of text to lay out."""
    return pdf_with_content(
        b"BT /F1 1 Tf " + b"(aaaaaaaaaaaaaaaaaaaa) Tj\n" * 4_000_000 + b"ET", True
    )
