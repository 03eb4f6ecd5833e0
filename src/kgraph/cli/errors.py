"""How every kgraph command reports failure: published exit codes and one decorator.

>>> EXIT_OK, EXIT_INVALID, EXIT_ERROR, EXIT_INTERRUPTED
(0, 1, 2, 130)
>>> os_error_message(PermissionError(13, "Permission denied", "/proc/x"))
'/proc/x: Permission denied'
"""

import contextlib
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from ..errors import KGraphError
from ..limits import DeadlineError

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2
"""0 success or the graph conforms; 1 the graph does not conform; 2 bad input, usage or runtime error."""
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141
"""Ctrl-C, and a reader that closed our output: as shells report a command killed by SIGINT or SIGPIPE."""

F = TypeVar("F", bound=Callable[..., Any])


def os_error_message(error: OSError) -> str:
    """`path: reason` for a failed file operation (both paths for a rename), or the reason alone."""
    reason = error.strerror or str(error) or type(error).__name__
    paths = [str(p) for p in (error.filename, error.filename2) if p is not None]
    return f"{' -> '.join(paths)}: {reason}" if paths else reason


def reports_errors(command: F) -> F:
    """Turn failures into `error: message` on stderr and exit code 2, never a traceback.

    KGraphError carries its own message; OSError (a folder that cannot be written, /proc, a full disk) names
    its path; MemoryError says what ran out; any other exception is a defect of ours, reported in one line
    (KGRAPH_TRACEBACK=1 shows the traceback). Ctrl-C exits 130. A query past its time limit is still running in
    a thread nothing can stop, so the process leaves at once instead of waiting for it at shutdown.
    """

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DeadlineError as error:
            _leave(f"error: {error}", EXIT_ERROR)
        except KGraphError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(EXIT_ERROR)
        except BrokenPipeError:  # the reader of our output left (`| head`): nothing to say, as a C tool dies
            _leave("", EXIT_BROKEN_PIPE)
        except OSError as error:
            click.echo(f"error: {os_error_message(error)}", err=True)
            sys.exit(EXIT_ERROR)
        except MemoryError:
            click.echo("error: out of memory: the input is too large for this machine", err=True)
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            _leave("interrupted", EXIT_INTERRUPTED)
        except Exception as error:  # a defect of kgraph's: still exit 2 (1 means "does not conform")
            if os.environ.get("KGRAPH_TRACEBACK"):
                raise
            message = " ".join(str(error).split())[:300]
            click.echo(
                f"error: unexpected {type(error).__name__}: {message} (a kgraph defect: please report it; "
                "KGRAPH_TRACEBACK=1 shows where it happened)",
                err=True,
            )
            sys.exit(EXIT_ERROR)

    return wrapper  # type: ignore[return-value]


def _leave(message: str, code: int) -> None:
    """Print, flush and exit now, without the interpreter's shutdown (which would wait on a busy thread)."""
    if message:
        click.echo(message, err=True)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)
