"""A country's central bank named in short ("ЦБ", "Центробанк", "Нацбанк") is the one central bank the article
names with its country ("Банк России", "ЦБ РФ", "Национальный банк Казахстана"), and so are its other names with that
country ("Центробанк Узбекистана", "Центральный банк Узбекистана"): one node, as a reader takes it.

A body named by a common noun alone ("Суд арестовал …") is not joined so to the one court the article names: the
identity issue counts such nouns as too weak to merge on, and NEREL links them to the kind of body ("Суда" of the
European Court of Human Rights, "полиции" of the San Diego police: Q41487, Q35535); joining them made 1 false ORG
pair on NEREL dev.

NEREL train links such short names to that bank where the article names one (document 112615: "ЦБ",
"Центробанк", "Центрального банка" and "Банк России" are all Q806651), and to the class "central bank" (Q66344)
where it names several ("ЦБ ФРГ" and "Европейский ЦБ"), where nothing is joined here either.

>>> from kgraph.model import Entity
>>> from kgraph.source import Span
>>> text = "Банка России ЦБ"
>>> russia = Entity("ru", "schema:Country", {"ru": "Россия"}, "Q159", (Span(6, 12, "России"),))
>>> bank = Entity("cbr", "schema:Organization", {"ru": "Банк России"}, "Q806651", (Span(0, 12, text[:12]),))
>>> short = Entity("cb", "schema:Organization", {"ru": "ЦБ"}, mentions=(Span(13, 15, "ЦБ"),))
>>> central_banks({"ru": russia, "cbr": bank, "cb": short})
{'cb': 'cbr'}
"""

import re
from collections.abc import Mapping

from ..model import ArticleModel, Entity
from .joins import with_joined

_SHORT_WORDS = "ЦБ|центробанк|центральный банк|нацбанк|национальный банк"
_BANK_WORDS = f"{_SHORT_WORDS}|народный банк|банк"
"""A central bank's words before its country's name ("Народный банк Китая", "Банк России")."""
_SHORT = re.compile(f"(?:{_SHORT_WORDS})", re.IGNORECASE)
"""A central bank's name without its country."""
_OF_A_COUNTRY = re.compile(rf"(?:{_BANK_WORDS})\s+\S.*", re.IGNORECASE)
"""A central bank's name with its country after it ("Банк России", "Народный банк Китая"); "Банк Китая" is a
commercial bank, `_NOT_CENTRAL`."""
_CENTRAL_OF_A_COUNTRY = re.compile(rf"(?i:{_BANK_WORDS})\s+[А-ЯЁ]\S*(?:\s+[А-ЯЁ]\S*)?")
"""A central bank's word and a country's name of a word or two after it, no other words ("Национальный банк
Казахстана", "Банк России", "ЦБ РФ"; not "Банк развития Казахстана")."""
_NOT_CENTRAL = re.compile(r"банк\s+китая", re.IGNORECASE)
_GENERIC_ITEM = "Q66344"
"""Wikidata's "central bank", which NEREL train gives a short name the article does not tie to one country."""


def central_banks(entities: Mapping[str, Entity]) -> dict[str, str]:
    """Organisation named as a central bank without a country, or with the same country as the kept one
    ("Центробанк Узбекистана" and "Центральный банк Узбекистана") -> the organisation the article names as that
    country's central bank (a country's mention within its name), when the article names one country's only; of
    several such names, the one with a Wikidata item, else the longest, is kept."""
    countries = [(ident, m) for ident, e in entities.items() if e.cls == "schema:Country" for m in e.mentions]
    organisations = {ident: e for ident, e in entities.items() if e.cls == "schema:Organization"}

    def countries_in(entity: Entity) -> set[str]:
        label = entity.labels.get("ru", "")
        if _OF_A_COUNTRY.fullmatch(label) is None or _NOT_CENTRAL.fullmatch(label):
            return set()
        return {c for c, at in countries for m in entity.mentions if at.start > m.start and at.end <= m.end}

    named = {ident: found for ident, e in organisations.items() if (found := countries_in(e))}
    if not named or len(set().union(*named.values())) != 1:
        return {}
    # of several names with the one country, only a central bank's word and the country itself are that bank's
    # ("Центробанк Узбекистана"); "Банк развития Казахстана" beside "Национальный банк Казахстана" is another bank
    central = {ident for ident in named if _CENTRAL_OF_A_COUNTRY.fullmatch(organisations[ident].labels["ru"])}
    if len(named) > 1 and not named.keys() <= central:
        named = {ident: found for ident, found in named.items() if ident in central}
        if len(named) != 1:
            return {}
    bank = max(named, key=lambda i: (organisations[i].wikidata is not None, len(organisations[i].labels["ru"]), i))
    item = organisations[bank].wikidata
    return {
        ident: bank
        for ident, e in organisations.items()
        if ident != bank
        and (ident in named or _SHORT.fullmatch(e.labels.get("ru", "")))
        and e.wikidata in (None, _GENERIC_ITEM, item)
    }


def with_central_banks_joined(model: ArticleModel) -> ArticleModel:
    """`model` with each short name of ``central_banks`` one node with the bank it names."""
    return with_joined(model, central_banks(model.entities))
