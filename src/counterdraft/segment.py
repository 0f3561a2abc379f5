"""Sections from a read document: where each clause of the contract starts and which paragraphs it holds."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .wordml.read import Block

#: Typed numbering that opens a section: "3.", "3.2", "Section 7", "ARTICLE IV", "(a)".
NUMBERED = re.compile(r"^\s*(?:(?:section|article)\s+[\divxlc]+[.:]?|\d+(?:\.\d+)*\.?|\([a-z0-9]+\)|[ivxlc]+\.)\s+",
                      re.I)
MAX_CAPTION = 90


@dataclass
class Section:
    heading: str | None
    blocks: list[Block] = field(default_factory=list)
    #: The caption stands at the start of the first block, followed by body text in the same paragraph.
    inline_caption: bool = False
    number: str | None = None  # the typed number of the caption, e.g. "7" in "7. Termination."

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @property
    def body_blocks(self) -> list[Block]:
        """The paragraphs that hold clause text (a separate heading paragraph and table cells excluded)."""
        body = self.blocks if self.inline_caption or self.heading is None else self.blocks[1:]
        return [b for b in body if not b.in_table]


def _caption(block: Block) -> tuple[str, bool] | None:
    """The section caption a block opens with, and whether body text follows it in the same paragraph."""
    if block.in_table or not block.text.strip():
        return None
    text = block.text.strip()
    if block.outline_level is not None and block.outline_level < 9 and len(text) <= 200:
        return text, False
    cap = block.caption.strip()
    if cap and len(cap) <= MAX_CAPTION and (NUMBERED.match(cap) or cap.endswith((".", ":")) or cap == text):
        rest = text[len(cap):].strip() if text.startswith(cap) else text
        if cap == text and len(cap.split()) > 12:
            return None  # a whole bold paragraph of prose is emphasis, not a caption
        return cap, bool(rest)
    m = NUMBERED.match(text)
    if m and len(text) <= MAX_CAPTION and not text.endswith((",", ";")) and text[0:1].isalnum():
        return text, False
    return None


def segment(blocks: list[Block]) -> list[Section]:
    """Split the document at its captions and headings; without any, every paragraph is a section of its own."""
    sections: list[Section] = []
    current = Section(heading=None)
    for block in blocks:
        found = _caption(block)
        if found is not None:
            if current.blocks:
                sections.append(current)
            heading, inline = found
            m = re.match(r"^\s*(?:section\s+|article\s+)?([\dA-Za-z.()]+?)\.?\s", heading + " ", re.I)
            number = m.group(1) if m and NUMBERED.match(heading + " ") else None
            current = Section(heading=heading.rstrip(" .:"), blocks=[block], inline_caption=inline, number=number)
        else:
            current.blocks.append(block)
    if current.blocks:
        sections.append(current)
    if not any(s.heading for s in sections):
        # a letter-style document: each paragraph stands alone
        sections = [Section(heading=None, blocks=[b]) for b in blocks if b.text.strip()]
    return sections
