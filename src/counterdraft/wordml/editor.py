"""Tracked editing of an open package in domain terms: change, delete or insert paragraphs, comment on changes."""
from __future__ import annotations

import copy
import functools
from dataclasses import dataclass

from lxml import etree

from ..diffing import diff
from ..models import ParagraphRef
from .comments import Comments
from .ns import w
from .package import Package
from .paragraph import AtomTable, read_paragraph
from .numbering import Numbering, without_numbering
from .read import Styles, list_of, paragraphs
from .revisions import (Author, Content, Hunk, IdCounter, Skipped, apply_hunks, delete_paragraph,
                        insert_paragraph_after, mark_deleted, paragraph_properties)

__all__ = ["Editor", "Skipped", "Change"]

@dataclass
class Change:
    """What one call made: the revision elements, in document order (for anchoring a comment)."""

    elements: list[etree._Element]

    @property
    def empty(self) -> bool:
        return not self.elements


class Editor:
    def __init__(self, pkg: Package, author: str, date: str):
        self.pkg = pkg
        self.author = Author(author, date, IdCounter([pkg.part(n) for n in pkg.annotated_parts()]))
        self.atoms = AtomTable()
        self.comments = Comments(pkg)
        self._paragraphs: dict[str, list[etree._Element]] = {}
        self._last_inserted: dict[tuple[str, int], etree._Element] = {}
        self._numbering: tuple[Styles, Numbering] | None = None  # read when a typed number needs a list's indent

    def paragraph(self, ref: ParagraphRef) -> etree._Element:
        """The paragraph as it was when the editor opened (indices do not move as paragraphs are inserted)."""
        if ref.part not in self._paragraphs:
            self._paragraphs[ref.part] = paragraphs(self.pkg.part(ref.part))
        found = self._paragraphs[ref.part]
        if not 0 <= ref.index < len(found):
            raise Skipped(f"paragraph {ref} does not exist")
        return found[ref.index]

    def text(self, ref: ParagraphRef) -> str:
        return read_paragraph(self.paragraph(ref), self.atoms).text

    def check(self, ref: ParagraphRef, before: str, after: str | None) -> None:
        """Raise Skipped if the change could not be made whole; changes nothing."""
        p = self.paragraph(ref)
        pt = read_paragraph(p, self.atoms)
        if pt.text != before:
            raise Skipped(f"paragraph {ref} no longer reads as planned")
        spans = [(0, len(before))] if after is None else [(c.start, c.end) for c in _diff(before, after)]
        if any(pt.locked_between(a, b) for a, b in spans):
            raise Skipped(f"it overlaps an existing tracked change in paragraph {ref}")

    def change(self, ref: ParagraphRef, before: str, after: str) -> Change:
        """Turn the paragraph's text `before` into `after` with minimal word-level tracked changes."""
        p = self.paragraph(ref)
        current = read_paragraph(p, self.atoms).text
        if current != before:
            raise Skipped(f"paragraph {ref} no longer reads as planned")
        hunks = [Hunk(c.start, c.end, Content.text(after[c.new_start:c.new_end])) for c in _diff(before, after)]
        if any(AtomTable.OBJECT in h.content.plain for h in hunks):
            raise Skipped(f"the new text of paragraph {ref} would need an object (field, drawing) it cannot make")
        return Change(apply_hunks(p, hunks, self.author, self.atoms))

    def delete(self, ref: ParagraphRef) -> Change:
        return Change(delete_paragraph(self.paragraph(ref), self.author, self.atoms))

    def insert_after(self, anchor: ParagraphRef,
                     texts: list[tuple[str | None, str, ParagraphRef | None, bool, bool]]) -> Change:
        """Insert paragraphs (an optional caption, bold or in the text's format, then text) after the anchor
        paragraph's block, each formatted like the paragraph it names (else like the anchor), without its list
        numbering when the text types its own number. Later insertions after the same anchor follow earlier ones."""
        key = (anchor.part, anchor.index)
        after = self._last_inserted.get(key)
        if after is None:
            after = self.paragraph(anchor)
            tables = [a for a in after.iterancestors(w("tbl"))]
            if tables:
                after = tables[-1]  # a section ending in a table: the new text goes after the whole table
        made: list[etree._Element] = []
        for caption, text, like, typed_number, bold in texts:
            model = self.paragraph(like) if like is not None else self.paragraph(anchor)
            body_rpr, caption_rpr = _run_formats(model)
            pieces: list = []
            if caption:
                pieces.append((caption + (" " if text else ""), caption_rpr if bold else body_rpr))
            if text:
                pieces.append((text, body_rpr))
            ppr = paragraph_properties(model)
            if typed_number:
                ppr = without_numbering(ppr, self._list_level(model))
            after, revs = insert_paragraph_after(after, Content(pieces), self.author, ppr)
            made += revs
        self._last_inserted[key] = after
        return Change(made)

    def _list_level(self, p: etree._Element):
        if self._numbering is None:
            self._numbering = (Styles(self.pkg), Numbering(self.pkg))
        styles, numbering = self._numbering
        num_id, ilvl = list_of(p.find(w("pPr")), styles)
        return numbering.level(num_id, ilvl) if num_id else None

    def comment_on(self, ref: ParagraphRef, text: str, quote: str, comment: str) -> None:
        """Anchor a comment on the runs of the paragraph that hold `quote`, changing no text; raise Skipped when
        the paragraph no longer reads `text` (an edit changed it) or does not hold `quote`."""
        pt = read_paragraph(self.paragraph(ref), self.atoms)
        if pt.text != text:
            raise Skipped(f"paragraph {ref} no longer reads as planned")
        at = text.find(quote) if quote else -1
        units = [u for u in pt.units if u.text and u.start < at + len(quote) and u.end > at] if at >= 0 else []
        if not units:
            raise Skipped(f"paragraph {ref} does not hold {quote!r}")
        self.comments.add(units[0].hosts[0], units[-1].hosts[-1], comment, self.author)

    def comment(self, elements: list[etree._Element], text: str) -> bool:
        """Anchor a comment on revisions' run-level elements; False when there is nothing to anchor it to."""
        runs = [e for e in elements if e.getparent() is not None and e.getparent().tag != w("rPr")]
        if not runs:
            return False
        # Never in a paragraph we delete: its reference, a run, would survive accept-all as an empty paragraph, and
        # LibreOffice keeps any paragraph holding a comment's marks, joined to the next, which takes its numbering
        # (Common Paper's "4. Term & Termination" became "3.2" after the "Moral Rights" we delete).
        kept = [e for e in runs if not mark_deleted(next(e.iterancestors(w("p"))))]
        if kept:
            self.comments.add(min(kept, key=_document_order), max(kept, key=_document_order), text, self.author)
            return True
        # all of it goes with its paragraphs: the comment stands at the end of the paragraph before them
        before = next(min(runs, key=_document_order).iterancestors(w("p"))).getprevious()
        if before is not None and before.tag == w("p") and not mark_deleted(before):
            self.comments.add_point(before, text, self.author)
        else:  # none: in the first one, its reference deleted with it
            self.comments.add(min(runs, key=_document_order), max(runs, key=_document_order), text, self.author,
                              deleted=True)
        return True


