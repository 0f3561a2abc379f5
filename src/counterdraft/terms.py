"""The contract's own defined terms for the things our wording names ("the Company", "Executive", "the Salary",
"Start Date"), so that wording written with "Employer", "Physician", "Base Salary" and "Effective Date" goes into
the contract in its terms: a capitalised term the contract never defines is a drafting error an attorney on the other
side will point out.

The parties come from the definitions in the opening paragraphs (`XYZ Health, Inc. (the "Company") and Jane Doe,
M.D. ("Executive")`), the salary and the start date from definitions anywhere (the start date also from a cover
page's row label), and the contract's name for itself from its "this Agreement" or "this offer letter". A party
counterdraft cannot place (a surname, "you" in a letter) keeps our word; a salary the contract never defines becomes
"base salary", and a start date it never defines its own words for it ("start date", "hire date"). A contract
that engages the physician as an independent contractor or consultant gets "engagement" for our "employment", and
none of our wording that gives what only an employee has (a salary, paid time off).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .segment import SIGN_OFF, SIGNATURES

EMPLOYER, PHYSICIAN, SALARY, START, AGREEMENT = "Employer", "Physician", "Base Salary", "Effective Date", "Agreement"

#: Words that name the employing side, or the person employed, when a contract defines them as a party.
_EMPLOYER_WORDS = {"company", "employer", "corporation", "hospital", "practice", "group", "clinic", "bank", "customer",
                   "client", "partnership", "center", "centre", "university", "system", "organization", "institution",
                   "association", "firm", "network", "foundation", "authority", "trust"}
_PHYSICIAN_WORDS = {"executive", "employee", "physician", "doctor", "consultant", "contractor", "provider",
                    "officer"}
_SALARY_TERMS = {"base salary", "salary", "annual salary", "annual base salary", "base compensation",
                 "annual base compensation", "base pay"}
_START_TERMS = {"effective date", "start date", "commencement date", "employment date", "employment commencement date",
                "employment start date", "hire date"}
#: What stands before an entity's name: a definition of a name right after one of these is the employer's.
#: The legal form that ends an entity's name.
_SUFFIX = r"inc|incorporated|corp|corporation|l\.?l\.?c|ltd|limited|p\.?c|pllc|llp|l\.?p|n\.?a|plc|gmbh"
_ENTITY = re.compile(rf"(?i)\b(?:{_SUFFIX}|company|hospital|health|medical)\b\.?[^()]{{0,60}}$")
#: The end of an entity's name: its legal form, or a word that names an institution ("Northlake University Health
#: ("NUH")", an offer letter's employer, defined outside any preamble).
_ENTITY_JUST_BEFORE = re.compile(rf"(?i)\b(?:{_SUFFIX}|health|hospital|center|centre|clinic|system|university|"
                                 rf"partners|associates|physicians)\b\.?,?\s*$")
_PHYSICIAN_BEFORE = re.compile(r"(?:\bM\.?D\.?|\bD\.?O\.?|\bDr\.|\ban?\s+individual\b|\bresiding\s+at\b)[^()]{0,40}$")
#: A parenthesised definition: (the "Company"), ("Executive"), (hereinafter "Employer"), ("Matria" or "Company").
_DEFINITION = re.compile(r"\(\s*(?:hereinafter\s+(?:(?:referred\s+to|called)\s+as\s+)?)?"
                         r"((?:the\s+)?[\"“][^\"“”()]{1,40}[\"”](?:\s*(?:,\s*)?or\s+(?:the\s+)?[\"“][^\"“”()]{1,40}"
                         r"[\"”])*)\s*\)")
#: A definition in words: "Salary" shall mean ..., the term "Start Date" means ...
_MEANS = re.compile(r"(the\s+)?(?:term\s+)?[\"“]([^\"“”]{1,40})[\"”]\s+(?:shall\s+)?means?\b")
_ALTERNATIVE = re.compile(r"(the\s+)?[\"“]([^\"“”]+)[\"”]")
_OPERATIVE = re.compile(r"(?i)\bagree[sd]?\s+as\s+follows|\bwitnesseth\b|\bnow,?\s+therefore\b")
_OURS = re.compile(rf"(?:\b([Tt]he)\s+)?\b({EMPLOYER}|{PHYSICIAN}|{SALARY}|{START})\b")
#: Words after which a name goes without its article: "Executive's Salary", "such Start Date", and with a word of
#: time between ("Executive's then-current Salary", never "then-current the Base Salary").
_DETERMINED = re.compile(r"(?:['’]s|\b(?:its|his|her|their|your|any|such|each|a|an))\s+(?:(?:then[- ])?current\s+)?$",
                         re.I)

#: The physician's roles the library's patterns name ("(?:employee|executive|physician|...) may terminate").
_NAMED_BY_ROLE = {"employee", "executive", "physician", "consultant", "contractor", "you"}
#: Our words for being employed, and the contractor's: "Physician's employment" -> "Contractor's engagement".
_ENGAGED = {"employment": "engagement", "employed": "engaged"}
#: What only an employee has: a salary paid through payroll, paid time off or leave, employee benefits.
_EMPLOYEE_ONLY = re.compile(r"(?i)\bpaid\s+(?:time\s+off|(?:\w+\s+)?leave)\b|\b(?:base\s+)?salary\b|\bpayroll\b|"
                            r"\bbenefits\b")

#: The verbs our wording puts after "Physician" that agree with a third person, as they agree with "you": the
#: conversion of a letter to "you" knows these and no others (lint fails wording that puts "Physician" before another).
_SECOND_PERSON = {"is": "are", "has": "have", "was": "were", "does": "do", "assigns": "assign",
                  "breaches": "breach", "conceives": "conceive", "creates": "create", "develops": "develop",
                  "earns": "earn", "elects": "elect", "lists": "list", "loses": "lose", "pleads": "plead",
                  "receives": "receive", "reports": "report", "resigns": "resign"}
#: The adverbs our wording puts between "Physician" and its verb ("Physician materially breaches").
_ADVERBS = r"(?:\s+(?:hereby|then|also|materially|principally|regularly))*"
#: "Physician" before a verb of ours; its other verbs follow "or" or "and" before the clause ends ("Physician is
#: convicted of, or pleads no contest to, a felony", "Physician materially breaches ... and does not cure").
_SUBJECT = re.compile(rf"\b{PHYSICIAN}({_ADVERBS})\s+([a-z]+)\b")
_AND_VERB = re.compile(rf"(\b(?:or|and){_ADVERBS}\s+)([a-z]+)\b")
_CLAUSE_END = re.compile(rf"[;.:]|\b{PHYSICIAN}\b")
#: What may follow "Physician" and ends as a verb of a third person does, but is none: "as", "its", "harmless".
_NOT_VERBS = {"as", "its", "this", "unless", "thus", "plus"}
#: The pronouns our wording does not use for the physician: no conversion to "you" knows them.
_PRONOUN = re.compile(r"\b(?:he or she|she or he|his or her|him or her|himself or herself)\b", re.I)


def _third_person(word: str) -> bool:
    """Whether a word after the physician may be a verb that agrees with a third person: "reports", "was",
    "promptly" (an adverb before one)."""
    return word in _SECOND_PERSON or (word not in _NOT_VERBS and (word.endswith("ly") or
                                                                  (word.endswith("s") and not word.endswith("ss"))))


def _predicates(text: str):
    """(match of "Physician" and the word after it, the clause's words after "or"/"and" that may be its other
    verbs) for each physician in text."""
    for m in _SUBJECT.finditer(text):
        end = _CLAUSE_END.search(text, m.end())
        yield m, list(_AND_VERB.finditer(text, m.end(), end.start() if end else len(text)))


def _second_person(text: str) -> str:
    """Each verb of ours after "Physician", and the clause's others after "or"/"and", as "you" takes them."""
    out, at = [], 0
    for m, others in _predicates(text):
        if m.group(2) not in _SECOND_PERSON:
            continue
        out += [text[at:m.start()], f"{PHYSICIAN}{m.group(1)} {_SECOND_PERSON[m.group(2)]}"]
        at = m.end()
        for n in others:
            if n.group(2) in _SECOND_PERSON:
                out += [text[at:n.start()], n.group(1), _SECOND_PERSON[n.group(2)]]
                at = n.end()
    return "".join(out) + text[at:]


