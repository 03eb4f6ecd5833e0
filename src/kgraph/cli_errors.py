"""How every kgraph command reports failure: published exit codes and one decorator.

>>> EXIT_OK, EXIT_INVALID, EXIT_ERROR
(0, 1, 2)
"""

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from .errors import KGraphError

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2
"""0 success or the graph conforms; 1 the graph does not conform; 2 bad input, usage or runtime error."""

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn a KGraphError into `error: message` on stderr and exit code 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KGraphError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper  # type: ignore[return-value]
