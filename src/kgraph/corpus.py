"""Corpus builds into an on-disk Oxigraph store that persists between runs (`kgraph build --store DIR`).

Each article is a named graph of the store, built and validated on its own. A run skips the articles whose text,
curated facts and kgraph (code, models, ontology) are unchanged: their models are kept in the store folder, named
by slug and fingerprint, and not extracted again, even after a run cut short. It extracts the new and changed
ones, removes the graphs of articles gone from under the paths given (never of articles under other paths), and
resolves one node per real thing over all of them again (``identity.resolve``: resolution is cheap, extraction is
not); an unchanged article's graph is written again only when its nodes changed (a new article joined its "Омск"
to another's). A bad article fails alone: its earlier graph and model stay, and take part in the nodes of the
rest. The store's default graph is the merge of its article graphs, as `kgraph query` expects of a store, kept
up to date article by article. A run in which nothing changed reads no model at all.

The main process holds little of each article (its slug, file and fingerprint, then what resolution reads of its
model); worker processes read the texts and extract them (or a Dask cluster does), then build and validate the
article graphs, which the main process loads in batches through Oxigraph's bulk loader. The folder holds pickles:
it is trusted as the code is.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.md").write_text("# Омск\\n\\nВ Омске прошёл форум.\\n", encoding="utf-8")
>>> first = build_store([folder], folder / "store")
>>> (first.added, first.unchanged), build_store([folder], folder / "store").unchanged
((['a'], []), ['a'])
"""

import hashlib
import json
import pickle
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from importlib.resources import files
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import KGraphError, SourceError
from .facts import facts_beside
from .model import ArticleModel
from .rdfio import bytes_writer, write_atomically
from .source import article_slug, find_articles, load_article, text_file
from .validate import ValidationReport, validate

if TYPE_CHECKING:
    from .identity.resolve import ArticleKeys, Identities

MANIFEST = "kgraph-store.json"
"""What the store folder says about each article it holds: its fingerprint and its nodes."""
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
"""What an article's slug is (``source.article_slug``): a manifest naming anything else is refused."""
MODELS = "models"
"""The folder, in the store folder, of each article's model (kgraph's own pickles, read back only from there)."""
OXIGRAPH = "oxigraph"
"""The folder, in the store folder, of the Oxigraph store."""