def unvoiced(text: str) -> list[str]:
    """What our wording says of "Physician" that a letter to "you" could not say in the second person: a verb that
    agrees with a third person other than those of `_SECOND_PERSON` ("Physician approves", or "Physician reports
    ... and approves"), an adverb the conversion does not pass over ("Physician promptly reports"), a pronoun ("his
    or her"). For lint: a clause author learns at once, not an attorney reading a letter that says "you approves"."""
    found = []
    for m, others in _predicates(text):
        if m.group(2) not in _SECOND_PERSON:
            found += [m.group(0)] if _third_person(m.group(2)) else []
            continue
        found += [f"{m.group(0)} ... {n.group(0)}" for n in others
                  if _third_person(n.group(2)) and n.group(2) not in _SECOND_PERSON]
    return found + [m.group(0) for m in _PRONOUN.finditer(text)]


#: What a contractor's pay is called where an employee's is a base salary.
ENGAGED_SALARY = "annual fee"


def salary_named(text: str, engaged: bool) -> str:
    """Our words for the pay as they name a contractor's (`engaged`): "Annual fee plus stipend", "up to 50% of the
    annual fee", not "Base salary", which only an employee has."""
    if not engaged:
        return text

    def named(m: re.Match) -> str:
        fee = ("A" if m.group(2) == "B" else "a") + ENGAGED_SALARY[1:]
        return f"of the {fee}" if m.group(1) else fee

    return re.sub(r"\b(of )?([Bb])ase salary", named, text)


