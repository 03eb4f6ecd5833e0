"""Fixtures for the extraction tests: the seed article, its extraction (loaded once), the NEREL sample."""

from pathlib import Path

import pytest

from kgraph.extract import extract_article
from kgraph.model import ArticleModel
from kgraph.source import Article, load_article

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "omsk-forum-2019-11-07"
NEREL_SAMPLE = Path(__file__).parent / "data" / "nerel-sample"


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return load_article(SEED)


@pytest.fixture(scope="session")
def seed_model(seed_article: Article) -> ArticleModel:
    return extract_article(seed_article)


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEED


@pytest.fixture(scope="session")
def nerel_sample() -> Path:
    return NEREL_SAMPLE
