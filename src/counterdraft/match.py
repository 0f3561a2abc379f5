"""Which part of the contract governs each topic: cue phrases and BM25 over the section text, boosted by headings.

Every node of the section tree (an article, a section, a subsection, a paragraph, a table row) is a candidate.
For a topic, a candidate needs evidence first: a heading that names the topic, or one of its cue phrases in the
text. Candidates with evidence are ranked by a BM25F score whose terms are the topic's cue phrases (weighted by
length) and the stemmed words of its cues, with the candidate's own heading counted several times over (the heading
boost). Document frequencies are counted over the document's paragraphs and normalised to [0, 1], so scores mean the
same in a one-page letter and a 500-page agreement. The best candidate wins; it becomes a finding when its score
reaches FOUND_SCORE, else the topic is "missing". Everything is a pure function of the text: no randomness, and ties
go to the earlier and then the larger candidate.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from .extract import items_after, pays, read_rule, sentences, set_aside, states
from .library import Library
from .models import DETECTION_TOPICS, Clause
from .segment import SIGNATURES, Section, opening_caption, roman_value, units
from .wordml.read import Block

#: "This Agreement shall be governed by California law": whose law a contract may name (a state, the District, federal).
_STATES = ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
           "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
           "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
           "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
           "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
           "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
           "West Virginia", "Wisconsin", "Wyoming", "federal"]
#: Cues for the topics that are detected but get no wording of ours: (text cues, heading cues).
DETECTION_CUES: dict[str, tuple[list[str], list[str]]] = {
    "confidentiality": (["confidential information", "proprietary information", "trade secrets", "trade secret",
                         "confidentiality", "shall not disclose", "not disclose", "non-disclosure", "nondisclosure",
                         "keep confidential", "in confidence", "strictest confidence", "confidential"],
                        ["confidential", "confidentiality", "confidential information", "nondisclosure",
                         "non-disclosure", "proprietary information", "confidential and proprietary information"]),
    "governing-law": (["governed by the laws", "governed by and construed", "construed in accordance with the laws",
                       "in accordance with the laws of", "laws of the state of", "laws of the commonwealth",
                       "governing law", "choice of law", "conflicts of law", "conflict of laws",
                       "jurisdiction of the courts", "exclusive jurisdiction", "venue", "governed by the law"]
                      + [f"governed by {state} law" for state in _STATES],
                      ["governing law", "choice of law", "applicable law", "jurisdiction", "venue",
                       "law and venue"]),
    "non-solicitation": (["non-solicitation", "nonsolicitation", "non-solicit", "solicit", "solicitation",
                          "induce any employee", "hire any employee", "solicit any employee", "solicit or hire",
                          "solicit, induce", "interfere with the relationship", "no-hire", "employ or solicit",
                          "recruit any", "recruit or", "recruit, hire", "accept business from", "offer employment to",
                          "attempt to induce", "leave the employ", "induce personnel", "hiring any employees",
                          "hire any employees",
                          "commercial activity with"],
                         ["non-solicitation", "nonsolicitation", "no solicitation", "non-solicit", "solicitation",
                          "no-hire", "non-interference", "no hire"]),
    "benefits-vacation": (["paid time off", "vacation", "holiday entitlement", "annual leave", "days paid leave",
                           "benefit plans", "employee benefits", "health insurance", "retirement plan", "holidays",
                           "fringe benefits", "sick leave", "life insurance",
                           "disability insurance", "401(k)", "medical and dental", "welfare benefit",
                           "benefit programs", "group health", "pto", "benefit levels"],
                          ["benefits", "vacation", "paid time off", "employee benefits", "fringe benefits",
                           "vacation and benefits", "pto", "holidays", "leave", "insurance benefits", "holiday",
                           "holiday entitlement", "annual leave"]),
}
#: The detection topics' exact cues (text, heading): phrases that count only whole (Clause.exact_cues).
DETECTION_EXACT_CUES: dict[str, tuple[list[str], list[str]]] = {
    "confidentiality": (["business secrets", "not divulge", "unauthorised disclosure", "obligation of secrecy",
                         "professional secrecy", "patient information", "disclose to any third"],
                        ["protection of information", "company information", "patient privacy",
                         "information security"]),
    "governing-law": (["english law", "laws of england", "law of england", "laws of the province", "scots law",
                       "law of scotland", "submit to the jurisdiction", "forum selection",
                       "interpreted in accordance with", "subject to the laws of", "competent courts",
                       "non-exclusive jurisdiction"],
                      ["law and jurisdiction", "proper law", "forum", "choice of forum"]),
    "non-solicitation": (["poach any", "have any dealings with", "restricted customer", "restricted client",
                          "divert any", "deal with any restricted"],
                         ["non-poaching", "no-poach", "non-enticement", "non-raiding", "anti-poaching"]),
    "benefits-vacation": (["holiday pay", "pension scheme", "superannuation contributions", "group rrsp",
                           "extended health", "private medical insurance", "statutory sick pay", "parental leave",
                           "long service leave", "death in service"],
                          ["pension", "sickness absence", "sick pay", "time off", "health and welfare", "retirement",
                           "perquisites", "perks", "medical insurance"]),
}
#: Phrases that contain a topic's cue without being about it: a signing bonus is not the incentive plan, D&O cover
#: is not malpractice insurance, services rendered to the employer are the job, not an outside activity. They take
#: their words away from shorter cues (longest match wins).
ABSORBING_CUES: list[str] = [
    "signing bonus", "sign-on bonus", "signon bonus", "commencement bonus", "retention bonus", "relocation bonus",
    "directors and officers", "directors' and officers'", "d&o", "non-compete period", "restricted period",
    "board of directors", "termination date", "date of termination", "notice of termination",
    "report to work", "report for work", "solicitation of proxies", "proxy solicitation", "proxies solicited",
    "solicited by the board", "sexual orientation",
    "render services to the company", "render services to the employer", "render services for the company",
    "render services for the employer", "render services hereunder",
    # pay used as a measure of another payment, and the taxes withheld from one, say nothing of what the salary is
    # (URS's severance "equal to 12 months of base compensation ..., reduced by applicable income and payroll taxes")
    "months of base compensation", "months of base salary", "months of salary", "months of annual base salary",
    "months of compensation", "payroll taxes", "payroll tax",
    # what lasts "during the term of this Agreement" (a covenant, a benefit) says nothing of how long the term runs
    "during the term of this agreement", "throughout the term of this agreement",
    # severance that stops when the employee finds a new job ("ceases upon your commencement of other employment",
    # Puhala) restricts no outside work
    "commencement of other employment", "commences other employment", "obtains other employment",
    "obtain other employment", "secures other employment", "secure other employment", "accepts other employment",
    "find other employment", "finds other employment",
    # a stipend for one kind of expense is an allowance, not pay for leading (one for education is a CME cue)
    "book stipend", "wellness stipend", "fitness stipend", "phone stipend", "internet stipend", "home office stipend",
    "equipment stipend", "technology stipend", "commuter stipend", "transportation stipend", "meal stipend",
    "housing stipend", "relocation stipend",
    # a probation the contract rules out ("Employer and Employee will not apply a probationary period") is none
    "not apply a probationary period", "no probationary period",
]
#: Context that argues against a topic, in the candidate or in the headings and lead-ins above it: a relocation
#: named in a definition of Good Reason is not where the work is done.
_CONSTRUCTIVE = ["good reason", "constructive termination", "constructively terminated", "constructive discharge"]
#: A ground for dismissal names the duties it is a refusal of ("Unreasonable neglect or any refusal to perform the
#: duties assigned to the Employee", Carns): a clause about cause, not where the duties are set out.
_REFUSAL = ["refusal to perform", "refuses to perform", "refused to perform", "neglect or refusal",
            "willful failure to perform", "wilful failure to perform", "neglect of duties", "neglect of his duties",
            "neglect of her duties"]
CONTEXT_NEGATIVES: dict[str, list[str]] = {
    "remote-work": _CONSTRUCTIVE + ["registered mail", "certified mail", "return receipt", "overnight courier"],
    "reporting-structure": _CONSTRUCTIVE,
    "fte-split": _CONSTRUCTIVE + _REFUSAL,
    "growth-path": _CONSTRUCTIVE,
}
#: Cues that speak of their topic only in a sentence that names one of the words of `needs` (the start of a stemmed
#: word) and none of `unless`: "prior written notice" of a disclosure, a provision void "for any reason", are no
#: termination, and the "willful misconduct" an indemnity excludes is no ground for dismissal (List, held-out-3:
#: termination without cause was matched to its confidentiality section, for cause to its indemnity).
_ENDING = ("termin", "end", "cancel", "dismiss", "discharg", "resign", "fire")
SENTENCE_CUES: list[tuple[list[str], tuple[str, ...], tuple[str, ...]]] = [
    # the notice of a termination for disability (Webster's "upon ten (10) days' prior written notice" to a disabled
    # employee) is no termination without cause
    (["prior written notice", "for any reason", "days written notice", "days prior written notice", "days' notice",
      "days notice"], _ENDING, ("disab", "incapac")),
    (["terminate this agreement"], (), ("disab", "incapac", "death", "die")),
    (["willful misconduct", "gross misconduct", "gross negligence"], (), ("indemnif", "harmless")),
    # a reporting relationship whose adverse change lets the employee leave (Clamen's "Employee may terminate this
    # Agreement in the event his title, reporting relationship or job responsibilities are materially or adversely
    # affected") says nothing of whom the employee reports to
    (["reporting relationship"], (), _ENDING + ("advers", "diminish", "diminution", "reduc")),
    # the preamble's address of a party ("by and between Identive Group, Inc., a Delaware corporation, having its
    # principal executive offices at ...") is not where the work is done
    (["principal executive offices"], (), ("between", "corporation", "organiz", "incorpor")),
    # milestones a payment waits for ("Company's payment obligation is subject to Contractor's completion of such
    # milestones") are no career milestones
    (["milestones"], (), ("pay", "invoic", "fee", "deliverabl", "vacat")),
    # salary continued through a notice period ("will give you three months' notice before your employment ends and
    # will continue your base salary ... during that period") is notice pay, not severance
    (["continue your base pay", "continue your base salary"], (), ("notic",)),
    # pay continued for a day off ("we will continue to pay your salary for 1 additional day" for a wedding) is
    # leave, not severance
    (["continue to pay"], _ENDING, ()),
    # pay in lieu of notice, even paid as a lump sum, is notice pay, not severance
    (["lump sum"], (), ("lieu",)),
    # the administrative fee of an arbitration forum is no stipend for administrative duties
    (["administrative fee"], (), ("arbitr", "jams", "court")),
]

FOUND_SCORE = 1.0
MAX_SHARE = 0.35  # a match is never widened to a node holding more than this share of the document's paragraphs
RIVALS = 10  # how many of the best candidates are looked at for one about the topic, when the best is about another
CLIMB = 0.8  # a section is preferred to its best part when it scores at least this share of the part's score
HEADING_BOOST = 3.0  # a heading that is about the topic counts this much over one strong phrase in the text
K1, B = 1.2, 0.75  # BM25 saturation and length normalisation
PHRASE_WEIGHT, WORD_WEIGHT = 1.0, 0.25

#: "Schedule A", "Exhibit B": the name of an attachment, not a heading that says what the attachment is about.
_DESIGNATION = re.compile(r"(?i)^\s*(?:exhibit|schedule|appendix|annex|attachment|addendum)\s+[\"“]?[A-Z0-9]{1,3}\b[\"”]?")
#: A party's name standing as a heading (a signature block's "ADAMS RESOURCES & ENERGY, INC."): its words name the
#: party, not what the text under it is about.
_ENTITY = re.compile(r"(?i),?\s+(?:inc|corp|ltd|llc|l\.l\.c|l\.p|llp|plc|n\.a|p\.c|pllc|incorporated)\.?\s*$")
#: A defined term standing as the heading of its definition ("“Covered Inventions” means all inventions ..."): it
#: names what the definition defines, not a part about it (the assignment of inventions is elsewhere).
_DEFINED = re.compile(r"^\s*[“\"]")
#: Recitals say why the parties contract, not what they agree, and a letter's "Re:" or "Subject:" line names what it
#: is about: they govern no topic.
_RECITAL = re.compile(r"^\s*(?:WHEREAS|Whereas|RECITALS?\b|(?:re|subject)\s*:)", re.I)
_STOP = set("""a an and any are as at be by for from has have he her him his i if in into is it its of on or our
shall she such that the their them then there these they this those to under upon was we were which will with
you your may must not no all other than each hereunder herein hereof thereof""".split()) | {"."}
_GENERIC = set("""agreement company employer executive employee physician section party parties provided pursuant
date year years month months day days time period including without limitation set forth""".split())
#: Words whose stem means something else: "the employment terms in this letter" are its conditions, not the period of
#: employment, and a career's "advancement" is not "30 days' advance notice" or "amounts advanced" under a loan.
_KEPT = {"terms", "advancement", "advancements"}
_SUFFIXES = ("ications", "ication", "ational", "ations", "ation", "ating", "itions", "ition", "itive", "itors",
             "itor", "ities", "ity", "ements", "ement", "ments", "ment", "ings", "ing", "ions", "ion",
             "ated", "ates", "ate", "ers", "er", "ies", "ied", "ed", "es", "al", "s", "e", "y")


@functools.lru_cache(maxsize=None)
def stem(word: str) -> str:
    """A light suffix stripper: enough to meet "terminate", "terminated" and "termination" as one word."""
    if len(word) <= 4 or not word.isalpha() or word in _KEPT:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "s" and word[-2] in "sui":
                continue
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """Stemmed words of text; hyphens inside words are dropped, so "non-compete" and "noncompete" are one. The end of
    a sentence or clause (". ", "; ", ": ") is kept as a "." so that no cue phrase is read across it ("Chief Financial
    Officer. In that capacity" does not say "offices in")."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=[a-z])['](?:s\b)?", "", text)
    text = re.sub(r"(?<=[a-z])[-\u2010\u2011](?=[a-z])", "", text)
    text = re.sub(r"\b(full|part)\s+time\b", r"\1time", text)
    return ["." if t in ".;:!?" else stem(t) for t in re.findall(r"[a-z0-9&$%]+|(?<=[a-z0-9)\]”\"'])[.;:!?](?=\s|$)", text)]


def mentions(phrases: list[str], text: str) -> bool:
    """Whether text holds one of the phrases word for word, as the matcher reads words ("located" meets "location",
    "non-compete" meets "noncompete")."""
    return holds(tokens(text), phrases)


def holds(toks: list[str], phrases: list[str]) -> bool:
    """mentions() of a text already read into `toks`: one text asked about many phrases is read once."""
    for phrase in phrases:
        terms = _terms(phrase)
        if terms and any(toks[i:i + len(terms)] == terms for i, t in enumerate(toks) if t == terms[0]):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _terms(phrase: str) -> list[str]:
    """A phrase's words (the cues, asked about every section): read once. Callers never change the list."""
    return tokens(phrase)


@dataclass(frozen=True)
class Cue:
    text: str
    terms: tuple[str, ...]

    @property
    def weight(self) -> float:
        content = [t for t in self.terms if t not in _STOP]
        return 1.0 + 0.5 * max(0, len(content) - 1)


@dataclass
class Vocabulary:
    """What a topic is recognised by."""

    topic: str
    cues: list[Cue]
    heading_cues: list[Cue]
    words: set[str]
    negative: list[Cue] = field(default_factory=list)
    row_cues: list[Cue] = field(default_factory=list)

    @functools.cached_property
    def cue_keys(self) -> frozenset[tuple[str, ...]]:
        """The features a candidate needs, without a heading that names the topic, to be about it at all."""
        return frozenset(c.terms for c in self.cues)


def _cue(text: str) -> Cue:
    return Cue(text, tuple(tokens(text)))


def vocabularies(library: Library, topics: list[str]) -> dict[str, Vocabulary]:
    """Each topic's cues from the library's clauses (all clauses of that topic) and, for detection topics, ours. The
    words that rank candidates come from the cues and heading cues; exact cues add phrases only."""
    raw: dict[str, tuple[list[str], ...]] = {
        t: (list(c), list(h), *(list(e) for e in DETECTION_EXACT_CUES.get(t, ([], []))))
        for t, (c, h) in DETECTION_CUES.items()}
    for clause in sorted(library.clauses.values(), key=lambda c: c.id):
        lists = raw.setdefault(clause.topic, ([], [], [], []))
        for have, more in zip(lists, (clause.cues, clause.heading_cues, clause.exact_cues, clause.exact_heading_cues)):
            have += [c for c in more if c not in have]
    out = {}
    for topic in topics:
        body, heads, exact, exact_heads = raw.get(topic, ([], [], [], []))
        words = {t for c in body + heads for t in _terms(c)
                 if t not in _STOP and t not in _GENERIC and len(t) > 2 and not t.isdigit()}
        cues = _unique([_cue(c) for c in body + exact])
        heading_cues = _unique([_cue(h) for h in heads + body + exact_heads + exact])
        negative = [_cue(n) for n in CONTEXT_NEGATIVES.get(topic, [])]
        rows = _unique([_cue(h) for h in heads + exact_heads])
        out[topic] = Vocabulary(topic, cues, heading_cues, words, negative, rows)
    return out


def _unique(cues: list[Cue]) -> list[Cue]:
    seen, out = set(), []
    for c in cues:
        if c.terms and c.terms not in seen:
            seen.add(c.terms)
            out.append(c)
    return out


@dataclass(frozen=True)
class Match:
    topic: str
    section: Section | None
    score: float
    reason: str
    #: Sections the matched clause sends the reader to for this topic ("severance as provided in Section 3"): their
    #: text is part of the clause as matched; edits stay in `section`.
    also: tuple[Section, ...] = ()
    #: Sentences of other parts about the topic that state one of its figures, each with its part, where a parameter
    #: the clause as matched leaves unstated is read (a severance section matched for termination without cause, the
    #: notice in the "Early Termination" section beside it), then those of the sections matched for the topics its
    #: clause names in `stated_in` (what a termination without cause pays, as severance); they are not part of its
    #: text.
    elsewhere: tuple[tuple[Section, str], ...] = ()
    #: The part that states the clause where the match is about something else: the covenant a `governs` of its
    #: clauses finds in "1. Services" while the match is a warranty about agreements with third parties (Pandion).
    #: Also the part a figure of the topic is read in where the match states none (_stated_in). Where a reader is
    #: sent for it; the match stays what the topic was found in.
    stated: Section | None = None

    @property
    def text(self) -> str:
        """The full text of the clause as matched: the section, then the sections it refers to for the topic."""
        if self.section is None:
            return ""
        return "\n".join([self.section.text] + [s.text for s in self.also])

    @property
    def confidence(self) -> float:
        """How sure the match is, from 0 to 1: 0.5 at the threshold, rising towards 1 with the score."""
        if self.score <= 0:
            return 0.0
        return round(self.score / (self.score + FOUND_SCORE), 2)

    @property
    def elsewhere_sentences(self) -> tuple[str, ...]:
        """The sentences of `elsewhere` alone, as extraction reads them."""
        return tuple(sentence for _, sentence in self.elsewhere)


class _Phrases:
    """Finds every cue phrase of every topic in a token list in one pass."""

    def __init__(self, cues: list[Cue]):
        self.by_first: dict[str, list[Cue]] = {}
        seen = set()
        for c in cues:
            if c.terms not in seen:
                seen.add(c.terms)
                self.by_first.setdefault(c.terms[0], []).append(c)

    def count(self, toks: list[str]) -> Counter:
        """Occurrences of each cue, longest first, left to right: "long-term incentive plan" is not also an
        "incentive plan", and a "signing bonus" is not also a "bonus"."""
        found: Counter = Counter()
        i = 0
        while i < len(toks):
            best = None
            for c in self.by_first.get(toks[i], ()):
                if (best is None or len(c.terms) > len(best)) and tuple(toks[i:i + len(c.terms)]) == c.terms:
                    best = c.terms
            if best is None:
                i += 1
            else:
                found[best] += 1
                i += len(best)
        return found


@dataclass
class _Stats:
    features: Counter  # cue phrase (a tuple of terms) or single word -> occurrences
    length: int


class Index:
    """Term statistics of every candidate, computed once and shared by all topics."""

    def __init__(self, sections: list[Section], vocab: dict[str, Vocabulary]):
        self.vocab = vocab
        self.tops = sections
        self.candidates = units(sections)
        all_cues = [c for v in vocab.values() for c in v.cues + v.negative] + [_cue(a) for a in ABSORBING_CUES]
        words = set().union(*(v.words for v in vocab.values())) if vocab else set()
        phrases = _Phrases(all_cues)
        heading_phrases = _Phrases([c for v in vocab.values() for c in v.heading_cues])
        block_stats: dict[int, _Stats] = {}
        self.block_features: dict[int, Counter] = {}
        df: Counter = Counter()
        n_blocks = 0
        for s in self.candidates:
            for b in s.blocks:
                if id(b) in block_stats:
                    continue
                toks = [] if _RECITAL.match(b.text) else tokens(b.text)
                feats = _counted(phrases, toks)
                feats.update(t for t in toks if t in words)
                block_stats[id(b)] = _Stats(feats, sum(t != "." for t in toks))
                self.block_features[id(b)] = feats
                if toks:
                    n_blocks += 1
                    df.update(set(feats))
        self.stats: dict[int, _Stats] = {}
        for s in self.candidates:
            total: Counter = Counter()
            length = 0
            for b in s.blocks:
                st = block_stats[id(b)]
                total.update(st.features)
                length += st.length
            self.stats[id(s)] = _Stats(total, length)
        heading_toks = {id(s): [] if _signed(s) else tokens(_DESIGNATION.sub("", s.heading or ""))
                        for s in self.candidates}
        self.heading_hits: dict[int, Counter] = {
            id(s): heading_phrases.count(heading_toks[id(s)])
            if s.heading and not _ENTITY.search(s.heading) and not _DEFINED.match(s.heading)
            else Counter() for s in self.candidates}
        self.heading_len = {id(s): len([t for t in heading_toks[id(s)] if t not in _STOP and not t.isdigit()
                                        and not re.fullmatch(r"[ivxlc]+", t)]) for s in self.candidates}
        lengths = [self.stats[id(s)].length for s in self.candidates if s.kind == "paragraph" or not s.children]
        self.avg_length = (sum(lengths) / len(lengths)) if lengths else 1.0
        self.total_blocks = len(block_stats)
        n = max(n_blocks, 1)
        top = math.log(1 + (n - 0.5) / 1.5)
        self.idf = {f: math.log(1 + (n - d + 0.5) / (d + 0.5)) / top if top > 0 else 1.0 for f, d in df.items()}

    def context(self, s: Section) -> Counter:
        """Cue phrases in the headings and lead-in paragraphs above a candidate."""
        found: Counter = Counter()
        node = s.parent
        while node is not None:
            if node.blocks:
                found.update(self.block_features.get(id(node.blocks[0]), Counter()))
            node = node.parent
        return found

    def mentions(self, s: Section, v: Vocabulary) -> bool:
        """Whether the text of a candidate (not its heading) names one of the topic's cues."""
        return not self.stats[id(s)].features.keys().isdisjoint(v.cue_keys)

    def titled(self, s: Section, v: Vocabulary) -> bool:
        """Whether the candidate's own heading names the topic."""
        heads = self.heading_hits[id(s)]
        return any(heads.get(c.terms) for c in (v.row_cues if s.kind == "row" else v.heading_cues))

    def head_cues(self, s: Section, v: Vocabulary) -> list[Cue]:
        """The topic's heading cues the candidate's own heading names; a table row's first cell is a label, named by
        the topic's heading cues only."""
        heads = self.heading_hits[id(s)]
        return [c for c in (v.row_cues if s.kind == "row" else v.heading_cues) if heads.get(c.terms)]

    def coverage(self, s: Section, head_cues: list[Cue]) -> float:
        """The share of the words of the candidate's heading that its `head_cues` (of a topic) name: 1 for
        "Insurance", a third for "Termination upon Death or Disability"."""
        covered = {t for c in head_cues for t in c.terms if t not in _STOP}
        return min(1.0, len(covered) / max(1, self.heading_len[id(s)]))

    def score(self, s: Section, v: Vocabulary) -> tuple[float, float, str]:
        """(rank, evidence, reason): rank orders candidates (BM25F); evidence decides whether the topic is there
        at all: the heading boost plus each distinct cue phrase found, weighted by its rarity in the document."""
        stats = self.stats[id(s)]
        if s.heading is not None and not s.inline_caption and s.kind in ("heading", "row") and \
                all(_FILL_IN.fullmatch(b.text) for b in (s.body_blocks if s.kind == "row" else
                                                          s.blocks[s.heading_lines:])):
            # a heading with nothing under it governs nothing, nor a label beside a form's blank: Common Paper's
            # cover page row "Schedule | {timeline}" had our call clause in place of the timeline to be filled in
            return 0.0, 0.0, ""
        heads = self.heading_hits[id(s)]
        if not heads and not self.mentions(s, v):
            return 0.0, 0.0, ""  # no heading hit and no cue of the topic: nothing to score
        head_cues = self.head_cues(s, v)
        head = HEADING_BOOST * (0.4 + 0.6 * self.coverage(s, head_cues)) if head_cues else 0.0
        hits = [c for c in v.cues if stats.features.get(c.terms)]
        if not head_cues and not hits:
            return 0.0, 0.0, ""
        norm = K1 * (1 - B + B * stats.length / self.avg_length)
        body = evidence = 0.0
        for c in hits:
            tf = stats.features[c.terms]
            idf = self.idf.get(c.terms, 1.0)
            body += PHRASE_WEIGHT * c.weight * idf * tf * (K1 + 1) / (tf + norm)
            # a cue repeated across the document is no less present: its rarity only halves its weight at most
            evidence += c.weight * (0.5 + 0.5 * idf) * (1 + 0.5 * math.log(tf))
        for w in v.words:
            tf = stats.features.get(w, 0)
            if tf:
                body += WORD_WEIGHT * self.idf.get(w, 1.0) * tf * (K1 + 1) / (tf + norm)
        value = head + body
        evidence += head
        against = [c for c in v.negative if stats.features.get(c.terms) or self.context(s).get(c.terms)]
        if against:
            value = evidence = 0.0  # e.g. a relocation named in a definition of Good Reason
        reasons = []
        if head_cues:
            reasons.append("heading names " + ", ".join(repr(c.text) for c in head_cues[:3]))
        if hits:
            ranked = sorted(hits, key=lambda c: (-c.weight, c.text))
            reasons.append("text mentions " + ", ".join(repr(c.text) for c in ranked[:4]))
        if against:
            reasons.append("but in the context of " + ", ".join(repr(c.text) for c in against))
        return round(value, 3), round(evidence, 3), "; ".join(reasons)


#: A paragraph a form leaves to be filled in: "{timeline}", "[Reserved]", "________", or nothing at all.
_FILL_IN = re.compile(r"\s*(?:\{[^{}]*\}|\[[^\[\]]*\]|_{3,})?\s*")


@functools.lru_cache(maxsize=None)
def _sentence_cues() -> list[tuple[frozenset[tuple[str, ...]], tuple[str, ...], tuple[str, ...]]]:
    return [(frozenset(_cue(c).terms for c in cues), needs, unless) for cues, needs, unless in SENTENCE_CUES]


def _counted(phrases: _Phrases, toks: list[str]) -> Counter:
    """phrases.count(toks), sentence by sentence, without the SENTENCE_CUES a sentence does not qualify."""
    found: Counter = Counter()
    start = 0
    for end in [i for i, t in enumerate(toks) if t == "."] + [len(toks)]:
        sentence = toks[start:end]
        start = end + 1
        feats = phrases.count(sentence)
        for cues, needs, unless in _sentence_cues():
            if not cues.isdisjoint(feats) and (
                    needs and not any(t.startswith(needs) for t in sentence) or
                    unless and any(t.startswith(unless) for t in sentence)):
                for c in cues:
                    feats.pop(c, None)
        found.update(feats)
    return found


def _signed(s: Section) -> bool:
    """Whether a candidate stands in the signature block."""
    node: Section | None = s
    while node is not None and node.key != "closing":
        node = node.parent
    return node is not None and bool(SIGNATURES.match(node.blocks[0].text))


def _rival(s: Section, value: float, v: Vocabulary, index: Index) -> str | None:
    """The topic a candidate is more about than about v, if any."""
    rank, topic = max((index.score(s, other)[0], other.topic) for other in index.vocab.values() if other is not v)
    return topic if rank > value else None


def _titled_under(best: Section, value: float, v: Vocabulary, index: Index, scores: dict[int, float]
                  ) -> Section | None:
    """Where a heading names the topic among others and its part is more about another ("ARTICLE VI - TERM AND
    TERMINATION"), the best part under it whose own heading names the topic and that is about it ("Section 6.1
    Term", physician3's community hospital agreement, which was reported to have no term)."""
    if _rival(best, value, v, index) is None:
        return None
    under = [s for s in index.candidates if scores[id(s)] > 0 and s is not best and index.titled(s, v)
             and _contains(best, s) and _rival(s, scores[id(s)], v, index) is None]
    return max(under, key=lambda s: (scores[id(s)], -s.start, len(s.blocks)), default=None)


def _about(v: Vocabulary, index: Index, scores: dict[int, float], evidence: dict[int, float],
           floor: float) -> Section | None:
    """The best of the RIVALS best-ranked candidates with at least `floor` evidence that is about v more than about
    any other topic, if any."""
    ranked = sorted((s for s in index.candidates if scores[id(s)] > 0 and evidence[id(s)] >= floor),
                    key=lambda s: (scores[id(s)], -s.start, len(s.blocks)), reverse=True)
    return next((s for s in ranked[:RIVALS] if _rival(s, scores[id(s)], v, index) is None), None)


#: Kinds of parameter whose statement marks the clause that sets it: a salary in dollars, notice in days, an FTE.
_FIGURES = ("usd", "days", "months", "miles", "percent", "fte")


#: (kind, near, unless) of a parameter that a topic's clauses read.
_Figure = tuple[str, str, str | None]


def _figures(library: Library, topic: str, beside: bool = False, where: bool = False) -> list[_Figure]:
    """Every parameter the topic's clauses read, of the kinds above (with `beside`, only those read in a sentence
    that names them). With `where`, for telling where the topic is, the `unless` of a figure not read only beside
    its cue is left out: it says which of the topic's figures a sentence states (last year's bonus, severance paid
    only after a change of control), not that the sentence is about something else, as that of a figure read
    beside its cue does (the notice of a resignation, an option's expiry on an anniversary)."""
    return [(rule.kind, rule.near, rule.unless if rule.beside or not where else None)
            for c in sorted(library.clauses.values(), key=lambda c: c.id)
            if c.topic == topic for rule in c.extract.values()
            if rule.kind in _FIGURES and rule.near and (rule.beside or not beside)]


#: Units a figure is stated in: a cue that holds one ("30 days written notice", "$250,000 per annum") is the figure
#: itself, and says nothing of what the figure is for.
_UNIT_TERMS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "mile", "miles", "annum"}


