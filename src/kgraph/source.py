"""Stage 1: an article as verbatim text, its header metadata and its sentences, all with character offsets.

Offsets count Unicode code points into the file's text exactly as stored (UTF-8, never re-wrapped), which is
what NIF 2.0 offsets and Python string indices both mean. Lines end with LF or CRLF (the CR stays in the text and
out of every sentence); a byte order mark stays character 0; bare CR line ends are refused with their line.

>>> article = parse_article("omsk", "# Заголовок\\n\\nAuthor: **Анна**\\n\\nПервое. Второе предложение.\\n")
>>> article.headline.text, article.author.text if article.author else None
('Заголовок', 'Анна')
>>> [s.text for s in article.sentences][-2:]
['Первое.', 'Второе предложение.']
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .errors import SourceError
from .transliteration import transliterate

ARTICLE_FILENAMES = ("article.md", "article.txt")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Characters `start`..`end` (end exclusive) of an article's text, and those characters."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """An article: its slug, verbatim text, metadata read from its header, and its sentences."""

    slug: str
    text: str
    headline: Span
    sentences: tuple[Span, ...]
    published: Span | None = None
    author: Span | None = None
    publisher: Span | None = None
    url: Span | None = None
    photo_credit: Span | None = None
    path: Path | None = None

    @property
    def published_date(self) -> date | None:
        """The publication date, from the header's ISO timestamp."""
        if self.published is None:
            return None
        return datetime.fromisoformat(self.published.text).date()

    def sentences_covering(self, span: Span) -> tuple[Span, ...]:
        """The sentences that overlap `span`, in text order."""
        return tuple(s for s in self.sentences if s.start < span.end and span.start < s.end)


_BOLD_OR_PLAIN = r"[^\S\n]*(?:\*\*(?P<v>[^*\n]+)\*\*|(?P<plain>(?!\*\*)\S[^\n]*?)[^\S\n]*$)"
"""A header field's value, in bold as the seed writes it ("Published at: **2019-11-07T00:00:00+00:00**") or plain
("Published at: 2026-05-12"), as a person writing an article by hand would."""

_HEADER_PATTERNS = {
    "headline": re.compile(r"^\ufeff?#[^\S\n]+(?P<v>\S.*?)[^\S\n]*$", re.M),
    "published": re.compile(rf"^Published at:{_BOLD_OR_PLAIN}", re.M),
    "author": re.compile(rf"^Author:{_BOLD_OR_PLAIN}", re.M),
    "publisher": re.compile(r"^Original:[^\S\n]*\[(?P<v>[^\]\n]+)\]\(", re.M),
    "url": re.compile(r"^Original:[^\S\n]*\[[^\]\n]+\]\((?P<v>[^)\s]+)\)", re.M),
    "photo_credit": re.compile(r"^[^\S\n]*Фото:[^\S\n]*(?P<v>\S[^\n]*?)[^\S\n]*$", re.M),
}


def _header_span(text: str, field: str) -> Span | None:
    match = _HEADER_PATTERNS[field].search(text)
    if match is None:
        return None
    value = "v" if match.group("v") is not None else "plain"
    return Span(match.start(value), match.end(value), match.group(value))


def split_sentences(text: str) -> tuple[Span, ...]:
    """Sentences with offsets: each non-blank line is a paragraph, split by razdel.

    >>> [(s.start, s.text) for s in split_sentences("Он пришёл. Т. е. ушёл.\\n\\nИ всё.")]
    [(0, 'Он пришёл.'), (11, 'Т. е. ушёл.'), (24, 'И всё.')]
    """
    from razdel import sentenize

    sentences: list[Span] = []
    for line in re.finditer(r"[^\n\ufeff]+", text):  # a byte order mark opens no sentence
        if not line.group().strip():
            continue
        for piece in sentenize(line.group()):
            start = line.start() + piece.start
            sentences.append(Span(start, start + len(piece.text), piece.text))
    return tuple(sentences)


