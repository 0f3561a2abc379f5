"""Sections from a read document: where each clause of the contract starts and which paragraphs it holds.

A contract marks its structure in many ways: heading styles, Word auto-numbering (w:numPr), typed numbers
("3.2", "Section 7", "ARTICLE IV", "(a)"), bold or ALL-CAPS captions, table rows, or nothing at all (a letter).
Each heading becomes a node of a tree; the kind of marker decides the nesting (the first marker of a kind seen
under a node opens a deeper level, a marker of a kind already open closes the levels below it), so no fixed rank
of markers is assumed. Runs of paragraphs under no heading, and the paragraphs of a long section, are also nodes,
so a topic can be matched to one paragraph of a letter as well as to a whole article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Literal

from .extract import ends_mid_sentence
from .wordml.read import Block

MAX_CAPTION = 90
MAX_HEADING_WORDS = 14
TITLE_SHARE = 0.5

_ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"
#: Typed numbering that opens a section, and the kind each form belongs to.
_MARKERS: list[tuple[str, re.Pattern]] = [
    ("article", re.compile(rf"(?i)^(?:article|part)\s+((?:\d+|{_ROMAN}(?:\s?i)*))\b[.:]?")),
    ("section-word", re.compile(r"(?i)^(?:section|§)\s*(\d+(?:\.\d+)*[a-z]?)\b\.?")),
    ("dotted", re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)\.?(?=[\s\u00a0]|$)")),
    ("number", re.compile(r"^(\d{1,3})(?:\.|\)|(?=[\s\u00a0]+[A-Z“\"]))(?=[\s\u00a0]|$)")),
    # "7A." inserted after "7." without renumbering the rest, as an amendment or our redline numbers it
    ("number-letter", re.compile(r"^(\d{1,3}[A-Z])[.)](?=[\s\u00a0])")),
    ("paren-number", re.compile(r"^\((\d{1,3})\)")),
    ("paren-roman", re.compile(r"^\(((?:x{0,3})(?:ix|iv|v?i{1,3}|v|x))\)")),
    ("paren-ROMAN", re.compile(r"^\(((?:X{0,3})(?:IX|IV|V?I{1,3}|V|X))\)")),
    ("paren-alpha", re.compile(r"^\(([a-z]{1,2})\)")),
    ("paren-ALPHA", re.compile(r"^\(([A-Z]{1,2})\)")),
    ("roman", re.compile(r"^((?:x{0,3})(?:ix|iv|v?i{1,3}|v|x))[.)](?=[\s\u00a0])")),
    ("ROMAN", re.compile(r"^((?:X{0,3})(?:IX|IV|V?I{1,3}|V|X))[.)](?=[\s\u00a0])")),
    ("alpha", re.compile(r"^([a-z])[.)](?=[\s\u00a0])")),
    ("ALPHA", re.compile(r"^([A-Z])[.)](?=[\s\u00a0])")),
    ("bullet", re.compile(r"^([•·▪◦§o\-–—*])(?=[\s\u00a0])")),
]
#: Kept for callers that only ask whether a text opens with typed numbering.
NUMBERED = re.compile(r"^\s*(?:(?:section|article)\s+[\divxlc]+[.:]?|\d+(?:\.\d+)*\.?|\([a-z0-9]+\)|[ivxlc]+\.)\s+",
                      re.I)
#: A caption after the marker: a few words, most of them capitalised, ending in a period or colon.
_INLINE = re.compile(r"^([A-Z“\"][^.:;!?]{0,%d}?[.:])(?=[\s\u00a0]+\S)" % MAX_CAPTION)
_SIGNATURE_LINES = (r"in\s+witness(?:,?\s+where(?:of|for)|\s*$)|\[?\s*signature\s+page|signatures?\s*:?\s*$|"
                    r"accepted\s+and\s+agreed|agreed\s+(?:to\s+)?and\s+accepted|acknowledged\s+and\s+agreed|/s/|"
                    r"(?:accepted|acceptance|agreed|acknowledged)(?:\s+by)?\s*:\s*(?:/s/|_{3,}|$)|acceptance\s*$|"
                    r"by\s*:\s*(?:/s/|_{3,})")
#: Where the signatures start: the testimonium ("IN WITNESS WHEREOF", or "IN WITNESS" with "WHEREOF" on the next
#: line), a signature page, an acceptance line ("Accepted and agreed:", or "ACCEPTED:" or "ACCEPTANCE" alone or over
#: a blank), a conformed or blank signature ("By: /s/ ...").
SIGNATURES = re.compile(rf"(?i)^\s*(?:{_SIGNATURE_LINES})")
#: The close of a letter; what follows is its signature.
SIGN_OFF = re.compile(r"(?i)^\s*(?:sincerely|very\s+truly\s+yours|yours\s+(?:very\s+)?(?:truly|sincerely)|"
                      r"(?:best|kind|warm)\s+(?:regards|wishes)|regards|cordially|respectfully(?:\s+yours)?)\b")
#: Where the clauses end: the signature block, and exhibits or schedules that start over at the top level ("Exhibit
#: 10.1" is the number of a filing's exhibit, the contract itself, not an attachment to it).
#: The title of an exhibit, schedule or the like ("Exhibit A", not "Exhibit 10.1" atop a filing).
_EXHIBIT_TITLE = (r"(?:exhibit|schedule|appendix|annex|attachment|addendum)\s+[A-Z0-9]{1,3}\b(?!\.\d)"
                  r"(?![.,;]?\s+(?-i:[a-z]))")
_EXHIBIT = re.compile(rf"(?i)^\s*{_EXHIBIT_TITLE}")
#: Titles of agreements that sit beside the employment agreement (a covenant, an inventions assignment, an
#: amendment, a separation) and so are no place for new terms of employment.
BESIDE_EMPLOYMENT = re.compile(r"(?i)\bamendment\b(?!\s+and\s+restatement)|"
                               r"^(?!.*\b(?:employment|offer)\b).*\b(?:restrictive\s+covenants?|non-?compet\w*|"
                               r"non-?solicit\w*|confidentiality|non-?disclosure|inventions?|intellectual\s+property|"
                               r"proprietary\s+information|severance|separation|release|business\s+associate|"
                               r"change\s+(?:in|of)\s+control|indemnification)\b")
#: The last word of an agreement's title ("NONCOMPETE AGREEMENT"), not of a clause's caption about this one.
_AGREEMENT_TITLE = re.compile(r"(?i)\b(?:agreement|rider|addendum)\s*$")
_CLOSING = re.compile(rf"(?i)^\s*(?:{_SIGNATURE_LINES}|(?:attachments?|enclosures?|encl\.)\s*:|{_EXHIBIT_TITLE})")
_LABEL = re.compile(r"(?i)^\s*(?:re|subject|dear\b[^:]*|to|from|cc|date|attention|attn|by|name|title|its|address|"
                    r"accepted|agreed|acknowledged|signed|witness)\s*:")
#: A letter's delivery marking ("PERSONAL AND CONFIDENTIAL", "Via Email"): no section, so no heading that names
#: confidentiality over the addressee's lines.
_DELIVERY = re.compile(r"(?i)^\s*(?:(?:personal|private|strictly\s+private)\s+(?:and|&)\s+confidential|strictly\s+"
                       r"confidential|confidential|(?:sent\s+)?(?:via|by)\s+(?:e-?mail|hand(?:\s+delivery)?|courier|"
                       r"overnight\s+(?:mail|delivery|courier)|federal\s+express|fedex|certified\s+mail|u\.?s\.?\s+mail|"
                       r"facsimile|fax)(?:\s+(?:and|&)\s+[\w. ]{2,30})?)\s*[.:]?\s*$")
#: A letter's salutation: the letter's body starts under it, not under the letterhead or delivery lines above it.
SALUTATION = re.compile(r"(?i)^\s*dear\b[^:;]{0,80}[:,]\s*$")
_LEAD_IN = re.compile(r"[:\u2014\u2013-]\s*$")
#: The end of a list item the next one continues ("...of the Company or Parent; or"), not a salutation's comma.
_RUNS_ON = re.compile(r"(?i)(?:;|[;,]\s*(?:and|or|and/or))\s*$")
#: The operative words after the recitals ("NOW, THEREFORE, ... the parties agree as follows:"): the clauses that
#: follow stand at the top, not under the title or a "WITNESSETH" or "RECITALS" heading.
_OPERATIVE = re.compile(r"(?i)^\s*(?:now,?\s+therefore|in\s+consideration\s+of|accordingly)\b.{0,600}?"
                        r"\b(?:agree[sd]?|covenant)\b.{0,80}?\bas\s+follows\s*[:.\u2014\u2013-]?\s*$")
_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "upon",
          "with", "without", "other", "than", "under", "its", "his", "her", "their", "after", "before", "during",
          "not", "no", "per", "vs", "via", "&", "etc"}


@dataclass
class Section:
    heading: str | None
    blocks: list[Block] = field(default_factory=list)
    #: The caption stands at the start of the first block, followed by body text in the same paragraph.
    inline_caption: bool = False
    number: str | None = None  # the typed number of the caption, e.g. "7" in "7. Termination."
    kind: Literal["heading", "intro", "paragraph", "row", "span"] = "heading"
    level: int = 0  # depth in the tree; 0 for the top
    parent: "Section | None" = field(default=None, repr=False, compare=False)
    children: list["Section"] = field(default_factory=list, repr=False, compare=False)
    caption: str = ""  # the leading text of the first block that is the caption (marker included), if inline
    start: int = 0  # index of its first block in the document's block list
    key: str = field(default="", repr=False, compare=False)  # the kind of marker that opened it
    in_exhibit: bool = field(default=False, repr=False, compare=False)  # after an exhibit's title, at the top
    #: How many paragraphs a heading alone on its lines takes: more than one where its words run on to the next line
    #: ("ARTICLE IV" then "TERMINATION").
    heading_lines: int = field(default=1, repr=False, compare=False)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @property
    def body_blocks(self) -> list[Block]:
        """The paragraphs that hold clause text (a separate heading paragraph and table cells excluded)."""
        if self.kind == "row":
            return [b for b in self.blocks if b.cell is not None and b.cell[2] > 0]
        body = self.blocks if self.inline_caption or self.heading is None else self.blocks[self.heading_lines:]
        return [b for b in body if not b.in_table]

    @property
    def where(self) -> str:
        """The heading path a reader can find it by, e.g. "3. Compensation > (b) Bonus"."""
        parts = []
        node: Section | None = self
        while node is not None:
            label = node.heading or (f"({node.number})" if node.number else None)
            if label:
                parts.append(label)
            node = node.parent
        return " > ".join(reversed(parts))

    @property
    def after_the_clauses(self) -> bool:
        """In the signature block or an exhibit, schedule or attachment: past the agreement's own clauses."""
        node: Section | None = self
        while node is not None:
            if node.key == "closing" or node.in_exhibit:
                return True
            node = node.parent
        return False

    def following(self, block: Block) -> list[Block]:
        """The paragraphs of the section after `block` (table cells aside), where the items of a lead-in are."""
        at = next((i for i, b in enumerate(self.blocks) if b is block), len(self.blocks))
        return [b for b in self.blocks[at + 1:] if not b.in_table]

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class _Mark:
    key: str  # the kind of marker: nesting is decided by kinds
    heading: str | None
    number: str | None
    inline: bool
    caption: str  # the leading text that is the caption, for an inline caption


