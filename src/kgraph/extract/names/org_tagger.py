"""Organisation names by a CRF sequence tagger trained on NEREL train (org_tagger.crfsuite).

The rules find organisations by their words; NEREL's organisations are often long genitive chains
("Министерства обороны Соединенного Королевства"), lower-case phrases or brands that no rule covers. A CRF over
each token's words, morphology, word class (``text.word_classes``) and natasha tag, trained by
scripts/train_org_tagger.py on the outermost organisation names of NEREL train, finds such names and says how
likely each token is inside one. Its marginals are averaged with a second opinion's, an LSTM that reads the whole
sentence (``typed.sequence``, ``org_sequence.npz``; held out, exact names' F1 0.812 -> 0.829). The models are derived
from NEREL v1.1 train only (the source, citation and licence are in gazetteer.tsv's header), 1.2 MB and 2.7 MB.

>>> from kgraph.extract.text.ner import Analysis, NamedSpan, Token
>>> vienna = NamedSpan(4, 8, "LOC", "Вены", "Вена")
>>> features = token_features("Суд Вены", Analysis((vienna,), (Token(0, 3, "Суд"), Token(4, 8, "Вены"))))
>>> features[1]["ner"], features[1]["-1:lemma"]
('B-LOC', 'суд')
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from ..data.models import open_tagger
from ..text.disease_words import disease_word
from ..text.ner import Analysis, Token
from ..text.normalise import parses
from ..text.word_classes import word_class

MODEL = "org_tagger.crfsuite"
"""The trained model, beside this module."""

_FLAGS = ("Geox", "Name", "Surn", "Orgn", "Abbr", "Patr")
_CONTEXT = ("w", "lemma", "pos", "case", "title", "ner", "punct", "upper", "cls")

Features = dict[str, str | float]


def token_features(text: str, analysis: Analysis) -> list[Features]:
    """For each token natasha read in `text`, the CRF's features: the word, its ending, shape, pymorphy3's part of
    speech, case and name tags, its lemma's word class (``text.word_classes``), natasha's tag, whether it is in
    quotes, and the same for two tokens each side; and its lemma's kind among the words of diseases
    (``text.disease_words``), its own only (the word before a disease is seldom part of one).
    A yes-or-no feature is there only when it holds (an absent one weighs what a 0.0 would)."""
    tokens = analysis.tokens
    ner = labels(tokens, [(s.start, s.end) for s in analysis.spans], [s.type for s in analysis.spans])
    base = [_own_features(text, tokens, i, ner[i]) for i in range(len(tokens))]
    quotes = 0
    for i, token in enumerate(tokens):
        quotes += token.text in "«„"
        if quotes > 0:
            base[i]["inq"] = 1.0
        if token.text in "»“":
            quotes = max(0, quotes - 1)
    features: list[Features] = []
    for i, own in enumerate(base):
        item: Features = dict(own)
        for offset, keys in _CONTEXT_KEYS:
            if 0 <= i + offset < len(base):
                other = base[i + offset]
                item.update({key: other[name] for name, key in keys if name in other})
            else:
                item[f"{offset}:pad"] = 1.0
        before = base[i - 1] if i else None
        after = base[i + 1] if i + 1 < len(base) else None
        item["-1:w|w"] = f"{before['w'] if before else '^'}|{own['w']}"
        item["-1:lemma|pos"] = f"{before['lemma'] if before else '^'}|{own['pos']}"
        item["lemma|+1:case"] = f"{own['lemma']}|{after['case'] if after else '$'}"
        item["bias"] = 1.0
        features.append(item)
    return features


_CONTEXT_KEYS = [(offset, [(name, f"{offset}:{name}") for name in _CONTEXT]) for offset in (-2, -1, 1, 2)]


def _own_features(text: str, tokens: Sequence[Token], i: int, ner: str) -> Features:
    word = tokens[i].text
    lower = word.lower()
    pos, case, lemma, tags = _reading(lower)
    own: Features = {
        "w": lower,
        "suf3": lower[-3:],
        "suf2": lower[-2:],
        "pos": pos,
        "case": case,
        "lemma": lemma or word,
        "ner": ner,
    }
    if lemma and (cls := word_class(lemma)):
        own["cls"] = cls
    if lemma and (kind := disease_word(lemma)):
        own["icd"] = kind
    flags = {
        "title": word[:1].isupper(),
        "upper": word.isupper() and len(word) > 1,
        "digit": word.isdigit(),
        "latin": re.search(r"[A-Za-z]", word) is not None,
        "punct": pos == "P",
        "nl_before": "\n" in text[tokens[i - 1].stop : tokens[i].start] if i else True,
    }
    own.update({name: 1.0 for name, holds in flags.items() if holds})
    own.update({flag: 1.0 for flag in tags})
    return own


@lru_cache(maxsize=65536)
def _reading(lower: str) -> tuple[str, str, str, tuple[str, ...]]:
    """pymorphy3's first reading of a word: part of speech, case, lemma and which of the name tags it has; for
    a token with no letter or digit, ("P", "-", "", ())."""
    if not re.search(r"\w", lower):
        return "P", "-", "", ()
    parse = parses(lower)[0]
    tags = parse.tag.grammemes
    return str(parse.tag.POS), str(parse.tag.case), str(parse.normal_form), tuple(f for f in _FLAGS if f in tags)


def outermost(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans no other one contains or overlaps from the left: the layer a flat tagger learns.

    >>> outermost([(0, 20), (0, 8), (12, 20), (30, 35)])
    [(0, 20), (30, 35)]
    """
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def labels(tokens: Sequence[Token], spans: Sequence[tuple[int, int]], kinds: Sequence[str] | None = None) -> list[str]:
    """B, I or O per token for the given (non-overlapping) spans; with `kinds`, "B-LOC", "I-LOC" and so on.

    >>> tokens = [Token(0, 3, "Суд"), Token(4, 8, "Вены")]
    >>> labels(tokens, [(0, 8)]), labels(tokens, [(4, 8)], ["LOC"])
    (['B', 'I'], ['O', 'B-LOC'])
    """
    starts, stops = [t.start for t in tokens], [t.stop for t in tokens]
    found = ["O"] * len(tokens)
    for n, (start, end) in enumerate(spans):
        suffix = f"-{kinds[n]}" if kinds else ""
        inside = range(bisect_left(starts, start), bisect_right(stops, end))  # the tokens within start..end
        for i in inside:
            found[i] = ("B" if i == inside.start else "I") + suffix
    return found


