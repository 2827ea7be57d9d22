"""Commands that find claims: match, claims, search, and the terms table."""

from pathlib import Path
from typing import Annotated

import typer

from ..render.common import counted
from .common import (
    answer,
    app,
    date_option,
    emit_json_line,
    err,
    fail,
    opened,
    output_format,
    progress,
    respond,
    respond_records,
    terms_app,
)
from .options import CsvOption, DbOption, JsonOption, NlOption, finite

MinSize = Annotated[int, typer.Option(help="Only claims made at least this many times.", min=2)]


@app.command()
def match(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Argument(help="The claim to look for.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only statements of this speaker.")] = None,
    since: Annotated[str | None, typer.Option(help="Only statements said on or after this date.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many per claim.", min=1)] = 10,
    min_score: Annotated[float | None, typer.Option(
        callback=finite, help="Only matches scoring at least this (0-100). Default: 30, lower for a long query, whose "
        "weaker matches are marked weak.")] = None,
    queries: Annotated[Path | None, typer.Option(help="Many claims: one a line, or JSONL with id and text.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find stored statements that make the same claim, best first.

    With --queries, prints one JSON line per claim.

    Example: quotetrack match "Daesh held building destroyed near Makhmour"
    """
    from .. import claims as claims_
    from ..render import terminal as report

    since_day = date_option(since, "--since")
    if queries is None and text is None:
        fail("Give a claim to match, or --queries FILE.")
    batch = claims_.read_queries(queries) if queries is not None else None
    with opened(ctx, db) as database:
        if batch is not None:
            for query_id, query in batch:
                found = claims_.match_text(database, query, speaker=speaker, since=since_day, limit=limit,
                                           min_score=min_score)
                emit_json_line({"id": query_id, "query": query, "matches": [f.to_dict() for f in found]})
            return
        assert text is not None
        found = claims_.match_text(database, text, speaker=speaker, since=since_day, limit=limit,
                                   min_score=min_score)
    respond(as_json, found, report.matches_table, empty="Nothing on record makes that claim.")


@app.command()
def claims(ctx: typer.Context, min_size: MinSize = 2, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Group statements that make the same claim, across speakers and outlets.

    Example: quotetrack claims --min-size 3
    """
    from .. import claims as claims_
    from ..render import terminal as report

    with opened(ctx, db) as database:
        with progress("Grouping claims", quiet=as_json) as tick:
            groups = claims_.clusters(database, min_size=min_size, progress=tick)
    respond(as_json, groups, report.clusters_table, empty="No claim is on record more than once.")


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to find, all of them (with --fts: a full-text query).")],
    limit: Annotated[int, typer.Option(help="At most this many.", min=1)] = 20,
    fts: Annotated[bool, typer.Option(
        "--fts", help='Read the query as full-text syntax: "a phrase", AND, OR, NOT, prefix*.')] = False,
    db: DbOption = None,
    as_json: JsonOption = False, as_csv: CsvOption = False, as_nl: NlOption = False,
) -> None:
    """Full-text search over statement text, speaker names and outlets.

    Every word must be found; punctuation is part of no syntax ("US-led", "ISIS's"). --json,
    --nl and --csv print the statements found, each with its snippet.

    Example: quotetrack search Makhmour strikes; quotetrack search --fts "Makhmour AND strike*"
    """
    from .. import store
    from ..export import STATEMENT_COLUMNS, statement_row
    from ..render import terminal as report

    fmt = output_format(as_json, as_csv, as_nl)
    with opened(ctx, db) as database:
        hits = store.search(database, query, limit, syntax=fts)
        statements = {s.id: s for s in store.get_statements(database, [h[0] for h in hits])}
    rows = [(statements[i], snippet) for i, snippet, _ in hits if i in statements]
    respond_records(fmt, rows, report.search_table, (*STATEMENT_COLUMNS, "snippet"),
                    lambda item: statement_row(item) | {"snippet": item["snippet"]},
                    empty="Nothing on record matches.",
                    to_json=lambda rows: [s.to_dict() | {"snippet": report.plain_snippet(snippet),
                                                         "highlights": report.snippet_highlights(snippet)}
                                          for s, snippet in rows])


@terms_app.command("list")
def terms_list(ctx: typer.Context, db: DbOption = None, as_json: JsonOption = False) -> None:
    """List equivalent names: the shipped defaults and the editors' own.

    Example: quotetrack terms list
    """
    from .. import record
    from ..render import terminal as report

    answer(ctx, db, as_json, record.list_terms, report.terms_table)


@terms_app.command("add")
def terms_add(
    ctx: typer.Context,
    canonical: Annotated[str, typer.Argument(help="The name to match everything else as.")],
    variants: Annotated[list[str], typer.Argument(metavar="VARIANT...", help="Other names for it.")],
    db: DbOption = None,
) -> None:
    """Make names equivalent for matching, e.g. a group's acronyms.

    Example: quotetrack terms add "Islamic State" IS ISIS ISIL Daesh
    """
    from .. import record
    from ..render import terminal as report

    with opened(ctx, db) as database:
        reindexed = record.add_terms(database, canonical, variants)
    err().print(report.safe(f"{canonical} = {', '.join(variants)}; re-indexed {counted(reindexed, 'statement')}."))