@dataclass(frozen=True)
class Terms:
    """The contract's names for what our wording calls Employer, Physician, Base Salary and Effective Date, as it
    writes them ("the Company", "Executive")."""

    employer: str = EMPLOYER
    physician: str = PHYSICIAN
    salary: str = SALARY
    start: str = START
    person: str = ""  # the physician's own name, where it stands for "Physician"
    agreement: str = AGREEMENT  # what the contract calls itself after "this": "offer letter", "Employment Agreement"
    title: str = ""  # its title, as its opening lines give it: "Employee Restrictive Covenant Agreement"
    employment: bool = True  # False where it engages the physician as an independent contractor or consultant
    #: It speaks to the physician as "you" (a letter naming them no other way): "you" stands for them in our wording
    #: (in_voice), and `person` in what is said of them outside the contract (messages).
    addressed: bool = False

    def adapt(self, text: str) -> str:
        """Our wording in the contract's terms: "Employer shall" -> "The Company shall", "Physician's Base Salary"
        -> "Executive's Salary", and in a longer defined term of ours, "Employer Work Product" -> "Company Work
        Product"."""
        return self._named(self._reworded(text))

    def _reworded(self, text: str) -> str:
        """Our wording as the kind of contract has it, still in our terms: a letter ends employment, not "this
        Agreement", and calls itself what it is; a contractor is engaged, not employed."""
        if re.search(r"(?i)\bletter\b", self.agreement):  # a letter is no agreement to terminate: employment ends
            text = re.sub(r"\b(terminat(?:e|es|ing))\s+this\s+Agreement\b", rf"\1 {PHYSICIAN}'s employment", text)
        if self.agreement != AGREEMENT:  # "under this Agreement" -> "under this offer letter"
            text = re.sub(r"\b([Tt]his|[Tt]he)\s+Agreement\b", lambda m: f"{m.group(1)} {self.agreement}", text)
        if not self.employment:  # "Physician's employment under this Agreement" -> "Contractor's engagement ..."
            text = re.sub(r"\b[Ee]mploy(?:ment|ed)\b", lambda m: m.group(0)[0] + _ENGAGED[m.group(0).lower()][1:],
                          text)
        return text

    def _named(self, text: str) -> str:
        """Our terms in text as the contract's own names for them."""
        theirs_of = {EMPLOYER: self.employer, PHYSICIAN: self.physician, SALARY: self.salary, START: self.start}
        if all(ours == theirs for ours, theirs in theirs_of.items()):
            return text

        def name(m: re.Match) -> str:
            theirs = theirs_of[m.group(2)]
            bare = re.sub(r"(?i)^the\s+", "", theirs)
            before = text[:m.start()]
            if m.group(1):  # "the Employer": our article, before their name (never before a person's)
                return theirs if theirs.startswith("Dr. ") or theirs == self.person else m.group(1) + " " + bare
            if re.match(r"\s+[A-Z][a-z]", text[m.end():]) or _DETERMINED.search(before):
                return bare  # part of a longer defined term of ours, or after "Executive's"
            if re.search(r"(?:^|[.!?:]\s+|[\"“(]\s*)$", before):  # a sentence starts with it
                return "The " + bare if theirs != bare else theirs[0].upper() + theirs[1:]
            return theirs

        return _OURS.sub(name, text)

    def in_voice(self, text: str) -> str:
        """Our wording in the contract's terms and its voice: in a letter to "you", "Physician" becomes "you" and
        its verb agrees ("Physician develops on Physician's own time" -> "you develop on your own time", "Physician
        is" -> "you are"), so that neither an edit of the letter's own sentence ("such other duties as you and the
        Company agree in writing", where Grigg's read "as Dr. Oduya and the Company" beside "Your duties") nor a
        clause we insert ("Dr. Whitfield shall perform clinical services" after "Your duties") names the person it
        speaks to. The verbs are those of the library's wording (`_SECOND_PERSON`); lint fails any other."""
        text = self._reworded(text)
        if self.addressed:
            text = _second_person(text)
            text = re.sub(rf"\bof {PHYSICIAN}\b(?!['’])", "of yours", text)  # "work product of yours made in ..."
            text = re.sub(rf"\b{PHYSICIAN}['’]s\b", "your", text)
            text = re.sub(rf"\b{PHYSICIAN}\b", "you", text)
            text = re.sub(r"(?:^|(?<=[.!?]\s))(you|your)\b", lambda m: m.group(1).capitalize(), text)
        return self._named(text)

    def neutral(self, text: str) -> str:
        """The contract's text with its name for the physician, where the library's patterns know no such word (a
        surname, "Doctor", "Dr. Mikos"), as ours: "Mikos may terminate his employment ... upon notice" reads as
        "Physician may terminate ...", a right of the physician's own to leave, which the patterns name by role."""
        bare = re.sub(r"(?i)^the\s+", "", self.physician)
        if bare.lower() in _NAMED_BY_ROLE:
            return text
        return re.sub(rf"(?:\b[Tt]he\s+)?(?<![\w.]){re.escape(bare)}(?!\w)", PHYSICIAN, text)

    def employee_only(self, text: str) -> str | None:
        """What our wording gives that only an employee has ("paid time off", "Base Salary"), where the contract
        engages the physician as an independent contractor; None in an employment."""
        m = None if self.employment else _EMPLOYEE_ONLY.search(text)
        return m.group(0) if m else None


