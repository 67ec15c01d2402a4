"""Developer tools run from the repository root (not installed with the site).

Benchmarks, page generators, demo data and the parse-corpus scorer; nothing
in the runtime packages imports from here.
"""
