"""Benchmarks, run on demand with `make bench`; each prints times and ratios against a baseline of the same run."""
