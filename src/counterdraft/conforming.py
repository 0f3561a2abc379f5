"""Conforming changes: a figure an edit changes that the contract also states elsewhere, in the same sense.

When section 2 goes from 0.7 to 0.5 FTE clinical, the compensation table's "Clinical base salary (0.7 FTE)" would
contradict it. The redline leaves such a mention as it is and anchors a margin comment on it asking for the
conforming change: what goes with the figure there (an amount of pay) is for the parties to agree, not for us to
invent, and a figure found by pattern is a reason to look, never to rewrite the contract.

A mention is a sentence (or table cell) outside the changed paragraphs that the clause's own reading takes for the
old figure, unit and all:

- its extract rule reads the old value there (so "Section 0.3" is no FTE, and a notice for disability no notice of
  termination without cause, where the rule's `unless` says so), or, where the rule's cue finds none, the words of
  the parameter's name before its unit name it in the sentence or its row ("12-month duration cap", "Duration |
  12 months");
- the sentence, or the table row it is in, names the figure's sense: the rule's cue (`near`), or the words of the
  parameter's name before its unit ("clinical" of clinical_fte, "notice" of notice_days);
- the sentence, its row or its section's heading path names the clause (one of its cues or heading cues), or, for
  a figure only the parameter's name places, its paragraph does: an escrow held "for the lesser of two years" in a
  severance section is not the non-compete's two years. A row's text includes its caption, a row of one cell
  heading the rows after it ("Non-Competition" over "Duration | 12 months" in the Massachusetts form's cover terms);
- where the clause's edits of the parameter are limited to sentences matching a `near`, the sentence, its row or
  its section's heading path (or, as above, its paragraph) matches one (the edit of a without-cause notice applies
  to nothing else).

Where the clause's edit of the parameter changes every figure that falls short of the ask (`every_short`: a
covenant's duration or radius), a sentence stating any such figure is a mention too, not only one stating the old
figure, provided the sentence itself names the clause or refers to the revised section by number and matches the
edit's `near` or refers to it: Clancey's "shall operate to shorten the period set forth in Section 7(b) ... to
twelve (12) months from the date of termination" and "the non-competition provisions of paragraph 7 shall apply
for a period of one (1) year" capped a 24-month covenant, and beside the six months asked they would lengthen it
after a termination without cause or a change of control.

Such a figure the covenant's edit would itself change, in a sentence that names the clause or cites the revised
section beside it, or a table cell stating the figure alone under a row naming the clause, is plainly the
covenant's period or radius: it is brought to the revised figure as a tracked change with a comment saying why
(conformed), so that the usual exits do not carry the longer period the memo says was cut. Anything else keeps
the comment alone, and the edit's own comment, whose first sentence the memo shows, says what is left as drafted.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable

from .extract import alone, extract, extract_quantity, lead_in, ruled_out, sentences, stated_values
from .match import mentions
from .models import Clause, ConformingNote, Extractor, PlannedEdit
from .review import FULL_TIME, as_stated, falls_short, full_time_words, label, shown, tied_to_full_time
from .segment import Section
from .wordml.read import Block

#: Words that end a parameter's name and say its unit, not its sense.
_UNIT_WORDS = {"fte", "days", "months", "miles", "usd", "percent", "hours", "per"}

Key = tuple[str, int]  # a paragraph: (part, index)
#: How near a figure a reference to the revised section cites it ("the period set forth in Section 7(b) and during
#: which the terms of Section 7 apply to twelve (12) months").
_BESIDE = 80


@dataclass(frozen=True)
class Figure:
    """A parameter whose stated value the edit changes."""

    clause: Clause
    name: str
    old: float
    new: float
    scope: str | None  # the `near` of the clause's edits of it, None where they apply anywhere
    #: The patterns of the clause's edits of it that change every figure falling short of the ask
    #: (Edit.every_short), which a mention may state too.
    every: tuple[str, ...] = ()

    @property
    def rule(self) -> Extractor:
        return self.clause.extract[self.name]

    @property
    def change(self) -> str:
        """'the clinical FTE from 0.7 to 0.5', 'the notice from 60 days to 90 days'."""
        return (f"the {label(self.name, self.clause)} from {shown(self.clause, self.name, self.old)} to "
                f"{shown(self.clause, self.name, self.new)}")

    @property
    def noun(self) -> str | None:
        """A pattern of the words of the name before its unit ("duration" of duration_months), if any."""
        parts = self.name.split("_")
        unit = next((i for i, word in enumerate(parts) if word in _UNIT_WORDS), 0)
        return r"\b" + r"[\s-]+".join(parts[:unit]) + r"\b" if unit else None

    @property
    def sense(self) -> str | None:
        """A pattern naming what the figure is: the rule's cue, or the words of the name before its unit."""
        return "|".join(f"(?:{p})" for p in (self.rule.near, self.noun) if p) or None

    def read(self, sentence: str, row: str) -> tuple[float | None, bool]:
        """The figure the sentence states in this sense, and whether only the parameter's own noun names it: where
        the rule's cue finds none, one the sentence names by that noun ("12-month duration cap") or, in a table
        cell, its row does ("Duration | 12 months")."""
        rule = self.rule
        value = extract_quantity(sentence, rule.kind, rule.near, rule.beside, rule.unless)
        if value is not None or self.noun is None:
            return value, False
        if re.search(self.noun, sentence, re.I):
            return extract_quantity(sentence, rule.kind, self.noun, rule.beside, rule.unless), True
        if row and re.search(self.noun, row, re.I):
            return extract_quantity(sentence, rule.kind, None, False, rule.unless), True
        return None, False

    def stale(self, value: float) -> bool:
        """Whether a stated value may contradict the revision: the old figure, or, for an edit of every figure that
        falls short, one that falls short of the new one (a longer period of the same covenant)."""
        return math.isclose(value, self.old) or bool(self.every) and self._short(value)

    def _short(self, value: float) -> bool:
        return falls_short(self.clause, self.name, value, {self.name: self.new})

    def _beyond(self, sentence: str) -> list[tuple[re.Match, float]]:
        """The figures the clause's every_short edits would change in the sentence, falling short of the new one."""
        found = ((m, extract_quantity(m.group(0), self.rule.kind))
                 for p in self.every for m in re.finditer(p, sentence))
        return [(m, v) for m, v in found if v is not None and self._short(v)]

    def stated_in(self, sentence: str, row: str, where: str, items: str = "", refers: str | None = None,
                  paragraph: str = "") -> bool:
        """Whether the sentence states the old figure in this sense, or one beyond the new (see the module's
        docstring); `row` is the text of its table row ("" outside a table), `where` its section's heading path,
        `items` what a lead-in opens (its ground, for `unless`), `refers` a pattern of a reference to the revised
        section ("Section 7(b)"), `paragraph` the paragraph it is in, whose words may place a figure the
        parameter's noun names ("12-month duration cap ... apply to this covenant")."""
        if ruled_out(sentence, self.rule.unless, items):
            return False
        named = self.sense is None or any(re.search(self.sense, t, re.I) for t in (sentence, row))
        value, by_noun = self.read(sentence, row)
        if value is not None and math.isclose(value, self.old):
            return named and (self.scope is None or any(re.search(self.scope, t, re.I) for t in
                                                        (sentence, row, where) + ((paragraph,) if by_noun else ())))
        return named and bool(self.owned(sentence, refers))

    def owned(self, sentence: str, refers: str | None) -> list[tuple[int, int]]:
        """The spans of the figures beyond the new one that the sentence itself says are the clause's, naming the
        clause where the edit would apply, or citing the revised section (`refers`) beside the figure (not "a
        violation of Section 7 ... for a period which is the greater of (A) sixty (60) days ... or (B) the lesser
        of two years", an escrow's)."""
        own = mentions(self.clause.cues + self.clause.heading_cues, sentence) and (
            self.scope is None or re.search(self.scope, sentence, re.I) is not None)
        cites = [r.span() for r in re.finditer(refers, sentence)] if refers else []
        return [m.span() for m, _ in self._beyond(sentence)
                if own or any(a - _BESIDE <= m.end() and m.start() <= b + _BESIDE for a, b in cites)]

    def beyond(self, sentence: str) -> str | None:
        """'12 months', where the sentence states a figure beyond the new one rather than the old one."""
        found = self._beyond(sentence)
        value = extract_quantity(sentence, self.rule.kind, self.rule.near, self.rule.beside, self.rule.unless)
        if not found or value is not None and math.isclose(value, self.old):
            return None
        v = found[0][1]
        return shown(self.clause, self.name, int(v) if float(v).is_integer() else v)


