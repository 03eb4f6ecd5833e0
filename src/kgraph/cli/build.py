"""`kgraph build`: articles -> graph files, validated, and a summary of what they hold.

>>> [parameter.name for parameter in build.params]
['paths', 'out', 'no_html', 'wikidata', 'without', 'keep_apart', 'jobs', 'paths_from', 'store', 'dask']
"""

import sys
import time
from collections import Counter
from pathlib import Path
from typing import NoReturn, TextIO

import click

from .defaults import DEFAULT_DATA, DEFAULT_OUT
from .errors import EXIT_ERROR, EXIT_INVALID, EXIT_OK, reports_errors
from .types import WITHOUT

MOST_LEFT_OUT = 10
"""The most left-out items `build` lists per article on stderr (`kgraph extract` lists them all)."""


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Folder for graph.ttl, graph.trig and graph.html.",
)
@click.option("--no-html", is_flag=True, help="Do not write the HTML page.")
@click.option(
    "--wikidata",
    metavar="URL",
    help="Link extracted entities the gazetteer could not, by label and class, via this Wikidata SPARQL endpoint.",
)
@WITHOUT
@click.option(
    "--keep-apart",
    "keep_apart",
    metavar="KEY",
    multiple=True,
    help="Merge nothing by this identity key (as `kgraph merges` prints it, e.g. 'person:александр иванов'). "
    "Repeatable.",
)
@click.option(
    "--jobs",
    "jobs",
    type=click.IntRange(min=1, max=256),
    default=None,
    help="Worker processes extracting the articles (default: one per core for more than 16 articles, else 1). "
    "The graph is the same whatever the number.",
)
@click.option(
    "--paths-from",
    "paths_from",
    type=click.File("r", encoding="utf-8"),
    help="Read more PATHS from this file, one per line ('-': standard input), for corpora no shell line holds.",
)
@click.option(
    "--store",
    "store",
    type=click.Path(path_type=Path, file_okay=False),
    help="Build into this on-disk store instead of files (--out and --no-html do not apply), incrementally: "
    "unchanged articles are skipped, changed ones replaced, the graphs of articles gone from PATHS removed. "
    "`kgraph query --data DIR` queries it. The store folder is trusted as the code is: it holds pickles.",
)
@click.option(
    "--dask",
    "dask",
    metavar="ADDRESS",
    help="Extract the articles on a Dask cluster: a scheduler's address (tcp://host:8786; its workers need kgraph "
    "installed), or 'local' for a new cluster of --jobs worker processes here. The graph is the same.",
)
@reports_errors
def build(
    paths: tuple[Path, ...],
    out: Path,
    no_html: bool,
    wikidata: str | None,
    without: tuple[str, ...],
    keep_apart: tuple[str, ...],
    jobs: int | None,
    paths_from: TextIO | None,
    store: Path | None,
    dask: str | None,
) -> None:
    """Build every article under PATHS (default: data/) into OUT, validate it, print a summary.

    An article is a folder holding article.md (or article.txt) and, when curated, facts.yaml, or a .txt or .md
    file; a folder holds every article at any depth (a corpus: a folder of .txt files). An article without
    facts.yaml whose text is surely not Russian gets a warning naming its language (little is extracted from it).
    Entities of all the articles that share an identity key (a Wikidata item, a GeoNames place, a person's full
    name…) are one node; `kgraph merges` lists the merges and the near misses, and --keep-apart undoes one.
    With --store, the articles go into an on-disk store, incrementally, and a bad article fails alone (exit 2).
    Exit 0 when the graph conforms, 1 when it does not (the report is printed), 2 on bad input.
    """
    from ..extract.text.language import language_warning
    from ..pipeline import build as run_build
    from ..stats import graph_stats

    listed = [Path(line.rstrip("\r\n")) for line in paths_from or () if line.strip()]
    if paths_from is not None and not paths and not listed:
        from ..errors import UsageError

        raise UsageError(f"--paths-from {paths_from.name}: no paths in it")
    sources = [*paths, *listed] or [DEFAULT_DATA]
    if store is not None:
        if wikidata is not None:
            from ..errors import UsageError

            raise UsageError("--wikidata does not work with --store yet: build the store, or reconcile without it")
        _build_store(sources, store, without, keep_apart, jobs, dask)  # exits
    result = run_build(
        sources,
        out,
        html=not no_html,
        wikidata=wikidata,
        without=without,
        keep_apart=keep_apart,
        jobs=jobs,
        scheduler=dask,
    )
    for model in result.models:
        warning = language_warning(model.article) if model.source == "extracted" else None
        if warning is not None:
            click.echo(f"warning: {warning}", err=True)
        for reason in model.left_out[:MOST_LEFT_OUT]:
            click.echo(f"note: {model.article.slug}: left out {reason}", err=True)
        if len(model.left_out) > MOST_LEFT_OUT:
            rest = len(model.left_out) - MOST_LEFT_OUT
            click.echo(f"note: {model.article.slug}: {rest} more left out (kgraph extract lists them all)", err=True)
    stats = graph_stats(result.dataset)
    click.echo(f"Built {len(result.models)} article(s): {stats.triples} triples in {stats.graphs} named graph(s).")
    for model in result.models:
        click.echo(
            f"  {model.article.slug}: {len(model.entities)} entities, {len(model.facts)} facts, "
            f"{len(model.quantities)} quantities, {len(model.utterances)} quotes and statements ({model.source})"
        )
    click.echo("Entities by class:")
    counts = Counter(entity.cls for model in result.models for entity in model.entities.values())
    for cls, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        click.echo(f"  {count:4d}  {cls}")
    for reconciliation in result.reconciled:
        click.echo(reconciliation.summary())
    click.echo(result.report.text)
    for kind, path in result.files.items():
        click.echo(f"{kind:>6}: {path}")
    sys.exit(EXIT_OK if result.report.conforms else EXIT_INVALID)


