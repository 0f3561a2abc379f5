"""Writing tracked changes: w:ins / w:del around runs, paragraph-mark revisions, inserted and deleted paragraphs.

Every change keeps the run properties of the text it touches, never nests a revision in another, and leaves
everything it does not touch (other authors' revisions, bookmarks, fields, hyperlinks) where it was.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from ..diffing import tokens
from .ns import W_NS, XML_SPACE, w
from .paragraph import AtomTable, ParagraphText, read_paragraph
from .schema import PPR_ORDER, in_schema_order, insert_ordered

_WRAPPERS = {w("ins"), w("del"), w("moveTo"), w("moveFrom")}
_INS = w("ins")
_P = w("p")
#: Containers of paragraphs (a paragraph never flows out of one).
_CONTAINERS = {w(t) for t in ("body", "tc", "txbxContent", "comment", "footnote", "endnote", "hdr", "ftr")}
#: Paragraph children that hold no text.
_NOT_CONTENT = {w("pPr"), w("bookmarkStart"), w("bookmarkEnd"), w("commentRangeStart"), w("commentRangeEnd"),
                w("proofErr"), w("permStart"), w("permEnd"), w("sdtPr"), w("sdtEndPr"), w("customXmlPr"),
                w("smartTagPr")}


class Skipped(Exception):
    """A change that cannot be made without touching someone else's revision; nothing was changed."""


@dataclass
class Hunk:
    """Replace characters [start, end) of a paragraph's text with `content` (start == end inserts)."""

    start: int
    end: int
    content: "Content"


@dataclass
class Content:
    """What an insertion writes: text runs with given run properties, or copies of whole runs (atoms)."""

    pieces: list[tuple[str, etree._Element | None] | etree._Element] = field(default_factory=list)

    @classmethod
    def text(cls, text: str, rpr: etree._Element | None = None) -> "Content":
        return cls([(text, rpr)] if text else [])

    @property
    def empty(self) -> bool:
        return not self.pieces

    @property
    def plain(self) -> str:
        return "".join(p[0] for p in self.pieces if isinstance(p, tuple))


_W_IDS = etree.XPath(".//@w:id | @w:id", namespaces={"w": W_NS})


class IdCounter:
    """One counter for every revision and comment id across all parts, starting above the largest id present."""

    def __init__(self, roots: list[etree._Element]):
        top = -1
        for root in roots:
            for value in _W_IDS(root):
                if value.lstrip("-").isdigit():
                    top = max(top, int(value))
        self._next = top + 1

    def __call__(self) -> str:
        value = self._next
        self._next += 1
        return str(value)


@dataclass
class Author:
    name: str
    date: str  # ISO 8601 with Z
    ids: IdCounter

    def revision(self, tag: str) -> etree._Element:
        return etree.Element(w(tag), {w("id"): self.ids(), w("author"): self.name, w("date"): self.date})


# ------------------------------------------------------------------------------------------------------------- runs
def _clean_rpr(rpr: etree._Element | None) -> etree._Element | None:
    """A copy of run properties fit for new text: earlier formatting revisions stay with their own runs."""
    if rpr is None:
        return None
    rpr = copy.deepcopy(rpr)
    for child in list(rpr):
        if child.tag in (w("rPrChange"), w("ins"), w("del"), w("moveFrom"), w("moveTo")):
            rpr.remove(child)
    return rpr


def set_text(t: etree._Element, text: str) -> None:
    t.text = text
    if text != text.strip() or "  " in text:
        t.set(XML_SPACE, "preserve")
    elif XML_SPACE in t.attrib:
        del t.attrib[XML_SPACE]