def _states(s: Section, v: Vocabulary, figures: list[_Figure]) -> bool:
    """Whether a sentence of the candidate that names one of the topic's cues (other than one that holds the unit of
    the figure: a loan's "thirty (30) days written notice" is no termination) states one of its figures."""
    phrases = _Phrases(v.cues)
    keys = {k for k in v.cue_keys if _UNIT_TERMS.isdisjoint(k)}
    for block in s.blocks:
        for a, b in sentences(block.text):
            sentence = block.text[a:b]
            if any(states(sentence, *figure) for figure in figures) and \
                    not phrases.count(tokens(sentence)).keys().isdisjoint(keys):
                return True
    return False


def _ranked(index: Index, scores: dict[int, float], evidence: dict[int, float]) -> list[Section]:
    """The candidates for a topic with enough evidence, best first."""
    return sorted((s for s in index.candidates if scores[id(s)] > 0 and evidence[id(s)] >= FOUND_SCORE),
                  key=lambda s: (scores[id(s)], -s.start, len(s.blocks)), reverse=True)


def _stating(best: Section, v: Vocabulary, index: Index, scores: dict[int, float], evidence: dict[int, float],
             figures: list[_Figure]) -> Section | None:
    """When the best candidate states none of the topic's figures (and is not a section titled for the topic that
    speaks of it, as below), the best of the RIVALS best-ranked candidates with enough evidence that does ("Your
    initial base salary will be $8,653.84" over "15 days per annum")."""
    if not figures or _states(best, v, figures):
        return None
    ranked = _ranked(index, scores, evidence)[:RIVALS]
    if index.titled(best, v) and index.mentions(best, v):
        # a section titled for the topic that speaks of it is where it is, figure or none (McGrane's "(d)
        # Termination Without Cause", beside the executive's own notice in "(e) Voluntary Termination"), unless its
        # title is one word of many topics and one beside it so titled states it (q1's "2.1 Position", full time,
        # before "2.2 Allocation of Effort", 0.8 and 0.2 FTE)
        if any(len(c.terms) > 1 for c in index.head_cues(best, v)):
            return None
        ranked = [s for s in ranked if s.parent is best.parent and index.titled(s, v) and index.mentions(s, v)]
    return next((s for s in ranked if _states(s, v, figures)), None)


