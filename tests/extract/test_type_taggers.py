"""Mentions of every NEREL type, nested, by the taggers learned from NEREL train; scored over all 29 types."""

from pathlib import Path

from click.testing import CliRunner

from kgraph.cli.extract import evaluate
from kgraph.evaluation import evaluate_types
from kgraph.extract import dump_facts, extract_article
from kgraph.extract.text.ner import analyse
from kgraph.extract.typed.taggers import NEREL_TYPES, RULE_TYPES, tag_types
from kgraph.facts import parse_facts
from kgraph.graph import build_dataset
from kgraph.source import Article, parse_article
from kgraph.validate import validate


def _found(text: str) -> set[tuple[str, str]]:
    return {(text[m.start : m.end], m.type) for m in tag_types(text, analyse(text))}


def test_an_office_and_the_office_nested_in_it_are_two_mentions() -> None:
    text = "В среду заместитель министра обороны России провёл совещание."
    found = _found(text)
    assert ("заместитель министра обороны России", "PROFESSION") in found
    assert {
        ("министра обороны России", "PROFESSION"),
        ("министра обороны", "PROFESSION"),
        ("министра", "PROFESSION"),
    } & found
    assert ("совещание", "EVENT") in found


def test_a_tagged_mention_keeps_no_straight_quote_it_does_not_open() -> None:
    text = 'Его называли "королём поп-музыки" и "королевой эстрады", генерального директора ООО "МНКТ" тоже.'
    found = _found(text)
    assert found and not [words for words, _ in found if words.count('"') % 2], found


def test_ages_penalties_and_crimes_are_found_in_a_court_report() -> None:
    text = "Суд приговорил 35-летнего жителя Самары к трём годам лишения свободы по статье 159 УК РФ за мошенничество."
    kinds = {kind for _, kind in _found(text)}
    assert {"AGE", "PENALTY", "CRIME"} <= kinds, _found(text)


def test_diseases_no_training_document_names_are_found_by_their_word_class() -> None:
    # neither word is in any NEREL document; "грипп" and "рак" (train) share their class (text.word_classes)
    text = "В регионе выросло число случаев гепатита и холеры."
    assert {("гепатита", "DISEASE"), ("холеры", "DISEASE")} <= _found(text), _found(text)


def test_diseases_train_never_names_are_found_by_the_words_of_the_classifier_of_diseases() -> None:
    # "коронавирус" is in no NEREL train document; the Russian ICD-10 names it (text.disease_words)
    for text, word in (
        ("Он заразился коронавирусом и был госпитализирован.", "коронавирусом"),
        ("В Италии от коронавируса умерли ещё 700 человек.", "коронавируса"),
    ):
        assert (word, "DISEASE") in _found(text), _found(text)


def test_every_type_the_rules_do_not_give_has_a_tagger() -> None:
    from kgraph.extract.typed.taggers import _taggers

    assert {kind for kind, _, _ in _taggers()} == set(NEREL_TYPES) - RULE_TYPES


def test_the_all_types_score_counts_every_gold_mention_once(nerel_sample: Path) -> None:
    report = evaluate_types(nerel_sample)
    micro = report.scores["all types (micro)"]
    assert micro.gold == sum(report.scores[kind].gold for kind in NEREL_TYPES)
    assert micro.f1 > 0.6
    assert report.scores["PROFESSION"].gold > 0 and report.scores["PROFESSION"].f1 > 0.5
    assert report.baseline["PERSON"].f1 == report.scores["PERSON"].f1  # the rules give persons


def test_eval_nerel_prints_the_all_types_table_after_the_first(nerel_sample: Path) -> None:
    result = CliRunner().invoke(evaluate, ["--nerel", str(nerel_sample), "--quiet", "--no-baseline"])
    assert result.exit_code == 0, result.output
    assert result.output.index("exact-span mention scores") < result.output.index("all 29 types, nested")
    assert "all types (micro)" in result.output


