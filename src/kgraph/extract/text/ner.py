"""Named entities and their normal forms from natasha's slovnet models, loaded once per process.

natasha finds persons, locations and organisations; its name normaliser gives "Владимира Путина" ->
"Владимир Путин" (word-by-word lemmas would break names). BLAS/OMP threads are set to 1 before loading: on a
shared 2-core machine more threads collapse throughput. OpenBLAS reads the setting once, when numpy is first
imported (natasha imports it), so natasha is imported in one place only, _models(), after limit_threads().

>>> limit_threads()["OMP_NUM_THREADS"]
'1'
"""

import gzip
import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


@dataclass(frozen=True)
class NamedSpan:
    """A named-entity mention: offsets, natasha type (PER, LOC, ORG), the words and their normal form."""

    start: int
    end: int
    type: str
    text: str
    normal: str


@dataclass(frozen=True)
class Token:
    """A word or a punctuation mark as natasha's segmenter (razdel) cuts the text: offsets and characters."""

    start: int
    stop: int
    text: str


@dataclass(frozen=True)
class Analysis:
    """What natasha found in a text: its named-entity spans, the tokens it read and its sentences (start and stop
    offsets), read once for every component that needs them."""

    spans: tuple[NamedSpan, ...]
    tokens: tuple[Token, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()


def limit_threads() -> dict[str, str]:
    """Ask numeric libraries for one thread each (unless the user chose otherwise); returns the settings."""
    for name in _THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    return {name: os.environ[name] for name in _THREAD_VARIABLES}


@dataclass(frozen=True)
class _Models:
    document: Any
    segmenter: Any
    ner: Any
    morph: Any
    vocab: Any


@lru_cache(maxsize=1)
def share_vocabularies() -> None:
    """natasha's NER, morphology and syntax models each carry the same 250,000-word vocabulary in their pack, and
    slovnet reads every copy into a list and a dict of its own: the three models' cold load took 1.87 s and 301 MB
    on this machine, 1.33 s and 217 MB with one copy. slovnet reads a pack's vocabulary through
    ``slovnet.exec.pack.bytes_vocab``; wrapped, a vocabulary with the same words as one read before is that one
    (its encoders only look words up in it)."""
    from slovnet.exec import pack  # type: ignore[import-untyped]

    read = pack.bytes_vocab
    known: dict[bytes, Any] = {}

    def shared(data: bytes) -> Any:
        words = hashlib.sha256(gzip.decompress(data)).digest()
        if words not in known:
            known[words] = read(data)
        return known[words]

    pack.bytes_vocab = shared


@lru_cache(maxsize=1)
def news_embedding() -> Any:
    """natasha's navec embedding, loaded once for its NER, morphology and syntax models (each load takes 0.5 s);
    their vocabularies are read once too (``share_vocabularies``).

    Read as ``natasha.NewsEmbedding`` reads it, but for the similarity tables navec computes as it loads (every
    word's norm, every pair of centroids' products), which only its ``sim`` reads; the models and ``word_classes``
    look vectors up (``get``), the same with or without them. A process that loads only the embedding took 0.38 s
    and 214 MB (best of three on this machine), 0.24 s and 140 MB without the tables; each worker saves as much.

    >>> news_embedding().get("омск").shape
    (300,)
    """
    limit_threads()  # before natasha imports numpy: OpenBLAS reads it only then
    share_vocabularies()
    import numpy
    from natasha.data import NEWS_EMBEDDING  # type: ignore[import-untyped]
    from navec import Navec  # type: ignore[import-untyped]
    from navec.meta import Meta  # type: ignore[import-untyped]
    from navec.navec import META, PQ_, VOCAB  # type: ignore[import-untyped]
    from navec.pq import PQ  # type: ignore[import-untyped]
    from navec.tar import Tar  # type: ignore[import-untyped]
    from navec.vocab import Vocab  # type: ignore[import-untyped]

    class VectorsOnly(PQ):  # type: ignore[misc]
        def precompute(self) -> None:
            """Only what a lookup reads; the tables are for ``sim``, never called here."""
            self.qdims = numpy.arange(self.qdim)

    with Tar(NEWS_EMBEDDING) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        return Navec(meta, Vocab.from_file(tar.load(VOCAB)), VectorsOnly.from_file(tar.load(PQ_)))


@lru_cache(maxsize=1)
def _models() -> _Models:
    limit_threads()  # before natasha imports numpy: OpenBLAS reads it only then
    from natasha import (  # type: ignore[import-untyped]
        Doc,
        MorphVocab,
        NewsMorphTagger,
        NewsNERTagger,
        Segmenter,
    )

    embedding = news_embedding()
    return _Models(Doc, Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), MorphVocab())


