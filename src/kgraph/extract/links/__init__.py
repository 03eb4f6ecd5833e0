"""Which Wikidata item: the gazetteer built from NEREL train (``linking``), and optional online reconciliation."""
