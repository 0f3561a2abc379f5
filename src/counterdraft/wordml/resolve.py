"""Accept or reject every tracked change in WordprocessingML, as Word's "Accept All" / "Reject All" do.

Both directions are one algorithm seen from two sides: each revision either *survives* (its markup goes,
its content stays) or *vanishes* (its content goes with it). Accepting keeps insertions and drops deletions;
rejecting keeps deletions, drops insertions and puts back the old properties recorded in every *Change.

The steps run in a fixed order because later ones read what earlier ones leave: properties first (a
restored w:pPr must be in place before paragraphs merge), then run content, then table rows and cells,
and paragraph marks last, once every paragraph's surviving content is known.
"""
from __future__ import annotations

from lxml import etree

from .ns import w
from .schema import TCPR_ORDER, insert_ordered

# ---------------------------------------------------------------------------------------------- names
_INS, _DEL, _MOVE_FROM, _MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
_WRAPPERS = (_INS, _DEL, _MOVE_FROM, _MOVE_TO)
#: Where ins/del/moveFrom/moveTo are empty markers on a property set, not wrappers around content.
_MARKER_PARENTS = {w("rPr"), w("trPr"), w("numPr")}

_P, _TBL, _TR, _TC = w("p"), w("tbl"), w("tr"), w("tc")
_PPR, _RPR, _TRPR, _TCPR = w("pPr"), w("rPr"), w("trPr"), w("tcPr")
_SDT, _SDT_CONTENT, _CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
_BODY = w("body")

#: Elements whose children are a sequence of paragraphs and tables: paragraph merging never crosses them,
#: so the last paragraph of a table cell never flows into the next cell.
_CONTAINERS = {w(t) for t in ("body", "tc", "txbxContent", "comment", "footnote", "endnote", "hdr", "ftr",
                              "docPartBody")}

#: Each *Change element, with the siblings of the current properties that its "old" copy does not record
#: and which must therefore survive a reject: (kept before the old properties, kept after them), in schema
#: order. E.g. CT_PPrBase inside w:pPrChange has no w:rPr (the paragraph mark) nor w:sectPr.
_PROPERTY_CHANGES = {
    w("rPrChange"): ((_INS, _DEL, _MOVE_FROM, _MOVE_TO), ()),
    w("pPrChange"): ((), (_RPR, w("sectPr"))),
    w("sectPrChange"): ((w("headerReference"), w("footerReference")), ()),
    w("tblPrChange"): ((), ()),
    w("tblGridChange"): ((), ()),
    w("tcPrChange"): ((), (w("cellIns"), w("cellDel"), w("cellMerge"))),
    w("trPrChange"): ((), (_INS, _DEL)),
    w("tblPrExChange"): ((), ()),
}
_NUMBERING_CHANGE = w("numberingChange")

#: Range markers that only delimit a revision; both directions drop them.
_RANGE_MARKERS = tuple(w(f"{kind}Range{edge}") for kind in ("moveFrom", "moveTo", "customXmlIns",
                                                              "customXmlDel", "customXmlMoveFrom",
                                                              "customXmlMoveTo") for edge in ("Start", "End"))

#: Paragraph children that are not content: a paragraph holding only these is empty.
_NOT_CONTENT = {w(t) for t in ("pPr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                               "proofErr", "permStart", "permEnd", "del", "moveFrom", "sdtPr", "sdtEndPr",
                               "customXmlPr", "smartTagPr")} | set(_RANGE_MARKERS)
#: Inline wrappers: a paragraph has content if something inside them is content.
_INLINE_WRAPPERS = {w(t) for t in ("hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "dir", "bdo",
                                   "ins", "moveTo")}

_CELL_MERGE_VALUES = {"rest": "restart", "cont": "continue"}


# ---------------------------------------------------------------------------------------------- public API
def accept_tree(root: etree._Element) -> None:
    """Accept every revision in one story part (document, header, footer, notes, comments), in place."""
    _resolve(root, accept=True)


def reject_tree(root: etree._Element) -> None:
    """Reject every revision in one story part, in place."""
    _resolve(root, accept=False)


def accept_package(pkg) -> None:
    """Accept every revision in every story of `pkg`, as Word's Accept All Changes does."""
    for name in pkg.annotated_parts():
        accept_tree(pkg.part(name))


def reject_package(pkg) -> None:
    """Reject every revision in every story of `pkg`, as Word's Reject All Changes does."""
    for name in pkg.annotated_parts():
        reject_tree(pkg.part(name))


