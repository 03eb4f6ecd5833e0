"""The `kgraph` command: arguments -> one library call -> message and exit code.

Exit codes (as pySHACL's): 0 success or the graph conforms; 1 the graph does not conform; 2 bad input or usage.
"""

import sys
from collections import Counter
from pathlib import Path

import click

from . import __version__
from .cli_errors import EXIT_INVALID, EXIT_OK, reports_errors
from .cli_sparql import push, query_options, run_query_command, serve
from .namespaces import shorten

DEFAULT_OUT = Path("out")
DEFAULT_DATA = Path("data")
DEFAULT_GRAPH = DEFAULT_OUT / "graph.trig"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgraph")
def main() -> None:
    """Turn Russian news articles into validated, traceable RDF knowledge graphs.

    Exit codes: 0 ok (the graph conforms), 1 the graph does not conform, 2 bad input or usage.
    """


@main.command()
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
@reports_errors
def build(paths: tuple[Path, ...], out: Path, no_html: bool, wikidata: str | None) -> None:
    """Build every article under PATHS (default: data/) into OUT, validate it, print a summary.

    An article is a folder holding article.md (or article.txt) and, when curated, facts.yaml.
    Exit 0 when the graph conforms, 1 when it does not (the report is printed), 2 on bad input.
    """
    from .pipeline import build as run_build
    from .stats import graph_stats

    result = run_build(list(paths) or [DEFAULT_DATA], out, html=not no_html, wikidata=wikidata)
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


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--shapes", type=click.Path(path_type=Path), help="SHACL shapes (default: ontology/shapes.ttl).")
@click.option(
    "--engine",
    type=click.Choice(["auto", "sparql", "pyshacl"]),
    default="auto",
    show_default=True,
    help="sparql: the shapes compiled to SPARQL on Oxigraph (fast; exit 2 for shapes it cannot compile); "
    "pyshacl: the reference engine; auto: sparql, or pyshacl with a note for shapes sparql cannot compile.",
)
@reports_errors
def validate(file: Path, shapes: Path | None, engine: str) -> None:
    """Validate an RDF FILE against the SHACL shapes: 0 conforms, 1 does not, 2 bad input."""
    from .validate import validate_file

    report = validate_file(file, shapes, engine)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(report.text)
    sys.exit(EXIT_OK if report.conforms else EXIT_INVALID)


@main.command()
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
    """Convert an RDF FILE to another format, our prefixes bound; Turtle output is deterministic."""
    from .errors import UsageError
    from .export import serialize, write
    from .rdfio import rdf_format, read_dataset

    if fmt in ("graphml", "gexf"):
        from .visualize import write_gexf, write_graphml

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


@main.command()
@click.argument("query")
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    default=DEFAULT_GRAPH,
    show_default=True,
    help="RDF file to query.",
)
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    help="table, csv, tsv, json or xml (SELECT/ASK); an RDF format for CONSTRUCT/DESCRIBE.",
)
@query_options
@reports_errors
def query(
    query: str,
    data: Path,
    fmt: str,
    params: tuple[str, ...],
    endpoint: str | None,
    timeout: float,
    default_graphs: tuple[str, ...],
    allow_service: bool,
) -> None:
    """Run QUERY (a .rq path, the name of a query in queries/, or SPARQL text) on the built graph or an endpoint."""
    run_query_command(query, data, fmt, params, endpoint, timeout, default_graphs, allow_service)


@main.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@reports_errors
def stats(file: Path | None) -> None:
    """Count triples, instances by class and triples by predicate of FILE (default: the built graph)."""
    from .rdfio import read_dataset
    from .stats import graph_stats

    counts = graph_stats(read_dataset(file or DEFAULT_GRAPH))
    graphs = f"in {counts.graphs} named graph(s)" if counts.graphs else "(no named graphs: all in the default graph)"
    click.echo(f"{counts.triples} triples {graphs}")
    click.echo("Instances by class:")
    for cls, count in counts.classes.items():
        click.echo(f"  {count:5d}  {shorten(cls)}")
    click.echo("Triples by predicate:")
    for predicate, count in counts.predicates.items():
        click.echo(f"  {count:5d}  {shorten(predicate)}")


def _register_commands() -> None:
    from .cli_extract import evaluate, extract
    from .cli_viz import viz

    for command in (serve, push, viz, extract, evaluate):
        main.add_command(command)


_register_commands()
