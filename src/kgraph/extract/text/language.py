"""Which language a text is in (py3langid's naive Bayes over byte n-grams, 140 languages), so that kgraph can say
why an article that is not Russian gives an empty graph instead of giving it silently.

Only a text of `MIN_LETTERS` letters or more is judged, and only a judgement of `MIN_PROBABILITY` or more counts:
on NEREL's 745 Russian articles, cut to their first 40 letters of each paragraph (6,179 pieces), none was judged
another language that confidently, while sample English, Ukrainian, German, Kazakh and Belarusian paragraphs cut to 80
letters are. A long text is judged by a sample (`sample`), so that the cost stays a few milliseconds.

>>> english = language_of("The leaders of Russia and Kazakhstan closed the forum in Omsk on Thursday.")
>>> english.code, english.name, english.probability > MIN_PROBABILITY
('en', 'English', True)
>>> foreign_language("Президент России Владимир Путин встретился с Сатьей Наделлой (Satya Nadella) в Москве.")
>>> language_of("Putin in Omsk") is None  # too few letters to judge
True
"""

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ...source import Article

MIN_LETTERS = 40
"""The fewest letters judged: a headline alone is too short (Russian ones are taken for Bulgarian or Macedonian)."""

MIN_PROBABILITY = 0.9
"""How sure the model must be that a text is not Russian before kgraph says so."""

SAMPLE_HEAD, SAMPLE_MIDDLE = 4000, 2000
"""A longer text is judged by its first `SAMPLE_HEAD` characters and `SAMPLE_MIDDLE` from its middle."""

_NAMES = {
    code: name.replace("_", " ")
    for code, name in re.findall(
        r"([a-z]+):(\S+)",
        """
af:Afrikaans am:Amharic ar:Arabic as:Assamese az:Azerbaijani be:Belarusian bg:Bulgarian bn:Bengali br:Breton
bs:Bosnian ca:Catalan cs:Czech cy:Welsh da:Danish de:German el:Greek en:English eo:Esperanto es:Spanish et:Estonian
eu:Basque fa:Persian fi:Finnish fr:French fy:Western_Frisian ga:Irish gd:Scottish_Gaelic gl:Galician gu:Gujarati
ha:Hausa he:Hebrew hi:Hindi hr:Croatian ht:Haitian_Creole hu:Hungarian hy:Armenian id:Indonesian ig:Igbo
is:Icelandic it:Italian ja:Japanese jv:Javanese ka:Georgian kk:Kazakh km:Khmer kn:Kannada ko:Korean ku:Kurdish
ky:Kyrgyz la:Latin lg:Ganda ln:Lingala lo:Lao lt:Lithuanian lv:Latvian mg:Malagasy mk:Macedonian ml:Malayalam
mn:Mongolian mr:Marathi ms:Malay my:Burmese ne:Nepali nl:Dutch no:Norwegian om:Oromo or:Odia pa:Punjabi pl:Polish
ps:Pashto pt:Portuguese qu:Quechua ro:Romanian ru:Russian sa:Sanskrit si:Sinhala sk:Slovak sl:Slovenian so:Somali
sq:Albanian sr:Serbian sv:Swedish sw:Swahili ta:Tamil te:Telugu th:Thai tl:Tagalog tr:Turkish ug:Uyghur
uk:Ukrainian ur:Urdu uz:Uzbek vi:Vietnamese xh:Xhosa yo:Yoruba zh:Chinese zu:Zulu ace:Acehnese bcl:Central_Bikol
dz:Dzongkha ext:Extremaduran gcf:Guadeloupean_Creole gom:Konkani grc:Ancient_Greek gug:Guarani hbo:Ancient_Hebrew
kik:Kikuyu nso:Northern_Sotho pcm:Nigerian_Pidgin rw:Kinyarwanda se:Northern_Sami sn:Shona st:Southern_Sotho
an:Aragonese ary:Moroccan_Arabic crh:Crimean_Tatar fo:Faroese fuv:Nigerian_Fulfulde gcr:Guianese_Creole guw:Gun
kab:Kabyle lb:Luxembourgish lij:Ligurian ltg:Latgalian uzs:Southern_Uzbek wa:Walloon sdh:Southern_Kurdish
arz:Egyptian_Arabic ba:Bashkir mt:Maltese nn:Norwegian_Nynorsk oc:Occitan tg:Tajik tk:Turkmen tt:Tatar vec:Venetian
vo:Volapük wuu:Wu_Chinese yue:Cantonese
""",
    )
}
"""English names of the model's languages (its `zxx`, "no language", is none of them)."""


@dataclass(frozen=True)
class Language:
    """A language: its ISO 639-1 code (ISO 639-3 where it has none), English name, and how sure the model is."""

    code: str
    name: str
    probability: float


def language_of(text: str) -> Language | None:
    """The language `text` is most likely in; None when it has fewer than `MIN_LETTERS` letters or no words.

    >>> language_of("Глави двох держав закрили форум співробітництва в Омську.").name
    'Ukrainian'
    """
    judged = sample(text)
    if sum(character.isalpha() for character in judged) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(judged)
    if code not in _NAMES:  # zxx: letters, but no language the model knows
        return None
    return Language(code, _NAMES[code], probability)


def foreign_language(text: str) -> Language | None:
    """The language of `text` when it is surely not Russian (`MIN_PROBABILITY`), else None (Russian, or unsure).

    >>> foreign_language("Die Staatschefs Russlands und Kasachstans haben das Forum in Omsk geschlossen.").code
    'de'
    """
    language = language_of(text)
    if language is None or language.code == "ru" or language.probability < MIN_PROBABILITY:
        return None
    return language


def language_warning(article: Article) -> str | None:
    """Why the article's graph will hold little when its text is not Russian, naming its file and language.

    The header lines ("Published at:", "Author:", "Original:") are left out: their English labels are no part
    of the text.

    >>> from kgraph.source import parse_article
    >>> news = parse_article("en", "# News\\n\\nThe leaders of Russia and Kazakhstan closed the forum in Omsk.\\n")
    >>> language_warning(news)
    'en: the text looks like English (en), not Russian; kgraph extracts from Russian, so the graph will hold little'
    """
    language = foreign_language(_body(article))
    if language is None:
        return None
    return (
        f"{article.path or article.slug}: the text looks like {language.name} ({language.code}), not Russian; "
        "kgraph extracts from Russian, so the graph will hold little"
    )


def sample(text: str) -> str:
    """The part of `text` that is judged: all of a short text; the head and a middle slice of a long one.

    >>> len(sample("а" * 100_000)) == SAMPLE_HEAD + 1 + SAMPLE_MIDDLE
    True
    """
    if len(text) <= SAMPLE_HEAD + SAMPLE_MIDDLE:
        return text
    middle = (len(text) - SAMPLE_MIDDLE) // 2
    return f"{text[:SAMPLE_HEAD]}\n{text[middle : middle + SAMPLE_MIDDLE]}"


def _body(article: Article) -> str:
    """The article's lines but its header fields."""
    header = [span for span in (article.published, article.author, article.publisher, article.url) if span]
    return "\n".join(s.text for s in article.sentences if not any(s.start <= h.start < s.end for h in header))


@cache
def _identifier() -> Any:
    """py3langid's model with probabilities that sum to 1, loaded once (0.7 to 1.5 s: it is xz-compressed)."""
    from .ner import limit_threads

    limit_threads()  # py3langid imports numpy, which reads the thread settings natasha relies on only once
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
