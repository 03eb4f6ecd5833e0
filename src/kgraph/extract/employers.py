"""A person works for the state whose office they hold: the relation classifier reads words, not roles, and made
Tokayev, "Президент Казахстана", work for India too ("провёл переговоры с премьер-министром Индии").

A fact that a person works for a country (``schema:worksFor``, a ``schema:Country``) is left out when the person
holds an office of another country (``kg:holdsPosition``, the office ``kg:positionIn`` that country) and none of
this one; it is listed in the model's ``left_out`` with why.

>>> from kgraph.model import Entity, Fact
>>> from kgraph.source import parse_article
>>> entities = {
...     "tokaev": Entity("tokaev", "schema:Person", {"ru": "Токаев"}),
...     "president": Entity("president", "kg:Position", {"ru": "президент Казахстана"}),
...     "kz": Entity("kz", "schema:Country", {"ru": "Казахстан"}),
...     "in": Entity("in", "schema:Country", {"ru": "Индия"}),
... }
>>> said = [("tokaev", "kg:holdsPosition", "president"), ("president", "kg:positionIn", "kz")]
>>> said += [("tokaev", "schema:worksFor", "kz"), ("tokaev", "schema:worksFor", "in")]
>>> facts = [Fact(s, p, o, (), obj_is_entity=True) for s, p, o in said]
>>> model = ArticleModel(parse_article("a", "Токаев."), entities=entities, facts=facts)
>>> [str(f.obj) for f in without_other_states(model).facts if f.predicate == "schema:worksFor"]
['kz']
>>> without_other_states(model).left_out
('fact tokaev schema:worksFor in: Токаев holds an office of Казахстан, not of Индия',)
"""

from ..model import ArticleModel, Fact

WORKS_FOR = "schema:worksFor"


def without_other_states(model: ArticleModel) -> ArticleModel:
    """`model` less its facts that a person works for a country other than every country whose office they hold,
    each listed as left out."""
    countries = {ident for ident, entity in model.entities.items() if entity.cls == "schema:Country"}
    office_of: dict[str, set[str]] = {}
    for fact in model.facts:
        if fact.predicate == "kg:positionIn" and fact.obj_is_entity and str(fact.obj) in countries:
            office_of.setdefault(fact.subject, set()).add(str(fact.obj))
    states: dict[str, set[str]] = {}
    for fact in model.facts:
        if fact.predicate == "kg:holdsPosition" and fact.obj_is_entity and str(fact.obj) in office_of:
            states.setdefault(fact.subject, set()).update(office_of[str(fact.obj)])

    def elsewhere(fact: Fact) -> str | None:
        state, held = str(fact.obj), states.get(fact.subject, set())
        if fact.predicate != WORKS_FOR or not fact.obj_is_entity or state not in countries or not held or state in held:
            return None
        person = model.entities[fact.subject].labels.get("ru", fact.subject)
        offices = ", ".join(sorted(model.entities[c].labels.get("ru", c) for c in held))
        other = model.entities[state].labels.get("ru", state)
        return f"fact {fact.subject} {WORKS_FOR} {state}: {person} holds an office of {offices}, not of {other}"

    return model.without_facts(elsewhere)