@dataclass(frozen=True)
class OrganisationTags:
    """What the tagger says of one text: the names it finds (start, end, confidence) and, per token, how likely
    the token is inside an organisation's name."""

    names: list[tuple[int, int, float]]
    tokens: list[tuple[int, int, float]]

    @cached_property
    def _bounds(self) -> tuple[list[int], list[int]]:
        return [s for s, _, _ in self.tokens], [e for _, e, _ in self.tokens]

    def likelihood(self, start: int, end: int) -> float:
        """The highest likelihood of a token within start..end being in a name (1.0 when no token is)."""
        starts, stops = self._bounds  # the tokens are in text order: those within start..end are a run of them
        inside = [p for _, _, p in self.tokens[bisect_left(starts, start) : bisect_right(stops, end)]]
        return max(inside) if inside else 1.0


def tag_organisations(
    text: str, analysis: Analysis, features: list[Features] | None = None, second: Any = None
) -> OrganisationTags:
    """The organisation names the tagger finds in `text`, given natasha's `analysis` of it (and the features of
    its tokens and the LSTM's probabilities, when already computed): names where the CRF's marginals averaged with
    the LSTM's say so; how likely each token is inside a name by the CRF alone, as the rules' organisations were
    vetoed when `names.components._NO_NAME` was chosen (the average kept "пресс-служба" and "Дом Пашкова" as bodies
    in articles of our own)."""
    tokens = analysis.tokens
    features = token_features(text, analysis) if features is None else features
    if not tokens:
        return OrganisationTags([], [])
    from ..typed.sequence import ORGANISATIONS, rows, sequence_model
    from ..typed.taggers import blended_runs

    tagger = open_tagger(MODEL)
    tagger.set(features)
    if second is None:
        second = sequence_model(ORGANISATIONS).probabilities(features, rows(analysis))["outer"]
    inside = [1.0 - tagger.marginal("O", i) for i in range(len(tokens))]  # before any labelling
    names = within_lines(text, blended_runs(tagger, tokens, second))
    return OrganisationTags(names, [(t.start, t.stop, p) for t, p in zip(tokens, inside, strict=True)])


