"""Independent readers of a DOCX with tracked changes, for the end-to-end tests.

None of this uses counterdraft: a redline is judged by pandoc and LibreOffice (the text after accept-all and
reject-all), by the ISO/IEC 29500 Transitional schemas, and by a lint of the revision markup written here from
the specification, so a bug in counterdraft's reading cannot hide the same bug in its writing.

    normalise(text)              the text form every comparison uses
    pandoc_text(path, mode)      pandoc's text after --track-changes=accept|reject|all
    lo_texts(path)               LibreOffice's {'accept': text, 'reject': text}; lo_texts_many() for a batch
    lo_available()               whether lo_texts() can run (lo_missing_reason() says why not)
    validate_docx(path)          schema errors, [] when valid
    lint_revisions(path)         structural errors of revisions and comments, [] when clean
    revisions(path)              the revision elements, as dicts
    comments(path)               the comments with their anchored text, as dicts
"""
from __future__ import annotations

import collections
import datetime
import difflib
import functools
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
SCHEMA_DIR = HERE / "schemas"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


def _w(local: str) -> str:
    return "{%s}%s" % (W, local)


# --------------------------------------------------------------------------------------------------------------
# normalisation
# --------------------------------------------------------------------------------------------------------------

# LibreOffice writes list labels as text, pandoc does not; both readers drop them. Multi-level numbers without a
# final dot ("1.2") count too, and "o" is Word's default second-level bullet.
_LIST_LABEL = re.compile(
    r"^(?:\d+(?:\.\d+)*[.)]|\d+(?:\.\d+)+|\(?[a-zA-Z][.)]|\(?[ivxlcdmIVXLCDM]+[.)]|\(\d+\)"
    r"|[\u2022\u25e6\u25aa\u25cf\u25a0\u2023\u2043\u2013\u00b7\uf0b7\uf0a7\uf0d8*o-])\s+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c]")


def normalise(text: str, strip_labels: bool = True) -> str:
    """NFC, one line per paragraph, whitespace runs as one space, no empty lines, no list labels."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    lines = []
    for line in _LINE_BREAKS.split(text):
        line = re.sub(r"\s+", " ", line).strip()  # \s covers NBSP and TAB
        if strip_labels:
            line = _LIST_LABEL.sub("", line, count=1).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------------------
# pandoc
# --------------------------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def pandoc_path() -> str:
    """pypandoc-binary's pandoc (a test dependency, so the same version everywhere), else pandoc on PATH."""
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if found is None:
            raise RuntimeError("pandoc not found: pip install pypandoc-binary, or install pandoc") from None
        return found


def pandoc_text(path, mode: str | None = None, *, strip_labels: bool = True) -> str:
    """Normalised text as pandoc reads the DOCX; mode None is pandoc's default (accept)."""
    if mode not in (None, "accept", "reject", "all"):
        raise ValueError("mode must be None, 'accept', 'reject' or 'all', not %r" % (mode,))
    cmd = [pandoc_path(), "-f", "docx", "-t", "json", str(path)]
    if mode is not None:
        cmd.insert(1, "--track-changes=" + mode)
    run = subprocess.run(cmd, capture_output=True, timeout=120)
    if run.returncode != 0:
        raise RuntimeError("pandoc failed on %s: %s" % (path, run.stderr.decode("utf-8", "replace")[-2000:]))
    doc = json.loads(run.stdout)
    lines: list[str] = []
    # pandoc lifts leading Title/Subtitle/Author/Date/Abstract paragraphs into metadata: put them back in front.
    meta = doc.get("meta", {})
    for key in ("title", "subtitle", "author", "date", "abstract"):
        _meta_lines(meta.get(key), lines)
    _blocks(doc["blocks"], lines)
    return normalise("\n".join(lines), strip_labels)


def _inline_text(inlines) -> str:
    buf: list[str] = []
    _inlines(inlines, buf)
    return "".join(buf)


