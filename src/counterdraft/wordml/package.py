"""The DOCX zip package: safe reading, parts parsed on demand, deterministic writing.

Contracts arrive from systems we do not control, so reading is defensive (see docs/safety.md):

- the zip is never extracted to disk: part names are only dictionary keys, so names such as `../x` lead nowhere;
- zip bombs are refused by the limits below, checked on the sizes the zip declares before anything is
  decompressed, and again on the bytes actually read;
- XML is parsed with entity substitution, DTD loading and network access off and within libxml2's default
  limits (depth 256, text nodes of 10 MB); a part that declares a DTD is refused;
- parts we never parse are written back byte for byte, in their original order and compression.
"""
from __future__ import annotations

import io
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..errors import DocumentError, UsageError
from ..files import write_atomic
from .ns import CT_NS, REL_NS, RT, W_NS

MiB = 1024 * 1024
#: Limits against zip bombs and memory exhaustion; see docs/safety.md. Word's own limit for a file is 512 MB.
MAX_FILE_BYTES = 512 * MiB      # the .docx file itself
MAX_TOTAL_BYTES = 1024 * MiB    # all parts together, uncompressed
MAX_PART_BYTES = 512 * MiB      # one part, uncompressed
MAX_XML_BYTES = 128 * MiB       # one XML part that we parse (a parsed tree takes several times its size)
MAX_PARTS = 10_000              # zip entries
MAX_RATIO = 200                 # uncompressed / compressed size of one part ...
RATIO_MIN_BYTES = 10 * MiB      # ... checked for parts larger than this (small parts cannot hurt)
#: Fixed timestamp for every zip entry, so the same input gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: zlib level for the parts written: 3 deflates a contract in less than half the time of the default 6, which
#: took a tenth of a compare, for files about a quarter larger (docs/performance.md).
ZIP_LEVEL = 3

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_blank_text=False)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
#: Main-part content type -> the extension Word insists on (it refuses a macro-enabled package named .docx).
WORD_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": ".docx",
    "application/vnd.ms-word.document.macroenabled.main+xml": ".docm",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": ".dotx",
    "application/vnd.ms-word.template.macroenabledtemplate.main+xml": ".dotm",
}
#: External relationships that make Word fetch something when it opens a document.
_FETCHED_ON_OPEN = ("/attachedTemplate", "/subDocument", "/frame", "/oleObject")
# What the standard library may raise on a damaged or hostile zip.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError, struct.error, OverflowError, IndexError)


