"""`kgraph build` and `kgraph extract` of an article without curated facts run numpy's BLAS on one thread.

OpenBLAS reads OPENBLAS_NUM_THREADS / OMP_NUM_THREADS once, when numpy is first imported, so the limit must be
in the environment by then: the check runs the real command in a fresh process and records the environment at
the moment numpy is imported, and asks the loaded OpenBLAS how many threads it uses.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kgraph.extract.text.ner import limit_threads

_RUN_AND_REPORT = r"""
import ctypes, importlib.abc, json, os, sys

seen = {}
class WatchNumpy(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "numpy" and not seen:
            seen.update({key: os.environ.get(key) for key in json.loads(sys.argv[1])})
        return None

def openblas_threads():
    # what threadpoolctl asks: the OpenBLAS that numpy loaded, by its exported getter
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "openblas" in line.lower() and ".so" in line}
    for path in paths:
        library = ctypes.CDLL(path)
        for getter in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads"):
            if hasattr(library, getter):
                return getattr(library, getter)()
    return None

sys.meta_path.insert(0, WatchNumpy())
from kgraph.cli import main
try:
    main(sys.argv[2:])
except SystemExit as done:
    code = done.code
print(json.dumps({"exit": code, "environment": seen, "openblas": openblas_threads()}))
"""


@pytest.mark.parametrize("command", [["build", "--out", "out"], ["extract"]], ids=["build", "extract"])
def test_kgraph_build_and_extract_of_an_article_without_facts_run_blas_on_one_thread(
    tmp_path: Path, command: list[str]
) -> None:
    article = tmp_path / "news"
    article.mkdir()
    (article / "article.md").write_text("# Визит\n\nВладимир Путин прилетел в Омск 6 ноября.\n", encoding="utf-8")
    variables = sorted(limit_threads())
    environment = {key: value for key, value in os.environ.items() if key not in variables}
    done = subprocess.run(
        [sys.executable, "-c", _RUN_AND_REPORT, json.dumps(variables), command[0], str(article), *command[1:]],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["exit"] == 0, done.stdout
    assert report["environment"] == dict.fromkeys(variables, "1")  # what numpy saw when it was imported
    assert report["openblas"] in (1, None)  # None: numpy's BLAS is not OpenBLAS here
