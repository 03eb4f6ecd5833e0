"""Errors kgraph raises; the CLI turns each into a message and exit code 2."""


class KGraphError(Exception):
    """Base class of every error kgraph reports to a user."""


class SourceError(KGraphError):
    """An article file cannot be read or its header is malformed."""


class FactsError(KGraphError):
    """A curated facts file is malformed or cites words that are not in the article."""


class RDFInputError(KGraphError):
    """An RDF file cannot be parsed."""


class QueryError(KGraphError):
    """A SPARQL query cannot be found, parsed or run."""


class UsageError(KGraphError):
    """A command was given an unknown option value."""


class ResultLimitError(QueryError):
    """A query's result is larger than the limit it was run with."""


class EndpointError(KGraphError):
    """A remote SPARQL endpoint or graph store cannot be reached, refuses a request or answers wrongly."""


class ExportError(KGraphError):
    """A graph cannot be written in the format asked for (RDF/XML cannot hold some characters and IRIs)."""


class OutputError(KGraphError):
    """A file cannot be written where the user asked (a folder's name, a place with no room or no permission)."""
