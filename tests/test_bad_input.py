"""Bad inputs through the CLI (issue #8): each fails with one line naming the file, no traceback, the input unchanged
and no output left behind; hostile XML is neither expanded nor followed. The bad files are made here, from the
bundled sample and from python-docx documents."""
from __future__ import annotations

import hashlib
import io
import os
import re
import socket
import struct
import threading
import warnings
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from counterdraft import files
from counterdraft.cli import main
from counterdraft.errors import DocumentError
from counterdraft.wordml import package
from counterdraft.wordml.package import Package

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hybrid-offer.docx"
PROFILE = ROOT / "samples" / "profile.yaml"
DATE = "2026-01-01T00:00:00Z"
DOC = "word/document.xml"
MAIN_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_TYPE = b"application/vnd.ms-word.document.macroEnabled.main+xml"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


# ------------------------------------------------------------------------------------------------ making bad files
def rezip(data: bytes, replace=None, drop=(), add=None, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """`data` with parts replaced (bytes, or a function of the old bytes), dropped or added."""
    replace, add = replace or {}, add or {}
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are wanted in one test
        with zipfile.ZipFile(buf, "w", compression) as out:
            for info in src.infolist():
                if info.filename in drop:
                    continue
                blob = src.read(info)
                new = replace.get(info.filename, blob)
                out.writestr(info.filename, new(blob) if callable(new) else new)
            for name, blob in add.items():
                out.writestr(name, blob)
    return buf.getvalue()


def part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def ole_file(streams: list[str]) -> bytes:
    """A small but valid OLE compound file (version 3) with the named streams, as Word's .doc and encrypted
    .docx files are."""
    sector, stream_sectors = 512, 8  # each stream 4096 bytes: at the mini-stream cutoff, so in regular sectors
    assert len(streams) <= 3
    fat = [0xFFFFFFFD, 0xFFFFFFFE]  # sector 0: the FAT; sector 1: the directory
    starts = []
    for _ in streams:
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(stream_sectors - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, right: int = 0xFFFFFFFF, child: int = 0xFFFFFFFF):
        raw = (name + "\0").encode("utf-16-le")
        return (raw.ljust(64, b"\0") + struct.pack("<HBB3I", len(raw), kind, 1, 0xFFFFFFFF, right, child)
                + b"\0" * 36 + struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)]
    for i, (name, start) in enumerate(zip(streams, starts), 1):
        entries.append(entry(name, 2, start, sector * stream_sectors, right=i + 1 if i < len(streams) else 0xFFFFFFFF))
    directory = b"".join(entries).ljust(sector, b"\0")
    header = (package.OLE_MAGIC + b"\0" * 16 + struct.pack("<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0,
                                                              4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", 0) + b"\xff" * (4 * 108))
    assert len(header) == sector
    body = b"".join(bytes([65 + i]) * sector * stream_sectors for i in range(len(streams)))
    return header + struct.pack(f"<{sector // 4}I", *fat) + directory + body


def python_docx_contract() -> bytes:
    d = docx.Document()
    d.add_heading("Physician Employment Agreement", 0)
    for n, (title, text) in enumerate([
            ("Position", "Employer employs Physician as a hospitalist at 1.0 FTE."),
            ("Compensation", "Employer shall pay Physician a base salary of $250,000 per year."),
            ("Termination", "Either party may terminate this Agreement on thirty (30) days' written notice.")], 1):
        d.add_heading(f"{n}. {title}", 1)
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def with_document(data: bytes, transform) -> bytes:
    return rezip(data, {DOC: transform})


def prolog_insert(text: bytes):
    """Insert `text` after the XML declaration of a part."""
    return lambda xml: xml.replace(b"?>", b"?>" + text, 1) if xml.startswith(b"<?xml") else text + xml


def body_insert(xml: bytes, fragment: bytes) -> bytes:
    i = xml.index(b"<w:body>") + len(b"<w:body>")
    return xml[:i] + fragment + xml[i:]


def forged_sizes(data: bytes, name: str, size: int) -> bytes:
    """The zip with the uncompressed size of `name` declared as `size` (the data itself unchanged)."""
    raw = bytearray(data)
    zf = zipfile.ZipFile(io.BytesIO(data))
    info = zf.getinfo(name)
    struct.pack_into("<I", raw, info.header_offset + 22, size)
    cd = raw.index(b"PK\x01\x02")  # the central directory's first record
    while True:
        n = struct.unpack_from("<H", raw, cd + 28)[0]
        if bytes(raw[cd + 46:cd + 46 + n]).decode() == name:
            struct.pack_into("<I", raw, cd + 24, size)
            return bytes(raw)
        cd = raw.index(b"PK\x01\x02", cd + 4)


def encrypted_entry(data: bytes, name: str) -> bytes:
    """The zip with `name` flagged as encrypted (zip-level password protection)."""
    raw = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    struct.pack_into("<H", raw, info.header_offset + 6, info.flag_bits | 1)
    cd = raw.index(b"PK\x01\x02")
    while True:
        n = struct.unpack_from("<H", raw, cd + 28)[0]
        if bytes(raw[cd + 46:cd + 46 + n]).decode() == name:
            struct.pack_into("<H", raw, cd + 8, info.flag_bits | 1)
            return bytes(raw)
        cd = raw.index(b"PK\x01\x02", cd + 4)


def damaged_entry(data: bytes, name: str) -> bytes:
    """The zip with bytes in the middle of `name`'s compressed data overwritten."""
    raw = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    n, m = struct.unpack_from("<HH", raw, info.header_offset + 26)
    start = info.header_offset + 30 + n + m + info.compress_size // 2
    raw[start:start + 16] = b"\xff" * 16
    return bytes(raw)


def bomb(data: bytes) -> bytes:
    """A part of zeros that deflates a thousandfold, past the ratio limit."""
    zeros = b"\0" * (package.RATIO_MIN_BYTES + 1024 * 1024)
    return rezip(data, add={"word/media/image1.bmp": zeros})


def billion_laughs() -> bytes:
    entities = ['<!ENTITY l0 "lol">'] + [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    return f'<!DOCTYPE w:document [{"".join(entities)}]>'.encode()


def xxe(target: str) -> bytes:
    return f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>'.encode()


def use_entity(xml: bytes, name: bytes) -> bytes:
    return re.sub(rb"(<w:t[^>]*>)", rb"\1&" + name + b";", xml, count=1)


def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


# Every bad document: a name, how to make it from a good DOCX's bytes, and words its error message must contain.
# All commands refuse them, except where NEEDED_BY says which commands read the damaged part.
BAD_DOCUMENTS = {
    "not-a-zip": (lambda d: b"Dear Dr. Whitfield,\nPlease find the agreement attached.\n", "not a DOCX"),
    "empty": (lambda d: b"", "empty"),
    "legacy-doc": (lambda d: ole_file(["WordDocument", "1Table"]), "legacy Word .doc"),
    "password-protected": (lambda d: ole_file(["EncryptionInfo", "EncryptedPackage"]), "password-protected"),
    "other-ole": (lambda d: ole_file(["Workbook"]), "OLE"),
    "rtf": (lambda d: b"{\\rtf1\\ansi Agreement}", "RTF"),
    "pdf": (lambda d: b"%PDF-1.7\n%...", "PDF"),
    "html": (lambda d: b"<html><body>Agreement</body></html>", "HTML"),
    "truncated-zip": (lambda d: d[:len(d) // 2], "truncated"),
    "truncated-end": (lambda d: d[:-30], "truncated"),
    "damaged-entry": (lambda d: damaged_entry(d, DOC), f"damaged zip entry {DOC}"),
    "encrypted-entry": (lambda d: encrypted_entry(d, DOC), "encrypted"),
    "no-document-xml": (lambda d: rezip(d, drop={DOC}), f"{DOC} is missing"),
    "no-content-types": (lambda d: rezip(d, drop={"[Content_Types].xml"}), "[Content_Types].xml is missing"),
    "opendocument": (lambda d: rezip(d, drop={"[Content_Types].xml"},
                                     add={"mimetype": b"application/vnd.oasis.opendocument.text"}), "OpenDocument"),
    "spreadsheet": (lambda d: rezip(d, {"[Content_Types].xml": lambda x: x.replace(
        MAIN_TYPE, b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")}), "spreadsheet"),
    "strict-ooxml": (lambda d: with_document(d, lambda x: x.replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main")), "Strict Open XML"),
    "not-w-document": (lambda d: with_document(d, lambda x: b"<html><body/></html>"), "no w:document"),
    "malformed-xml": (lambda d: with_document(d, lambda x: x[:len(x) // 2]), f"{DOC}: malformed XML"),
    "malformed-content-types": (lambda d: rezip(d, {"[Content_Types].xml": b"<Types"}), "[Content_Types].xml"),
    "malformed-rels": (lambda d: rezip(d, {"_rels/.rels": b"<Relationships><"}), "_rels/.rels: malformed XML"),
    "malformed-styles": (lambda d: rezip(d, {"word/styles.xml": lambda x: x[:len(x) // 2]}),
                         "word/styles.xml: malformed XML"),
    "too-deep": (lambda d: with_document(d, lambda x: body_insert(x, b"<w:p>" * 300 + b"</w:p>" * 300)),
                 "malformed XML"),
    "duplicate-entries": (lambda d: rezip(d, add={DOC: part(d, DOC)}), "two entries"),
    "zip-bomb-ratio": (bomb, "zip bomb"),
    "zip-bomb-declared": (lambda d: forged_sizes(d, DOC, 0xFFFFFF00), "zip bomb"),
    "size-lies": (lambda d: forged_sizes(d, DOC, 100), "damaged zip entry"),
    "billion-laughs": (lambda d: with_document(d, lambda x: use_entity(prolog_insert(billion_laughs())(x), b"l9")),
                       "DTD"),
    "external-entity-file": (lambda d: with_document(d, lambda x: use_entity(
        prolog_insert(xxe("file:///etc/passwd"))(x), b"xxe")), "DTD"),
    "external-entity-http": (lambda d: with_document(d, lambda x: use_entity(
        prolog_insert(xxe("http://127.0.0.1:9/x"))(x), b"xxe")), "DTD"),
    "late-doctype": (lambda d: with_document(d, lambda x: prolog_insert(
        b"<!--" + b" " * 8000 + b"-->" + xxe("file:///etc/passwd"))(x)), "DTD"),
    "utf16-doctype": (lambda d: with_document(d, lambda x: use_entity(prolog_insert(xxe("file:///etc/passwd"))(
        x.replace(b"encoding='UTF-8'", b"encoding='UTF-16'")), b"xxe").decode("utf-8").encode("utf-16")), "DTD"),
}
NEEDED_BY = {"malformed-styles": {"redline", "review"}}  # accept, reject and compare copy styles as they are
# Made from the python-docx contract too: they must not depend on what the sample happens to hold.
FROM_BOTH = ["truncated-zip", "damaged-entry", "no-document-xml", "malformed-xml", "zip-bomb-ratio",
             "billion-laughs", "external-entity-file"]


@pytest.fixture(scope="module")
def bases() -> dict[str, bytes]:
    return {"sample": sample_bytes(), "python-docx": python_docx_contract()}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def assert_fails_cleanly(result, bad: Path, words: str, before: dict[Path, str], out: Path, code: int = 1):
    lines = result.output.splitlines()
    assert result.exit_code == code, result.output
    assert len(lines) == 1, result.output
    assert str(bad) in lines[0] and words in lines[0], lines[0]
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert {p: sha(p) for p in before} == before, "an input was modified"
    assert listing(out) == [], "an output (or a temporary file) was left behind"


COMMANDS = ["redline", "review", "accept", "reject", "compare-original", "compare-revised"]


def command_args(command: str, bad: Path, good: Path, out: Path) -> list:
    output = out / "result.docx"
    return {
        "redline": ["redline", bad, "--profile", PROFILE, "--out-dir", out, "--date", DATE],
        "review": ["review", bad],
        "accept": ["accept", bad, "-o", output],
        "reject": ["reject", bad, "-o", output],
        "compare-original": ["compare", bad, good, "-o", output, "--date", DATE],
        "compare-revised": ["compare", good, bad, "-o", output, "--date", DATE],
    }[command]


CASES = [(name, "sample", command) for name in BAD_DOCUMENTS for command in COMMANDS
         if command.split("-")[0] in NEEDED_BY.get(name, {command.split("-")[0]})]
CASES += [(name, "python-docx", command) for name in FROM_BOTH for command in COMMANDS]


# ------------------------------------------------------------------------------------------------ documents
@pytest.mark.parametrize("name, base, command", CASES, ids=[f"{n}-{b}-{c}" for n, b, c in CASES])
def test_a_bad_document_fails_with_one_line_and_leaves_everything_as_it_was(tmp_path, bases, name, base, command):
    make, words = BAD_DOCUMENTS[name]
    folder = tmp_path / "in"
    folder.mkdir()
    bad, good = folder / f"{name}.docx", folder / "good.docx"
    bad.write_bytes(make(bases[base]))
    good.write_bytes(bases[base])
    out = tmp_path / "out"
    out.mkdir()
    before = {p: sha(p) for p in (bad, good, PROFILE)}
    result = run(*command_args(command, bad, good, out))
    assert_fails_cleanly(result, bad, words, before, out)
    assert listing(folder) == sorted(["good.docx", bad.name])


def test_the_zip_limits_are_checked_on_what_is_read(monkeypatch, bases):
    monkeypatch.setattr(package, "MAX_PARTS", 5)
    with pytest.raises(DocumentError, match="entries"):
        Package.from_bytes(bases["sample"], "many.docx")
    monkeypatch.setattr(package, "MAX_PARTS", 10_000)
    monkeypatch.setattr(package, "MAX_TOTAL_BYTES", 500_000)
    with pytest.raises(DocumentError, match="zip bomb"):
        Package.from_bytes(bases["sample"], "big.docx")
    monkeypatch.setattr(package, "MAX_TOTAL_BYTES", 1024 * package.MiB)
    monkeypatch.setattr(package, "MAX_PART_BYTES", 100_000)
    with pytest.raises(DocumentError, match="word/styles.xml.*zip bomb"):
        Package.from_bytes(bases["sample"], "big.docx")
    monkeypatch.setattr(package, "MAX_PART_BYTES", 512 * package.MiB)
    monkeypatch.setattr(package, "MAX_XML_BYTES", 100_000)
    with pytest.raises(DocumentError, match="word/styles.xml.*bytes of XML"):
        Package.from_bytes(bases["sample"], "big.docx").part("word/styles.xml")


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "MAX_FILE_BYTES", 1000)
    with pytest.raises(DocumentError, match="over the"):
        Package.open(SAMPLE)


def test_a_pipe_is_refused_rather_than_read_forever(tmp_path):
    fifo = tmp_path / "contract.docx"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    out.mkdir()
    result = run("review", fifo)
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "not a regular file" in result.output


def test_a_missing_contract_is_named(tmp_path):
    result = run("review", tmp_path / "nowhere.docx")
    assert result.exit_code == 1 and result.output.strip() == f"Error: {tmp_path / 'nowhere.docx'}: no such file"


# ------------------------------------------------------------------------------------------------ hostile XML
class _Listener:
    """A TCP port on this machine that records every connection: proof that nothing was fetched."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> int:
        self._stop = True
        self._thread.join()
        self.sock.close()
        return self.connections


@pytest.fixture
def listener():
    lis = _Listener()
    yield lis
    lis.close()


def hostile_xml(listener: _Listener, fifo: Path) -> dict[str, bytes]:
    url = f"http://127.0.0.1:{listener.port}"
    return {
        "external-http": f'<!DOCTYPE r [<!ENTITY x SYSTEM "{url}/x">]><r>&x;</r>'.encode(),
        "external-file": f'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{fifo}">]><r>&x;</r>'.encode(),
        "parameter-http": f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{url}/p"> %p;]><r/>'.encode(),
        "parameter-file": f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{fifo}"> %p;]><r/>'.encode(),
        "external-dtd-http": f'<!DOCTYPE r SYSTEM "{url}/d.dtd"><r/>'.encode(),
        "external-dtd-file": f'<!DOCTYPE r SYSTEM "{fifo}"><r/>'.encode(),
        "billion-laughs": billion_laughs().replace(b"w:document", b"r") + b"<r>&l9;</r>",
        "xinclude": f'<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="{url}/i"/></r>'.encode(),
    }


def test_the_parser_expands_no_entity_and_reads_no_file_or_address(tmp_path, listener):
    """The parser alone, below counterdraft's refusal of DTDs: a connection to the listener, or an open of the
    named pipe (which would block until someone writes to it), would show a fetch."""
    fifo = tmp_path / "secret"
    os.mkfifo(fifo)
    for name, xml in hostile_xml(listener, fifo).items():
        box = {}

        def parse():
            try:
                box["root"] = etree.fromstring(xml, package._PARSER)
            except etree.XMLSyntaxError as exc:  # libxml2 may stop an entity bomb itself, which is as good
                box["error"] = str(exc)

        worker = threading.Thread(target=parse, daemon=True)
        worker.start()
        worker.join(10)
        if worker.is_alive():  # blocked opening the pipe: unblock it, then fail
            with open(fifo, "wb"):
                pass
            pytest.fail(f"{name}: the parser opened {fifo}")
        if "error" in box:
            assert "amplification" in box["error"], box["error"]
            continue
        text = etree.tostring(box["root"])
        assert len(text) < 200 and b"lol" not in text, f"{name}: an entity was expanded"
    assert listener.close() == 0, "the parser connected to an address"


def test_a_document_with_hostile_xml_is_refused_without_fetching(tmp_path, listener):
    fifo = tmp_path / "secret"
    os.mkfifo(fifo)
    for name, xml in hostile_xml(listener, fifo).items():
        if name == "xinclude":  # harmless: XInclude is never processed
            continue
        with pytest.raises(DocumentError, match="DTD"):
            package.parse_xml(xml, f"{name}.xml")
        with pytest.raises(DocumentError, match="DTD|amplification"):  # UTF-16 gets past the byte check
            package.parse_xml(xml.decode().encode("utf-16"), f"{name}.xml")
    assert listener.close() == 0


# ------------------------------------------------------------------------------------------------ what still works
def redline_ok(contract: Path, out: Path, *extra):
    result = run("redline", contract, "--profile", PROFILE, "--out-dir", out, "--date", DATE, *extra)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def test_a_malformed_part_we_do_not_read_is_copied_byte_for_byte(tmp_path):
    garbage = {"docProps/app.xml": b"<Properties><unclosed>", "customXml/item1.xml": b"\x00\xff not xml at all",
               "word/webSettings.xml": b"<w:webSettings"}
    contract = tmp_path / "c.docx"
    contract.write_bytes(rezip(sample_bytes(), garbage))
    out = tmp_path / "out"
    redline_ok(contract, out)
    for name in ("c.redline.docx", "c.clean.docx"):
        for part_name, blob in garbage.items():
            assert part(Path(out / name).read_bytes(), part_name) == blob


def test_unknown_elements_and_parts_are_kept(tmp_path):
    unknown = (b'<x:note xmlns:x="urn:example:hr-system" x:id="7"><x:field name="offer">A-113</x:field></x:note>')
    contract = tmp_path / "c.docx"
    contract.write_bytes(rezip(sample_bytes(), {DOC: lambda x: body_insert(x, unknown)},
                               add={"hr/offer-data.bin": bytes(range(256)), "hr/meta.json": b'{"offer": 113}'}))
    out = tmp_path / "out"
    redline_ok(contract, out)
    for name in ("c.redline.docx", "c.clean.docx"):
        data = (out / name).read_bytes()
        root = etree.fromstring(part(data, DOC))
        found = root.findall(".//{urn:example:hr-system}note")
        assert len(found) == 1 and found[0].get("{urn:example:hr-system}id") == "7"
        assert found[0].find("{urn:example:hr-system}field").text == "A-113"
        assert part(data, "hr/offer-data.bin") == bytes(range(256))
        assert part(data, "hr/meta.json") == b'{"offer": 113}'


def test_existing_tracked_changes_and_comments_are_kept(tmp_path):
    first = tmp_path / "first"
    redline_ok(SAMPLE, first, "--author", "Employer Counsel")
    contract = tmp_path / "c.docx"
    contract.write_bytes((first / "hybrid-offer.redline.docx").read_bytes())
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def marks(data: bytes):
        root = etree.fromstring(part(data, DOC))
        revs = sorted((el.tag, el.get(W + "id"), "".join(el.itertext())) for el in root.iter(W + "ins", W + "del")
                      if el.get(W + "author") == "Employer Counsel")
        comments = etree.fromstring(part(data, "word/comments.xml"))
        said = sorted("".join(c.itertext()) for c in comments if c.get(W + "author") == "Employer Counsel")
        return revs, said

    before = marks(contract.read_bytes())
    assert before[0] and before[1]
    out = tmp_path / "out"
    redline_ok(contract, out)
    assert marks((out / "c.redline.docx").read_bytes()) == before


@pytest.mark.slow
def test_a_500_page_contract_works(tmp_path):
    filler = (b'<w:p><w:r><w:t xml:space="preserve">' + b"Exhibit text that fills the pages of a long agreement, "
              b"one schedule after another. " * 8 + b"</w:t></w:r></w:p>")
    pages = 500
    contract = tmp_path / "long.docx"
    contract.write_bytes(with_document(sample_bytes(), lambda x: x.replace(b"<w:sectPr", filler * 5 * pages + b"<w:sectPr", 1)))
    out = tmp_path / "out"
    redline_ok(contract, out)
    assert len(etree.fromstring(part((out / "long.redline.docx").read_bytes(), DOC)).findall(".//{*}p")) > 5 * pages


# ------------------------------------------------------------------------------------------------ macros and links
def docm(data: bytes) -> bytes:
    vba = ole_file(["PROJECT", "dir"])
    return rezip(data, {
        "[Content_Types].xml": lambda x: x.replace(MAIN_TYPE, MACRO_TYPE).replace(
            b"<Default ", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ', 1),
        "word/_rels/document.xml.rels": lambda x: x.replace(
            b"</Relationships>", f'<Relationship Id="rId99" Type="{VBA_REL}" Target="vbaProject.bin"/>'
                                 f"</Relationships>".encode()),
    }, add={"word/vbaProject.bin": vba})


@pytest.mark.parametrize("suffix", [".docm", ".docx"])
def test_a_macro_enabled_contract_keeps_its_macros_and_gets_a_docm_redline(tmp_path, suffix):
    """Word opens a macro-enabled package only as .docm, whatever the input was called."""
    contract = tmp_path / f"c{suffix}"
    contract.write_bytes(docm(sample_bytes()))
    vba = part(contract.read_bytes(), "word/vbaProject.bin")
    out = tmp_path / "out"
    result = redline_ok(contract, out)
    assert "warning:" in result.output and "macros" in result.output and str(contract) in result.output
    names = {p.name for p in out.iterdir()}
    assert {"c.redline.docm", "c.clean.docm", "c.letter.docx"} <= names
    assert not {"c.redline.docx", "c.clean.docx"} & names
    for name in ("c.redline.docm", "c.clean.docm"):
        data = (out / name).read_bytes()
        assert part(data, "word/vbaProject.bin") == vba
        assert MACRO_TYPE in part(data, "[Content_Types].xml")
        assert VBA_REL.encode() in part(data, "word/_rels/document.xml.rels")


def test_a_macro_enabled_output_must_be_named_docm(tmp_path):
    contract = tmp_path / "c.docm"
    contract.write_bytes(docm(sample_bytes()))
    out = tmp_path / "out"
    out.mkdir()
    bad = run("accept", contract, "-o", out / "c.docx")
    assert bad.exit_code == 2 and bad.output.count("\n") == 1 and ".docm" in bad.output
    assert listing(out) == []
    bad = run("compare", contract, SAMPLE, "-o", out / "c.docx")
    assert bad.exit_code == 2 and ".docm" in bad.output and listing(out) == []
    good = run("accept", contract, "-o", out / "c.docm")
    assert good.exit_code == 0 and "macros" in good.output
    assert part((out / "c.docm").read_bytes(), "word/vbaProject.bin") == part(contract.read_bytes(),
                                                                             "word/vbaProject.bin")


def test_a_link_word_would_fetch_is_reported_and_not_fetched(tmp_path, listener):
    url = f"http://127.0.0.1:{listener.port}/template.dotm"
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
            b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="' + url.encode()
            + b'" TargetMode="External"/></Relationships>')
    contract = tmp_path / "c.docx"
    contract.write_bytes(rezip(sample_bytes(), add={"word/_rels/settings.xml.rels": rels}))
    result = redline_ok(contract, tmp_path / "out")
    assert "warning:" in result.output and url in result.output and "attachedTemplate" in result.output
    assert listener.close() == 0


# ------------------------------------------------------------------------------------------------ output files
def test_an_output_that_is_an_input_is_refused(tmp_path):
    contract = tmp_path / "c.docx"
    contract.write_bytes(sample_bytes())
    link = tmp_path / "link.docx"
    link.symlink_to(contract)
    hard = tmp_path / "hard.docx"
    os.link(contract, hard)
    before = {contract: sha(contract), PROFILE: sha(PROFILE)}
    for args in (["accept", contract, "-o", contract], ["reject", contract, "-o", link],
                 ["accept", contract, "-o", hard], ["compare", contract, SAMPLE, "-o", contract],
                 ["compare", SAMPLE, contract, "-o", contract, "--force"], ["reject", contract, "-o", contract, "--force"]):
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert result.output.count("\n") == 1 and "overwrite an input" in result.output
    # the profile where the redline would write its plan
    profile = tmp_path / "c.plan.yaml"
    profile.write_bytes(PROFILE.read_bytes())
    result = run("redline", contract, "--profile", profile, "--out-dir", tmp_path, "--force")
    assert result.exit_code == 2 and "overwrite an input" in result.output and str(profile) in result.output
    assert {p: sha(p) for p in before} == before and profile.read_bytes() == PROFILE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.docx", "c.plan.yaml", "hard.docx", "link.docx"]


def test_existing_outputs_are_kept_without_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    existing = out / "hybrid-offer.letter.md"
    existing.write_text("my own notes\n")
    result = run("redline", SAMPLE, "--profile", PROFILE, "--out-dir", out, "--date", DATE)
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert str(existing) in result.output and "--force" in result.output
    assert listing(out) == ["hybrid-offer.letter.md"] and existing.read_text() == "my own notes\n"
    accepted = out / "accepted.docx"
    accepted.write_bytes(b"keep me")
    result = run("accept", SAMPLE, "-o", accepted)
    assert result.exit_code == 2 and accepted.read_bytes() == b"keep me"
    redline_ok(SAMPLE, out, "--force")
    assert existing.read_text() != "my own notes\n"
    assert run("accept", SAMPLE, "-o", accepted, "--force").exit_code == 0 and accepted.read_bytes() != b"keep me"


def test_an_output_folder_that_cannot_be_made_is_one_clear_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for args in (["redline", SAMPLE, "--profile", PROFILE, "--out-dir", blocker / "out"],
                 ["accept", SAMPLE, "-o", blocker / "out" / "c.docx"]):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert result.output.count("\n") == 1 and str(blocker) in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_one_clear_line(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = run("redline", SAMPLE, "--profile", PROFILE, "--out-dir", out)
        assert result.exit_code == 1 and result.output.count("\n") == 1 and str(out) in result.output
        assert listing(out) == []
    finally:
        out.chmod(0o755)


def failing_on(monkeypatch, module_attr: str, call: int, error: OSError):
    """Make the `call`-th call of os.replace or tempfile.mkstemp (as files.py uses them) fail."""
    owner = {"replace": files.os, "mkstemp": files.tempfile}[module_attr]
    real = getattr(owner, module_attr)
    count = {"n": 0}

    def fake(*args, **kw):
        count["n"] += 1
        if count["n"] == call:
            raise error
        return real(*args, **kw)

    monkeypatch.setattr(owner, module_attr, fake)


@pytest.mark.parametrize("where, call", [("mkstemp", 3), ("replace", 1), ("replace", 4), ("replace", 5)])
def test_a_failure_while_writing_leaves_no_output_at_all(tmp_path, monkeypatch, where, call):
    out = tmp_path / "out"
    failing_on(monkeypatch, where, call, PermissionError(13, "Permission denied"))
    result = run("redline", SAMPLE, "--profile", PROFILE, "--out-dir", out, "--date", DATE)
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert "Permission denied" in result.output and str(out) in result.output
    assert not out.exists(), "the output folder made for this run was left behind"


@pytest.mark.parametrize("call", [2, 5])
def test_a_failure_while_replacing_outputs_puts_the_old_ones_back(tmp_path, monkeypatch, call):
    out = tmp_path / "out"
    redline_ok(SAMPLE, out)
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    failing_on(monkeypatch, "replace", call, OSError(28, "No space left on device"))
    result = run("redline", SAMPLE, "--profile", PROFILE, "--out-dir", out, "--date", "2027-01-01", "--force")
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


def test_a_later_step_that_fails_leaves_no_output(tmp_path, monkeypatch):
    from counterdraft import letter
    from counterdraft.errors import ConfigError

    def broken(*a, **kw):
        raise ConfigError("letter.md.j2: line 3: unexpected '}'")

    monkeypatch.setattr(letter, "render_markdown", broken)
    out = tmp_path / "out"
    result = run("redline", SAMPLE, "--profile", PROFILE, "--out-dir", out, "--date", DATE)
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "letter.md.j2" in result.output
    assert not out.exists() or listing(out) == []


def test_an_unexpected_error_is_still_one_line_naming_the_file_and_debug_shows_it(tmp_path, monkeypatch):
    from counterdraft.wordml import resolve

    def bug(pkg):
        raise KeyError("w:id")

    monkeypatch.setattr(resolve, "accept_package", bug)
    result = run("accept", SAMPLE, "-o", tmp_path / "x.docx")
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert str(SAMPLE) in result.output and "internal error" in result.output and "--debug" in result.output
    debug = run("--debug", "accept", SAMPLE, "-o", tmp_path / "x.docx")
    assert isinstance(debug.exception, KeyError)
    assert listing(tmp_path) == []


def test_debug_shows_the_traceback_of_a_document_error(tmp_path):
    bad = tmp_path / "c.docx"
    bad.write_bytes(b"")
    result = run("--debug", "review", bad)
    assert isinstance(result.exception, DocumentError)


def test_atomic_writes_leave_no_temporary_file(tmp_path):
    target = tmp_path / "x.bin"
    files.write_atomic(target, b"one")
    files.write_atomic(target, b"two")
    assert target.read_bytes() == b"two" and listing(tmp_path) == ["x.bin"]


# ------------------------------------------------------------------------------------------------ configuration
PROFILE_TEXT = PROFILE.read_text()
BAD_PROFILES = {
    "invalid-yaml": ("physician:\n  name: [Dana\n", "line 3: invalid YAML"),
    "tab-indent": ("physician:\n\tname: Dana\n", "line 2: invalid YAML"),
    "unknown-key": (PROFILE_TEXT + "salary_wish: 300000\n", "salary_wish: unknown key"),
    "nested-unknown-key": (PROFILE_TEXT.replace("  total_fte: 1.0", "  total_fte: 1.0\n  fte_total: 1.0"),
                           "role.fte_total: unknown key"),
    "wrong-type": (PROFILE_TEXT.replace("total_fte: 1.0", "total_fte: full-time"), "role.total_fte:"),
    "wrong-choice": (PROFILE_TEXT.replace("setting: health-system", "setting: spaceship"), "role.setting:"),
    "missing-field": (PROFILE_TEXT.replace("  name: Dana R. Whitfield\n", ""), "physician.name: missing"),
    "duplicate-key": (PROFILE_TEXT + "asks: {}\n", "duplicate key 'asks'"),
    "empty": ("", "empty"),
    "not-a-mapping": ("- a\n- b\n", "mapping"),
    "unknown-ask": (PROFILE_TEXT.replace("{notice_days: 90}", "{notice_days: 90, notice_weeks: 3}"),
                    "notice_weeks"),
    "out-of-bounds-ask": (PROFILE_TEXT.replace("{notice_days: 90}", "{notice_days: 5}"), "notice_days"),
    "template-error": (PROFILE_TEXT.replace("letter:\n", "letter:\n  opening: 'Dear {{ employer.contact_name'\n"),
                       "letter.opening"),
}
PROFILE_XFAIL: dict[str, str] = {}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(reason=PROFILE_XFAIL[n]))
                                  if n in PROFILE_XFAIL else n for n in BAD_PROFILES])
def test_a_bad_profile_is_one_line_naming_the_file_and_field(tmp_path, name):
    text, words = BAD_PROFILES[name]
    profile = tmp_path / "profile.yaml"
    profile.write_text(text)
    out = tmp_path / "out"
    result = run("redline", SAMPLE, "--profile", profile, "--out-dir", out, "--date", DATE)
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and str(profile) in result.output and words in result.output, result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_profile_that_is_not_utf8_is_named(tmp_path):
    profile = tmp_path / "profile.yaml"
    profile.write_bytes(PROFILE_TEXT.encode("utf-16"))
    result = run("review", SAMPLE, "--profile", profile)
    assert result.exit_code == 2 and "not UTF-8" in result.output and str(profile) in result.output


BUNDLED_CLAUSE = ROOT / "clauses" / "termination-without-cause.yaml"
BAD_CLAUSES = {
    "invalid-yaml": (lambda t: t + "\n  : oops: [\n", "invalid YAML"),
    "unknown-key": (lambda t: t + "\nflavour: strong\n", "flavour: unknown key"),
    "wrong-type": (lambda t: re.sub(r"(?m)^title: .*$", "title: [not, text]", t, count=1), "title:"),
    "template-error-in-check": (lambda t: t.replace("{{", "{% if %}{{", 1), "checks.0.message"),
    "template-error-in-comment": (lambda t: t.replace("rationale: >-\n  ", "rationale: >-\n  {% if %}", 1),
                                  "rationale"),
}


@pytest.mark.parametrize("name", list(BAD_CLAUSES))
def test_a_bad_clause_file_is_one_line_naming_the_file(tmp_path, name):
    edit, words = BAD_CLAUSES[name]
    library = tmp_path / "firm"
    library.mkdir()
    clause = library / BUNDLED_CLAUSE.name
    clause.write_text(edit(BUNDLED_CLAUSE.read_text()))
    out = tmp_path / "out"
    result = run("redline", SAMPLE, "--profile", PROFILE, "--library", library, "--out-dir", out, "--date", DATE)
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and str(clause) in result.output and words in result.output, result.output
    assert not out.exists()