def changed_figures(clause: Clause, edit: PlannedEdit) -> list[Figure]:
    """The figures the edit changes, each read by the clause's extract rule from the changed paragraphs as they
    were and as the edit leaves them (its new paragraphs included)."""
    before = "\n".join(ch.before for ch in edit.changes)
    after = "\n".join([ch.after for ch in edit.changes if ch.after is not None] +
                      [n.text for n in edit.new_paragraphs])
    # a figure read only from a ceiling is no target: a target added beside "up to 40%" changes no 40% target
    old, new = as_stated(clause, extract(clause, before)), as_stated(clause, extract(clause, after))
    out = []
    for name in clause.extract:
        if name in old and name in new and not math.isclose(old[name], new[name]):
            nears = [e.near for e in clause.edits if e.param == name]
            scope = None if not nears or None in nears else "|".join(f"(?:{n})" for n in nears)
            every = tuple(e.pattern for e in clause.edits if e.param == name and e.every_short)
            out.append(Figure(clause, name, old[name], new[name], scope, every))
    return out


def innermost(sections: list[Section]) -> dict[Key, tuple[Block, Section]]:
    """Each paragraph with its innermost section, in document order."""
    out: dict[Key, tuple[Block, Section]] = {}
    for section in (s for top_level in sections for s in top_level.walk()):
        for b in section.blocks:
            out[(b.ref.part, b.ref.index)] = (b, section)  # a child comes after its parent in the walk
    return dict(sorted(out.items()))


