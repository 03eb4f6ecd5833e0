"""Of a relation type NEREL train gives a mention once within a sentence (an event one date, an office one holder),
the classifier keeps the likeliest only (kgraph.extract.relations.learned.one_per_slot)."""

from kgraph.extract.relations.learned import Mention, Relation, one_per_slot, single_slots

EVENT, FIRST_DATE, SECOND_DATE = Mention(0, 7, "EVENT"), Mention(10, 20, "DATE"), Mention(25, 35, "DATE")
OFFICE, HOLDER, OTHER = Mention(40, 48, "PROFESSION"), Mention(50, 60, "PERSON"), Mention(70, 80, "PERSON")


def test_train_gives_an_event_one_date_and_an_office_one_holder_but_an_event_many_participants() -> None:
    slots = single_slots()
    assert {("POINT_IN_TIME", 0), ("WORKS_AS", 1)} <= slots
    assert ("PARTICIPANT_IN", 1) not in slots


def test_an_event_keeps_its_likeliest_date_only() -> None:
    found = [Relation("POINT_IN_TIME", EVENT, FIRST_DATE, 0.3), Relation("POINT_IN_TIME", EVENT, SECOND_DATE, 0.8)]
    assert one_per_slot(found, single_slots()) == [found[1]]


def test_an_office_keeps_its_likeliest_holder_only() -> None:
    found = [Relation("WORKS_AS", HOLDER, OFFICE, 0.9), Relation("WORKS_AS", OTHER, OFFICE, 0.35)]
    assert one_per_slot(found, single_slots()) == [found[0]]


def test_a_slot_train_fills_more_than_once_keeps_every_relation() -> None:
    found = [Relation("PARTICIPANT_IN", HOLDER, EVENT, 0.5), Relation("PARTICIPANT_IN", OTHER, EVENT, 0.4)]
    assert one_per_slot(found, single_slots()) == sorted(found, key=lambda r: r.source.start)


def test_relations_of_different_types_do_not_share_a_slot() -> None:
    found = [Relation("POINT_IN_TIME", EVENT, FIRST_DATE, 0.6), Relation("TAKES_PLACE_IN", EVENT, OTHER, 0.5)]
    assert len(one_per_slot(found, single_slots())) == 2
