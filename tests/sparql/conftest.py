"""Fixtures for the SPARQL tests: the seed graph on disk, and real SPARQL servers (Oxigraph, Virtuoso)."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled articles built into one TriG file (one named graph per article)."""
    from kgraph.graph import build_dataset
    from kgraph.pipeline import load_models

    dataset = build_dataset(load_models([ROOT / "data"]))
    path = tmp_path_factory.mktemp("seed") / "graph.trig"
    dataset.serialize(str(path), format="trig")
    return path


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_answers(url: str, process: subprocess.Popen[bytes] | None, seconds: float) -> None:
    """Poll `url` until it answers any HTTP status; fail when the process dies or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server we started, by its PID: SIGTERM, then SIGKILL."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


@dataclass
class Oxigraph:
    """A running `oxigraph serve`: its base URL and process."""

    url: str
    process: subprocess.Popen[bytes]

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def store_url(self) -> str:
        return f"{self.url}/store"

    @property
    def update_url(self) -> str:
        return f"{self.url}/update"


def start_oxigraph(location: Path) -> Oxigraph:
    """Start `oxigraph serve` (the PyPI package's CLI, beside our Python) on a free loopback port."""
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if binary is None:
        pytest.fail("the oxigraph CLI is missing: install the test extra (pip install -e '.[test]')")
    port = free_port()
    process = subprocess.Popen(
        [
            binary,
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Oxigraph(f"http://127.0.0.1:{port}", process)
    try:
        wait_until_answers(f"{server.query_url}?query=ASK%7B%7D", process, 30)
    except RuntimeError:
        stop(process)
        raise
    return server


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[Oxigraph]:
    """A fresh Oxigraph server with an empty store in a temporary folder, stopped afterwards."""
    server = start_oxigraph(tmp_path / "oxigraph")
    try:
        yield server
    finally:
        stop(server.process)


@dataclass
class Virtuoso:
    """A running Virtuoso: its SPARQL endpoint and Graph Store (sparql-graph-crud) URLs, its SQL port and the
    isql binary that talks to it, and a folder its bulk loader may read (`ld_dir`), listed in DirsAllowed."""

    query_url: str
    store_url: str
    process: subprocess.Popen[bytes]
    sql_port: int
    isql: str
    bulk_folder: Path

    def isql_command(self, *arguments: str) -> list[str]:
        """An isql-vt command line logged in as dba (e.g. with a script file, or `exec=…`)."""
        return [self.isql, f"127.0.0.1:{self.sql_port}", "dba", "dba", *arguments]


VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
VIRTUOSO_DB = "/var/lib/virtuoso-opensource-7/db/"


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """Debian's Virtuoso 7 on loopback ports with a new database in a temporary folder (about 20 s to start).

    Anonymous SPARQL UPDATE and the Graph Store are allowed with one GRANT through isql-vt; the bulk loader may
    read the `bulk` folder beside the database.
    """
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None or not VIRTUOSO_INI.is_file():
        pytest.fail("Virtuoso is not installed: run `make virtuoso` (the Virtuoso tests must run, not skip)")
    folder = tmp_path_factory.mktemp("virtuoso")
    bulk_folder = folder / "bulk"
    bulk_folder.mkdir()
    sql_port, http_port = free_port(), free_port()
    ports = iter((sql_port, http_port))
    lines = []
    for line in VIRTUOSO_INI.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("ServerPort"):
            port = next(ports, None)
            if port is not None:
                line = f"ServerPort = 127.0.0.1:{port}"
        if line.strip().startswith("DirsAllowed"):  # ld_dir silently reads nothing from a folder not listed
            line = f"{line}, {bulk_folder}"
        lines.append(line.replace(VIRTUOSO_DB, f"{folder}/"))
    config = folder / "virtuoso.ini"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    process = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(config)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_answers(f"{base}/sparql?query=ASK%7B%7D", process, 120)
        subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield Virtuoso(f"{base}/sparql", f"{base}/sparql-graph-crud", process, sql_port, isql, bulk_folder)
    finally:
        stop(process)
