"""Entity typing and Wikidata linking from the gazetteer built from NEREL train (see gazetteer.tsv's header).

A link is given only when the surface form's key was linked often enough and almost always to the same item:
no link is better than a wrong one.

>>> gazetteer = Gazetteer.parse("путин\\tPERSON:53\\tQ7747:53\\tПутин\\t53\\tВладимир Путин\\n")
>>> gazetteer.link("Путина", "PERSON")
Link(qid='Q7747', confidence=0.98, name='Владимир Путин')
>>> gazetteer.link("Путина", "CITY") is None
True
"""

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..text.normalise import key

LOCATION_TYPES = ("COUNTRY", "CITY", "STATE_OR_PROVINCE", "LOCATION", "DISTRICT")
PLACE_TYPES = LOCATION_TYPES[:3]
"""The places NEREL names by kind and the extractor types: countries, cities, states (not other locations)."""
# NEREL types of names the extractor does not make entities of; counted so that such a name can be left out
NOT_ENTITIES = ("PRODUCT", "WORK_OF_ART", "EVENT", "AWARD")
_COMPATIBLE = {
    "PERSON": {"PERSON"},
    "ORGANIZATION": {"ORGANIZATION", "FACILITY"},
    **{t: set(LOCATION_TYPES) for t in LOCATION_TYPES},
}
_KINDS = {"PERSON": "PER", "ORGANIZATION": "ORG", "FACILITY": "ORG", **{t: "LOC" for t in LOCATION_TYPES}}


def kind_of(nerel_type: str) -> str:
    """The kind of thing a NEREL type names, by which the gazetteer counts the items it is linked to: "PER", "ORG"
    (organisations and facilities), "LOC" (places), "OTHER" for another type (an office, a work, an event).

    >>> kind_of("CITY"), kind_of("FACILITY"), kind_of("PROFESSION")
    ('LOC', 'ORG', 'OTHER')
    """
    return _KINDS.get(nerel_type, "OTHER")


MIN_LINKS = 2
MIN_SHARE = 0.9
MIN_PLACE_SHARE = 0.85
"""A place's name is linked to the item NEREL train gives it 85% of the time or more, another name's 90%: annotators
now and then link a place to a former state or a namesake ("Польша": Q36 seven times, Q166196 once; "Нью-Йорк": the
city 75 times in 85). Chosen on the last 150 train documents, the gazetteer built from the rest, their gold-linked
named mentions: places linked right 0.644 -> 0.664 of them at a precision of 0.958 -> 0.954 (0.8: 0.667, 0.955;
0.7: 0.669, 0.952); for persons and organisations 0.85 linked no more persons and lowered the organisations'
precision (0.950 -> 0.946)."""


@dataclass(frozen=True)
class Link:
    """A Wikidata item for an entity, how sure the gazetteer is, and the name NEREL gives the item (if known)."""

    qid: str
    confidence: float
    name: str = ""


@dataclass(frozen=True)
class Entry:
    """What NEREL train says about one key: type counts, link counts, a label."""

    types: dict[str, int]
    links: dict[str, int]
    label: str
    seen: int = 0
    name: str = ""
    kinds: dict[str, dict[str, int]] | None = None
    """The links by the kind of the mentions linked (``kind_of``): "Барселона" is the city as a place, the club as
    an organisation. None when the table does not say."""

    @property
    def named(self) -> int:
        """How often NEREL train marks these words as an entity of any type ("NONE" counts the NER's false alarms)."""
        return sum(n for t, n in self.types.items() if t != "NONE")

    @property
    def main_type(self) -> tuple[str, int]:
        """The type NEREL train marks these words with most often, and how often; ("", 0) when never marked."""
        return max(((t, n) for t, n in self.types.items() if t != "NONE" and n), key=lambda i: i[1], default=("", 0))

    @property
    def annotated_share(self) -> float:
        """How often these words, wherever they occur in NEREL train, are marked as an entity."""
        return min(1.0, sum(self.types.values()) / self.seen) if self.seen else 1.0


def _counts(text: str) -> dict[str, int]:
    pairs = (item.rsplit(":", 1) for item in text.split(",") if item)
    return {name: int(count) for name, count in pairs}


def _kinds(text: str) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {}
    for item in filter(None, text.split(",")):
        kind, counted = item.split("|", 1)
        qid, count = counted.rsplit(":", 1)
        found.setdefault(kind, {})[qid] = int(count)
    return found