#: A part that says it prevails over the rest of the agreement, as our inserted clauses close: "The terms of this
#: paragraph apply notwithstanding anything to the contrary in this Agreement."
_PREVAILS = re.compile(r"(?i)\b(?:this|these)\s+(?:paragraph|section|clause|provisions?|terms)\b[^.;]{0,60}?\b"
                       r"(?:apply|applies|shall\s+(?:apply|govern|control|prevail))\s+notwithstanding\s+anything\s+to\s+"
                       r"the\s+contrary\b")


def _prevailing(best: Section, v: Vocabulary, index: Index, scores: dict[int, float], evidence: dict[int, float],
                prevails: bool) -> Section | None:
    """Where the best candidate does not say it prevails, the best of the RIVALS best-ranked candidates titled for
    the topic, speaking of it and about no other topic more, that does: the clause a redline inserted beside the
    draft's own governs where the two differ (ph2's "Continuing Medical Education" with $6,000 beside its
    "Professional Development" with $5,000; dxw's call clause beside "Hours of work"). `prevails`: whether any
    paragraph of the contract says so at all."""
    if not prevails or _PREVAILS.search(best.text):
        return None
    ranked = _ranked(index, scores, evidence)
    return next((s for s in ranked[:RIVALS] if _named(s, v, index) and index.mentions(s, v) and
                 _PREVAILS.search(s.text) and _rival(s, scores[id(s)], v, index) is None), None)


