"""`kgraph serve` and `kgraph push`: the graph as a read-only SPARQL endpoint, or loaded into a triple store.

Each raises KGraphError subclasses for the CLI to report (exit 2); the library calls live in kgraph.query.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(serve, ["missing.trig"]).output
'error: missing.trig: no such file\\n'
"""

import signal
import sys
from pathlib import Path

import click

from .defaults import DEFAULT_GRAPH
from .errors import reports_errors
from .types import SECONDS


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on: IPv4, IPv6 (::1 or [::1]) or a host name; anything but loopback exposes the "
    "graph to the network.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="TCP port (0: any free).")
@click.option(
    "--time-limit",
    type=SECONDS,
    default=10.0,
    show_default=True,
    help="Seconds a query may run before it is stopped (HTTP 503).",
)
@click.option(
    "--result-limit",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Most rows or triples one answer may hold (more is refused with HTTP 400).",
)
@click.option(
    "--max-answer-bytes",
    type=click.IntRange(min=1),
    default=64 << 20,
    show_default=True,
    help="Most bytes one answer may hold (more is refused with HTTP 400).",
)
@click.option(
    "--max-request-bytes",
    type=click.IntRange(min=1),
    default=1 << 20,
    show_default=True,
    help="Most bytes of a request body (more: HTTP 413) or of a query string (more: HTTP 414).",
)
@click.option(
    "--cors",
    multiple=True,
    metavar="ORIGIN",
    help="Let web pages from ORIGIN (e.g. http://localhost:3000; repeatable; * for any) query the endpoint "
    "and read its answers. Without it, requests from other sites' pages get 403.",
)
@reports_errors
def serve(
    file: Path | None,
    host: str,
    port: int,
    time_limit: float,
    result_limit: int,
    max_answer_bytes: int,
    max_request_bytes: int,
    cors: tuple[str, ...],
) -> None:
    """Serve FILE (default: out/graph.trig; or a store folder `kgraph build --store` wrote) as a read-only SPARQL
    1.1 endpoint at /sparql.

    A query page is at /. GET and POST queries; results as JSON, XML, CSV, TSV or Turtle by the Accept
    header; updates get 403, SERVICE 400. The default graph is the union of the named graphs. Ctrl-C stops it.
    """
    from ..query.run import open_data
    from ..query.serve import Limits, SparqlServer

    limits = Limits(time=time_limit, rows=result_limit, answer_bytes=max_answer_bytes, request_bytes=max_request_bytes)
    store = open_data(file or DEFAULT_GRAPH)
    server = SparqlServer(store, host, port, limits=limits, cors=cors, log=sys.stderr)
    if not server.loopback:
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can query the graph", err=True)
    click.echo(f"Serving {len(store)} triples read-only at {server.url} (query page at /). Ctrl-C stops.")

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.close()
    click.echo("Stopped.")


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--store",
    "store_url",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL, e.g. http://localhost:7878/store or http://localhost:8890/sparql-graph-crud.",
)
@click.option(
    "--graph",
    metavar="IRI",
    help="Put every triple of FILE into this named graph (default: each named graph of FILE to its name).",
)
@click.option(
    "--update",
    "update_url",
    metavar="URL",
    help="The store's SPARQL Update endpoint, which moves several staged graphs into place in one request "
    "(default: derived for Oxigraph, Virtuoso, Fuseki and GraphDB). Credentials go there only on the --store "
    "origin.",
)
@click.option(
    "--timeout",
    type=SECONDS,
    default=120.0,
    show_default=True,
    help="Seconds for each upload or check, retries included (the move of N graphs: N times this).",
)
@reports_errors
def push(file: Path, store_url: str, graph: str | None, update_url: str | None, timeout: float) -> None:
    """Load FILE into a triple store over the SPARQL 1.1 Graph Store Protocol, all or nothing, then check it.

    Only the graphs FILE names are written (its default graph only if it has one). One graph is one PUT;
    several are staged, then moved into place in one SPARQL Update request. A failed push leaves the
    store's graphs as they were. Credentials: KGRAPH_ENDPOINT_USER and KGRAPH_ENDPOINT_PASSWORD, or a netrc
    entry for the host; they are never printed.
    """
    from ..query.push import push as run_push

    report = run_push(file, store_url, graph, update_url=update_url, timeout=timeout)
    for name, count in report.graphs.items():
        click.echo(f"  {count:7d} triples in {f'<{name}>' if name else 'the default graph'}")
    moved = f", moved into place in one update at {report.update}" if report.update else ""
    click.echo(f"Pushed {report.triples} triples to {report.store}{moved}; the store holds them all.")
