"""Writing tracked changes: w:ins / w:del around runs, paragraph-mark revisions, inserted and deleted paragraphs.

Every change keeps the run properties of the text it touches, never nests a revision in another, and leaves
everything it does not touch (other authors' revisions, bookmarks, fields, hyperlinks) where it was.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from .ns import XML_SPACE, w
from .paragraph import AtomTable, ParagraphText, read_paragraph

_WRAPPERS = {w("ins"), w("del"), w("moveTo"), w("moveFrom")}


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


class IdCounter:
    """One counter for every revision and comment id across all parts, starting above the largest id present."""

    def __init__(self, roots: list[etree._Element]):
        top = -1
        attr = w("id")
        for root in roots:
            for el in root.iter():
                value = el.get(attr) if isinstance(el.tag, str) else None
                if value is not None and value.lstrip("-").isdigit():
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


def _explode(run: etree._Element) -> list[etree._Element]:
    """Give each content child of `run` a run of its own (same properties), so a change can take some of them."""
    rpr = run.find(w("rPr"))
    children = [c for c in run if c is not rpr]
    if len(children) <= 1:
        return [run]
    parent = run.getparent()
    at = parent.index(run)
    runs = []
    for child in children:
        r = etree.Element(w("r"), dict(run.attrib))
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        r.append(child)
        runs.append(r)
    parent.remove(run)
    for i, r in enumerate(runs):
        parent.insert(at + i, r)
    return runs


def _split_text_run(run: etree._Element, t: etree._Element, k: int) -> None:
    """Split a run holding the single w:t `t` after its k-th character."""
    text = t.text or ""
    second = copy.deepcopy(run)
    set_text(t, text[:k])
    set_text(second.find(w("t")), text[k:])
    run.addnext(second)


def _make_boundary(p: etree._Element, x: int, atoms: AtomTable) -> None:
    """Make character position x of the paragraph fall between runs."""
    pt = read_paragraph(p, atoms)
    for u in pt.units:
        if u.kind == "text" and u.start < x < u.end:
            run, t = u.items[0]
            _explode(run)
            _split_text_run(t.getparent(), t, x - u.start)
            return
    left = next((u for u in reversed(pt.units) if u.text and u.end == x), None)
    right = next((u for u in pt.units if u.text and u.start == x), None)
    if left is not None and right is not None and left.items and right.items:
        if left.items[-1][0] is right.items[0][0] and left.items[-1][0].tag == w("r"):
            _explode(left.items[-1][0])


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
                rpr_source: bool = True) -> list[etree._Element]:
    """Make the hunks as tracked changes in paragraph p; returns the revision elements made, in text order.

    Raises Skipped, leaving p unchanged, when a hunk would touch someone else's revision.
    """
    pt = read_paragraph(p, atoms)
    for h in hunks:
        if pt.locked_between(h.start, h.end):
            raise Skipped(f"it overlaps an existing tracked change in {pt.plain[:60]!r}")
    made: list[etree._Element] = []
    for h in sorted(hunks, key=lambda h: h.start, reverse=True):
        made[:0] = _apply_one(p, h, author, atoms, rpr_source)
    return made


def _apply_one(p: etree._Element, h: Hunk, author: Author, atoms: AtomTable,
               rpr_source: bool) -> list[etree._Element]:
    if h.end > h.start:
        _make_boundary(p, h.end, atoms)
    _make_boundary(p, h.start, atoms)
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
        return made
    if content.empty:
        return []
    ins = _insertion(content, author)
    left = next((u for u in reversed(pt.units) if u.text and u.end == h.start and u.hosts), None)
    right = next((u for u in pt.units if u.text and u.start == h.start and u.hosts), None)
    if left is not None:
        _outer(left.hosts[-1]).addnext(ins)
    elif right is not None:
        _outer(right.hosts[0]).addprevious(ins)
    else:
        p.append(ins)
    return [ins]


# ------------------------------------------------------------------------------------------------------ paragraphs
def mark_paragraph(p: etree._Element, kind: str, author: Author) -> etree._Element:
    """Mark p's paragraph mark as inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(ppr, w("rPr"))
        # w:rPr sits after everything but w:sectPr and w:pPrChange
        for tail in (w("sectPr"), w("pPrChange")):
            el = ppr.find(tail)
            if el is not None:
                el.addprevious(rpr)
    mark = author.revision(kind)
    rpr.insert(0, mark)
    return mark


def mark_revised(p: etree._Element) -> bool:
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    return rpr is not None and any(c.tag in _WRAPPERS for c in rpr)


def next_is_paragraph(p: etree._Element) -> bool:
    """Whether p's mark may be revised: merging needs a following paragraph in the same container."""
    nxt = p.getnext()
    while nxt is not None and nxt.tag in (w("bookmarkEnd"), w("bookmarkStart"), w("commentRangeEnd"),
                                          w("commentRangeStart"), w("proofErr"), w("permEnd")):
        nxt = nxt.getnext()
    return nxt is not None and nxt.tag == w("p")


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
    """A copy of a paragraph's properties for a new paragraph: no section break, no revisions, no mark format."""
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
    return ppr


def insert_paragraph_after(anchor: etree._Element, content: Content, author: Author,
                           ppr: etree._Element | None) -> tuple[etree._Element, list[etree._Element]]:
    """Insert a new tracked paragraph after `anchor` (a w:p or w:tbl); returns it and the revisions made."""
    p = etree.Element(w("p"))
    if ppr is not None:
        p.append(copy.deepcopy(ppr))
    anchor.addnext(p)
    made: list[etree._Element] = []
    if not content.empty:
        ins = _insertion(content, author)
        p.append(ins)
        made.append(ins)
    if next_is_paragraph(p):
        made.append(mark_paragraph(p, "ins", author))
    elif anchor.tag == w("p") and not mark_revised(anchor):
        # the new paragraph ends its container: as Word does, the paragraph before it gets the inserted mark
        made.insert(0, mark_paragraph(anchor, "ins", author))
    return p, made


def insert_paragraph_before(first: etree._Element, content: Content, author: Author,
                            ppr: etree._Element | None) -> tuple[etree._Element, list[etree._Element]]:
    """Insert a new tracked paragraph before `first`, the first block of its container."""
    p = etree.Element(w("p"))
    if ppr is not None:
        p.append(copy.deepcopy(ppr))
    first.addprevious(p)
    made: list[etree._Element] = []
    if not content.empty:
        ins = _insertion(content, author)
        p.append(ins)
        made.append(ins)
    if next_is_paragraph(p):
        made.append(mark_paragraph(p, "ins", author))
    return p, made