def _named(s: Section, v: Vocabulary, index: Index) -> bool:
    """Whether the candidate's heading, or the caption its first paragraph opens with after any typed number (ph2's
    "Continuing Medical Education. NUH shall provide ..."), names the topic."""
    if index.titled(s, v):
        return True
    caption = opening_caption(s.blocks[0].text) if s.blocks else None
    return caption is not None and mentions([c.text for c in v.heading_cues], caption)


#: Grounds of termination: a sentence or section that ends the employment on another ground than the topic's (cause,
#: good reason, disability, death) or by the employee's own choice (a resignation) states that ground's notice.
_GROUNDS = (r"good\s+reason", r"disab", r"death", r"\bdies\b", r"incapacit", r"voluntar", r"resign",
            r"(?<!without\s)(?<!other\sthan\sfor\s)(?<!not\sfor\s)\bcause\b")


@functools.cache
def _other_grounds(topic: str) -> re.Pattern[str]:
    """The grounds of termination other than the one the topic's own name names: for termination for cause, "cause"
    is its own (a cure period in "10A. Termination for Cause", beside the definition of Cause, is read), while for
    termination without cause it is another ground."""
    name = topic.replace("-", " ")
    return re.compile("(?i)" + "|".join(g for g in _GROUNDS if not re.search(g, name, re.I)))


