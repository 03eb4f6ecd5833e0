"""Stage 3: the one mapping from an ``ArticleModel`` to RDF, and the only place triples are minted.

Each article becomes one named graph (the article's IRI) holding its entities, facts, quantities, quotes, the
verbatim text as a NIF context with every sentence, and the phrases that are the evidence for each statement.
Every non-type, non-label triple about the world is also reified as a ``kg:Assertion`` that points to the
sentence (``prov:wasDerivedFrom``) and the cited words (``kg:evidence``). The article ``schema:mentions`` every
entity it names: the shortcut of its NIF annotations (phrase ``itsrdf:taIdentRef`` entity), which are the evidence.

>>> from kgraph.source import parse_article
>>> from kgraph.facts import parse_facts
>>> article = parse_article("demo", "# Омск\\n\\nОмск стоит на Иртыше.\\n")
>>> model = parse_facts(article, "entities: {omsk: {class: schema:City, label: {ru: Омск, en: Omsk}, "
...                              "wikidata: Q898, mentions: ['Омск @8']}}")
>>> dataset = build_dataset([model])
>>> graph = dataset.graph(article_iri("demo"))
>>> (entity_iri("omsk"), OWL.sameAs, WD.Q898) in graph
True
"""

import hashlib
import re
from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .identity.keys import geonames_english
from .identity.resolve import Identities, resolve
from .model import (
    UNITS,
    ArticleModel,
    Entity,
    Fact,
    Quantity,
    TimeRef,
    Utterance,
    Value,
    YearMonth,
    latin_name,
    time_datatype,
)
from .namespaces import GEONAMES, ID, ITSRDF, KG, NIF, PROV, SCHEMA, WD, bind_prefixes, expand_term
from .source import Article, Span

RUSSIAN = URIRef("http://lexvo.org/id/iso639-3/rus")


def entity_iri(ident: str) -> URIRef:
    """The IRI of a curated entity or event, shared by all articles that use the same id."""
    return ID[ident]


def article_iri(slug: str) -> URIRef:
    """The IRI of an article, which is also the name of its graph."""
    return ID[f"article/{slug}"]


def _local(article: Article, kind: str, ident: str) -> URIRef:
    return URIRef(f"{article_iri(article.slug)}/{kind}/{ident}")


def span_iri(article: Article, start: int, end: int) -> URIRef:
    """A string of the article's text, named by RFC 5147 offsets as NIF 2.0 does."""
    return URIRef(f"{article_iri(article.slug)}/text#char={start},{end}")


def context_iri(article: Article) -> URIRef:
    """The NIF context: the whole verbatim text."""
    return span_iri(article, 0, len(article.text))


def _words(name: str) -> str:
    """A camel-case name as words: "atMost" -> "at most".

    >>> _words("atMost"), _words("exactly")
    ('at most', 'exactly')
    """
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def _literal(value: Value | Decimal, language: str | None = None) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return Literal(int(value), datatype=XSD.integer)
        return Literal(value.normalize(), datatype=XSD.decimal)
    if isinstance(value, datetime):
        return Literal(value.isoformat(), datatype=XSD.dateTime)
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, str):
        return Literal(value, lang=language)
    raise TypeError(f"no literal for {value!r}")


def _time_literal(value: date | YearMonth | int) -> Literal:
    written = f"{value:04d}" if isinstance(value, int) else value.isoformat()
    return Literal(written, datatype=XSD[time_datatype(value)])


