"""The page reads the graph through a dict index of plain terms (``Triples``): it must answer as rdflib does, and
the same whether it is read from an rdflib dataset, from pyoxigraph quads or from the file."""

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kgraph import rdfio
from kgraph.errors import RDFInputError
from kgraph.rdfio import parse_quads, read_dataset, union_graph
from kgraph.visualize import page_html
from kgraph.visualize import triples as triples_module
from kgraph.visualize.details import PanelBuilder
from kgraph.visualize.network import entity_nodes, relations
from kgraph.visualize.triples import Lit, Triples, plain


def test_every_lookup_gives_what_rdflib_gives_on_the_seed_graph(seed_dataset: Dataset) -> None:
    graph, triples = union_graph(seed_dataset), Triples(seed_dataset)
    assert len(graph) > 1000 and len(triples) == len(graph)
    for s, p, o in graph:
        assert set(triples.objects(plain(s), str(p))) == {plain(x) for x in graph.objects(s, p)}
        assert set(triples.subjects(str(p), plain(o))) == {plain(x) for x in graph.subjects(p, o)}
        assert triples.value(plain(s), str(p)) in {plain(x) for x in graph.objects(s, p)}
    for s in set(graph.subjects()):
        found = sorted(triples.predicate_objects(plain(s)), key=str)
        assert found == sorted(((str(p), plain(o)) for p, o in graph.predicate_objects(s)), key=str)
    for o in set(graph.objects()):
        found = sorted(triples.subject_predicates(plain(o)), key=str)
        assert found == sorted(((plain(s), str(p)) for s, p in graph.subject_predicates(o)), key=str)
    for p in set(graph.predicates()):
        assert sorted(triples.subjects(str(p)), key=str) == sorted({plain(s) for s in graph.subjects(p)}, key=str)
    assert triples.value(str(graph.identifier), str(graph.identifier)) is None


def test_the_index_of_a_file_equals_the_index_of_its_dataset_and_of_its_quads(seed_trig: Path) -> None:
    quads = parse_quads(seed_trig)
    from_dataset = Triples(read_dataset(seed_trig))
    from_quads, from_file = Triples.from_quads(quads + quads), Triples.read(seed_trig)  # twice: once
    graph = union_graph(read_dataset(seed_trig))
    for s in {plain(s) for s in graph.subjects()}:
        expected = sorted(from_dataset.predicate_objects(s), key=str)
        assert sorted(from_quads.predicate_objects(s), key=str) == expected
        assert sorted(from_file.predicate_objects(s), key=str) == expected
    for o in {plain(o) for o in graph.objects()}:
        expected = sorted(from_dataset.subject_predicates(o), key=str)
        assert sorted(from_file.subject_predicates(o), key=str) == expected


def test_panels_and_edges_from_the_file_equal_those_from_the_dataset(seed_trig: Path) -> None:
    from_dataset, from_file = Triples(read_dataset(seed_trig)), Triples.read(seed_trig)
    nodes = entity_nodes(from_file)
    assert nodes == entity_nodes(from_dataset) and len(nodes) > 50
    assert relations(from_file, nodes) == relations(from_dataset, nodes)
    ids = {node: f"n{i}" for i, node in enumerate(nodes)}
    one, other = PanelBuilder(from_file, ids), PanelBuilder(from_dataset, ids)
    for node in nodes:
        assert one.panel(node) == other.panel(node)
    assert one.sentences.texts == other.sentences.texts


def test_literals_that_need_escapes_in_n_triples_read_back_as_written(tmp_path: Path) -> None:
    texts = ['кавычки " и \\ обратная', "строка\nвторая\tтаб\r", "\u2028 и \u0085 и \x7f и \x01", "эмодзи 😀 \ufeff"]
    graph = Graph()
    thing = URIRef("https://w3id.org/kgraph/id/thing")
    for i, value in enumerate(texts):
        graph.add((thing, URIRef(f"https://e.org/p{i}"), Literal(value, lang="ru-Latn" if i else None)))
    path = tmp_path / "g.nt"
    integer = '<https://w3id.org/kgraph/id/thing> <https://e.org/n> "007"^^<http://www.w3.org/2001/XMLSchema#integer> .'
    path.write_text(graph.serialize(format="nt") + integer + "\n", encoding="utf-8")  # as written: not "7"
    read = Triples.read(path)
    for i, value in enumerate(texts):
        assert read.value(str(thing), f"https://e.org/p{i}") == Lit(value, "ru-latn" if i else "")  # tags: lower case
    assert read.value(str(thing), "https://e.org/n") == Lit("007", "", "http://www.w3.org/2001/XMLSchema#integer")


def test_a_page_read_from_its_file_is_the_page_of_its_dataset(seed_trig: Path) -> None:
    from_file = page_html(Triples.read(seed_trig), title="seed")
    assert from_file == page_html(read_dataset(seed_trig), title="seed")


def test_a_big_file_read_by_a_second_process_gives_the_same_index(
    seed_trig: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_process = Triples.read(seed_trig)
    monkeypatch.setattr(triples_module, "BIG_FILE", 0)  # every file is big
    monkeypatch.setattr(rdfio, "NTRIPLES_CHUNK", 100)  # and read in many chunks
    monkeypatch.setattr(rdfio, "consume_quads", None)  # not by this process
    by_worker = Triples.read(seed_trig)
    assert len(in_process) > 1000
    assert by_worker._out == in_process._out and by_worker._in == in_process._in


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("a.ttl", "<http://e.org/a> <http://e.org/p> .", r"a\.ttl: not valid turtle: .*line 1"),
        ("a.nt", '<http://e.org/a> <http://e.org/p> "1" .\n' * 250 + "<a> <b> <c> .\n", r"a\.nt: not valid ntriples"),
        ("a.rdf", '<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>', r"a\.rdf:1: the entity 'e'"),
        ("gone.nt", None, r"gone\.nt: no such file"),
    ],
)
def test_a_second_process_refuses_a_bad_file_as_the_first_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str | None, error: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(RDFInputError, match=error) as in_process:
        Triples.read(path)
    with pytest.raises(RDFInputError, match=error) as by_worker:
        list(rdfio.ntriples_chunks(path, lines=100))  # the chunks before the error come first
    assert str(by_worker.value) == str(in_process.value)


def test_a_second_process_that_stops_mid_chunk_is_an_error_not_a_short_index(
    seed_trig: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    from kgraph import processes

    def dying(code: str, *arguments: str, **popen: object) -> "subprocess.Popen[bytes]":
        # a chunk's head that announces 1,000 bytes, 3 of them, then the process is gone
        cut = "import sys, struct; sys.stdout.buffer.write(struct.pack('<cQ', b'c', 1000) + b'<a>'); sys.exit(9)"
        return subprocess.Popen([sys.executable, "-c", cut], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)

    monkeypatch.setattr(processes, "python_process", dying)
    with pytest.raises(RDFInputError, match=r"seed.*stopped in the middle of a message \(exit code 9\)"):
        list(rdfio.ntriples_chunks(seed_trig))