def _elsewhere(taken: list[Section], v: Vocabulary, index: Index, scores: dict[int, float],
               evidence: dict[int, float], figures: list[_Figure]) -> tuple[tuple[Section, str], ...]:
    """Sentences that state one of the topic's figures read only beside their cue (`beside`), in the RIVALS
    best-ranked candidates apart from the match that are about the topic more than any other: sentences that name
    one of its cues, or any under a heading that names it ("(b) Early Termination. ... the Company may terminate the
    Employee's employment by giving the Employee 30 days' advance notice"), and no other ground of termination."""
    if not figures:
        return ()
    ranked = _ranked(index, scores, evidence)
    phrases = _Phrases(v.cues)
    keys = {k for k in v.cue_keys if _UNIT_TERMS.isdisjoint(k)}
    other = _other_grounds(v.topic)
    out: dict[str, Section] = {}
    seen: list[Section] = []
    for s in ranked[:RIVALS]:
        if any(_contains(s, o) or _contains(o, s) for o in taken + seen) or \
                _rival(s, scores[id(s)], v, index) is not None or other.search(s.where):
            continue
        titled = index.titled(s, v)
        for block in s.body_blocks or s.blocks:
            for a, b in sentences(block.text):
                sentence = block.text[a:b]
                if any(states(sentence, *figure) for figure in figures) and \
                        not other.search(sentence) and \
                        (titled or not phrases.count(tokens(sentence)).keys().isdisjoint(keys)):
                    out.setdefault(sentence.strip(), s)
                    seen.append(s)
    return tuple((s, sentence) for sentence, s in out.items())


