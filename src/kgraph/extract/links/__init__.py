"""Which Wikidata item: the gazetteer built from NEREL train (``linking``), countries and states NEREL train never
links by their GeoNames id and ISO 3166-2 subdivision (``countries``, ``states``, through ``named_items``), and
optional online reconciliation."""
