"""`kgraph export`: an RDF file in another serialisation, or as GraphML or GEXF for Gephi.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(export, ["graph.trig", "--format", "gexf"]).output
'error: --format gexf writes a file: give -o OUT\\n'
"""

import sys
from pathlib import Path

import click

from .errors import reports_errors


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    required=True,
    help="turtle, ntriples, nquads, trig, jsonld, xml; or graphml, gexf (for Gephi; need -o).",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here (atomically) instead of stdout.")
@reports_errors
def export(file: Path, fmt: str, output: Path | None) -> None:
    """Convert an RDF FILE (or a store folder `kgraph build --store` wrote) to another format, our prefixes bound;
    Turtle output is deterministic."""
    from ..errors import UsageError
    from ..export import serialize, write
    from ..rdfio import rdf_format, read_dataset

    if fmt in ("graphml", "gexf"):
        from ..visualize import write_gexf, write_graphml

        if output is None:
            raise UsageError(f"--format {fmt} writes a file: give -o OUT")
        writer = write_graphml if fmt == "graphml" else write_gexf
        click.echo(f"wrote {writer(read_dataset(file), output)}", err=True)
        return
    rdf_format(fmt)  # an unknown format is a usage error before any parsing
    dataset = read_dataset(file, stable_blank_nodes=True)  # same graph, same bytes
    if output is None:
        sys.stdout.buffer.write(serialize(dataset, fmt))
    else:
        click.echo(f"wrote {write(dataset, output, fmt)}", err=True)