def new_run(text: str, rpr: etree._Element | None) -> etree._Element:
    """A run for `text`; tabs and line breaks become w:tab and w:br."""
    r = etree.Element(w("r"))
    rpr = _clean_rpr(rpr)
    if rpr is not None and len(rpr):
        r.append(rpr)
    buf = ""
    for ch in text:
        if ch in "\t\n":
            if buf:
                set_text(etree.SubElement(r, w("t")), buf)
                buf = ""
            etree.SubElement(r, w("tab" if ch == "\t" else "br"))
        else:
            buf += ch
    if buf:
        set_text(etree.SubElement(r, w("t")), buf)
    return r


def _split_run(run: etree._Element, child: etree._Element, k: int = 0) -> etree._Element | None:
    """Split `run` before its content child `child` (or inside that w:t, after k characters); the rest moves to a
    new run right after it, with the same properties. Returns the new run, or None when there was nothing
    before the split point."""
    rpr = run.find(w("rPr"))
    children = [c for c in run if c is not rpr]
    i = children.index(child)
    if i == 0 and not k:
        return None
    second = etree.Element(w("r"), dict(run.attrib))
    if rpr is not None:
        second.append(copy.deepcopy(rpr))
    if k:
        text, preserved = child.text or "", child.get(XML_SPACE) == "preserve"
        second.extend(text_elements(text, preserved, k, len(text)))
        at = run.index(child)
        run.remove(child)
        for n, piece in enumerate(text_elements(text, preserved, 0, k)):
            run.insert(at + n, piece)
        i += 1
    for c in children[i:]:
        second.append(c)
    run.addnext(second)
    return second


def text_elements(text: str, preserved: bool, a: int, b: int) -> list[etree._Element]:
    """w:t elements for characters [a, b) of a w:t's `text`, whitespace read as it was read in the whole.

    Word and LibreOffice ignore whitespace at the ends of a w:t without xml:space="preserve" (pandoc reads it):
    such whitespace keeps a w:t of its own without the attribute, so it stays ignored by the one and read by the
    other, while the words and the spaces between them are preserved.
    """
    if preserved:
        spans = [(a, b, True)]
    elif not text.strip():
        spans = [(a, b, False)]
    else:
        lead, trail = len(text) - len(text.lstrip()), len(text.rstrip())
        spans = [(a, min(b, lead), False), (max(a, lead), min(b, trail), True), (max(a, trail), b, False)]
    out = []
    for lo, hi, significant in spans:
        if lo < hi:
            t = etree.Element(w("t"))
            if significant:
                set_text(t, text[lo:hi])
            else:
                t.text = text[lo:hi]
            out.append(t)
    return out


def _isolate(run: etree._Element, child: etree._Element) -> None:
    """Give `child` a run of its own (same properties), so a change around it can leave it where it is."""
    rest = _split_run(run, child)
    if rest is None:
        rest = run
    after = child.getnext()
    if after is not None:
        _split_run(rest, after)


def _make_boundaries(p: etree._Element, pt: ParagraphText, cuts: list[int], atoms: AtomTable) -> ParagraphText:
    """Make each character position in `cuts` fall between runs, splitting a run at most once per cut, and return
    the paragraph's text as it reads afterwards. Cuts go right to left, so the units left of a cut stay as read;
    a second cut inside a w:t already split reads the paragraph again."""
    split: set[int] = set()  # indices of the units split so far
    changed = False
    for x in sorted(set(cuts), reverse=True):
        found = _cut_at(pt, x)
        if found is not None and found[0] in split:
            pt, split = read_paragraph(p, atoms), set()
            found = _cut_at(pt, x)
        if found is None:
            continue
        i, inside = found
        u = pt.units[i]
        if inside:
            _split_run(*u.items[0], x - u.start)
        elif _split_run(*u.items[0]) is None:
            continue
        split.add(i)
        changed = True
    return read_paragraph(p, atoms) if changed else pt