def _build_store(
    sources: list[Path],
    store: Path,
    without: tuple[str, ...],
    keep_apart: tuple[str, ...],
    jobs: int | None,
    scheduler: str | None,
) -> NoReturn:
    from ..corpus import build_store

    progress = _Progress()
    try:
        result = build_store(
            sources, store, without=without, keep_apart=keep_apart, jobs=jobs, progress=progress, scheduler=scheduler
        )
    finally:
        progress.close()
    for name in ("added", "replaced", "removed", "unchanged", "nodes_changed"):
        found = getattr(result, name)
        shown = ", ".join(found[:MOST_LEFT_OUT]) + (
            f" and {len(found) - MOST_LEFT_OUT} more" if len(found) > MOST_LEFT_OUT else ""
        )
        click.echo(f"{name.replace('_', ' ')}: {len(found)}" + (f" ({shown})" if found else ""))
    for slug, report in result.violations.items():
        click.echo(f"{slug}: {report.text}")
    for path, error in result.failed.items():
        click.echo(f"error: {error if error.startswith(path) else f'{path}: {error}'}", err=True)
    click.echo(f"failed: {len(result.failed)}")
    click.echo(f"store: {result.store}")
    sys.exit(EXIT_ERROR if result.failed else EXIT_OK if result.conforms else EXIT_INVALID)


class _Progress:
    """Progress on stderr while a store build extracts more than `SHOWN_FROM` articles: articles done, rate, time
    left; on a terminal one line rewritten in place, elsewhere (a log) a line at every tenth."""

    SHOWN_FROM = 16

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.terminal = sys.stderr.isatty()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if total <= self.SHOWN_FROM:
            return
        if done == 0:
            self.started = time.monotonic()
            return
        if not self.terminal and done != total and done % max(1, total // 10):
            return
        seconds = time.monotonic() - self.started
        rate = done / seconds if seconds > 0 else 0.0
        left = (total - done) / rate if rate else 0.0
        line = f"extracting: {done}/{total} ({rate:.1f} articles/s, {left:.0f} s left)"
        click.echo(f"\r{line}" if self.terminal else line, err=True, nl=not self.terminal)
        self.shown = True

    def close(self) -> None:
        if self.terminal and self.shown:
            click.echo(err=True)
