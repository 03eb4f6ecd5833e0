"""An entity's id from its settled label: an id is given when an entity is first found, from the words of that
mention, and the label is settled later (a name put in the nominative, a compound joined), so "с главой МИД Турции
Хаканом Фиданом" had given Хакан Фидан the id ``khakan_fidanom``. The ids a user writes in SPARQL and sees in the
Turtle are the labels' slugs, numbered from 2 when two entities share one.

>>> from kgraph.model import ArticleModel, Entity, Fact
>>> from kgraph.source import parse_article
>>> model = ArticleModel(
...     parse_article("a", "x"),
...     entities={"khakan_fidanom": Entity("khakan_fidanom", "schema:Person", {"ru": "Хакан Фидан"})},
...     facts=[Fact("khakan_fidanom", "rdfs:comment", "x", ())],
... )
>>> renamed = with_ids_from_labels(model)
>>> list(renamed.entities), renamed.entities["khakan_fidan"].id, renamed.facts[0].subject
(['khakan_fidan'], 'khakan_fidan', 'khakan_fidan')
"""

import re
from dataclasses import replace

from ..model import ArticleModel
from .joins import with_joined
from .text.normalise import slug


def ids_from_labels(model: ArticleModel) -> dict[str, str]:
    """Each entity whose id is not its Russian label's slug (nor that slug numbered) -> the slug, numbered from 2
    when another entity has it or is given it first (an entity with no Russian label keeps its id)."""
    wanted: dict[str, str] = {}
    for ident, entity in model.entities.items():
        label = entity.labels.get("ru", "")
        slugged = slug(label) if label.strip() else ""
        if slugged and ident != slugged and not re.fullmatch(re.escape(slugged) + r"_\d+", ident):
            wanted[ident] = slugged
    taken = set(model.entities) - wanted.keys()  # the ids given up are free for the others
    renamed: dict[str, str] = {}
    for ident, slugged in wanted.items():
        new, number = slugged, 2
        while new in taken:
            new, number = f"{slugged}_{number}", number + 1
        taken.add(new)
        renamed[ident] = new
    return renamed


def with_ids_from_labels(model: ArticleModel) -> ArticleModel:
    """`model` with each entity's id its label's slug (``ids_from_labels``), in the same order, and every fact,
    quantity, quote and subject of the article that names it naming the new id."""
    renamed = ids_from_labels(model)
    if not renamed:
        return model
    entities = {renamed.get(i, i): replace(e, id=renamed.get(i, i)) for i, e in model.entities.items()}
    entities.update({old: model.entities[old] for old in renamed})  # the old ids, for the join to rewrite and drop
    return with_joined(replace(model, entities=entities), renamed)
