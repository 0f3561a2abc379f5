"""The visual report: one self-contained HTML page (no scripts, no network) that shows the redline as it is written,
with each margin comment beside the paragraph it is anchored in, and the review's findings in a table.

Built from the redline DOCX itself (wordml.revisions_view), not from the plan, so what the page shows is what the
employer will see in Word: every w:ins / w:del (and w:moveTo / w:moveFrom) becomes exactly one HTML <ins> / <del>.
A revised paragraph mark is an <ins class="mark"> / <del class="mark"> holding a pilcrow; a revised table row, one
holding a row sign at the start of the row. Everything taken from the documents is escaped.
"""
from __future__ import annotations

import html
from typing import Iterable

from .compensation import LABELS, RESULT_KEYS, Compensation
from .models import Finding, Plan, Review
from .wordml.package import Package
from .wordml.revisions_view import (Block, CommentMark, Inline, Paragraph, Revision, RevisionView, Table, Text,
                                    read_revisions)

PILCROW = "\u00b6"
ROW_SIGN = "\u2630"

_CSS = """
:root { --ins: #1a4fd6; --del: #c0152f; --rule: #d9dce3; --muted: #5b6170; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 Georgia, "Times New Roman", serif; color: #1d1f24; background: #f6f7f9; }
header, section { max-width: 76rem; margin: 0 auto; padding: 1.2rem 2rem; }
h1 { font-size: 1.5rem; margin: .2rem 0; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .6rem; }
.meta, .legend { color: var(--muted); font: 13px/1.4 system-ui, sans-serif; margin: .2rem 0; }
table.grid { border-collapse: collapse; width: 100%; font: 13px/1.4 system-ui, sans-serif; background: #fff; }
table.grid th, table.grid td { border: 1px solid var(--rule); padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
table.grid th { background: #eef0f4; }
tr.weak td.assessment { color: var(--del); font-weight: 600; } tr.missing td.assessment { color: #8a5a00; }
.doc { background: #fff; border: 1px solid var(--rule); padding: 0; }
.row { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; border-bottom: 1px solid #f0f1f4; }
.row > .text { padding: .3rem 1.5rem; } .row > .notes { padding: .3rem .8rem; background: #fafbfc;
  border-left: 1px solid var(--rule); font: 12.5px/1.4 system-ui, sans-serif; }
.row p { margin: .35rem 0; white-space: pre-wrap; } .row p.heading { font-weight: bold; }
.row table { border-collapse: collapse; margin: .4rem 0; } .row td { border: 1px solid var(--rule);
  padding: .2rem .5rem; vertical-align: top; }
ins, .ins { color: var(--ins); text-decoration: underline; text-decoration-color: var(--ins); background: #eef3ff; }
del, .del { color: var(--del); text-decoration: line-through; text-decoration-color: var(--del); background: #fff0f2; }
.mark { font-family: system-ui, sans-serif; padding: 0 .15em; }
ins.move, del.move { text-decoration-style: double; }
.cref { font: bold 10px system-ui, sans-serif; color: #fff; background: #7a5cc7; border-radius: 7px;
  padding: 0 .35em; margin: 0 .1em; }
.cref a { color: inherit; text-decoration: none; }
.note { border-left: 3px solid #7a5cc7; padding: .25rem .5rem; margin: .35rem 0; background: #fff; }
.note .who { color: var(--muted); } .note .n { font-weight: bold; color: #7a5cc7; }
.note p { margin: .15rem 0; white-space: pre-wrap; }
details { margin: .6rem 0; font: 13px/1.4 system-ui, sans-serif; } summary { cursor: pointer; color: var(--muted); }
@media print { body { background: #fff; } .row { grid-template-columns: minmax(0, 1fr) 14rem; } }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


class _Renderer:
    def __init__(self, view: RevisionView):
        self.view = view
        self.numbers = {cid: n for n, cid in enumerate(view.comment_order(), 1)}

    def inline(self, item: Inline) -> str:
        if isinstance(item, Text):
            body = _e(item.text).replace("\n", "<br>")
            if item.bold:
                body = f"<strong>{body}</strong>"
            if item.italic:
                body = f"<em>{body}</em>"
            return body
        if isinstance(item, CommentMark):
            n = self.numbers.get(item.id)
            if n is None or item.id not in self.view.comments:
                return ""
            return f'<sup class="cref" id="ref-{n}"><a href="#note-{n}">{n}</a></sup>'
        return self.revision(item)

    def revision(self, rev: Revision) -> str:
        verb = "inserted" if rev.kind == "ins" else "deleted"
        classes = ["move"] if rev.move else []
        if rev.mark:
            classes.append("mark")
            what = "paragraph mark" if rev.scope == "paragraph" else "table row"
            body = PILCROW if rev.scope == "paragraph" else ROW_SIGN
        else:
            what = "text"
            body = "".join(self.inline(i) for i in rev.content)
        title = f"{verb} {what}" + (f" by {rev.author}" if rev.author else "") + (f", {rev.date}" if rev.date else "")
        cls = f' class="{" ".join(classes)}"' if classes else ""
        return f'<{rev.kind}{cls} title="{_e(title)}" data-id="{_e(rev.id)}">{body}</{rev.kind}>'

    def paragraph(self, p: Paragraph) -> str:
        cls = ' class="heading"' if p.heading else ""
        body = "".join(self.inline(i) for i in p.inlines)
        return f"<p{cls}>{body}</p>"

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            return self.paragraph(block)
        return self.table(block)

    def table(self, t: Table) -> str:
        rows = []
        for marks, row in zip(t.row_marks, t.rows):
            cells = []
            for i, cell in enumerate(row):
                lead = "".join(self.revision(m) for m in marks) if i == 0 else ""
                cells.append(f"<td>{lead}{''.join(self.block(b) for b in cell)}</td>")
            if not row and marks:
                cells.append(f"<td>{''.join(self.revision(m) for m in marks)}</td>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
        return f"<table>{''.join(rows)}</table>"

    def notes(self, block: Block) -> str:
        ids = []
        paragraphs = [block] if isinstance(block, Paragraph) else _table_paragraphs(block)
        for p in paragraphs:
            ids += [cid for cid in p.comment_ids if cid in self.view.comments and cid not in ids]
        out = []
        for cid in ids:
            c = self.view.comments[cid]
            n = self.numbers[cid]
            who = " ".join(x for x in (c.author, c.date[:10]) if x)
            paras = "".join(f"<p>{_e(line)}</p>" for line in c.text.split("\n"))
            out.append(f'<div class="note" id="note-{n}"><a class="n" href="#ref-{n}">{n}</a> '
                       f'<span class="who">{_e(who)}</span>{paras}</div>')
        return "".join(out)

    def story(self, blocks: list[Block]) -> str:
        return "\n".join(f'<div class="row"><div class="text">{self.block(b)}</div>'
                         f'<aside class="notes">{self.notes(b)}</aside></div>' for b in blocks)


def _table_paragraphs(t: Table) -> Iterable[Paragraph]:
    for row in t.rows:
        for cell in row:
            for b in cell:
                if isinstance(b, Paragraph):
                    yield b
                else:
                    yield from _table_paragraphs(b)


# ----------------------------------------------------------------------------------------------------- summary tables
_STATUS = {"modify": "changed in the redline", "insert": "inserted in the redline", "letter": "raised in the letter"}


def _actions(plan: Plan | None, applied: Iterable[str]) -> dict[str, str]:
    done = set(applied)
    out: dict[str, str] = {}
    for edit in plan.edits if plan is not None else []:
        if edit.kind != "letter" and edit.clause_id not in done:
            out[edit.topic] = "skipped (see the plan's messages)"
        else:
            out[edit.topic] = _STATUS[edit.kind]
    return out


def findings_table(review: Review, plan: Plan | None = None, applied: Iterable[str] = ()) -> str:
    """Acted-on topics first (in the plan's order), then other weak terms, then the rest as the review lists them."""
    actions = _actions(plan, applied)
    order = {topic: i for i, topic in enumerate(actions)}

    def key(item: tuple[int, Finding]) -> tuple[int, int, int]:
        i, f = item
        return (0 if f.topic in order else 1 if f.assessment == "weak" else 2, order.get(f.topic, 0), i)

    head = ('<table class="grid findings"><thead><tr><th>Topic</th><th>Assessment</th><th>Where</th>'
            '<th>Counter-draft</th><th>Finding</th></tr></thead><tbody>')
    first, rest = [], []
    for _, f in sorted(enumerate(review.findings), key=key):
        where = f.heading or ("not in the contract" if f.status == "missing" else "untitled section")
        row = (f'<tr class="{_e(f.assessment)}"><td>{_e(f.topic)}</td><td class="assessment">'
               f'{_e(f.assessment)}</td><td>{_e(where)}</td><td>{_e(actions.get(f.topic, "-"))}</td>'
               f'<td>{_e(f.message)}</td></tr>')
        (first if f.topic in actions or f.assessment == "weak" else rest).append(row)
    out = head + "".join(first) + "</tbody></table>"
    if rest:  # missing, unassessed or sound topics the counter-draft leaves alone: folded, no script needed
        out += (f"<details><summary>{len(rest)} other topic{'s' if len(rest) != 1 else ''} (not in the contract, "
                f"not assessed, or sound)</summary>{head}{''.join(rest)}</tbody></table></details>")
    return out


def compensation_table(proposed: Compensation, offered: Compensation) -> str:
    rows = []
    for key, (label, _unit) in LABELS.items():
        a, b = getattr(offered, key, None), getattr(proposed, key, None)
        if a is None and b is None:
            continue

        def cell(fig) -> str:
            if fig is None:
                return "<td>-</td>"
            how = f"= {fig.source}" if key in RESULT_KEYS else fig.source
            return f"<td><strong>{_e(fig.text)}</strong><br><small>{_e(how)}</small></td>"

        rows.append(f"<tr><td>{_e(label)}</td>{cell(a)}{cell(b)}</tr>")
    if proposed.range_min is not None and proposed.range_max is not None:
        rows.append(f"<tr><td>Total compensation sought</td><td>-</td><td><strong>{_e(proposed.range_min.text)} to "
                    f"{_e(proposed.range_max.text)}</strong><br><small>{_e(proposed.range_min.source)}</small></td>"
                    f"</tr>")
    if not rows:
        return ""
    return ('<table class="grid compensation"><thead><tr><th>Figure</th><th>Offered (the draft)</th>'
            '<th>Proposed</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


# ----------------------------------------------------------------------------------------------------- the page
def report_html(redline: bytes | Package, *, title: str, review: Review | None = None, plan: Plan | None = None,
                applied: Iterable[str] = (), proposed: Compensation | None = None,
                offered: Compensation | None = None) -> str:
    """The report page for a redline DOCX (its bytes, or an opened package)."""
    pkg = redline if isinstance(redline, Package) else Package.from_bytes(redline, title)
    view = read_revisions(pkg)
    r = _Renderer(view)
    revisions = view.revisions()
    ins = sum(1 for x in revisions if x.kind == "ins")
    dels = len(revisions) - ins
    marks = sum(1 for x in revisions if x.mark)
    who = sorted({x.author for x in revisions if x.author})
    meta = (f"{len(revisions)} tracked change{'s' if len(revisions) != 1 else ''}: {ins} insertion"
            f"{'s' if ins != 1 else ''} and {dels} deletion{'s' if dels != 1 else ''}"
            + (f" ({marks} of them paragraph marks or rows)" if marks else "")
            + f"; {len(view.comments)} comment{'s' if len(view.comments) != 1 else ''}"
            + (f"; by {', '.join(who)}" if who else "") + ".")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Counter-draft: {_e(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>Counter-draft: {_e(title)}</h1><p class=\"meta\">{_e(meta)}</p>",
        # the legend imitates the marks with spans, so the page's <ins>/<del> are the document's changes only
        f'<p class="legend"><span class="del">deleted text</span> <span class="ins">inserted text</span> '
        f'<span class="ins mark">{PILCROW}</span> a paragraph mark inserted or deleted, <span class="cref">1</span> '
        f'a comment, shown in the margin.</p>'
        "</header>",
    ]
    if review is not None:
        parts.append(f"<section><h2>Findings</h2>{findings_table(review, plan, applied)}</section>")
    if proposed is not None or offered is not None:
        table = compensation_table(proposed or Compensation("proposed"), offered or Compensation("offered"))
        if table:
            parts.append(f"<section><h2>Compensation</h2>{table}</section>")
    for story in view.stories:
        heading = "The redline" if story is view.stories[0] else f"The redline: {story.part}"
        parts.append(f'<section><h2>{_e(heading)}</h2><div class="doc">{r.story(story.blocks)}</div></section>')
    parts.append("</body></html>\n")
    return "\n".join(parts)


__all__ = ["compensation_table", "findings_table", "report_html"]
