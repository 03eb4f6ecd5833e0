"""Option types the commands share: values click's own types let through (`nan` passes FloatRange).

>>> SECONDS.convert("2.5", None, None)
2.5
>>> SECONDS.convert("nan", None, None)
Traceback (most recent call last):
...
click.exceptions.BadParameter: 'nan' is not a number of seconds from 0 (excluded) to 86400
"""

import math
from typing import Any

import click

from ..limits import MAX_SECONDS


class Seconds(click.ParamType):  # type: ignore[type-arg]
    """A finite, positive number of seconds, at most a day."""

    name = "seconds"
    most = MAX_SECONDS

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            seconds = math.nan
        if not (0 < seconds <= self.most):  # also false for nan
            self.fail(f"{value!r} is not a number of seconds from 0 (excluded) to {self.most:g}", param, ctx)
        return seconds


SECONDS = Seconds()


WITHOUT = click.option(
    "--without",
    "without",
    metavar="PACK",
    multiple=True,
    help="Switch off a pack of extraction rules for one kind of article (forum: reports of summits and forums). "
    "Repeatable.",
)
"""`--without PACK` for the commands that extract (extract, eval, build)."""
