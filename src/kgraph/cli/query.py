"""`kgraph query`: a SPARQL query, by name, path or text, on the built graph or an endpoint; its results printed.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(query, ["ASK {}", "--endpoint", "http://localhost/sparql", "--allow-service"]).output
'error: --allow-service is for a local query: with --endpoint, the endpoint decides on SERVICE\\n'
"""

import sys
from pathlib import Path

import click

from .defaults import DEFAULT_GRAPH
from .errors import reports_errors
from .types import SECONDS


@click.command()
@click.argument("query")
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    default=DEFAULT_GRAPH,
    show_default=True,
    help="RDF file to query, or a store folder `kgraph build --store` wrote.",
)
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    help="table, csv, tsv, json or xml (SELECT/ASK); an RDF format for CONSTRUCT/DESCRIBE.",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help='Bind ?NAME to an RDF term: <IRI>, a prefixed name (id:putin), "text"@ru, "5"^^xsd:integer, '
    "a number or true/false. Values are never spliced into the query text.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    help="Query this SPARQL endpoint instead of the local graph. Credentials: KGRAPH_ENDPOINT_USER and "
    "KGRAPH_ENDPOINT_PASSWORD, or a netrc entry for the host; never sent on after a redirect to another "
    "origin. An answer over 256 MiB is refused.",
)
@click.option(
    "--timeout",
    type=SECONDS,
    default=30.0,
    show_default=True,
    help="Seconds the query may take: locally, then it is stopped (exit 2); with --endpoint, for the whole "
    "request, retries included.",
)
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let the query fetch other SPARQL endpoints with SERVICE (refused by default); --timeout bounds it.",
)
@click.option(
    "--default-graph",
    "default_graphs",
    multiple=True,
    metavar="IRI",
    help="With --endpoint: query the merge of these graphs (SPARQL protocol default-graph-uri), e.g. the "
    "graph `kgraph push` loaded; stores differ in what their default graph is.",
)
@reports_errors
def query(
    query: str,
    data: Path,
    fmt: str,
    params: tuple[str, ...],
    endpoint: str | None,
    timeout: float,
    allow_service: bool,
    default_graphs: tuple[str, ...],
) -> None:
    """Run QUERY (a .rq path, the name of a query in queries/, or SPARQL text) on the built graph or an endpoint."""
    from ..query import format_graph, format_result, run_query

    result = run_query(
        query,
        data,
        params,
        endpoint=endpoint,
        timeout=timeout,
        default_graphs=default_graphs,
        allow_service=allow_service,
    )
    if result.kind == "graph":
        sys.stdout.buffer.write(format_graph(result, fmt))
    else:
        click.echo(format_result(result, fmt), nl=False)
