"""A read-only view of a document's tracked changes and comments, for showing a redline outside Word.

Each w:ins, w:del, w:moveTo and w:moveFrom of a story becomes exactly one Revision: a run-level one holds the text it
inserted or deleted; one on a paragraph mark (w:pPr/w:rPr) or a table row (w:trPr) is a `mark` with no text. So a
renderer that draws one element per Revision draws one per tracked change. Formatting changes (w:rPrChange,
w:pPrChange) change no text and are not shown; neither is the content of text boxes and other drawings.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal, Union

from lxml import etree

from .ns import M_NS, RT, w
from .package import Package
from .read import Styles

_REVISIONS = {w("ins"): ("ins", False), w("del"): ("del", False), w("moveTo"): ("ins", True),
              w("moveFrom"): ("del", True)}
_TRANSPARENT = {w("hyperlink"), w("smartTag"), w("customXml"), w("dir"), w("bdo"), w("fldSimple")}
_CHARS = {w("tab"): "\t", w("ptab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "\u2011"}
_OBJECTS = {w("drawing"), w("pict"), w("object"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
            "AlternateContent"}
_NOTE_REFS = {w("footnoteReference"), w("endnoteReference")}
_OFF = ("0", "false", "off", "none")


@dataclass
class Text:
    text: str  # "\n" is a line break
    bold: bool = False
    italic: bool = False


@dataclass
class Revision:
    kind: Literal["ins", "del"]
    id: str
    author: str
    date: str
    content: list["Inline"] = field(default_factory=list)
    scope: Literal["content", "paragraph", "row"] = "content"  # paragraph: a paragraph mark; row: a table row
    move: bool = False  # w:moveTo / w:moveFrom

    @property
    def mark(self) -> bool:
        return self.scope != "content"

    @property
    def text(self) -> str:
        return "".join(i.text if isinstance(i, (Text, Revision)) else "" for i in self.content)


@dataclass
class CommentMark:
    id: str  # where a comment is anchored: its range start, or its reference when it has no range


Inline = Union[Text, Revision, CommentMark]


@dataclass
class Paragraph:
    inlines: list[Inline]
    style: str = "Normal"
    heading: bool = False

    @property
    def comment_ids(self) -> list[str]:
        return [m.id for m in _walk(self.inlines) if isinstance(m, CommentMark)]


@dataclass
class Table:
    rows: list[list[list["Block"]]]  # rows -> cells -> blocks
    row_marks: list[list[Revision]] = field(default_factory=list)  # per row: its w:trPr revisions


Block = Union[Paragraph, Table]


@dataclass
class Story:
    part: str
    blocks: list[Block]


@dataclass
class Comment:
    id: str
    author: str
    date: str
    text: str


@dataclass
class RevisionView:
    stories: list[Story]  # the main document first, then headers, footers and notes that hold a revision
    comments: dict[str, Comment]

    def revisions(self) -> list[Revision]:
        """Every revision, nested ones too, in document order."""
        return [r for s in self.stories for b in s.blocks for r in _block_revisions(b)]

    def comment_order(self) -> list[str]:
        """Comment ids in the order their anchors appear."""
        seen: dict[str, None] = {}
        for story in self.stories:
            for block in story.blocks:
                for p in _paragraphs(block):
                    for cid in p.comment_ids:
                        seen.setdefault(cid, None)
        return list(seen)


def _walk(inlines: list[Inline]) -> Iterator[Inline]:
    for i in inlines:
        yield i
        if isinstance(i, Revision):
            yield from _walk(i.content)


def _paragraphs(block: Block) -> Iterator[Paragraph]:
    if isinstance(block, Paragraph):
        yield block
    else:
        for row in block.rows:
            for cell in row:
                for b in cell:
                    yield from _paragraphs(b)


def _block_revisions(block: Block) -> Iterator[Revision]:
    if isinstance(block, Paragraph):
        yield from (i for i in _walk(block.inlines) if isinstance(i, Revision))
        return
    for marks, row in zip(block.row_marks, block.rows):
        yield from marks
        for cell in row:
            for b in cell:
                yield from _block_revisions(b)


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(w("val"), "true").lower() not in _OFF


def _children(container: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with `tag`, looking through content controls and custom XML wrapped around them."""
    for el in container:
        if el.tag == tag:
            yield el
        elif el.tag in (w("sdt"), w("sdtContent"), w("customXml")):
            yield from _children(el, tag)


def _revision(el: etree._Element, scope: str = "content") -> Revision:
    kind, move = _REVISIONS[el.tag]
    return Revision(kind, el.get(w("id"), ""), el.get(w("author"), ""), el.get(w("date"), ""), scope=scope,
                    move=move)


