"""Plain-text contracts (SEC exhibits, CUAD) to DOCX, recovering their structure so segmentation is exercised.

The text is cut into paragraphs (blank lines; hard-wrapped lines re-joined; page numbers and "<PAGE>" marks
dropped), headings and captions are recognised (typed numbers, ALL-CAPS lines, "2. Term." captions), and the
document is written in one of several forms that real contracts take:

    headings   captions as separate paragraphs in Heading 1/2/3 styles, typed numbers kept
    bold       captions as bold runs at the start of their paragraph, typed numbers kept (like the sample)
    numbering  typed numbers replaced by Word auto-numbering (List Number styles, w:numPr), captions bold
    plain      no formatting at all: typed numbers and ALL-CAPS lines only

An indented block typed in columns becomes a Word table in every form.

Usage: python eval/txt2docx.py CONTRACT.txt OUT.docx [--form headings|bold|numbering|plain]
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
import docx.oxml
from docx.shared import Pt

FORMS = ("headings", "bold", "numbering", "plain")

_PAGE = re.compile(r"(?i)^\s*(?:<PAGE>.*|-?\s*\d{1,3}\s*-?|page\s+\d+(?:\s+of\s+\d+)?|\d+\s+of\s+\d+|"
                   r".{0,60}\bpage\s+\d+|\[?\s*signature\s+page\s+follows\s*\]?|"
                   r"[a-z0-9_]+\.htm|exv?\d+w\d+\w*|ex-?\d+\.\d+|\d+\.\d+\w+agreement\w+)\s*$")
_MARK = re.compile(r"^(?:(?:ARTICLE|Article|SECTION|Section)\s+[\dIVXLC]+[.:]?|\d{1,3}(?:\.\d{1,3})*\.?|"
                   r"\([a-zA-Z0-9]{1,4}\)|[a-zA-Z][.)]|[ivx]{1,4}[.)]|[•\-–§o])(?=[\s\u00a0]|$)")
_TERMINAL = re.compile(r"[.:;!?\"”’)]\s*$")
_ABBREV = re.compile(r"(?:\b(?:Inc|Mr|Mrs|Ms|Dr|No|Jr|Sr|Co|Corp|Ltd|St|U\.S|N\.A|L\.L\.C|L\.P|P\.C|v|vs)\.|"
                     r"\b[A-Z]\.)\s*$")


#: A line of a table typed as text: indented, with a gap of three spaces or more between two of its columns.
_ROW = re.compile(r"^ {2,}\S.*\S {3,}\S")
#: What `paragraphs` puts before a table's rows (cells apart by tabs, rows by new lines).
TABLE = "\x00table\x00"


@dataclass
class Para:
    text: str
    marker: str = ""  # typed numbering at its start ("3.2", "(a)", "ARTICLE IV")
    caption: str = ""  # its caption, without the marker ("Term.")
    standalone: bool = False  # the whole paragraph is a heading
    depth: int = 0  # 0 article, 1 section, 2 subsection, ...


def _clean(line: str) -> str:
    return line.replace("\u00a0", " ").replace("\t", " ").rstrip()


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a plain-text contract, hard wraps re-joined and page furniture dropped."""
    lines = [re.sub(r"^(\d{1,2}\.)(?=[A-Z])", r"\1 ", _clean(l).lstrip()) for l in text.splitlines()]
    counts: dict[str, int] = {}
    for l in lines:
        counts[l.strip()] = counts.get(l.strip(), 0) + 1
    # running heads repeat on every page ("Michael Gast", "Christopher Sophinos April 9, 1999")
    repeated = {l for l, n in counts.items() if n >= 2 and l and len(l.split()) <= 8 and not _MARK.match(l)
                and not l.endswith(":")}
    lines = [l if not _PAGE.match(l) and l.strip() not in repeated else None for l in lines]
    chunks: list[list[str]] = []
    current: list[str] = []
    for raw, l in zip(text.splitlines(), lines):
        if l is None:
            continue  # page furniture: neither text nor a paragraph break
        if not l.strip():
            if current:
                chunks.append(current)
                current = []
            continue
        current.append(l.strip() if not _ROW.match(_clean(raw)) else _clean(raw))
    if current:
        chunks.append(current)
    out: list[str] = []
    for chunk in chunks:
        if all(_ROW.match(l) for l in chunk) and len(chunk) >= 2:
            # an indented block in columns is a table typed as text: its rows, cells apart, rules dropped
            out.append(TABLE + "\n".join("\t".join(re.split(r"\s{2,}", l.strip())) for l in chunk
                                         if set(l.strip()) - set("-=+| ")))
            continue
        chunk = [l.strip() for l in chunk]
        width = max(len(l) for l in chunk)
        wrapped_pages = len(chunk) > 10  # a whole page with its paragraphs not separated
        para = [chunk[0]]
        for prev, line in zip(chunk, chunk[1:]):
            ends = bool(_TERMINAL.search(prev)) and not _ABBREV.search(prev)
            short = len(prev) < 0.6 * width
            starts = bool(_MARK.match(line)) or line[:1].isupper() or line[:1] in "“\"("
            caps = line.isupper() and len(line.split()) <= 10
            bullet = re.match(r"[•\-–](?:\s|$)", line)  # an item of a list, whatever the line before ends with
            if (_MARK.match(line) and ends) or bullet or caps or (prev.isupper() and len(prev.split()) <= 10) \
                    or (wrapped_pages and ends and starts) or (short and ends and starts):
                out.append(" ".join(para))
                para = [line]
            else:
                para.append(line)
        out.append(" ".join(para))
    # "1." alone, then "Employment" on the next line: one heading; a number alone before prose is a page number
    joined: list[str] = []
    bare = r"(?:(?:ARTICLE|Article|SECTION|Section)\s+[\dIVXLC ]+|\d{1,3}\.?)"
    for p in out:
        if p.startswith(TABLE):
            joined.append(p)
            continue
        p = re.sub(r"\s+", " ", p).strip()
        if joined and re.fullmatch(bare, joined[-1]):
            if len(p.split()) <= 10:
                joined[-1] += " " + p
                continue
            if re.fullmatch(r"\d{1,3}\.?", joined[-1]):
                joined.pop()
        if p:
            joined.append(p)
    # a page break in mid-sentence: the next paragraph goes on in lower case
    merged: list[str] = []
    for p in joined:
        if merged and p[:1].islower() and not merged[-1].startswith(TABLE) and not _MARK.match(p) and \
                not _TERMINAL.search(merged[-1]):
            merged[-1] += " " + p
        else:
            merged.append(p)
    joined = merged
    return joined


