"""The extraction pipeline: named components in one order, each declaring what it requires and what it assigns.

A component is a function of the shared document (``Doc``) made with ``@component``; ``build.PIPELINE`` is the
order the components run in, checked by ``check`` when kgraph.extract loads (as spaCy's ``analyze_pipes`` does):
a component that requires what no earlier one assigns, or that drops entities once a later kind of item refers to
them, is an error at start-up, not a silent empty result. A component of a pack (``packs/``) can be switched off.

>>> @component("shout", requires=("entities",), assigns=("facts",))
... def shout(doc): pass
>>> check([shout])
Traceback (most recent call last):
...
kgraph.extract.pipeline.PipelineError: component 'shout' requires entities, which no component before it assigns
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..errors import KGraphError
from .doc import Doc

FIELDS = {
    "analysis": "natasha's tokens, sentences and named spans",
    "features": "the taggers' features of every token (the CRFs' input)",
    "sequences": "the LSTMs' B, I and O probabilities of every token, beside EVENT's and organisations' CRFs",
    "typed": "every mention the type taggers found, of all their types",
    "entities": "entities (drafts) and their mentions",
    "meta": "the header's author, publisher and photo credit",
    "facts": "facts between entities, and their dates",
    "dates": "time expressions, resolved against the publication date",
    "events": "the events found by head noun, with their entity ids",
    "utterances": "direct quotes and reported speech, with their speakers",
    "amounts": "figures in the text: value, unit, qualifier",
    "quantities": "figures with what they measure and concern",
    "relations": "NEREL's relations between the mentions, by the classifier",
}
"""What a component may require, assign or drop: the parts of the document."""


class PipelineError(KGraphError):
    """The components are in an order that cannot work (a prerequisite missing, entities dropped too late)."""


@dataclass(frozen=True)
class Component:
    """A named step over the document, with what it requires, assigns and drops, and the pack it belongs to."""

    name: str
    run: Callable[[Doc], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    drops: tuple[str, ...] = ()
    pack: str | None = None

    def __call__(self, doc: Doc) -> None:
        self.run(doc)


def component(
    name: str,
    *,
    requires: Sequence[str] = (),
    assigns: Sequence[str] = (),
    drops: Sequence[str] = (),
    pack: str | None = None,
) -> Callable[[Callable[[Doc], None]], Component]:
    """Make a function of the document a named component (``@component("dates", assigns=("dates",))``)."""

    def make(run: Callable[[Doc], None]) -> Component:
        return Component(name, run, tuple(requires), tuple(assigns), tuple(drops), pack)

    return make


def check(components: Iterable[Component]) -> None:
    """PipelineError unless every component's prerequisites are assigned before it, every field is known, and
    nothing is dropped once another kind of item was built on it (a fact refers to entities: entities are no
    longer dropped after a component that requires entities assigns facts)."""
    assigned: set[str] = set()
    built_on: dict[str, str] = {}  # field -> the first component that built something else on it
    for step in components:
        for field in (*step.requires, *step.assigns, *step.drops):
            if field not in FIELDS:
                raise PipelineError(f"component {step.name!r} names {field!r}; the fields are {', '.join(FIELDS)}")
        for field in step.requires:
            if field not in assigned:
                raise PipelineError(f"component {step.name!r} requires {field}, which no component before it assigns")
        for field in step.drops:
            if field in built_on:
                raise PipelineError(f"component {step.name!r} drops {field} after {built_on[field]!r} built on them")
        for field in step.requires:
            if any(made != field for made in step.assigns):
                built_on.setdefault(field, step.name)
        assigned.update(step.assigns)


def describe(components: Iterable[Component]) -> str:
    """The components as a Markdown table: order, name, pack, what each requires, assigns and drops."""
    lines = ["| # | component | pack | requires | assigns | drops |", "|---|---|---|---|---|---|"]
    for number, step in enumerate(components, start=1):
        cells = (step.pack or "", ", ".join(step.requires), ", ".join(step.assigns), ", ".join(step.drops))
        lines.append(f"| {number} | `{step.name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)