def _inlines(inlines, buf: list[str]) -> None:
    for x in inlines:
        t, c = x["t"], x.get("c")
        if t == "Str":
            buf.append(c)
        elif t in ("Space", "SoftBreak"):
            buf.append(" ")
        elif t == "LineBreak":
            buf.append("\n")
        elif t in ("Emph", "Strong", "Strikeout", "Superscript", "Subscript", "SmallCaps", "Underline"):
            _inlines(c, buf)
        elif t == "Quoted":
            quote = '"' if c[0]["t"] == "DoubleQuote" else "'"
            buf.append(quote)
            _inlines(c[1], buf)
            buf.append(quote)
        elif t == "Cite":
            _inlines(c[1], buf)
        elif t in ("Code", "Math"):
            buf.append(c[1])
        elif t == "Link":
            _inlines(c[1], buf)
        elif t == "Span":
            # With --track-changes=all a comment's body rides in a "comment-start" span: not document text.
            if "comment-start" not in c[0][1]:
                _inlines(c[1], buf)
        # Image (alt text), Note (footnote bodies) and RawInline are not part of the text flow: LibreOffice's
        # text export leaves them out as well.


def _blocks(blocks, lines: list[str]) -> None:
    for b in blocks:
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain"):
            lines.append(_inline_text(c))
        elif t == "LineBlock":
            lines.extend(_inline_text(line) for line in c)
        elif t == "Header":
            lines.append(_inline_text(c[2]))
        elif t in ("CodeBlock", "RawBlock"):
            lines.append(c[1])
        elif t == "BlockQuote":
            _blocks(c, lines)
        elif t == "OrderedList":
            for item in c[1]:
                _blocks(item, lines)
        elif t == "BulletList":
            for item in c:
                _blocks(item, lines)
        elif t == "DefinitionList":
            for term, definitions in c:
                lines.append(_inline_text(term))
                for d in definitions:
                    _blocks(d, lines)
        elif t == "Div":
            _blocks(c[1], lines)
        elif t == "Figure":
            _blocks(c[2], lines)
            _blocks(c[1][1], lines)
        elif t == "Table":
            _attr, _caption, _cols, head, bodies, foot = c
            rows = list(head[1])
            for body in bodies:
                rows += list(body[2]) + list(body[3])
            rows += list(foot[1])
            for row in rows:
                for cell in row[1]:
                    _blocks(cell[4], lines)


def _meta_lines(value, lines: list[str]) -> None:
    if not value:
        return
    t, c = value["t"], value.get("c")
    if t == "MetaInlines":
        lines.append(_inline_text(c))
    elif t == "MetaBlocks":
        _blocks(c, lines)
    elif t == "MetaList":
        for item in c:
            _meta_lines(item, lines)
    elif t == "MetaString":
        lines.append(c)


# --------------------------------------------------------------------------------------------------------------
# LibreOffice
# --------------------------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def uno_python() -> str | None:
    """A Python interpreter that can import LibreOffice's `uno` module ($LO_PYTHON first)."""
    for candidate in (os.environ.get("LO_PYTHON"), sys.executable, "/usr/bin/python3"):
        if candidate and os.path.exists(candidate):
            probe = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=60)
            if probe.returncode == 0:
                return candidate
    return None


def lo_missing_reason() -> str | None:
    """Why lo_texts() cannot run here, or None when it can."""
    soffice = os.environ.get("SOFFICE", "soffice")
    if shutil.which(soffice) is None:
        return "LibreOffice (%s) is not installed: apt-get install libreoffice-writer" % soffice
    if uno_python() is None:
        return "no Python can import LibreOffice's uno module: apt-get install python3-uno"
    return None


def lo_available() -> bool:
    return lo_missing_reason() is None


def lo_texts(path, *, strip_labels: bool = True) -> dict[str, str]:
    """Normalised text after LibreOffice's Accept All and Reject All: {'accept': ..., 'reject': ...}."""
    return lo_texts_many([path], strip_labels=strip_labels)[0]