def marker(text: str) -> tuple[str, str, str] | None:
    """(kind, number, the marker as typed) of typed numbering at the start of text, or None."""
    stripped = text.lstrip()
    for kind, pattern in _MARKERS:
        m = pattern.match(stripped)
        if m:
            if kind == "article" and not re.match(r"(?i)^(?:article|part)\s+[\divxlc]", stripped):
                continue
            if kind == "dotted":
                kind = f"dotted{m.group(1).count('.') + 1}"
            elif kind == "number":
                kind = "dotted1"
            return kind, m.group(1), m.group(0)
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z’'\-]*", text)


def _titled(text: str) -> bool:
    """Its words are capitalised, as in "Termination Without Cause" (not "the Company shall")."""
    words = [w for w in _words(text) if w.lower() not in _SMALL]
    lower = sum(not w[0].isupper() for w in words)
    return bool(words) and lower <= (1 if len(words) >= 4 else 0)


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _short_heading(text: str) -> bool:
    """A line that reads as a heading on its own: short, no sentence in it."""
    words = _words(text)
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > 150:
        return False
    if text.rstrip().endswith((",", ";")) or re.search(r"\.\s+[a-z]", text):
        return False
    return _titled(text) or _caps(text)


def _colon_caption(text: str) -> bool:
    """A line that is an offer letter's caption: a few capitalised words and a colon ("Annual Base Salary:")."""
    return text.endswith(":") and len(_words(text)) <= 6 and _titled(text)


