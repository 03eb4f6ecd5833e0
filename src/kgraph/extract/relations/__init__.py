"""Which relations: offices (``titles``) and what is reported around events (``reported``, ``topics``)."""