#: "Base Salary" as a caption, not a term in use: "3.1 Base Salary. Edgewater shall pay to Employee a base salary",
#: "(a) Base Salary", "Base Salary and Benefits". A cover page's row label alone ("Base Salary | $240,000") names the
#: term, as its "Start Date" row does.
_SALARY_CAPTION = re.compile(rf"^\s*(?:(?:section|article)\s+)?(?:[\dIVXivx]+(?:\.\d+)*\.?|\(?[a-zA-Z\d]\))\s*"
                             rf"{SALARY}\s*(?:[.:;,\u2013\u2014-]|and\b|$)|"
                             rf"^\s*{SALARY}\s*(?:[.:;\u2013\u2014-]\s+(?=\S)|and\b)")


def _uses_salary(text: str) -> bool:
    """Whether text uses "Base Salary" as a term (undefined, it is the contract's own), not only as a caption: a
    contract that captions its salary clause "Base Salary" and never uses the words as a term gets "base salary" in
    our wording, not a capitalised term it never defines (Clancey)."""
    caption = _SALARY_CAPTION.match(text)
    return SALARY in text and (caption is None or SALARY in text[caption.end():])


def find_terms(texts: list[str], head: int = 15, person: str | None = None, doctor: bool = True) -> Terms:
    """The parties as the opening paragraphs define them (up to the operative words, at most `head` paragraphs);
    the salary and the start date as any paragraph defines them. In a letter to "you" that names the person no
    other way, `person` (the physician's name) stands for them ("Dr. Whitfield"), and the letter is `addressed`:
    our wording goes into it as "you shall" (Terms.in_voice)."""
    found: dict[str, tuple[int, str]] = {}  # role -> (rank: 0 for a word that names the role, 1 for a name)
    for text in texts[:head]:
        preamble = re.search(r"(?i)\b(?:between|among)\b", text) is not None
        for m in _DEFINITION.finditer(text):
            before = text[max(0, m.start() - 120):m.start()]
            for article, term in _ALTERNATIVE.findall(m.group(1)):
                name = (article or "") + term.strip()
                role, rank = _party(name, before, preamble)
                if role is not None and (role not in found or rank < found[role][0]):
                    found[role] = (rank, name)
        if _OPERATIVE.search(text):
            break
    salary = start = None
    uses_salary = False
    for text in texts:
        uses_salary = uses_salary or _uses_salary(text)
        for m in [*_DEFINITION.finditer(text), *_MEANS.finditer(text)]:
            for article, term in _ALTERNATIVE.findall(m.group(0)):
                name = (article or "") + term.strip()
                if salary is None and term.strip().lower() in _SALARY_TERMS:
                    salary = name
                if start is None and term.strip().lower() in _START_TERMS:
                    start = name
    if start is None:  # defined nowhere: a cover page's "Start Date" row names it
        start = next((label for label in (t.strip().rstrip(".:") for t in texts)
                      if label.lower() in _START_TERMS and label.istitle()), None)
    whole = "\n".join(texts)
    if start is None and START not in whole:
        start = _start_in_words(whole)
    if "employer" not in found:  # a definition we could not read, or a letter that names the employer outright
        name = _in_use(whole, _EMPLOYER_WORDS) or _named_employer(texts, head)
        if name:
            found["employer"] = (1, name)
    addressed = False
    if "physician" not in found:
        name = _in_use(whole, _PHYSICIAN_WORDS)
        if name is None and person and len(re.findall(r"\b(?:you|your)\b", whole, re.I)) >= 5:
            name = f"Dr. {person.split()[-1]}" if doctor else person
            addressed = True
        if name:
            found["physician"] = (1, name)
    found = {role: (rank, _as_used(name, whole)) for role, (rank, name) in found.items()}
    physician = found.get("physician", (0, PHYSICIAN))[1]
    return Terms(found.get("employer", (0, EMPLOYER))[1], physician,
                 salary or (SALARY if uses_salary else SALARY.lower()), start or START, person or "",
                 _self_name(whole, letter=any(re.match(r"\s*Dear\b", t) for t in texts[:head])), _title(texts),
                 not _engaged(physician, whole), addressed)


