"""The same graph gives the same page, byte for byte, in every process (Python randomises string hashes)."""

import os
import subprocess
import sys
from pathlib import Path

WRITE_PAGE = """
import sys
from pathlib import Path
from kgraph.rdfio import read_dataset
from kgraph.visualize import write_page
write_page(read_dataset(Path(sys.argv[1])), Path(sys.argv[2]), title="seed")
"""


def test_the_seed_graph_gives_the_same_page_whatever_the_hash_seed(seed_trig: Path, tmp_path: Path) -> None:
    pages = []
    for seed in ("1", "2"):
        page = tmp_path / f"page-{seed}.html"
        subprocess.run(
            [sys.executable, "-c", WRITE_PAGE, str(seed_trig), str(page)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            timeout=120,
        )
        pages.append(page.read_bytes())
    assert pages[0] == pages[1]
