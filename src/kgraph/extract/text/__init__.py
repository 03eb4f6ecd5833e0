"""Reading the text once: natasha's tokens, sentences and named spans (``ner``), pymorphy3 forms (``normalise``)."""