def top(section: Section | None) -> Section | None:
    """The top-level section that holds `section`."""
    while section is not None and section.parent is not None:
        section = section.parent
    return section


def row_texts(blocks: Iterable[Block]) -> dict[tuple[int, int], str]:
    """The text of each table row ((table, row) -> its cells' text in order): what names the figure a cell states."""
    rows: dict[tuple[int, int], list[str]] = {}
    for block in blocks:
        if block.cell is not None:
            rows.setdefault(block.cell[:2], []).append(block.text)
    return {key: " ".join(cells) for key, cells in rows.items()}


def captions(blocks: Iterable[Block]) -> dict[tuple[int, int], str]:
    """The caption over each table row that has one ((table, row) -> its text): a row of one cell spanning a table
    of wider rows heads the rows after it up to the next such row. The Massachusetts form's cover terms read
    "Non-Competition" across the table, then "Duration | 12 months": the duration is the non-compete's (a label
    beside an empty cell, "Specified Competitors | ", is a blank to fill in, no caption)."""
    rows: dict[tuple[int, int], list[str]] = {}
    for block in blocks:
        if block.cell is not None:
            rows.setdefault(block.cell[:2], []).append(block.text.strip())
    width: dict[int, int] = {}
    for (table, _), cells in rows.items():
        width[table] = max(width.get(table, 0), len(cells))
    out: dict[tuple[int, int], str] = {}
    heads: dict[int, str] = {}
    for (table, row), cells in sorted(rows.items()):
        if len(cells) == 1 < width[table] and cells[0]:
            heads[table] = cells[0]
        elif table in heads:
            out[(table, row)] = heads[table]
    return out


@dataclass(frozen=True)
class Mention:
    """A sentence of a paragraph the plan leaves alone that still states old figures."""

    block: Block
    section: Section
    sentence: str
    figures: list[Figure]
    amount: bool  # the paragraph, or its table row, states an amount of money
    total: bool = False  # it states a total of pay that counted the old figures (stale_totals)

    @property
    def beyond(self) -> str | None:
        """'12 months': the figures stated here beyond the revised ones rather than the old ones, if any."""
        return " and ".join(b for b in (f.beyond(self.sentence) for f in self.figures) if b) or None

    @property
    def what(self) -> str:
        """What is stale here: 'this still states the earlier figure', or a figure beyond the revised one."""
        if self.total:
            return "the total here still counts the earlier figure"
        beyond = self.beyond
        return f"this still states {beyond}, more than the revised figure" if beyond else \
            "this still states the earlier figure"