#: A line of words only, as a caption broken over lines has before its last ("Personal Financial", "Planning and
#: Tax", then "Preparation:").
_FRAGMENT = re.compile(r"[A-Za-z][A-Za-z&’' -]*")


def _fragments(blocks: list[Block]) -> set[int]:
    """The blocks (by id) that open a caption broken over lines, ended by a line that is a caption of its own
    ("Time Vested", then "Restricted Stock:"): up to two such lines before it."""
    out: set[int] = set()
    body = [b for b in blocks if not b.in_table and b.text.strip()]
    for i, b in enumerate(body):
        text = b.text.strip()
        if _colon_caption(text) and not b.numbered and not b.caption and _mark(b) is not None:
            for before in reversed(body[max(0, i - 2):i]):
                lead = before.text.strip()
                if before.numbered or before.caption or before.outline_level is not None or \
                        not _FRAGMENT.fullmatch(lead) or len(_words(lead)) > 5 or not _titled(lead):
                    break
                out.add(id(before))
    return out


#: How many unnumbered title-case lines over prose make a document's way of heading its parts.
TITLED_HEADINGS = 3


def _titled_headings(blocks: list[Block]) -> set[int]:
    """The blocks (by id) that head a part as a plain line in title case over a paragraph of prose ("Weekly
    Schedule", then "The Physician will work ..."), where the document heads at least TITLED_HEADINGS parts so:
    unformatted, numbered nowhere, no sentence, nothing after a colon (physician3's health center, whose every
    heading was read as a paragraph of the part before it)."""
    body = [b for b in blocks if not b.in_table and b.text.strip()]
    out = {id(b) for b, after in zip(body, body[1:])
           if not b.numbered and not b.caption and b.outline_level is None and marker(b.text.strip()) is None
           and _short_heading(b.text.strip()) and _titled(b.text.strip()) and not _caps(b.text.strip())
           and not re.search(r"[.,;:!?]$", b.text.strip()) and len(_words(after.text)) >= 12
           and _mark(after) is None and not _LABEL.match(b.text)}
    return out if len(out) >= TITLED_HEADINGS else set()