@dataclass
class StoreBuild:
    """What a store build did: articles added, replaced, removed, left as they were; what it wrote again because
    its nodes changed; and each written article's validation, when it does not conform."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    nodes_changed: list[str] = field(default_factory=list)
    violations: dict[str, ValidationReport] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    """Articles that could not be read or extracted (path: the error); the rest of the corpus is built, and the
    store keeps what an earlier run wrote of them."""
    store: Path = Path()

    @property
    def conforms(self) -> bool:
        """Whether every article written conforms to the shapes."""
        return not self.violations


@cache
def _version() -> str:
    """What every article's graph depends on besides its own text: kgraph's code, its models and tables (all files
    of the package, at any depth), its ontology and shapes. A new release, a retrained model or an edited rule makes
    every article change."""
    from .resources import ontology_path, shapes_path

    digest = hashlib.sha256()
    package = Path(str(files("kgraph")))
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for path in (ontology_path(), shapes_path()):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(file: Path, without: Sequence[str] = ()) -> str:
    """What the graph of the article whose text is `file` depends on: its bytes, its curated facts, the packs
    switched off, kgraph's version. OSError when it cannot be read."""
    digest = hashlib.sha256(file.read_bytes())
    curated = facts_beside(file)
    digest.update(curated.read_bytes() if curated else b"-")
    digest.update(",".join(sorted(without)).encode() + _version().encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Found:
    """An article found under the paths of a build, before it is read: its slug, its text file, its fingerprint.
    The main process of a build holds this of each article; the workers read the text."""

    slug: str
    path: Path
    fingerprint: str


def _found(path: Path, without: Sequence[str]) -> Found:
    """What `find_articles` found at `path`, fingerprinted; SourceError when it holds no readable article."""
    file = text_file(path)
    try:
        return Found(article_slug(file), file, fingerprint(file, without))
    except OSError as error:
        raise SourceError(f"{file}: cannot read: {error.strerror or error}") from None


def build_store(
    paths: Sequence[Path],
    folder: Path,
    *,
    without: Sequence[str] = (),
    keep_apart: Sequence[str] = (),
    jobs: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
    scheduler: str | None = None,
) -> StoreBuild:
    """Bring the store at `folder` up to date with the articles under `paths` (see the module's docstring);
    `progress(done, total)` is called before the articles to extract are and after each. `jobs` worker processes
    extract them, or the Dask cluster at `scheduler` (``pipeline.each_in_order``)."""
    from pyoxigraph import NamedNode, Store

    from .graph import article_iri
    from .identity.resolve import resolve
    from .pipeline import InWorkers, _one_iri_each, default_jobs

    result = StoreBuild(store=folder)
    roots = [path.resolve() for path in paths]
    articles = []
    for where in dict.fromkeys(article for path in paths for article in find_articles(path)):
        try:
            articles.append(_found(where, without))
        except KGraphError as error:  # a bad article fails alone
            result.failed[str(where)] = str(error)
    _one_iri_each(articles)
    if not articles and not result.failed:
        raise SourceError(f"no articles under {', '.join(map(str, paths))}")
    known = _open_manifest(folder)
    prints = {article.slug: article.fingerprint for article in articles}
    if not result.failed and _nothing_changed(folder, known, prints, articles, roots, keep_apart):
        result.unchanged = sorted(prints)
        result.violations = {s: ValidationReport(False, (), v) for s in prints if (v := known[s].get("violations"))}
        return result
    workers = default_jobs(len(articles)) if jobs is None else jobs
    fresh = [a for a in articles if not _model_file(folder, a.slug, prints[a.slug]).is_file()]
    extracting = _load_models(fresh, without, workers, scheduler)  # worker processes start on them now
    # what resolution reads of each model (a third of it): the whole model is read back only to be written
    keys: dict[str, ArticleKeys] = {}  # what resolution works out of each article alone, kept beside its model
    new = {a.slug for a in fresh}
    try:
        models = {
            a.slug: _part(keys, a.slug, c)
            for a in articles
            if a.slug not in new and (c := _cached_part(folder, a.slug, prints[a.slug]))
        }
    except BaseException:
        if isinstance(extracting, InWorkers):
            extracting.cancel()
        raise
    unread = [a for a in articles if a.slug not in models and a.slug not in new]  # a saved model that is no model
    fresh += unread
    if progress is not None:
        progress(0, len(fresh))
    loading = chain(extracting, _load_models(unread, without, workers, scheduler) if unread else ())
    for done, (article, loaded) in enumerate(zip(fresh, loading, strict=True), 1):
        if progress is not None:
            progress(done, len(fresh))
        if isinstance(loaded, str):
            result.failed[str(article.path)] = loaded
            continue
        saved = _save_model(folder, article.slug, prints[article.slug], loaded)
        models[article.slug] = _part(keys, article.slug, saved)
        del loaded
    failed = {a.slug for a in articles if a.slug not in models} | {article_slug(Path(p)) for p in result.failed}
    # a failed article's graph stays as an earlier run wrote it, and so does its part in the nodes of the rest
    kept = {slug: known[slug] for slug in sorted(failed & known.keys())}
    earlier = [_part(keys, s, c) for s, entry in kept.items() if (c := _cached_part(folder, s, entry["fingerprint"]))]
    # the store's articles under other paths take part in the nodes too, and are written again if theirs change
    paths_of = {a.slug: str(a.path.resolve()) for a in articles}
    for slug, entry in sorted(known.items()):
        outside = slug not in prints and slug not in failed and not _under(entry.get("path", ""), roots)
        if outside and (cached := _cached_part(folder, slug, entry["fingerprint"])) is not None:
            models[slug] = _part(keys, slug, cached)
            prints[slug], paths_of[slug] = entry["fingerprint"], entry.get("path", "")
    ordered = [models[slug] for slug in sorted(models)]
    identities = resolve([*ordered, *earlier], keep_apart, keys)
    entries: dict[str, dict[str, Any]] = dict(kept)
    to_write: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = []
    for model in ordered:
        slug = model.article.slug
        before = known.get(slug)
        entry = {"fingerprint": prints[slug], "nodes": _nodes_signature(model, identities), "path": paths_of[slug]}
        if before is not None and {k: before.get(k) for k in entry} == entry:
            entries[slug] = before
            result.unchanged.append(slug)
            if before.get("violations"):
                result.violations[slug] = ValidationReport(False, (), before["violations"])
        else:
            to_write.append((slug, entry, before))
    store = Store(str(folder / OXIGRAPH))
    rewritten = {slug for slug, _, _ in to_write}
    if known and all(slug in rewritten or _gone(slug, known, entries, roots) for slug in known):
        # nothing the store holds stays (a new kgraph or model changed every article): empty it and load afresh,
        # which takes a third of the time that removing each graph and its part of the merge took; the manifest
        # is emptied first, so that a build cut short builds every article's graph again
        _write_manifest(folder, {}, keep_apart)
        store.clear()
    writer = _GraphWriter(store)
    graphs = _article_graphs(folder, [(slug, entry["fingerprint"]) for slug, entry, _ in to_write], identities, workers)
    for (slug, entry, before), (nquads, report) in zip(to_write, graphs, strict=True):
        if not report.conforms:
            result.violations[slug] = report
            entry["violations"] = report.text
        entries[slug] = entry
        writer.replace(NamedNode(str(article_iri(slug))), nquads)
        if before is None:
            result.added.append(slug)
        elif before.get("fingerprint") == prints[slug]:
            result.nodes_changed.append(slug)
        else:
            result.replaced.append(slug)
    writer.close()
    for slug in sorted(known.keys() - entries.keys()):
        # gone: only an article these paths held (a build of other folders leaves the rest of the store alone)
        if not _under(known[slug].get("path", ""), roots):
            entries[slug] = known[slug]
            continue
        _remove_graph(store, NamedNode(str(article_iri(slug))))
        _drop_models(folder, slug)
        result.removed.append(slug)
    store.flush()
    del store
    _write_manifest(folder, entries, keep_apart)
    return result


def _gone(slug: str, known: dict[str, dict[str, Any]], entries: dict[str, dict[str, Any]], roots: list[Path]) -> bool:
    """Whether the store's article `slug` is to be removed: not written again, not kept, and under these paths."""
    return slug not in entries and _under(known[slug].get("path", ""), roots)


def _nothing_changed(
    folder: Path,
    known: dict[str, dict[str, Any]],
    prints: dict[str, str],
    articles: list[Found],
    roots: list[Path],
    keep_apart: Sequence[str],
) -> bool:
    """Whether the store already holds these articles as they are: the same under the paths given (fingerprints
    and paths), none gone, and the same keys kept apart. Then no node can change either, and nothing need be read."""
    if _recorded_keep_apart(folder) != sorted(keep_apart):
        return False
    paths = {a.slug: str(a.path.resolve()) for a in articles}
    if any(known.get(slug, {}).get("fingerprint") != prints[slug] for slug in prints):
        return False
    if any(known[slug].get("path", "") != path for slug, path in paths.items()):
        return False
    return all(slug in prints for slug, entry in known.items() if _under(entry.get("path", ""), roots))


def _under(path: str, roots: list[Path]) -> bool:
    """Whether an article's recorded path is one of `roots` or inside one."""
    if not path:
        return False
    where = Path(path)
    return any(where == root or root in where.parents for root in roots)


def _model_file(folder: Path, slug: str, fingerprint: str) -> Path:
    """Where an article's model is kept: named by its slug and fingerprint, so that a build cut short still finds
    the models it saved (slugs hold no dot)."""
    return folder / MODELS / f"{slug}.{fingerprint[:24]}.pickle"


def _slim_file(folder: Path, slug: str, fingerprint: str) -> Path:
    """Where what identity resolution reads of an article's model is kept, beside the whole model."""
    return folder / MODELS / f"{slug}.{fingerprint[:24]}.slim.pickle"


def _cached_part(folder: Path, slug: str, fingerprint: str) -> "tuple[ArticleModel, ArticleKeys] | None":
    """What resolution reads of an article's saved model (``what_resolution_reads``) and what it works out of it
    alone (``article_keys``): a re-run reads this small file of each article the store holds, instead of the
    whole model and the lemmas of every name in it."""
    from .identity.resolve import ArticleKeys, article_keys, what_resolution_reads

    slim = _slim_file(folder, slug, fingerprint)
    if slim.is_file() and _model_file(folder, slug, fingerprint).is_file():  # saved second: both are there
        found = _unpickled(slim)  # kgraph's own pickle in the store folder (see `_cached_model`)
        if isinstance(found, tuple) and isinstance(found[0], ArticleModel) and isinstance(found[1], ArticleKeys):
            return found[0], found[1]
    whole = _cached_model(folder, slug, fingerprint)
    if whole is None:
        return None
    model = what_resolution_reads(whole)
    return model, article_keys(model)


def _part(keys: "dict[str, ArticleKeys]", slug: str, cached: "tuple[ArticleModel, ArticleKeys]") -> ArticleModel:
    """The model of `cached`, its keys filed under `slug`."""
    keys[slug] = cached[1]
    return cached[0]


def _cached_model(folder: Path, slug: str, fingerprint: str) -> ArticleModel | None:
    cached = _model_file(folder, slug, fingerprint)
    if not cached.is_file():
        return None
    # kgraph's own pickle, written by `_save_model` into this store folder: a store folder is trusted as the code
    # is (do not build into a store folder from someone else)
    model = _unpickled(cached)
    return model if isinstance(model, ArticleModel) else None


def _unpickled(path: Path) -> object:
    """What kgraph pickled into `path`, or None when the file is cut short or spoilt (the article is then extracted
    again)."""
    try:
        return pickle.loads(path.read_bytes())
    except (pickle.UnpicklingError, EOFError):
        return None


def _save_model(folder: Path, slug: str, fingerprint: str, model: ArticleModel) -> "tuple[ArticleModel, ArticleKeys]":
    """Keep an article's model, and what resolution reads and works out of it (see `_cached_part`), in the store
    folder; the latter, returned."""
    from .identity.resolve import article_keys, what_resolution_reads

    _drop_models(folder, slug)
    slim = what_resolution_reads(model)
    part = (slim, article_keys(slim))
    cached = _model_file(folder, slug, fingerprint)
    cached.parent.mkdir(exist_ok=True)
    write_atomically(_slim_file(folder, slug, fingerprint), bytes_writer(pickle.dumps(part)))
    write_atomically(cached, bytes_writer(pickle.dumps(model)))
    return part


def _drop_models(folder: Path, slug: str) -> None:
    if SLUG.fullmatch(slug):
        for old in (folder / MODELS).glob(f"{slug}.*.pickle"):
            old.unlink(missing_ok=True)


def _open_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """The articles the store at `folder` holds; a new store (a missing or empty folder) is made a store at once,
    so that a first build cut short can be run again."""
    path = folder / MANIFEST
    if not path.is_file():
        if folder.is_dir() and any(folder.iterdir()):
            raise SourceError(f"{folder}: not a kgraph store (no {MANIFEST}) and not empty; give a new folder")
        folder.mkdir(parents=True, exist_ok=True)
        _write_manifest(folder, {}, ())
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        articles = manifest["articles"]
        if not all(SLUG.fullmatch(slug) and isinstance(entry, dict) for slug, entry in articles.items()):
            raise ValueError("an article entry is not a slug and its record")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SourceError(f"{path}: cannot read the store's manifest: {error}") from None
    return dict(articles)


def _recorded_keep_apart(folder: Path) -> list[str] | None:
    """The keys the store's last build kept apart (None for a store that does not say)."""
    recorded = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("keep_apart")
    return recorded if isinstance(recorded, list) else None


def _write_manifest(folder: Path, entries: dict[str, dict[str, Any]], keep_apart: Sequence[str]) -> None:
    manifest = {"version": _version(), "keep_apart": sorted(keep_apart), "articles": entries}
    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomically(folder / MANIFEST, bytes_writer(text.encode("utf-8")))


def _nodes_signature(model: ArticleModel, identities: "Identities") -> dict[str, str]:
    """Each entity's node and the labels the build gives it: when they change, the article's graph does."""
    slug = model.article.slug
    found = {}
    for ident in sorted(model.entities):
        node = identities.node(slug, ident)
        if node is not None:
            labels = identities.labels.get(node, {})
            shown = json.dumps(labels, ensure_ascii=False, sort_keys=True)
            found[ident] = f"{node} {shown} {identities.key(slug, ident)}"
    return found


class _GraphWriter:
    """Writes article graphs into the store, and their triples into its default graph (the merge of all article
    graphs, which `kgraph query` reads), `BATCH` articles at a time through Oxigraph's bulk loader: one load per
    article in a transaction cost the main process 0.1 s and held the unflushed writes in memory. An article's
    earlier graph is removed at once (`_remove_graph`); its new one is loaded with its batch, so that a triple the
    removal took from the merge and the new graph states is back. A build cut short leaves at most a batch of
    graphs that the manifest does not list; the next run replaces them."""

    BATCH = 64

    def __init__(self, store: Any) -> None:
        self.store = store
        self.quads: list[bytes] = []
        self.triples: list[bytes] = []

    def replace(self, graph: Any, nquads: bytes) -> None:
        """Queue `nquads`, the statements of the named graph `graph`, as that graph's new content."""
        _remove_graph(self.store, graph)
        tail = f" {graph} .".encode()
        self.quads.append(nquads)
        self.triples.extend(line[: -len(tail)] + b" .\n" for line in nquads.splitlines() if line.endswith(tail))
        if len(self.quads) >= self.BATCH:
            self.close()

    def close(self) -> None:
        """Load what is queued."""
        from pyoxigraph import DefaultGraph, RdfFormat

        if self.quads:
            self.store.bulk_load(b"".join(self.quads), format=RdfFormat.N_QUADS)
            self.store.bulk_load(b"".join(self.triples), format=RdfFormat.N_TRIPLES, to_graph=DefaultGraph())
        self.quads, self.triples = [], []


def _remove_graph(store: Any, graph: Any) -> None:
    """Remove the named graph `graph`, and from the default graph what no other graph states. The cost is the
    article's, not the store's."""
    if store.contains_named_graph(graph):
        store.update(
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {graph}) }} }}"
        )
        store.remove_graph(graph)


