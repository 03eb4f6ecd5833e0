"""An entity's Wikidata item from a table of names, where nothing linked it: countries by their GeoNames id
(``countries``), states by their ISO 3166-2 subdivision (``states``).

>>> from kgraph.extract.doc import Doc, Draft
>>> from kgraph.source import parse_article
>>> doc = Doc(parse_article("a", "# Т\\n\\nВ Омске.\\n"))
>>> _ = doc.add(Draft("CITY", "Омск", [doc.span(7, 12)], cls="schema:City"))
>>> link_unlinked(doc, "schema:City", {"Омске": "Q898"}.get)
>>> doc.drafts[0].wikidata
'Q898'
"""

from collections.abc import Callable

from ..doc import Doc


def link_unlinked(doc: Doc, cls: str, item_of: Callable[[str], str | None]) -> None:
    """Give each entity of class `cls` without a Wikidata item the one `item_of` gives its label, else the first
    of its mentions' words that `item_of` knows."""
    for draft in doc.drafts:
        if draft.cls == cls and draft.wikidata is None:
            names = [draft.label, *(mention.text for mention in draft.mentions)]
            draft.wikidata = next(filter(None, map(item_of, names)), None)
