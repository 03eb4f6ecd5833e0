"""NEREL's relations between the mentions of one sentence, by a classifier trained on NEREL train
(scripts/train_relations.py; the model is ``extract/data/relations.npz``).

Every ordered pair of mentions in a sentence whose two types NEREL train relates (`SIGNATURES`) is a candidate;
three small feed-forward networks, averaged (``network``, run in numpy), score the relation types train gives such
a pair (a PERSON and an ORGANIZATION: WORKPLACE, FOUNDED_BY, MEMBER_OF…), and ``NONE``. Their features are the two
types, their order and nesting, the type of a third mention holding either ("Европы" in "Чемпионат Европы"), the
distance and the mentions between them, the lemmas and parts of speech of the words between and around them
(pymorphy3), and the dependency path between the two mentions' head words (natasha's syntax parser): its
relations, its words and their lowest common ancestor; beside the features, navec's vectors of the two head words,
of that ancestor and of the words between (``pair_vector``). A bidirectional LSTM that reads the pair's words in
order, the two mentions marked (``sequence``), gives a second opinion, averaged with theirs.

>>> text = "Президент России Владимир Путин выступил на форуме в Омске."
>>> mentions = [Mention(0, 16, "PROFESSION"), Mention(10, 16, "COUNTRY"), Mention(17, 31, "PERSON"),
...             Mention(44, 50, "EVENT"), Mention(53, 58, "CITY")]
>>> found = {(text[r.source.start:r.source.end], r.type, text[r.target.start:r.target.end])
...          for r in relate(text, mentions)}
>>> sorted(found & {("Владимир Путин", "WORKS_AS", "Президент России"), ("форуме", "TAKES_PLACE_IN", "Омске")})
[('Владимир Путин', 'WORKS_AS', 'Президент России'), ('форуме', 'TAKES_PLACE_IN', 'Омске')]
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache, partial
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..data.tables import rows
from ..doc import MentionStarts
from ..spans import Overlapping
from ..text.ner import limit_threads, news_embedding
from ..text.normalise import parses

if TYPE_CHECKING:
    from .network import Network
    from .sequence import SequenceModel

NONE = "NONE"
"""The label of a candidate pair that NEREL does not relate."""

FLOOR = 0.3
"""The probability a relation needs to be kept: on the last 150 train documents (the networks and the sequence model
trained on the rest, given the gold mentions, within-sentence relations, one per slot: ``one_per_slot``), averaged at
``sequence.WEIGHT`` 0.3, 0.3 gives P 0.763 R 0.686 F1 0.723; 0.25 gives 0.720, 0.35 0.722, 0.4 0.719 (the networks
alone: 0.714 at 0.25 and 0.3)."""

MAX_GAP = 40
"""Tokens at most between the two mentions of a candidate pair (97% of train's in-sentence relations)."""


class Mention(NamedTuple):
    """A mention to relate: offsets and NEREL type (a named tuple: the classifiers look mentions up in dicts some
    millions of times, and a tuple hashes in C where a frozen dataclass hashes in Python)."""

    start: int
    end: int
    type: str


@dataclass(frozen=True)
class Relation:
    """A relation the classifier found: NEREL type, Arg1, Arg2 and the classifier's probability."""

    type: str
    source: Mention
    target: Mention
    confidence: float


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    lemma: str
    pos: str
    head: int
    """The index of the word this one depends on (natasha's syntax), -1 for a sentence's root."""
    rel: str


@lru_cache(maxsize=1)
def _parser() -> tuple[Any, Any, Any]:
    limit_threads()
    from natasha import Doc, NewsSyntaxParser, Segmenter  # type: ignore[import-untyped]

    return Doc, Segmenter(), NewsSyntaxParser(news_embedding())


_LINE_END = re.compile(r"(?<=[^\s.!?…:;,])[ \t]*\n(?=\s*[«\"“A-ZА-ЯЁ#0-9])")
"""A line break after a line with no closing punctuation, before a capital: the end of a headline or a caption
("Барак Обама⏎Бывший президент США …"), which natasha's segmenter reads as one sentence with the next; also after
spaces, where a header's markup was blanked ("Author: **Игорь Смирнов**": the first sentence was read with the
author as its subject)."""


def _at_line_ends(sentence: Any, text: str) -> list[Any]:
    """A natasha sentence cut where a line of `text` ends it (``_LINE_END``), each piece without the spaces
    around it."""
    from natasha.doc import DocSent  # type: ignore[import-untyped]

    cuts = [sentence.start, *(m.end() for m in _LINE_END.finditer(text, sentence.start, sentence.stop))]
    pieces = []
    for start, stop in zip(cuts, [*cuts[1:], sentence.stop], strict=True):
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            pieces.append(DocSent(start, stop, text[start:stop]))
    return pieces


class Sentences:
    """A text's words (natasha's tokens, sentences and dependency tree, with pymorphy3's lemma and part of
    speech of each word)."""

    def __init__(self, text: str) -> None:
        self.text = text
        document_class, segmenter, parser = _parser()
        document = document_class(text)
        document.segment(segmenter)
        document.sents = [piece for sentence in document.sents for piece in _at_line_ends(sentence, text)]
        document.envelop_sent_tokens()
        document.parse_syntax(parser)
        self.words: list[_Word] = []
        self.sentence_of_word: list[int] = []
        for number, sentence in enumerate(document.sents):
            base = len(self.words)
            index = {token.id: base + position for position, token in enumerate(sentence.tokens)}
            for token in sentence.tokens:
                lemma, pos = _reading(token.text)
                head = index.get(token.head_id, -1)
                self.words.append(_Word(token.start, token.stop, lemma, pos, head, token.rel or ""))
                self.sentence_of_word.append(number)
        self.starts = [word.start for word in self.words]
        self.ends = [word.end for word in self.words]

    @cached_property
    def children(self) -> dict[int, list[int]]:
        """Each word's dependents (their indexes, in order); the roots under -1."""
        found: dict[int, list[int]] = {}
        for index, word in enumerate(self.words):
            found.setdefault(word.head, []).append(index)
        return found

    def written(self, index: int) -> str:
        """Word `index` as the text writes it."""
        word = self.words[index]
        return self.text[word.start : word.end]

    def first_word(self, offset: int) -> int:
        """The index of the first word ending after `offset`."""
        return bisect_right(self.ends, offset)

    def last_word(self, offset: int) -> int:
        """The index of the last word starting before `offset`."""
        return bisect_left(self.starts, offset) - 1

    def sentence(self, mention: Mention) -> int:
        """The number of the sentence a mention starts in."""
        index = min(self.first_word(mention.start), len(self.words) - 1)
        return self.sentence_of_word[index] if self.words else 0

    def head(self, mention: Mention) -> int:
        """The index of a mention's head word: its first word that depends on a word outside it."""
        first, last = self.first_word(mention.start), self.last_word(mention.end)
        for index in range(first, last + 1):
            if not first <= self.words[index].head <= last:
                return index
        return max(first, min(last, len(self.words) - 1))

    def path(self, start: int, end: int) -> tuple[list[int], list[int]]:
        """The dependency path from word `start` up to the words' lowest common ancestor and down to `end`:
        the words going up (from `start`) and the words coming down (to `end`), the ancestor last of the first."""
        up = [start]
        while self.words[up[-1]].head >= 0 and len(up) < 64:
            up.append(self.words[up[-1]].head)
        seen = {word: position for position, word in enumerate(up)}
        down = [end]
        while down[-1] not in seen and self.words[down[-1]].head >= 0 and len(down) < 64:
            down.append(self.words[down[-1]].head)
        if down[-1] not in seen:
            return up, list(reversed(down))
        return up[: seen[down[-1]] + 1], list(reversed(down[:-1]))


@lru_cache(maxsize=65536)
def _reading(token: str) -> tuple[str, str]:
    if not any(c.isalpha() for c in token):
        return token, "PUNCT" if not token.isdigit() else "NUM"
    parse = parses(token.lower())[0]
    return str(parse.normal_form).replace("ё", "е"), str(parse.tag.POS or parse.tag).split(",")[0]


def _bucket(number: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (15, "9-15")):
        if number <= limit:
            return name
    return "16+"


def _order(a: Mention, b: Mention) -> str:
    if a.start <= b.start and b.end <= a.end:
        return "B_in_A"
    if b.start <= a.start and a.end <= b.end:
        return "A_in_B"
    if a.end <= b.start:
        return "A_B"
    if b.end <= a.start:
        return "B_A"
    return "overlap"


class Mentions:
    """The mentions of one text, which lie between two offsets and which holds another, found by bisection
    (``doc.MentionStarts``, ``spans.Overlapping``): a long text's every pair need not read every mention.

    >>> Mentions([Mention(0, 5, "PERSON"), Mention(6, 9, "CITY"), Mention(6, 20, "EVENT")]).types_between(5, 12)
    ['CITY']
    """

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = list(mentions)
        self._starts = MentionStarts((m.start, index) for index, m in enumerate(self.mentions))
        self._overlapping = Overlapping((m.start, m.end, m) for m in set(self.mentions))
        self._holders: dict[Mention, list[Mention]] = {}

    def types_between(self, low: int, high: int) -> list[str]:
        """The types of the mentions within low..high, in the order given."""
        return [self.mentions[i].type for i in self._starts.between(low, high) if self.mentions[i].end <= high]

    def holder_type(self, mention: Mention, other: Mention) -> str:
        """The type of the shortest mention but `other` that holds `mention` and is longer ("-" for none): the
        LOCATION "Европы" is held by the EVENT "Чемпионат Европы по фигурному катанию".

        >>> event, place = Mention(0, 37, "EVENT"), Mention(10, 16, "LOCATION")
        >>> found = Mentions([event, place])
        >>> found.holder_type(place, Mention(57, 64, "CITY")), found.holder_type(place, event)
        ('EVENT', '-')
        """
        holders = self._holders.get(mention)
        if holders is None:
            near = self._overlapping.overlapping(mention.start, max(mention.end, mention.start + 1))
            length = mention.end - mention.start
            holders = sorted(
                (m for s, e, m in near if s <= mention.start and e >= mention.end and e - s > length),
                key=lambda m: (m.end - m.start, m.start, m.type),
            )
            self._holders[mention] = holders
        return next((m.type for m in holders if m != other), "-")


def pair_features(sentences: Sentences, mentions: Mentions, a: Mention, b: Mention) -> list[str]:
    """The classifier's features of the ordered pair (a, b) of mentions of one text."""
    words = sentences.words
    order = _order(a, b)
    pair = f"{a.type}|{b.type}"
    features = [f"t={pair}", f"ta={a.type}", f"tb={b.type}", f"o={order}", f"to={pair}|{order}"]
    for name, mention in (("a", a), ("b", b)):
        first, last = sentences.first_word(mention.start), sentences.last_word(mention.end)
        if first <= last:
            features += [
                f"{name}0={words[first].lemma}",
                f"{name}1={words[last].lemma}",
                f"{name}n={_bucket(last - first + 1)}",
            ]
    if order in {"A_B", "B_A"}:
        left, right = (a, b) if order == "A_B" else (b, a)
        gap_from, gap_to = sentences.first_word(left.end), sentences.last_word(right.start)
        gap = words[gap_from : gap_to + 1]
        features += [f"d={_bucket(len(gap))}", f"td={pair}|{order}|{_bucket(len(gap))}"]
        between = mentions.types_between(left.end, right.start)
        features += [f"nb={_bucket(len(between))}"] + [f"mb={kind}" for kind in set(between)]
        features += [f"na={pair}|{_bucket(between.count(a.type))}", f"nbb={pair}|{_bucket(between.count(b.type))}"]
        if gap:
            features += [f"wf={order}|{gap[0].lemma}", f"wl={order}|{gap[-1].lemma}", f"twf={pair}|{gap[0].lemma}"]
            features += [f"twl={pair}|{gap[-1].lemma}"]
        if len(gap) <= 10:
            features += [f"w={w.lemma}" for w in gap] + [f"tw={pair}|{w.lemma}" for w in gap]
            features += [f"g={'_'.join(w.lemma for w in gap)}"] if len(gap) <= 3 else []
        features += [f"p={w.pos}" for w in gap] + [
            f"v={w.lemma}" for w in gap if w.pos in {"VERB", "INFN", "PRTF", "PRTS"}
        ]
        outer_first, outer_last = sentences.first_word(left.start) - 1, sentences.last_word(right.end) + 1
    else:
        outer, inner = (a, b) if order in {"B_in_A", "overlap"} else (b, a)
        first, last = sentences.first_word(outer.start), sentences.last_word(outer.end)
        inner_first, inner_last = sentences.first_word(inner.start), sentences.last_word(inner.end)
        features += [f"pre={_bucket(inner_first - first)}", f"post={_bucket(last - inner_last)}"]
        features += [f"tpre={pair}|{_bucket(inner_first - first)}", f"tpost={pair}|{_bucket(last - inner_last)}"]
        if inner_first - 1 >= first:
            features.append(f"ib={pair}|{words[inner_first - 1].lemma}")
        outer_first, outer_last = first - 1, last + 1
    held_a, held_b = mentions.holder_type(a, b), mentions.holder_type(b, a)
    features += [f"ia={held_a}", f"ib={held_b}", f"tia={pair}|{held_a}", f"tib={pair}|{held_b}"]
    features += _syntax_features(sentences, a, b, pair)
    for name, index in (("l1", outer_first), ("l2", outer_first - 1), ("r1", outer_last), ("r2", outer_last + 1)):
        if 0 <= index < len(words):
            features.append(f"{name}={words[index].lemma}")
    return features


SIGNATURES = "relation_signatures.tsv"
"""The (Arg1 type, Arg2 type) pairs the model is asked about, one per line, in ``extract/data`` (written with it)."""


def _syntax_features(sentences: Sentences, a: Mention, b: Mention, pair: str) -> list[str]:
    """The dependency path between the two mentions' heads: its relations, its words, its length."""
    words = sentences.words
    head_a, head_b = sentences.head(a), sentences.head(b)
    features = [f"ah={words[head_a].lemma}", f"bh={words[head_b].lemma}", f"ar={words[head_a].rel}"]
    features += [f"br={words[head_b].rel}", f"tr={pair}|{words[head_a].rel}|{words[head_b].rel}"]
    if head_a == head_b:
        return [*features, "dp=same"]
    up, down = sentences.path(head_a, head_b)
    rels = "^".join(words[i].rel for i in up[:-1]) + "|" + "_".join(words[i].rel for i in down)
    features += [f"dp={rels}", f"tdp={pair}|{rels}", f"dl={_bucket(len(up) + len(down) - 1)}"]
    middle = up[1:] + down[:-1]
    features += [f"dw={words[i].lemma}" for i in middle] + [f"tdw={pair}|{words[i].lemma}" for i in middle]
    if len(up) > 1 and down:
        features.append(f"lca={pair}|{words[up[-1]].lemma}")
    return features


VECTOR_SIZE = 300
"""The length of a word's vector in natasha's navec embedding."""

BETWEEN = 10
"""Words between the two mentions at most averaged into a pair's vector (the nearest to the first)."""


def pair_vector(sentences: Sentences, a: Mention, b: Mention) -> Any:
    """Four of navec's word vectors for a pair, end to end (1,200 numbers): the heads of `a` and of `b`, their
    lowest common ancestor in the dependency tree, and the mean of the words between the two (the first `BETWEEN`).
    Each is of unit length, or zeros for a word navec lacks. They let the network weigh words it never saw with a
    relation in train by the words they resemble ("скончался" by "умер")."""
    import numpy

    head_a, head_b = sentences.head(a), sentences.head(b)
    up, _ = sentences.path(head_a, head_b)
    low, high = (a, b) if a.start < b.start else (b, a)
    first, last = sentences.first_word(low.end), sentences.last_word(high.start)
    between = [_word_vector(sentences, i) for i in range(first, min(last + 1, first + BETWEEN))]
    mean = numpy.mean(between, axis=0) if between else numpy.zeros(VECTOR_SIZE, numpy.float32)
    found = (_word_vector(sentences, head_a), _word_vector(sentences, head_b), _word_vector(sentences, up[-1]), mean)
    return numpy.concatenate(found).astype(numpy.float32)


def _word_vector(sentences: Sentences, index: int) -> Any:
    return _vector(sentences.written(index).lower(), sentences.words[index].lemma)


@lru_cache(maxsize=16384)
def _vector(word: str, lemma: str) -> Any:
    """navec's vector of `word` (else of its `lemma`) made of unit length, or zeros (kept for the last 16,384 words
    asked: 1.2 KB each, some 20 MB at most in a long build's worker)."""
    import numpy

    embedding = news_embedding()
    for form in (word, lemma):
        found = embedding.get(form)
        if found is not None:
            norm = float(numpy.linalg.norm(found))
            if norm:
                return (found / norm).astype(numpy.float32)
    return numpy.zeros(VECTOR_SIZE, numpy.float32)


SINGLE = "relation_single.tsv"
"""The relation types whose Arg1, or Arg2, NEREL train gives one such relation within a sentence (an event one
POINT_IN_TIME, an office one holder: WORKS_AS's Arg2), one per line, in ``extract/data`` (written with the model)."""


@cache
def single_slots(name: str = SINGLE) -> frozenset[tuple[str, int]]:
    """(relation type, 0 for Arg1 or 1 for Arg2) for each line of `name` in ``extract/data``.

    >>> ("POINT_IN_TIME", 0) in single_slots()
    True
    """
    return slot_table(rows(name))


def slot_table(table: Iterable[Sequence[str]]) -> frozenset[tuple[str, int]]:
    """The slots of the rows of a `SINGLE` table."""
    return frozenset((row[0], 0 if row[1] == "Arg1" else 1) for row in table)


def one_per_slot(relations: Iterable[Relation], slots: Collection[tuple[str, int]]) -> list[Relation]:
    """The relations less those whose type the `slots` give a mention once (as Arg1: 0, or Arg2: 1) where a likelier
    relation of that type already gives it: "Путин встретился с премьером Японии Синдзо Абэ" relates "премьером
    Японии" to Абэ, not to Путин as well.

    >>> a, b, c = Mention(0, 5, "PERSON"), Mention(6, 9, "PROFESSION"), Mention(10, 14, "PERSON")
    >>> kept = one_per_slot([Relation("WORKS_AS", a, b, 0.4), Relation("WORKS_AS", c, b, 0.9)], {("WORKS_AS", 1)})
    >>> [(r.source, r.confidence) for r in kept]
    [(Mention(start=10, end=14, type='PERSON'), 0.9)]
    """
    taken: set[tuple[str, int, Mention]] = set()
    kept = []
    for relation in sorted(relations, key=lambda r: (-r.confidence, r.source.start, r.target.start, r.type)):
        ends = ((relation.type, 0, relation.source), (relation.type, 1, relation.target))
        if any(end in taken for end in ends if end[:2] in slots):
            continue
        taken.update(ends)
        kept.append(relation)
    return sorted(kept, key=lambda r: (r.source.start, r.target.start, r.type))


def signatures() -> dict[tuple[str, str], frozenset[str]]:
    """The (Arg1 type, Arg2 type) pairs NEREL train relates within a sentence often enough to learn, and the
    relation types it gives each pair so often (PERSON, ORGANIZATION: WORKPLACE, FOUNDED_BY…)."""
    return read_signatures(SIGNATURES)


@cache
def read_signatures(name: str) -> dict[tuple[str, str], frozenset[str]]:
    """A signatures file of ``extract/data`` (Arg1 type, Arg2 type, the relation types; tab-separated), read once."""
    return signature_table(rows(name))


def signature_table(table: Iterable[Sequence[str]]) -> dict[tuple[str, str], frozenset[str]]:
    """The signatures of the rows of a signatures table."""
    return {(row[0], row[1]): frozenset(row[2].split()) for row in table}


class Classifier(Protocol):
    """What `likeliest` asks a model: its labels, and each label's probability for each pair's features."""

    def labels(self) -> list[str]: ...

    def probabilities(self, items: Sequence[list[str]], vectors: Any = None) -> Any:
        """A row per item, a column per label (in the order of ``labels``); `vectors`: a row of numbers per item
        (``pair_vector``), for a model that reads them."""
        ...


def likeliest(
    pairs: Iterable[tuple[Mention, Mention]],
    allowed: dict[tuple[str, str], frozenset[str]],
    classifier: Classifier,
    features: Callable[[Mention, Mention], list[str]],
    floor: float,
    vectors: Callable[[Mention, Mention], Any] | None = None,
    second: Callable[[list[tuple[Mention, Mention]]], Any] | None = None,
    weight: float = 0.0,
    least: float = 0.0,
) -> list[Relation]:
    """For each pair, its likeliest relation type of those `allowed` for the pair's types (never ``NONE``) when the
    `classifier` scores it `floor` or more (given each pair's `features`, and its `vectors` when the classifier
    reads them); of two mentions, one relation at most, in the likelier direction. `second`, when given, scores the
    pairs too (a row per pair, the classifier's labels as columns: ``sequence``), and its share of the average is
    `weight`; it is asked only about the pairs to which the classifier gives an allowed type `least` or more (the
    others keep their share of the classifier's probabilities)."""
    column = {label: i for i, label in enumerate(classifier.labels())}
    asked = []
    for a, b in pairs:
        kinds = sorted((allowed[(a.type, b.type)] - {NONE}) & column.keys())
        if kinds:
            asked.append((a, b, kinds))
    if not asked:
        return []
    numbers = None
    if vectors is not None:
        import numpy

        numbers = numpy.stack([vectors(a, b) for a, b, _ in asked])
    table = classifier.probabilities([features(a, b) for a, b, _ in asked], numbers)
    if second is not None and weight:
        doubtful = [i for i, (_, _, kinds) in enumerate(asked) if max(table[i, column[k]] for k in kinds) >= least]
        table = (1 - weight) * table
        if doubtful:
            table[doubtful] += weight * second([asked[i][:2] for i in doubtful])
    best: dict[frozenset[Mention], Relation] = {}
    for (a, b, kinds), row in zip(asked, table, strict=True):
        probability, label = max((float(row[column[kind]]), kind) for kind in kinds)
        pair = frozenset((a, b))
        if probability >= floor and (pair not in best or probability > best[pair].confidence):
            best[pair] = Relation(label, a, b, probability)
    return sorted(best.values(), key=lambda r: (r.source.start, r.target.start, r.type))


def candidates(
    sentences: Sentences, mentions: Sequence[Mention], allowed: Collection[tuple[str, str]]
) -> list[tuple[Mention, Mention]]:
    """The ordered pairs of mentions of one sentence, at most `MAX_GAP` words apart, whose types are `allowed`; not
    two mentions of the same words ("Weibo" as a company and as its product): NEREL train relates such a pair once in
    31,118 relations, and on NEREL dev the classifier related 11 such pairs end to end, none right."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in sorted(set(mentions), key=lambda m: (m.start, m.end, m.type)):
        by_sentence.setdefault(sentences.sentence(mention), []).append(mention)
    pairs = []
    for group in by_sentence.values():
        for a in group:
            for b in group:
                if (a.start, a.end) == (b.start, b.end) or (a.type, b.type) not in allowed:
                    continue
                if abs(sentences.first_word(a.start) - sentences.first_word(b.start)) > MAX_GAP:
                    continue
                pairs.append((a, b))
    return pairs


def relate(
    text: str, mentions: Sequence[Mention], floor: float = FLOOR, sentences: Sentences | None = None
) -> list[Relation]:
    """The relations between `mentions` of `text`: the classifier's within a sentence (for each candidate pair,
    its likeliest relation type of those train gives the pair's types, when it scores `floor` or more), the
    cross-sentence classifier's (``across``), and a person's other names (``aliases``) and family relations told by a
    kinship noun (``family``) where nothing before relates the two mentions. `sentences`: the text's parse, when
    already made."""
    from .across import classify_across
    from .aliases import name_aliases
    from .family import family_relations

    sentences = Sentences(text) if sentences is None else sentences
    found = classify(sentences, mentions, floor) + classify_across(text, sentences, mentions)
    related = {frozenset((r.source, r.target)) for r in found}
    for rule in (name_aliases(text, mentions), family_relations(text, mentions)):
        added = [r for r in rule if frozenset((r.source, r.target)) not in related]
        found += added
        related.update(frozenset((r.source, r.target)) for r in added)
    return found


def classify(sentences: Sentences, mentions: Sequence[Mention], floor: float = FLOOR) -> list[Relation]:
    """The classifier's relations between the mentions of each sentence (see ``relate``); of two mentions, one
    relation at most, in the likelier direction; of a type train gives a mention once (``single_slots``), the
    likeliest only."""
    from .sequence import LEAST, WEIGHT

    allowed, indexed = signatures(), Mentions(mentions)
    pairs = candidates(sentences, mentions, allowed)
    model, reader = _within_models()
    vectors = partial(pair_vector, sentences) if model.reads_vectors else None
    features = partial(pair_features, sentences, indexed)
    second = partial(reader.probabilities, sentences, mentions)
    found = likeliest(pairs, allowed, model, features, floor, vectors, second, WEIGHT, LEAST)
    return one_per_slot(found, single_slots())


@cache
def _within_models() -> tuple["Network", "SequenceModel"]:
    """The networks and the sequence model ``classify`` averages, read once, and checked once to give the same
    labels in the same order (their columns are averaged one for one)."""
    from .network import network
    from .sequence import sequence_model

    model, reader = network(), sequence_model()
    if reader.labels() != model.labels():
        raise ValueError("the relation networks and the sequence model give other labels: retrain them together")
    return model, reader
