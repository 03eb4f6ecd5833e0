"""How the page is opened in Debian's Chromium, headless and offline, by the browser tests and the benchmark.

>>> CHROMIUM_ARGS[:2]
['--no-sandbox', '--disable-gpu']
"""

from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (`make browser` installs it)."""

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
"""No sandbox (containers), no GPU, and none of the background requests a first run would make."""


def launch_chromium(playwright: Any) -> Any:
    """Debian's Chromium launched through a started Playwright (playwright.sync_api), with CHROMIUM_ARGS."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
