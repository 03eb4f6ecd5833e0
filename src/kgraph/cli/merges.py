"""`kgraph merges`: which entities of the articles a build would make one node, by which key, and which merges a
rule refused (near misses).

>>> [parameter.name for parameter in merges.params]
['paths', 'keep_apart', 'without']
"""

from pathlib import Path

import click

from .defaults import DEFAULT_DATA
from .errors import reports_errors
from .types import WITHOUT


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--keep-apart", "keep_apart", metavar="KEY", multiple=True, help="As for build: merge nothing by KEY.")
@WITHOUT
@reports_errors
def merges(paths: tuple[Path, ...], keep_apart: tuple[str, ...], without: tuple[str, ...]) -> None:
    """List the nodes that entities of several articles (or two of one) share under PATHS (default: data/): the
    node, the keys that joined them and each entity (article/id "label"); then the near misses, merges a rule
    refused, with why. Give a key to `kgraph build --keep-apart KEY` to undo a merge. Exit 0, 2 on bad input.
    """
    from ..identity.resolve import resolve
    from ..pipeline import load_models

    models = load_models(list(paths) or [DEFAULT_DATA], without)
    labels = {(m.article.slug, e.id): e.labels.get("ru", "") for m in models for e in m.entities.values()}
    found = resolve(models, keep_apart)
    click.echo(f"{len(found.merges)} merge(s) of {sum(len(m.members) for m in found.merges)} entities:")
    for merge in found.merges:
        click.echo(f"  id:{merge.node}  by {', '.join(map(str, merge.keys))}")
        for slug, ident in merge.members:
            click.echo(f"    {slug}/{ident} {labels[(slug, ident)]!r}")
    click.echo(f"{len(found.near_misses)} near miss(es):")
    for miss in found.near_misses:
        first = ", ".join(f"{slug}/{ident}" for slug, ident in miss.first)
        second = ", ".join(f"{slug}/{ident}" for slug, ident in miss.second)
        click.echo(f"  {miss.key}: {first} | {second}: {miss.reason}")