def test_a_court_report_gets_its_office_penalty_and_crime_as_nodes_that_conform() -> None:
    text = (
        "# Приговор\n\nСуд приговорил бывшего заместителя министра обороны к трём годам лишения свободы "
        "за мошенничество.\n"
    )
    model = extract_article(parse_article("court", text))
    found = {(e.cls, e.labels["ru"]) for e in model.entities.values()}
    assert ("kg:Position", "заместитель министра обороны") in found, found
    assert ("kg:Penalty", "трём годам лишения свободы") in found and ("kg:Crime", "мошенничество") in found
    again = parse_facts(model.article, dump_facts(model))  # the facts YAML keeps them
    assert {(e.cls, e.labels["ru"]) for e in again.entities.values()} == found
    report = validate(build_dataset([model]))
    assert report.conforms, report.text


def test_a_surname_read_as_a_common_noun_is_no_office() -> None:
    text = "# Жалоба\n\nПрезидент ЦСКА Евгений Гинер заявил, что клуб подаст жалобу на судейство в РФС.\n"
    model = extract_article(parse_article("club", text))
    offices = {e.labels["ru"] for e in model.entities.values() if e.cls == "kg:Position"}
    persons = {e.labels["ru"] for e in model.entities.values() if e.cls == "schema:Person"}
    assert "Евгений Гинер" in persons and "президент ЦСКА" in offices, (persons, offices)
    assert "Гинер" not in offices, offices


def test_a_quoted_name_after_the_noun_of_an_award_is_an_award() -> None:
    text = (
        "# Итоги года\n\nРоссийская писательница Гузель Яхина стала лауреатом национальной литературной премии"
        " «Большая книга» за роман «Эшелон на Самарканд».\n"
    )
    model = extract_article(parse_article("prize", text))
    awards = {e.id: e.labels["ru"] for e in model.entities.values() if e.cls == "kg:Award"}
    assert list(awards.values()) in (["Большая книга"], ["премия «Большая книга»"]), awards
    yakhina = next(e.id for e in model.entities.values() if e.labels["ru"] == "Гузель Яхина")
    assert (yakhina, "schema:award") in {(f.subject, f.predicate) for f in model.facts if f.obj in awards}


def test_a_tagged_event_inside_an_event_the_rules_found_is_not_a_second_node(seed_article: Article) -> None:
    model = extract_article(seed_article)
    named = [m for e in model.entities.values() if e.cls in {"kg:Forum", "kg:PlenarySession"} for m in e.mentions]
    tagged = [m for e in model.entities.values() if e.cls == "schema:Event" for m in e.mentions]
    assert named and not any(a.start < b.end and b.start < a.end for a in tagged for b in named)


def test_every_nerel_type_maps_to_one_term_of_the_ontology() -> None:
    from rdflib import Literal

    from kgraph.namespaces import KG
    from kgraph.resources import ontology_graph

    mapped = [str(kind) for kind in ontology_graph().objects(None, KG.nerelType)]
    entity_types = [kind for kind in mapped if kind in NEREL_TYPES]  # the others are relation types
    assert sorted(entity_types) == sorted(NEREL_TYPES)  # each type once
    assert all(isinstance(kind, Literal) for kind in ontology_graph().objects(None, KG.nerelType))


def test_a_title_listed_after_a_works_is_a_work() -> None:
    # "«Алые паруса» и «Офицеры»": natasha read the second film as an organisation (a new article)
    text = "# Актёр\n\nШирокую известность ему принесли роли в фильмах «Алые паруса» и «Офицеры».\n"
    model = extract_article(parse_article("films", text))
    kinds = {e.labels["ru"]: e.cls for e in model.entities.values() if e.labels["ru"] in {"Алые паруса", "Офицеры"}}
    assert kinds == {"Алые паруса": "schema:CreativeWork", "Офицеры": "schema:CreativeWork"}, kinds


def test_a_title_right_after_the_noun_of_a_works_kind_is_a_work() -> None:
    # "альбом «45»" gave no work (natasha read "45" as an organisation; a new article)
    model = extract_article(parse_article("album", "# Новости\n\nГруппа выпустила альбом «45» в 1982 году.\n"))
    assert {e.labels["ru"]: e.cls for e in model.entities.values()}.get("45") == "schema:CreativeWork"


def test_a_quoted_phrase_after_a_verb_that_begins_like_an_awards_noun_is_no_award() -> None:
    # "признали «иностранным агентом»" begins with "приз": no award there
    model = extract_article(parse_article("agent", "# Новости\n\nЖурналиста признали «иностранным агентом».\n"))
    assert not [e for e in model.entities.values() if e.cls == "kg:Award"], model.entities