# ---------------------------------------------------------------------------------------------- the steps
def _resolve(root: etree._Element, accept: bool) -> None:
    # The wrappers and markers whose content vanishes in this direction (text, table rows, paragraph marks).
    gone = (_DEL, _MOVE_FROM) if accept else (_INS, _MOVE_TO)
    _property_changes(root, accept)
    _custom_xml_markup(root, accept)
    _moved_tables(root, accept)
    _run_content(root, accept, gone)
    for marker in list(root.iter(*_RANGE_MARKERS)):
        _remove(marker)
    _rows_and_cells(root, accept, gone)
    _empty_tables(root)
    _paragraph_marks(root, gone)


def _property_changes(root: etree._Element, accept: bool) -> None:
    """Accept: the current properties stand, so drop the record. Reject: the record becomes current."""
    for change in list(root.iter(*_PROPERTY_CHANGES, _NUMBERING_CHANGE)):
        parent = change.getparent()
        if parent is None:
            continue
        # w:numberingChange records only the old list label as text (w:original), not numbering
        # properties; nothing can be restored from it, so both directions drop it.
        if accept or change.tag == _NUMBERING_CHANGE:
            parent.remove(change)
            continue
        before_tags, after_tags = _PROPERTY_CHANGES[change.tag]
        old = next((c for c in change if isinstance(c.tag, str)), None)
        before = [c for c in parent if c.tag in before_tags]
        after = [c for c in parent if c.tag in after_tags]
        restored = [] if old is None else [c for c in old if c.tag not in before_tags and c.tag not in after_tags]
        del parent[:]
        parent.extend(before + restored + after)


def _custom_xml_markup(root: etree._Element, accept: bool) -> None:
    """customXml*Range markers say the *markup* of content controls / custom XML inside them was inserted,
    deleted or moved (their content carries its own revisions): where that markup vanishes, unwrap it."""
    kinds = ("customXmlDel", "customXmlMoveFrom") if accept else ("customXmlIns", "customXmlMoveTo")
    for el in _inside_ranges(root, kinds, (_SDT, _CUSTOM_XML)):
        if el.tag == _SDT:
            content = el.find(_SDT_CONTENT)
            _unwrap(el, [] if content is None else list(content))
        else:
            _unwrap(el, [c for c in el if c.tag != w("customXmlPr")])


def _moved_tables(root: etree._Element, accept: bool) -> None:
    """A table wholly inside the vanishing side of a move goes with it, whatever its rows say."""
    kinds = ("moveFrom",) if accept else ("moveTo",)
    for tbl in _inside_ranges(root, kinds, (_TBL,)):
        _remove_block(tbl)


def _run_content(root: etree._Element, accept: bool, gone: tuple[str, str]) -> None:
    """Wrapped content: the vanishing wrappers go with their content, the surviving ones are unwrapped."""
    kept = tuple(t for t in _WRAPPERS if t not in gone)
    # Word may leave the field-code runs of a deleted (or inserted) field outside the w:del (w:ins) that wraps
    # its w:fldChar runs on both sides; those codes belong to the same revision and share its fate.
    code_runs = dict.fromkeys(t.getparent() for t in root.iter(w("instrText")))
    for run in [r for r in code_runs if r is not None and r.tag == w("r")]:
        parent = run.getparent()
        if parent is not None and parent.tag not in _WRAPPERS and _between_field_chars(run, gone):
            parent.remove(run)
    # Removal first, so an insertion nested in a deletion (or the reverse) vanishes with its outer wrapper.
    for el in list(root.iter(*gone)):
        parent = el.getparent()
        if parent is None or parent.tag in _MARKER_PARENTS:
            continue
        parent.remove(el)
    for el in list(root.iter(*kept)):
        parent = el.getparent()
        if parent is not None and parent.tag not in _MARKER_PARENTS:
            _unwrap(el, list(el))
    # Numbering added with tracking on (w:numPr/w:ins): rejecting it takes the numbering away.
    for numpr in list(root.iter(w("numPr"))):
        markers = [c for c in numpr if c.tag in _WRAPPERS]
        if not accept and any(m.tag == _INS for m in markers):
            _remove(numpr)
        else:
            for m in markers:
                numpr.remove(m)
    if accept:
        # Deleted text only exists inside w:del, which is gone; a stray one is no text of the accepted document.
        for el in list(root.iter(w("delText"), w("delInstrText"))):
            _remove(el)
    else:
        # Restored deletions become ordinary text and field codes again.
        for el in root.iter(w("delText")):
            el.tag = w("t")
        for el in root.iter(w("delInstrText")):
            el.tag = w("instrText")