def lo_texts_many(paths, *, strip_labels: bool = True) -> list[dict[str, str]]:
    """lo_texts() of several files with one LibreOffice start (a start costs seconds)."""
    paths = [Path(p).resolve() for p in paths]
    reason = lo_missing_reason()
    if reason:
        raise RuntimeError(reason)
    with tempfile.TemporaryDirectory(prefix="counterdraft_lo_out_") as out:
        for _attempt in range(2):  # a soffice that dies starting up (it happens on a loaded machine) gets one retry
            # lo_resolve.py stops itself (and soffice) well before this timeout.
            run = subprocess.run([uno_python(), str(HERE / "lo_resolve.py"), out, *map(str, paths)],
                                 capture_output=True, text=True, timeout=240 + 60 * len(paths))
            if run.returncode == 0:
                break
        else:
            raise RuntimeError("LibreOffice run failed twice: " + (run.stderr or run.stdout)[-2000:])
        report = json.loads(run.stdout.strip().splitlines()[-1])
        texts = []
        for path, result in zip(paths, report["files"], strict=True):
            if "error" in result:
                raise RuntimeError("LibreOffice failed on %s: %s" % (path, result["error"]))
            entry = {}
            for mode in ("accept", "reject"):
                if result[mode]["redlines_after"]:
                    raise RuntimeError("LibreOffice left %d tracked change(s) in %s after %s-all"
                                       % (result[mode]["redlines_after"], path, mode))
                entry[mode] = _without_run_date(normalise(
                    Path(result[mode]["text"]).read_text(encoding="utf-8-sig"), strip_labels))
            texts.append(entry)
        return texts


def _without_run_date(text: str) -> str:
    """The text with today's date (and yesterday's, for a run over midnight) in LibreOffice's numeric forms
    replaced by a placeholder. LibreOffice computes a DATE field when it loads the file, and the same field has been
    seen to read "11/27/26" in one document and "27/11/2026" in the other under load (RP019, whose field code is
    itself a tracked change): the date a test runs on is not part of what it checks."""
    for day in (datetime.date.today(), datetime.date.today() - datetime.timedelta(days=1)):
        d, m, y = day.day, day.month, day.year
        forms = {f"{m}/{d}/{y % 100:02d}", f"{m:02d}/{d:02d}/{y % 100:02d}", f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}",
                 f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y % 100:02d}", f"{d:02d}/{m:02d}/{y % 100:02d}",
                 f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}"}
        for form in sorted(forms, key=len, reverse=True):
            text = re.sub(r"(?<![\d/.-])" + re.escape(form) + r"(?![\d/-]|\.\d)", "<run date>", text)
    return text


# --------------------------------------------------------------------------------------------------------------
# package reading and Markup Compatibility
# --------------------------------------------------------------------------------------------------------------

# Namespaces an ISO/IEC 29500 Transitional consumer understands; anything else is foreign.
UNDERSTOOD = {
    W,
    MC,
    "http://www.w3.org/XML/1998/namespace",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas",
    "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
    "urn:schemas-microsoft-com:vml",
    "urn:schemas-microsoft-com:office:office",
    "urn:schemas-microsoft-com:office:word",
}


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _prefix_namespaces(el, prefixes: str | None) -> set[str]:
    return {el.nsmap[p] for p in (prefixes or "").split() if p in el.nsmap}


