"""Compare two documents as Word's Compare does: the original's package, with tracked changes to the revised text.

Blocks (paragraphs and tables) are aligned first, and words are diffed only inside paragraphs that changed, so the
work grows with the document rather than with its square.
"""
from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from ..diffing import Change, char_diff, diff, tokens
from .ns import XML_SPACE, w
from .package import Package
from .paragraph import AtomTable, ParagraphText, plain_text, read_paragraph
from .revisions import (Author, Content, Hunk, IdCounter, Skipped, apply_hunks, delete_paragraph,
                        insert_paragraph_after, insert_paragraph_before, keep_insertions_apart, mark_deleted,
                        mark_paragraph, new_run, next_is_paragraph, paragraph_properties, text_elements)

if TYPE_CHECKING:
    from ..models import Message

_BLOCKS = (w("p"), w("tbl"), w("sdt"), w("customXml"))
#: Blocks sharing at least this share of their words are one block edited, not one deleted and one inserted.
PAIR_SIMILARITY = 0.5
#: Above this many (deleted x inserted) candidate pairs in one stretch, pairing is greedy, not optimal.
MAX_PAIRING = 4000


@dataclass
class CompareResult:
    revisions: int = 0
    messages: list[Message] = field(default_factory=list)

    def tell(self, text: str) -> None:
        """Add a message for the user. The models are imported only then: pydantic takes about 0.1 s to import,
        as long as comparing 50 pages, and most compares have nothing to tell."""
        from ..models import Message

        self.messages.append(Message(text=text))