class _Reader:
    def __init__(self, pkg: Package):
        self.styles = Styles(pkg)
        self.started: set[str] = set()  # comments whose range start has been seen
        self.field: list[str] = []  # open complex fields: "code" until their separator, then "result"

    # ------------------------------------------------------------------------------------------------ blocks
    def blocks(self, container: etree._Element) -> list[Block]:
        out: list[Block] = []
        for el in container:
            if el.tag == w("p"):
                out.append(self.paragraph(el))
            elif el.tag == w("tbl"):
                out.append(self.table(el))
            elif el.tag == w("sdt"):
                content = el.find(w("sdtContent"))
                if content is not None:
                    out += self.blocks(content)
            elif el.tag in (w("customXml"), w("footnote"), w("endnote")):
                if el.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                out += self.blocks(el)
        return out

    def table(self, tbl: etree._Element) -> Table:
        rows, marks = [], []
        for tr in _children(tbl, w("tr")):
            trpr = tr.find(w("trPr"))
            marks.append([_revision(c, "row") for c in (trpr if trpr is not None else []) if c.tag in _REVISIONS])
            rows.append([self.blocks(tc) for tc in _children(tr, w("tc"))])
        return Table(rows, marks)

    def paragraph(self, p: etree._Element) -> Paragraph:
        ppr = p.find(w("pPr"))
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        sid = style_el.get(w("val")) if style_el is not None else None
        para_bold = self.styles.bold(sid)
        outline = ppr.find(w("outlineLvl")) if ppr is not None else None
        heading = outline is not None or self.styles.outline(sid) is not None
        inlines = self.inlines(p, para_bold)
        rpr = ppr.find(w("rPr")) if ppr is not None else None
        if rpr is not None:
            inlines += [_revision(c, "paragraph") for c in rpr if c.tag in _REVISIONS]
        return Paragraph(inlines, self.styles.name(sid), heading)

    # ------------------------------------------------------------------------------------------------ inlines
    def inlines(self, container: etree._Element, para_bold: bool) -> list[Inline]:
        out: list[Inline] = []
        for el in container:
            tag = el.tag
            if not isinstance(tag, str) or tag == w("pPr"):
                continue
            if tag in _REVISIONS:
                rev = _revision(el)
                rev.content = self.inlines(el, para_bold)
                out.append(rev)
            elif tag == w("r"):
                out += self.run(el, para_bold)
            elif tag in _TRANSPARENT:
                out += self.inlines(el, para_bold)
            elif tag == w("sdt"):
                content = el.find(w("sdtContent"))
                if content is not None:
                    out += self.inlines(content, para_bold)
            elif tag == w("commentRangeStart"):
                cid = el.get(w("id"), "")
                self.started.add(cid)
                out.append(CommentMark(cid))
            elif tag.startswith(f"{{{M_NS}}}"):
                out.append(Text("".join(t.text or "" for t in el.iter(f"{{{M_NS}}}t"))))
        return out

    def run(self, r: etree._Element, para_bold: bool) -> list[Inline]:
        rpr = r.find(w("rPr"))
        bold = _on(rpr.find(w("b"))) if rpr is not None else None
        if bold is None and rpr is not None and rpr.find(w("rStyle")) is not None:
            bold = self.styles.bold(rpr.find(w("rStyle")).get(w("val")))
        bold = para_bold if bold is None else bold
        italic = bool(_on(rpr.find(w("i")))) if rpr is not None else False
        out: list[Inline] = []

        def text(s: str) -> None:
            if self.field and self.field[-1] == "code":
                return
            if out and isinstance(out[-1], Text) and s != "\n" and out[-1].text[-1:] != "\n":
                out[-1].text += s
            else:
                out.append(Text(s, bold, italic))

        for child in r:
            tag = child.tag
            if tag in (w("t"), w("delText")):
                if child.text:
                    text(child.text)
            elif tag in _CHARS:
                text(_CHARS[tag])
            elif tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    self.field.append("code")
                elif kind == "separate" and self.field:
                    self.field[-1] = "result"
                elif kind == "end" and self.field:
                    self.field.pop()
            elif tag == w("commentReference"):
                cid = child.get(w("id"), "")
                if cid not in self.started:
                    self.started.add(cid)
                    out.append(CommentMark(cid))
            elif tag in _NOTE_REFS:
                text(f"[{child.get(w('id'), '')}]")
            elif tag in _OBJECTS:
                text("\ufffc")
        return out


def _comment_text(comment: etree._Element) -> str:
    lines = []
    for p in comment.iter(w("p")):
        lines.append("".join(t.text or "" for t in p.iter(w("t"), w("delText"))))
    return "\n".join(lines).strip()


def read_revisions(pkg: Package) -> RevisionView:
    """The stories with their revisions and comment anchors, and the comments' text."""
    reader = _Reader(pkg)
    main = pkg.main_part_name
    stories = []
    for part in pkg.story_parts():
        root = pkg.part(part)
        container = root.find(w("body")) if part == main else root
        if container is None:
            continue
        story = Story(part, reader.blocks(container))
        if part == main or any(True for b in story.blocks for _ in _block_revisions(b)):
            stories.append(story)
    comments: dict[str, Comment] = {}
    for part in pkg.related(main, RT.COMMENTS):
        if not pkg.has(part):
            continue
        for c in pkg.part(part).iter(w("comment")):
            cid = c.get(w("id"), "")
            comments[cid] = Comment(cid, c.get(w("author"), ""), c.get(w("date"), ""), _comment_text(c))
    return RevisionView(stories, comments)


__all__ = ["Block", "Comment", "CommentMark", "Inline", "Paragraph", "Revision", "RevisionView", "Story", "Table",
           "Text", "read_revisions"]
