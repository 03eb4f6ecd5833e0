"""The `kgraph` command: arguments -> one library call -> message and exit code; one module per command.

Exit codes (as pySHACL's): 0 success or the graph conforms; 1 the graph does not conform; 2 bad input or usage.

>>> sorted(main.commands)
['build', 'eval', 'export', 'extract', 'merges', 'push', 'query', 'serve', 'stats', 'validate', 'viz']
"""

import click

from .. import __version__
from . import build, export, extract, merges, query, sparql, stats, validate, viz

COMMANDS = [
    build.build,
    merges.merges,
    validate.validate,
    export.export,
    query.query,
    stats.stats,
    sparql.serve,
    sparql.push,
    viz.viz,
    extract.extract,
    extract.evaluate,
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, commands=COMMANDS)
@click.version_option(__version__, prog_name="kgraph")
def main() -> None:
    """Turn Russian news articles into validated, traceable RDF knowledge graphs.

    Exit codes: 0 ok (the graph conforms), 1 the graph does not conform, 2 bad input or usage.
    """
