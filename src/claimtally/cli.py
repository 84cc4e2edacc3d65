"""The ``claimtally`` command line: a thin shell over the library that returns an exit code.

Exit codes (data contract §7): 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 the package cannot be read or the command is wrong (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from claimtally import workflow
from claimtally.errors import ClaimtallyError, UsageError

if TYPE_CHECKING:
    from claimtally.limits import Limits


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        msg = f"{message} (see '{self.prog} --help')"
        raise UsageError(msg)


def _package_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "datapackage",
        nargs="?",
        default=None,
        help="a datapackage.json or its folder (default: ./datapackage.json, or else the bundled data)",
    )
    p.add_argument("--bundled", action="store_true", help="use the data bundled with claimtally")


def _limit_args(p: argparse.ArgumentParser) -> None:
    from claimtally.limits import Limits

    g = p.add_argument_group("limits (a guard against hostile packages)")
    for opt in Limits.options():
        g.add_argument(
            opt.flag,
            dest=opt.name,
            type=str if opt.is_size else int,
            default=opt.default(),
            metavar=opt.metavar,
            help=f"{opt.help} (default {opt.default()})",
        )


def _limits(args: argparse.Namespace) -> Limits:
    from claimtally.limits import Limits

    return Limits.from_options({opt.name: getattr(args, opt.name) for opt in Limits.options()})


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; each command's help is its one-line description."""
    from claimtally import __version__

    parser = _Parser(prog="claimtally", description="Check the numbers in claims about AI models.")
    parser.add_argument("--version", action="version", version=f"claimtally {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser(
        "check",
        help="check a package: schema, claims, agreement, units, ...",
        description="Check a claims package and report every finding.",
    )
    _package_arg(check)
    check.add_argument(
        "--format",
        choices=("text", "json", "junit", "github", "sarif", "gitlab", "markdown", "html"),
        default="text",
        help="output format: text for people, json, junit for CI servers, github annotations, "
        "sarif (GitHub code scanning), gitlab (Code Quality), markdown (a job summary), "
        "html (one self-contained page)",
    )
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (atomically)")
    check.add_argument(
        "--show",
        choices=("problems", "all"),
        default="problems",
        help="list errors and warnings and count info findings by rule (problems, the default), "
        "or list every finding (all)",
    )
    workflow.fail_on(check)
    check.add_argument(
        "--rule",
        action="append",
        metavar="ID",
        dest="rules",
        help="run only this rule (repeatable); see 'claimtally rules'",
    )
    _limit_args(check)

    explain = sub.add_parser(
        "explain",
        help="show how a claim's verdict is derived",
        description="Show each value's interval, each step and the verdict of a claim.",
    )
    explain.add_argument("claim_id", metavar="CLAIM_ID")
    _package_arg(explain)
    _limit_args(explain)

    sub.add_parser("rules", help="list the rules with one line each", description="List the rules.")

    init = sub.add_parser(
        "init",
        help="write a new, valid, minimal claims package to start from",
        description="Write a new claims package (six tables, one worked example) into DIR.",
    )
    init.add_argument("folder", metavar="DIR", help="folder to create the package in (must not hold one)")
    init.add_argument("--name", help="package name (default: the folder's name)")

    cite = sub.add_parser(
        "cite",
        help="print the citation of a package version, with its hash",
        description="Print the citation of the package: version, release date and hash.",
    )
    _package_arg(cite)
    cite.add_argument(
        "--format",
        choices=("text", "bibtex", "cff", "json"),
        default="text",
        help="citation format (default: text)",
    )

    diff = sub.add_parser(
        "diff",
        help="rows and verdicts that changed between two packages",
        description="Compare two packages: rows added, removed and changed, and verdicts.",
    )
    diff.add_argument("old", metavar="OLD", help="the older datapackage.json or its folder")
    diff.add_argument("new", metavar="NEW", help="the newer datapackage.json or its folder")
    diff.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    diff.add_argument("-o", "--output", metavar="FILE", help="write the diff to FILE (atomically)")
    diff.add_argument(
        "--exit-code", action="store_true", help="exit 1 when the packages differ (as git diff --exit-code)"
    )

    extract = sub.add_parser(
        "extract",
        help="draft values rows for every quantity an article states",
        description="Write draft values rows (CSV) for every quantity a .txt, .md or .html article states, "
        "with a short exact quote, the value text, hedge, and candidate entity and metric ids from the "
        "package's vocabulary. Empty cells are what could not be filled; a summary goes to stderr.",
    )
    extract.add_argument("article", metavar="ARTICLE", help="the article: plain text, Markdown or HTML")
    _package_arg(extract)
    extract.add_argument(
        "--source-id", default="", metavar="ID", help="source_id of the rows (and id prefix)"
    )
    extract.add_argument("-o", "--output", metavar="FILE", help="write the CSV to FILE (atomically)")

    cover = sub.add_parser(
        "coverage",
        help="which quantities of an article a source's rows record",
        description="List every quantity extract finds in an article and the row of the source that "
        "records it; exit 1 when the recorded share is below --min.",
    )
    cover.add_argument("article", metavar="ARTICLE", help="the article: plain text, Markdown or HTML")
    _package_arg(cover)
    cover.add_argument("--source-id", required=True, metavar="ID", help="the source whose rows record it")
    cover.add_argument(
        "--min", default="100", metavar="PERCENT", help="exit 1 below this recorded share (default 100)"
    )
    cover.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    workflow.add_commands(sub)

    tables = sub.add_parser(
        "tables",
        help="list the tables of a package, their rows and descriptions",
        description="List the tables of a package.",
    )
    _package_arg(tables)
    for command in sub.choices.values():
        workflow.quiet(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    try:
        args = _parse(build_parser(), list(sys.argv[1:] if argv is None else argv))
        if args.command is None:
            build_parser().print_help()
            return 2
        if hasattr(args, "bundled"):
            args.datapackage = workflow.package_where_you_stand(args.datapackage, args.bundled)
        handler = {
            "check": _check,
            "explain": _explain,
            "rules": _rules,
            "tables": _tables,
            "cite": _cite,
            "diff": _diff,
            "init": _init,
            "extract": _extract,
            "coverage": _coverage,
            **workflow.HANDLERS,
        }
        return handler[args.command](args)
    except ClaimtallyError as exc:
        from claimtally.output import one_line

        _say(f"claimtally: error: {one_line(str(exc))}\n", sys.stderr)  # always one clean line
        return 2
    except BrokenPipeError:  # e.g. `claimtally check | head`
        return 0


#: Commands whose DATAPACKAGE may come after their options (``extract ARTICLE --source-id ID PKG``).
_INTERMIXED = ("extract", "coverage")


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    if argv and argv[0] in _INTERMIXED:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                command: argparse.ArgumentParser = action.choices[argv[0]]
                args = command.parse_intermixed_args(argv[1:])
                args.command = argv[0]
                return args
    return parser.parse_args(argv)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


def _check(args: argparse.Namespace) -> int:
    # claimtally.check itself, imported from its stage: the api module would also load the articles
    # and versions stages, which a check never uses (a tenth of a second of a small check)
    from claimtally.checker import check
    from claimtally.data.package import read
    from claimtally.report.render import render

    limits = _limits(args)
    pkg = read(args.datapackage, limits)
    if args.output:  # refused before the check runs, not after
        from claimtally.output import check_target

        check_target(Path(args.output), pkg.files())
    # info findings are built only where they are listed (they cannot fail the check: --fail-on
    # stops at warning); derivations are printed by the --show all JSON and the HTML page only
    derivation = args.show == "all" or args.format == "html"
    report = check(pkg, rules=args.rules, limits=limits, show=args.show, derivation=derivation)
    if args.quiet and args.format == "text":  # only what fails, as file:line lines, and one count
        failing = report.failing(args.fail_on)
        base = workflow.relative_to_here(pkg.path.parent)
        _emit(args, "".join(_failure_line(f, base) for f in failing), [pkg])
        return report.exit_status(args.fail_on)
    color = args.output is None and _color(sys.stdout.isatty())
    if args.format == "json":  # written as it is made: a large report is never one string in memory
        from claimtally.report.text import iter_json

        _emit(args, iter_json(report, args.show), [pkg])
    else:
        base = workflow.relative_to_here(pkg.path.parent)
        text = render(
            report, args.format, color=color, fail_on=args.fail_on, package=pkg, show=args.show, base=base
        )
        _emit(args, text, [pkg], colours=color and args.format == "text")
    return report.exit_status(args.fail_on)


def _color(tty: bool) -> bool:
    """Colour on a terminal; ``NO_COLOR`` (set and not empty) turns it off, else ``FORCE_COLOR`` on."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or tty


def _failure_line(f: Any, base: str) -> str:
    from claimtally.output import clean
    from claimtally.report.codescan import where

    return f"{where(f, base)}: {f.severity} [{f.rule}] {clean(f.message)}\n"


def _explain(args: argparse.Namespace) -> int:
    from claimtally.api import explain

    _emit(args, explain(args.claim_id, args.datapackage, _limits(args)), [])
    return 0


def _init(args: argparse.Namespace) -> int:
    from claimtally.api import init

    written = init(Path(args.folder), args.name)
    _say(f"wrote {len(written)} files to {args.folder}; check it with: claimtally check {args.folder}\n")
    return 0


def _cite(args: argparse.Namespace) -> int:
    from claimtally.api import cite
    from claimtally.versions.cite import render_citation

    _emit(args, render_citation(cite(args.datapackage), args.format), [])
    return 0


def _diff(args: argparse.Namespace) -> int:
    from claimtally.api import diff, package_of
    from claimtally.versions.diff import render_diff

    old, new = package_of(args.old), package_of(args.new)
    changes = diff(old, new)
    _emit(args, render_diff(changes, args.format), [old, new])
    return 1 if args.exit_code and not changes.empty else 0


def _extract(args: argparse.Namespace) -> int:
    from claimtally.api import extract, package_of
    from claimtally.articles.extract import summary, to_csv

    rows = extract(args.article, args.datapackage, source_id=args.source_id)
    packages = [package_of(args.datapackage)] if args.output else []
    _emit(args, to_csv(rows), packages, Path(args.article))
    workflow.note(args, f"claimtally: extract: {summary(rows)}\n")
    return 0


def _coverage(args: argparse.Namespace) -> int:
    from claimtally.api import coverage
    from claimtally.articles.coverage import parse_percent, render_coverage

    minimum = parse_percent(args.min, "--min")
    result = coverage(args.article, args.source_id, args.datapackage)
    _emit(args, render_coverage(result, args.format, minimum), [])
    return 0 if result.meets(minimum) else 1


def _rules(_args: argparse.Namespace) -> int:
    from claimtally.rules import RULES, rule_id, summary_line

    for rule in RULES:
        _say(f"{rule_id(rule):<12} {summary_line(rule)}\n")
    return 0


def _tables(args: argparse.Namespace) -> int:
    from claimtally.data.descriptor import TABLES, resource
    from claimtally.data.package import load
    from claimtally.output import clean

    pkg = load(args.datapackage)
    lines = [f"{clean(pkg.name)} {clean(pkg.version)}  ({clean(str(pkg.path))})"]
    for name in TABLES:
        res = resource(pkg.descriptor, name, pkg.path)
        lines += ["", f"{name} ({len(pkg.tables[name])} rows, {clean(str(res['path']))})"]
        lines.append(f"  {clean(str(res.get('description', '')))}")
        for field in res["schema"]["fields"]:
            lines.append(f"  - {clean(str(field['name']))}: {clean(str(field.get('description', '')))}")
    _emit(args, "\n".join(lines) + "\n", [])
    return 0


def _say(text: str, stream: TextIO | None = None) -> None:
    """Print one message of the tool's own (a data field in it already cleaned), through the guard."""
    workflow.say(text, stream)


def _emit(
    args: argparse.Namespace,
    text: str | Iterable[str],
    packages: list[Any],
    *inputs: Path,
    colours: bool = False,
) -> None:
    """Print ``text`` (one string or pieces), or write it atomically to ``-o``, never over a file the
    command reads; either way through :func:`claimtally.output.guard`, the last pass that keeps data
    from controlling a terminal or a CI log."""
    from claimtally.output import guard

    if not getattr(args, "output", None):
        for piece in guard(text, colours=colours):
            sys.stdout.write(piece)
        return
    from claimtally.output import write_atomic

    protected = [f for pkg in packages for f in pkg.files()] + list(inputs)
    write_atomic(Path(args.output), guard(text), protected=protected)
