"""States, provinces and regions linked to Wikidata by their ISO 3166-2 subdivision: a state the gazetteer built from
NEREL train leaves unlinked ("Колорадо", "Гессен", "Новая Шотландия") gets its item from state_items.tsv
(scripts/build_state_items.py). Only an entity typed as a state is linked so: "Цюрих" the city is not the canton.

>>> state_item("Колорадо"), state_item("Кировоградской области"), state_item("Татарстане"), state_item("Омск")
('Q1261', 'Q180981', 'Q5481', None)
"""

from functools import cache

from ..data.tables import rows
from ..doc import Doc, class_for
from ..pipeline import component
from ..text.normalise import key
from .named_items import link_unlinked

_STATE = class_for("STATE_OR_PROVINCE")


@cache
def state_items() -> dict[str, str]:
    """Wikidata item by name key, for every subdivision of state_items.tsv."""
    return {name_key: item for name_key, _, item, _ in rows("state_items.tsv")}


@cache
def state_countries() -> dict[str, str]:
    """The ISO 3166-1 code of the country of every subdivision of state_items.tsv, by name key.

    >>> state_countries()["ингушетия"], state_countries()["колорадо"]
    ('RU', 'US')
    """
    return {name_key: code.split("-")[0] for name_key, code, _, _ in rows("state_items.tsv")}


def state_item(name: str) -> str | None:
    """The Wikidata item of the ISO 3166-2 subdivision a Russian name (in any case) names, or None."""
    return state_items().get(key(name))


@cache
def state_names() -> dict[str, str]:
    """The Russian name of every subdivision of state_items.tsv, by name key.

    >>> state_names()[key("Мияги")]
    'Мияги'
    """
    return {name_key: name for name_key, _, _, name in rows("state_items.tsv")}


@component("state_items", requires=("entities",), assigns=("entities",))
def state_items_of(doc: Doc) -> None:
    """Link each state without a Wikidata item to its subdivision's, by its label or else a mention; a state the
    table names is labelled with the table's name, which is its nominative ("префектуры Мияги" is Мияги, where
    the label put in the nominative word by word was "Мияга")."""
    link_unlinked(doc, _STATE, state_item)
    for index, draft in enumerate(doc.drafts):
        name = state_names().get(key(draft.label)) if draft.cls == _STATE else None
        if name and name != draft.label:
            doc.relabel(doc.ids[index], label=name)
