"""Documents for the compare tests: revised twins of real DOCX files, and small generated ones.

Revised twins are the edits a person makes in Word with tracking off, chosen by a seed.

`make_twin(src, dst, seed)` writes a copy of `src` with word edits inside formatted runs (a word replaced, added
or removed in one w:t, the run and its properties kept), a table-cell edit, a paragraph inserted (its properties
copied from its neighbour) and a paragraph deleted. Comparing `src` with the twin must then give a redline whose
accept-all text is the twin's and whose reject-all text is the original's.

The twin never touches what the comparer must leave alone, for the same reason as the writer rule "an edit that
would overlap an existing revision is skipped": a person with tracking off who edits inside someone's tracked
change silently accepts or rewrites it, and no redline can say that. So:

- no edit inside existing tracked changes (w:ins, w:del, w:moveFrom, w:moveTo);
- no word edit in a paragraph holding a field (w:fldChar, w:fldSimple) or lying inside a field that spans
  paragraphs (a table of contents): field results are regenerated, not typed;
- no word edit in a text box (it is part of a drawing, which the comparer treats as one object), nor in a
  content control whose text is not free text: bound to data, showing its placeholder, or a plain-text, date,
  list or check box control (Word and LibreOffice refill or flatten those), nor in the first paragraph of a
  block-level content control, which LibreOffice 7.4 imports as a plain-text control, dropping any tracked
  change in it (its limitation: Word and pandoc read those redlines right, and tests/test_compare.py shows it);
- a deleted paragraph holds no revision, no field, no comment, note or section break, lies between two
  paragraphs whose marks are not revised, and never is the body's last;
- a paragraph is inserted after a paragraph whose mark is not revised and outside any open field, with that
  paragraph's properties and the "next" style of its style, as Word gives it on Enter (Title -> Normal), and
  never after a title, subtitle, author, date or abstract paragraph: pandoc lifts those into its metadata and
  keeps only the last of each, so it could not read back a document with two titles (nor a redline that has
  one, emptied, after rejection).
"""
from __future__ import annotations

import copy
import io
import random
import re
from pathlib import Path

import docx
from lxml import etree

import oracles
from counterdraft.compare import compare
from counterdraft.wordml.ns import RT, XML_SPACE, w
from counterdraft.wordml.package import Package
from counterdraft.wordml.resolve import accept_package, reject_package

REVISIONS = {w(t) for t in ("ins", "del", "moveFrom", "moveTo")}
_CHANGES = {w(t) for t in ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tcPrChange", "trPrChange",
                           "numberingChange", "cellIns", "cellDel", "cellMerge")}
