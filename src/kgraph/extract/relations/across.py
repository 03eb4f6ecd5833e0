"""NEREL's relations between mentions of different sentences, by a classifier trained on NEREL train
(scripts/train_cross_relations.py; the model is ``extract/data/cross_relations.npz``).

A candidate is an ordered pair of mentions of two sentences at most `MAX_DISTANCE` apart whose types train relates
across sentences (`cross_signatures`); annotators link a mention to the nearest one that fits, so of each type only
the `NEAREST` closest mentions on either side of a mention are asked about, and the closest one written alike
("Госдума" and "Госдумы", "России" and "российских", "РФ" and "Российской Федерации") up to `SIMILAR_DISTANCE`
sentences away. Three small feed-forward networks, averaged (``network``, as within a sentence), score the relation
types train gives the pair's types across sentences, and ``NONE``. Their features are the types, their order,
the sentences between them, how many mentions of the same type lie nearer (and how many written alike), whether each
sentence has a mention of the other's type or a pronoun, how alike the two are written (same lemmas, a shared stem,
one inside the other, initials), their head lemmas and the words those depend on, their first and last words and
lengths, the word before each and the first word of its sentence, whether each is the first of its words (and of
its type) in the text, and how often the text mentions each (a biography's person is mentioned most: "Людмила
Зыкина … Она работала швеёй").

>>> from kgraph.extract.relations.learned import Sentences
>>> text = "Губернатор области Олег Седов открыл мост. Седов назвал его важным."
>>> mentions = [Mention(0, 10, "PROFESSION"), Mention(19, 29, "PERSON"), Mention(43, 48, "PERSON")]
>>> [(text[r.source.start:r.source.end], r.type, text[r.target.start:r.target.end])
...  for r in classify_across(text, Sentences(text), mentions)]
[('Олег Седов', 'ALTERNATIVE_NAME', 'Седов')]
"""

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import partial

from .learned import Classifier, Mention, Relation, Sentences, likeliest, read_signatures
from .network import network

MODEL = "cross_relations.npz"
"""The model's file, in ``extract/data``."""

SIGNATURES = "cross_signatures.tsv"
"""The (Arg1 type, Arg2 type) pairs the model is asked about across sentences, and the relation types train gives
each, one pair per line, in ``extract/data`` (written with the model)."""

FLOOR = 0.4
"""The probability a cross-sentence relation needs to be kept, chosen for the maximum-entropy classifier the networks
replaced: on the last 150 train documents (the model trained on the rest, given the gold mentions, with ``aliases``'
rule) 0.4 gave F1 0.569 over all relations (0.564 without this model), 0.25 gave 0.564, 0.6 gave 0.570. The networks
alone there: 0.4 gives P 0.575 R 0.172 F1 0.265 across sentences (the maximum-entropy classifier P 0.435 R 0.189 F1
0.264); 0.3 gives F1 0.284, 0.2 gives 0.298 at P 0.423 (more of its relations wrong than right)."""

MAX_DISTANCE = 3
"""Sentences at most between the two mentions of a candidate pair (88% of train's cross-sentence relations)."""

SIMILAR_DISTANCE = 10
"""Sentences at most between two mentions written alike (an alternative name may come back much later)."""

NEAREST = 2
"""Mentions of a type asked about on each side of a mention, the nearest first."""

STEM = 4
"""Letters two words must begin with alike to share a stem ("Госдума", "Госдумы"; "России", "Российской")."""


def _clean(word: str) -> str:
    return word.lower().replace("ё", "е").strip(".,;:«»\"'()")


def _prefix(one: str, two: str) -> int:
    """The number of letters `one` and `two` begin with alike."""
    length = 0
    for x, y in zip(one, two, strict=False):
        if x != y:
            break
        length += 1
    return length


def _initials(words: Sequence[str]) -> str:
    """The first letters of the words of three letters or more, and of each part of a hyphenated one."""
    return "".join(part[0] for word in words for part in word.split("-") if len(word) > 2 and part)


