"""The document as plain data for the stages that find clauses: one Block per paragraph of the main story."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..models import ParagraphRef
from .ns import RT, w
from .numbering import ListCounter, Numbering
from .numbering import child_val as _val
from .package import Package
from .paragraph import AtomTable, plain_runs, read_paragraph

_OFF = ("0", "false", "off")


@dataclass(frozen=True)
class Block:
    ref: ParagraphRef
    text: str  # as it reads with earlier revisions accepted; objects (fields, drawings) as U+FFFC
    style: str  # the paragraph style's name, e.g. "Heading 1", "Normal"
    outline_level: int | None  # 0 for a top heading; None for body text
    numbered: bool  # Word auto-numbering (w:numPr), directly or through the style
    caption: str  # the paragraph's leading bold words ("7. Termination.") or ""
    in_table: bool
    list_level: int | None = None  # w:ilvl of Word auto-numbering (0 = outermost), directly or through the style
    cell: tuple[int, int, int] | None = None  # (table, row, column) of the innermost table cell holding it
    list_label: str | None = None  # the label Word shows for auto-numbering ("4.", "(b)"), when it is certain


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    numbered: bool
    bold: bool | None
    list_level: int | None = None
    num_id: str | None = None


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(w("val"), "true").lower() not in _OFF


class Styles:
    """Paragraph and character styles, with inheritance through w:basedOn."""

    def __init__(self, pkg: Package):
        self._styles: dict[str, _Style] = {}
        self.default_paragraph = "Normal"
        parts = pkg.related(pkg.main_part_name, RT.STYLES)
        if not parts or not pkg.has(parts[0]):
            return
        for s in pkg.part(parts[0]).iter(w("style")):
            sid = s.get(w("styleId"))
            if sid is None:
                continue
            name_el, based = s.find(w("name")), s.find(w("basedOn"))
            ppr, rpr = s.find(w("pPr")), s.find(w("rPr"))
            outline = ppr.find(w("outlineLvl")) if ppr is not None else None
            numpr = _numpr(ppr)
            self._styles[sid] = _Style(
                name=name_el.get(w("val"), sid) if name_el is not None else sid,
                based_on=based.get(w("val")) if based is not None else None,
                outline=int(outline.get(w("val"))) if outline is not None and
                outline.get(w("val"), "").isdigit() else None,
                numbered=numpr is not None,
                bold=_on(rpr.find(w("b"))) if rpr is not None else None,
                list_level=_level(numpr),
                num_id=_val(numpr, "numId"))
            if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true"):
                self.default_paragraph = sid

    def _chain(self, sid: str | None):
        seen = set()
        while sid and sid in self._styles and sid not in seen:
            seen.add(sid)
            yield self._styles[sid]
            sid = self._styles[sid].based_on

    def name(self, sid: str | None) -> str:
        sid = sid or self.default_paragraph
        return self._styles[sid].name if sid in self._styles else (sid or "Normal")

    def outline(self, sid: str | None) -> int | None:
        for s in self._chain(sid or self.default_paragraph):
            if s.outline is not None:
                return s.outline
        m = re.fullmatch(r"(?i)heading\s*(\d)", self.name(sid))
        return int(m.group(1)) - 1 if m else None

    def numbered(self, sid: str | None) -> bool:
        return any(s.numbered for s in self._chain(sid))

    def list_level(self, sid: str | None) -> int | None:
        for s in self._chain(sid):
            if s.numbered:
                return s.list_level if s.list_level is not None else 0
        return None

    def list_of(self, sid: str | None) -> tuple[str | None, int]:
        """(numId, level) of the numbering a paragraph of this style takes."""
        for s in self._chain(sid):
            if s.numbered:
                return s.num_id, s.list_level or 0
        return None, 0

    def bold(self, sid: str | None) -> bool:
        for s in self._chain(sid):
            if s.bold is not None:
                return s.bold
        return False


def _numpr(ppr: etree._Element | None) -> etree._Element | None:
    """The paragraph's w:numPr, or None when absent or when it switches numbering off (w:numId 0)."""
    numpr = ppr.find(w("numPr")) if ppr is not None else None
    return None if numpr is None or _val(numpr, "numId") == "0" else numpr


def _level(numpr: etree._Element | None) -> int | None:
    value = _val(numpr, "ilvl")
    return int(value) if value is not None and value.isdigit() else None


