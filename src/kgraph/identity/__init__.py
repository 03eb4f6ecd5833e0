"""Stage 2½: one node per real thing across the articles of a build (``resolve``), each merge with its key."""
