"""The document the extraction components share: the article, its text with control characters blanked, natasha's
analysis (tokens, sentences, named spans) and everything found so far (entities, facts, dates, events, amounts,
quantities, utterances, the header's roles). Each component reads and adds to it (``kgraph.extract.pipeline``).

Every question the rules ask it (the entity named so, the sentence at a position, whether a fact is known) is
answered from an index, not by a scan of everything found so far: an article may hold thousands of each.
A draft's class and label change only through `relabel` (add() finds drafts by them), and its mentions are only
appended to or replaced by a new list (add() keeps a set of them).

>>> from kgraph.source import parse_article
>>> doc = Doc(parse_article("x", "# Т\\n\\nОмск.\\n"))
>>> doc.add(Draft("CITY", "Омск", [doc.span(5, 9)], cls="schema:City"))
'omsk'
"""

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from ..model import RU_LATN, ArticleMeta, Entity, Fact, Quantity, Utterance
from ..source import Article, Span
from ..transliteration import transliterate
from .spans import Overlapping
from .text.normalise import key, slug, with_quotes_closed, with_yo_as_written

if TYPE_CHECKING:
    from .events.events import EventMention
    from .figures.amounts import Amount
    from .figures.dates import DateMention
    from .names.org_tagger import Features
    from .relations.learned import Relation, Sentences
    from .text.ner import Analysis
    from .typed.taggers import TypedMention


def blank_controls(text: str) -> str:
    """Control characters (other than line breaks and tabs) as spaces: offsets stay, the models see words.

    >>> blank_controls("a\\x00b\\n")
    'a b\\n'
    """
    return "".join(" " if unicodedata.category(c) in {"Cc", "Cf", "Cs", "Co"} and c not in "\n\t" else c for c in text)


_LATIN_LOOKS = "AaBCcEeHKMOoPpTXxy"
_CYRILLIC_LOOKS = "АаВСсЕеНКМОоРрТХху"
_AS_CYRILLIC = str.maketrans(_LATIN_LOOKS, _CYRILLIC_LOOKS)
_AS_LATIN = str.maketrans(_CYRILLIC_LOOKS, _LATIN_LOOKS)
_LETTERS = re.compile(r"[A-Za-zА-Яа-яЁё]+")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def one_script(text: str) -> str:
    """`text` with each word written in two alphabets written in the one most of its letters are in, where the
    others only look alike ("Cолист" with a Latin C, "YоuТubе" with Cyrillic о, Т, е): the taggers and natasha read
    such a word as two. Offsets stay; a word whose odd letters have no look-alike is left as it is.

    >>> one_script("Cолист The Prodigy, YоuТubе, MMA-бой")
    'Солист The Prodigy, YouTube, MMA-бой'
    """

    def mended(found: re.Match[str]) -> str:
        word = found.group()
        latin, cyrillic = len(_LATIN.findall(word)), len(_CYRILLIC.findall(word))
        if not latin or not cyrillic:
            return word
        written = word.translate(_AS_CYRILLIC if cyrillic >= latin else _AS_LATIN)
        return written if not (_LATIN.search(written) and _CYRILLIC.search(written)) else word

    return _LETTERS.sub(mended, text)


def blank_header_markup(text: str, article: Article) -> str:
    """`text` with the lines of the header's fields as spaces but for the author's and the publisher's names: the
    taggers read "Published at:" as a work's title. Offsets stay.

    >>> from kgraph.source import parse_article
    >>> news = "# Н\\n\\nPublished at: **2026-01-02T00:00:00+03:00**\\n\\nAuthor: **Анна Иванова**\\n\\nТекст.\\n"
    >>> blank_header_markup(news, parse_article("a", news)).split()
    ['#', 'Н', 'Анна', 'Иванова', 'Текст.']
    """
    fields = [span for span in (article.published, article.author, article.publisher, article.url) if span]
    if not fields:
        return text
    kept = [(span.start, span.end) for span in (article.author, article.publisher) if span]
    chars = list(text)
    for span in fields:
        line_start = text.rfind("\n", 0, span.start) + 1
        line_end = text.find("\n", span.end)
        for at in range(line_start, len(text) if line_end < 0 else line_end):
            if not any(start <= at < end for start, end in kept):
                chars[at] = " "
    return "".join(chars)


def class_for(nerel_type: str) -> str:
    """The kgraph class (a CURIE) of an entity of a NEREL type, as the ontology's kg:nerelType maps it; types whose
    mentions are values (MONEY, DATE, ORDINAL…) or unknown ones give schema:Thing.

    >>> class_for("COUNTRY"), class_for("PROFESSION"), class_for("AWARD"), class_for("DATE")
    ('schema:Country', 'kg:Position', 'kg:Award', 'schema:Thing')
    """
    return entity_classes().get(nerel_type, "schema:Thing")


