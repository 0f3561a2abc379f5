"""The DOCX zip package: safe reading, parts parsed on demand, deterministic writing.

Parts we never parse are written back byte for byte, in their original order and compression.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from ..errors import DocumentError
from ..files import write_atomic
from .ns import CT_NS, REL_NS, RT

#: Limits against zip bombs: total uncompressed size, one part's size, and a part's compression ratio.
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_PART_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200
#: Fixed timestamp for every zip entry, so the same input gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                          remove_blank_text=False)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def parse_xml(data: bytes, where: str) -> etree._Element:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise DocumentError(f"{where}: XML declares a DTD or entities, which a DOCX part never needs; refusing it")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"{where}: malformed XML: {exc}") from None


def serialize_xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class Package:
    """A DOCX opened for editing: `part(name)` gives a parsed part; `save` writes every part back."""

    def __init__(self, path: Path | str, blobs: dict[str, bytes], infos: list[zipfile.ZipInfo]):
        self.path = Path(path)
        self._blobs = blobs
        self._infos = infos
        self._trees: dict[str, etree._Element] = {}

    # ---------------------------------------------------------------------------------------------- reading
    @classmethod
    def open(cls, path: Path | str) -> "Package":
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise DocumentError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise DocumentError(f"{path}: is a folder, not a DOCX file") from None
        except OSError as exc:
            raise DocumentError(f"{path}: cannot read: {exc.strerror or exc}") from None
        return cls.from_bytes(data, path)

    @classmethod
    def from_bytes(cls, data: bytes, path: Path | str = "<bytes>") -> "Package":
        if not data:
            raise DocumentError(f"{path}: the file is empty")
        if data.startswith(OLE_MAGIC):
            if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
                raise DocumentError(f"{path}: the DOCX is password-protected (encrypted); save an unprotected copy")
            raise DocumentError(f"{path}: a legacy Word .doc (OLE) file, not a DOCX; save it as .docx first")
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise DocumentError(f"{path}: not a DOCX file (not a zip archive, or a truncated one)") from None
        blobs: dict[str, bytes] = {}
        infos = zf.infolist()
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            if info.file_size > MAX_PART_BYTES or (
                    info.compress_size and info.file_size / info.compress_size > MAX_RATIO
                    and info.file_size > 10 * 1024 * 1024):
                raise DocumentError(f"{path}: part {info.filename} expands to {info.file_size} bytes; "
                                    f"refusing a possible zip bomb")
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise DocumentError(f"{path}: the package expands beyond {MAX_TOTAL_BYTES} bytes; "
                                    f"refusing a possible zip bomb")
            try:
                blob = zf.read(info)
            except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
                raise DocumentError(f"{path}: damaged zip entry {info.filename}: {exc}") from None
            if len(blob) > MAX_PART_BYTES:
                raise DocumentError(f"{path}: part {info.filename} is too large; refusing a possible zip bomb")
            blobs[info.filename] = blob
        pkg = cls(path, blobs, [i for i in infos if not i.is_dir()])
        if "[Content_Types].xml" not in blobs:
            raise DocumentError(f"{path}: not a DOCX package ([Content_Types].xml is missing)")
        main = pkg.main_part_name
        if main not in blobs:
            raise DocumentError(f"{path}: not a Word document ({main} is missing)")
        pkg.part(main)  # parse now, so malformed XML is reported before any work
        return pkg

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
                out.writestr(info, self.blob(name))
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
