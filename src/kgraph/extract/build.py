"""The extraction pipeline: an article in, an ``ArticleModel`` out, every item with evidence and confidence.

>>> MAX_CHARS
200000
"""

import re
import unicodedata

from ..errors import KGraphError
from ..model import ArticleMeta, ArticleModel
from ..source import Article
from . import measures, relations, speakers
from .builder import Builder
from .conformance import conform
from .dates import find_dates
from .entities import (
    Draft,
    adjective_named_organisations,
    class_for,
    entities_from_spans,
    places_in_names,
    quoted_organisations,
)
from .linking import LOCATION_TYPES, gazetteer
from .mentions import gazetteer_mentions, repair_spans, repeated_surnames
from .ner import Analysis, analyse
from .normalise import key, noun_phrase_nominative
from .org_tagger import tag_organisations
from .originals import original_names
from .owners import owned_organisations
from .person_adjectives import surname_adjectives
from .quantities import find_amounts
from .spans import SpanIndex

MAX_CHARS = 200_000
"""Longer texts are refused: a news article is far shorter, and the models' time grows with length."""


class ExtractionError(KGraphError):
    """An article cannot be extracted (too long, or no text to read)."""


def check_text(article: Article) -> None:
    """Refuse a text too long to be a news article, naming its length and the limit."""
    if len(article.text) > MAX_CHARS:
        raise ExtractionError(
            f"{article.slug}: the text has {len(article.text)} characters; extraction reads at most {MAX_CHARS}"
        )


def _clean(text: str) -> str:
    """Control characters (other than line breaks and tabs) as spaces: offsets stay, the models see words."""
    return "".join(" " if unicodedata.category(c) in {"Cc", "Cf", "Cs", "Co"} and c not in "\n\t" else c for c in text)


def extract_article(article: Article) -> ArticleModel:
    """Extract entities, events, titles, quotes, quantities and dates from an article.

    The models load on the first call; an article with no Russian words gives an empty model (no model loads).

    >>> from kgraph.source import parse_article
    >>> extract_article(parse_article("en", "# News\\n\\nNothing in Russian here.\\n")).entities
    {}
    """
    check_text(article)
    builder = Builder(article)
    text = _clean(article.text)
    if not re.search(r"[А-Яа-яЁё]", text):
        return ArticleModel(article=article, source="extracted")
    analysis = analyse(text)
    for draft in entities_from_spans(text, repair_spans(text, analysis.spans)):
        draft.mentions = [builder.span(m.start, m.end) for m in draft.mentions]
        builder.add(draft)
    _add_gazetteer_mentions(builder, text)
    _add_owned_organisations(builder, text)
    _add_tagged_organisations(builder, text, analysis)
    persons = [d for d in builder.drafts if d.nerel_type == "PERSON"]
    for index, start, end in repeated_surnames(
        text, [(d.label, [(m.start, m.end) for m in d.mentions]) for d in persons]
    ):
        persons[index].mentions.append(builder.span(start, end))
    claimed = SpanIndex((m.start, m.end) for d in builder.drafts for m in d.mentions)
    for index, start, end in surname_adjectives(text, [d.label for d in persons]):
        if not claimed.overlaps(start, end):
            persons[index].mentions.append(builder.span(start, end))  # "сталинских лагерях": Stalin
    _add_original_names(builder, text)
    relations.pipelines(builder)
    meta = _header_entities(builder)
    taken = [(m.start, m.end) for d in builder.drafts for m in d.mentions]
    for draft in quoted_organisations(text, taken) + adjective_named_organisations(text, taken):
        draft.mentions = [builder.span(m.start, m.end) for m in draft.mentions]
        builder.add(draft)
    _add_places_in_names(builder, text)
    relations.titles(builder, text)
    published = article.published_date
    dates = find_dates(text, published)
    events = relations.events(builder, text, dates)
    relations.anaphora(builder, text)
    relations.locate_tours(builder)
    relations.reported(builder, text, events)
    utterances = speakers.utterances(builder, text, events)
    quantities = measures.quantities(builder, text, find_amounts(text))
    model = ArticleModel(
        article=article,
        meta=meta,
        entities=builder.entities(),
        facts=builder.facts,
        quantities=quantities,
        utterances=utterances,
        source="extracted",
    )
    return conform(model)


