"""Which events: found by head noun (``events``), then given their places, openings and days (``components``)."""