def _between_field_chars(run: etree._Element, gone: tuple[str, str]) -> bool:
    def neighbour(preceding: bool):
        for sib in run.itersiblings(preceding=preceding):
            if not (sib.tag == w("r") and sib.find(w("instrText")) is not None):
                return sib
        return None

    sides = [neighbour(True), neighbour(False)]
    return all(s is not None and s.tag in gone and s.find(f"{w('r')}/{w('fldChar')}") is not None for s in sides)


def _rows_and_cells(root: etree._Element, accept: bool, gone: tuple[str, str]) -> None:
    for tr in list(root.iter(_TR)):
        trpr = tr.find(_TRPR)
        if trpr is None:
            continue
        markers = [c for c in trpr if c.tag in _WRAPPERS]
        if any(m.tag in gone for m in markers):
            _remove(tr)
            continue
        for m in markers:
            trpr.remove(m)
        if len(trpr) == 0 and not trpr.attrib:
            tr.remove(trpr)

    cell_gone = w("cellDel") if accept else w("cellIns")
    for tcpr in list(root.iter(_TCPR)):
        tc = tcpr.getparent()
        if tc is None or tc.tag != _TC or tc.getparent() is None:
            continue
        if tcpr.find(cell_gone) is not None:
            _remove_cell(tc)
            continue
        for marker in tcpr.findall(w("cellIns")) + tcpr.findall(w("cellDel")):
            tcpr.remove(marker)
        merge = tcpr.find(w("cellMerge"))
        if merge is not None:
            # w:cellMerge records a vertical-merge revision: w:vMerge is the new state, w:vMergeOrig the old.
            value = merge.get(w("vMerge") if accept else w("vMergeOrig"))
            tcpr.remove(merge)
            if value is not None or not accept:
                for old in tcpr.findall(w("vMerge")):
                    tcpr.remove(old)
                if value is not None:
                    insert_ordered(tcpr, "vMerge", TCPR_ORDER).set(
                        w("val"), _CELL_MERGE_VALUES.get(value, value))


def _remove_cell(tc: etree._Element) -> None:
    """Drop a cell but keep the row spanning the table grid: its grid columns go to a neighbouring cell
    (the previous one, as Word shifts cells left), so the other rows' cells stay aligned."""
    row = tc.getparent()
    span = _grid_span(tc)
    neighbour = next((s for s in tc.itersiblings(preceding=True) if s.tag == _TC), None)
    if neighbour is None:
        neighbour = next((s for s in tc.itersiblings() if s.tag == _TC), None)
    row.remove(tc)
    if neighbour is None:
        _remove(row)
        return
    tcpr = neighbour.find(_TCPR)
    if tcpr is None:
        tcpr = etree.Element(_TCPR)
        neighbour.insert(0, tcpr)
    grid = tcpr.find(w("gridSpan"))
    if grid is None:
        grid = insert_ordered(tcpr, "gridSpan", TCPR_ORDER)
    grid.set(w("val"), str(_grid_span(neighbour) + span))


def _grid_span(tc: etree._Element) -> int:
    el = tc.find(f"{_TCPR}/{w('gridSpan')}")
    try:
        return max(1, int(el.get(w("val"), "1"))) if el is not None else 1
    except ValueError:
        return 1


def _empty_tables(root: etree._Element) -> None:
    """A table whose every row vanished vanishes too (innermost first, as an outer one may then empty)."""
    for tbl in reversed(list(root.iter(_TBL))):
        if tbl.getparent() is not None and not any(_nearest(tr, _TBL) is tbl for tr in tbl.iter(_TR)):
            _remove_block(tbl)


def _paragraph_marks(root: etree._Element, gone: tuple[str, str]) -> None:
    """A paragraph whose mark vanishes joins the next paragraph of its container.

    As in Word (and PowerTools' expected files), the joined paragraph keeps the properties of the mark that
    survives, the last one: the text flows into the next paragraph, whose mark ends it. A run of vanishing
    marks with nothing after it in the container (end of a cell or body, or a table next) cannot join
    anything: it stays a paragraph if it still has content, and disappears if it is empty.
    """
    for container in list(root.iter(*_CONTAINERS)):
        group: list[etree._Element] = []
        for block in list(_blocks(container)):
            if block.tag == _TBL:
                if group:
                    _close_group(group, open_end=True)
                group = []
                continue
            group.append(block)
            if not _mark_vanishes(block, gone):
                _close_group(group, open_end=False)
                group = []
        if group:
            _close_group(group, open_end=True)
    # Markers outside any container (or on run properties, where they have no meaning) are dropped too.
    for marker in list(root.iter(*_WRAPPERS)):
        parent = marker.getparent()
        if parent is not None and parent.tag == _RPR:
            parent.remove(marker)
            _drop_if_empty(parent)


