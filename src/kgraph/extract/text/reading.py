"""Reading the text once: natasha's tokens, sentences and named spans for the components that follow."""

from ..doc import Doc
from ..pipeline import component
from .ner import analyse
from .words import remember


@component("read", assigns=("analysis",))
def read(doc: Doc) -> None:
    """natasha's segmentation, NER and (on the sentences holding a name) morphology of the blanked text; its
    tokens are the words the rules ask about (`words(doc.text)`), in the text and in the blanked text alike."""
    doc.analysis = analyse(doc.clean)
    remember(doc.text, doc.clean, bounds=((token.start, token.stop) for token in doc.analysis.tokens))
