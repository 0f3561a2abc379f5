"""A paragraph's text with offsets into its runs, so a change at characters [a, b) can find the XML it touches.

The text is the paragraph as it reads with earlier revisions accepted. Every run-level thing that is not plain
text (a tab, a break, a field, a drawing, a footnote mark) is an *atom*: one character of the text that is edited
whole or not at all. Atoms read as a private-use character whose identity is their XML, so two documents that hold
the same field or drawing give the same character. Content inside someone else's revision is *locked*: no change may
touch it, and a deleted stretch is a zero-width locked mark where it stands. When comparing documents,
whitespace that Word ignores (at the ends of a w:t without xml:space="preserve") reads as characters of its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .ns import M_NS, MC_NS, XML_SPACE, w

#: Containers whose runs are part of the paragraph's text flow.
_TRANSPARENT = {w("hyperlink"), w("smartTag"), w("customXml"), w("dir"), w("bdo"), w("sdtContent")}
_SDT = w("sdt")
_RUN = w("r")
_T = w("t")
_INSERTED = {w("ins"), w("moveTo")}
_DELETED = {w("del"), w("moveFrom")}
#: Zero-width things between runs that stay where they are.
_MARKERS = {w("bookmarkStart"), w("bookmarkEnd"), w("commentRangeStart"), w("commentRangeEnd"), w("proofErr"),
            w("permStart"), w("permEnd"), w("moveFromRangeStart"), w("moveFromRangeEnd"), w("moveToRangeStart"),
            w("moveToRangeEnd"), w("customXmlInsRangeStart"), w("customXmlInsRangeEnd"),
            w("customXmlDelRangeStart"), w("customXmlDelRangeEnd")}
_PPR = w("pPr")
_RPR = w("rPr")
#: Paragraph children read_paragraph passes over.
_SKIPPED = _MARKERS | {_PPR}
_SDT_CONTENT = w("sdtContent")
_FLD_SIMPLE = w("fldSimple")
_FLD_CHAR = w("fldChar")
_FLD_CHAR_TYPE = w("fldCharType")
_M_PREFIX = f"{{{M_NS}}}"
_ALTERNATE_CONTENT = f"{{{MC_NS}}}AlternateContent"
#: Run children that take no place in the text.
_RUN_SILENT = {w("rPr"), w("lastRenderedPageBreak")}
#: Run children read as themselves.
_RUN_CHARS = {w("tab"): "\t", w("ptab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "\u2011",
              w("softHyphen"): "\u00ad"}
#: Zero-width run children that anchor something elsewhere; they stay put while text around them changes.
_ANCHORS = {w("commentReference"), w("annotationRef")}
#: Whitespace Word ignores (at the ends of a w:t without xml:space="preserve") reads, when comparing, as its
#: character moved up to Supplementary Private Use Area-B, so it never lines up with a space that counts.
IGNORED_BASE = 0x100000


def ignored_whitespace(text: str) -> str:
    """`text` of a w:t without xml:space="preserve", its ignored whitespace as IGNORED_BASE characters."""
    lead, trail = len(text) - len(text.lstrip()), len(text.rstrip())
    if lead >= trail:
        lead = trail = len(text)  # all whitespace
    if not lead and trail == len(text):
        return text
    return _moved(text[:lead]) + text[lead:trail] + _moved(text[trail:])


def _moved(space: str) -> str:
    return "".join(chr(IGNORED_BASE + ord(c)) for c in space)


class AtomTable:
    """Gives atoms their characters. `distinct` (for comparing two documents) gives each distinct atom its own
    private-use character, shared by every paragraph read with the same table; otherwise every atom reads as
    U+FFFC, the object replacement character, which a reviewer can recognise in a plan."""

    BASE = 0xF0000  # Supplementary Private Use Area-A: never in contract text
    OBJECT = "\ufffc"

    def __init__(self, distinct: bool = False) -> None:
        self.distinct = distinct
        self._chars: dict[bytes, str] = {}
        self.display: dict[str, str] = {}

    def char(self, key: bytes, display: str) -> str:
        if not self.distinct:
            return self.OBJECT
        if key not in self._chars:
            c = chr(self.BASE + len(self._chars))
            self._chars[key] = c
            self.display[c] = display
        return self._chars[key]


@dataclass(slots=True)
class Unit:
    """One stretch of the text: `length` characters from `start`, made of run children `items`."""

    start: int
    text: str
    items: list[tuple[etree._Element, etree._Element]]  # (run, child) pairs, in order
    kind: str  # "text", "atom", "locked", or "marker" (zero-width, never moved)
    #: The outermost element to move or wrap for this unit (a run, or a w:fldSimple / m:oMath / a whole w:del).
    hosts: list[etree._Element] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class ParagraphText:
    p: etree._Element
    units: list[Unit]
    atoms: AtomTable

    @property
    def text(self) -> str:
        """The text with atoms as private-use characters (what diffs compare)."""
        return "".join(u.text for u in self.units)

    @property
    def plain(self) -> str:
        """The text as a reader sees it: atoms spelled out (a tab as a space, a field as its result)."""
        return "".join(self.atoms.display.get(c, c) for c in self.text if ord(c) < IGNORED_BASE)

    def locked_between(self, a: int, b: int) -> bool:
        """Whether a change of [a, b) (or an insertion at a, when a == b) would touch someone else's revision."""
        for u in self.units:
            if u.kind != "locked":
                continue
            if a == b:
                if u.start < a < u.end:
                    return True
            elif (u.start < b and u.end > a) or (not u.text and a < u.start < b):
                return True
        return False