@functools.lru_cache(maxsize=64)
def _diff(before: str, after: str) -> tuple:
    """check() and change() need the same diff, and a redline makes its edits twice (redline, clean copy)."""
    return tuple(diff(before, after))


def _document_order(el: etree._Element) -> list[int]:
    """A sort key for document order: the child positions from the root down (no walk over the whole part)."""
    path = []
    parent = el.getparent()
    while parent is not None:
        path.append(parent.index(el))
        el, parent = parent, parent.getparent()
    return path[::-1]


def _run_formats(p: etree._Element) -> tuple[etree._Element | None, etree._Element | None]:
    """Run properties of p's body text (its longest run that is not bold: a caption may be underlined instead, as
    Common Paper's "Taxes." is, and must not underline a whole new paragraph) and of a bold caption (its leading
    bold run, or the body's made bold)."""
    runs = [r for r in p.iter(w("r")) if r.find(w("t")) is not None]
    # a link's look (Clef's benefits list is all links) is no format for new text: other runs first, else a
    # link's properties without it
    unlinked = [r for r in runs if not _linked(r)]
    all_links, runs = not unlinked and bool(runs), unlinked or runs
    body = caption = None
    plain = False  # a run of body text was seen (its properties may be none)
    longest = -1
    for r in runs:
        rpr = r.find(w("rPr"))
        bold = rpr is not None and rpr.find(w("b")) is not None and \
            rpr.find(w("b")).get(w("val"), "true") not in ("0", "false", "off")
        if bold and caption is None and not plain:
            caption = rpr
        elif not bold:
            length = sum(len(t.text or "") for t in r.iter(w("t")))
            if length > longest:
                body, plain, longest = rpr, True, length
    if caption is None:
        caption = copy.deepcopy(body) if body is not None else etree.Element(w("rPr"))
        b = caption.find(w("b"))
        if b is None:
            ahead = [c for c in caption if c.tag in (w("rStyle"), w("rFonts"))]
            caption.insert(caption.index(ahead[-1]) + 1 if ahead else 0, etree.Element(w("b")))
        else:
            b.attrib.pop(w("val"), None)  # the body's explicit "not bold" (w:b w:val="0")
    if not plain and runs:
        body = caption  # a heading paragraph, bold throughout: text modelled on it looks like it
    if body is not None:
        body = copy.deepcopy(body)
    return (_unlinked(body), _unlinked(caption)) if all_links else (body, caption)


_LINK_STYLES = {"hyperlink", "followedhyperlink"}


def _link_style(rpr: etree._Element | None) -> bool:
    style = rpr.find(w("rStyle")) if rpr is not None else None
    return style is not None and (style.get(w("val")) or "").lower() in _LINK_STYLES


def _linked(r: etree._Element) -> bool:
    return _link_style(r.find(w("rPr"))) or any(a.tag == w("hyperlink") for a in r.iterancestors())


def _unlinked(rpr: etree._Element | None) -> etree._Element | None:
    """A link's run properties without what makes it look like one: its character style, colour and underline."""
    if rpr is None:
        return None
    rpr = copy.deepcopy(rpr)
    for el in [c for c in rpr if c.tag in (w("color"), w("u")) or (c.tag == w("rStyle") and _link_style(rpr))]:
        rpr.remove(el)
    return rpr