def parse_article(slug: str, text: str, path: Path | None = None) -> Article:
    """Read the header fields (headline, date, author, publisher, URL, photo credit) and split sentences."""
    where = str(path) if path else slug
    if not text.replace("\ufeff", "").strip():
        raise SourceError(f"{where}: the article is empty")
    bare_cr = re.search(r"\r(?!\n)", text)
    if bare_cr:
        line = text.count("\n", 0, bare_cr.start()) + 1
        raise SourceError(
            f"{where}:{line}: a line ends with a bare CR (old Mac line ends); kgraph reads LF or CRLF: convert "
            "the file (tr '\\r' '\\n'), so that the offsets it cites are those of the file you keep"
        )
    headline = _header_span(text, "headline")
    if headline is None:
        first = re.search(r"[^\s\ufeff](?:[^\n]*\S)?", text)  # the first line, without the blanks around it
        assert first is not None  # the text is not blank
        headline = Span(first.start(), first.end(), first.group())
    published = _header_span(text, "published")
    if published is not None:
        try:
            datetime.fromisoformat(published.text)
        except ValueError:
            line = text.count("\n", 0, published.start) + 1
            raise SourceError(
                f"{where}:{line}: publication date {published.text!r} is not an ISO 8601 timestamp"
            ) from None
    return Article(
        slug=slug,
        text=text,
        headline=headline,
        sentences=split_sentences(text),
        published=published,
        author=_header_span(text, "author"),
        publisher=_header_span(text, "publisher"),
        url=_header_span(text, "url"),
        photo_credit=_header_span(text, "photo_credit"),
        path=path,
    )


def article_file(directory: Path) -> Path | None:
    """The article text inside an article folder, or None when the folder has none."""
    for name in ARTICLE_FILENAMES:
        if (directory / name).is_file():
            return directory / name
    return None


def text_file(path: Path) -> Path:
    """The file that holds the text of the article at `path` (its folder's article.md or article.txt, or the file
    itself); SourceError when there is none."""
    file = article_file(path) if path.is_dir() else path
    if file is None or not file.is_file():
        raise SourceError(
            f"{path}: no article here (expected a file, or a folder with {' or '.join(ARTICLE_FILENAMES)})"
        )
    return file


def load_article(path: Path) -> Article:
    """Load an article from its folder (holding article.md or article.txt) or from the file itself."""
    file = text_file(path)
    try:
        text = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(f"{file}: not UTF-8 text (byte {error.start})") from None
    return parse_article(article_slug(file), text, file)


def article_slug(path: Path) -> str:
    """The last part of the IRI of the article at `path` (an article folder, its article.md, or a file).

    >>> article_slug(Path("data/omsk.forum/article.md")), article_slug(Path("Визит в Омск.txt"))
    ('omsk-forum', 'vizit-v-omsk')
    """
    if path.name in ARTICLE_FILENAMES:
        return _slugify(path.parent.name)
    return _slugify(path.name if path.is_dir() else path.stem)


def _slugify(name: str) -> str:
    """The last part of an article's IRI, from its file or folder name.

    >>> _slugify("Омск форум 2019"), _slugify("omsk-forum-2019-11-07"), _slugify("№")
    ('omsk-forum-2019', 'omsk-forum-2019-11-07', 'article')
    """
    slug = re.sub(r"[^a-z0-9]+", "-", transliterate(name).lower()).strip("-")
    return slug or "article"


CORPUS_SUFFIXES = (".txt", ".md")
"""The article files of a corpus folder: every .txt and .md file outside an article folder."""
_NOT_ARTICLES = re.compile(r"(README|CHANGELOG|CHANGES|LICENSE|LICENCE|NOTICE|CONTRIBUTING)(?![a-z])", re.IGNORECASE)
"""Files a corpus folder may hold beside its articles (a README of the corpus), by name."""


def find_articles(root: Path) -> list[Path]:
    """Every article under `root`, sorted: `root` itself when it is an article file or folder; else, at any depth,
    every article folder (holding article.md or article.txt) and every other .txt or .md file outside one (a
    corpus folder: NEREL's NAME.txt files, a year of an outlet's articles), leaving out hidden files and folders
    and a corpus's README or LICENSE."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise SourceError(f"{root}: no such file or folder")
    if article_file(root):
        return [root]

    def visible(path: Path) -> bool:
        return not any(part.startswith(".") for part in path.relative_to(root).parts)

    folders = {p.parent for name in ARTICLE_FILENAMES for p in root.rglob(name) if visible(p)}
    files = [
        path
        for path in root.rglob("*")
        if path.suffix.lower() in CORPUS_SUFFIXES
        and path.name not in ARTICLE_FILENAMES
        and not _NOT_ARTICLES.match(path.name)
        and visible(path)
        and not any(parent in folders for parent in path.parents)
        and path.is_file()
    ]
    return sorted([*folders, *files])