def _governing(taken: list[Section], library: Library, topic: str, index: Index,
               figures: list[_Figure]) -> tuple[tuple[Section, str], ...]:
    """Where the match states none of the topic's figures, the sentences that state one and match a `governs` of
    its clauses, in the clauses (not an exhibit), each with the smallest part that holds it: the covenant a section
    about something else states without a cue of the topic (Pandion's "1. Services"), where the match is a warranty
    about agreements with third parties."""
    patterns = [c.governs for c in sorted(library.clauses.values(), key=lambda c: c.id)
                if c.topic == topic and c.governs]
    if not patterns or any(states(b.text[x:y], *figure) for s in taken for b in s.blocks
                           for x, y in sentences(b.text) for figure in figures):
        return ()
    out: dict[str, Section] = {}
    read: set[int] = set()  # each paragraph once, with the smallest part that holds it
    for s in sorted(index.candidates, key=lambda s: len(s.blocks)):
        if s.after_the_clauses:
            continue
        for block in s.body_blocks or s.blocks:
            if id(block) in read:
                continue
            read.add(id(block))
            for a, b in sentences(block.text):
                sentence = block.text[a:b].strip()
                if sentence not in out and any(re.search(p, sentence) for p in patterns) and \
                        any(states(sentence, *figure) for figure in figures):
                    out[sentence] = s
    return tuple((s, sentence) for sentence, s in out.items())


def _climb(best: Section, value: float, scores: dict[int, float], total: int) -> Section:
    """The unit a reader would cite: a paragraph, a table row or an untitled list item is read with the section
    it belongs to, and a section with the whole that encloses it when that scores nearly as well; never a node
    that holds a large part of the document (a title such as "CONFIDENTIAL" over a whole letter), nor a run of
    paragraphs that nothing titles or numbers (a letter's salary paragraph is not widened to the loan, bonus and
    relocation paragraphs after it)."""
    node = best
    small = max(3, int(MAX_SHARE * total))
    while (node.kind in ("paragraph", "row") or node.heading is None) and node.parent is not None and \
            (node.parent.heading or node.parent.number or node.parent.kind == "intro") and \
            len(node.parent.blocks) <= small:
        node = node.parent
    parent = node.parent
    while parent is not None and len(parent.blocks) <= small and (parent.heading or parent.number or parent.key or
                                                                   parent.kind != "heading") and \
            scores.get(id(parent), 0.0) >= (CLIMB if node.heading is None else 1.0) * \
            max(value, scores.get(id(node), 0.0)):
        node = parent
        parent = parent.parent
    return node


def _spans(best: Section, index: Index, v: Vocabulary, scores: dict[int, float]) -> Section:
    """A letter's clause may run over several paragraphs: take in the neighbours that match the topic too, but for
    a paragraph that says it prevails over them (`_PREVAILS`), whose figures are the ones that hold."""
    parent = best.parent
    siblings = parent.children if parent is not None else index.tops
    if best.kind != "paragraph" or not siblings or _PREVAILS.search(best.text):
        return best
    at = next(i for i, s in enumerate(siblings) if s is best)

    def belongs(s: Section) -> bool:
        """A neighbour joins when it says enough about the topic and about no other topic more."""
        if s.kind != "paragraph" or scores.get(id(s), 0) < FOUND_SCORE:
            return False
        own = index.score(s, v)[0]
        return all(index.score(s, other)[0] <= own for other in index.vocab.values() if other is not v)

    lo = hi = at
    while lo > 0 and belongs(siblings[lo - 1]):
        lo -= 1
    while hi + 1 < len(siblings) and belongs(siblings[hi + 1]):
        hi += 1
    if lo == hi:
        return best
    group = siblings[lo:hi + 1]
    return Section(heading=None, blocks=[b for s in group for b in s.blocks], kind="span", level=best.level,
                   parent=parent, start=group[0].start)


#: A typed cross-reference: "Section 3", "Sections 7(b)", "Paragraph 2 hereof", "paragraphs 3", "Article IV",
#: "Exhibit A".
_XREF = re.compile(r"\b(?:(?:[Ss]ection|[Pp]aragraph|[Cc]lause|[Ss]ubsection)s?\s*(\d{1,3}(?:\.\d{1,3})*)"
                   r"((?:\s?\([a-z0-9]{1,4}\))*)|Article\s+(\d{1,2}|[IVXL]{1,6})\b"
                   r"|(Exhibit|Schedule|Appendix|Annex)\s+[\"“]?([A-Z0-9]{1,2})\b)")