class Context:
    """What the features of a text's pairs read: each mention's sentence, words, lemmas and head, and the mentions
    of each type by sentence."""

    def __init__(self, text: str, sentences: Sentences, mentions: Sequence[Mention]) -> None:
        self.text = text
        self.sentences = sentences
        self._similar: dict[tuple[Mention, Mention], list[str]] = {}
        self.mentions = sorted(set(mentions), key=lambda m: (m.start, m.end, m.type))
        self.sentence = {m: sentences.sentence(m) for m in self.mentions}
        words = sentences.words
        self.words: dict[Mention, list[str]] = {}
        self.lemmas: dict[Mention, list[str]] = {}
        self.heads: dict[Mention, str] = {}
        self.rels: dict[Mention, str] = {}
        self.governors: dict[Mention, str] = {}
        seen: set[str] = set()
        self.first: set[Mention] = set()
        for m in self.mentions:
            self.words[m] = [_clean(w) for w in text[m.start : m.end].split()] or [""]
            first, last = sentences.first_word(m.start), sentences.last_word(m.end)
            self.lemmas[m] = [words[i].lemma for i in range(first, last + 1)] or [""]
            head = sentences.head(m) if words else -1
            self.heads[m] = words[head].lemma if 0 <= head < len(words) else ""
            self.rels[m] = words[head].rel if 0 <= head < len(words) else ""
            governor = words[head].head if 0 <= head < len(words) else -1
            self.governors[m] = words[governor].lemma if governor >= 0 else "ROOT"
            written = " ".join(self.words[m])
            if written not in seen:
                self.first.add(m)
            seen.add(written)
        self.types_in: dict[int, set[str]] = {}
        self.by_type: dict[str, list[Mention]] = {}
        for m in self.mentions:
            self.types_in.setdefault(self.sentence[m], set()).add(m.type)
            self.by_type.setdefault(m.type, []).append(m)
        self.starts = {kind: [m.start for m in group] for kind, group in self.by_type.items()}
        self.leading = {group[0] for group in self.by_type.values()}
        self.before: dict[Mention, str] = {}
        self.opening: dict[Mention, str] = {}
        for m in self.mentions:
            first = sentences.first_word(m.start)
            inside = 0 < first <= len(words) and sentences.sentence_of_word[first - 1] == self.sentence[m]
            self.before[m] = words[first - 1].lemma if inside else "START"
            opening = bisect_left(sentences.sentence_of_word, self.sentence[m])
            self.opening[m] = words[opening].lemma if opening < len(words) else ""
        self.pronouns = {sentences.sentence_of_word[i] for i, w in enumerate(words) if w.lemma in _PRONOUNS}
        stems = Counter((m.type, self.words[m][-1][:STEM]) for m in self.mentions)
        self.mentioned = {m: stems[(m.type, self.words[m][-1][:STEM])] for m in self.mentions}
        most: dict[str, int] = {}
        for m in self.mentions:
            most[m.type] = max(most.get(m.type, 0), self.mentioned[m])
        self.salient = {m for m in self.mentions if self.mentioned[m] == most[m.type] and most[m.type] > 1}

    def similar(self, a: Mention, b: Mention) -> list[str]:
        """How alike `a` and `b` are written: the features naming it (empty when not alike); each pair is looked at
        once."""
        found = self._similar.get((a, b))
        if found is None:
            found = self._similar[(a, b)] = self._similar[(b, a)] = self._alike(a, b)
        return found

    def _alike(self, a: Mention, b: Mention) -> list[str]:
        wa, wb = self.words[a], self.words[b]
        la, lb = self.lemmas[a], self.lemmas[b]
        found = []
        if wa == wb:
            found.append("same_text")
        elif la == lb:
            found.append("same_lemmas")
        elif la[-1] == lb[-1]:
            found.append("same_last")
        if set(la) < set(lb) or set(lb) < set(la):
            found.append("lemmas_inside")
        prefix = max(_prefix(x, y) for x in wa for y in wb)
        if prefix >= STEM:
            found.append("stem" if prefix < 6 else "stem6")
            if _prefix(wa[-1], wb[-1]) >= STEM:
                found.append("stem_last")
        short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
        if len(short) == 1 and 1 < len(short[0]) <= 6 and _initials(long) and short[0] == _initials(long):
            found.append("initials")
        return found

    def nearer(self, a: Mention, b: Mention) -> int:
        """How many mentions of b's type, in other sentences than a's, lie between a and b."""
        group = self.by_type[b.type]
        low, high = (a.end, b.start) if a.start < b.start else (b.end, a.start)
        starts = self.starts[b.type]
        between = group[bisect_left(starts, low) : bisect_left(starts, high)]
        return sum(1 for m in between if self.sentence[m] != self.sentence[a] and m != b)

    def nearer_alike(self, a: Mention, b: Mention) -> int:
        """How many mentions of b's type written like `a` or `b` lie between them."""
        group = self.by_type[b.type]
        low, high = (a.end, b.start) if a.start < b.start else (b.end, a.start)
        starts = self.starts[b.type]
        between = group[bisect_left(starts, low) : bisect_left(starts, high)]
        return sum(1 for m in between if m not in (a, b) and (self.similar(a, m) or self.similar(b, m)))


_PRONOUNS = frozenset({"он", "она", "они", "который"})
"""Lemmas by which a sentence may speak of a person of another sentence."""