def stale_mentions(clause: Clause, figures: list[Figure], paragraphs: dict[Key, tuple[Block, Section]],
                   changed: set[Key], stated: dict[tuple[str, str], tuple[float, ...]],
                   refers: str | None = None) -> list[Mention]:
    """Every paragraph outside `changed` that still states one of the clause's old figures (its first such
    sentence), in document order; `paragraphs` is innermost(). `stated` keeps what each paragraph states, by kind,
    for the plan's other edits: each edit looks through every paragraph. `refers`: a pattern of a reference to the
    revised section, which names the clause beside a figure beyond the new one."""
    names = clause.cues + clause.heading_cues
    texts = row_texts(block for block, _ in paragraphs.values())
    heads = captions(block for block, _ in paragraphs.values())
    out = []
    for key, (block, section) in paragraphs.items():
        if key in changed:
            continue
        here = [f for f in figures if any(f.stale(v) for v in _stated(stated, block.text, f.rule.kind))]
        if not here:
            continue
        row = " ".join(t for t in (heads.get(block.cell[:2]), texts[block.cell[:2]]) if t) \
            if block.cell is not None else ""
        items = "\n".join(b.text for b in top(section).following(block)) if lead_in(block.text) else ""
        named = None  # whether the row or the heading path names the clause; read only for a stale figure
        # a sentence is judged with the one it refers back to ("the date such notice is received" after "The
        # Contractor may terminate ... upon providing 30 days advance notice"), which the sentence alone cannot show
        ruled = [ruled_out(block.text, f.rule.unless, items) for f in here]
        for a, b in sentences(block.text):
            sentence = block.text[a:b].strip()
            stale = [f for f, out in zip(here, ruled) if sentence and not any(x <= a < y for x, y in out)
                     and f.stated_in(sentence, row, section.where, items, refers, block.text)]
            if not stale:
                continue
            if named is None:
                named = mentions(names, row) or mentions(names, section.where)
            # a figure beyond the new one was named or cited by the sentence itself (Figure.stated_in); one only the
            # parameter's noun names, by a paragraph naming the clause ("12-month duration cap" in the covenant
            # against investing in a "Competitive Business")
            if named or mentions(names, sentence) or any(f.beyond(sentence) for f in stale) or \
                    any(f.read(sentence, row)[1] for f in stale) and mentions(names, block.text):
                amount = extract_quantity(row or block.text, "usd") is not None
                out.append(Mention(block, section, sentence, stale, amount))
                break
    return out


def covenant_rows(clause: Clause, figures: list[Figure], paragraphs: dict[Key, tuple[Block, Section]],
                  changed: set[Key], stale: list[Mention]) -> list[tuple[Block, str, list[Figure]]]:
    """The table cells outside `changed` that state an old figure alone, in a row its parameter's noun names, under
    a caption naming another covenant than the clause, whose own section holds one of the `stale` mentions: (the
    cell, the caption, its figures). The Massachusetts form's "Non-Investment" over "Duration | 12 months" is that
    covenant's duration, not the non-compete's, although its terms apply the non-compete's "12-month duration cap"
    to it. The cell had been neither edited nor commented beside the non-compete's own row, brought to 6 months;
    whether the other covenant follows the revised figure is for the parties, so the cell stays as drafted and a
    comment says why. A covenant the contract does not tie to the clause (the customer non-solicitation's 12
    months) is no business of the clause's edit."""
    names = clause.cues + clause.heading_cues
    texts = row_texts(block for block, _ in paragraphs.values())
    heads = captions(block for block, _ in paragraphs.values())
    tied = {_plain(node.heading) for m in stale for node in _path(m.section) if node.heading}
    noted = {(m.block.ref.part, m.block.ref.index) for m in stale}
    out = []
    for key, (block, _) in paragraphs.items():
        caption = heads.get(block.cell[:2]) if block.cell is not None else None
        if caption is None or key in changed or key in noted or _plain(caption) not in tied or mentions(names, caption):
            continue
        row = texts[block.cell[:2]]
        here = [f for f in figures if f.noun is not None and re.search(f.noun, row, re.I) and
                alone(block.text, f.rule.kind) and
                any(math.isclose(v, f.old) for v in stated_values(block.text, f.rule.kind))]
        if here:
            out.append((block, caption, here))
    return out


def _path(section: Section | None) -> list[Section]:
    """The section and those that hold it."""
    out = []
    while section is not None:
        out.append(section)
        section = section.parent
    return out


