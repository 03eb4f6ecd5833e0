"""An article that is not Russian gets a warning naming its language from `kgraph extract` and `kgraph build`,
not a silent empty graph; a Russian one (English names and quotes and all) and a text too short to judge get none.
"""

from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli.build import build
from kgraph.cli.extract import extract
from kgraph.extract import dump_facts, extract_article
from kgraph.extract.text.language import _NAMES, _identifier, language_of
from kgraph.source import load_article

HEADER = (
    "Published at: **2019-11-07T00:00:00+00:00**\n\nAuthor: **Anna Smith**\n\nOriginal: [Omsk](https://omsk.ru/1)\n\n"
)

ENGLISH = (
    "# Putin and Tokayev close the forum in Omsk\n\n" + HEADER + "The leaders of Russia and Kazakhstan closed the "
    "forum of interregional cooperation in Omsk on Thursday. The forum brought together 1,600 participants, "
    "including ministers, regional governors and business people from both countries.\n"
)
UKRAINIAN = (
    "# Путін і Токаєв закрили форум в Омську\n\n" + HEADER + "Глави двох держав, Росії та Казахстану, закрили форум "
    "співробітництва, який зібрав в Омську 1600 людей. Президенти обговорили актуальні питання розвитку "
    "прикордонного співробітництва двох країн.\n"
)
RUSSIAN_WITH_ENGLISH = (
    "# Наделла встретился с партнёрами Microsoft в Москве\n\n" + HEADER + "Генеральный директор Microsoft Сатья "
    "Наделла (Satya Nadella) встретился в Москве с представителями Google, Apple и Amazon Web Services.\n\n"
    "«We are committed to the Russian market and will keep investing in local partners», — заявил Наделла "
    "журналистам.\n\nПо словам аналитика Goldman Sachs Джона Смита (John Smith), Microsoft Corporation сохранит "
    "офис в Москве.\n"
)
SHORT = "# Putin meets Tokayev\n\nThe talks went well.\n"


def _article(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "data" / name
    folder.mkdir(parents=True)
    (folder / "article.md").write_text(text, encoding="utf-8")
    return folder


def _run(command: str, folder: Path, tmp_path: Path) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of `kgraph extract` or `kgraph build` on `folder`."""
    if command == "extract":
        result = CliRunner().invoke(extract, [str(folder)])
    else:
        result = CliRunner().invoke(build, [str(folder), "--out", str(tmp_path / "out"), "--no-html"])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", ["extract", "build"])
@pytest.mark.parametrize(("text", "named"), [(ENGLISH, "English (en)"), (UKRAINIAN, "Ukrainian (uk)")])
def test_an_article_not_in_russian_is_warned_about_by_its_language_and_still_written(
    tmp_path: Path, command: str, text: str, named: str
) -> None:
    folder = _article(tmp_path, "foreign", text)
    code, stdout, stderr = _run(command, folder, tmp_path)
    assert code == 0, stdout + stderr
    assert stderr.count("warning:") == 1
    assert f"warning: {folder / 'article.md'}: the text looks like {named}, not Russian" in stderr
    if command == "extract":
        assert stdout.startswith("#")  # the facts YAML, empty or near so
    else:
        assert (tmp_path / "out" / "graph.ttl").is_file()


@pytest.mark.parametrize("command", ["extract", "build"])
@pytest.mark.parametrize("text", [RUSSIAN_WITH_ENGLISH, SHORT], ids=["russian-with-english", "short"])
def test_russian_with_english_names_and_a_text_too_short_to_judge_get_no_warning(
    tmp_path: Path, command: str, text: str
) -> None:
    code, stdout, stderr = _run(command, _article(tmp_path, "news", text), tmp_path)
    assert code == 0, stdout + stderr
    assert "warning" not in stderr


def test_a_build_of_many_articles_warns_once_for_each_that_is_not_russian(tmp_path: Path) -> None:
    english = _article(tmp_path, "english", ENGLISH)
    _article(tmp_path, "russian", RUSSIAN_WITH_ENGLISH)
    ukrainian = _article(tmp_path, "ukrainian", UKRAINIAN)
    code, stdout, stderr = _run("build", tmp_path / "data", tmp_path)
    assert code == 0, stdout + stderr
    warned = [line.split(": ")[1] for line in stderr.splitlines() if line.startswith("warning:")]
    assert warned == [str(english / "article.md"), str(ukrainian / "article.md")]


def test_a_curated_article_is_not_warned_about(tmp_path: Path) -> None:
    folder = _article(tmp_path, "curated", ENGLISH)
    (folder / "facts.yaml").write_text(dump_facts(extract_article(load_article(folder))), encoding="utf-8")
    code, stdout, stderr = _run("build", folder, tmp_path)
    assert code == 0, stdout + stderr
    assert "warning" not in stderr


def test_every_language_the_model_can_find_has_an_english_name() -> None:
    assert set(_identifier().labels) - {"zxx"} == set(_NAMES)


def test_a_headline_alone_is_not_judged() -> None:
    assert language_of("Putin and Tokayev close the forum in Omsk") is None