def mce_preprocess(root):
    """A copy of the part as a Transitional consumer sees it (ISO/IEC 29500-3, the parts Word uses).

    mc:AlternateContent becomes its first understood mc:Choice, else its mc:Fallback; elements and attributes
    in mc:Ignorable namespaces go (mc:ProcessContent elements are unwrapped); mc: attributes go. A foreign
    namespace that is not declared ignorable stays, so the schema reports it.
    """
    root = etree.fromstring(etree.tostring(root))
    ignorable: set[str] = set()
    process: set[tuple[str, str]] = set()
    for el in root.iter(etree.Element):
        ignorable |= _prefix_namespaces(el, el.get("{%s}Ignorable" % MC))
        for qname in (el.get("{%s}ProcessContent" % MC) or "").split():
            prefix, _, local = qname.partition(":")
            if prefix in el.nsmap:
                process.add((el.nsmap[prefix], local))
    ignorable -= UNDERSTOOD

    for ac in list(root.iter("{%s}AlternateContent" % MC)):
        chosen = None
        for branch in ac:
            if branch.tag == "{%s}Choice" % MC:
                required = _prefix_namespaces(branch, branch.get("Requires"))
                if required and required <= UNDERSTOOD:
                    chosen = branch
                    break
            elif branch.tag == "{%s}Fallback" % MC:
                chosen = branch
                break
        _replace_with_children(ac, chosen)

    for el in list(root.iter(etree.Element)):
        for name in list(el.attrib):
            if _ns(name) in ignorable or _ns(name) == MC:
                del el.attrib[name]
        if el is not root and _ns(el.tag) in ignorable and el.getparent() is not None:
            keep = el if (_ns(el.tag), etree.QName(el).localname) in process else None
            _replace_with_children(el, keep)
    etree.cleanup_namespaces(root)
    return root


def _replace_with_children(el, source) -> None:
    """Put source's children where el is (none when source is None) and drop el."""
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    for offset, kid in enumerate(list(source) if source is not None else []):
        parent.insert(index + offset, kid)
    parent.remove(el)


class _Package:
    """The parts of a DOCX zip as lxml trees, read once."""

    def __init__(self, path):
        self.path = Path(path)
        self.errors: list[str] = []
        self.xml: dict[str, etree._Element] = {}
        with zipfile.ZipFile(self.path) as z:
            self.names = set(z.namelist())
            for name in sorted(self.names):
                if name.endswith((".xml", ".rels")):
                    try:
                        self.xml[name] = etree.fromstring(z.read(name))
                    except etree.XMLSyntaxError as exc:
                        self.errors.append("%s: not well-formed XML: %s" % (name, exc))

    def rels(self, part: str) -> list[tuple[str, str, str]]:
        """(type, resolved target, target mode) of the relationships of part ('' = the package)."""
        directory, base = posixpath.split(part)
        root = self.xml.get(posixpath.join(directory, "_rels", base + ".rels"))
        out = []
        for rel in root if root is not None else []:
            target, mode = rel.get("Target", ""), rel.get("TargetMode", "Internal")
            if mode != "External":
                target = target.lstrip("/") if target.startswith("/") else \
                    posixpath.normpath(posixpath.join(directory, target))
            out.append((rel.get("Type"), target, mode))
        return out

    @functools.cached_property
    def main_part(self) -> str:
        for typ, target, _ in self.rels(""):
            if typ == RT_OFFICE_DOCUMENT:
                return target
        return "word/document.xml"

    @functools.cached_property
    def content_types(self) -> dict[str, str]:
        """Override content types by part name (no leading slash)."""
        root = self.xml.get("[Content_Types].xml")
        return {} if root is None else {
            o.get("PartName", "").lstrip("/"): o.get("ContentType") for o in root.iter("{%s}Override" % CT)}

    @functools.cached_property
    def stories(self) -> dict[str, etree._Element]:
        """Main document first, then headers, footers, notes, comments: MCE-resolved."""
        found = {}
        for name, root in self.xml.items():
            q = etree.QName(root)
            if q.namespace == W and q.localname in STORY_ROOTS:
                found[name] = mce_preprocess(root)
        return dict(sorted(found.items(), key=lambda kv: (kv[0] != self.main_part, kv[0])))

    @functools.cached_property
    def comment_parts(self) -> list[str]:
        return [n for n, r in self.stories.items() if r.tag == _w("comments")]


STORY_ROOTS = {"document", "hdr", "ftr", "footnotes", "endnotes", "comments"}


# --------------------------------------------------------------------------------------------------------------
# schema validation
# --------------------------------------------------------------------------------------------------------------