def _start_in_words(whole: str) -> str:
    """The words a contract that defines no start date uses for it, uncapitalised ("start date", Gast's), else
    "start date": our "the Effective Date" in a contract with no such term is one it never defines (Gast's, Tighe's
    and Safavi's academic appointment was "effective on or about the Effective Date")."""
    terms = sorted(_START_TERMS - {START.lower()})  # sorted: a tie goes the same way every run
    counts = Counter(m.group(0) for term in terms for m in re.finditer(rf"\b{term}\b", whole))
    return counts.most_common(1)[0][0] if counts else "start date"


#: The words for a person engaged, not employed.
_ENGAGED_WORDS = {"contractor", "consultant"}


def _engaged(physician: str, whole: str) -> bool:
    """Whether the contract engages the physician as an independent contractor: its word for them says so
    ("Consultant"), or it states it of them or of both parties ("Provider is an independent contractor", "The
    parties are independent contractors"); not a list of capacities in a covenant ("as an employee, consultant or
    independent contractor") or "shall not be deemed an independent contractor"."""
    bare = re.sub(r"(?i)^the\s+", "", physician)
    if bare.lower().split()[-1] in _ENGAGED_WORDS:
        return True
    who = rf"(?:{re.escape(bare)}|[Yy]ou|[Tt]he\s+parties)"
    return re.search(rf"\b{who}\s+(?:is|are|shall\s+be|will\s+be)\s+(?:an?\s+)?independent\s+contractors?\b|"
                     rf"\b(?:engages?|retains?)\s+(?:the\s+)?{who}\s+as\s+an?\s+independent\s+contractor\b",
                     whole, re.I) is not None


