"""Inputs the reader refuses, each with one line that names the file and the reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdf_oxide
import pytest
from click.testing import CliRunner

from tests.extraction.pdfs import serialize
from versprochen.cli import main
from versprochen.extraction import extract, limited, pdf, read
from versprochen.extraction.errors import InputError
from versprochen.extraction.types import Source

SUPPORTED = ".pdf, .md, .markdown, .txt, .text"


def build_pdf(pages: list[tuple[bytes, bytes]]) -> bytes:
    """A PDF whose pages have the given (content stream, resources) pairs.

    Resources may refer to object 1, Helvetica, and object 2, a 1×1 grey image.
    """
    objects = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
        b"",  # the page tree, written once its kids are known
    ]
    kids = []
    for content, resources in pages:
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] "
            b"/Resources %s /Contents %d 0 R >>" % (resources, len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    objects.append(b"<< /Type /Catalog /Pages 3 0 R >>")
    return serialize(objects)


FONT = b"<< /Font << /F0 1 0 R >> >>"
TEXT_PAGE = (b"BT /F0 11 Tf 72 770 Td (Wir bauen Radwege.) Tj ET", FONT)
SCANNED_PAGE = (b"q 451 0 0 698 72 72 cm /Im0 Do Q", b"<< /XObject << /Im0 2 0 R >> >>")


def big_pdf() -> bytes:
    """Sixty pages of dense text: a fraction of a second to parse, megabytes to hold."""
    line = b"BT /F0 8 Tf 40 %d Td (Zeile %d: Wir bauen Radwege und sanieren Schulen.) Tj ET"
    page = b"\n".join(line % (800 - 8 * i, i) for i in range(95))
    return build_pdf([(page, FONT)] * 60)


def encrypted_pdf() -> bytes:
    builder = pdf_oxide.DocumentBuilder().a4_page().font("Helvetica", 12.0)
    return builder.at(72.0, 720.0).text("Geheim").done().to_bytes_encrypted("user", "owner")


def refusal(data: bytes, name: str, limits: pdf.Limits = pdf.DEFAULT_LIMITS) -> InputError:
    with pytest.raises(InputError) as caught:
        read.read_document(Source(name=name, data=data), limits=limits)
    error = caught.value
    assert error.name == name
    assert "\n" not in str(error)
    assert str(error).startswith(f"{name}: ")
    return error


# --- each bad input ---------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"  \n\n\t "])
def test_empty_file(data: bytes) -> None:
    assert refusal(data, "leer.txt").reason == "file is empty"


def test_empty_pdf() -> None:
    assert refusal(b"", "leer.pdf").reason == "file is empty"


def test_file_that_claims_to_be_a_pdf_but_is_not() -> None:
    error = refusal(b"Das ist nur Text.\n", "programm.pdf")
    assert error.reason == "is not a PDF (no %PDF- header)"


def test_pdf_named_as_text() -> None:
    error = refusal(build_pdf([TEXT_PAGE]), "programm.txt")
    assert error.reason == "is a PDF, not text; name it .pdf"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + b"\x00\xff garbage " * 50,
        build_pdf([TEXT_PAGE, TEXT_PAGE])[:300],
    ],
    ids=["garbage", "truncated"],
)
def test_corrupt_pdf(data: bytes) -> None:
    assert refusal(data, "kaputt.pdf").reason.startswith("corrupt PDF (")


def test_encrypted_pdf() -> None:
    error = refusal(encrypted_pdf(), "geheim.pdf")
    assert error.reason == "PDF is encrypted and needs a password"


def test_encrypted_pdf_with_empty_user_password_is_read() -> None:
    builder = pdf_oxide.DocumentBuilder().a4_page().font("Helvetica", 12.0)
    data = builder.at(72.0, 720.0).text("Offen").done().to_bytes_encrypted("", "owner")
    document = read.read_document(Source(name="offen.pdf", data=data))
    assert [line.text for line in document.lines] == ["Offen"]


def test_scanned_pdf_without_text_layer() -> None:
    error = refusal(build_pdf([SCANNED_PAGE, SCANNED_PAGE]), "scan.pdf")
    assert error.reason.startswith("PDF has no text layer")


def test_pdf_with_some_scanned_pages_keeps_the_text_pages() -> None:
    document = read.read_document(Source("teils.pdf", build_pdf([SCANNED_PAGE, TEXT_PAGE])))
    assert document.page_count == 2
    assert [(line.text, line.page) for line in document.lines] == [("Wir bauen Radwege.", 2)]


def test_file_over_100_mb_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "riesig.pdf"
    with path.open("wb") as file:
        file.truncate(read.MAX_BYTES + 1)  # sparse: takes no disk space

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(InputError) as caught:
        read.load_source(path)
    assert caught.value.name == str(path)
    assert caught.value.reason == "file is 100.1 MB, over the 100 MB limit"


def test_bytes_over_the_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 10)
    assert "over the" in refusal(b"0123456789A", "lang.txt").reason


def test_text_over_the_text_limit_is_refused_with_its_length() -> None:
    data = b"Wir bauen Radwege.\n"  # 19 characters
    with pytest.raises(InputError) as caught:
        read.read_document(Source("lang.md", data), max_text=18)
    assert str(caught.value) == "lang.md: text has 19 characters, over the limit of 18"
    assert read.read_document(Source("lang.md", data), max_text=19).lines[0].text == (
        "Wir bauen Radwege."
    )


def test_a_pdfs_text_layer_is_held_to_the_text_limit_not_its_bytes() -> None:
    data = build_pdf([TEXT_PAGE])  # far more bytes than its 18 characters of text
    assert len(data) > 18
    assert read.read_document(Source("kurz.pdf", data), max_text=18).lines
    with pytest.raises(InputError) as caught:
        read.read_document(Source("kurz.pdf", data), max_text=17)
    assert str(caught.value) == "kurz.pdf: text has 18 characters, over the limit of 17"


def test_the_extraction_and_the_cli_apply_the_text_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "MAX_TEXT", 10)
    with pytest.raises(InputError, match=r"over the limit of 10$"):
        extract(b"Wir bauen Radwege in Herne.\n", filename="lang.txt")
    path = tmp_path / "lang.md"
    path.write_text("Wir bauen Radwege in Herne.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        "Error: lang.md: text has 28 characters, over the limit of 10"
    ]


def test_latin1_text_is_decoded_with_its_umlauts() -> None:
    text = "Wir fördern die Mobilität in Köln.\nGrößere Übergänge für Bürgerinnen.\n"
    document = read.read_document(Source("latin1.txt", text.encode("latin-1")))
    assert [line.text for line in document.lines] == [
        "Wir fördern die Mobilität in Köln.",
        "Größere Übergänge für Bürgerinnen.",
    ]
    assert document.encoding in {"cp1252", "latin_1", "iso8859_15"}


@pytest.mark.parametrize("name", ["programm.docx", "programm.xyz", "programm.tar.gz"])
def test_unknown_extension_lists_the_supported_ones(name: str) -> None:
    error = refusal(b"PK\x03\x04 irgendwas", name)
    suffix = Path(name).suffix
    assert error.reason == f"unsupported file type {suffix!r}; supported: {SUPPORTED}"


def test_binary_bytes_named_as_text() -> None:
    error = refusal(bytes(range(256)) * 4, "bild.txt")
    assert error.reason == "is not text (binary content or an unknown encoding)"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"fehlt\.pdf: cannot open \(No such file"):
        read.load_source(tmp_path / "fehlt.pdf")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read.load_source(tmp_path)


# --- a hostile PDF: the parse is limited in time and memory -------------------------


def test_parse_over_the_time_limit_ends_cleanly() -> None:
    error = refusal(big_pdf(), "langsam.pdf", pdf.Limits(seconds=0.01))
    assert error.reason == "PDF parsing took longer than 0.01 s; the file may be hostile"


def test_parse_over_the_memory_limit_ends_cleanly() -> None:
    # A forked parser may first reuse heap the parent has freed, so how much a real
    # PDF needs beyond the limit depends on the test process; a parse that demands
    # 200 MB makes the limit's effect certain.
    def greedy(data: bytes) -> tuple[int, list[pdf.Row]]:
        hoard = bytearray(200 << 20)
        return len(hoard), []

    with pytest.raises(InputError) as caught:
        limited.run_limited(greedy, big_pdf(), "gierig.pdf", limited.Limits(memory_bytes=1 << 20))
    assert caught.value.name == "gierig.pdf"
    assert "memory limit of 1 MB" in caught.value.reason


def test_the_same_pdf_reads_within_the_default_limits() -> None:
    document = read.read_document(Source("normal.pdf", big_pdf()))
    assert document.page_count == 60
    assert document.lines[0].text == "Zeile 0: Wir bauen Radwege und sanieren Schulen."


# --- through the command line ---------------------------------------------------


def bad_files(tmp_path: Path) -> list[Path]:
    files = {
        "leer.txt": b"",
        "falsch.pdf": b"Kein PDF, nur Text.\n",
        "kaputt.pdf": b"%PDF-1.7\n" + b"\x00\xff garbage " * 50,
        "geheim.pdf": encrypted_pdf(),
        "scan.pdf": build_pdf([SCANNED_PAGE]),
        "programm.docx": b"PK\x03\x04",
    }
    paths = []
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    huge = tmp_path / "riesig.pdf"
    with huge.open("wb") as file:
        file.truncate(read.MAX_BYTES + 1)
    return [*paths, huge]


def test_cli_reports_each_bad_file_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    for path in bad_files(tmp_path):
        result = runner.invoke(main, ["extract", str(path)])
        assert result.exit_code == 2, (path, result.output)
        lines = result.stderr.splitlines()
        assert len(lines) == 1, (path, result.stderr)
        assert lines[0].startswith("Error: ")
        assert path.name in lines[0]
        assert "Traceback" not in result.output


def test_cli_reads_latin1_text(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Wir bauen eine Brücke über die Ruhr.\n".encode("latin-1"))
    result = CliRunner().invoke(main, ["extract", "--json", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


@pytest.mark.slow
def test_cli_process_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    # A real process: the PDF parser's own messages on stderr would show here.
    path = tmp_path / "geheim.pdf"
    path.write_bytes(encrypted_pdf())
    completed = subprocess.run(
        [sys.executable, "-c", "from versprochen.cli import main; main()", "extract", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stderr == "Error: geheim.pdf: PDF is encrypted and needs a password\n"
    assert "Traceback" not in completed.stdout + completed.stderr