# Schema errors in files Word opens without complaint. python-docx's default template writes <w:zoom
# w:val="bestFit"/> without the w:percent that CT_Zoom requires.
KNOWN_BENIGN = [
    re.compile(r"^word/settings\.xml: line \d+: Element '\{%s\}zoom': The attribute '\{%s\}percent' is required"
               % (re.escape(W), re.escape(W))),
]

_SCHEMA_FOR_NAMESPACE = {
    W: "wml.xsd",
    CT: "opc-contentTypes.xsd",
    PKG_RELS: "opc-relationships.xsd",
}

_XML_NS_IMPORT = re.compile(
    rb'<(xsd?):import\s+(?:id="xml"\s+)?namespace="http://www.w3.org/XML/1998/namespace"\s*/>')


class _SchemaResolver(etree.Resolver):
    """Serves the copies in tests/schemas, pointing bare imports of the xml: namespace at our xml.xsd."""

    def resolve(self, url, pubid, context):
        path = SCHEMA_DIR / url.rsplit("/", 1)[-1]
        if not path.is_file():
            return None
        data = _XML_NS_IMPORT.sub(
            rb'<\1:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>',
            path.read_bytes())
        return self.resolve_string(data, context, base_url=path.as_uri())


@functools.lru_cache(maxsize=None)
def _schema(name: str) -> etree.XMLSchema:
    parser = etree.XMLParser()
    parser.resolvers.add(_SchemaResolver())
    # Through the resolver for the top document too, so its xml: import is patched as well.
    return etree.XMLSchema(etree.parse("file:///counterdraft-schemas/" + name, parser))


def validate_docx(path, *, allow=KNOWN_BENIGN) -> list[str]:
    """Schema errors ("part: line N: message") of every WordprocessingML part, [Content_Types].xml and the
    .rels parts, after Markup Compatibility processing; errors matching a pattern in allow are dropped."""
    package = _Package(path)
    errors = list(package.errors)
    for name, root in sorted(package.xml.items()):
        xsd = _SCHEMA_FOR_NAMESPACE.get(etree.QName(root).namespace)
        if xsd is None:
            continue  # theme, docProps, customXml, w14/w15 parts: no schema here
        schema = _schema(xsd)
        if not schema.validate(mce_preprocess(root)):
            for e in schema.error_log:
                message = "%s: line %d: %s" % (name, e.line, e.message)
                if not any(rx.search(message) for rx in allow):
                    errors.append(message)
    return errors


# --------------------------------------------------------------------------------------------------------------
# revisions, comments, lint
# --------------------------------------------------------------------------------------------------------------

# Elements that carry a revision w:id (one id space for the whole document).
REVISION_TAGS = {
    "ins", "del", "moveFrom", "moveTo", "cellIns", "cellDel", "cellMerge",
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange",
    "tblGridChange", "numberingChange",
    "moveFromRangeStart", "moveToRangeStart", "customXmlInsRangeStart", "customXmlDelRangeStart",
    "customXmlMoveFromRangeStart", "customXmlMoveToRangeStart",
}
# CT_Markup (id only): every other revision element is a CT_TrackChange and needs w:author.
_NO_AUTHOR = {"tblGridChange"}
_RANGE_STARTS = {t for t in REVISION_TAGS if t.endswith("RangeStart")}
_DELETED_FORM = {"t": "delText", "instrText": "delInstrText"}
_DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


def _local(el) -> str | None:
    return el.tag[len(W) + 2:] if isinstance(el.tag, str) and el.tag.startswith("{%s}" % W) else None


def _nearest(el, names: set[str], stop: str = "p"):
    """The closest ancestor named in names, not looking past the enclosing w:<stop>."""
    a = el.getparent()
    while a is not None:
        local = _local(a)
        if local in names:
            return a
        if local == stop:
            return None
        a = a.getparent()
    return None


def _scope(el) -> str:
    local, parent = _local(el), _local(el.getparent())
    if local.endswith("Change"):
        return "property"
    if local.startswith("cell"):
        return "cell"
    if parent == "rPr" and _local(el.getparent().getparent()) == "pPr":
        return "paragraph"
    if parent == "trPr":
        return "row"
    return "content"