_FIELDS = {w("fldChar"), w("fldSimple"), w("instrText")}
_NOT_TEXT = {w("txbxContent"), w("drawing"), w("pict"), w("object"),
             "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
_ANCHORED = {w(t) for t in ("commentRangeStart", "commentRangeEnd", "commentReference", "footnoteReference",
                            "endnoteReference", "moveFromRangeStart", "moveToRangeStart", "moveFromRangeEnd",
                            "moveToRangeEnd")}
#: sdtPr children of the controls whose text is not free text (see _flattened).
_TYPED_CONTROLS = {"dataBinding", "showingPlcHdr", "text", "date", "dropDownList", "comboBox", "checkbox", "picture",
                   "citation", "bibliography", "equation", "docPartList"}
WORD = re.compile(r"[A-Za-z]{3,}")
NUMBER = re.compile(r"\$?\d[\d,]*(?:\.\d+)?")
NEW_WORDS = ["alpha", "revised", "Zebra", "amended", "twelve", "notably", "Quorum"]
NEW_SENTENCES = ["A brand new paragraph inserted here.", "The parties further agree to review this annually.",
                 "Inserted: the Employee may work remotely two days a week."]


def make_twin(src: Path | str, dst: Path | str, seed: int) -> list[str]:
    """Write the revised twin of `src` to `dst`; returns what was edited, one line per edit."""
    rnd = random.Random(seed)
    pkg = Package.open(src)
    body = pkg.part(pkg.main_part_name).find(w("body"))
    open_fields = _paragraphs_in_open_fields(body)
    done: list[str] = []
    _delete_paragraph(body, rnd, open_fields, done)
    _word_edits(body, rnd, open_fields, done)
    _cell_edit(body, rnd, open_fields, done)
    _insert_paragraph(body, rnd, open_fields, *_styles(pkg), done)
    pkg.save(dst)
    return done


# ---------------------------------------------------------------------------------------------- eligibility
def _paragraph(el: etree._Element) -> etree._Element | None:
    return next(el.iterancestors(w("p")), None)


def _in_revision(el: etree._Element) -> bool:
    return any(a.tag in REVISIONS for a in el.iterancestors())


def _mark_revised(p: etree._Element) -> bool:
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    return rpr is not None and any(c.tag in REVISIONS for c in rpr)


def _has_field(p: etree._Element) -> bool:
    return any(True for _ in p.iter(*_FIELDS))


def _field_balance(p: etree._Element) -> int:
    n = 0
    for c in p.iter(w("fldChar")):
        kind = c.get(w("fldCharType"))
        n += 1 if kind == "begin" else -1 if kind == "end" else 0
    return n


def _paragraphs_in_open_fields(body: etree._Element) -> set[etree._Element]:
    """Paragraphs that start, or end, inside a complex field begun in an earlier paragraph."""
    inside, depth = set(), 0
    for p in body.iter(w("p")):
        if depth:
            inside.add(p)
        depth = max(0, depth + _field_balance(p))
        if depth:
            inside.add(p)
    return inside


def _flattened(el: etree._Element) -> bool:
    """Inside a content control whose text Word or LibreOffice replace: one bound to data or showing its
    placeholder, a plain-text, date, list or check box control, or the first paragraph of a block-level control
    (LibreOffice 7.4 reads that paragraph as a plain-text control)."""
    p = el if el.tag == w("p") else _paragraph(el)
    for sdt in el.iterancestors(w("sdt")):
        pr = sdt.find(w("sdtPr"))
        if pr is not None and any(etree.QName(c).localname in _TYPED_CONTROLS for c in pr):
            return True
        if p is not None and any(a is sdt for a in p.iterancestors()) and next(sdt.iter(w("p"))) is p:
            return True
    return False


def _referenced(body: etree._Element) -> set[etree._Element]:
    """The paragraphs holding a bookmark that a field refers to ("Section 4.1" from REF _DV_M166 \\n). LibreOffice drops
    a collapsed bookmark where a tracked deletion starts when it accepts it, and then shows "Error: Reference source
    not found" (NVCA's "Right to Convert." after deleting "Right"); Word keeps the bookmark. Twins leave those
    paragraphs' words alone, so the corpus comparison tests the redline, not that reader."""
    instructions = " ".join([i.text or "" for i in body.iter(w("instrText"))] +
                            [f.get(w("instr"), "") for f in body.iter(w("fldSimple"))])
    names = set(re.findall(r"\b(?:REF|PAGEREF|NOTEREF)\s+(\S+)", instructions))
    return {p for b in body.iter(w("bookmarkStart")) if b.get(w("name")) in names
            for p in [_paragraph(b)] if p is not None}


def _editable_texts(body: etree._Element, open_fields) -> list[etree._Element]:
    out = []
    referenced = _referenced(body)
    for t in body.iter(w("t")):
        p = _paragraph(t)
        if (p is None or p in open_fields or p in referenced or not (t.text or "").strip()
                or t.getparent().tag != w("r") or _in_revision(t) or _has_field(p) or _flattened(t)
                or any(a.tag in _NOT_TEXT for a in t.iterancestors())):
            continue
        out.append(t)
    return out


def _formatted(t: etree._Element) -> bool:
    rpr = t.getparent().find(w("rPr"))
    return rpr is not None and any(c.tag not in REVISIONS and c.tag not in _CHANGES for c in rpr)


def _in_cell(el: etree._Element) -> bool:
    return any(a.tag == w("tc") for a in el.iterancestors())


def _set_text(t: etree._Element, text: str) -> None:
    """Edit t's text as Word would: whitespace Word ignored at its ends (no xml:space="preserve") stays ignored."""
    old = t.text or ""
    t.text = text
    same_ends = (len(old) - len(old.lstrip()), len(old) - len(old.rstrip())) == \
        (len(text) - len(text.lstrip()), len(text) - len(text.rstrip()))
    if text != text.strip() and not (t.get(XML_SPACE) != "preserve" and same_ends and old.strip()):
        t.set(XML_SPACE, "preserve")


# ---------------------------------------------------------------------------------------------- edits
def _edit_word(t: etree._Element, rnd: random.Random) -> str | None:
    """Replace, add or remove one word (or change one number) of t's text; None when t has no word."""
    text = t.text or ""
    numbers = list(NUMBER.finditer(text))
    words = list(WORD.finditer(text))
    kinds = ["replace", "insert"] + (["delete"] if len(words) > 1 else []) + (["number"] if numbers else [])
    if not words and not numbers:
        return None
    kind = rnd.choice(kinds) if words else "number"
    if kind == "number":
        m = rnd.choice(numbers)
        old = m.group()
        i = next(n for n, c in enumerate(old) if c.isdigit())
        new = old[:i] + str((int(old[i]) + 1) % 10) + old[i + 1:]  # "$1,500,000" -> "$2,500,000"
        _set_text(t, text[:m.start()] + new + text[m.end():])
        return f"number {old!r} -> {new!r}"
    m = rnd.choice(words)
    new = rnd.choice([x for x in NEW_WORDS if x != m.group()])
    if kind == "replace":
        _set_text(t, text[:m.start()] + new + text[m.end():])
        return f"replace {m.group()!r} -> {new!r}"
    if kind == "insert":
        _set_text(t, text[:m.end()] + " " + new + text[m.end():])
        return f"insert {new!r} after {m.group()!r}"
    # delete the word with one space next to it, so the words around it stay apart
    a, b = m.start(), m.end()
    if b < len(text) and text[b] == " ":
        b += 1
    elif a > 0 and text[a - 1] == " ":
        a -= 1
    _set_text(t, text[:a] + text[b:])
    return f"delete {m.group()!r}"


def _word_edits(body, rnd, open_fields, done: list[str]) -> None:
    texts = [t for t in _editable_texts(body, open_fields) if not _in_cell(t)]
    formatted = [t for t in texts if _formatted(t)]
    chosen = rnd.sample(formatted, min(2, len(formatted)))
    rest = [t for t in texts if t not in chosen]
    chosen += rnd.sample(rest, min(3 - len(chosen), len(rest)))
    for t in chosen:
        what = _edit_word(t, rnd)
        if what:
            done.append(f"word: {what}")


def _cell_edit(body, rnd, open_fields, done: list[str]) -> None:
    texts = [t for t in _editable_texts(body, open_fields) if _in_cell(t)]
    if texts:
        t = rnd.choice(texts)
        what = _edit_word(t, rnd)
        if what:
            done.append(f"cell: {what}")
            return
    # no text in any cell: type a word into an empty cell paragraph
    empty = [p for tc in body.iter(w("tc")) for p in tc.findall(w("p"))
             if not "".join(p.itertext()).strip() and not _has_field(p) and p not in open_fields and not _flattened(p)
             and not any(True for _ in p.iter(*REVISIONS))]
    if empty:
        p = rnd.choice(empty)
        r = etree.SubElement(p, w("r"))
        _set_text(etree.SubElement(r, w("t")), rnd.choice(NEW_WORDS))
        done.append("cell: typed into an empty cell")


def _clean_copy(props: etree._Element | None) -> etree._Element | None:
    """A copy of pPr or rPr without revision records or a section break."""
    if props is None:
        return None
    props = copy.deepcopy(props)
    for el in list(props.iter(*REVISIONS, *_CHANGES, w("sectPr"))):
        el.getparent().remove(el)
    return props


#: Paragraph styles pandoc lifts into the document's metadata, keeping only the last paragraph of each.
_METADATA_STYLES = {"title", "subtitle", "author", "date", "abstract"}


def _styles(pkg: Package) -> tuple[dict[str, str], set[str]]:
    """Paragraph style -> the style Word gives the paragraph typed after it (w:next: Title -> Normal), and the
    ids of the styles pandoc reads as metadata."""
    names = pkg.related(pkg.main_part_name, RT.STYLES)
    if not names or not pkg.has(names[0]):
        return {}, set()
    following, metadata = {}, set()
    for style in pkg.part(names[0]).iter(w("style")):
        sid, nxt, name = style.get(w("styleId")), style.find(w("next")), style.find(w("name"))
        if style.get(w("type")) != "paragraph" or not sid:
            continue
        if nxt is not None:
            following[sid] = nxt.get(w("val"))
        if name is not None and (name.get(w("val")) or "").lower() in _METADATA_STYLES:
            metadata.add(sid)
    return following, metadata


def _style(p: etree._Element) -> str | None:
    el = p.find(f"{w('pPr')}/{w('pStyle')}")
    return None if el is None else el.get(w("val"))


def _insert_paragraph(body, rnd, open_fields, next_styles: dict[str, str], metadata: set[str],
                      done: list[str]) -> None:
    anchors = [p for p in body.findall(w("p")) if not _mark_revised(p) and p not in open_fields
               and _field_balance(p) == 0 and _style(p) not in metadata]
    if not anchors:
        return
    anchor = rnd.choice(anchors)
    new = etree.Element(w("p"))
    ppr = _clean_copy(anchor.find(w("pPr")))
    if ppr is not None:
        # as Word does on Enter at the end of the anchor: its properties, the style turned into its "next" one
        style = ppr.find(w("pStyle"))
        if style is not None and next_styles.get(style.get(w("val")), style.get(w("val"))) != style.get(w("val")):
            style.set(w("val"), next_styles[style.get(w("val"))])
        new.append(ppr)
    run = etree.SubElement(new, w("r"))
    model = next((r for r in anchor.iter(w("r")) if r.find(w("t")) is not None and not _in_revision(r)), None)
    rpr = _clean_copy(model.find(w("rPr")) if model is not None else None)
    if rpr is not None and len(rpr):
        run.append(rpr)
    _set_text(etree.SubElement(run, w("t")), rnd.choice(NEW_SENTENCES))
    anchor.addnext(new)
    done.append(f"insert: a paragraph after {''.join(anchor.itertext())[:40]!r}")


def _deletable(p: etree._Element, open_fields) -> bool:
    """A paragraph a twin may delete. Not one that anchors a text box: pandoc's reject-all drops the text of a text
    box whose anchor run is deleted (test_compare.py shows it on HC031, strict xfail), so the corpus comparison
    would fail on pandoc, not on the redline, for the seeds that pick one."""
    prev, nxt = p.getprevious(), p.getnext()
    return (p not in open_fields and "".join(t.text or "" for t in p.iter(w("t"))).strip() != ""
            and not _has_field(p) and next(p.iter(w("txbxContent")), None) is None
            and not any(True for _ in p.iter(*REVISIONS, *_CHANGES, *_ANCHORED, w("sectPr")))
            and prev is not None and prev.tag == w("p") and not _mark_revised(prev)
            and nxt is not None and nxt.tag == w("p") and not _mark_revised(nxt))


def _delete_paragraph(body, rnd, open_fields, done: list[str]) -> None:
    candidates = [p for p in body.findall(w("p")) if _deletable(p, open_fields)]
    if not candidates:
        return
    victim = rnd.choice(candidates)
    done.append(f"delete: the paragraph {''.join(t.text or '' for t in victim.iter(w('t')))[:40]!r}")
    body.remove(victim)


# ---------------------------------------------------------------------------------------------- small documents
# The focused tests write their documents as WordprocessingML fragments (w: prefix) in a python-docx package.
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def p(*content: str, ppr: str = "") -> str:
    """A paragraph: runs and other content, with optional paragraph properties."""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(content)}</w:p>"