def _plain(heading: str) -> str:
    return " ".join(heading.lower().strip(" .:").split())


def note_left(block: Block, caption: str, figures: list[Figure], revised: Section | None) -> ConformingNote:
    """The margin comment on a covenant_rows() cell: whose figure it is, what the revision changes, and that it is
    left as drafted."""
    changes = " and ".join(f.change for f in figures)
    what, title = " and ".join(label(f.name, f.clause) for f in figures), figures[0].clause.title.lower()
    text = (f"Left as drafted: this is the {what} of the “{caption}” covenant, not of the {title}; {cited(revised)} "
            f"as revised changes {changes}. The “{caption}” terms also state the {title}'s earlier figure (see the "
            f"comment there), so whether this {what} follows the revised one is to be agreed.")
    return ConformingNote(ref=block.ref, text=block.text, quote=block.text.strip(), comment=text)


def conformed(mention: Mention, replacements: dict[str, str], refers: str | None) -> str | None:
    """The paragraph with the mention's figures brought to the revised ones, where each is plainly the covenant's
    own figure that its edit changes wherever it falls short (every_short): one in a sentence naming the clause or
    citing the revised section beside it (Clancey's "the non-competition provisions of paragraph 7 shall apply for a
    period of one (1) year"), or a table cell stating it alone in a row naming it and the clause (the Massachusetts
    form's "Duration | 12 months" under "Non-Competition"). None where the comment only asks for the change: a pay
    figure, or one in words the edit does not write ("12-month duration cap")."""
    text, sentence = mention.block.text, mention.sentence
    at, spans = text.find(sentence), []
    for figure in mention.figures:
        if not figure.every or figure.name not in replacements:
            return None
        owned = figure.owned(sentence, refers)
        if owned:
            spans += [(at + a, at + b, replacements[figure.name]) for a, b in owned]
        elif mention.block.cell is not None and alone(sentence, figure.rule.kind):  # in the table's own style
            spans.append((at, at + len(sentence), shown(figure.clause, figure.name, figure.new)))
        else:
            return None
    for a, b, new in sorted(spans, reverse=True):
        text = text[:a] + new + text[b:]
    return text


def _stated(stated: dict[tuple[str, str], tuple[float, ...]], text: str, kind: str) -> tuple[float, ...]:
    if (text, kind) not in stated:
        stated[(text, kind)] = stated_values(text, kind)
    return stated[(text, kind)]


def stale_totals(components: list[Figure], clause: Clause, name: str, total: float,
                 paragraphs: dict[Key, tuple[Block, Section]], changed: set[Key],
                 stated: dict[tuple[str, str], tuple[float, ...]]) -> list[Mention]:
    """The mentions outside `changed` of the total of pay the contract states (`total`, read by `clause`'s rule for
    `name`), where the edit changes `components` of it: hybrid's "Total | $260,000" and "total annual compensation
    of ... ($260,000)" no longer add up once its table's stipend goes from $36,000 to $100,000."""
    moved = Figure(clause, name, total, total + sum(f.new - f.old for f in components), None)
    return [Mention(m.block, m.section, m.sentence, m.figures, m.amount, total=True)
            for m in stale_mentions(clause, [moved], paragraphs, changed, stated)]


def full_time_notes(paragraphs: dict[Key, tuple[Block, Section]], changed: set[Key], position: str
                    ) -> list[tuple[ConformingNote, Section]]:
    """A margin comment on each paragraph outside `changed` whose sentence speaks of full-time work (FULL_TIME),
    with its section, where the position asked for is part-time (`position`: "0.6 FTE (0.4 FTE clinical and 0.2 FTE
    informatics)"): Wung's "her full business time and attention" and Clancey's "on a full-time basis" stayed in the
    clean copy beside a 0.6 FTE split. The text stays as drafted: how the duty or the benefit is to read at that FTE
    is for the parties to agree, as with any conforming change."""
    texts = row_texts(block for block, _ in paragraphs.values())
    out = []
    for key, (block, section) in paragraphs.items():
        if key in changed or not FULL_TIME.search(block.text):  # a cheap test before the sentences
            continue
        # every such sentence of the paragraph: (its text, the words found); the comment goes on the first
        found = [(block.text[a:b].strip(), full_time_words(block.text, a, b)) for a, b in sentences(block.text)]
        found = [(sentence, words) for sentence, words in found if words]
        if not found:
            continue
        words = "”, “".join(dict.fromkeys(w for _, ws in found for w in ws))
        text = (f"Conforming change needed: the position asked for is {position}, and this still speaks of full-time "
                f"work (“{words}”). It should be conformed to that FTE.")
        if any(tied_to_full_time(sentence) for sentence, _ in found):
            text += " Where a benefit or payment here depends on full-time status, it should apply to the position."
        row = texts[block.cell[:2]] if block.cell is not None else ""
        if extract_quantity(row or block.text, "usd") is not None:
            text += " Any amount stated here stays as drafted until the compensation for the position is agreed."
        out.append((ConformingNote(ref=block.ref, text=block.text, quote=found[0][0], comment=text), section))
    return out


