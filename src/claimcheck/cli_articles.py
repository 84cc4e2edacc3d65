"""The ``extract`` and ``coverage`` commands: draft value rows from an article, and how much of it
a source's rows record (see :mod:`claimcheck.extract` and :mod:`claimcheck.coverage`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimcheck.errors import ClaimcheckError


def add_commands(
    sub: argparse._SubParsersAction[Any],
    package_arg: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add the ``extract`` and ``coverage`` subcommands to the command line."""
    extract = sub.add_parser(
        "extract",
        help="draft values rows for every quantity an article states",
        description="Write draft values rows (CSV) for every quantity a .txt, .md or .html article states, "
        "with a short exact quote, the value text, hedge, and candidate entity and metric ids from the "
        "package's vocabulary. Empty cells are what could not be filled; a summary goes to stderr.",
    )
    extract.add_argument("article", metavar="ARTICLE", help="the article: plain text, Markdown or HTML")
    package_arg(extract)
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
    package_arg(cover)
    cover.add_argument("--source-id", required=True, metavar="ID", help="the source whose rows record it")
    cover.add_argument(
        "--min", default="100", metavar="PERCENT", help="exit 1 below this recorded share (default 100)"
    )
    cover.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def extract_command(args: argparse.Namespace, package_files: Callable[[object], list[Path]]) -> int:
    """Run ``claimcheck extract``: the draft CSV on stdout or in ``-o``, a summary line on stderr."""
    from claimcheck.articles import read_article
    from claimcheck.extract import extract, summary, to_csv
    from claimcheck.load import read
    from claimcheck.vocab import vocabulary

    if args.source_id:
        from claimcheck.extract import check_source_id

        check_source_id(args.source_id)
    text = read_article(args.article)
    pkg = read(args.datapackage)
    rows = extract(text, vocabulary(pkg), args.source_id)
    csv_text = to_csv(rows)
    if args.output:
        from claimcheck.output import write_atomic

        protected = [*package_files(pkg), Path(args.article)]
        write_atomic(Path(args.output), csv_text, protected=protected)
    else:
        sys.stdout.write(csv_text)
    print(f"claimcheck: extract: {summary(rows)}", file=sys.stderr)
    return 0


def coverage_command(args: argparse.Namespace) -> int:
    """Run ``claimcheck coverage``: exit 1 below ``--min``, 0 otherwise."""
    from decimal import Decimal, InvalidOperation

    from claimcheck.articles import read_article
    from claimcheck.coverage import coverage, render_coverage
    from claimcheck.load import read
    from claimcheck.vocab import vocabulary

    try:
        minimum = Decimal(args.min.strip().removesuffix("%"))
    except InvalidOperation:
        minimum = Decimal("NaN")
    if not minimum.is_finite() or not 0 <= minimum <= 100:
        msg = f"--min '{args.min}' is not a percentage; give a number from 0 to 100 (e.g. 95)"
        raise ClaimcheckError(msg)
    text = read_article(args.article)
    pkg = read(args.datapackage)
    result = coverage(text, pkg, args.source_id, vocabulary(pkg), article=str(args.article))
    sys.stdout.write(render_coverage(result, args.format, minimum))
    return 0 if result.meets(minimum) else 1
