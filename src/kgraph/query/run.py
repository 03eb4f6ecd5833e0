r"""Run a query as `kgraph query` does: found by path, name or text, parameters bound, on files or an endpoint.

>>> import tempfile
>>> from pathlib import Path
>>> graph = Path(tempfile.mkdtemp()) / "graph.nt"
>>> _ = graph.write_text('<https://w3id.org/kgraph/id/a> <http://www.w3.org/2000/01/rdf-schema#label> "a"@ru .\n')
>>> run_query("SELECT * WHERE { ?who rdfs:label ?label }", graph, ['label="a"@ru']).values("who")
['https://w3id.org/kgraph/id/a']
"""

from collections.abc import Sequence
from pathlib import Path

from ..errors import UsageError
from .catalog import find_query
from .local import LocalStore
from .params import check_params, parse_params
from .results import QueryResult


def run_query(
    query: str,
    data: Path,
    params: Sequence[str] = (),
    *,
    endpoint: str | None = None,
    timeout: float = 30.0,
    default_graphs: Sequence[str] = (),
    allow_service: bool = False,
) -> QueryResult:
    """Run `query` (a .rq path, a bundled query's name or SPARQL text) on the RDF file or store folder `data`
    (``open_data``), or on `endpoint`.

    `params` are NAME=VALUE bindings (see `kgraph.query.params`); a name the query lacks is a UsageError.
    `timeout` bounds a local query, or the whole request to an endpoint, retries included. SERVICE is refused
    unless `allow_service`, which is for local queries only: an endpoint decides on SERVICE itself.
    """
    named = find_query(query)
    bound = parse_params(params)
    check_params(named.text, bound)
    if endpoint:
        from .remote import query_endpoint

        if allow_service:
            raise UsageError("--allow-service is for a local query: with --endpoint, the endpoint decides on SERVICE")
        return query_endpoint(endpoint, named.text, bound, timeout=timeout, default_graphs=default_graphs)
    return open_data(data).query(named.text, bound, timeout=timeout, allow_service=allow_service)


def open_data(data: Path) -> LocalStore:
    """The RDF file `data` loaded into memory, or the store folder `kgraph build --store` writes, opened read-only."""
    from ..corpus import OXIGRAPH, is_store

    if is_store(data):
        return LocalStore.read_only(data / OXIGRAPH)
    return LocalStore.from_files(data)