def _depth(marker: str) -> int:
    if re.match(r"(?i)article", marker):
        return 0
    if re.match(r"(?i)section", marker):
        return 1
    m = re.fullmatch(r"(\d+(?:\.\d+)*)\.?", marker)
    if m:
        return m.group(1).count(".") + 1
    if re.fullmatch(r"\([ivx]+\)|[ivx]+[.)]", marker):
        return 3
    return 2


#: Words a heading in title case leaves in lower case ("Start of Service and Orientation").
_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "without"}


def _titled_line(text: str, following: str) -> bool:
    """A heading in title case on a line of its own, unnumbered ("Weekly Schedule"), over a paragraph of prose: a
    real draft styles or bolds it, and the plain form keeps it plain."""
    words = text.split()
    return 0 < len(words) <= 8 and not re.search(r"[.,;:!?)\]\"']$", text) and text[:1].isupper() and \
        all(w[:1].isupper() or w in _SMALL or not w[:1].isalpha() for w in words) and len(following.split()) >= 12


def structure(texts: list[str]) -> list[Para]:
    """Each paragraph with its marker and caption, when it has them."""
    out = []
    for n, t in enumerate(texts):
        if t.startswith(TABLE):
            out.append(Para(text=t))
            continue
        m = _MARK.match(t)
        marker = m.group(0) if m else ""
        rest = t[len(marker):].strip() if m else t
        para = Para(text=t, marker=marker)
        words = rest.split()
        if marker and marker in "•-–§o":
            para.marker = ""
            out.append(para)
            continue
        titled = sum(w[:1].isupper() for w in words) >= 0.6 * len(words) if words else False
        if (rest.isupper() and len(words) <= 10) or (marker and len(words) <= 10 and not rest.endswith(",")
                                                     and rest[:1].isupper() and titled and
                                                     not re.search(r"\.\s", rest)):
            para.standalone, para.caption = True, rest
        elif not marker and _titled_line(rest, texts[n + 1] if n + 1 < len(texts) else ""):
            para.standalone, para.caption = True, rest
        elif marker:
            c = re.match(r"^([A-Z][^.:;]{0,80}?[.:])\s+\S", rest)
            if c and sum(w[:1].isupper() for w in c.group(1).split()) >= 0.6 * len(c.group(1).split()):
                para.caption = c.group(1)
        else:
            c = re.match(r"^([A-Z][A-Za-z’' ]{1,40}:)\s+\S", rest)  # "Term: The initial term ..."
            if c and len(c.group(1).split()) <= 4 and all(w[:1].isupper() for w in c.group(1).split()):
                para.caption = c.group(1)
        para.depth = _depth(marker) if marker else 0
        out.append(para)
    return out