def _cut_at(pt: ParagraphText, x: int) -> tuple[int, bool] | None:
    """The unit to split for a cut at x: (its index, True) for a text unit x falls inside, (its index, False) for
    the unit starting at x whose run holds something before it; None when x already falls between runs."""
    for i, u in enumerate(pt.units):
        if u.kind == "text" and u.start < x < u.end:
            return i, True
    for i, u in enumerate(pt.units):
        if u.text and u.start == x:
            return (i, False) if u.items and u.items[0][0].tag == w("r") else None
    return None


def _outer(el: etree._Element) -> etree._Element:
    """Step out of revision wrappers, so a new one is never nested in an old one."""
    while el.getparent() is not None and el.getparent().tag in _WRAPPERS:
        el = el.getparent()
    return el


def _to_deleted(el: etree._Element) -> None:
    for t in el.iter(w("t")):
        t.tag = w("delText")
    for t in el.iter(w("instrText")):
        t.tag = w("delInstrText")


def _wrap_deleted(hosts: list[etree._Element], author: Author) -> list[etree._Element]:
    """Wrap each run of adjacent hosts (same parent) in a w:del; returns the w:del elements in order."""
    groups: list[list[etree._Element]] = []
    for h in hosts:
        if groups and groups[-1][-1].getnext() is h:
            groups[-1].append(h)
        else:
            groups.append([h])
    dels = []
    for group in groups:
        d = author.revision("del")
        group[0].addprevious(d)
        for h in group:
            d.append(h)
        _to_deleted(d)
        dels.append(d)
    return dels


def _insertion(content: Content, author: Author) -> etree._Element:
    ins = author.revision("ins")
    for piece in content.pieces:
        if isinstance(piece, tuple):
            ins.append(new_run(*piece))
        else:
            ins.append(copy.deepcopy(piece))
    return ins


def _rpr_at(pt: ParagraphText, start: int, end: int) -> etree._Element | None:
    """The run properties new text at [start, end) should take: the replaced text's, else its neighbour's."""
    candidates = [u for u in pt.units if u.kind == "text" and u.start < end and u.end > start]
    candidates += [u for u in reversed(pt.units) if u.kind == "text" and u.end <= start]
    candidates += [u for u in pt.units if u.kind == "text" and u.start >= end]
    for u in candidates:
        return u.items[0][0].find(w("rPr"))
    return None


def apply_hunks(p: etree._Element, hunks: list[Hunk], author: Author, atoms: AtomTable,
                rpr_source: bool = True, pt: ParagraphText | None = None) -> list[etree._Element]:
    """Make the hunks as tracked changes in paragraph p; returns the revision elements made, in text order.
    `pt` is p's text read with `atoms`, when the caller has it.

    Raises Skipped, leaving p unchanged, when a hunk would touch someone else's revision.
    """
    pt = pt or read_paragraph(p, atoms)
    for h in hunks:
        if pt.locked_between(h.start, h.end):
            raise Skipped(f"it overlaps an existing tracked change in {pt.plain[:60]!r}")
    pt = _make_boundaries(p, pt, [x for h in hunks for x in ((h.start, h.end) if h.end > h.start else (h.start,))],
                          atoms)
    made: list[etree._Element] = []
    for h in sorted(hunks, key=lambda h: h.start, reverse=True):
        # hunks go right to left: what one changes lies right of the next, whose units stay as read
        pt, revisions = _apply_one(p, pt, h, author, atoms, rpr_source)
        made[:0] = revisions
    return made


