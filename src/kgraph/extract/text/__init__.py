"""Reading the text once: natasha's tokens, sentences and named spans (``ner``), pymorphy3 forms (``normalise``);
which language a text that is not Russian is in (``language``)."""