def _key(elements: list[etree._Element]) -> bytes:
    parts = []
    for el in elements:
        clone = etree.fromstring(etree.tostring(el))
        for sub in clone.iter():
            for attr in list(sub.attrib):
                if attr.startswith(w("rsid")) or attr in (w("id"),):
                    del sub.attrib[attr]
        if clone.tag == _RUN:
            rpr = clone.find(w("rPr"))
            if rpr is not None:
                clone.remove(rpr)
        parts.append(etree.tostring(clone, method="c14n"))
    return b"".join(parts)


def _field_result(runs: list[etree._Element]) -> str:
    out, state, depth = [], "instr", 0
    for r in runs:
        for child in r:
            if child.tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    depth += 1
                elif kind == "separate" and depth == 1:
                    state = "result"
                elif kind == "end":
                    depth -= 1
            elif child.tag == w("t") and state == "result":
                out.append(child.text or "")
            elif child.tag in (w("tab"),) and state == "result":
                out.append(" ")
    return "".join(out)


_PLAIN_CHILDREN = {w("pPr"), w("proofErr"), w("bookmarkStart"), w("bookmarkEnd")}
_PLAIN_RUN_CHILDREN = {w("rPr"), w("lastRenderedPageBreak")}


def plain_runs(p: etree._Element, distinct: bool = False) -> list[tuple[etree._Element, str]] | None:
    """Each run of a paragraph of plain runs (most of any contract) with its text, read without building units:
    `read_paragraph(p, AtomTable(distinct)).text` is their texts joined. None for any other paragraph, and, with
    `distinct`, for one holding whitespace Word would ignore."""
    out = []
    for child in p:
        if child.tag == _RUN:
            texts = []
            for x in child:
                if x.tag == _T:
                    text = x.text
                    if text:
                        if distinct and (text[0].isspace() or text[-1].isspace()) and \
                                x.get(XML_SPACE) != "preserve":
                            return None
                        texts.append(text)
                elif x.tag not in _PLAIN_RUN_CHILDREN:
                    return None
            out.append((child, "".join(texts)))
        elif child.tag not in _PLAIN_CHILDREN:
            return None
    return out


def plain_text(p: etree._Element) -> str | None:
    """`read_paragraph(p, AtomTable(distinct=True)).text` of a paragraph of plain runs; None for any other."""
    runs = plain_runs(p, distinct=True)
    return None if runs is None else "".join(text for _run, text in runs)


