"""The names a contract gives its two parties ("the Company", "Executive"), so that wording written with "Employer"
and "Physician" goes into the contract in its own defined terms: a capitalised term the contract never defines is a
drafting error an attorney on the other side will point out.

The names come from the definitions in the opening paragraphs (`XYZ Health, Inc. (the "Company") and Jane Doe, M.D.
("Executive")`). A name counterdraft cannot place (a surname, "you" in a letter) leaves our word as it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

EMPLOYER, PHYSICIAN = "Employer", "Physician"

#: Words that name the employing side, or the person employed, when a contract defines them as a party.
_EMPLOYER_WORDS = {"company", "employer", "corporation", "hospital", "practice", "group", "clinic", "bank",
                   "partnership", "center", "centre", "university", "system", "organization", "institution",
                   "association", "firm", "network", "foundation", "authority", "trust"}
_PHYSICIAN_WORDS = {"executive", "employee", "physician", "doctor", "consultant", "contractor", "provider",
                    "officer"}
#: What stands before an entity's name: a definition of a name right after one of these is the employer's.
_ENTITY = re.compile(r"(?i)\b(?:inc|incorporated|corp|corporation|l\.?l\.?c|ltd|limited|company|p\.?c|pllc|llp|l\.?p"
                     r"|n\.?a|plc|gmbh|hospital|health|medical)\b\.?[^()]{0,60}$")
_PHYSICIAN_BEFORE = re.compile(r"(?:\bM\.?D\.?|\bD\.?O\.?|\bDr\.)[^()]{0,40}$")
#: A parenthesised definition: (the "Company"), ("Executive"), (hereinafter "Employer"), ("Matria" or "Company").
_DEFINITION = re.compile(r"\(\s*(?:hereinafter\s+(?:(?:referred\s+to|called)\s+as\s+)?)?"
                         r"((?:the\s+)?[\"“][^\"“”()]{1,40}[\"”](?:\s*(?:,\s*)?or\s+(?:the\s+)?[\"“][^\"“”()]{1,40}"
                         r"[\"”])*)\s*\)")
_ALTERNATIVE = re.compile(r"(the\s+)?[\"“]([^\"“”]+)[\"”]")
_OPERATIVE = re.compile(r"(?i)\bagree[sd]?\s+as\s+follows|\bwitnesseth\b|\bnow,?\s+therefore\b")
_OURS = re.compile(rf"(?:\b([Tt]he)\s+)?\b({EMPLOYER}|{PHYSICIAN})\b")


@dataclass(frozen=True)
class Parties:
    """The contract's names for the employer and for the physician, as it writes them ("the Company")."""

    employer: str = EMPLOYER
    physician: str = PHYSICIAN

    def adapt(self, text: str) -> str:
        """Our wording with "Employer" and "Physician" in the contract's terms: "Employer shall" -> "The Company
        shall", "Physician's" -> "Executive's", and in a defined term of ours, "Employer Work Product" -> "Company
        Work Product"."""
        if (self.employer, self.physician) == (EMPLOYER, PHYSICIAN):
            return text

        def name(m: re.Match) -> str:
            theirs = self.employer if m.group(2) == EMPLOYER else self.physician
            bare = re.sub(r"(?i)^the\s+", "", theirs)
            if re.match(r"\s+[A-Z][a-z]", text[m.end():]):
                return (m.group(1) + " " if m.group(1) else "") + bare  # part of a longer defined term
            if m.group(1):  # "the Employer": their article, if they use one, else ours
                return m.group(1) + " " + bare
            if theirs != bare and re.search(r"(?:^|[.!?:]\s+|[\"“(]\s*)$", text[:m.start()]):
                return "The " + bare  # a sentence starts with it
            return theirs

        return _OURS.sub(name, text)


def find_parties(texts: list[str], head: int = 15) -> Parties:
    """The parties as the opening paragraphs define them (up to the operative words, at most `head` paragraphs)."""
    found: dict[str, tuple[int, str]] = {}  # role -> (rank: 0 for a word that names the role, 1 for a name)
    for text in texts[:head]:
        preamble = re.search(r"(?i)\b(?:between|among)\b", text) is not None
        for m in _DEFINITION.finditer(text):
            before = text[max(0, m.start() - 120):m.start()]
            for article, term in _ALTERNATIVE.findall(m.group(1)):
                name = (article or "") + term.strip()
                role, rank = _role(name, before, preamble)
                if role is not None and (role not in found or rank < found[role][0]):
                    found[role] = (rank, name)
        if _OPERATIVE.search(text):
            break
    return Parties(found.get("employer", (0, EMPLOYER))[1], found.get("physician", (0, PHYSICIAN))[1])


def _role(name: str, before: str, preamble: bool) -> tuple[str | None, int]:
    """Which party a defined name stands for, and 0 when a word says so ("Company"), 1 when only the entity or
    person it abbreviates does ("OXiGENE" after "OXiGENE, Inc.", only in the sentence naming the parties)."""
    bare = re.sub(r"(?i)^the\s+", "", name)
    words = bare.lower().split()
    if words and words[-1] in _EMPLOYER_WORDS:
        return "employer", 0
    if words and words[-1] in _PHYSICIAN_WORDS:
        return "physician", 0
    if preamble and len(words) <= 3 and bare.lower() in before.lower():
        if _ENTITY.search(before):
            return "employer", 1
        if _PHYSICIAN_BEFORE.search(before):
            return "physician", 1
    return None, 1
