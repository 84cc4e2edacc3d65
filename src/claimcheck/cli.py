"""The ``claimcheck`` command line: a thin shell over the library that returns an exit code.

Exit codes (data contract §7): 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 the package cannot be read or the command is wrong (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from claimcheck.cli_articles import add_commands, coverage_command, extract_command
from claimcheck.errors import ClaimcheckError

if TYPE_CHECKING:
    from claimcheck.limits import Limits


class UsageError(ClaimcheckError):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        msg = f"{message} (see '{self.prog} --help')"
        raise UsageError(msg)


def _package_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "datapackage",
        nargs="?",
        default=None,
        help="a datapackage.json or its folder (default: the bundled data)",
    )


def _limit_args(p: argparse.ArgumentParser) -> None:
    from claimcheck.limits import Limits

    d = Limits()
    g = p.add_argument_group("limits (a guard against hostile packages)")
    g.add_argument(
        "--max-expression-length",
        type=int,
        default=d.max_expression_length,
        metavar="N",
        help=f"most characters in a claim expression (default {d.max_expression_length})",
    )
    g.add_argument(
        "--max-expression-depth",
        type=int,
        default=d.max_expression_depth,
        metavar="N",
        help=f"deepest nesting of a claim expression (default {d.max_expression_depth})",
    )
    g.add_argument(
        "--max-digits",
        type=int,
        default=d.max_digits,
        metavar="N",
        help=f"most digits in a value cell (default {d.max_digits})",
    )
    g.add_argument(
        "--max-file-size",
        default="1G",
        metavar="SIZE",
        help="largest table file, e.g. 200M or 2G (default 1G)",
    )


def _limits(args: argparse.Namespace) -> Limits:
    from claimcheck.limits import Limits, parse_size

    return Limits(
        max_expression_length=args.max_expression_length,
        max_expression_depth=args.max_expression_depth,
        max_digits=args.max_digits,
        max_file_bytes=parse_size(args.max_file_size),
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; each command's help is its one-line description."""
    from claimcheck import __version__

    parser = _Parser(prog="claimcheck", description="Check the numbers in claims about AI models.")
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser(
        "check",
        help="check a package: schema, claims, agreement, units, ...",
        description="Check a claims package and report every finding.",
    )
    _package_arg(check)
    check.add_argument(
        "--format",
        choices=("text", "json", "junit", "github", "html"),
        default="text",
        help="output format: text for people, json, junit for CI servers, github annotations, "
        "html (one self-contained page)",
    )
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (atomically)")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 when a finding has this severity or worse (default: error)",
    )
    check.add_argument(
        "--rule",
        action="append",
        metavar="ID",
        dest="rules",
        help="run only this rule (repeatable); see 'claimcheck rules'",
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

    add_commands(sub, _package_arg)

    tables = sub.add_parser(
        "tables",
        help="list the tables of a package, their rows and descriptions",
        description="List the tables of a package.",
    )
    _package_arg(tables)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    try:
        args = _parse(build_parser(), list(sys.argv[1:] if argv is None else argv))
        if args.command is None:
            build_parser().print_help()
            return 2
        handler = {
            "check": _check,
            "explain": _explain,
            "rules": _rules,
            "tables": _tables,
            "cite": _cite,
            "diff": _diff,
            "init": _init,
            "extract": lambda a: extract_command(a, _package_files),
            "coverage": coverage_command,
        }
        return handler[args.command](args)
    except ClaimcheckError as exc:
        print(f"claimcheck: error: {' '.join(str(exc).split())}", file=sys.stderr)  # always one line
        return 2
    except BrokenPipeError:  # e.g. `claimcheck check | head`
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
    from claimcheck.check import check
    from claimcheck.load import read
    from claimcheck.render import render

    limits = _limits(args)
    pkg = read(args.datapackage, limits)
    report = check(pkg, rules=args.rules, limits=limits)
    color = args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = render(report, args.format, color=color, fail_on=args.fail_on, package=pkg)
    if args.output:
        from claimcheck.output import write_atomic

        write_atomic(Path(args.output), text, protected=_package_files(pkg))
    else:
        sys.stdout.write(text)
    return report.exit_status(args.fail_on)


def _init(args: argparse.Namespace) -> int:
    from claimcheck.scaffold import init

    written = init(Path(args.folder), args.name)
    print(f"wrote {len(written)} files to {args.folder}; check it with: claimcheck check {args.folder}")
    return 0


def _cite(args: argparse.Namespace) -> int:
    from claimcheck.cite import citation, render_citation
    from claimcheck.load import read

    sys.stdout.write(render_citation(citation(read(args.datapackage)), args.format))
    return 0


def _diff(args: argparse.Namespace) -> int:
    from claimcheck.diff import diff, render_diff
    from claimcheck.load import read

    old, new = read(args.old), read(args.new)
    text = render_diff(diff(old, new), args.format)
    if args.output:
        from claimcheck.output import write_atomic

        write_atomic(Path(args.output), text, protected=_package_files(old) + _package_files(new))
    else:
        sys.stdout.write(text)
    return 0


def _package_files(pkg: object) -> list[Path]:
    from claimcheck.load import Package, resource

    assert isinstance(pkg, Package)
    files = [pkg.path]
    files += [pkg.root / str(resource(pkg.descriptor, t, pkg.path)["path"]) for t in pkg.tables]
    return files


def _explain(args: argparse.Namespace) -> int:
    from claimcheck.check import check
    from claimcheck.load import read
    from claimcheck.render import render_explain

    limits = _limits(args)
    report = check(read(args.datapackage, limits), rules=["claims"], limits=limits)
    sys.stdout.write(render_explain(report, args.claim_id))
    return 0


def _rules(_args: argparse.Namespace) -> int:
    from claimcheck.rules import RULES, rule_id, summary_line

    for rule in RULES:
        print(f"{rule_id(rule):<12} {summary_line(rule)}")
    return 0


def _tables(args: argparse.Namespace) -> int:
    from claimcheck.load import TABLES, load, resource

    pkg = load(args.datapackage)
    print(f"{pkg.name} {pkg.version}  ({pkg.path})")
    for name in TABLES:
        res = resource(pkg.descriptor, name, pkg.path)
        print(f"\n{name} ({len(pkg.tables[name])} rows, {res['path']})")
        print(f"  {res.get('description', '')}")
        for field in res["schema"]["fields"]:
            print(f"  - {field['name']}: {field.get('description', '')}")
    return 0