def read_paragraph(p: etree._Element, atoms: AtomTable | None = None) -> ParagraphText:
    atoms = atoms or AtomTable()
    units: list[Unit] = []
    pos = 0
    field_runs: list[etree._Element] = []  # runs of an open complex field
    field_depth = 0
    field_hosts: list[etree._Element] = []
    distinct = atoms.distinct

    def add(text: str, items, kind: str, hosts) -> None:
        nonlocal pos
        units.append(Unit(pos, text, items, kind, hosts))
        pos += len(text)

    def visit(container: etree._Element, locked: bool, outer: etree._Element | None) -> None:
        # `outer`: the revision or element that hosts everything inside it; None where each element hosts itself
        for el in container:
            tag = el.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            host = el if outer is None else outer
            if tag == _RUN:
                visit_run(el, locked, host)
            elif tag in _DELETED:
                if field_depth:
                    field_hosts.append(el)
                    continue
                add("", [], "locked", [el])
            elif tag in _INSERTED:
                visit(el, True, el)
            elif tag in _TRANSPARENT:
                visit(el, locked, outer)
            elif tag == _SDT:
                content = el.find(_SDT_CONTENT)
                if content is not None:
                    visit(content, locked, outer)
            elif tag == _FLD_SIMPLE or tag.startswith(_M_PREFIX):
                text = "".join(t.text or "" for t in el.iter(_T))
                c = atoms.char(_key([el]), text)
                add(c, [(el, el)], "locked" if locked else "atom", [host])
            elif tag == _ALTERNATE_CONTENT:
                c = atoms.char(_key([el]), "")
                add(c, [(el, el)], "locked", [host])
            else:
                # unknown inline content: keep it exactly where it is and never edit across it
                add("", [(el, el)], "locked", [host])

    def visit_run(r: etree._Element, locked: bool, host: etree._Element) -> None:
        nonlocal field_depth, field_runs, field_hosts
        for child in r:
            tag = child.tag
            if not isinstance(tag, str) or tag in _RUN_SILENT:
                continue
            if tag == _FLD_CHAR:
                kind = child.get(_FLD_CHAR_TYPE)
                if kind == "begin":
                    if field_depth == 0:
                        field_runs, field_hosts = [], []
                    field_depth += 1
                elif kind == "end" and field_depth:
                    field_depth -= 1
                if r not in field_runs:
                    field_runs.append(r)
                    field_hosts.append(host)
                if field_depth == 0:
                    c = atoms.char(_key(field_runs), _field_result(field_runs))
                    items = [(fr, fc) for fr in field_runs for fc in fr if fc.tag != _RPR]
                    hosts = list(dict.fromkeys(field_hosts))
                    add(c, items, "locked" if locked or any(h.tag in _INSERTED for h in hosts) else "atom",
                        hosts)
                continue
            if field_depth:
                if r not in field_runs:
                    field_runs.append(r)
                    field_hosts.append(host)
                continue
            if tag == _T:
                text = child.text
                if text:
                    if distinct and child.get(XML_SPACE) != "preserve":
                        text = ignored_whitespace(text)
                    add(text, [(r, child)], "locked" if locked else "text", [host])
            elif tag in _RUN_CHARS:
                # comparing documents, a tab or break is copied as the element it is (w:cr is not w:br)
                c = atoms.char(_key([child]), _RUN_CHARS[tag]) if distinct else _RUN_CHARS[tag]
                add(c, [(r, child)], "locked" if locked else "atom", [host])
            elif tag in _ANCHORS:
                add("", [(r, child)], "marker", [host])
            else:
                c = atoms.char(_key([child]), "")
                add(c, [(r, child)], "locked" if locked else "atom", [host])

    visit(p, False, None)
    if field_depth and field_runs:
        # an unterminated field (its end is in a later paragraph): one locked atom, never edited
        c = atoms.char(_key(field_runs), _field_result(field_runs))
        add(c, [(fr, fc) for fr in field_runs for fc in fr if fc.tag != _RPR], "locked",
            list(dict.fromkeys(field_hosts)))
    return ParagraphText(p, units, atoms)