def _run_text(el) -> str:
    """Visible text under el: w:t and w:delText, tabs and breaks (field codes are not text)."""
    out = []
    for node in el.iter(_w("t"), _w("delText"), _w("tab"), _w("br"), _w("cr"), _w("p")):
        local = _local(node)
        if local in ("t", "delText"):
            out.append(node.text or "")
        elif local == "tab" and _local(node.getparent()) == "r":
            out.append("\t")
        elif local in ("br", "cr"):
            out.append("\n")
        elif local == "p" and node is not el and out:
            out.append("\n")
    return "".join(out)


def revisions(path) -> list[dict]:
    """Every revision in the stories, in document order (main document first).

    Keys: kind (element name: ins, del, moveFrom, rPrChange ...), id, author, date (str or None), text (the
    inserted/deleted text, '' for property changes), scope ('content', 'paragraph' for a paragraph mark, 'row',
    'cell', 'property'), part.
    """
    out = []
    for part, root in _Package(path).stories.items():
        for el in root.iter(etree.Element):
            kind = _local(el)
            if kind in REVISION_TAGS and kind not in _RANGE_STARTS:
                scope = _scope(el)
                out.append({"kind": kind, "id": el.get(_w("id")), "author": el.get(_w("author")),
                            "date": el.get(_w("date")), "text": _run_text(el) if scope == "content" else "",
                            "scope": scope, "part": part})
    return out


def comments(path) -> list[dict]:
    """Every comment, in the order of the comments part.

    Keys: id, author, initials, date, text (the comment's paragraphs, one per line), anchor (the text between
    its commentRangeStart and commentRangeEnd, inserted and deleted text alike, '' without a range).
    """
    package = _Package(path)
    anchors = _comment_anchors(package)
    out = []
    for part in package.comment_parts:
        for c in package.stories[part].iter(_w("comment")):
            cid = c.get(_w("id"))
            out.append({"id": cid, "author": c.get(_w("author")), "initials": c.get(_w("initials")),
                        "date": c.get(_w("date")),
                        "text": "\n".join(_run_text(p) for p in c.iter(_w("p"))),
                        "anchor": anchors.get(cid, "").strip("\n")})
    return out


def _comment_anchors(package: _Package) -> dict[str, str]:
    texts: dict[str, list[str]] = collections.defaultdict(list)
    for part, root in package.stories.items():
        if part in package.comment_parts:
            continue
        open_ids: set[str] = set()
        for event, el in etree.iterwalk(root, events=("start", "end")):
            local = _local(el)
            if event == "start" and local == "commentRangeStart":
                open_ids.add(el.get(_w("id")))
            elif event == "start" and local == "commentRangeEnd":
                open_ids.discard(el.get(_w("id")))
            elif event == "start" and local in ("t", "delText"):
                for cid in open_ids:
                    texts[cid].append(el.text or "")
            elif event == "start" and local == "tab" and _local(el.getparent()) == "r":
                for cid in open_ids:
                    texts[cid].append("\t")
            elif event == "end" and local == "p":
                for cid in open_ids:
                    texts[cid].append("\n")
    return {cid: "".join(parts) for cid, parts in texts.items()}