class _Minter:
    """Writes one article's triples into its named graph."""

    def __init__(self, graph: Graph, model: ArticleModel, identities: Identities) -> None:
        self.graph = graph
        self.model = model
        self.identities = identities
        self.article = model.article
        self.context = context_iri(self.article)
        self.sentence_iris = {s: span_iri(self.article, s.start, s.end) for s in self.article.sentences}

    def node(self, ident: str) -> URIRef:
        """The IRI of entity `ident`: the node the build's identities give it (``identity.resolve``: a curated id,
        a Wikidata item, a GeoNames place, a full name…), else the article's own. A curated id is shared by every
        article that uses it; two drafts named alike ("суд") need not be one thing, nor two articles'
        "президент Сербии" in the same state, so an entity with no identity key stays its article's own."""
        shared = self.identities.node(self.article.slug, ident)
        if shared is not None:
            return ID[shared]
        if self.model.source != "extracted":
            return entity_iri(ident)
        return _local(self.article, "entity", ident)

    def add(self, s: URIRef | BNode, p: URIRef, o: URIRef | BNode | Literal) -> None:
        self.graph.add((s, p, o))

    def labels(self, node: URIRef, labels: dict[str, str]) -> None:
        for language, label in sorted(labels.items()):
            self.add(node, RDFS.label, Literal(label, lang=language))

    # --- text -------------------------------------------------------------------------------------------

    def text(self) -> None:
        article, context = self.article, self.context
        self.add(context, RDF.type, NIF.Context)
        self.add(context, RDF.type, NIF.RFC5147String)
        self.add(context, NIF.isString, Literal(article.text))
        self.add(context, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger))
        self.add(context, NIF.endIndex, Literal(len(article.text), datatype=XSD.nonNegativeInteger))
        self.add(context, NIF.predLang, RUSSIAN)
        if article.url is not None:
            self.add(context, NIF.sourceUrl, URIRef(article.url.text))
        for sentence, iri in self.sentence_iris.items():
            self._string(iri, sentence, NIF.Sentence)

    def _string(self, iri: URIRef, span: Span, kind: URIRef) -> None:
        self.add(iri, RDF.type, kind)
        self.add(iri, RDF.type, NIF.RFC5147String)
        self.add(iri, NIF.referenceContext, self.context)
        self.add(iri, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger))
        self.add(iri, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger))
        self.add(iri, NIF.anchorOf, Literal(span.text))

    def phrase(self, span: Span) -> URIRef:
        """A nif:Phrase for cited words, linked to the sentence(s) containing them."""
        iri = span_iri(self.article, span.start, span.end)
        self._string(iri, span, NIF.Phrase)
        for sentence in self.article.sentences_covering(span):
            self.add(iri, NIF.sentence, self.sentence_iris[sentence])
        return iri

    def evidence(self, node: URIRef | BNode, spans: Iterable[Span]) -> None:
        """Point `node` to the phrases it cites and the sentences they are in."""
        for span in spans:
            self.add(node, KG.evidence, self.phrase(span))
            for sentence in self.article.sentences_covering(span):
                self.add(node, PROV.wasDerivedFrom, self.sentence_iris[sentence])

    # --- statements ------------------------------------------------------------------------------------

    def entity(self, entity: Entity) -> None:
        node = self.node(entity.id)
        self.add(node, RDF.type, expand_term(entity.cls))
        shared = self.identities.node(self.article.slug, entity.id)
        curated = self.model.source != "extracted"  # a curator's labels stand, clashes and all, for the shapes to see
        labels = self.identities.labels[shared] if shared and not curated else entity.labels
        place = self.identities.geonames.get((self.article.slug, entity.id))
        if place and not curated and "en" not in labels and (english := geonames_english().get(place)):
            labels = {**labels, "en": english}  # GeoNames' English name: "США" is "United States", not "SShA"
        self.labels(node, labels)
        if entity.wikidata:
            self.add(node, OWL.sameAs, WD[entity.wikidata])
        if place:
            self.add(node, SCHEMA.sameAs, GEONAMES[f"{place}/"])
        if (key := self.identities.key(self.article.slug, entity.id)) is not None:
            judgement = _local(self.article, "identity", entity.id)
            self.add(judgement, RDF.type, KG.IdentityJudgement)
            self.add(judgement, KG.identifies, node)
            self.add(judgement, KG.identityKey, Literal(str(key)))
            named = max(entity.mentions, key=lambda m: m.end - m.start, default=None)  # the fullest name
            self.evidence(judgement, [named] if named else [])
        if entity.mentions:
            self.add(article_iri(self.article.slug), SCHEMA.mentions, node)
        for mention in entity.mentions:
            phrase = self.phrase(mention)
            self.add(phrase, ITSRDF.taIdentRef, node)
            for sentence in self.article.sentences_covering(mention):
                self.add(node, PROV.wasDerivedFrom, self.sentence_iris[sentence])

    def time_expression(self, time: TimeRef) -> URIRef:
        node = _local(self.article, "time", f"{time.wording.start}-{time.wording.end}")
        self.add(node, RDF.type, KG.TimeExpression)
        self.add(node, KG.wording, Literal(time.wording.text, lang="ru"))
        self.add(node, RDFS.label, Literal(time.wording.text, lang="ru"))
        english = "" if time.value is None else _time_literal(time.value)
        self.add(node, RDFS.label, Literal(f"{english or 'unresolved'} ({time.wording.text})", lang="en"))
        if time.value is not None:
            self.add(node, RDF.value, _time_literal(time.value))
        published = self.article.published_date
        if published is not None:
            self.add(node, KG.anchorDate, Literal(published.isoformat(), datatype=XSD.date))
        self.evidence(node, [time.wording])
        return node

    def assertion(
        self,
        triple: tuple[URIRef, URIRef, URIRef | Literal],
        evidence: Sequence[Span],
        *,
        implied: bool = False,
        stated_in: str | None = None,
        time: URIRef | None = None,
    ) -> URIRef:
        """Add a triple and its reification pointing to the words that state it."""
        self.add(*triple)
        digest = hashlib.sha1(" ".join(t.n3() for t in triple).encode("utf-8")).hexdigest()[:16]
        node = _local(self.article, "assertion", digest)
        self.add(node, RDF.type, KG.Assertion)
        self.add(node, RDF.subject, triple[0])
        self.add(node, RDF.predicate, triple[1])
        self.add(node, RDF.object, triple[2])
        self.evidence(node, evidence)
        if implied:
            self.add(node, KG.implied, Literal(True))
        if stated_in is not None:
            self.add(node, KG.statedIn, _local(self.article, "quote", stated_in))
        if time is not None:
            self.add(node, KG.timeExpression, time)
        return node

    def fact(self, fact: Fact) -> None:
        obj: URIRef | Literal
        time = None
        if fact.obj_is_entity:
            assert isinstance(fact.obj, str)
            obj = self.node(fact.obj)
        elif isinstance(fact.obj, TimeRef):
            assert fact.obj.value is not None, "facts.py refuses date facts without a value"
            obj = _time_literal(fact.obj.value)
            time = self.time_expression(fact.obj)
        else:
            obj = _literal(fact.obj, fact.language)
        self.assertion(
            (self.node(fact.subject), expand_term(fact.predicate), obj),
            fact.evidence,
            implied=fact.implied,
            stated_in=fact.stated_in,
            time=time,
        )

    def quantity(self, quantity: Quantity) -> None:
        node = _local(self.article, "quantity", quantity.id)
        self.add(node, RDF.type, KG.Quantity)
        value = _literal(quantity.value)
        self.add(node, SCHEMA.value, value)
        if quantity.qualifier in ("moreThan", "atLeast"):
            self.add(node, SCHEMA.minValue, value)
        elif quantity.qualifier in ("almost", "lessThan", "atMost"):
            self.add(node, SCHEMA.maxValue, value)
        self.add(node, KG.qualifier, KG[quantity.qualifier])
        if quantity.out_of is not None:
            self.add(node, KG.outOf, _literal(quantity.out_of))
        self.add(node, KG.measure, self.node(quantity.measure))
        unit = UNITS[quantity.unit] if quantity.unit else None
        if unit is not None:
            self.add(node, SCHEMA.unitCode, WD[unit.wikidata])
        if quantity.unit_text:
            self.add(node, SCHEMA.unitText, Literal(quantity.unit_text, lang="ru"))
        for who in quantity.concerns:
            self.add(node, KG.concerns, self.node(who))
        links = {KG.flowFrom: quantity.flow_from, KG.flowTo: quantity.flow_to}
        for predicate, target in links.items():
            if target:
                self.add(node, predicate, self.node(target))
        for predicate, other in ((KG.partOf, quantity.part_of), (KG.changeOf, quantity.change_of)):
            if other:
                self.add(node, predicate, _local(self.article, "quantity", other))
        if quantity.period is not None:
            if quantity.period.value is not None:
                self.add(node, KG.referencePeriod, _time_literal(quantity.period.value))
            self.add(node, KG.timeExpression, self.time_expression(quantity.period))
        if quantity.stated_in:
            self.add(node, KG.statedIn, _local(self.article, "quote", quantity.stated_in))
        measure = self.model.entities[quantity.measure].labels
        amount = f"{quantity.value.normalize():,f}"
        english_unit = f" {unit.code}" if unit else ""
        if quantity.out_of is not None:
            english_unit += f" out of {quantity.out_of.normalize():,f}"
        # an English description writes a name with no English form in Latin letters, as English prose does
        self.labels(
            node,
            {
                "ru": f"{measure['ru']}: {quantity.evidence[0].text}",
                "en": f"{latin_name(measure)}: {_words(quantity.qualifier)} {amount}{english_unit}",
            },
        )
        self.evidence(node, quantity.evidence)

    def utterance(self, utterance: Utterance) -> None:
        node = _local(self.article, "quote", utterance.id)
        kind = KG.DirectQuote if utterance.kind == "direct" else KG.ReportedStatement
        self.add(node, RDF.type, kind)
        self.add(node, SCHEMA.text, Literal(utterance.text.text, lang="ru"))
        self.add(node, SCHEMA.isPartOf, article_iri(self.article.slug))
        for speaker in utterance.speakers:
            self.add(node, KG.speaker, self.node(speaker))
        for who in utterance.concerns:
            self.add(node, KG.concerns, self.node(who))
        if utterance.verb:
            self.add(node, KG.speechVerb, Literal(utterance.verb, lang="ru"))
        if utterance.occasion:
            self.add(node, KG.occasion, self.node(utterance.occasion))
        names = [self.model.entities[s].labels for s in utterance.speakers]
        opening = utterance.text.text if len(utterance.text.text) <= 60 else utterance.text.text[:60] + "…"
        kind_en = "quote" if utterance.kind == "direct" else "statement"
        self.labels(
            node,
            {
                "ru": f"{', '.join(n['ru'] for n in names)}: «{opening}»",
                "en": f"{kind_en} by {', '.join(latin_name(n) for n in names)}: «{opening}»",
            },
        )
        self.evidence(node, (utterance.text, *utterance.evidence))

    def article_node(self) -> None:
        article, meta = self.article, self.model.meta
        node = article_iri(article.slug)
        self.add(node, RDF.type, SCHEMA.NewsArticle)
        self.add(node, KG.text, self.context)
        self.add(node, SCHEMA.inLanguage, Literal(meta.language))
        headlines = {"ru": article.headline.text}
        if meta.headline_en:
            headlines["en"] = meta.headline_en
        self.labels(node, headlines)
        self.assertion((node, SCHEMA.headline, Literal(article.headline.text, lang="ru")), [article.headline])
        if meta.headline_en:
            self.add(node, SCHEMA.headline, Literal(meta.headline_en, lang="en"))
        if article.published is not None:
            published = datetime.fromisoformat(article.published.text)
            self.assertion((node, SCHEMA.datePublished, _literal(published)), [article.published])
        if article.url is not None:
            self.assertion((node, SCHEMA.url, URIRef(article.url.text)), [article.url])
        people = (
            (SCHEMA.author, meta.author, article.author),
            (SCHEMA.publisher, meta.publisher, article.publisher),
        )
        for predicate, ident, span in people:
            if ident is not None:
                self.assertion((node, predicate, self.node(ident)), [span] if span else [])
        for about in meta.about:
            self.add(node, SCHEMA.about, self.node(about))
        if article.photo_credit is not None:
            photo = _local(self.article, "photo", "1")
            self.add(photo, RDF.type, SCHEMA.Photograph)
            self.labels(
                photo,
                {"ru": f"Фото: {article.photo_credit.text}", "en": f"Photo: {article.photo_credit.text}"},
            )
            self.add(node, SCHEMA.image, photo)
            self.assertion((photo, SCHEMA.creditText, Literal(article.photo_credit.text)), [article.photo_credit])
            if meta.photo_credit is not None:
                self.assertion((photo, SCHEMA.provider, self.node(meta.photo_credit)), [article.photo_credit])
            self.evidence(photo, [article.photo_credit])


