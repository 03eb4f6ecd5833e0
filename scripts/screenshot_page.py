"""Screenshot an explorer page as a person first sees it: Debian's Chromium at a 1400x900 viewport, offline.

Usage: python scripts/screenshot_page.py PAGE.html OUT.png

The README's screenshots are taken so. (`chromium --headless --screenshot` lays the page out at another size
first, so its opening view can differ from what a browser window shows.)
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from kgraph.visualize.browser import launch_chromium


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    arguments = parser.parse_args()
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        offline = lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()  # noqa: E731
        context.route("**/*", offline)
        tab = context.new_page()
        tab.goto(arguments.page.resolve().as_uri())
        tab.wait_for_function("document.body.dataset.state === 'ready'", timeout=120_000)
        tab.wait_for_timeout(500)  # the first drawing after ready
        tab.screenshot(path=str(arguments.out))
        browser.close()


if __name__ == "__main__":
    main()