def contradicting_notes(paragraphs: dict[Key, tuple[Block, Section]], changed: set[Key], pattern: str,
                        what: str) -> list[tuple[ConformingNote, Section]]:
    """A margin comment on each paragraph outside `changed` with a sentence matching `pattern` (the term clause's
    `contradicted_by`), with its section, where the redline writes the clause (`what`: "an initial term of 36
    months"): Brown's "Since Employee's employment is at-will employment, either Employee or the Company may
    terminate" stayed in 6(a), unremarked, beside the term written into 1(b). The text stays as drafted: how the
    sentence is to read beside the term (struck, or kept for the notice it gives) is for the parties to agree."""
    out = []
    for key, (block, section) in paragraphs.items():
        if key in changed or block.in_table or not re.search(pattern, block.text):
            continue
        found = next((block.text[a:b].strip() for a, b in sentences(block.text) if re.search(pattern, block.text[a:b])),
                     None)
        if found:
            text = (f"Conforming change needed: the redline proposes {what}, and this still says the employment is "
                    f"at will. It should be conformed to the term, so that the agreement does not say both.")
            out.append((ConformingNote(ref=block.ref, text=block.text, quote=found, comment=text), section))
    return out


def reference(section: Section | None) -> str | None:
    """A pattern of a reference by number to the top-level section holding `section` ("Section 7(b)", "paragraph
    7"), or None where it has no number."""
    number = top(section).number if top(section) is not None else None
    return rf"(?i)\b(?:sections?|paragraphs?|§|¶)\s*{re.escape(number)}(?![\d])" if number else None


def citation(section: Section) -> str | None:
    """How a letter refers to a part by number: "Section 3(b)" for item (b) of section 3, "Section 7" for a
    top-level section; None where its top-level section has no number of digits."""
    chain: list[Section] = []
    node: Section | None = section
    while node is not None:
        chain.insert(0, node)
        node = node.parent
    if not re.fullmatch(r"\d+(?:\.\d+)*", chain[0].number or ""):
        return None
    return f"Section {chain[0].number}" + "".join(f"({n.number})" for n in chain[1:] if n.number)


def cited(section: Section | None) -> str:
    """How a comment names the revised section: 'Section 2', else by its heading, else 'the revised paragraph'."""
    if top(section) is not None and top(section).number:
        return f"Section {top(section).number}"
    if section is not None and section.heading:
        return f"the section “{section.heading}”"
    return "the revised paragraph"


def note_on(mention: Mention, figures: list[Figure], revised: Section | None,
            after: str | None = None) -> ConformingNote:
    """The margin comment on a mention: what the revision of section `revised` changes (all its figures, so the
    comment reads whole beside any one of them), and that the figure here, and any amount with it, stays; or, where
    `after` conforms it (conformed()), that it is brought to the revised figure."""
    changes = " and ".join(f.change for f in figures)
    if after is not None:
        stated = mention.beyond or " and ".join(shown(f.clause, f.name, f.old) for f in mention.figures)
        text = f"Conforming change: {cited(revised)} as revised changes {changes}; this stated {stated}, and is " \
               f"brought to the revised figure so that it does not override the revision."
    else:
        text = f"Conforming change needed: {cited(revised)} as revised changes {changes}, and {mention.what}."
    if mention.amount:
        text += " Any amount stated here stays as drafted until the compensation for the revised terms is agreed."
    return ConformingNote(ref=mention.block.ref, text=mention.block.text, quote=mention.sentence, comment=text,
                          after=after)
