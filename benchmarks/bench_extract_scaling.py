"""Extraction cost per 10k characters from 10k to 200k characters, on news text and on hostile text.

Run: python -m benchmarks bench_extract_scaling (or python benchmarks/bench_extract_scaling.py [KIND …]).
Each kind of text is cut to 10k, 50k, 100k and 200k characters (200k is the most extraction reads) and each
size is extracted in a fresh process after the models load, so that its peak memory is its own. The table gives
seconds and peak memory above the loaded models, both per 10k characters, and their ratio to the 10k size of the
same kind in the same run: near 1 is linear; a step quadratic in the text gives about 5 at 50k and 20 at 200k.
A size that passes the time or memory limit is shown as such (the limits keep a regression from taking the
machine).
"""

import gc
import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (10_000, 50_000, 100_000, 200_000)
TIME_LIMIT = 300.0
"""Seconds one size may take (models included) before it is stopped."""
MEMORY_LIMIT = 6 * 2**30
"""Bytes of address space one size may take before it is stopped."""

_HEADER = "# Заголовок\n\nPublished at: **2019-11-07T10:00:00**\n\n"
_FIRST = ("Иван", "Пётр", "Сергей", "Алексей", "Дмитрий", "Анна", "Мария", "Елена", "Ольга", "Татьяна")
_STEMS = ("Бор", "Вол", "Гор", "Дон", "Зар", "Кол", "Лав", "Мор", "Нор", "Сав", "Тар", "Фед")
_ENDS = ("ин", "ов", "ев", "ман", "ер", "ук", "енко", "ич")
_PATRONYMIC = ("Иванович", "Петрович", "Сергеевич", "Алексеевич", "Дмитриевич")


def _repeated(unit: str) -> Callable[[int], str]:
    def text(size: int) -> str:
        body = size - len(_HEADER)
        return _HEADER + (unit * (body // len(unit) + 1))[:body]

    return text


def _said_line(unit: str) -> Callable[[int], str]:
    """One line that opens as a direct quote does ("- …") and ends in a period and a word."""

    def text(size: int) -> str:
        return _repeated(unit)(size - len(". Конец")) + ". Конец"

    return text


def _news(size: int) -> str:
    """The seed article's body (without its header) over and over: plain news, every rule has work."""
    seed = (ROOT / "data" / "omsk-forum-2019-11-07" / "article.md").read_text(encoding="utf-8")
    body = seed[seed.index("\n", seed.index("Original:")) + 1 :]
    return _repeated(body + "\n")(size)


def _names(size: int) -> str:
    """Thousands of different persons, each named in full with a title and then by surname: grouping, titles
    and lone surnames."""
    surnames = [stem + end for stem in _STEMS for end in _ENDS]
    people = (
        f"президент {first} {patronymic} {surname}, {surname} заявил. "
        for first, patronymic, surname in itertools.product(_FIRST, _PATRONYMIC, surnames)
    )
    return _repeated("".join(itertools.islice(people, 4000)))(size)


def _brackets(size: int) -> str:
    """Brackets nested as deep as the text is long around one name."""
    depth = (size - len(_HEADER) - len(" Москва ")) // 2
    return _HEADER + "(" * depth + " Москва " + ")" * (size - len(_HEADER) - len(" Москва ") - depth)


def _space_run(size: int) -> str:
    """A speaker's line whose words end in spaces as long as the text, then a letter."""
    start = _HEADER + "- Да, - сказал Иван"
    return start + " " * (size - len(start) - 1) + "y"


KINDS: dict[str, Callable[[int], str]] = {
    "news": _news,
    "letters": _repeated("а"),  # one word as long as the text: no space, no sentence end
    "amounts": _repeated("5 млн рублей, "),  # 14,000 amounts in one sentence at 200k
    "digit groups": _repeated("000 "),  # one number of 50,000 groups of three digits
    "quoted names": _repeated("компания «Газпром» «"),  # quotes opened and closed, one left open each time
    "quote marks": _said_line('- «"„“» - а '),  # quotation marks and dashes on one line that opens as a quote
    "names": _names,
    "long line": _repeated("президент России заявил что форум в Омске и "),  # no sentence end, no line break
    "brackets": _brackets,
    "space run": _space_run,
}
"""Kinds of text: plain news first (the baseline), then one kind of hostile text each."""


def measure(kind: str, size: int) -> dict[str, float]:
    """Extract `size` characters of `kind` in this process: seconds and peak memory (MB) above the loaded models."""
    from kgraph.extract import extract_article
    from kgraph.extract.text.ner import limit_threads, load_models
    from kgraph.source import parse_article

    limit_threads()
    load_models()
    extract_article(parse_article("warm", "# Тест\n\nВладимир Путин прилетел в Омск 6 ноября. Цена — 5 млн рублей.\n"))
    text = KINDS[kind](size)
    gc.collect()
    before = _resident_kb()
    start = time.perf_counter()
    extract_article(parse_article("bench", text))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "megabytes": (peak - before) / 1024}


def _resident_kb() -> int:
    """This process's resident memory now, in KB (Linux); its peak so far elsewhere."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _measure_apart(kind: str, size: int) -> dict[str, float] | str:
    """measure() in a fresh process under the limits; a string says which limit stopped it."""
    command = [sys.executable, "-m", "benchmarks.bench_extract_scaling", "--one", kind, str(size)]
    try:
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=TIME_LIMIT, preexec_fn=_limit_memory
        )
    except subprocess.TimeoutExpired:
        return f"> {TIME_LIMIT:.0f} s"
    if done.returncode != 0:
        memory = "MemoryError" in done.stderr or "Cannot allocate" in done.stderr or done.returncode < 0
        return f"> {MEMORY_LIMIT / 2**30:.0f} GB" if memory else "failed: " + done.stderr.strip().splitlines()[-1]
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Print, per kind and size, seconds and MB per 10k characters and their ratios to the 10k size."""
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]))))
        return
    kinds = sys.argv[1:] or list(KINDS)
    print(f"{'text':<14}{'chars':>8}{'s':>9}{'s/10k':>8}{'ratio':>7}{'MB':>8}{'MB/10k':>8}{'ratio':>7}", flush=True)
    for kind in kinds:
        first: dict[str, float] | None = None
        for size in SIZES:
            found = _measure_apart(kind, size)
            if isinstance(found, str):
                print(f"{kind:<14}{size:>8,} {found}", flush=True)
                break  # a larger size would only take longer
            per = {name: value * 10_000 / size for name, value in found.items()}
            first = first or per
            ratios = {name: per[name] / first[name] if first[name] > 0 else float("nan") for name in per}
            print(
                f"{kind:<14}{size:>8,}{found['seconds']:>9.2f}{per['seconds']:>8.3f}{ratios['seconds']:>7.2f}"
                f"{found['megabytes']:>8.0f}{per['megabytes']:>8.1f}{ratios['megabytes']:>7.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