def add_article(dataset: Dataset, model: ArticleModel, identities: Identities | None = None) -> Graph:
    """Mint one article's triples into its own named graph of `dataset` and return that graph.

    `identities` are those of the whole build (``identity.resolve`` of every article of the dataset); by default,
    this article's own.
    """
    graph = dataset.graph(article_iri(model.article.slug))
    minter = _Minter(graph, model, resolve([model]) if identities is None else identities)
    minter.text()
    minter.article_node()
    for entity in model.entities.values():
        minter.entity(entity)
    for utterance in model.utterances:
        minter.utterance(utterance)
    for quantity in model.quantities:
        minter.quantity(quantity)
    for fact in model.facts:
        minter.fact(fact)
    return graph


def new_dataset() -> Dataset:
    """An empty dataset with our prefixes bound."""
    dataset = Dataset()
    bind_prefixes(dataset)
    return dataset


def build_dataset(models: Iterable[ArticleModel], keep_apart: Collection[str] = ()) -> Dataset:
    """The dataset of several articles, one named graph each, one node per real thing (``identity.resolve``; the
    keys in `keep_apart` merge nothing)."""
    models = list(models)
    identities = resolve(models, keep_apart)
    dataset = new_dataset()
    for model in models:
        add_article(dataset, model, identities)
    return dataset
