"""The bounds kgraph keeps on input it did not write, and the one way deep input is run.

Oxigraph parses SPARQL and JSON-LD, and evaluates queries, by recursion: 3,000 nested braces, a 5,000-level
JSON-LD document or a chain of 20,000 `+` overflow the 8 MiB stack of a normal thread and kill the process
(SIGSEGV, exit 139). So nesting is refused past `MAX_NESTING` with a clear error, and every parse and query of
outside input runs in a thread whose stack is 1 GiB (`run_deep`): address space only, the pages are taken as the
recursion reaches them. That thread also gives a deadline and lets Ctrl-C stop the command at once, which a call
into Rust that holds the main thread would not.

>>> run_deep(lambda: sum(range(10)))
45
>>> nesting_depth("{ ( [ ] ) }", "({[", ")}]")
3
"""

import re
import threading
import time
import traceback
from collections.abc import Callable
from typing import TypeVar

from .errors import KGraphError

T = TypeVar("T")

MAX_NESTING = 256
"""Most brackets one inside another in a query or a JSON-LD document (a real one rarely passes 20)."""

MAX_SECONDS = 86_400.0
"""The longest time limit or timeout an option takes: a day."""

MAX_QUERY_CHARS = 1 << 19
"""The longest SPARQL text kgraph runs (512 KiB): Oxigraph also recurses once per operator of a chain ("!!!…",
"1 + 1 + …"), about 1 KiB of stack each, so the length bounds the depth within the 1 GiB stack (a million "!"
took all of it)."""

DEEP_STACK_BYTES = 1 << 30
"""The stack of the thread that runs a parse or a query: enough for the recursion the size limits allow."""


class DeadlineError(KGraphError):
    """A parse or query did not finish within its time limit."""


def nesting_depth(text: str, opening: str, closing: str) -> int:
    """The deepest nesting of the `opening`/`closing` characters in `text` (strings are the caller's business).

    >>> nesting_depth("[[1], [[2]]]", "[", "]")
    3
    """
    depth = deepest = 0
    for match in re.finditer(f"[{re.escape(opening + closing)}]", text):
        if match.group() in opening:
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    return deepest


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)


def json_depth(text: str) -> int:
    """How deep arrays and objects nest in a JSON document (brackets inside strings do not count).

    >>> json_depth('{"a": [1, {"b": "[[["}]}')
    3
    """
    return nesting_depth(_JSON_STRING.sub('""', text), "[{", "]}")


def run_deep(function: Callable[[], T], *, timeout: float | None = None, what: str = "the work") -> T:
    """`function()` run in a thread with a 1 GiB stack; its value, or the exception it raised.

    With `timeout` (seconds), DeadlineError once it passes; the thread is left to finish in the background
    (Oxigraph cannot be interrupted), so a command reports the error and exits. Ctrl-C raises KeyboardInterrupt
    here at once, whatever the thread is doing.
    """
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(function())
        except BaseException as error:  # handed to the caller's thread below
            failure.append(error)
            _clear_frames(error)

    with _STACK_SIZE_LOCK:
        previous = threading.stack_size(DEEP_STACK_BYTES)
        try:
            thread = threading.Thread(target=run, daemon=True, name="kgraph-deep")
            thread.start()
        finally:
            threading.stack_size(previous)
    deadline = None if timeout is None else time.monotonic() + timeout
    while thread.is_alive():
        left = 0.5 if deadline is None else min(0.5, deadline - time.monotonic())
        if left <= 0:
            raise DeadlineError(f"{what} did not finish within the time limit of {timeout:g} s")
        thread.join(left)  # short waits: a signal handler (Ctrl-C) runs between them
    if failure:
        raise failure[0]
    return outcome[0]


_STACK_SIZE_LOCK = threading.Lock()


def _clear_frames(error: BaseException) -> None:
    """Drop the local variables of every frame the error (and those it chains) went through, on this thread:
    some objects (pyoxigraph's query results) may only be freed by the thread that made them."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        traceback.clear_frames(current.__traceback__)
        pending += [current.__context__, current.__cause__]