def inline_caption(rest: str) -> str | None:
    """The caption a paragraph's text (after its number) opens with ("Termination Without Cause." in "(d)
    Termination Without Cause. ..."), else None."""
    m = _INLINE.match(rest)
    if not m:
        return None
    cap = m.group(1)
    return cap if _titled(cap) and len(_words(cap)) <= MAX_HEADING_WORDS else None


def opening_caption(text: str) -> str | None:
    """The caption a paragraph opens with after any typed number ("Continuing Medical Education." in "7A.
    Continuing Medical Education. NUH shall ..."), else None."""
    text = text.strip()
    typed = marker(text)
    return inline_caption(text[len(typed[2]):].lstrip() if typed else text)


def _mark(block: Block, runs_on: bool = False) -> _Mark | None:
    """What heading, if any, a paragraph opens with; `runs_on` when the paragraph before it runs on into it."""
    text = block.text.strip()
    if not text or block.in_table:
        return None
    typed = marker(text)
    number, rest = (typed[1], text[len(typed[2]):].lstrip(" \t\u00a0")) if typed else (None, text)
    bold = block.caption.strip()
    if block.outline_level is not None and block.outline_level < 9 and len(text) <= 200:
        # a heading style numbered at a deeper list level is that much deeper (every clause of Common Paper's forms
        # is in Heading 1, its level told by the numbering)
        level = max(block.outline_level, block.list_level or 0) if block.numbered else block.outline_level
        cap = inline_caption(rest)
        if cap is not None and len(_words(rest[len(cap):])) >= 4:
            # a clause in a heading style with its caption run in ("Non-Exhaustive Remedies.  Except where ...")
            caption = text[:len(text) - len(rest)] + cap
            return _Mark(f"outline{level}", caption.rstrip(" .:"), number, True, caption)
        if block.numbered and not _short_heading(rest) and len(_words(rest)) > MAX_HEADING_WORDS:
            # a sentence in a heading style, numbered as an item ("Except where Contractor terminates for cause
            # pursuant to Section 4.2(a), Contractor will issue a refund ..."): an item with no caption
            return _Mark(f"outline{level}", None, number, False, "")
        return _Mark(f"outline{level}", text, number, False, "")
    key = f"list:{block.style}:{block.list_level or 0}" if block.numbered else None
    if typed is not None:
        key = key or typed[0]
    if _LABEL.match(bold or text) or _DELIVERY.match(text):
        return None  # "Re:", "Dear ...:", "By:", "Name:" head a letter or a signature, not a section
    if bold and len(bold) <= MAX_CAPTION and text.startswith(bold):
        if bold == text and len(_words(bold)) > MAX_HEADING_WORDS:
            bold = ""  # a whole bold paragraph of prose is emphasis, not a caption
        elif typed is not None or bold.endswith((".", ":")) or bold == text or block.numbered:
            body = text[len(bold):].strip()
            if typed is not None and len(bold) <= len(text) - len(rest):
                # only the number is bold ("1." then plain text): the caption is read from the text
                pass
            else:
                return _Mark(key or "bold", bold.rstrip(" .:"), number, bool(body), bold if body else "")
    if key is None:
        if _caps(text) and _short_heading(text):
            return _Mark("caps", text.rstrip(" .:"), None, False, "")
        if _colon_caption(text):
            # an offer letter's caption on its own line ("Annual Base Salary:"), its terms in the lines below
            return _Mark("colon", text.rstrip(" :"), None, False, "")
        return None
    if not rest:
        return _Mark(key, text.rstrip(" .:"), number, False, "")  # the number alone on its line
    if runs_on and inline_caption(rest) is None and not _caps(rest):
        # the last item of a list the item before runs on into ("(c) ...; or" then "(d) Was funded by the
        # Company."): a short sentence, no heading
        return _Mark(key, None, number, False, "")
    if _short_heading(rest) and not rest.endswith(".") or (_caps(rest) and _short_heading(rest)):
        return _Mark(key, text.rstrip(" .:"), number, False, "")
    cap = inline_caption(rest)
    if cap is not None:
        caption = text[:len(text) - len(rest)] + cap
        return _Mark(key, caption.rstrip(" .:"), number, True, caption)
    if _short_heading(rest):
        return _Mark(key, text.rstrip(" .:"), number, False, "")
    return _Mark(key, None, number, False, "")  # a numbered paragraph with no caption


