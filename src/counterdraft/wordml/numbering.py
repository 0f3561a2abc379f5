"""Word's list numbering, read as Word shows it ("4.", "2.3", "(b)"), so an inserted section can be given a typed
number ("4A.") instead of taking the next number and moving every later one.

Only what can be told for certain is labelled: a list whose numbering another w:num shares, restarts or overrides
(Word and LibreOffice count those differently), a format other than numbers, letters and roman numerals, or a level
that shows a parent level not yet counted gives no label, and the caller falls back to the list numbering itself.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from .ns import RT, w
from .package import Package
from .schema import PPR_ORDER, in_schema_order

_FORMATS = ("decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str
    text: str  # w:lvlText, e.g. "%1.%2"
    restart: int | None  # w:lvlRestart: restart after this level (1-based); 0 never; None after the one above
    legal: bool  # w:isLgl: every level shown as a decimal number
    suffix: str  # what follows the label: "\t", " " or ""
    indent: etree._Element | None  # the level's w:ind


def child_val(parent: etree._Element | None, tag: str) -> str | None:
    """The w:val of parent's child w:<tag>, the way WordprocessingML states most properties."""
    child = parent.find(w(tag)) if parent is not None else None
    return child.get(w("val")) if child is not None else None


def _int(value: str | None, default: int) -> int:
    return int(value) if value is not None and value.lstrip("-").isdigit() else default


def _level(lvl: etree._Element) -> Level:
    restart = child_val(lvl, "lvlRestart")
    legal = lvl.find(w("isLgl"))
    ppr = lvl.find(w("pPr"))
    return Level(start=_int(child_val(lvl, "start"), 0), fmt=child_val(lvl, "numFmt") or "decimal",
                 text=child_val(lvl, "lvlText") or "", restart=None if restart is None else _int(restart, 0),
                 legal=legal is not None and legal.get(w("val"), "true") not in ("0", "false", "off"),
                 suffix={"space": " ", "nothing": ""}.get(child_val(lvl, "suff") or "tab", "\t"),
                 indent=ppr.find(w("ind")) if ppr is not None else None)


def format_number(n: int, fmt: str) -> str | None:
    if fmt == "decimal":
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if n < 1:
        return None
    if fmt in ("lowerLetter", "upperLetter"):  # Word repeats the letter past z: aa, bb, ...
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for value, numeral in _ROMAN:
            while n >= value:
                out, n = out + numeral, n - value
        return out.upper() if fmt == "upperRoman" else out
    return None


class Numbering:
    """The numbering part's lists: which levels each w:num shows, and whether its count can be told for certain."""

    def __init__(self, pkg: Package):
        self._levels: dict[str, dict[int, Level]] = {}  # numId -> its levels
        self._abstract: dict[str, str] = {}  # numId -> abstractNumId
        self._plain: set[str] = set()  # numIds with no overrides and no style link
        parts = pkg.related(pkg.main_part_name, RT.NUMBERING)
        if not parts or not pkg.has(parts[0]):
            return
        root = pkg.part(parts[0])
        abstracts = {a.get(w("abstractNumId")): a for a in root.findall(w("abstractNum"))}
        for num in root.findall(w("num")):
            num_id, aid = num.get(w("numId")), child_val(num, "abstractNumId")
            abstract = abstracts.get(aid)
            if num_id is None or abstract is None:
                continue
            self._abstract[num_id] = aid
            self._levels[num_id] = {_int(lvl.get(w("ilvl")), -1): _level(lvl) for lvl in abstract.findall(w("lvl"))}
            linked = abstract.find(w("numStyleLink")) is not None or abstract.find(w("styleLink")) is not None
            if num.find(w("lvlOverride")) is None and not linked:
                self._plain.add(num_id)

    def level(self, num_id: str, ilvl: int) -> Level | None:
        return self._levels.get(num_id, {}).get(ilvl)

    def counter(self) -> "ListCounter":
        return ListCounter(self)


class ListCounter:
    """Counts numbered paragraphs in document order and gives each its label, or None where it cannot be sure."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self._counts: dict[str, dict[int, int]] = {}  # abstractNumId -> level -> count so far
        self._owner: dict[str, str] = {}  # abstractNumId -> the one numId counted with it
        self._unsure: set[str] = set()  # abstractNumIds shared by several numIds, or with an uncountable level

    def label(self, num_id: str, ilvl: int, counted: bool = True) -> str | None:
        """The label of the next paragraph of list `num_id` at level `ilvl`; `counted=False` only marks its list as
        uncertain (a numbered paragraph whose place in Word's count is unclear, e.g. in a text box)."""
        numbering = self.numbering
        aid = numbering._abstract.get(num_id)
        if aid is None:
            return None
        if not counted or num_id not in numbering._plain or self._owner.setdefault(aid, num_id) != num_id:
            self._unsure.add(aid)
        if aid in self._unsure:
            return None
        levels = numbering._levels[num_id]
        lvl = levels.get(ilvl)
        if lvl is None:
            self._unsure.add(aid)
            return None
        counts = self._counts.setdefault(aid, {})
        counts[ilvl] = counts.get(ilvl, lvl.start - 1) + 1
        for deeper in [d for d in counts if d > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                del counts[deeper]
        text = lvl.text
        for shown in range(9):
            mark = f"%{shown + 1}"
            if mark not in text:
                continue
            if shown not in counts or shown not in levels:
                return None  # a parent level not counted yet: Word and LibreOffice differ
            fmt = "decimal" if lvl.legal and levels[shown].fmt in _FORMATS else levels[shown].fmt
            if fmt not in _FORMATS:
                return None
            number = format_number(counts[shown], fmt)
            if number is None:
                return None
            text = text.replace(mark, number)
        if lvl.fmt not in _FORMATS:
            return None
        return text


def without_numbering(ppr: etree._Element | None, level: Level | None) -> etree._Element:
    """Paragraph properties `ppr` (a copy, changed in place) with Word's numbering switched off (numId 0 also
    overrides a style's numbering), keeping the list level's indentation so a typed number sits where Word's
    label did."""
    if ppr is None:
        ppr = etree.Element(w("pPr"))
    old = ppr.find(w("numPr"))
    if old is not None:
        ppr.remove(old)
    numpr = etree.SubElement(ppr, w("numPr"))
    etree.SubElement(numpr, w("numId")).set(w("val"), "0")
    if ppr.find(w("ind")) is None and level is not None and level.indent is not None:
        ppr.append(copy.deepcopy(level.indent))
    in_schema_order(ppr, PPR_ORDER)
    return ppr


