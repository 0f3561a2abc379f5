"""The plan: from findings, the profile and the library, the edits the redline will make, for review first."""
from __future__ import annotations

import dataclasses
import itertools
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from .compensation import (PAY_TOPICS, STATED_TOTAL, LetterFigures, currency_name, decide, money_currency, offered,
                           other_currency)
from .conforming import (changed_figures, citation, conformed, contradicting_notes, covenant_rows, full_time_notes,
                         innermost, note_left, note_on, reference, row_texts, stale_mentions, stale_totals, top)
from .errors import ConfigError
from .library import (Library, contractor_values, employee_only, profile_asks, profile_values, render, render_ask,
                      render_tier, template_variables)
from .models import (DOLLARS, GROUNDS_TIER, Clause, Compensation, ConformingNote, Edit, Message, NewParagraph,
                     ParagraphChange, ParagraphRef, PlannedEdit, Plan, Profile)
from .extract import (definitions, ends_mid_sentence, extract_quantity, first_match, lead_in, lead_in_before,
                      pay_statements, read_clause, ruled_out, sentence_at, sentences)
from .match import FOUND_SCORE, Match, holds, mentions, tokens, vocabularies
from .review import (Reviewed, around, as_stated, better_without, contradiction, falls_short, full_time_words, given,
                     given_message, held_apart, held_message, judge, label, lacking, letter_only, located,
                     no_step_back, other_agreements, shown, stating, under_ceiling)
from .segment import (BESIDE_EMPLOYMENT, SALUTATION, SIGN_OFF, SIGNATURES, Section, marker, opening_caption,
                      roman_value, units)
from .terms import salary_named
from .wording import Unpriced, first_sentence, fte, money, number_words
from .wordml.read import Block


def wanted(profile: Profile, library: Library, where: str) -> list[Clause]:
    """The clauses the profile asks for: its priorities first, then the other asks, each once."""
    for clause_id, tier in profile.tiers.items():
        clause = library.clauses.get(clause_id)
        if clause is None:
            raise ConfigError(f"{where}tiers.{clause_id}: no clause {clause_id!r} in the library")
        if tier not in clause.tiers:
            raise ConfigError(f"{where}tiers.{clause_id}: no tier {tier!r} (has {', '.join(clause.tiers)})")
    ids: list[str] = []
    for topic in profile.priorities:
        clause = library.clauses.get(topic) or library.by_topic(topic)
        if clause is not None and clause.id not in ids:
            ids.append(clause.id)
    for clause_id in profile.asks:
        if clause_id not in library.clauses:
            raise ConfigError(f"{where}asks.{clause_id}: no clause {clause_id!r} in the library "
                              f"(see `counterdraft clauses list`)")
        if clause_id not in ids:
            ids.append(clause_id)
    _steps_up(profile, library, where)
    return [library.clauses[i] for i in ids]


def _steps_up(profile: Profile, library: Library, where: str) -> None:
    """A growth path must step up from the position asked for now: an Associate CMIO asking for 0.7 informatics FTE
    was to ask for reviews "with a step to 0.7 informatics FTE and the Associate Chief Medical Information Officer
    title", the growth-path clause's defaults, which is asking for nothing."""
    growth, split = library.clauses.get("growth-path"), library.clauses.get("fte-split")
    if growth is None or growth.id not in profile.asks:
        return
    values = profile_values(growth, profile, where)

    def source(name: str) -> str:
        return f"asks.growth-path.{name}" if name in profile.asks[growth.id] else \
            f"asks.growth-path.{name} (the clause's default)"

    target, title = values.get("target_informatics_fte"), values.get("target_title")
    now = profile_values(split, profile, where).get("informatics_fte") \
        if split is not None and split.id in profile.asks else None
    if isinstance(target, (int, float)) and isinstance(now, (int, float)) and target <= now:
        raise ConfigError(f"{where}{source('target_informatics_fte')} is {fte(target)}, no more than the "
                          f"{fte(now)} informatics FTE asks.fte-split.informatics_fte asks for now; set the allocation "
                          f"the role should grow to")
    if isinstance(title, str) and title.strip().casefold() == profile.role.title.strip().casefold():
        raise ConfigError(f"{where}{source('target_title')} is {title!r}, the title role.title already gives; set "
                          f"the title the role should grow to")


def _beside_last(clauses: list[Clause], found: set[str]) -> list[Clause]:
    """`clauses` in order, except that each comes after those of them it would be inserted beside: of its
    `insert_after` topics, those before the first the contract has (`found`), which go where the clause does. It
    follows the one it depends on (Stevens had Protected Time before the Duties and FTE Allocation it protects), and its
    wording knows whether that one was drafted (`drafts`). The order of the others, which the letter follows, stays."""
    beside = {c.topic: set(itertools.takewhile(lambda t: t not in found, c.insert_after)) - {c.topic} for c in clauses}
    pending, ordered = list(clauses), []
    while pending:
        waiting = {c.topic for c in pending}
        ready = next((c for c in pending if not waiting & beside[c.topic]), pending[0])
        ordered.append(ready)
        pending.remove(ready)
    return ordered


