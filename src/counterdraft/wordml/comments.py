"""Margin comments: the comments part, and the range markers and reference run that anchor a comment."""
from __future__ import annotations

from lxml import etree

from .ns import CT, RT, W_NS, w
from .package import Package
from .revisions import Author, new_run, set_text


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.replace(",", " ").split() if word[:1].isalpha()).upper()[:4] or "CD"


class Comments:
    """The document's comments part, created on first use."""

    def __init__(self, pkg: Package):
        self.pkg = pkg
        self._root: etree._Element | None = None

    def root(self) -> etree._Element:
        if self._root is None:
            main = self.pkg.main_part_name
            found = [t for t in self.pkg.related(main, RT.COMMENTS) if self.pkg.has(t)]
            if found:
                self._root = self.pkg.part(found[0])
            else:
                name = "word/comments.xml"
                n = 1
                while self.pkg.has(name):
                    n += 1
                    name = f"word/comments{n}.xml"
                self._root = etree.Element(w("comments"), nsmap={"w": W_NS})
                self.pkg.add_part(name, self._root, CT.COMMENTS)
                self.pkg.add_relationship(main, RT.COMMENTS, name)
        return self._root

    def add(self, first: etree._Element, last: etree._Element, text: str, author: Author,
            deleted: bool = False) -> str:
        """Anchor a new comment from just before `first` to just after `last` (elements inside paragraphs); its
        reference `deleted` with the paragraph it stands in."""
        cid = author.ids()
        first.addprevious(etree.Element(w("commentRangeStart"), {w("id"): cid}))
        end = etree.Element(w("commentRangeEnd"), {w("id"): cid})
        last.addnext(end)
        ref = etree.Element(w("r"))
        etree.SubElement(ref, w("commentReference"), {w("id"): cid})
        if deleted:
            gone = author.revision("del")
            gone.append(ref)
            ref = gone
        end.addnext(ref)
        self._body(cid, text, author)
        return cid

    def add_point(self, paragraph: etree._Element, text: str, author: Author) -> str:
        """Anchor a new comment at the end of `paragraph`, on no text of its own."""
        cid = author.ids()
        paragraph.append(etree.Element(w("commentRangeStart"), {w("id"): cid}))
        paragraph.append(etree.Element(w("commentRangeEnd"), {w("id"): cid}))
        etree.SubElement(etree.SubElement(paragraph, w("r")), w("commentReference"), {w("id"): cid})
        self._body(cid, text, author)
        return cid

    def _body(self, cid: str, text: str, author: Author) -> None:
        comment = etree.SubElement(self.root(), w("comment"), {
            w("id"): cid, w("author"): author.name, w("date"): author.date, w("initials"): _initials(author.name)})
        for i, line in enumerate(text.split("\n")):
            p = etree.SubElement(comment, w("p"))
            if i == 0:
                mark = etree.SubElement(p, w("r"))
                etree.SubElement(mark, w("annotationRef"))
            r = new_run("", None)
            set_text(etree.SubElement(r, w("t")), line)
            p.append(r)
