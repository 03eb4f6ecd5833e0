"""Words of diseases and injuries: the lemmas of the Russian ICD-10's names (``extract/data/disease_words.tsv``,
built by scripts/build_disease_words.py from the Ministry of Health of Russia's МКБ-10).

NEREL train names few diseases; a tagger that learned "грипп" and "пневмония" as diseases learns, through this
feature, what a word of the classifier weighs, and so reads "коронавирус" and "COVID-19", which train never shows.

>>> disease_word("коронавирус"), disease_word("covid-19"), disease_word("злокачественный"), disease_word("министр")
('n', 'n', 'a', '')
"""

from functools import cache

from ..data.tables import rows

TABLE = "disease_words.tsv"
"""The table's file, in ``extract/data``: lemma, kind ("n" a noun or a word pymorphy3 cannot read, "a" an adjective
or participle), names holding it."""


@cache
def _kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for lemma, kind, _ in rows(TABLE):
        if kinds.get(lemma) != "n":  # a lemma read as both: the noun
            kinds[lemma] = kind
    return kinds


def disease_word(lemma: str) -> str:
    """The kind of a lower-case lemma among the ICD-10's words ("n" or "a"), "" for a word it lacks."""
    return _kinds().get(lemma, "")
