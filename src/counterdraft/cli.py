"""The command line: parse options, call the library, turn its errors into one-line messages and exit codes."""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import CounterdraftError

LIBRARY_OPTION = click.option("--library", "library_dirs", multiple=True, type=click.Path(path_type=Path),
                              help="A folder of clause files over the bundled library (repeatable).")


class Failure(click.ClickException):
    """A domain error as Click shows it: 'Error: <message>' and the error's exit code."""

    def __init__(self, exc: CounterdraftError):
        super().__init__(str(exc))
        self.exit_code = exc.exit_code


def domain_errors(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        ctx = click.get_current_context()
        try:
            return fn(*args, **kwargs)
        except CounterdraftError as exc:
            if ctx.find_root().params.get("debug"):
                raise
            raise Failure(exc) from None
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug, met on some input: still one line naming the file, no traceback
            if ctx.find_root().params.get("debug"):
                raise
            where = next((f"{kwargs[k]}: " for k in ("contract", "file", "original") if kwargs.get(k)), "")
            detail = " ".join(f"{type(exc).__name__}: {exc}".split())
            raise click.ClickException(f"{where}internal error ({detail}); run again with --debug for the "
                                       f"traceback, and report it") from None
    return wrapper


@click.group()
@click.version_option(__version__, prog_name="counterdraft")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def main(debug: bool) -> None:
    """Turn an employer's contract (DOCX) into a negotiation-ready counter-draft."""


def _warn(messages) -> None:
    for m in messages:
        click.echo(f"{m.level}: {m.text}", err=True)


@main.command()
@click.argument("contract", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--profile", "profile_path", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The physician's asks (YAML).")
@LIBRARY_OPTION
@click.option("--out-dir", type=click.Path(path_type=Path, file_okay=False), default=Path("."), show_default=True)
@click.option("--author", help="Author of the tracked changes and comments [default: the profile's physician].")
@click.option("--date", help="Date of the revisions, ISO 8601 [default: SOURCE_DATE_EPOCH, else now].")
@click.option("--force", is_flag=True, help="Overwrite existing outputs.")
@click.option("--template", "template", default="letter", show_default=True, metavar="NAME",
              help="Letter template: a folder of the bundled templates, or of --templates.")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Your own folder of letter templates (each a folder of .j2 files); --template picks one.")
@click.option("--html", is_flag=True, help="Also write <stem>.report.html: the redline with its comments, and the "
                                           "findings, as one self-contained page.")
@click.option("--pdf", is_flag=True, help="Also write the letter as PDF through LibreOffice (soffice).")
@domain_errors
def redline(contract, profile_path, library_dirs, out_dir, author, date, force, template, templates_dir, html, pdf):
    """Write the redline, clean copy, plan, cover letter, email and attorney memo for CONTRACT."""
    from .redline import redline as run

    result = run(contract, profile_path, out_dir, list(library_dirs), author, date, force,
                 template=template, templates_dir=templates_dir, html=html, pdf=pdf)
    _report(result.plan, result.applied, result.messages, result.outputs)


def _report(plan, applied, messages, outputs) -> None:
    """What became of each planned edit, the warnings, and the files written."""
    for edit in plan.edits:
        where = f"section {edit.heading!r}" if edit.heading else "an untitled section"
        if edit.kind == "letter":
            status = "raised in the letter"
        elif edit.clause_id not in applied:
            status = "skipped"
        elif edit.kind == "insert":
            status = f"inserted after {where}"
        else:
            status = f"changed {len(edit.changes)} paragraph(s) in {where}"
        click.echo(f"{edit.clause_id:28} {status}")
    _warn(messages)
    for path in outputs.values():
        click.echo(f"wrote {path}")


@main.command("apply")
@click.argument("contract", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("plan_path", metavar="PLAN", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The redline to write.")
@click.option("--clean", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write a clean copy (every change accepted, no comments) here.")
@click.option("--force", is_flag=True, help="Overwrite existing outputs.")
@domain_errors
def apply(contract, plan_path, output, clean, force):
    """Make the edits of PLAN (a plan.yaml from `redline`, reviewed and edited by hand) in CONTRACT."""
    from .redline import apply as run

    result = run(contract, plan_path, output, clean, force)
    _report(result.plan, result.applied, result.messages, result.outputs)


@main.command()
@click.argument("contract", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--profile", "profile_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Assess against the physician's asks.")
@LIBRARY_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option("--compensation", "with_compensation", is_flag=True,
              help="With --json, add the compensation math (offered and proposed) under a 'compensation' key.")
@domain_errors
def review(contract, profile_path, library_dirs, as_json, with_compensation):
    """Report, for every topic, what CONTRACT says and how weak it is, and, with a profile, what `redline` would do
    about it."""
    from . import compensation
    from .dates import revision_date, run_datetime
    from .library import load_library
    from .loading import load_profile
    from .plan import wanted
    from .redline import propose
    from .review import planned_action, review as run, suggested_action
    from .wordml.package import Package
    from .wordml.read import read_blocks

    profile = load_profile(profile_path) if profile_path else None
    library = load_library(library_dirs)
    where = f"{profile_path}: " if profile_path else ""
    if profile is None:
        result = run(read_blocks(Package.open(contract)), library, None, str(contract))
        action = lambda f: suggested_action(f, library, result.text)  # noqa: E731
    else:  # the review as the redline reads it, and what the redline would do
        result, _, plan = propose(Package.open(contract), library, profile, contract, profile.physician.name,
                                  revision_date(run_datetime(None)), where)
        asked = {clause.id for clause in wanted(profile, library, where)}
        action = lambda f: planned_action(f, library, result.text, plan, asked)  # noqa: E731
    sides = compensation.both(result.review, profile, library, where, result.full_time, result.position_fte)
    if as_json:
        data = result.review.model_dump(mode="json")
        if with_compensation:
            data["compensation"] = {c.side: c.as_dict(not result.terms.employment) for c in sides}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(f"{'TOPIC':26} {'WHERE':30} {'WHAT IT SAYS':40} {'ASSESSMENT':10} SUGGESTED ACTION")
    for f in result.review.findings:
        heading = f.heading or ("(not found)" if f.status == "missing" else "(untitled)")
        says = " ".join(f.text.split()) or "-"
        says = says if len(says) <= 40 else says[:39] + "…"
        heading = heading if len(heading) <= 30 else "…" + heading[-29:]
        click.echo(f"{f.topic:26} {heading:30} {says:40} {f.assessment:10} {action(f)}")
        click.echo(f"{'':26} {f.message}")
    for line in compensation.report_lines(sides, not result.terms.employment):
        click.echo(line)


@main.command()
@click.argument("original", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("revised", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--author", default="counterdraft", show_default=True, help="Author of the tracked changes.")
@click.option("--date", help="Date of the revisions, ISO 8601 [default: SOURCE_DATE_EPOCH, else now].")
@click.option("--force", is_flag=True, help="Overwrite an existing output.")
@domain_errors
def compare(original, revised, output, author, date, force):
    """Write ORIGINAL with tracked changes that turn it into REVISED."""
    from .compare import compare as run

    result = run(original, revised, output, author, date, force)
    _warn(result.messages)
    click.echo(f"{result.revisions} revision(s); wrote {output}")


@main.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--profile", "profile_path", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The physician's asks (YAML), for every contract.")
@LIBRARY_OPTION
@click.option("--out-dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Where every contract's outputs go, named by its stem.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Contracts redlined at once, each in a process of its own.")
@click.option("--author", help="Author of the tracked changes and comments [default: the profile's physician].")
@click.option("--date", help="Date of the revisions, ISO 8601 [default: SOURCE_DATE_EPOCH, else now].")
@click.option("--force", is_flag=True, help="Overwrite existing outputs.")
@domain_errors
def batch(folder, profile_path, library_dirs, out_dir, jobs, author, date, force):
    """Redline every DOCX in FOLDER (not its subfolders); print a JSON summary. A file that fails is reported and
    the others go on; the exit code is 1 if any failed."""
    from .batch import contracts_in, run_batch, summary

    contracts = contracts_in(folder)
    with click.progressbar(length=len(contracts), label="redline", file=sys.stderr) as bar:
        outcomes = run_batch(contracts, profile_path, out_dir, list(library_dirs), author, date, force, jobs,
                             done=lambda outcome: bar.update(1))
    for outcome in outcomes:
        if outcome.error:
            click.echo(f"error: {outcome.error}", err=True)
    click.echo(json.dumps(summary(outcomes), indent=2, ensure_ascii=False))
    if any(o.error for o in outcomes):
        raise click.exceptions.Exit(1)


def _resolve_command(how: str) -> None:
    @main.command(how, help=f"{how.capitalize()} every tracked change in FILE.")
    @click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
    @click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False))
    @click.option("--force", is_flag=True, help="Overwrite an existing output.")
    @domain_errors
    def command(file, output, force):
        _resolve(file, output, force, how)


def _resolve(file: Path, output: Path, force: bool, how: str) -> None:
    from .files import check_outputs
    from .wordml.package import Package
    from .wordml.resolve import accept_package, reject_package

    pkg = Package.open(file)
    check_outputs([file], [output], force)
    pkg.check_output_name(output)
    (accept_package if how == "accept" else reject_package)(pkg)
    pkg.save(output)
    for note in pkg.notes:
        click.echo(f"warning: {note}", err=True)
    click.echo(f"wrote {output}")


for _how in ("accept", "reject"):
    _resolve_command(_how)


# ---------------------------------------------------------------------------------------------------- clauses
@main.group()
def clauses():
    """Browse, render and check clause libraries."""


@clauses.command("list")
@LIBRARY_OPTION
@click.option("--json", "as_json", is_flag=True)
@domain_errors
def clauses_list(library_dirs, as_json):
    """List the clauses (the file that wins for each id)."""
    from .library import load_library
    from .lint import describe_library

    rows = describe_library(load_library(library_dirs))
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        click.echo(f"{row['id']:28} {', '.join(row['tiers']):24} {row['source']}")


@clauses.command("show")
@click.argument("clause_id")
@LIBRARY_OPTION
@domain_errors
def clauses_show(clause_id, library_dirs):
    """Print a clause's definition."""
    from .library import load_library
    from .loading import dump_yaml

    clause = load_library(library_dirs).get(clause_id)
    click.echo(dump_yaml(clause.model_dump(mode="json")), nl=False)


@clauses.command("render")
@click.argument("clause_id")
@click.option("--tier", default="preferred", show_default=True)
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE", help="A parameter value (repeatable).")
@LIBRARY_OPTION
@domain_errors
def clauses_render(clause_id, tier, settings, library_dirs):
    """Print a clause's wording with its defaults, or with --set values."""
    from .library import load_library, parameter_values, render_tier

    clause = load_library(library_dirs).get(clause_id)
    asks = {}
    for item in settings:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--set")
        asks[key.strip()] = value.strip()
    click.echo(render_tier(clause, tier, parameter_values(clause, asks, "--set: ")))


@clauses.command("lint")
@click.argument("dirs", nargs=-1, type=click.Path(path_type=Path, file_okay=False))
@domain_errors
def clauses_lint(dirs):
    """Check clause folders (default: the bundled library): schema, variables, ids, topics, rendering."""
    from .lint import lint_library
    from .resources import clauses_dir

    problems = lint_library(list(dirs) or [clauses_dir()])
    for m in problems:
        click.echo(m.text, err=True)
    if problems:
        raise click.exceptions.Exit(1)
    click.echo("ok")


@clauses.command("new")
@click.argument("clause_id")
@click.option("--topic", required=True)
@click.option("--dir", "folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
              show_default=True)
@domain_errors
def clauses_new(clause_id, topic, folder):
    """Write a valid clause file to start from."""
    from .errors import UsageError
    from .lint import scaffold_clause
    from .files import write_atomic

    path = folder / f"{clause_id}.yaml"
    if path.exists():
        raise UsageError(f"{path}: already exists")
    write_atomic(path, scaffold_clause(clause_id, topic).encode("utf-8"))
    click.echo(f"wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