class _Comparer:
    def __init__(self, author: Author):
        self.author = author
        self.atoms = AtomTable(distinct=True)
        self.result = CompareResult()
        self._keys: dict[etree._Element, str] = {}

    # ---------------------------------------------------------------------------------------------- text keys
    def ptext(self, p: etree._Element) -> ParagraphText:
        return read_paragraph(p, self.atoms)

    def key(self, block: etree._Element) -> str:
        """The block's kind and text; cached for one container, whose blocks do not change while it is aligned.
        A paragraph whose mark someone deleted reads joined to the next one, so it never equals one that ends."""
        if block not in self._keys:
            joined = "+" if block.tag == _P and mark_deleted(block) else ""
            self._keys[block] = block.tag[-3:] + joined + "\u241e" + self.text(block)
        return self._keys[block]

    def text(self, block: etree._Element) -> str:
        if block.tag == w("p"):
            return self.ptext_text(block)
        return "\u241e".join(self.ptext_text(p) for p in block.iter(w("p")))

    def ptext_text(self, p: etree._Element) -> str:
        text = plain_text(p)
        return self.ptext(p).text if text is None else text

    # ---------------------------------------------------------------------------------------------- containers
    def container(self, orig: etree._Element, rev: etree._Element) -> None:
        self._keys = {}
        a = [b for b in orig if b.tag in _BLOCKS]
        b = [x for x in rev if x.tag in _BLOCKS]
        ops = _align([self.key(x) for x in a], [self.key(x) for x in b])
        last: etree._Element | None = None  # the original block new ones go after
        first = a[0] if a else None
        for op, i, j in self._pair(ops, a, b):
            if op == "equal":
                last = a[i]
            elif op == "modify":
                self.modify(a[i], b[j])
                last = a[i]
            elif op == "delete":
                self.delete_block(a[i])
                last = a[i]
            else:
                last = self.insert_block(b[j], last, first, orig)

    def _pair(self, ops, a, b):
        """Turn each stretch of deleted and inserted blocks into the modifications that keep the most text, so a
        lightly edited paragraph reads as word changes and its neighbours' revisions stay where they are."""
        out = []
        for equal, dels, inss in _stretches(ops):
            if equal:
                out.append(equal)
                continue
            if len(dels) == len(inss) == 1 and self.alike(a[dels[0][1]], b[inss[0][2]]):
                out.append(("modify", dels[0][1], inss[0][2]))  # one block edited: the common case, decided fast
                continue
            pairs = _best_pairs([a[d[1]] for d in dels], [b[i[2]] for i in inss], self.similarity)
            di = ii = 0
            for pd, pi in pairs + [(len(dels), len(inss))]:
                gone, new = dels[di:pd], inss[ii:pi]
                if len(gone) == len(new) and all(a[x[1]].tag == b[y[2]].tag for x, y in zip(gone, new)):
                    # as many blocks out as in between the same neighbours: each one was rewritten
                    out += [("modify", x[1], y[2]) for x, y in zip(gone, new)]
                else:
                    out += gone + new
                if pd < len(dels):
                    out.append(("modify", dels[pd][1], inss[pi][2]))
                di, ii = pd + 1, pi + 1
        return out

    def alike(self, x: etree._Element, y: etree._Element) -> bool:
        """similarity(x, y) >= PAIR_SIMILARITY, mostly without computing it: the words two paragraphs share at
        their start and end alone often make them alike."""
        if x.tag == y.tag == w("p"):
            tx, ty = self._words(x), self._words(y)
            head, tail = _common_ends(tx, ty)
            if 2 * (head + tail) >= PAIR_SIMILARITY * (len(tx) + len(ty)) and (tx or ty):
                return True
        return self.similarity(x, y) >= PAIR_SIMILARITY

    def _words(self, block: etree._Element) -> list[str]:
        # words and punctuation: spaces would only repeat and make the matching quadratic in the paragraph
        return [t for t in tokens(self.key(block).split("\u241e", 1)[1]) if not t.isspace()]

    def similarity(self, x: etree._Element, y: etree._Element) -> float:
        """How much of two blocks' words they share (0 to 1); blocks of different kinds share nothing.

        A table, and a content control that keeps its identity, are always alike enough to be modified in place:
        their rows and paragraphs are compared one by one, and the control itself is left untouched.
        """
        if x.tag != y.tag:
            return 0.0
        tx, ty = self._words(x), self._words(y)
        if not tx and not ty:
            score = 1.0
        else:
            matcher = difflib.SequenceMatcher(None, tx, ty, autojunk=False)
            score = matcher.quick_ratio()  # an upper bound, cheap: most pairs are told apart by it
            if score >= PAIR_SIMILARITY:
                score = matcher.ratio()
        if x.tag == w("tbl") or (x.tag != w("p") and _identity(x) == _identity(y)):
            score = max(score, PAIR_SIMILARITY)
        return score

    # ---------------------------------------------------------------------------------------------- paragraphs
    def content(self, pt: ParagraphText, start: int, end: int) -> Content:
        """The revised paragraph's characters [start, end) as runs keeping their own formatting."""
        pieces: list = []
        for u in pt.units:
            if u.end <= start or u.start >= end or not u.text:
                continue
            if u.items and u.items[0][1].tag == w("t"):  # text, also text inside a revision of the revised file
                run, t = u.items[0]
                a, b = max(start, u.start) - u.start, min(end, u.end) - u.start
                text = t.text or ""
                if t.get(XML_SPACE) == "preserve" or text.strip() == text:
                    pieces.append((text[a:b], run.find(w("rPr"))))
                else:  # whitespace Word ignores stays ignored (see text_elements)
                    clone = etree.Element(w("r"))
                    if run.find(w("rPr")) is not None:
                        clone.append(copy.deepcopy(run.find(w("rPr"))))
                    clone.extend(text_elements(text, False, a, b))
                    pieces.append(clone)
            else:
                # an atom: copies of its own run children (a field may span runs), each with its run's properties
                for run in dict.fromkeys(r for r, _c in u.items):
                    if run.tag != w("r"):
                        pieces.append(copy.deepcopy(run))
                        continue
                    clone = etree.Element(w("r"))
                    if run.find(w("rPr")) is not None:
                        clone.append(copy.deepcopy(run.find(w("rPr"))))
                    for r, child in u.items:
                        if r is run:
                            clone.append(copy.deepcopy(child))
                    for t in clone.iter(w("delText")):
                        t.tag = w("t")
                    pieces.append(clone)
        return Content(pieces)

    def modify(self, o: etree._Element, r: etree._Element) -> None:
        if o.tag == w("tbl"):
            self.table(o, r)
            return
        if o.tag != w("p"):
            oc, rc = _content(o), _content(r)
            if oc is not None and rc is not None:
                self.container(oc, rc)
            return
        before, after = self.ptext(o), self.ptext(r)
        hunks = [Hunk(c.start, c.end, self.content(after, c.new_start, c.new_end))
                 for c in _changes(before, after.text)]
        try:
            made = apply_hunks(o, hunks, self.author, self.atoms, rpr_source=False, pt=before)
        except Skipped as exc:
            self.result.tell(f"change skipped: {exc}")
            return
        self.result.revisions += len(made)

    def delete_block(self, block: etree._Element) -> None:
        for tr in list(block.iter(w("tr"))):
            self._mark_row_only(tr, "del")
        for p in list(block.iter(w("p"))):
            try:
                self.result.revisions += len(delete_paragraph(p, self.author, self.atoms))
            except Skipped as exc:
                self.result.tell(f"deletion skipped: {exc}")

    def insert_block(self, block: etree._Element, last: etree._Element | None, first: etree._Element | None,
                     container: etree._Element) -> etree._Element:
        if block.tag != w("p"):
            new = copy.deepcopy(block)
            _strip_revisions(new)
            self._mark_inserted(new)
            if last is not None:
                last.addnext(new)
            elif first is not None:
                first.addprevious(new)
            else:
                container.append(new)
            return new
        pt = self.ptext(block)
        content = self.content(pt, 0, len(pt.text))
        ppr = paragraph_properties(block)
        if last is None and first is not None:
            p, made = insert_paragraph_before(first, content, self.author, ppr)
        elif last is None:
            p = etree.SubElement(container, w("p"))
            p, made = insert_paragraph_after(p, content, self.author, ppr)
            container.remove(p.getprevious())
        else:
            p, made = insert_paragraph_after(last, content, self.author, ppr)
        self.result.revisions += len(made)
        return p

    def _mark_inserted(self, el: etree._Element) -> None:
        """Mark everything in a copied block as inserted: its rows, its runs and its paragraph marks."""
        for tr in el.iter(w("tr")):
            self._mark_row_only(tr, "ins")
        for p in list(el.iter(w("p"))):
            pt = self.ptext(p)
            if pt.text:
                content = self.content(pt, 0, len(pt.text))
                for child in [c for c in p if c.tag != w("pPr")]:
                    p.remove(child)
                ins = self.author.revision("ins")
                for piece in content.pieces:
                    ins.append(new_run(*piece) if isinstance(piece, tuple) else copy.deepcopy(piece))
                p.append(ins)
                self.result.revisions += 1
            if next_is_paragraph(p):
                mark_paragraph(p, "ins", self.author)
                self.result.revisions += 1

    # ---------------------------------------------------------------------------------------------- tables
    def table(self, o: etree._Element, r: etree._Element) -> None:
        orows, rrows = _rows(o), _rows(r)
        ops = _align([self._row_key(x) for x in orows], [self._row_key(x) for x in rrows])
        last = None
        for op, i, j in self._pair_rows(ops, orows, rrows):
            if op == "equal":
                last = orows[i]
            elif op == "modify":
                for oc, rc in zip(_cells(orows[i]), _cells(rrows[j])):
                    self.container(oc, rc)
                last = orows[i]
            elif op == "delete":
                self.delete_block(orows[i])
                last = orows[i]
            else:
                new = copy.deepcopy(rrows[j])
                _strip_revisions(new)
                self._mark_inserted(new)
                if last is not None:
                    last.addnext(new)
                elif orows:
                    orows[0].addprevious(new)
                else:
                    o.append(new)
                last = new

    def _row_key(self, tr: etree._Element) -> str:
        return "\u241f".join(self.ptext_text(p) for p in tr.iter(w("p")))

    def _pair_rows(self, ops, orows, rrows):
        out = []
        for equal, dels, inss in _stretches(ops):
            if equal:
                out.append(equal)
                continue
            n = 0
            for d in dels:
                if n < len(inss) and len(_cells(orows[d[1]])) == len(_cells(rrows[inss[n][2]])):
                    out.append(("modify", d[1], inss[n][2]))
                    n += 1
                else:
                    out.append(d)
            out += inss[n:]
        return out

    def _mark_row_only(self, tr: etree._Element, kind: str) -> None:
        trpr = tr.find(w("trPr"))
        if trpr is None:
            trpr = etree.Element(w("trPr"))
            after = [c for c in tr if c.tag in (w("tblPrEx"),)]
            tr.insert(tr.index(after[-1]) + 1 if after else 0, trpr)
        trpr.append(self.author.revision(kind))
        self.result.revisions += 1


