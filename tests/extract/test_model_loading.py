"""natasha's models load once per process, and what they have in common is read once."""

from kgraph.extract.relations.learned import _parser
from kgraph.extract.text.ner import _models, news_embedding


def test_natashas_ner_morphology_and_syntax_share_one_word_vocabulary() -> None:
    # the three packs each carry the same 250,000 words; read three times, they took 0.5 s and 84 MB more
    models, (_, _, syntax) = _models(), _parser()
    words = models.ner.infer.encoder.words_vocab
    assert len(words.items) > 200_000
    assert models.morph.infer.encoder.words_vocab is words
    assert syntax.infer.encoder.words_vocab is words


def test_the_embedding_read_without_similarity_tables_gives_natashas_vectors() -> None:
    import numpy
    from natasha import NewsEmbedding

    ours, natashas = news_embedding(), NewsEmbedding()
    assert ours.meta.id == natashas.meta.id
    assert (ours.pq.codes == natashas.pq.codes).all() and (ours.pq.indexes == natashas.pq.indexes).all()
    for word in ("омск", "токаев", "форум", "<unk>"):
        assert numpy.array_equal(ours.get(word), natashas.get(word))
    assert ours.get("qzxwv-не-слово") is None