def _paragraphs(wording: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", wording) if p.strip()]


#: Sentences a replaced clause often ends with that are no part of its bargain: the employer's remedies for a breach,
#: what survives the agreement, and a right the physician keeps whatever the clause says (ph1's "Nothing in this
#: Section limits Physician's right to publish scholarly articles on clinical topics", struck with its assignment).
#: Our wording says nothing of them, so replacing the clause keeps them.
_NOT_THE_BARGAIN = re.compile(r"(?i)\b(?:injunctive|equitable\s+relief|specific\s+performance|irreparabl\w*|"
                              r"(?:adequate|sufficient)\s+remedy|remed(?:y|ies)\s+at\s+law|shall\s+survive|"
                              r"survives?\s+(?:the\s+)?(?:termination|expiration))|"
                              r"\bnothing\s+(?:contained\s+)?in\s+this\s+(?:section|paragraph|article|agreement|letter)\b"
                              r"[^.;]{0,40}?\b(?:limits?|restricts?|prevents?|prohibits?|impairs?)\s+(?:the\s+)?"
                              r"(?:physician|employee|executive|consultant|contractor|you)(?:['’]s|r)?\s+"
                              r"(?:own\s+)?(?:right|ability|freedom)\b")


#: What a replaced paragraph opens with that makes it yield to another section ("Subject to Section 3, the Company may
#: terminate ... for Cause", Nelson's, where Section 3 is what a change in control pays): a protection of the other
#: section's, which our wording in its place keeps.
_SUBJECT_TO = re.compile(r"(?i)^\s*subject\s+to\s+(?:the\s+(?:provisions|terms)\s+of\s+)?(?:sub)?(?:sections?|articles?|"
                         r"paragraphs?)\s+(?:[^,;.]|\.(?=\w)){1,60}?,\s*")


def _yielding(text: str, wording: str) -> tuple[str, str]:
    """(`wording` after the opening of `text` that makes it yield to another section, that opening), or (`wording`,
    "") where it has none."""
    m = _SUBJECT_TO.match(text)
    if m is None:
        return wording, ""
    opening = m.group(0).lstrip()
    return opening + (wording[0].lower() + wording[1:] if re.match(r"The\s", wording) else wording), opening


def _kept_sentences(text: str) -> list[str]:
    """The sentences of a paragraph being replaced that a replacement keeps: remedies and survival, unless they use a
    term the paragraph's other sentences define (struck with them, it would leave the kept sentence dangling)."""
    spans = [text[a:b].strip() for a, b in sentences(text) if text[a:b].strip()]
    kept = [s for s in spans if _NOT_THE_BARGAIN.search(s)]
    struck = definitions([s for s in spans if s not in kept])
    return [s for s in kept if not any(term in s for term in struck)]


#: What joins the subjects a heading names: "Employment Type and Work Schedule", "Term; Termination".
_SUBJECTS = re.compile(r"\s*(?:[,;&/]|\band\b)\s*", re.I)
#: The topics whose cues say what the physician is paid or given: a sentence naming one (what a termination for
#: cause pays) is a term of pay, which a clause that says nothing of it does not replace.
_PAY = ("base-salary", "leadership-stipend", "bonus-incentive", "severance", "equity", "benefits-vacation")


def _other_subject(clause: Clause, heading: str) -> str | None:
    """A subject the heading names beside the clause's, in none of its words ("Employment Type" of "Employment Type
    and Work Schedule" for the call clause), or None."""
    numbered = marker(heading)
    rest = heading.lstrip()[len(numbered[2]):] if numbered else heading
    ours = clause.cues + clause.heading_cues + [clause.title]
    return next((part.strip(" .:") for part in _SUBJECTS.split(rest)
                 if re.search(r"[A-Za-z]", part) and not mentions(ours, part)), None)


def _caption_prefix(text: str, caption: str) -> str:
    """The opening of text up to and including its caption and the space after it."""
    at = text.find(caption)
    if at < 0:
        return ""
    end = at + len(caption)
    while end < len(text) and text[end] in " \t\u00a0":
        end += 1
    return text[:end]


#: A letter's request to sign and return it ("please confirm your acceptance by signing the enclosed copy", "by your
#: signature below"): it closes the terms, so nothing goes after it. "Executive" is no word for signing.
_SIGN_REQUEST = re.compile(r"(?i)\b(?:sign|signing|signature|countersign\w*|execut(?:e|es|ed|ing|ion))\b[^.]{0,120}"
                           r"\b(?:return\w*|enclosed|(?:the\s+)?space\s+provided|below)\b")
#: A letter's parting courtesy after its terms ("Jim, we hope you agree that you have a great contribution to make",
#: "We look forward to a favorable reply"): Guthrie's inserted clauses had come after it, among the close.
_COURTESY = re.compile(r"(?i)^(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,\s+)?(?:we|I)\s+(?:(?:very\s+much\s+|sincerely\s+)?"
                       r"hope\s+(?:that\s+)?you\b|(?:are|am)\s+(?:very\s+)?(?:excited|looking\s+forward)\b|"
                       r"look\s+forward\s+to\b)")
#: Words that ask for the signature or accept the document in it: "please", "your acceptance", "to confirm".
_ASKS_TO_SIGN = re.compile(r"(?i)\b(?:please|kindly|accept\w*|acknowledg\w*|confirm\w*)\b")
#: What a sentence binds someone to do or not do, or states as a fact, beyond accepting the document or being bound by
#: it: "By signing below, you hereby agree that during the term of your employment by Company you will not ..." (Burch).
_COVENANT = re.compile(r"(?i)\b(?:will|shall)\s+(?!be\s+bound\b|accept\b)\w+|"
                       r"\b(?:represent|warrant|certif(?:y|ie))s?\s+that\b|"
                       r"\bagrees?\s+(?:not\s+to\b|to\s+(?!be\s+bound\b|accept\b|enter\s+into\b|(?:the|these|its)\s+"
                       r"terms\b)\w+)")


#: The number of a lettered item of a clause: "(b)", "E.", "(iii)".
_ITEM_NUMBER = re.compile(r"[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+")
#: Sections opened by heading styles or Word list numbering: nested ones are a clause's subsections.
_STYLED = ("outline", "list:")
#: A sentence denying the physician what other terms might give ("The Consultant shall not be entitled to any
#: benefits, coverages or privileges"): a clause inserted after it says it prevails.
_DENIES = re.compile(r"(?i)\bnot\s+(?:be\s+)?(?:entitled|eligible)\s+(?:to|for)\s+(?:any|receive|participate)\b")
#: The closing boilerplate an agreement ends with, by the names its headings give it ("16. Entire Agreement",
#: "Interpretation, Amendment and Enforcement", "Successors and Assigns"): no place for a term of the engagement.
_BOILERPLATE = re.compile(r"(?i)(?:entire|whole)\s+agreement|integration|counterparts?|(?:governing|applicable)\s+law|"
                          r"choice\s+of\s+law|jurisdiction|venue|notices?|signatures?|severab\w+|waivers?|"
                          r"amendments?|modifications?|assignments?|successors|assigns|binding\s+effect|"
                          r"captions|construction|interpretation|enforcement|arbitration(?:\s+agreement)?|"
                          r"dispute\s+resolution|miscellaneous|general(?:\s+provisions)?|further\s+assurances|"
                          r"survival|withholdings?|tax\s+matters|no\s+waiver|remedies|"
                          r"(?:equitable|injunctive)\s+relief|(?:descriptive\s+)?headings|waivers?\s+of\s+breach|"
                          r"benefit|exhibits?|schedules?|(?:no\s+)?third[-\s]+party\s+beneficiar(?:y|ies)")

#: The caption a numbered paragraph opens with: the few words between its number and the first full stop or colon.
#: A heading's number ("Section 13.", "ARTICLE 6.", "1.2", "IV)"), never the first letter of "Counterparts".
_HEADING_NUMBER = r"(?i)^\s*(?:(?:section|article)\s+)?(?:[\divxlc]+(?:\.\d+)*[.)]?(?=\s|$))?\s*"
_UNTITLED_CAPTION = re.compile(_HEADING_NUMBER + r"([^.:]{1,60})[.:]\s")


def _closes(text: str) -> bool:
    """Whether a paragraph closes a letter's terms: its sign-off, a request to sign it, or the signatures."""
    return bool(SIGN_OFF.match(text) or _asks_to_sign(text) or SIGNATURES.match(text))


def _boilerplate(section: Section) -> bool:
    """Whether a section's heading names closing boilerplate alone, each of its parts ("Interpretation, Amendment
    and Enforcement", "Descriptive Headings: Interpretation"); a numbered section the segmenter left untitled is
    named by the words before its first full stop ("17. Amendment; Modification. No amendment ...")."""
    heading = section.heading
    if heading is None and section.number is not None:
        m = _UNTITLED_CAPTION.match(section.blocks[0].text)
        heading = m.group(1) if m else None
    heading = re.sub(_HEADING_NUMBER, "", heading or "")
    parts = [p.strip(" .:") for p in re.split(r"(?i),|;|:|&|\band\b", heading)]
    return bool(heading.strip()) and all(_BOILERPLATE.fullmatch(p) for p in parts if p)


def _before_boilerplate(sections: list[Section]) -> list[Section]:
    """`sections` without the closing boilerplate they end with (entire agreement, counterparts, governing law,
    notices): a clause goes after the last term of substance, before that block, unless there is nothing else."""
    end = len(sections)
    while end > 1 and _boilerplate(sections[end - 1]):
        end -= 1
    return sections[:end]


def _asks_to_sign(text: str) -> bool:
    """Whether a paragraph asks for the signature, or accepts the document by it ("By signing this SOW, each party
    agrees to enter into this SOW"): a sentence that speaks of signing below and binds the signer to more ("By
    signing below, you hereby agree that ... you will not ... solicit") is a covenant of the terms, which a clause may
    follow."""
    for m in _SIGN_REQUEST.finditer(text):
        a, b = sentence_at(text, m.start())
        sentence = text[a:b]
        if _ASKS_TO_SIGN.search(sentence) or not _COVENANT.search(sentence):
            return True
    return False


def _opens_titled_item(text: str, key: str) -> bool:
    """Whether text opens with typed numbering of another kind than `key` and a caption: "(d) Termination Without
    Cause." among roman items."""
    mark = marker(text)
    return mark is not None and mark[0] != key and opening_caption(text) is not None


def _typed_caption(block: Block) -> bool:
    """Whether the paragraph opens with a caption typed in its text's own format ("Start Date. Your anticipated
    start date ..."): a clause inserted after it takes its caption so. A bold one there stood out from the letter's
    own, and a second review took it for the heading of every paragraph after it (ph2's "Continuing Medical
    Education" held "Remote Work." and "Benefits.", and the for-cause clause was matched there)."""
    return not block.caption and opening_caption(block.text) is not None


def _succeeds(before: str | None, number: str | None) -> bool:
    """Whether `number` comes right after `before` in one numbering: "5" after "4", "V" after "IV", "h" after "g"."""
    if not before or not number:
        return False
    if before.isdigit() and number.isdigit():
        return int(number) == int(before) + 1
    a, b = roman_value(before), roman_value(number)
    if a and b and before.isupper() == number.isupper():
        return b == a + 1
    return len(before) == len(number) == 1 and before.isalpha() and ord(number) == ord(before) + 1


def _keeps(clause: Clause, edit: Edit, stated: str, asked: dict, found: dict, read_here: bool = False) -> bool:
    """Whether a match of an edit with `param` stays as drafted: its quantity ("one (1) month") already meets the
    clause's checks, or states a floor the contract sets (a guaranteed minimum is no target to raise), or, for an
    edit of every match or of table cells, it is neither the figure the contract states for the parameter nor a
    ceiling on it (a bonus's 25% threshold beside the 50% target whose cap restates it; a table's total beside the
    stipend): those alone change wherever they recur, so a ceiling below the target asked for rises to it; for an
    edit of one match in a paragraph that states the figure the review read for the parameter (`read_here`), it is
    not that figure."""
    kind = clause.extract[edit.param].kind
    value = extract_quantity(stated, kind)
    if value is None or not falls_short(clause, edit.param, value, asked):
        return True
    read = {name: rule for name, rule in clause.extract.items() if rule.kind == kind and name in found}
    if any(rule.floor and math.isclose(value, found[name]) for name, rule in read.items()):
        return True
    changed = [found[name] for name, rule in read.items() if name == edit.param or rule.ceiling]
    if edit.all or edit.cell:
        return not any(math.isclose(value, v) for v in changed)
    # an edit of one match changes the figure the review read for it, not another before it: Crants's "thirty (30)
    # days prior written notice" of a termination stays, and the "15 days' prior written notice" to cure changes
    return read_here and not math.isclose(value, found[edit.param])


def _states_read(clause: Clause, edit: Edit, text: str, found: dict) -> bool:
    """Whether a match of an edit of one match (not `all`, `cell` or `every_short`) in text states the figure the
    review read for its parameter."""
    if edit.all or edit.cell or edit.every_short or edit.param not in found:
        return False
    kind = clause.extract[edit.param].kind
    return any(math.isclose(value, found[edit.param]) for m in re.finditer(edit.pattern, text)
               for value in [extract_quantity(m.group(0), kind)] if value is not None)


#: The draft's words that, after a replaced phrase, qualify the whole clause rather than the replacement's last word.
_PARTICIPLE = re.compile(r"\s+(?:based\s+(?:up)?on|taking\s+into\s+account|having\s+regard\s+to|considering)\b",
                         re.I)


def _substitute(pattern: str, replacement: str, text: str, near: str | None, every: bool, keep=None,
                unless: tuple[str | None, ...] = (), after: str = "", append: bool = False, before: str = "",
                plain=None) -> str:
    """`text` with the first (or every) match of `pattern` replaced (with `append`, followed by the replacement),
    only in sentences matching `near` if given and never in one that any of `unless` rules out (its parameter's: a
    cure notice is no without-cause notice, whatever the heading says; the edit's own: a notice both parties give;
    a lead-in is judged with its items, in `after`, and an item with its lead-in, in `before`, each read as
    `plain` gives it: "The Company or Mikos may terminate" is a notice both parties give); a match for which
    `keep(matched text)` is true stays as it is."""
    def new(m: re.Match) -> str:
        if keep is not None and keep(m.group(0)):
            return m.group(0)
        if append:
            return m.group(0) + replacement
        if re.fullmatch(DOLLARS, replacement):  # in the draft's form: "Three Thousand Dollars ($3,000)" stays in words
            return _restated(m.group(0), Decimal(replacement[1:].replace(",", "")))
        # ours ends a phrase of its own before the draft's participle: "agreed within forty-five (45) days after the
        # start of each performance year, based on your performance" (Burch), not "... year based on ..."
        return replacement + "," if replacement[-1:].isalnum() and _PARTICIPLE.match(m.string, m.end()) else \
            replacement

    def first(m: re.Match) -> str:  # the first match `keep` does not keep, in the sentence or the text
        nonlocal done
        if done:
            return m.group(0)
        out = new(m)
        done = out != m.group(0)
        return out

    done = False
    if near is None and not any(unless):
        return re.sub(pattern, new if every else first, text)
    skipped = _ruled_out(text, unless, after, before, plain)
    out = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if not done and (start, end) not in skipped and (near is None or re.search(near, sentence, re.I)):
            sentence = re.sub(pattern, new if every else first, sentence)
        out.append(sentence)
    return "".join(out)


def _ruled_out(text: str, unless: tuple[str | None, ...], after: str = "", before: str = "",
               plain=None) -> set[tuple[int, int]]:
    """The sentences of text that any of the `unless` patterns rules out (extract.ruled_out)."""
    return {span for rule in unless if rule for span in ruled_out(text, rule, after, before, plain)}


#: Where the parts of a sentence meet: a semicolon, or a comma before "and", "or", "but" or "provided".
_PART = re.compile(r"(?i);|,\s+(?=(?:and|or|but|provided)\b)")


def _every_short(pattern: str, replacement: str, text: str, near: str | None, keep,
                 unless: tuple[str | None, ...] = (), after: str = "", plain=None, before: str = "") -> str:
    """`text` with every match of an every_short edit replaced that `keep` does not keep, in a sentence that matches
    `near` itself (a heading naming the clause does not stand for it) and that `unless` does not rule out, nor the
    part of it the match is in (between semicolons, or before ", and", ", provided"): "and for two (2) years after
    termination shall not solicit any employee", in the covenant's sentence, is the non-solicitation's. An item is
    judged with its lead-in, `before`, as _substitute judges it: severance paid under "terminated after a Change in
    Control ... the following benefits:" is no severance to raise."""
    skipped = _ruled_out(text, unless, after, before, plain)
    out = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if (start, end) not in skipped and (near is None or re.search(near, sentence, re.I)):
            cuts = [0] + [m.end() for m in _PART.finditer(sentence)] + [len(sentence)]

            def new(m: re.Match, sentence: str = sentence, cuts: list[int] = cuts) -> str:
                part = next(sentence[a:b] for a, b in zip(cuts, cuts[1:]) if a <= m.start() < b)
                return m.group(0) if keep(m.group(0)) or any(rule and re.search(rule, (plain or str)(part), re.I | re.S)
                                                             for rule in unless) else replacement

            sentence = re.sub(pattern, new, sentence)
        out.append(sentence)
    return "".join(out)


#: A right to change terms on one's own ("may change your position, duties, and work location from time to time",
#: "may modify ... other employment terms", "may be modified by the Company", "they are ... subject to modification",
#: never "not subject to change"): kept beside our clause, it would let the employer undo it.
_CHANGE_RIGHT = re.compile(r"(?i)\b(?:may|reserves?\s+the\s+right\s+to)(?:[\s,]+(?!not\b)\w+){0,4}?[\s,]+"
                           r"(?:chang(?:e|es|ed)|modif(?:y|ies|ied)|alter(?:s|ed)?|adjust(?:s|ed)?|revis(?:e|es|ed)|"
                           r"amend(?:s|ed)?|updat(?:e|es|ed)|reassign(?:s|ed)?|redefin(?:e|es|ed)|var(?:y|ies|ied))\b|"
                           r"(?<!not )(?<!never )\bsubject\s+to\s+(?:chang(?:e|es)|modifications?|amendments?|"
                           r"revisions?|alterations?|adjustments?)\b")
#: What makes the rest of a sentence a condition on what it grants ("..., provided that you continue to be ...").
_CONDITION = re.compile(r"(?i)\b(?:provided(?:\s+that)?|if|so\s+long\s+as|as\s+long\s+as|unless|subject\s+to)\b")
#: What a paragraph right after the clauses it follows says of them: "the foregoing", "the above", "these benefits".
_THE_FOREGOING = re.compile(r"(?i)\b(?:foregoing|above|preceding|aforementioned)\b|"
                            r"\b(?:these|such)\s+(?:benefits|plans|policies|programs|terms)\b")
#: What makes a change need both parties ("may be amended only by a written agreement signed by both parties").
_BY_AGREEMENT = re.compile(r"(?i)[^.;]{0,80}?\b(?:only|mutual\w*|both\s+parties|signed\s+by|written\s+(?:agreement|"
                           r"amendment|consent)|in\s+(?:a\s+)?writing)\b")
#: A right that yields to the agreement ("policies, as may be amended by the Company from time to time, except to the
#: extent ... contrary to the terms and conditions of this Agreement") cannot undo our clause.
_YIELDS = re.compile(r"(?i)\b(?:(?:contrary|inconsistent|conflict\w*)\s+(?:to|with)|subject\s+to)\s+"
                     r"(?:the\s+(?:\w+\s+){0,3}of\s+)?this\s+(?:\w+\s+)?(?:Agreement|letter)\b")
#: The terms of employment at large, which a right to change them reaches whatever the clause.
_EMPLOYMENT_TERMS = re.compile(r"(?i)\bterms\s+(?:and\s+conditions\s+)?of\s+(?:\w+\s+)?employment|"
                               r"\bemployment\s+terms|\bterms\s+and\s+conditions")


def _grants_change_right(sentence: str) -> bool:
    """Whether the sentence keeps a right to change something on one's own, not a change both parties must agree to."""
    return any(not _BY_AGREEMENT.match(sentence, m.end()) for m in _CHANGE_RIGHT.finditer(sentence))


def _change_right(clause: Clause, text: str) -> str | None:
    """A sentence of `text` that lets a party change on its own what the clause settles (it names the clause or the
    terms of employment at large), or None: our clause beside it must say it prevails."""
    seen = set()
    m = _CHANGE_RIGHT.search(text)
    while m is not None:  # every place a right may start, then the sentence around it
        bounds = sentence_at(text, m.start())
        if bounds not in seen:
            seen.add(bounds)
            sentence = text[bounds[0]:bounds[1]]
            if _grants_change_right(sentence) and not _YIELDS.search(sentence) and (_EMPLOYMENT_TERMS.search(sentence) or
                                                      mentions(clause.cues + clause.heading_cues, sentence)):
                return " ".join(sentence.split())
        m = _CHANGE_RIGHT.search(text, m.start() + 1)
    return None


def _overlap(clause: Clause, text: str) -> str | None:
    """The first sentence of `text` that governs part of what the clause settles (its `overlaps`), named as the
    comment names it: whole where it is short, else by its first words; None where there is none."""
    m = re.search(clause.overlaps, text) if clause.overlaps is not None else None
    if m is None:
        return None
    a, b = sentence_at(text, m.start())
    words = text[a:b].split()
    return f"the sentence {' '.join(words)!r}" if len(words) <= 20 else f"the sentence {_beginning(text[a:b])}"


def _beginning(text: str) -> str:
    """How messages name a long paragraph or sentence: by its first words, "beginning 'The Company hereby ...'"."""
    return f"beginning {' '.join(text.split()[:6]) + ' ...'!r}"


def _first_mention(phrases: list[str], text: str) -> int | None:
    """Where in text the first of the phrases ends (as `mentions` reads them), or None."""
    ends = [m.end() for m in re.finditer(r"\w+", text)]
    if not ends or not mentions(phrases, text):
        return None
    return next(end for end in ends if mentions(phrases, text[:end]))


def _other_agreement(text: str) -> str | None:
    """A named agreement other than this one ("EVT's Proprietary Information and Inventions Agreement"), not "this
    Employment Agreement", "The Agreement" or "the Employment Agreement"."""
    return next((m.group(0) for m in other_agreements(text)
                 if not text[max(0, m.start() - 40):m.start()].rstrip().lower().endswith("the")), None)


def _blank(template: str, values: dict) -> bool:
    """Whether a template writes an amount left blank (Unpriced): an edit that would is not made, as a blank never
    replaces what the contract states."""
    return any(isinstance(values.get(name), Unpriced) for name in template_variables(template))


def _restated(drafted: str, amount: Decimal) -> str:
    """`amount` written as the draft wrote the figure it replaces: with cents where the draft's has them or it is a
    pay period's ("$140,000.00", "$4,615.38 bi-weekly"), and in words before the digits where the draft's was
    ("Two Hundred Thirty Thousand Dollars ($230,000)")."""
    amount = amount.quantize(Decimal("0.01"), ROUND_HALF_UP)
    digits = f"${amount:,.2f}" if "." in drafted or amount != amount.to_integral_value() else money(amount)
    if not drafted[:1].isalpha() or amount >= 1_000_000 or amount != amount.to_integral_value():
        return digits
    words = number_words(int(amount)) + " dollars"
    return f"{words.title() if drafted[:1].isupper() else words} ({digits})"


def _name(section: Section, block=None) -> str:
    """How messages name a section: by its heading, else (a letter's paragraph) by the first words of `block`, the
    paragraph meant (its first unless told)."""
    if section.heading:  # a heading that names itself a section or an article is not called a section again
        said = re.match(r"(?i)(?:section|article)\b", section.heading.strip())
        return repr(section.heading) if said else f"section {section.heading!r}"
    return f"the paragraph {_beginning((block or section.blocks[0]).text)}"


class Planner:
    def __init__(self, reviewed: Reviewed, library: Library, profile: Profile, where: str = "",
                 pay: LetterFigures | None = None):
        self.reviewed = reviewed
        self.library = library
        self.profile = profile
        self.where = where
        self.messages: list[Message] = []
        #: Each paragraph's text as earlier edits of this plan leave it.
        self.current: dict[int, str] = {}
        self._suffixes: dict[tuple[str, str, int], int] = {}
        #: Missing clauses asked for in the letter because the contract sits beside the employment agreement.
        self._not_inserted: list[str] = []
        #: The letter's request for each separate agreement asked for in place of a clause it may hold, by its name,
        #: with that clause: a second clause left to the same agreement is asked for in that request, not in another
        #: item asking for the same agreement (Dickson's termination and severance, both left to its Executive
        #: Employment Agreement).
        self._held: dict[str, tuple[PlannedEdit, Clause]] = {}
        #: The draft's pay as read (compensation.offered); the other currency it is in ("euros (€600,000)"), and each
        #: clause whose money is in one.
        self.drafted = offered(reviewed.review)
        self.pay_currency = self.drafted.currency
        self._unpriced: dict[str, str] = {}
        #: Clauses an edit of which was not made: it gives what only an employee has, to an independent contractor.
        self._employee_only_edits: set[str] = set()
        #: The pay every output names (compensation.decide), as the letter names it: the stipend clause follows it.
        self.pay = pay or decide(profile, library, reviewed.review, where, reviewed.full_time, reviewed.position_fte)
        #: Whether a stipend is in play, for the templates (`stipend`): the draft states one, or every output asks
        #: for one (Coats had severance asked as "6 months of salary and stipend" with no stipend anywhere).
        self.stipend_in_play = self.pay.stipend is not None or self.drafted.stipend is not None or \
            first_match(r"\bstipend", reviewed.text) is not None
        #: Clauses whose edit making a figure binding was not made, with why.
        self._not_locked: dict[str, str] = {}
        #: What each paragraph states, by kind (conforming.stale_mentions): read once for all the plan's edits.
        self._stated: dict[tuple[str, str], tuple[float, ...]] = {}
        #: The clauses the profile asks for, by topic (set by plan).
        self._asked: dict[str, Clause] = {}
        #: The parameters the clause being planned reads in its comment and request, and in the text it puts into
        #: the contract (wording, or the edits made): the figures its edit lists.
        self._read_asked: set[str] = set()
        self._read_text: set[str] = set()
        #: The topics whose clause the counter-draft writes in our wording (inserted, or in place of the draft's), of
        #: those planned so far: the tiers read them as `drafts`.
        self._drafts: set[str] = set()

    def text(self, block) -> str:
        return self.current.get(block.ref.index, block.text)

    def plan(self, contract: str, author: str, date: str) -> Plan:
        edits: list[PlannedEdit] = []
        asked = wanted(self.profile, self.library, self.where)
        asked = _beside_last(asked, {t for t, m in self.reviewed.matches.items() if m is not None and m.section})
        self._asked = {clause.topic: clause for clause in asked}
        for clause in asked:
            edit = self.plan_clause(clause)
            if edit is not None:
                edits.append(edit)
                if edit.new_paragraphs:
                    self._drafts.add(edit.topic)
        if not self.pay.raise_pay:  # the letter asks for no more pay: no request about it that changes no text
            for edit in edits:
                if edit.topic in PAY_TOPICS and edit.kind == "letter":
                    self.info(f"{edit.clause_id}: the letter does not raise pay, so it is not asked for")
            edits = [e for e in edits if e.topic not in PAY_TOPICS or e.kind != "letter"]
        changed = {(ch.ref.part, ch.ref.index) for e in edits for ch in e.changes}
        for edit in edits:
            edit.conforming = self.conforming(edit, changed) + self.part_time(edit, changed) + \
                self.contradicted(edit, changed)
        if self._not_inserted:
            self.warn(f"{self.reviewed.terms.title!r} sits beside the employment agreement rather than setting its "
                      f"terms, so what it lacks ({', '.join(self._not_inserted)}) is asked for in the letter, not "
                      f"inserted into it")
        self._tell_currency([e.clause_id for e in edits])
        return Plan(contract=contract, author=author, date=date, edits=edits, messages=self.messages)

    def _tell_currency(self, planned: list[str]) -> None:
        """One warning for every output: the contract's money is in another currency, so nothing names a dollar
        figure of the profile's (the redline and the requests leave blanks, the letter names no pay figures)."""
        by_currency: dict[str, list[str]] = {}
        for clause_id in planned:
            if clause_id in self._unpriced:
                by_currency.setdefault(self._unpriced[clause_id], []).append(clause_id)
        if self.pay_currency:
            by_currency.setdefault(self.pay_currency, [])
        for currency, ids in by_currency.items():
            name = currency_name(currency)
            what = [f"the requests for {', '.join(ids)} leave their amounts to be agreed in {name}, and no wording "
                    f"stating one goes into the contract"] if ids else []
            if currency == self.pay_currency:
                what.append("the letter names no pay figures")
            self.warn(f"currency: the contract states money in {currency}, not US dollars, so no dollar figure of the "
                      f"profile's is asked for: {', and '.join(what)}. Agree the amounts in {name}, comparing them "
                      f"with the profile's yourself (a rate of exchange is yours to choose)")

    def conforming(self, edit: PlannedEdit, changed: set[tuple[str, int]]) -> list[ConformingNote]:
        """Margin comments on the paragraphs outside `changed` that still state a figure the edit changes, each
        with a warning: the counter-draft must not contradict itself silently (see conforming.py)."""
        clause = self.library.clauses[edit.clause_id]
        figures = changed_figures(clause, edit) if edit.changes else []
        if not figures:
            return []
        paragraphs = innermost(self.reviewed.sections)
        block, revised = paragraphs[(edit.changes[0].ref.part, edit.changes[0].ref.index)]
        revised = top(revised) if block.in_table else revised  # a table cell's section is its row, not a clause
        notes = []
        refers = reference(revised)
        stale = stale_mentions(clause, figures, paragraphs, changed, self._stated, refers) + \
            self._stale_totals(figures, paragraphs, changed)
        replacements = self._conforming_figures(clause, figures)
        for m in stale:
            after = None if m.total else conformed(m, replacements, refers)
            notes.append(note_on(m, figures, revised, after))
            place = top(m.section)
            where = f" in {_name(place)}" if place.blocks[0] is not m.block else ""
            what = "states a total that counts what" if m.total else \
                f"states {m.beyond}, beyond what" if m.beyond else "still states what"
            changes = " and ".join(f.change for f in (figures if m.total else m.figures))
            if after is not None:
                self.info(f"{edit.clause_id}: {m.sentence!r}{where} {what} the edit of {_name(revised)} changes "
                          f"({changes}); it is brought to the revised figure as a tracked change, with a comment")
            else:
                self.warn(f"{edit.clause_id}: {m.sentence!r}{where} {what} the edit of {_name(revised)} changes "
                          f"({changes}); a margin comment there asks for the conforming change, and its text is left "
                          f"as drafted")
        for block, caption, kindred in covenant_rows(clause, figures, paragraphs, changed, stale):
            notes.append(note_left(block, caption, kindred, revised))
            self.info(f"{edit.clause_id}: {block.text.strip()!r} under {caption!r} is that covenant's own "
                      f"{' and '.join(label(f.name, clause) for f in kindred)}, not what the edit of "
                      f"{_name(revised)} changes; it is left as drafted, with a margin comment saying so")
        left = [m for m, n in zip(stale, notes) if n.after is None]
        if left and edit.comment.strip():  # what the comment says is changed is not yet so everywhere
            places = ", ".join(dict.fromkeys(_name(m.section, m.block) for m in left))
            what = "the earlier figure still stated in" if len(left) == 1 else "earlier figures still stated in"
            first, rest = first_sentence(edit.comment)  # the memo shows the first sentence
            edit.comment = f"{first.rstrip('.')}, but {what} {places} {'is' if len(left) == 1 else 'are'} left as " \
                           f"drafted, with a margin comment asking for the conforming change. {rest}".strip()
        return notes

    def contradicted(self, edit: PlannedEdit, changed: set[tuple[str, int]]) -> list[ConformingNote]:
        """Where the redline writes a term into the contract (in place of the draft's, or edited there), margin
        comments on what still says the employment is at will (the term clause's `contradicted_by`), each with a
        warning: the counter-draft must not contradict itself silently."""
        clause = self.library.clauses[edit.clause_id]
        months = edit.parameters.get("initial_term_months")
        if edit.topic != "term" or edit.kind == "letter" or clause.contradicted_by is None or months is None:
            return []
        notes = []
        for note, section in contradicting_notes(innermost(self.reviewed.sections), changed, clause.contradicted_by,
                                                 f"an initial term of {months} months"):
            self.warn(f"{edit.clause_id}: {note.quote!r} in {_name(top(section))} still says the employment is at "
                      f"will, beside the term the redline writes; a margin comment there asks for the conforming "
                      f"change, and its text is left as drafted")
            notes.append(note)
        return notes

    def part_time(self, edit: PlannedEdit, changed: set[tuple[str, int]]) -> list[ConformingNote]:
        """Where the position is part-time (role.total_fte below 1.0), margin comments from the FTE split's edit,
        letter-only or not, on what still speaks of full-time work, each with a warning (conforming.full_time_notes):
        the split asked for is of that total, which a full-time devotion clause contradicts."""
        total = self.profile.role.total_fte
        if edit.topic != "fte-split" or total >= 1:
            return []
        split = [edit.parameters.get(name) for name in ("clinical_fte", "informatics_fte")]
        position = f"{fte(total)} FTE" + (f" ({fte(split[0])} FTE clinical and {fte(split[1])} FTE informatics)"
                                          if None not in split else "")
        notes = []
        for note, section in full_time_notes(innermost(self.reviewed.sections), changed, position):
            place = top(section)
            where = f" in {_name(place)}" if place.blocks[0].ref != note.ref else ""
            self.warn(f"{edit.clause_id}: {note.quote!r}{where} still speaks of full-time work, while the position "
                      f"asked for is {position}; a margin comment there asks for the conforming change, and its text "
                      f"is left as drafted")
            notes.append(note)
        return notes

    def _conforming_figures(self, clause: Clause, figures: list) -> dict[str, str]:
        """Each revised figure as the clause's every_short edit of it writes it ("six (6) months"), for the
        conforming changes that bring a longer period or a wider radius of the covenant to it."""
        stated = as_stated(clause, self.reviewed.finding(clause.topic).parameters)
        values = {f.name: f.new for f in figures}
        return {e.param: self._replacement(clause, e, values, stated, set(), set())
                for e in clause.edits if e.every_short and e.param in values}

    def _stale_totals(self, figures: list, paragraphs: dict, changed: set[tuple[str, int]]) -> list:
        """Mentions of the total of pay the draft states, where the edit changes the stipend, a part of it."""
        parts = [f for f in figures if (f.clause.id, f.name) == Compensation.CLAUSE_FIGURES["stipend"]]
        total = self.drafted.stated_total
        if not parts or total is None:
            return []
        clause_id, name = STATED_TOTAL
        return stale_totals(parts, self.library.get(clause_id), name, float(total.value), paragraphs, changed,
                            self._stated)

    def _beside_employment(self) -> bool:
        """Whether the contract is a covenant, an inventions assignment, an amendment or the like, by its title."""
        return BESIDE_EMPLOYMENT.search(self.reviewed.terms.title) is not None

    def plan_clause(self, clause: Clause) -> PlannedEdit | None:
        """The clause's edit, listing only the parameters it reads: those its comment or request states, and, where it
        changes the text, those of its wording or of the edits made. An attorney reads every figure in the plan as
        asked for (the physician's own notice listed on an edit that only lengthens the employer's read as an ask)."""
        self._read_asked, self._read_text = set(), set()
        edit = self._plan_clause(clause)
        if edit is not None:
            read = self._read_asked | (self._read_text if edit.kind != "letter" else set())
            edit.parameters = {name: v for name, v in edit.parameters.items() if name in read}
        return edit

    def _plan_clause(self, clause: Clause) -> PlannedEdit | None:
        match = self.reviewed.matches.get(clause.topic)
        finding = self.reviewed.finding(clause.topic)
        asked = self._engaged(clause, profile_values(clause, self.profile, self.where))
        if asked is None:
            return None
        values, kept = no_step_back(clause, asked, finding.parameters, profile_asks(clause, self.profile))
        for note in kept:
            self.info(f"{clause.id}: {note}")
        low = under_ceiling(clause, values, finding.parameters)
        for name, ceiling in low.items():
            self.warn(f"{clause.id}: the {label(name, clause)} asked for ({shown(clause, name, values[name])}) is below "
                      f"the draft's ceiling ({shown(clause, name, ceiling)}) and is not written in or proposed: so "
                      f"low a figure beside that ceiling invites the employer to pay it. The letter asks the employer "
                      f"to state its own; weigh it against your ask")
        missing = match is None or match.section is None
        # the clause is not in the contract as the review reads it: the body gets the wording for a contract that
        # lacks it (never an assignment beside an exhibit listing prior inventions)
        why = None if missing else lacking(clause, self.reviewed.neutral, match.section)
        if why is not None:
            self.info(f"{clause.id}: {_name(match.section)} {why}; treated as missing, and that part is left as it is")
            missing = True
        suits = better_without(clause, self.reviewed.text) if missing else None
        if suits:
            self.info(f"{clause.id}: not in the contract, which suits the profile: {suits} Nothing is asked")
            return None
        # a draft that already provides for it in its own terms says so below, with what it provides
        withheld = None if finding.parameters or missing and given(clause, self.reviewed.text) is not None \
            else self._withheld(clause)
        if withheld is not None:
            said = "" if missing else f"{finding.message} "
            self.info(f"{clause.id}: {said}Nothing is asked, as asking for it would presume a right the draft "
                      f"withholds: {withheld}")
            return None
        values = self._stipend(clause, values)
        if values is None:
            return None
        tier = (clause.missing_tier if missing else None) or self.profile.tiers.get(clause.id, "preferred")
        currency = money_currency(clause, finding, self.pay_currency)
        if currency:  # no dollar figure of the profile's is written or asked for: a blank to agree in that currency
            self._unpriced[clause.id] = currency
            values = {name: Unpriced(currency_name(currency)) if clause.parameters[name].type == "money" else v
                      for name, v in values.items()}
        stated = as_stated(clause, finding.parameters)  # what the templates read: no ceiling taken for a target
        # the clause as the review read it, with the sentences read beside it (`states` in the templates)
        own = "" if missing else "\n".join([match.text, *match.elsewhere_sentences])
        # the request names the part that holds what the review found (Brown's formula, in 3(b), not section 7)
        cite = None if missing else citation(located(clause, match, finding.flagged))
        # a contract beside the employment agreement (an amendment of it) that lacks the clause and names an agreement
        # that may hold it (`held_in`): that agreement, unread, is asked for rather than the clause (Dickson)
        held = held_apart(clause, self.reviewed.text) if missing and clause.on_missing == "insert" and \
            self._beside_employment() else None
        # a draft with grounds of its own keeps them, unless it already meets the checks (Nelson, Guthrie)
        grounds = clause.grounds is not None and (missing or finding.assessment != "ok") and (
            first_match(clause.grounds, self.reviewed.clauses_text) is not None or not missing and any(
                e.param in finding.parameters for e in clause.edits))
        comment, request = render_ask(clause, values, stated, not missing, self.reviewed.neutral,
                                      flagged=[] if missing else finding.flagged,
                                      stipend=self.stipend_in_play, engaged=not self.reviewed.terms.employment,
                                      clause_text=own, used=self._read_asked, cite=cite,
                                      total_fte=self.profile.role.total_fte, full_time=self.reviewed.full_time,
                                      held=held and held[0], full_time_benefits=self.reviewed.full_time_benefits,
                                      grounds=grounds)
        base = dict(clause_id=clause.id, topic=clause.topic, title=clause.title, tier=tier, comment=comment,
                    request=request, parameters={n: v for n, v in values.items() if not isinstance(v, Unpriced)})
        if grounds:
            return self._on_grounds(clause, None if missing else match, values, base)
        if missing:
            kept = given(clause, self.reviewed.text)
            if kept is not None:
                self.warn(f"{clause.id}: {given_message(clause, kept)}")
                return None
            said = contradiction(clause, self.reviewed.text) if clause.on_missing == "insert" else None
            if said is not None:
                # theirs was not matched, but inserting ours would put two answers in one agreement, and the one
                # the draft keeps says it is the only one
                self.warn(f"{clause.id}: not found as a clause, but the contract says {said!r}; our clause inserted "
                          f"beside it would contradict that, so it is asked for in the letter, not inserted. Read "
                          f"that part of the contract, and edit it there if the ask should change it")
                return PlannedEdit(kind="letter", **base)
            if clause.on_missing == "insert" and self._unpriced_wording(clause, tier, values):
                return PlannedEdit(kind="letter", **base)
            if clause.on_missing == "insert":
                if not self._beside_employment():
                    right = _change_right(clause, self.reviewed.clauses_text)
                    if right is not None:
                        self.info(f"{clause.id}: the contract keeps a right to change what our clause settles "
                                  f"({right!r}); our clause says it prevails")
                    overlap = _overlap(clause, self.reviewed.clauses_text)
                    edit = self.plan_insert(clause, tier, values, base,
                                            prevails=right is not None or overlap is not None or None)
                    if overlap is not None and edit is not None and edit.kind == "insert":
                        # the other side reads which of the two governs what both speak of
                        self.info(f"{clause.id}: the contract also speaks of what our clause settles ({overlap}); "
                                  f"our clause says it prevails")
                        edit.comment = f"{edit.comment.rstrip()} {overlap[0].upper()}{overlap[1:]} stays as " \
                                       f"drafted; where the two differ, this clause governs."
                    return edit
                if held is not None:
                    return self._ask_for_held(clause, held, base)
                self._not_inserted.append(clause.id)
                return PlannedEdit(kind="letter", **base)
            if clause.on_missing == "ask":
                return PlannedEdit(kind="letter", **base)
            held = held_apart(clause, self.reviewed.text)
            if held is not None:
                self.warn(f"{clause.id}: {held_message(held)}" + ("; the letter asks for it" if held[1] else ""))
                return PlannedEdit(kind="letter", **base) if held[1] else None
            self.info(f"{clause.id}: not in the contract, which suits the profile; nothing to ask")
            return None
        section = match.section
        if clause.on_found == "keep":
            prorated = self._part_time_base(clause, section, base)
            if prorated is not None:
                return prorated
            if finding.assessment == "ok":
                self.info(f"{clause.id}: {_name(section)} already meets the checks; not raised")
                return None
            return PlannedEdit(kind="letter", heading=section.heading, **base)
        if clause.on_found == "edit":
            made: set[str] = set()  # the names of the edits that changed the text, for the templates
            changes = self.plan_edits(clause, section, values, made)
            if not changes and finding.assessment == "weak" and clause.id not in self._not_locked:
                beside = self.plan_edits_beside(clause, match, values, finding.parameters, made)
                if beside is not None:
                    self.info(f"{clause.id}: edited where the figure is stated, {_name(beside[0])}, beside the "
                              f"matched {_name(section)}")
                    section, changes = beside
            if changes:
                return self._modified(clause, section, changes, values, stated, made, own, base)
            if finding.assessment == "weak":
                why = "Its edit would give what only an employee has" if clause.id in self._employee_only_edits \
                    else self._not_locked.get(clause.id) or ("No edit of ours changes that" if low or letter_only(
                        clause, finding) else f"No edit pattern matched {_name(section)}")
                self.warn(f"{clause.id}: {finding.message} {why}; it is raised in the letter only.")
                return PlannedEdit(kind="letter", heading=section.heading, **base)
            if finding.assessment == "unknown" and clause.on_missing == "ignore" and not finding.parameters:
                # a restriction whose absence suits the physician, stated with no figure (only while employed, or
                # a passing mention): asking to bring it to the asked figures would offer one
                self.warn(f"{clause.id}: {_name(section)} states none of its figures; not raised in the letter, "
                          f"where asking to limit it would offer one. Read it")
                return None
            if finding.assessment == "unknown":
                self.info(f"{clause.id}: {finding.message} Raised in the letter.")
                return PlannedEdit(kind="letter", heading=section.heading, **base)
            return None
        if finding.assessment == "ok":
            self.info(f"{clause.id}: {_name(section)} already meets the checks; left as it is")
            return None
        if currency and clause.on_found != "add" and other_currency(finding.text):
            self.warn(f"{clause.id}: {_name(section)} states its amount in {currency}; our wording, with the amount "
                      f"left blank, would strike it, so it is asked for in the letter, not rewritten")
            return PlannedEdit(kind="letter", heading=section.heading, **base)
        if clause.on_found in ("replace", "add") and self._unpriced_wording(clause, tier, values):
            return PlannedEdit(kind="letter", heading=section.heading, **base)
        if section.after_the_clauses and clause.on_found == "replace" and clause.edits and clause.grounds is None:
            # the draft's own there still binds (Garrett's cover terms set its term; Mengert's acceptance accepts
            # "employment at will"): ours added to the body would be a second answer. A clause with `grounds` met
            # none of the draft's own (`_on_grounds` has them), so ours goes in as the only one
            return self._edited_in_place(clause, section, values, stated, own, base,
                                         "lies after the agreement's clauses")
        if section.after_the_clauses:
            # an exhibit or the signature page is not the agreement's clause: ours goes into the body
            self.warn(f"{clause.id}: found only in {section.where or 'an exhibit'!r}, after the agreement's clauses; "
                      f"our clause is added to the body and that part is left as it is")
            return self.plan_insert(clause, tier, values, base, missing=False)
        if clause.on_found == "add":
            if self._beside_employment():
                return self._asked_beside(clause, section, base, "falls short")
            # theirs stays as it is, and ours neither replaces nor overrides it (an indemnity for informatics
            # decisions beside a broader one would otherwise narrow it)
            return self.plan_insert(clause, tier, values, base, after=section, prevails=False)
        if clause.on_found == "revise":
            revised = self._revised(clause, section, values, stated, own, base)
            if revised is not None:
                return revised
        others = self._others_in(section, clause.topic)
        struck = {b.ref.index for b in section.body_blocks}
        right = _change_right(clause, "\n".join(self.text(b) for top in self.reviewed.sections
                                                if not top.after_the_clauses
                                                for b in top.blocks if b.ref.index not in struck))
        wording = self.wording(clause, tier, values, prevails=right is not None)
        mixed = self._mixed(clause, section, wording)
        not_alone = others or mixed or len(section.body_blocks) > max(3, 2 * len(wording))
        if not_alone and self._beside_employment():
            return self._asked_beside(clause, section, base, "is not the clause alone")
        if not_alone:
            # replacing it would strike obligations that are not this clause's: ours goes in beside them
            why = (f"also deals with {', '.join(others)}" if others else mixed or
                   f"holds {len(section.body_blocks)} paragraphs, more than our clause replaces")
            if clause.on_found == "replace" and clause.edits and clause.grounds is None:
                return self._edited_in_place(clause, section, values, stated, own, base, why)
            self.warn(f"{clause.id}: {_name(section)} {why}; our clause is inserted after it, saying it prevails, "
                      f"rather than replacing it, so review what the section still says")
            edit = self.plan_insert(clause, tier, values, base, after=section)
            if edit.kind == "insert":  # the other side reads why theirs was not struck, and which governs
                name = _name(section)
                edit.comment = f"{edit.comment.rstrip()} {name[0].upper()}{name[1:]} stays as drafted; where the " \
                               f"two differ, this clause governs.".lstrip()
            return edit
        if self._employee_only(clause, wording):
            return PlannedEdit(kind="letter", heading=section.heading, **base)
        if right is not None:
            self.info(f"{clause.id}: the contract keeps a right to change what our clause settles ({right!r}); our "
                      f"clause says it prevails")
        return self.plan_replace(clause, section, wording, base, values)

    def _part_time_base(self, clause: Clause, section: Section, base: dict) -> PlannedEdit | None:
        """The draft's base salary, for full-time work, changed to the one the letter proposes for the part-time
        position (compensation.part_time), wherever the section states it, as a year's figure or a pay period's, or
        None: the stipend inserted "in addition to base salary" beside Clancey's full-time $200,000 had the clean
        copy pay $235,000 for a 0.6 FTE position, where the letter proposes $155,000. A schedule the letter keeps at
        that FTE has each step changed (Sophinos's $235,000 then $248,000, to $141,000 then $148,800). A salary the
        letter does not change, or a schedule it would replace with one figure, stays as drafted and is argued in the
        letter only."""
        drafted, asked = self.pay.full_time, self.pay.proposed.base
        if clause.topic != "base-salary" or not self.pay.raise_pay or drafted is None or asked is None or \
                asked.value == drafted.value and asked.steps == drafted.steps or \
                len(asked.steps) != len(drafted.steps):
            return None
        pairs = [(old, new) for (old, _), (new, _) in zip(drafted.steps, asked.steps)] or [(drafted.value, asked.value)]
        changes = []
        for block in section.blocks:
            before = self.text(block)
            found = sorted((start, end, periods, new) for old, new in pairs
                           for start, end, periods in pay_statements(before, float(old)))
            after = before
            for start, end, periods, new in reversed(found):
                after = after[:start] + _restated(before[start:end], new / periods) + after[end:]
            if after != before:
                changes.append(ParagraphChange(ref=block.ref, before=before, after=after))
        if not changes:
            return None
        for change in changes:
            self.current[change.ref.index] = change.after
        position = fte(self.profile.role.total_fte)
        self.info(f"{clause.id}: the draft's base salary ({drafted.said}) is for full-time work; {_name(section)} is "
                  f"changed to the {asked.said} the letter proposes for the {position} FTE position")
        prorated = f" (at {position} FTE it comes to {self.pay.at_fte.said})" \
            if self.pay.at_fte.value != asked.value else ""
        comment = f"Sets the base salary {asked.after('at')} for the {position} FTE position as a whole, as the " \
                  f"cover letter proposes. The draft's base salary {drafted.after('of')} is for full-time " \
                  f"work{prorated}, so the agreement would otherwise state a salary for a position other than the one " \
                  f"it describes. {base['comment']}"
        # the edit's paragraph gets no conforming note of its own (conforming.full_time_notes): its comment says it
        words = "”, “".join(dict.fromkeys(w for change in changes for w in full_time_words(change.before)))
        if words:
            comment += f" This paragraph still speaks of full-time work (“{words}”); it should be conformed to the " \
                       f"{position} FTE position whose pay it now states."
        comment = salary_named(comment, not self.reviewed.terms.employment)
        return PlannedEdit(kind="modify", heading=section.heading, changes=changes, **{**base, "comment": comment})

    def _modified(self, clause: Clause, section: Section, changes: list[ParagraphChange], values: dict, stated: dict,
                  made: set[str], own: str, base: dict) -> PlannedEdit:
        """The edit of the section by the clause's edits, its comment and request saying what they did (a target
        added beside a ceiling, or not)."""
        finding = self.reviewed.finding(clause.topic)
        self._read_asked = set()
        base["comment"], base["request"] = render_ask(clause, values, stated, True, self.reviewed.neutral, made,
                                                      finding.flagged, self.stipend_in_play,
                                                      not self.reviewed.terms.employment, own,
                                                      [b.text for b in section.blocks], self._read_asked,
                                                      total_fte=self.profile.role.total_fte,
                                                      full_time=self.reviewed.full_time,
                                                      full_time_benefits=self.reviewed.full_time_benefits)
        return PlannedEdit(kind="modify", heading=section.heading, changes=changes, **base)

    def _edited_in_place(self, clause: Clause, section: Section, values: dict, stated: dict, own: str, base: dict,
                         why: str) -> PlannedEdit:
        """A clause that replaces the draft's own (the term), found in a section holding more than it: the figures
        the section states are edited there, else the clause is asked for in the letter. Ours inserted beside the
        draft's would give the agreement two answers (Weigand's clean copy ran to December 31, 2007 and then for
        thirty-six months; Guthrie's kept "at-will employment" beside a guaranteed term)."""
        made: set[str] = set()
        changes = self.plan_edits(clause, section, values, made)
        if changes:
            self.info(f"{clause.id}: {_name(section)} {why}; its own figures are edited there, rather than our "
                      f"clause being inserted beside it")
            return self._modified(clause, section, changes, values, stated, made, own, base)
        self.warn(f"{clause.id}: {_name(section)} {why}, and states no figure our edits can change; our clause "
                  f"inserted beside it would contradict what it keeps, so it is asked for in the letter, not "
                  f"inserted. Read that part of the contract, and edit it there if the ask should change it")
        return PlannedEdit(kind="letter", heading=section.heading, **base)

    def _revised(self, clause: Clause, section: Section, values: dict, stated: dict, own: str,
                 base: dict) -> PlannedEdit | None:
        """The section edited in place by the clause's edits (`revise`) where, so edited, it meets every check, else
        None, with nothing of the trial left behind: the clause then replaces the section or goes in beside it. An
        edit that settles part of the ask would leave the rest unsaid in the contract (ph2's "$5,000" raised, while
        a draft silent on informatics stays silent)."""
        current, read, told = dict(self.current), set(self._read_text), len(self.messages)
        employee_only = set(self._employee_only_edits)
        made: set[str] = set()
        changes = self.plan_edits(clause, section, values, made)
        if changes:
            text = "\n".join(self.text(b) for b in section.blocks)
            found, beside = read_clause(clause, text)
            assessment, _, _ = judge(clause, "\n".join([text, *beside]), found, self.profile, values,
                                     self.reviewed.text, self.reviewed.terms.employment,
                                     around(section, self.reviewed.sections))
            if assessment == "ok":
                self.info(f"{clause.id}: {_name(section)} edited where it falls short; the rest stays as drafted")
                return self._modified(clause, section, changes, values, stated, made, own, base)
        self.current, self._read_text, self._employee_only_edits = current, read, employee_only
        self.messages[told:] = []
        return None

    def _ask_for_held(self, clause: Clause, held: tuple[str, bool], base: dict) -> PlannedEdit | None:
        """The letter's request for the separate agreement that may hold the clause (`held`), or None where an
        earlier request asks for that agreement already: that one then names this clause too, so the letter asks
        for the agreement once."""
        name = held[0]
        if name not in self._held:
            self.warn(f"{clause.id}: {held_message(held)}; the letter asks for that agreement")
            self._held[name] = (PlannedEdit(kind="letter", **base), clause)
            return self._held[name][0]
        first, other = self._held[name]
        self.warn(f"{clause.id}: {held_message(held)}; the letter asks for that agreement once, in its request on "
                  f"{other.named}")
        first.comment = f"{first.comment.rstrip()} The same request covers {clause.named}, which that agreement " \
                        f"would also set."
        first.request = f"{first.request.rstrip()} I would also like to see what it provides on {clause.named}."
        return None

    def _on_grounds(self, clause: Clause, match: Match | None, values: dict, base: dict) -> PlannedEdit | None:
        """The edit for a draft that states grounds of its own (the clause's `grounds`; `match` is None where the
        clause was not found): they stay, and only what they lack is added. A figure of the clause's edits that the
        draft states short of the ask is edited up where it is stated (Guthrie's "continues for more than 15 days
        after written notice"), else asked for in the letter; one that meets the ask leaves nothing to ask; where the
        draft states none, the tier `GROUNDS_TIER` (notice and a cure period, adding no ground) goes after its clause.
        Our own list, in place of the draft's or beside it, would widen the causes and strike or contradict a
        definition the rest of the contract uses (Nelson's "other than Cause")."""
        found = self.reviewed.finding(clause.topic).parameters
        stated = {e.param for e in clause.edits if e.param in found}
        base = {**base, "tier": GROUNDS_TIER}
        if stated and not any(falls_short(clause, name, found[name], values) for name in stated):
            self.info(f"{clause.id}: the draft's own grounds stay, and what it states of them meets the ask "
                      f"({', '.join(f'{label(n, clause)} {shown(clause, n, found[n])}' for n in sorted(stated))}); "
                      f"nothing is asked")
            return None
        section = None if match is None else match.section
        if stated:
            made: set[str] = set()
            changes = [] if section is None else self.plan_edits(clause, section, values, made)
            # else where the draft states it: Guthrie's cure period, in its definition of "Cause"
            for part in [] if changes else [stating(clause, name, found[name], self.reviewed.sections)
                                            for name in sorted(stated)]:
                if part is not None:
                    section, changes = part, self.plan_edits(clause, part, values, made)
                    break
            if changes:
                return PlannedEdit(kind="modify", heading=section.heading, changes=changes, **base)
            self.warn(f"{clause.id}: the draft's own grounds stay; no edit of ours reaches the figure it states, so "
                      f"it is raised in the letter only")
            return PlannedEdit(kind="letter", heading=None if section is None else section.heading, **base)
        if self._beside_employment():
            return PlannedEdit(kind="letter", heading=None if section is None else section.heading, **base)
        self.info(f"{clause.id}: the draft states grounds of its own, which stay; only notice and a cure period "
                  f"are added")
        after = None if section is None or section.after_the_clauses else section
        return self.plan_insert(clause, GROUNDS_TIER, values, base, after=after, missing=section is None,
                                prevails=False)

    def _unpriced_wording(self, clause: Clause, tier: str, values: dict) -> bool:
        """Whether our wording would state an amount in a currency whose figure no output names (the contract's money
        is in euros, the profile's in dollars): contract text handed to the other side holds no blank, so the clause
        is asked for in the letter, its amount to be agreed in that currency, and a warning tells the attorney why.
        Baan's redline had inserted a CME allowance "of [amount in euros to be agreed]"."""
        if clause.id not in self._unpriced or not _blank(clause.tiers.get(tier, ""), values):
            return False
        currency = self._unpriced[clause.id]
        asked = f"it is asked for in the letter, with the amount to be agreed in {currency_name(currency)}" \
            if clause.topic not in PAY_TOPICS or self.pay.raise_pay else "the letter, which raises no pay in another " \
            "currency, does not ask for it"
        self.warn(f"{clause.id}: our wording states an amount, which the profile gives in US dollars while the "
                  f"contract states money in {currency}; contract text handed to the other side holds no blank to fill "
                  f"in, so our clause is not written into the contract, and {asked}")
        return True

    def _withheld(self, clause: Clause) -> str | None:
        """Why the contract withholds a right the clause's ask presumes (`presumes`), or None: it lacks that topic's
        clause, as the review reads it, and is better without it (Eshelman gives no termination without cause)."""
        for topic in clause.presumes:
            other, m = self.library.by_topic(topic), self.reviewed.matches.get(topic)
            if other is not None and (m is None or m.section is None or
                                      lacking(other, self.reviewed.neutral, m.section) is not None):
                suits = better_without(other, self.reviewed.text)
                if suits:
                    return suits
        return None

    def _stipend(self, clause: Clause, values: dict) -> dict | None:
        """The clause's values with the stipend decided for every output (compensation.decide): the figure the
        letter names or keeps; else, where pay is raised, a blank to be agreed; else (the draft's pay meets the range
        and it states no stipend) None, as no stipend is asked for. Carns: the letter kept the draft's $318,000 base
        and named no stipend, the profile's $100,000 taking the pay past the range, while the plan inserted a
        $100,000 stipend; Langecker's letter asked for no change to its $350,000, and the plan for a stipend."""
        clause_id, param = Compensation.CLAUSE_FIGURES["stipend"]
        if clause.id != clause_id or param not in values or self.pay.currency:
            return values
        if self.pay.stipend is not None:
            return {**values, param: clause.parameters[param].coerce(float(self.pay.stipend.value))}
        if self.pay.raise_pay:
            self.warn(f"{clause.id}: as the letter names no stipend figure, the wording and the request leave its "
                      f"amount as {Unpriced()}")
            return {**values, param: Unpriced()}
        self.info(f"{clause.id}: the draft's {self.pay.guaranteed.a_year} in {self.pay.what} meets the range "
                  f"sought and states no stipend; as the letter asks for no more pay, no stipend is asked for")
        return None

    def _engaged(self, clause: Clause, asked: dict) -> dict | None:
        """The figures asked for, where the contract engages the physician as an independent contractor: none of
        what only an employee has (paid education days; the CME clause's five had gone into the letter of
        Common Paper's contractor agreement), and None for a clause asked of no contractor, with why."""
        terms = self.reviewed.terms
        if terms.employment:
            return asked
        if clause.not_for_contractors:
            self.info(f"{clause.id}: the contract engages {terms.physician} as an independent contractor, so nothing "
                      f"is asked: {clause.not_for_contractors}")
            return None
        none = [name.replace("_", " ") for name in employee_only(clause)
                if asked[name] != clause.parameters[name].none]
        if none:
            self.info(f"{clause.id}: the contract engages {terms.physician} as an independent contractor, so it asks "
                      f"for no {' or '.join(none)}, which only an employee has")
        return contractor_values(clause, asked)

    def _employee_only(self, clause: Clause, wording: list[str],
                       instead: str = "asked for in the letter, not inserted") -> bool:
        """Whether our wording gives what only an employee has (paid time off, a salary) where the contract engages
        the physician as an independent contractor, warned of: put in, it would contradict the contract's own
        terms (no employee benefits, no employment relationship)."""
        terms = self.reviewed.terms
        what = terms.employee_only(" ".join(wording))
        if what is not None:
            self.warn(f"{clause.id}: our wording gives {terms.physician} {what!r}, which only an employee has, and "
                      f"the contract engages {terms.physician} as an independent contractor: {instead}")
        return what is not None

    def _asked_beside(self, clause: Clause, section: Section, base: dict, why: str) -> PlannedEdit:
        """Our wording would go into an agreement beside the employment agreement: it is asked for in the letter."""
        self.warn(f"{clause.id}: {_name(section)} {why}, and {self.reviewed.terms.title!r} sits beside the "
                  f"employment agreement: asked for in the letter, not inserted")
        return PlannedEdit(kind="letter", heading=section.heading, **base)

    def _mixed(self, clause: Clause, section: Section, wording: list[str]) -> str | None:
        """Why the section is not the clause alone, or None when replacing it strikes only the clause: its heading
        names the clause ("Place of Employment") and nothing else ("Employment Type and Work Schedule" names more
        than the call clause), or, untitled, every sentence of it speaks of the clause and none leaves it to a
        separate agreement ("You will sign the Inventions Agreement and provide proof of identity"); none of it is
        what the clause's keep_if keeps (where the physician is based), and none states pay our wording says
        nothing of."""
        heading = section.heading or section.caption
        paragraphs = [self.text(b) for b in section.body_blocks]
        text = " ".join(paragraphs)
        if heading and not mentions(clause.heading_cues + [clause.title], heading):
            return f"is not about {clause.title.lower()} alone (its heading does not name it)"
        if not heading:
            other = _other_agreement(text)
            if other:
                return f"leaves {clause.title.lower()} to a separate agreement ({other!r})"
            if any(not mentions(clause.cues + clause.heading_cues, text[a:b]) for a, b in sentences(text)
                   if text[a:b].strip()):
                return f"deals with more than {clause.title.lower()}"
        if section.inline_caption and paragraphs:  # its caption is no sentence of it
            paragraphs[0] = paragraphs[0][len(_caption_prefix(paragraphs[0], section.caption)):]
        body = " ".join(paragraphs)
        stays = next((body[a:b].strip() for a, b in sentences(body)
                      if clause.keep_if and re.search(clause.keep_if, body[a:b], re.I)), None)
        if stays:
            return f"states what our clause does not replace ({stays!r})"
        other = _other_subject(clause, heading) if heading else None
        if other:
            return f"is headed for {other!r} as well as {clause.title.lower()}"
        pay = self._other_pay(clause, paragraphs, wording)
        return f"speaks of pay that our clause does not deal with ({pay!r})" if pay else self._cited(section)

    def _cited(self, section: Section) -> str | None:
        """Why striking the section would leave a reference pointing at nothing: another part of the agreement
        cites by number a paragraph of it whose number our wording does not keep (ph3's "10.6 Survival. Sections 6.2,
        8 and 9 survive the termination of this Agreement", beside "6.2 Tail Coverage"), or None."""
        body = section.body_blocks[1:] if section.inline_caption else section.body_blocks
        numbers = {typed[1] for b in body for typed in [marker(self.text(b))]
                   if typed and typed[0].startswith(("dotted", "section-word")) and "." in typed[1]}
        if not numbers:
            return None
        cite = re.compile(r"\bSections?\s+(?:[\w.()]+(?:,\s*|\s+(?:and|or|through|to)\s+))*?"
                          rf"({'|'.join(map(re.escape, sorted(numbers)))})(?!\.?\d)", re.I)
        mine = {(b.ref.part, b.ref.index) for b in section.blocks}
        for block in (b for top in self.reviewed.sections for b in top.blocks):
            text = self.text(block)
            m = None if (block.ref.part, block.ref.index) in mine else cite.search(text)
            if m is not None:
                sentence = next(text[a:b] for a, b in sentences(text) if a <= m.start(1) < b).strip()
                return f"holds paragraph {m.group(1)}, which another part cites by number ({sentence!r})"
        return None

    @cached_property
    def _pay_vocabulary(self) -> dict:
        """The cues of pay and benefits, which _other_pay looks for in every section a clause would replace."""
        return vocabularies(self.library, list(_PAY))

    def _other_pay(self, clause: Clause, paragraphs: list[str], wording: list[str]) -> str | None:
        """A sentence of `paragraphs` that states pay or benefits our wording says nothing of, or None: Moylan's "If
        your employment with PRGS is terminated for cause ..., you will receive your base salary prorated ..." is what
        a termination for cause pays, which a clause saying what cause is does not replace. A cue within one of the
        clause's own ("holidays" in the call clause's "weekends and holidays") is the clause's."""
        ours, own = tokens(" ".join(wording)), [tokens(o) for o in clause.cues + clause.heading_cues]
        pay = [c.text for topic, v in self._pay_vocabulary.items() if topic != clause.topic
               for c in v.cues if not holds(ours, [c.text]) and not any(holds(o, [c.text]) for o in own)]
        return next((" ".join(text[a:b].split()) for text in paragraphs for a, b in sentences(text)
                     if mentions(pay, text[a:b])), None)

    def _untitled_in_sequence(self, tops: list[Section]) -> list[Section]:
        """The untitled sections of `tops` numbered in the sequence of titled ones, which are clauses as much as those:
        Safavi's "Section 4. Compliance with Company Written Policies, Employee acknowledges ..." between "Section 3.
        Proprietary Rights." and "Section 5. Amendments." had a clause inserted before it, after Section 3, as if
        its terms were not there. Each follows a titled one, or one of these, by number, or the next titled one
        follows it."""
        numbered = [(s, found[0]) for s in tops for found in [self._number(s)] if found is not None]
        kept: list[Section] = []
        for i, (s, number) in enumerate(numbered):
            if s.heading:
                continue
            before = numbered[i - 1] if i else None
            after = numbered[i + 1] if i + 1 < len(numbered) else None
            if before is not None and (before[0].heading or any(k is before[0] for k in kept)) and \
                    _succeeds(before[1], number) or after is not None and after[0].heading and \
                    _succeeds(number, after[1]):
                kept.append(s)
        return kept

    def _last_clause(self) -> Section | None:
        """Where a clause with no related section goes: after the last numbered section (typed or Word numbering)
        that holds text, titled if any is ("5. Any incentives ..." in a letter whose terms have no titles), or under a
        lead-in (Moylan's "The following confirms the terms ...:"), else the last headed one, else, in a letter,
        after the last paragraph before the sign-off; before the closing boilerplate; never after a title alone,
        a request to sign ("14. If the foregoing terms are acceptable to you, please ..."), in the signature block, in
        an exhibit, or among the letterhead, date and address above a letter's salutation."""
        paragraphs = self._clause_paragraphs()
        salutation = next((b.ref.index for b in paragraphs if SALUTATION.match(b.text)), -1)
        # the signer's name under a sign-off ("Very truly yours," then "MESSAGEMEDIA, INC.") heads no section
        signers = {b.ref.index for a, b in zip(paragraphs, paragraphs[1:]) if SIGN_OFF.match(a.text)}
        tops = [s for s in self.reviewed.sections if not s.after_the_clauses and not _closes(s.blocks[0].text)
                and s.blocks[-1].ref.index > salutation and s.blocks[0].ref.index not in signers]
        untitled = {id(s) for s in self._untitled_in_sequence(tops)}
        headed = [s for s in tops if s.body_blocks and (s.heading or id(s) in untitled)]
        numbered = ([s for s in headed if s.number or s.blocks[0].numbered] or
                    # a section's number, not a bullet
                    [s for s in tops if s.body_blocks and self._number(s) is not None] or
                    # the titled terms under a letter's lead-in
                    [s for s in units(tops) if s.heading and s.body_blocks and self._number(s) is not None
                     and s.blocks[0].ref.index > salutation and not _closes(s.blocks[0].text)])
        if numbered or headed:
            return _before_boilerplate(numbered or headed)[-1]
        sign_off = next((b.ref.index for b in paragraphs if _closes(b.text)), None)
        return self._paragraph_before(sign_off)

    def _clause_paragraphs(self) -> list:
        """The paragraphs outside tables before the signatures and exhibits, in order."""
        by_index = {b.ref.index: b for s in self.reviewed.sections if not s.after_the_clauses for b in s.blocks
                    if not b.in_table and b.text.strip()}
        return [by_index[i] for i in sorted(by_index)]

    def _paragraph_before(self, index: int | None) -> Section | None:
        """The last paragraph before `index` (or the end) that a clause can follow, as a section of its own: no
        lead-in or heading, which would be parted from what it introduces, and no part of a letter's close."""
        headings = self._heading_paragraphs()
        body = [b for b in self._clause_paragraphs() if (index is None or b.ref.index < index)
                and not lead_in(b.text) and not _closes(b.text) and b.ref.index not in headings]
        return Section(heading=None, blocks=[body[-1]], kind="paragraph") if body else None

    def _others_in(self, section: Section, topic: str) -> list[str]:
        """The other topics found in (or around) any paragraph of `section`."""
        mine = {b.ref.index for b in section.blocks}
        return [t for t, m in self.reviewed.matches.items()
                if t != topic and m.section is not None and any(b.ref.index in mine for b in m.section.blocks)]

    def wording(self, clause: Clause, tier: str, values: dict, prevails: bool = False) -> list[str]:
        """The tier's paragraphs in the contract's defined terms and its voice ("you shall" in a letter to "you");
        wording that goes beside the contract's own version of the clause (which stays) says that it prevails, or
        the broader text would still govern. It says so of every sentence, in a closing one: "Notwithstanding ..."
        before the first sentence leaves the others (the remote days' "may be changed only by a written amendment")
        open to a right the contract keeps to change them."""
        paragraphs = _paragraphs(render_tier(clause, tier, {**values, "renews": self._renews(),
                                                            "drafts": set(self._drafts), "has": self._has(),
                                                            "engaged": not self.reviewed.terms.employment},
                                             self.reviewed.neutral, self._read_text))
        if prevails:
            n = len(paragraphs)
            which = "this paragraph" if n == 1 else f"this paragraph and the {number_words(n - 1)} before it"
            paragraphs[-1] += f" The terms of {which} apply notwithstanding anything to the contrary in this Agreement."
        return [self.reviewed.terms.in_voice(t) for t in paragraphs]

    def _has(self) -> set[str]:
        """The topics whose clause the draft has, as the review reads it (found, and not lacking it): our wording
        speaks of the draft's own non-compete only where there is one (Grigg's has none to set aside)."""
        return {topic for topic, m in self.reviewed.matches.items()
                if m is not None and m.section is not None and (other := self.library.by_topic(topic)) is not None
                and lacking(other, self.reviewed.neutral, m.section) is None}

    def _renews(self) -> bool:
        """Whether the agreement, as the counter-draft leaves it, runs for a term that can be renewed: the draft
        states a term or a renewal, or the profile asks for a term. Our wording speaks of not renewing only then
        (Wood's at-will letter was to pay severance if the Company "does not renew this letter")."""
        term = self.reviewed.finding("term")
        return ("term" in self._asked or "initial_term_months" in term.parameters
                or re.search(r"(?i)\brenew", self.reviewed.clauses_text) is not None)

    def info(self, text: str) -> None:
        self.messages.append(Message(level="info", text=text))

    def warn(self, text: str) -> None:
        self.messages.append(Message(level="warning", text=text))

    # ------------------------------------------------------------------------------------------------------------
    def plan_edits(self, clause: Clause, section: Section, values: dict, made: set[str]) -> list[ParagraphChange]:
        """The clause's edits of the section's paragraphs; `made` gathers the names of those that changed text, which
        the edits after them and the clause's comment read (a target added beside a ceiling is not added again with
        the metrics). An edit that `locks` a figure comes last, and only where
        the section, as the others leave it, states the figure asked for: hybrid's budget proviso became "may not be
        reduced" while its table still paid $36,000 of the $100,000 asked, fixing the lower figure. Where it cannot
        be made, the section is left as it is, and the letter asks for the clause (none of its comment is done)."""
        texts = {b.ref.index: self.text(b) for b in section.blocks}
        self._edit(clause, section, values, [e for e in clause.edits if e.locks is None], texts, made)
        self._settle(clause, section, texts)
        locks = [e for e in clause.edits if e.locks is not None]
        held = [e for e in locks if not self._states(clause, e.locks, values, section, texts)]
        if any(re.search(e.pattern, t) for e in held for t in texts.values()):
            name, where = held[0].locks, _name(section)
            asked = values.get(name)
            why = f"does not state the {shown(clause, name, asked)} {label(name, clause)} asked for, and no edit could write " \
                  f"it there" if isinstance(asked, (int, float)) else f"keeps its own {label(name, clause)}, as the letter " \
                                                                     f"names none"
            self._not_locked[clause.id] = (  # the planner's warning says so
                f"{where[0].upper()}{where[1:]} {why}; making it binding would lock in the figure the contract "
                f"states, so the section is left as it is")
            made.clear()
            return []
        self._edit(clause, section, values, locks, texts, made)  # any held one matches nothing
        self._settle(clause, section, texts)
        changes = []
        for block in section.blocks:
            before, after = self.text(block), texts[block.ref.index]
            if after != before:
                changes.append(ParagraphChange(ref=block.ref, before=before, after=after))
                self.current[block.ref.index] = after
        return changes

    def _edit(self, clause: Clause, section: Section, values: dict, edits: list[Edit], texts: dict[int, str],
              made: set[str]) -> None:
        """`edits` made in `texts` (each paragraph's text by index, as earlier edits leave it), the names of those
        that change text into `made`; an edit of table cells only in a cell whose row names its figure."""
        found = self.reviewed.finding(clause.topic).parameters
        stated = as_stated(clause, found)
        rows = row_texts(section.blocks)
        previous: list[str] = []  # the paragraphs before, outside tables: an item's lead-in says when it applies
        for block in section.blocks:
            before = texts[block.ref.index]
            # a lead-in ("... shall not do any of the following:") is about what its items restrict
            items = "\n".join(self.text(b) for b in section.following(block)) if lead_in(before) else ""
            lead = lead_in_before(previous, before) if not block.in_table else ""
            previous += [before] if not block.in_table else []
            after = before
            for e in edits:
                if e.cell != block.in_table or _blank(e.replace, values) or \
                        any(name in stated for name in e.unless_stated):
                    continue
                if e.cell and not all(re.search(p, rows[block.cell[:2]], re.I)
                                      for p in (clause.extract[e.param].near, e.near) if p):
                    continue
                read: set[str] = set()
                replacement = self._replacement(clause, e, values, stated, made, read)
                anywhere = e.cell or e.near is None or re.search(e.near, section.heading or "", re.I)
                here = e.param is not None and _states_read(clause, e, after, found)
                keep = None if e.param is None else \
                    (lambda old, e=e, here=here: _keeps(clause, e, old, values, found, here))
                unless = (clause.extract[e.param].unless if e.param is not None else None, e.unless)
                plain = self.reviewed.terms.neutral
                edited = _substitute(e.pattern, replacement, after, None if anywhere else e.near, e.all or e.cell,
                                     keep, unless, items, e.append, lead, plain)
                if e.every_short:  # and every later match that falls short, in a sentence of the covenant's own
                    edited = _every_short(e.pattern, replacement, edited, e.near, keep, unless, items, plain, lead)
                if edited == after:
                    continue
                if self._employee_only(clause, [replacement], "that edit is not made"):
                    self._employee_only_edits.add(clause.id)
                else:
                    after = edited
                    self._read_text |= read
                    if e.name is not None:
                        made.add(e.name)
            texts[block.ref.index] = after

    def _replacement(self, clause: Clause, e: Edit, values: dict, stated: dict, made: set[str],
                     read: set[str]) -> str:
        """An edit's `replace`, rendered in the contract's terms, the parameters it reads into `read`; appended text
        that the template starts with a space keeps it (" (one hundred eighty (180) days where the Company gives it)"
        after the draft's notice)."""
        flagged = set(self.reviewed.finding(clause.topic).flagged)
        text = self.reviewed.terms.in_voice(render(clause, e.replace, {**values, "found": stated, "made": made,
                                                                      "flagged": flagged}, "edits.replace", read))
        return " " + text if e.append and text and e.replace[:1].isspace() else text

    def _settle(self, clause: Clause, section: Section, texts: dict[int, str]) -> None:
        """Each edited paragraph of `texts` that would strike a definition the contract uses is put back, with a
        warning."""
        for block in section.blocks:
            before, after = self.text(block), texts[block.ref.index]
            term = self._struck_definition(before, after, block) if after != before else None
            if term is not None:
                self.warn(f"{clause.id}: the edit would strike the definition of \"{term}\", which the contract "
                          f"uses elsewhere; that paragraph of {_name(section)} is left as it is")
                texts[block.ref.index] = before

    def _states(self, clause: Clause, name: str, values: dict, section: Section, texts: dict[int, str]) -> bool:
        """Whether the section's text, as `texts` has it, states the figure asked for `name`, read by its rule."""
        rule, asked = clause.extract[name], values.get(name)
        stated = extract_quantity("\n".join(texts[b.ref.index] for b in section.blocks), rule.kind, rule.near,
                                  rule.beside, rule.unless)
        return stated is not None and isinstance(asked, (int, float)) and math.isclose(stated, asked)

    def _struck_definition(self, before: str, after: str, block) -> str | None:
        """A term that `before` defines and `after` no longer does, while the rest of the contract uses it: a
        sentence replaced whole must not take with it the definition of "the Annual Bonus" that later sections
        rely on."""
        kept = definitions([after], every=True)
        return next((term for term in definitions([before], every=True)
                     if term not in kept and self.reviewed.text.count(term) > block.text.count(term)), None)

    def plan_edits_beside(self, clause: Clause, match: Match, values: dict, found: dict,
                          made: set[str]) -> tuple[Section, list[ParagraphChange]] | None:
        """The edit of a figure the review read from a sentence beside the matched clause (the notice in an "Early
        Termination" section, when the severance section titled for termination without cause was matched), made by
        the clause's own edit patterns in that sentence alone: (its section, the change), or None; the edit's name
        goes into `made`."""
        stated = as_stated(clause, found)
        for e in clause.edits:
            rule = clause.extract.get(e.param) if e.param in found and not e.cell else None
            if rule is None or _blank(e.replace, values) or any(name in stated for name in e.unless_stated) or \
                    extract_quantity(match.text, rule.kind, rule.near, rule.beside, rule.unless,
                                     multiples=rule.multiples) is not None:
                continue  # no figure of this edit, one it would leave blank or not make, or read from the clause
            for section, sentence in match.elsewhere:
                if extract_quantity(sentence, rule.kind, rule.near, rule.beside, rule.unless,
                                    multiples=rule.multiples) != found[e.param]:
                    continue
                read: set[str] = set()
                replacement = self._replacement(clause, e, values, stated, made, read)
                edited = _substitute(e.pattern, replacement, sentence, None, False,
                                     lambda old, e=e: _keeps(clause, e, old, values, found), (e.unless,),
                                     append=e.append, plain=self.reviewed.terms.neutral)
                block = next((b for b in section.blocks if not b.in_table and sentence in self.text(b)), None)
                if edited == sentence or block is None:
                    continue  # another edit pattern may fit the sentence ("salary for (12) twelve months following")
                if self._employee_only(clause, [replacement], "that edit is not made"):
                    self._employee_only_edits.add(clause.id)
                    return None
                before = self.text(block)
                after = before.replace(sentence, edited, 1)
                self.current[block.ref.index] = after
                self._read_text |= read
                if e.name is not None:
                    made.add(e.name)
                return section, [ParagraphChange(ref=block.ref, before=before, after=after)]
        return None

    def plan_replace(self, clause: Clause, section: Section, wording: list[str], base: dict,
                     values: dict) -> PlannedEdit:
        targets = section.body_blocks
        if not targets:
            return self.plan_insert(clause, base["tier"], values, base, after=section)
        carried = self._carried(clause, [self.text(b) for b in targets], wording)
        if isinstance(carried, tuple):
            self.warn(f"{clause.id}: replacing {_name(section)} would strike the definition of \"{carried[0]}\", "
                      f"which the contract uses elsewhere; it is left as it is and raised in the letter")
            return PlannedEdit(kind="letter", heading=section.heading, **base)
        changes: list[ParagraphChange] = []
        for i, block in enumerate(targets):
            before = self.text(block)
            caption = section.caption or block.caption  # a typed caption ("3. Term.") need not be bold
            prefix = _caption_prefix(before, caption) if i == 0 and section.inline_caption else ""
            kept = _kept_sentences(before[len(prefix):])
            ours, opening = ([wording[i]], "") if i < len(wording) else ([], "")
            if ours and i == 0:
                yielded, opening = _yielding(before[len(prefix):], wording[i])
                ours = [yielded] + ([carried] if carried else [])
            if opening:
                self.info(f"{clause.id}: replacing {_name(section)} keeps its opening {opening.strip()!r}")
            after = prefix + " ".join(ours + kept) if ours or kept else None
            if kept:
                self.info(f"{clause.id}: replacing {_name(section)} keeps {len(kept)} sentence(s) on remedies, "
                          f"survival or a right the physician keeps, which our clause does not deal with")
            if after != before:
                changes.append(ParagraphChange(ref=block.ref, before=before, after=after))
                if after is not None:
                    self.current[block.ref.index] = after
        extra = [NewParagraph(text=t, like=targets[-1].ref, typed_number=targets[-1].numbered)
                 for t in wording[len(targets):]]
        return PlannedEdit(kind="modify", heading=section.heading, changes=changes, new_paragraphs=extra,
                           anchor=targets[-1].ref if extra else None, **base)

    def _carried(self, clause: Clause, before: list[str], wording: list[str]) -> str | tuple[str]:
        """The sentence that defines again, beside our wording, the names the draft's paragraphs `before` define and
        the rest of the contract uses (Langecker's "Employment Term", six times elsewhere; Wasiewski's "Extension
        Term" and "Non-Renewal"), by the clause's `carries`: "" where there are none, or (the name,) for one that
        none of them carries."""
        kept = definitions(wording + [s for text in before for s in _kept_sentences(text)], every=True)
        here = " ".join(before)
        meanings: dict[str, str] = {}
        for name in definitions(before, every=True):
            if name in kept or self.reviewed.text.count(name) <= here.count(name):
                continue
            carried = next((c for c in clause.carries if re.search(c.names, name)), None)
            if carried is None:
                return (name,)
            meanings[name] = carried.meaning
        if not meanings:
            return ""
        said = [f'"{name}" means {meaning}' for name, meaning in meanings.items()]
        listed = said[0] if len(said) == 1 else f"{', '.join(said[:-1])}{',' if len(said) > 2 else ''} and {said[-1]}"
        return self.reviewed.terms.in_voice(f"In this Agreement, {listed}.")

    def plan_insert(self, clause: Clause, tier: str, values: dict, base: dict, after: Section | None = None,
                    missing: bool = True, prevails: bool | None = None) -> PlannedEdit | None:
        """The clause as a new section; after `after` when it was found there (and cannot replace it), else after
        the section of the first of its `insert_after` topics found, else after the last numbered section. Beside
        the contract's own version it says that it prevails, unless told otherwise."""
        missing = missing and after is None
        wording = self.wording(clause, tier, values, prevails=not missing if prevails is None else prevails)
        if self._employee_only(clause, wording):
            return PlannedEdit(kind="letter", heading=None if after is None else after.heading, **base)
        if after is None:
            after = self._related(clause)
        if after is not None:
            after = self._container(after)
        if after is None:
            after = self._last_clause()
        if after is not None and self._end(after) == 0:
            # a letter's paragraph that leads into its numbered terms: ours goes after them; one that asks for its
            # signature or leads into a list of another kind: ours goes before it
            after = self._introduced(after) or self._paragraph_before(after.blocks[0].ref.index)
        if after is None:
            self.warn(f"{clause.id}: not in the contract and no section to put it after; raised in the letter only")
            return PlannedEdit(kind="letter", **base)
        heading = clause.heading or clause.title
        last = self._anchor(after)
        if missing and prevails is None and _DENIES.search(" ".join(self.text(b) for b in after.blocks)):
            # right after "shall not be entitled to any benefits, coverages or privileges", ours says it prevails
            wording = self.wording(clause, tier, values, prevails=True)
        item = self._last_item(after, last)
        if item is not None:
            # the next of the article's lettered items, in their form, never an article of its own
            caption, typed, form = self._item_caption(after, item, heading), False, item
        else:
            (caption, typed), form = self._caption(self._numbered_before(after, last), heading), after
        first = form.blocks[0]
        headings = self._heading_paragraphs()
        # our text looks like the section's own text, not like a heading of its subsections ("A. BASE SALARY.")
        body_like = next((b for b in form.body_blocks if b.ref.index not in headings), (form.body_blocks or
                                                                                     form.blocks)[0])
        if form.inline_caption or form.heading is None:
            paragraphs = [NewParagraph(caption=caption, text=wording[0], like=first.ref, typed_number=typed,
                                       caption_bold=not _typed_caption(first))]
        else:
            paragraphs = [NewParagraph(caption=None, text=caption, like=first.ref, typed_number=typed),
                          NewParagraph(text=wording[0], like=body_like.ref, typed_number=body_like.numbered)]
        # our text is no item of the contract's lists: it takes their layout, never a number of theirs
        paragraphs += [NewParagraph(text=t, like=body_like.ref, typed_number=body_like.numbered) for t in wording[1:]]
        anchor: ParagraphRef = last.ref
        why = "not in the contract; " if missing else ""
        self.info(f"{clause.id}: {why}inserted as {caption!r} after {_name(after, last)}")
        if item is None and first.numbered and not after.number and not typed:
            self.warn(f"{clause.id}: Word numbers the sections, so the new one takes the next number and those after "
                      f"it move up by one; check references to them by number")
        return PlannedEdit(kind="insert", heading=after.heading, anchor=anchor, new_paragraphs=paragraphs, **base)

    def _last_item(self, after: Section, last) -> Section | None:
        """The last of the typed lettered items ("A.", "B.", "C." in sequence) that an article numbered otherwise than
        in digits, or not at all, is made of, where a clause inserted after it follows that item (`last`): Steel's
        "III. DUTIES." with its items A. to C., "IV. COMPENSATION." with its subsections "A. BASE SALARY." to
        "G. AUTOMOBILE.". None where there is no such item (a section numbered "2." takes "2D" instead: _caption)."""
        if self._number(after) is not None:
            return None
        run = []
        for child in after.children:
            if child.number != chr(ord("A") + len(run)) or child.blocks[0].numbered or \
                    run and child.key != run[0].key:
                break
            run.append(child)
        if not run or not any(b.ref.index == last.ref.index for b in run[-1].blocks):
            return None
        return run[-1]

    def _item_caption(self, after: Section, item: Section, heading: str) -> str:
        """The caption of a new item after `item`, the last lettered one of `after`: the next letter, and the heading
        in capitals where the items' headings are ("H. PROFESSIONAL LIABILITY INSURANCE." after "G. AUTOMOBILE.")."""
        key = ("item", after.blocks[0].ref.part, after.blocks[0].ref.index)
        n = self._suffixes.get(key, ord(item.number) - ord("A") + 1)
        self._suffixes[key] = n + 1
        caps = bool(item.heading) and item.heading.upper() == item.heading
        return f"{chr(ord('A') + n)}. {heading.upper() if caps else heading}."

    def _related(self, clause: Clause, seen: frozenset[str] = frozenset()) -> Section | None:
        """The section a missing clause goes after: that of the first of its `insert_after` topics the contract has
        as a clause, not in passing (`_passing`), or, for one it lacks that the profile asks for, where that one
        goes: Protected Time beside the Duties and FTE Allocation inserted for the same draft, not after its last
        section, a restrictive covenant (Donaldson)."""
        for topic in clause.insert_after:
            m = self.reviewed.matches.get(topic)
            if m is not None and m.section is not None:
                if _boilerplate(m.section):
                    continue  # "19. Descriptive Headings" or "Notices" is no term a clause of substance goes beside
                if not m.section.after_the_clauses and not self._passing(m):
                    return m.section
                titled = self._titled_for(topic) if m.section.after_the_clauses else None
                if titled is not None:
                    return titled
                continue
            other = self._asked.get(topic)
            if other is not None and topic not in seen:
                found = self._related(other, seen | {clause.topic, topic})
                if found is not None:
                    return found
        return None

    def _titled_for(self, topic: str) -> Section | None:
        """The clause whose heading names a topic that an exhibit states ("1. Services and Compensation" over "the
        compensation set forth on Exhibit A"): the term a clause about it goes beside, not the last section."""
        clause = self.library.by_topic(topic)
        return None if clause is None else next(
            (s for s in units(self.reviewed.sections) if s.heading and not s.after_the_clauses and
             mentions(clause.heading_cues, s.heading)), None)

    def _passing(self, m: Match) -> bool:
        """Whether a section was found for a topic on one mention in passing, no clause to stand beside: each sentence
        naming the topic names first another topic's clause found there on more than one mention ("Your full-time
        bi-weekly salary", McDermott), or a condition on something else ("The amount of the loan will be forgiven
        ..., provided that you continue to be a full-time employee", Reed; "If, during the term of this Agreement
        ..., the Company terminates ..." in a severance payment, Nelson). "You will report to the CEO." is a
        reporting clause, and "An initial term of eighteen (18) months, subject to the right of cancellation" a
        term, one mention or not."""
        clause = self.library.by_topic(m.topic)
        if m.score >= 2 * FOUND_SCORE or clause is None:
            return False
        mine = {b.ref.index for b in m.section.blocks}
        others = [o.cues + o.heading_cues for o in (self.library.by_topic(t) for t, f in self.reviewed.matches.items()
                                                    if t != m.topic and f.section is not None
                                                    and f.score >= 2 * FOUND_SCORE
                                                    and any(b.ref.index in mine for b in f.section.blocks))
                  if o is not None]
        text = "\n".join(b.text for b in m.section.blocks)
        for a, b in sentences(text):
            ours = _first_mention(clause.cues + clause.heading_cues, text[a:b])
            if ours is None:
                continue
            condition = _CONDITION.search(text[a:b])
            if not (condition and condition.start() < ours or
                    any((_first_mention(cues, text[a:b]) or ours) < ours for cues in others)):
                return False
        return True

    def _anchor(self, after: Section):
        """The paragraph a clause inserted after `after` follows: its last (`_end`), or past what that one leaves
        open. The items of a lead-in that stand outside it ("This Agreement shall terminate upon the following events
        and conditions:" with its items numbered as sections) come with it, up to the next titled section of its own
        kind; a paragraph a line or page break cut mid-sentence, with the one that ends the sentence ("... specified
        in the" then "LTIP."); and an untitled paragraph that keeps a right to change "the foregoing" ("While the
        foregoing represents the current benefits, they are ... subject to modification"), which would otherwise
        reach our clause too."""
        end = self._end(after)
        last = after.blocks[end - 1]
        paragraphs = self._clause_paragraphs()
        at = {b.ref.index: i for i, b in enumerate(paragraphs)}
        if last.in_table or last.ref.index not in at:
            return last
        i = at[last.ref.index]
        opener = self._list_opened(after, end)
        if opener is not None and opener.ref.index in at:
            # a nested clause's list ends with its top-level section at the latest (Mcgrane's "(d) Termination
            # Without Cause ... entitled to:" ran on to "21. Counterparts", where severance was inserted)
            stop = next((s.blocks[0].ref.index for s in units(self.reviewed.sections)
                         if s.blocks[0].ref.index > opener.ref.index and
                         (s.after_the_clauses or s.heading and s.key == after.key or
                          after.level > 0 and s.level == 0 and (s.heading or s.number))), None)
            j = at[opener.ref.index]
            while stop is not None and j + 1 < len(paragraphs) and paragraphs[j + 1].ref.index < stop and \
                    not _closes(paragraphs[j + 1].text):
                j += 1
            i = max(i, j)
        headed = {s.blocks[0].ref.index for s in units(self.reviewed.sections) if s.heading or s.number}
        # a numbered section ends no sentence, however the paragraph before it reads (Steel's "C. The Executive shall
        # report to the Chief Executive Officer of the", cut so in its source, then "IV. COMPENSATION."); "LTIP." does
        numbered = {s.blocks[0].ref.index for s in units(self.reviewed.sections) if s.number}
        while i + 1 < len(paragraphs) and not _closes(paragraphs[i + 1].text) and (
                ends_mid_sentence(paragraphs[i].text) and paragraphs[i + 1].ref.index not in numbered or
                paragraphs[i + 1].ref.index not in headed and self._qualifies(paragraphs[i + 1].text)):
            i += 1
        return paragraphs[i]

    def _introduced(self, after: Section) -> Section | None:
        """The last of the numbered terms that a letter's untitled paragraph leads into (Grigg's duties, ending "you
        will be compensated as follows:", then "1. Base Salary." to "9. Other Interests."): a clause that belongs
        beside that paragraph follows its terms, never parting the lead-in from them nor going back before the
        paragraph (after "The purpose of this letter agreement ..."). None where the paragraph is no such lead-in."""
        if _closes(after.blocks[-1].text) or not lead_in(after.blocks[-1].text):
            return None
        siblings = after.parent.children if after.parent is not None else self.reviewed.sections
        following = [s for s in siblings if s.blocks[0].ref.index > after.blocks[-1].ref.index]
        items = list(itertools.takewhile(lambda s: bool(s.number or s.blocks[0].numbered) and
                                         not s.after_the_clauses, following))
        return items[-1] if items else None

    def _numbered_before(self, after: Section, last) -> Section:
        """The section whose number an inserted one after `last` continues: `after`, or, past its list's items that
        it numbers in its own sequence ("3. ... upon the following:", "4. Upon expiry.", "5. ..."), the last of them
        ("5A", before "6. Notices")."""
        if any(b.ref.index == last.ref.index for b in after.blocks):
            return after
        return next((s for s in reversed(units(self.reviewed.sections)) if s.key == after.key
                     and after.blocks[0].ref.index <= s.blocks[0].ref.index <= last.ref.index), after)

    def _list_opened(self, after: Section, end: int):
        """The lead-in that ends numbered `after` while its items stand outside it, as numbered sections of their
        own: its last paragraph, or one `_end` stepped back over; else None."""
        if not (after.number or after.blocks[0].numbered):
            return None
        last = after.blocks[end - 1]
        if lead_in(last.text):
            return last
        if end < len(after.blocks) and lead_in(after.blocks[end].text):
            return after.blocks[end]
        return None

    @staticmethod
    def _qualifies(text: str) -> bool:
        """Whether a paragraph's first sentence keeps a right to change what comes before it."""
        a, b = sentences(text)[0]
        first = text[a:b]
        return bool(_THE_FOREGOING.search(first)) and _grants_change_right(first)

    def _end(self, after: Section) -> int:
        """How many of the paragraphs of `after` a clause inserted after it follows: none of the close (parting
        courtesy, sign-off, request to sign, signatures) that a letter's last section runs into, and no heading or lead-in parted from
        what it heads. A letter's paragraph (untitled and unnumbered) may be such a close or lead-in itself: 0."""
        letter = after.heading is None and not after.number and not after.blocks[0].numbered
        headings = self._heading_paragraphs()
        end = next((i for i, b in enumerate(after.blocks) if (i or letter) and _closes(b.text) or
                    i and _COURTESY.match(b.text)), len(after.blocks))
        # a titled subsection numbered as the section's successor, not its previous sibling's, is the next section,
        # styled one level too deep ("V. TERMINATION." under "IV. COMPENSATION.", after its "G. AUTOMOBILE.")
        previous = None
        for child in after.children:
            if child.heading and _succeeds(after.number, child.number) and not _succeeds(previous, child.number):
                end = min(end, next(i for i, b in enumerate(after.blocks) if b.ref.index == child.blocks[0].ref.index))
                break
            previous = child.number
        while end > (0 if letter else 1) and (after.blocks[end - 1].ref.index in headings or
                                              lead_in(after.blocks[end - 1].text)):
            end -= 1
        return end

    def _container(self, section: Section) -> Section:
        """The clause holding `section`, after which a new section goes: never among another clause's lettered
        items or its subsections by heading style or list level under one that stands higher ("8A. Duties" had come
        between 3(b) and 3(c) of a change-in-control article). A section holding a third of the document or more
        is a part of it, not a clause ("Standard Terms" over numbered sections, a title over every clause), and a
        clause under a title or a recital stays where it is. An item under a part that large is no clause of its
        own either: ours goes after the last item of its run ("(ii)" to "(v)"), never between them (Mcgrane's
        "Termination for Cause" had come between 4(c)(ii), which defines cause, and 4(c)(iii), which gives "E and F
        above" ten days to cure)."""
        total = sum(len(s.blocks) for s in self.reviewed.sections)
        rank = self._styled_ranks()
        while section.parent is not None and 3 * len(section.parent.blocks) < total and (
                _ITEM_NUMBER.fullmatch(section.number or "")
                or section.key.startswith(_STYLED) and section.parent.key.startswith(_STYLED)
                and rank[section.parent.key] < rank[section.key]):
            section = section.parent
        if section.parent is not None and _ITEM_NUMBER.fullmatch(section.number or ""):
            items = section.parent.children
            first = i = next(n for n, s in enumerate(items) if s is section)
            while i + 1 < len(items) and items[i + 1].key == section.key and \
                    _succeeds(items[i].number, items[i + 1].number):
                i += 1
            section = items[i]
            # a titled item of another numbering read into the last one passed ("(d) Termination Without Cause."
            # after 4(c)(v)) is the next clause, which ours goes before
            titled = next((n for n, b in enumerate(section.blocks) if n and _opens_titled_item(b.text, section.key)),
                          None)
            if i > first and titled is not None:
                section = Section(heading=None, blocks=section.blocks[:titled], kind="paragraph")
        return self._items_owner(section) or section

    def _items_owner(self, section: Section) -> Section | None:
        """Where `section` is a lettered item of a Word list read as a section of its own, the numbered section
        whose items it is (`_owner`), through this item: Common Paper's "e. Except where Contractor terminates for
        cause ..." under "4.3 Effect of Termination", which held "4.4 Survival" as well, had our clause after
        Survival, numbered "a." as its item. Else None."""
        owner = self._owner(section)
        if owner is None:
            return None
        # the item's own paragraphs: none of a numbered section read as under it
        stop = next((c.blocks[0].ref.index for c in section.walk() if c is not section and self._number(c)), None)
        last = max(b.ref.index for b in section.blocks if stop is None or b.ref.index < stop)
        blocks = {b.ref.index: b for s in units(self.reviewed.sections) for b in s.blocks
                  if owner.blocks[0].ref.index <= b.ref.index <= last}
        return dataclasses.replace(owner, blocks=[blocks[i] for i in sorted(blocks)])

    def _owner(self, section: Section) -> Section | None:
        """The numbered section ("4.3", as Word shows it) whose lettered item ("e.", one level deeper in its list)
        `section` is, where the item's style gives it an outline level that made it a section; else None."""
        first = section.blocks[0]
        label = (first.list_label or "").strip().strip("().")
        if section.number or not first.numbered or first.list_level is None or not _ITEM_NUMBER.fullmatch(label):
            return None
        owner = next((s for s in reversed(units(self.reviewed.sections)) if not s.after_the_clauses
                      and s.blocks[0].ref.index < first.ref.index and self._number(s) is not None), None)
        level = None if owner is None else owner.blocks[0].list_level
        return owner if level is not None and level < first.list_level else None

    def _styled_ranks(self) -> dict[str, tuple[int, int]]:
        """How high each heading style or Word list stands among the clauses: by the shallowest level it opens a
        section at, then by where it first does. A list put under an item of a list that stands no higher (Moylan's
        'Employee Benefits', numbered with '1. Base Salary', under the '(C) there shall have occurred:' of a
        definition) is misread nesting, not a subsection."""
        rank: dict[str, tuple[int, int]] = {}
        for s in units(self.reviewed.sections):
            if s.key.startswith(_STYLED) and not s.after_the_clauses:
                rank[s.key] = min(rank.get(s.key, (s.level, s.start)), (s.level, s.start))
        return rank

    def _heading_paragraphs(self) -> set[int]:
        """The paragraphs that are a heading alone, above the text of their section: no lettered item of a list
        (`_owner`), which is text however its style reads."""
        return {b.ref.index for top in self.reviewed.sections for s in top.walk()
                if s.heading and not s.inline_caption and s.kind == "heading" and self._owner(s) is None
                for b in s.blocks[:s.heading_lines]}

    @staticmethod
    def _number(section: Section) -> tuple[str, re.Match | None] | None:
        """The section's number ("4", "3.2"), typed or as Word shows it (then with its label's match), or None."""
        number, label = section.number, None
        first = section.blocks[0]
        if not number and first.numbered and first.list_label:
            m = re.fullmatch(r"(\D*?)(\d+(?:\.\d+)*)(\.?\)?)", first.list_label.strip())
            if m:
                number, label = m.group(2), m
        return (number, label) if number and re.fullmatch(r"\d+(\.\d+)*", number) else None

    def _caption(self, after: Section, heading: str) -> tuple[str, bool]:
        """A caption in the contract's own style, and whether it types a number Word would otherwise give: an
        inserted section takes its anchor's number plus A, B, ... (typed or as Word shows it), so the sections
        after it keep theirs, past the capital letters the anchor's own sub-items take: after Monroe's A. to C. under
        "2." ours is 2D, not a second "2A" that the draft's "Section 2(A)" could name (lower-case items, "2(a)", read
        apart from "2A")."""
        found = self._number(after)
        if found is None:
            return f"{heading}.", False
        number, label = found
        first = after.blocks[0]
        key = (number, first.ref.part, first.ref.index)  # two lists may both show a "2."
        letters = [c.number for c in after.children if c.number and len(c.number) == 1 and c.number.isupper()]
        taken = len(letters) if letters == [chr(ord("A") + i) for i in range(len(letters))] else 0
        n = self._suffixes.get(key, taken)
        self._suffixes[key] = n + 1
        typed = f"{number}{chr(ord('A') + n)}"
        if label is None:
            return f"{typed}. {heading}.", False
        return f"{label.group(1)}{typed}{label.group(3) or '.'} {heading}.", True


def make_plan(reviewed: Reviewed, library: Library, profile: Profile, contract: str, author: str, date: str,
              where: str = "", pay: LetterFigures | None = None) -> Plan:
    """`pay`: the pay decided for every output (compensation.decide), as the letter will name it."""
    return Planner(reviewed, library, profile, where, pay).plan(contract, author, date)