def _apply_one(p: etree._Element, pt: ParagraphText, h: Hunk, author: Author, atoms: AtomTable,
               rpr_source: bool) -> tuple[ParagraphText, list[etree._Element]]:
    """One hunk, its ends already between runs; returns the text to go on with (read again if runs were split)
    and the revisions made."""
    if h.end > h.start:
        # a comment mark among the deleted words stays outside the deletion, in a run of its own
        markers = [u for u in pt.units if u.kind == "marker" and h.start <= u.start <= h.end and u.items]
        for u in markers:
            if u.items[0][0].tag == w("r"):
                _isolate(*u.items[0])
        if markers:
            pt = read_paragraph(p, atoms)
    content = h.content
    if rpr_source:
        rpr = _rpr_at(pt, h.start, h.end)
        content = Content([(piece[0], rpr) if isinstance(piece, tuple) else piece for piece in content.pieces])
    made: list[etree._Element] = []
    if h.end > h.start:
        hosts: list[etree._Element] = []
        for u in pt.units:
            if u.text and u.start >= h.start and u.end <= h.end:
                hosts += [x for x in u.hosts if x not in hosts]
        made = _wrap_deleted(hosts, author)
        if not content.empty:
            ins = _insertion(content, author)
            made[-1].addnext(ins)
            made.append(ins)
        return pt, made
    if content.empty:
        return pt, []
    ins = _insertion(content, author)
    left = next((u for u in reversed(pt.units) if u.text and u.end == h.start and u.hosts), None)
    right = next((u for u in pt.units if u.text and u.start == h.start and u.hosts), None)
    if left is not None:
        _outer(left.hosts[-1]).addnext(ins)
    elif right is not None:
        _outer(right.hosts[0]).addprevious(ins)
    else:
        p.append(ins)
    return pt, [ins]


# ------------------------------------------------------------------------------------------------------ paragraphs
def mark_paragraph(p: etree._Element, kind: str, author: Author) -> etree._Element:
    """Mark p's paragraph mark as inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = insert_ordered(ppr, "rPr", PPR_ORDER)
    mark = author.revision(kind)
    rpr.insert(0, mark)
    return mark


def mark_revised(p: etree._Element) -> bool:
    return mark_revision(p) is not None


def mark_revision(p: etree._Element) -> etree._Element | None:
    """The revision of p's paragraph mark (its w:ins, w:del, w:moveTo or w:moveFrom), if it has one."""
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    return None if rpr is None else next((c for c in rpr if c.tag in _WRAPPERS), None)


def mark_deleted(p: etree._Element) -> bool:
    """Whether p's paragraph mark is deleted (or moved away): accept-all joins what is left of p to the next."""
    mark = mark_revision(p)
    return mark is not None and mark.tag in (w("del"), w("moveFrom"))


def next_is_paragraph(p: etree._Element) -> bool:
    """Whether p's mark may be revised: not the last paragraph of its cell, body, note or header, which has no
    mark to merge with (a paragraph, table or content control follows it in the same container)."""
    nxt = p.getnext()
    while nxt is not None and nxt.tag in (w("bookmarkEnd"), w("bookmarkStart"), w("commentRangeEnd"),
                                          w("commentRangeStart"), w("proofErr"), w("permEnd")):
        nxt = nxt.getnext()
    return nxt is not None and nxt.tag in (w("p"), w("tbl"), w("sdt"), w("customXml"))


def delete_paragraph(p: etree._Element, author: Author, atoms: AtomTable) -> list[etree._Element]:
    """Delete all of p as a tracked change, its mark too unless it is the last paragraph of its container."""
    pt = read_paragraph(p, atoms)
    if any(u.kind == "locked" for u in pt.units) or mark_revised(p):
        raise Skipped(f"paragraph {pt.plain[:60]!r} holds an existing tracked change")
    made = apply_hunks(p, [Hunk(0, len(pt.text), Content())], author, atoms, False) if pt.text else []
    if next_is_paragraph(p):
        made.append(mark_paragraph(p, "del", author))
    return made


def paragraph_properties(template: etree._Element | None) -> etree._Element | None:
    """A copy of a paragraph's properties for a new paragraph: no section break, no revisions, no mark format, and
    its children in the schema's order, whatever order the document had.
    `template` is a w:p, or a w:pPrChange (for the properties it records)."""
    if template is None:
        return None
    ppr = template.find(w("pPr"))
    if ppr is None:
        return None
    ppr = copy.deepcopy(ppr)
    for tag in ("sectPr", "pPrChange", "rPr"):
        el = ppr.find(w(tag))
        if el is not None:
            ppr.remove(el)
    in_schema_order(ppr, PPR_ORDER)
    return ppr


