"""The whole flow for `kgraph build`: articles -> models -> one dataset -> validation -> files on disk.

Nothing is written unless every article loads; the files are written side by side and then renamed into place
together, so `out/` holds the old build or the new one, never a mix.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from rdflib import Dataset

from .errors import EndpointError, SourceError, UsageError
from .export import serialize
from .facts import facts_file, load_facts
from .graph import build_dataset
from .model import ArticleModel
from .rdfio import bytes_writer, write_all_atomically
from .source import ARTICLE_FILENAMES, Article, find_articles, load_article
from .validate import ValidationReport, validate

if TYPE_CHECKING:
    from .extract.links.reconcile import Reconciliation

T = TypeVar("T")
A = TypeVar("A")


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the models, the dataset, its validation report and the files written."""

    models: tuple[ArticleModel, ...]
    dataset: Dataset
    report: ValidationReport
    files: dict[str, Path]
    reconciled: tuple["Reconciliation", ...] = ()


def load_model(article: Article, without: Sequence[str] = ()) -> ArticleModel:
    """The curated facts of an article when it has them, otherwise facts extracted from its text (the extraction
    packs in `without` switched off)."""
    curated = facts_file(article)
    if curated is not None:
        return load_facts(article, curated)
    from .extract import extract_article

    return extract_article(article, without)


def load_models(
    paths: Sequence[Path], without: Sequence[str] = (), jobs: int | None = 1, scheduler: str | None = None
) -> list[ArticleModel]:
    """Load every article found under `paths` and its facts; the first bad input raises.

    With `jobs` above 1, the articles without curated facts are extracted by that many worker processes (each
    loads the models once); the models come back in the articles' order, so the build is the same whatever `jobs`.
    None: `default_jobs` for the articles found. With a Dask `scheduler`, its cluster extracts them (``each_in_order``).
    """
    found = dict.fromkeys(article for path in paths for article in find_articles(path))
    articles = [load_article(path) for path in found]
    _one_iri_each(articles)
    to_extract = [article for article in articles if facts_file(article) is None]
    workers = default_jobs(len(articles)) if jobs is None else jobs
    extract = partial(load_model, without=tuple(without))
    done = each_in_order(extract, to_extract, workers, scheduler)
    extracted = dict(zip((a.slug for a in to_extract), done, strict=True))
    return [extracted[a.slug] if a.slug in extracted else load_model(a, without) for a in articles]


def each_in_order(
    function: Callable[[A], T],
    articles: Sequence[A],
    jobs: int,
    scheduler: str | None = None,
    setup: Callable[[], None] | None = None,
    fewest: int = 2,
) -> Iterable[T]:
    """`function` of each article, in the articles' order, as each is done: by `jobs` worker processes, started at
    once (``InWorkers``: a `function` they can import; `setup`, if given, run once in each first), when there are
    `fewest` articles or more, else here as they are asked for; or, given a Dask `scheduler` (``_on_dask``), by that
    cluster's workers."""
    if scheduler is not None:
        return _on_dask(function, articles, scheduler, jobs)
    if jobs <= 1 or not articles or len(articles) < fewest:
        return _here(function, articles, setup)
    return InWorkers(function, articles, jobs, setup)


def _here(function: Callable[[A], T], articles: Sequence[A], setup: Callable[[], None] | None) -> Iterator[T]:
    if setup is not None:
        setup()
    yield from map(function, articles)


class InWorkers(Generic[A, T]):
    """`function` of each article by worker processes started at once (``Executor.map`` submits every article when
    called), given back in order as they are iterated, so that the caller can do other work meanwhile; `cancel`
    stops the workers when the caller stops first."""

    def __init__(
        self, function: Callable[[A], T], articles: Sequence[A], jobs: int, setup: Callable[[], None] | None
    ) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(max_workers=min(jobs, len(articles)), initializer=setup)
        self._results = self._pool.map(function, articles, chunksize=4)

    def __iter__(self) -> Iterator[T]:
        with self._pool:
            yield from self._results

    def cancel(self) -> None:
        """Drop the articles not yet begun; the workers stop after those they are on."""
        self._pool.shutdown(wait=False, cancel_futures=True)


LOCAL_CLUSTER = "local"
"""The scheduler address that starts a Dask cluster on this machine (``LocalCluster``) instead of joining one."""
CONNECT_SECONDS = 10
"""How long to wait for a Dask scheduler to answer."""
IN_FLIGHT = 64
"""Articles handed to each Dask worker ahead of the one the build waits for: enough to keep it busy, few enough
that a corpus of millions is not all in the scheduler's memory at once."""


