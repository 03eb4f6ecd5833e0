"""Run every benchmark module (benchmarks/bench_*.py), or those named on the command line."""

import importlib
import sys
from pathlib import Path


def main() -> None:
    names = sys.argv[1:] or sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    for name in names:
        print(f"== {name}", flush=True)
        sys.argv = [f"benchmarks/{name}.py"]  # each benchmark parses its own options, if any
        importlib.import_module(f"benchmarks.{name}").main()


if __name__ == "__main__":
    main()
