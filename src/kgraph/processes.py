"""A second Python process running a kgraph function, for work that can go on beside this process's on another
core (the machines kgraph runs on have two or more).

Started as ``python -c`` with the same interpreter and this kgraph importable, not by multiprocessing: its
"spawn" runs the caller's main script again (a script without an ``if __name__ == "__main__"`` guard would
start over), and "fork" copies a process whose threads (Oxigraph's, a browser driver's) may hold locks.

>>> import subprocess
>>> worker = python_process("import kgraph, sys; print(kgraph.__name__, sys.argv[1])", "a", stdout=subprocess.PIPE)
>>> worker.communicate()[0]
b'kgraph a\\n'
"""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

_SOURCE = str(Path(__file__).resolve().parent.parent)
"""The folder this kgraph package is in: first on the second process's path, so it imports the same code."""


def python_process(code: str, *arguments: str, **popen: Any) -> "subprocess.Popen[bytes]":
    """``python -c code arguments...`` started with this interpreter, kgraph importable; `popen` goes to Popen
    (its pipes: stdin closed unless given)."""
    path = os.pathsep.join(filter(None, (_SOURCE, os.environ.get("PYTHONPATH"))))
    popen.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.Popen([sys.executable, "-c", code, *arguments], env={**os.environ, "PYTHONPATH": path}, **popen)