#: A title: words that name an agreement, an amendment or a letter ("EMPLOYMENT AGREEMENT", "Employment Offer Letter").
_TITLE = re.compile(r"(?i)\b(?:agreement|amendment|letter)\b")
#: A line before the title that is not part of it: a filing's label, a draft mark, a date or a number.
_LABEL = re.compile(r"(?i)^(?:ex(?:hibit)?\b|exv|execution\b|confidential\b|draft\b|annex\b|schedule\b)|\d")


def _heading_like(line: str) -> bool:
    """Whether a line reads as a title rather than a sentence: short, in capitals or with its words capitalised."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if w.lower() not in ("and", "of", "to", "for", "the", "&")]
    return 0 < len(words) <= 12 and (line.upper() == line or all(w[0].isupper() for w in words)) and \
        not line.rstrip().endswith(".")


def _title(texts: list[str], head: int = 8) -> str:
    """The title the opening lines give, its lines joined ("EMPLOYMENT, CONFIDENTIALITY AND" / "NON-COMPETITION
    AGREEMENT"); "" when there is none. A sentence, a filing's label or anything after the salutation is no title."""
    run: list[str] = []
    for line in [" ".join(t.split()) for t in texts if t.strip()][:head]:
        if re.match(r"(?i)dear\b", line):
            break
        if not _heading_like(line) or _LABEL.search(line):
            run = []
            continue
        run.append(line)
        if _TITLE.search(line) and not re.search(r"(?i)(?:\b(?:to|of|and|for)|,)$", line):
            return " ".join(run)
    return ""


#: How a contract refers to itself: "this Agreement", "this offer letter", "this letter agreement".
_SELF = re.compile(r"\b[Tt]his\s+((?:(?i:employment|offer|physician|executive|consulting|services|letter|amended|and|"
                   r"restated)\s+){0,4}(?:[Aa]greement|[Ll]etter|[Cc]ontract))\b")


#: "Agreement" defined as a document named after "a" or "the", not "this": 'that you be provided with a Change In
#: Control Severance Compensation and Restrictive Covenant Agreement ("Agreement")', 'the Employment Agreement dated
#: March 1, 2006 (the "Agreement")'.
_ANOTHER_AGREEMENT = re.compile(r"\b(?i:an?|the|that|such|any|your|its|his|her|their)\s+(?:[A-Z][\w'’&,-]*\s+|"
                                r"(?:and|of|to|for|in|on|&)\s+){0,12}(?i:agreement)\b[^()\"“”;]{0,80}\(\s*"
                                r"(?:hereinafter\s+)?(?:the\s+)?[\"“]Agreement[\"”]\s*\)")


def _self_name(whole: str, letter: bool) -> str:
    """The name the contract gives itself most often after "this" ("this Agreement" wins a tie, "this agreement"
    where the contract never writes it capitalised); a letter that never names itself is "letter". Where
    "Agreement" is defined as another document (one to come, one it amends), "this Agreement" would make our wording
    a term of that one: the contract is called what else it calls itself, else "letter" or "agreement"."""
    counts: dict[str, int] = {}
    spelled: dict[str, str] = {}
    for m in _SELF.finditer(whole):
        name = " ".join(m.group(1).split())
        counts[name.lower()] = counts.get(name.lower(), 0) + 1
        if name[:1].islower() or name.lower() not in spelled:  # as written mid-sentence, where it can be
            spelled[name.lower()] = name
    another = _ANOTHER_AGREEMENT.search(whole) is not None
    if another:
        counts.pop("agreement", None)
    best = max(counts, key=lambda k: (counts[k], k == "agreement"), default=None)
    if best is None:
        return "letter" if letter else "agreement" if another else AGREEMENT
    if counts[best] <= counts.get("agreement", 0):
        best = "agreement"
    return AGREEMENT if best == "agreement" and re.search(r"\b(?:[Tt]his|THIS)\s+A(?:greement|GREEMENT)\b", whole) \
        else spelled[best]


#: A capitalised word just before another: the word after it ends a title or a name.
_TITLED_BEFORE = re.compile(r"\b[A-Z][\w&'’-]*[^\S\n]+$")


def _in_use(whole: str, words: set[str]) -> str | None:
    """The word among `words` the contract uses throughout for a party ("the Company", five times or more)."""
    counts: dict[str, list[int]] = {}
    for m in re.finditer(r"\b([Tt]he\s+)?([A-Z][a-z]+)\b(?!\s+[A-Z])", whole):  # not "Executive Vice President"
        if not m.group(1) and _TITLED_BEFORE.search(whole, max(0, m.start() - 40), m.start()):
            continue  # nor the end of a title or a name: "Chief Medical Information Officer", "Northlake University"
        if m.group(2).lower() in words:
            counts.setdefault(m.group(2), [0, 0])[bool(m.group(1))] += 1
    word, (bare, with_the) = max(counts.items(), key=lambda kv: sum(kv[1]), default=("", (0, 0)))
    if bare + with_the < 5:
        return None
    return f"the {word}" if with_the > bare else word


#: What follows a legal name: ", a North Carolina corporation", ", an Ohio nonprofit corporation".
_INCORPORATED_AS = re.compile(r",?\s+an?\s+(?:[A-Z][\w.-]*\s+){0,3}(?:(?:non-?profit|not-for-profit|professional|"
                              r"limited\s+liability|public\s+benefit|business)\s+)*(?:corporation|company|partnership|"
                              r"association)\s*,?\s*$")


def _as_used(name: str, whole: str) -> str:
    """The name as the contract writes it most often: defined as ("COMPANY"), written "the Company" 78 times;
    defined as ("Matria" or "Company"), written "the Company" 12 times and "Company" 4 (a name before another
    capitalised word, "Company Stock Option Plan", after "its" or "such", or in quotes defining it, counts for
    neither)."""
    bare = re.sub(r"(?i)^the\s+", "", name)
    counts = Counter(m.group(0) for m in re.finditer(rf"\b{re.escape(bare)}\b", whole, re.I))
    if not counts:
        return name
    article, bare = name[:len(name) - len(bare)], counts.most_common(1)[0][0]
    uses = Counter(bool(m.group(1)) for m in
                   re.finditer(rf"\b([Tt]he\s+)?(?<![\"“]){re.escape(bare)}\b(?![^\S\n]+[A-Z])", whole)
                   if m.group(1) or not _DETERMINED.search(whole[max(0, m.start() - 20):m.start()]))
    if uses[True] != uses[False]:
        article = "the " if uses[True] > uses[False] else ""
    return article + bare


def _abbreviates(name: str, before: str) -> bool:
    """Whether name shortens the words before it: their start ("PRGS" of "PRG-Schultz USA, Inc.", "OXiGENE") or
    their initials ("IBM" of "International Business Machines Corp.")."""
    key = re.sub(r"[^a-z]", "", name.lower())
    words = _INCORPORATED_AS.sub("", before).split()[-8:]
    while any(w[:1].islower() for w in words):  # the entity's name: the capitalised words at the end
        words = words[1:]
    words = [w for w in (re.sub(r"[^a-z]", "", w.lower()) for w in words) if w]
    return bool(key) and any("".join(words[i:]).startswith(key) or "".join(w[0] for w in words[i:]).startswith(key)
                             for i in range(len(words)))


def _named_employer(texts: list[str], head: int) -> str | None:
    """The short name of the entity the opening paragraphs or the signatures name ("GelTex" of "GelTex
    Pharmaceuticals, Inc."), when the contract goes on to call it that (three times or more). Where a signer's name
    and title run into the name ("Chris M. Vail General Counsel Excite, Inc.", under a letter that names the company
    nowhere else in full), a later word of it is the name if the contract uses it alone ("Excite will", not "Health
    Plan"). Its initials stand for it where the contract goes on to use them ("EVT" of "EndoVascular Technologies,
    Inc.", whose inserted clauses had said "Employer")."""
    whole = "\n".join(texts)
    signed = next((i for i, t in enumerate(texts) if i >= head and (SIGN_OFF.match(t) or SIGNATURES.match(t))),
                  len(texts))
    for text in texts[:head] + texts[signed:]:
        for m in _ENTITY_NAME.finditer(text):
            initials = "".join(re.findall(r"[A-Z]", m.group(1)))
            for i, short in enumerate([*m.group(1).split(), initials] if len(initials) > 1 else m.group(1).split()):
                alone = r"(?![^\S\n]+[A-Z])" if i else ""
                if short.lower() not in _EMPLOYER_WORDS and \
                        len(re.findall(rf"\b{re.escape(short)}\b{alone}", whole)) >= 3:
                    return short
    return None


#: A name as the opening paragraphs write it, capitalised, before its legal form ("GelTex Pharmaceuticals, Inc."; not
#: "a North Carolina corporation"), without the article it may open with ("The Dextrous Web Ltd", which made dxw's
#: employer "the").
_ENTITY_NAME = re.compile(r"\b(?:The\s+)?((?:[A-Z][\w&'-]+\s+){0,3}[A-Z][\w&'-]+),?\s+(?:Inc|Incorporated|Corporation|Corp|LLC"
                          r"|L\.L\.C|Ltd|P\.C|PLLC|LLP|Health\s+System|Hospital|Medical\s+Center)\b")


def _party(name: str, before: str, preamble: bool) -> tuple[str | None, int]:
    """Which party a defined name stands for, and 0 when a word says so ("Company"), 1 when only the entity or
    person it abbreviates does ("OXiGENE" after "OXiGENE, Inc.", only in the sentence naming the parties)."""
    bare = re.sub(r"(?i)^the\s+", "", name)
    words = bare.lower().split()
    if words and words[-1] in _EMPLOYER_WORDS:
        return "employer", 0
    if words and words[-1] in _PHYSICIAN_WORDS:
        return "physician", 0
    if len(words) <= 3 and _ENTITY_JUST_BEFORE.search(before) and _abbreviates(bare, before):
        return "employer", 1  # 'PRG-Schultz USA, Inc. ("PRGS")'
    if preamble and len(words) <= 3 and bare.lower() in before.lower():
        if _ENTITY.search(before):
            return "employer", 1
        if _PHYSICIAN_BEFORE.search(before):
            return "physician", 1
    return None, 1
