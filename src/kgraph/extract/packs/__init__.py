"""Optional component sets for one kind of article (``forum``: summit and forum reports)."""