def _continues(kind_key: str, number: str | None, open_keys: list[tuple[str, str | None]]) -> str:
    """Resolve "(i)" and "i." between letters and roman numerals by what is already open."""
    if number and kind_key in ("paren-roman", "roman", "paren-ROMAN", "ROMAN") and len(number) == 1:
        alpha = {"paren-roman": "paren-alpha", "roman": "alpha", "paren-ROMAN": "paren-ALPHA",
                 "ROMAN": "ALPHA"}[kind_key]
        prev = {"i": "h", "v": "u", "x": "w", "I": "H", "V": "U", "X": "W"}.get(number)
        for key, last in open_keys:
            if key == alpha and last == prev:
                return alpha
        if not any(key == kind_key for key, _ in open_keys) and any(key == alpha for key, _ in open_keys) \
                and number not in ("i", "I"):
            return alpha  # "(v)" with letters open and no roman list begun
    return kind_key


def roman_value(text: str) -> int | None:
    """A roman numeral's value ("iv" 4, "XII" 12), or None for anything else."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    text = text.lower()
    if not text or any(c not in values for c in text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " "):
        total += -values[a] if b != " " and values[b] > values[a] else values[a]
    return total


def _restyled(key: str, number: str | None, stack: list[tuple[str, Section]], last: dict[int, str | None],
              typed: tuple[str, str, str] | None) -> str:
    """The heading style of the open heading whose typed roman numeral this one's comes next after, where a deeper
    style was applied to it: Steel's "V. TERMINATION." in Heading 2, after "G. AUTOMOBILE." under "IV.
    COMPENSATION." in Heading 1, is article V, not a subsection of IV (which put "B. CAUSE." under compensation).
    A letter that comes next after its sibling's ("V." after "U.") keeps its style. The other way round, a list
    typed in a shallower style than the heading above it (`typed`, its marker) is that heading's: its "1." where the
    style's open headings are numbered otherwise, and each next number after the one open deeper (Steel's "1. DEATH
    OR DISABILITY." to "4. CONSTRUCTIVE TERMINATION." in Heading 1, under "C. OBLIGATIONS ..." in Heading 2 of
    article V, had been articles of their own)."""
    deeper = _deeper_list(key, number, stack, last, typed)
    if deeper is not None:
        return deeper
    value = roman_value(number) if number else None
    if value is None:
        return key
    for open_key, node in stack[1:]:
        before = last.get(id(node))
        if open_key == key and before and len(before) == 1 and len(number) == 1 and ord(number) == ord(before) + 1:
            return key
    for open_key, node in stack[1:]:
        before = last.get(id(node))
        if open_key.startswith("outline") and int(open_key[7:]) < int(key[7:]) and before and \
                before.isupper() == number.isupper() and roman_value(before) == value - 1:
            return open_key
    return key


def _deeper_list(key: str, number: str | None, stack: list[tuple[str, Section]], last: dict[int, str | None],
                 typed: tuple[str, str, str] | None) -> str | None:
    """The key of a list typed in heading style `key` that belongs under a heading open in a deeper style, or None
    (_restyled)."""
    if typed is None or not number:
        return None
    level = int(key[7:])
    open_deeper = [(k, node) for k, node in stack[1:] if k.startswith("outline") and int(k[7:]) > level]
    for open_key, node in reversed(open_deeper):
        if _typed_kind(node) == typed[0] and _follows(last.get(id(node)), number):
            return open_key
    same = [node for k, node in stack[1:] if k == key]
    if number == "1" and open_deeper and same and all(node.number and _typed_kind(node) != typed[0] for node in same):
        return f"outline{max(int(k[7:]) for k, _ in open_deeper) + 1}"
    return None


def _typed_kind(section: Section) -> str:
    """The kind of typed numbering its first paragraph opens with ("ROMAN" for "V. TERMINATION."), or ""."""
    return (marker(section.blocks[0].text) or ("",))[0]


def _follows(before: str | None, number: str | None) -> bool:
    """Whether a typed number comes next after another ("14" after "13")."""
    return bool(before and number and before.isdigit() and number.isdigit() and int(number) == int(before) + 1)


def _heads_alone(top: tuple[str, Section], key: str, depth: int | None) -> bool:
    """Whether a paragraph opening a `key` section, a kind of marker open further up, is the first text under the
    numbered heading that stands alone on its line just above it: the items are that heading's ("12. Severance
    Payments." then a Word list's "4. If your employment ... is terminated for cause", counting on from the "3." of
    a definition above), not the earlier list's. A marker of known rank keeps its own nesting."""
    open_key, node = top
    return depth is not None and _rank(key) is None and open_key != key and bool(node.heading) and \
        not node.inline_caption and len(node.blocks) == 1 and (node.number is not None or node.blocks[0].numbered)


