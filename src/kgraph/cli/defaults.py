"""Where the commands look when not told: the articles under data/, the built graph in out/.

>>> DEFAULT_GRAPH.as_posix()
'out/graph.trig'
"""

from pathlib import Path

DEFAULT_DATA = Path("data")
DEFAULT_OUT = Path("out")
DEFAULT_GRAPH = DEFAULT_OUT / "graph.trig"
