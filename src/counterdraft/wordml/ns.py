"""Namespaces, qualified names and relationship types: the only place OOXML spellings are defined."""
from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag: w('p') -> '{...main}p'."""
    return f"{{{W_NS}}}{tag}"


XML_SPACE = f"{{{XML_NS}}}space"

#: The children of w:pPr in the order ECMA-376 requires (CT_PPrBase, then CT_PPr's own). Some writers get it wrong
#: (pandoc 2.17 puts w:numPr before w:pStyle); properties we write or copy are put in this order.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")


def in_schema_order(parent, order: tuple[str, ...]) -> None:
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


class RT:
    _BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    OFFICE_DOCUMENT = _BASE + "officeDocument"
    HEADER = _BASE + "header"
    FOOTER = _BASE + "footer"
    FOOTNOTES = _BASE + "footnotes"
    ENDNOTES = _BASE + "endnotes"
    COMMENTS = _BASE + "comments"
    STYLES = _BASE + "styles"
    NUMBERING = _BASE + "numbering"


class CT:
    COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