def _inserted_key(number: str, stack: list, last: dict) -> str:
    """The kind of the section a "7A" follows: "7.", typed or shown by Word's numbering, whose sibling it is. A
    second review of our own redline had taken "7A. Continuing Medical Education", inserted among Word-numbered
    sections, for the heading of the sections after it."""
    for key, node in reversed(stack[1:]):
        shown = last.get(id(node)) or (node.blocks[0].list_label or "").rstrip(".)")
        if shown == number[:-1]:
            return key
    return "number-letter"


def _rank(key: str) -> int | None:
    """How high a kind of marker stands when that is known from the marker itself (0 = highest)."""
    if key == "article":
        return 0
    if key.startswith("outline"):
        return int(key[7:])
    if key == "section-word":
        return 1
    if key.startswith("dotted"):
        return int(key[6:])
    return None


def segment(blocks: list[Block]) -> list[Section]:
    """The top-level sections in document order; each holds its subsections as `children`."""
    root = Section(heading=None, kind="heading", level=-1)
    stack: list[tuple[str, Section]] = [("", root)]
    last: dict[int, str | None] = {}  # id(section) -> its number, for letter/roman decisions
    pending_only_marker: Section | None = None
    last_number: dict[str, str] = {}
    seen: set[str] = set()  # the kinds of marker met so far
    previous = ""  # the last paragraph's text, outside tables
    fragments = _fragments(blocks)
    titled = _titled_headings(blocks)
    for block in blocks:
        if block.in_table:
            stack[-1][1].blocks.append(block)
            _add_up(stack[-1][1], block)
            continue
        runs_on = _RUNS_ON.search(previous) is not None
        # a sentence a hard line break cut after a comma ("... Suite 100, Atlanta," then "GA 30339.") or a word no
        # sentence ends with ("... the policies specified in the" then "LTIP."), not a salutation or a sign-off: the
        # line that ends it is no heading
        cut = (previous.endswith(",") or ends_mid_sentence(previous)) and not SALUTATION.match(previous) and \
            not SIGN_OFF.match(previous)
        previous = block.text.strip() or previous
        if _CLOSING.match(block.text):
            # the clauses are over: what follows starts again at the top
            del stack[1:]
            mark = _mark(block) or _Mark("closing", None, None, False, "")
            node = Section(heading=mark.heading or None, blocks=[block], kind="heading", parent=root, key="closing")
            root.children.append(node)
            stack.append(("closing", node))
            pending_only_marker = None
            continue
        if SALUTATION.match(block.text):
            # "TO MARK STEVENS", "VIA HAND DELIVERY" in bold above "Dear Mark:" head no part of the letter
            del stack[1 + max((d for d in range(1, len(stack)) if stack[d][0] == "closing"), default=0):]
            pending_only_marker = None
        mark = _mark(block, runs_on) if id(block) not in fragments else \
            _Mark("colon", block.text.strip(), None, False, "")
        if mark is None and id(block) in titled:
            mark = _Mark("titled", block.text.strip(), None, False, "")
        if cut and mark is not None and mark.key in ("bold", "caps") and not mark.inline and \
                block.text.rstrip().endswith("."):
            mark = None
        if mark is not None and pending_only_marker is not None and not mark.inline and mark.heading and \
                (mark.key in ("caps", "bold") or mark.number is None and (
                    mark.key == pending_only_marker.key or ends_mid_sentence(pending_only_marker.heading or ""))):
            # "ARTICLE IV" then "TERMINATION" on the next line, or "11. NON-COMPETITION" then "PROVISION" in the same
            # heading style (over as many lines as it takes): one heading; and so is a heading cut after a word no
            # heading ends with, whatever style its last line has (Steel's "C. OBLIGATIONS ... UPON DEATH OR" in
            # Heading 2, then "DISABILITY OR CAUSE." in Heading 1, had been an article of its own)
            pending_only_marker.heading = f"{pending_only_marker.heading} {mark.heading}".strip()
            pending_only_marker.blocks.append(block)
            pending_only_marker.heading_lines += 1
            _add_up(pending_only_marker.parent, block)
            if mark.key != pending_only_marker.key:
                pending_only_marker = None
            continue
        pending_only_marker = None
        if mark is None and _OPERATIVE.match(block.text) and all(n.number is None for _k, n in stack[1:]):
            del stack[1:]
            root.children.append(Section(heading=None, blocks=[block], kind="heading", parent=root))
            continue
        if mark is None and _LEAD_IN.search(block.text) and len(block.text) <= 600:
            # "Cause shall mean any of the following:" opens the list that follows
            depth = next((d for d in range(len(stack) - 1, 0, -1) if stack[d][0] == "intro"), None)
            if depth is not None:
                del stack[depth:]
            parent = stack[-1][1]
            node = Section(heading=None, blocks=[block], kind="intro", parent=parent)
            parent.children.append(node)
            _add_up(parent, block)
            stack.append(("intro", node))
            continue
        if mark is None:
            # a paragraph after a list goes back to the section: untitled items and lead-ins end with the list; but
            # an untitled top-level section ("4. Executive and the Company agree ...") goes on until the next one
            while len(stack) > 1 and stack[-1][1].heading is None and stack[-1][0] not in ("closing", "title") \
                    and not block.text[:1].islower() and not (len(stack) == 2 and _rank(stack[-1][0]) is not None):
                stack.pop()
            node = stack[-1][1]
            node.blocks.append(block)
            _add_up(node.parent, block)
            continue
        open_keys = [(k, last.get(id(s))) for k, s in stack[1:]]
        key = _inserted_key(mark.number, stack, last) if mark.key == "number-letter" else \
            _continues(mark.key, mark.number, open_keys)
        if key.startswith("outline"):
            key = _restyled(key, mark.number, stack, last, marker(block.text))
        if key == "dotted1" and (mark.number or "").isdigit() and not re.match(r"^\s*\d+[.)]", block.text) and \
                int(mark.number) not in (1, int(last_number.get("dotted1", 0)) + 1):
            mark = None  # "50 Park Place": a number out of sequence without a period is not a section
            node = stack[-1][1]
            node.blocks.append(block)
            _add_up(node.parent, block)
            continue
        if key == "dotted1" and (mark.number or "").isdigit():
            last_number["dotted1"] = mark.number
        styled = key.startswith("outline")
        # a paragraph in a heading style holds the typed numbering under it: "1." never closes "A. BASE SALARY"
        floor = 0 if styled else max((d for d in range(1, len(stack)) if stack[d][0].startswith("outline")),
                                     default=0)
        open_at = [d for d in range(len(stack) - 1, floor, -1) if stack[d][0] == key]
        # "14." after a list "1.", "2.", "3." inside 13 goes on from 13
        depth = next((d for d in open_at if _follows(last.get(id(stack[d][1])), mark.number)),
                     open_at[0] if open_at else None)
        if floor and not styled and _follows(stack[floor][1].number, mark.number) and \
                (marker(stack[floor][1].blocks[0].text) or ("",))[0] == key and \
                not any(_follows(last.get(id(stack[d][1])), mark.number) for d in open_at):
            # the next number after a heading style's typed one, typed in body text ("6. Termination for Cause." as
            # a heading, then "7. Termination as a result of death or disability. In the event ..."), is the next
            # section, not a paragraph of that one
            depth = floor
        rank = _rank(key)
        # "1." first seen inside a section numbered by hand or by Word ("A. ... not less than the greater of" then
        # "1. $190,000") opens a list in that section, and so does "1." after a lead-in inside one ("13. ... could be
        # highly prejudicial to EMPLOYER:" then "1. EMPLOYEE agrees"), but not after the operative words
        fresh = mark.number == "1" and not styled and \
            (key not in seen and (stack[-1][1].number is not None or stack[-1][0].startswith("list:")) or
             bool(open_at) and stack[-1][0] == "intro" and not _OPERATIVE.match(stack[-1][1].blocks[0].text))
        if fresh or _heads_alone(stack[-1], key, depth):
            depth = None
        if depth is None and rank is not None and not fresh:
            # a marker of known rank nests only under markers of a higher known rank (a heading style only under
            # heading styles)
            depth = len(stack)
            while depth > max(1, floor + 1) and (_rank(stack[depth - 1][0]) is None or
                                                  _rank(stack[depth - 1][0]) >= rank or
                                                  styled and not stack[depth - 1][0].startswith("outline")):
                depth -= 1
        seen.add(key)
        if depth is not None:
            del stack[depth:]
        parent = stack[-1][1]
        node = Section(heading=mark.heading, blocks=[block], inline_caption=mark.inline, number=mark.number,
                       kind="heading", level=len(stack) - 1, parent=parent, caption=mark.caption, key=key)
        parent.children.append(node)
        _add_up(parent, block)
        stack.append((key, node))
        last[id(node)] = mark.number
        words = _words(block.text)
        if mark.heading and not mark.inline and (mark.number and styled or len(words) <= 3 and
                                                 (mark.number or mark.key == "caps") and
                                                 re.fullmatch(r"(?i)(?:article|part|section)?\s*[\divxlc.]+",
                                                              mark.heading.strip())) or id(block) in fragments:
            pending_only_marker = node  # the rest of its heading is on the next line
    position = {id(b): j for j, b in enumerate(blocks)}
    tops = []
    for top in root.children:
        if top.heading and top.number is None and not top.inline_caption and top.kind == "heading" and \
                len(top.blocks) > TITLE_SHARE * len(blocks) and \
                sum(t.key == top.key for t in root.children) == 1:
            # a title over most of the document ("EMPLOYMENT AGREEMENT", "CONFIDENTIAL") heads nothing
            tops += [Section(heading=top.heading, blocks=top.blocks[:1], kind="heading")] + top.children
            inner = {id(b) for c in top.children for b in c.blocks}
            tops += _runs([b for b in top.blocks[1:] if id(b) not in inner], position)
        else:
            tops.append(top)
    tops += _runs(root.blocks, position)
    tops.sort(key=lambda t: t.blocks[0].ref.index)
    for top in tops:
        _table_rows(top)
        _paragraph_nodes(top)
    if not any(s.heading for top in tops for s in top.walk()):
        # a letter-style document: each paragraph stands alone
        tops = [Section(heading=None, blocks=[b], kind="paragraph") for b in blocks
                if b.text.strip() and not b.in_table] or tops
    for top in tops:
        _levels(top, 0, None, position)
    for top in tops[_past_the_clauses(tops, len(blocks)):]:
        top.in_exhibit = True
    return tops