def r(text: str, rpr: str = "") -> str:
    """A run of text (tabs written as w:tab), with optional run properties such as "<w:b/><w:i/>"."""
    parts = []
    for n, piece in enumerate(text.split("\t")):
        if n:
            parts.append("<w:tab/>")
        if piece:
            parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{''.join(parts)}</w:r>"


def table(rows: list[list[str]]) -> str:
    """A table; each cell is paragraph XML, or plain text for one paragraph."""
    cols = max(len(row) for row in rows)
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(cols))
    body = "".join("<w:tr>" + "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{c if c.startswith("<") else p(r(c))}</w:tc>'
        for c in row) + "</w:tr>" for row in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fragment(xml: str) -> list[etree._Element]:
    root = etree.fromstring(f'<w:body xmlns:w="{W_NS}" xmlns:r="{_R_NS}">{xml}</w:body>')
    return list(root)


def make_docx(path: Path | str, body: str, header: str | None = None, footer: str | None = None,
              footnotes: dict[int, str] | None = None, comments: dict[int, str] | None = None) -> Path:
    """Write a python-docx document whose body, header and footer hold the given fragments, with footnotes
    {id: paragraphs} and comments {id: text} (the body anchors them by id)."""
    document = docx.Document()
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = "-"
    if footer is not None:
        section.footer.paragraphs[0].text = "-"
    if comments:
        document.add_comment(document.add_paragraph("-").runs, text="-", author="Reviewer", initials="R")
    buf = io.BytesIO()
    document.save(buf)
    pkg = Package.from_bytes(buf.getvalue(), path)
    main = pkg.main_part_name
    root = pkg.part(main).find(w("body"))
    for child in [c for c in root if c.tag != w("sectPr")]:
        root.remove(child)
    sect = root.find(w("sectPr"))
    for el in _fragment(body):
        sect.addprevious(el)
    for rel, xml in ((RT.HEADER, header), (RT.FOOTER, footer)):
        if xml is not None:
            part = pkg.part(pkg.related(main, rel)[0])
            del part[:]
            part.extend(_fragment(xml))
    if comments:
        part = pkg.part(pkg.related(main, RT.COMMENTS)[0])
        model = part[0]
        del part[:]
        for cid, text in comments.items():
            comment = copy.deepcopy(model)
            comment.set(w("id"), str(cid))
            del comment[:]
            comment.extend(_fragment(p(r(text))))
            part.append(comment)
    if footnotes is not None:
        notes = etree.Element(w("footnotes"), nsmap={"w": W_NS, "r": _R_NS})
        for nid, kind in ((-1, "separator"), (0, "continuationSeparator")):
            sep = etree.SubElement(notes, w("footnote"), {w("type"): kind, w("id"): str(nid)})
            sep.extend(_fragment(p(f"<w:r><w:{kind}/></w:r>")))
        for nid, xml in footnotes.items():
            etree.SubElement(notes, w("footnote"), {w("id"): str(nid)}).extend(_fragment(xml))
        pkg.add_part("word/footnotes.xml", notes, _FOOTNOTES_TYPE)
        pkg.add_relationship(main, _FOOTNOTES_REL, "word/footnotes.xml")
    pkg.save(path)
    return Path(path)


