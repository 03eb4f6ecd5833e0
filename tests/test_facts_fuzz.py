"""Hundreds of mutants of the seed's facts.yaml: each is refused with one `file:line` error, or builds a graph
that validation judges; nothing crashes, hangs or writes a partial output.

The mutants are made deterministically (a seeded random): a line deleted, duplicated, swapped with another or
re-indented, or a scalar replaced by a hostile value. Every mutant is read by the loader; every one the loader
accepts is built into RDF and validated (`build_dataset`, `validate`), which must not raise; a sample of
mutants of every kind also runs through the real `kgraph build` command (click's CliRunner), whose exit code
must be 0, 1 with the violated shapes printed, or 2 with one `error: <file>:<line>: …` line and no output
folder.
"""

import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.errors import FactsError
from kgraph.facts import parse_facts
from kgraph.graph import build_dataset
from kgraph.model import ArticleModel
from kgraph.source import Article
from kgraph.validate import validate

SEED = Path(__file__).resolve().parents[1] / "data" / "omsk-forum-2019-11-07"
LINES = (SEED / "facts.yaml").read_text(encoding="utf-8").splitlines(keepends=True)

HOSTILE = (
    "1e999999999",
    '"no"',
    "[a, b]",
    "{a: 1}",
    "null",
    "2019-02-30",
    "*x",
    "&x y",
    '"\\u0000"',
    "x" * 10_000,
    "[" * 10_000 + "]" * 10_000,
    '"\\t"',
    "\t",
    ".inf",
    ".nan",
    "-1",
    "''",
    "true",
    "1.5",
    "9" * 30,
    "2019-11-07 10:00:00",
    "0001-01-01",
    "!!binary aGVsbG8=",
    "!!set {a}",
    '"\\ud800"',
    "Q0",
    "schema:Thing",
    "x @99999999999999999999",
    "en US",
    "? [a]",
    "|",
    "{",
)
"""Values a scalar of the seed is replaced by, written as YAML source."""

_SCALAR = re.compile(
    r"""(?:(?<=: )|(?<=\[)|(?<=, ))"""
    r"""(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s,\[\]{}#"'&*!|>][^,\[\]{}#\n]*?)"""
    r"""(?=\s*(?:[,}\]]|$))""",
    re.M,
)


def _scalars() -> dict[str, list[re.Match[str]]]:
    """The seed's scalars (not in comments) by the key they belong to: "value", "implied", "ru", "evidence", …"""
    text = "".join(LINES)
    by_key: dict[str, list[re.Match[str]]] = {}
    for match in _SCALAR.finditer(text):
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if not line.lstrip().startswith("#"):
            keys = re.findall(r"([\w-]+): ", line)
            by_key.setdefault(keys[-1] if keys else "(continued)", []).append(match)
    return by_key


def _mutants() -> Iterator[tuple[str, str]]:
    """(name, facts text) of every mutant; the same ones on every run."""
    rng = random.Random(20191107)
    text = "".join(LINES)
    for _ in range(40):
        i = rng.randrange(len(LINES))
        yield f"delete-{i + 1}", "".join(LINES[:i] + LINES[i + 1 :])
    for _ in range(40):
        i = rng.randrange(len(LINES))
        yield f"duplicate-{i + 1}", "".join(LINES[: i + 1] + LINES[i:])
    for _ in range(40):
        i, j = sorted(rng.sample(range(len(LINES)), 2))
        swapped = [*LINES[:i], LINES[j], *LINES[i + 1 : j], LINES[i], *LINES[j + 1 :]]
        yield f"swap-{i + 1}-{j + 1}", "".join(swapped)
    for _ in range(40):
        i = rng.randrange(len(LINES))
        line = LINES[i]
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        new = rng.choice([max(indent - 2, 0), max(indent - 1, 0), indent + 1, indent + 2, indent + 4])
        prefix = "\t" if rng.random() < 0.2 else " " * new
        yield f"indent-{i + 1}", "".join([*LINES[:i], prefix + body, *LINES[i + 1 :]])
    scalars = _scalars()
    keys = rng.sample(sorted(scalars), len(scalars))
    for number, value in enumerate(HOSTILE):
        for turn in range(12):  # twelve keys for each value, every key in turn
            key = keys[(number * 12 + turn) % len(keys)]
            match = rng.choice(scalars[key])
            line = text.count("\n", 0, match.start()) + 1
            yield f"value{number}-{key}-{line}", text[: match.start()] + value + text[match.end() :]


def _distinct(mutants: Iterator[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    seen = {"".join(LINES)}
    for name, text in mutants:
        if text not in seen:
            seen.add(text)
            yield name, text


MUTANTS = list(_distinct(_mutants()))
ERROR_LINE = re.compile(r"facts\.yaml:\d+(:\d+)?: [^\n]{1,300}")


def _judge(article: Article, text: str, seed: ArticleModel) -> str:
    """'refused', 'conforms' or 'violates', after checking the error or the built graph."""
    try:
        model = parse_facts(article, text, "facts.yaml")
    except FactsError as error:
        assert ERROR_LINE.fullmatch(str(error)), str(error)[:500]
        return "refused"
    if model == seed:  # a comment or blank line moved: the seed's own graph, built and validated elsewhere
        return "conforms"
    report = validate(build_dataset([model]))
    if report.conforms:
        return "conforms"
    assert report.results and all(result.message for result in report.results)
    return "violates"


def test_the_mutants_are_hundreds_and_of_every_kind() -> None:
    assert len(MUTANTS) > 400 and len(CLI_SAMPLE) == 16
    kinds = {name.split("-")[0].rstrip("0123456789") for name, _ in MUTANTS}
    assert kinds == {"delete", "duplicate", "swap", "indent", "value"}


@pytest.mark.parametrize(("name", "text"), MUTANTS, ids=[name for name, _ in MUTANTS])
def test_a_mutant_is_refused_with_its_line_or_builds_a_graph_that_is_judged(
    seed_article: Article, seed_model: ArticleModel, name: str, text: str
) -> None:
    assert _judge(seed_article, text, seed_model) in {"refused", "conforms", "violates"}


ACCEPTED = ("value1-headline_en-10", "swap-35-147", "duplicate-504")
"""Mutants the loader accepts: an English headline "no"; an office and an opening that swap their class lines,
which builds and violates a shape (exit 1); a fact said twice."""
CLI_SAMPLE = [m for m in MUTANTS if m[0] in ACCEPTED] + random.Random(7).sample(MUTANTS, 13)


@pytest.mark.parametrize(("name", "text"), CLI_SAMPLE, ids=[name for name, _ in CLI_SAMPLE])
def test_kgraph_build_of_a_mutant_exits_0_1_or_2_and_writes_nothing_on_2(
    tmp_path: Path, seed_article: Article, name: str, text: str
) -> None:
    folder = tmp_path / SEED.name
    shutil.copytree(SEED, folder)
    facts = folder / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--no-html", "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in {0, 1, 2}
    if result.exit_code == 2:
        assert re.fullmatch(rf"error: {re.escape(str(facts))}:\d+(:\d+)?: [^\n]+\n", result.stderr), result.stderr
        assert not out.exists()
        with pytest.raises(FactsError):
            parse_facts(seed_article, text)
    else:
        assert {p.name for p in out.iterdir()} == {"graph.ttl", "graph.trig"}
        verdict = "Conforms" if result.exit_code == 0 else "Does not conform"
        assert verdict in result.stdout
        assert result.exit_code == 0 or "\n- Violation: " in result.stdout
