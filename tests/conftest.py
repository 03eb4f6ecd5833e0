"""Shared fixtures: the seed article, its model, its graph built once per session, a store over it, and a
headless Chromium for the tests that use a page."""

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset

from kgraph.facts import facts_file, load_facts
from kgraph.graph import build_dataset
from kgraph.model import ArticleModel
from kgraph.query import LocalStore
from kgraph.source import Article, load_article
from kgraph.visualize.browser import CHROMIUM, launch_chromium

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "data" / "omsk-forum-2019-11-07"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEED_DIR


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return load_article(SEED_DIR)


@pytest.fixture(scope="session")
def seed_model(seed_article: Article) -> ArticleModel:
    path = facts_file(seed_article)
    assert path is not None
    return load_facts(seed_article, path)


@pytest.fixture(scope="session")
def seed_dataset(seed_model: ArticleModel) -> Dataset:
    return build_dataset([seed_model])


@pytest.fixture(scope="session")
def seed_trig(tmp_path_factory: pytest.TempPathFactory, seed_dataset: Dataset) -> Path:
    from kgraph.export import write

    return write(seed_dataset, tmp_path_factory.mktemp("seed") / "graph.trig", "trig")


@pytest.fixture(scope="session")
def seed_store(seed_trig: Path) -> LocalStore:
    return LocalStore.from_files(seed_trig)


@pytest.fixture
def article_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed article folder, for tests that break its facts."""
    target = tmp_path / "data" / SEED_DIR.name
    shutil.copytree(SEED_DIR, target)
    return target


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright, one for the session (the browser tests must run, not skip)."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (the browser tests must run, not skip)")
    with sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        yield launched
        launched.close()