def parse_xml(data: bytes, where: str) -> etree._Element:
    """Parse one part; entities are never expanded, and nothing outside the part is ever read."""
    if len(data) > MAX_XML_BYTES:
        raise DocumentError(f"{where}: {len(data)} bytes of XML, over the {MAX_XML_BYTES // MiB} MiB "
                            f"counterdraft parses")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise DocumentError(f"{where}: XML declares a DTD or entities, which a DOCX part never needs; refusing it")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        msg = re.sub(r",? (use|try|see) (XML_PARSE_HUGE|xmlCtxt)\w*( option)?\.?", "", exc.msg or str(exc))
        raise DocumentError(f"{where}: malformed XML: {msg}") from None
    except (etree.LxmlError, ValueError) as exc:
        raise DocumentError(f"{where}: unreadable XML: {exc}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:  # e.g. in UTF-16, which the byte check above misses
        raise DocumentError(f"{where}: XML declares a DTD or entities, which a DOCX part never needs; refusing it")
    return root


def serialize_xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _not_a_zip(data: bytes, path) -> DocumentError:
    """Name what the file is, when we can tell, and what to do about it."""
    if data.startswith(OLE_MAGIC):
        # An OLE compound file: its directory names its streams in UTF-16.
        if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
            return DocumentError(f"{path}: the DOCX is password-protected (encrypted); save a copy without the "
                                 f"password and use that")
        if _utf16("WordDocument") in data:
            return DocumentError(f"{path}: a legacy Word .doc file, not a DOCX; open it in Word and save it as .docx")
        return DocumentError(f"{path}: an old-style Office (OLE) file, not a DOCX")
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{\\rtf"):
        return DocumentError(f"{path}: an RTF file, not a DOCX; open it in Word and save it as .docx")
    if head.startswith(b"%PDF"):
        return DocumentError(f"{path}: a PDF, not a DOCX; ask for the Word file")
    if head.startswith(b"<"):
        return DocumentError(f"{path}: an XML or HTML file, not a DOCX; open it in Word and save it as .docx")
    return DocumentError(f"{path}: not a DOCX file (not a zip archive, or a truncated one)")


def _read_zip(data: bytes, path) -> tuple[dict[str, bytes], list[zipfile.ZipInfo]]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise _not_a_zip(data, path) from None
    if any(not i.filename for i in zf.infolist()):
        raise DocumentError(f"{path}: the zip holds an entry without a name; refusing a damaged package")
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if len(infos) > MAX_PARTS:
        raise DocumentError(f"{path}: the zip holds {len(infos)} entries, over the {MAX_PARTS} counterdraft "
                            f"accepts; refusing a possible zip bomb")
    declared = sum(i.file_size for i in infos)
    if declared > MAX_TOTAL_BYTES:
        raise DocumentError(f"{path}: the package would expand to {declared} bytes, over the "
                            f"{MAX_TOTAL_BYTES // MiB} MiB limit; refusing a possible zip bomb")
    blobs: dict[str, bytes] = {}
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        if name.lower() in seen:  # part names are case-insensitive: two entries for one part is ambiguous
            raise DocumentError(f"{path}: the zip holds two entries for part {name}; refusing an ambiguous package")
        seen[name.lower()] = name
        if info.flag_bits & 0x1:
            raise DocumentError(f"{path}: zip entry {name} is encrypted; save a copy without the password")
        if info.file_size > MAX_PART_BYTES:
            raise DocumentError(f"{path}: part {name} would expand to {info.file_size} bytes, over the "
                                f"{MAX_PART_BYTES // MiB} MiB limit; refusing a possible zip bomb")
        if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DocumentError(f"{path}: part {name} would expand {info.file_size // max(info.compress_size, 1)} "
                                f"times (limit {MAX_RATIO}); refusing a possible zip bomb")
        try:
            with zf.open(info) as fh:
                blob = fh.read(min(MAX_PART_BYTES, MAX_TOTAL_BYTES - total) + 1)
        except _ZIP_ERRORS as exc:
            raise DocumentError(f"{path}: damaged zip entry {name}: {exc}") from None
        total += len(blob)
        if len(blob) > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:  # more than the zip declared
            raise DocumentError(f"{path}: part {name} expands beyond the limits; refusing a possible zip bomb")
        blobs[name] = blob
    return blobs, infos


class Package:
    """A DOCX opened for editing: `part(name)` gives a parsed part; `save` writes every part back."""

    def __init__(self, path: Path | str, blobs: dict[str, bytes], infos: list[zipfile.ZipInfo],
                 data: bytes = b""):
        self.path = Path(path)
        self._blobs = blobs
        self._infos = infos
        self._trees: dict[str, etree._Element] = {}
        self._data = data
        #: What the user should know about the document (macros, links Word would follow); not errors.
        self.notes: list[str] = []

    # ---------------------------------------------------------------------------------------------- reading
    @classmethod
    def open(cls, path: Path | str) -> "Package":
        path = Path(path)
        try:
            st = path.stat()
            if stat.S_ISDIR(st.st_mode):
                raise DocumentError(f"{path}: is a folder, not a DOCX file")
            if not stat.S_ISREG(st.st_mode):  # a pipe or a device could be read forever
                raise DocumentError(f"{path}: not a regular file")
            if st.st_size > MAX_FILE_BYTES:
                raise DocumentError(f"{path}: {st.st_size} bytes, over the {MAX_FILE_BYTES // MiB} MiB "
                                    f"counterdraft reads")
            with path.open("rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise DocumentError(f"{path}: no such file") from None
        except OSError as exc:
            raise DocumentError(f"{path}: cannot read: {exc.strerror or exc}") from None
        return cls.from_bytes(data, path)

    @classmethod
    def from_bytes(cls, data: bytes, path: Path | str = "<bytes>") -> "Package":
        """Open a package from its bytes; anything unreadable raises DocumentError, and nothing else."""
        if not data:
            raise DocumentError(f"{path}: the file is empty")
        if len(data) > MAX_FILE_BYTES:
            raise DocumentError(f"{path}: {len(data)} bytes, over the {MAX_FILE_BYTES // MiB} MiB counterdraft reads")
        if data.startswith(OLE_MAGIC):
            raise _not_a_zip(data, path)
        blobs, infos = _read_zip(data, path)
        pkg = cls(path, blobs, infos, data)
        if "[Content_Types].xml" not in blobs:
            if "mimetype" in blobs and blobs["mimetype"].startswith(b"application/vnd.oasis.opendocument"):
                raise DocumentError(f"{path}: an OpenDocument file, not a DOCX; save it as .docx")
            raise DocumentError(f"{path}: not a DOCX package ([Content_Types].xml is missing)")
        main = pkg.main_part_name
        kind = pkg.content_type(main) or ""
        if "spreadsheetml" in kind or "presentationml" in kind:
            what = "a spreadsheet" if "spreadsheetml" in kind else "a presentation"
            raise DocumentError(f"{path}: {what}, not a Word document")
        if main not in blobs:
            raise DocumentError(f"{path}: not a Word document ({main} is missing)")
        root = pkg.part(main)  # parse now, so malformed XML is reported before any work
        if root.tag != f"{{{W_NS}}}document":
            if root.tag == f"{{{STRICT_W_NS}}}document":
                raise DocumentError(f"{path}: saved as Strict Open XML, which counterdraft does not read; "
                                    f"save it in Word as a Word Document (.docx)")
            raise DocumentError(f"{path}: not a Word document ({main} holds no w:document)")
        if root.find(f"{{{W_NS}}}body") is None:
            raise DocumentError(f"{path}: not a Word document ({main} has no body)")
        pkg._take_notes()
        return pkg

    def reopen(self) -> "Package":
        """A fresh, unedited copy of the package as it was read."""
        return Package.from_bytes(self._data, self.path)

    def content_type(self, name: str) -> str | None:
        """The content type [Content_Types].xml gives part `name` (lowercased: MIME types ignore case)."""
        types = self._peek("[Content_Types].xml")
        if types is None:
            return None
        wanted = "/" + name.lower()
        for el in types.iter(f"{{{CT_NS}}}Override"):
            if (el.get("PartName") or "").lower() == wanted:
                return (el.get("ContentType") or "").lower()
        ext = posixpath.splitext(name)[1][1:].lower()
        for el in types.iter(f"{{{CT_NS}}}Default"):
            if (el.get("Extension") or "").lower() == ext:
                return (el.get("ContentType") or "").lower()
        return None

    @property
    def extension(self) -> str:
        """The extension Word needs for this package: .docm for a macro-enabled one, usually .docx."""
        return WORD_TYPES.get(self.content_type(self.main_part_name) or "", ".docx")

    @property
    def has_macros(self) -> bool:
        return self.extension in (".docm", ".dotm") or any(
            posixpath.basename(n).lower() == "vbaproject.bin" for n in self._blobs)

    def check_output_name(self, output: Path | str) -> None:
        """Refuse a Word extension that Word would not open this package under (e.g. macros in a .docx)."""
        output = Path(output)
        suffix = output.suffix.lower()
        if suffix in WORD_TYPES.values() and suffix != self.extension:
            raise UsageError(f"{output}: Word opens this document only as {self.extension} (the package "
                             f"{self.path.name} is one); name the output {output.stem}{self.extension}")

    def _peek(self, name: str) -> etree._Element | None:
        """Part `name` parsed without keeping the tree (so it is still written back byte for byte)."""
        if name in self._trees:
            return self._trees[name]
        if name not in self._blobs:
            return None
        return parse_xml(self._blobs[name], f"{self.path}: {name}")

    def _take_notes(self) -> None:
        if self.has_macros:
            self.notes.append(f"{self.path}: the document holds macros; they are kept untouched and never run, "
                              f"and a redline of it is a {self.extension} file")
        for name in self._blobs:
            if not name.endswith(".rels"):
                continue
            try:
                rels = self._peek(name)
            except DocumentError:
                continue  # not one we read; it is written back as it was
            for el in rels.iter(f"{{{REL_NS}}}Relationship"):
                if el.get("TargetMode") == "External" and (el.get("Type") or "").endswith(_FETCHED_ON_OPEN):
                    self.notes.append(f"{self.path}: {name} links to {el.get('Target')!r} outside the file "
                                      f"({el.get('Type').rsplit('/', 1)[-1]}); counterdraft never fetches it, "
                                      f"but Word may when it opens the document or its redline")

    @property
    def names(self) -> list[str]:
        return list(self._blobs)

    def has(self, name: str) -> bool:
        return name in self._blobs

    def blob(self, name: str) -> bytes:
        if name in self._trees:
            return serialize_xml(self._trees[name])
        return self._blobs[name]

    def part(self, name: str) -> etree._Element:
        """The parsed root of part `name`; edits to it are saved."""
        if name not in self._trees:
            if name not in self._blobs:
                raise DocumentError(f"{self.path}: part {name} is missing")
            self._trees[name] = parse_xml(self._blobs[name], f"{self.path}: {name}")
        return self._trees[name]

    def add_part(self, name: str, root: etree._Element, content_type: str) -> None:
        self._trees[name] = root
        self._blobs[name] = b""
        types = self.part("[Content_Types].xml")
        for el in types.findall(f"{{{CT_NS}}}Override"):
            if el.get("PartName") == "/" + name:
                el.set("ContentType", content_type)
                return
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=content_type)

    # ---------------------------------------------------------------------------------------------- relationships
    @staticmethod
    def rels_name(part: str) -> str:
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", base + ".rels")

    def relationships(self, part: str) -> list[tuple[str, str, str, str | None]]:
        """(Id, Type, resolved target part, TargetMode) for each relationship of `part`."""
        rels = self.rels_name(part)
        if rels not in self._blobs:
            return []
        out = []
        for el in self.part(rels):
            target = el.get("Target", "")
            mode = el.get("TargetMode")
            if mode != "External":
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(posixpath.dirname(part), target))
            out.append((el.get("Id"), el.get("Type"), target, mode))
        return out

    def related(self, part: str, rel_type: str) -> list[str]:
        return [t for _, typ, t, mode in self.relationships(part) if typ == rel_type and mode != "External"]

    def add_relationship(self, part: str, rel_type: str, target_part: str) -> str:
        rels = self.rels_name(part)
        if rels not in self._blobs:
            root = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
            self._trees[rels] = root
            self._blobs[rels] = b""
        root = self.part(rels)
        ids = {el.get("Id") for el in root}
        n = 1
        while f"rId{n}" in ids:
            n += 1
        target = posixpath.relpath(target_part, posixpath.dirname(part))
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=f"rId{n}", Type=rel_type, Target=target)
        return f"rId{n}"

    @property
    def main_part_name(self) -> str:
        if "_rels/.rels" in self._blobs:
            for _, typ, target, _mode in self.relationships(""):
                if typ == RT.OFFICE_DOCUMENT:
                    return target
        return "word/document.xml"

    def story_parts(self) -> list[str]:
        """The main document, then its headers, footers, footnotes and endnotes, in a stable order."""
        main = self.main_part_name
        stories = [main]
        for rel_type in (RT.HEADER, RT.FOOTER, RT.FOOTNOTES, RT.ENDNOTES):
            stories += sorted(t for t in self.related(main, rel_type) if t in self._blobs)
        return stories

    def annotated_parts(self) -> list[str]:
        """The stories and the comments part: what accept and reject resolve, and where revision and comment ids
        live (which must all differ)."""
        comments = sorted(t for t in self.related(self.main_part_name, RT.COMMENTS) if t in self._blobs)
        return self.story_parts() + comments

    # ---------------------------------------------------------------------------------------------- writing
    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        written = set()
        with zipfile.ZipFile(buf, "w") as out:
            order = [i.filename for i in self._infos] + [n for n in self._blobs if n not in
                                                        {i.filename for i in self._infos}]
            compress = {i.filename: i.compress_type for i in self._infos}
            for name in order:
                if name in written or name not in self._blobs:
                    continue
                written.add(name)
                info = zipfile.ZipInfo(name, ZIP_DATE)
                info.compress_type = compress.get(name, zipfile.ZIP_DEFLATED)
                info.external_attr = 0o644 << 16
                out.writestr(info, self.blob(name), compresslevel=ZIP_LEVEL)
        return buf.getvalue()

    def save(self, path: Path | str) -> None:
        write_atomic(Path(path), self.to_bytes())


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip (e.g. python-docx's output) with fixed timestamps, so equal content gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            out.writestr(fixed, src.read(info))
    return buf.getvalue()