@lru_cache(maxsize=1)
def entity_classes() -> dict[str, str]:
    """NEREL type -> the class (a CURIE) its entities take, for every type the ontology maps to an entity class
    (not to kg:Quantity, kg:TimeExpression or a property)."""
    from rdflib.namespace import OWL, RDF

    from ..namespaces import KG, shorten
    from ..resources import ontology_graph

    graph = ontology_graph()
    values = {KG.Quantity, KG.TimeExpression}
    return {
        str(kind): shorten(term)
        for term, kind in graph.subject_objects(KG.nerelType)
        if term not in values
        and (term, RDF.type, OWL.ObjectProperty) not in graph
        and (term, RDF.type, OWL.DatatypeProperty) not in graph
    }


_CONTROL_SPACE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters (a line break, a tab, a vertical tab, a C1 control such as U+0090) and line separators: a
label holds none of them, a facts file may not (a mention's words, taken from the article as written, may)."""


@dataclass
class Draft:
    """An entity being assembled: type, normal label, mentions, link and confidence."""

    nerel_type: str
    label: str
    mentions: list[Span] = field(default_factory=list)
    cls: str = ""
    wikidata: str | None = None
    confidence: float = 0.8
    label_en: str | None = None
    """The English name, when one is known (none is guessed: the transliteration is a label of its own)."""

    @property
    def first(self) -> int:
        """Offset of the first mention."""
        return min(m.start for m in self.mentions)


def draft_labels(draft: Draft) -> dict[str, str]:
    """The labels of a draft: its Russian label (with the "ё" its mentions write, unless it is an event's:
    ``with_yo_as_written``), its transliteration (``ru-Latn``) and, only when one is known (``label_en``), its
    English name; a transliteration is never passed off as English.

    >>> draft_labels(Draft("ORGANIZATION", "«Технопарк»"))
    {'ru': '«Технопарк»', 'ru-Latn': '"Tekhnopark"'}
    >>> draft_labels(Draft("COUNTRY", "Россия", label_en="Russia"))
    {'ru': 'Россия', 'en': 'Russia', 'ru-Latn': 'Rossiya'}
    >>> draft_labels(Draft("PERSON", "ъ"))
    {'ru': 'ъ', 'ru-Latn': 'ъ'}
    """
    # not an event's: a verb's "ё" may be one form's only ("ввёл", "ввели")
    written = [mention.text for mention in draft.mentions] if draft.nerel_type != "EVENT" else []
    label = with_yo_as_written(draft.label, written)
    labels = {"ru": label}
    if draft.label_en:
        labels["en"] = draft.label_en
    latin = transliterate(label).replace("«", '"').replace("»", '"')
    labels[RU_LATN] = latin if latin.strip() else label  # "ъ" alone has no Latin letters: as written
    return labels


class Doc:
    """One article being extracted: its text, its analysis, and the drafts, ids and facts found so far."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.clean = blank_header_markup(one_script(blank_controls(article.text)), article)
        """What the rules read: the text with control characters and the header's markup blanked and each word in
        one alphabet (``one_script``); the offsets are the text's, and evidence quotes ``text``."""
        self.analysis: Analysis | None = None
        self.features: list[Features] = []
        """The taggers' features of every token (``names.org_tagger.token_features``), computed once."""
        self.sequences: dict[str, dict[str, Any]] = {}
        """The LSTMs' probabilities per type and layer (``typed.sequence.second_opinions``), computed once."""
        self.typed: list[TypedMention] = []
        """Every mention the type taggers found (``typed.taggers``), before any became an entity."""
        self.meta = ArticleMeta()
        self.dates: list[DateMention] = []
        self.events: list[tuple[EventMention, str]] = []
        self.amounts: list[Amount] = []
        self.quantities: list[Quantity] = []
        self.utterances: list[Utterance] = []
        self.drafts: list[Draft] = []
        self.ids: dict[int, str] = {}
        self.facts: list[Fact] = []
        self.relations: list[Relation] = []
        """The NEREL relations the classifier found between the mentions (``relations.classified``)."""
        self._known_facts: set[tuple[str, str, object]] = set()
        self._sentence_starts = [sentence.start for sentence in article.sentences]
        self._sentence_ends = [sentence.end for sentence in article.sentences]
        self._reindex()

    @cached_property
    def syntax(self) -> "Sentences":
        """The words of ``clean`` with natasha's dependency tree and pymorphy3's lemmas, parsed when first asked
        (by the figures' subjects, then by the relation classifier)."""
        from .relations.learned import Sentences

        return Sentences(self.clean)

    def _reindex(self) -> None:
        """Index the drafts by name and id afresh (their positions changed)."""
        self._named: dict[tuple[str, str], list[int]] = {}
        for index, draft in enumerate(self.drafts):
            self._named.setdefault((draft.cls, key(draft.label)), []).append(index)
        self._index = {ident: index for index, ident in self.ids.items()}
        self._next_number: dict[str, int] = {}
        self._mention_sets: dict[int, tuple[list[Span], int, set[Span]]] = {}

    def add(self, draft: Draft) -> str:
        """Add a draft, or merge its mentions into the first one of the same class and label; its id. The quotes and
        brackets a label opens are closed (``with_quotes_closed``), and a line break, tab or other control space in
        it is a space ("аааа&\\x0bW" from a tagger's span: no facts file holds a control character)."""
        draft.label = with_quotes_closed(_CONTROL_SPACE.sub(" ", draft.label))
        name = (draft.cls, key(draft.label))
        same = self._named.get(name)
        if same:
            mentions = self._mentions_of(same[0])
            for mention in draft.mentions:
                if mention not in mentions:
                    mentions.add(mention)
                    self.drafts[same[0]].mentions.append(mention)
            return self.ids[same[0]]
        return self._append(draft, name)

    def add_apart(self, draft: Draft) -> str:
        """Add a draft as an entity of its own, even where one of its class and label is there already (the
        earthquake of 2022 beside this year's: ``relations.classified``); its id. A later ``add`` of that class and
        label still joins the first."""
        draft.label = with_quotes_closed(_CONTROL_SPACE.sub(" ", draft.label))
        return self._append(draft, (draft.cls, key(draft.label)))

    def _append(self, draft: Draft, name: tuple[str, str]) -> str:
        """Add a draft as a new entity, filed under its class and label key `name`; its id."""
        index = len(self.drafts)
        ident = self._new_id(draft)
        self.ids[index] = ident
        self._index[ident] = index
        self.drafts.append(draft)
        self._named.setdefault(name, []).append(index)
        return ident

    def has(self, cls: str, label: str) -> bool:
        """Whether an entity of class `cls` is filed under `label`'s key, as ``add`` would join a draft so named."""
        return bool(self._named.get((cls, key(label))))

    def _mentions_of(self, index: int) -> set[Span]:
        """The set of a draft's mentions, kept up to date with what was appended to its list since."""
        mentions = self.drafts[index].mentions
        kept = self._mention_sets.get(index)
        if kept is None or kept[0] is not mentions or kept[1] > len(mentions):
            kept = (mentions, 0, set())
        kept[2].update(mentions[kept[1] :])
        self._mention_sets[index] = (mentions, len(mentions), kept[2])
        return kept[2]

    def _new_id(self, draft: Draft) -> str:
        """A readable id no other entity has: the label's slug, numbered from 2 when taken."""
        base = slug(draft.label)
        if base not in self._index:
            return base
        # ids are only added between two re-indexings, so numbers below the last one given stay taken
        number = self._next_number.get(base, 2)
        while f"{base}_{number}" in self._index:
            number += 1
        self._next_number[base] = number + 1
        return f"{base}_{number}"

    def relabel(self, ident: str, cls: str | None = None, label: str | None = None) -> None:
        """Give entity `ident` another class or label."""
        index = self._index[ident]
        draft = self.drafts[index]
        self._named[(draft.cls, key(draft.label))].remove(index)
        draft.cls = draft.cls if cls is None else cls
        draft.label = draft.label if label is None else label
        insort(self._named.setdefault((draft.cls, key(draft.label)), []), index)

    def drop_unmentioned(self) -> None:
        """Forget the drafts left with no mention; only before any fact refers to an entity."""
        kept = [index for index, draft in enumerate(self.drafts) if draft.mentions]
        self.ids = {new: self.ids[old] for new, old in enumerate(kept)}
        self.drafts = [self.drafts[index] for index in kept]
        self._reindex()

    def at(self, start: int, end: int, classes: Iterable[str] | None = None) -> str | None:
        """The entity with a mention overlapping start..end (of one of `classes`), if any."""
        wanted = set(classes) if classes else None
        for index, draft in enumerate(self.drafts):
            if wanted and draft.cls not in wanted:
                continue
            if any(m.start < end and start < m.end for m in draft.mentions):
                return self.ids[index]
        return None

    def finder(self, classes: Iterable[str]) -> "Finder":
        """at() for entities of `classes`, answered from their mentions as they are now: for a rule that asks many
        times while no entity of these classes gains or loses a mention."""
        wanted = set(classes)
        drafts = [(index, draft) for index, draft in enumerate(self.drafts) if draft.cls in wanted]
        mentions = [(m.start, m.end, index) for index, draft in drafts for m in draft.mentions]
        return Finder(mentions, dict(self.ids))

    def mention_starts(self, classes: Iterable[str]) -> "MentionStarts":
        """between() for entities of `classes`, from their mentions as they are now (as finder())."""
        wanted = set(classes)
        return MentionStarts(
            (m.start, index) for index, d in enumerate(self.drafts) if d.cls in wanted for m in d.mentions
        )

    def fact(self, s: str, p: str, o: object, evidence: Span, confidence: float, entity: bool = True) -> None:
        """State `s p o` with its evidence, unless it is stated already."""
        self.state(Fact(s, p, o, (evidence,), obj_is_entity=entity, confidence=confidence))  # type: ignore[arg-type]

    def state(self, fact: Fact) -> None:
        """Add `fact` (any evidence, language, confidence) unless its subject, predicate and object are stated."""
        if (fact.subject, fact.predicate, fact.obj) in self._known_facts:
            return
        self._known_facts.add((fact.subject, fact.predicate, fact.obj))
        self.facts.append(fact)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence(self, position: int) -> Span:
        """The sentence holding `position`, or the one character there when no sentence does."""
        index = bisect_right(self._sentence_starts, position) - 1
        if index >= 0 and position < self.article.sentences[index].end:
            return self.article.sentences[index]
        return self.span(position, position + 1)

    def sentences_before(self, position: int, most: int) -> list[Span]:
        """The last `most` sentences that end at or before `position`, in text order."""
        ended = bisect_right(self._sentence_ends, position)
        return list(self.article.sentences[max(0, ended - most) : ended])

    def entities(self) -> dict[str, Entity]:
        result = {}
        for index, draft in enumerate(self.drafts):
            mentions = tuple(sorted(set(draft.mentions)))
            result[self.ids[index]] = Entity(
                self.ids[index],
                draft.cls,
                draft_labels(draft),
                draft.wikidata,
                mentions,
                round(draft.confidence, 2),
            )
        return result

    def draft(self, ident: str) -> Draft:
        """The draft of entity `ident`."""
        return self.drafts[self.index(ident)]

    def index(self, ident: str) -> int:
        """The position of entity `ident` among the drafts."""
        return self._index[ident]


class MentionStarts:
    """Which entities have a mention starting within given characters: mentions sorted by start, found by bisection.

    >>> starts = MentionStarts([(12, 1), (3, 0), (5, 1)])
    >>> starts.between(4, 13), starts.between(0, 3)
    ([1], [])
    """

    def __init__(self, mentions: Iterable[tuple[int, int]]) -> None:
        """`mentions` are (start, the entity's index among the drafts)."""
        self._mentions = sorted(mentions)
        self._starts = [start for start, _ in self._mentions]

    def between(self, low: int, high: int) -> list[int]:
        """The indexes, in order, of the entities with a mention starting at `low` or after, and before `high`."""
        inside = self._mentions[bisect_left(self._starts, low) : bisect_left(self._starts, high)]
        return sorted({index for _, index in inside})


class Finder:
    """The first entity (in the order they were added) with a mention overlapping given characters (the mentions
    looked up by ``spans.Overlapping``).

    >>> finder = Finder([(0, 4, 0), (10, 14, 1), (2, 12, 2)], {0: "a", 1: "b", 2: "c"})
    >>> finder.at(11, 13), finder.at(4, 10), finder.at(20, 30)
    ('b', 'c', None)
    """

    def __init__(self, mentions: list[tuple[int, int, int]], ids: dict[int, str]) -> None:
        """`mentions` are (start, end, the entity's index among the drafts); `ids` the entities' ids by index."""
        self._ids = ids
        self._mentions = Overlapping(mentions)
        self._answers: dict[tuple[int, int], str | None] = {}

    def at(self, start: int, end: int) -> str | None:
        """The entity with a mention overlapping start..end, if any (as Doc.at)."""
        if (start, end) not in self._answers:
            overlapping = [index for _, _, index in self._mentions.overlapping(start, end)]
            self._answers[(start, end)] = self._ids[min(overlapping)] if overlapping else None
        return self._answers[(start, end)]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Every mention overlapping start..end, as (its start, its end, its entity)."""
        return [(s, e, self._ids[index]) for s, e, index in self._mentions.overlapping(start, end)]