class Gazetteer:
    """Keys (word lemmas of a surface form) to NEREL types and Wikidata items."""

    def __init__(self, entries: dict[str, Entry]) -> None:
        self.entries = entries
        self._endings: dict[str, dict[str, int]] | None = None
        self._names: dict[str, set[str]] | None = None

    @classmethod
    def parse(cls, text: str) -> "Gazetteer":
        """Read the TSV form written by scripts/build_gazetteer.py (lines starting with # are comments)."""
        entries = {}
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            k, types, links, label, *rest = line.split("\t")
            seen = int(rest[0]) if rest else 0
            kinds = _kinds(rest[2]) if len(rest) > 2 else None
            entries[k] = Entry(_counts(types), _counts(links), label, seen, rest[1] if len(rest) > 1 else "", kinds)
        return cls(entries)

    def entry(self, surface: str) -> Entry | None:
        """The entry for a surface form, if NEREL train has it."""
        return self.entries.get(key(surface))

    def names_of(self, qid: str) -> set[str]:
        """The names NEREL train gives an item (``Entry.name`` of the entries linked to it).

        >>> "Владимир Владимирович Путин" in gazetteer().names_of("Q7747")
        True
        """
        if self._names is None:
            self._names = {}
            for entry in self.entries.values():
                for linked in entry.links:
                    if entry.name:
                        self._names.setdefault(linked, set()).add(entry.name)
        return self._names.get(qid, set())

    def location_type(self, surface: str) -> str | None:
        """The NEREL location type most often given to this surface form, if any."""
        entry = self.entry(surface)
        if entry is None:
            return None
        ranked = sorted(((n, t) for t, n in entry.types.items() if t in LOCATION_TYPES), reverse=True)
        return ranked[0][1] if ranked and ranked[0][0] > 0 else None

    def place_type_by_ending(self, surface: str) -> str | None:
        """The place type NEREL train mostly gives names ending like this one, for a name it never saw.

        Countries, states and cities differ in their endings ("Эфиопия" like "Германия", "-ск" like "Омск");
        None when the ending says too little.

        >>> gazetteer().place_type_by_ending("Мавритании"), gazetteer().place_type_by_ending("Верхнеуральске")
        ('COUNTRY', 'CITY')
        """
        words = key(surface).split()
        if not words:
            return None
        for ending in _endings(words[-1], surface):
            counts = self._place_endings().get(ending)
            if counts and sum(counts.values()) >= 5:
                kind, count = max(counts.items(), key=lambda item: item[1])
                if count / sum(counts.values()) >= 0.7:
                    return kind
        return None

    def _place_endings(self) -> dict[str, dict[str, int]]:
        if self._endings is None:
            self._endings = {}
            for k, entry in self.entries.items():
                places = {t: n for t, n in entry.types.items() if t in PLACE_TYPES and n}
                if not places or not k or sum(places.values()) < 0.6 * entry.named:
                    continue
                kind = max(places.items(), key=lambda item: item[1])[0]
                for ending in _endings(k.split()[-1], entry.label):
                    counts = self._endings.setdefault(ending, {})
                    counts[kind] = counts.get(kind, 0) + 1
        return self._endings

    def link(self, surface: str, nerel_type: str) -> Link | None:
        """The Wikidata item for `surface` as an entity of `nerel_type`, or None when unsure: of the links NEREL
        train gives these words from mentions of the same kind (``kind_of``), when the table says.

        >>> row = "барселона\\tORGANIZATION:8,CITY:5\\tQ7156:8,Q1492:6\\tБарселона\\t8\\t\\tLOC|Q1492:6,ORG|Q7156:8"
        >>> [Gazetteer.parse(row).link("Барселоне", kind).qid for kind in ("CITY", "ORGANIZATION")]
        ['Q1492', 'Q7156']
        """
        entry = self.entry(surface)
        if entry is None or not entry.links:
            return None
        compatible = _COMPATIBLE.get(nerel_type, {nerel_type})
        if not compatible & {t for t, n in entry.types.items() if n > 0 or not any(entry.types.values())}:
            return None
        links = entry.links if entry.kinds is None else entry.kinds.get(kind_of(nerel_type), {})
        if not links:  # every link NEREL gives these words is of another kind of thing
            return None
        total = sum(links.values())
        qid, count = max(links.items(), key=lambda item: item[1])
        share = MIN_PLACE_SHARE if nerel_type in LOCATION_TYPES else MIN_SHARE
        if count < MIN_LINKS or count / total < share:
            return None
        return Link(qid, round(min(0.98, count / total * (1 - 1 / (count + 1)) + 0.02), 2), entry.name)


def _endings(word: str, surface: str) -> list[str]:
    """The classes a place name falls in, most telling first: its last four, three and two letters."""
    if surface.isupper():
        return []  # an abbreviation ("РТ", "РСФСР") has no telling ending
    return [word[-n:] for n in (4, 3, 2) if len(word) > n]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer shipped with kgraph, read once per process."""
    return Gazetteer.parse(files("kgraph.extract.data").joinpath("gazetteer.tsv").read_text(encoding="utf-8"))