def lint_revisions(path) -> list[str]:
    """Structural errors of the revision and comment markup that Word may refuse or silently mangle."""
    package = _Package(path)
    errors = list(package.errors)
    stories = package.stories
    if package.main_part not in stories:
        return errors + ["main document part %s is missing" % package.main_part]

    ids: dict[str, list[str]] = collections.defaultdict(list)
    for part, root in stories.items():
        for el in root.iter(etree.Element):
            local = _local(el)
            if local in REVISION_TAGS:
                rid = el.get(_w("id"))
                where = "%s: w:%s w:id=%s" % (part, local, rid)
                if rid is None:
                    errors.append("%s: w:%s without w:id" % (part, local))
                else:
                    ids[rid].append("w:%s in %s" % (local, part))
                if local not in _NO_AUTHOR and not el.get(_w("author")):
                    errors.append(where + " has no w:author")
                date = el.get(_w("date"))
                if date is not None and not _DATE.match(date):
                    errors.append("%s has a bad w:date %r (want YYYY-MM-DDThh:mm:ssZ)" % (where, date))
            if local in ("ins", "del") and _scope(el) == "content" and _nearest(el, {local}) is not None:
                errors.append("%s: w:%s w:id=%s nested in another w:%s" % (part, local, el.get(_w("id")), local))
            if local in ("t", "instrText") and _nearest(el, {"del"}) is not None:
                errors.append("%s: w:%s %r inside w:del (must be w:%s)"
                              % (part, local, (el.text or "")[:40], _DELETED_FORM[local]))
            if local in ("delText", "delInstrText") and _nearest(el, {"del", "moveFrom"}) is None:
                errors.append("%s: w:%s %r outside w:del" % (part, local, (el.text or "")[:40]))
    for rid, places in ids.items():
        if len(places) > 1:
            errors.append("duplicate revision w:id=%s: %s" % (rid, ", ".join(places)))

    errors += _lint_comments(package)
    return errors


def _lint_comments(package: _Package) -> list[str]:
    errors = []
    comment_ids: list[str] = []
    for part in package.comment_parts:
        comment_ids += [c.get(_w("id")) for c in package.stories[part].iter(_w("comment"))]
    for cid, n in collections.Counter(comment_ids).items():
        if n > 1:
            errors.append("duplicate w:comment w:id=%s" % cid)
    known = set(comment_ids)

    marks: dict[str, dict[str, list]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for part, root in package.stories.items():
        if part in package.comment_parts:
            continue
        for position, el in enumerate(root.iter(_w("commentRangeStart"), _w("commentRangeEnd"),
                                                _w("commentReference"))):
            marks[el.get(_w("id"))][_local(el)].append((part, position))
    for cid, found in sorted(marks.items(), key=lambda kv: str(kv[0])):
        starts, ends, refs = found["commentRangeStart"], found["commentRangeEnd"], found["commentReference"]
        if cid not in known:
            what = "w:commentReference" if refs else "w:commentRange"
            errors.append("%s w:id=%s has no w:comment" % (what, cid))
        if len(starts) != len(ends) or len(starts) > 1:
            errors.append("comment w:id=%s has %d commentRangeStart and %d commentRangeEnd"
                          % (cid, len(starts), len(ends)))
        elif starts and (starts[0][0] != ends[0][0] or starts[0][1] > ends[0][1]):
            errors.append("comment w:id=%s: commentRangeEnd comes before its commentRangeStart" % cid)
        if len(refs) > 1:
            errors.append("comment w:id=%s has %d w:commentReference" % (cid, len(refs)))
    for cid in sorted(known - set(marks), key=str):
        errors.append("w:comment w:id=%s is never referenced from the document" % cid)

    targets = {t for typ, t, _ in package.rels(package.main_part) if typ == RT_COMMENTS}
    for t in sorted(targets - package.names):
        errors.append("comments relationship points at missing part %s" % t)
    for part in package.comment_parts:
        if part not in targets:
            errors.append("%s has no comments relationship from %s" % (part, package.main_part))
        if package.content_types.get(part) != CT_COMMENTS:
            errors.append("%s has content type %r, not %s" % (part, package.content_types.get(part), CT_COMMENTS))
    return errors


# --------------------------------------------------------------------------------------------------------------
# failure reports for tests that check many files at once
# --------------------------------------------------------------------------------------------------------------
def differ(expected: str, got: str) -> str:
    """The first lines of a unified diff of two texts, indented under a failure line."""
    lines = difflib.unified_diff(expected.splitlines(), got.splitlines(), "expected", "got", lineterm="", n=0)
    return "\n      ".join(list(lines)[2:10])


def report(failures: list[str]) -> str:
    return f"{len(failures)} failure(s):\n" + "\n".join(failures)
