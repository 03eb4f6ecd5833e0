"""Reading the text once: natasha's tokens, sentences and named spans for the components that follow."""

from ..doc import Doc
from ..pipeline import component
from .ner import analyse


@component("read", assigns=("analysis",))
def read(doc: Doc) -> None:
    """natasha's segmentation, NER and (on the sentences holding a name) morphology of the blanked text."""
    doc.analysis = analyse(doc.clean)
