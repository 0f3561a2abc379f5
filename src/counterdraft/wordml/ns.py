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