_IDENTITIES: "Identities | None" = None
"""The nodes of the build, in a process that writes article graphs (set once per worker by `_set_identities`)."""


def _set_identities(identities: "Identities") -> None:
    global _IDENTITIES
    _IDENTITIES = identities


FEW_GRAPHS = 4
"""Fewer article graphs than this are built here, not by worker processes: starting workers (forked from a process
that may hold the extraction models) took longer than the graphs (one article added to NEREL train's store: 3.42 s
-> 3.08 s, the mean of three runs each)."""


def _article_graphs(
    folder: Path, articles: list[tuple[str, str]], identities: "Identities", jobs: int
) -> Iterable[tuple[bytes, ValidationReport]]:
    """Each article's graph as N-Quads and its validation, in order, built from its saved model (slug,
    fingerprint) by `jobs` worker processes, which are given the build's nodes once each (or here, for fewer than
    FEW_GRAPHS)."""
    from .pipeline import each_in_order

    setup = partial(_set_identities, identities)
    workers = jobs if len(articles) >= FEW_GRAPHS else 1
    return each_in_order(partial(_article_graph, folder), articles, workers, setup=setup)


def _article_graph(folder: Path, article: tuple[str, str]) -> tuple[bytes, ValidationReport]:
    """An article's graph (from its model saved in the store folder, with the build's nodes) as N-Quads, and its
    validation."""
    from .graph import add_article, new_dataset

    slug, fingerprint = article
    whole = _cached_model(folder, slug, fingerprint)
    if whole is None or _IDENTITIES is None:
        raise SourceError(f"{_model_file(folder, slug, fingerprint)}: the model of {slug} is gone from the store")
    dataset = new_dataset()
    add_article(dataset, whole, _IDENTITIES)
    return dataset.serialize(format="nquads", encoding="utf-8"), validate(dataset)


