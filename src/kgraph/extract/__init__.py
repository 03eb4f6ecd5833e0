"""Automatic extraction: any Russian news article -> the same model curated facts give, offline.

``build.PIPELINE`` runs named components (``pipeline.component``) in order over one ``Doc`` (``doc.py``): each
declares what it requires, assigns and drops, and the order is checked at start-up. Where to look:

- the components, in order, and the packs that can be switched off: ``build.py``
- reading the text once (natasha's tokens, sentences, named spans; pymorphy3 forms): ``text/``; which word
  stands before or after a position: ``text/words.py``; which language an article that is not Russian is in (the
  commands warn): ``text/language.py``
- which persons and organisations are named: ``names/components.py`` (the steps), ``names/mentions.py`` (span
  repair), ``names/person_names.py`` (a person's name as written, a surname alone), ``names/name_words.py`` (the
  words of a name), ``names/known_names.py`` (what NEREL train knows), ``names/org_tagger.py`` (the CRF tagger),
  ``names/entities.py`` (grouping, classes, labels), ``names/partial_names.py`` (a person named in part)
- which places, and of which kind: ``places/types.py``, ``places/adjectives.py`` ("российские власти")
- which Wikidata item: ``links/linking.py`` (the gazetteer), ``links/reconcile.py`` (optional, online)
- which figures and dates: ``figures/`` (``amounts.py`` the yargy grammar, ``measures.py`` what they measure,
  ``indicators.py`` which noun, ``dates.py``)
- who said what: ``speech/`` (``quotes.py`` finds utterances, ``speakers.py`` attributes them)
- which relations: ``relations/`` (``titles.py`` offices, ``reported.py`` groups, discussions, agreements)
- which events: ``events/`` (``events.py`` by head noun, ``components.py`` their places, openings and days)
- every other NEREL type (offices, laws, awards, diseases, works…): ``typed/`` (``taggers.py`` the CRF per type
  learned from NEREL train, ``components.py`` their entities); which class each type becomes: the ontology's
  ``kg:nerelType``
- rules for one kind of article (summit and forum reports): ``packs/forum.py``
- what is kept (the SHACL shapes' requirements): ``conformance.py``; the facts YAML: ``writer.py``
- the lexical tables and the tagger's model: ``data/`` (rebuilt by ``scripts/build_*.py``, ``train_org_tagger.py``)

Measuring is apart, in ``kgraph.evaluation``.
"""

import warnings

# pymorphy2 (natasha's morphology, and yargy's) imports pkg_resources, which setuptools 77-80 warn is deprecated
# (torch, for scripts/train_relation_sequence.py, asks for 77+): nothing a user of kgraph can act on
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning, module=r"pymorphy2\.")

from .build import ExtractionError, extract_article  # noqa: E402
from .writer import dump_facts  # noqa: E402

__all__ = [
    "ExtractionError",
    "dump_facts",
    "extract_article",
]