def _close_group(group: list[etree._Element], open_end: bool) -> None:
    """Merge `group` (paragraphs whose marks vanish, then possibly one whose mark survives) into its last."""
    target = group[-1]
    at = 1 if len(target) and target[0].tag == _PPR else 0
    for p in group[:-1]:
        for child in [c for c in p if c.tag != _PPR]:
            target.insert(at, child)
            at += 1
        _remove_block(p)
    mark = target.find(f"{_PPR}/{_RPR}")
    if mark is not None:
        for m in [c for c in mark if c.tag in _WRAPPERS]:
            mark.remove(m)
        _drop_if_empty(mark)
    # An empty paragraph whose mark vanishes disappears, unless its container would then end without a
    # paragraph (a cell, or the body before a table): then it stays, keeping its own properties.
    if open_end and not _has_content(target):
        blocks = list(_blocks(_container(target)))
        i = blocks.index(target)
        if i + 1 < len(blocks) or (i > 0 and blocks[i - 1].tag == _P):
            _remove_block(target)


def _mark_vanishes(p: etree._Element, gone: tuple[str, str]) -> bool:
    mark = p.find(f"{_PPR}/{_RPR}")
    return mark is not None and any(c.tag in gone for c in mark)


def _has_content(el: etree._Element) -> bool:
    for child in el:
        if not isinstance(child.tag, str) or child.tag in _NOT_CONTENT:
            continue
        if child.tag in _INLINE_WRAPPERS:
            if _has_content(child):
                return True
            continue
        return True  # a run, a field, math, or anything unknown: keep it rather than lose it
    return False


# ---------------------------------------------------------------------------------------------- tree helpers
def _blocks(container: etree._Element):
    """The paragraphs and tables of a container in order, looking through block-level content controls and
    custom XML (they do not stop text flowing from one paragraph to the next)."""
    for child in list(container):
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif child.tag == _CUSTOM_XML:
            yield from _blocks(child)


def _remove_block(block: etree._Element) -> None:
    """Remove a paragraph or table, then the block wrappers it leaves empty, and keep its container valid:
    a cell, the body, a note or a header must hold a paragraph, and end with one (Word needs it after a
    table)."""
    parent = block.getparent()
    if parent is None:
        return
    container = _container(parent)
    parent.remove(block)
    while parent.tag in (_SDT_CONTENT, _CUSTOM_XML) and not any(c.tag in (_P, _TBL, _SDT, _CUSTOM_XML)
                                                                  for c in parent):
        holder = parent.getparent() if parent.tag == _SDT_CONTENT else parent
        up = holder.getparent() if holder is not None else None
        if up is None:
            break
        up.remove(holder)
        parent = up
    if container is None:
        return
    blocks = list(_blocks(container))
    if not blocks or blocks[-1].tag == _TBL:
        sect = container.find(w("sectPr")) if container.tag == _BODY else None
        if sect is not None:
            sect.addprevious(etree.Element(_P))
        else:
            container.append(etree.Element(_P))


def _container(el: etree._Element) -> etree._Element | None:
    while el is not None and el.tag not in _CONTAINERS:
        el = el.getparent()
    return el


def _inside_ranges(root: etree._Element, kinds, targets) -> list[etree._Element]:
    """Elements with tag in `targets` lying wholly between a <kind>RangeStart and its <kind>RangeEnd."""
    starts = {w(f"{k}RangeStart"): k for k in kinds}
    ends = {w(f"{k}RangeEnd"): k for k in kinds}
    if not any(True for _ in root.iter(*starts)):
        return []
    pos = 0
    open_at: dict[tuple[str, str | None], int] = {}
    spans: list[tuple[int, int]] = []
    seen: dict[etree._Element, list[int]] = {}
    for event, el in etree.iterwalk(root, events=("start", "end")):
        pos += 1
        if event == "start":
            if el.tag in starts:
                open_at[(starts[el.tag], el.get(w("id")))] = pos
            elif el.tag in targets:
                seen[el] = [pos, pos]
        else:
            if el.tag in ends:
                begin = open_at.pop((ends[el.tag], el.get(w("id"))), None)
                if begin is not None:
                    spans.append((begin, pos))
            elif el in seen:
                seen[el][1] = pos
    return [el for el, (a, b) in seen.items() if any(s < a and b < e for s, e in spans)]


def _unwrap(el: etree._Element, children: list[etree._Element]) -> None:
    parent = el.getparent()
    if parent is None:
        return
    i = parent.index(el)
    parent[i:i + 1] = children


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _drop_if_empty(el: etree._Element) -> None:
    if len(el) == 0 and not el.attrib:
        _remove(el)


def _nearest(el: etree._Element, tag: str) -> etree._Element | None:
    for anc in el.iterancestors(tag):
        return anc
    return None
