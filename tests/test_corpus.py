"""A corpus is a folder of article files at any depth; its build is the same whatever the number of workers."""

import shutil
from pathlib import Path

from kgraph.pipeline import build
from kgraph.source import find_articles

ROOT = Path(__file__).resolve().parents[1]
NEREL_SAMPLE = ROOT / "tests" / "extract" / "data" / "nerel-sample"


def _corpus(folder: Path) -> Path:
    """Three NEREL texts two folders down, an article folder, the corpus's README and a hidden copy."""
    nested = folder / "2019" / "11"
    nested.mkdir(parents=True)
    for text in sorted(NEREL_SAMPLE.glob("*.txt")):
        shutil.copy(text, nested / text.name)
    shutil.copytree(ROOT / "examples" / "technopark", folder / "technopark")
    (folder / "technopark" / "NOTES.md").write_text("# Notes about the article, not an article\n", encoding="utf-8")
    (folder / "README.md").write_text("# A corpus\n", encoding="utf-8")
    (folder / ".cache").mkdir()
    (folder / ".cache" / "copy.txt").write_text("Путин прилетел в Омск.\n", encoding="utf-8")
    return folder


def test_a_folder_of_txt_files_at_any_depth_is_a_corpus(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    found = [path.relative_to(corpus).as_posix() for path in find_articles(corpus)]
    assert found == [
        "2019/11/220820_text.txt",
        "2019/11/223562_text.txt",
        "2019/11/223960_text.txt",
        "technopark",
    ]


def test_two_workers_build_byte_for_byte_what_one_builds(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    one = build([corpus], tmp_path / "one", html=False, jobs=1)
    two = build([corpus], tmp_path / "two", html=False, jobs=2)
    assert [m.article.slug for m in one.models] == [m.article.slug for m in two.models]
    for kind in ("turtle", "trig"):
        assert one.files[kind].read_bytes() == two.files[kind].read_bytes(), kind
    assert one.report.conforms


def test_paths_can_come_one_per_line_on_standard_input(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import main

    corpus = _corpus(tmp_path / "corpus")
    listed = "".join(f"{path}\n" for path in sorted((corpus / "2019").rglob("*.txt"))[:2])
    result = CliRunner().invoke(
        main, ["build", "--paths-from", "-", "--out", str(tmp_path / "out"), "--no-html"], input=listed
    )
    assert result.exit_code == 0, result.output
    assert "Built 2 article(s)" in result.output