def _changes(before: ParagraphText, after: str) -> list[Change]:
    """Word-level changes; one whose word runs into someone else's revision ("preparation-" inserted by them,
    "2" ours) is narrowed to the characters that changed, so it can be made without touching theirs."""
    out: list[Change] = []
    for c in diff(before.text, after):
        if not before.locked_between(c.start, c.end):
            out.append(c)
            continue
        out += [Change(c.start + d.start, c.start + d.end, c.new_start + d.new_start, c.new_start + d.new_end)
                for d in char_diff(before.text[c.start:c.end], after[c.new_start:c.new_end])]
    return out


def _identity(block: etree._Element) -> bytes:
    """What names a content control or custom XML element (its properties), whatever it holds."""
    pr = block.find(w("sdtPr") if block.tag == w("sdt") else w("customXmlPr"))
    return b"" if pr is None else etree.tostring(pr, method="c14n") + (block.get(w("element")) or "").encode()


def _content(block: etree._Element) -> etree._Element | None:
    """Where a block-level content control or custom XML element keeps its blocks."""
    return block.find(w("sdtContent")) if block.tag == w("sdt") else block


def _rows(tbl: etree._Element) -> list[etree._Element]:
    """A table's own rows, including rows wrapped in content controls, not those of nested tables."""
    return [tr for tr in tbl.iter(w("tr")) if next(tr.iterancestors(w("tbl"))) is tbl]


def _cells(tr: etree._Element) -> list[etree._Element]:
    return [c for c in tr.iter(w("tc")) if next(c.iterancestors(w("tr"))) is tr]


