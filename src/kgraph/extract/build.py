"""An article in, an ``ArticleModel`` out: the components of ``PIPELINE`` run in order over one ``Doc``.

The order is checked when this module loads (``pipeline.check``), with every pack on and with each pack off.

>>> [step.name for step in PIPELINE][:3]
['read', 'ner_names', 'gazetteer_names']
>>> sorted(PACKS)
['forum']
"""

import re
from collections.abc import Iterable
from dataclasses import replace

from ..errors import KGraphError
from ..model import ArticleModel
from ..source import Article
from .bracketed import with_abbreviations_joined
from .central_banks import with_central_banks_joined
from .conformance import conform
from .deaths import with_one_death
from .doc import Doc
from .employers import without_other_states
from .event_times import without_times_outside
from .events import actions
from .events import components as events
from .events.renamed import with_events_named_again
from .figures import components as figures
from .figures import measures
from .figures.dates import names_a_time
from .geography import without_misplaced_cities
from .holders import with_holders_acting, without_holders_from_afar
from .ids import with_ids_from_labels
from .links import cities, countries, states
from .names import components as names
from .nested import with_named_after_joined, with_openings_joined
from .offices import with_offices_joined
from .packs import forum
from .pipeline import Component, PipelineError, check
from .relations import classified, reported, titles
from .speech import speakers
from .text import reading
from .typed import components as typed

MAX_CHARS = 200_000
"""Longer texts are refused: a news article is far shorter, and the models' time grows with length."""

PIPELINE: tuple[Component, ...] = (
    reading.read,
    names.ner_names,
    names.gazetteer_names,
    names.owned_organisations,
    names.tagger_features,
    names.tagged_organisations,
    names.bodies_before_topics,
    names.repeated_surnames,
    names.surname_adjectives,
    names.original_names,
    names.partial_names,
    names.placed_organisations,
    names.organisations_of_places,
    names.heads_of_names,
    names.numbered_organisations,
    names.short_names,
    names.abbreviations,
    forum.pipelines,
    names.header_roles,
    names.quoted_organisations,
    names.places_in_names,
    titles.offices,
    figures.dates,
    events.events,
    forum.plenary_session,
    forum.museum_anaphora,
    events.visits,
    events.matches,
    events.locate_tours,
    reported.reported,
    forum.attention_topics,
    figures.amounts,
    measures.quantities,
    typed.typed_entities,
    countries.country_items_of,
    states.state_items_of,
    cities.city_items_of,
    classified.classified_relations,
    actions.dated_actions,
    speakers.utterances,
    forum.quote_occasions,
)
"""The components in the order they run: names, then offices, dates and events, what is reported, and figures; then
what the taggers learned from NEREL find that no rule did, a country's, a state's or a city's Wikidata item where
nothing linked it, and the relations the classifier learned from NEREL finds between all of them; last, who said what
(a speaker named by a title is the person holding that office, whichever step found it)."""

PACKS = {step.pack for step in PIPELINE if step.pack}
"""The optional component sets: ``forum`` (reports of summits and forums)."""


def components(without: Iterable[str] = ()) -> tuple[Component, ...]:
    """The pipeline with the packs in `without` switched off; PipelineError names a pack there is not."""
    off = set(without)
    if off - PACKS:
        raise PipelineError(f"no pack {sorted(off - PACKS)[0]!r}; the packs are {', '.join(sorted(PACKS))}")
    return tuple(step for step in PIPELINE if step.pack not in off)


check(PIPELINE)
for _pack in PACKS:
    check(components(without=[_pack]))


class ExtractionError(KGraphError):
    """An article cannot be extracted (too long, or no text to read)."""


def check_text(article: Article) -> None:
    """Refuse a text too long to be a news article, naming its length and the limit."""
    if len(article.text) > MAX_CHARS:
        raise ExtractionError(
            f"{article.slug}: the text has {len(article.text)} characters; extraction reads at most {MAX_CHARS}"
        )


def extract_article(article: Article, without: Iterable[str] = ()) -> ArticleModel:
    """Entities, events, offices, quotes, quantities and dates of an article, each with evidence and confidence;
    the packs in `without` are switched off.

    The models load on the first call; an article with no Russian words gives an empty model (no model loads).

    >>> from kgraph.source import parse_article
    >>> extract_article(parse_article("en", "# News\\n\\nNothing in Russian here.\\n")).entities
    {}
    """
    return model_of(read_article(article, without))


def read_article(article: Article, without: Iterable[str] = ()) -> Doc:
    """The document after every component ran over the article (the packs in `without` off), for those who need
    more than the model (the evaluation reads the taggers' mentions); none ran when no word is Russian."""
    check_text(article)
    steps = components(without)
    doc = Doc(article)
    if re.search(r"[А-Яа-яЁё]", doc.clean):
        for step in steps:
            step(doc)
    return doc


def model_of(doc: Doc) -> ArticleModel:
    """What the document says, in the model curated facts use, less what the shapes would refuse and a city put in a
    country GeoNames puts it outside of (``geography``); the titles of one office are one office (``offices``), an
    office named with its holder in one sentence is nobody else's from a sentence away, what is said of an office with
    one holder (taking part, coming from, being ill) is said of the holder (``holders``); a name that only opens a
    longer name of the same thing, or that the article writes with whom the thing is named after ("университет имени
    Ломоносова"), is that thing's (``nested``), and so is a central bank's short name the one central bank the article
    names with its country (``central_banks``); a person dies once (``deaths``), an abbreviation in brackets after a
    name is that thing's (``bracketed``), and an event the article names again with the same head noun is one event
    (``events.renamed``); last, each entity's id is its settled label's slug (``ids``)."""
    if doc.analysis is None:  # no Russian word: nothing was read
        return ArticleModel(article=doc.article, source="extracted")
    model = ArticleModel(
        article=doc.article,
        meta=doc.meta,
        entities=doc.entities(),
        facts=doc.facts,
        quantities=doc.quantities,
        utterances=doc.utterances,
        source="extracted",
    )
    joined = with_one_death(with_named_after_joined(with_holders_acting(with_offices_joined(model))))
    joined = without_times_outside(without_other_states(without_misplaced_cities(conform(joined))))
    joined = without_holders_from_afar(joined)  # after the shapes' check, which lists what it leaves out afresh
    joined = with_openings_joined(joined)
    joined = with_events_named_again(with_abbreviations_joined(with_central_banks_joined(joined)))
    return with_ids_from_labels(_with_unresolved_dates(joined, doc))


def _with_unresolved_dates(model: ArticleModel, doc: Doc) -> ArticleModel:
    """`model`, listing in its ``left_out`` the days and weekdays that no publication date resolves ("в субботу",
    "12 апреля" in an article with no "Published at:"), which had been dropped without a word (a review)."""
    if doc.article.published_date is not None:
        return model
    unresolved = [d.text for d in doc.dates if d.value is None and d.bounds is None and names_a_time(d)]
    if not unresolved:
        return model
    shown = ", ".join(f"«{text}»" for text in unresolved[:5]) + (
        f" and {len(unresolved) - 5} more" if len(unresolved) > 5 else ""
    )
    reason = f"dates {shown}: the article gives no publication date (a 'Published at:' line) to resolve them by"
    return replace(model, left_out=(*model.left_out, reason))
