"""`kgraph stats`: how many triples an RDF file holds, by class and by predicate.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(stats, ["missing.trig"]).output
'error: missing.trig: no such file\\n'
"""

from pathlib import Path

import click

from .defaults import DEFAULT_GRAPH
from .errors import reports_errors


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@reports_errors
def stats(file: Path | None) -> None:
    """Count triples, instances by class and triples by predicate of FILE (default: the built graph; or a store
    folder `kgraph build --store` wrote)."""
    from ..namespaces import shorten
    from ..rdfio import read_dataset
    from ..stats import graph_stats

    counts = graph_stats(read_dataset(file or DEFAULT_GRAPH))
    graphs = f"in {counts.graphs} named graph(s)" if counts.graphs else "(no named graphs: all in the default graph)"
    click.echo(f"{counts.triples} triples {graphs}")
    click.echo("Instances by class:")
    for cls, count in counts.classes.items():
        click.echo(f"  {count:5d}  {shorten(cls)}")
    click.echo("Triples by predicate:")
    for predicate, count in counts.predicates.items():
        click.echo(f"  {count:5d}  {shorten(predicate)}")
