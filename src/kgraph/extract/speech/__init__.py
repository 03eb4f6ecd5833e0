"""Who said what: utterances found (``quotes``) and attributed to their speakers (``speakers``)."""
