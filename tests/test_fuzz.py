"""Fuzzing (hypothesis): random bytes, and real DOCX files with their zip or XML damaged at random. The reader
raises DocumentError and nothing else; the CLI exits 0 or 1 with one line, never a traceback, and keeps the input.
Examples are few, so each test takes seconds; CI runs them derandomized, so a run there is repeatable.
COUNTERDRAFT_FUZZ_SCALE=50 runs fifty times as many examples, for a longer hunt."""
from __future__ import annotations

import hashlib
import io
import os
import struct
import tempfile
import zipfile
import zlib
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from counterdraft.cli import main
from counterdraft.errors import DocumentError
from counterdraft.wordml.package import OLE_MAGIC, Package
from counterdraft.wordml.read import read_blocks

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hybrid-offer.docx"
PROFILE = ROOT / "samples" / "profile.yaml"
SAMPLE_BYTES = SAMPLE.read_bytes()
DATE = "2026-01-01T00:00:00Z"


def fuzz(examples: int):
    return settings(max_examples=examples * int(os.environ.get("COUNTERDRAFT_FUZZ_SCALE", "1")), deadline=None, derandomize=bool(os.environ.get("CI")),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def opens_or_refuses(data: bytes) -> Package | None:
    """The reader's contract: a Package, or a DocumentError; anything else is a bug."""
    try:
        pkg = Package.from_bytes(data, "fuzz.docx")
    except DocumentError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("fuzz.docx: ")
        return None
    return pkg


def zip_of(parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    return buf.getvalue()


def raw_zip(entries: list[tuple[bytes, bytes]]) -> bytes:
    """A zip of stored entries written by hand, so that names zipfile would not write (empty, NUL, not UTF-8,
    repeated) can be tried too."""
    local, central = b"", b""
    for name, blob in entries:
        crc = zlib.crc32(blob)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0x21, crc, len(blob), len(blob),
                               len(name), 0, 0, 0, 0, 0, len(local)) + name
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0x21, crc, len(blob), len(blob), len(name),
                             0) + name + blob
    return local + central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                                         len(local), 0)


SAMPLE_PARTS = {i.filename: zipfile.ZipFile(SAMPLE).read(i) for i in zipfile.ZipFile(SAMPLE).infolist()}
XML_PARTS = sorted(n for n in SAMPLE_PARTS if n.endswith((".xml", ".rels")))


# ------------------------------------------------------------------------------------------------ the reader
@fuzz(300)
@given(st.one_of(st.binary(max_size=2048),
                 st.tuples(st.sampled_from([b"PK\x03\x04", b"PK\x05\x06", b"PK\x01\x02", OLE_MAGIC, b"<?xml"]),
                           st.binary(max_size=2048)).map(lambda t: t[0] + t[1])))
def test_random_bytes_are_refused_with_a_document_error(data):
    assert opens_or_refuses(data) is None


NAMES = st.one_of(st.sampled_from([b"[Content_Types].xml", b"_rels/.rels", b"word/document.xml", b"word/styles.xml",
                                    b"word/_rels/document.xml.rels", b"../../etc/passwd", b"/abs.xml",
                                    b"word/DOCUMENT.xml", b"", b"word/\x00x.xml", b"dir/", b"\xff\xfe.xml"]),
                  st.binary(max_size=12))
XMLISH = st.one_of(st.binary(max_size=200), st.sampled_from([SAMPLE_PARTS[n] for n in XML_PARTS]),
                   st.text(alphabet="<>/&;\"'=w:pr t!-[]?x ", max_size=200).map(str.encode))


@fuzz(200)
@given(st.lists(st.tuples(NAMES, XMLISH), max_size=6))
def test_zips_of_random_parts_open_or_are_refused(entries):
    pkg = opens_or_refuses(raw_zip(entries))
    if pkg is not None:
        Package.from_bytes(pkg.to_bytes())


