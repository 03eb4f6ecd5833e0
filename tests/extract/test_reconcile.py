"""`--wikidata URL`: unlinked entities reconciled against a real Oxigraph server holding a Wikidata-shaped sample
(tests/extract/data/wikidata-sample.ttl); nothing here touches the internet."""

import shutil
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import OWL, Graph, URIRef

from kgraph.cli import main
from kgraph.extract.links.reconcile import RECONCILED_CONFIDENCE, reconcile
from kgraph.facts import load_facts
from kgraph.model import ArticleModel, Entity
from kgraph.pipeline import build
from kgraph.source import load_article, parse_article
from sparql.conftest import free_port, start_oxigraph, stop
from sparql.servers import Recorder, running

SAMPLE = Path(__file__).parent / "data" / "wikidata-sample.ttl"
ARTICLE = "# Эйнштейн в Омске\n\nАльберт Эйнштейн прилетел в Омск. Владимир Путин встретил его в аэропорту.\n"


@pytest.fixture(scope="module")
def wikidata(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The query URL of an Oxigraph server loaded with the sample, stopped afterwards."""
    server = start_oxigraph(tmp_path_factory.mktemp("wikidata") / "store")
    try:
        load = urllib.request.Request(
            f"{server.store_url}?default",
            data=SAMPLE.read_bytes(),
            headers={"Content-Type": "text/turtle"},
            method="POST",
        )
        urllib.request.urlopen(load, timeout=30).close()
        yield server.query_url
    finally:
        stop(server.process)


class Forwarding(BaseHTTPRequestHandler):
    """Counts each POST and passes it on to the endpoint in settings['upstream']."""

    server: Recorder

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append(dict(self.headers.items()))
        headers = {name: self.headers[name] for name in ("Content-Type", "Accept") if self.headers[name]}
        upstream = urllib.request.Request(self.server.settings["upstream"], body, headers, method="POST")
        with urllib.request.urlopen(upstream, timeout=30) as answer:
            payload, media = answer.read(), answer.headers.get("Content-Type", "")
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def entity(ident: str, ru: str, cls: str = "schema:Person", wikidata: str | None = None, conf: float = 0.9) -> Entity:
    return Entity(ident, cls, {"ru": ru, "en": ident}, wikidata, (), conf)


def model_of(*entities: Entity) -> ArticleModel:
    article = parse_article("demo", ARTICLE)
    return ArticleModel(article, entities={e.id: e for e in entities}, source="extracted")


def reconciled(wikidata: str, *entities: Entity) -> Any:
    return reconcile([model_of(*entities)], wikidata)[0]


def test_links_an_unlinked_entity_when_one_item_has_its_label_and_class(wikidata: str) -> None:
    result = reconciled(wikidata, entity("einstein", "Альберт Эйнштейн"), entity("omsk", "Омск", "schema:City"))
    assert result.model.entities["einstein"].wikidata == "Q937"
    assert result.model.entities["omsk"].wikidata == "Q898"
    assert result.linked["einstein"].qid == "Q937"
    assert result.model.entities["einstein"].confidence == RECONCILED_CONFIDENCE  # flagged for review
    assert result.ambiguous == {}


def test_matches_alternative_labels_too(wikidata: str) -> None:
    result = reconciled(wikidata, entity("rk", "Республика Казахстан", "schema:Country"))
    assert result.model.entities["rk"].wikidata == "Q232"


def test_leaves_an_entity_unlinked_when_two_items_share_its_label_and_class(wikidata: str) -> None:
    result = reconciled(wikidata, entity("petrov", "Иван Петров"))
    assert result.model.entities["petrov"].wikidata is None
    assert result.model.entities["petrov"].confidence == 0.9
    assert result.ambiguous == {"petrov": ("Q9000000001", "Q9000000002")}
    assert "petrov: Q9000000001, Q9000000002" in result.comment()


def test_does_not_override_gazetteer_links_nor_ask_about_them(wikidata: str) -> None:
    putin = entity("putin", "Владимир Путин", wikidata="Q7747", conf=0.98)  # the sample has a namesake too
    forum = entity("forum", "Омск", "kg:Forum")  # a class with no Wikidata class list is not asked about
    result = reconciled(wikidata, putin, forum)
    assert result.model.entities == {"putin": putin, "forum": forum}
    assert result.asked == () and result.ambiguous == {}


def test_ignores_items_of_the_wrong_class(wikidata: str) -> None:
    result = reconciled(
        wikidata,
        entity("tengiz", "Тенгиз", "schema:City"),  # the only "Тенгиз" is a lake
        entity("baikonur", "Байконур", "schema:City"),  # a city and a business of that name
        entity("anna", "Анна Бамбульская"),  # an English label with Russian words is no Russian label
    )
    assert result.model.entities["tengiz"].wikidata is None
    assert result.model.entities["baikonur"].wikidata == "Q9000000005"
    assert result.model.entities["anna"].wikidata is None
    assert result.ambiguous == {}


def test_asks_one_request_per_batch_of_labels(wikidata: str) -> None:
    names = ["Альберт Эйнштейн", "Нельсон Мандела", "Иван Петров", "Тенгиз", "Омск"]
    model = model_of(*(entity(f"e{i}", name) for i, name in enumerate(names)))
    with running(Forwarding, upstream=wikidata) as proxy:
        result, _ = reconcile([model, model], proxy.url)  # two articles, one batch
        assert len(proxy.seen) == 1
        reconcile([model], proxy.url, batch_size=2)
        assert len(proxy.seen) == 1 + 3
    assert result.linked["e0"].qid == "Q937" and result.linked["e1"].qid == "Q8023"


def test_extract_with_wikidata_writes_the_links_and_names_the_endpoint(tmp_path: Path, wikidata: str) -> None:
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "facts.yaml"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "article.md"), "-o", str(out), "--wikidata", wikidata])
    assert result.exit_code == 0, result.output
    assert f"asked {wikidata} about" in result.output
    text = out.read_text(encoding="utf-8")
    assert f"# Wikidata links reconciled against {wikidata}" in text
    by_label = {e.labels["ru"]: e for e in load_facts(load_article(tmp_path / "article.md"), out).entities.values()}
    assert by_label["Альберт Эйнштейн"].wikidata == "Q937"
    assert by_label["Альберт Эйнштейн"].confidence == RECONCILED_CONFIDENCE
    assert by_label["Владимир Путин"].wikidata == "Q7747"  # the gazetteer's link, kept


def test_extract_with_an_unreachable_endpoint_exits_2_naming_it_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "facts.yaml"
    url = f"http://127.0.0.1:{free_port()}/query"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "article.md"), "-o", str(out), "--wikidata", url])
    assert result.exit_code == 2
    assert "error:" in result.output and url in result.output
    assert not out.exists()


def test_extract_refuses_a_wikidata_value_that_is_no_url(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "article.md"), "--wikidata", "query.wikidata.org"])
    assert result.exit_code == 2
    assert "--wikidata 'query.wikidata.org'" in result.output


def test_build_with_wikidata_links_extracted_articles_only(tmp_path: Path, wikidata: str, seed_dir: Path) -> None:
    new = tmp_path / "data" / "einstein"
    new.mkdir(parents=True)
    (new / "article.md").write_text(ARTICLE, encoding="utf-8")
    curated = tmp_path / "data" / seed_dir.name
    shutil.copytree(seed_dir, curated)
    result = build([tmp_path / "data"], tmp_path / "out", html=False, wikidata=wikidata)
    assert [r.model.article.slug for r in result.reconciled] == ["einstein"]
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert (None, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q937")) in graph
    seed = next(m for m in result.models if m.article.slug == seed_dir.name)
    assert seed == load_facts(load_article(curated), curated / "facts.yaml")


def test_build_with_an_unreachable_endpoint_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "article.md").write_text(ARTICLE, encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}/query"
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a"), "--out", str(out), "--wikidata", url])
    assert result.exit_code == 2
    assert url in result.output
    assert not out.exists()