def insert_paragraph_after(anchor: etree._Element, content: Content, author: Author,
                           ppr: etree._Element | None) -> tuple[etree._Element, list[etree._Element]]:
    """Insert a new tracked paragraph after `anchor` (a w:p or w:tbl); returns it and the revisions made."""
    p, made = _new_paragraph(anchor.addnext, content, author, ppr)
    anchor_mark = (anchor.tag == w("p") and not mark_revised(anchor)
                   and anchor.find(f"{w('pPr')}/{w('sectPr')}") is None)
    if anchor_mark:
        # As Word does on Enter at the end of the anchor: the inserted mark ends the anchor's text, and the
        # anchor's old mark (its properties recorded) ends the new paragraph. Rejected, the anchor keeps its
        # properties in Word and in LibreOffice, which keeps the first paragraph's when it joins two (the new
        # paragraph's own inserted mark would leave a list number on the next one there). It also serves where the
        # new paragraph ends its container.
        made.insert(0, mark_paragraph(anchor, "ins", author))
        _take_over_properties(p, anchor, author)
    elif next_is_paragraph(p):
        made.append(mark_paragraph(p, "ins", author))
    return p, made


def _ends_with_insertion(p: etree._Element, author: Author) -> bool:
    """Whether p's content ends with an insertion made by `author` in this run."""
    return _edge_insertion(p, author, last=True) is not None


def _edge_insertion(p: etree._Element, author: Author, last: bool) -> etree._Element | None:
    """The w:ins of `author`'s that p's content ends (or starts) with, looking into hyperlinks and controls."""
    el = p
    while True:
        content = [c for c in el if isinstance(c.tag, str) and c.tag not in _NOT_CONTENT]
        if not content:
            return None
        edge = content[-1] if last else content[0]
        if edge.tag == w("ins"):
            return edge if _ours(edge, author) else None
        if edge.tag == w("sdt"):
            edge = edge.find(w("sdtContent"))
        elif edge.tag not in (w("hyperlink"), w("smartTag"), w("customXml")):
            return None
        if edge is None:
            return None
        el = edge


def _ours(revision: etree._Element, author: Author) -> bool:
    return revision.get(w("author")) == author.name and revision.get(w("date")) == author.date


def _mark_inserted_by(p: etree._Element, author: Author) -> bool:
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    return rpr is not None and any(c.tag == w("ins") and _ours(c, author) for c in rpr)


def keep_insertions_apart(root: etree._Element, author: Author) -> list[etree._Element]:
    """Where one paragraph ends with our insertion and the next starts with one, end the first with a deletion.

    LibreOffice joins an insertion that ends a paragraph with an insertion of the same author and time that starts
    the next one, the paragraph mark between them included, so rejecting it would join the two paragraphs.
    Ending the first paragraph with a deleted word ("...[ins: term agreed][del: term]") keeps them apart and
    reads the same in Word. Returns the deletions made.
    """
    made: list[etree._Element] = []
    # the containers in document order and the paragraphs holding our insertions, in one pass over the part
    containers: list[etree._Element] = []
    touched: set[etree._Element] = set()
    for el in root.iter(_INS, *_CONTAINERS):
        if el.tag != _INS:
            containers.append(el)
        elif _ours(el, author):
            touched.update(el.iterancestors(_P))
    if not touched:
        return made
    relevant = {next(p.iterancestors(*_CONTAINERS), None) for p in touched}
    for container in [c for c in containers if c in relevant]:
        before: etree._Element | None = None  # the previous paragraph that ends with our insertion
        for block in _blocks(container):
            if block.tag != w("p"):
                before = None
                continue
            if block not in touched:  # neither starts nor ends with an insertion of ours
                if before is not None and (_has_content(block) or mark_revised(block)):
                    before = None
                continue
            starts = _edge_insertion(block, author, last=False) is not None or (
                _mark_inserted_by(block, author) and not _has_content(block))
            if before is not None and starts:
                made += _end_with_deletion(before, author)
            if _ends_with_insertion(block, author) and not _mark_inserted_by(block, author):
                before = block
            elif _has_content(block) or mark_revised(block):
                before = None  # an empty paragraph may be dropped by LibreOffice (a section break): look past it
    return made