def _bucket(number: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8")):
        if number <= limit:
            return name
    return "9+"


def candidates(context: Context, allowed: dict[tuple[str, str], frozenset[str]]) -> list[tuple[Mention, Mention]]:
    """The ordered pairs of mentions of different sentences the classifier is asked about (see the module's
    docstring), whose types are `allowed`."""
    related = {a for a, _ in allowed} | {b for _, b in allowed}
    pairs: set[tuple[Mention, Mention]] = set()
    sentence = context.sentence
    for a in context.mentions:
        if a.type not in related:
            continue
        for kind, group in context.by_type.items():
            if (a.type, kind) not in allowed and (kind, a.type) not in allowed:
                continue
            position = bisect_left(context.starts[kind], a.start)
            for side in (reversed(group[:position]), group[position:]):
                near = 0
                alike = False
                for b in side:
                    distance = abs(sentence[b] - sentence[a])
                    if distance == 0:
                        continue
                    if distance > SIMILAR_DISTANCE or (distance > MAX_DISTANCE and alike):
                        break
                    take = near < NEAREST and distance <= MAX_DISTANCE
                    near += distance <= MAX_DISTANCE
                    if not alike and context.similar(a, b):
                        alike = take = True
                    if take:
                        pairs.add((a, b))
                        pairs.add((b, a))
    return sorted(
        (pair for pair in pairs if (pair[0].type, pair[1].type) in allowed),
        key=lambda p: (p[0].start, p[0].end, p[1].start, p[1].end, p[0].type, p[1].type),
    )


def pair_features(context: Context, a: Mention, b: Mention) -> list[str]:
    """The classifier's features of the ordered pair (a, b) of mentions of different sentences."""
    pair = f"{a.type}|{b.type}"
    order = "A_B" if a.start < b.start else "B_A"
    distance = _bucket(abs(context.sentence[a] - context.sentence[b]))
    features = [f"t={pair}", f"ta={a.type}", f"tb={b.type}", f"o={order}", f"to={pair}|{order}"]
    features += [f"d={distance}", f"td={pair}|{order}|{distance}"]
    nearer_b, nearer_a = _bucket(context.nearer(a, b)), _bucket(context.nearer(b, a))
    features += [f"nb={nearer_b}", f"na={nearer_a}", f"tnb={pair}|{order}|{nearer_b}", f"tna={pair}|{nearer_a}"]
    has_b = b.type in context.types_in[context.sentence[a]] and a.type != b.type
    has_a = a.type in context.types_in[context.sentence[b]] and a.type != b.type
    features += [f"hb={pair}|{has_b}", f"ha={pair}|{has_a}", f"tdh={pair}|{order}|{distance}|{has_a}|{has_b}"]
    pronoun_b = context.sentence[b] in context.pronouns
    features.append(f"pha={pair}|{order}|{pronoun_b}|{has_a}|{nearer_a}")
    alike = context.similar(a, b)
    features += (
        [f"s={s}" for s in alike] + [f"ts={pair}|{s}" for s in alike] + [f"tso={pair}|{order}|{s}" for s in alike]
    )
    if not alike:
        features.append(f"ts={pair}|none")
    else:
        closer = _bucket(context.nearer_alike(a, b))
        features += [f"nalike={pair}|{closer}", f"nalikeo={pair}|{order}|{closer}"]
    for name, m, other in (("a", a, b), ("b", b, a)):
        features += [f"{name}g={pair}|{context.governors[m]}", f"{name}sal={pair}|{m in context.salient}"]
        features += [f"{name}m={pair}|{_bucket(context.mentioned[m])}"]
        features.append(f"{name}p={pair}|{context.sentence[other] in context.pronouns}")
    features.append(f"sn={pair}|{order}|{'+'.join(alike[:2]) or 'none'}|{nearer_b}")
    na, nb = len(context.words[a]), len(context.words[b])
    longer = "a" if na > nb else "b" if nb > na else "="
    features += [f"l={pair}|{order}|{longer}", f"an={_bucket(na)}", f"bn={_bucket(nb)}", f"tn={pair}|{na > 1}|{nb > 1}"]
    features += [f"first={pair}|{order}|{a in context.first}|{b in context.first}"]
    for name, m in (("a", a), ("b", b)):
        lemmas = context.lemmas[m]
        features += [f"{name}h={context.heads[m]}", f"{name}0={lemmas[0]}", f"{name}1={lemmas[-1]}"]
        features += [f"t{name}h={pair}|{context.heads[m]}", f"{name}r={pair}|{context.rels[m]}"]
    features.append(f"hh={context.heads[a]}|{context.heads[b]}")
    for name, m in (("a", a), ("b", b)):
        before, opening = context.before[m], context.opening[m]
        features += [f"{name}l={pair}|{before}", f"{name}o={pair}|{opening}"]
        features += [f"{name}s={pair}|{_bucket(min(context.sentence[m], 3))}", f"{name}f={pair}|{m in context.leading}"]
    return features


def cross_signatures() -> dict[tuple[str, str], frozenset[str]]:
    """The (Arg1 type, Arg2 type) pairs NEREL train relates across sentences often enough to learn, and the relation
    types it gives each pair so often."""
    return read_signatures(SIGNATURES)


def classify_across(
    text: str,
    sentences: Sentences,
    mentions: Sequence[Mention],
    floor: float = FLOOR,
    classifier: Classifier | None = None,
) -> list[Relation]:
    """The classifier's relations between mentions of different sentences: for each candidate pair, its likeliest
    relation type of those train gives the pair's types, when it scores `floor` or more; of two mentions, one
    relation at most, in the likelier direction."""
    allowed, context = cross_signatures(), Context(text, sentences, mentions)
    pairs = candidates(context, allowed)
    return likeliest(pairs, allowed, classifier or network(MODEL), partial(pair_features, context), floor)