def _add_gazetteer_mentions(builder: Builder, text: str) -> None:
    """What the NER missed but NEREL train knows: joined to the entity with the same Wikidata item or name,
    or a new entity when capitalised (a lower-case place adjective alone is no entity of its own)."""
    taken = [(m.start, m.end, d.nerel_type) for d in builder.drafts for m in d.mentions]
    drafts = _FirstDrafts(builder)
    for span, kind, qid, name in gazetteer_mentions(text, taken):
        span = builder.span(span.start, span.end)
        same = drafts.get(drafts.linked(qid)) if qid else None
        entry = gazetteer().entry(span.text)
        likely = max(entry.links.items(), key=lambda item: item[1])[0] if entry and entry.links else None
        if same is None and qid is None and likely:
            # not sure enough to link on its own ("британской"), but the article names the item it most often is
            same = drafts.get(drafts.typed_linked(kind, likely))
        if same is None and kind == "PERSON":
            same = drafts.get(drafts.person_with(key(span.text)))
        if same is not None:
            same.mentions.append(span)
        elif name:
            builder.add(Draft(kind, name, [span], cls=class_for(kind), wikidata=qid, confidence=0.6))
        elif span.text[:1].isupper():
            label = span.text if kind in {"PERSON", "ORGANIZATION"} else noun_phrase_nominative(span.text)
            builder.add(Draft(kind, label, [span], cls=class_for(kind), wikidata=qid, confidence=0.6))
        elif kind == "ORGANIZATION":
            label = noun_phrase_nominative(span.text)
            builder.add(Draft(kind, label, [span], cls=class_for(kind), wikidata=qid, confidence=0.5))


class _FirstDrafts:
    """The first draft (in the order they were added) with a link, a type and a link, a type and a name, or a
    person's with a word of its name; for a rule that looks many up while it adds only drafts and mentions (each
    look-up scanned every draft)."""

    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self._linked: dict[str | None, int] = {}
        self._typed_linked: dict[tuple[str, str | None], int] = {}
        self._typed_named: dict[tuple[str, str], int] = {}
        self._person_words: dict[str, int] = {}
        self._indexed = 0

    def linked(self, qid: str) -> int | None:
        return self._index_new()._linked.get(qid)

    def typed_linked(self, kind: str, qid: str) -> int | None:
        return self._index_new()._typed_linked.get((kind, qid))

    def typed_named(self, kind: str, name_key: str) -> int | None:
        return self._index_new()._typed_named.get((kind, name_key))

    def person_with(self, word: str) -> int | None:
        return self._index_new()._person_words.get(word)

    def get(self, index: int | None) -> Draft | None:
        """The draft at `index`, if any."""
        return None if index is None else self.builder.drafts[index]

    def _index_new(self) -> "_FirstDrafts":
        drafts = self.builder.drafts
        for index in range(self._indexed, len(drafts)):
            draft = drafts[index]
            if draft.wikidata:
                self._linked.setdefault(draft.wikidata, index)
                self._typed_linked.setdefault((draft.nerel_type, draft.wikidata), index)
            self._typed_named.setdefault((draft.nerel_type, key(draft.label)), index)
            if draft.nerel_type == "PERSON":
                for word in key(draft.label).split():
                    self._person_words.setdefault(word, index)
        self._indexed = len(drafts)
        return self


def _add_places_in_names(builder: Builder, text: str) -> None:
    """ "Университет Барселоны": the place inside an organisation's name, joined to the place of the same item or
    name when the article has it."""
    taken = {(m.start, m.end) for d in builder.drafts for m in d.mentions}
    names = [(m.start, m.end) for d in builder.drafts if d.nerel_type == "ORGANIZATION" for m in d.mentions]
    drafts = _FirstDrafts(builder)
    for span, kind, qid in places_in_names(text, names):
        if (span.start, span.end) in taken:
            continue
        taken.add((span.start, span.end))
        mention = builder.span(span.start, span.end)
        label = noun_phrase_nominative(span.text)
        found = [drafts.typed_linked(kind, qid) if qid else None, drafts.typed_named(kind, key(label))]
        same = drafts.get(min((index for index in found if index is not None), default=None))
        if same is not None:
            same.mentions.append(mention)
        else:
            builder.add(Draft(kind, label, [mention], cls=class_for(kind), wikidata=qid, confidence=0.6))


