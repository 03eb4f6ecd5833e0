"""NEREL documents (brat standoff): the text, its entity mentions and their Wikidata links.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Путин в Омске.", encoding="utf-8")
>>> _ = (folder / "a.ann").write_text("T1\\tPERSON 0 5\\tПутин\\nN1\\tReference T1 Wikidata:Q7747\\tПутин\\n")
>>> read_document(folder / "a.txt").mentions
(NerelMention(start=0, end=5, type='PERSON', text='Путин', wikidata='Q7747', wikidata_name='Путин'),)
"""

from dataclasses import dataclass
from pathlib import Path

from ..errors import KGraphError


class NerelError(KGraphError):
    """A NEREL folder or document cannot be read."""


@dataclass(frozen=True)
class NerelMention:
    """One gold entity mention: its first fragment's offsets, NEREL type, text and Wikidata link if any."""

    start: int
    end: int
    type: str
    text: str
    wikidata: str | None = None
    wikidata_name: str | None = None


@dataclass(frozen=True)
class NerelRelation:
    """One gold relation: its NEREL type and its two arguments (Arg1 -> Arg2)."""

    type: str
    source: NerelMention
    target: NerelMention


@dataclass(frozen=True)
class NerelDocument:
    """A NEREL document: name, text, gold mentions and the relations between them."""

    name: str
    text: str
    mentions: tuple[NerelMention, ...]
    relations: tuple[NerelRelation, ...] = ()


def read_document(txt: Path) -> NerelDocument:
    """Read NAME.txt and NAME.ann; NerelError names the file and line of a malformed annotation."""
    ann = txt.with_suffix(".ann")
    try:
        text = txt.read_text(encoding="utf-8")
        lines = ann.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise NerelError(f"{txt}: cannot read the document or its .ann: {error}") from None
    raw: dict[str, tuple[int, int, str, str]] = {}
    refs: dict[str, tuple[str, str]] = {}
    links: list[tuple[str, str, str, int]] = []
    for number, line in enumerate(lines, start=1):
        parts = line.split("\t")
        try:
            if line.startswith("T"):
                kind, *offsets = parts[1].replace(";", " ").split()
                raw[parts[0]] = (int(offsets[0]), int(offsets[1]), kind, parts[2] if len(parts) > 2 else "")
            elif line.startswith("N"):
                _, target, ref = parts[1].split()
                if ref.startswith("Wikidata:Q"):
                    refs[target] = (ref.split(":", 1)[1], parts[2] if len(parts) > 2 else "")
            elif line.startswith("R"):
                kind, source, target = parts[1].split()
                links.append((kind, source.split(":", 1)[1], target.split(":", 1)[1], number))
        except (IndexError, ValueError):
            raise NerelError(f"{ann}:{number}: malformed annotation {line!r}") from None
    by_id: dict[str, NerelMention] = {}
    for ident, (start, end, kind, _) in raw.items():
        qid, name = refs.get(ident, (None, None))
        by_id[ident] = NerelMention(start, end, kind, text[start:end], qid, name)
    relations = []
    for kind, source, target, number in links:
        if source not in by_id or target not in by_id:
            raise NerelError(f"{ann}:{number}: relation {kind} names a mention the file does not define")
        relations.append(NerelRelation(kind, by_id[source], by_id[target]))
    mentions = tuple(sorted(by_id.values(), key=lambda m: (m.start, m.end, m.type)))
    return NerelDocument(txt.stem, text, mentions, tuple(relations))


def read_folder(folder: Path) -> list[NerelDocument]:
    """Every document of a NEREL folder, sorted by name; NerelError when there is none."""
    if not folder.is_dir():
        raise NerelError(f"{folder}: no such folder")
    documents = [read_document(txt) for txt in sorted(folder.glob("*.txt")) if txt.with_suffix(".ann").is_file()]
    if not documents:
        raise NerelError(f"{folder}: no NEREL documents (NAME.txt with NAME.ann) here")
    return documents
