"""`kgraph viz`: write the interactive graph page for an RDF file.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(viz, ["missing.trig"]).output
'error: missing.trig: no such file\\n'
"""

import sys
from pathlib import Path

import click

from .defaults import DEFAULT_GRAPH
from .errors import reports_errors


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="The page to write (default: FILE as .html).")
@click.option(
    "--query",
    "query",
    help="Show only what this CONSTRUCT query returns: a .rq file, a bundled name or text.",
)
@click.option("--title", default=None, help="The page's title (default: the file name).")
@reports_errors
def viz(file: Path, output: Path | None, query: str | None, title: str | None) -> None:
    """Write an offline HTML page to explore FILE (default: out/graph.trig; or a store folder `kgraph build
    --store` wrote): search, filter, and see the sentences behind every fact. Exit 0 when written, 2 on bad input.
    """
    from ..query import find_query
    from ..rdfio import read_dataset
    from ..visualize import write_page
    from ..visualize.triples import Triples

    try:
        text = None if query is None else find_query(query).text
        # without a query, the page needs only the triples indexed, not an rdflib dataset (several times slower)
        graph = read_dataset(file) if text is not None else Triples.read(file)
        written = write_page(
            graph, output or file.with_suffix(".html"), title=title or f"kgraph: {file.name}", query=text
        )
    except OSError as error:
        click.echo(f"error: cannot write {error.filename or output}: {error.strerror}", err=True)
        sys.exit(2)
    click.echo(f"wrote {written}")