def flip(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    raw = bytearray(data)
    for pos, value in flips:
        raw[pos % len(raw)] = value
    return bytes(raw)


def _structure_offsets(data: bytes) -> list[int]:
    """Where the zip's headers are: flips there reach the parser of the zip, not only the CRC check."""
    offsets, i = [], data.find(b"PK")
    while i != -1:
        offsets.append(i)
        i = data.find(b"PK", i + 2)
    return offsets


HEADERS = _structure_offsets(SAMPLE_BYTES)
FLIPS = st.lists(st.tuples(st.one_of(st.integers(0, len(SAMPLE_BYTES) - 1),
                                     st.tuples(st.sampled_from(HEADERS), st.integers(0, 60)).map(sum)),
                           st.integers(0, 255)), min_size=1, max_size=6)


@fuzz(300)
@given(FLIPS)
def test_a_docx_with_bytes_flipped_opens_or_is_refused(flips):
    pkg = opens_or_refuses(flip(SAMPLE_BYTES, flips))
    if pkg is not None:
        read_blocks(pkg)
        pkg.to_bytes()


# ------------------------------------------------------------------------------------------------ damaged XML
GARBAGE = st.one_of(st.sampled_from([b"<", b">", b"&", b"&amp", b"</w:p>", b"<w:r>", b'"', b"\x00", b"]]>", b"<!--",
                                     b"<w:t>", b"</w:body>", b"\xff\xfe", b"&#0;", b"<x:y xmlns:x='u'/>", b"\xc3"]),
                    st.binary(min_size=1, max_size=12))


@st.composite
def damaged_xml(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(["word/document.xml"] * 4 + XML_PARTS))
    xml = SAMPLE_PARTS[name]
    i = draw(st.integers(0, len(xml)))
    j = draw(st.integers(i, min(len(xml), i + 400)))
    how = draw(st.sampled_from(["truncate", "insert", "delete", "duplicate", "replace"]))
    if how == "truncate":
        return name, xml[:i]
    if how == "insert":
        return name, xml[:i] + draw(GARBAGE) + xml[i:]
    if how == "delete":
        return name, xml[:i] + xml[j:]
    if how == "duplicate":
        return name, xml[:j] + xml[i:j] + xml[j:]
    return name, xml[:i] + draw(GARBAGE) + xml[j:]


@st.composite
def odd_but_wellformed(draw) -> tuple[str, bytes]:
    """Well-formed XML with an element removed, duplicated, emptied or renamed: the pipeline runs on it."""
    name = draw(st.sampled_from(["word/document.xml"] * 3 + ["word/styles.xml", "word/numbering.xml",
                                                            "word/header1.xml", "word/settings.xml"]))
    root = etree.fromstring(SAMPLE_PARTS[name])
    elements = list(root.iter())[1:]
    el = elements[draw(st.integers(0, len(elements) - 1))]
    how = draw(st.sampled_from(["remove", "duplicate", "strip-attributes", "rename", "empty", "odd-values"]))
    if how == "remove":
        el.getparent().remove(el)
    elif how == "duplicate":
        el.addnext(etree.fromstring(etree.tostring(el)))
    elif how == "strip-attributes":
        el.attrib.clear()
    elif how == "rename":
        el.tag = "{urn:example:unknown}" + etree.QName(el).localname
    elif how == "empty":
        el.text = None
        for child in list(el):
            el.remove(child)
    else:
        for key in el.attrib:
            el.set(key, draw(st.sampled_from(["", "-1", "99999999999999999999", "x", "true", "0"])))
    return name, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _run_redline(name: str, xml: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        contract = Path(tmp) / "contract.docx"
        contract.write_bytes(zip_of({**SAMPLE_PARTS, name: xml}))
        before = hashlib.sha256(contract.read_bytes()).hexdigest()
        out = Path(tmp) / "out"
        result = CliRunner().invoke(main, ["redline", str(contract), "--profile", str(PROFILE), "--out-dir",
                                           str(out), "--date", DATE])
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output and "internal error" not in result.output, result.output
        assert hashlib.sha256(contract.read_bytes()).hexdigest() == before
        if result.exit_code == 1:
            assert result.output.count("\n") == 1 and str(contract) in result.output, result.output
            assert not out.exists() or not any(out.iterdir())


@fuzz(15)
@given(damaged_xml())
def test_a_docx_with_damaged_xml_gives_exit_1_or_works(damage):
    _run_redline(*damage)


@fuzz(15)
@given(odd_but_wellformed())
def test_a_docx_with_odd_but_wellformed_xml_gives_exit_1_or_works(damage):
    _run_redline(*damage)


@fuzz(10)
@given(FLIPS)
def test_the_cli_on_a_docx_with_bytes_flipped(flips):
    with tempfile.TemporaryDirectory() as tmp:
        contract = Path(tmp) / "contract.docx"
        contract.write_bytes(flip(SAMPLE_BYTES, flips))
        out = Path(tmp) / "out"
        result = CliRunner().invoke(main, ["redline", str(contract), "--profile", str(PROFILE), "--out-dir",
                                           str(out), "--date", DATE])
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output and "internal error" not in result.output, result.output
        if result.exit_code == 1:
            assert result.output.count("\n") == 1 and str(contract) in result.output
            assert not out.exists()