def _add_original_names(builder: Builder, text: str) -> None:
    """ "Веллингтоне (Wellington)": the name in Latin letters in brackets is one more mention of the same entity,
    also when the NER took it for another place or organisation of its own (persons are left to the NER)."""
    owner = {(m.start, m.end): d for d in builder.drafts if d.nerel_type in _NAMED_TYPES for m in d.mentions}
    holders = {(m.start, m.end): d for d in builder.drafts for m in d.mentions}
    for mention, start, end in original_names(text, owner):
        holder = holders.get((start, end))
        if holder is owner[mention] or (holder is not None and holder.nerel_type not in _NAMED_TYPES):
            continue
        if text[start:end].isupper() and owner[mention].nerel_type != "ORGANIZATION":
            continue  # "транссексуалов Аргентины (FALGBT)": an abbreviation after a place is an organisation's
        if holder is not None:
            holder.mentions = [m for m in holder.mentions if (m.start, m.end) != (start, end)]
        holders[(start, end)] = owner[mention]
        owner[mention].mentions.append(builder.span(start, end))
    builder.drop_unmentioned()


_NAMED_TYPES = {"ORGANIZATION", *LOCATION_TYPES}

_NO_NAME = 0.05
"""A rule's organisation is dropped where the tagger gives every word of it less than this chance of being in
a name (chosen on held-out NEREL train documents: 0.02 to 0.3 all gain, 0.05 most)."""


def _add_tagged_organisations(builder: Builder, text: str, analysis: Analysis) -> None:
    """The CRF tagger's organisation names no rule found ("Министерства обороны Соединенного Королевства",
    "Фольксваген"); and a rule's organisation is dropped where the tagger sees no name at all."""
    tags = tag_organisations(text, analysis)
    for draft in builder.drafts:
        if draft.nerel_type == "ORGANIZATION":
            draft.mentions = [m for m in draft.mentions if tags.likelihood(m.start, m.end) >= _NO_NAME]
    builder.drop_unmentioned()
    known = {(m.start, m.end) for d in builder.drafts if d.nerel_type == "ORGANIZATION" for m in d.mentions}
    for start, end, score in tags.names:
        if text[start:end].count("«") > text[start:end].count("»") and text[end : end + 1] == "»":
            end += 1  # "партии «Единая Россия»": the name's closing quote
        if (start, end) not in known and "," not in re.sub(r"«[^»]*»", "", text[start:end]):
            # a comma outside quotes ends a name (NEREL train: 11 names of 4,668 have one)
            span = builder.span(start, end)
            link = gazetteer().link(span.text, "ORGANIZATION")
            confidence = max(round(0.4 + 0.4 * score, 2), link.confidence if link else 0.0)
            label, kind = noun_phrase_nominative(span.text), class_for("ORGANIZATION")
            builder.add(Draft("ORGANIZATION", label, [span], kind, link.qid if link else None, confidence))


def _add_owned_organisations(builder: Builder, text: str) -> None:
    """ "власти Украины", "посольства США": a noun NEREL train marks with its place as one organisation."""
    places = [(m.start, m.end) for d in builder.drafts if d.nerel_type in LOCATION_TYPES for m in d.mentions]
    named = {(m.start, m.end) for d in builder.drafts if d.nerel_type == "ORGANIZATION" for m in d.mentions}
    drafts: dict[str, Draft] = {}
    for start, end in owned_organisations(text, places):
        if (start, end) in named:
            continue
        label = noun_phrase_nominative(text[start:end])
        draft = drafts.setdefault(
            key(label), Draft("ORGANIZATION", label, cls=class_for("ORGANIZATION"), confidence=0.6)
        )
        draft.mentions.append(builder.span(start, end))
    for draft in drafts.values():
        builder.add(draft)


def _header_entities(builder: Builder) -> ArticleMeta:
    article = builder.article
    roles: dict[str, str | None] = {"author": None, "publisher": None, "photo_credit": None}
    credit_is_site = article.photo_credit is not None and re.fullmatch(
        r"[\w.-]+\.[a-zа-я]{2,}", article.photo_credit.text
    )
    for role, span, cls in (
        ("author", article.author, "schema:Person"),
        ("publisher", article.publisher, "schema:NewsMediaOrganization"),
        ("photo_credit", article.photo_credit, "schema:WebSite" if credit_is_site else "schema:Organization"),
    ):
        if span is None or not span.text.strip():
            continue
        known = builder.at(span.start, span.end)
        if known is not None and cls != "schema:Person":
            builder.relabel(known, cls=cls)  # the header says what it is: a publisher is a news medium
        if known is None:
            known = builder.add(
                Draft(
                    "PERSON" if cls == "schema:Person" else "ORGANIZATION",
                    span.text.strip(),
                    [span],
                    cls=cls,
                    confidence=0.95,
                )
            )
        roles[role] = known
    return ArticleMeta(author=roles["author"], publisher=roles["publisher"], photo_credit=roles["photo_credit"])
