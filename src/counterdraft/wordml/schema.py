"""The schema's sequences of child elements: where an element we write, or a copy we make, must go for Word to
accept the document."""
from __future__ import annotations

from lxml import etree

from .ns import w

#: The children of w:pPr in the order ECMA-376 requires (CT_PPrBase, then CT_PPr's own). Some writers get it wrong
#: (pandoc 2.17 puts w:numPr before w:pStyle); properties we write or copy are put in this order.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
#: The children of w:tcPr in schema order, to put a w:gridSpan or w:vMerge where Word expects it.
TCPR_ORDER = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
              "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
              "tcPrChange")


def in_schema_order(parent: etree._Element, order: tuple[str, ...]) -> None:
    """Reorder parent's w: children as `order` lists them; any other child (an extension) keeps following the
    child it followed."""
    rank = {w(t): i for i, t in enumerate(order)}
    keyed, last = [], -1
    for i, child in enumerate(parent):
        last = rank.get(child.tag, last)
        keyed.append((last, i, child))
    keyed.sort(key=lambda k: (k[0], k[1]))
    if any(i != n for n, (_, i, _) in enumerate(keyed)):
        parent[:] = [child for _, _, child in keyed]


def insert_ordered(parent: etree._Element, name: str, order: tuple[str, ...]) -> etree._Element:
    """Insert a new w:`name` child where the schema's sequence `order` puts it."""
    rank = {w(t): i for i, t in enumerate(order)}
    new = etree.Element(w(name))
    for i, child in enumerate(parent):
        if rank.get(child.tag, -1) > rank[w(name)]:
            parent.insert(i, new)
            return new
    parent.append(new)
    return new