def _strip_revisions(el: etree._Element) -> None:
    """Accept what a copied block carries, so our revision marks never wrap someone else's."""
    for tag in ("ins", "moveTo"):
        for x in list(el.iter(w(tag))):
            parent = x.getparent()
            if parent is not None and parent.tag == w("rPr"):
                parent.remove(x)
                continue
            for child in list(x):
                x.addprevious(child)
            parent.remove(x)
    for tag in ("del", "moveFrom"):
        for x in list(el.iter(w(tag))):
            parent = x.getparent()
            if parent is not None:
                parent.remove(x)
    for tag in ("rPrChange", "pPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange",
                "tblGridChange", "tblPrExChange", "cellIns", "cellDel"):
        for x in list(el.iter(w(tag))):
            x.getparent().remove(x)


def _best_pairs(xs: list, ys: list, similarity) -> list[tuple[int, int]]:
    """The order-keeping pairs (i, j) of alike blocks with the largest total similarity (a small dynamic
    programme); past MAX_PAIRING candidate pairs, pairs in order as long as neighbours are alike."""
    n, m = len(xs), len(ys)
    if not n or not m:
        return []
    if n * m > MAX_PAIRING:
        pairs, j = [], 0
        for i, x in enumerate(xs):
            if j < m and similarity(x, ys[j]) >= PAIR_SIMILARITY:
                pairs.append((i, j))
                j += 1
        return pairs
    sim = [[similarity(x, y) for y in ys] for x in xs]
    # best[i][j]: the best total for xs[i:], ys[j:]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sim[i][j] + best[i + 1][j + 1] if sim[i][j] >= PAIR_SIMILARITY else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if sim[i][j] >= PAIR_SIMILARITY and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _stretches(ops):
    """An alignment's equal blocks, each as (op, [], []), and between them its stretches of deleted and inserted
    blocks, each as (None, deletions, insertions)."""
    k = 0
    while k < len(ops):
        if ops[k][0] == "equal":
            yield ops[k], [], []
            k += 1
            continue
        dels, inss = [], []
        while k < len(ops) and ops[k][0] != "equal":
            (dels if ops[k][0] == "delete" else inss).append(ops[k])
            k += 1
        yield None, dels, inss


def _common_ends(a: list, b: list) -> tuple[int, int]:
    """How many items a and b share at their start, and then at their end."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def _align(a: list[str], b: list[str]) -> list[tuple[str, int | None, int | None]]:
    """Align two sequences of block keys: ('equal', i, j), ('delete', i, None), ('insert', None, j).

    The common head and tail are equal first (a cell typed into keeps its place among empty ones); between them,
    difflib anchors on the longest runs of equal blocks, deterministically and in time that grows with the
    document (diff-match-patch without a timeout bisects in time proportional to blocks times changed blocks).
    """
    head, tail = _common_ends(a, b)
    out: list[tuple[str, int | None, int | None]] = [("equal", i, i) for i in range(head)]
    middle = difflib.SequenceMatcher(None, a[head:len(a) - tail], b[head:len(b) - tail], autojunk=False)
    for op, i1, i2, j1, j2 in middle.get_opcodes():
        if op == "equal":
            out += [("equal", head + i, head + j) for i, j in zip(range(i1, i2), range(j1, j2))]
            continue
        out += [("delete", head + i, None) for i in range(i1, i2)]
        out += [("insert", None, head + j) for j in range(j1, j2)]
    out += [("equal", len(a) - tail + k, len(b) - tail + k) for k in range(tail)]
    return out


_P = w("p")
def _footnotes(root: etree._Element) -> dict[str, etree._Element]:
    return {n.get(w("id")): n for n in root if n.get(w("type")) in (None, "normal")}


def compare_packages(orig: Package, revised: Package, author: str, date: str) -> CompareResult:
    """Put into `orig` the tracked changes that turn its text into `revised`'s; the messages start with what the
    user should know about `orig` (its notes)."""
    cmp = _Comparer(Author(author, date, IdCounter([orig.part(n) for n in orig.annotated_parts()])))
    for text in orig.notes:
        cmp.result.tell(text)
    rev_stories = set(revised.story_parts())
    for name in orig.story_parts():
        if name not in rev_stories:
            continue
        o, r = orig.part(name), revised.part(name)
        if o.tag == w("document"):
            ob, rb = o.find(w("body")), r.find(w("body"))
            if ob is not None and rb is not None:
                cmp.container(ob, rb)
        elif o.tag in (w("hdr"), w("ftr")):
            cmp.container(o, r)
        elif o.tag in (w("footnotes"), w("endnotes")):
            rnotes = _footnotes(r)
            for nid, note in _footnotes(o).items():
                if nid in rnotes:
                    cmp.container(note, rnotes[nid])
        cmp.result.revisions += len(keep_insertions_apart(o, cmp.author))
    return cmp.result