def within_lines(text: str, runs: Sequence[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """`runs` of `text` cut at each line break, each piece with the run's confidence: no NEREL train mention holds
    one (of 44,740), and a tagger reads a headline's last word and the text's first as neighbours ("убийстве
    полицейского" above the header's lines, blanked, and "Сотрудники ФСБ …" after them).

    >>> text = "убийстве полицейского\\n\\nСотрудники ФСБ задержали"
    >>> [text[s:e] for s, e, _ in within_lines(text, [(9, 38, 0.8)])]
    ['полицейского', 'Сотрудники ФСБ']
    """
    found = []
    for start, end, score in runs:
        for line in re.finditer(r"[^\n]+", text[start:end]):
            piece = line.group()
            first, last = (
                start + line.start() + len(piece) - len(piece.lstrip()),
                start + line.start() + len(piece.rstrip()),
            )
            if first < last:
                found.append((first, last, score))
    return found


def bio_runs(tagger: Any, tokens: Sequence[Token]) -> list[tuple[int, int, float]]:
    """The B/I runs of a CRF's best labelling of `tokens` (set on it already), each with the least likely of its
    labels as its confidence; a run's leading and trailing markup (a headline's "#", a list's "-" or "*") is left
    out, and a run of markup alone dropped."""
    return label_runs(tagger.tag(), tagger.marginal, tokens)


def label_runs(
    best: Sequence[str], likelihood: Callable[[str, int], float], tokens: Sequence[Token]
) -> list[tuple[int, int, float]]:
    """The B/I runs of the labelling `best` of `tokens`, each with the least `likelihood` (label, token index) of
    its labels as its confidence, less leading and trailing markup (as `bio_runs`) and trailing prepositions and
    conjunctions (`joining_word`)."""
    found: list[tuple[int, int, float]] = []
    first = None
    for i, label in enumerate([*best, "O"]):
        if first is not None and label != "I":
            score = min([likelihood("B", first)] + [likelihood("I", j) for j in range(first + 1, i)])
            start, stop = first, i - 1
            while start <= stop and _is_markup(tokens[start].text):
                start += 1
            while stop >= start and (_is_markup(tokens[stop].text) or joining_word(tokens[stop].text)):
                stop -= 1  # nor a trailing preposition or conjunction ("Суд в"), at which no NEREL name ends
            if start <= stop:
                found.append((tokens[start].start, tokens[stop].stop, score))
            first = None
        if label == "B" or (label == "I" and first is None):
            first = i
    return found


_MARKUP = frozenset("#*_>~`|•-—–")
"""Characters of markdown and lists that no name starts or ends with."""


@lru_cache(maxsize=4096)
def joining_word(word: str) -> bool:
    """A preposition or conjunction in lower case, or an opening quote or bracket, at which no name ends: of NEREL
    train's 26,823 mentions of the types the taggers give (organisations and the types not in
    ``typed.taggers.RULE_TYPES``), eight end at such a word ("Президентские выборы в", "послом США в") and none at an
    opening quote ("АО «" of "АО «Почта России»").

    >>> joining_word("в"), joining_word("и"), joining_word("«"), joining_word("В"), joining_word("суд")
    (True, True, True, False, False)

    Nor at "имени" (63 of train's mentions hold it, none ends at it: "фестиваль имени Федора Шаляпина").

    >>> joining_word("имени"), joining_word("им")
    (True, True)
    """
    if word in _OPENING or word in _NAMED_AFTER:
        return True
    return word.islower() and parses(word)[0].tag.POS in {"PREP", "CONJ"}


_NAMED_AFTER = frozenset({"имени", "им"})
"""The words before whom a thing is named after ("театр имени Мусы Джалиля", "им. Пушкина")."""

_OPENING = frozenset("«„([")
"""Opening quotes and brackets ("“" is left out: „…“ closes with it)."""


def _is_markup(token: str) -> bool:
    """Whether a token is markup alone: "#", "**", "-".

    >>> _is_markup("#"), _is_markup("—"), _is_markup("«"), _is_markup("А")
    (True, True, False, False)
    """
    return all(char in _MARKUP for char in token)