def is_store(path: Path) -> bool:
    """Whether `path` is a store folder `build_store` wrote."""
    return path.is_dir() and (path / MANIFEST).is_file()


def store_quads(folder: Path) -> list[Any]:
    """The quads of a store folder's article graphs (not the merge in its default graph), read-only."""
    return [quad for _, quads in store_graphs(folder) for quad in quads]


def store_graphs(folder: Path) -> Iterator[tuple[Any, Iterator[Any]]]:
    """Each article graph of a store folder (not the merge in its default graph) in the order of its IRI, with its
    quads as the store reads them: one graph at a time, never the whole store in memory. The store is opened at
    once (OSError here when it cannot be)."""
    from pyoxigraph import Store

    store = Store.read_only(str(folder / OXIGRAPH))
    names = sorted(store.named_graphs(), key=lambda graph: graph.value)
    return ((name, store.quads_for_pattern(None, None, None, name)) for name in names)


def _extract(found: Found, without: Sequence[str]) -> ArticleModel | str:
    """An article's model, or the error that stopped it (so that one bad article fails alone)."""
    from .pipeline import load_model

    try:
        article = load_article(found.path)
        if fingerprint(found.path, without) != found.fingerprint:
            return f"{found.path}: changed while the build read it; build again"
        return load_model(article, without)
    except KGraphError as error:
        return f"{found.path}: {error}" if not str(error).startswith(str(found.path)) else str(error)
    except OSError as error:
        return f"{found.path}: cannot read: {error.strerror or error}"


def _load_models(
    articles: list[Found], without: Sequence[str], jobs: int, scheduler: str | None
) -> Iterable[ArticleModel | str]:
    """Each article's model or error, in order, as each is done, by `jobs` worker processes or on Dask. Worker
    processes start at once, even on one article, so that the main process reads the store's saved models
    meanwhile (one article added to NEREL train's store: 2.25 s -> 2.07 s, the mean of three runs each; the main
    process's peak 360 MB -> 277 MB, the models being in the worker)."""
    from .pipeline import each_in_order

    return each_in_order(partial(_extract, without=tuple(without)), articles, jobs, scheduler, fewest=1)