def _past_the_clauses(tops: list[Section], total: int) -> int:
    """The first top-level section past the agreement's clauses that is not itself in the closing: what follows an
    exhibit's title; what follows signatures that come after most of the document; and, after signatures, a
    separately signed agreement by its title ("NONCOMPETE AGREEMENT" after the employment agreement's signatures).
    A cover page's signatures may come before its terms, so signatures early in the document do not count alone."""
    signed = False
    for i, top in enumerate(tops):
        if i < 2:
            continue
        if top.key == "closing":
            first = top.blocks[0].text
            if _EXHIBIT.match(first) or SIGNATURES.match(first) and 2 * top.start >= total:
                return i + 1
            signed = signed or bool(SIGNATURES.match(first))
        elif signed and top.heading and top.number is None and not top.inline_caption and \
                _AGREEMENT_TITLE.search(top.heading) and BESIDE_EMPLOYMENT.search(top.heading):
            return i
    return len(tops)


def _runs(loose: list[Block], position: dict[int, int]) -> list[Section]:
    """Paragraphs under no heading, as one untitled section for each run of them that nothing else interrupts: a
    letter's opening and the signature line after its "ACCEPTED:" are not one section, which a clause inserted
    "after" it would follow past the signatures."""
    runs: list[list[Block]] = []
    for b in loose:
        if runs and position[id(b)] == position[id(runs[-1][-1])] + 1:
            runs[-1].append(b)
        else:
            runs.append([b])
    return [Section(heading=None, blocks=run, kind="heading") for run in runs]


