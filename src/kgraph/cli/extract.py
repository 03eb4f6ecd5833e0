"""`kgraph extract` and `kgraph eval`: draft facts for any article, and how good the drafts are.

>>> extract.name, evaluate.name
('extract', 'eval')
"""

from pathlib import Path

import click

from ..errors import UsageError
from .defaults import DEFAULT_DATA
from .errors import reports_errors
from .types import WITHOUT


@click.command("extract")
@click.argument("article", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the facts here (atomically) instead of printing them.",
)
@click.option(
    "--wikidata",
    metavar="URL",
    help="Link entities the gazetteer could not, by exact Russian label and class, via this Wikidata SPARQL "
    "endpoint (only when exactly one item matches). The one step that uses the network.",
)
@WITHOUT
@reports_errors
def extract(article: Path, output: Path | None, wikidata: str | None, without: tuple[str, ...]) -> None:
    """Extract the facts of ARTICLE (a file or an article folder) as facts YAML, offline.

    Every entity, quote, quantity and fact carries its evidence span and the extractor's confidence;
    review the draft and save it as facts.yaml beside the article to make it curated.
    A text that is surely not Russian gets a warning naming its language (the draft will be near empty).
    Exit 0 on success, 2 on bad input or an endpoint that fails (the message says why; nothing is written).
    """
    from ..extract import dump_facts, extract_article
    from ..extract.text.language import language_warning
    from ..rdfio import write_atomically
    from ..source import load_article

    if wikidata is not None:
        from ..extract.links.reconcile import check_endpoint_url

        check_endpoint_url(wikidata)  # before the models load: a mistyped URL costs no time
    source = load_article(article)
    warning = language_warning(source)
    if warning is not None:
        click.echo(f"warning: {warning}", err=True)
    model = extract_article(source, without)
    note = ""
    if wikidata is not None:
        from ..extract.links.reconcile import reconcile

        reconciliation = reconcile([model], wikidata)[0]
        model, note = reconciliation.model, reconciliation.comment()
        click.echo(reconciliation.summary(), err=True)
    header, _, body = dump_facts(model).partition("\n")
    text = f"{header}\n{note}{body}"
    if output is None:
        click.echo(text, nl=False)
        return

    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    write_atomically(output, write)
    click.echo(f"wrote {output}", err=True)


@click.command("eval")
@click.argument("article_dir", required=False, type=click.Path(path_type=Path))
@click.option(
    "--nerel",
    "nerel",
    type=click.Path(path_type=Path),
    default=None,
    help="Score entity mentions and Wikidata links on a NEREL-format folder instead.",
)
@click.option("--no-baseline", is_flag=True, help="With --nerel: skip the natasha-only baseline.")
@click.option("--quiet", is_flag=True, help="Print the table only, not the misses and false findings.")
@WITHOUT
@reports_errors
def evaluate(
    article_dir: Path | None, nerel: Path | None, no_baseline: bool, quiet: bool, without: tuple[str, ...]
) -> None:
    """Compare extraction with curated facts (ARTICLE_DIR, default: every article under data/) or NEREL.

    Prints precision, recall and F1 per category, then the misses (-) and false findings (+). With --nerel, a
    second table scores all 29 NEREL types, nested (the rules' score beside, for the types they give), and two
    more NEREL's relations, given the gold mentions and end to end, per type within and across sentences, and a
    last one how well the documents' entities are one node per real thing (pairs of gold-linked mentions in
    different documents) and linked to Wikidata.
    """
    from ..evaluation import evaluate_article, evaluate_identity, evaluate_nerel, evaluate_relations, evaluate_types
    from ..source import find_articles

    if nerel is not None:
        if article_dir is not None:
            raise UsageError("give either ARTICLE_DIR or --nerel DIR, not both")
        click.echo(evaluate_nerel(nerel, baseline=not no_baseline, without=without).text(details=not quiet))
        click.echo()
        click.echo(evaluate_types(nerel, without=without).text(details=not quiet))
        for report in evaluate_relations(nerel, without=without):
            click.echo()
            click.echo(report.text(details=not quiet))
        click.echo()
        click.echo(evaluate_identity(nerel, without=without).text(details=not quiet))
        return
    from ..facts import facts_file
    from ..source import load_article

    folders = find_articles(article_dir or DEFAULT_DATA)
    curated = [f for f in folders if facts_file(load_article(f)) is not None]
    if not curated:
        raise UsageError(f"{article_dir or DEFAULT_DATA}: no article with curated facts (facts.yaml) to compare with")
    for index, folder in enumerate(curated):
        if index:
            click.echo()
        click.echo(evaluate_article(folder, without).text(details=not quiet))