def _cells(root: etree._Element) -> dict[etree._Element, tuple[int, int, int]]:
    """Each table cell's (table, row, column), tables numbered in document order."""
    out = {}
    for t, tbl in enumerate(root.iter(w("tbl"))):
        for r, tr in enumerate(tbl.findall(w("tr"))):
            for c, tc in enumerate(tr.findall(w("tc"))):
                out[tc] = (t, r, c)
    return out


def _run_bold(run: etree._Element, styles: Styles, para_bold: bool) -> bool:
    rpr = run.find(w("rPr"))
    direct = _on(rpr.find(w("b"))) if rpr is not None else None
    if direct is not None:
        return direct
    if rpr is not None and _val(rpr, "rStyle"):
        return styles.bold(_val(rpr, "rStyle"))
    return para_bold


def paragraphs(root: etree._Element) -> list[etree._Element]:
    """A part's paragraphs in document order; a Block's index counts in this list."""
    return list(root.iter(w("p")))


def read_blocks(pkg: Package) -> list[Block]:
    part = pkg.main_part_name
    root = pkg.part(part)
    styles = Styles(pkg)
    atoms = AtomTable()
    cells = _cells(root)
    counter = Numbering(pkg).counter()
    blocks = []
    for index, p in enumerate(paragraphs(root)):
        ppr = p.find(w("pPr"))
        sid = _val(ppr, "pStyle")
        if next(p.iterancestors(w("p")), None) is not None:
            # text boxes inside a drawing belong to the paragraph holding the drawing
            _list_label(counter, ppr, styles, counted=False)
            continue
        outline = _val(ppr, "outlineLvl")
        para_bold = styles.bold(sid)
        numpr = _numpr(ppr)
        cell = next((cells[a] for a in p.iterancestors(w("tc")) if a in cells), None)
        text, caption = _text_and_caption(p, atoms, styles, para_bold)
        blocks.append(Block(
            ref=ParagraphRef(part=part, index=index),
            text=text,
            style=styles.name(sid),
            outline_level=int(outline) if outline and outline.isdigit() else styles.outline(sid),
            numbered=numpr is not None or styles.numbered(sid),
            caption=caption.strip(),
            in_table=cell is not None,
            list_level=(_level(numpr) or 0) if numpr is not None else styles.list_level(sid),
            cell=cell,
            list_label=_list_label(counter, ppr, styles),
        ))
    return blocks


def list_of(ppr: etree._Element | None, styles: Styles) -> tuple[str | None, int]:
    """(numId, level) of the list a paragraph is numbered in (numId None or "0": none), direct or by its style."""
    numpr = ppr.find(w("numPr")) if ppr is not None else None
    num_id, ilvl = styles.list_of(_val(ppr, "pStyle"))
    if numpr is not None:
        num_id = _val(numpr, "numId") or num_id
        ilvl = _level(numpr) if _level(numpr) is not None else ilvl
    return num_id, ilvl


def _list_label(counter: ListCounter, ppr: etree._Element | None, styles: Styles, counted: bool = True) -> str | None:
    """The paragraph's list label; its list is counted whether or not the label can be told."""
    num_id, ilvl = list_of(ppr, styles)
    if num_id is None or num_id == "0":
        return None
    # an empty paragraph holding a section break: whether Word numbers it is not certain
    counted = counted and not (ppr is not None and ppr.find(w("sectPr")) is not None
                               and not "".join(ppr.getparent().itertext()))
    return counter.label(num_id, ilvl, counted)


def _text_and_caption(p: etree._Element, atoms: AtomTable, styles: Styles, para_bold: bool) -> tuple[str, str]:
    """The paragraph's text and its leading bold words; a paragraph of plain runs is read without its units."""
    runs = plain_runs(p)
    caption: list[str] = []
    if runs is not None:
        for run, text in runs:
            if not text:
                continue
            if not _run_bold(run, styles, para_bold):
                break
            caption.append(text)
        return "".join(text for _run, text in runs), "".join(caption)
    pt = read_paragraph(p, atoms)
    for u in pt.units:
        if not u.text:
            continue
        if u.kind == "text" and _run_bold(u.items[0][0], styles, para_bold):
            caption.append(u.text)
        elif u.kind == "atom" and u.text in "\t" and caption:
            caption.append(" ")
        else:
            break
    # without distinct atoms .plain and .text are equal, and .text is cheap
    return (pt.plain if atoms.display else pt.text), "".join(caption)