def _on_dask(function: Callable[[A], T], articles: Sequence[A], scheduler: str, jobs: int) -> Iterator[T]:
    """`function` of each article on a Dask cluster, in order: the scheduler at `scheduler` (``tcp://host:8786``,
    whose workers have kgraph installed), or with `LOCAL_CLUSTER` a new cluster of `jobs` worker processes here.
    Each worker loads the extraction models once, as a process of `--jobs` does."""
    from collections import deque

    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--dask needs Dask's distributed scheduler: pip install 'kgraph[dask]'") from None
    local = scheduler == LOCAL_CLUSTER
    cluster = (
        LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)  # type: ignore[no-untyped-call]
        if local
        else None
    )
    try:
        try:
            client = Client(cluster or scheduler, timeout=CONNECT_SECONDS)  # type: ignore[no-untyped-call]
        except (OSError, ValueError) as error:
            raise EndpointError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        with client:
            ahead = IN_FLIGHT * max(1, len(client.scheduler_info()["workers"]))
            pending: deque[Any] = deque()
            for article in articles:
                pending.append(client.submit(function, article, pure=False))
                if len(pending) >= ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    finally:
        if cluster is not None:
            cluster.close()


def default_jobs(articles: int) -> int:
    """The worker processes a build of so many articles uses unless told: one per core for a corpus (more than
    `CORPUS` articles), else one, since each worker first spends seconds loading the models."""
    import os

    if articles <= CORPUS:
        return 1
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


CORPUS = 16
"""How many articles make a corpus worth extracting in parallel by default (`default_jobs`)."""


class _Named(Protocol):
    """An article or what stands for one before it is read: its slug and where it is."""

    @property
    def slug(self) -> str: ...
    @property
    def path(self) -> Path | None: ...


def _one_iri_each(articles: Sequence[_Named]) -> None:
    """SourceError when two articles would be one graph: their file or folder names give the same IRI."""
    first: dict[str, Path | None] = {}
    for article in articles:
        other = first.setdefault(article.slug, article.path)
        if other != article.path:
            raise SourceError(
                f"{article.path}: its IRI …/article/{article.slug} is already {other}'s; rename one of them"
            )


def build(
    paths: Sequence[Path],
    out: Path,
    *,
    html: bool = True,
    wikidata: str | None = None,
    without: Sequence[str] = (),
    keep_apart: Sequence[str] = (),
    jobs: int | None = 1,
    scheduler: str | None = None,
) -> BuildResult:
    """Build the articles under `paths` into `out`: graph.ttl, graph.trig and graph.html; then validate.

    With `wikidata` (a SPARQL endpoint URL), extracted articles' unlinked entities are reconciled against it
    before anything is written; curated facts are left as their authors wrote them. The extraction packs in
    `without` are switched off for articles with no curated facts. Entities that share an identity key are one
    node (``identity.resolve``), except by the keys in `keep_apart`. `jobs` worker processes extract the articles
    (``load_models``; None: one per core for a corpus), or the Dask cluster at `scheduler`.
    """
    if wikidata is not None:
        from .extract.links.reconcile import check_endpoint_url, reconcile

        check_endpoint_url(wikidata)
    if without:
        from .extract.build import components

        components(without)  # an unknown pack is refused before any article is read
    models = load_models(paths, without, jobs, scheduler)
    if not models:
        raise SourceError(
            f"no articles under {', '.join(map(str, paths))}: name article files one by one, or give folders "
            f"that hold {' or '.join(ARTICLE_FILENAMES)}"
        )
    reconciled: tuple[Reconciliation, ...] = ()
    if wikidata is not None:
        extracted = [index for index, model in enumerate(models) if model.source == "extracted"]
        reconciled = tuple(reconcile([models[index] for index in extracted], wikidata))
        for index, result in zip(extracted, reconciled, strict=True):
            models[index] = result.model
    dataset = build_dataset(models, keep_apart)
    report = validate(dataset)
    contents = {"turtle": serialize(dataset, "turtle"), "trig": serialize(dataset, "trig")}
    if html:
        from .visualize import page_bytes

        contents["html"] = page_bytes(dataset, title="kgraph")
    files = {kind: out / f"graph.{_EXTENSIONS[kind]}" for kind in contents}
    write_all_atomically({files[kind]: bytes_writer(content) for kind, content in contents.items()})
    return BuildResult(tuple(models), dataset, report, files, reconciled)


_EXTENSIONS = {"turtle": "ttl", "trig": "trig", "html": "html"}