def _reach(tagger: Any) -> int | None:
    """How many tokens each side natasha's morphology tagger looks at: each convolution of width k sees (k - 1)
    / 2 more (slovnet's news model: three of width 3, so 3); None when the model is not such a stack."""
    try:
        return int(sum(layer.conv.weight.shape[2] // 2 for layer in tagger.infer.model.encoder.layers))
    except AttributeError:
        return None


def _runs_around_names(sentences: Any, spans: Any, reach: int | None) -> list[list[Any]]:
    """The runs of tokens to tag so that each name's tokens get the tags their whole sentence would give: a
    name's tokens and `reach` tokens each side, within its sentence (runs that meet are one); whole sentences
    when the reach is unknown. A token's tags depend only on the tokens within reach (a sentence's edge is as
    if nothing were beyond it, so a run ends where its sentence does or `reach` tokens past the last name).

    >>> from types import SimpleNamespace as T
    >>> words = [T(text=w) for w in "а б В Г д е ж з и к".split()]
    >>> sentence, name = T(tokens=words), T(tokens=words[2:4])
    >>> [[t.text for t in run] for run in _runs_around_names([sentence], [name], 1)]
    [['б', 'В', 'Г', 'д']]
    """
    where = {id(token): (number, index) for number, s in enumerate(sentences) for index, token in enumerate(s.tokens)}
    named = [[where[id(token)] for token in span.tokens if id(token) in where] for span in spans]
    starting = {places[0][0] for places in named if places}  # the sentences a name starts in are tagged
    wanted: dict[int, list[tuple[int, int]]] = {}
    for places in named:
        for number in starting & {n for n, _ in places}:
            inside = [i for n, i in places if n == number]
            wanted.setdefault(number, []).append((min(inside), max(inside)))
    runs = []
    for number in sorted(wanted):
        tokens = sentences[number].tokens
        if reach is None:
            runs.append(list(tokens))
            continue
        merged: list[list[int]] = []
        for first, last in sorted(wanted[number]):
            start, end = max(0, first - reach), min(len(tokens), last + reach + 1)
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        runs.extend(list(tokens[start:end]) for start, end in merged)
    return runs


def load_models() -> None:
    """Load the models now (they load on first use otherwise); later calls do nothing."""
    _models()


def named_spans(text: str) -> tuple[NamedSpan, ...]:
    """Only natasha's NER (the baseline the extractor is measured against): mentions, not normalised."""
    models = _models()
    doc = models.document(text)
    doc.segment(models.segmenter)
    doc.tag_ner(models.ner)
    return tuple(NamedSpan(s.start, s.stop, s.type, s.text, s.text) for s in doc.spans)


def _tag_names(doc: Any) -> None:
    """natasha's NER over the tokens its segmenter cut (`doc.tag_ner` would make slovnet cut the text again), the
    first line (an article's headline) read apart from the rest (`_headline`). On NEREL dev, whose texts open with
    a headline too, against one run over the whole text: PERSON F1 0.960 to 0.962, ORGANIZATION 0.805 to 0.806,
    CITY 0.906 to 0.909, all 29 types 0.794 to 0.795, relations end to end 0.451 to 0.452."""
    infer = _models().ner.infer  # first: it sets the threads before natasha (and numpy) load
    from natasha.doc import DocSpan  # type: ignore[import-untyped]
    from slovnet.bio import bio_spans  # type: ignore[import-untyped]

    if not doc.text.strip():
        doc.spans = []
        return

    def tags_of(tokens: list[Any]) -> list[str]:
        return list(next(infer.decoder(infer.process(infer.encoder([[token.text for token in tokens]])))))

    head, rest = _headline(doc.text, doc.tokens)
    tags = tags_of(doc.tokens[: len(head) + _HEADLINE_CONTEXT])[: len(head)] if head else []
    if rest:
        after = tags_of(rest)
        if after[0].startswith("I-"):  # no name runs on from the headline into the text
            after[0] = "B-" + after[0][2:]
        tags.extend(after)
    spans = bio_spans(doc.tokens, tags)
    doc.spans = [DocSpan(s.start, s.stop, s.type, doc.text[s.start : s.stop]) for s in spans]
    doc.envelop_span_tokens()


_HEADLINE_CONTEXT = 32
"""Tokens of the text read after the headline when the headline's own words are tagged (as when the whole text was
read in one run: a one-word headline read alone, "Визит", reads as an organisation)."""


def _headline(text: str, tokens: list[Any]) -> tuple[list[Any], list[Any]]:
    """The tokens of the first line (an article's headline) and of the rest. The NER reads the rest apart from
    the headline, its lines together (a line's first name keeps the words before it, which NEREL dev's scores
    show the NER reads better with): read after the headline, the text's first name could be cut ("Новости"
    beside "Сергей Лавров" left the surname out)."""
    first = text.find("\n")
    cut = len(text) if first < 0 else first
    head = [token for token in tokens if token.stop <= cut]
    return head, tokens[len(head) :]


def _tag_morphology(runs: list[list[Any]]) -> None:
    """Set natasha's part of speech and features on each token of `runs`. The runs go to the tagger shortest
    first, so that each batch holds runs of similar length (a batch is padded to its longest run)."""
    tagger = _models().morph
    order = sorted(range(len(runs)), key=lambda n: len(runs[n]))
    markups = tagger.map([[token.text for token in runs[n]] for n in order])
    for n, markup in zip(order, markups, strict=True):
        for token, tagged in zip(runs[n], markup.tokens, strict=True):
            token.pos, token.feats = tagged.pos, tagged.feats


def analyse(text: str) -> Analysis:
    """Named entities of `text`, normalised; morphology runs only on the sentences that hold a mention."""
    models = _models()
    doc = models.document(text)
    doc.segment(models.segmenter)
    _tag_names(doc)
    if doc.spans:
        # Tagging every sentence costs more than the NER itself; the normaliser needs only the names' tokens.
        _tag_morphology(_runs_around_names(doc.sents, doc.spans, _reach(models.morph)))
    spans = []
    for span in doc.spans:
        try:
            span.normalize(models.vocab)
            normal = span.normal or span.text
        except (
            ValueError,
            KeyError,
            IndexError,
            TypeError,
        ):  # odd tokens break the normaliser; keep the words
            normal = span.text
        spans.append(NamedSpan(span.start, span.stop, span.type, span.text, normal))
    tokens = tuple(Token(t.start, t.stop, t.text) for t in doc.tokens)
    return Analysis(tuple(spans), tokens, tuple((s.start, s.stop) for s in doc.sents))
