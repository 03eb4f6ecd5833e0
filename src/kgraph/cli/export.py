"""`kgraph export`: an RDF file in another serialisation, or as GraphML or GEXF for Gephi.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(export, ["graph.trig", "--format", "gexf"]).output
'error: --format gexf writes a file: give -o OUT\\n'
"""

import sys
from functools import partial
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
@click.option(
    "--shards",
    type=click.Path(path_type=Path),
    metavar="OUTDIR",
    help="With --format nquads: write the named graphs to this folder as gzipped N-Quads shards, a manifest and "
    "load.sql for Virtuoso's bulk loader (a new folder, an empty one, or an earlier shard export).",
)
@click.option(
    "--shard-size", type=click.IntRange(min=1), metavar="N", help="Quads per shard with --shards (default 1000000)."
)
@reports_errors
def export(file: Path, fmt: str, output: Path | None, shards: Path | None, shard_size: int | None) -> None:
    """Convert an RDF FILE (or a store folder `kgraph build --store` wrote) to another format, our prefixes bound;
    Turtle output is deterministic."""
    from ..corpus import is_store
    from ..errors import UsageError
    from ..export import OXIGRAPH_WRITES, serialize, serialize_quads, write, write_store
    from ..rdfio import bytes_writer, label_blank_nodes, parse_quads, rdf_format, read_dataset, write_atomically

    if shards is not None or shard_size is not None:
        _export_shards(file, fmt, output, shards, shard_size)
        return
    if fmt in ("graphml", "gexf"):
        from ..visualize import write_gexf, write_graphml

        if output is None:
            raise UsageError(f"--format {fmt} writes a file: give -o OUT")
        writer = write_graphml if fmt == "graphml" else write_gexf
        click.echo(f"wrote {writer(read_dataset(file), output)}", err=True)
        return
    rdf_format(fmt)  # an unknown format is a usage error before any parsing
    if is_store(file) and fmt in OXIGRAPH_WRITES:  # streamed: a store can be larger than memory
        if output is None:
            write_store(file, fmt, sys.stdout.buffer)
        else:
            click.echo(f"wrote {write_atomically(output, partial(_write_store, file, fmt))}", err=True)
        return
    if fmt in OXIGRAPH_WRITES:  # pyoxigraph's quads as they are: rdflib is not needed
        payload = serialize_quads(label_blank_nodes(parse_quads(file)), fmt)  # same graph, same bytes
        if output is None:
            sys.stdout.buffer.write(payload)
        else:
            click.echo(f"wrote {write_atomically(output, bytes_writer(payload))}", err=True)
        return
    dataset = read_dataset(file, stable_blank_nodes=True)  # same graph, same bytes
    if output is None:
        sys.stdout.buffer.write(serialize(dataset, fmt))
    else:
        click.echo(f"wrote {write(dataset, output, fmt)}", err=True)


def _write_store(folder: Path, fmt: str, temporary: Path) -> None:
    from ..export import write_store

    with temporary.open("wb") as handle:
        write_store(folder, fmt, handle)


def _export_shards(source: Path, fmt: str, output: Path | None, folder: Path | None, size: int | None) -> None:
    """`--shards`: the named graphs as N-Quads shards for Virtuoso's bulk loader, and how to load them."""
    import shlex

    from ..errors import UsageError
    from ..shards import SHARD_SIZE, write_shards

    if folder is None:
        raise UsageError("--shard-size goes with --shards OUTDIR")
    if fmt != "nquads":
        raise UsageError(f"--shards writes N-Quads: give --format nquads, not {fmt!r}")
    if output is not None:
        raise UsageError("--shards OUTDIR is where the shards go: leave out -o")
    done = write_shards(source, folder, size or SHARD_SIZE)
    click.echo(
        f"wrote {done.quads} quads of {done.graphs} named graphs in {len(done.shards)} shards to {done.folder} "
        "(with manifest.json and load.sql)",
        err=True,
    )
    click.echo(
        f"load them into Virtuoso (the folder must be in DirsAllowed of virtuoso.ini): "
        f"isql-vt 1111 dba dba {shlex.quote(str(done.load_script))}",
        err=True,
    )
