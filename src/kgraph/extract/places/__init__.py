"""Which places, and of which kind: place nouns (``nouns``), kinds (``types``), place adjectives (``adjectives``)."""
