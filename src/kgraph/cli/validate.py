"""`kgraph validate`: an RDF file against the SHACL shapes, with the published exit codes.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(validate, ["missing.trig"]).output
'error: missing.trig: no such file\\n'
"""

import sys
from pathlib import Path

import click

from .errors import EXIT_INVALID, EXIT_OK, reports_errors


@click.command()
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
    from ..validate import validate_file

    report = validate_file(file, shapes, engine)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(report.text)
    sys.exit(EXIT_OK if report.conforms else EXIT_INVALID)