#: A multi-level list of decimal numbers ("1.", "1.1", "1.1.1"), as Word numbers a contract's sections.
_DECIMAL_LIST = (
    '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    + "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
              f'<w:lvlText w:val="{".".join(f"%{j + 1}" for j in range(i + 1))}{"." if i == 0 else ""}"/>'
              f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
              for i in range(3))
    + '</w:abstractNum>')
_DECIMAL_NUM_ID = "90"


def _decimal_list(document) -> None:
    numbering = document.part.numbering_part.element
    first_num = numbering.find(docx.oxml.ns.qn("w:num"))
    first_num.addprevious(docx.oxml.parse_xml(_DECIMAL_LIST))
    numbering.append(docx.oxml.parse_xml(
        '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">'
        '<w:abstractNumId w:val="90"/></w:num>'))


def _numbered(document, text: str, p: Para):
    """A paragraph numbered as Word numbers it: a decimal number ("3.2.1") at its level of the multi-level list, a
    letter or a roman numeral in its list style."""
    if not re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){0,2}\.?", p.marker):
        return document.add_paragraph(text, style=_list_style(p))
    para = document.add_paragraph(text)
    num = docx.oxml.parse_xml(
        '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:ilvl w:val="{min(2, max(0, _depth(p.marker) - 1))}"/><w:numId w:val="{_DECIMAL_NUM_ID}"/></w:numPr>')
    para._p.get_or_add_pPr().insert(0, num)
    return para


def write(paras: list[Para], form: str, out: Path) -> None:
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(11)
    if form == "numbering":
        _decimal_list(document)
    for p in paras:
        if p.text.startswith(TABLE):
            rows = [row.split("\t") for row in p.text[len(TABLE):].split("\n")]
            table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
            for cells, row in zip(table.rows, rows):
                for cell, text in zip(cells.cells, row):
                    cell.text = text
            continue
        if form == "plain" or (not p.caption and not p.standalone):
            if form == "numbering" and p.marker and not p.caption and _depth(p.marker) >= 2:
                _numbered(document, p.text[len(p.marker):].strip(), p)
            else:
                document.add_paragraph(p.text)
            continue
        body = p.text[len(p.marker):].strip()
        if form == "headings":
            level = 1 if p.depth == 0 and p.marker and re.match(r"(?i)article", p.marker) else \
                min(3, max(1, p.depth))
            if p.standalone:
                document.add_heading(p.text, level=level)
            else:
                document.add_heading(f"{p.marker} {p.caption}".strip(), level=level)
                document.add_paragraph(body[len(p.caption):].strip())
        elif form == "bold":
            para = document.add_paragraph()
            if p.standalone:
                para.add_run(p.text).bold = True
            else:
                para.add_run(f"{p.marker} {p.caption}".strip()).bold = True
                para.add_run(" " + body[len(p.caption):].strip())
        else:  # numbering
            numbered = bool(p.marker) and not re.match(r"(?i)(article|section)", p.marker)
            para = _numbered(document, "", p) if numbered else document.add_paragraph()
            lead = (p.caption if numbered else f"{p.marker} {p.caption}".strip()) if not p.standalone else \
                (body if numbered else p.text)
            para.add_run(lead).bold = True
            if not p.standalone:
                para.add_run(" " + body[len(p.caption):].strip())
    document.core_properties.author = "eval"
    document.save(str(out))


def _list_style(p: Para) -> str:
    """Numbers in List Number, letters in List Number 2, roman numerals in List Number 3."""
    if re.fullmatch(r"\(?[ivx]+[.)]", p.marker):
        return "List Number 3"
    if re.fullmatch(r"\(?[a-zA-Z][.)]", p.marker) or re.fullmatch(r"\([a-zA-Z]\)", p.marker):
        return "List Number 2"
    return "List Number"


def form_for(name: str) -> str:
    """A fixed form per contract, so the evaluation sees every form without choosing one by hand."""
    return FORMS[sum(name.encode()) % len(FORMS)]


def convert(src: Path, out: Path, form: str | None = None) -> Path:
    text = src.read_text(encoding="utf-8", errors="replace")
    write(structure(paragraphs(text)), form or form_for(src.name), out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--form", choices=FORMS)
    args = ap.parse_args(argv)
    convert(args.src, args.out, args.form)
    return 0


if __name__ == "__main__":
    sys.exit(main())