def _add_up(node: Section | None, block: Block) -> None:
    while node is not None and node.level >= 0:
        if not node.blocks or node.blocks[-1] is not block:
            node.blocks.append(block)
        node = node.parent


def _paragraph_nodes(node: Section) -> None:
    """Paragraphs of a section that belong to no subsection become nodes of their own (when there are several)."""
    for child in node.children:
        _paragraph_nodes(child)
    if node.level < 0:
        return
    inner = {id(b) for c in node.children for b in c.blocks}
    own = [b for b in node.blocks if id(b) not in inner and not b.in_table and b.text.strip()]
    if node.heading is not None and not node.inline_caption and own and own[0] is node.blocks[0]:
        heading = {id(b) for b in node.blocks[:node.heading_lines]}
        own = [b for b in own if id(b) not in heading]  # the heading's own paragraphs
    if len(own) + len(node.children) < 2 or not own:
        return
    paras = [Section(heading=None, blocks=[b], kind="paragraph", level=node.level + 1, parent=node)
             for b in own]
    merged = sorted(node.children + paras, key=lambda s: s.blocks[0].ref.index)
    node.children = merged


def _table_rows(node: Section) -> None:
    """Each row of a table is a node; its first cell, when short, is the row's heading."""
    for child in list(node.children):
        _table_rows(child)
    inner = {id(b) for c in node.children for b in c.blocks}
    rows: dict[tuple[int, int], list[Block]] = {}
    for b in node.blocks:
        if b.cell is not None and id(b) not in inner:
            rows.setdefault(b.cell[:2], []).append(b)
    if not rows:
        return
    for row_blocks in rows.values():
        first = " ".join(b.text for b in row_blocks if b.cell[2] == 0).strip()
        has_value = any(b.cell[2] > 0 and b.text.strip() for b in row_blocks)
        heading = first.rstrip(" .:") if first and has_value and len(_words(first)) <= 8 else None
        node.children.append(Section(heading=heading, blocks=row_blocks, kind="row" if heading else "paragraph",
                                     level=node.level + 1, parent=node))
    node.children.sort(key=lambda s: s.blocks[0].ref.index)


def _levels(node: Section, level: int, parent: Section | None, position: dict[int, int]) -> None:
    node.level, node.parent = level, parent
    node.start = position.get(id(node.blocks[0]), 0) if node.blocks else 0
    for child in node.children:
        _levels(child, level + 1, node, position)


def units(sections: list[Section]) -> list[Section]:
    """Every node of the tree in document order (parents before their children)."""
    return [s for top in sections for s in top.walk()]