def _end_with_deletion(p: etree._Element, author: Author) -> list[etree._Element]:
    ins = _edge_insertion(p, author, last=True)
    if ins is None:
        return []
    prev = ins.getprevious()
    while prev is not None and (not isinstance(prev.tag, str) or prev.tag in _NOT_CONTENT):
        prev = prev.getprevious()
    if prev is not None and prev.tag == w("del") and _ours(prev, author):
        prev.addprevious(ins)  # our replacement: the insertion may as well come first
        return []
    content = [c for c in prev if c.tag != w("rPr")] if prev is not None and prev.tag == w("r") else []
    if not content or content[-1].tag != w("t") or not (content[-1].text or ""):
        return []
    t = content[-1]
    word = tokens(t.text)[-1]
    run = _split_run(prev, t, len(t.text) - len(word))
    if run is None:
        run = prev
    ins.insert(0, copy.deepcopy(run))
    deletion = author.revision("del")
    ins.addnext(deletion)
    deletion.append(run)
    _to_deleted(deletion)
    return [deletion]


def _blocks(container: etree._Element):
    """The paragraphs and tables of a container in order, through block-level controls and custom XML."""
    for child in container:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif child.tag == w("customXml"):
            yield from _blocks(child)


def _has_content(p: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag not in _NOT_CONTENT for c in p)


def _take_over_properties(p: etree._Element, anchor: etree._Element, author: Author) -> etree._Element | None:
    """Record the anchor's paragraph properties as p's old ones (w:pPrChange): when the inserted mark before p is
    rejected, the anchor's text ends with p's mark, which must then read as the anchor's did."""
    old_source = anchor.find(f"{w('pPr')}/{w('pPrChange')}")
    old = paragraph_properties(old_source if old_source is not None else anchor)
    new = paragraph_properties(p)
    if _shape(old) == _shape(new):
        return None
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    change = author.revision("pPrChange")
    change.append(old if old is not None else etree.Element(w("pPr")))
    ppr.append(change)
    if old_source is not None and _ours(old_source, author):
        old_source.getparent().remove(old_source)  # ours, and moot now that the anchor's mark is inserted
    return change


def _shape(el: etree._Element | None) -> list:
    """Properties as comparable data, whatever namespace declarations their document carries."""
    return [] if el is None else [(x.tag, sorted(x.attrib.items())) for x in el.iter() if x is not el]


def insert_paragraph_before(first: etree._Element, content: Content, author: Author,
                            ppr: etree._Element | None) -> tuple[etree._Element, list[etree._Element]]:
    """Insert a new tracked paragraph before `first`, the first block of its container."""
    p, made = _new_paragraph(first.addprevious, content, author, ppr)
    if next_is_paragraph(p):
        made.append(mark_paragraph(p, "ins", author))
    return p, made


def _new_paragraph(place, content: Content, author: Author,
                   ppr: etree._Element | None) -> tuple[etree._Element, list[etree._Element]]:
    """A new paragraph with properties `ppr` and `content` inserted, put in place by `place(p)`; its mark is the
    caller's to mark."""
    p = etree.Element(w("p"))
    if ppr is not None:
        p.append(copy.deepcopy(ppr))
    place(p)
    made: list[etree._Element] = []
    if not content.empty:
        ins = _insertion(content, author)
        p.append(ins)
        made.append(ins)
    return p, made