AUTHOR, DATE = "counterdraft", "2026-01-01T00:00:00Z"
#: Revision attributes of another author's earlier work.
BOB = 'w:author="Bob" w:date="2020-05-05T00:00:00Z"'


class Redline:
    """Two documents made by make_docx, compared, with the checks every redline must pass."""

    def __init__(self, folder: Path, original: dict, revised: dict):
        self.original = make_docx(folder / "original.docx", **original)
        self.revised = make_docx(folder / "revised.docx", **revised)
        self.path = folder / "redline.docx"
        self.result = compare(self.original, self.revised, self.path, author=AUTHOR, date=DATE)
        self.folder = folder

    def part(self, name: str = "word/document.xml") -> etree._Element:
        return Package.open(self.path).part(name)

    def resolved(self, mode: str, path: Path | None = None) -> Path:
        """Our accept-all or reject-all of the redline (or of `path`), saved beside it."""
        path = path or self.path
        pkg = Package.open(path)
        (accept_package if mode == "accept" else reject_package)(pkg)
        out = self.folder / f"{path.stem}.{mode}.docx"
        pkg.save(out)
        return out

    def check(self) -> None:
        """Accepted, the redline reads as the revised document; rejected, as the original (either may hold others'
        revisions, accepted and rejected too); nothing skipped. Our own accept and reject are held to our own
        reading of the two documents, as pandoc joins paragraphs around a rejected mark with a space, Word not."""
        assert self.result.messages == []
        revised, original = oracles.pandoc_text(self.revised, "accept"), oracles.pandoc_text(self.original, "reject")
        assert oracles.pandoc_text(self.path, "accept") == revised
        assert oracles.pandoc_text(self.path, "reject") == original
        assert oracles.pandoc_text(self.resolved("accept")) == oracles.pandoc_text(self.resolved("accept",
                                                                                                  self.revised))
        assert oracles.pandoc_text(self.resolved("reject")) == oracles.pandoc_text(self.resolved("reject",
                                                                                                  self.original))
        assert oracles.lint_revisions(self.path) == []
        assert oracles.validate_docx(self.path) == []


def ours(root: etree._Element, tag: str) -> list[etree._Element]:
    return [el for el in root.iter(w(tag)) if el.get(w("author")) == AUTHOR]