#: The numbers after the first of a list of them: "Sections 3 and 7", "paragraphs 2, 4 or 5(a)".
_LISTED = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s+(\d{1,3}(?:\.\d{1,3})*(?:\s?\([a-z0-9]{1,4}\))*)(?![\w(])")
_SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z(“\"])")
MAX_XREFS = 2


class _Numbers:
    """Where each typed section number leads: "3" to the section numbered 3, "7(b)" to its subsection (b),
    "3.2" to 3.2, "Article IV" to the fourth article, "Exhibit A" to the exhibit. Sections numbered by Word
    (auto-numbering, no typed number) are counted in order among their siblings of the same kind."""

    def __init__(self, tops: list[Section]):
        self.by_number: dict[str, list[Section]] = {}
        self.exhibits: dict[str, Section] = {}
        self._index(tops)

    def _index(self, siblings: list[Section]) -> None:
        counts: Counter = Counter()
        for s in siblings:
            number = s.number
            if number is None and s.key.startswith("list:"):
                counts[s.key] += 1
                number = str(counts[s.key])
            if number:
                for alias in self._aliases(number, s):
                    self.by_number.setdefault(alias, []).append(s)
            if s.heading:
                m = re.match(r"(?i)^\s*(exhibit|schedule|appendix|annex)\s+[\"“]?([A-Z0-9]{1,2})\b", s.heading)
                if m:
                    self.exhibits.setdefault(f"{m.group(1).lower()} {m.group(2).upper()}", s)
            self._index(s.children)

    @staticmethod
    def _aliases(number: str, s: Section) -> list[str]:
        number = number.strip().rstrip(".")
        out = [number.lower()]
        if s.key == "article":
            value = roman_value(number)
            if value:
                out.append(f"article {value}")
            elif number.isdigit():
                out.append(f"article {number}")
        if number.isdigit() and s.key.startswith("list:") and not s.key.endswith(":0"):
            out.append("abcdefghijklmnopqrstuvwxyz"[(int(number) - 1) % 26])  # Word's letters for level 2
        return out

    def resolve(self, m: re.Match) -> Section | None:
        if m.group(4):
            return self.exhibits.get(f"{m.group(4).lower()} {m.group(5).upper()}")
        if m.group(3):
            value = roman_value(m.group(3)) if not m.group(3).isdigit() else int(m.group(3))
            found = self.by_number.get(f"article {value}")
            return found[0] if found else None
        found = self.by_number.get(m.group(1).lower())
        if not found:
            return None
        node = min(found, key=lambda s: (s.level, s.start))  # the top-level "3" over a "(3)" deep in a list
        for part in re.findall(r"\(([a-z0-9]{1,4})\)", m.group(2) or ""):
            child = next((c for c in node.children if (c.number or "").lower() == part), None)
            if child is None:
                break
            node = child
        return node


def _contains(a: Section, b: Section) -> bool:
    node: Section | None = b
    while node is not None:
        if node is a:
            return True
        node = node.parent
    return False


def _listed(sentence: str, ref: re.Match) -> list[re.Match]:
    """A plural reference's further numbers, each as a reference of its own ("Sections 3 and 7": "Section 7")."""
    out: list[re.Match] = []
    if not re.match(r"(?i)[a-z]+s\s", ref.group(0)):
        return out
    at = ref.end()
    while (more := _LISTED.match(sentence, at)) is not None:
        out.append(_XREF.match(f"Section {more.group(1)}"))
        at = more.end()
    return out


def _references(section: Section, v: Vocabulary, index: Index, numbers: _Numbers, total: int) -> tuple[Section, ...]:
    """The sections a matched clause refers to in a sentence about the topic, that speak of the topic themselves."""
    phrases = _Phrases(v.cues)
    out: list[Section] = []
    for block in section.blocks:
        if "ection" not in block.text and "aragraph" not in block.text and "rticle" not in block.text and \
                not re.search(r"Exhibit|Schedule|Appendix|Annex|Clause", block.text):
            continue
        for sentence in _SENTENCE.split(block.text):
            refs = list(_XREF.finditer(sentence))
            if not refs or not phrases.count(tokens(_XREF.sub(" ", sentence))):
                continue
            for ref in [each for ref in refs for each in (ref, *_listed(sentence, ref))]:
                target = numbers.resolve(ref)
                if target is None or _contains(target, section) or _contains(section, target) or \
                        any(_contains(o, target) or _contains(target, o) for o in out) or \
                        len(target.blocks) > max(3, int(MAX_SHARE * total)) or index.score(target, v)[1] <= 0:
                    continue
                out.append(target)
                if len(out) == MAX_XREFS:
                    return tuple(out)
    return tuple(out)


def _continued(section: Section, v: Vocabulary, index: Index, scores: dict[int, float],
               also: tuple[Section, ...]) -> tuple[Section, ...]:
    """The parts right after a matched one, under the same heading, whose own headings name the topic too, that
    refer back to it by its number and are about no other topic more: "Section 5.2 Tail Coverage. ... an extended
    reporting period endorsement to the policy described in Section 5.1" after "Section 5.1 Professional Liability
    Coverage" (physician3's community hospital: the review said nothing paid the tail, and the letter asked for one,
    where 5.2 has the hospital pay it however the agreement ends). A part that only names the topic in its heading
    is a part of its own: McGrane's "(e) Voluntary Termination for Good Reason" after "(d) Termination Without
    Cause", Puhala's "c. Annual Equity Bonus" after "b. Cash Bonus"."""
    if section.heading is None or section.kind != "heading" or not re.search(r"\d", section.number or ""):
        return ()  # a letter or a roman numeral alone ("(d)") is no reference anyone can be sure of
    back = re.compile(rf"(?<![\w.]){re.escape(section.number.strip('.'))}(?![\w]|\.\d)")
    siblings = section.parent.children if section.parent is not None else index.tops
    at = next((i for i, s in enumerate(siblings) if s is section), None)
    out: list[Section] = []
    for s in siblings[at + 1:] if at is not None else ():
        if s.heading is None or scores.get(id(s), 0.0) <= 0 or not index.titled(s, v) or \
                _rival(s, scores[id(s)], v, index) is not None or any(_contains(o, s) for o in also) or \
                not back.search(s.text):
            break
        out.append(s)
    return tuple(out)


def match(sections: list[Section], library: Library, topics: list[str]) -> dict[str, Match]:
    """The best candidate for each topic, or a Match with no section when nothing scores well enough."""
    vocab = vocabularies(library, topics)
    index = Index(sections, vocab)
    numbers = _Numbers(sections)
    prevails = any(_PREVAILS.search(b.text) for s in sections for b in s.blocks)
    out: dict[str, Match] = {}
    for topic in topics:
        v = vocab[topic]
        best: tuple[float, int, int] | None = None
        best_section, best_reason, best_evidence = None, "", 0.0
        scores: dict[int, float] = {}
        evidence: dict[int, float] = {}
        for s in index.candidates:
            value, ev, reason = index.score(s, v)
            scores[id(s)], evidence[id(s)] = value, ev
            if value <= 0:
                continue
            key = (value, -s.start, len(s.blocks))
            if best is None or key > best:
                best, best_section, best_reason, best_evidence = key, s, reason, ev
        if best is None:
            out[topic] = Match(topic, None, 0.0, "no heading or text mentions its cues")
            continue
        if _rival(best_section, best[0], v, index) is not None:
            # a passing mention in a part about another topic ("life insurance of two times your annual salary")
            # gives way to a part about this topic that says as much
            about = _about(v, index, scores, evidence, best_evidence)
            if about is not None:
                best, best_section = (scores[id(about)], -about.start, len(about.blocks)), about
                best_evidence, best_reason = evidence[id(about)], index.score(about, v)[2]
        if not index.mentions(best_section, v) and \
                index.coverage(best_section, index.head_cues(best_section, v)) < 1:
            # only its heading names the topic, among other things ("Termination upon Death or Disability"): a part
            # whose text says more of it, and is about no other topic more, is where it is (Weigand's "The Company
            # may terminate the Executive's employment at any time without Cause"); a heading wholly about the topic
            # ("Insurance") keeps it
            ranked = sorted((s for s in index.candidates if evidence[id(s)] > best_evidence and index.mentions(s, v)),
                            key=lambda s: (scores[id(s)], -s.start, len(s.blocks)), reverse=True)
            said = next((s for s in ranked[:RIVALS] if _rival(s, scores[id(s)], v, index) is None), None)
            if said is not None:
                best, best_section = (scores[id(said)], -said.start, len(said.blocks)), said
                best_evidence, best_reason = evidence[id(said)], index.score(said, v)[2]
        titled = _titled_under(best_section, best[0], v, index, scores) \
            if not index.mentions(best_section, v) else None
        if titled is not None:
            best, best_section = (scores[id(titled)], -titled.start, len(titled.blocks)), titled
            best_evidence, best_reason = evidence[id(titled)], index.score(titled, v)[2]
        stating = _stating(best_section, v, index, scores, evidence, _figures(library, topic, where=True))
        if stating is not None:
            best, best_section = (scores[id(stating)], -stating.start, len(stating.blocks)), stating
            best_evidence, best_reason = evidence[id(stating)], index.score(stating, v)[2] + "; states its figure"
        prevailing = _prevailing(best_section, v, index, scores, evidence, prevails)
        if prevailing is not None:
            best, best_section = (scores[id(prevailing)], -prevailing.start, len(prevailing.blocks)), prevailing
            best_evidence = evidence[id(prevailing)]
            best_reason = index.score(prevailing, v)[2] + "; says it applies notwithstanding anything to the contrary"
        # not back up to the heading it was taken from for naming other topics too
        section = best_section if best_section is titled else _climb(best_section, best[0], scores,
                                                                       index.total_blocks)
        strength = max(best_evidence, evidence.get(id(section), 0.0))
        if strength < FOUND_SCORE:
            out[topic] = Match(topic, None, strength, f"nothing says enough (best {strength:.2f} of "
                                                      f"{FOUND_SCORE:.2f}: {best_reason} in "
                                                      f"{best_section.where or 'a paragraph'})")
            continue
        rival = _rival(best_section, best[0], v, index) if not index.mentions(best_section, v) and \
            (section is best_section or not index.mentions(section, v)) else None
        if rival is not None:
            # only a heading names it, and the section is more about another topic: "(c) Insurance and Other
            # Benefits" names insurance, but it is where the benefits are, not a malpractice policy
            out[topic] = Match(topic, None, strength, f"only the heading of {best_section.where or 'a section'} "
                                                      f"names it ({best_reason}), and that section is about {rival}")
            continue
        if section is best_section:
            section = _spans(best_section, index, v, evidence)
        elif best_section.where != section.where:
            best_reason += f" (in {best_section.where or 'a paragraph of it'})"
        also = _references(section, v, index, numbers, index.total_blocks)
        if also:
            best_reason += "; refers to " + ", ".join(repr(a.where or a.heading or "a section") for a in also)
        after = _continued(section, v, index, scores, also)
        if after:
            best_reason += "; goes on in " + ", ".join(repr(a.where or a.heading) for a in after)
            also += after
        figures = _figures(library, topic, beside=True)
        elsewhere = _elsewhere([section, *also], v, index, scores, evidence, figures)
        governing = () if elsewhere else _governing([section, *also], library, topic, index, figures)
        out[topic] = Match(topic, section, strength, best_reason, also, elsewhere or governing,
                           governing[0][0] if governing else None)
    return {topic: _stated_in(m, out, library, sections) for topic, m in out.items()}


def _stated_in(m: Match, matches: dict[str, Match], library: Library, sections: list[Section]) -> Match:
    """The match with, after its `elsewhere`, the sentences of the sections matched for the topics its clause names
    in `stated_in` that state one of its figures beside its cue: Genaera's severance, matched to a paragraph about a
    change in control, is the "monthly base salary for (12) twelve months following your termination date" of the
    paragraph matched for termination without cause. A section that shares a paragraph with the match is read with
    it already. Then those of the agreement's clauses that give the topic in terms of their own (`given`). Where the
    match states none of its figures, `stated` is the part the first is read in, where the review sends the reader."""
    clauses = [c for c in sorted(library.clauses.values(), key=lambda c: c.id) if c.topic == m.topic]
    related = [t for c in clauses for t in c.stated_in]
    if not related:
        return m
    if m.section is None:
        return _paid_in(m, matches, library, related, [b for s in sections for b in s.blocks])
    figures = _figures(library, m.topic)
    mine = {(b.ref.part, b.ref.index) for s in (m.section, *m.also) for b in s.blocks}
    found = {sentence: s for s, sentence in m.elsewhere}
    for topic in related:
        s = matches[topic].section if topic in matches else None
        if s is None or mine & {(b.ref.part, b.ref.index) for b in s.blocks}:
            continue
        for block in s.body_blocks or s.blocks:
            for a, b in sentences(block.text):
                sentence = block.text[a:b].strip()
                if any(states(sentence, *figure) for figure in figures):
                    found.setdefault(sentence, s)
    given = dict(_given(clauses, sections, mine))
    for sentence, s in given.items():
        found.setdefault(sentence, s)
    # where the match and its other parts state none of its figures, the reader is sent where the first is read
    # (Nelson's six months on a termination for the Company's convenience, in "4. Involuntary Termination Without
    # Cause", beside a match that pays only after a change in control), else where a clause gives them
    rules = [rule for c in clauses for rule in c.extract.values()]
    reading = next((s for sentence, s in found.items() if sentence not in given
                    and any(read_rule(rule, sentence) is not None for rule in rules)), None)
    own = any(read_rule(rule, m.text) is not None for rule in rules)
    stated = m.stated or (None if own else reading or next(iter(given.values()), None))
    return replace(m, elsewhere=tuple((s, sentence) for sentence, s in found.items()), stated=stated)


def _given(clauses: list[Clause], sections: list[Section],
           mine: set[tuple[str, int]]) -> Iterator[tuple[str, Section]]:
    """(sentence, the section that holds it) of each sentence of the agreement's clauses, outside the paragraphs
    `mine`, that seems to give a clause in terms of its own (its `given_by`) and states one of its figures, where its
    rules read them (their `unless`) or set them aside for a reason of their own (`set_aside`): Metz's "twelve (12)
    months base salary" paid on a termination without Cause in section 9, beside a match that pays only after a change
    in control, is a consultant's fee, which the review says and sends the reader to."""
    for c in clauses:
        if c.given_by is None:
            continue
        for s in sections:
            if s.after_the_clauses:
                continue
            for block in s.blocks:
                if (block.ref.part, block.ref.index) in mine:
                    continue
                for a, b in sentences(block.text):
                    sentence = block.text[a:b].strip()
                    if re.search(c.given_by, sentence, re.I | re.S) and \
                            (any(read_rule(rule, sentence) is not None for rule in c.extract.values()) or
                             set_aside(c, sentence)):
                        yield sentence, s


def _paid_in(m: Match, matches: dict[str, Match], library: Library, related: list[str],
             blocks: list[Block]) -> Match:
    """A topic found nowhere of its own, matched to the first section matched for a topic of `stated_in` that states
    one of its figures as pay (`pays`), with the items of the list its last paragraph opens (`blocks`: the document's):
    Mcgrane's severance is "(iii) an amount equal to the Executive's Annual Base Salary ..." listed after "(d)
    Termination Without Cause. ... the Executive shall be entitled to:", which names no cue of severance; the review
    then reads the 12 months it pays, rather than finding no severance and asking for fewer months than the draft
    pays. The items are read where they are as a part of the section (`also`): edits stay in it."""
    rules = [rule for c in sorted(library.clauses.values(), key=lambda c: c.id) if c.topic == m.topic
             for rule in c.extract.values()]
    at = {id(b): i for i, b in enumerate(blocks)}
    for topic in related:
        other = matches.get(topic)
        if other is None or other.section is None:
            continue
        last = other.section.blocks[-1]
        after = blocks[at[id(last)] + 1:] if id(last) in at else []
        items = items_after(last.text, (b.text for b in after))
        also = other.also + ((Section(heading=None, blocks=after[:len(items)], kind="span"),) if items else ())
        found = replace(m, section=other.section, score=other.score, also=also,
                        reason=f"what the section matched for {topic} pays ({other.reason})")
        if any(pays(rule, found.text) for rule in rules):
            return found
    return m


__all__ = ["Match", "match", "mentions", "DETECTION_TOPICS", "FOUND_SCORE", "tokens", "stem", "vocabularies"]
